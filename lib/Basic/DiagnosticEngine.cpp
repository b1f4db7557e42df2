//===- DiagnosticEngine.cpp - Collects diagnostics from passes ------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/DiagnosticEngine.h"

#include "abv/Basic/SourceManager.h"
#include "abv/Basic/Unicode.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"

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
  engine->commit(std::move(diag));
}

InFlightDiagnostic &InFlightDiagnostic::operator<<(const Twine &arg) {
  SmallString<128> storage;
  args.push_back(clipForMessage(arg.toStringRef(storage), MaxArgumentLength));
  return *this;
}
InFlightDiagnostic &InFlightDiagnostic::operator<<(StringRef arg) {
  args.push_back(clipForMessage(arg, MaxArgumentLength));
  return *this;
}
InFlightDiagnostic &InFlightDiagnostic::operator<<(const std::string &arg) {
  args.push_back(clipForMessage(arg, MaxArgumentLength));
  return *this;
}
InFlightDiagnostic &InFlightDiagnostic::operator<<(const char *arg) {
  args.push_back(clipForMessage(arg, MaxArgumentLength));
  return *this;
}
InFlightDiagnostic &InFlightDiagnostic::operator<<(long long arg) {
  args.push_back(std::to_string(arg));
  return *this;
}
InFlightDiagnostic &InFlightDiagnostic::operator<<(unsigned long long arg) {
  args.push_back(std::to_string(arg));
  return *this;
}

InFlightDiagnostic &InFlightDiagnostic::note(SMRange range,
                                             const Twine &message) {
  SmallString<128> storage;
  diag.notes.push_back(
      {range, clipForMessage(message.toStringRef(storage), MaxNoteLength)});
  return *this;
}

InFlightDiagnostic &InFlightDiagnostic::fix(const Twine &message, SMRange range,
                                            const Twine &replacement) {
  SmallString<128> storage;
  diag.fix =
      FixHint{clipForMessage(message.toStringRef(storage), MaxNoteLength),
              range, replacement.str()};
  return *this;
}

//===----------------------------------------------------------------------===//
// DiagnosticOptions
//===----------------------------------------------------------------------===//

static Error unknownDiag(StringRef name) {
  return createStringError(inconvertibleErrorCode(),
                           "unknown diagnostic '%s' (see docs/Diagnostics.md)",
                           name.str().c_str());
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
  auto setTo = [&](StringRef name, Severity severity) -> Error {
    const DiagInfo *info = lookupDiag(name);
    if (!info)
      return unknownDiag(name);
    overrides[info->id] = severity;
    return Error::success();
  };
  if (option.consume_front("error="))
    return setTo(option, Severity::Error);
  if (option.consume_front("warning="))
    return setTo(option, Severity::Warning);
  if (option.consume_front("remark="))
    return setTo(option, Severity::Remark);
  if (option.consume_front("no-error=")) {
    const DiagInfo *info = lookupDiag(option);
    if (!info)
      return unknownDiag(option);
    errorOverrides[info->id] = false;
    return Error::success();
  }
  if (option.consume_front("no-"))
    return setTo(option, Severity::Ignored);
  // -W<name>: enable at its default severity (undoes an earlier -Wno-).
  const DiagInfo *info = lookupDiag(option);
  if (!info)
    return unknownDiag(option);
  overrides.erase(info->id);
  return Error::success();
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
      diag.notes.insert(
          diag.notes.begin(),
          {twin, ("the same declaration in " + twins->getDescription()).str()});
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
