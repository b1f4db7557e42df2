//===- HTMLReport.cpp - The self-contained HTML report --------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One HTML file with everything inline (no network): the leaderboard, an
/// SVG bar per model stacked by category, an SVG model x project heat map
/// whose cells open the run's drill-down (categories, deductions, and the
/// findings with their source lines), the paired comparisons, the spread
/// per project and the diagnostic profiles. On load, a script marks how
/// many SVG shapes were laid out (`data-rendered-rects` on the body) and
/// follows `#click=<element id>` by clicking that element, so that a
/// headless browser can check the charts and the drill-down.
///
//===----------------------------------------------------------------------===//

#include "abv/Score/Report.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <set>

using namespace abv;
using namespace abv::score;
using namespace llvm;

static std::string esc(StringRef text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

static std::string num(double value, unsigned digits = 2) {
  char buffer[64];
  snprintf(buffer, sizeof(buffer), "%.*f", int(digits), value);
  return buffer;
}

static const char *const Palette[] = {"#4e79a7", "#f28e2b", "#59a14f",
                                      "#e15759", "#76b7b2", "#edc948",
                                      "#b07aa1", "#9c755f"};

/// Red (0) to yellow (50) to green (100).
static std::string heatColor(double score) {
  double t = std::clamp(score / 100, 0.0, 1.0);
  int r = t < 0.5 ? 220 : int(220 - (t - 0.5) * 2 * 160);
  int g = t < 0.5 ? int(60 + t * 2 * 150) : 210;
  int b = 70;
  return formatv("#{0:x-2}{1:x-2}{2:x-2}", r, g, b).str();
}

void abv::score::writeHTML(raw_ostream &os, const Batch &batch,
                           const Analysis &analysis) {
  std::vector<std::string> projects = batch.getProjects();
  // Category names in rubric order, from the first run that has them.
  std::vector<std::pair<std::string, std::string>> categories;
  for (const RunScore &run : batch.runs) {
    for (const CategoryScore &c : run.categories)
      if (!llvm::any_of(categories,
                        [&](const auto &p) { return p.first == c.name; }))
        categories.emplace_back(c.name, c.title);
  }
  os << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>abv-score report</title>\n<style>\n"
        "body{font-family:sans-serif;margin:1.5em;color:#222}"
        "table{border-collapse:collapse;margin:.5em 0}"
        "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px;"
        "text-align:left}th{background:#f3f3f3}"
        "td.n{text-align:right}pre{margin:0;font-size:12px;"
        "white-space:pre-wrap}.cell{cursor:pointer}"
        "details.run{border:1px solid #ddd;margin:4px 0;padding:4px}"
        "details.run[open]{background:#fafafa}"
        ".fail{color:#b00}.muted{color:#777}\n</style></head>\n<body>\n";
  os << "<h1>abv-score report</h1>\n<p>Rubric <b>" << esc(batch.rubricName)
     << "</b> " << esc(batch.rubricVersion) << "; " << batch.runs.size()
     << " runs, " << analysis.models.size() << " models, " << projects.size()
     << " projects. Click a heat map cell for the run's drill-down.</p>\n";

  // Leaderboard.
  os << "<h2 id=\"leaderboard\">Leaderboard</h2>\n<table><tr><th>rank</th>"
        "<th>model</th><th>mean</th><th>95% interval</th><th>n</th>";
  for (const auto &[name, title] : categories)
    os << "<th>" << esc(title) << "</th>";
  os << "</tr>\n";
  for (const ModelSummary &m : analysis.models) {
    os << R"(<tr><td class="n">)" << m.rank << "</td><td>" << esc(m.model)
       << R"(</td><td class="n">)" << num(m.total.mean)
       << R"(</td><td class="n">)" << num(m.total.low) << " &ndash; "
       << num(m.total.high) << R"(</td><td class="n">)" << m.total.n << "</td>";
    for (const auto &[name, title] : categories) {
      auto it = m.categoryMeans.find(name);
      os << R"(<td class="n">)"
         << (it == m.categoryMeans.end() ? "-" : num(it->second)) << "</td>";
    }
    os << "</tr>\n";
  }
  os << "</table>\n";

  // Stacked bars: mean points per category.
  const int labelWidth = 260, barWidth = 500, rowHeight = 22;
  int height = rowHeight * (analysis.models.size() + 1) + 30;
  os << "<h2 id=\"bars\">Score per model, by category</h2>\n"
        R"(<svg id="bar-chart" xmlns="http://www.w3.org/2000/svg" width=")"
     << labelWidth + barWidth + 80 << R"(" height=")" << height << "\">\n";
  for (auto [row, m] : llvm::enumerate(analysis.models)) {
    int y = 10 + row * rowHeight;
    os << R"(<text x=")" << labelWidth - 6 << R"(" y=")" << y + 15
       << R"(" text-anchor="end" font-size="12">)" << esc(m.model)
       << "</text>\n";
    double x = labelWidth;
    for (auto [index, category] : llvm::enumerate(categories)) {
      auto it = m.categoryMeans.find(category.first);
      if (it == m.categoryMeans.end() || it->second <= 0)
        continue;
      double w = it->second / 100 * barWidth;
      os << R"(<rect class="bar" x=")" << num(x, 1) << R"(" y=")" << y
         << R"(" width=")" << num(w, 1) << R"(" height=")" << rowHeight - 4
         << R"(" fill=")" << Palette[index % 8] << R"("><title>)"
         << esc(m.model) << ": " << esc(category.second) << " "
         << num(it->second) << "</title></rect>\n";
      x += w;
    }
    os << R"(<text x=")"
       << num(labelWidth + m.total.mean / 100 * barWidth + 4, 1) << R"(" y=")"
       << y + 15 << R"(" font-size="12">)" << num(m.total.mean, 1)
       << "</text>\n";
  }
  int legendY = 10 + analysis.models.size() * rowHeight + 8;
  for (auto [index, category] : llvm::enumerate(categories)) {
    int x = labelWidth + index * 110;
    os << R"(<rect class="legend" x=")" << x << R"(" y=")" << legendY
       << R"(" width="12" height="12" fill=")" << Palette[index % 8]
       << R"("/><text x=")" << x + 16 << R"(" y=")" << legendY + 11
       << R"(" font-size="11">)" << esc(category.first) << "</text>\n";
  }
  os << "</svg>\n";

  // Heat map.
  const int cellWidth = 80, cellHeight = 24;
  os << "<h2 id=\"heatmap\">Model &times; project</h2>\n"
        R"(<svg id="heat-map" xmlns="http://www.w3.org/2000/svg" width=")"
     << labelWidth + cellWidth * projects.size() + 10 << R"(" height=")"
     << cellHeight * (analysis.models.size() + 1) + 10 << "\">\n";
  for (auto [column, project] : llvm::enumerate(projects))
    os << R"(<text x=")" << labelWidth + column * cellWidth + cellWidth / 2
       << R"(" y="16" text-anchor="middle" font-size="12">)" << esc(project)
       << "</text>\n";
  for (auto [row, m] : llvm::enumerate(analysis.models)) {
    int y = cellHeight * (row + 1);
    os << R"(<text x=")" << labelWidth - 6 << R"(" y=")" << y + 16
       << R"(" text-anchor="end" font-size="12">)" << esc(m.model)
       << "</text>\n";
    for (auto [column, project] : llvm::enumerate(projects)) {
      const RunScore *run = batch.find(m.model, project);
      if (!run)
        continue;
      size_t index = run - batch.runs.data();
      int x = labelWidth + column * cellWidth;
      os << R"(<g class="cell" id="cell-)" << index << R"(" data-run=")"
         << index << R"("><rect x=")" << x << R"(" y=")" << y << R"(" width=")"
         << cellWidth - 2 << R"(" height=")" << cellHeight - 2 << R"(" fill=")"
         << heatColor(run->total) << R"("><title>)" << esc(run->getKey())
         << ": " << num(run->total) << R"(</title></rect><text x=")"
         << x + cellWidth / 2 << R"(" y=")" << y + 16
         << R"(" text-anchor="middle" font-size="12">)" << num(run->total, 1)
         << (run->gatePassed ? "" : "*") << "</text></g>\n";
    }
  }
  os << "</svg>\n<p class=\"muted\">* the gate failed and capped the "
        "score.</p>\n";

  // Statistics.
  os << "<h2 id=\"pairs\">Paired comparisons</h2>\n<table><tr><th>a</th>"
        "<th>b</th><th>n</th><th>a &minus; b</th><th>95% interval</th>"
        "<th>verdict</th></tr>\n";
  for (const PairComparison &p : analysis.pairs) {
    if (p.difference.n == 0)
      continue;
    bool real = p.difference.n >= 2 && !p.difference.spansZero();
    os << "<tr><td>" << esc(p.a) << "</td><td>" << esc(p.b)
       << R"(</td><td class="n">)" << p.difference.n << R"(</td><td class="n">)"
       << num(p.difference.mean) << R"(</td><td class="n">)"
       << num(p.difference.low) << " &ndash; " << num(p.difference.high)
       << "</td><td>" << (real ? "distinguishable" : "not distinguishable")
       << "</td></tr>\n";
  }
  os << "</table>\n<h2 id=\"spread\">Spread per project</h2>\n<table><tr>"
        "<th>project</th><th>n</th><th>mean</th><th>min</th><th>max</th>"
        "<th>sd</th></tr>\n";
  for (const ProjectSpread &s : analysis.spreads)
    os << "<tr><td>" << esc(s.project) << R"(</td><td class="n">)" << s.n
       << R"(</td><td class="n">)" << num(s.mean) << R"(</td><td class="n">)"
       << num(s.min) << R"(</td><td class="n">)" << num(s.max)
       << R"(</td><td class="n">)" << num(s.sd) << "</td></tr>\n";
  os << "</table>\n";
  std::set<std::string> families;
  for (const ModelSummary &m : analysis.models)
    for (const auto &entry : m.profile)
      families.insert(entry.first);
  os << R"(<h2 id="profile">Diagnostic profile (per 100 tables, operations, )"
        "providers or tests)</h2>\n<table><tr><th>model</th>";
  for (const std::string &family : families)
    os << "<th>" << esc(family) << "</th>";
  os << "</tr>\n";
  for (const ModelSummary &m : analysis.models) {
    os << "<tr><td>" << esc(m.model) << "</td>";
    for (const std::string &family : families) {
      auto it = m.profile.find(family);
      os << R"(<td class="n">)"
         << (it == m.profile.end() ? "" : num(it->second, 1)) << "</td>";
    }
    os << "</tr>\n";
  }
  os << "</table>\n";
  if (analysis.published) {
    const PublishedComparison &c = *analysis.published;
    os << "<h2 id=\"published\">Compared with the published scores</h2>\n<p>"
       << c.rows.size() << " runs in common; Spearman "
       << (c.spearman ? num(*c.spearman, 3) : std::string("undefined"))
       << ".</p>\n<table><tr><th>run</th><th>ABV</th><th>published</th>"
          "<th>ABV rank</th><th>published rank</th><th>why</th></tr>\n";
    for (auto [index, row] : llvm::enumerate(c.rows)) {
      os << "<tr><td>" << esc(row.getKey()) << R"(</td><td class="n">)"
         << num(row.abv) << R"(</td><td class="n">)" << num(row.published, 0)
         << R"(</td><td class="n">)" << num(row.abvRank, 1)
         << R"(</td><td class="n">)" << num(row.publishedRank, 1)
         << "</td><td>";
      if (row.inverted.empty()) {
        os << esc(row.explanation) << "</td></tr>\n";
        continue;
      }
      // The differential explanation: one table per inverted pair.
      os << R"(<details id="published-)" << index << R"("><summary>)"
         << esc(row.explanation) << "</summary>\n";
      for (const InvertedPair &pair : row.inverted) {
        std::string other = pair.model + "/" + pair.project;
        os << "<p>against " << esc(other) << " ("
           << esc(describeOrder(row, pair))
           << ")</p>\n<table><tr><th>category or diagnostic</th><th>"
           << esc(row.getKey()) << "</th><th>" << esc(other)
           << "</th><th>difference</th></tr>\n";
        for (const CategoryDelta &d : pair.categories)
          os << "<tr><td>" << esc(d.name) << R"(</td><td class="n">)"
             << num(d.points) << R"(</td><td class="n">)" << num(d.otherPoints)
             << R"(</td><td class="n">)" << num(d.getDifference())
             << "</td></tr>\n";
        for (const DeductionDelta &d : pair.deductions)
          os << "<tr><td>" << esc(d.id) << " " << esc(d.name) << " ("
             << esc(d.category) << R"()</td><td class="n">)"
             << esc(describeCost(d.count, d.points)) << R"(</td><td class="n">)"
             << esc(describeCost(d.otherCount, d.otherPoints))
             << R"(</td><td class="n">)" << num(d.otherPoints - d.points)
             << "</td></tr>\n";
        os << "</table>\n";
      }
      os << "</details></td></tr>\n";
    }
    os << "</table>\n";
  }

  // Drill-down.
  os << "<h2 id=\"runs\">Runs</h2>\n";
  for (auto [index, run] : llvm::enumerate(batch.runs)) {
    os << R"(<details class="run" id="run-)" << index << R"("><summary><b>)"
       << esc(run.getKey()) << "</b>: " << num(run.total) << " / 100";
    if (!run.loaded)
      os << R"( <span class="fail">could not be loaded</span>)";
    else if (!run.gatePassed)
      os << R"( <span class="fail">gate failed (capped from )"
         << num(run.uncapped) << ")</span>";
    os << "</summary>\n";
    for (const std::string &problem : run.problems)
      os << R"(<pre class="fail">)" << esc(problem) << "</pre>\n";
    os << "<table><tr><th>category</th><th>points</th><th>of</th>"
          "<th>size</th><th>diagnostics that cost points</th></tr>\n";
    if (!run.gateReasons.empty()) {
      os << "<tr><td>gate</td><td></td><td></td><td></td><td>";
      for (const Deduction &d : run.gateReasons)
        os << esc(d.id) << " " << esc(d.name) << " &times;" << d.count
           << " &minus;" << num(d.points) << "<br>";
      os << "</td></tr>\n";
    }
    for (const CategoryScore &c : run.categories) {
      os << "<tr><td>" << esc(c.title) << R"(</td><td class="n">)"
         << (c.scored ? num(c.points) : std::string("not scored"))
         << R"(</td><td class="n">)" << (c.scored ? num(c.weight) : "")
         << R"(</td><td class="n">)" << c.size << "</td><td>";
      for (const Deduction &d : c.deductions)
        os << esc(d.id) << " " << esc(d.name) << " &times;" << d.count
           << " &minus;" << num(d.points) << "<br>";
      os << "</td></tr>\n";
    }
    os << "</table>\n";
    if (!run.findings.empty()) {
      os << R"(<table class="findings"><tr><th>cost</th><th>category</th>)"
            "<th>diagnostic</th><th>where</th><th>source</th></tr>\n";
      for (const Finding &f : run.findings)
        os << R"(<tr><td class="n">)" << num(f.points) << "</td><td>"
           << esc(f.category) << "</td><td>" << esc(f.severity) << " ["
           << esc(f.id) << "] " << esc(f.message) << "</td><td>" << esc(f.file)
           << (f.line ? ":" + std::to_string(f.line) + ":" +
                            std::to_string(f.column)
                      : std::string())
           << "</td><td><pre>" << esc(f.snippet) << "</pre></td></tr>\n";
      os << "</table>\n";
      if (run.totalFindings > run.findings.size())
        os << R"(<p class="muted">)" << run.totalFindings - run.findings.size()
           << " more findings not shown.</p>\n";
    }
    os << "</details>\n";
  }
  os << R"(<script>
function openRun(i) {
  var d = document.getElementById('run-' + i);
  if (!d) return;
  d.open = true;
  d.scrollIntoView();
  document.body.setAttribute('data-opened', 'run-' + i);
}
document.querySelectorAll('.cell').forEach(function (c) {
  c.addEventListener('click', function () { openRun(c.getAttribute('data-run')); });
});
window.addEventListener('load', function () {
  var n = 0;
  document.querySelectorAll('svg rect').forEach(function (r) {
    var b = r.getBBox();
    if (b.width > 0 && b.height > 0) n++;
  });
  document.body.setAttribute('data-rendered-rects', String(n));
  var m = /^#click=(.+)$/.exec(location.hash);
  if (m) {
    var el = document.getElementById(decodeURIComponent(m[1]));
    if (el) el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  }
});
</script>
</body></html>
)";
}
