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
///
/// Files may also be named directly: `*.prisma` files form one multi-file
/// schema; a `prisma.json` (or any other `.json` file, for now) is read as
/// an AutoBe DB AST.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_PROJECTLOADER_H
#define ABV_FRONTEND_PROJECTLOADER_H

#include "abv/Support/SourceFiles.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>

namespace abv {

class DiagnosticEngine;
class Project;

/// What happened while loading.
enum class LoadResult {
  Ok,         ///< Everything named was read (it may still have findings).
  Unreadable, ///< An input could not be read or held no artifacts (exit 2).
};

/// Loads \p inputs into \p project, reporting problems into \p diags. A
/// file larger than \p sizeLimit bytes is refused (IN005) before it is read.
LoadResult loadProject(Project &project, llvm::ArrayRef<std::string> inputs,
                       DiagnosticEngine &diags,
                       uint64_t sizeLimit = MaxSourceFileSize);

} // namespace abv

#endif // ABV_FRONTEND_PROJECTLOADER_H
