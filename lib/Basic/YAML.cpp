//===- YAML.cpp - YAML documents read into the located JSON DOM -----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Pulls libyaml's events one at a time and builds the json::Document of
/// JSON.h through json::Builder. Like the JSON parser, it keeps the children
/// of every open collection on two shared stacks (values, members) and one
/// small Frame per open collection on a heap vector, so nesting never
/// touches the C++ stack; libyaml's own parser is a state machine with
/// explicit stacks. Stopping at the depth limit also bounds libyaml's
/// work: it scans only a little ahead of the last event taken.
///
/// libyaml's marks count characters (checked against 0.2.5: `é` advances
/// `index` by one), so MarkMap turns them into byte pointers with a cursor
/// that moves by UTF-8 sequences; events come in document order, so the
/// cursor moves little between two marks and the whole walk is linear.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/YAML.h"
#include "abv/Basic/Unicode.h"

#include "abv/Basic/DiagnosticEngine.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <yaml.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace abv;
using namespace abv::json;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

bool json::isYAMLPath(StringRef path) {
  return path.ends_with_insensitive(".yaml") ||
         path.ends_with_insensitive(".yml");
}

//===----------------------------------------------------------------------===//
// Scalar resolution (YAML 1.2.2, section 10.3.2: the core schema)
//===----------------------------------------------------------------------===//

namespace {

/// What a plain scalar resolves to. For numbers, `canonical` is the value
/// in JSON number syntax (or "inf", "-inf", "nan").
struct Resolved {
  Kind kind = Kind::String;
  bool flag = false;
  std::string canonical;
};

bool isDigits(StringRef text, unsigned radix) {
  return !text.empty() && llvm::all_of(text, [radix](char c) {
    return llvm::hexDigitValue(c) < radix;
  });
}

/// Decimal digits without leading zeros ("" and "000" become "0").
StringRef stripZeros(StringRef digits) {
  digits = digits.ltrim('0');
  return digits.empty() ? StringRef("0") : digits;
}

/// `0o17` / `0x1F` in decimal.
std::string radixToDecimal(StringRef digits, unsigned radix) {
  unsigned bits = unsigned(digits.size()) * (radix == 16 ? 4 : 3) + 1;
  llvm::APInt value(bits, digits, uint8_t(radix));
  llvm::SmallString<32> text;
  value.toStringUnsigned(text, 10);
  return std::string(text);
}

Resolved resolvePlain(StringRef text) {
  Resolved result;
  if (text.empty() || text == "~" || text == "null" || text == "Null" ||
      text == "NULL") {
    result.kind = Kind::Null;
    return result;
  }
  if (text == "true" || text == "True" || text == "TRUE" || text == "false" ||
      text == "False" || text == "FALSE") {
    result.kind = Kind::Boolean;
    result.flag = text.front() == 't' || text.front() == 'T';
    return result;
  }
  auto number = [&](std::string canonical) {
    result.kind = Kind::Number;
    result.canonical = std::move(canonical);
    return result;
  };
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'x')) {
    unsigned radix = text[1] == 'o' ? 8 : 16;
    if (isDigits(text.drop_front(2), radix))
      return number(radixToDecimal(text.drop_front(2), radix));
    return result;
  }
  StringRef rest = text;
  bool negative = rest.consume_front("-");
  if (!negative)
    rest.consume_front("+");
  std::string sign = negative ? "-" : "";
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF")
    return number(sign + "inf");
  if (text == ".nan" || text == ".NaN" || text == ".NAN")
    return number("nan");
  // [0-9]+ (\. [0-9]*)? | \. [0-9]+, then an optional exponent.
  size_t intLength = 0;
  while (intLength < rest.size() && llvm::isDigit(rest[intLength]))
    ++intLength;
  StringRef intDigits = rest.take_front(intLength);
  rest = rest.drop_front(intLength);
  bool hasDot = rest.consume_front(".");
  size_t fracLength = 0;
  while (fracLength < rest.size() && llvm::isDigit(rest[fracLength]))
    ++fracLength;
  StringRef fracDigits = rest.take_front(fracLength);
  rest = rest.drop_front(fracLength);
  if (intDigits.empty() && fracDigits.empty())
    return result;
  if (!rest.empty()) {
    StringRef exponent = rest;
    if (!exponent.consume_front("e") && !exponent.consume_front("E"))
      return result;
    if (!exponent.consume_front("-"))
      exponent.consume_front("+");
    if (!isDigits(exponent, 10))
      return result;
  }
  std::string canonical = sign + stripZeros(intDigits).str();
  if (hasDot)
    canonical +=
        "." + (fracDigits.empty() ? std::string("0") : fracDigits.str());
  canonical += rest.str();
  return number(std::move(canonical));
}

//===----------------------------------------------------------------------===//
// Marks
//===----------------------------------------------------------------------===//

/// Turns libyaml's character indexes into pointers into the text.
class MarkMap {
public:
  explicit MarkMap(StringRef text)
      : begin(text.begin()), end(text.end()), cursor(text.begin()),
        ascii(llvm::isASCII(text)) {}

  const char *at(size_t index) {
    if (ascii)
      return begin + std::min(index, size_t(end - begin));
    while (cursorIndex < index && cursor != end) {
      ++cursor;
      while (cursor != end && isUTF8Continuation(*cursor))
        ++cursor;
      ++cursorIndex;
    }
    while (cursorIndex > index) {
      --cursor;
      while (cursor != begin && isUTF8Continuation(*cursor))
        --cursor;
      --cursorIndex;
    }
    return cursor;
  }
  const char *at(const yaml_mark_t &mark) { return at(mark.index); }

private:
  const char *begin;
  const char *end;
  const char *cursor;
  size_t cursorIndex = 0;
  bool ascii;
};

/// The bytes of the character at \p p (empty at \p end).
StringRef charAt(const char *p, const char *end) {
  if (p >= end)
    return StringRef(end, 0);
  const char *next = p + 1;
  while (next != end && isUTF8Continuation(*next))
    ++next;
  return StringRef(p, next - p);
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// Skips the node properties (`&anchor`, `!tag`) at \p p and the blanks
/// and comments after them, not past \p limit.
const char *skipProperties(const char *p, const char *limit) {
  while (p < limit && (*p == '&' || *p == '!')) {
    if (p + 1 < limit && p[0] == '!' && p[1] == '<') {
      while (p < limit && *p != '>')
        ++p;
      if (p < limit)
        ++p;
    } else {
      while (p < limit && !isBlank(*p) && !StringRef(",[]{}").contains(*p))
        ++p;
    }
    for (;;) {
      while (p < limit && isBlank(*p))
        ++p;
      if (p < limit && *p == '#') {
        while (p < limit && *p != '\n')
          ++p;
        continue;
      }
      break;
    }
  }
  return std::min(p, limit);
}

//===----------------------------------------------------------------------===//
// Reader
//===----------------------------------------------------------------------===//

/// Deletes a libyaml event when it goes out of scope.
class EventGuard {
public:
  explicit EventGuard(yaml_event_t &event) : event(event) {}
  ~EventGuard() { yaml_event_delete(&event); }
  EventGuard(const EventGuard &) = delete;
  EventGuard &operator=(const EventGuard &) = delete;

private:
  yaml_event_t &event;
};

/// Reads one YAML stream into a Document.
class Reader {
public:
  Reader(StringRef text, const ParseOptions &options, Document &doc,
         DiagnosticEngine *diags)
      : text(text), options(options), builder(doc), diags(diags),
        marks(StringRef()) {
    // libyaml is told the encoding, so it does not skip a BOM: skip it here.
    if (text.starts_with("\xEF\xBB\xBF"))
      this->text = text.drop_front(3);
    marks = MarkMap(this->text);
    yaml_parser_initialize(&parser);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(
        &parser, reinterpret_cast<const unsigned char *>(this->text.data()),
        this->text.size());
  }
  ~Reader() { yaml_parser_delete(&parser); }
  Reader(const Reader &) = delete;
  Reader &operator=(const Reader &) = delete;

  /// Reads the stream. On failure, the failure* members say why.
  bool run();

  /// Why run() failed: YAMLSyntax or one of its kinds (failureText is the
  /// message),
  /// YAMLNonScalarKey (failureText is "a mapping" / "a sequence"),
  /// YAMLAliasLimit (failureText is the limit passed) or InputTooDeep.
  DiagID failureID = DiagID::YAMLSyntax;
  SMRange failureRange;
  std::string failureText;
  SMRange failureNoteRange;
  /// What starts at failureNoteRange ("quoted scalar"), for NT012.
  std::string failureNoteWhat;

private:
  /// A sequence or mapping that is still open.
  struct Frame {
    /// Where its content starts (its bracket, first `-` or first key).
    const char *start;
    /// The end of the spelling of its last child or key so far.
    const char *lastEnd;
    /// Index of its first child on the values or members stack.
    size_t firstChild;
    /// Values in the subtree so far, itself included.
    size_t numValues = 1;
    /// 1 + the height of its highest child.
    unsigned height = 1;
    bool isMapping;
    bool isFlow;
    /// A mapping's key whose value is pending.
    bool haveKey = false;
    StringRef keySource;
    StringRef keyText;
    /// Its anchor, registered when it closes.
    std::string anchor;
  };

  /// An anchored node: the value and what each use of it costs.
  struct Anchor {
    Value value;
    size_t numValues;
    unsigned height;
  };

  static SMRange rangeOf(StringRef bytes) {
    return SMRange(SMLoc::getFromPointer(bytes.begin()),
                   SMLoc::getFromPointer(bytes.end()));
  }
  StringRef spanOf(const char *from, const char *to) const {
    return StringRef(from, size_t(std::max(from, to) - from));
  }

  bool fail(DiagID id, StringRef at, const llvm::Twine &message) {
    failureID = id;
    failureRange = rangeOf(at);
    failureText = message.str();
    return false;
  }
  bool failSyntax(StringRef at, const llvm::Twine &message) {
    return fail(DiagID::YAMLSyntax, at, message);
  }
  /// Turns libyaml's error into a failure.
  bool failFromParser();

  /// Reports a warning when there is an engine to report into.
  void warn(DiagID id, StringRef at, StringRef argument) {
    if (!diags)
      return;
    InFlightDiagnostic diag = diags->report(id, rangeOf(at));
    if (!argument.empty())
      diag << argument;
  }
  /// Checks a node's tag: YM006 for one outside the core schema.
  void checkTag(const yaml_char_t *tag, StringRef at);

  /// Where a node's content starts, after its properties.
  const char *contentStart(const yaml_event_t &event, bool hasProperties) {
    const char *start = marks.at(event.start_mark);
    if (!hasProperties)
      return start;
    return skipProperties(start, std::max(start, marks.at(event.end_mark)));
  }

  bool onScalar(const yaml_event_t &event);
  bool onAlias(const yaml_event_t &event);
  bool onCollectionStart(const yaml_event_t &event, bool isMapping);
  bool onCollectionEnd(const yaml_event_t &event);
  /// Registers \p value under \p anchor (when there is one).
  void define(StringRef anchor, const Value &value, size_t numValues,
              unsigned height);
  /// Hands a finished node to its parent (or makes it the root).
  /// \p spelled is where it was written (for an alias, the `*name`);
  /// \p keyText is its text if it is a scalar, used when it is a key.
  bool complete(const Value &value, StringRef spelled, size_t numValues,
                unsigned height, StringRef keyText);

  /// \p bytes when it lies in the text, else a copy in the document.
  StringRef keep(StringRef bytes, StringRef spelled);

  StringRef text;
  const ParseOptions &options;
  Builder builder;
  DiagnosticEngine *diags;
  MarkMap marks;
  yaml_parser_t parser;

  std::vector<Frame> frames;
  std::vector<Value> values;
  std::vector<Member> members;
  llvm::StringMap<Anchor> anchors;
  /// Values the aliases added so far.
  size_t aliasValues = 0;
  size_t aliasBytes = 0;
  bool haveRoot = false;
  Value root;
  size_t rootValues = 0;
};

} // namespace

StringRef Reader::keep(StringRef bytes, StringRef spelled) {
  // Most scalars are spelled as they read (`name`, `"name"`): point into
  // the text instead of copying.
  for (size_t skip : {size_t(0), size_t(1)})
    if (spelled.size() >= skip + bytes.size() &&
        spelled.substr(skip, bytes.size()) == bytes)
      return spelled.substr(skip, bytes.size());
  return builder.save(bytes);
}

/// The kind of a libyaml scanner or parser error, told from its problem
/// text (libyaml has no finer error codes): YM001 for what has no kind of
/// its own (an unexpected token or structure).
static DiagID classifyProblem(StringRef problem) {
  if (problem.contains("unexpected end of stream"))
    return DiagID::YAMLUnexpectedEnd;
  if (problem.contains("escape") || problem.contains("hexdecimal number"))
    return DiagID::YAMLInvalidEscape;
  if (problem.contains("tab character"))
    return DiagID::YAMLTabIndentation;
  if (problem.contains("cannot start any token"))
    return DiagID::YAMLInvalidCharacter;
  if (problem.contains("directive") || problem.contains("tag handle") ||
      problem.contains("incompatible YAML document"))
    return DiagID::YAMLInvalidDirective;
  return DiagID::YAMLSyntax;
}

bool Reader::failFromParser() {
  const char *end = text.end();
  switch (parser.error) {
  case YAML_MEMORY_ERROR:
    return failSyntax(StringRef(text.begin(), 0), "out of memory");
  case YAML_READER_ERROR: {
    // Reader errors give a byte offset and the offending value.
    const char *at =
        text.begin() + std::min(parser.problem_offset, text.size());
    std::string message = parser.problem ? parser.problem : "invalid input";
    if (parser.problem_value != -1)
      message += " (U+" +
                 llvm::utohexstr(unsigned(parser.problem_value),
                                 /*LowerCase=*/false, 4) +
                 ")";
    return fail(DiagID::YAMLInvalidCharacter, charAt(at, end), message);
  }
  default:
    break;
  }
  const char *at = marks.at(parser.problem_mark);
  std::string message = parser.problem ? parser.problem : "invalid YAML";
  DiagID id = classifyProblem(message);
  // Whatever libyaml expected, at the end of the input the input ended
  // too early.
  if (at == end)
    id = DiagID::YAMLUnexpectedEnd;
  // A tab where a token should start is a tab used for indentation.
  if (id == DiagID::YAMLInvalidCharacter && at != end && *at == '\t')
    id = DiagID::YAMLTabIndentation;
  if (parser.context) {
    StringRef context(parser.context);
    message += " ";
    message += context.str();
    const char *contextAt = marks.at(parser.context_mark);
    if (contextAt != at) {
      // "while scanning a quoted scalar" -> "the quoted scalar starts here".
      // Another context is in the message already; it gets no note.
      StringRef what = context;
      if (!what.consume_front("while scanning ") &&
          !what.consume_front("while parsing "))
        what = "";
      if (!what.consume_front("a "))
        what.consume_front("an ");
      if (!what.empty()) {
        failureNoteRange = rangeOf(charAt(contextAt, end));
        failureNoteWhat = what.str();
      }
    }
  }
  return fail(id, charAt(at, end), message);
}

void Reader::checkTag(const yaml_char_t *tag, StringRef at) {
  if (!tag)
    return;
  StringRef name(reinterpret_cast<const char *>(tag));
  if (name == "!" || name.starts_with("tag:yaml.org,2002:"))
    return;
  warn(DiagID::YAMLUnknownTag, at, name);
}

bool Reader::run() {
  if (text.size() > size_t(UINT32_MAX))
    return failSyntax(StringRef(text.begin(), 0),
                      "document is too large (4 GiB or more)");
  unsigned documents = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event))
      return failFromParser();
    EventGuard guard(event);
    switch (event.type) {
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
      break;
    case YAML_DOCUMENT_START_EVENT:
      if (documents++ == 0)
        break;
      warn(DiagID::YAMLMultipleDocuments,
           spanOf(marks.at(event.start_mark), marks.at(event.end_mark)), "");
      builder.finish(root, rootValues);
      return true;
    case YAML_STREAM_END_EVENT:
      if (!haveRoot)
        return fail(DiagID::YAMLUnexpectedEnd, StringRef(text.end(), 0),
                    "expected a YAML document; the stream is empty");
      builder.finish(root, rootValues);
      return true;
    case YAML_SCALAR_EVENT:
      if (!onScalar(event))
        return false;
      break;
    case YAML_ALIAS_EVENT:
      if (!onAlias(event))
        return false;
      break;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      if (!onCollectionStart(event, event.type == YAML_MAPPING_START_EVENT))
        return false;
      break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      if (!onCollectionEnd(event))
        return false;
      break;
    }
  }
}

bool Reader::onScalar(const yaml_event_t &event) {
  const auto &scalar = event.data.scalar;
  bool hasProperties = scalar.anchor || scalar.tag;
  const char *start = contentStart(event, hasProperties);
  const char *end = std::max(start, marks.at(event.end_mark));
  bool isBlock = scalar.style == YAML_LITERAL_SCALAR_STYLE ||
                 scalar.style == YAML_FOLDED_SCALAR_STYLE;
  if (isBlock) {
    // The mark ends after the trailing line breaks; end at the last
    // non-blank character instead (the indicator at least).
    while (end > start + 1 && isBlank(end[-1]))
      --end;
  }
  StringRef spelled = spanOf(start, end);
  if (hasProperties)
    checkTag(scalar.tag, spanOf(marks.at(event.start_mark), start).rtrim());

  StringRef decoded(reinterpret_cast<const char *>(scalar.value),
                    scalar.length);
  if (decoded.size() > Builder::MaxCount)
    return failSyntax(spelled.take_front(1),
                      "scalar is longer than " +
                          llvm::Twine(Builder::MaxCount) + " bytes");

  StringRef tag =
      scalar.tag ? StringRef(reinterpret_cast<const char *>(scalar.tag)) : "";
  bool isString = scalar.style != YAML_PLAIN_SCALAR_STYLE || tag == "!" ||
                  tag == "tag:yaml.org,2002:str";
  // The text, also for non-strings: it is the key when this is one.
  StringRef stored = keep(decoded, spelled);
  Value value;
  Resolved resolved;
  if (!isString)
    resolved = resolvePlain(decoded);
  switch (resolved.kind) {
  case Kind::Null:
    value = Builder::makeNull(spelled);
    break;
  case Kind::Boolean:
    value = Builder::makeBoolean(spelled, resolved.flag);
    break;
  case Kind::Number: {
    StringRef canonical = resolved.canonical;
    value = Builder::makeNumber(
        spelled, canonical == spelled ? spelled : builder.save(canonical));
    break;
  }
  default:
    value = Builder::makeString(spelled, stored);
    break;
  }
  if (scalar.anchor)
    define(reinterpret_cast<const char *>(scalar.anchor), value, 1, 0);
  return complete(value, spelled, 1, 0, stored);
}

bool Reader::onAlias(const yaml_event_t &event) {
  StringRef name(reinterpret_cast<const char *>(event.data.alias.anchor));
  StringRef spelled =
      spanOf(marks.at(event.start_mark), marks.at(event.end_mark));
  auto it = anchors.find(name);
  if (it == anchors.end()) {
    for (const Frame &frame : frames)
      if (frame.anchor == name)
        return fail(DiagID::YAMLRecursiveAlias, spelled,
                    "alias '*" + name +
                        "' refers to a collection that contains it; "
                        "recursive structures cannot be read");
    return fail(DiagID::YAMLUndefinedAlias, spelled,
                "alias '*" + name + "' names no anchor");
  }
  const Anchor &anchor = it->second;
  if (frames.size() + anchor.height > options.maxDepth)
    return fail(DiagID::InputTooDeep, spelled, "");
  aliasValues += anchor.numValues;
  if (aliasValues > options.maxAliasValues)
    return fail(DiagID::YAMLAliasLimit, spelled,
                std::to_string(options.maxAliasValues) + " values");
  // Values are not all alike: one anchored string of a megabyte, aliased a
  // thousand times, is a gigabyte of text for every consumer to hash and
  // copy. The text aliases add is counted too.
  aliasBytes += anchor.value.getSourceText().size();
  if (aliasBytes > options.maxAliasBytes)
    return fail(DiagID::YAMLAliasLimit, spelled,
                std::to_string(options.maxAliasBytes) + " bytes of text");
  // A key that is an alias reads as the anchored scalar's text.
  StringRef keyText = anchor.value.isString() ? anchor.value.getString()
                                              : anchor.value.getSourceText();
  return complete(anchor.value, spelled, anchor.numValues, anchor.height,
                  keyText);
}

bool Reader::onCollectionStart(const yaml_event_t &event, bool isMapping) {
  const yaml_char_t *anchor = isMapping ? event.data.mapping_start.anchor
                                        : event.data.sequence_start.anchor;
  const yaml_char_t *tag =
      isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag;
  bool isFlow =
      isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
  const char *start = contentStart(event, anchor || tag);
  if (frames.size() >= options.maxDepth)
    return fail(DiagID::InputTooDeep, charAt(start, text.end()), "");
  if (anchor || tag)
    checkTag(tag, spanOf(marks.at(event.start_mark), start).rtrim());

  Frame frame;
  frame.start = start;
  frame.lastEnd = start;
  frame.firstChild = isMapping ? members.size() : values.size();
  frame.isMapping = isMapping;
  frame.isFlow = isFlow;
  if (anchor) {
    frame.anchor = reinterpret_cast<const char *>(anchor);
    // Until it closes, an alias of this name means this collection.
    anchors.erase(frame.anchor);
  }
  frames.push_back(std::move(frame));
  return true;
}

bool Reader::onCollectionEnd(const yaml_event_t &event) {
  Frame frame = std::move(frames.back());
  frames.pop_back();
  // A flow collection ends at its bracket; a block one with its last child.
  const char *end = frame.isFlow ? marks.at(event.end_mark) : frame.lastEnd;
  StringRef spelled = spanOf(frame.start, end);
  Value value;
  if (frame.isMapping) {
    llvm::ArrayRef<Member> children(members.data() + frame.firstChild,
                                    members.size() - frame.firstChild);
    if (children.size() > Builder::MaxCount)
      return failSyntax(spelled.take_front(1),
                        "mapping has more than " +
                            llvm::Twine(Builder::MaxCount) + " entries");
    if (diags && options.reportDuplicateKeys && children.size() > 1)
      Builder::reportDuplicateKeys(children, *diags);
    value = builder.makeObject(spelled, children);
    members.resize(frame.firstChild);
  } else {
    llvm::ArrayRef<Value> children(values.data() + frame.firstChild,
                                   values.size() - frame.firstChild);
    if (children.size() > Builder::MaxCount)
      return failSyntax(spelled.take_front(1),
                        "sequence has more than " +
                            llvm::Twine(Builder::MaxCount) + " entries");
    value = builder.makeArray(spelled, children);
    values.resize(frame.firstChild);
  }
  if (!frame.anchor.empty())
    define(frame.anchor, value, frame.numValues, frame.height);
  return complete(value, spelled, frame.numValues, frame.height, StringRef());
}

void Reader::define(StringRef anchor, const Value &value, size_t numValues,
                    unsigned height) {
  anchors[anchor] = Anchor{value, numValues, height};
}

bool Reader::complete(const Value &value, StringRef spelled, size_t numValues,
                      unsigned height, StringRef keyText) {
  if (frames.empty()) {
    root = value;
    rootValues = numValues;
    haveRoot = true;
    return true;
  }
  Frame &parent = frames.back();
  parent.lastEnd = std::max(parent.lastEnd, spelled.end());
  if (parent.isMapping && !parent.haveKey) {
    if (value.isObject() || value.isArray())
      return fail(DiagID::YAMLNonScalarKey, spelled,
                  value.isObject() ? "a mapping" : "a sequence");
    if (keyText.size() > Builder::MaxCount)
      return failSyntax(spelled.take_front(1),
                        "key is longer than " + llvm::Twine(Builder::MaxCount) +
                            " bytes");
    parent.haveKey = true;
    parent.keySource = spelled;
    parent.keyText = keyText;
    return true;
  }
  parent.numValues += numValues;
  parent.height = std::max(parent.height, height + 1);
  if (parent.isMapping) {
    members.push_back(
        Builder::makeMember(parent.keySource, parent.keyText, value));
    parent.haveKey = false;
  } else {
    values.push_back(value);
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

std::unique_ptr<Document> json::parseYAML(SourceManager &sourceMgr,
                                          unsigned bufferID,
                                          DiagnosticEngine &diags,
                                          const ParseOptions &options) {
  StringRef text = sourceMgr.getBuffer(bufferID)->getBuffer();
  auto doc = std::make_unique<Document>();
  Reader reader(text, options, *doc, &diags);
  if (reader.run())
    return doc;
  switch (reader.failureID) {
  case DiagID::InputTooDeep:
    diags.report(DiagID::InputTooDeep, reader.failureRange) << options.maxDepth;
    break;
  case DiagID::YAMLAliasLimit:
    diags.report(DiagID::YAMLAliasLimit, reader.failureRange)
        << reader.failureText;
    break;
  default: {
    InFlightDiagnostic diag =
        diags.report(reader.failureID, reader.failureRange);
    diag << reader.failureText;
    if (reader.failureNoteRange.isValid())
      diag.note(reader.failureNoteRange, NoteID::YAMLConstructStarts)
          << reader.failureNoteWhat;
    break;
  }
  }
  return nullptr;
}

llvm::Expected<std::unique_ptr<Document>>
json::parseYAML(StringRef text, const ParseOptions &options) {
  auto doc = std::make_unique<Document>();
  Reader reader(text, options, *doc, /*diags=*/nullptr);
  if (reader.run())
    return doc;
  const char *at = reader.failureRange.Start.getPointer();
  StringRef before = text.take_front(at - text.begin());
  size_t line = before.count('\n') + 1;
  size_t lineStart = before.rfind('\n');
  size_t column = lineStart == StringRef::npos ? before.size() + 1
                                               : before.size() - lineStart;
  std::string message;
  switch (reader.failureID) {
  case DiagID::InputTooDeep:
    message = "nesting deeper than " + std::to_string(options.maxDepth) +
              " levels; input rejected";
    break;
  case DiagID::YAMLAliasLimit:
    message = "aliases expand to more than " + reader.failureText +
              "; input rejected";
    break;
  case DiagID::YAMLNonScalarKey:
    message = "mapping keys must be scalars; this key is " + reader.failureText;
    break;
  default:
    message = reader.failureText;
    break;
  }
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "line %zu, column %zu: %s", line, column,
                                 message.c_str());
}
