//===- Report.cpp - Batch results, leaderboards and reports ---------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Score/Report.h"
#include "abv/Basic/Diagnostic.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <cmath>
#include <cstdio>
#include <set>

using namespace abv;
using namespace abv::score;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Batch
//===----------------------------------------------------------------------===//

void Batch::sort() {
  llvm::stable_sort(runs, [](const RunScore &a, const RunScore &b) {
    return std::tie(a.model, a.project, a.path) <
           std::tie(b.model, b.project, b.path);
  });
}

std::vector<std::string> Batch::getModels() const {
  std::set<std::string> models;
  for (const RunScore &run : runs)
    models.insert(run.model);
  return {models.begin(), models.end()};
}

std::vector<std::string> Batch::getProjects() const {
  std::set<std::string> projects;
  for (const RunScore &run : runs)
    projects.insert(run.project);
  return {projects.begin(), projects.end()};
}

const RunScore *Batch::find(StringRef model, StringRef project) const {
  for (const RunScore &run : runs)
    if (run.model == model && run.project == project)
      return &run;
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Statistics
//===----------------------------------------------------------------------===//

/// The unit a diagnostic family's rate is counted per: its rows' category.
static StringRef getFamilyUnit(StringRef family) {
  const GroupInfo *group = lookupGroup(family);
  if (!group)
    return "";
  ArrayRef<DiagID> members = getGroupMembers(group->id);
  if (members.empty())
    return "";
  // A family whose rows are about several layers (the score group) has no
  // one unit.
  Category category = getDiagInfo(members.front()).category;
  for (DiagID id : members)
    if (getDiagInfo(id).category != category)
      return "";
  switch (category) {
  case Category::DB:
    return "tables";
  case Category::API:
  case Category::Link:
  case Category::Reference:
  case Category::Conformance:
    return "operations";
  case Category::Logic:
    return "providers";
  case Category::Test:
    return "tests";
  default:
    return "";
  }
}

Analysis abv::score::analyze(const Batch &batch, uint64_t seed) {
  Analysis analysis;
  std::vector<std::string> models = batch.getModels();
  for (const std::string &model : models) {
    ModelSummary summary;
    summary.model = model;
    std::vector<double> totals;
    std::map<std::string, unsigned> familyCounts, units;
    std::map<std::string, unsigned> categoryRuns;
    for (const RunScore &run : batch.runs) {
      if (run.model != model)
        continue;
      totals.push_back(run.total);
      for (const CategoryScore &category : run.categories)
        if (category.scored) {
          summary.categoryMeans[category.name] += category.points;
          ++categoryRuns[category.name];
        }
      for (const auto &[family, count] : run.families)
        familyCounts[family] += count;
      for (const auto &[unit, size] : run.sizes)
        units[unit] += size;
    }
    for (auto &[name, sum] : summary.categoryMeans)
      sum /= std::max(1u, categoryRuns[name]);
    summary.total = bootstrapMean(totals, seed ^ stableHash(model));
    for (const auto &[family, count] : familyCounts) {
      StringRef unit = getFamilyUnit(family);
      if (unit.empty() || !units[unit.str()])
        continue;
      summary.profile[family] = 100.0 * count / units[unit.str()];
    }
    analysis.models.push_back(std::move(summary));
  }
  llvm::stable_sort(analysis.models,
                    [](const ModelSummary &a, const ModelSummary &b) {
                      if (a.total.mean != b.total.mean)
                        return a.total.mean > b.total.mean;
                      return a.model < b.model;
                    });
  for (auto [index, summary] : llvm::enumerate(analysis.models))
    summary.rank = index + 1;
  // Paired comparisons, in leaderboard order.
  for (size_t i = 0; i < analysis.models.size(); ++i)
    for (size_t j = i + 1; j < analysis.models.size(); ++j) {
      const std::string &a = analysis.models[i].model;
      const std::string &b = analysis.models[j].model;
      std::vector<double> differences;
      for (const RunScore &run : batch.runs)
        if (run.model == a)
          if (const RunScore *other = batch.find(b, run.project))
            differences.push_back(run.total - other->total);
      PairComparison pair;
      pair.a = a;
      pair.b = b;
      pair.difference = bootstrapMean(differences, seed ^ stableHash(a) ^
                                                       (stableHash(b) << 1));
      analysis.pairs.push_back(std::move(pair));
    }
  for (const std::string &project : batch.getProjects()) {
    std::vector<double> scores;
    for (const RunScore &run : batch.runs)
      if (run.project == project)
        scores.push_back(run.total);
    ProjectSpread spread;
    spread.project = project;
    spread.n = scores.size();
    spread.mean = bootstrapMean(scores, 0, 0).mean;
    spread.min = *llvm::min_element(scores);
    spread.max = *llvm::max_element(scores);
    spread.sd = standardDeviation(scores);
    analysis.spreads.push_back(spread);
  }
  return analysis;
}

static std::string fixed(double value, unsigned digits = 2) {
  char buffer[64];
  snprintf(buffer, sizeof(buffer), "%.*f", int(digits), value);
  return buffer;
}

/// "SC002 x1 -20.00; DB061 x3 -4.10": the costliest deductions of \p run.
static std::string explain(const RunScore &run, unsigned limit = 4) {
  std::vector<std::pair<double, std::string>> items;
  items.reserve(run.gateReasons.size() + run.categories.size() * 4);
  for (const Deduction &d : run.gateReasons)
    items.emplace_back(d.points, d.id + " x" + std::to_string(d.count) +
                                     " (gate) -" + fixed(d.points));
  for (const CategoryScore &category : run.categories)
    for (const Deduction &d : category.deductions)
      items.emplace_back(d.points, d.id + " x" + std::to_string(d.count) +
                                       " (" + category.name + ") -" +
                                       fixed(d.points));
  llvm::stable_sort(
      items, [](const auto &x, const auto &y) { return x.first > y.first; });
  std::string result;
  ListSeparator sep("; ");
  for (size_t i = 0; i < items.size() && i < limit; ++i)
    result += (Twine(sep) + items[i].second).str();
  return result.empty() ? "no deduction" : result;
}

std::string abv::score::describeCost(unsigned count, double points) {
  if (!count && points == 0)
    return "none";
  return "x" + std::to_string(count) + " -" + fixed(points);
}

std::string abv::score::describeOrder(const PublishedComparison::Row &row,
                                      const InvertedPair &pair) {
  return "published " + fixed(row.published, 0) +
         (row.published > pair.published ? " > " : " < ") +
         fixed(pair.published, 0) + ", ABV " + fixed(row.abv) +
         (row.abv > pair.abv ? " > " : " < ") + fixed(pair.abv);
}

static std::vector<double> rankOf(ArrayRef<double> values) {
  // Rank 1 is the best (highest) score; ties share their average rank.
  std::vector<double> result(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    double above = 0, same = 0;
    for (double v : values) {
      above += v > values[i];
      same += v == values[i];
    }
    result[i] = above + (same + 1) / 2;
  }
  return result;
}

double PublishedComparison::Row::getRankDisagreement() const {
  return std::fabs(abvRank - publishedRank);
}

/// Adds the deductions of \p deductions (in \p category) to \p deltas, as
/// the row's run's when \p first, else as the other run's.
static void addDeductions(
    std::map<std::pair<std::string, std::string>, DeductionDelta> &deltas,
    StringRef category, ArrayRef<Deduction> deductions, bool first) {
  for (const Deduction &d : deductions) {
    DeductionDelta &delta = deltas[{category.str(), d.id}];
    delta.category = category.str();
    delta.id = d.id;
    delta.name = d.name;
    (first ? delta.count : delta.otherCount) += d.count;
    (first ? delta.points : delta.otherPoints) += d.points;
  }
}

/// What differs between \p run and \p other in ABV's score.
static void compareRuns(const RunScore &run, const RunScore &other,
                        InvertedPair &pair) {
  // Differences below half a hundredth of a point print as 0.00: noise.
  constexpr double Epsilon = 0.005;
  for (const CategoryScore &category : run.categories) {
    const CategoryScore *theirs = other.getCategory(category.name);
    if (!theirs || !category.scored || !theirs->scored)
      continue;
    CategoryDelta delta{category.name, category.points, theirs->points};
    if (std::fabs(delta.getDifference()) >= Epsilon)
      pair.categories.push_back(delta);
  }
  CategoryDelta gate{"gate", run.total - run.uncapped,
                     other.total - other.uncapped};
  if (std::fabs(gate.getDifference()) >= Epsilon)
    pair.categories.push_back(gate);
  llvm::stable_sort(pair.categories, [](const auto &x, const auto &y) {
    return std::fabs(x.getDifference()) > std::fabs(y.getDifference());
  });

  std::map<std::pair<std::string, std::string>, DeductionDelta> deltas;
  addDeductions(deltas, "gate", run.gateReasons, true);
  addDeductions(deltas, "gate", other.gateReasons, false);
  for (const CategoryScore &category : run.categories)
    addDeductions(deltas, category.name, category.deductions, true);
  for (const CategoryScore &category : other.categories)
    addDeductions(deltas, category.name, category.deductions, false);
  for (auto &[key, delta] : deltas)
    if (delta.count != delta.otherCount ||
        std::fabs(delta.points - delta.otherPoints) >= Epsilon)
      pair.deductions.push_back(std::move(delta));
  // std::map's order (category, ID) breaks ties.
  llvm::stable_sort(pair.deductions, [](const auto &x, const auto &y) {
    return std::fabs(x.points - x.otherPoints) >
           std::fabs(y.points - y.otherPoints);
  });
}

/// A sign: 1, -1 or 0.
static int compare(double a, double b) { return (a > b) - (a < b); }

/// "against m/p (published 90 > 80, ABV 40.00 < 75.00): api -20.00;
/// SC002 (api) x1 -20.00 vs none": what differs between a row's run and
/// the other run of \p pair, on one line.
static std::string summarize(const PublishedComparison::Row &row,
                             const InvertedPair &pair, unsigned limit = 3) {
  std::string result = "against " + pair.model + "/" + pair.project + " (" +
                       describeOrder(row, pair) + "): ";
  ListSeparator comma(", ");
  for (size_t i = 0; i < pair.categories.size() && i < limit; ++i) {
    const CategoryDelta &c = pair.categories[i];
    result += (Twine(comma) + c.name + " " +
               (c.getDifference() > 0 ? "+" : "") + fixed(c.getDifference()))
                  .str();
  }
  if (pair.categories.empty())
    result += "no category differs";
  ListSeparator semicolon("; ");
  result += "; ";
  for (size_t i = 0; i < pair.deductions.size() && i < limit; ++i) {
    const DeductionDelta &d = pair.deductions[i];
    result += (Twine(semicolon) + d.id + " (" + d.category + ") " +
               describeCost(d.count, d.points) + " vs " +
               describeCost(d.otherCount, d.otherPoints))
                  .str();
  }
  if (pair.deductions.empty())
    result += "no diagnostic differs";
  return result;
}

PublishedComparison
abv::score::comparePublished(const Batch &batch,
                             ArrayRef<PublishedScore> published) {
  PublishedComparison comparison;
  comparison.publishedRows = published.size();
  std::map<std::string, const RunScore *> runOf;
  for (const PublishedScore &row : published)
    for (const RunScore &run : batch.runs) {
      StringRef model = StringRef(run.model).rsplit('/').second;
      if (model.empty())
        model = run.model;
      if (run.project == row.project &&
          (model == row.model || run.model == row.model)) {
        PublishedComparison::Row r;
        r.model = run.model;
        r.project = run.project;
        r.abv = run.total;
        r.published = row.score;
        runOf[r.getKey()] = &run;
        comparison.rows.push_back(std::move(r));
        break;
      }
    }
  std::vector<double> abvScores, publishedScores;
  for (const auto &row : comparison.rows) {
    abvScores.push_back(row.abv);
    publishedScores.push_back(row.published);
  }
  std::vector<double> ra = rankOf(abvScores), rp = rankOf(publishedScores);
  for (size_t i = 0; i < comparison.rows.size(); ++i) {
    comparison.rows[i].abvRank = ra[i];
    comparison.rows[i].publishedRank = rp[i];
  }
  comparison.spearman = spearman(abvScores, publishedScores);
  llvm::stable_sort(comparison.rows, [](const auto &x, const auto &y) {
    double dx = x.getRankDisagreement(), dy = y.getRankDisagreement();
    if (dx != dy)
      return dx > dy;
    return std::tie(x.model, x.project) < std::tie(y.model, y.project);
  });

  // The largest disagreements: which runs the rankings order oppositely,
  // and what differs between them. A rank can differ through ties alone
  // (the table gives many runs one score); those rows have no inverted pair
  // and do not count against the limit.
  unsigned explained = 0;
  for (PublishedComparison::Row &row : comparison.rows) {
    const RunScore &run = *runOf[row.getKey()];
    if (explained >= PublishedComparison::MaxExplainedRows ||
        row.getRankDisagreement() == 0) {
      row.explanation = explain(run);
      continue;
    }
    std::vector<const PublishedComparison::Row *> others;
    for (const PublishedComparison::Row &other : comparison.rows)
      if (compare(row.published, other.published) *
              compare(row.abv, other.abv) <
          0)
        others.push_back(&other);
    if (others.empty()) {
      row.explanation = "no run ordered oppositely (the ranks differ by "
                        "ties alone); " +
                        explain(run);
      continue;
    }
    ++explained;
    auto gap = [&](const PublishedComparison::Row *other) {
      return std::fabs(row.published - other->published) +
             std::fabs(row.abv - other->abv);
    };
    llvm::stable_sort(others, [&](const auto *x, const auto *y) {
      bool sameX = x->project == row.project;
      bool sameY = y->project == row.project;
      if (sameX != sameY)
        return sameX;
      if (gap(x) != gap(y))
        return gap(x) > gap(y);
      return std::tie(x->model, x->project) < std::tie(y->model, y->project);
    });
    for (size_t j = 0;
         j < others.size() && j < PublishedComparison::MaxPairsPerRow; ++j) {
      InvertedPair pair;
      pair.model = others[j]->model;
      pair.project = others[j]->project;
      pair.abv = others[j]->abv;
      pair.published = others[j]->published;
      compareRuns(run, *runOf[others[j]->getKey()], pair);
      row.inverted.push_back(std::move(pair));
    }
    row.explanation = summarize(row, row.inverted.front());
  }
  return comparison;
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

/// What differs between a row's run and the run of \p pair, indented under
/// the row.
static void writeInvertedPair(raw_ostream &os,
                              const PublishedComparison::Row &row,
                              const InvertedPair &pair) {
  std::string other = pair.model + "/" + pair.project;
  os << "    against " << other << " (" << describeOrder(row, pair) << ")\n";
  for (const CategoryDelta &c : pair.categories)
    os << "      " << left_justify(c.name, 10) << " "
       << right_justify(
              (c.getDifference() > 0 ? "+" : "") + fixed(c.getDifference()), 7)
       << "  (" << fixed(c.points) << " vs " << fixed(c.otherPoints) << ")\n";
  for (const DeductionDelta &d : pair.deductions)
    os << "      " << left_justify(d.id, 7) << left_justify(d.name, 36) << "("
       << d.category << ") " << describeCost(d.count, d.points) << " vs "
       << describeCost(d.otherCount, d.otherPoints) << '\n';
}

/// The published comparison in text, when there is one.
static void writePublishedText(raw_ostream &os, const Analysis &analysis) {
  if (!analysis.published)
    return;
  const PublishedComparison &c = *analysis.published;
  os << "\ncompared with the published scores: " << c.rows.size()
     << " runs in common";
  if (c.spearman)
    os << ", Spearman " << fixed(*c.spearman, 3);
  else
    os << ", Spearman undefined (fewer than 3 runs or a constant side)";
  os << '\n';
  for (const auto &row : c.rows) {
    os << "  " << row.getKey() << ": ABV " << fixed(row.abv) << " (rank "
       << fixed(row.abvRank, 1) << "), published " << fixed(row.published, 0)
       << " (rank " << fixed(row.publishedRank, 1) << ")";
    if (row.inverted.empty()) {
      os << ": " << row.explanation << '\n';
      continue;
    }
    os << '\n';
    for (const InvertedPair &pair : row.inverted)
      writeInvertedPair(os, row, pair);
  }
}

void abv::score::writeText(raw_ostream &os, const Batch &batch,
                           const Analysis &analysis) {
  for (const RunScore &run : batch.runs) {
    os << run.getKey() << ": " << fixed(run.total) << " / 100";
    if (!run.loaded)
      os << " (the run could not be loaded)";
    else if (!run.gatePassed)
      os << " (gate failed: capped from " << fixed(run.uncapped) << ")";
    os << '\n';
    for (const std::string &problem : run.problems)
      os << "  problem: " << problem << '\n';
    for (const Deduction &d : run.gateReasons)
      os << "  gate: " << d.id << " " << d.name << " x" << d.count << "  -"
         << fixed(d.points) << '\n';
    if (!run.loaded)
      continue;
    for (const CategoryScore &category : run.categories) {
      if (!category.scored) {
        os << "  " << left_justify(category.title, 28) << "  not scored\n";
        continue;
      }
      os << "  " << left_justify(category.title, 28)
         << right_justify(fixed(category.points), 7) << " / "
         << right_justify(fixed(category.weight), 6);
      if (category.name != "fidelity")
        os << "  (size " << category.size << ", penalty "
           << fixed(category.penalty) << ")";
      if (category.forfeited)
        os << "  forfeited";
      os << '\n';
      for (const Deduction &d : category.deductions)
        os << "      " << left_justify(d.id, 7) << left_justify(d.name, 36)
           << " x" << left_justify(std::to_string(d.count), 5) << " -"
           << fixed(d.points) << '\n';
    }
    if (run.fidelity) {
      os << "  fidelity against " << run.fidelity->reference << ":";
      for (const auto &[dim, f1] : run.fidelity->f1)
        os << " " << dim << " F1 " << fixed(f1, 3);
      os << '\n';
    }
  }
  if (analysis.models.size() < 2 && batch.runs.size() < 2) {
    writePublishedText(os, analysis);
    return;
  }
  os << "\nleaderboard (mean over projects, 95% bootstrap interval)\n";
  for (const ModelSummary &m : analysis.models)
    os << "  " << right_justify(std::to_string(m.rank), 3) << ". "
       << left_justify(m.model, 40) << right_justify(fixed(m.total.mean), 7)
       << "  [" << fixed(m.total.low) << ", " << fixed(m.total.high)
       << "]  n=" << m.total.n << '\n';
  os << "\npaired comparisons (a - b over the projects both ran)\n";
  for (const PairComparison &p : analysis.pairs) {
    if (p.difference.n == 0)
      continue;
    os << "  " << p.a << " vs " << p.b << ": " << fixed(p.difference.mean)
       << " [" << fixed(p.difference.low) << ", " << fixed(p.difference.high)
       << "] n=" << p.difference.n << "  "
       << (p.difference.n < 2 || p.difference.spansZero()
               ? "not distinguishable"
               : "distinguishable")
       << '\n';
  }
  os << "\nspread per project\n";
  for (const ProjectSpread &s : analysis.spreads)
    os << "  " << left_justify(s.project, 16) << " n=" << s.n << " mean "
       << fixed(s.mean) << " min " << fixed(s.min) << " max " << fixed(s.max)
       << " sd " << fixed(s.sd) << '\n';
  writePublishedText(os, analysis);
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

// Every JSON ABV writes goes through llvm::llvm::json::OStream. Points are
// written with full precision (OStream's 17 significant digits), so that
// merged shards give exactly the figures of one process.

static void writeDeduction(llvm::json::OStream &out, const Deduction &d) {
  out.object([&] {
    out.attribute("id", d.id);
    out.attribute("name", d.name);
    out.attribute("count", d.count);
    out.attribute("points", d.points);
  });
}

static void writeInterval(llvm::json::OStream &out, const Interval &i) {
  out.array([&] {
    out.value(i.low);
    out.value(i.high);
  });
}

template <typename Map>
static void writeMap(llvm::json::OStream &out, llvm::StringRef key,
                     const Map &map) {
  out.attributeObject(key, [&] {
    for (const auto &[name, value] : map)
      out.attribute(name, value);
  });
}

static void writeRun(llvm::json::OStream &out, const RunScore &run) {
  out.object([&] {
    out.attribute("model", run.model);
    out.attribute("project", run.project);
    out.attribute("path", run.path);
    out.attribute("loaded", run.loaded);
    out.attribute("total", run.total);
    out.attribute("uncapped", run.uncapped);
    out.attributeObject("gate", [&] {
      out.attribute("passed", run.gatePassed);
      out.attributeArray("reasons", [&] {
        for (const Deduction &d : run.gateReasons)
          writeDeduction(out, d);
      });
    });
    writeMap(out, "sizes", run.sizes);
    if (run.fidelity)
      out.attributeObject("fidelity", [&] {
        out.attribute("reference", run.fidelity->reference);
        writeMap(out, "f1", run.fidelity->f1);
      });
    else
      out.attribute("fidelity", nullptr);
    out.attributeArray("categories", [&] {
      for (const CategoryScore &c : run.categories)
        out.object([&] {
          out.attribute("name", c.name);
          out.attribute("title", c.title);
          out.attribute("scored", c.scored);
          out.attribute("weight", c.weight);
          out.attribute("points", c.points);
          out.attribute("forfeited", c.forfeited);
          out.attribute("size", c.size);
          out.attribute("penalty", c.penalty);
          out.attributeArray("deductions", [&] {
            for (const Deduction &d : c.deductions)
              writeDeduction(out, d);
          });
        });
    });
    writeMap(out, "families", run.families);
    out.attributeArray("findings", [&] {
      for (const Finding &f : run.findings)
        out.object([&] {
          out.attribute("id", f.id);
          out.attribute("severity", f.severity);
          out.attribute("category", f.category);
          out.attribute("file", f.file);
          out.attribute("line", f.line);
          out.attribute("column", f.column);
          out.attribute("message", f.message);
          out.attribute("snippet", f.snippet);
          out.attribute("points", f.points);
        });
    });
    out.attribute("totalFindings", run.totalFindings);
    out.attributeArray("problems", [&] {
      for (const std::string &problem : run.problems)
        out.value(problem);
    });
  });
}

static void writeInvertedPair(llvm::json::OStream &out,
                              const InvertedPair &pair) {
  out.object([&] {
    out.attribute("model", pair.model);
    out.attribute("project", pair.project);
    out.attribute("abv", pair.abv);
    out.attribute("published", pair.published);
    out.attributeArray("categories", [&] {
      for (const CategoryDelta &c : pair.categories)
        out.object([&] {
          out.attribute("name", c.name);
          out.attribute("points", c.points);
          out.attribute("otherPoints", c.otherPoints);
          out.attribute("difference", c.getDifference());
        });
    });
    out.attributeArray("deductions", [&] {
      for (const DeductionDelta &d : pair.deductions)
        out.object([&] {
          out.attribute("category", d.category);
          out.attribute("id", d.id);
          out.attribute("name", d.name);
          out.attribute("count", d.count);
          out.attribute("points", d.points);
          out.attribute("otherCount", d.otherCount);
          out.attribute("otherPoints", d.otherPoints);
        });
    });
  });
}

void abv::score::writeJSON(raw_ostream &os, const Batch &batch,
                           const Analysis &analysis) {
  llvm::json::OStream out(os, 1);
  out.object([&] {
    out.attribute("abv-score", 1);
    out.attributeObject("rubric", [&] {
      out.attribute("name", batch.rubricName);
      out.attribute("version", batch.rubricVersion);
    });
    out.attributeArray("runs", [&] {
      for (const RunScore &run : batch.runs)
        writeRun(out, run);
    });
    out.attributeArray("models", [&] {
      for (const ModelSummary &m : analysis.models)
        out.object([&] {
          out.attribute("model", m.model);
          out.attribute("rank", m.rank);
          out.attribute("n", m.total.n);
          out.attribute("mean", m.total.mean);
          out.attributeBegin("ci95");
          writeInterval(out, m.total);
          out.attributeEnd();
          writeMap(out, "categories", m.categoryMeans);
          writeMap(out, "profile", m.profile);
        });
    });
    out.attributeArray("pairs", [&] {
      for (const PairComparison &p : analysis.pairs)
        out.object([&] {
          out.attribute("a", p.a);
          out.attribute("b", p.b);
          out.attribute("n", p.difference.n);
          out.attribute("difference", p.difference.mean);
          out.attributeBegin("ci95");
          writeInterval(out, p.difference);
          out.attributeEnd();
          out.attribute("distinguishable",
                        p.difference.n >= 2 && !p.difference.spansZero());
        });
    });
    out.attributeArray("projects", [&] {
      for (const ProjectSpread &s : analysis.spreads)
        out.object([&] {
          out.attribute("project", s.project);
          out.attribute("n", s.n);
          out.attribute("mean", s.mean);
          out.attribute("min", s.min);
          out.attribute("max", s.max);
          out.attribute("sd", s.sd);
        });
    });
    if (analysis.published)
      out.attributeObject("published", [&] {
        out.attributeArray("rows", [&] {
          for (const auto &r : analysis.published->rows)
            out.object([&] {
              out.attribute("model", r.model);
              out.attribute("project", r.project);
              out.attribute("abv", r.abv);
              out.attribute("published", r.published);
              out.attribute("abvRank", r.abvRank);
              out.attribute("publishedRank", r.publishedRank);
              out.attribute("explanation", r.explanation);
              out.attributeArray("inverted", [&] {
                for (const InvertedPair &pair : r.inverted)
                  writeInvertedPair(out, pair);
              });
            });
        });
        if (analysis.published->spearman)
          out.attribute("spearman", *analysis.published->spearman);
        else
          out.attribute("spearman", nullptr);
      });
  });
  os << '\n';
}

//===----------------------------------------------------------------------===//
// CSV and Markdown leaderboards
//===----------------------------------------------------------------------===//

static std::string csvField(StringRef text) {
  if (!text.contains(',') && !text.contains('"') && !text.contains('\n'))
    return text.str();
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void abv::score::writeCSV(raw_ostream &os, const Batch &batch,
                          const Analysis &analysis) {
  std::vector<std::string> projects = batch.getProjects();
  os << "rank,model,mean,ci95_low,ci95_high,n";
  for (const std::string &project : projects)
    os << ',' << csvField(project);
  os << '\n';
  for (const ModelSummary &m : analysis.models) {
    os << m.rank << ',' << csvField(m.model) << ',' << fixed(m.total.mean)
       << ',' << fixed(m.total.low) << ',' << fixed(m.total.high) << ','
       << m.total.n;
    for (const std::string &project : projects) {
      os << ',';
      if (const RunScore *run = batch.find(m.model, project))
        os << fixed(run->total);
    }
    os << '\n';
  }
}

static std::string mdCell(StringRef text) {
  std::string result;
  for (char c : text)
    result += c == '|' ? std::string("\\|") : std::string(1, c);
  return result;
}

void abv::score::writeMarkdown(raw_ostream &os, const Batch &batch,
                               const Analysis &analysis) {
  std::vector<std::string> projects = batch.getProjects();
  os << "# abv-score leaderboard\n\nRubric " << batch.rubricName << " "
     << batch.rubricVersion << "; " << batch.runs.size()
     << " runs. Mean over projects with a 95% bootstrap interval.\n\n";
  os << "| rank | model | mean | 95% interval | n |";
  for (const std::string &project : projects)
    os << ' ' << mdCell(project) << " |";
  os << "\n|---|---|---|---|---|";
  for (size_t i = 0; i < projects.size(); ++i)
    os << "---|";
  os << '\n';
  for (const ModelSummary &m : analysis.models) {
    os << "| " << m.rank << " | " << mdCell(m.model) << " | "
       << fixed(m.total.mean) << " | " << fixed(m.total.low) << " - "
       << fixed(m.total.high) << " | " << m.total.n << " |";
    for (const std::string &project : projects) {
      const RunScore *run = batch.find(m.model, project);
      os << ' '
         << (run ? fixed(run->total) + (run->gatePassed ? "" : " (gate)")
                 : std::string("-"))
         << " |";
    }
    os << '\n';
  }
  os << "\n## Paired comparisons\n\n| a | b | n | a - b | 95% interval | "
        "verdict |\n|---|---|---|---|---|---|\n";
  for (const PairComparison &p : analysis.pairs) {
    if (p.difference.n == 0)
      continue;
    os << "| " << mdCell(p.a) << " | " << mdCell(p.b) << " | " << p.difference.n
       << " | " << fixed(p.difference.mean) << " | " << fixed(p.difference.low)
       << " - " << fixed(p.difference.high) << " | "
       << (p.difference.n >= 2 && !p.difference.spansZero()
               ? "distinguishable"
               : "not distinguishable")
       << " |\n";
  }
  os << "\n## Spread per project\n\n| project | n | mean | min | max | sd "
        "|\n|---|---|---|---|---|---|\n";
  for (const ProjectSpread &s : analysis.spreads)
    os << "| " << mdCell(s.project) << " | " << s.n << " | " << fixed(s.mean)
       << " | " << fixed(s.min) << " | " << fixed(s.max) << " | " << fixed(s.sd)
       << " |\n";
  if (!analysis.published)
    return;
  const PublishedComparison &c = *analysis.published;
  os << "\n## Compared with the published scores\n\n"
     << c.rows.size() << " runs in common; Spearman "
     << (c.spearman ? fixed(*c.spearman, 3) : std::string("undefined"))
     << ". Largest rank disagreement first.\n\n| run | ABV | published | ABV "
        "rank | published rank | why |\n|---|---|---|---|---|---|\n";
  for (const auto &row : c.rows)
    os << "| " << mdCell(row.getKey()) << " | " << fixed(row.abv) << " | "
       << fixed(row.published, 0) << " | " << fixed(row.abvRank, 1) << " | "
       << fixed(row.publishedRank, 1) << " | " << mdCell(row.explanation)
       << " |\n";
  for (const auto &row : c.rows) {
    if (row.inverted.empty())
      continue;
    os << "\n### " << mdCell(row.getKey()) << "\n";
    for (const InvertedPair &pair : row.inverted) {
      os << "\nAgainst " << mdCell(pair.model + "/" + pair.project) << " ("
         << describeOrder(row, pair) << "):\n\n| category or diagnostic | "
         << mdCell(row.getKey()) << " | "
         << mdCell(pair.model + "/" + pair.project)
         << " | difference |\n|---|---|---|---|\n";
      for (const CategoryDelta &d : pair.categories)
        os << "| " << mdCell(d.name) << " | " << fixed(d.points) << " | "
           << fixed(d.otherPoints) << " | " << fixed(d.getDifference())
           << " |\n";
      for (const DeductionDelta &d : pair.deductions)
        os << "| " << d.id << " " << mdCell(d.name) << " ("
           << mdCell(d.category) << ") | " << describeCost(d.count, d.points)
           << " | " << describeCost(d.otherCount, d.otherPoints) << " | "
           << fixed(d.otherPoints - d.points) << " |\n";
    }
  }
}
