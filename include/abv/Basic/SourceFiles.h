//===- SourceFiles.h - Reading artifacts, resolving positions --*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every artifact enters ABV through addSourceFile, which rejects what is
/// not text (unreadable, binary, non-UTF-8, over the size limit) with a
/// located diagnostic, and every location leaves ABV through
/// getLineColumn, which turns a pointer into 1-based line and code-point
/// column numbers.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_SOURCEFILES_H
#define ABV_BASIC_SOURCEFILES_H

#include "abv/Basic/SourceManager.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace llvm {
class MemoryBuffer;
} // namespace llvm

namespace abv {

class DiagnosticEngine;

/// The largest artifact ABV reads: 1 GiB.
constexpr uint64_t MaxSourceFileSize = uint64_t(1) << 30;

/// Reads \p path into \p sourceMgr. Reports IN001 (unreadable), IN005 (too
/// large), IN003 (NUL byte), IN002 (invalid UTF-8) and IN004 (empty) into
/// \p diags. Returns the buffer ID when the text is usable (an empty file
/// is usable), std::nullopt otherwise. A UTF-8 byte-order mark is kept in
/// the buffer; frontends skip it.
///
/// With \p allowSparseNul (source code, where a literal may hold a raw NUL
/// character), NUL bytes are accepted in valid UTF-8 text that has more
/// lines than NUL bytes; the frontend reports one that is not in a literal.
std::optional<unsigned> addSourceFile(SourceManager &sourceMgr,
                                      DiagnosticEngine &diags,
                                      llvm::StringRef path,
                                      uint64_t sizeLimit = MaxSourceFileSize,
                                      bool allowSparseNul = false);

/// Adds an in-memory buffer (tests, LSP) and validates it like a file.
std::optional<unsigned>
addSourceBuffer(SourceManager &sourceMgr, DiagnosticEngine &diags,
                std::unique_ptr<llvm::MemoryBuffer> buffer);

} // namespace abv

#endif // ABV_BASIC_SOURCEFILES_H
