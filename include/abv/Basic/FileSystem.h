//===- FileSystem.h - Reading input files safely ---------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The only way ABV reads a file. Input comes from projects nobody vetted,
/// so a read must end, and end within the size limit, whatever the path
/// names: only regular files are read (a FIFO would block forever, a
/// character device such as /dev/zero never ends), the file is opened
/// without blocking and checked on the open descriptor (no race between a
/// check and the open), and no more than its size at open time is read.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_FILESYSTEM_H
#define ABV_BASIC_FILESYSTEM_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <memory>
#include <string>

namespace abv {

/// What readRegularFile found.
struct FileReadResult {
  enum Status {
    Ok,         ///< buffer holds the file.
    Unreadable, ///< error says why (including "not a regular file").
    TooLarge,   ///< size is over the limit; nothing was read.
  } status = Unreadable;
  std::unique_ptr<llvm::MemoryBuffer> buffer;
  std::string error;
  uint64_t size = 0;
};

/// Reads \p path if it is a regular file (symbolic links are followed) of
/// at most \p sizeLimit bytes. The buffer is named \p path and
/// null-terminated.
FileReadResult readRegularFile(llvm::StringRef path, uint64_t sizeLimit);

/// Describes the kind of a file that is not a regular file, for messages:
/// "a FIFO", "a character device", ... (\p mode is a st_mode).
llvm::StringRef describeFileType(unsigned mode);

} // namespace abv

#endif // ABV_BASIC_FILESYSTEM_H
