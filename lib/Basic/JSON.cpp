//===- JSON.cpp - JSON documents with exact source locations --------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// An iterative RFC 8259 parser that builds the located DOM of JSON.h in a
/// bump allocator, and JSON-pointer resolution over it.
///
/// The parser keeps the children of every open array and object on two
/// shared stacks (values, members); when a container closes, its children
/// are copied into the arena in one block and popped. The only per-level
/// native state is a small Frame on a heap vector, so nesting depth never
/// touches the C++ stack.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/JSON.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Basic/Unicode.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/YAML.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <memory>
#include <vector>

using namespace abv;
using namespace abv::json;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

//===----------------------------------------------------------------------===//
// Value
//===----------------------------------------------------------------------===//

StringRef json::getKindName(Kind kind) {
  switch (kind) {
  case Kind::Null:
    return "null";
  case Kind::Boolean:
    return "a boolean";
  case Kind::Number:
    return "a number";
  case Kind::String:
    return "a string";
  case Kind::Array:
    return "an array";
  case Kind::Object:
    return "an object";
  }
  return "a value";
}

std::optional<double> Value::getAsNumber() const {
  if (!isNumber())
    return std::nullopt;
  llvm::APFloat value(llvm::APFloat::IEEEdouble());
  // The grammar was checked by the parser, so conversion cannot fail;
  // overflow yields an infinity, underflow a zero or denormal.
  auto status = value.convertFromString(getNumberText(),
                                        llvm::APFloat::rmNearestTiesToEven);
  if (!status) {
    llvm::consumeError(status.takeError());
    return std::nullopt;
  }
  return value.convertToDouble();
}

std::optional<int64_t> Value::getAsInteger() const {
  if (!isNumber())
    return std::nullopt;
  StringRef text = getNumberText();
  if (text.find_first_of(".eE") != StringRef::npos)
    return std::nullopt;
  int64_t result;
  if (text.getAsInteger(10, result))
    return std::nullopt;
  return result;
}

const Member *Value::findMember(StringRef key) const {
  llvm::ArrayRef<Member> members = getMembers();
  for (size_t i = members.size(); i != 0; --i)
    if (members[i - 1].getKey() == key)
      return &members[i - 1];
  return nullptr;
}

const Value *Value::get(StringRef key) const {
  const Member *member = findMember(key);
  return member ? &member->getValue() : nullptr;
}

//===----------------------------------------------------------------------===//
// Parser
//===----------------------------------------------------------------------===//

namespace {
/// Bytes that end a run of plain string characters: the quote, the
/// backslash and the control characters U+0000..U+001F.
struct StringStopTable {
  bool stops[256] = {};
  constexpr StringStopTable() {
    for (unsigned c = 0; c < 0x20; ++c)
      stops[c] = true;
    stops[unsigned('"')] = true;
    stops[unsigned('\\')] = true;
  }
};
constexpr StringStopTable stringStops;

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isWordChar(char c) {
  return llvm::isAlnum(c) || c == '_' || c == '$';
}

/// Reads four hex digits at \p p (bounded by \p end).
std::optional<uint32_t> readHex4(const char *p, const char *end) {
  if (end - p < 4)
    return std::nullopt;
  uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    unsigned digit = llvm::hexDigitValue(p[i]);
    if (digit == ~0U)
      return std::nullopt;
    value = value * 16 + digit;
  }
  return value;
}

std::string formatCodePoint(uint32_t codePoint) {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << "U+" << llvm::format_hex_no_prefix(codePoint, 4, /*Upper=*/true);
  return result;
}
} // namespace

namespace abv::json {

/// The parser proper. One instance parses one document.
class Parser {
public:
  Parser(StringRef text, const ParseOptions &options, Document &doc,
         DiagnosticEngine *diags)
      : bufferStart(text.begin()), cur(text.begin()), end(text.end()),
        options(options), doc(doc), diags(diags) {}

  /// Parses the whole text into the document. On failure, the failure*
  /// members say why.
  bool run();

  /// Why run() failed.
  DiagID failureID = DiagID::JSONSyntax;
  SMRange failureRange;
  std::string failureMessage;
  SMRange failureNoteRange;
  /// The bracket failureNoteRange points at.
  char failureNoteBracket = 0;

private:
  /// An array or object that is still open.
  struct Frame {
    const char *open;
    /// Index of its first child on the values or members stack.
    size_t firstChild;
    bool isObject;
  };

  /// The largest string length / child count a Value can hold.
  static constexpr size_t MaxCount = Builder::MaxCount;

  static SMRange rangeOf(const char *begin, const char *endPtr) {
    return SMRange(SMLoc::getFromPointer(begin), SMLoc::getFromPointer(endPtr));
  }

  /// Fails with the syntax error \p id (JS001 or one of its kinds) at
  /// [begin, endPtr).
  bool fail(DiagID id, const char *begin, const char *endPtr,
            const llvm::Twine &message) {
    failureID = id;
    failureRange = rangeOf(begin, endPtr);
    failureMessage = message.str();
    return false;
  }
  bool fail(const char *begin, const char *endPtr, const llvm::Twine &message) {
    return fail(DiagID::JSONSyntax, begin, endPtr, message);
  }
  /// Fails at the single byte \p at (or at the end of the text).
  bool fail(DiagID id, const char *at, const llvm::Twine &message) {
    return fail(id, at, at < end ? at + 1 : at, message);
  }
  bool fail(const char *at, const llvm::Twine &message) {
    return fail(DiagID::JSONSyntax, at, message);
  }
  /// Fails at the end of the text, with a note at the unclosed container.
  bool failAtEOF(const llvm::Twine &message) {
    fail(DiagID::JSONUnexpectedEnd, end, end,
         "unexpected end of file; " + message);
    if (!frames.empty()) {
      const Frame &frame = frames.back();
      failureNoteRange = rangeOf(frame.open, frame.open + 1);
      failureNoteBracket = frame.isObject ? '{' : '[';
    }
    return false;
  }

  void skipWhitespace() {
    while (cur != end &&
           (*cur == ' ' || *cur == '\n' || *cur == '\r' || *cur == '\t'))
      ++cur;
  }

  /// The character at \p p for a message: "'x'", "U+00E9" or "end of file".
  std::string describe(const char *p) const;
  /// Fails on an unexpected byte where a value was expected.
  bool failExpectedValue();

  bool parseScalar(Value &value);
  bool parseString(const char *&text, size_t &length);
  bool parseNumber(Value &value);
  bool parseWord(Value &value);
  /// Parses `"key" ws ':'` and pushes a member whose value is pending.
  bool parseKeyAndColon(bool afterComma);
  bool openContainer(bool isObject);
  bool closeArray(Value &value);
  bool closeObject(Value &value);
  void checkDuplicateKeys(llvm::ArrayRef<Member> members);

  const char *bufferStart;
  const char *cur;
  const char *end;
  const ParseOptions &options;
  Document &doc;
  DiagnosticEngine *diags;

  std::vector<Frame> frames;
  std::vector<Value> values;
  std::vector<Member> members;
  std::string scratch;
};

} // namespace abv::json

std::string Parser::describe(const char *p) const {
  if (p == end)
    return "end of file";
  unsigned char c = *p;
  if (c >= 0x20 && c < 0x7F)
    return (llvm::Twine("'") + llvm::Twine(char(c)) + "'").str();
  if (c < 0x80)
    return formatCodePoint(c);
  // Decode one UTF-8 sequence for the message; fall back to the byte.
  unsigned length;
  std::optional<uint32_t> codePoint =
      decodeUTF8(llvm::StringRef(p, end - p), length);
  if (!codePoint)
    return "byte " + llvm::utohexstr(c, /*LowerCase=*/false, 2).insert(0, "0x");
  return formatCodePoint(*codePoint);
}

bool Parser::failExpectedValue() {
  if (cur == end)
    return failAtEOF("expected a value");
  switch (*cur) {
  case '\'':
    return fail(DiagID::JSONSingleQuote, cur,
                "strings must be enclosed in double quotes, not single "
                "quotes");
  case '/':
    return fail(DiagID::JSONComment, cur, "comments are not allowed in JSON");
  case ']':
  case '}':
  case ',':
  case ':':
    return fail(cur, "unexpected " + describe(cur) + "; expected a value");
  default:
    return fail(cur,
                "unexpected character " + describe(cur) + "; expected a value");
  }
}

bool Parser::run() {
  if (size_t(end - cur) > size_t(UINT32_MAX))
    return fail(cur, cur, "document is too large (4 GiB or more)");
  // A UTF-8 byte-order mark is tolerated (RFC 8259 section 8.1).
  if (end - cur >= 3 && StringRef(cur, 3) == "\xEF\xBB\xBF")
    cur += 3;
  skipWhitespace();
  if (cur == end)
    return fail(DiagID::JSONUnexpectedEnd, end, end,
                "expected a JSON value; the document is empty");

  Value value;
  bool haveValue = false; // false: expecting a value at cur.
  for (;;) {
    if (!haveValue) {
      skipWhitespace();
      if (cur == end)
        return failAtEOF("expected a value");
      char c = *cur;
      if (c == '{' || c == '[') {
        if (!openContainer(c == '{'))
          return false;
        skipWhitespace();
        if (c == '[') {
          if (cur != end && *cur == ']') {
            if (!closeArray(value))
              return false;
            haveValue = true;
          }
          continue;
        }
        if (cur != end && *cur == '}') {
          if (!closeObject(value))
            return false;
          haveValue = true;
          continue;
        }
        if (!parseKeyAndColon(/*afterComma=*/false))
          return false;
        continue;
      }
      if (!parseScalar(value))
        return false;
      haveValue = true;
      continue;
    }

    // `value` is complete: hand it to its parent.
    ++doc.numValues;
    if (frames.empty()) {
      doc.root = value;
      skipWhitespace();
      if (cur != end) {
        if (*cur == '/')
          return fail(DiagID::JSONComment, cur,
                      "comments are not allowed in JSON");
        return fail(DiagID::JSONTrailingContent, cur,
                    "expected end of file after the JSON value, found " +
                        describe(cur));
      }
      return true;
    }
    bool inObject = frames.back().isObject;
    if (inObject)
      members.back().value = value;
    else
      values.push_back(value);

    skipWhitespace();
    if (cur == end)
      return failAtEOF(inObject ? "expected ',' or '}' after object member"
                                : "expected ',' or ']' after array element");
    if (*cur == ',') {
      const char *comma = cur++;
      skipWhitespace();
      if (inObject) {
        if (cur != end && *cur == '}')
          return fail(DiagID::JSONTrailingComma, comma,
                      "trailing comma is not allowed before '}'");
        if (!parseKeyAndColon(/*afterComma=*/true))
          return false;
      } else if (cur != end && *cur == ']') {
        return fail(DiagID::JSONTrailingComma, comma,
                    "trailing comma is not allowed before ']'");
      }
      haveValue = false;
      continue;
    }
    if (inObject && *cur == '}') {
      if (!closeObject(value))
        return false;
      continue;
    }
    if (!inObject && *cur == ']') {
      if (!closeArray(value))
        return false;
      continue;
    }
    if (*cur == '/')
      return fail(DiagID::JSONComment, cur, "comments are not allowed in JSON");
    return fail(cur, inObject ? "expected ',' or '}' after object member"
                              : "expected ',' or ']' after array element");
  }
}

bool Parser::openContainer(bool isObject) {
  if (frames.size() >= options.maxDepth) {
    failureID = DiagID::InputTooDeep;
    failureRange = rangeOf(cur, cur + 1);
    failureMessage.clear();
    return false;
  }
  frames.push_back(
      Frame{cur, isObject ? members.size() : values.size(), isObject});
  ++cur;
  return true;
}

bool Parser::closeArray(Value &value) {
  Frame frame = frames.back();
  size_t count = values.size() - frame.firstChild;
  if (count > MaxCount)
    return fail(frame.open,
                "array has more than " + llvm::Twine(MaxCount) + " elements");
  Value *elements = nullptr;
  if (count) {
    elements = doc.allocator.Allocate<Value>(count);
    std::uninitialized_copy(values.begin() + frame.firstChild, values.end(),
                            elements);
    values.resize(frame.firstChild);
  }
  frames.pop_back();
  ++cur; // ']'
  value.start = frame.open;
  value.sourceLength = uint32_t(cur - frame.open);
  value.payload = elements;
  value.kindAndCount =
      uint32_t(Kind::Array) | uint32_t(count << Value::CountShift);
  return true;
}

bool Parser::closeObject(Value &value) {
  Frame frame = frames.back();
  size_t count = members.size() - frame.firstChild;
  if (count > MaxCount)
    return fail(frame.open,
                "object has more than " + llvm::Twine(MaxCount) + " members");
  Member *stored = nullptr;
  if (count) {
    if (diags && options.reportDuplicateKeys && count > 1)
      checkDuplicateKeys(
          llvm::ArrayRef<Member>(members.data() + frame.firstChild, count));
    stored = doc.allocator.Allocate<Member>(count);
    std::uninitialized_copy(members.begin() + frame.firstChild, members.end(),
                            stored);
    members.resize(frame.firstChild);
  }
  frames.pop_back();
  ++cur; // '}'
  value.start = frame.open;
  value.sourceLength = uint32_t(cur - frame.open);
  value.payload = stored;
  value.kindAndCount =
      uint32_t(Kind::Object) | uint32_t(count << Value::CountShift);
  return true;
}

void Parser::checkDuplicateKeys(llvm::ArrayRef<Member> objectMembers) {
  Builder::reportDuplicateKeys(objectMembers, *diags);
}

bool Parser::parseKeyAndColon(bool afterComma) {
  if (cur == end)
    return failAtEOF(afterComma ? "expected a string key after ','"
                                : "expected a string key or '}'");
  if (*cur != '"') {
    if (*cur == '\'')
      return fail(DiagID::JSONSingleQuote, cur,
                  "object keys must be enclosed in double quotes, not "
                  "single quotes");
    if (*cur == '/')
      return fail(DiagID::JSONComment, cur, "comments are not allowed in JSON");
    if (isWordChar(*cur)) {
      const char *wordEnd = cur;
      while (wordEnd != end && isWordChar(*wordEnd))
        ++wordEnd;
      return fail(DiagID::JSONUnquotedKey, cur, wordEnd,
                  "object keys must be strings in double quotes, found '" +
                      StringRef(cur, wordEnd - cur) + "'");
    }
    return fail(cur, (afterComma ? "expected a string key after ',', found "
                                 : "expected a string key or '}', found ") +
                         describe(cur));
  }
  Member member;
  member.keyStart = cur;
  const char *text;
  size_t length;
  if (!parseString(text, length))
    return false;
  member.keyText = text;
  member.keyLength = uint32_t(length);
  member.keySourceLength = uint32_t(cur - member.keyStart);
  skipWhitespace();
  if (cur == end)
    return failAtEOF("expected ':' after object key");
  if (*cur != ':')
    return fail(cur, "expected ':' after object key, found " + describe(cur));
  ++cur;
  members.push_back(member);
  return true;
}

bool Parser::parseScalar(Value &value) {
  char c = *cur;
  if (c == '"') {
    const char *open = cur;
    const char *text;
    size_t length;
    if (!parseString(text, length))
      return false;
    value.start = open;
    value.sourceLength = uint32_t(cur - open);
    value.payload = text;
    value.kindAndCount =
        uint32_t(Kind::String) | uint32_t(length << Value::CountShift);
    return true;
  }
  if (c == '-' || isDigit(c))
    return parseNumber(value);
  if (llvm::isAlpha(c))
    return parseWord(value);
  return failExpectedValue();
}

bool Parser::parseString(const char *&text, size_t &length) {
  const char *open = cur;
  const char *p = cur + 1;
  const char *runStart = p;
  while (p != end && !stringStops.stops[static_cast<unsigned char>(*p)])
    ++p;
  if (p == end)
    return fail(DiagID::JSONUnterminatedString, open, "unterminated string");

  auto failControl = [&](const char *at) {
    unsigned char c = *at;
    if (c == '\n' || c == '\r')
      return fail(DiagID::JSONControlCharacter, at,
                  "line break in string; write it as '\\n' (or is the "
                  "closing quote missing?)");
    if (c == '\t')
      return fail(DiagID::JSONControlCharacter, at,
                  "unescaped tab in string; write it as '\\t'");
    return fail(DiagID::JSONControlCharacter, at,
                "unescaped control character " + formatCodePoint(c) +
                    " in string; write it as '\\u" +
                    llvm::utohexstr(c, /*LowerCase=*/false, 4) + "'");
  };

  if (*p == '"') {
    // The common case: no escapes, the text is the source.
    text = runStart;
    length = size_t(p - runStart);
    cur = p + 1;
    if (length > MaxCount)
      return fail(open,
                  "string is longer than " + llvm::Twine(MaxCount) + " bytes");
    return true;
  }
  if (*p != '\\')
    return failControl(p);

  // Slow path: decode escapes into the scratch buffer.
  scratch.assign(runStart, p);
  for (;;) {
    if (p == end)
      return fail(DiagID::JSONUnterminatedString, open, "unterminated string");
    char c = *p;
    if (c == '"')
      break;
    if (c != '\\') {
      if (static_cast<unsigned char>(c) < 0x20)
        return failControl(p);
      runStart = p;
      while (p != end && !stringStops.stops[static_cast<unsigned char>(*p)])
        ++p;
      scratch.append(runStart, p);
      continue;
    }
    const char *escape = p;
    if (end - p < 2)
      return fail(DiagID::JSONUnterminatedString, open, "unterminated string");
    switch (p[1]) {
    case '"':
    case '\\':
    case '/':
      scratch.push_back(p[1]);
      p += 2;
      continue;
    case 'b':
      scratch.push_back('\b');
      p += 2;
      continue;
    case 'f':
      scratch.push_back('\f');
      p += 2;
      continue;
    case 'n':
      scratch.push_back('\n');
      p += 2;
      continue;
    case 'r':
      scratch.push_back('\r');
      p += 2;
      continue;
    case 't':
      scratch.push_back('\t');
      p += 2;
      continue;
    case 'u':
      break;
    default: {
      unsigned char next = p[1];
      if (next >= 0x20 && next < 0x7F)
        return fail(DiagID::JSONInvalidEscape, escape, escape + 2,
                    "invalid escape '\\" + llvm::Twine(char(next)) + "'");
      return fail(DiagID::JSONInvalidEscape, escape, escape + 2,
                  "invalid escape: '\\' followed by " + describe(p + 1));
    }
    }
    // \uXXXX, possibly a surrogate pair.
    std::optional<uint32_t> unit = readHex4(p + 2, end);
    if (!unit) {
      const char *bad = p + 2;
      while (bad != end && bad < p + 6 && llvm::isHexDigit(*bad))
        ++bad;
      return fail(DiagID::JSONInvalidEscape, escape, bad,
                  "invalid \\u escape; expected four hex digits");
    }
    uint32_t codePoint = *unit;
    p += 6;
    if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
      return fail(DiagID::JSONInvalidEscape, escape, p,
                  "lone low surrogate '" + StringRef(escape, 6) +
                      "' in string; it must follow a high surrogate "
                      "\\uD800-\\uDBFF");
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
      std::optional<uint32_t> low;
      if (end - p >= 6 && p[0] == '\\' && p[1] == 'u')
        low = readHex4(p + 2, end);
      if (!low || *low < 0xDC00 || *low > 0xDFFF)
        return fail(DiagID::JSONInvalidEscape, escape, p,
                    "lone high surrogate '" + StringRef(escape, 6) +
                        "' in string; a low surrogate \\uDC00-\\uDFFF must "
                        "follow");
      codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (*low - 0xDC00);
      p += 6;
    }
    appendUTF8(codePoint, scratch);
  }

  length = scratch.size();
  cur = p + 1;
  if (length > MaxCount)
    return fail(open,
                "string is longer than " + llvm::Twine(MaxCount) + " bytes");
  char *stored = doc.allocator.Allocate<char>(length ? length : 1);
  std::memcpy(stored, scratch.data(), length);
  text = stored;
  return true;
}

bool Parser::parseNumber(Value &value) {
  const char *start = cur;
  if (*cur == '-') {
    ++cur;
    if (cur == end || !isDigit(*cur))
      return fail(DiagID::JSONInvalidNumber, cur, "expected a digit after '-'");
  }
  if (*cur == '0') {
    ++cur;
    if (cur != end && isDigit(*cur))
      return fail(DiagID::JSONInvalidNumber, cur,
                  "leading zeros are not allowed in numbers");
  } else {
    while (cur != end && isDigit(*cur))
      ++cur;
  }
  if (cur != end && *cur == '.') {
    ++cur;
    if (cur == end || !isDigit(*cur))
      return fail(DiagID::JSONInvalidNumber, cur,
                  "expected a digit after the decimal point");
    while (cur != end && isDigit(*cur))
      ++cur;
  }
  if (cur != end && (*cur == 'e' || *cur == 'E')) {
    ++cur;
    if (cur != end && (*cur == '+' || *cur == '-'))
      ++cur;
    if (cur == end || !isDigit(*cur))
      return fail(DiagID::JSONInvalidNumber, cur,
                  "expected a digit in the exponent");
    while (cur != end && isDigit(*cur))
      ++cur;
  }
  value.start = start;
  value.sourceLength = uint32_t(cur - start);
  value.payload = nullptr;
  value.kindAndCount = uint32_t(Kind::Number);
  return true;
}

bool Parser::parseWord(Value &value) {
  const char *start = cur;
  const char *wordEnd = cur;
  while (wordEnd != end && isWordChar(*wordEnd))
    ++wordEnd;
  StringRef word(start, wordEnd - start);
  value.start = start;
  value.sourceLength = uint32_t(word.size());
  value.payload = nullptr;
  if (word == "true" || word == "false") {
    value.kindAndCount = uint32_t(Kind::Boolean) |
                         (uint32_t(word == "true") << Value::CountShift);
    cur = wordEnd;
    return true;
  }
  if (word == "null") {
    value.kindAndCount = uint32_t(Kind::Null);
    cur = wordEnd;
    return true;
  }
  std::string lower = word.lower();
  if (lower == "true" || lower == "false" || lower == "null")
    return fail(DiagID::JSONInvalidLiteral, start, wordEnd,
                "invalid literal '" + word +
                    "'; JSON literals are lowercase: '" + lower + "'");
  for (StringRef literal : {"true", "false", "null"})
    if (literal.starts_with(word))
      return fail(DiagID::JSONInvalidLiteral, start, wordEnd,
                  "invalid literal '" + word + "'; did you mean '" + literal +
                      "'?");
  if (word == "NaN" || word == "Infinity" || word == "undefined")
    return fail(DiagID::JSONInvalidLiteral, start, wordEnd,
                "'" + word + "' is not a JSON value; expected a value");
  return fail(DiagID::JSONInvalidLiteral, start, wordEnd,
              "unexpected '" + word +
                  "'; expected a value (strings must be in double quotes)");
}

//===----------------------------------------------------------------------===//
// Builder
//===----------------------------------------------------------------------===//

StringRef Builder::save(StringRef text) {
  if (text.empty())
    return StringRef();
  char *stored = doc.allocator.Allocate<char>(text.size());
  std::memcpy(stored, text.data(), text.size());
  return StringRef(stored, text.size());
}

Value Builder::makeNull(StringRef source) {
  Value value;
  value.start = source.data();
  value.sourceLength = uint32_t(source.size());
  value.kindAndCount = uint32_t(Kind::Null);
  return value;
}

Value Builder::makeBoolean(StringRef source, bool flag) {
  Value value = makeNull(source);
  value.kindAndCount =
      uint32_t(Kind::Boolean) | (uint32_t(flag) << Value::CountShift);
  return value;
}

Value Builder::makeNumber(StringRef source, StringRef canonical) {
  Value value = makeNull(source);
  value.kindAndCount = uint32_t(Kind::Number);
  if (canonical != source) {
    value.payload = canonical.data();
    value.kindAndCount |= uint32_t(canonical.size() << Value::CountShift);
  }
  return value;
}

Value Builder::makeString(StringRef source, StringRef text) {
  assert(text.size() <= MaxCount && "string too long for a Value");
  Value value = makeNull(source);
  value.payload = text.data();
  value.kindAndCount =
      uint32_t(Kind::String) | uint32_t(text.size() << Value::CountShift);
  return value;
}

Value Builder::makeArray(StringRef source, llvm::ArrayRef<Value> elements) {
  assert(elements.size() <= MaxCount && "array too long for a Value");
  Value value = makeNull(source);
  Value *stored = nullptr;
  if (!elements.empty()) {
    stored = doc.allocator.Allocate<Value>(elements.size());
    std::uninitialized_copy(elements.begin(), elements.end(), stored);
  }
  value.payload = stored;
  value.kindAndCount =
      uint32_t(Kind::Array) | uint32_t(elements.size() << Value::CountShift);
  return value;
}

Member Builder::makeMember(StringRef keySource, StringRef key,
                           const Value &value) {
  assert(key.size() <= MaxCount && "key too long for a Member");
  Member member;
  member.keyStart = keySource.data();
  member.keySourceLength = uint32_t(keySource.size());
  member.keyText = key.data();
  member.keyLength = uint32_t(key.size());
  member.value = value;
  return member;
}

Value Builder::makeObject(StringRef source, llvm::ArrayRef<Member> members) {
  assert(members.size() <= MaxCount && "object too big for a Value");
  Value value = makeNull(source);
  Member *stored = nullptr;
  if (!members.empty()) {
    stored = doc.allocator.Allocate<Member>(members.size());
    std::uninitialized_copy(members.begin(), members.end(), stored);
  }
  value.payload = stored;
  value.kindAndCount =
      uint32_t(Kind::Object) | uint32_t(members.size() << Value::CountShift);
  return value;
}

void Builder::finish(const Value &root, size_t numValues) {
  doc.root = root;
  doc.numValues = numValues;
}

void Builder::reportDuplicateKeys(llvm::ArrayRef<Member> objectMembers,
                                  DiagnosticEngine &diags) {
  auto emit = [&](const Member &later, const Member &earlier) {
    (diags.report(DiagID::JSONDuplicateKey, later.getKeyRange())
     << later.getKey())
            .note(earlier.getKeyRange(), NoteID::PreviousValue)
        << later.getKey();
  };
  // Small objects: quadratic but allocation-free.
  if (objectMembers.size() <= 16) {
    for (size_t i = 1; i < objectMembers.size(); ++i)
      for (size_t j = i; j != 0; --j)
        if (objectMembers[j - 1].getKey() == objectMembers[i].getKey()) {
          emit(objectMembers[i], objectMembers[j - 1]);
          break;
        }
    return;
  }
  llvm::DenseMap<StringRef, size_t> seen;
  seen.reserve(objectMembers.size());
  for (size_t i = 0; i < objectMembers.size(); ++i) {
    auto [it, inserted] = seen.try_emplace(objectMembers[i].getKey(), i);
    if (!inserted) {
      emit(objectMembers[i], objectMembers[it->second]);
      it->second = i;
    }
  }
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

std::unique_ptr<Document> json::parse(SourceManager &sourceMgr,
                                      unsigned bufferID,
                                      DiagnosticEngine &diags,
                                      const ParseOptions &options) {
  const llvm::MemoryBuffer *buffer = sourceMgr.getBuffer(bufferID);
  if (isYAMLPath(buffer->getBufferIdentifier()))
    return parseYAML(sourceMgr, bufferID, diags, options);
  StringRef text = buffer->getBuffer();
  auto doc = std::make_unique<Document>();
  Parser parser(text, options, *doc, &diags);
  if (parser.run())
    return doc;
  if (parser.failureID == DiagID::InputTooDeep) {
    diags.report(DiagID::InputTooDeep, parser.failureRange) << options.maxDepth;
  } else {
    InFlightDiagnostic diag =
        diags.report(parser.failureID, parser.failureRange);
    diag << parser.failureMessage;
    if (parser.failureNoteRange.isValid())
      diag.note(parser.failureNoteRange, NoteID::ToMatchThis)
          << StringRef(&parser.failureNoteBracket, 1);
  }
  return nullptr;
}

llvm::Expected<std::unique_ptr<Document>>
json::parse(StringRef text, const ParseOptions &options) {
  auto doc = std::make_unique<Document>();
  Parser parser(text, options, *doc, /*diags=*/nullptr);
  if (parser.run())
    return doc;
  const char *at = parser.failureRange.Start.getPointer();
  StringRef before = text.take_front(at - text.begin());
  size_t line = before.count('\n') + 1;
  size_t lineStart = before.rfind('\n');
  size_t column = lineStart == StringRef::npos ? before.size() + 1
                                               : before.size() - lineStart;
  std::string message = parser.failureID == DiagID::InputTooDeep
                            ? "nesting deeper than " +
                                  std::to_string(options.maxDepth) +
                                  " levels; input rejected"
                            : parser.failureMessage;
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "line %zu, column %zu: %s", line, column,
                                 message.c_str());
}

//===----------------------------------------------------------------------===//
// Lookup and JSON pointers
//===----------------------------------------------------------------------===//

/// Objects with at least this many members get a hash index in lookup().
static constexpr size_t IndexThreshold = 32;

const Value *Document::lookup(const Value &object, StringRef key) const {
  llvm::ArrayRef<Member> objectMembers = object.getMembers();
  if (objectMembers.size() < IndexThreshold)
    return object.get(key);
  std::unique_ptr<llvm::StringMap<uint32_t>> &index =
      indexes[objectMembers.data()];
  if (!index) {
    index = std::make_unique<llvm::StringMap<uint32_t>>(
        unsigned(objectMembers.size()));
    for (size_t i = 0; i < objectMembers.size(); ++i)
      (*index)[objectMembers[i].getKey()] = uint32_t(i); // the last one wins
  }
  auto it = index->find(key);
  if (it == index->end())
    return nullptr;
  return &objectMembers[it->second].getValue();
}

/// Decodes %XX escapes; false on a malformed escape.
static bool percentDecode(StringRef text, std::string &out) {
  out.clear();
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size())
      return false;
    unsigned high = llvm::hexDigitValue(text[i + 1]);
    unsigned low = llvm::hexDigitValue(text[i + 2]);
    if (high == ~0U || low == ~0U)
      return false;
    out.push_back(char(high * 16 + low));
    i += 2;
  }
  return true;
}

template <typename LookupFn>
static const Value *resolve(const Value &root, StringRef pointer,
                            LookupFn lookupMember) {
  std::string decoded;
  if (pointer.consume_front("#")) {
    if (!percentDecode(pointer, decoded))
      return nullptr;
    pointer = decoded;
  }
  if (pointer.empty())
    return &root;
  if (pointer.front() != '/')
    return nullptr;
  const Value *current = &root;
  std::string token;
  while (!pointer.empty()) {
    pointer = pointer.drop_front(); // '/'
    StringRef raw = pointer.take_until([](char c) { return c == '/'; });
    pointer = pointer.drop_front(raw.size());
    token.clear();
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '~') {
        token.push_back(raw[i]);
        continue;
      }
      if (i + 1 == raw.size() || (raw[i + 1] != '0' && raw[i + 1] != '1'))
        return nullptr;
      token.push_back(raw[i + 1] == '0' ? '~' : '/');
      ++i;
    }
    if (current->isObject()) {
      current = lookupMember(*current, StringRef(token));
    } else if (current->isArray()) {
      StringRef index(token);
      size_t position;
      if (index.empty() || (index.size() > 1 && index.front() == '0') ||
          !llvm::all_of(index, isDigit) || index.getAsInteger(10, position))
        return nullptr;
      current = current->at(position);
    } else {
      return nullptr;
    }
    if (!current)
      return nullptr;
  }
  return current;
}

const Value *json::resolvePointer(const Value &root, StringRef pointer) {
  return resolve(root, pointer, [](const Value &object, StringRef key) {
    return object.get(key);
  });
}

const Value *Document::resolvePointer(StringRef pointer) const {
  return resolve(root, pointer, [this](const Value &object, StringRef key) {
    return lookup(object, key);
  });
}

std::string json::escapePointerToken(StringRef token) {
  std::string result;
  result.reserve(token.size());
  for (char c : token) {
    if (c == '~')
      result += "~0";
    else if (c == '/')
      result += "~1";
    else
      result.push_back(c);
  }
  return result;
}
