//===- PrismaTokenizer.h - Fast paths for the Prisma lexer ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The generated PrismaLexer runs every character through ANTLR's lexer DFA
/// (a hash lookup and a lock per character), which made lexing half of the
/// time of a large parse. PrismaTokenizer is the same lexer with direct
/// scanning for the tokens that make up almost all of a schema: spaces,
/// line breaks, `//` and `///` comments, names and keywords, double-quoted
/// strings and punctuation. Each fast path produces exactly the token the
/// grammar's longest-match rules would (PrismaLexer.g4 stays the
/// definition); anything else falls back to the generated lexer. A unit test
/// checks that both produce identical token streams.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_FRONTEND_PRISMA_PRISMATOKENIZER_H
#define ABV_LIB_FRONTEND_PRISMA_PRISMATOKENIZER_H

#include "PrismaLexer.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace abv::prisma {

/// An ANTLR input stream over already decoded code points, so that the
/// runtime never converts (or throws on) the bytes itself.
class CodePointStream : public antlr4::ANTLRInputStream {
public:
  CodePointStream(std::u32string codePoints, llvm::StringRef sourceName) {
    _data = std::move(codePoints);
    p = 0;
    name = sourceName.str();
  }

  const char32_t *getData() const { return _data.data(); }
  size_t getSize() const { return _data.size(); }
  /// Moves the read position forward to \p index.
  void advanceTo(size_t index) {
    p = index < _data.size() ? index : _data.size();
  }
};

/// PrismaLexer with hand-written fast paths (see the file comment).
class PrismaTokenizer : public PrismaLexer {
public:
  explicit PrismaTokenizer(CodePointStream *input)
      : PrismaLexer(input), stream(*input),
        simulator(*getInterpreter<antlr4::atn::LexerATNSimulator>()) {}

  std::unique_ptr<antlr4::Token> nextToken() override;

private:
  /// Consumes \p length code points from the current position, keeping the
  /// line and column bookkeeping of the ATN simulator.
  void advance(size_t length);
  /// Emits a token of \p tokenType on \p tokenChannel spanning the next
  /// \p length code points.
  std::unique_ptr<antlr4::Token> emitFast(size_t tokenType, size_t tokenChannel,
                                          size_t length);

  CodePointStream &stream;
  antlr4::atn::LexerATNSimulator &simulator;
};

} // namespace abv::prisma

#endif // ABV_LIB_FRONTEND_PRISMA_PRISMATOKENIZER_H
