//===- Report.h - Batch results, leaderboards and reports ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A Batch is the scored runs of one or several abv-score invocations
/// (shards merge by concatenating their runs; the order is by model, then
/// project, so the output never depends on how the work was split). From
/// it: the per-model statistics (bootstrap intervals, paired comparisons,
/// per-project spread, diagnostic profiles), and every output format: text,
/// JSON (docs/ScoreJSON.md), CSV and Markdown leaderboards, and a
/// self-contained HTML report.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_SCORE_REPORT_H
#define ABV_SCORE_REPORT_H

#include "abv/Score/Score.h"
#include "abv/Score/Statistics.h"

#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <vector>

namespace abv {
class DiagnosticEngine;
class SourceManager;
} // namespace abv

namespace abv::score {

/// One row of a published score table.
struct PublishedScore {
  std::string model, project;
  double score = 0;
};

struct Batch {
  std::string rubricName, rubricVersion;
  std::vector<RunScore> runs;

  /// Sorts the runs by model, then project, then path.
  void sort();
  std::vector<std::string> getModels() const;
  std::vector<std::string> getProjects() const;
  const RunScore *find(llvm::StringRef model, llvm::StringRef project) const;
};

/// A model's summary.
struct ModelSummary {
  std::string model;
  Interval total;
  std::map<std::string, double> categoryMeans; ///< Points per category.
  unsigned rank = 0;
  /// Diagnostics per 100 units of their category, by family.
  std::map<std::string, double> profile;
};

/// Two models over the projects both ran.
struct PairComparison {
  std::string a, b;
  Interval difference; ///< a - b.
};

/// How far apart the models are on one project.
struct ProjectSpread {
  std::string project;
  unsigned n = 0;
  double mean = 0, min = 0, max = 0, sd = 0;
};

/// The points one category (or the gate: "gate", the points its cap took)
/// earned in two runs.
struct CategoryDelta {
  std::string name;
  double points = 0, otherPoints = 0;
  double getDifference() const { return points - otherPoints; }
};

/// What one diagnostic cost two runs in one category (or "gate"); a count
/// of 0 is a run that did not lose points on it.
struct DeductionDelta {
  std::string category, id, name;
  unsigned count = 0, otherCount = 0;
  double points = 0, otherPoints = 0; ///< Points lost.
};

/// A run that the published table and ABV order oppositely to a row's run
/// (one says the row's run is better, the other worse), and what differs
/// between the two runs in ABV's score.
struct InvertedPair {
  std::string model, project;    ///< The other run.
  double abv = 0, published = 0; ///< The other run's scores.
  /// The categories whose points differ (row's run first), the largest
  /// difference first.
  std::vector<CategoryDelta> categories;
  /// The diagnostics whose cost differs, the largest difference first.
  std::vector<DeductionDelta> deductions;
};

/// ABV's score beside a published one.
struct PublishedComparison {
  /// How many rows get inverted pairs (the largest rank disagreements that
  /// have one, in order), and how many pairs each gets at most.
  static constexpr unsigned MaxExplainedRows = 10, MaxPairsPerRow = 3;

  struct Row {
    std::string model, project;
    double abv = 0, published = 0;
    double abvRank = 0, publishedRank = 0;
    /// The runs the two rankings order oppositely to this one: runs of the
    /// same project first, then the widest inversion (the sum of both score
    /// gaps). Filled for the MaxExplainedRows largest rank disagreements
    /// that have one (a rank may differ through ties alone).
    std::vector<InvertedPair> inverted;
    /// One line: what differs from the first inverted pair's run; without
    /// one, the run's costliest deductions ("SC002 x1 (api) -20.00"),
    /// after "no run ordered oppositely (...)" when the ranks differ.
    std::string explanation;

    std::string getKey() const { return model + "/" + project; }
    double getRankDisagreement() const;
  };
  std::vector<Row> rows; ///< Largest rank disagreement first.
  std::optional<double> spearman;
  unsigned publishedRows = 0;
};

struct Analysis {
  std::vector<ModelSummary> models; ///< Best mean first.
  std::vector<PairComparison> pairs;
  std::vector<ProjectSpread> spreads;
  std::optional<PublishedComparison> published;
};

/// Computes the statistics of \p batch; \p seed seeds every bootstrap.
Analysis analyze(const Batch &batch, uint64_t seed = 20261203);

/// Compares \p batch with \p published (runs matched by project and by the
/// model's last path component).
PublishedComparison comparePublished(const Batch &batch,
                                     llvm::ArrayRef<PublishedScore> published);

/// "x3 -4.10": what a diagnostic cost one run; "none" when it cost nothing.
std::string describeCost(unsigned count, double points);

/// "published 90 > 80, ABV 40.00 < 75.00": how the two rankings order
/// \p row's run and \p pair's.
std::string describeOrder(const PublishedComparison::Row &row,
                          const InvertedPair &pair);

/// Outputs.
void writeText(llvm::raw_ostream &os, const Batch &batch,
               const Analysis &analysis);
void writeJSON(llvm::raw_ostream &os, const Batch &batch,
               const Analysis &analysis);
void writeCSV(llvm::raw_ostream &os, const Batch &batch,
              const Analysis &analysis);
void writeMarkdown(llvm::raw_ostream &os, const Batch &batch,
                   const Analysis &analysis);
void writeHTML(llvm::raw_ostream &os, const Batch &batch,
               const Analysis &analysis);

/// Reads the runs of the abv-score JSON result in buffer \p bufferID of
/// \p sources into \p batch. Every problem (syntax, SC010 unknown key,
/// AB001 wrong type, AB002 missing key, SC012 invalid value, SC015 not a
/// result or scored with another rubric than \p batch's) is reported into
/// \p diags at the key or value at fault; false when any was.
bool readJSONResult(SourceManager &sources, unsigned bufferID, Batch &batch,
                    DiagnosticEngine &diags);

/// Reads the published score table in buffer \p bufferID of \p sources (a
/// JSON array of {model, project, score}; other keys are ignored), reporting
/// every problem located; false when any was.
bool readPublished(SourceManager &sources, unsigned bufferID,
                   std::vector<PublishedScore> &published,
                   DiagnosticEngine &diags);

} // namespace abv::score

#endif // ABV_SCORE_REPORT_H
