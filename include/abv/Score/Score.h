//===- Score.h - Scoring one run against the rubric ------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// abv-score's model of a scored run, and how one run is scored: load the
/// project (and its reference, through the semantic diff), run the default
/// verification pipeline, read the compiler results AutoBe recorded in
/// `autobe/histories.json`, report the layers the run lacks (SC001-SC004),
/// then turn every diagnostic into points with the Rubric. A RunScore is
/// plain data (no IR, no source buffers), so that runs scored on several
/// threads, or in several processes (shards), merge into one batch.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_SCORE_SCORE_H
#define ABV_SCORE_SCORE_H

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Score/Rubric.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace abv {
class DiagnosticEngine;
class Project;
struct Diagnostic;
} // namespace abv

namespace abv::score {

/// What one diagnostic ID cost in one category.
struct Deduction {
  std::string id;   ///< "DB030".
  std::string name; ///< "db-relation-target-missing".
  unsigned count = 0;
  double points = 0; ///< Points lost, out of 100.
};

/// One diagnostic of a run, for the drill-down.
struct Finding {
  std::string id, severity, category; ///< category: the rubric category.
  std::string file;                   ///< Relative to the run's folder.
  unsigned line = 0, column = 0;
  std::string message;
  std::string snippet; ///< The source line.
  double points = 0;   ///< What it cost.
};

struct CategoryScore {
  std::string name, title;
  double weight = 0;  ///< Points available, out of 100.
  double points = 0;  ///< Points earned.
  bool scored = true; ///< False: fidelity without a reference.
  bool forfeited = false;
  unsigned size = 0;  ///< Tables, operations, providers or tests.
  double penalty = 0; ///< Sum of the costs of its diagnostics.
  std::vector<Deduction> deductions; ///< Costliest first.
};

/// The semantic diff's figures, when the run has a reference.
struct FidelityFigures {
  std::string reference; ///< The reference's path.
  /// F1 per dimension ("entities", ...); absent when not compared or
  /// undefined.
  std::map<std::string, double> f1;
};

struct RunScore {
  std::string model;   ///< "openai/gpt-4.1".
  std::string project; ///< "todo".
  std::string path;    ///< The run's folder as given.
  bool loaded = true;  ///< False: nothing could be read (SC013).
  bool gatePassed = true;
  std::vector<Deduction> gateReasons; ///< Diagnostics that failed the gate.
  double total = 0;                   ///< Out of 100, after the gate.
  double uncapped = 0;                ///< Before the gate.
  std::vector<CategoryScore> categories;
  std::map<std::string, unsigned> sizes; ///< tables, operations, ...
  std::optional<FidelityFigures> fidelity;
  /// Diagnostics by family (finest group), all severities.
  std::map<std::string, unsigned> families;
  std::vector<Finding> findings; ///< Costliest first, at most maxFindings.
  unsigned totalFindings = 0;
  /// Problems with the run's inputs that cost nothing (an unusable
  /// reference, a run that could not be read), as rendered messages.
  std::vector<std::string> problems;

  std::string getKey() const { return model + "/" + project; }
  const CategoryScore *getCategory(llvm::StringRef name) const;
};

/// How runs are scored.
struct ScoreOptions {
  /// The -W options: a silenced diagnostic is not reported, so it costs
  /// nothing; a re-graded one costs what its new severity costs.
  DiagnosticOptions diagnostics;
  /// Findings kept per run for the report.
  unsigned maxFindings = 200;
  uint64_t sizeLimit = uint64_t(1) << 30;
  bool allowOutsideRoot = false;
};

/// Counts what the rubric's units count in \p project.
std::map<std::string, unsigned> measureProject(const Project &project);

/// Reads the compiler results recorded in \p project's
/// `autobe/histories.json`, if any, and reports each recorded error as
/// SC005 (schema), SC006 (tests) or SC007 (providers), located in the
/// source file it names when the project has it, else at the record.
void reportRecordedCompilation(const Project &project, DiagnosticEngine &diags,
                               uint64_t sizeLimit);

/// Reports the layers \p project lacks (SC001-SC004).
void reportMissingLayers(const Project &project, DiagnosticEngine &diags);

/// Scores a run from its diagnostics: \p sizes from measureProject,
/// \p fidelity from the diff (null without a reference).
RunScore computeScore(const Rubric &rubric,
                      llvm::ArrayRef<const Diagnostic *> diagnostics,
                      const SourceManager &sources,
                      const std::map<std::string, unsigned> &sizes,
                      const FidelityFigures *fidelity, llvm::StringRef root,
                      const ScoreOptions &options);

/// Scores the run in folder \p runPath (against \p referencePath, a golden
/// spec or a project, when not empty). Never fails: an unreadable run is a
/// RunScore with loaded == false. Register the passes
/// (registerAllPasses) before calling it from several threads.
RunScore scoreRun(const Rubric &rubric, llvm::StringRef runPath,
                  llvm::StringRef referencePath, const ScoreOptions &options);

/// "openai/gpt-4.1" and "todo" from ".../openai/gpt-4.1/todo".
void splitRunPath(llvm::StringRef path, std::string &model,
                  std::string &project);

} // namespace abv::score

#endif // ABV_SCORE_SCORE_H
