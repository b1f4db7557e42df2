//===- ProjectFolder.cpp - Finding files inside a project folder ----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Frontend/ProjectFolder.h"
#include "abv/Basic/DiagnosticEngine.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace abv;
using namespace llvm;

ProjectFolder::ProjectFolder(StringRef root, DiagnosticEngine &diags,
                             bool allowOutside)
    : root(root.str()), diags(diags), allowOutside(allowOutside) {
  if (sys::fs::real_path(root, realRoot))
    realRoot = root;
}

bool ProjectFolder::isInside(StringRef path) {
  if (allowOutside)
    return true;
  SmallString<256> real;
  if (sys::fs::real_path(path, real))
    return true;
  StringRef rest = real.str();
  if (rest.consume_front(realRoot) &&
      (rest.empty() || sys::path::is_separator(rest.front()) ||
       sys::path::is_separator(realRoot.back())))
    return true;
  diags.report(DiagID::InputOutsideRoot, SMRange()) << path << root;
  return false;
}

void ProjectFolder::collect(StringRef dir, StringRef extension, bool recursive,
                            std::vector<std::string> &out,
                            StringRef skipFolder) {
  std::vector<std::string> found;
  DenseSet<sys::fs::UniqueID> enteredFolders;
  DenseSet<sys::fs::UniqueID> foundFiles;
  std::vector<std::string> pending{dir.str()};
  sys::fs::file_status status;
  if (!sys::fs::status(dir, status))
    enteredFolders.insert(status.getUniqueID());
  while (!pending.empty()) {
    std::string folder = std::move(pending.back());
    pending.pop_back();
    // List the folder completely, then close it: only one folder is open
    // at a time however deep the tree goes.
    std::vector<std::string> entries;
    std::error_code ec;
    for (sys::fs::directory_iterator it(folder, ec), end; it != end && !ec;
         it.increment(ec))
      entries.push_back(it->path());
    if (ec) {
      diags.report(DiagID::InputUnreadable, SMRange())
          << folder << ec.message();
      unreadable = true;
    }
    std::sort(entries.begin(), entries.end(), std::greater<>());
    for (const std::string &entry : entries) {
      bool isMatch = sys::path::extension(entry) == extension;
      if (std::error_code ec = sys::fs::status(entry, status)) {
        // A dangling link with the right name is read, and reported then.
        if (isMatch)
          found.push_back(entry);
        continue;
      }
      if (sys::fs::is_directory(status)) {
        if (!recursive || sys::path::filename(entry) == skipFolder ||
            !enteredFolders.insert(status.getUniqueID()).second)
          continue;
        if (isInside(entry))
          pending.push_back(entry);
        continue;
      }
      if (!isMatch || !foundFiles.insert(status.getUniqueID()).second)
        continue;
      if (isInside(entry))
        found.push_back(entry);
    }
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
}
