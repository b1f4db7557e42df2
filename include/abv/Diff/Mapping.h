//===- Mapping.h - Alignments as reviewable JSON files ---------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// An alignment written as JSON that a person can review and correct, and
/// read back instead of the matcher (`abv-diff --emit-mapping FILE`,
/// `--mapping FILE`). The schema (docs/Diff.md, "Mapping files"):
///
/// \code
///   {
///     "abv-diff-mapping": 1,
///     "candidate": "autobe/openai/gpt-4.1/todo",     (informative)
///     "reference": "golden/todo",                    (informative)
///     "note": "how the file was made",               (informative)
///     "entities": [
///       {"reference": "todo", "candidate": "todo_list_todos",
///        "confidence": 0.86,
///        "columns": [{"reference": "title", "candidate": "title"},
///                    {"reference": "due_date", "candidate": null}]},
///       {"reference": "user_profile", "candidate": null}
///     ],
///     "endpoints": [
///       {"reference": "GET /users/todos",
///        "candidate": "PATCH /todoList/user/todos"}
///     ],
///     "dtos": [{"reference": "IArticle", "candidate": "IBbsArticle"}]
///   }
/// \endcode
///
/// Entities and columns are named by their names, endpoints by method and
/// path as spelled on their side, DTOs by type name. An entry with both
/// sides is a pair; an entry with one side null records that the item has
/// no counterpart (it is checked to exist, and otherwise informative).
/// A dimension whose key is absent (or an entity pair without `columns`)
/// is left to the matcher.
///
/// Reading reports every problem, located: wrong JSON kinds (AB001),
/// missing keys (AB002), unknown keys (DIF013), an unsupported version or
/// a confidence outside [0, 1] (DIF014), an item listed twice (DIF015), a
/// name the side does not have (DIF016, with the closest name as a fix).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_DIFF_MAPPING_H
#define ABV_DIFF_MAPPING_H

#include "abv/Diff/Matcher.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace abv {
class DiagnosticEngine;
class SourceManager;
} // namespace abv

namespace abv::diff {

/// The version of the mapping format this ABV writes and reads.
inline constexpr int MappingVersion = 1;

/// What a mapping file fixes.
struct MappingFile {
  Alignment alignment;
  bool hasEntities = false;
  bool hasEndpoints = false;
  bool hasDTOs = false;
  /// Per candidate entity: whether the file lists its columns.
  std::vector<bool> hasColumns;
};

/// Writes \p alignment of \p candidate with \p reference: the reference's
/// items in order with their partners (or null), then the candidate's
/// unpaired items.
void writeMapping(llvm::raw_ostream &os, const Spec &candidate,
                  const Spec &reference, const Alignment &alignment);

/// Reads the mapping file at \p path into \p sources, against \p candidate
/// and \p reference. Returns nothing when the file is unreadable, is not
/// JSON, or has an error (each reported into \p diags).
std::optional<MappingFile>
readMapping(llvm::StringRef path, SourceManager &sources,
            DiagnosticEngine &diags, const Spec &candidate,
            const Spec &reference, uint64_t sizeLimit);

} // namespace abv::diff

#endif // ABV_DIFF_MAPPING_H
