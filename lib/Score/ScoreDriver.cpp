//===- ScoreDriver.cpp - The abv-score command line -----------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Score/ScoreDriver.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/Render.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Diff/GoldenSpec.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Score/Report.h"
#include "abv/Score/Rubric.h"
#include "abv/Score/Score.h"
#include "abv/Tool/OutputFile.h"
#include "abv/Tool/WarningOptions.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/thread.h"

#include <atomic>
#include <mutex>

using namespace abv;
using namespace abv::score;
using namespace llvm;

namespace {
enum class ReportFormat { Text, JSON, CSV, Markdown, HTML };
enum class ProgressMode { Auto, Always, Never };
enum ExitCode { ExitClean = 0, ExitProblems = 1, ExitUsage = 2 };

/// One run to score.
struct Job {
  std::string path;
  std::string reference;
};
} // namespace

static constexpr StringRef ToolName = "abv-score";
/// The largest result or published table read (a result holds at most
/// --max-findings findings per run).
static constexpr uint64_t ResultSizeLimit = uint64_t(1) << 30;

/// Whether \p dir holds a project's artifacts itself (not a batch).
static bool looksLikeProject(StringRef dir) {
  for (StringRef entry : {"prisma", "autobe", "src", "test", "schema.prisma",
                          "swagger.json", "openapi.json", "openapi.yaml"}) {
    SmallString<256> path(dir);
    sys::path::append(path, entry);
    if (sys::fs::exists(path))
      return true;
  }
  return false;
}

/// The run folders of a batch: the folders \p depth levels below \p root,
/// sorted.
static void findRuns(StringRef root, unsigned depth,
                     std::vector<std::string> &runs) {
  std::error_code ec;
  std::vector<std::string> children;
  for (sys::fs::directory_iterator it(root, ec), end; it != end && !ec;
       it.increment(ec)) {
    if (sys::fs::is_directory(it->path()) &&
        !sys::path::filename(it->path()).starts_with("."))
      children.push_back(it->path());
  }
  llvm::sort(children);
  for (const std::string &child : children) {
    if (depth <= 1)
      runs.push_back(child);
    else
      findRuns(child, depth - 1, runs);
  }
}

int abv::runScoreMain(int argc, char **argv) {
  InitLLVM init(argc, argv);
  StringMap<cl::Option *> &registered = cl::getRegisteredOptions();
  for (StringRef name : {"color", "stats"})
    if (auto it = registered.find(name); it != registered.end())
      it->second->removeArgument();
  cl::OptionCategory category("abv-score options");
  cl::list<std::string> inputs(cl::Positional,
                               cl::desc("<run | runs directory | result.json>"),
                               cl::cat(category));
  cl::opt<std::string> reference(
      "reference",
      cl::desc("The reference of a single run (golden spec or project)"),
      cl::value_desc("path"), cl::cat(category));
  cl::opt<std::string> referenceDir(
      "reference-dir",
      cl::desc("A folder of references, one per project name (<dir>/todo)"),
      cl::value_desc("dir"), cl::cat(category));
  cl::opt<std::string> rubricFile(
      "rubric", cl::desc("Rubric file (default: the built-in rubric)"),
      cl::value_desc("file"), cl::cat(category));
  cl::opt<bool> printRubric("print-rubric",
                            cl::desc("Print the default rubric and exit"),
                            cl::cat(category));
  cl::opt<unsigned> jobs("j", cl::desc("Runs scored in parallel"), cl::init(1),
                         cl::Prefix, cl::cat(category));
  cl::opt<std::string> shard(
      "shard", cl::desc("Score only shard K of N of the batch (K/N, 1-based)"),
      cl::value_desc("K/N"), cl::cat(category));
  cl::opt<bool> merge(
      "merge", cl::desc("The inputs are abv-score JSON results to merge"),
      cl::cat(category));
  cl::opt<ReportFormat> format(
      "format", cl::desc("Output format"),
      cl::values(
          clEnumValN(ReportFormat::Text, "text", "a breakdown per run"),
          clEnumValN(ReportFormat::JSON, "json", "JSON (docs/ScoreJSON.md)"),
          clEnumValN(ReportFormat::CSV, "csv", "CSV leaderboard"),
          clEnumValN(ReportFormat::Markdown, "markdown",
                     "Markdown leaderboard"),
          clEnumValN(ReportFormat::HTML, "html", "self-contained HTML report")),
      cl::init(ReportFormat::Text), cl::cat(category));
  cl::opt<std::string> outputFile("o", cl::desc("Output file (default stdout)"),
                                  cl::value_desc("file"), cl::init("-"),
                                  cl::cat(category));
  cl::opt<std::string> outputDir(
      "output-dir",
      cl::desc("Also write scores.txt, scores.json, leaderboard.csv, "
               "leaderboard.md and report.html into this folder"),
      cl::value_desc("dir"), cl::cat(category));
  cl::opt<std::string> comparePublished(
      "compare-published",
      cl::desc("A published score table to compare with (batch-summary.json "
               "format)"),
      cl::value_desc("file"), cl::cat(category));
  cl::opt<unsigned> depth(
      "depth",
      cl::desc("Depth of the runs below a runs directory (3: "
               "<vendor>/<model>/<project>)"),
      cl::init(3), cl::cat(category));
  cl::opt<unsigned> maxFindings(
      "max-findings", cl::desc("Findings kept per run for the drill-down"),
      cl::init(200), cl::cat(category));
  cl::opt<uint64_t> seed("seed", cl::desc("Seed of the bootstrap"),
                         cl::init(20261203), cl::cat(category));
  cl::opt<ProgressMode> progress(
      "progress", cl::desc("Progress bar on stderr"),
      cl::values(clEnumValN(ProgressMode::Auto, "auto", "on a terminal"),
                 clEnumValN(ProgressMode::Always, "always", "always"),
                 clEnumValN(ProgressMode::Never, "never", "never")),
      cl::init(ProgressMode::Auto), cl::cat(category));
  WarningOptions warnings(category);
  cl::HideUnrelatedOptions(category);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "abv-score - score generated backends against a rubric\n\n"
          "  abv-score RUN [--reference REF]\n"
          "  abv-score RUNS_DIR --reference-dir REFS [-j N] [--shard K/N]\n"
          "  abv-score --merge a.json b.json ...\n",
          &errs()))
    return ExitUsage;
  if (printRubric) {
    outs() << getDefaultRubricText();
    return ExitClean;
  }
  if (inputs.empty()) {
    WithColor::error(errs(), ToolName)
        << "no input: name a run, a runs directory or (with --merge) result "
           "files\n";
    return ExitUsage;
  }
  unsigned shardIndex = 1, shardCount = 1;
  if (!shard.empty()) {
    auto [k, n] = StringRef(shard).split('/');
    if (k.getAsInteger(10, shardIndex) || n.getAsInteger(10, shardCount) ||
        shardCount == 0 || shardIndex == 0 || shardIndex > shardCount) {
      WithColor::error(errs(), ToolName)
          << "--shard=" << shard << ": expected K/N with 1 <= K <= N\n";
      return ExitUsage;
    }
  }

  // Driver diagnostics (rubric, results, published table) are rendered on
  // stderr as they would be by any tool.
  SourceManager sources;
  DiagnosticEngine diags(sources);
  auto flushDiagnostics = [&] {
    RenderOptions render;
    render.toolName = ToolName;
    render.summary = false;
    diags.sortByLocation();
    renderText(errs(), sources, diags.getDiagnostics(), render);
  };
  ScoreOptions options;
  options.maxFindings = maxFindings;
  if (!warnings.apply(options.diagnostics, ToolName))
    return ExitUsage;
  std::optional<Rubric> rubric = loadRubric(rubricFile, sources, diags);
  if (!rubric) {
    flushDiagnostics();
    return ExitUsage;
  }
  Batch batch;
  batch.rubricName = rubric->name;
  batch.rubricVersion = rubric->version;
  bool problems = false;

  if (merge) {
    batch.rubricName.clear();
    for (const std::string &input : inputs) {
      std::optional<unsigned> id =
          addSourceFile(sources, diags, input, ResultSizeLimit);
      if (!id || !readJSONResult(sources, *id, batch, diags)) {
        flushDiagnostics();
        return ExitUsage;
      }
    }
  } else {
    std::vector<Job> jobsToRun;
    for (const std::string &input : inputs) {
      if (!sys::fs::is_directory(input)) {
        diags.report(DiagID::InputUnreadable, SMRange())
            << input << "not a folder (a run or a runs directory)";
        flushDiagnostics();
        return ExitUsage;
      }
      std::vector<std::string> runs;
      if (looksLikeProject(input))
        runs.push_back(input);
      else
        findRuns(input, depth, runs);
      for (std::string &run : runs) {
        Job job{run, reference};
        if (!referenceDir.empty()) {
          std::string model, project;
          splitRunPath(run, model, project);
          SmallString<256> ref(referenceDir.getValue());
          sys::path::append(ref, project);
          if (sys::fs::exists(ref))
            job.reference = ref.str().str();
          else
            diags.report(DiagID::ScoreNoReference, SMRange())
                << project << referenceDir;
        }
        jobsToRun.push_back(std::move(job));
      }
    }
    if (shardCount > 1) {
      std::vector<Job> mine;
      for (size_t i = 0; i < jobsToRun.size(); ++i)
        if (i % shardCount == shardIndex - 1)
          mine.push_back(jobsToRun[i]);
      jobsToRun = std::move(mine);
    }
    // Threads take the largest runs first (by the bytes of their files), so
    // that a batch is not left waiting on one big run at its end; results
    // keep the batch's order.
    std::vector<size_t> order(jobsToRun.size());
    {
      std::vector<uint64_t> bytes(jobsToRun.size());
      for (size_t i = 0; i < jobsToRun.size(); ++i) {
        std::error_code ec;
        for (sys::fs::recursive_directory_iterator
                 it(jobsToRun[i].path, ec, /*follow_symlinks=*/false),
             end;
             it != end && !ec; it.increment(ec)) {
          sys::fs::file_status status;
          if (!sys::fs::status(it->path(), status, /*Follow=*/false) &&
              status.type() == sys::fs::file_type::regular_file)
            bytes[i] += status.getSize();
        }
        order[i] = i;
      }
      llvm::stable_sort(
          order, [&](size_t a, size_t b) { return bytes[a] > bytes[b]; });
    }
    // The pass registry is filled once, before any worker reads it.
    PassRegistry &registry = PassRegistry::getGlobal();
    if (registry.getEntries().empty())
      registerAllPasses(registry);
    batch.runs.resize(jobsToRun.size());
    std::atomic<size_t> next{0}, done{0};
    std::mutex progressLock;
    bool showProgress = progress == ProgressMode::Always ||
                        (progress == ProgressMode::Auto &&
                         sys::Process::StandardErrIsDisplayed());
    auto worker = [&] {
      for (size_t n = next++; n < jobsToRun.size(); n = next++) {
        size_t i = order[n];
        batch.runs[i] = scoreRun(*rubric, jobsToRun[i].path,
                                 jobsToRun[i].reference, options);
        size_t finished = ++done;
        if (showProgress) {
          std::lock_guard<std::mutex> guard(progressLock);
          unsigned width = 30;
          unsigned filled = finished * width / jobsToRun.size();
          errs() << "\r[" << std::string(filled, '#')
                 << std::string(width - filled, ' ') << "] " << finished << "/"
                 << jobsToRun.size();
          if (finished == jobsToRun.size())
            errs() << '\n';
        }
      }
    };
    unsigned threads = std::max(1u, std::min<unsigned>(jobs, jobsToRun.size()));
    std::vector<llvm::thread> pool;
    pool.reserve(threads);
    // The frontends' recursion bounds are sized for a 64 MiB stack.
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back(std::optional<unsigned>(64u << 20), worker);
    for (llvm::thread &thread : pool)
      thread.join();
    for (const RunScore &run : batch.runs)
      if (!run.loaded || !run.problems.empty()) {
        problems = true;
        for (const std::string &problem : run.problems)
          errs() << problem << '\n';
      }
  }
  batch.sort();
  Analysis analysis = analyze(batch, seed);
  if (!comparePublished.empty()) {
    std::vector<PublishedScore> published;
    std::optional<unsigned> id =
        addSourceFile(sources, diags, comparePublished, ResultSizeLimit);
    if (!id || !readPublished(sources, *id, published, diags)) {
      flushDiagnostics();
      return ExitUsage;
    }
    analysis.published = score::comparePublished(batch, published);
  }
  flushDiagnostics();
  auto writer = [&](ReportFormat f) {
    return [&, f](raw_ostream &os) {
      switch (f) {
      case ReportFormat::Text:
        writeText(os, batch, analysis);
        break;
      case ReportFormat::JSON:
        writeJSON(os, batch, analysis);
        break;
      case ReportFormat::CSV:
        writeCSV(os, batch, analysis);
        break;
      case ReportFormat::Markdown:
        writeMarkdown(os, batch, analysis);
        break;
      case ReportFormat::HTML:
        writeHTML(os, batch, analysis);
        break;
      }
    };
  };
  if (!OutputFile::write(outputFile, ToolName, writer(format)))
    return ExitUsage;
  if (!outputDir.empty()) {
    if (std::error_code ec = sys::fs::create_directories(outputDir)) {
      WithColor::error(errs(), ToolName)
          << "cannot create '" << outputDir << "': " << ec.message() << '\n';
      return ExitUsage;
    }
    struct File {
      StringRef name;
      ReportFormat format;
    };
    for (File file : {File{"scores.txt", ReportFormat::Text},
                      File{"scores.json", ReportFormat::JSON},
                      File{"leaderboard.csv", ReportFormat::CSV},
                      File{"leaderboard.md", ReportFormat::Markdown},
                      File{"report.html", ReportFormat::HTML}}) {
      SmallString<256> path(outputDir.getValue());
      sys::path::append(path, file.name);
      if (!OutputFile::write(path, ToolName, writer(file.format)))
        return ExitUsage;
    }
  }
  return problems ? ExitProblems : ExitClean;
}
