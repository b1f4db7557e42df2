//===- ToolDriver.cpp - What the abv-* tools' main functions call ---------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Tool/ToolDriver.h"
#include "abv/Analysis/CRUDCoverage.h"
#include "abv/Analysis/LogicReport.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/Render.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/Timing.h"
#include "abv/Basic/VerifyDiagnostics.h"
#include "abv/Diff/Diff.h"
#include "abv/Frontend/ProjectLoader.h"
#include "abv/Frontend/TypeScript/TSAST.h"
#include "abv/Frontend/TypeScript/TSPrinter.h"
#include "abv/IR/Printer.h"
#include "abv/IR/Project.h"
#include "abv/IR/Verifier.h"
#include "abv/Pass/Pass.h"
#include "abv/Tool/OutputFile.h"
#include "abv/Tool/WarningOptions.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"

#include <functional>

using namespace abv;
using namespace llvm;

namespace {
enum class FailOn { Error, Warning, Remark, Never };
enum class ColorMode { Auto, Always, Never };
enum class CoverageFormat { None, Text, JSON };

/// Exit codes shared by every tool.
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitUsage = 2 };

/// The options every tool has. Constructed inside main so that each tool
/// registers exactly its own options.
struct CommonOptions {
  cl::OptionCategory category{"ABV options"};

  cl::list<std::string> inputs{
      cl::Positional, cl::desc("<project dir | file>..."), cl::cat(category)};
  cl::opt<OutputFormat> format{
      "format", cl::desc("Diagnostic output format"),
      cl::values(clEnumValN(OutputFormat::Text, "text", "clang-style text"),
                 clEnumValN(OutputFormat::JSON, "json", "ABV JSON"),
                 clEnumValN(OutputFormat::SARIF, "sarif", "SARIF 2.1.0")),
      cl::init(OutputFormat::Text), cl::cat(category)};
  cl::opt<FailOn> failOn{
      "fail-on", cl::desc("Least severity that makes the exit code 1"),
      cl::values(clEnumValN(FailOn::Error, "error", "errors (default)"),
                 clEnumValN(FailOn::Warning, "warning", "warnings and errors"),
                 clEnumValN(FailOn::Remark, "remark", "any finding"),
                 clEnumValN(FailOn::Never, "never", "never")),
      cl::init(FailOn::Error), cl::cat(category)};
  WarningOptions warnings{category};
  cl::opt<ColorMode> color{
      "color", cl::desc("Use colors in text output"),
      cl::values(clEnumValN(ColorMode::Auto, "auto", "when a terminal"),
                 clEnumValN(ColorMode::Always, "always", "always"),
                 clEnumValN(ColorMode::Never, "never", "never")),
      cl::init(ColorMode::Auto), cl::cat(category)};
  cl::opt<std::string> outputFile{
      "o", cl::desc("Output file (default: stdout)"), cl::value_desc("file"),
      cl::init("-"), cl::cat(category)};
  cl::opt<std::string> passes{
      "passes", cl::desc("Comma-separated pass pipeline (see --list-passes)"),
      cl::value_desc("pass,pass,..."), cl::cat(category)};
  cl::opt<bool> listDiagnostics{"list-diagnostics",
                                cl::desc("Print the diagnostic table and exit"),
                                cl::cat(category)};
  cl::opt<uint64_t> maxInputSize{
      "max-input-size",
      cl::desc(
          "Refuse input files larger than this many bytes (default 1 GiB)"),
      cl::value_desc("bytes"), cl::init(MaxSourceFileSize), cl::cat(category)};
  cl::opt<bool> allowOutsideRoot{
      "allow-outside-root",
      cl::desc("Read files that symbolic links inside a project folder lead "
               "to outside it (by default they are reported and not read)"),
      cl::cat(category)};
  cl::opt<bool> listPasses{"list-passes",
                           cl::desc("Print the registered passes and exit"),
                           cl::cat(category)};
  cl::opt<bool> timePasses{
      "time-passes",
      cl::desc("When done, print on stderr where the time went: each "
               "frontend phase, analysis, pass and output step"),
      cl::cat(category)};
  cl::opt<bool> verifyDiagnostics{
      "verify-diagnostics",
      cl::desc("Check the diagnostics against the expected-error, "
               "expected-warning, expected-remark and expected-note "
               "directives in the inputs' comments and in *.expected files "
               "named as inputs, instead of printing them"),
      cl::cat(category)};
};

/// The state of one tool invocation.
class ToolRun {
public:
  ToolRun(CommonOptions &opts, StringRef toolName)
      : project(workspace.addProject()), opts(opts), toolName(toolName),
        diags(workspace.getSourceManager()) {
    if (opts.timePasses)
      timing.emplace();
  }
  /// With --time-passes, prints the timings on stderr: the run is over.
  ~ToolRun() {
    if (timing)
      timing->print(errs());
    llvm::BuryPointer(std::move(ownedWorkspace));
  }
  ToolRun(const ToolRun &) = delete;
  ToolRun &operator=(const ToolRun &) = delete;

  /// The timers of --time-passes; null when not asked for.
  Timing *getTiming() { return timing ? &*timing : nullptr; }

  /// Applies -W options; false on an unknown diagnostic.
  bool applyWarningOptions();
  /// Handles --list-*; returns an exit code if one was handled.
  std::optional<int> handleListings(raw_ostream &os);
  /// Loads the inputs; false when an input was unreadable.
  bool load();
  /// Builds the pass pipeline: --passes, or the default one when
  /// \p useDefault; false on an unknown pass.
  bool runPasses(bool useDefault, bool verifyIR);
  /// The steps every tool takes once its options are parsed: answer
  /// --list-*, apply -W, load the inputs, open \p out (refusing an output
  /// that is an input). Returns the exit code when the tool is done already
  /// (a listing, a usage error); otherwise sets \p readable.
  std::optional<int> start(OutputFile &out, bool &readable);
  /// Renders the diagnostics and computes the exit code.
  int finish(raw_ostream &diagOS, bool unreadable);

  /// The sources of every project the tool loads; the first project is
  /// what abv-verify and abv-opt check. Never freed: the process ends with
  /// the run, and freeing every model, operation and syntax tree of a large
  /// project one by one only delays the exit (clang's -disable-free).
  std::unique_ptr<Workspace> ownedWorkspace = std::make_unique<Workspace>();
  Workspace &workspace = *ownedWorkspace;
  Project &project;
  CommonOptions &opts;
  StringRef toolName;
  DiagnosticEngine diags;
  /// --verify-diagnostics: the *.expected inputs, read by load().
  std::vector<std::unique_ptr<MemoryBuffer>> expectationFiles;
  /// An expectations file could not be read (a usage error).
  bool expectationsUnreadable = false;
  /// --time-passes.
  std::optional<Timing> timing;
  /// A tool that reads its inputs its own way (abv-diff: a candidate and a
  /// reference) sets this; load() calls it instead of loading one project.
  std::function<bool()> loadInputs;
};
} // namespace

static PassRegistry &getRegistry() {
  PassRegistry &registry = PassRegistry::getGlobal();
  if (registry.getEntries().empty()) {
    registerAllPasses(registry);
  }
  return registry;
}

bool ToolRun::applyWarningOptions() {
  return opts.warnings.apply(diags.getOptions(), toolName);
}

/// --list-diagnostics: the whole table, tab-separated. Diagnostics, merged
/// IDs and notes have six columns: ID, name, kind (the default severity,
/// `alias` or `note`), category, group, and the message (for an alias,
/// "merged into <ID>", or "old name of <ID>" when only the name changed);
/// `-` marks an empty column. Groups have five:
/// `group`, name, direct subgroups, every member's ID (comma-separated, `-`
/// when none), description.
static void printDiagnosticTable(raw_ostream &os) {
  for (const DiagInfo &info : getAllDiagInfos())
    os << info.code << '\t' << info.name << '\t'
       << getSeverityName(info.defaultSeverity) << '\t'
       << getCategoryName(info.category) << '\t'
       << getGroupInfo(info.group).name << '\t' << info.format << '\n';
  for (const AliasInfo &alias : getAllAliases())
    os << (alias.code.empty() ? "-" : alias.code) << '\t' << alias.name
       << "\talias\t-\t-\t"
       << (alias.code.empty() ? "old name of " : "merged into ")
       << getDiagInfo(alias.target).code << '\n';
  for (const NoteInfo &info : getAllNoteInfos())
    os << info.code << '\t' << info.name << "\tnote\t-\t-\t" << info.format
       << '\n';
  auto list = [&](auto range, auto name) {
    if (range.empty()) {
      os << '-';
      return;
    }
    ListSeparator comma(",");
    for (const auto &item : range)
      os << comma << name(item);
  };
  for (const GroupInfo &group : getAllGroupInfos()) {
    os << "group\t" << group.name << '\t';
    list(getSubgroups(group.id),
         [](GroupID id) { return getGroupInfo(id).name; });
    os << '\t';
    list(getGroupMembers(group.id),
         [](DiagID id) { return getDiagInfo(id).code; });
    os << '\t' << group.description << '\n';
  }
}

std::optional<int> ToolRun::handleListings(raw_ostream &os) {
  if (opts.listDiagnostics) {
    printDiagnosticTable(os);
    return ExitClean;
  }
  if (opts.listPasses) {
    for (const PassRegistry::Entry &entry : getRegistry().getEntries())
      os << entry.argument << '\t' << entry.description << '\n';
    return ExitClean;
  }
  return std::nullopt;
}

bool ToolRun::load() {
  if (opts.inputs.empty()) {
    WithColor::error(errs(), toolName)
        << "no input: name a project folder or artifact files (see --help)\n";
    return false;
  }
  if (loadInputs)
    return loadInputs();
  std::vector<std::string> inputs;
  for (const std::string &input : opts.inputs) {
    // Expectations of --verify-diagnostics are no artifacts.
    if (opts.verifyDiagnostics && StringRef(input).ends_with(".expected")) {
      ErrorOr<std::unique_ptr<MemoryBuffer>> file =
          MemoryBuffer::getFile(input, /*IsText=*/true);
      if (!file) {
        WithColor::error(errs(), toolName)
            << "cannot read '" << input << "': " << file.getError().message()
            << '\n';
        expectationsUnreadable = true;
        return false;
      }
      expectationFiles.push_back(std::move(*file));
      continue;
    }
    inputs.push_back(input);
  }
  LoadOptions loadOptions;
  loadOptions.sizeLimit = opts.maxInputSize;
  loadOptions.allowOutsideRoot = opts.allowOutsideRoot;
  loadOptions.timing = getTiming();
  return loadProject(project, inputs, diags, loadOptions) == LoadResult::Ok;
}

bool ToolRun::runPasses(bool useDefault, bool verifyIR) {
  PassManager pm(getRegistry());
  pm.setVerifyIR(verifyIR);
  pm.setTiming(getTiming());
  if (opts.passes.getNumOccurrences()) {
    if (Error err = pm.addPipeline(opts.passes)) {
      WithColor::error(errs(), toolName) << toString(std::move(err)) << '\n';
      return false;
    }
  } else if (useDefault) {
    pm.addDefaultPipeline();
  }
  pm.run(project, diags);
  return true;
}

int ToolRun::finish(raw_ostream &diagOS, bool unreadable) {
  TimingRegion region(getTiming(), TimingKind::Output, "diagnostics");
  diags.sortByLocation();
  if (opts.verifyDiagnostics) {
    // The diagnostics are checked, not shown; an unreadable input is a
    // diagnostic like any other (expected-error@* can expect it).
    DiagnosticVerifier verifier(project.getSourceManager());
    verifier.scanSources();
    for (const std::unique_ptr<MemoryBuffer> &file : expectationFiles)
      verifier.addExpectationsFile(file->getBufferIdentifier(),
                                   file->getBuffer());
    bool ok = verifier.verify(diags.getDiagnostics(), diagOS, toolName);
    diagOS.flush();
    return ok ? ExitClean : ExitFindings;
  }
  RenderOptions renderOpts;
  renderOpts.toolName = toolName;
  renderOpts.color = opts.format == OutputFormat::Text &&
                     (opts.color == ColorMode::Always ||
                      (opts.color == ColorMode::Auto && diagOS.has_colors()));
  if (renderOpts.color)
    diagOS.enable_colors(true);
  render(opts.format, diagOS, project.getSourceManager(),
         diags.getDiagnostics(), renderOpts);
  diagOS.flush();
  if (unreadable)
    return ExitUsage;
  switch (opts.failOn.getValue()) {
  case FailOn::Error:
    return diags.hasAtLeast(Severity::Error) ? ExitFindings : ExitClean;
  case FailOn::Warning:
    return diags.hasAtLeast(Severity::Warning) ? ExitFindings : ExitClean;
  case FailOn::Remark:
    return diags.hasAtLeast(Severity::Remark) ? ExitFindings : ExitClean;
  case FailOn::Never:
    return ExitClean;
  }
  return ExitClean;
}

/// LLVM's Support library registers its own boolean `--color`; ABV's
/// `--color=auto|always|never` replaces it.
static void removeLLVMColorOption() {
  StringMap<cl::Option *> &registered = cl::getRegisteredOptions();
  auto it = registered.find("color");
  if (it != registered.end())
    it->second->removeArgument();
}

/// Whether \p a and \p b name the same existing file.
static bool isSameFile(const Twine &a, const Twine &b) {
  sys::fs::UniqueID idA, idB;
  return !sys::fs::getUniqueID(a, idA) && !sys::fs::getUniqueID(b, idB) &&
         idA == idB;
}

std::optional<int> ToolRun::start(OutputFile &out, bool &readable) {
  if (opts.listDiagnostics || opts.listPasses) {
    if (!out.open())
      return ExitUsage;
    std::optional<int> code = handleListings(out.os());
    return out.commit() ? code.value_or(ExitClean) : ExitUsage;
  }
  if (!applyWarningOptions())
    return ExitUsage;
  // Without inputs load() explains the usage error.
  readable = load();
  if (opts.inputs.empty() || expectationsUnreadable)
    return ExitUsage;
  // Never write over what was read: the output would destroy an input.
  if (opts.outputFile != "-") {
    const SourceManager &sm = project.getSourceManager();
    bool clobbers = llvm::any_of(opts.inputs, [&](const std::string &input) {
      return isSameFile(input, opts.outputFile);
    });
    for (unsigned id = 1, e = sm.getNumBuffers(); id <= e && !clobbers; ++id)
      clobbers = isSameFile(sm.getBufferName(id), opts.outputFile);
    if (clobbers) {
      WithColor::error(errs(), toolName)
          << "output '" << opts.outputFile
          << "' is an input; name another file with -o\n";
      return ExitUsage;
    }
  }
  if (!out.open())
    return ExitUsage;
  return std::nullopt;
}

/// Stack for the work of a tool. The frontends bound their recursion (JSON
/// and YAML nesting, schema depth through `$ref`s, Prisma expressions), and
/// those bounds are sized for this stack, not for whatever the process was
/// started with (sanitizer builds use several times the frames).
constexpr unsigned ToolStackSize = 64u << 20;

/// Runs \p body on a thread with ToolStackSize of stack; returns its result.
static int runWithToolStack(llvm::function_ref<int()> body) {
  int result = ExitUsage;
  llvm::thread worker(std::optional<unsigned>(ToolStackSize),
                      [&] { result = body(); });
  worker.join();
  return result;
}

/// The values of a report option (`--crud-coverage`, `--logic-report`,
/// `--stats`): bare or `text` for a text table, `json` for JSON.
static cl::ValuesClass getReportFormats() {
  return cl::values(clEnumValN(CoverageFormat::Text, "", "as a text table"),
                    clEnumValN(CoverageFormat::Text, "text", "as a text table"),
                    clEnumValN(CoverageFormat::JSON, "json", "as JSON"));
}

int abv::runVerifyMain(int argc, char **argv) {
  InitLLVM init(argc, argv);
  removeLLVMColorOption();
  CommonOptions opts;
  cl::opt<CoverageFormat> crudCoverage{
      "crud-coverage",
      cl::desc("After the diagnostics, print on stdout which operations "
               "create, read, update and delete each table"),
      cl::ValueOptional,
      getReportFormats(),
      cl::init(CoverageFormat::None),
      cl::cat(opts.category)};
  cl::opt<CoverageFormat> logicReport{
      "logic-report",
      cl::desc("After the diagnostics, print on stdout one row per "
               "operation: provider, tests, tables, actor check, placeholder, "
               "findings"),
      cl::ValueOptional,
      getReportFormats(),
      cl::init(CoverageFormat::None),
      cl::cat(opts.category)};
  cl::HideUnrelatedOptions(opts.category);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "abv-verify - verify a generated backend project\n\n"
          "  Loads every artifact of the project (DB schema, AutoBe ASTs),\n"
          "  runs the verification passes and prints located diagnostics.\n",
          &errs()))
    return ExitUsage;
  return runWithToolStack([&] {
    ToolRun run(opts, "abv-verify");
    OutputFile out(opts.outputFile, "abv-verify");
    bool readable = false;
    if (std::optional<int> code = run.start(out, readable))
      return *code;
    if (!run.runPasses(/*useDefault=*/true, /*verifyIR=*/false))
      return int(ExitUsage);
    int code = run.finish(out.os(), !readable);
    if (!out.commit())
      return int(ExitUsage);
    if (crudCoverage != CoverageFormat::None && readable) {
      TimingRegion region(run.getTiming(), TimingKind::Output, "CRUD coverage");
      AnalysisManager analyses(run.project);
      analyses.setTiming(run.getTiming());
      const CRUDCoverage &coverage = analyses.getAnalysis<CRUDCoverage>();
      if (crudCoverage == CoverageFormat::JSON)
        coverage.printJSON(outs(), run.project.getSourceManager());
      else
        coverage.print(outs(), run.project.getSourceManager());
      OutputFile stdoutOutput("-", "abv-verify");
      if (!stdoutOutput.commit())
        return int(ExitUsage);
    }
    if (logicReport != CoverageFormat::None && readable) {
      TimingRegion region(run.getTiming(), TimingKind::Output, "logic report");
      AnalysisManager analyses(run.project);
      analyses.setTiming(run.getTiming());
      printLogicReport(run.project, analyses, run.diags.getDiagnostics(),
                       outs(), logicReport == CoverageFormat::JSON);
      OutputFile stdoutOutput("-", "abv-verify");
      if (!stdoutOutput.commit())
        return int(ExitUsage);
    }
    return code;
  });
}

int abv::runOptMain(int argc, char **argv) {
  InitLLVM init(argc, argv);
  removeLLVMColorOption();
  CommonOptions opts;
  cl::opt<bool> printIR{"print-ir", cl::desc("Print the IR after the passes"),
                        cl::cat(opts.category)};
  cl::opt<bool> printAST{
      "print-ast",
      cl::desc("Print the syntax tree of every TypeScript file loaded"),
      cl::cat(opts.category)};
  cl::opt<bool> verifyIR{
      "verify-ir",
      cl::desc("Run the IR verifier after lowering, before the first pass"),
      cl::init(true), cl::cat(opts.category)};
  cl::opt<bool> allPasses{"all-passes",
                          cl::desc("Run the default abv-verify pipeline"),
                          cl::cat(opts.category)};
  cl::HideUnrelatedOptions(opts.category);
  if (!cl::ParseCommandLineOptions(
          argc, argv, "abv-opt - run any ABV pass pipeline and print the IR\n",
          &errs()))
    return ExitUsage;
  return runWithToolStack([&] {
    ToolRun run(opts, "abv-opt");
    OutputFile out(opts.outputFile, "abv-opt");
    bool readable = false;
    if (std::optional<int> code = run.start(out, readable))
      return *code;
    if (!run.runPasses(/*useDefault=*/allPasses, verifyIR))
      return int(ExitUsage);
    {
      TimingRegion printing(run.getTiming(), TimingKind::Output, "printing");
      if (printIR)
        printProject(run.project, out.os());
      if (printAST)
        for (const std::shared_ptr<ts::SourceFile> &file : run.project.tsFiles)
          ts::printSourceFile(*file, run.project.getSourceManager(), out.os());
    }
    // Diagnostics go to stderr so that the IR on stdout stays clean.
    int code = run.finish(errs(), !readable);
    if (!out.commit())
      return int(ExitUsage);
    return code;
  });
}

int abv::runDiffMain(int argc, char **argv) {
  InitLLVM init(argc, argv);
  removeLLVMColorOption();
  // LLVM's Support library registers `-stats` (its own statistics);
  // abv-diff's `--stats` replaces it.
  if (cl::Option *llvmStats = cl::getRegisteredOptions().lookup("stats"))
    llvmStats->removeArgument();
  CommonOptions opts;
  cl::opt<std::string> mapping{
      "mapping",
      cl::desc("Read the alignment from this mapping file instead of "
               "matching (see --emit-mapping)"),
      cl::value_desc("file"), cl::cat(opts.category)};
  cl::opt<std::string> emitMapping{
      "emit-mapping",
      cl::desc("Write the alignment as a JSON mapping file to review, "
               "correct and read back with --mapping"),
      cl::value_desc("file"), cl::cat(opts.category)};
  cl::opt<CoverageFormat> stats{
      "stats",
      cl::desc("After the diagnostics, print on stdout the precision, recall "
               "and F1 of each dimension"),
      cl::ValueOptional,
      getReportFormats(),
      cl::init(CoverageFormat::None),
      cl::cat(opts.category)};
  cl::HideUnrelatedOptions(opts.category);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "abv-diff - compare a generated backend with its reference\n\n"
          "  abv-diff CANDIDATE REFERENCE\n\n"
          "  CANDIDATE is a project; REFERENCE a golden spec (a folder with\n"
          "  golden-schema.json and golden-endpoints.json, or one of them)\n"
          "  or another project. Reports entities, columns and endpoints\n"
          "  missing, extra or changed in the candidate.\n",
          &errs()))
    return ExitUsage;
  return runWithToolStack([&] {
    ToolRun run(opts, "abv-diff");
    diff::DiffOptions diffOptions;
    diffOptions.mappingFile = mapping;
    diffOptions.load.sizeLimit = opts.maxInputSize;
    diffOptions.load.allowOutsideRoot = opts.allowOutsideRoot;
    diffOptions.load.timing = run.getTiming();
    diff::DiffSession session(run.workspace, run.diags, diffOptions);
    run.loadInputs = [&] {
      if (opts.inputs.size() != 2) {
        WithColor::error(errs(), "abv-diff")
            << "expected two inputs, CANDIDATE and REFERENCE (got "
            << opts.inputs.size() << ")\n";
        return false;
      }
      return session.load(opts.inputs[0], opts.inputs[1]);
    };
    OutputFile out(opts.outputFile, "abv-diff");
    bool readable = false;
    if (std::optional<int> code = run.start(out, readable))
      return *code;
    // The mapping may be written over the mapping read, never over another
    // input.
    if (!emitMapping.empty()) {
      const SourceManager &sm = run.workspace.getSourceManager();
      for (unsigned id = 1, e = sm.getNumBuffers(); id <= e; ++id) {
        StringRef name = sm.getBufferName(id);
        if (isSameFile(name, emitMapping) &&
            (mapping.empty() || !isSameFile(name, mapping))) {
          WithColor::error(errs(), "abv-diff")
              << "mapping output '" << emitMapping
              << "' is an input; name another file\n";
          return int(ExitUsage);
        }
      }
    }
    bool ok = false;
    if (readable) {
      TimingRegion region(run.getTiming(), TimingKind::Analysis,
                          "semantic diff");
      ok = session.run();
    }
    if (ok && !emitMapping.empty()) {
      if (Error err = session.writeMappingFile(emitMapping)) {
        WithColor::error(errs(), "abv-diff")
            << toString(std::move(err)) << '\n';
        ok = false;
      }
    }
    int code = run.finish(out.os(), !ok);
    if (!out.commit())
      return int(ExitUsage);
    if (ok && stats != CoverageFormat::None) {
      diff::printStats(outs(), session.getStats(), *session.getCandidate(),
                       *session.getReference(), stats == CoverageFormat::JSON);
      OutputFile stdoutOutput("-", "abv-diff");
      if (!stdoutOutput.commit())
        return int(ExitUsage);
    }
    return code;
  });
}
