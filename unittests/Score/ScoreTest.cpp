//===- ScoreTest.cpp - Tests of the rubric and of points ------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The default rubric parses; points follow the formula of docs/Rubric.md;
/// the deductions of a category add up to what it lost; a forfeit costs the
/// whole weight; the gate caps the total and its deductions add up to what
/// the cap took; fidelity comes from the F1 figures; without a reference the
/// other weights are scaled to 100.
///
//===----------------------------------------------------------------------===//

#include "abv/Score/Score.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Score/Rubric.h"

#include "gtest/gtest.h"

using namespace abv;
using namespace abv::score;

namespace {

Rubric defaultRubric() {
  SourceManager sources;
  DiagnosticEngine diags(sources);
  std::optional<Rubric> rubric = loadRubric("", sources, diags);
  EXPECT_TRUE(rubric);
  EXPECT_TRUE(diags.getDiagnostics().empty());
  return *rubric;
}

Diagnostic make(DiagID id, Severity severity) {
  Diagnostic diag;
  diag.id = id;
  diag.severity = severity;
  return diag;
}

double sum(const std::vector<Deduction> &deductions) {
  double total = 0;
  for (const Deduction &d : deductions)
    total += d.points;
  return total;
}

/// A db-design warning.
DiagID dbFinding() { return lookupDiag("DB061")->id; }

TEST(ScoreTest, DefaultRubric) {
  Rubric rubric = defaultRubric();
  EXPECT_EQ(rubric.name, "abv-default");
  EXPECT_DOUBLE_EQ(rubric.getTotalWeight(), 100);
  EXPECT_DOUBLE_EQ(rubric.getCost(dbFinding(), Severity::Warning), 0.35);
  // The rule for LNK008 overrides its severity's cost.
  EXPECT_DOUBLE_EQ(rubric.getCost(lookupDiag("LNK008")->id, Severity::Remark),
                   0.05);
}

TEST(ScoreTest, PointsAndDeductions) {
  Rubric rubric = defaultRubric();
  SourceManager sources;
  std::vector<Diagnostic> storage{
      make(dbFinding(), Severity::Warning),
      make(dbFinding(), Severity::Warning),
      make(DiagID::ScoreNoProviders, Severity::Error)};
  std::vector<const Diagnostic *> diags;
  for (const Diagnostic &d : storage)
    diags.push_back(&d);
  std::map<std::string, unsigned> sizes{
      {"tables", 2}, {"operations", 4}, {"providers", 0}, {"tests", 3}};
  FidelityFigures fidelity;
  fidelity.f1 = {{"entities", 1.0}, {"columns", 0.5}, {"endpoints", 1.0}};
  RunScore run = computeScore(rubric, diags, sources, sizes, &fidelity, "", {});
  const CategoryScore *db = run.getCategory("db");
  ASSERT_TRUE(db);
  // 25 / (1 + 0.7 / (0.5 * 2)) = 14.705...
  EXPECT_NEAR(db->points, 25 / (1 + 0.7 / 1.0), 1e-9);
  ASSERT_EQ(db->deductions.size(), 1u);
  EXPECT_EQ(db->deductions[0].id, "DB061");
  EXPECT_EQ(db->deductions[0].count, 2u);
  EXPECT_NEAR(sum(db->deductions), db->weight - db->points, 1e-9);
  const CategoryScore *logic = run.getCategory("logic");
  EXPECT_TRUE(logic->forfeited);
  EXPECT_EQ(logic->points, 0);
  EXPECT_NEAR(sum(logic->deductions), 20, 1e-9);
  EXPECT_EQ(run.getCategory("api")->points, 20);
  // Fidelity: 25 * (0.35 + 0.2 * 0.5 + 0.45) = 22.5, and no diff finding
  // explains the columns' loss: it is listed as F1.
  const CategoryScore *f = run.getCategory("fidelity");
  EXPECT_NEAR(f->points, 22.5, 1e-9);
  EXPECT_NEAR(sum(f->deductions), 2.5, 1e-9);
  EXPECT_TRUE(run.gatePassed);
  double total = 0;
  for (const CategoryScore &c : run.categories)
    total += c.points;
  EXPECT_NEAR(run.total, total, 1e-9);
}

TEST(ScoreTest, GateCapsAndExplains) {
  Rubric rubric = defaultRubric();
  SourceManager sources;
  Diagnostic compile = make(DiagID::ScoreLogicCompileError, Severity::Error);
  std::vector<const Diagnostic *> diags{&compile};
  std::map<std::string, unsigned> sizes{
      {"tables", 4}, {"operations", 8}, {"providers", 8}, {"tests", 8}};
  RunScore run = computeScore(rubric, diags, sources, sizes, nullptr, "", {});
  // No reference: fidelity is not scored, the rest is out of 100.
  EXPECT_FALSE(run.getCategory("fidelity")->scored);
  EXPECT_NEAR(run.getCategory("db")->weight, 25 / 0.75, 1e-9);
  EXPECT_FALSE(run.gatePassed);
  EXPECT_DOUBLE_EQ(run.total, 40);
  EXPECT_GT(run.uncapped, 90);
  ASSERT_EQ(run.gateReasons.size(), 1u);
  EXPECT_EQ(run.gateReasons[0].id, "SC007");
  EXPECT_NEAR(run.gateReasons[0].points, run.uncapped - 40, 1e-9);
}

} // namespace
