//===- StatisticsTest.cpp - Tests of abv-score's statistics ---------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The bootstrap interval (deterministic for a seed, covering the true mean
/// at about its nominal rate on simulated samples, degenerate samples),
/// Spearman's rank correlation (against hand-computed values, ties), the
/// batch analysis (ranks, paired comparisons over the projects both models
/// ran, spread, profiles) and the scoring of diagnostics by the rubric.
///
//===----------------------------------------------------------------------===//

#include "abv/Score/Statistics.h"
#include "abv/Score/Report.h"

#include "gtest/gtest.h"

#include <cmath>
#include <random>

using namespace abv::score;

namespace {

TEST(BootstrapTest, DeterministicForASeed) {
  std::vector<double> values{10, 40, 55, 80, 90};
  Interval a = bootstrapMean(values, 7), b = bootstrapMean(values, 7);
  EXPECT_EQ(a.low, b.low);
  EXPECT_EQ(a.high, b.high);
  EXPECT_DOUBLE_EQ(a.mean, 55);
  EXPECT_LT(a.low, a.mean);
  EXPECT_GT(a.high, a.mean);
  // Another seed gives another, close interval.
  Interval c = bootstrapMean(values, 8);
  EXPECT_NEAR(c.low, a.low, 5);
  EXPECT_NEAR(c.high, a.high, 5);
}

TEST(BootstrapTest, DegenerateSamples) {
  Interval none = bootstrapMean({}, 1);
  EXPECT_EQ(none.n, 0u);
  Interval one = bootstrapMean({42}, 1);
  EXPECT_EQ(one.n, 1u);
  EXPECT_EQ(one.low, 42);
  EXPECT_EQ(one.high, 42);
  Interval same = bootstrapMean({3, 3, 3, 3}, 1);
  EXPECT_EQ(same.low, 3);
  EXPECT_EQ(same.high, 3);
  EXPECT_FALSE(same.spansZero());
  EXPECT_TRUE(bootstrapMean({-1, 1, -2, 2}, 1).spansZero());
}

TEST(BootstrapTest, CoverageOnSimulatedSamples) {
  // Samples of 20 from a normal distribution of mean 50: the 95% interval
  // should contain 50 in roughly 95% of 400 trials (the percentile
  // bootstrap undercovers a little on small samples).
  std::mt19937_64 rng(12345);
  std::normal_distribution<double> normal(50, 10);
  unsigned covered = 0, trials = 400;
  for (unsigned t = 0; t < trials; ++t) {
    std::vector<double> sample(20);
    for (double &v : sample)
      v = normal(rng);
    Interval i = bootstrapMean(sample, t, 1000);
    covered += i.low <= 50 && 50 <= i.high;
  }
  double rate = double(covered) / trials;
  EXPECT_GT(rate, 0.88);
  EXPECT_LT(rate, 0.99);
}

TEST(BootstrapTest, WidthShrinksWithTheSample) {
  std::mt19937_64 rng(99);
  std::normal_distribution<double> normal(0, 1);
  std::vector<double> small(4), large(64);
  for (double &v : small)
    v = normal(rng);
  for (double &v : large)
    v = normal(rng);
  EXPECT_GT(bootstrapMean(small, 1).width(), bootstrapMean(large, 1).width());
}

TEST(SpearmanTest, KnownValues) {
  EXPECT_DOUBLE_EQ(*spearman({1, 2, 3, 4}, {10, 20, 30, 40}), 1);
  EXPECT_DOUBLE_EQ(*spearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1);
  // d = (0, 1, -1, 0, 0): rho = 1 - 6 * 2 / (5 * 24) = 0.9.
  EXPECT_NEAR(*spearman({1, 2, 3, 4, 5}, {1, 3, 2, 4, 5}), 0.9, 1e-12);
  // Ties take their average rank: ranks (1.5, 1.5, 3) against (1, 2, 3).
  EXPECT_NEAR(*spearman({5, 5, 9}, {1, 2, 3}), 0.8660254037844386, 1e-12);
  EXPECT_FALSE(spearman({1, 2}, {2, 1}));
  EXPECT_FALSE(spearman({1, 1, 1}, {1, 2, 3}));
}

TEST(StandardDeviationTest, Values) {
  EXPECT_EQ(standardDeviation({5}), 0);
  EXPECT_NEAR(standardDeviation({2, 4, 4, 4, 5, 5, 7, 9}), 2.138089935, 1e-9);
}

RunScore makeRun(const std::string &model, const std::string &project,
                 double total) {
  RunScore run;
  run.model = model;
  run.project = project;
  run.total = total;
  run.sizes = {{"tables", 10}, {"operations", 20}};
  run.families = {{"db-design", 2}, {"api-autobe", 4}};
  return run;
}

TEST(AnalysisTest, RanksPairsAndSpread) {
  Batch batch;
  for (const char *project : {"todo", "bbs", "reddit", "shopping"}) {
    batch.runs.push_back(makeRun("v/strong", project, 80));
    batch.runs.push_back(makeRun("v/weak", project, 30));
  }
  batch.runs.back().total = 35;
  // A third model ran only one project.
  batch.runs.push_back(makeRun("v/once", "todo", 79));
  batch.sort();
  Analysis analysis = analyze(batch);
  ASSERT_EQ(analysis.models.size(), 3u);
  EXPECT_EQ(analysis.models[0].model, "v/strong");
  EXPECT_EQ(analysis.models[0].rank, 1u);
  EXPECT_EQ(analysis.models[2].model, "v/weak");
  // The profile: 2 db-design findings per 10 tables in each run, 4
  // api-autobe per 20 operations.
  EXPECT_DOUBLE_EQ(analysis.models[0].profile.at("db-design"), 20);
  EXPECT_DOUBLE_EQ(analysis.models[0].profile.at("api-autobe"), 20);
  // strong - weak over 4 projects: 50, 50, 50, 45 -> clearly above 0.
  const PairComparison *strongWeak = nullptr, *strongOnce = nullptr;
  for (const PairComparison &pair : analysis.pairs) {
    if (pair.a == "v/strong" && pair.b == "v/weak")
      strongWeak = &pair;
    if (pair.a == "v/strong" && pair.b == "v/once")
      strongOnce = &pair;
  }
  ASSERT_TRUE(strongWeak && strongOnce);
  EXPECT_EQ(strongWeak->difference.n, 4u);
  EXPECT_NEAR(strongWeak->difference.mean, 48.75, 1e-9);
  EXPECT_FALSE(strongWeak->difference.spansZero());
  // One shared project: a difference, but nothing to say it is real.
  EXPECT_EQ(strongOnce->difference.n, 1u);
  EXPECT_DOUBLE_EQ(strongOnce->difference.mean, 1);
  // Spread: todo has three runs (80, 30, 79).
  for (const ProjectSpread &spread : analysis.spreads)
    if (spread.project == "todo") {
      EXPECT_EQ(spread.n, 3u);
      EXPECT_DOUBLE_EQ(spread.min, 30);
      EXPECT_DOUBLE_EQ(spread.max, 80);
    }
}

TEST(AnalysisTest, NoisyModelsAreNotDistinguishable) {
  Batch batch;
  double a[] = {90, 20, 70, 40}, b[] = {30, 85, 45, 65};
  const char *projects[] = {"p1", "p2", "p3", "p4"};
  for (unsigned i = 0; i < 4; ++i) {
    batch.runs.push_back(makeRun("x/a", projects[i], a[i]));
    batch.runs.push_back(makeRun("x/b", projects[i], b[i]));
  }
  batch.sort();
  Analysis analysis = analyze(batch);
  ASSERT_EQ(analysis.pairs.size(), 1u);
  EXPECT_TRUE(analysis.pairs[0].difference.spansZero());
}

TEST(PublishedTest, RankCorrelationAndDisagreements) {
  Batch batch;
  batch.runs.push_back(makeRun("v/m1", "todo", 90));
  batch.runs.push_back(makeRun("v/m2", "todo", 70));
  batch.runs.push_back(makeRun("v/m3", "todo", 50));
  batch.runs.push_back(makeRun("v/m4", "todo", 10));
  std::vector<PublishedScore> published{{"m1", "todo", 95},
                                        {"m2", "todo", 60},
                                        {"m3", "todo", 80},
                                        {"m4", "todo", 5},
                                        {"m5", "todo", 50}};
  PublishedComparison comparison = comparePublished(batch, published);
  ASSERT_EQ(comparison.rows.size(), 4u);
  // Ranks ABV (1, 2, 3, 4), published (1, 3, 2, 4): rho = 0.8.
  ASSERT_TRUE(comparison.spearman);
  EXPECT_NEAR(*comparison.spearman, 0.8, 1e-12);
  // The largest disagreements first: m2 and m3 swap places.
  EXPECT_EQ(comparison.rows[0].model, "v/m2");
  EXPECT_EQ(comparison.rows[1].model, "v/m3");
}

} // namespace
