//===- Rubric.h - The weights and deduction rules of abv-score -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A Rubric says how abv-score turns diagnostics into points
/// (docs/Rubric.md): a gate that caps the score when it fails, weighted
/// categories fed by diagnostics (selected by rubric category, group, ID or
/// name, so that new diagnostics flow in with no code change), the cost of a
/// diagnostic by severity with per-diagnostic overrides, and the fidelity
/// category computed from the semantic diff's F1 figures. The default rubric
/// is lib/Score/DefaultRubric.json, compiled into the tool; `--rubric FILE`
/// reads another one, validated with located diagnostics (SC010-SC012,
/// AB001, AB002).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_SCORE_RUBRIC_H
#define ABV_SCORE_RUBRIC_H

#include "abv/Basic/Diagnostic.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace abv {
class DiagnosticEngine;
class SourceManager;
} // namespace abv

namespace abv::score {

/// What a category's deductions are normalised by.
enum class SizeUnit { Tables, Operations, Providers, Tests, Reference };

llvm::StringRef getSizeUnitName(SizeUnit unit);

/// A set of diagnostics named by selectors: "category:logic", a group name,
/// an ID or a diagnostic's name.
struct Selection {
  std::vector<std::string> selectors;
  llvm::DenseSet<unsigned> ids;              ///< DiagIDs selected by name.
  llvm::SmallVector<Category, 4> categories; ///< Selected by category.

  bool contains(DiagID id) const {
    if (ids.count(unsigned(id)))
      return true;
    Category category = getDiagInfo(id).category;
    for (Category c : categories)
      if (c == category)
        return true;
    return false;
  }
};

/// One dimension of the fidelity category.
struct FidelityDimension {
  std::string name; ///< "entities", "columns", "endpoints".
  double weight = 0;
  /// The diagnostics that stand for its unmatched items.
  Selection diagnostics;
};

/// One weighted category of the rubric.
struct RubricCategory {
  std::string name;  ///< "db", "api", "logic", "tests", "fidelity".
  std::string title; ///< "DB design".
  double weight = 0; ///< Points out of the rubric's total weight.
  SizeUnit unit = SizeUnit::Tables;
  /// The penalty per unit of size at which the category keeps half its
  /// points: score = weight / (1 + penalty / (tolerance * size)).
  double tolerance = 1;
  /// The diagnostics that cost points here.
  Selection diagnostics;
  /// Any of these present: the category scores 0 (a layer the run lacks).
  Selection forfeit;
  /// Fidelity only: its dimensions.
  std::vector<FidelityDimension> dimensions;
  /// Fidelity only: diagnostics that stand for a whole missing layer.
  Selection layerMissing;

  bool isFidelity() const { return unit == SizeUnit::Reference; }
};

/// A cost override: the diagnostics selected cost \p cost each.
struct CostRule {
  Selection diagnostics;
  double cost = 0;
};

struct Rubric {
  std::string name;
  std::string version;
  /// Cost of one diagnostic by severity (Remark, Warning, Error).
  double costRemark = 0, costWarning = 0.35, costError = 1;
  /// The gate: an error among these fails it, and the score is capped.
  Selection gate;
  double gateCap = 40;
  std::vector<RubricCategory> categories;
  std::vector<CostRule> rules;

  /// The cost of one diagnostic \p id reported at \p severity.
  double getCost(DiagID id, Severity severity) const;
  double getTotalWeight() const;
};

/// The JSON text of the default rubric.
llvm::StringRef getDefaultRubricText();

/// Parses rubric JSON held in buffer \p bufferID of \p sources; reports
/// every problem into \p diags and returns std::nullopt if any was an
/// error.
std::optional<Rubric> parseRubric(SourceManager &sources, unsigned bufferID,
                                  DiagnosticEngine &diags);

/// Reads a rubric file, or the default rubric when \p path is empty.
std::optional<Rubric> loadRubric(llvm::StringRef path, SourceManager &sources,
                                 DiagnosticEngine &diags);

} // namespace abv::score

#endif // ABV_SCORE_RUBRIC_H
