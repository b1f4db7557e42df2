//===- SourceFilesTest.cpp - Tests of locations and UTF-8 -----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The SourceManager's lookups must agree everywhere with a naive scan from
/// the start of the buffer: on short and long (minified) lines, across its
/// 4 KiB checkpoints, on multi-byte UTF-8, with "\n", "\r\n" and lone "\r"
/// line ends, in code points and UTF-16 units, at the ends of the buffer,
/// and over many buffers. And the UTF-8 helper's answers.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Basic/Unicode.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <string>

using namespace abv;
using namespace llvm;

namespace {

/// The oracle: line and column of \p offset by scanning \p text from the
/// start, one byte at a time.
LineColumn naive(StringRef text, size_t offset, ColumnUnit unit) {
  unsigned line = 1, column = 1;
  for (size_t i = 0; i != offset; ++i) {
    unsigned char c = text[i];
    if (c == '\n' ||
        (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      column += unit == ColumnUnit::UTF16 && c >= 0xF0 ? 2 : 1;
    }
  }
  return {line, column};
}

std::string mixedText() {
  std::string text = "first line\nsecond é line\r\nthird\rfourth\n";
  // A 20 KB line of mixed one-, two- and four-byte characters crosses
  // several checkpoints; some "\r\n" and "\r" fall on a checkpoint edge.
  for (int i = 0; i != 2000; ++i)
    text += i % 7 == 0    ? "é"
            : i % 11 == 0 ? "😀"
            : i % 97 == 0 ? "\r\n"
            : i % 89 == 0 ? "\r"
                          : "{\"a\":1}";
  text += "\n\nlast";
  return text;
}

TEST(SourceManagerTest, AgreesWithANaiveScan) {
  std::string text = mixedText();
  SourceManager sm;
  unsigned id = sm.addBuffer(MemoryBuffer::getMemBufferCopy(text, "doc.json"));
  const char *start = sm.getBuffer(id)->getBufferStart();
  size_t checked = 0;
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset != text.size() && isUTF8Continuation(text[offset]))
      continue; // Not the start of a character.
    SMLoc loc = SMLoc::getFromPointer(start + offset);
    for (ColumnUnit unit : {ColumnUnit::CodePoint, ColumnUnit::UTF16}) {
      LineColumn expected = naive(text, offset, unit);
      LineColumn got = sm.getLineColumn(loc, unit);
      ASSERT_EQ(got.line, expected.line) << "offset " << offset;
      ASSERT_EQ(got.column, expected.column) << "offset " << offset;
      // And back: line and column give the same location.
      if (offset != text.size() && text[offset] != '\n' && text[offset] != '\r')
        ASSERT_EQ(sm.getLocation(id, got.line, got.column, unit).getPointer(),
                  start + offset)
            << "offset " << offset;
    }
    const char *lineStart = sm.getLineStart(loc);
    ASSERT_TRUE(lineStart == start || lineStart[-1] == '\n' ||
                lineStart[-1] == '\r');
    ASSERT_LE(lineStart, start + offset);
    ++checked;
  }
  EXPECT_GT(checked, 10000u);
  // Spot values: line 2, after the two-byte 'é'.
  LineColumn lc =
      sm.getLineColumn(SMLoc::getFromPointer(start + text.find("line\r", 12)));
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 10u);
  // A lone '\r' ends line 3.
  EXPECT_EQ(
      sm.getLineColumn(SMLoc::getFromPointer(start + text.find("fourth"))).line,
      4u);
}

TEST(SourceManagerTest, InvalidAndForeignLocations) {
  SourceManager sm;
  sm.addBuffer(MemoryBuffer::getMemBufferCopy("x", "a"));
  EXPECT_EQ(sm.getLineColumn(SMLoc()).line, 0u);
  static const char elsewhere[] = "not in the manager";
  EXPECT_EQ(sm.findBuffer(SMLoc::getFromPointer(elsewhere)), 0u);
  EXPECT_EQ(sm.getLineColumn(SMLoc::getFromPointer(elsewhere)).line, 0u);
  EXPECT_EQ(sm.getLineStart(SMLoc::getFromPointer(elsewhere)), elsewhere);
  EXPECT_EQ(sm.getBufferName(SMLoc::getFromPointer(elsewhere)), "");
}

TEST(SourceManagerTest, FindsTheBufferAmongMany) {
  SourceManager sm;
  std::vector<unsigned> ids;
  for (unsigned i = 0; i != 5000; ++i)
    ids.push_back(sm.addBuffer(MemoryBuffer::getMemBufferCopy(
        i % 10 == 0 ? std::string() : "model m" + std::to_string(i) + " {}",
        "f" + std::to_string(i) + ".prisma")));
  for (unsigned id : ids) {
    StringRef text = sm.getBufferText(id);
    // The first byte, the last one and the terminating null.
    for (const char *p :
         {text.begin(), text.end() - (text.empty() ? 0 : 1), text.end()}) {
      ASSERT_EQ(sm.findBuffer(SMLoc::getFromPointer(p)), id);
      ASSERT_EQ(sm.getBufferName(SMLoc::getFromPointer(p)),
                sm.getBufferName(id));
    }
  }
}

TEST(UnicodeTest, Validation) {
  EXPECT_EQ(findInvalidUTF8("plain ascii, long enough for the fast path"),
            std::nullopt);
  EXPECT_EQ(findInvalidUTF8("é 😀 ü"), std::nullopt);
  EXPECT_EQ(findInvalidUTF8("ab\xC3"), 2u);            // Truncated.
  EXPECT_EQ(findInvalidUTF8("ab\xC0\xAF"), 2u);        // Overlong '/'.
  EXPECT_EQ(findInvalidUTF8("a\xED\xA0\x80"), 1u);     // A surrogate.
  EXPECT_EQ(findInvalidUTF8("a\xF4\x90\x80\x80"), 1u); // Past U+10FFFF.
  EXPECT_EQ(findInvalidUTF8("12345678\xFFz"), 8u);     // After a fast chunk.
  EXPECT_EQ(findInvalidUTF8("\x80"), 0u);              // A lone continuation.
}

TEST(UnicodeTest, ColumnsAndTruncation) {
  StringRef text = "aé😀b";
  EXPECT_EQ(countColumns(text, ColumnUnit::CodePoint), 4u);
  EXPECT_EQ(countColumns(text, ColumnUnit::UTF16), 5u);
  EXPECT_EQ(advanceColumns(text, 2, ColumnUnit::CodePoint), 3u);
  EXPECT_EQ(advanceColumns(text, 2, ColumnUnit::UTF16), 3u);
  // Inside a surrogate pair: after the code point.
  EXPECT_EQ(advanceColumns(text, 3, ColumnUnit::UTF16), 7u);
  EXPECT_EQ(advanceColumns(text, 4, ColumnUnit::UTF16), 7u);
  EXPECT_EQ(advanceColumns(text, 99, ColumnUnit::CodePoint), text.size());
  EXPECT_EQ(truncateUTF8(text, 2), "a");
  EXPECT_EQ(truncateUTF8(text, 3), "aé");
  EXPECT_EQ(truncateUTF8(text, 99), text);
  std::string out;
  appendUTF8(0x1F600, out);
  appendUTF8(0xD800, out); // A surrogate becomes U+FFFD.
  EXPECT_EQ(out, "😀\xEF\xBF\xBD");
  unsigned length;
  EXPECT_EQ(decodeUTF8("😀x", length), 0x1F600u);
  EXPECT_EQ(length, 4u);
  EXPECT_EQ(decodeUTF8("\xC0\xAF", length), std::nullopt);
  EXPECT_EQ(length, 1u);
}

} // namespace
