//===- ClosestMatchTest.cpp - Tests of the "did you mean" matcher ---------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The banded edit distance must agree with the full one (LLVM's) wherever
/// the distance is within the band, and say "too far" elsewhere; the
/// matcher must stay cheap on names of any length.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/ClosestMatch.h"

#include "gtest/gtest.h"

#include <chrono>
#include <random>
#include <string>

using namespace abv;
using namespace llvm;

namespace {

TEST(ClosestMatchTest, BandedDistanceAgreesWithFullDistance) {
  std::mt19937 random(42);
  auto word = [&](size_t length) {
    std::string text;
    for (size_t i = 0; i != length; ++i)
      text += char('a' + random() % 3); // Few letters: many near matches.
    return text;
  };
  for (int trial = 0; trial != 20000; ++trial) {
    std::string a = word(random() % 12), b = word(random() % 12);
    unsigned full = StringRef(a).edit_distance(b, /*AllowReplacements=*/true);
    for (unsigned limit = 0; limit != 6; ++limit) {
      unsigned banded = boundedEditDistance(a, b, limit);
      if (full <= limit)
        ASSERT_EQ(banded, full) << a << " / " << b << " limit " << limit;
      else
        ASSERT_EQ(banded, limit + 1) << a << " / " << b << " limit " << limit;
    }
  }
}

TEST(ClosestMatchTest, Suggestions) {
  ClosestMatch match("Strng");
  for (StringRef candidate : {"Int", "String", "Boolean", "Stringy"})
    match.consider(candidate);
  EXPECT_EQ(match.get(), "String");

  ClosestMatch caseOnly("userid");
  caseOnly.consider("user_id");
  caseOnly.consider("userId");
  EXPECT_EQ(caseOnly.get(), "userId");

  ClosestMatch none("abc");
  none.consider("xyz");
  EXPECT_EQ(none.get(), "");
}

TEST(ClosestMatchTest, LongNamesAreCheap) {
  // 200 KB names one edit apart: no suggestion (past MaxNameLength), and
  // no quadratic work either way.
  std::string a(200000, 'a'), b = a;
  b.back() = 'b';
  auto start = std::chrono::steady_clock::now();
  ClosestMatch match(a);
  for (int i = 0; i != 100; ++i)
    match.consider(b);
  EXPECT_EQ(match.get(), "");
  EXPECT_EQ(boundedEditDistance(a, b, 3), 1u);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_LT(seconds, 1.0);
}

} // namespace
