//===- DBPrismaRules.h - What Prisma allows, per generation and provider -===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The facts about Prisma's schema language that the DB checks share: which
/// Prisma generation a schema targets, its relation mode, the preview
/// features each generation knows, and what each provider supports
/// (multi-schema, clustering, index arguments and types, shard keys).
///
/// The tables were measured against Prisma's own engine, the WASM build of
/// prisma-fmt that `utils/prisma-referee` runs (the Prisma 6.19 engine and
/// the Prisma 7 line), one probe schema per provider and generation;
/// test/Referee/Inputs/probes keeps them (docs/Referee.md, "The probe
/// matrix").
///
/// Which generation a schema targets: a datasource that sets `url` is a
/// Prisma 6 schema (Prisma 7 rejects `url` in schema files); one without is
/// a Prisma 7 schema (Prisma 6 requires it). A schema without a datasource
/// counts as Prisma 7. This is what `referee.mjs --prisma=auto` does.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_VERIFY_DB_DBPRISMARULES_H
#define ABV_LIB_VERIFY_DB_DBPRISMARULES_H

#include "abv/IR/DB.h"

#include "llvm/ADT/StringRef.h"

namespace abv::db {

/// The Prisma release line a schema is written for.
enum class PrismaGeneration : unsigned char { V6, V7 };

/// The generation \p schema targets (see the file comment).
PrismaGeneration getPrismaGeneration(const Schema &schema);

/// "Prisma 6" or "Prisma 7".
llvm::StringRef getGenerationName(PrismaGeneration generation);

/// Whether relations are emulated by Prisma (`relationMode = "prisma"`, the
/// legacy `referentialIntegrity = "prisma"`, and always on MongoDB) rather
/// than enforced by foreign keys.
bool usesPrismaRelationMode(const Schema &schema);

/// What a generation makes of a preview feature name.
enum class PreviewFeatureStatus : unsigned char {
  Active,     ///< Known and in effect.
  Deprecated, ///< Known, no longer needed (Prisma warns).
  Unknown     ///< Rejected: unknown, or removed.
};

/// The status of preview feature \p name (compared case-insensitively, as
/// Prisma does) under \p generation with \p provider.
PreviewFeatureStatus getPreviewFeatureStatus(llvm::StringRef name,
                                             PrismaGeneration generation,
                                             Provider provider);

/// Whether some generator of \p schema lists preview feature \p name.
bool hasPreviewFeature(const Schema &schema, llvm::StringRef name);

/// The schema a model or enum is placed in by `@@schema("name")`, with the
/// range of the string; empty when it has none.
Ident getSchemaName(llvm::ArrayRef<Attribute> blockAttributes);

/// Provider capabilities, as Prisma's connectors declare them.
/// Several database schemas (`schemas = [...]`, `@@schema`).
bool supportsMultiSchema(Provider provider);
/// `clustered:` on keys and indexes.
bool supportsClustering(Provider provider);
/// `length:` on index fields.
bool supportsIndexLength(Provider provider);
/// `@@index(type: ...)` with \p method.
bool supportsIndexMethod(Provider provider, Index::Method method);
/// `@shardKey` / `@@shardKey`.
bool supportsShardKeys(Provider provider);
/// `extensions = [...]` in the datasource.
bool supportsExtensions(Provider provider);

} // namespace abv::db

#endif // ABV_LIB_VERIFY_DB_DBPRISMARULES_H
