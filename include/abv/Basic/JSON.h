//===- JSON.h - JSON documents with exact source locations -----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The JSON reader every JSON artifact enters ABV through (AutoBe's DB and
/// OpenAPI ASTs, OpenAPI documents). Unlike llvm::json, it keeps where every
/// value and every object key was spelled, so that a check on a decoded
/// value can point at the exact bytes of the input.
///
/// Grammar (RFC 8259; nothing more is accepted):
///
///   document := ws value ws EOF        (after an optional UTF-8 BOM)
///   value    := object | array | string | number | 'true' | 'false' | 'null'
///   object   := '{' ws (member (ws ',' ws member)*)? ws '}'
///   member   := string ws ':' ws value
///   array    := '[' ws (value (ws ',' ws value)*)? ws ']'
///   number   := '-'? ('0' | [1-9][0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?
///   string   := '"' (char | '\' ["\\/bfnrt] | '\u' hex{4})* '"'
///
/// Design:
/// - The whole DOM lives in one BumpPtrAllocator owned by the Document; a
///   Value is 24 bytes and trivially copyable, arrays and objects store their
///   children inline. Strings without escapes are not copied: their text
///   points into the source buffer, which must outlive the Document.
/// - The parser is iterative (an explicit stack), so nesting depth costs
///   heap, not native stack; a depth limit still rejects absurd inputs.
/// - Objects keep member order and duplicates; lookup returns the last
///   occurrence ("the later value wins", as JavaScript does).
/// - Every range is half-open: [first byte, one past the last byte).
/// - YAML documents (YAML.h) are read into the same DOM through Builder, so
///   every consumer works on either syntax unchanged; json::parse reads a
///   buffer named `*.yaml` / `*.yml` as YAML.
///
/// \code
///   auto doc = json::parse(sourceMgr, bufferID, diags);
///   if (!doc)
///     return nullptr; // a syntax error (JS*), or IN007, was reported
///   if (const json::Value *name = doc->getRoot().get("name"))
///     if (auto text = name->getAsString())
///       use(*text, name->getRange());
///   const json::Value *schema =
///       doc->resolvePointer("#/components/schemas/IUser");
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_JSON_H
#define ABV_BASIC_JSON_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace abv {

class SourceManager;

class DiagnosticEngine;
enum class DiagID : unsigned;

namespace json {

class Builder;
class Member;
class Parser;

/// The six JSON value kinds.
enum class Kind : unsigned char {
  Null,
  Boolean,
  Number,
  String,
  Array,
  Object
};

/// The kind with an article, for messages: "null", "a boolean", "a number",
/// "a string", "an array", "an object".
llvm::StringRef getKindName(Kind kind);

/// One JSON value and the range it was spelled at. Values are owned by their
/// Document; they are small (24 bytes) and trivially copyable.
class Value {
public:
  /// A null value without a location.
  Value() = default;

  Kind getKind() const { return Kind(kindAndCount & KindMask); }
  bool isNull() const { return getKind() == Kind::Null; }
  bool isBoolean() const { return getKind() == Kind::Boolean; }
  bool isNumber() const { return getKind() == Kind::Number; }
  bool isString() const { return getKind() == Kind::String; }
  bool isArray() const { return getKind() == Kind::Array; }
  bool isObject() const { return getKind() == Kind::Object; }

  /// The bytes the value was spelled with: for a string, including the
  /// quotes; for an array or object, from bracket to bracket.
  llvm::SMRange getRange() const {
    return llvm::SMRange(llvm::SMLoc::getFromPointer(start),
                         llvm::SMLoc::getFromPointer(start + sourceLength));
  }
  /// The first byte of the value.
  llvm::SMLoc getLoc() const { return llvm::SMLoc::getFromPointer(start); }
  /// The spelling of the value in the source.
  llvm::StringRef getSourceText() const {
    return llvm::StringRef(start, sourceLength);
  }

  /// The boolean, if this is one.
  std::optional<bool> getAsBoolean() const {
    if (!isBoolean())
      return std::nullopt;
    return getCount() != 0;
  }
  /// The unescaped text, if this is a string. It may contain NUL bytes
  /// (from `\u0000`).
  std::optional<llvm::StringRef> getAsString() const {
    if (!isString())
      return std::nullopt;
    return getString();
  }
  /// The unescaped text if this is a string, else "".
  llvm::StringRef getString() const {
    if (!isString())
      return {};
    return llvm::StringRef(static_cast<const char *>(payload), getCount());
  }
  /// The number in JSON number syntax, if this is a number: the source
  /// text for JSON; for YAML a canonical spelling of what the source says
  /// (`0x1F` -> "31", `+.5` -> "0.5"), or "inf", "-inf", "nan" for YAML's
  /// `.inf`, `-.inf`, `.nan`.
  llvm::StringRef getNumberText() const {
    if (!isNumber())
      return {};
    if (!payload)
      return getSourceText();
    return llvm::StringRef(static_cast<const char *>(payload), getCount());
  }
  /// The number as a double, if this is a number (may be +-inf when the
  /// spelling overflows, or YAML's .inf / .nan).
  std::optional<double> getAsNumber() const;
  /// The number as an int64_t, if this is a number spelled as an integer
  /// (no fraction or exponent) that fits.
  std::optional<int64_t> getAsInteger() const;

  /// The elements, if this is an array; otherwise empty.
  llvm::ArrayRef<Value> getElements() const {
    if (!isArray())
      return {};
    return llvm::ArrayRef<Value>(static_cast<const Value *>(payload),
                                 getCount());
  }
  /// The members in source order (duplicates included), if this is an
  /// object; otherwise empty.
  llvm::ArrayRef<Member> getMembers() const;

  /// The number of elements or members; 0 for scalars.
  size_t size() const { return isArray() || isObject() ? getCount() : 0; }
  /// The element at \p index, or null when this is not an array or the
  /// index is out of range.
  const Value *at(size_t index) const {
    llvm::ArrayRef<Value> elements = getElements();
    return index < elements.size() ? &elements[index] : nullptr;
  }
  /// The value of the last member named \p key, or null. Linear in the
  /// number of members; Document::lookup is constant time on big objects.
  const Value *get(llvm::StringRef key) const;
  /// The last member named \p key, or null.
  const Member *findMember(llvm::StringRef key) const;

private:
  friend class Builder;
  friend class Parser;
  static constexpr uint32_t KindMask = 7;
  static constexpr unsigned CountShift = 3;

  uint32_t getCount() const { return kindAndCount >> CountShift; }

  const char *start = nullptr;
  /// String: the unescaped text. Array: Value[]. Object: Member[]. Number:
  /// null when the source text is the number, else its canonical text.
  const void *payload = nullptr;
  uint32_t sourceLength = 0;
  /// The kind in the low 3 bits; above them the string length, element or
  /// member count, canonical number length, or the boolean.
  uint32_t kindAndCount = 0;
};

/// One `"key": value` member of an object.
class Member {
public:
  /// The unescaped key.
  llvm::StringRef getKey() const { return llvm::StringRef(keyText, keyLength); }
  /// The key as spelled, including its quotes.
  llvm::SMRange getKeyRange() const {
    return llvm::SMRange(
        llvm::SMLoc::getFromPointer(keyStart),
        llvm::SMLoc::getFromPointer(keyStart + keySourceLength));
  }
  const Value &getValue() const { return value; }
  /// From the key's opening quote to the end of the value; the key alone
  /// when the value was spelled before it (a YAML alias, whose value is
  /// its anchor's node), so that the range is never inverted.
  llvm::SMRange getRange() const {
    if (value.getRange().Start.getPointer() < keyStart)
      return getKeyRange();
    return llvm::SMRange(getKeyRange().Start, value.getRange().End);
  }

private:
  friend class Builder;
  friend class Parser;
  const char *keyStart = nullptr;
  const char *keyText = nullptr;
  uint32_t keySourceLength = 0;
  uint32_t keyLength = 0;
  Value value;
};

inline llvm::ArrayRef<Member> Value::getMembers() const {
  if (!isObject())
    return {};
  return llvm::ArrayRef<Member>(static_cast<const Member *>(payload),
                                getCount());
}

/// A parsed JSON document: the root value and the arena holding the DOM.
class Document {
public:
  Document() = default;
  Document(const Document &) = delete;
  Document &operator=(const Document &) = delete;

  const Value &getRoot() const { return root; }

  /// The value of the last member named \p key of \p object, or null. Big
  /// objects get a hash index on first use, so repeated lookups (as in
  /// `$ref` resolution) are constant time. Building an index mutates the
  /// document: do not call lookup() or resolvePointer() from several
  /// threads at once.
  const Value *lookup(const Value &object, llvm::StringRef key) const;

  /// Resolves a JSON pointer (RFC 6901) against the root, using lookup().
  /// See json::resolvePointer for the accepted spellings.
  const Value *resolvePointer(llvm::StringRef pointer) const;

  /// The number of values in the document (for statistics).
  size_t getNumValues() const { return numValues; }
  /// The bytes the DOM occupies.
  size_t getBytesAllocated() const { return allocator.getBytesAllocated(); }

private:
  friend class Builder;
  friend class Parser;
  llvm::BumpPtrAllocator allocator;
  Value root;
  size_t numValues = 0;
  /// Key indexes of big objects, built lazily by lookup().
  mutable llvm::DenseMap<const void *,
                         std::unique_ptr<llvm::StringMap<uint32_t>>>
      indexes;
};

/// Parser settings.
struct ParseOptions {
  /// The deepest nesting of arrays and objects accepted; deeper input is
  /// rejected with IN007 at the bracket that exceeds it.
  unsigned maxDepth = 512;
  /// Report JS002 (JSON and YAML alike) for an object key given twice.
  bool reportDuplicateKeys = true;
  /// YAML only: the most values that aliases may add to the document
  /// (each `*alias` adds as many as its anchored node holds). Past it the
  /// document is rejected with YM004, so an "alias bomb" costs neither
  /// time nor memory.
  size_t maxAliasValues = 1000000;
  /// YAML only: the most text (bytes of the anchored nodes' source) that
  /// aliases may add, for the same reason: a long anchored string aliased
  /// many times would make every check that reads it quadratic.
  size_t maxAliasBytes = size_t(64) << 20;
};

/// Makes the values of a Document one at a time: the hook through which a
/// reader of another syntax (YAML.cpp) builds the same located DOM the JSON
/// parser does. Children are made first, then their container (post-order);
/// a Value is copied into its container, so one Value may be placed twice
/// (YAML aliases share their anchor's children).
///
/// \p source is always the bytes the value (or key) was spelled with; it
/// and every string text passed in must outlive the Document: point into
/// the source buffer, or into save().
class Builder {
public:
  /// The longest string and the most elements or members one Value holds.
  static constexpr size_t MaxCount =
      (size_t(1) << (32 - Value::CountShift)) - 1;

  explicit Builder(Document &doc) : doc(doc) {}

  /// Copies \p text into the document's arena.
  llvm::StringRef save(llvm::StringRef text);

  /// A null spelled \p source (empty for YAML's `key:`).
  static Value makeNull(llvm::StringRef source);
  /// A boolean spelled \p source.
  static Value makeBoolean(llvm::StringRef source, bool value);
  /// A number spelled \p source whose value is \p canonical (see
  /// Value::getNumberText; pass \p source itself when it is JSON syntax).
  static Value makeNumber(llvm::StringRef source, llvm::StringRef canonical);
  /// A string spelled \p source (quotes included) whose text is \p text;
  /// \p text.size() must not exceed MaxCount.
  static Value makeString(llvm::StringRef source, llvm::StringRef text);
  /// An array of \p elements (copied into the arena; at most MaxCount).
  Value makeArray(llvm::StringRef source, llvm::ArrayRef<Value> elements);
  /// A member whose key text is \p key, spelled at \p keySource.
  static Member makeMember(llvm::StringRef keySource, llvm::StringRef key,
                           const Value &value);
  /// An object of \p members (copied into the arena; at most MaxCount), in
  /// order and with duplicates, as the JSON parser keeps them.
  Value makeObject(llvm::StringRef source, llvm::ArrayRef<Member> members);

  /// Sets the root and the value count Document::getNumValues reports.
  void finish(const Value &root, size_t numValues);

  /// Reports JS002 (duplicate key, for JSON and YAML alike) at every key
  /// of \p members that an earlier one repeats, with a note at the earlier.
  static void reportDuplicateKeys(llvm::ArrayRef<Member> members,
                                  DiagnosticEngine &diags);

private:
  Document &doc;
};

/// Parses buffer \p bufferID of \p sourceMgr. Syntax errors (JS001,
/// JS003-JS013: an ID per kind of error) and the
/// depth limit (IN007) stop the parse: they are reported into \p diags and
/// null is returned. Duplicate keys are JS002 warnings (with a note at the
/// earlier key) and do not stop it. A leading UTF-8 BOM is skipped. The
/// buffer must outlive the Document.
///
/// A buffer whose name ends in `.yaml` or `.yml` (json::isYAMLPath) is read
/// as YAML by json::parseYAML instead, so that every frontend reading a
/// JSON artifact through this function accepts its YAML spelling too.
std::unique_ptr<Document> parse(SourceManager &sourceMgr, unsigned bufferID,
                                DiagnosticEngine &diags,
                                const ParseOptions &options = {});

/// Parses \p text, which must outlive the Document (ranges point into it).
/// On a syntax error, returns an error "line L, column C: message" (column
/// in bytes, 1-based). Duplicate keys are accepted silently.
llvm::Expected<std::unique_ptr<Document>>
parse(llvm::StringRef text, const ParseOptions &options = {});

/// Resolves \p pointer against \p root and returns the value, or null when
/// the pointer is malformed or names nothing. Accepted spellings:
/// - a JSON pointer (RFC 6901): "" is the root, "/a/b~1c/0" is member "b/c"
///   of member "a", then element 0; "~0" is "~", "~1" is "/"; array indexes
///   are decimal without leading zeros ("-" never resolves);
/// - its URI fragment form (RFC 6901 section 6): "#", "#/a/b%20c", which is
///   percent-decoded first.
/// Member lookup is linear; Document::resolvePointer uses hash indexes.
const Value *resolvePointer(const Value &root, llvm::StringRef pointer);

/// Escapes one reference token for a JSON pointer ("~" -> "~0", "/" ->
/// "~1").
std::string escapePointerToken(llvm::StringRef token);

} // namespace json
} // namespace abv

#endif // ABV_BASIC_JSON_H
