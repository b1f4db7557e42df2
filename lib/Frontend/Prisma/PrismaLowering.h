//===- PrismaLowering.h - Prisma parse trees to the DB IR -------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Lowers the ANTLR parse tree of one chunk of a `.prisma` file into a
/// db::Schema, with exact source ranges, documentation comments and the
/// attribute-derived facts (relations, indexes, @map, @id, ...). Forms the
/// grammar accepts only to explain them (`Type?[]`, `[Type]`, unknown block
/// keywords, type aliases, bad string escapes) are reported here as PS001.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_FRONTEND_PRISMA_PRISMALOWERING_H
#define ABV_LIB_FRONTEND_PRISMA_PRISMALOWERING_H

#include "PrismaSourceChunk.h"

#include "abv/IR/DB.h"

#include "PrismaParser.h"

namespace abv {
class DiagnosticEngine;
} // namespace abv

namespace abv::prisma {

/// Appends the declarations of \p tree (parsed from \p chunk, whose tokens,
/// with comments, are in \p tokens) to \p schema. \p fileName becomes each
/// model's fileName.
void lowerPrismaChunk(PrismaParser::SchemaContext *tree,
                      const SourceChunk &chunk,
                      antlr4::BufferedTokenStream &tokens,
                      llvm::StringRef fileName, db::Schema &schema,
                      DiagnosticEngine &diags);

/// Fills Field::nativeType from `@<datasource>.Type(...)` attributes once
/// every file is lowered (the datasource may be declared in another file).
/// Without any datasource, the prefix `db` is accepted.
void attachNativeTypes(db::Schema &schema);

} // namespace abv::prisma

#endif // ABV_LIB_FRONTEND_PRISMA_PRISMALOWERING_H
