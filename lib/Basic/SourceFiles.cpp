//===- SourceFiles.cpp - Reading artifacts and resolving positions --------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/DiagnosticEngine.h"

#include "llvm/Support/ErrorOr.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <cstring>

using namespace abv;
using namespace llvm;

std::optional<size_t> abv::findInvalidUTF8(StringRef text) {
  const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
  size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= size) {
      uint64_t chunk;
      std::memcpy(&chunk, bytes + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = bytes[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    unsigned length;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      length = 2;
      min = 0x80;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      min = 0x800;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      min = 0x10000;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + length > size)
      return i;
    for (unsigned k = 1; k < length; ++k) {
      unsigned char cc = bytes[i + k];
      if ((cc & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += length;
  }
  return std::nullopt;
}

/// Validates the buffer just added as \p id; reports what is wrong.
static bool validateBuffer(SourceMgr &sourceMgr, DiagnosticEngine &diags,
                           unsigned id) {
  const MemoryBuffer *buffer = sourceMgr.getMemoryBuffer(id);
  StringRef text = buffer->getBuffer();
  if (text.empty()) {
    diags.report(DiagID::InputEmpty, SMLoc::getFromPointer(text.data()));
    return true;
  }
  size_t nul = text.find('\0');
  if (nul != StringRef::npos) {
    diags.report(DiagID::InputBinary, SMLoc::getFromPointer(text.data() + nul));
    return false;
  }
  if (std::optional<size_t> bad = findInvalidUTF8(text)) {
    diags.report(DiagID::InputNotUTF8,
                 SMLoc::getFromPointer(text.data() + *bad));
    return false;
  }
  return true;
}

std::optional<unsigned> abv::addSourceFile(SourceMgr &sourceMgr,
                                           DiagnosticEngine &diags,
                                           StringRef path, uint64_t sizeLimit) {
  sys::fs::file_status status;
  if (std::error_code ec = sys::fs::status(path, status)) {
    diags.report(DiagID::InputUnreadable, SMRange()) << path << ec.message();
    return std::nullopt;
  }
  if (sys::fs::is_directory(status)) {
    diags.report(DiagID::InputUnreadable, SMRange())
        << path << "is a directory";
    return std::nullopt;
  }
  if (status.getSize() > sizeLimit) {
    // Register an empty buffer under the file's name so the diagnostic has
    // a file to point at.
    unsigned id = sourceMgr.AddNewSourceBuffer(
        MemoryBuffer::getMemBufferCopy("", path), SMLoc());
    diags.report(
        DiagID::InputTooLarge,
        SMLoc::getFromPointer(sourceMgr.getMemoryBuffer(id)->getBufferStart()))
        << status.getSize() << sizeLimit;
    return std::nullopt;
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/true);
  if (!buffer) {
    diags.report(DiagID::InputUnreadable, SMRange())
        << path << buffer.getError().message();
    return std::nullopt;
  }
  unsigned id = sourceMgr.AddNewSourceBuffer(std::move(*buffer), SMLoc());
  if (!validateBuffer(sourceMgr, diags, id))
    return std::nullopt;
  return id;
}

std::optional<unsigned>
abv::addSourceBuffer(SourceMgr &sourceMgr, DiagnosticEngine &diags,
                     std::unique_ptr<MemoryBuffer> buffer) {
  unsigned id = sourceMgr.AddNewSourceBuffer(std::move(buffer), SMLoc());
  if (!validateBuffer(sourceMgr, diags, id))
    return std::nullopt;
  return id;
}

LineColumn abv::getLineColumn(const SourceMgr &sourceMgr, SMLoc loc) {
  if (!loc.isValid())
    return {};
  unsigned id = sourceMgr.FindBufferContainingLoc(loc);
  if (!id)
    return {};
  const MemoryBuffer *buffer = sourceMgr.getMemoryBuffer(id);
  unsigned line = sourceMgr.FindLineNumber(loc, id);
  // Count code points from the start of the line: every byte that is not a
  // UTF-8 continuation byte starts one.
  const char *start = buffer->getBufferStart();
  const char *ptr = loc.getPointer();
  const char *lineStart = ptr;
  while (lineStart != start && lineStart[-1] != '\n')
    --lineStart;
  unsigned column = 1;
  for (const char *p = lineStart; p != ptr; ++p)
    if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80)
      ++column;
  return {line, column};
}

const std::vector<LineColumnCache::Checkpoint> &
LineColumnCache::getCheckpoints(unsigned id) {
  auto [it, inserted] = checkpoints.try_emplace(id);
  if (!inserted)
    return it->second;
  StringRef text = sourceMgr.getMemoryBuffer(id)->getBuffer();
  std::vector<Checkpoint> &points = it->second;
  points.reserve(text.size() / Stride + 1);
  uint64_t lineStart = 0;
  uint32_t line = 1, column = 0;
  for (size_t offset = 0; offset <= text.size(); offset += Stride) {
    points.push_back({lineStart, line, column});
    size_t next = std::min(offset + Stride, text.size());
    for (size_t i = offset; i != next; ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '\n') {
        lineStart = i + 1;
        ++line;
        column = 0;
      } else if ((c & 0xC0) != 0x80) {
        ++column;
      }
    }
  }
  return points;
}

LineColumnCache::Position LineColumnCache::locate(unsigned id,
                                                  const char *ptr) {
  const char *start = sourceMgr.getMemoryBuffer(id)->getBufferStart();
  size_t offset = ptr - start;
  const Checkpoint &point = getCheckpoints(id)[offset / Stride];
  const char *lineStart = start + point.lineStart;
  unsigned line = point.line, column = point.column;
  for (const char *p = start + offset / Stride * Stride; p != ptr; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '\n') {
      lineStart = p + 1;
      ++line;
      column = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {lineStart, {line, column + 1}};
}

LineColumn LineColumnCache::get(SMLoc loc) {
  if (!loc.isValid())
    return {};
  unsigned id = sourceMgr.FindBufferContainingLoc(loc);
  if (!id)
    return {};
  return locate(id, loc.getPointer()).lineColumn;
}

const char *LineColumnCache::getLineStart(SMLoc loc) {
  unsigned id = sourceMgr.FindBufferContainingLoc(loc);
  if (!id)
    return loc.getPointer();
  return locate(id, loc.getPointer()).lineStart;
}

StringRef abv::getBufferName(const SourceMgr &sourceMgr, SMLoc loc) {
  if (!loc.isValid())
    return "";
  unsigned id = sourceMgr.FindBufferContainingLoc(loc);
  if (!id)
    return "";
  return sourceMgr.getMemoryBuffer(id)->getBufferIdentifier();
}
