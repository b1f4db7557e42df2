//===- EmbeddedSourcesTest.cpp - Code read out of JSON strings ------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/EmbeddedSources.h"

#include "gtest/gtest.h"

using namespace abv;
using namespace llvm;

namespace {

/// The raw offset in \p literal of decoded offset \p offset.
size_t at(StringRef literal, size_t offset) {
  return size_t(EmbeddedSources::locateInLiteral(literal, offset) -
                literal.begin());
}

TEST(EmbeddedSourcesTest, PlainText) {
  StringRef literal = "\"abc\"";
  EXPECT_EQ(at(literal, 0), 1u);
  EXPECT_EQ(at(literal, 2), 3u);
  // At or past the end: the closing quote.
  EXPECT_EQ(at(literal, 3), 4u);
  EXPECT_EQ(at(literal, 100), 4u);
}

TEST(EmbeddedSourcesTest, Escapes) {
  // a \n b \" c: decoded "a\nb\"c".
  StringRef literal = R"("a\nb\"c")";
  EXPECT_EQ(at(literal, 0), 1u); // a
  EXPECT_EQ(at(literal, 1), 2u); // \n
  EXPECT_EQ(at(literal, 2), 4u); // b
  EXPECT_EQ(at(literal, 3), 5u); // \"
  EXPECT_EQ(at(literal, 4), 7u); // c
}

TEST(EmbeddedSourcesTest, UnicodeEscapes) {
  // \u00e9 decodes to two bytes, \u20ac to three, a surrogate pair to four.
  StringRef literal = R"("\u00e9x\u20acy\ud83d\ude00z")";
  EXPECT_EQ(at(literal, 0), 1u);  // first byte of é
  EXPECT_EQ(at(literal, 1), 1u);  // second byte of é: the same escape
  EXPECT_EQ(at(literal, 2), 7u);  // x
  EXPECT_EQ(at(literal, 3), 8u);  // €
  EXPECT_EQ(at(literal, 6), 14u); // y
  EXPECT_EQ(at(literal, 7), 15u); // the pair
  EXPECT_EQ(at(literal, 10), 15u);
  EXPECT_EQ(at(literal, 11), 27u); // z
}

TEST(EmbeddedSourcesTest, RawUTF8AndBadEscapes) {
  // Raw UTF-8 counts byte for byte; a malformed \u escape as two bytes.
  StringRef literal = "\"\xc3\xa9\\uZZ\"";
  EXPECT_EQ(at(literal, 1), 2u);
  EXPECT_EQ(at(literal, 2), 3u);
}

TEST(EmbeddedSourcesTest, Lookup) {
  std::string json = R"({"content": "x\ny"})";
  StringRef literal = StringRef(json).slice(12, json.size() - 1);
  std::string code = "x\ny";
  EmbeddedSources sources;
  sources.add(code, literal, "the content");
  StringRef description;
  SMLoc loc =
      sources.lookup(SMLoc::getFromPointer(code.data() + 2), &description);
  ASSERT_TRUE(loc.isValid());
  EXPECT_EQ(loc.getPointer() - json.data(), 16);
  EXPECT_EQ(description, "the content");
  // The end of the code is a position too (a missing '}' at the end).
  EXPECT_TRUE(sources.lookup(SMLoc::getFromPointer(code.data() + 3), nullptr)
                  .isValid());
}

} // namespace
