//===- OutputFile.h - Where an ABV tool writes its output ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The one way an ABV tool writes a file: to a temporary beside it, renamed
/// into place only when the whole output was written, so that a tool that
/// stops early (a usage error, a failed write, a crash) leaves an existing
/// file as it was and never a half-written one. "-" is the standard output;
/// a path that is not a regular file (/dev/null, a FIFO, a terminal) is
/// written directly.
///
/// \code
///   OutputFile out(path, "abv-score");
///   if (!out.open())
///     return 2;
///   write(out.os());
///   if (!out.commit())
///     return 2;
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef ABV_TOOL_OUTPUTFILE_H
#define ABV_TOOL_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <optional>
#include <string>

namespace abv {

class OutputFile {
public:
  /// \p toolName prefixes the error messages.
  OutputFile(llvm::StringRef path, llvm::StringRef toolName)
      : path(path.str()), toolName(toolName) {}
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;
  /// Discards the temporary unless commit() kept it.
  ~OutputFile();

  /// Opens the destination; false (after an error on stderr) when it
  /// cannot be.
  bool open();
  /// The stream to write to once open.
  llvm::raw_ostream &os() { return stream ? *stream : llvm::outs(); }
  /// Finishes the output: renames the temporary into place. False (after an
  /// error on stderr) when any write failed; the destination is then left
  /// as it was.
  bool commit();

  /// Opens \p path, calls \p write, commits: false when any step failed.
  static bool write(llvm::StringRef path, llvm::StringRef toolName,
                    llvm::function_ref<void(llvm::raw_ostream &)> write);

private:
  bool fail(const llvm::Twine &what);

  std::string path;
  llvm::StringRef toolName;
  std::optional<llvm::sys::fs::TempFile> temp;
  std::unique_ptr<llvm::raw_fd_ostream> stream;
};

} // namespace abv

#endif // ABV_TOOL_OUTPUTFILE_H
