//===- Diff.h - A candidate against its reference ---------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The semantic diff, as `abv-diff CANDIDATE REFERENCE` runs it and as a
/// scorer calls it: load both sides into one Workspace (so that one
/// DiagnosticEngine reports on both), align them (Matcher.h, or a mapping
/// file, Mapping.h), report how the candidate differs (DIF001-DIF010), and
/// count precision, recall and F1 per dimension.
///
/// \code
///   Workspace workspace;
///   DiagnosticEngine diags(workspace.getSourceManager());
///   diff::DiffSession session(workspace, diags);
///   if (!session.load("run/todo", "golden/todo") || !session.run())
///     return 2;                       // unreadable input, bad mapping
///   const diff::DiffStats &stats = session.getStats();
/// \endcode
///
/// Comparisons of layers the diff does not know yet (the logic layer: the
/// providers behind aligned endpoints) plug in as DiffExtensions: they get
/// both Specs (each with its Project) and the alignment, and report into
/// the same engine.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_DIFF_DIFF_H
#define ABV_DIFF_DIFF_H

#include "abv/Basic/SourceFiles.h"
#include "abv/Diff/Matcher.h"
#include "abv/Diff/Spec.h"
#include "abv/Frontend/ProjectLoader.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace abv {
class DiagnosticEngine;
class Workspace;
} // namespace abv

namespace abv::diff {

/// Loads \p path as one side of a diff into \p workspace: a golden spec
/// (GoldenSpec.h) when its name or keys say so, else a project
/// (ProjectLoader.h). A JSON file that is neither is DIF012. Returns null
/// when the side cannot be used (each problem reported into \p diags).
std::unique_ptr<Spec> loadSide(llvm::StringRef path, Workspace &workspace,
                               DiagnosticEngine &diags,
                               const LoadOptions &options = {});

/// Reports how \p candidate differs from \p reference under \p alignment:
/// entities, columns and endpoints missing (DIF001, DIF003, DIF007),
/// extra (DIF002, DIF004, DIF008) or changed (DIF005, DIF006, DIF009), and
/// a layer the candidate lacks altogether (DIF010). Each finding is located
/// in the candidate where the item exists there, with a note at the
/// reference; what only the reference has is located in the reference.
void reportDifferences(const Spec &candidate, const Spec &reference,
                       const Alignment &alignment, DiagnosticEngine &diags);

/// The figures of one dimension.
struct DimensionStats {
  /// False when the reference does not describe this dimension.
  bool compared = false;
  unsigned candidate = 0; ///< Items of the candidate.
  unsigned reference = 0; ///< Items of the reference.
  unsigned matched = 0;   ///< Pairs.

  /// matched / candidate: how much of the candidate the reference asks
  /// for; nothing when the candidate has no items.
  std::optional<double> getPrecision() const;
  /// matched / reference: how much of the reference the candidate has.
  std::optional<double> getRecall() const;
  /// Their harmonic mean.
  std::optional<double> getF1() const;
};

/// The figures of a diff. Columns are counted within paired entities.
struct DiffStats {
  DimensionStats entities, columns, endpoints, dtos;
};

/// Counts the figures of \p alignment.
DiffStats computeStats(const Spec &candidate, const Spec &reference,
                       const Alignment &alignment);

/// Prints \p stats as a text table, or as JSON (docs/Diff.md, "Figures").
void printStats(llvm::raw_ostream &os, const DiffStats &stats,
                const Spec &candidate, const Spec &reference, bool asJSON);

/// A comparison over aligned pairs that a later layer adds.
class DiffExtension {
public:
  virtual ~DiffExtension();
  /// A short name, for messages ("logic").
  virtual llvm::StringRef getName() const = 0;
  /// Compares what the extension knows of \p candidate and \p reference
  /// under \p alignment, reporting into \p diags.
  virtual void compare(const Spec &candidate, const Spec &reference,
                       const Alignment &alignment, DiagnosticEngine &diags) = 0;
};

/// What a session does besides matching.
struct DiffOptions {
  /// Read the alignment from this mapping file instead of matching.
  std::string mappingFile;
  MatchOptions match;
  /// How files are read (the size limit applies to golden specs and
  /// mapping files too).
  LoadOptions load;
};

/// One diff: load, align, report, count.
class DiffSession {
public:
  DiffSession(Workspace &workspace, DiagnosticEngine &diags,
              DiffOptions options = {});
  ~DiffSession();

  /// Loads both sides; false when either cannot be used.
  bool load(llvm::StringRef candidatePath, llvm::StringRef referencePath);
  /// Aligns (or reads the mapping file), reports the differences, runs the
  /// extensions and counts the figures. False when the mapping file cannot
  /// be used (nothing is reported then).
  bool run(llvm::ArrayRef<DiffExtension *> extensions = {});

  /// Writes the alignment as a mapping file to \p path, atomically: a
  /// failed write leaves no file behind.
  llvm::Error writeMappingFile(llvm::StringRef path) const;

  const Spec *getCandidate() const { return candidate.get(); }
  const Spec *getReference() const { return reference.get(); }
  const Alignment &getAlignment() const { return alignment; }
  const DiffStats &getStats() const { return stats; }

private:
  Workspace &workspace;
  DiagnosticEngine &diags;
  DiffOptions options;
  std::unique_ptr<Spec> candidate, reference;
  Alignment alignment;
  DiffStats stats;
};

} // namespace abv::diff

#endif // ABV_DIFF_DIFF_H
