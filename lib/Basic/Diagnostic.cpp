//===- Diagnostic.cpp - The diagnostic table ------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Materializes Diagnostics.def as a table and implements lookups and
/// message formatting.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/Diagnostic.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

using namespace abv;
using namespace llvm;

static const DiagInfo diagTable[] = {
#define DIAG(Enum, ID, Name, Sev, Cat, Message)                                \
  {DiagID::Enum, ID, Name, Severity::Sev, Category::Cat, Message},
#include "abv/Basic/Diagnostics.def"
};

ArrayRef<DiagInfo> abv::getAllDiagInfos() { return diagTable; }

const DiagInfo &abv::getDiagInfo(DiagID id) {
  return diagTable[static_cast<unsigned>(id)];
}

const DiagInfo *abv::lookupDiag(StringRef codeOrName) {
  static const StringMap<const DiagInfo *> index = [] {
    StringMap<const DiagInfo *> map;
    for (const DiagInfo &info : diagTable) {
      map[info.code] = &info;
      map[info.name] = &info;
    }
    return map;
  }();
  auto it = index.find(codeOrName);
  return it == index.end() ? nullptr : it->second;
}

StringRef abv::getSeverityName(Severity severity) {
  switch (severity) {
  case Severity::Ignored:
    return "ignored";
  case Severity::Note:
    return "note";
  case Severity::Remark:
    return "remark";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  llvm_unreachable("unknown severity");
}

StringRef abv::getCategoryName(Category category) {
  switch (category) {
  case Category::Input:
    return "input";
  case Category::Syntax:
    return "syntax";
  case Category::DB:
    return "db";
  case Category::API:
    return "api";
  case Category::Logic:
    return "logic";
  case Category::Link:
    return "link";
  case Category::Reference:
    return "reference";
  case Category::Conformance:
    return "conformance";
  }
  llvm_unreachable("unknown category");
}

std::optional<Severity> abv::parseSeverity(StringRef name) {
  return StringSwitch<std::optional<Severity>>(name)
      .Case("ignored", Severity::Ignored)
      .Case("note", Severity::Note)
      .Case("remark", Severity::Remark)
      .Case("warning", Severity::Warning)
      .Case("error", Severity::Error)
      .Default(std::nullopt);
}

std::string abv::formatDiagMessage(StringRef format,
                                   ArrayRef<std::string> args) {
  std::string out;
  out.reserve(format.size() + 32);
  for (size_t i = 0, e = format.size(); i != e; ++i) {
    char c = format[i];
    if (c != '%' || i + 1 == e) {
      out += c;
      continue;
    }
    char next = format[i + 1];
    if (next == '%') {
      out += '%';
      ++i;
      continue;
    }
    if (next < '0' || next > '9') {
      out += c;
      continue;
    }
    unsigned index = 0;
    size_t j = i + 1;
    while (j != e && format[j] >= '0' && format[j] <= '9')
      index = index * 10 + unsigned(format[j++] - '0');
    out += index < args.size() ? args[index] : std::string("<?>");
    i = j - 1;
  }
  return out;
}
