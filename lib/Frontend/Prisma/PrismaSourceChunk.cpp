//===- PrismaSourceChunk.cpp - Code point to byte mapping -----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Decoding of Prisma source chunks for ANTLR, the map back to bytes, and
/// the pre-scan that cuts buffers into chunks and guards nesting depth.
///
//===----------------------------------------------------------------------===//

#include "PrismaSourceChunk.h"

#include "antlr4-runtime.h"

using namespace abv::prisma;
using llvm::SMRange;
using llvm::StringRef;

//===----------------------------------------------------------------------===//
// SourceChunk
//===----------------------------------------------------------------------===//

/// Decodes one UTF-8 sequence at \p p (with \p n bytes left). Returns the
/// code point and its length; an invalid sequence is U+FFFD of length 1.
static std::pair<char32_t, unsigned> decodeUTF8(const unsigned char *p,
                                                size_t n) {
  constexpr std::pair<char32_t, unsigned> invalid{0xFFFD, 1};
  unsigned char c = p[0];
  if (c < 0x80)
    return {c, 1};
  auto isCont = [&](size_t i) { return i < n && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!isCont(1))
      return invalid;
    return {char32_t(c & 0x1F) << 6 | (p[1] & 0x3F), 2};
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!isCont(1) || !isCont(2))
      return invalid;
    char32_t cp =
        char32_t(c & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
      return invalid;
    return {cp, 3};
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!isCont(1) || !isCont(2) || !isCont(3))
      return invalid;
    char32_t cp = char32_t(c & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 |
                  char32_t(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF)
      return invalid;
    return {cp, 4};
  }
  return invalid;
}

SourceChunk::SourceChunk(StringRef text) : text(text) {
  const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
  size_t n = text.size();
  bool ascii = true;
  for (size_t i = 0; i < n; ++i)
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }

  if (ascii) {
    codePoints.assign(bytes, bytes + n);
    numCodePoints = n;
    return;
  }

  codePoints.reserve(n);
  byteOffsets.reserve(n + 1);
  for (size_t i = 0; i < n;) {
    auto [cp, len] = decodeUTF8(bytes + i, n - i);
    codePoints.push_back(cp);
    byteOffsets.push_back(uint32_t(i));
    i += len;
  }
  byteOffsets.push_back(uint32_t(n));
  numCodePoints = codePoints.size();
}

SMRange SourceChunk::getRange(const antlr4::Token *first,
                              const antlr4::Token *last) const {
  size_t begin = first->getStartIndex();
  if (begin == INVALID_INDEX || begin > numCodePoints)
    begin = numCodePoints;
  // The stop index is inclusive; conjured tokens have stop == begin - 1,
  // which may wrap around to INVALID_INDEX, so +1 brings it back to 0.
  size_t end = last->getStopIndex() + 1;
  if (end > numCodePoints)
    end = numCodePoints;
  if (end < begin)
    end = begin;
  return SMRange(getLoc(begin), getLoc(end));
}

SMRange SourceChunk::getRange(const antlr4::ParserRuleContext *ctx) const {
  const antlr4::Token *start = ctx->start;
  const antlr4::Token *stop = ctx->stop;
  if (!start)
    return SMRange(getLoc(numCodePoints), getLoc(numCodePoints));
  // A rule that matched nothing has no stop, or a stop before its start.
  if (!stop || (stop->getTokenIndex() != INVALID_INDEX &&
                start->getTokenIndex() != INVALID_INDEX &&
                stop->getTokenIndex() < start->getTokenIndex())) {
    llvm::SMLoc loc = getRange(start).Start;
    return SMRange(loc, loc);
  }
  return getRange(start, stop);
}

//===----------------------------------------------------------------------===//
// Splitting
//===----------------------------------------------------------------------===//

BufferSplit abv::prisma::splitPrismaBuffer(StringRef text, size_t begin,
                                           size_t target) {
  BufferSplit split;
  split.chunkStarts.push_back(begin);
  const char *p = text.data();
  size_t n = text.size();
  size_t chunkStart = begin;
  unsigned braceDepth = 0;
  unsigned lineDepth = 0;

  for (size_t i = begin; i < n; ++i) {
    char c = p[i];
    switch (c) {
    case '\n':
    case '\r':
      lineDepth = 0;
      break;
    case '#':
      // A `#` line (an error) runs to the end of the line, like a comment;
      // the line break is handled by the loop.
      while (i + 1 < n && p[i + 1] != '\n' && p[i + 1] != '\r')
        ++i;
      break;
    case '/':
      if (i + 1 < n && p[i + 1] == '/') {
        while (i + 1 < n && p[i + 1] != '\n' && p[i + 1] != '\r')
          ++i;
      } else if (i + 1 < n && p[i + 1] == '*') {
        // A block comment, possibly over several lines, possibly unclosed.
        size_t close = text.find("*/", i + 2);
        i = close == StringRef::npos ? n - 1 : close + 1;
      }
      break;
    case '\'': {
      // A single-quoted string (an error) if it closes on this line.
      size_t j = i + 1;
      while (j < n && p[j] != '\'' && p[j] != '\n' && p[j] != '\r')
        ++j;
      if (j < n && p[j] == '\'')
        i = j;
      break;
    }
    case '"':
      // A string ends at its closing quote or, unterminated, before any
      // control character; a backslash escapes any one character.
      while (i + 1 < n) {
        unsigned char d = p[i + 1];
        if (d == '"') {
          ++i;
          break;
        }
        if (d < 0x20)
          break;
        ++i;
        if (d == '\\' && i + 1 < n)
          ++i;
      }
      break;
    case '[':
    case '(':
      if (++lineDepth > MaxNestingDepth) {
        split.tooDeepAt = i;
        return split;
      }
      break;
    case ']':
    case ')':
      if (lineDepth)
        --lineDepth;
      break;
    case '{':
      if (braceDepth++ == 0)
        ++split.numBlocks;
      break;
    case '}':
      if (braceDepth)
        --braceDepth;
      if (braceDepth == 0 && i + 1 - chunkStart >= target && i + 1 < n) {
        chunkStart = i + 1;
        split.chunkStarts.push_back(chunkStart);
      }
      break;
    default:
      break;
    }
  }
  return split;
}
