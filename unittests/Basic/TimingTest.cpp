//===- TimingTest.cpp - Tests of the --time-passes timers -----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/Timing.h"

#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <chrono>

using namespace abv;
using namespace llvm;

namespace {

/// Keeps the processor busy for at least \p ms milliseconds of wall time.
void spin(int ms) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  volatile unsigned sink = 0;
  while (std::chrono::steady_clock::now() < until)
    sink = sink + 1;
}

double getWall(const Timer *timer) {
  return timer ? timer->getTotalTime().getWallTime() : -1;
}

TEST(Timing, NullTimingTimesNothing) {
  TimingRegion region(nullptr, TimingKind::Pass, "nothing");
  SUCCEED();
}

TEST(Timing, InnerRegionsPauseOuterOnes) {
  Timing timing;
  {
    TimingRegion outer(&timing, TimingKind::Pass, "outer");
    TimingRegion inner(&timing, TimingKind::Analysis, "inner");
    spin(60);
  }
  const Timer *outer = timing.lookup(TimingKind::Pass, "outer");
  const Timer *inner = timing.lookup(TimingKind::Analysis, "inner");
  ASSERT_NE(outer, nullptr);
  ASSERT_NE(inner, nullptr);
  EXPECT_FALSE(outer->isRunning());
  EXPECT_FALSE(inner->isRunning());
  // The spin is charged to the inner region only.
  EXPECT_GE(getWall(inner), 0.05);
  EXPECT_LT(getWall(outer), getWall(inner) / 2);
  EXPECT_EQ(timing.lookup(TimingKind::Pass, "inner"), nullptr);
}

TEST(Timing, OuterRegionResumesAfterInnerOne) {
  Timing timing;
  {
    TimingRegion outer(&timing, TimingKind::Frontend, "outer");
    { TimingRegion inner(&timing, TimingKind::Analysis, "inner"); }
    spin(60);
  }
  EXPECT_GE(getWall(timing.lookup(TimingKind::Frontend, "outer")), 0.05);
  EXPECT_LT(getWall(timing.lookup(TimingKind::Analysis, "inner")), 0.05);
}

TEST(Timing, RegionNestedInItselfIsTimedOnce) {
  Timing timing;
  {
    TimingRegion outer(&timing, TimingKind::Analysis, "same");
    TimingRegion again(&timing, TimingKind::Analysis, "same");
    spin(20);
  }
  const Timer *same = timing.lookup(TimingKind::Analysis, "same");
  ASSERT_NE(same, nullptr);
  EXPECT_FALSE(same->isRunning());
  EXPECT_GE(getWall(same), 0.015);
}

TEST(Timing, PrintsRowsByKindAndResets) {
  Timing timing;
  {
    TimingRegion pass(&timing, TimingKind::Pass, "db-names");
    TimingRegion analysis(&timing, TimingKind::Analysis, "Binding");
  }
  { TimingRegion output(&timing, TimingKind::Output, "diagnostics"); }
  std::string text;
  raw_string_ostream os(text);
  timing.print(os);
  EXPECT_NE(text.find("ABV execution timing report"), std::string::npos);
  EXPECT_NE(text.find("pass: db-names"), std::string::npos);
  EXPECT_NE(text.find("analysis: Binding"), std::string::npos);
  EXPECT_NE(text.find("output: diagnostics"), std::string::npos);
  // Printed once: the timers are reset.
  std::string again;
  raw_string_ostream os2(again);
  timing.print(os2);
  EXPECT_EQ(again.find("pass: db-names"), std::string::npos);
}

} // namespace
