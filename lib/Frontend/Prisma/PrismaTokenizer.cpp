//===- PrismaTokenizer.cpp - Fast paths for the Prisma lexer --------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Direct scanning of the frequent Prisma tokens. Every fast path mirrors a
/// rule of grammar/PrismaLexer.g4; keep the two in sync.
///
//===----------------------------------------------------------------------===//

#include "PrismaTokenizer.h"

using namespace abv::prisma;
using antlr4::Token;

namespace {

bool isNameStart(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isNameChar(char32_t c) {
  return isNameStart(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool isLineBreak(char32_t c) { return c == '\n' || c == '\r'; }

/// The keyword token type of \p word, or IDENT.
size_t getNameType(const char32_t *word, size_t length) {
  auto is = [&](const char *keyword) {
    size_t i = 0;
    for (; i < length && keyword[i]; ++i)
      if (char32_t(keyword[i]) != word[i])
        return false;
    return i == length && !keyword[i];
  };
  switch (word[0]) {
  case 'm':
    return is("model") ? PrismaLexer::MODEL : PrismaLexer::IDENT;
  case 'v':
    return is("view") ? PrismaLexer::VIEW : PrismaLexer::IDENT;
  case 'e':
    return is("enum") ? PrismaLexer::ENUM : PrismaLexer::IDENT;
  case 't':
    return is("type") ? PrismaLexer::TYPE : PrismaLexer::IDENT;
  case 'd':
    return is("datasource") ? PrismaLexer::DATASOURCE : PrismaLexer::IDENT;
  case 'g':
    return is("generator") ? PrismaLexer::GENERATOR : PrismaLexer::IDENT;
  case 'U':
    return is("Unsupported") ? PrismaLexer::UNSUPPORTED : PrismaLexer::IDENT;
  default:
    return PrismaLexer::IDENT;
  }
}

/// The length of the line break at \p at (CRLF, LF or CR), or 0.
size_t lineBreakLength(const char32_t *data, size_t size, size_t at) {
  if (at >= size)
    return 0;
  if (data[at] == '\n')
    return 1;
  if (data[at] == '\r')
    return at + 1 < size && data[at + 1] == '\n' ? 2 : 1;
  return 0;
}

} // namespace

void PrismaTokenizer::advance(size_t length) {
  const char32_t *data = stream.getData();
  size_t index = stream.index();
  size_t line = simulator.getLine();
  size_t column = simulator.getCharPositionInLine();
  // As the ATN simulator counts: only '\n' starts a line.
  for (size_t i = index, e = index + length; i != e; ++i) {
    if (data[i] == '\n') {
      ++line;
      column = 0;
    } else {
      ++column;
    }
  }
  simulator.setLine(line);
  simulator.setCharPositionInLine(column);
  stream.advanceTo(index + length);
}

std::unique_ptr<Token> PrismaTokenizer::emitFast(size_t tokenType,
                                                 size_t tokenChannel,
                                                 size_t length) {
  token.reset();
  _text.clear();
  tokenStartCharIndex = stream.index();
  tokenStartLine = simulator.getLine();
  tokenStartCharPositionInLine = simulator.getCharPositionInLine();
  advance(length);
  type = tokenType;
  channel = tokenChannel;
  if (stream.index() >= stream.getSize())
    hitEOF = true;
  emit();
  return std::move(token);
}

std::unique_ptr<Token> PrismaTokenizer::nextToken() {
  const char32_t *data = stream.getData();
  size_t size = stream.getSize();

  // WS: runs of spaces and tabs are skipped (other space separators take
  // the generated path, which skips them just the same).
  size_t at = stream.index();
  if (!hitEOF && at < size && (data[at] == ' ' || data[at] == '\t')) {
    size_t end = at;
    while (end < size && (data[end] == ' ' || data[end] == '\t'))
      ++end;
    advance(end - at);
    at = end;
    if (at >= size)
      hitEOF = true;
  }
  if (hitEOF || at >= size)
    return PrismaLexer::nextToken(); // Emits EOF.

  char32_t c = data[at];
  // NEWLINE : LineBreak ([ \t]* LineBreak)*
  if (isLineBreak(c)) {
    size_t end = at + lineBreakLength(data, size, at);
    for (;;) {
      size_t next = end;
      while (next < size && (data[next] == ' ' || data[next] == '\t'))
        ++next;
      size_t breakLength = lineBreakLength(data, size, next);
      if (!breakLength)
        break;
      end = next + breakLength;
    }
    return emitFast(NEWLINE, Token::DEFAULT_CHANNEL, end - at);
  }
  // IDENT and keywords, when they start with a letter (a leading digit may
  // make a NUMBER: the generated path decides).
  if (isNameStart(c)) {
    size_t end = at + 1;
    while (end < size && isNameChar(data[end]))
      ++end;
    // A name that goes on with non-ASCII characters is an INVALID_NAME.
    if (end < size && data[end] >= 0x80)
      return PrismaLexer::nextToken();
    return emitFast(getNameType(data + at, end - at), Token::DEFAULT_CHANNEL,
                    end - at);
  }
  // DOC_COMMENT and COMMENT.
  if (c == '/' && at + 1 < size && data[at + 1] == '/') {
    size_t end = at + 2;
    bool doc = end < size && data[end] == '/';
    while (end < size && !isLineBreak(data[end]))
      ++end;
    return emitFast(doc ? DOC_COMMENT : COMMENT, COMMENTS, end - at);
  }
  // STRING and UNTERMINATED_STRING: '"' ('\\' . | ~["\\\u0000-\u001F])*
  if (c == '"') {
    size_t end = at + 1;
    for (;;) {
      if (end >= size)
        return emitFast(UNTERMINATED_STRING, Token::DEFAULT_CHANNEL, end - at);
      char32_t d = data[end];
      if (d == '"')
        return emitFast(STRING, Token::DEFAULT_CHANNEL, end + 1 - at);
      if (d == '\\') {
        if (end + 1 >= size) // A backslash needs a character to escape.
          return emitFast(UNTERMINATED_STRING, Token::DEFAULT_CHANNEL,
                          end - at);
        end += 2;
        continue;
      }
      if (d < 0x20)
        return emitFast(UNTERMINATED_STRING, Token::DEFAULT_CHANNEL, end - at);
      ++end;
    }
  }
  // Punctuation.
  switch (c) {
  case '@':
    if (at + 1 < size && data[at + 1] == '@')
      return emitFast(AT_AT, Token::DEFAULT_CHANNEL, 2);
    return emitFast(AT, Token::DEFAULT_CHANNEL, 1);
  case '[':
    if (at + 1 < size && data[at + 1] == ']')
      return emitFast(LIST, Token::DEFAULT_CHANNEL, 2);
    return emitFast(LBRACKET, Token::DEFAULT_CHANNEL, 1);
  case ']':
    return emitFast(RBRACKET, Token::DEFAULT_CHANNEL, 1);
  case '(':
    return emitFast(LPAREN, Token::DEFAULT_CHANNEL, 1);
  case ')':
    return emitFast(RPAREN, Token::DEFAULT_CHANNEL, 1);
  case '{':
    return emitFast(LBRACE, Token::DEFAULT_CHANNEL, 1);
  case '}':
    return emitFast(RBRACE, Token::DEFAULT_CHANNEL, 1);
  case ',':
    return emitFast(COMMA, Token::DEFAULT_CHANNEL, 1);
  case ':':
    return emitFast(COLON, Token::DEFAULT_CHANNEL, 1);
  case '=':
    return emitFast(EQUALS, Token::DEFAULT_CHANNEL, 1);
  case '?':
    return emitFast(QUESTION, Token::DEFAULT_CHANNEL, 1);
  case '!':
    return emitFast(BANG, Token::DEFAULT_CHANNEL, 1);
  case '.':
    return emitFast(DOT, Token::DEFAULT_CHANNEL, 1);
  default:
    return PrismaLexer::nextToken();
  }
}
