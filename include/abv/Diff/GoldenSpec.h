//===- GoldenSpec.h - Reading a benchmark's golden spec --------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A golden spec is the reference a benchmark holds a generated backend to:
/// two JSON files in a folder (AutoBe's `packages/estimate/bench/<project>`):
///
/// \code
///   golden-schema.json     {"project": "todo", "description": "...",
///                           "entities": [{"name": "todo",
///                                         "required_fields": ["id", ...],
///                                         "optional_fields": ["due_date"]}]}
///   golden-endpoints.json  {"project": "todo",
///                           "endpoints": [{"method": "GET",
///                                          "path": "/users/todos/:id",
///                                          "description": "..."}]}
/// \endcode
///
/// Either file may be named alone, or be absent from the folder (the
/// layer it describes is then not compared); one file may also hold both
/// arrays. A `<entity>_id` field is a foreign key to that entity. Every
/// entity, field and endpoint keeps the exact range of its JSON value, so
/// that findings point at it.
///
/// Problems are located diagnostics: a value of the wrong kind (AB001), a
/// missing key (AB002), an unknown key (DIF013, a warning), an invalid
/// method or path (DIF014), a name or endpoint listed twice (DIF015).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_DIFF_GOLDENSPEC_H
#define ABV_DIFF_GOLDENSPEC_H

#include "abv/Diff/Spec.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <memory>

namespace abv {
class DiagnosticEngine;
class SourceManager;
} // namespace abv

namespace abv::diff {

/// The two files of a golden spec folder.
inline constexpr llvm::StringLiteral GoldenSchemaFile = "golden-schema.json";
inline constexpr llvm::StringLiteral GoldenEndpointsFile =
    "golden-endpoints.json";

/// Whether \p path names a golden spec by its name alone: a folder holding
/// golden-schema.json or golden-endpoints.json, or a file named
/// `golden-*.json`.
bool isGoldenSpecPath(llvm::StringRef path);

/// Whether the JSON text \p text looks like a golden spec: an object with
/// an `entities` or `endpoints` key (and no key of a project artifact).
bool looksLikeGoldenSpec(llvm::StringRef text);

/// Reads the golden spec at \p path (a folder, or one JSON file) into
/// \p sources, reporting problems into \p diags. Returns null when a file
/// cannot be read or parsed, or has an error (a value of the wrong kind, a
/// missing key, an invalid method or path, a duplicate): a diff against
/// part of a spec would mislead. Warnings (unknown keys) do not stop it.
std::unique_ptr<Spec> readGoldenSpec(llvm::StringRef path,
                                     SourceManager &sources,
                                     DiagnosticEngine &diags,
                                     uint64_t sizeLimit);

} // namespace abv::diff

#endif // ABV_DIFF_GOLDENSPEC_H
