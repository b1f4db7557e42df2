//===- AutoBeDB.h - AutoBe DB AST (prisma.json) frontend -------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Lowers AutoBe's DB AST, `autobe/prisma.json`, into the DB IR. Both the
/// 2025 shape (AutoBePrisma.IApplication) and the 2026 shape
/// (AutoBeDatabase: stances actor/session, relation.oppositeName) are read;
/// unknown keys are tolerated. Every node's range points at the JSON key
/// or value it came from.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_AUTOBE_AUTOBEDB_H
#define ABV_FRONTEND_AUTOBE_AUTOBEDB_H

#include "abv/IR/DB.h"

#include <memory>

namespace abv {

class SourceManager;

class DiagnosticEngine;

/// Parses the JSON in buffer \p bufferID and lowers it. Returns null when
/// the document is not JSON or not a DB AST at all (after reporting why);
/// otherwise a schema holding everything that could be read.
std::unique_ptr<db::Schema> parseAutoBeDB(SourceManager &sourceMgr,
                                          unsigned bufferID,
                                          DiagnosticEngine &diags);

} // namespace abv

#endif // ABV_FRONTEND_AUTOBE_AUTOBEDB_H
