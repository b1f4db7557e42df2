//===- Score.cpp - Scoring one run against the rubric ---------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Score/Score.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/Basic/Render.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Diff/Diff.h"
#include "abv/Diff/Matcher.h"
#include "abv/Frontend/ProjectLoader.h"
#include "abv/Frontend/TypeScript/TSAST.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace abv;
using namespace abv::score;
using namespace llvm;

const CategoryScore *RunScore::getCategory(StringRef name) const {
  for (const CategoryScore &category : categories)
    if (category.name == name)
      return &category;
  return nullptr;
}

void abv::score::splitRunPath(StringRef path, std::string &model,
                              std::string &project) {
  SmallVector<StringRef, 8> parts;
  StringRef(path).rtrim("/\\").split(parts, '/', -1, /*KeepEmpty=*/false);
  // "." and ".." say nothing about the run.
  while (!parts.empty() && (parts.back() == "." || parts.back() == ".."))
    parts.pop_back();
  project = parts.empty() ? "project" : parts.back().str();
  model = parts.size() >= 3
              ? (parts[parts.size() - 3] + "/" + parts[parts.size() - 2]).str()
          : parts.size() == 2 ? parts[0].str()
                              : std::string("-");
}

/// Whether \p name (a path) has the folder \p folder below the project.
static bool isUnder(StringRef name, StringRef root, StringRef folder) {
  std::string normal = name.str();
  std::replace(normal.begin(), normal.end(), '\\', '/');
  StringRef rel = normal;
  if (!root.empty() && rel.starts_with(root))
    rel = rel.drop_front(root.size()).ltrim('/');
  return rel.starts_with(folder) || rel.contains(("/" + folder).str());
}

std::map<std::string, unsigned>
abv::score::measureProject(const Project &project) {
  std::map<std::string, unsigned> sizes;
  const db::Schema *schema = project.getDBSchema();
  const api::Document *doc = project.getAPIDocument();
  sizes["tables"] = schema ? schema->models.size() : 0;
  sizes["operations"] = doc ? doc->operations.size() : 0;
  unsigned providers = 0, tests = 0;
  for (const std::shared_ptr<ts::SourceFile> &file : project.tsFiles) {
    if (isUnder(file->getName(), project.rootPath, "src/providers/"))
      ++providers;
    else if (isUnder(file->getName(), project.rootPath, "test/"))
      ++tests;
  }
  sizes["providers"] = providers;
  sizes["tests"] = tests;
  return sizes;
}

void abv::score::reportMissingLayers(const Project &project,
                                     DiagnosticEngine &diags) {
  std::map<std::string, unsigned> sizes = measureProject(project);
  if (!project.getDBSchema())
    diags.report(DiagID::ScoreNoDBLayer, SMRange());
  if (!project.getAPIDocument())
    diags.report(DiagID::ScoreNoAPILayer, SMRange());
  if (!sizes["providers"])
    diags.report(DiagID::ScoreNoProviders, SMRange());
  if (!sizes["tests"])
    diags.report(DiagID::ScoreNoTests, SMRange());
}

/// The text of a TypeScript diagnostic message: a string, or a chain
/// ({messageText, next}) whose head is taken.
static std::string getMessageText(const json::Value *value) {
  if (!value)
    return "";
  if (value->isString())
    return value->getString().str();
  if (value->isObject())
    return getMessageText(value->get("messageText"));
  return "";
}

void abv::score::reportRecordedCompilation(const Project &project,
                                           DiagnosticEngine &diags,
                                           uint64_t sizeLimit) {
  if (project.rootPath.empty())
    return;
  SmallString<256> path(project.rootPath);
  sys::path::append(path, "autobe", "histories.json");
  if (!sys::fs::is_regular_file(path))
    return;
  SourceManager &sources = project.getSourceManager();
  std::optional<unsigned> id = addSourceFile(sources, diags, path, sizeLimit);
  if (!id)
    return;
  std::unique_ptr<json::Document> doc = json::parse(sources, *id, diags);
  if (!doc || !doc->getRoot().isArray())
    return;
  // The last record of each phase is its result; earlier ones are retries.
  StringMap<const json::Value *> last;
  for (const json::Value &event : doc->getRoot().getElements()) {
    const json::Value *type = event.get("type");
    if (type && type->isString() && event.get("compiled"))
      last[type->getString()] = &event;
  }
  // Source files by their path below the project.
  StringMap<unsigned> buffers;
  for (unsigned b = 1, e = sources.getNumBuffers(); b <= e; ++b) {
    std::string name = sources.getBufferName(b).str();
    std::replace(name.begin(), name.end(), '\\', '/');
    StringRef rel = name;
    if (rel.consume_front(project.rootPath))
      buffers[rel.ltrim('/')] = b;
  }
  struct Phase {
    StringRef type;
    DiagID id;
  };
  for (Phase phase : {Phase{"prisma", DiagID::ScoreDBCompileError},
                      Phase{"test", DiagID::ScoreTestCompileError},
                      Phase{"realize", DiagID::ScoreLogicCompileError}}) {
    const json::Value *event = last.lookup(phase.type);
    if (!event)
      continue;
    const json::Value &compiled = *event->get("compiled");
    const json::Value *result = compiled.get("type");
    if (!result || !result->isString() || result->getString() == "success")
      continue;
    unsigned reported = 0;
    if (const json::Value *list = compiled.get("diagnostics"))
      for (const json::Value &entry : list->getElements()) {
        const json::Value *category = entry.get("category");
        if (category && category->isString() &&
            category->getString() != "error")
          continue;
        std::string text = getMessageText(entry.get("messageText"));
        text = StringRef(text).split('\n').first.str();
        if (const json::Value *code = entry.get("code"))
          if (code->isNumber())
            text = ("TS" + code->getNumberText() + ": " + text).str();
        SMRange range = entry.getRange();
        const json::Value *file = entry.get("file");
        const json::Value *start = entry.get("start");
        if (file && file->isString() && start && start->isNumber()) {
          if (unsigned buffer = buffers.lookup(file->getString())) {
            StringRef bufferText = sources.getBufferText(buffer);
            int64_t offset = start->getAsInteger().value_or(-1);
            int64_t length = 0;
            if (const json::Value *len = entry.get("length"))
              length = len->getAsInteger().value_or(0);
            if (offset >= 0 && size_t(offset) <= bufferText.size()) {
              length =
                  std::clamp<int64_t>(length, 0, bufferText.size() - offset);
              range = SMRange(
                  SMLoc::getFromPointer(bufferText.data() + offset),
                  SMLoc::getFromPointer(bufferText.data() + offset + length));
            }
          }
        }
        diags.report(phase.id, range) << text;
        ++reported;
      }
    if (!reported) {
      std::string what = "'" + result->getString().str() + "'";
      if (const json::Value *reason = compiled.get("reason"))
        if (reason->isString())
          what += ": " + reason->getString().split('\n').first.str();
      diags.report(phase.id, compiled.getRange()) << what;
    }
  }
}

namespace {
/// One diagnostic's share of the points, for the breakdown.
struct Charge {
  const Diagnostic *diag;
  double cost;
  double points = 0;
};
} // namespace

/// Adds \p charge to \p deductions (by ID).
static void addDeduction(std::vector<Deduction> &deductions, DiagID id,
                         double points) {
  const DiagInfo &info = getDiagInfo(id);
  for (Deduction &deduction : deductions)
    if (deduction.id == info.code) {
      ++deduction.count;
      deduction.points += points;
      return;
    }
  deductions.push_back({info.code.str(), info.name.str(), 1, points});
}

static void sortDeductions(std::vector<Deduction> &deductions) {
  llvm::stable_sort(deductions, [](const Deduction &a, const Deduction &b) {
    if (a.points != b.points)
      return a.points > b.points;
    return a.id < b.id;
  });
}

RunScore abv::score::computeScore(const Rubric &rubric,
                                  ArrayRef<const Diagnostic *> diagnostics,
                                  const SourceManager &sources,
                                  const std::map<std::string, unsigned> &sizes,
                                  const FidelityFigures *fidelity,
                                  StringRef root, const ScoreOptions &options) {
  RunScore run;
  run.sizes = sizes;
  if (fidelity)
    run.fidelity = *fidelity;
  // Which category each diagnostic counts against, and the gate.
  std::vector<std::vector<Charge>> charges(rubric.categories.size());
  std::vector<std::vector<const Diagnostic *>> forfeits(
      rubric.categories.size());
  DenseMap<const Diagnostic *, unsigned> categoryOf;
  std::vector<const Diagnostic *> gateFailures;
  for (const Diagnostic *diag : diagnostics) {
    if (diag->severity < Severity::Remark)
      continue;
    ++run.families[std::string(
        getGroupInfo(getEnclosingGroups(diag->id).front()).name)];
    if (diag->severity == Severity::Error && rubric.gate.contains(diag->id))
      gateFailures.push_back(diag);
    for (auto [index, category] : llvm::enumerate(rubric.categories)) {
      if (category.isFidelity())
        continue;
      if (category.forfeit.contains(diag->id)) {
        forfeits[index].push_back(diag);
        categoryOf[diag] = index;
        break;
      }
      if (category.diagnostics.contains(diag->id)) {
        charges[index].push_back(
            {diag, rubric.getCost(diag->id, diag->severity)});
        categoryOf[diag] = index;
        break;
      }
    }
  }
  // Fidelity: the diff's findings by dimension.
  DenseMap<const Diagnostic *, double> pointsOf;
  double scoredWeight = 0;
  for (auto [index, rubricCategory] : llvm::enumerate(rubric.categories)) {
    CategoryScore category;
    category.name = rubricCategory.name;
    category.title = rubricCategory.title;
    category.weight = rubricCategory.weight;
    if (rubricCategory.isFidelity()) {
      double dimWeight = 0, earned = 0;
      for (const FidelityDimension &dim : rubricCategory.dimensions)
        if (fidelity && fidelity->f1.count(dim.name) && dim.weight > 0) {
          dimWeight += dim.weight;
          earned += dim.weight * fidelity->f1.at(dim.name);
        }
      if (dimWeight <= 0) {
        category.scored = false;
        run.categories.push_back(std::move(category));
        continue;
      }
      category.points = category.weight * earned / dimWeight;
      for (const FidelityDimension &dim : rubricCategory.dimensions) {
        if (!fidelity->f1.count(dim.name) || dim.weight <= 0)
          continue;
        double lost = category.weight * dim.weight / dimWeight *
                      (1 - fidelity->f1.at(dim.name));
        if (lost <= 0)
          continue;
        std::vector<const Diagnostic *> causes;
        for (const Diagnostic *diag : diagnostics)
          if (diag->severity >= Severity::Remark &&
              dim.diagnostics.contains(diag->id))
            causes.push_back(diag);
        if (causes.empty())
          for (const Diagnostic *diag : diagnostics)
            if (diag->severity >= Severity::Remark &&
                rubricCategory.layerMissing.contains(diag->id))
              causes.push_back(diag);
        for (const Diagnostic *diag : causes) {
          pointsOf[diag] += lost / causes.size();
          categoryOf[diag] = index;
          addDeduction(category.deductions, diag->id, lost / causes.size());
        }
        if (causes.empty())
          category.deductions.push_back(
              {"F1", dim.name + "-unmatched", 1, lost});
      }
      category.size = 0;
      scoredWeight += category.weight;
      run.categories.push_back(std::move(category));
      continue;
    }
    auto size = sizes.find(getSizeUnitName(rubricCategory.unit).str());
    category.size = size == sizes.end() ? 0 : size->second;
    scoredWeight += category.weight;
    if (!forfeits[index].empty()) {
      category.forfeited = true;
      category.points = 0;
      for (const Diagnostic *diag : forfeits[index]) {
        double share = category.weight / forfeits[index].size();
        addDeduction(category.deductions, diag->id, share);
        pointsOf[diag] += share;
      }
      run.categories.push_back(std::move(category));
      continue;
    }
    double penalty = 0;
    for (const Charge &charge : charges[index])
      penalty += charge.cost;
    category.penalty = penalty;
    double scale = rubricCategory.tolerance * std::max(1u, category.size);
    category.points = category.weight / (1 + penalty / scale);
    double lost = category.weight - category.points;
    for (Charge &charge : charges[index]) {
      charge.points = penalty > 0 ? lost * charge.cost / penalty : 0;
      if (charge.cost > 0)
        addDeduction(category.deductions, charge.diag->id, charge.points);
      pointsOf[charge.diag] += charge.points;
    }
    run.categories.push_back(std::move(category));
  }
  // Out of 100 over the categories scored.
  double scale = scoredWeight > 0 ? 100 / scoredWeight : 0;
  for (CategoryScore &category : run.categories) {
    if (!category.scored)
      continue;
    category.weight *= scale;
    category.points *= scale;
    for (Deduction &deduction : category.deductions)
      deduction.points *= scale;
    sortDeductions(category.deductions);
    run.uncapped += category.points;
  }
  run.total = run.uncapped;
  if (!gateFailures.empty()) {
    run.gatePassed = false;
    run.total = std::min(run.uncapped, rubric.gateCap);
    double extra = run.uncapped - run.total;
    for (const Diagnostic *diag : gateFailures)
      addDeduction(run.gateReasons, diag->id, extra / gateFailures.size());
    sortDeductions(run.gateReasons);
  }
  // The drill-down: every diagnostic with what it cost.
  std::vector<Finding> findings;
  for (const Diagnostic *diag : diagnostics) {
    if (diag->severity < Severity::Remark)
      continue;
    Finding finding;
    const DiagInfo &info = diag->getInfo();
    finding.id = info.code.str();
    finding.severity = getSeverityName(diag->severity).str();
    auto it = categoryOf.find(diag);
    finding.category = it == categoryOf.end()
                           ? (rubric.gate.contains(diag->id) ? "gate" : "-")
                           : rubric.categories[it->second].name;
    finding.points = pointsOf.lookup(diag) * scale;
    finding.message = diag->message;
    if (diag->range.isValid()) {
      std::string name = sources.getBufferName(diag->range.Start).str();
      StringRef rel = name;
      if (!root.empty() && rel.consume_front(root))
        rel = rel.ltrim("/\\");
      finding.file = rel.str();
      LineColumn lc = sources.getLineColumn(diag->range.Start);
      finding.line = lc.line;
      finding.column = lc.column;
      if (unsigned buffer = sources.findBuffer(diag->range.Start)) {
        StringRef text = sources.getBufferText(buffer);
        const char *start = sources.getLineStart(diag->range.Start);
        StringRef line = text.drop_front(start - text.data());
        line = line.take_until([](char c) { return c == '\n' || c == '\r'; });
        finding.snippet = line.take_front(240).str();
      }
    }
    findings.push_back(std::move(finding));
  }
  llvm::stable_sort(findings, [](const Finding &a, const Finding &b) {
    if (a.points != b.points)
      return a.points > b.points;
    return std::tie(a.file, a.line, a.column, a.id) <
           std::tie(b.file, b.line, b.column, b.id);
  });
  run.totalFindings = findings.size();
  if (findings.size() > options.maxFindings)
    findings.resize(options.maxFindings);
  run.findings = std::move(findings);
  return run;
}

/// The figures of one dimension as an F1, when the reference describes it.
static void addF1(FidelityFigures &figures, StringRef name,
                  const diff::DimensionStats &stats) {
  if (!stats.compared || stats.reference == 0)
    return;
  figures.f1[name.str()] = stats.getF1().value_or(0);
}

RunScore abv::score::scoreRun(const Rubric &rubric, StringRef runPath,
                              StringRef referencePath,
                              const ScoreOptions &options) {
  Workspace workspace;
  DiagnosticEngine diags(workspace.getSourceManager());
  diags.getOptions() = options.diagnostics;
  Project &project = workspace.addProject();
  LoadOptions load;
  load.sizeLimit = options.sizeLimit;
  load.allowOutsideRoot = options.allowOutsideRoot;
  std::vector<std::string> inputs{runPath.str()};
  LoadResult loaded = loadProject(project, inputs, diags, load);
  std::string model, projectName;
  splitRunPath(runPath, model, projectName);
  auto problem = [&](const Diagnostic &diag) {
    std::string text;
    raw_string_ostream os(text);
    RenderOptions render;
    render.toolName = "abv-score";
    render.summary = false;
    renderText(os, workspace.getSourceManager(), ArrayRef(diag), render);
    return StringRef(text).rtrim().str();
  };
  // A run that stopped before writing any artifact (a folder with only
  // AutoBe's history or documents; an empty folder is no run) is no input
  // problem: the layers it lacks (SC001-SC004) say what it did not produce.
  std::error_code ec;
  bool stoppedEarly =
      project.empty() && sys::fs::is_directory(runPath) &&
      sys::fs::directory_iterator(runPath, ec) !=
          sys::fs::directory_iterator() &&
      llvm::all_of(diags.getDiagnostics(), [](const Diagnostic &diag) {
        return diag.id == DiagID::InputNoArtifacts ||
               diag.severity < Severity::Error;
      });
  if (stoppedEarly) {
    project.rootPath = runPath.str();
    while (!project.rootPath.empty() && (project.rootPath.back() == '/'))
      project.rootPath.pop_back();
  } else if (loaded != LoadResult::Ok || project.empty()) {
    RunScore run;
    run.model = model;
    run.project = projectName;
    run.path = runPath.str();
    run.loaded = false;
    run.gatePassed = false;
    diags.report(DiagID::ScoreRunUnusable, SMRange()) << runPath;
    for (const Diagnostic &diag : diags.getDiagnostics())
      if (diag.severity >= Severity::Warning)
        run.problems.push_back(problem(diag));
    return run;
  }
  PassManager passes(PassRegistry::getGlobal());
  passes.addDefaultPipeline();
  passes.run(project, diags);
  reportMissingLayers(project, diags);
  reportRecordedCompilation(project, diags, options.sizeLimit);
  unsigned candidateBuffers = workspace.getSourceManager().getNumBuffers();
  size_t candidateDiags = diags.getDiagnostics().size();

  std::optional<FidelityFigures> fidelity;
  if (!referencePath.empty()) {
    std::unique_ptr<diff::Spec> reference =
        diff::loadSide(referencePath, workspace, diags, load);
    if (reference) {
      std::unique_ptr<diff::Spec> candidate =
          diff::buildProjectSpec(project, runPath);
      diff::Matcher matcher(*candidate, *reference);
      diff::Alignment alignment = matcher.alignAll();
      diff::reportDifferences(*candidate, *reference, alignment, diags);
      diff::DiffStats stats =
          diff::computeStats(*candidate, *reference, alignment);
      FidelityFigures figures;
      figures.reference = referencePath.str();
      addF1(figures, "entities", stats.entities);
      addF1(figures, "columns", stats.columns);
      addF1(figures, "endpoints", stats.endpoints);
      addF1(figures, "dtos", stats.dtos);
      fidelity = std::move(figures);
    }
  }
  // What counts: the run's own findings, and the diff's findings wherever
  // they point; the reference's own problems cost the run nothing.
  std::vector<const Diagnostic *> counted;
  std::vector<std::string> problems;
  ArrayRef<Diagnostic> all = diags.getDiagnostics();
  for (auto [index, diag] : llvm::enumerate(all)) {
    unsigned buffer =
        diag.range.isValid()
            ? workspace.getSourceManager().findBuffer(diag.range.Start)
            : 0;
    if (stoppedEarly && diag.id == DiagID::InputNoArtifacts)
      continue;
    bool ours = index < candidateDiags ||
                diag.getInfo().category == Category::Conformance ||
                (buffer && buffer <= candidateBuffers);
    if (ours)
      counted.push_back(&diag);
    else if (diag.severity >= Severity::Warning)
      problems.push_back(problem(diag));
  }
  if (!referencePath.empty() && !fidelity)
    problems.push_back(("reference '" + referencePath +
                        "' could not be used; fidelity is not scored")
                           .str());
  // Sort by location for a stable order whatever the engine did.
  RunScore run = computeScore(
      rubric, counted, workspace.getSourceManager(), measureProject(project),
      fidelity ? &*fidelity : nullptr, project.rootPath, options);
  run.model = model;
  run.project = projectName;
  run.path = runPath.str();
  run.problems = std::move(problems);
  return run;
}
