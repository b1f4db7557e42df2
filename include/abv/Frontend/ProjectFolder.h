//===- ProjectFolder.h - Finding files inside a project folder -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The search of a project folder, hardened against what a hostile project
/// can put in it:
///
/// - A symbolic link that leads outside the folder (`leak.prisma` ->
///   `/etc/passwd`, a `prisma/schema` link to `/`) is not followed: the file
///   is reported (IN010) and never read, unless the user allows it
///   (`--allow-outside-root`).
/// - Every folder is entered once, by identity (device and inode), so links
///   to `.` or to a parent end instead of making the walk exponential, and
///   a file reached twice is found once.
/// - A folder that cannot be listed (permissions, a path too long) is
///   reported (IN001) instead of being skipped. The walk holds one open
///   folder at a time, so its depth does not run into the open-file limit.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_PROJECTFOLDER_H
#define ABV_FRONTEND_PROJECTFOLDER_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace abv {

class DiagnosticEngine;

/// One project folder named on the command line.
class ProjectFolder {
public:
  /// \p root is the folder as the user named it; \p allowOutside lets
  /// links lead out of it.
  ProjectFolder(llvm::StringRef root, DiagnosticEngine &diags,
                bool allowOutside);

  /// Whether \p path, found inside the folder, resolves inside it (or
  /// leaving is allowed). Reports IN010 when it does not. A path that does
  /// not resolve (a dangling link) is kept, to be reported when read.
  bool isInside(llvm::StringRef path);

  /// Appends, sorted, every regular file under \p dir (in sub-folders too
  /// when \p recursive) whose name ends with \p extension. Reports folders
  /// that cannot be listed (IN001) and links that leave the folder (IN010).
  /// Sub-folders named \p skipFolder (e.g. `node_modules`) are not entered.
  void collect(llvm::StringRef dir, llvm::StringRef extension, bool recursive,
               std::vector<std::string> &out, llvm::StringRef skipFolder = {});

  /// Whether a folder could not be listed (the run exits 2).
  bool hadUnreadable() const { return unreadable; }

private:
  std::string root;
  llvm::SmallString<256> realRoot;
  DiagnosticEngine &diags;
  bool allowOutside;
  bool unreadable = false;
};

} // namespace abv

#endif // ABV_FRONTEND_PROJECTFOLDER_H
