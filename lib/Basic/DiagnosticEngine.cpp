//===- DiagnosticEngine.cpp - Collects diagnostics from passes ------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/DiagnosticEngine.h"

#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Basic/Unicode.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

using namespace abv;
using namespace llvm;

//===----------------------------------------------------------------------===//
// InFlightDiagnostic
//===----------------------------------------------------------------------===//

InFlightDiagnostic::InFlightDiagnostic(DiagnosticEngine *engine, DiagID id,
                                       SMRange range)
    : engine(engine) {
  diag.id = id;
  diag.range = range;
  diag.severity = Severity::Ignored;
}

InFlightDiagnostic::InFlightDiagnostic(InFlightDiagnostic &&other) noexcept
    : engine(other.engine), diag(std::move(other.diag)),
      args(std::move(other.args)) {
  other.engine = nullptr;
}

std::string abv::clipForMessage(StringRef text, size_t limit) {
  // The middle is cut out (on UTF-8 boundaries) for "...": a name of
  // 100,000 characters quoted in a message would otherwise be printed
  // whole, once per finding. The end is kept (a closing quote, a suffix
  // that tells names apart). Only what is kept is copied.
  if (text.size() <= limit)
    return text.str();
  StringRef head = truncateUTF8(text, limit * 3 / 4);
  size_t tailStart = text.size() - limit / 4;
  while (tailStart < text.size() && isUTF8Continuation(text[tailStart]))
    ++tailStart;
  return (head + "..." + text.substr(tailStart)).str();
}

InFlightDiagnostic::~InFlightDiagnostic() {
  if (!engine)
    return;
  diag.message = formatDiagMessage(diag.getInfo().format, args);
  for (DiagnosticNote &note : diag.notes)
    note.message = formatDiagMessage(note.getInfo().format, note.args);
  if (diag.fix)
    diag.fix->message =
        formatDiagMessage(diag.fix->getInfo().format, diag.fix->args);
  engine->commit(std::move(diag));
}

InFlightNote InFlightDiagnostic::note(SMRange range, NoteID id) {
  diag.notes.push_back({id, range, {}, {}});
  return InFlightNote(*this, int(diag.notes.size()) - 1);
}

InFlightNote InFlightDiagnostic::fix(NoteID id, SMRange range,
                                     const Twine &replacement) {
  diag.fix = FixHint{id, {}, {}, range, replacement.str()};
  return InFlightNote(*this, -1);
}

InFlightNote InFlightNote::note(SMRange range, NoteID id) {
  return diag.note(range, id);
}

InFlightNote InFlightNote::fix(NoteID id, SMRange range,
                               const Twine &replacement) {
  return diag.fix(id, range, replacement);
}

void InFlightNote::addArg(std::string arg) {
  if (index >= 0)
    diag.diag.notes[index].args.push_back(std::move(arg));
  else if (diag.diag.fix)
    diag.diag.fix->args.push_back(std::move(arg));
}

//===----------------------------------------------------------------------===//
// DiagnosticOptions
//===----------------------------------------------------------------------===//

/// The error for a -W operand that names nothing, with the closest name of
/// a diagnostic or group when one is close.
static Error unknownDiag(StringRef name) {
  ClosestMatch match(name);
  for (const DiagInfo &info : getAllDiagInfos())
    match.consider(info.name);
  for (const GroupInfo &group : getAllGroupInfos())
    match.consider(group.name);
  std::string suggestion;
  if (!match.get().empty())
    suggestion = ("; did you mean '" + match.get() + "'?").str();
  return createStringError(
      inconvertibleErrorCode(),
      "unknown diagnostic or group '%s' (see docs/Diagnostics.md)%s",
      name.str().c_str(), suggestion.c_str());
}

Error DiagnosticOptions::apply(StringRef option) {
  if (option == "error") {
    warningsAsErrors = true;
    return Error::success();
  }
  if (option == "no-error") {
    warningsAsErrors = false;
    return Error::success();
  }
  if (option == "everything") {
    overrides.clear();
    return Error::success();
  }
  // The rest name a diagnostic (by ID, name or merged-away ID) or a group.
  auto forEach = [](StringRef name,
                    function_ref<void(DiagID)> action) -> Error {
    SmallVector<DiagID, 16> ids;
    if (!resolveDiagnostics(name, ids))
      return unknownDiag(name);
    for (DiagID id : ids)
      action(id);
    return Error::success();
  };
  auto setTo = [&](StringRef name, Severity severity) -> Error {
    return forEach(name, [&](DiagID id) { overrides[id] = severity; });
  };
  if (option.consume_front("error="))
    return setTo(option, Severity::Error);
  if (option.consume_front("warning="))
    return setTo(option, Severity::Warning);
  if (option.consume_front("remark="))
    return setTo(option, Severity::Remark);
  if (option.consume_front("no-error="))
    return forEach(option, [&](DiagID id) { errorOverrides[id] = false; });
  if (option.consume_front("no-"))
    return setTo(option, Severity::Ignored);
  // -W<name>: enable at its default severity (undoes an earlier -Wno-).
  return forEach(option, [&](DiagID id) { overrides.erase(id); });
}

Severity DiagnosticOptions::getSeverity(DiagID id) const {
  Severity severity = getDiagInfo(id).defaultSeverity;
  auto it = overrides.find(id);
  if (it != overrides.end())
    severity = it->second;
  if (severity == Severity::Warning && warningsAsErrors) {
    auto noError = errorOverrides.find(id);
    if (noError == errorOverrides.end() || noError->second)
      severity = Severity::Error;
  }
  return severity;
}

//===----------------------------------------------------------------------===//
// DiagnosticEngine
//===----------------------------------------------------------------------===//

InFlightDiagnostic DiagnosticEngine::report(DiagID id, SMRange range) {
  return InFlightDiagnostic(this, id, range);
}

/// The note a finding gets at its twin: NT001.
static DiagnosticNote makeTwinNote(SMRange twin, const TwinMap &twins) {
  DiagnosticNote note{
      NoteID::SameDeclarationIn, twin, {twins.getDescription().str()}, {}};
  note.message = formatDiagMessage(note.getInfo().format, note.args);
  return note;
}

void DiagnosticEngine::commit(Diagnostic &&diag) {
  diag.severity = options.getSeverity(diag.id);
  if (diag.severity == Severity::Ignored)
    return;
  // One finding per defect: a pass that reaches the same place twice (a
  // type used by several operations, an alias repeated) reports it once.
  if (!seen.emplace(unsigned(diag.id), diag.range.Start.getPointer(),
                    diag.range.End.getPointer(), diag.message)
           .second) {
    ++duplicates;
    return;
  }
  unsigned &count = perID[diag.id];
  ++count;
  if (limitPerID && count > limitPerID)
    return;
  // The note at the twin comes first: it is about the finding's own place.
  for (const TwinMap *twins : llvm::reverse(twinMaps)) {
    SMRange twin = twins->lookup(diag.range.Start);
    if (twin.isValid())
      diag.notes.insert(diag.notes.begin(), makeTwinNote(twin, *twins));
  }
  // Code read out of a JSON string: where the finding is in that string.
  for (const EmbeddedSources *sources : embeddedSources) {
    StringRef description;
    SMLoc at = sources->lookup(diag.range.Start, &description);
    if (!at.isValid())
      continue;
    DiagnosticNote note{
        NoteID::EmbeddedCodeAt, SMRange(at, at), {description.str()}, {}};
    note.message = formatDiagMessage(note.getInfo().format, note.args);
    diag.notes.insert(diag.notes.begin(), std::move(note));
    break;
  }
  diagnostics.push_back(std::move(diag));
}

unsigned DiagnosticEngine::getCount(Severity severity) const {
  return unsigned(std::count_if(
      diagnostics.begin(), diagnostics.end(),
      [&](const Diagnostic &d) { return d.severity == severity; }));
}

bool DiagnosticEngine::hasAtLeast(Severity severity) const {
  return std::any_of(
      diagnostics.begin(), diagnostics.end(),
      [&](const Diagnostic &d) { return d.severity >= severity; });
}

void DiagnosticEngine::sortByLocation() {
  auto key = [&](const Diagnostic &d) {
    const char *ptr = d.range.Start.getPointer();
    unsigned buffer = ptr ? sourceMgr.findBuffer(d.range.Start) : 0;
    return std::make_tuple(buffer, ptr ? ptr : nullptr, unsigned(d.id));
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic &a, const Diagnostic &b) {
                     return key(a) < key(b);
                   });
}
