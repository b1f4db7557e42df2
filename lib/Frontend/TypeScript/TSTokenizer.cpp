//===- TSTokenizer.cpp - The TypeScript tokenizer -------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The three passes of the tokenizer (see TSTokenizer.h): scan, brackets,
/// classify. Each is linear in the text, except that the classification
/// looks ahead over at most LookaheadLimit tokens per `(` or `<` it
/// classifies.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/TypeScript/TSTokenizer.h"

#include "abv/Basic/Unicode.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace abv;
using namespace abv::ts;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

//===----------------------------------------------------------------------===//
// Token kind tables
//===----------------------------------------------------------------------===//

namespace {
enum class KindClass : uint8_t { Token, Punct, Keyword, Contextual };

struct KindInfo {
  StringRef spelling;
  KindClass kindClass;
};

const KindInfo KindInfos[] = {
    {"unknown token", KindClass::Token},
#define TS_TOKEN(Name, Spelling) {Spelling, KindClass::Token},
#define TS_PUNCT(Name, Spelling) {Spelling, KindClass::Punct},
#define TS_KEYWORD(Name, Spelling) {Spelling, KindClass::Keyword},
#define TS_CONTEXTUAL(Name, Spelling) {Spelling, KindClass::Contextual},
#include "abv/Frontend/TypeScript/TSTokenKinds.def"
    {"end of file", KindClass::Token},
};
static_assert(sizeof(KindInfos) / sizeof(KindInfos[0]) == tok::NumTokenKinds,
              "one KindInfo per token kind");
} // namespace

StringRef abv::ts::getTokenSpelling(tok::TokenKind kind) {
  return kind < tok::NumTokenKinds ? KindInfos[kind].spelling : "token";
}

bool abv::ts::isReservedWord(tok::TokenKind kind) {
  return kind < tok::NumTokenKinds &&
         KindInfos[kind].kindClass == KindClass::Keyword;
}

bool abv::ts::isContextualKeyword(tok::TokenKind kind) {
  return kind < tok::NumTokenKinds &&
         KindInfos[kind].kindClass == KindClass::Contextual;
}

/// The keyword kind of \p word, or Identifier.
static tok::TokenKind getWordKind(StringRef word) {
  // Every keyword is 2 to 10 lower-case ASCII letters.
  if (word.size() < 2 || word.size() > 10 || word[0] < 'a' || word[0] > 'y')
    return tok::Identifier;
  return llvm::StringSwitch<tok::TokenKind>(word)
#define TS_TOKEN(Name, Spelling)
#define TS_KEYWORD(Name, Spelling) .Case(Spelling, tok::Name)
#include "abv/Frontend/TypeScript/TSTokenKinds.def"
      .Default(tok::Identifier);
}

//===----------------------------------------------------------------------===//
// Characters
//===----------------------------------------------------------------------===//

static bool isASCIIIdentifierStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '$';
}

static bool isASCIIIdentifierPart(unsigned char c) {
  return isASCIIIdentifierStart(c) || (c >= '0' && c <= '9');
}

static bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }

static bool isHexDigit(unsigned char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Unicode white space TypeScript skips besides ASCII space and tabs.
static bool isUnicodeSpace(uint32_t cp) {
  return cp == 0xA0 || cp == 0xFEFF || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x85;
}

static bool isUnicodeLineBreak(uint32_t cp) {
  return cp == 0x2028 || cp == 0x2029;
}

/// Whether a code point outside ASCII may be part of an identifier. An
/// approximation of Unicode's ID_Start / ID_Continue that accepts the
/// letters of every script and rejects what text pasted into code brings
/// along: punctuation, quotation marks, dashes, arrows, symbols, emoji.
static bool isUnicodeIdentifierChar(uint32_t cp) {
  if (cp < 0xC0)
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7)
    return false;
  if (cp < 0x2000)
    return true; // Latin, Greek, Cyrillic, ..., and their combining marks.
  if (cp == 0x200C || cp == 0x200D)
    return true; // ZWNJ, ZWJ.
  if (cp < 0x2C00)
    return (cp >= 0x2070 && cp <= 0x209F) || // Super- and subscripts.
           (cp >= 0x2100 && cp <= 0x214F &&  // Letterlike symbols.
            cp != 0x2118 && cp != 0x212E);
  if (cp < 0x3000)
    return cp < 0x2E00; // Glagolitic, Coptic, Georgian, Ethiopic, ...
  if (cp < 0x3040)
    return cp == 0x3005 || cp == 0x3006 || cp == 0x3007 ||
           (cp >= 0x3021 && cp <= 0x302F) || (cp >= 0x3031 && cp <= 0x3035) ||
           (cp >= 0x3038 && cp <= 0x303C);
  if (cp < 0xD800)
    return true; // Kana, CJK, Hangul, Yi, ...
  if (cp < 0xF900)
    return false; // Surrogates, private use.
  if (cp < 0xFE00)
    return cp < 0xFB00 || cp >= 0xFB1D; // CJK compatibility, Hebrew, Arabic.
  if (cp < 0xFF00)
    return (cp >= 0xFE70 && cp <= 0xFEFC) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
           (cp >= 0xFE33 && cp <= 0xFE34) || (cp >= 0xFE4D && cp <= 0xFE4F);
  if (cp < 0x10000)
    return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
           cp == 0xFF3F || (cp >= 0xFF41 && cp <= 0xFF5A) ||
           (cp >= 0xFF66 && cp <= 0xFFDC);
  // Supplementary planes: historic scripts and CJK extensions are letters;
  // symbols, emoji and private use are not.
  return (cp < 0x1D000) || (cp >= 0x1D400 && cp < 0x1D800) ||
         (cp >= 0x1E000 && cp < 0x1F000) || (cp >= 0x20000 && cp < 0x32000) ||
         (cp >= 0xE0100 && cp <= 0xE01EF);
}

/// Decodes the UTF-8 sequence at \p at; sets \p length to its length in
/// bytes. An invalid byte decodes to U+FFFD with length 1.
static uint32_t decodeAt(StringRef text, size_t at, unsigned &length) {
  return abv::decodeUTF8(text.drop_front(at), length).value_or(0xFFFD);
}

/// "U+201C" and, for the characters pasted text often brings, what it is.
static std::string describeCodePoint(uint32_t cp, bool valid) {
  if (!valid)
    return "(a byte that is not UTF-8)";
  if (cp >= 0x21 && cp < 0x7F)
    return "'" + std::string(1, char(cp)) + "'";
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "U+" << llvm::format_hex_no_prefix(cp, 4, /*Upper=*/true);
  if (cp < 0x20 || cp == 0x7F)
    os << " (a control character)";
  else if ((cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB || cp == 0xBB)
    os << " (a typographic quotation mark; strings use ' \" or `)";
  else if (cp >= 0x2010 && cp <= 0x2015)
    os << " (a dash; the minus operator is '-')";
  else if (cp == 0x2026)
    os << " (an ellipsis character; spread is '...')";
  else if (cp >= 0x2190 && cp <= 0x21FF)
    os << " (an arrow character; arrow functions use '=>')";
  return text;
}

//===----------------------------------------------------------------------===//
// Pass 1: scan
//===----------------------------------------------------------------------===//

namespace {
class Scanner {
public:
  Scanner(StringRef text, TokenizedText &out) : text(text), out(out) {}

  void run();

  /// Whether a comment or template reached the end of the file: brackets
  /// left open then are a consequence, not an error of their own.
  bool swallowedRest = false;

private:
  /// An open `{` or `${` (the scanner tracks braces only, to tell a `}`
  /// that closes a template substitution).
  struct Brace {
    bool isTemplate;
    uint32_t templateStart; ///< The template's backtick, for `${`.
  };

  char peek(size_t ahead = 0) const {
    return pos + ahead < text.size() ? text[pos + ahead] : '\0';
  }
  SMRange rangeOf(size_t begin, size_t end) const {
    return SMRange(SMLoc::getFromPointer(text.data() + begin),
                   SMLoc::getFromPointer(text.data() + end));
  }
  SyntaxProblem &report(DiagID id, size_t begin, size_t end) {
    SyntaxProblem &problem = out.problems.emplace_back();
    problem.id = id;
    problem.range = rangeOf(begin, end);
    return problem;
  }

  void emit(tok::TokenKind kind, size_t begin, size_t end,
            uint8_t extraFlags = 0) {
    Token token;
    token.kind = kind;
    token.flags = pendingFlags | extraFlags;
    token.begin = uint32_t(begin);
    token.end = uint32_t(end);
    out.tokens.push_back(token);
    pendingFlags = 0;
    lastKind = kind;
  }

  /// Skips white space and comments; sets NewlineBefore on a line break.
  void skipTrivia();
  /// Whether an operand may start here (the last token does not end one):
  /// decides regular expression versus division.
  bool operandMayStart() const;

  void scanIdentifier();
  void scanNumber();
  void scanString(char quote);
  /// Scans template text from \p from (just after "`" or "}") up to and
  /// including "`" or "${"; \p start is the template's backtick.
  void scanTemplateText(size_t tokenBegin, size_t from, bool isHead,
                        uint32_t start);
  void scanRegex();
  void scanPunctuation();
  void scanInvalid();
  /// Reads a `\u` escape in an identifier at pos; false if malformed.
  bool skipUnicodeEscape();
  /// Checks the escape sequence at \p at (just after a backslash) of a
  /// string; returns its length.
  size_t checkEscape(size_t at);

  StringRef text;
  TokenizedText &out;
  size_t pos = 0;
  uint8_t pendingFlags = Token::NewlineBefore;
  tok::TokenKind lastKind = tok::Unknown;
  std::vector<Brace> braces;
};
} // namespace

bool Scanner::operandMayStart() const {
  switch (lastKind) {
  case tok::Unknown:
    return true;
  case tok::Identifier:
  case tok::PrivateName:
  case tok::NumericLiteral:
  case tok::BigIntLiteral:
  case tok::StringLiteral:
  case tok::RegexLiteral:
  case tok::NoSubstitutionTemplate:
  case tok::TemplateTail:
  case tok::CloseParen:
  case tok::CloseBracket:
  case tok::CloseBrace:
  case tok::This:
  case tok::Super:
  case tok::Null:
  case tok::True:
  case tok::False:
  case tok::Greater:
  case tok::GreaterJoined:
  case tok::PlusPlus:
  case tok::MinusMinus:
    return false;
  case tok::Await:
  case tok::Yield:
    return true;
  default:
    // Other contextual keywords are names here; reserved words (return,
    // typeof, case, ...) and punctuation precede operands.
    return !isContextualKeyword(lastKind);
  }
}

void Scanner::skipTrivia() {
  while (pos < text.size()) {
    unsigned char c = text[pos];
    switch (c) {
    case ' ':
    case '\t':
    case '\v':
    case '\f':
      ++pos;
      continue;
    case '\n':
    case '\r':
      pendingFlags |= Token::NewlineBefore;
      ++pos;
      continue;
    case '/': {
      char next = peek(1);
      if (next == '/') {
        size_t begin = pos;
        pos += 2;
        while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') {
          // U+2028 and U+2029 end a line comment too.
          if (static_cast<unsigned char>(text[pos]) == 0xE2 &&
              peek(1) == '\x80' && (peek(2) == '\xA8' || peek(2) == '\xA9'))
            break;
          ++pos;
        }
        out.comments.push_back({Comment::Line, uint32_t(begin), uint32_t(pos)});
        continue;
      }
      if (next == '*') {
        size_t begin = pos;
        bool doc = peek(2) == '*' && peek(3) != '/';
        size_t close = text.find("*/", pos + 2);
        if (close == StringRef::npos) {
          report(DiagID::TSUnterminatedComment, begin, begin + 2);
          pos = text.size();
          swallowedRest = true;
        } else {
          pos = close + 2;
        }
        StringRef body = text.slice(begin, pos);
        if (body.find_first_of("\n\r") != StringRef::npos ||
            body.contains("\xE2\x80\xA8") || body.contains("\xE2\x80\xA9"))
          pendingFlags |= Token::NewlineBefore;
        out.comments.push_back({doc ? Comment::Doc : Comment::Block,
                                uint32_t(begin), uint32_t(pos)});
        continue;
      }
      return;
    }
    default:
      if (c < 0x80)
        return;
      unsigned length;
      uint32_t cp = decodeAt(text, pos, length);
      if (isUnicodeLineBreak(cp)) {
        pendingFlags |= Token::NewlineBefore;
        pos += length;
        continue;
      }
      if (isUnicodeSpace(cp)) {
        pos += length;
        continue;
      }
      return;
    }
  }
}

bool Scanner::skipUnicodeEscape() {
  // At "\u".
  if (peek(1) != 'u')
    return false;
  size_t at = pos + 2;
  if (at < text.size() && text[at] == '{') {
    size_t end = at + 1;
    while (end < text.size() && isHexDigit(text[end]))
      ++end;
    if (end == at + 1 || end >= text.size() || text[end] != '}')
      return false;
    pos = end + 1;
    return true;
  }
  for (unsigned i = 0; i < 4; ++i)
    if (at + i >= text.size() || !isHexDigit(text[at + i]))
      return false;
  pos = at + 4;
  return true;
}

void Scanner::scanIdentifier() {
  size_t begin = pos;
  bool escaped = false;
  while (pos < text.size()) {
    unsigned char c = text[pos];
    if (isASCIIIdentifierPart(c)) {
      ++pos;
      continue;
    }
    if (c == '\\') {
      if (!skipUnicodeEscape())
        break;
      escaped = true;
      continue;
    }
    if (c < 0x80)
      break;
    unsigned length;
    uint32_t cp = decodeAt(text, pos, length);
    if (!isUnicodeIdentifierChar(cp))
      break;
    pos += length;
  }
  StringRef word = text.slice(begin, pos);
  tok::TokenKind kind = tok::Identifier;
  // After `.` and `?.` every word is a property name; a word spelled with
  // escapes is never a keyword.
  if (!escaped && lastKind != tok::Dot && lastKind != tok::QuestionDot)
    kind = getWordKind(word);
  emit(kind, begin, pos);
}

void Scanner::scanNumber() {
  size_t begin = pos;
  std::string problem;
  auto digits = [&](auto isValid) {
    // Digits with '_' separators; returns the number of digits.
    size_t count = 0;
    bool lastSeparator = false;
    while (pos < text.size()) {
      unsigned char c = text[pos];
      if (c == '_') {
        if ((count == 0 || lastSeparator) && problem.empty())
          problem = "numeric separators are allowed only between digits";
        lastSeparator = true;
        ++pos;
        continue;
      }
      if (!isValid(c))
        break;
      lastSeparator = false;
      ++count;
      ++pos;
    }
    if (lastSeparator && problem.empty())
      problem = "numeric separators are allowed only between digits";
    return count;
  };
  bool isInteger = true;
  char c0 = text[pos];
  char c1 = peek(1);
  if (c0 == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' ||
                    c1 == 'b' || c1 == 'B')) {
    pos += 2;
    size_t count;
    const char *base;
    if (c1 == 'x' || c1 == 'X') {
      count = digits(isHexDigit);
      base = "hexadecimal";
    } else if (c1 == 'o' || c1 == 'O') {
      count = digits([](unsigned char c) { return c >= '0' && c <= '7'; });
      base = "octal";
    } else {
      count = digits([](unsigned char c) { return c == '0' || c == '1'; });
      base = "binary";
    }
    if (count == 0)
      problem = "'" + text.slice(begin, begin + 2).str() + "' needs " + base +
                " digits";
  } else {
    if (c0 != '.')
      digits(isDigit);
    if (peek() == '.') {
      isInteger = false;
      ++pos;
      digits(isDigit);
    }
    if (peek() == 'e' || peek() == 'E') {
      size_t save = pos;
      ++pos;
      if (peek() == '+' || peek() == '-')
        ++pos;
      isInteger = false;
      if (digits(isDigit) == 0) {
        if (problem.empty())
          problem = "an exponent needs digits";
        (void)save;
      }
    }
  }
  tok::TokenKind kind = tok::NumericLiteral;
  if (peek() == 'n') {
    ++pos;
    kind = tok::BigIntLiteral;
    if (!isInteger && problem.empty())
      problem = "a bigint literal must be an integer";
  }
  // `3in`, `10px`: TypeScript rejects a name glued to a number. Take the
  // whole run into the literal so that one error is reported.
  if (pos < text.size() && (isASCIIIdentifierPart(text[pos]) ||
                            static_cast<unsigned char>(text[pos]) >= 0x80)) {
    size_t end = pos;
    while (end < text.size() && isASCIIIdentifierPart(text[end]))
      ++end;
    if (end > pos) {
      if (problem.empty())
        problem = "an identifier cannot immediately follow a numeric literal";
      pos = end;
    }
  }
  emit(kind, begin, pos);
  if (!problem.empty())
    report(DiagID::TSInvalidNumber, begin, pos).args.push_back(problem);
}

size_t Scanner::checkEscape(size_t at) {
  // at: the character after the backslash.
  if (at >= text.size())
    return 0;
  char c = text[at];
  auto fail = [&](size_t end, StringRef why) {
    SyntaxProblem &problem =
        report(DiagID::TSInvalidEscape, at - 1, std::min(end, text.size()));
    problem.args.push_back(text.slice(at - 1, end).str());
    problem.args.push_back(why.str());
  };
  if (c == 'x') {
    if (at + 2 < text.size() && isHexDigit(text[at + 1]) &&
        isHexDigit(text[at + 2]))
      return 3;
    size_t end = at + 1;
    while (end < text.size() && end < at + 3 && isHexDigit(text[end]))
      ++end;
    fail(end, "'\\x' needs two hexadecimal digits");
    return end - at;
  }
  if (c == 'u') {
    if (at + 1 < text.size() && text[at + 1] == '{') {
      size_t end = at + 2;
      uint64_t value = 0;
      while (end < text.size() && isHexDigit(text[end])) {
        value = std::min<uint64_t>(value * 16 + llvm::hexDigitValue(text[end]),
                                   0x110000);
        ++end;
      }
      if (end == at + 2 || end >= text.size() || text[end] != '}') {
        fail(end, "'\\u{' needs hexadecimal digits and a closing '}'");
        return end - at;
      }
      if (value > 0x10FFFF) {
        fail(end + 1, "a code point is at most 10FFFF");
        return end + 1 - at;
      }
      return end + 1 - at;
    }
    size_t end = at + 1;
    while (end < text.size() && end < at + 5 && isHexDigit(text[end]))
      ++end;
    if (end == at + 5)
      return 5;
    fail(end, "'\\u' needs four hexadecimal digits or '{...}'");
    return end - at;
  }
  if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n')
    return 2;
  unsigned length = 1;
  if (static_cast<unsigned char>(c) >= 0x80)
    decodeAt(text, at, length);
  return length;
}

void Scanner::scanString(char quote) {
  size_t begin = pos;
  ++pos;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == quote) {
      ++pos;
      emit(tok::StringLiteral, begin, pos);
      return;
    }
    if (c == '\\') {
      pos += 1 + checkEscape(pos + 1);
      continue;
    }
    if (c == '\n' || c == '\r')
      break;
    ++pos;
  }
  if (pos > text.size())
    pos = text.size();
  emit(tok::StringLiteral, begin, pos, Token::Unterminated);
  report(DiagID::TSUnterminatedString, begin, pos)
      .args.push_back(quote == '"' ? "'\"'" : "\"'\"");
}

void Scanner::scanTemplateText(size_t tokenBegin, size_t from, bool isHead,
                               uint32_t start) {
  pos = from;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '`') {
      ++pos;
      emit(isHead ? tok::NoSubstitutionTemplate : tok::TemplateTail, tokenBegin,
           pos);
      return;
    }
    if (c == '$' && peek(1) == '{') {
      pos += 2;
      emit(isHead ? tok::TemplateHead : tok::TemplateMiddle, tokenBegin, pos);
      braces.push_back({true, start});
      return;
    }
    if (c == '\\') {
      pos += pos + 1 < text.size() ? 2 : 1;
      continue;
    }
    ++pos;
  }
  emit(isHead ? tok::NoSubstitutionTemplate : tok::TemplateTail, tokenBegin,
       text.size(), Token::Unterminated);
  report(DiagID::TSUnterminatedTemplate, start, start + 1);
  swallowedRest = true;
}

void Scanner::scanRegex() {
  size_t begin = pos;
  ++pos;
  bool inClass = false;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '\n' || c == '\r')
      break;
    if (c == '\\') {
      pos += 2;
      continue;
    }
    if (c == '[')
      inClass = true;
    else if (c == ']')
      inClass = false;
    else if (c == '/' && !inClass) {
      ++pos;
      while (pos < text.size() && isASCIIIdentifierPart(text[pos]))
        ++pos; // Flags.
      emit(tok::RegexLiteral, begin, pos);
      return;
    }
    ++pos;
  }
  if (pos > text.size())
    pos = text.size();
  emit(tok::RegexLiteral, begin, pos, Token::Unterminated);
  report(DiagID::TSUnterminatedRegex, begin, pos);
}

void Scanner::scanInvalid() {
  // A run of characters that start no token, reported once.
  size_t begin = pos;
  uint32_t first = 0;
  bool firstValid = true;
  bool printable = true;
  while (pos < text.size()) {
    unsigned char c = text[pos];
    uint32_t cp = c;
    unsigned length = 1;
    bool valid = true;
    if (c >= 0x80) {
      cp = decodeAt(text, pos, length);
      valid = !(cp == 0xFFFD && length == 1);
      if (valid && (isUnicodeIdentifierChar(cp) || isUnicodeSpace(cp) ||
                    isUnicodeLineBreak(cp)))
        break;
    } else if (isASCIIIdentifierPart(c) || c == ' ' || c == '\t' || c == '\n' ||
               c == '\r' ||
               StringRef("{}()[];,<>+-*/%&|^!~?:=.@'\"`").contains(char(c)) ||
               (c == '#' && pos + 1 < text.size() &&
                isASCIIIdentifierStart(text[pos + 1]))) {
      break;
    }
    if (pos == begin) {
      first = cp;
      firstValid = valid;
    }
    printable = printable && c >= 0x21 && c < 0x7F;
    pos += length;
  }
  if (pos == begin) // Cannot happen; make progress regardless.
    ++pos;
  SyntaxProblem &problem = report(DiagID::TSInvalidCharacter, begin, pos);
  StringRef run = text.slice(begin, pos);
  if (printable && run.size() > 1)
    problem.args.push_back("sequence '" + run.str() + "'");
  else
    problem.args.push_back(describeCodePoint(first, firstValid));
}

void Scanner::scanPunctuation() {
  size_t begin = pos;
  char c = text[pos];
  char c1 = peek(1);
  char c2 = peek(2);
  auto take = [&](tok::TokenKind kind, size_t length) {
    pos += length;
    emit(kind, begin, pos);
  };
  switch (c) {
  case '{':
    braces.push_back({false, 0});
    return take(tok::OpenBrace, 1);
  case '}':
    if (!braces.empty() && braces.back().isTemplate) {
      uint32_t start = braces.back().templateStart;
      braces.pop_back();
      return scanTemplateText(begin, pos + 1, /*isHead=*/false, start);
    }
    if (!braces.empty())
      braces.pop_back();
    return take(tok::CloseBrace, 1);
  case '(':
    return take(tok::OpenParen, 1);
  case ')':
    return take(tok::CloseParen, 1);
  case '[':
    return take(tok::OpenBracket, 1);
  case ']':
    return take(tok::CloseBracket, 1);
  case ';':
    return take(tok::Semicolon, 1);
  case ',':
    return take(tok::Comma, 1);
  case ':':
    return take(tok::Colon, 1);
  case '~':
    return take(tok::Tilde, 1);
  case '@':
    return take(tok::At, 1);
  case '.':
    if (c1 == '.' && c2 == '.')
      return take(tok::Ellipsis, 3);
    return take(tok::Dot, 1);
  case '?':
    if (c1 == '.' && !isDigit(c2))
      return take(tok::QuestionDot, 2);
    if (c1 == '?')
      return take(c2 == '=' ? tok::QuestionQuestionAssign
                            : tok::QuestionQuestion,
                  c2 == '=' ? 3 : 2);
    return take(tok::Question, 1);
  case '=':
    if (c1 == '>')
      return take(tok::Arrow, 2);
    if (c1 == '=')
      return take(c2 == '=' ? tok::EqualEqualEqual : tok::EqualEqual,
                  c2 == '=' ? 3 : 2);
    return take(tok::Assign, 1);
  case '!':
    if (c1 == '=')
      return take(c2 == '=' ? tok::NotEqualEqual : tok::NotEqual,
                  c2 == '=' ? 3 : 2);
    return take(tok::Bang, 1);
  case '<':
    if (c1 == '<')
      return take(c2 == '=' ? tok::LessLessAssign : tok::LessLess,
                  c2 == '=' ? 3 : 2);
    if (c1 == '=')
      return take(tok::LessEqual, 2);
    return take(tok::Less, 1);
  case '>':
    return take(c1 == '>' || c1 == '=' ? tok::GreaterJoined : tok::Greater, 1);
  case '+':
    if (c1 == '+')
      return take(tok::PlusPlus, 2);
    if (c1 == '=')
      return take(tok::PlusAssign, 2);
    return take(tok::Plus, 1);
  case '-':
    if (c1 == '-')
      return take(tok::MinusMinus, 2);
    if (c1 == '=')
      return take(tok::MinusAssign, 2);
    return take(tok::Minus, 1);
  case '*':
    if (c1 == '*')
      return take(c2 == '=' ? tok::StarStarAssign : tok::StarStar,
                  c2 == '=' ? 3 : 2);
    if (c1 == '=')
      return take(tok::StarAssign, 2);
    return take(tok::Star, 1);
  case '/':
    if (c1 == '=')
      return take(tok::SlashAssign, 2);
    return take(tok::Slash, 1);
  case '%':
    if (c1 == '=')
      return take(tok::PercentAssign, 2);
    return take(tok::Percent, 1);
  case '&':
    if (c1 == '&')
      return take(c2 == '=' ? tok::AmpAmpAssign : tok::AmpAmp,
                  c2 == '=' ? 3 : 2);
    if (c1 == '=')
      return take(tok::AmpAssign, 2);
    return take(tok::Amp, 1);
  case '|':
    if (c1 == '|')
      return take(c2 == '=' ? tok::PipePipeAssign : tok::PipePipe,
                  c2 == '=' ? 3 : 2);
    if (c1 == '=')
      return take(tok::PipeAssign, 2);
    return take(tok::Pipe, 1);
  case '^':
    if (c1 == '=')
      return take(tok::CaretAssign, 2);
    return take(tok::Caret, 1);
  default:
    return scanInvalid();
  }
}

void Scanner::run() {
  // A byte order mark and a `#!` line are not code.
  if (text.starts_with("\xEF\xBB\xBF"))
    pos = 3;
  if (text.substr(pos).starts_with("#!")) {
    size_t begin = pos;
    while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r')
      ++pos;
    out.comments.push_back({Comment::Line, uint32_t(begin), uint32_t(pos)});
  }
  out.tokens.reserve(text.size() / 5 + 16);
  for (;;) {
    skipTrivia();
    if (pos >= text.size())
      break;
    unsigned char c = text[pos];
    if (isASCIIIdentifierStart(c)) {
      scanIdentifier();
      continue;
    }
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      scanNumber();
      continue;
    }
    switch (c) {
    case '"':
    case '\'':
      scanString(char(c));
      continue;
    case '`': {
      size_t begin = pos;
      if (peek(1) == '`' && peek(2) == '`') {
        // A markdown fence pasted into the code: it still reads as two
        // template literals (TypeScript's parser accepts it), but the code
        // up to the closing fence is a string.
        size_t end = pos + 3;
        while (end < text.size() && (isASCIIIdentifierPart(text[end]) ||
                                     text[end] == '-' || text[end] == '+'))
          ++end;
        SyntaxProblem &problem = report(DiagID::TSMarkdownFence, begin, end);
        problem.args.push_back(text.slice(begin, end).str());
        size_t close = text.find("```", end);
        if (close != StringRef::npos) {
          problem.noteRange = rangeOf(close, close + 3);
          problem.note = NoteID::TSFenceClosesHere;
        }
      }
      scanTemplateText(begin, pos + 1, /*isHead=*/true, uint32_t(begin));
      continue;
    }
    case '/':
      if (operandMayStart()) {
        scanRegex();
        continue;
      }
      scanPunctuation();
      continue;
    case '#':
      if (pos + 1 < text.size() &&
          (isASCIIIdentifierStart(text[pos + 1]) ||
           static_cast<unsigned char>(text[pos + 1]) >= 0x80)) {
        size_t begin = pos;
        ++pos;
        scanIdentifier();
        out.tokens.back().kind = tok::PrivateName;
        out.tokens.back().begin = uint32_t(begin);
        lastKind = tok::PrivateName;
        continue;
      }
      scanInvalid();
      continue;
    case '\\':
      if (peek(1) == 'u') {
        size_t save = pos;
        if (skipUnicodeEscape()) {
          pos = save;
          scanIdentifier();
          continue;
        }
      }
      scanInvalid();
      continue;
    default:
      break;
    }
    if (c >= 0x80) {
      unsigned length;
      uint32_t cp = decodeAt(text, pos, length);
      if (!(cp == 0xFFFD && length == 1) && isUnicodeIdentifierChar(cp)) {
        scanIdentifier();
        continue;
      }
      scanInvalid();
      continue;
    }
    scanPunctuation();
  }
  emit(tok::EndOfFile, text.size(), text.size());
}

//===----------------------------------------------------------------------===//
// Pass 2: brackets
//===----------------------------------------------------------------------===//

static bool isOpener(tok::TokenKind kind) {
  return kind == tok::OpenBrace || kind == tok::OpenParen ||
         kind == tok::OpenBracket || kind == tok::TemplateHead;
}

static bool isCloser(tok::TokenKind kind) {
  return kind == tok::CloseBrace || kind == tok::CloseParen ||
         kind == tok::CloseBracket || kind == tok::TemplateTail;
}

/// The closer that matches \p opener.
static tok::TokenKind getCloserFor(tok::TokenKind opener) {
  switch (opener) {
  case tok::OpenBrace:
    return tok::CloseBrace;
  case tok::OpenParen:
    return tok::CloseParen;
  case tok::OpenBracket:
    return tok::CloseBracket;
  default:
    return tok::TemplateTail;
  }
}

/// The opener that \p closer (or a TemplateMiddle) matches.
static tok::TokenKind getOpenerFor(tok::TokenKind closer) {
  switch (closer) {
  case tok::CloseBrace:
    return tok::OpenBrace;
  case tok::CloseParen:
    return tok::OpenParen;
  case tok::CloseBracket:
    return tok::OpenBracket;
  default:
    return tok::TemplateHead;
  }
}

static StringRef getBracketText(tok::TokenKind kind) {
  switch (kind) {
  case tok::OpenBrace:
    return "{";
  case tok::CloseBrace:
    return "}";
  case tok::OpenParen:
    return "(";
  case tok::CloseParen:
    return ")";
  case tok::OpenBracket:
    return "[";
  case tok::CloseBracket:
    return "]";
  case tok::TemplateHead:
    return "${";
  default:
    return "}";
  }
}

namespace {
/// Matches brackets, repairing the token list (see the file comment).
class BracketMatcher {
public:
  BracketMatcher(StringRef text, TokenizedText &out, bool swallowedRest)
      : text(text), out(out), swallowedRest(swallowedRest) {}

  void run();

private:
  struct Open {
    uint32_t index; ///< Index in the new token list.
    tok::TokenKind kind;
  };

  SMRange rangeOf(const Token &token) const {
    return SMRange(SMLoc::getFromPointer(text.data() + token.begin),
                   SMLoc::getFromPointer(text.data() + token.end));
  }
  /// The line of \p offset, counted as line breaks before it (only compared
  /// with other lines).
  bool sameLine(uint32_t a, uint32_t b) const {
    if (a > b)
      std::swap(a, b);
    return text.slice(a, b).find_first_of("\n\r") == StringRef::npos;
  }
  /// Closes the innermost open bracket with a virtual token at \p at,
  /// reporting it as missing "before \p where" unless \p quiet.
  void closeInnermost(uint32_t at, StringRef where, bool quiet);
  /// Appends \p token; returns its index.
  uint32_t push(const Token &token);

  StringRef text;
  TokenizedText &out;
  bool swallowedRest;
  std::vector<Token> tokens;
  std::vector<uint32_t> matches;
  std::vector<Open> stack;
  /// Whether the current top-level nest went too deep already.
  bool nestTooDeep = false;
  /// How many brackets were open when the current line began.
  size_t lineStartDepth = 0;
  /// After an unterminated string or regular expression on this line, the
  /// depth to close back to at the end of the line (its closers were
  /// probably swallowed by the literal), or -1.
  ptrdiff_t closeAtLineEnd = -1;
};
} // namespace

uint32_t BracketMatcher::push(const Token &token) {
  tokens.push_back(token);
  matches.push_back(0);
  return uint32_t(tokens.size() - 1);
}

void BracketMatcher::closeInnermost(uint32_t at, StringRef where, bool quiet) {
  Open open = stack.back();
  stack.pop_back();
  Token closer;
  closer.kind = getCloserFor(open.kind);
  closer.flags = Token::Virtual;
  closer.begin = closer.end = at;
  matches[open.index] = push(closer);
  if (quiet)
    return;
  SyntaxProblem &problem = out.problems.emplace_back();
  problem.id = DiagID::TSMissingClosingBracket;
  SMLoc loc = SMLoc::getFromPointer(text.data() + at);
  problem.range = SMRange(loc, loc);
  StringRef closeText = open.kind == tok::TemplateHead
                            ? StringRef("}")
                            : getBracketText(closer.kind);
  problem.args.push_back(closeText.str());
  problem.args.push_back(where.str());
  problem.noteRange = rangeOf(tokens[open.index]);
  problem.note = NoteID::ToMatchThis;
  problem.noteArgs.push_back(getBracketText(open.kind).str());
}

void BracketMatcher::run() {
  tokens.reserve(out.tokens.size());
  matches.reserve(out.tokens.size());
  for (const Token &token : out.tokens) {
    tok::TokenKind kind = token.kind;
    if (token.hasNewlineBefore() || kind == tok::EndOfFile) {
      // The line with an unterminated literal ends: close, quietly, what it
      // opened (its closers were taken into the literal).
      if (closeAtLineEnd >= 0) {
        uint32_t at = tokens.empty() ? token.begin : tokens.back().end;
        while (stack.size() > size_t(closeAtLineEnd))
          closeInnermost(at, "", /*quiet=*/true);
        closeAtLineEnd = -1;
      }
      lineStartDepth = stack.size();
    }
    if ((kind == tok::StringLiteral || kind == tok::RegexLiteral) &&
        (token.flags & Token::Unterminated))
      closeAtLineEnd = ptrdiff_t(std::min(lineStartDepth, stack.size()));
    if (kind == tok::EndOfFile) {
      // Close what is open, innermost first. After an unterminated comment
      // or template the rest of the file was swallowed: that error says it.
      while (!stack.empty())
        closeInnermost(token.begin, "before the end of the file",
                       swallowedRest);
      push(token);
      break;
    }
    bool closes = isCloser(kind) || kind == tok::TemplateMiddle;
    if (closes) {
      tok::TokenKind opener = getOpenerFor(kind);
      // The nearest open bracket this token can close.
      size_t found = stack.size();
      while (found > 0 && stack[found - 1].kind != opener)
        --found;
      bool matchesTop = found == stack.size() && found > 0;
      if (found == 0) {
        // Nothing to close: an extra closer.
        SyntaxProblem &problem = out.problems.emplace_back();
        problem.id = DiagID::TSUnmatchedClosingBracket;
        problem.range = rangeOf(token);
        problem.args.push_back(getBracketText(kind).str());
        problem.args.push_back(getBracketText(opener).str());
        continue;
      }
      if (!matchesTop) {
        // An outer bracket matches. A ')' or ']' inside a '{' that opened
        // on an earlier line is more likely extra than closing over it.
        const Open &top = stack.back();
        if (kind != tok::CloseBrace && kind != tok::TemplateMiddle &&
            kind != tok::TemplateTail && top.kind == tok::OpenBrace &&
            !sameLine(tokens[top.index].begin, token.begin)) {
          SyntaxProblem &problem = out.problems.emplace_back();
          problem.id = DiagID::TSUnmatchedClosingBracket;
          problem.range = rangeOf(token);
          problem.args.push_back(getBracketText(kind).str());
          problem.args.push_back(getBracketText(opener).str());
          continue;
        }
        std::string where = "before '" + getBracketText(kind).str() + "'";
        while (stack.size() > found)
          closeInnermost(token.begin, where, /*quiet=*/false);
      }
      Open open = stack.back();
      stack.pop_back();
      matches[open.index] = push(token);
      if (kind != tok::TemplateMiddle) {
        if (stack.empty())
          nestTooDeep = false;
        continue;
      }
      // A TemplateMiddle also opens the next substitution.
    } else if (!isOpener(kind)) {
      push(token);
      continue;
    } else {
      push(token);
    }
    stack.push_back({uint32_t(tokens.size() - 1),
                     kind == tok::TemplateMiddle ? tok::TemplateHead : kind});
    if (stack.size() > MaxNestingDepth && !nestTooDeep) {
      nestTooDeep = true;
      out.tooDeep.push_back(uint32_t(tokens.size() - 1));
      SyntaxProblem &problem = out.problems.emplace_back();
      problem.id = DiagID::TSNestingTooDeep;
      problem.range = rangeOf(tokens.back());
      problem.args.push_back("brackets");
      problem.args.push_back(std::to_string(MaxNestingDepth));
    }
  }
  out.tokens = std::move(tokens);
  out.matches = std::move(matches);
}

//===----------------------------------------------------------------------===//
// Pass 3: classify
//===----------------------------------------------------------------------===//

/// How far the classification looks ahead for one `(` or `<`.
static constexpr size_t LookaheadLimit = 4096;

/// Whether an operand may start after a token of kind \p kind.
static bool isOperandStartAfter(tok::TokenKind kind) {
  switch (kind) {
  case tok::Unknown:
    return true;
  case tok::Identifier:
  case tok::PrivateName:
  case tok::NumericLiteral:
  case tok::BigIntLiteral:
  case tok::StringLiteral:
  case tok::RegexLiteral:
  case tok::NoSubstitutionTemplate:
  case tok::TemplateTail:
  case tok::CloseParen:
  case tok::CloseBracket:
  case tok::CloseBrace:
  case tok::This:
  case tok::Super:
  case tok::Null:
  case tok::True:
  case tok::False:
  case tok::Greater:
  case tok::GreaterJoined:
  case tok::PlusPlus:
  case tok::MinusMinus:
  case tok::QuestionDot:
    return false;
  case tok::Await:
  case tok::Yield:
  case tok::Async:
    return true;
  default:
    return !isContextualKeyword(kind);
  }
}

/// Whether a token of kind \p kind may appear in a type (outside nested
/// brackets, which the callers skip whole).
static bool mayBeInType(tok::TokenKind kind) {
  switch (kind) {
  case tok::Identifier:
  case tok::Dot:
  case tok::Comma:
  case tok::Pipe:
  case tok::Amp:
  case tok::Question:
  case tok::Colon:
  case tok::Arrow:
  case tok::Ellipsis:
  case tok::StringLiteral:
  case tok::NumericLiteral:
  case tok::BigIntLiteral:
  case tok::NoSubstitutionTemplate:
  case tok::Minus:
  case tok::Assign:
  case tok::Less:
  case tok::Greater:
  case tok::GreaterJoined:
    return true;
  default:
    return isReservedWord(kind) || isContextualKeyword(kind);
  }
}

namespace {
class Classifier {
public:
  explicit Classifier(TokenizedText &out) : tokens(out.tokens), out(out) {}

  void run();

private:
  /// The index after the bracket group opened at \p i (a template chain
  /// for a TemplateHead).
  size_t skipGroup(size_t i) const {
    size_t close = out.matches[i];
    if (close <= i)
      return i + 1;
    while (tokens[close].kind == tok::TemplateMiddle &&
           out.matches[close] > close)
      close = out.matches[close];
    return close + 1;
  }
  /// From \p i (after a `:`), the index of the `=>` that follows a return
  /// type; 0 if no return type and `=>` come.
  size_t findReturnTypeArrow(size_t i) const;
  /// For every `<`, the index of its matching `>` if the tokens in between
  /// can be type arguments or parameters (0 otherwise): one linear pass
  /// with a stack, so that nesting costs nothing.
  void matchAngles();
  size_t findTypeArgsEnd(size_t i) const { return angleEnds[i]; }
  /// Whether the `(` at \p i opens arrow parameters: its `)` is followed by
  /// `=>`, or by a return type and `=>` (whose `=>` is then marked).
  bool isArrowParams(size_t i);

  /// Pass A: `(` of arrow parameters, `<` of type arguments and generic
  /// arrows, names that are an arrow's only parameter.
  void classifyArrowsAndGenerics();
  /// Pass B: contextual keywords that the next token does not make
  /// keywords become identifiers.
  void classifyContextualKeywords();
  /// Pass C: `{`, `function` and `class` that start a statement; the `{`
  /// of class, namespace and case-clause bodies (statement lists).
  void classifyStatementStarts();
  /// The `{` that opens the body of the declaration whose keyword is at
  /// \p i (a class, namespace, interface or enum), or 0.
  size_t findBodyBrace(size_t i) const;
  /// Marks the `{` that opens the body of the class or namespace whose
  /// keyword is at \p i as a BlockBrace.
  void markBodyBrace(size_t i);
  /// After `):` at \p colon (a return type annotation), marks the `{` that
  /// follows the type as a BlockBrace: the body of the function or method.
  void markBodyAfterReturnType(size_t colon);
  /// Pass D: automatic semicolon insertion.
  void insertSemicolons();

  tok::TokenKind kindAt(size_t i) const {
    return i < tokens.size() ? tokens[i].kind : tok::EndOfFile;
  }
  /// Whether a statement may end with token \p i: canEndStatement, and
  /// the tokens that end `x as const`, `x!` and a `void` type (`(): void`).
  bool canEndStatementAt(size_t i) const;
  /// Whether token \p i follows on the same line.
  bool sameLine(size_t i) const {
    return i < tokens.size() && !tokens[i].hasNewlineBefore();
  }

  std::vector<Token> &tokens;
  TokenizedText &out;
  /// Arrows that end the return type of an arrow function (`(x): T =>`):
  /// the name before them is the return type, not an arrow parameter.
  std::vector<bool> returnTypeArrows;
  /// See matchAngles.
  std::vector<uint32_t> angleEnds;
  /// The `{` that open class bodies.
  std::vector<bool> classBody;
};
} // namespace

size_t Classifier::findReturnTypeArrow(size_t i) const {
  size_t limit = std::min(tokens.size(), i + LookaheadLimit);
  int angle = 0;
  while (i < limit) {
    tok::TokenKind kind = tokens[i].kind;
    switch (kind) {
    case tok::Arrow:
      if (angle == 0)
        return i;
      ++i;
      continue;
    case tok::OpenParen:
    case tok::ArrowParen:
    case tok::OpenBracket:
    case tok::OpenBrace:
    case tok::TemplateHead:
      i = skipGroup(i);
      continue;
    case tok::Less:
    case tok::LessTypeArgs:
    case tok::LessGeneric:
      ++angle;
      ++i;
      continue;
    case tok::Greater:
    case tok::GreaterJoined:
      if (--angle < 0)
        return 0;
      ++i;
      continue;
    default:
      if (!mayBeInType(kind) ||
          (angle == 0 && (kind == tok::Assign || kind == tok::Comma)))
        return 0;
      ++i;
      continue;
    }
  }
  return 0;
}

void Classifier::matchAngles() {
  angleEnds.assign(tokens.size(), 0);
  struct Open {
    uint32_t index;
    uint32_t depth; ///< Bracket depth at the `<`.
  };
  std::vector<Open> open;
  uint32_t depth = 0;
  for (size_t i = 0, e = tokens.size(); i < e; ++i) {
    tok::TokenKind kind = tokens[i].kind;
    switch (kind) {
    case tok::Less:
      open.push_back({uint32_t(i), depth});
      continue;
    case tok::Greater:
    case tok::GreaterJoined:
      if (!open.empty() && open.back().depth == depth) {
        angleEnds[open.back().index] = uint32_t(i);
        open.pop_back();
      }
      continue;
    case tok::OpenParen:
    case tok::OpenBracket:
    case tok::OpenBrace:
    case tok::TemplateHead:
      ++depth;
      continue;
    case tok::CloseParen:
    case tok::CloseBracket:
    case tok::CloseBrace:
    case tok::TemplateTail:
      if (depth > 0)
        --depth;
      // A `<` left open inside the group was a comparison.
      while (!open.empty() && open.back().depth > depth)
        open.pop_back();
      continue;
    case tok::TemplateMiddle:
      continue;
    default:
      // Inside a bracket group of a type (an object type, a tuple, a
      // function type's parameters) anything may come; directly between
      // `<` and `>`, only what a type may hold.
      if (!mayBeInType(kind))
        while (!open.empty() && open.back().depth == depth)
          open.pop_back();
      continue;
    }
  }
}

bool Classifier::isArrowParams(size_t i) {
  size_t close = out.matches[i];
  if (close <= i || close + 1 >= tokens.size())
    return false;
  tok::TokenKind next = tokens[close + 1].kind;
  if (next == tok::Arrow)
    return true;
  if (next != tok::Colon)
    return false;
  size_t arrow = findReturnTypeArrow(close + 2);
  if (arrow == 0)
    return false;
  returnTypeArrows[arrow] = true;
  return true;
}

/// Whether a token of kind \p kind is a word: a name or a keyword.
static bool isWord(tok::TokenKind kind) {
  return kind == tok::Identifier || isReservedWord(kind) ||
         isContextualKeyword(kind);
}

/// Whether a token of kind \p kind may start an operand (after `a < b >`,
/// an operand makes a comparison; anything else, type arguments).
static bool startsOperand(tok::TokenKind kind) {
  switch (kind) {
  case tok::Identifier:
  case tok::PrivateName:
  case tok::NumericLiteral:
  case tok::BigIntLiteral:
  case tok::StringLiteral:
  case tok::RegexLiteral:
  case tok::NoSubstitutionTemplate:
  case tok::TemplateHead:
  case tok::OpenParen:
  case tok::OpenBrace:
  case tok::Plus:
  case tok::Minus:
  case tok::Bang:
  case tok::Tilde:
  case tok::PlusPlus:
  case tok::MinusMinus:
  case tok::Less:
  case tok::Slash:
    return true;
  default:
    return isReservedWord(kind) || isContextualKeyword(kind);
  }
}

void Classifier::classifyArrowsAndGenerics() {
  returnTypeArrows.assign(tokens.size(), false);
  matchAngles();
  tok::TokenKind prev = tok::Unknown;
  for (size_t i = 0, e = tokens.size(); i < e; prev = tokens[i].kind, ++i) {
    Token &token = tokens[i];
    switch (token.kind) {
    case tok::OpenParen:
      // Arrow parameters come where an operand starts (or after the type
      // parameters of a generic arrow). Calls, declarations and statement
      // heads (`if (`) never end in `=>`.
      if (!isOperandStartAfter(prev) && prev != tok::Greater &&
          prev != tok::GreaterJoined)
        continue;
      switch (prev) {
      case tok::If:
      case tok::For:
      case tok::While:
      case tok::Switch:
      case tok::Catch:
      case tok::With:
      case tok::Function:
        continue;
      default:
        break;
      }
      if (isArrowParams(i))
        token.kind = tok::ArrowParen;
      continue;
    case tok::Less: {
      if (isOperandStartAfter(prev)) {
        // Type parameters of a generic arrow (`<T>(x: T) => x`); otherwise
        // an old-style type assertion (`<T>x`), which stays a Less.
        size_t end = findTypeArgsEnd(i);
        if (end && end + 1 < e && tokens[end + 1].kind == tok::OpenParen &&
            isArrowParams(end + 1))
          token.kind = tok::LessGeneric;
        continue;
      }
      if (prev != tok::Identifier && !isContextualKeyword(prev) &&
          prev != tok::This && prev != tok::Super)
        continue;
      size_t end = findTypeArgsEnd(i);
      if (end == 0 || end + 1 >= e)
        continue;
      // `f<T>(x)` and `` tag<T>`...` `` are calls with type arguments; in
      // `Array<T>;`, `Map<K, V>,`, `Promise<T> |` the `<` opens the type
      // arguments of a type (nothing that could be an operand follows).
      const Token &after = tokens[end + 1];
      if (after.kind == tok::OpenParen ||
          after.kind == tok::NoSubstitutionTemplate ||
          after.kind == tok::TemplateHead || after.hasNewlineBefore() ||
          !startsOperand(after.kind))
        token.kind = tok::LessTypeArgs;
      continue;
    }
    default:
      // `x => ...`: a name where an operand starts, followed by `=>` on
      // the same line, unless that `=>` ends a return type.
      if ((token.kind == tok::Identifier ||
           (isContextualKeyword(token.kind) && token.kind != tok::Async)) &&
          isOperandStartAfter(prev) && i + 1 < e &&
          tokens[i + 1].kind == tok::Arrow && sameLine(i + 1) &&
          !returnTypeArrows[i + 1])
        token.kind = tok::ArrowParameter;
      continue;
    }
  }
}

void Classifier::classifyContextualKeywords() {
  for (size_t i = 0, e = tokens.size(); i < e; ++i) {
    Token &token = tokens[i];
    if (!isContextualKeyword(token.kind))
      continue;
    tok::TokenKind next = kindAt(i + 1);
    bool onLine = sameLine(i + 1);
    // A word after the keyword, but not an operator spelled as a word
    // (`type as string`, `let in obj`).
    bool wordNext = isWord(next) && next != tok::As && next != tok::Satisfies &&
                    next != tok::In && next != tok::Instanceof &&
                    next != tok::Of;
    bool keyword = true;
    switch (token.kind) {
    case tok::Let:
      keyword = wordNext || next == tok::OpenBracket || next == tok::OpenBrace;
      break;
    case tok::Type:
      keyword =
          onLine && (wordNext || next == tok::OpenBrace || next == tok::Star);
      break;
    case tok::Interface:
    case tok::Namespace:
    case tok::Declare:
      keyword = onLine && wordNext;
      break;
    case tok::Module:
      keyword = onLine && (wordNext || next == tok::StringLiteral);
      break;
    case tok::Abstract:
      keyword = onLine && (wordNext || next == tok::OpenBracket);
      break;
    case tok::Global:
      keyword = onLine && next == tok::OpenBrace;
      break;
    case tok::Async:
      // `import * as async from "..."` names a namespace.
      keyword =
          onLine && !(i > 0 && tokens[i - 1].kind == tok::As) &&
          (wordNext || next == tok::ArrowParen || next == tok::ArrowParameter ||
           next == tok::LessGeneric || next == tok::Star ||
           next == tok::OpenBracket || next == tok::StringLiteral ||
           next == tok::NumericLiteral || next == tok::PrivateName);
      break;
    case tok::Readonly:
      // `Readonly<T>` is a type name.
      keyword = !(next == tok::Less || next == tok::LessTypeArgs);
      break;
    default:
      break;
    }
    if (!keyword)
      token.kind = tok::Identifier;
  }
}

/// Whether a token of kind \p kind can end a statement (so that a line
/// break after it may end one).
static bool canEndStatement(tok::TokenKind kind) {
  switch (kind) {
  case tok::Identifier:
  case tok::PrivateName:
  case tok::NumericLiteral:
  case tok::BigIntLiteral:
  case tok::StringLiteral:
  case tok::RegexLiteral:
  case tok::NoSubstitutionTemplate:
  case tok::TemplateTail:
  case tok::CloseParen:
  case tok::CloseBracket:
  case tok::CloseBrace:
  case tok::PlusPlus:
  case tok::MinusMinus:
  case tok::This:
  case tok::Super:
  case tok::Null:
  case tok::True:
  case tok::False:
  case tok::Greater:
  case tok::GreaterJoined:
    return true;
  default:
    return isContextualKeyword(kind);
  }
}

bool Classifier::canEndStatementAt(size_t i) const {
  tok::TokenKind kind = tokens[i].kind;
  tok::TokenKind prev = i ? tokens[i - 1].kind : tok::Unknown;
  switch (kind) {
  case tok::Const:
    return prev == tok::As;
  case tok::Bang:
    // A non-null assertion `x!`, not the prefix operator.
    return i && !tokens[i].hasNewlineBefore() && canEndStatement(prev);
  case tok::Void:
    // A type, not the operator: after `:`, `=>`, `|`, `&`, `,` or `=`.
    return prev == tok::Colon || prev == tok::Arrow || prev == tok::Pipe ||
           prev == tok::Amp || prev == tok::Comma || prev == tok::Assign;
  default:
    return canEndStatement(kind);
  }
}

void Classifier::classifyStatementStarts() {
  auto statementStart = [&](size_t i) {
    if (i == 0)
      return true;
    switch (tokens[i - 1].kind) {
    case tok::Semicolon:
    case tok::BlockBrace:
    case tok::CloseBrace:
    case tok::CloseParen:
    case tok::Else:
    case tok::Do:
    case tok::Export:
    case tok::Default:
    case tok::Declare:
      return true;
    default:
      return tokens[i].hasNewlineBefore() && canEndStatementAt(i - 1);
    }
  };
  // The `{` of interface and enum bodies (not statement lists).
  std::vector<bool> declarationBody(tokens.size());
  classBody.assign(tokens.size(), false);
  for (size_t i = 0, e = tokens.size(); i < e; ++i) {
    Token &token = tokens[i];
    tok::TokenKind prev = i ? tokens[i - 1].kind : tok::Unknown;
    switch (token.kind) {
    case tok::OpenBrace: {
      bool block = false;
      switch (prev) {
      case tok::Unknown:
      case tok::CloseParen:
      case tok::Arrow:
      case tok::Semicolon:
      case tok::BlockBrace:
      case tok::CloseBrace:
      case tok::Else:
      case tok::Do:
      case tok::Try:
      case tok::Catch:
      case tok::Finally:
        block = true;
        break;
      default:
        // A block statement on a line of its own ends the statement before
        // (`const a = []\n{ ... }`); the body of an interface or an enum
        // does not.
        if (token.hasNewlineBefore() && canEndStatementAt(i - 1) &&
            !declarationBody[i]) {
          block = true;
          token.flags |= Token::SemicolonBefore;
        }
        break;
      }
      if (block)
        token.kind = tok::BlockBrace;
      continue;
    }
    case tok::Interface:
    case tok::Enum:
      if (size_t brace = findBodyBrace(i))
        declarationBody[brace] = true;
      continue;
    case tok::Function:
    case tok::Class: {
      // A declaration starts a statement; in a namespace or class body it
      // follows a `{` and has a name.
      tok::TokenKind next = kindAt(i + 1);
      bool declaration =
          statementStart(i) ||
          (prev == tok::Abstract && token.kind == tok::Class) ||
          (prev == tok::OpenBrace && (isWord(next) || next == tok::Star)) ||
          (prev == tok::Async && i >= 1 && statementStart(i - 1));
      if (declaration)
        token.kind =
            token.kind == tok::Function ? tok::DeclFunction : tok::DeclClass;
      if (token.kind != tok::Function && token.kind != tok::DeclFunction)
        if (size_t brace = findBodyBrace(i)) {
          tokens[brace].kind = tok::BlockBrace;
          classBody[brace] = true;
        }
      continue;
    }
    case tok::Namespace:
    case tok::Module:
    case tok::Global:
      // Still keywords: the next token made them so.
      markBodyBrace(i);
      continue;
    case tok::Colon:
      // `function f(): Promise<T> {`, `get x(): T {`: the body follows the
      // return type.
      if (prev == tok::CloseParen)
        markBodyAfterReturnType(i);
      continue;
    case tok::Static:
      // A static block in a class body.
      if (kindAt(i + 1) == tok::OpenBrace)
        tokens[i + 1].kind = tok::BlockBrace;
      continue;
    case tok::Case:
    case tok::Default: {
      // `case x: {` and `default: {` open blocks. Find the clause's `:`
      // (past a conditional's `? :` and bracket groups).
      if (token.kind == tok::Default && kindAt(i + 1) != tok::Colon)
        continue;
      size_t limit = std::min(e, i + LookaheadLimit);
      int conditionals = 0;
      for (size_t j = i + 1; j < limit;) {
        tok::TokenKind kind = tokens[j].kind;
        if (kind == tok::OpenParen || kind == tok::ArrowParen ||
            kind == tok::OpenBracket || kind == tok::OpenBrace ||
            kind == tok::BlockBrace || kind == tok::TemplateHead) {
          j = skipGroup(j);
          continue;
        }
        if (kind == tok::Question) {
          ++conditionals;
        } else if (kind == tok::Colon) {
          if (conditionals == 0) {
            if (kindAt(j + 1) == tok::OpenBrace)
              tokens[j + 1].kind = tok::BlockBrace;
            break;
          }
          --conditionals;
        } else if (kind == tok::Semicolon || isCloser(kind) ||
                   kind == tok::EndOfFile) {
          break;
        }
        ++j;
      }
      continue;
    }
    default:
      continue;
    }
  }
}

/// Whether a token of kind \p kind continues the statement before it across
/// a line break (or never starts one), so that no semicolon goes before it.
static bool continuesStatement(tok::TokenKind kind) {
  switch (kind) {
  case tok::Identifier:
  case tok::ArrowParameter:
  case tok::PrivateName:
  case tok::NumericLiteral:
  case tok::BigIntLiteral:
  case tok::StringLiteral:
  case tok::RegexLiteral:
  case tok::At:
  case tok::Bang:
  case tok::Tilde:
  case tok::PlusPlus:
  case tok::MinusMinus:
  case tok::Ellipsis:
  case tok::LessGeneric:
    return false;
  // `if (x)\n{`, `function f()\n{`: never before a `{`; nor before a word
  // that continues what precedes it.
  case tok::OpenBrace:
  case tok::BlockBrace:
  case tok::As:
  case tok::Satisfies:
  case tok::Of:
  case tok::From:
  case tok::Is:
  case tok::Else:
  case tok::Catch:
  case tok::Finally:
  case tok::Extends:
  case tok::In:
  case tok::Instanceof:
  case tok::Implements:
    return true;
  default:
    // Other words start statements; punctuation continues them (binary
    // operators, `.`, `(`, `[`, templates, `,`, `:`, `=>`, closers).
    return !(isReservedWord(kind) || isContextualKeyword(kind));
  }
}

void Classifier::insertSemicolons() {
  size_t e = tokens.size();
  // The opener of each closer.
  std::vector<uint32_t> openerOf(e, 0);
  for (size_t i = 0; i < e; ++i)
    if (out.matches[i] > i)
      openerOf[out.matches[i]] = uint32_t(i);
  // Whether the class member that token i continues has an `=` (an
  // initializer); body is the class body's `{`. Back to the member's
  // start: a `;` (written or inserted) or the `{`, skipping bracket groups.
  auto memberHasInitializer = [&](size_t i, size_t body) {
    for (size_t j = i; j-- > body + 1;) {
      tok::TokenKind kind = tokens[j].kind;
      if (isCloser(kind) && openerOf[j] > body)
        j = openerOf[j];
      else if (kind == tok::Assign)
        return true;
      else if (kind == tok::Semicolon)
        return false;
      if (tokens[j].hasSemicolonBefore())
        return false;
    }
    return false;
  };
  // The `)` of a control head (`if (...)`) and the last token of a
  // decorator (`@Dec()`) never end a statement.
  std::vector<bool> noEnd(e, false);
  // The `while` of `do ... while (x)` ends its statement: the `;` after it
  // is inserted. It is the next `while` at the bracket depth of the `do`
  // that does not start the body (`do while (a) f(); while (b)`).
  std::vector<bool> doWhile(e, false);
  {
    std::vector<std::pair<int, size_t>> pendingDo; // (depth, index)
    int depth = 0;
    for (size_t i = 0; i < e; ++i) {
      tok::TokenKind kind = tokens[i].kind;
      if (isOpener(kind) || kind == tok::BlockBrace || kind == tok::ArrowParen)
        ++depth;
      else if (isCloser(kind)) {
        --depth;
        while (!pendingDo.empty() && pendingDo.back().first > depth)
          pendingDo.pop_back();
      } else if (kind == tok::Do) {
        pendingDo.emplace_back(depth, i);
      } else if (kind == tok::While && !pendingDo.empty() &&
                 pendingDo.back().first == depth &&
                 pendingDo.back().second + 1 < i) {
        doWhile[i] = true;
        pendingDo.pop_back();
      }
    }
  }
  for (size_t i = 0; i < e; ++i) {
    tok::TokenKind kind = tokens[i].kind;
    if (kind == tok::OpenParen && i > 0) {
      tok::TokenKind prev = tokens[i - 1].kind;
      if ((prev == tok::If || prev == tok::For ||
           (prev == tok::While && !doWhile[i - 1]) || prev == tok::With) &&
          out.matches[i] > i)
        noEnd[out.matches[i]] = true;
      continue;
    }
    if (kind != tok::At)
      continue;
    size_t j = i + 1;
    if (kindAt(j) == tok::OpenParen) {
      j = skipGroup(j);
    } else {
      ++j;
      while (kindAt(j) == tok::Dot && kindAt(j + 1) == tok::Identifier)
        j += 2;
      if (kindAt(j) == tok::OpenParen && sameLine(j))
        j = skipGroup(j);
    }
    if (j > 0 && j <= e)
      noEnd[j - 1] = true;
  }

  // Which brackets are statement lists: BlockBrace (blocks, class and
  // namespace bodies); and the top level.
  std::vector<uint32_t> open;
  auto inStatementList = [&] {
    return open.empty() || tokens[open.back()].kind == tok::BlockBrace;
  };
  auto canEnd = [&](size_t i) {
    tok::TokenKind kind = tokens[i].kind;
    if (noEnd[i])
      return false;
    switch (kind) {
    case tok::Return:
    case tok::Break:
    case tok::Continue:
    case tok::Debugger:
    case tok::Yield:
      return true;
    default:
      return !isContextualKeyword(kind) && canEndStatementAt(i);
    }
  };
  for (size_t i = 0; i < e; ++i) {
    Token &token = tokens[i];
    tok::TokenKind kind = token.kind;
    if (i > 0 && inStatementList()) {
      tok::TokenKind prev = tokens[i - 1].kind;
      bool restricted = prev == tok::Return || prev == tok::Break ||
                        prev == tok::Continue || prev == tok::Yield;
      bool insert = false;
      if (kind == tok::CloseBrace || kind == tok::EndOfFile) {
        insert = canEnd(i - 1);
      } else if (token.hasNewlineBefore() && kind != tok::Semicolon) {
        if (restricted || kind == tok::PlusPlus || kind == tok::MinusMinus)
          insert = true;
        else if (kind == tok::Else)
          // `if (x)\n  f()\nelse`: the `;` ends the branch; a block needs
          // none, an object literal (`x = { a: 1 }\nelse`) does.
          insert = !(prev == tok::CloseBrace &&
                     tokens[openerOf[i - 1]].kind == tok::BlockBrace) &&
                   canEnd(i - 1);
        else if (kind == tok::While && prev == tok::CloseBrace)
          // `do { ... }\nwhile (x)`: the `while` of the `do`.
          insert = !doWhile[i];
        else if (kind == tok::OpenBracket && !open.empty() &&
                 classBody[open.back()])
          // A computed member name (`[Symbol.iterator]()`) starts a member
          // unless the line before is a property's initializer (`x = a` +
          // `[0]` reads as `a[0]`).
          insert = canEnd(i - 1) && !memberHasInitializer(i, open.back());
        else if (kind == tok::Catch || kind == tok::Finally)
          // They continue a `try` after its block; otherwise they are
          // names (`finally?: Finally` in a class).
          insert = prev != tok::CloseBrace && canEnd(i - 1);
        else
          insert = canEnd(i - 1) && !continuesStatement(kind);
      }
      if (insert)
        token.flags |= Token::SemicolonBefore;
    }
    if (isOpener(kind) || kind == tok::BlockBrace || kind == tok::ArrowParen)
      open.push_back(uint32_t(i));
    else if ((isCloser(kind) || kind == tok::TemplateMiddle) && !open.empty()) {
      open.pop_back();
      if (kind == tok::TemplateMiddle)
        open.push_back(uint32_t(i));
    }
  }
}

void Classifier::markBodyAfterReturnType(size_t colon) {
  // The body is the first `{` outside brackets that follows a token that
  // ends a type (`Promise<T> {`, `string[] {`, `{ a: T } {`); a `{` after
  // `:`, `|`, `&`, `<` or `,` opens an object type. `;`, `=`, `=>`, a `,`
  // outside type arguments or a closer end the search (an arrow's return
  // type, a conditional expression, a parameter's type).
  size_t limit = std::min(tokens.size(), colon + LookaheadLimit);
  int angle = 0;
  for (size_t j = colon + 1; j < limit;) {
    tok::TokenKind kind = tokens[j].kind;
    switch (kind) {
    case tok::OpenBrace:
    case tok::BlockBrace:
      if (angle <= 0 && j > colon + 1 &&
          (canEndStatementAt(j - 1) || tokens[j - 1].kind == tok::Void)) {
        tokens[j].kind = tok::BlockBrace;
        return;
      }
      j = skipGroup(j);
      continue;
    case tok::OpenParen:
    case tok::ArrowParen:
    case tok::OpenBracket:
    case tok::TemplateHead:
      j = skipGroup(j);
      continue;
    case tok::Less:
    case tok::LessTypeArgs:
    case tok::LessGeneric:
      ++angle;
      ++j;
      continue;
    case tok::Greater:
    case tok::GreaterJoined:
      --angle;
      ++j;
      continue;
    case tok::Comma:
      if (angle <= 0)
        return;
      ++j;
      continue;
    case tok::Arrow:
      // `(): (x: T) => R {`: a function type goes on to its return type;
      // after anything else, the `=>` is an arrow function's.
      if (tokens[j - 1].kind != tok::CloseParen)
        return;
      ++j;
      continue;
    case tok::Semicolon:
    case tok::Assign:
    case tok::EndOfFile:
      return;
    default:
      if (isCloser(kind))
        return;
      ++j;
      continue;
    }
  }
}

size_t Classifier::findBodyBrace(size_t i) const {
  // Skip the name, type parameters and heritage clauses (with their type
  // arguments and call parentheses) to the first `{` outside them.
  size_t limit = std::min(tokens.size(), i + LookaheadLimit);
  int angle = 0;
  for (size_t j = i + 1; j < limit;) {
    tok::TokenKind kind = tokens[j].kind;
    switch (kind) {
    case tok::OpenBrace:
    case tok::BlockBrace:
      if (angle == 0)
        return j;
      j = skipGroup(j);
      continue;
    case tok::OpenParen:
    case tok::OpenBracket:
      j = skipGroup(j);
      continue;
    case tok::Less:
    case tok::LessTypeArgs:
    case tok::LessGeneric:
      ++angle;
      ++j;
      continue;
    case tok::Greater:
    case tok::GreaterJoined:
      --angle;
      ++j;
      continue;
    case tok::Semicolon:
    case tok::CloseBrace:
    case tok::CloseParen:
    case tok::CloseBracket:
    case tok::EndOfFile:
      return 0;
    default:
      ++j;
      continue;
    }
  }
  return 0;
}

void Classifier::markBodyBrace(size_t i) {
  if (size_t brace = findBodyBrace(i))
    tokens[brace].kind = tok::BlockBrace;
}

void Classifier::run() {
  classifyArrowsAndGenerics();
  classifyContextualKeywords();
  classifyStatementStarts();
  insertSemicolons();
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

TokenizedText abv::ts::scanTokens(StringRef text) {
  TokenizedText out;
  Scanner scanner(text, out);
  scanner.run();
  return out;
}

TokenizedText abv::ts::tokenize(StringRef text) {
  TokenizedText out;
  Scanner scanner(text, out);
  scanner.run();
  BracketMatcher(text, out, scanner.swallowedRest).run();
  Classifier(out).run();
  return out;
}
