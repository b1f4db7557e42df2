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

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace llvm {
class SourceMgr;
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
std::optional<unsigned> addSourceFile(llvm::SourceMgr &sourceMgr,
                                      DiagnosticEngine &diags,
                                      llvm::StringRef path,
                                      uint64_t sizeLimit = MaxSourceFileSize);

/// Adds an in-memory buffer (tests, LSP) and validates it like a file.
std::optional<unsigned>
addSourceBuffer(llvm::SourceMgr &sourceMgr, DiagnosticEngine &diags,
                std::unique_ptr<llvm::MemoryBuffer> buffer);

/// Returns the offset of the first invalid UTF-8 byte in \p text, or
/// std::nullopt when \p text is valid UTF-8.
std::optional<size_t> findInvalidUTF8(llvm::StringRef text);

/// A resolved position: 1-based line, 1-based column in Unicode code
/// points (not bytes).
struct LineColumn {
  unsigned line = 0;
  unsigned column = 0;
};

/// Resolves \p loc (which must point into a buffer of \p sourceMgr).
LineColumn getLineColumn(const llvm::SourceMgr &sourceMgr, llvm::SMLoc loc);

/// Resolves many locations of the same buffers, fast: the tools render
/// hundreds of diagnostics into one-line (minified) JSON documents of
/// megabytes, where a scan back to the start of the line for each would
/// dominate the run. On the first location in a buffer it records, every
/// 4 KiB, the line number, the start of the line and the code-point column
/// there; a location then costs a scan of at most 4 KiB.
class LineColumnCache {
public:
  explicit LineColumnCache(const llvm::SourceMgr &sourceMgr)
      : sourceMgr(sourceMgr) {}

  const llvm::SourceMgr &getSourceMgr() const { return sourceMgr; }
  /// As getLineColumn.
  LineColumn get(llvm::SMLoc loc);
  /// The first byte of the line \p loc is on (\p loc itself when it is in
  /// no buffer).
  const char *getLineStart(llvm::SMLoc loc);

private:
  struct Checkpoint {
    uint64_t lineStart; ///< Offset of the start of the line.
    uint32_t line;      ///< 1-based line number.
    uint32_t column;    ///< Code points from lineStart to the checkpoint.
  };
  /// Checkpoint i describes offset i * Stride of the buffer.
  static constexpr size_t Stride = 4096;

  struct Position {
    const char *lineStart;
    LineColumn lineColumn;
  };
  Position locate(unsigned id, const char *ptr);
  const std::vector<Checkpoint> &getCheckpoints(unsigned id);

  const llvm::SourceMgr &sourceMgr;
  llvm::DenseMap<unsigned, std::vector<Checkpoint>> checkpoints;
};

/// The name of the buffer \p loc points into, or "" if none.
llvm::StringRef getBufferName(const llvm::SourceMgr &sourceMgr,
                              llvm::SMLoc loc);

} // namespace abv

#endif // ABV_BASIC_SOURCEFILES_H
