//===- YAMLTest.cpp - Tests of the YAML reader ----------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/YAML.h"

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

  explicit Parsed(StringRef input, const ParseOptions &options = {},
                  StringRef name = "test.yaml") {
    unsigned id =
        sourceMgr.addBuffer(MemoryBuffer::getMemBufferCopy(input, name));
    text = sourceMgr.getBuffer(id)->getBufferStart();
    doc = parseYAML(sourceMgr, id, diags, options);
  }

  /// [begin, end) byte offsets of \p range.
  std::pair<size_t, size_t> offsets(SMRange range) const {
    return {size_t(range.Start.getPointer() - text),
            size_t(range.End.getPointer() - text)};
  }
  /// [begin, end) byte offsets of \p spelling, which must occur once.
  std::pair<size_t, size_t> find(StringRef spelling) const {
    StringRef all(text);
    size_t at = all.find(spelling);
    EXPECT_NE(at, StringRef::npos) << spelling.str();
    EXPECT_EQ(all.find(spelling, at + 1), StringRef::npos) << spelling.str();
    return {at, at + spelling.size()};
  }
  const Diagnostic &only() const {
    EXPECT_EQ(diags.getDiagnostics().size(), 1u);
    return diags.getDiagnostics().front();
  }
};

/// The root of \p input, parsed without a SourceMgr.
std::unique_ptr<Document> parseOK(StringRef input) {
  auto doc = parseYAML(input);
  if (!doc) {
    ADD_FAILURE() << input.str() << ": " << toString(doc.takeError());
    return nullptr;
  }
  return std::move(*doc);
}

/// The single scalar \p spelling reads as, in a one-element flow sequence.
struct Scalar {
  std::unique_ptr<Document> doc;
  const Value *value = nullptr;
  explicit Scalar(StringRef spelling) : text("- " + spelling.str() + "\n") {
    doc = parseOK(text);
    if (doc)
      value = doc->getRoot().at(0);
  }
  std::string text;
};

TEST(YAMLTest, IsYAMLPath) {
  EXPECT_TRUE(isYAMLPath("openapi.yaml"));
  EXPECT_TRUE(isYAMLPath("dir/swagger.YML"));
  EXPECT_FALSE(isYAMLPath("openapi.json"));
  EXPECT_FALSE(isYAMLPath("yaml"));
}

TEST(YAMLTest, NullsAndBooleans) {
  for (StringRef spelling : {"null", "Null", "NULL", "~", ""}) {
    Scalar s(spelling);
    ASSERT_TRUE(s.value) << spelling.str();
    EXPECT_TRUE(s.value->isNull()) << spelling.str();
  }
  for (StringRef spelling : {"true", "True", "TRUE"})
    EXPECT_EQ(Scalar(spelling).value->getAsBoolean(), std::optional(true));
  for (StringRef spelling : {"false", "False", "FALSE"})
    EXPECT_EQ(Scalar(spelling).value->getAsBoolean(), std::optional(false));
  // YAML 1.1 booleans and other near misses are strings in 1.2.
  for (StringRef spelling : {"yes", "no", "on", "off", "tRUE", "nul", "NUll"})
    EXPECT_EQ(Scalar(spelling).value->getAsString(), std::optional(spelling))
        << spelling.str();
}

TEST(YAMLTest, Integers) {
  struct Case {
    StringRef spelling;
    StringRef canonical;
    int64_t value;
  } cases[] = {{"0", "0", 0},
               {"42", "42", 42},
               {"-17", "-17", -17},
               {"+12", "12", 12},
               {"007", "7", 7},
               {"-007", "-7", -7},
               {"0o17", "15", 15},
               {"0x1F", "31", 31},
               {"0xff", "255", 255},
               {"0o0", "0", 0},
               {"12345678901234", "12345678901234", 12345678901234}};
  for (const Case &c : cases) {
    Scalar s(c.spelling);
    ASSERT_TRUE(s.value->isNumber()) << c.spelling.str();
    EXPECT_EQ(s.value->getSourceText(), c.spelling);
    EXPECT_EQ(s.value->getNumberText(), c.canonical);
    EXPECT_EQ(s.value->getAsInteger(), std::optional<int64_t>(c.value))
        << c.spelling.str();
  }
  // Past 64 bits: still a number, in decimal.
  Scalar big("0xFFFFFFFFFFFFFFFFFF");
  EXPECT_EQ(big.value->getNumberText(), "4722366482869645213695");
  EXPECT_FALSE(big.value->getAsInteger());
}

TEST(YAMLTest, Floats) {
  struct Case {
    StringRef spelling;
    StringRef canonical;
    double value;
  } cases[] = {{"1.5", "1.5", 1.5},     {".5", "0.5", 0.5},
               {"-.5", "-0.5", -0.5},   {"+1.", "1.0", 1.0},
               {"1e3", "1e3", 1000.0},  {"2.5E-1", "2.5E-1", 0.25},
               {"00.25", "0.25", 0.25}, {"-1.0e+2", "-1.0e+2", -100.0}};
  for (const Case &c : cases) {
    Scalar s(c.spelling);
    ASSERT_TRUE(s.value->isNumber()) << c.spelling.str();
    EXPECT_EQ(s.value->getNumberText(), c.canonical);
    EXPECT_EQ(s.value->getAsNumber(), std::optional<double>(c.value))
        << c.spelling.str();
    EXPECT_FALSE(s.value->getAsInteger()) << c.spelling.str();
  }
  for (StringRef spelling : {".inf", ".Inf", "+.INF"}) {
    Scalar s(spelling);
    ASSERT_TRUE(s.value->isNumber()) << spelling.str();
    EXPECT_EQ(s.value->getNumberText(), "inf");
    EXPECT_EQ(s.value->getAsNumber(), std::optional<double>(INFINITY));
  }
  Scalar negInf("-.inf");
  EXPECT_EQ(negInf.value->getAsNumber(), std::optional<double>(-INFINITY));
  for (StringRef spelling : {".nan", ".NaN", ".NAN"}) {
    Scalar s(spelling);
    ASSERT_TRUE(s.value->isNumber()) << spelling.str();
    std::optional<double> number = s.value->getAsNumber();
    ASSERT_TRUE(number);
    EXPECT_TRUE(std::isnan(*number));
  }
  // Not numbers in the core schema.
  for (StringRef spelling : {"1_000", "0x", "0o8", "0b101", "3.1.0", ".", "+",
                             "1e", "e3", ".inF", "-.nan", "1:30", "0x1G"})
    EXPECT_EQ(Scalar(spelling).value->getAsString(), std::optional(spelling))
        << spelling.str();
}

TEST(YAMLTest, QuotedAndTaggedScalarsAreStrings) {
  auto doc = parseOK("- '12'\n- \"true\"\n- !!str 12\n- ! null\n"
                     "- !!int 12\n- |\n  1\n- \"\"\n");
  ASSERT_TRUE(doc);
  const Value &root = doc->getRoot();
  ASSERT_EQ(root.size(), 7u);
  EXPECT_EQ(root.at(0)->getAsString(), std::optional<StringRef>("12"));
  EXPECT_EQ(root.at(1)->getAsString(), std::optional<StringRef>("true"));
  EXPECT_EQ(root.at(2)->getAsString(), std::optional<StringRef>("12"));
  EXPECT_EQ(root.at(3)->getAsString(), std::optional<StringRef>("null"));
  EXPECT_EQ(root.at(4)->getAsInteger(), std::optional<int64_t>(12));
  EXPECT_EQ(root.at(5)->getAsString(), std::optional<StringRef>("1\n"));
  EXPECT_EQ(root.at(6)->getAsString(), std::optional<StringRef>(""));
}

TEST(YAMLTest, KeysAreStrings) {
  auto doc = parseOK("200: ok\n~: tilde\ntrue: yes\n'q': 1\n");
  ASSERT_TRUE(doc);
  const Value &root = doc->getRoot();
  ASSERT_TRUE(root.isObject());
  ASSERT_EQ(root.size(), 4u);
  EXPECT_EQ(root.getMembers()[0].getKey(), "200");
  EXPECT_EQ(root.getMembers()[1].getKey(), "~");
  EXPECT_EQ(root.getMembers()[2].getKey(), "true");
  EXPECT_EQ(root.getMembers()[3].getKey(), "q");
  EXPECT_EQ(root.get("200")->getAsString(), std::optional<StringRef>("ok"));
  EXPECT_TRUE(doc->resolvePointer("#/200"));
}

TEST(YAMLTest, RangesAreBytes) {
  // Two-, three- and four-byte characters before and inside the spans.
  Parsed p("caf\xC3\xA9: \"na\xC3\xAFve\"\n"
           "\xE2\x82\xAC\xF0\x9F\x98\x80: [x, \xF0\x9F\x98\x80y]\n"
           "block: |\n  l\xC3\xA9\n\n  two\n\n"
           "map:\n  k: v\n  k2: w # c\n");
  ASSERT_TRUE(p.doc);
  EXPECT_TRUE(p.diags.getDiagnostics().empty());
  const Value &root = p.doc->getRoot();
  ArrayRef<Member> members = root.getMembers();
  ASSERT_EQ(members.size(), 4u);
  EXPECT_EQ(p.offsets(members[0].getKeyRange()), p.find("caf\xC3\xA9"));
  EXPECT_EQ(members[0].getKey(), "caf\xC3\xA9");
  EXPECT_EQ(p.offsets(members[0].getValue().getRange()),
            p.find("\"na\xC3\xAFve\""));
  EXPECT_EQ(members[0].getValue().getString(), "na\xC3\xAFve");
  EXPECT_EQ(p.offsets(members[1].getKeyRange()),
            p.find("\xE2\x82\xAC\xF0\x9F\x98\x80"));
  const Value &flow = members[1].getValue();
  EXPECT_EQ(p.offsets(flow.getRange()), p.find("[x, \xF0\x9F\x98\x80y]"));
  EXPECT_EQ(p.offsets(flow.at(1)->getRange()), p.find("\xF0\x9F\x98\x80y"));
  // A block scalar: from the indicator to its last non-blank character.
  const Value &block = members[2].getValue();
  EXPECT_EQ(block.getString(), "l\xC3\xA9\n\ntwo\n");
  EXPECT_EQ(p.offsets(block.getRange()),
            std::make_pair(p.find("|").first, p.find("two").second));
  // A block mapping: from its first key to the end of its last value.
  const Value &map = members[3].getValue();
  EXPECT_EQ(p.offsets(map.getRange()),
            std::make_pair(p.find("k: v").first, p.find("k2: w").second));
  // The root ends with its last value.
  EXPECT_EQ(p.offsets(root.getRange()),
            std::make_pair(size_t(0), p.find("k2: w").second));
}

TEST(YAMLTest, ByteOrderMarkAndCRLF) {
  Parsed p("\xEF\xBB\xBFk\xC3\xA9: 1\r\nb:\r\n  - \"x\"\r\n");
  ASSERT_TRUE(p.doc);
  EXPECT_TRUE(p.diags.getDiagnostics().empty());
  ArrayRef<Member> members = p.doc->getRoot().getMembers();
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(p.offsets(members[0].getKeyRange()),
            std::make_pair(size_t(3), size_t(6)));
  EXPECT_EQ(p.offsets(members[1].getValue().at(0)->getRange()),
            p.find("\"x\""));
  EXPECT_EQ(p.offsets(members[1].getValue().getRange()), p.find("- \"x\""));
}

TEST(YAMLTest, AnchorsAndAliases) {
  Parsed p("base: &base !!map\n  type: object\nuse: *base\n"
           "list: &l [1, &two 2]\nagain: [*l, *two]\n");
  ASSERT_TRUE(p.doc);
  EXPECT_TRUE(p.diags.getDiagnostics().empty());
  const Value &root = p.doc->getRoot();
  const Value *base = root.get("base");
  const Value *use = root.get("use");
  ASSERT_TRUE(base && use);
  // Properties are not part of the range; the alias is the anchored node.
  EXPECT_EQ(p.offsets(base->getRange()), p.find("type: object"));
  EXPECT_EQ(p.offsets(use->getRange()), p.find("type: object"));
  EXPECT_EQ(use->get("type")->getString(), "object");
  // A member whose value was spelled before its key (at the anchor) has the
  // key's range, never an inverted one.
  const Member *useMember = root.findMember("use");
  EXPECT_EQ(p.offsets(useMember->getRange()), p.find("use"));
  EXPECT_EQ(
      p.offsets(root.findMember("base")->getRange()),
      std::make_pair(p.find("base:").first, p.find("type: object").second));
  const Value *again = root.get("again");
  ASSERT_EQ(again->size(), 2u);
  EXPECT_EQ(p.offsets(again->at(0)->getRange()), p.find("[1, &two 2]"));
  EXPECT_EQ(again->at(1)->getAsInteger(), std::optional<int64_t>(2));
  EXPECT_EQ(p.offsets(again->getRange()), p.find("[*l, *two]"));
  // 1 + base 2 + use 2 + list 3 + again 1 + (list 3) + (two 1).
  EXPECT_EQ(p.doc->getNumValues(), 13u);
}

TEST(YAMLTest, AliasBombIsBounded) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i)
      text += std::string(i ? ", *" : "*") + char(c - 1);
    text += "]\n";
  }
  Parsed p(text);
  EXPECT_FALSE(p.doc);
  const Diagnostic &d = p.only();
  EXPECT_EQ(d.id, DiagID::YAMLAliasLimit);
  // Each *a adds 11 values, each *b 111, ...: the aliases of lines b-e add
  // 133,440, and each *e 111,111, so the eighth *e on line f passes a
  // million.
  EXPECT_EQ(p.offsets(d.range).first, p.find("f: &f [").second + 7 * 4);

  ParseOptions small;
  small.maxAliasValues = 5;
  Parsed q("a: &a [1, 2]\nb: [*a, *a]\nc: *a\n", small);
  EXPECT_FALSE(q.doc);
  EXPECT_EQ(q.only().id, DiagID::YAMLAliasLimit);
  size_t second = q.find("*a]").first;
  EXPECT_EQ(q.offsets(q.only().range), std::make_pair(second, second + 2));
}

TEST(YAMLTest, RecursiveAndUnknownAliases) {
  auto recursive = parseYAML("a: &a [1, *a]\n");
  ASSERT_FALSE(recursive);
  EXPECT_EQ(toString(recursive.takeError()),
            "line 1, column 11: alias '*a' refers to a collection that "
            "contains it; recursive structures cannot be read");
  auto unknown = parseYAML("a: 1\nb: *nope\n");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(toString(unknown.takeError()),
            "line 2, column 4: alias '*nope' names no anchor");
  // A redefined anchor: the latest definition wins.
  auto doc = parseOK("a: &x 1\nb: &x 2\nc: *x\n");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->getRoot().get("c")->getAsInteger(), std::optional<int64_t>(2));
}

TEST(YAMLTest, Depth) {
  ParseOptions options;
  options.maxDepth = 3;
  EXPECT_TRUE(parseOK("[[[1]]]"));
  Parsed flow("[[[[1]]]]", options);
  EXPECT_FALSE(flow.doc);
  EXPECT_EQ(flow.only().id, DiagID::InputTooDeep);
  EXPECT_EQ(flow.offsets(flow.only().range),
            std::make_pair(size_t(3), size_t(4)));
  Parsed block("- - - - x\n", options);
  EXPECT_FALSE(block.doc);
  EXPECT_EQ(block.only().id, DiagID::InputTooDeep);
  EXPECT_EQ(block.offsets(block.only().range),
            std::make_pair(size_t(6), size_t(7)));
  // An alias counts with the depth of what it stands for.
  Parsed alias("a: &a [[1]]\nb: [*a]\n", options);
  EXPECT_FALSE(alias.doc);
  EXPECT_EQ(alias.only().id, DiagID::InputTooDeep);
  EXPECT_EQ(alias.offsets(alias.only().range), alias.find("*a"));
  // The default limit, far past it: no stack overflow.
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  Parsed huge(deep);
  EXPECT_FALSE(huge.doc);
  EXPECT_EQ(huge.only().id, DiagID::InputTooDeep);
}

TEST(YAMLTest, SyntaxErrors) {
  Parsed p("a: 1\nb: \"caf\xC3\xA9\n");
  EXPECT_FALSE(p.doc);
  const Diagnostic &d = p.only();
  EXPECT_EQ(d.id, DiagID::YAMLUnexpectedEnd); // The quoted scalar never ends.
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_NE(d.message.find("while scanning a quoted scalar"), std::string::npos)
      << d.message;
  // Each kind of error has its ID; an unexpected token is YM001.
  for (auto [input, id] : {
           std::pair{"a: b: c\n", DiagID::YAMLSyntax},
           std::pair{"a: \"\\q\"\n", DiagID::YAMLInvalidEscape},
           std::pair{"a:\n\tb: 1\n", DiagID::YAMLTabIndentation},
           std::pair{"a: `b`\n", DiagID::YAMLInvalidCharacter},
           std::pair{"a: \"\x01\"\n", DiagID::YAMLInvalidCharacter},
           std::pair{"a: !x!y b\n", DiagID::YAMLInvalidDirective},
           std::pair{"a: [1, 2\n", DiagID::YAMLUnexpectedEnd},
           std::pair{"# only a comment\n", DiagID::YAMLUnexpectedEnd},
           std::pair{"a: *nothing\n", DiagID::YAMLUndefinedAlias},
           std::pair{"a: &x [*x]\n", DiagID::YAMLRecursiveAlias},
       }) {
    Parsed kind(input);
    EXPECT_FALSE(kind.doc) << input;
    EXPECT_EQ(kind.only().id, id)
        << input << ": " << kind.only().getInfo().code.str() << " "
        << kind.only().message;
  }
  auto err = parseYAML("a: b: c\n");
  ASSERT_FALSE(err);
  EXPECT_EQ(toString(err.takeError()),
            "line 1, column 5: mapping values are not allowed in this "
            "context");
  // A byte offset past a multi-byte character.
  auto utf8 = parseYAML("\xC3\xA9\xC3\xA9: b: c\n");
  ASSERT_FALSE(utf8);
  EXPECT_EQ(toString(utf8.takeError()),
            "line 1, column 8: mapping values are not allowed in this "
            "context");
  auto empty = parseYAML("# nothing\n");
  ASSERT_FALSE(empty);
  EXPECT_EQ(toString(empty.takeError()),
            "line 2, column 1: expected a YAML document; the stream is empty");
}

TEST(YAMLTest, NonScalarKey) {
  Parsed p("? [a, b]\n: 1\n");
  EXPECT_FALSE(p.doc);
  EXPECT_EQ(p.only().id, DiagID::YAMLNonScalarKey);
  EXPECT_EQ(p.offsets(p.only().range), p.find("[a, b]"));
  EXPECT_EQ(p.only().message,
            "mapping keys must be scalars; this key is a sequence");
}

TEST(YAMLTest, Warnings) {
  Parsed p("a: !local 1\na: 2\n---\nb: 3\n");
  ASSERT_TRUE(p.doc);
  EXPECT_EQ(p.doc->getRoot().get("a")->getAsInteger(),
            std::optional<int64_t>(2));
  EXPECT_FALSE(p.doc->getRoot().get("b"));
  ASSERT_EQ(p.diags.getDiagnostics().size(), 3u);
  const Diagnostic &tag = p.diags.getDiagnostics()[0];
  EXPECT_EQ(tag.id, DiagID::YAMLUnknownTag);
  EXPECT_EQ(p.offsets(tag.range), p.find("!local"));
  const Diagnostic &dup = p.diags.getDiagnostics()[1];
  EXPECT_EQ(dup.id, DiagID::JSONDuplicateKey);
  size_t second = p.find("a: 2").first;
  EXPECT_EQ(p.offsets(dup.range), std::make_pair(second, second + 1));
  const Diagnostic &multi = p.diags.getDiagnostics()[2];
  EXPECT_EQ(multi.id, DiagID::YAMLMultipleDocuments);
  EXPECT_EQ(p.offsets(multi.range), p.find("---"));
}

TEST(YAMLTest, JSONParseReadsYAMLBuffers) {
  SourceManager sourceMgr;
  DiagnosticEngine diags(sourceMgr);
  unsigned id = sourceMgr.addBuffer(
      MemoryBuffer::getMemBufferCopy("openapi: 3.1.0\n", "api/openapi.yml"));
  std::unique_ptr<Document> doc = json::parse(sourceMgr, id, diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->getRoot().get("openapi")->getAsString(),
            std::optional<StringRef>("3.1.0"));
}

} // namespace
