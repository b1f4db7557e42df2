//===- Render.cpp - Text, JSON and SARIF projections of diagnostics -------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/Render.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/Unicode.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using namespace abv;
using namespace llvm;
using json = nlohmann::ordered_json;

StringRef abv::getABVVersion() { return "0.1.0"; }

namespace {
/// A location resolved for output.
struct Resolved {
  StringRef file;
  LineColumn begin;
  LineColumn end;
  bool valid = false;
};
} // namespace

static Resolved resolve(const SourceManager &locator, SMRange range) {
  Resolved r;
  if (!range.Start.isValid())
    return r;
  const SourceManager &sm = locator;
  r.file = sm.getBufferName(range.Start);
  if (r.file.empty() && !sm.findBuffer(range.Start))
    return r;
  r.begin = locator.getLineColumn(range.Start);
  r.end =
      range.End.isValid() && range.End.getPointer() >= range.Start.getPointer()
          ? locator.getLineColumn(range.End)
          : r.begin;
  r.valid = r.begin.line != 0;
  return r;
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

static raw_ostream::Colors severityColor(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return raw_ostream::RED;
  case Severity::Warning:
    return raw_ostream::MAGENTA;
  case Severity::Remark:
    return raw_ostream::BLUE;
  default:
    return raw_ostream::CYAN;
  }
}

/// Prints the line \p range starts on, and a caret line under it with `~`
/// up to the end of the range (or of the line).
static void printSourceLine(raw_ostream &os, const SourceManager &locator,
                            SMRange range, bool color) {
  const SourceManager &sm = locator;
  unsigned id = sm.findBuffer(range.Start);
  if (!id)
    return;
  const MemoryBuffer *buffer = sm.getBuffer(id);
  const char *bufEnd = buffer->getBufferEnd();
  const char *loc = range.Start.getPointer();
  const char *lineStart = locator.getLineStart(range.Start);
  // Very long lines (minified JSON) are shown as a window around the caret,
  // so the end of the line is looked for only as far as the window reaches.
  constexpr size_t window = 120;
  const char *lineEnd = loc;
  const char *scanEnd =
      bufEnd - loc > ptrdiff_t(4 * window) ? loc + 4 * window : bufEnd;
  while (lineEnd != scanEnd && *lineEnd != '\n' && *lineEnd != '\r')
    ++lineEnd;
  StringRef line(lineStart, lineEnd - lineStart);
  const char *shownStart = lineStart;
  const char *shownEnd = lineEnd;
  if (line.size() > 2 * window) {
    shownStart =
        loc - lineStart > ptrdiff_t(window / 2) ? loc - window / 2 : lineStart;
    while (shownStart != lineStart && isUTF8Continuation(*shownStart))
      --shownStart;
    shownEnd = lineEnd - shownStart > ptrdiff_t(window) ? shownStart + window
                                                        : lineEnd;
    while (shownEnd != lineEnd && isUTF8Continuation(*shownEnd))
      ++shownEnd;
  }
  bool clippedFront = shownStart != lineStart;
  if (clippedFront)
    os << "...";
  os << StringRef(shownStart, shownEnd - shownStart);
  if (shownEnd != lineEnd)
    os << "...";
  os << '\n';

  const char *end = range.End.getPointer();
  if (!end || end < loc)
    end = loc;
  if (end > shownEnd)
    end = shownEnd;
  std::string caret;
  if (clippedFront)
    caret += "   ";
  for (const char *p = shownStart; p < loc; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if ((c & 0xC0) == 0x80)
      continue;
    caret += c == '\t' ? '\t' : ' ';
  }
  caret += '^';
  bool first = true;
  for (const char *p = loc; p < end; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if ((c & 0xC0) == 0x80)
      continue;
    if (first) {
      first = false;
      continue;
    }
    caret += '~';
  }
  if (color)
    os.changeColor(raw_ostream::GREEN, true);
  os << caret;
  if (color)
    os.resetColor();
  os << '\n';
}

static void printOne(raw_ostream &os, const SourceManager &locator,
                     SMRange range, Severity severity, StringRef message,
                     StringRef tag, const RenderOptions &opts,
                     bool showSource = true) {
  Resolved r = resolve(locator, range);
  if (opts.color)
    os.changeColor(raw_ostream::SAVEDCOLOR, true);
  if (r.valid)
    os << r.file << ':' << r.begin.line << ':' << r.begin.column << ": ";
  else
    os << opts.toolName << ": ";
  if (opts.color)
    os.changeColor(severityColor(severity), true);
  os << getSeverityName(severity) << ": ";
  if (opts.color)
    os.changeColor(raw_ostream::SAVEDCOLOR, true);
  os << message;
  if (!tag.empty())
    os << " [" << tag << ']';
  if (opts.color)
    os.resetColor();
  os << '\n';
  if (r.valid && showSource)
    printSourceLine(os, locator, range, opts.color);
}

void abv::renderText(raw_ostream &os, const SourceManager &sm,
                     ArrayRef<Diagnostic> diags, const RenderOptions &opts) {
  const SourceManager &locator = sm;
  unsigned counts[5] = {0, 0, 0, 0, 0};
  for (const Diagnostic &d : diags) {
    const DiagInfo &info = d.getInfo();
    std::string tag = (info.code + ":" + info.name).str();
    printOne(os, locator, d.range, d.severity, d.message, tag, opts);
    for (const DiagnosticNote &note : d.notes)
      printOne(os, locator, note.range, Severity::Note, note.message, "", opts);
    if (d.fix) {
      std::string text = "fix: " + d.fix->message;
      if (d.fix->range.Start.isValid() && !d.fix->replacement.empty())
        text += " (replace with '" + d.fix->replacement + "')";
      // A hint with no range of its own is advice about the diagnostic's
      // place: print it there, without repeating the source line.
      bool ownRange = d.fix->range.Start.isValid();
      printOne(os, locator, ownRange ? d.fix->range : d.range, Severity::Note,
               text, "", opts, ownRange);
    }
    ++counts[unsigned(d.severity)];
  }
  if (!opts.summary)
    return;
  unsigned errors = counts[unsigned(Severity::Error)];
  unsigned warnings = counts[unsigned(Severity::Warning)];
  unsigned remarks = counts[unsigned(Severity::Remark)];
  if (!errors && !warnings && !remarks)
    return;
  SmallVector<std::string, 3> parts;
  auto plural = [](unsigned n, StringRef what) {
    return std::to_string(n) + " " + what.str() + (n == 1 ? "" : "s");
  };
  if (errors)
    parts.push_back(plural(errors, "error"));
  if (warnings)
    parts.push_back(plural(warnings, "warning"));
  if (remarks)
    parts.push_back(plural(remarks, "remark"));
  for (size_t i = 0; i < parts.size(); ++i)
    os << (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") << parts[i];
  os << " generated.\n";
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

static json locationJSON(const SourceManager &locator, SMRange range) {
  Resolved r = resolve(locator, range);
  if (!r.valid)
    return nullptr;
  return json{{"file", r.file.str()},
              {"line", r.begin.line},
              {"column", r.begin.column},
              {"endLine", r.end.line},
              {"endColumn", r.end.column}};
}

void abv::renderJSON(raw_ostream &os, const SourceManager &sm,
                     ArrayRef<Diagnostic> diags, const RenderOptions &opts) {
  const SourceManager &locator = sm;
  json list = json::array();
  unsigned counts[5] = {0, 0, 0, 0, 0};
  for (const Diagnostic &d : diags) {
    const DiagInfo &info = d.getInfo();
    json notes = json::array();
    for (const DiagnosticNote &note : d.notes)
      notes.push_back({{"id", note.getInfo().code.str()},
                       {"name", note.getInfo().name.str()},
                       {"message", note.message},
                       {"location", locationJSON(locator, note.range)}});
    json record = {{"id", info.code.str()},
                   {"name", info.name.str()},
                   {"severity", getSeverityName(d.severity).str()},
                   {"category", getCategoryName(info.category).str()},
                   {"message", d.message},
                   {"location", locationJSON(locator, d.range)},
                   {"notes", std::move(notes)}};
    if (d.fix)
      record["fix"] = {{"id", d.fix->getInfo().code.str()},
                       {"name", d.fix->getInfo().name.str()},
                       {"message", d.fix->message},
                       {"location", locationJSON(locator, d.fix->range)},
                       {"replacement", d.fix->replacement}};
    else
      record["fix"] = nullptr;
    list.push_back(std::move(record));
    ++counts[unsigned(d.severity)];
  }
  json doc = {{"tool", opts.toolName.str()},
              {"version", getABVVersion().str()},
              {"schemaVersion", 1},
              {"diagnostics", std::move(list)},
              {"summary",
               {{"error", counts[unsigned(Severity::Error)]},
                {"warning", counts[unsigned(Severity::Warning)]},
                {"remark", counts[unsigned(Severity::Remark)]}}}};
  os << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

//===----------------------------------------------------------------------===//
// SARIF 2.1.0
//===----------------------------------------------------------------------===//

static StringRef sarifLevel(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "note";
  }
}

static std::string toURI(StringRef file) {
  // Relative paths stay relative (resolved against %SRCROOT%); characters
  // that are not URI-safe are percent-encoded.
  std::string out;
  for (char c : file) {
    unsigned char u = static_cast<unsigned char>(c);
    if (isAlnum(c) || StringRef("-._~/:").contains(c)) {
      out += c;
    } else {
      static const char hex[] = "0123456789ABCDEF";
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

static json sarifLocation(const SourceManager &locator, SMRange range,
                          const std::string *message = nullptr) {
  Resolved r = resolve(locator, range);
  json loc = json::object();
  if (r.valid) {
    json artifact = {{"uri", toURI(r.file)}};
    if (!sys::path::is_absolute(r.file))
      artifact["uriBaseId"] = "%SRCROOT%";
    loc["physicalLocation"] = {
        {"artifactLocation", std::move(artifact)},
        {"region",
         {{"startLine", r.begin.line},
          {"startColumn", r.begin.column},
          {"endLine", r.end.line},
          {"endColumn",
           r.end.column == r.begin.column && r.end.line == r.begin.line
               ? r.begin.column + 1
               : r.end.column}}}};
  }
  if (message)
    loc["message"] = {{"text", *message}};
  return loc;
}

/// The names of the groups \p id belongs to, finest first.
static json groupNames(DiagID id) {
  json names = json::array();
  for (GroupID group : getEnclosingGroups(id))
    names.push_back(getGroupInfo(group).name.str());
  return names;
}

void abv::renderSARIF(raw_ostream &os, const SourceManager &sm,
                      ArrayRef<Diagnostic> diags, const RenderOptions &opts) {
  const SourceManager &locator = sm;
  json rules = json::array();
  for (const DiagInfo &info : getAllDiagInfos()) {
    rules.push_back(
        {{"id", info.code.str()},
         {"name", info.name.str()},
         {"shortDescription", {{"text", info.format.str()}}},
         {"helpUri", ("docs/Diagnostics.md#" + info.code.lower())},
         {"defaultConfiguration",
          {{"level", info.defaultSeverity == Severity::Ignored
                         ? "none"
                         : sarifLevel(info.defaultSeverity).str()}}},
         {"properties",
          {{"category", getCategoryName(info.category).str()},
           {"tags", groupNames(info.id)}}}});
  }
  json results = json::array();
  for (const Diagnostic &d : diags) {
    const DiagInfo &info = d.getInfo();
    json result = {{"ruleId", info.code.str()},
                   {"ruleIndex", unsigned(d.id)},
                   {"level", sarifLevel(d.severity).str()},
                   {"message", {{"text", d.message}}}};
    json loc = sarifLocation(locator, d.range);
    result["locations"] = loc.empty() ? json::array() : json::array({loc});
    if (!d.notes.empty()) {
      json related = json::array();
      unsigned index = 0;
      for (const DiagnosticNote &note : d.notes) {
        json rel = sarifLocation(locator, note.range, &note.message);
        rel["id"] = index++;
        rel["properties"] = {{"id", note.getInfo().code.str()},
                             {"name", note.getInfo().name.str()}};
        related.push_back(std::move(rel));
      }
      result["relatedLocations"] = std::move(related);
    }
    if (d.fix) {
      json fix = {{"description", {{"text", d.fix->message}}},
                  {"properties",
                   {{"id", d.fix->getInfo().code.str()},
                    {"name", d.fix->getInfo().name.str()}}}};
      Resolved r = resolve(locator, d.fix->range);
      if (r.valid && !d.fix->replacement.empty()) {
        json artifact = {{"uri", toURI(r.file)}};
        if (!sys::path::is_absolute(r.file))
          artifact["uriBaseId"] = "%SRCROOT%";
        fix["artifactChanges"] = json::array(
            {{{"artifactLocation", std::move(artifact)},
              {"replacements",
               json::array(
                   {{{"deletedRegion",
                      {{"startLine", r.begin.line},
                       {"startColumn", r.begin.column},
                       {"endLine", r.end.line},
                       {"endColumn", r.end.column}}},
                     {"insertedContent", {{"text", d.fix->replacement}}}}})}}});
      }
      result["fixes"] = json::array({std::move(fix)});
    }
    result["properties"] = {{"category", getCategoryName(info.category).str()},
                            {"name", info.name.str()}};
    results.push_back(std::move(result));
  }
  json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({{{"tool",
                                      {{"driver",
                                        {{"name", opts.toolName.str()},
                                         {"version", getABVVersion().str()},
                                         {"rules", std::move(rules)}}}}},
                                     {"columnKind", "unicodeCodePoints"},
                                     {"results", std::move(results)}}})}};
  os << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

void abv::render(OutputFormat format, raw_ostream &os, const SourceManager &sm,
                 ArrayRef<Diagnostic> diags, const RenderOptions &opts) {
  switch (format) {
  case OutputFormat::Text:
    return renderText(os, sm, diags, opts);
  case OutputFormat::JSON:
    return renderJSON(os, sm, diags, opts);
  case OutputFormat::SARIF:
    return renderSARIF(os, sm, diags, opts);
  }
}
