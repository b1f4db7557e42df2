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

/// ABV's score beside a published one.
struct PublishedComparison {
  struct Row {
    std::string model, project;
    double abv = 0, published = 0;
    double abvRank = 0, publishedRank = 0;
    /// The costliest deductions of the run, "SC002 x1 -20.0".
    std::string explanation;
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

/// Reads the runs of an abv-score JSON result into \p batch; on failure,
/// returns a message (the caller reports SC015).
std::optional<std::string> readJSONResult(llvm::StringRef text, Batch &batch);

/// Reads a published score table (a JSON array of {model, project, score});
/// on failure, returns a message.
std::optional<std::string>
readPublished(llvm::StringRef text, std::vector<PublishedScore> &published);

} // namespace abv::score

#endif // ABV_SCORE_REPORT_H
