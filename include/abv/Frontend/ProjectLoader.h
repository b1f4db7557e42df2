//===- ProjectLoader.h - Finds and loads a project's artifacts -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Turns the paths a user names into a Project. A folder is searched for
/// the artifacts of an AutoBe-style project:
///
/// | artifact                    | where                                    |
/// |-----------------------------|------------------------------------------|
/// | DB schema (`.prisma`)       | `prisma/schema/**/*.prisma`,             |
/// |                             | `prisma/schema.prisma`, `schema.prisma`, |
/// |                             | or `*.prisma` in the folder itself       |
/// | DB AST                      | `autobe/prisma.json`                     |
/// | AutoBe's OpenAPI AST        | `autobe/document.json`                   |
/// | OpenAPI document            | the first of `swagger.json`,             |
/// |                             | `openapi.json`, `swagger.yaml`,          |
/// |                             | `swagger.yml`, `openapi.yaml`,           |
/// |                             | `openapi.yml`, at the top or in          |
/// |                             | `autobe/` (a JSON document wins over a   |
/// |                             | YAML one, which is then not read)        |
/// | TypeScript (logic, tests)   | `src/**/*.ts`, `test/**/*.ts` (not in    |
/// |                             | `node_modules`)                          |
/// | AutoBe's history            | `autobe/histories.json`: the endpoint of |
/// |                             | each test and provider, the compiler's   |
/// |                             | results, and the code of `src/` or       |
/// |                             | `test/` when the folder has none         |
/// |                             | (AutoBeHistory.h)                        |
///
/// Files may also be named directly: `*.prisma` files form one multi-file
/// schema; a `.json` file is told by its name, else by its keys (an
/// OpenAPI document, AutoBe's OpenAPI AST, else a DB AST); a `.yaml` /
/// `.yml` file is an OpenAPI document in YAML; `.ts` files are parsed into
/// syntax trees (Project::tsFiles); a `histories.json` is AutoBe's history,
/// all of whose code is read.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_PROJECTLOADER_H
#define ABV_FRONTEND_PROJECTLOADER_H

#include "abv/Basic/SourceFiles.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>

namespace abv {

class DiagnosticEngine;
class Project;
class Timing;

/// What happened while loading.
enum class LoadResult {
  Ok,         ///< Everything named was read (it may still have findings).
  Unreadable, ///< An input could not be read or held no artifacts (exit 2).
};

/// How inputs are read.
struct LoadOptions {
  /// A file larger than this is refused (IN005) before it is read.
  uint64_t sizeLimit = MaxSourceFileSize;
  /// Read files that links inside a project folder lead to outside it
  /// (otherwise IN010; see ProjectFolder.h).
  bool allowOutsideRoot = false;
  /// Times each frontend phase into this (--time-passes); null: not timed.
  Timing *timing = nullptr;
};

/// Loads \p inputs into \p project, reporting problems into \p diags.
/// Only regular files are read, each once (by identity), and nothing
/// outside a folder named in \p inputs is read through a link inside it.
LoadResult loadProject(Project &project, llvm::ArrayRef<std::string> inputs,
                       DiagnosticEngine &diags, const LoadOptions &options);
/// As above, with a size limit and the other options at their defaults.
LoadResult loadProject(Project &project, llvm::ArrayRef<std::string> inputs,
                       DiagnosticEngine &diags,
                       uint64_t sizeLimit = MaxSourceFileSize);

} // namespace abv

#endif // ABV_FRONTEND_PROJECTLOADER_H
