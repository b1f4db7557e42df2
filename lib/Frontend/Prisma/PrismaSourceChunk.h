//===- PrismaSourceChunk.h - Code point to byte mapping ---------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The Prisma frontend parses each buffer in chunks of whole top-level
/// declarations. A SourceChunk is one such byte range of a SourceManager
/// buffer: it decodes the range into the code points ANTLR works on and maps
/// ANTLR's code point indices (token start/stop) back to pointers into the
/// buffer, which is what llvm::SMLoc is. Pure ASCII text, the common case,
/// needs no table.
///
/// Chunking (splitPrismaBuffer) keeps the memory of a parse bounded on very
/// large schemas, and is also where the nesting-depth guard lives: it scans
/// the bytes before ANTLR's recursive descent ever sees them.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_FRONTEND_PRISMA_PRISMASOURCECHUNK_H
#define ABV_LIB_FRONTEND_PRISMA_PRISMASOURCECHUNK_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace antlr4 {
class Token;
class ParserRuleContext;
} // namespace antlr4

namespace abv {
class SourceManager;
} // namespace abv

namespace abv::prisma {

/// One parse unit: bytes [begin, end) of a SourceManager buffer.
class SourceChunk {
public:
  /// Decodes \p text (a slice of a SourceManager buffer). Invalid UTF-8 bytes
  /// (which addSourceFile normally rejects before) decode to U+FFFD, one
  /// code point per byte, so that positions stay exact.
  explicit SourceChunk(llvm::StringRef text);

  /// The decoded code points, for the ANTLR input stream; call once.
  std::u32string takeCodePoints() { return std::move(codePoints); }

  /// The number of code points in the chunk.
  size_t size() const { return numCodePoints; }
  /// The text of the whole chunk.
  llvm::StringRef getText() const { return text; }

  /// The pointer to code point \p index (clamped to the end of the chunk).
  const char *getPointer(size_t index) const {
    if (index > numCodePoints)
      index = numCodePoints;
    return text.data() + (byteOffsets.empty() ? index : byteOffsets[index]);
  }
  llvm::SMLoc getLoc(size_t index) const {
    return llvm::SMLoc::getFromPointer(getPointer(index));
  }

  /// The range from the start of \p first to the end of \p last (exclusive
  /// end). A conjured or empty token gives an empty range at its position.
  llvm::SMRange getRange(const antlr4::Token *first,
                         const antlr4::Token *last) const;
  llvm::SMRange getRange(const antlr4::Token *token) const {
    return getRange(token, token);
  }
  /// The range of a parsed rule, from its first to its last token; empty at
  /// its start when it matched nothing.
  llvm::SMRange getRange(const antlr4::ParserRuleContext *ctx) const;

  /// The source text of a range produced by this chunk.
  static llvm::StringRef getText(llvm::SMRange range) {
    return llvm::StringRef(range.Start.getPointer(),
                           range.End.getPointer() - range.Start.getPointer());
  }
  /// The source text of \p token.
  llvm::StringRef getText(const antlr4::Token *token) const {
    return getText(getRange(token));
  }
  llvm::StringRef getText(const antlr4::ParserRuleContext *ctx) const {
    return getText(getRange(ctx));
  }

private:
  llvm::StringRef text;
  size_t numCodePoints = 0;
  std::u32string codePoints;
  /// byteOffsets[i] is the byte offset of code point i; one extra entry for
  /// the end. Empty when the chunk is pure ASCII.
  std::vector<uint32_t> byteOffsets;
};

/// How a buffer is cut into chunks, and whether it nests too deeply.
struct BufferSplit {
  /// Byte offsets where chunks begin; the first is the start of the text
  /// (after any byte-order mark).
  std::vector<size_t> chunkStarts;
  /// The offset of a bracket or parenthesis that opens nesting level
  /// MaxNestingDepth + 1, if any.
  std::optional<size_t> tooDeepAt;
  /// How many top-level `{ ... }` blocks the text has (an estimate for
  /// reserving IR storage).
  size_t numBlocks = 0;
};

/// The deepest nesting of `[` and `(` accepted on one line. Deeper input is
/// rejected before parsing, since ANTLR's recursive descent would need one
/// stack frame group per level.
constexpr unsigned MaxNestingDepth = 256;

/// Splits \p text, starting at \p begin, into chunks of roughly \p target
/// bytes, cutting only right after a `}` that closes a top-level block (so
/// every chunk is a sequence of whole declarations), and checks nesting.
/// Strings and comments are skipped the way the lexer skips them.
BufferSplit splitPrismaBuffer(llvm::StringRef text, size_t begin,
                              size_t target);

} // namespace abv::prisma

#endif // ABV_LIB_FRONTEND_PRISMA_PRISMASOURCECHUNK_H
