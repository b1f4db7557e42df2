//===- FileSystem.cpp - Reading input files safely ------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/FileSystem.h"

#include "llvm/ADT/SmallString.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace abv;
using namespace llvm;

StringRef abv::describeFileType(unsigned mode) {
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}

namespace {
/// Closes a descriptor on every path out.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0)
      ::close(fd);
  }
};
} // namespace

FileReadResult abv::readRegularFile(StringRef path, uint64_t sizeLimit) {
  FileReadResult result;
  SmallString<256> nullTerminated(path);
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
  // writer. It has no effect on regular files, the only ones read.
  FileDescriptor file{::open(nullTerminated.c_str(),
                             O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) {
    result.error = std::strerror(errno);
    return result;
  }
  struct stat status;
  if (::fstat(file.fd, &status) != 0) {
    result.error = std::strerror(errno);
    return result;
  }
  if (!S_ISREG(status.st_mode)) {
    result.error =
        ("not a regular file (it is " + describeFileType(status.st_mode) + ")")
            .str();
    return result;
  }
  result.size = uint64_t(status.st_size);
  if (result.size > sizeLimit) {
    result.status = FileReadResult::TooLarge;
    return result;
  }
  std::unique_ptr<WritableMemoryBuffer> buffer =
      WritableMemoryBuffer::getNewUninitMemBuffer(result.size, path);
  if (!buffer) {
    result.error = "out of memory";
    return result;
  }
  // Read what the file held when it was opened, no more: a file that grows
  // while it is read cannot push the read past the limit.
  size_t done = 0;
  char *data = buffer->getBufferStart();
  while (done < result.size) {
    ssize_t got = ::read(file.fd, data + done, result.size - done);
    if (got < 0) {
      if (errno == EINTR)
        continue;
      result.error = std::strerror(errno);
      return result;
    }
    if (got == 0)
      break; // The file shrank.
    done += size_t(got);
  }
  if (done != result.size) {
    result.buffer = MemoryBuffer::getMemBufferCopy(StringRef(data, done), path);
    result.size = done;
  } else {
    result.buffer = std::move(buffer);
  }
  result.status = FileReadResult::Ok;
  return result;
}
