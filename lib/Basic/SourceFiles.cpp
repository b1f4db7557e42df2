//===- SourceFiles.cpp - Reading artifacts and resolving positions --------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/FileSystem.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Basic/Unicode.h"

#include "llvm/Support/MemoryBuffer.h"

#include <cstring>

using namespace abv;
using namespace llvm;

/// Validates the buffer just added as \p id; reports what is wrong.
static bool validateBuffer(SourceManager &sourceMgr, DiagnosticEngine &diags,
                           unsigned id, bool allowSparseNul = false) {
  const MemoryBuffer *buffer = sourceMgr.getBuffer(id);
  StringRef text = buffer->getBuffer();
  if (text.empty()) {
    diags.report(DiagID::InputEmpty, SMLoc::getFromPointer(text.data()));
    return true;
  }
  size_t nul = text.find('\0');
  if (nul != StringRef::npos && allowSparseNul &&
      text.count('\0') < text.count('\n') && !findInvalidUTF8(text))
    nul = StringRef::npos;
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

std::optional<unsigned> abv::addSourceFile(SourceManager &sourceMgr,
                                           DiagnosticEngine &diags,
                                           StringRef path, uint64_t sizeLimit,
                                           bool allowSparseNul) {
  FileReadResult file = readRegularFile(path, sizeLimit);
  if (file.status == FileReadResult::Unreadable) {
    diags.report(DiagID::InputUnreadable, SMRange()) << path << file.error;
    return std::nullopt;
  }
  if (file.status == FileReadResult::TooLarge) {
    // Register an empty buffer under the file's name so the diagnostic has
    // a file to point at.
    unsigned id = sourceMgr.addBuffer(MemoryBuffer::getMemBufferCopy("", path));
    diags.report(
        DiagID::InputTooLarge,
        SMLoc::getFromPointer(sourceMgr.getBuffer(id)->getBufferStart()))
        << file.size << sizeLimit;
    return std::nullopt;
  }
  unsigned id = sourceMgr.addBuffer(std::move(file.buffer));
  if (!validateBuffer(sourceMgr, diags, id, allowSparseNul))
    return std::nullopt;
  return id;
}

std::optional<unsigned>
abv::addSourceBuffer(SourceManager &sourceMgr, DiagnosticEngine &diags,
                     std::unique_ptr<MemoryBuffer> buffer) {
  unsigned id = sourceMgr.addBuffer(std::move(buffer));
  if (!validateBuffer(sourceMgr, diags, id))
    return std::nullopt;
  return id;
}
