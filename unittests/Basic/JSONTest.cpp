//===- JSONTest.cpp - Tests of the located JSON reader --------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/JSON.h"

#include "abv/Basic/DiagnosticEngine.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <cmath>
#include <string>

using namespace abv;
using namespace abv::json;
using namespace llvm;

namespace {

/// Parses a text through a SourceManager and a DiagnosticEngine, as the tools
/// do.
struct Parsed {
  SourceManager sourceMgr;
  DiagnosticEngine diags{sourceMgr};
  const char *text = nullptr;
  std::unique_ptr<Document> doc;

  explicit Parsed(StringRef input, const ParseOptions &options = {}) {
    unsigned id =
        sourceMgr.addBuffer(MemoryBuffer::getMemBufferCopy(input, "test.json"));
    text = sourceMgr.getBuffer(id)->getBufferStart();
    doc = parse(sourceMgr, id, diags, options);
  }

  /// Byte offset of \p loc in the text.
  size_t offset(SMLoc loc) const { return loc.getPointer() - text; }
  /// [begin, end) offsets of \p range.
  std::pair<size_t, size_t> offsets(SMRange range) const {
    return {offset(range.Start), offset(range.End)};
  }
  const Diagnostic &only() const {
    EXPECT_EQ(diags.getDiagnostics().size(), 1u);
    return diags.getDiagnostics().front();
  }
};

/// Expects \p input to fail with the syntax error \p id (JS001 or one of
/// its kinds) at byte \p at whose message contains \p message.
void expectSyntaxError(StringRef input, size_t at, StringRef message,
                       DiagID id = DiagID::JSONSyntax) {
  Parsed p(input);
  EXPECT_FALSE(p.doc) << input.str();
  ASSERT_EQ(p.diags.getDiagnostics().size(), 1u) << input.str();
  const Diagnostic &d = p.only();
  EXPECT_EQ(d.id, id) << input.str() << ": " << d.getInfo().code.str();
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(p.offset(d.range.Start), at) << input.str() << ": " << d.message;
  EXPECT_NE(StringRef(d.message).find(message), StringRef::npos)
      << input.str() << ": got '" << d.message << "'";
}

TEST(JSONTest, Scalars) {
  Parsed p(R"([null, true, false, 0, -12.5e+3, "hi", 12345678901234])");
  ASSERT_TRUE(p.doc);
  EXPECT_TRUE(p.diags.getDiagnostics().empty());
  const Value &root = p.doc->getRoot();
  ASSERT_TRUE(root.isArray());
  ASSERT_EQ(root.size(), 7u);
  EXPECT_TRUE(root.at(0)->isNull());
  EXPECT_EQ(root.at(1)->getAsBoolean(), std::optional<bool>(true));
  EXPECT_EQ(root.at(2)->getAsBoolean(), std::optional<bool>(false));
  EXPECT_EQ(root.at(3)->getAsInteger(), std::optional<int64_t>(0));
  EXPECT_EQ(root.at(4)->getAsNumber(), std::optional<double>(-12500.0));
  EXPECT_FALSE(root.at(4)->getAsInteger());
  EXPECT_EQ(root.at(4)->getSourceText(), "-12.5e+3");
  EXPECT_EQ(root.at(5)->getAsString(), std::optional<StringRef>("hi"));
  EXPECT_EQ(root.at(6)->getAsInteger(), std::optional<int64_t>(12345678901234));
  EXPECT_FALSE(root.at(5)->getAsNumber());
  EXPECT_FALSE(root.at(3)->getAsString());
  EXPECT_EQ(root.at(7), nullptr);
  EXPECT_EQ(p.doc->getNumValues(), 8u);
  EXPECT_EQ(sizeof(Value), 24u);
}

TEST(JSONTest, BigNumbers) {
  Parsed p("[1e999, 99999999999999999999, -0]");
  ASSERT_TRUE(p.doc);
  const Value &root = p.doc->getRoot();
  EXPECT_TRUE(std::isinf(*root.at(0)->getAsNumber()));
  EXPECT_FALSE(root.at(1)->getAsInteger()); // does not fit int64_t
  EXPECT_EQ(root.at(1)->getAsNumber(), std::optional<double>(1e20));
  EXPECT_EQ(root.at(2)->getAsInteger(), std::optional<int64_t>(0));
}

TEST(JSONTest, Ranges) {
  //          0         1         2         3         4
  //          0123456789012345678901234567890123456789012345
  Parsed p(R"({"name": "todo", "n": [1, {"k": null}], "e": {}})");
  ASSERT_TRUE(p.doc);
  const Value &root = p.doc->getRoot();
  EXPECT_EQ(p.offsets(root.getRange()), std::make_pair(size_t(0), size_t(48)));
  ArrayRef<Member> members = root.getMembers();
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].getKey(), "name");
  EXPECT_EQ(p.offsets(members[0].getKeyRange()),
            std::make_pair(size_t(1), size_t(7)));
  EXPECT_EQ(p.offsets(members[0].getValue().getRange()),
            std::make_pair(size_t(9), size_t(15)));
  EXPECT_EQ(members[0].getValue().getSourceText(), "\"todo\"");
  EXPECT_EQ(p.offsets(members[0].getRange()),
            std::make_pair(size_t(1), size_t(15)));
  const Value *n = root.get("n");
  ASSERT_TRUE(n);
  EXPECT_EQ(p.offsets(n->getRange()), std::make_pair(size_t(22), size_t(38)));
  EXPECT_EQ(p.offsets(n->at(0)->getRange()),
            std::make_pair(size_t(23), size_t(24)));
  const Value *inner = n->at(1);
  EXPECT_EQ(p.offsets(inner->getRange()),
            std::make_pair(size_t(26), size_t(37)));
  EXPECT_EQ(p.offsets(inner->getMembers()[0].getKeyRange()),
            std::make_pair(size_t(27), size_t(30)));
  EXPECT_EQ(p.offsets(inner->get("k")->getRange()),
            std::make_pair(size_t(32), size_t(36)));
  const Value *e = root.get("e");
  EXPECT_TRUE(e->isObject());
  EXPECT_EQ(e->size(), 0u);
  EXPECT_EQ(p.offsets(e->getRange()), std::make_pair(size_t(45), size_t(47)));
}

TEST(JSONTest, StringsWithoutEscapesPointIntoTheSource) {
  Parsed p(R"({"key": "value"})");
  ASSERT_TRUE(p.doc);
  const Member &m = p.doc->getRoot().getMembers()[0];
  EXPECT_EQ(m.getKey().data(), p.text + 2);
  EXPECT_EQ(m.getValue().getString().data(), p.text + 9);
}

TEST(JSONTest, Escapes) {
  Parsed p(R"(["a\"b\\c\/d\be\ff\ng\rh\ti", "\u00e9\u4e2d\ud83d\ude00",
               "\u0000x", {"k\u0041y": 1}])");
  ASSERT_TRUE(p.doc);
  const Value &root = p.doc->getRoot();
  EXPECT_EQ(root.at(0)->getString(), "a\"b\\c/d\be\ff\ng\rh\ti");
  EXPECT_EQ(root.at(1)->getString(), "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
  EXPECT_EQ(root.at(2)->getString(), StringRef("\0x", 2));
  EXPECT_EQ(root.at(3)->getMembers()[0].getKey(), "kAy");
  EXPECT_EQ(root.at(3)->get("kAy")->getAsInteger(), std::optional<int64_t>(1));
  // The range still covers the escaped spelling.
  EXPECT_EQ(root.at(1)->getSourceText(), R"("\u00e9\u4e2d\ud83d\ude00")");
}

TEST(JSONTest, NonASCIIIsKept) {
  Parsed p("\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  ASSERT_TRUE(p.doc);
  EXPECT_EQ(p.doc->getRoot().getString(), "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(JSONTest, ByteOrderMarkIsSkipped) {
  Parsed p("\xEF\xBB\xBF {\"a\": 1}");
  ASSERT_TRUE(p.doc);
  EXPECT_EQ(p.offset(p.doc->getRoot().getLoc()), 4u);
  EXPECT_TRUE(p.doc->getRoot().get("a"));
}

TEST(JSONTest, EmptyDocument) {
  for (StringRef input : {"", "  \n\t ", "\xEF\xBB\xBF"}) {
    Parsed p(input);
    EXPECT_FALSE(p.doc);
    const Diagnostic &d = p.only();
    EXPECT_EQ(d.id, DiagID::JSONUnexpectedEnd);
    EXPECT_EQ(p.offset(d.range.Start), input.size());
    EXPECT_EQ(d.message, "expected a JSON value; the document is empty");
  }
}

TEST(JSONTest, SyntaxErrors) {
  expectSyntaxError(R"({"a": 1 "b": 2})", 8,
                    "expected ',' or '}' after object member");
  expectSyntaxError("[1 2]", 3, "expected ',' or ']' after array element");
  expectSyntaxError(R"({"a" 1})", 5, "expected ':' after object key");
  expectSyntaxError(R"({"a": 1,})", 7,
                    "trailing comma is not allowed before '}'",
                    DiagID::JSONTrailingComma);
  expectSyntaxError("[1, 2, ]", 5, "trailing comma is not allowed before ']'",
                    DiagID::JSONTrailingComma);
  expectSyntaxError("[1,", 3, "unexpected end of file; expected a value",
                    DiagID::JSONUnexpectedEnd);
  expectSyntaxError(R"({"a": )", 6, "unexpected end of file; expected a value",
                    DiagID::JSONUnexpectedEnd);
  expectSyntaxError(R"({"a": 1)", 7,
                    "unexpected end of file; expected ',' or '}' after object "
                    "member",
                    DiagID::JSONUnexpectedEnd);
  expectSyntaxError(R"(  "abc)", 2, "unterminated string",
                    DiagID::JSONUnterminatedString);
  expectSyntaxError(R"(["a\qb"])", 3, "invalid escape '\\q'",
                    DiagID::JSONInvalidEscape);
  expectSyntaxError("[\"a\nb\"]", 3, "line break in string",
                    DiagID::JSONControlCharacter);
  expectSyntaxError("[\"a\tb\"]", 3, "unescaped tab in string",
                    DiagID::JSONControlCharacter);
  expectSyntaxError("[\"a\x01z\"]", 3,
                    "unescaped control character U+0001 in string",
                    DiagID::JSONControlCharacter);
  expectSyntaxError("[01]", 2, "leading zeros are not allowed in numbers",
                    DiagID::JSONInvalidNumber);
  expectSyntaxError("[-01]", 3, "leading zeros are not allowed in numbers",
                    DiagID::JSONInvalidNumber);
  expectSyntaxError("[-]", 2, "expected a digit after '-'",
                    DiagID::JSONInvalidNumber);
  expectSyntaxError("[1.]", 3, "expected a digit after the decimal point",
                    DiagID::JSONInvalidNumber);
  expectSyntaxError("[1e+]", 4, "expected a digit in the exponent",
                    DiagID::JSONInvalidNumber);
  expectSyntaxError("[.5]", 1, "unexpected character '.'; expected a value");
  expectSyntaxError("[+1]", 1, "unexpected character '+'; expected a value");
  expectSyntaxError("[tru]", 1, "invalid literal 'tru'; did you mean 'true'?",
                    DiagID::JSONInvalidLiteral);
  expectSyntaxError("[True]", 1, "JSON literals are lowercase: 'true'",
                    DiagID::JSONInvalidLiteral);
  expectSyntaxError("[NaN]", 1, "'NaN' is not a JSON value",
                    DiagID::JSONInvalidLiteral);
  expectSyntaxError("[abc]", 1, "unexpected 'abc'; expected a value",
                    DiagID::JSONInvalidLiteral);
  expectSyntaxError("['a']", 1, "strings must be enclosed in double quotes",
                    DiagID::JSONSingleQuote);
  expectSyntaxError("{'a': 1}", 1, "object keys must be enclosed in double",
                    DiagID::JSONSingleQuote);
  expectSyntaxError("{a: 1}", 1,
                    "object keys must be strings in double "
                    "quotes, found 'a'",
                    DiagID::JSONUnquotedKey);
  expectSyntaxError("{1: 1}", 1, "object keys must be strings",
                    DiagID::JSONUnquotedKey);
  expectSyntaxError("{,}", 1, "expected a string key or '}', found ','");
  expectSyntaxError(R"({"a": 1, ]})", 9,
                    "expected a string key after ',', found ']'");
  expectSyntaxError("[1] // c", 4, "comments are not allowed in JSON",
                    DiagID::JSONComment);
  expectSyntaxError("[/* c */ 1]", 1, "comments are not allowed in JSON",
                    DiagID::JSONComment);
  expectSyntaxError("[1] [2]", 4,
                    "expected end of file after the JSON value, found '['",
                    DiagID::JSONTrailingContent);
  expectSyntaxError("[1}", 2, "expected ',' or ']' after array element");
  expectSyntaxError(R"({"a": 1])", 7,
                    "expected ',' or '}' after object member");
  expectSyntaxError("[,1]", 1, "unexpected ','; expected a value");
  expectSyntaxError("]", 0, "unexpected ']'; expected a value");
  expectSyntaxError("[\xC3\xA9]", 1, "unexpected character U+00E9");
}

TEST(JSONTest, EscapeErrorRanges) {
  Parsed p(R"(["\u12G4"])");
  EXPECT_FALSE(p.doc);
  const Diagnostic &d = p.only();
  EXPECT_EQ(d.message, "invalid \\u escape; expected four hex digits");
  EXPECT_EQ(p.offsets(d.range), std::make_pair(size_t(2), size_t(6)));

  Parsed q(R"(["\q"])");
  EXPECT_EQ(q.offsets(q.only().range), std::make_pair(size_t(2), size_t(4)));
}

TEST(JSONTest, LoneSurrogates) {
  expectSyntaxError(R"(["\ud83d"])", 2, "lone high surrogate '\\ud83d'",
                    DiagID::JSONInvalidEscape);
  expectSyntaxError(R"(["\ud83dx"])", 2, "lone high surrogate",
                    DiagID::JSONInvalidEscape);
  expectSyntaxError(R"(["\ud83d\u0041"])", 2, "lone high surrogate",
                    DiagID::JSONInvalidEscape);
  expectSyntaxError(R"(["\ud83d\ud83d"])", 2, "lone high surrogate",
                    DiagID::JSONInvalidEscape);
  expectSyntaxError(R"(["ab\ude00"])", 4, "lone low surrogate '\\ude00'",
                    DiagID::JSONInvalidEscape);
}

TEST(JSONTest, UnterminatedContainerNote) {
  Parsed p("{\"a\": [1, 2");
  EXPECT_FALSE(p.doc);
  const Diagnostic &d = p.only();
  EXPECT_EQ(d.message,
            "unexpected end of file; expected ',' or ']' after array element");
  EXPECT_EQ(p.offset(d.range.Start), 11u);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "to match this '['");
  EXPECT_EQ(p.offset(d.notes[0].range.Start), 6u);
}

TEST(JSONTest, DuplicateKeys) {
  //          0         1         2
  //          0123456789012345678901234567
  Parsed p(R"({"a": 1, "b": 2, "a": 3})");
  ASSERT_TRUE(p.doc);
  const Diagnostic &d = p.only();
  EXPECT_EQ(d.id, DiagID::JSONDuplicateKey);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message, "duplicate key 'a'; the later value wins");
  EXPECT_EQ(p.offsets(d.range), std::make_pair(size_t(17), size_t(20)));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(p.offsets(d.notes[0].range), std::make_pair(size_t(1), size_t(4)));
  // The later value wins; both members are kept in order.
  const Value &root = p.doc->getRoot();
  EXPECT_EQ(root.get("a")->getAsInteger(), std::optional<int64_t>(3));
  EXPECT_EQ(root.size(), 3u);
  EXPECT_EQ(p.doc->lookup(root, "a")->getAsInteger(),
            std::optional<int64_t>(3));
}

TEST(JSONTest, DuplicateKeysInBigObjects) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  text += "\"k7\": 700, \"k\\u0037\": 7000}"; // k7 three times
  Parsed p(text);
  ASSERT_TRUE(p.doc);
  ASSERT_EQ(p.diags.getDiagnostics().size(), 2u);
  for (const Diagnostic &d : p.diags.getDiagnostics())
    EXPECT_EQ(d.message, "duplicate key 'k7'; the later value wins");
  // The second warning's note points at the previous occurrence.
  const Diagnostic &second = p.diags.getDiagnostics()[1];
  EXPECT_EQ(p.offset(second.notes[0].range.Start),
            p.offset(p.diags.getDiagnostics()[0].range.Start));
  const Value &root = p.doc->getRoot();
  EXPECT_EQ(root.get("k7")->getAsInteger(), std::optional<int64_t>(7000));
  EXPECT_EQ(p.doc->lookup(root, "k7")->getAsInteger(),
            std::optional<int64_t>(7000));
  EXPECT_EQ(p.doc->lookup(root, "k42")->getAsInteger(),
            std::optional<int64_t>(42));
  EXPECT_EQ(p.doc->lookup(root, "nope"), nullptr);
}

TEST(JSONTest, DuplicateKeysCanBeSilenced) {
  ParseOptions options;
  options.reportDuplicateKeys = false;
  Parsed p(R"({"a": 1, "a": 2})", options);
  ASSERT_TRUE(p.doc);
  EXPECT_TRUE(p.diags.getDiagnostics().empty());
}

TEST(JSONTest, DepthLimit) {
  ParseOptions options;
  options.maxDepth = 4;
  Parsed ok("[[{\"a\": []}]]", options);
  EXPECT_TRUE(ok.doc);

  Parsed deep("[[{\"a\": [[]]}]]", options);
  EXPECT_FALSE(deep.doc);
  const Diagnostic &d = deep.only();
  EXPECT_EQ(d.id, DiagID::InputTooDeep);
  EXPECT_EQ(d.message, "nesting deeper than 4 levels; input rejected");
  EXPECT_EQ(deep.offset(d.range.Start), 9u);
}

TEST(JSONTest, DefaultDepthLimitIs512) {
  std::string at512 = std::string(512, '[') + std::string(512, ']');
  EXPECT_TRUE(Parsed(at512).doc);
  std::string at513 = std::string(513, '[') + std::string(513, ']');
  Parsed p(at513);
  EXPECT_FALSE(p.doc);
  EXPECT_EQ(p.only().id, DiagID::InputTooDeep);
  EXPECT_EQ(p.offset(p.only().range.Start), 512u);
}

TEST(JSONTest, VeryDeepNestingDoesNotOverflowTheStack) {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += "{\"a\":[";
  for (int i = 0; i < 100000; ++i)
    text += "]}";
  // Rejected at the limit...
  Parsed rejected(text);
  EXPECT_FALSE(rejected.doc);
  EXPECT_EQ(rejected.only().id, DiagID::InputTooDeep);
  // ...and parsed iteratively when the limit allows it.
  ParseOptions options;
  options.maxDepth = 1000000;
  Parsed accepted(text, options);
  ASSERT_TRUE(accepted.doc);
  EXPECT_EQ(accepted.doc->getNumValues(), 200000u);
  // Unterminated: fails at EOF without recursion either.
  Parsed open(std::string(200000, '['), options);
  EXPECT_FALSE(open.doc);
}

TEST(JSONTest, TextEntryPoint) {
  auto doc = parse(StringRef(R"({"a": [1, 2]})"));
  ASSERT_TRUE(bool(doc));
  EXPECT_EQ((*doc)->getRoot().get("a")->size(), 2u);

  auto bad = parse(StringRef("{\n  \"a\": 1,\n  \"b\" 2\n}"));
  ASSERT_FALSE(bool(bad));
  EXPECT_EQ(toString(bad.takeError()),
            "line 3, column 7: expected ':' after object key, found '2'");

  auto deep = parse(StringRef("[[[]]]"), ParseOptions{2, true});
  ASSERT_FALSE(bool(deep));
  EXPECT_EQ(toString(deep.takeError()),
            "line 1, column 3: nesting deeper than 2 levels; input rejected");
}

/// The example document of RFC 6901, section 5.
constexpr const char *RFC6901Example = R"({
  "foo": ["bar", "baz"],
  "": 0,
  "a/b": 1,
  "c%d": 2,
  "e^f": 3,
  "g|h": 4,
  "i\\j": 5,
  "k\"l": 6,
  " ": 7,
  "m~n": 8
})";

TEST(JSONTest, PointersRFC6901) {
  Parsed p(RFC6901Example);
  ASSERT_TRUE(p.doc);
  const Value &root = p.doc->getRoot();
  auto intAt = [&](StringRef pointer) -> std::optional<int64_t> {
    const Value *v = resolvePointer(root, pointer);
    const Value *w = p.doc->resolvePointer(pointer);
    EXPECT_EQ(v, w) << pointer.str();
    if (!v)
      return std::nullopt;
    return v->getAsInteger();
  };
  EXPECT_EQ(resolvePointer(root, ""), &root);
  EXPECT_EQ(resolvePointer(root, "/foo"), root.get("foo"));
  EXPECT_EQ(resolvePointer(root, "/foo/0")->getString(), "bar");
  EXPECT_EQ(resolvePointer(root, "/foo/1")->getString(), "baz");
  EXPECT_EQ(intAt("/"), 0);
  EXPECT_EQ(intAt("/a~1b"), 1);
  EXPECT_EQ(intAt("/c%d"), 2);
  EXPECT_EQ(intAt("/e^f"), 3);
  EXPECT_EQ(intAt("/g|h"), 4);
  EXPECT_EQ(intAt("/i\\j"), 5);
  EXPECT_EQ(intAt("/k\"l"), 6);
  EXPECT_EQ(intAt("/ "), 7);
  EXPECT_EQ(intAt("/m~0n"), 8);
  // URI fragment form (section 6).
  EXPECT_EQ(resolvePointer(root, "#"), &root);
  EXPECT_EQ(resolvePointer(root, "#/foo"), root.get("foo"));
  EXPECT_EQ(resolvePointer(root, "#/foo/0")->getString(), "bar");
  EXPECT_EQ(intAt("#/"), 0);
  EXPECT_EQ(intAt("#/a~1b"), 1);
  EXPECT_EQ(intAt("#/c%25d"), 2);
  EXPECT_EQ(intAt("#/e%5Ef"), 3);
  EXPECT_EQ(intAt("#/g%7Ch"), 4);
  EXPECT_EQ(intAt("#/i%5Cj"), 5);
  EXPECT_EQ(intAt("#/k%22l"), 6);
  EXPECT_EQ(intAt("#/%20"), 7);
  EXPECT_EQ(intAt("#/m~0n"), 8);
}

TEST(JSONTest, PointersThatResolveToNothing) {
  Parsed p(R"({"a": [10, 20], "b": {"c": null}, "s": "x"})");
  ASSERT_TRUE(p.doc);
  const Value &root = p.doc->getRoot();
  for (StringRef pointer :
       {"a", "/nope", "/a/2", "/a/-", "/a/01", "/a/x", "/a/-1", "/a/", "/s/0",
        "/b/c/d", "/~2", "/a~", "#/%zz", "#/a%2", "#a",
        "/a/99999999999999999999999"})
    EXPECT_EQ(resolvePointer(root, pointer), nullptr) << pointer.str();
  EXPECT_EQ(resolvePointer(root, "/a/1")->getAsInteger(),
            std::optional<int64_t>(20));
  // A null value is found (and is not the same as "nothing").
  const Value *c = resolvePointer(root, "/b/c");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->isNull());
  // Percent-decoding happens before splitting: %2F is a separator.
  EXPECT_EQ(resolvePointer(root, "#%2Fa%2F0")->getAsInteger(),
            std::optional<int64_t>(10));
}

TEST(JSONTest, PointersThroughBigObjects) {
  std::string text = R"({"components": {"schemas": {)";
  for (int i = 0; i < 500; ++i)
    text += (i ? ", " : "") + std::string("\"S") + std::to_string(i) +
            "\": {\"n\": " + std::to_string(i) + "}";
  text += "}}}";
  Parsed p(text);
  ASSERT_TRUE(p.doc);
  for (int i = 0; i < 500; i += 37) {
    std::string pointer = "#/components/schemas/S" + std::to_string(i) + "/n";
    const Value *v = p.doc->resolvePointer(pointer);
    ASSERT_TRUE(v) << pointer;
    EXPECT_EQ(v->getAsInteger(), std::optional<int64_t>(i));
  }
  EXPECT_EQ(p.doc->resolvePointer("#/components/schemas/S500"), nullptr);
}

TEST(JSONTest, EscapePointerToken) {
  EXPECT_EQ(escapePointerToken("a/b~c"), "a~1b~0c");
  EXPECT_EQ(escapePointerToken(""), "");
  Parsed p(RFC6901Example);
  EXPECT_EQ(
      p.doc->resolvePointer("/" + escapePointerToken("a/b"))->getAsInteger(),
      std::optional<int64_t>(1));
}

TEST(JSONTest, KindNames) {
  EXPECT_EQ(getKindName(Kind::Null), "null");
  EXPECT_EQ(getKindName(Kind::Array), "an array");
  EXPECT_EQ(getKindName(Kind::Object), "an object");
  EXPECT_EQ(getKindName(Kind::String), "a string");
}

} // namespace
