//===- DiagnosticEngine.h - Collects diagnostics from passes ---*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The DiagnosticEngine is where passes and frontends put their findings.
/// It never prints: it applies the user's severity mapping (-W options) and
/// stores records; a consumer (text, JSON, SARIF, LSP) renders them.
///
/// \code
///   engine.report(DiagID::DBRelationTargetMissing, field.typeRange)
///       << field.name << field.typeName;
///   // or, with a note and a fix:
///   engine.report(DiagID::DBUnknownType, range) << name)
///       .note(otherRange, "declared here")
///       .fix("did you mean 'String'?", range, "String");
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_DIAGNOSTICENGINE_H
#define ABV_BASIC_DIAGNOSTICENGINE_H

#include "abv/Basic/Diagnostic.h"
#include "abv/Basic/TwinMap.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace abv {

class SourceManager;

class DiagnosticEngine;

/// \p text, or when it is longer than \p limit bytes, its start and end
/// around "..." (cut on UTF-8 boundaries), copying only what is kept. Every
/// argument, note and fix message goes through it (with the limits below);
/// a check that quotes one long input string in many findings should clip
/// it before building a message around it.
std::string clipForMessage(llvm::StringRef text, size_t limit);

/// A diagnostic under construction; it is committed to the engine when it
/// goes out of scope.
class InFlightDiagnostic {
public:
  InFlightDiagnostic(InFlightDiagnostic &&other) noexcept;
  InFlightDiagnostic(const InFlightDiagnostic &) = delete;
  InFlightDiagnostic &operator=(const InFlightDiagnostic &) = delete;
  InFlightDiagnostic &operator=(InFlightDiagnostic &&) = delete;
  ~InFlightDiagnostic();

  /// Supplies the next %N argument of the message.
  InFlightDiagnostic &operator<<(const llvm::Twine &arg);
  InFlightDiagnostic &operator<<(llvm::StringRef arg);
  InFlightDiagnostic &operator<<(const std::string &arg);
  InFlightDiagnostic &operator<<(const char *arg);
  InFlightDiagnostic &operator<<(long long arg);
  InFlightDiagnostic &operator<<(unsigned long long arg);
  InFlightDiagnostic &operator<<(int arg) {
    return *this << static_cast<long long>(arg);
  }
  InFlightDiagnostic &operator<<(unsigned arg) {
    return *this << static_cast<unsigned long long>(arg);
  }
  InFlightDiagnostic &operator<<(long arg) {
    return *this << static_cast<long long>(arg);
  }
  InFlightDiagnostic &operator<<(unsigned long arg) {
    return *this << static_cast<unsigned long long>(arg);
  }

  /// Attaches a located note.
  InFlightDiagnostic &note(llvm::SMRange range, const llvm::Twine &message);
  /// Attaches a fix hint; with a valid \p range, a replacement for it.
  InFlightDiagnostic &fix(const llvm::Twine &message, llvm::SMRange range = {},
                          const llvm::Twine &replacement = "");

  /// Drops the diagnostic instead of committing it.
  void abandon() { engine = nullptr; }

  /// Arguments longer than this many bytes are shortened in the middle
  /// ("..."), so that output stays proportional to the number of findings
  /// however long the names an input spells.
  static constexpr size_t MaxArgumentLength = 320;
  /// The same for the text of a note or a fix hint.
  static constexpr size_t MaxNoteLength = 640;

private:
  friend class DiagnosticEngine;
  InFlightDiagnostic(DiagnosticEngine *engine, DiagID id, llvm::SMRange range);

  DiagnosticEngine *engine;
  Diagnostic diag;
  llvm::SmallVector<std::string, 4> args;
};

/// The user's mapping from diagnostics to severities: the -W options.
class DiagnosticOptions {
public:
  /// Applies one option spelled without its leading "-W": "name",
  /// "no-name", "error", "error=name", "no-error=name", "warning=name",
  /// "remark=name", "everything". name may also be a stable ID ("DB030").
  llvm::Error apply(llvm::StringRef option);

  /// The severity \p id is reported at.
  Severity getSeverity(DiagID id) const;

  /// Sets the severity of one diagnostic directly.
  void setSeverity(DiagID id, Severity severity) { overrides[id] = severity; }

private:
  llvm::DenseMap<DiagID, Severity> overrides;
  llvm::DenseMap<DiagID, bool> errorOverrides;
  bool warningsAsErrors = false;
};

/// Receives every diagnostic and stores it, in order of emission.
class DiagnosticEngine {
public:
  explicit DiagnosticEngine(SourceManager &sourceMgr) : sourceMgr(sourceMgr) {}

  /// Starts a diagnostic at \p range (a single location is a valid range).
  InFlightDiagnostic report(DiagID id, llvm::SMRange range);
  InFlightDiagnostic report(DiagID id, llvm::SMLoc loc) {
    return report(id, llvm::SMRange(loc, loc));
  }

  DiagnosticOptions &getOptions() { return options; }
  const DiagnosticOptions &getOptions() const { return options; }
  SourceManager &getSourceManager() const { return sourceMgr; }

  llvm::ArrayRef<Diagnostic> getDiagnostics() const { return diagnostics; }
  /// How many stored diagnostics have exactly \p severity.
  unsigned getCount(Severity severity) const;
  /// Whether any stored diagnostic is at least \p severity.
  bool hasAtLeast(Severity severity) const;
  /// Whether an error was reported since construction.
  bool hasErrors() const { return getCount(Severity::Error) != 0; }

  /// Sorts the records by file, then position, then ID (stable), so output
  /// does not depend on pass order.
  void sortByLocation();

  /// Caps the number of stored diagnostics per ID (0 = unlimited); further
  /// ones are counted but dropped.
  void setLimitPerID(unsigned limit) { limitPerID = limit; }

  /// From now on, a diagnostic located in a node that \p twins pairs with a
  /// twin artifact gets a note at the twin (the map must outlive the
  /// engine's use).
  void addTwinMap(const TwinMap *twins) { twinMaps.push_back(twins); }

  /// How many diagnostics were dropped as exact repeats (same ID, range and
  /// message) of an earlier one.
  unsigned getDuplicateCount() const { return duplicates; }

  void clear() {
    diagnostics.clear();
    perID.clear();
    seen.clear();
    duplicates = 0;
  }

private:
  friend class InFlightDiagnostic;
  void commit(Diagnostic &&diag);

  SourceManager &sourceMgr;
  DiagnosticOptions options;
  std::vector<Diagnostic> diagnostics;
  llvm::DenseMap<DiagID, unsigned> perID;
  unsigned limitPerID = 0;
  std::vector<const TwinMap *> twinMaps;
  /// (ID, range, message) of every stored diagnostic, to drop repeats.
  std::set<std::tuple<unsigned, const char *, const char *, std::string>> seen;
  unsigned duplicates = 0;
};

} // namespace abv

#endif // ABV_BASIC_DIAGNOSTICENGINE_H
