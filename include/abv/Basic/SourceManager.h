//===- SourceManager.h - The source buffers of a workspace -----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The SourceManager owns every source buffer ABV reads, and turns a location
/// (a pointer into a buffer, llvm::SMLoc) back into a file, a line and a
/// column. Every location in the IR and in diagnostics points into one of its
/// buffers, so one SourceManager can serve several projects (a candidate and
/// its reference) and one diagnostic engine.
///
/// Unlike llvm::SourceMgr, which scans its buffers one by one, finding the
/// buffer of a location is a binary search over buffer addresses, so a
/// project of 100,000 files costs O(log n) per location. Line and column
/// lookups keep, per buffer, a checkpoint every 4 KiB (line number, start of
/// the line, columns so far), so a location costs a scan of at most 4 KiB
/// even on a one-line, minified document of megabytes.
///
/// Lines end at "\n", "\r\n" or a lone "\r". Columns are 1-based and count
/// code points (what ABV prints) or UTF-16 code units (what an editor
/// speaks over LSP).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_SOURCEMANAGER_H
#define ABV_BASIC_SOURCEMANAGER_H

#include "abv/Basic/Unicode.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SMLoc.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace abv {

/// A resolved position: 1-based line and 1-based column. Zero when the
/// location is in no buffer.
struct LineColumn {
  unsigned line = 0;
  unsigned column = 0;
};

class SourceManager {
public:
  SourceManager() = default;
  SourceManager(const SourceManager &) = delete;
  SourceManager &operator=(const SourceManager &) = delete;

  /// Takes ownership of \p buffer; returns its ID (1-based, in order of
  /// addition).
  unsigned addBuffer(std::unique_ptr<llvm::MemoryBuffer> buffer);

  unsigned getNumBuffers() const { return buffers.size(); }
  /// The buffer with ID \p id (1 <= id <= getNumBuffers()).
  const llvm::MemoryBuffer *getBuffer(unsigned id) const {
    return buffers[id - 1].buffer.get();
  }
  llvm::StringRef getBufferText(unsigned id) const {
    return getBuffer(id)->getBuffer();
  }
  llvm::StringRef getBufferName(unsigned id) const {
    return getBuffer(id)->getBufferIdentifier();
  }

  /// The ID of the buffer \p loc points into (its terminating null
  /// included), or 0.
  unsigned findBuffer(llvm::SMLoc loc) const;
  /// The name of the buffer \p loc points into, or "".
  llvm::StringRef getBufferName(llvm::SMLoc loc) const;

  /// The line and column of \p loc; {0, 0} when it is in no buffer.
  LineColumn getLineColumn(llvm::SMLoc loc,
                           ColumnUnit unit = ColumnUnit::CodePoint) const;
  /// The first byte of the line \p loc is on (\p loc itself when it is in
  /// no buffer).
  const char *getLineStart(llvm::SMLoc loc) const;
  /// The location of 1-based \p line and \p column in buffer \p id,
  /// clamped to the end of that line (or of the buffer).
  llvm::SMLoc getLocation(unsigned id, unsigned line, unsigned column,
                          ColumnUnit unit = ColumnUnit::CodePoint) const;

private:
  struct Checkpoint {
    uint64_t lineStart;  ///< Offset of the start of the line.
    uint32_t line;       ///< 1-based line number.
    uint32_t codePoints; ///< Code points from lineStart to the checkpoint.
    uint32_t utf16Units; ///< UTF-16 code units from lineStart.
  };
  /// Checkpoint i describes offset i * Stride of the buffer.
  static constexpr size_t Stride = 4096;

  struct Entry {
    std::unique_ptr<llvm::MemoryBuffer> buffer;
    /// Built on the first line/column lookup in the buffer.
    mutable std::vector<Checkpoint> checkpoints;
  };
  struct Position {
    const char *lineStart;
    unsigned line;
    unsigned codePoints;
    unsigned utf16Units;
  };

  const std::vector<Checkpoint> &getCheckpoints(unsigned id) const;
  Position locate(unsigned id, const char *ptr) const;

  std::vector<Entry> buffers;
  /// Buffer start address -> ID, for findBuffer.
  std::map<const char *, unsigned> byAddress;
};

} // namespace abv

#endif // ABV_BASIC_SOURCEMANAGER_H
