//===- SourceFilesTest.cpp - Tests of locations ---------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// LineColumnCache must agree with getLineColumn everywhere: on short and
/// long (minified) lines, across its 4 KiB checkpoints, on multi-byte
/// UTF-8, at the ends of the buffer.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/SourceFiles.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include "gtest/gtest.h"

#include <string>

using namespace abv;
using namespace llvm;

namespace {

TEST(LineColumnCacheTest, AgreesWithGetLineColumn) {
  std::string text = "first line\nsecond é line\n";
  // A 20 KB line of mixed one-, two- and four-byte characters crosses
  // several checkpoints.
  for (int i = 0; i != 2000; ++i)
    text += i % 7 == 0 ? "é" : i % 11 == 0 ? "😀" : "{\"a\":1}";
  text += "\n\nlast";
  SourceMgr sm;
  unsigned id = sm.AddNewSourceBuffer(
      MemoryBuffer::getMemBufferCopy(text, "doc.json"), SMLoc());
  const char *start = sm.getMemoryBuffer(id)->getBufferStart();
  LineColumnCache cache(sm);
  size_t checked = 0;
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    if ((static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
      continue; // Not the start of a character.
    SMLoc loc = SMLoc::getFromPointer(start + offset);
    LineColumn expected = getLineColumn(sm, loc);
    LineColumn got = cache.get(loc);
    ASSERT_EQ(got.line, expected.line) << "offset " << offset;
    ASSERT_EQ(got.column, expected.column) << "offset " << offset;
    const char *lineStart = cache.getLineStart(loc);
    ASSERT_TRUE(lineStart == start || lineStart[-1] == '\n');
    ASSERT_LE(lineStart, start + offset);
    ++checked;
  }
  EXPECT_GT(checked, 10000u);
  // Spot values: line 2, after the two-byte 'é'.
  LineColumn lc =
      cache.get(SMLoc::getFromPointer(start + text.find("line\n", 12)));
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 10u);
  EXPECT_EQ(cache.get(SMLoc::getFromPointer(start + text.size())).line, 5u);
}

TEST(LineColumnCacheTest, InvalidAndForeignLocations) {
  SourceMgr sm;
  sm.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy("x", "a"), SMLoc());
  LineColumnCache cache(sm);
  EXPECT_EQ(cache.get(SMLoc()).line, 0u);
  static const char elsewhere[] = "not in the manager";
  EXPECT_EQ(cache.get(SMLoc::getFromPointer(elsewhere)).line, 0u);
  EXPECT_EQ(cache.getLineStart(SMLoc::getFromPointer(elsewhere)), elsewhere);
}

} // namespace
