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
///   // or, with a note and a fix (their texts are NOTE rows of the table;
///   // `<<` after note() or fix() supplies that row's arguments):
///   InFlightDiagnostic diag = engine.report(DiagID::DBUnknownType, range);
///   diag << name;
///   diag.note(otherRange, NoteID::ModelDeclaredHere) << otherName;
///   diag.fix(NoteID::DidYouMean, range, "String") << "String";
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_DIAGNOSTICENGINE_H
#define ABV_BASIC_DIAGNOSTICENGINE_H

#include "abv/Basic/Diagnostic.h"
#include "abv/Basic/EmbeddedSources.h"
#include "abv/Basic/TwinMap.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace abv {

class SourceManager;

class DiagnosticEngine;
class InFlightDiagnostic;

/// Arguments longer than this many bytes are shortened in the middle
/// ("..."), so that output stays proportional to the number of findings
/// however long the names an input spells.
constexpr size_t MaxArgumentLength = 320;

/// \p text, or when it is longer than \p limit bytes, its start and end
/// around "..." (cut on UTF-8 boundaries), copying only what is kept. Every
/// argument of a diagnostic or a note goes through it; a check that quotes
/// one long input string in many findings should clip it before building
/// a message around it.
std::string clipForMessage(llvm::StringRef text,
                           size_t limit = MaxArgumentLength);

/// The `<<` operators that supply the %N arguments of a message, shared by
/// a diagnostic and its notes. \p Derived has `void addArg(std::string)`.
/// Long arguments are clipped (clipForMessage).
template <typename Derived> class DiagnosticArgs {
  DiagnosticArgs() = default;
  friend Derived;

public:
  Derived &operator<<(const llvm::Twine &arg) {
    llvm::SmallString<128> storage;
    return add(clipForMessage(arg.toStringRef(storage)));
  }
  Derived &operator<<(llvm::StringRef arg) { return add(clipForMessage(arg)); }
  Derived &operator<<(const std::string &arg) {
    return add(clipForMessage(arg));
  }
  Derived &operator<<(const char *arg) { return add(clipForMessage(arg)); }
  Derived &operator<<(long long arg) { return add(std::to_string(arg)); }
  Derived &operator<<(unsigned long long arg) {
    return add(std::to_string(arg));
  }
  Derived &operator<<(int arg) { return *this << static_cast<long long>(arg); }
  Derived &operator<<(unsigned arg) {
    return *this << static_cast<unsigned long long>(arg);
  }
  Derived &operator<<(long arg) { return *this << static_cast<long long>(arg); }
  Derived &operator<<(unsigned long arg) {
    return *this << static_cast<unsigned long long>(arg);
  }

private:
  Derived &add(std::string arg) {
    Derived &self = static_cast<Derived &>(*this);
    self.addArg(std::move(arg));
    return self;
  }
};

/// A note or fix hint of an InFlightDiagnostic under construction: `<<`
/// supplies its arguments; note() and fix() go on with the diagnostic. It
/// refers to the diagnostic: use it in the statement that made it.
class InFlightNote : public DiagnosticArgs<InFlightNote> {
public:
  /// Attaches another note to the diagnostic.
  InFlightNote note(llvm::SMRange range, NoteID id);
  /// Attaches a fix hint to the diagnostic.
  InFlightNote fix(NoteID id, llvm::SMRange range = {},
                   const llvm::Twine &replacement = "");

private:
  friend class InFlightDiagnostic;
  friend class DiagnosticArgs<InFlightNote>;
  /// \p index: the note's position in the diagnostic, or -1 for the fix.
  InFlightNote(InFlightDiagnostic &diag, int index)
      : diag(diag), index(index) {}
  void addArg(std::string arg);

  InFlightDiagnostic &diag;
  int index;
};

/// A diagnostic under construction; it is committed to the engine when it
/// goes out of scope. Its message and the messages of its notes are
/// formatted from the table then.
class InFlightDiagnostic : public DiagnosticArgs<InFlightDiagnostic> {
public:
  InFlightDiagnostic(InFlightDiagnostic &&other) noexcept;
  InFlightDiagnostic(const InFlightDiagnostic &) = delete;
  InFlightDiagnostic &operator=(const InFlightDiagnostic &) = delete;
  InFlightDiagnostic &operator=(InFlightDiagnostic &&) = delete;
  ~InFlightDiagnostic();

  /// Attaches a located note, the NOTE row \p id; `<<` on the result
  /// supplies the note's arguments.
  InFlightNote note(llvm::SMRange range, NoteID id);
  /// Attaches a fix hint whose message is the NOTE row \p id; with a valid
  /// \p range, a replacement for it. `<<` on the result supplies the
  /// message's arguments.
  InFlightNote fix(NoteID id, llvm::SMRange range = {},
                   const llvm::Twine &replacement = "");

  /// Drops the diagnostic instead of committing it.
  void abandon() { engine = nullptr; }

private:
  friend class DiagnosticEngine;
  friend class InFlightNote;
  friend class DiagnosticArgs<InFlightDiagnostic>;
  InFlightDiagnostic(DiagnosticEngine *engine, DiagID id, llvm::SMRange range);
  void addArg(std::string arg) { args.push_back(std::move(arg)); }

  DiagnosticEngine *engine;
  Diagnostic diag;
  llvm::SmallVector<std::string, 4> args;
};

/// The user's mapping from diagnostics to severities: the -W options.
class DiagnosticOptions {
public:
  /// Applies one option spelled without its leading "-W": "name",
  /// "no-name", "error", "error=name", "no-error=name", "warning=name",
  /// "remark=name", "everything". name is a diagnostic's name or stable ID
  /// ("DB030"), also one merged into another row ("YM003"), or a group's
  /// name ("db-design"), which applies to every diagnostic of the group.
  /// Later options win.
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

  /// From now on, a diagnostic located in a buffer that \p sources decoded
  /// from a JSON string gets a first note at the same character of the
  /// string (NT131); the map must outlive the engine's use.
  void addEmbeddedSources(const EmbeddedSources *sources) {
    embeddedSources.push_back(sources);
  }

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
  std::vector<const EmbeddedSources *> embeddedSources;
  /// (ID, range, message) of every stored diagnostic, to drop repeats.
  std::set<std::tuple<unsigned, const char *, const char *, std::string>> seen;
  unsigned duplicates = 0;
};

} // namespace abv

#endif // ABV_BASIC_DIAGNOSTICENGINE_H
