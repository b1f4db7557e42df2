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

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <set>

using namespace abv;
using namespace abv::score;
using namespace llvm;

using OrderedJSON = nlohmann::ordered_json;

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

PublishedComparison
abv::score::comparePublished(const Batch &batch,
                             ArrayRef<PublishedScore> published) {
  PublishedComparison comparison;
  comparison.publishedRows = published.size();
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
        r.explanation = explain(run);
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
    double dx = std::fabs(x.abvRank - x.publishedRank);
    double dy = std::fabs(y.abvRank - y.publishedRank);
    if (dx != dy)
      return dx > dy;
    return std::tie(x.model, x.project) < std::tie(y.model, y.project);
  });
  return comparison;
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

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
  if (analysis.models.size() < 2 && batch.runs.size() < 2)
    return;
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
  if (analysis.published) {
    const PublishedComparison &c = *analysis.published;
    os << "\ncompared with the published scores: " << c.rows.size()
       << " runs in common";
    if (c.spearman)
      os << ", Spearman " << fixed(*c.spearman, 3);
    else
      os << ", Spearman undefined (fewer than 3 runs or a constant side)";
    os << '\n';
    for (const auto &row : c.rows)
      os << "  " << row.model << "/" << row.project << ": ABV "
         << fixed(row.abv) << " (rank " << fixed(row.abvRank, 1)
         << "), published " << fixed(row.published, 0) << " (rank "
         << fixed(row.publishedRank, 1) << "): " << row.explanation << '\n';
  }
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

std::optional<std::string> abv::score::readJSONResult(StringRef text,
                                                      Batch &batch) {
  OrderedJSON root =
      OrderedJSON::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded())
    return std::string("not JSON");
  if (!root.is_object() || !root.contains("abv-score"))
    return std::string("no 'abv-score' key at the root");
  if (root["abv-score"] != 1)
    return std::string("unsupported 'abv-score' version");
  try {
    const OrderedJSON &rubric = root.at("rubric");
    std::string name = rubric.at("name"), version = rubric.at("version");
    if (!batch.rubricName.empty() &&
        (batch.rubricName != name || batch.rubricVersion != version))
      return "scored with rubric " + name + " " + version + ", not " +
             batch.rubricName + " " + batch.rubricVersion;
    batch.rubricName = name;
    batch.rubricVersion = version;
    for (const OrderedJSON &j : root.at("runs")) {
      RunScore run;
      run.model = j.at("model");
      run.project = j.at("project");
      run.path = j.at("path");
      run.loaded = j.at("loaded");
      run.total = j.at("total");
      run.uncapped = j.at("uncapped");
      run.gatePassed = j.at("gate").at("passed");
      auto readDeduction = [](const OrderedJSON &d) {
        return Deduction{d.at("id"), d.at("name"), d.at("count"),
                         d.at("points")};
      };
      for (const OrderedJSON &d : j.at("gate").at("reasons"))
        run.gateReasons.push_back(readDeduction(d));
      run.sizes = j.at("sizes").get<std::map<std::string, unsigned>>();
      if (!j.at("fidelity").is_null()) {
        FidelityFigures figures;
        figures.reference = j["fidelity"].at("reference");
        figures.f1 =
            j["fidelity"].at("f1").get<std::map<std::string, double>>();
        run.fidelity = figures;
      }
      for (const OrderedJSON &c : j.at("categories")) {
        CategoryScore category;
        category.name = c.at("name");
        category.title = c.at("title");
        category.scored = c.at("scored");
        category.weight = c.at("weight");
        category.points = c.at("points");
        category.forfeited = c.at("forfeited");
        category.size = c.at("size");
        category.penalty = c.at("penalty");
        for (const OrderedJSON &d : c.at("deductions"))
          category.deductions.push_back(readDeduction(d));
        run.categories.push_back(std::move(category));
      }
      run.families = j.at("families").get<std::map<std::string, unsigned>>();
      for (const OrderedJSON &f : j.at("findings")) {
        Finding finding;
        finding.id = f.at("id");
        finding.severity = f.at("severity");
        finding.category = f.at("category");
        finding.file = f.at("file");
        finding.line = f.at("line");
        finding.column = f.at("column");
        finding.message = f.at("message");
        finding.snippet = f.at("snippet");
        finding.points = f.at("points");
        run.findings.push_back(std::move(finding));
      }
      run.totalFindings = j.at("totalFindings");
      run.problems = j.at("problems").get<std::vector<std::string>>();
      batch.runs.push_back(std::move(run));
    }
  } catch (const nlohmann::json::exception &error) {
    return std::string("malformed result: ") + error.what();
  }
  return std::nullopt;
}

std::optional<std::string>
abv::score::readPublished(StringRef text,
                          std::vector<PublishedScore> &published) {
  OrderedJSON root =
      OrderedJSON::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded())
    return std::string("not JSON");
  if (!root.is_array())
    return std::string("expected an array of {model, project, score}");
  for (auto [index, row] : llvm::enumerate(root)) {
    if (!row.is_object() || !row.contains("model") ||
        !row.contains("project") || !row.contains("score") ||
        !row["model"].is_string() || !row["project"].is_string() ||
        !row["score"].is_number())
      return "element " + std::to_string(index) +
             " is not {model: string, project: string, score: number}";
    published.push_back({row["model"], row["project"], row["score"]});
  }
  return std::nullopt;
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
}
