//===- PrismaFrontend.h - Prisma schema language frontend ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Parses Prisma schema language files with the ANTLR grammar in
/// grammar/Prisma*.g4 and lowers them into the DB IR.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_PRISMA_PRISMAFRONTEND_H
#define ABV_FRONTEND_PRISMA_PRISMAFRONTEND_H

#include "abv/IR/DB.h"

#include "llvm/ADT/ArrayRef.h"

#include <memory>

namespace abv {

class SourceManager;

class DiagnosticEngine;

/// Parses the `.prisma` files in \p bufferIDs (one multi-file schema) and
/// lowers them into one Schema. Syntax errors are reported (PS001-PS013) at the
/// offending token, with what was expected; the parser recovers and keeps
/// going, and whatever parsed is still lowered. Never throws.
std::unique_ptr<db::Schema>
parsePrismaSchema(SourceManager &sourceMgr, llvm::ArrayRef<unsigned> bufferIDs,
                  DiagnosticEngine &diags);

} // namespace abv

#endif // ABV_FRONTEND_PRISMA_PRISMAFRONTEND_H
