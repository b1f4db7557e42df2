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
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace abv;
using namespace llvm;

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

/// How the character at \p p is shown in text output, with its length in
/// bytes in \p length: empty when it is shown as itself. Control
/// characters (C0 but the tab, DEL, C1), the bidirectional controls that
/// can reorder what a reader sees ("Trojan Source") and invalid bytes are
/// shown as `<U+001B>` / `<FF>`, as clang does, so that input can neither
/// drive the terminal nor hide text in a diagnostic.
static std::string escapeChar(const char *p, const char *end,
                              unsigned &length) {
  std::optional<uint32_t> decoded = decodeUTF8(StringRef(p, end - p), length);
  if (!decoded)
    return formatv("<{0:X-2}>", static_cast<unsigned char>(*p)).str();
  uint32_t cp = *decoded;
  bool control = (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0) ||
                 (cp >= 0x202A && cp <= 0x202E) ||
                 (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
                 cp == 0x200F || cp == 0x061C;
  if (!control)
    return "";
  return formatv("<U+{0:X-4}>", cp).str();
}

/// Writes \p text with the characters escapeChar() names escaped.
static void writeEscaped(raw_ostream &os, StringRef text) {
  const char *p = text.begin(), *end = text.end();
  const char *run = p;
  while (p != end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x7F) {
      ++p;
      continue;
    }
    unsigned length;
    std::string shown = escapeChar(p, end, length);
    if (shown.empty()) {
      p += length;
      continue;
    }
    os << StringRef(run, p - run) << shown;
    p += length;
    run = p;
  }
  os << StringRef(run, p - run);
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
  const char *end = range.End.getPointer();
  if (!end || end < loc)
    end = loc;
  if (end > shownEnd)
    end = shownEnd;

  // The line as shown (escaped) and the caret line under it, character by
  // character, so that an escape is as wide above as below.
  bool clippedFront = shownStart != lineStart;
  std::string caret;
  if (clippedFront) {
    os << "...";
    caret += "   ";
  }
  bool caretPlaced = false;
  for (const char *p = shownStart; p < shownEnd;) {
    unsigned length;
    std::string shown = escapeChar(p, shownEnd, length);
    size_t width = shown.empty() ? 1 : shown.size();
    if (shown.empty())
      os << StringRef(p, length);
    else
      os << shown;
    if (p < loc) {
      caret.append(width, *p == '\t' ? '\t' : ' ');
    } else if (p == loc || (!caretPlaced && p > loc)) {
      caret += '^';
      caret.append(width - 1, '~');
      caretPlaced = true;
    } else if (p < end) {
      caret.append(width, '~');
    }
    p += length;
  }
  if (!caretPlaced)
    caret += '^';
  if (shownEnd != lineEnd)
    os << "...";
  os << '\n';
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
  if (r.valid) {
    writeEscaped(os, r.file);
    os << ':' << r.begin.line << ':' << r.begin.column << ": ";
  } else {
    os << opts.toolName << ": ";
  }
  if (opts.color)
    os.changeColor(severityColor(severity), true);
  os << getSeverityName(severity) << ": ";
  if (opts.color)
    os.changeColor(raw_ostream::SAVEDCOLOR, true);
  writeEscaped(os, message);
  if (!tag.empty())
    os << " [" << tag << ']';
  if (opts.color)
    os.resetColor();
  os << '\n';
  if (r.valid && showSource)
    printSourceLine(os, locator, range, opts.color);
}

/// The fix-it hint of \p d, if it has one.
static const FixHint *getFix(const Diagnostic &d) {
  return d.fix.has_value() ? &*d.fix : nullptr;
}

/// Prints a fix-it hint as a note. A hint with no range of its own is advice
/// about the diagnostic's place (\p at): it is printed there, without
/// repeating the source line.
static void printFix(raw_ostream &os, const SourceManager &locator,
                     const FixHint &fix, SMRange at,
                     const RenderOptions &opts) {
  std::string text = "fix: " + fix.message;
  if (fix.range.Start.isValid() && !fix.replacement.empty())
    text += " (replace with '" + fix.replacement + "')";
  bool ownRange = fix.range.Start.isValid();
  printOne(os, locator, ownRange ? fix.range : at, Severity::Note, text, "",
           opts, ownRange);
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
    if (const FixHint *fix = getFix(d))
      printFix(os, locator, *fix, d.range, opts);
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

// Both machine formats are written record by record through one
// llvm::json::OStream: memory does not grow with the number of findings
// beyond the records themselves, and every string is escaped the same way.

/// A string for a JSON writer: valid UTF-8 (file names need not be).
static std::string jsonString(StringRef text) {
  return json::isUTF8(text) ? text.str() : json::fixUTF8(text);
}

static void writeLocation(json::OStream &out, const SourceManager &sm,
                          SMRange range) {
  Resolved r = resolve(sm, range);
  if (!r.valid) {
    out.value(nullptr);
    return;
  }
  out.object([&] {
    out.attribute("file", jsonString(r.file));
    out.attribute("line", r.begin.line);
    out.attribute("column", r.begin.column);
    out.attribute("endLine", r.end.line);
    out.attribute("endColumn", r.end.column);
  });
}

void abv::renderJSON(raw_ostream &os, const SourceManager &sm,
                     ArrayRef<Diagnostic> diags, const RenderOptions &opts) {
  unsigned counts[5] = {0, 0, 0, 0, 0};
  json::OStream out(os, /*IndentSize=*/2);
  out.object([&] {
    out.attribute("tool", opts.toolName);
    out.attribute("version", getABVVersion());
    out.attribute("schemaVersion", 1);
    out.attributeArray("diagnostics", [&] {
      for (const Diagnostic &d : diags) {
        const DiagInfo &info = d.getInfo();
        out.object([&] {
          out.attribute("id", info.code);
          out.attribute("name", info.name);
          out.attribute("severity", getSeverityName(d.severity));
          out.attribute("category", getCategoryName(info.category));
          out.attribute("message", jsonString(d.message));
          out.attributeBegin("location");
          writeLocation(out, sm, d.range);
          out.attributeEnd();
          out.attributeArray("notes", [&] {
            for (const DiagnosticNote &note : d.notes)
              out.object([&] {
                out.attribute("id", note.getInfo().code);
                out.attribute("name", note.getInfo().name);
                out.attribute("message", jsonString(note.message));
                out.attributeBegin("location");
                writeLocation(out, sm, note.range);
                out.attributeEnd();
              });
          });
          out.attributeBegin("fix");
          if (d.fix) {
            out.object([&] {
              out.attribute("id", d.fix->getInfo().code);
              out.attribute("name", d.fix->getInfo().name);
              out.attribute("message", jsonString(d.fix->message));
              out.attributeBegin("location");
              writeLocation(out, sm, d.fix->range);
              out.attributeEnd();
              out.attribute("replacement", jsonString(d.fix->replacement));
            });
          } else {
            out.value(nullptr);
          }
          out.attributeEnd();
        });
        ++counts[unsigned(d.severity)];
      }
    });
    out.attributeObject("summary", [&] {
      out.attribute("error", counts[unsigned(Severity::Error)]);
      out.attribute("warning", counts[unsigned(Severity::Warning)]);
      out.attribute("remark", counts[unsigned(Severity::Remark)]);
    });
  });
  os << '\n';
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

/// Percent-encodes what may not appear in a URI path (RFC 3986: unreserved
/// characters, sub-delimiters, ':', '@' and '/' stay).
static std::string encodeURIPath(StringRef path) {
  std::string out;
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (isAlnum(c) || StringRef("-._~/!$&'()*+,;=:@").contains(c)) {
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

/// An artifactLocation: a relative path stays relative, resolved against
/// %SRCROOT% (the run's originalUriBaseIds says what that is); an absolute
/// path becomes a `file://` URI.
static void writeArtifactLocation(json::OStream &out, StringRef file) {
  out.object([&] {
    if (sys::path::is_absolute(file)) {
      SmallString<256> path(file);
      sys::path::native(path, sys::path::Style::posix);
      out.attribute("uri", "file://" + encodeURIPath(path));
      return;
    }
    SmallString<256> path(file);
    sys::path::native(path, sys::path::Style::posix);
    out.attribute("uri", encodeURIPath(path));
    out.attribute("uriBaseId", "%SRCROOT%");
  });
}

/// A region. SARIF regions may not be empty: a point spans one column.
static void writeRegion(json::OStream &out, const Resolved &r,
                        bool allowEmpty) {
  out.object([&] {
    out.attribute("startLine", r.begin.line);
    out.attribute("startColumn", r.begin.column);
    out.attribute("endLine", r.end.line);
    bool empty = r.end.column == r.begin.column && r.end.line == r.begin.line;
    out.attribute("endColumn",
                  empty && !allowEmpty ? r.begin.column + 1 : r.end.column);
  });
}

/// A location object (a result's or a related one); nothing when \p range
/// has no place and there is no message.
static void writeSARIFLocation(json::OStream &out, const SourceManager &sm,
                               SMRange range, const std::string *message,
                               std::optional<unsigned> id,
                               const NoteInfo *note = nullptr) {
  Resolved r = resolve(sm, range);
  out.object([&] {
    if (r.valid)
      out.attributeObject("physicalLocation", [&] {
        out.attributeBegin("artifactLocation");
        writeArtifactLocation(out, r.file);
        out.attributeEnd();
        out.attributeBegin("region");
        writeRegion(out, r, /*allowEmpty=*/false);
        out.attributeEnd();
      });
    if (message)
      out.attributeObject("message",
                          [&] { out.attribute("text", jsonString(*message)); });
    if (id)
      out.attribute("id", *id);
    if (note)
      out.attributeObject("properties", [&] {
        out.attribute("id", note->code);
        out.attribute("name", note->name);
      });
  });
}

/// One result. A fix hint that is a mechanical edit is a SARIF `fix` (an
/// artifactChange with the region and its replacement); a hint that is
/// advice only has no artifactChange, which a SARIF fix requires, so it goes
/// in the result's properties (`fixHint`).
static void writeSARIFResult(json::OStream &out, const SourceManager &sm,
                             const Diagnostic &d) {
  const DiagInfo &info = d.getInfo();
  out.object([&] {
    out.attribute("ruleId", info.code);
    out.attribute("ruleIndex", unsigned(d.id));
    out.attribute("level", sarifLevel(d.severity));
    out.attributeObject("message",
                        [&] { out.attribute("text", jsonString(d.message)); });
    out.attributeArray("locations", [&] {
      if (resolve(sm, d.range).valid)
        writeSARIFLocation(out, sm, d.range, nullptr, std::nullopt);
    });
    if (!d.notes.empty())
      out.attributeArray("relatedLocations", [&] {
        unsigned index = 0;
        for (const DiagnosticNote &note : d.notes)
          writeSARIFLocation(out, sm, note.range, &note.message, index++,
                             &note.getInfo());
      });
    Resolved fixRange;
    if (d.fix)
      fixRange = resolve(sm, d.fix->range);
    bool isEdit = d.fix && fixRange.valid && !d.fix->replacement.empty();
    if (isEdit)
      out.attributeArray("fixes", [&] {
        out.object([&] {
          out.attributeObject("description", [&] {
            out.attribute("text", jsonString(d.fix->message));
          });
          out.attributeObject("properties", [&] {
            out.attribute("id", d.fix->getInfo().code);
            out.attribute("name", d.fix->getInfo().name);
          });
          out.attributeArray("artifactChanges", [&] {
            out.object([&] {
              out.attributeBegin("artifactLocation");
              writeArtifactLocation(out, fixRange.file);
              out.attributeEnd();
              out.attributeArray("replacements", [&] {
                out.object([&] {
                  out.attributeBegin("deletedRegion");
                  writeRegion(out, fixRange, /*allowEmpty=*/true);
                  out.attributeEnd();
                  out.attributeObject("insertedContent", [&] {
                    out.attribute("text", jsonString(d.fix->replacement));
                  });
                });
              });
            });
          });
        });
      });
    out.attributeObject("properties", [&] {
      out.attribute("category", getCategoryName(info.category));
      out.attribute("name", info.name);
      if (d.fix && !isEdit) {
        out.attribute("fixHint", jsonString(d.fix->message));
        out.attribute("fixHintId", d.fix->getInfo().code);
      }
    });
  });
}

void abv::renderSARIF(raw_ostream &os, const SourceManager &sm,
                      ArrayRef<Diagnostic> diags, const RenderOptions &opts) {
  json::OStream out(os, /*IndentSize=*/2);
  SmallString<256> cwd;
  bool haveCwd = !sys::fs::current_path(cwd);
  out.object([&] {
    out.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    out.attribute("version", "2.1.0");
    out.attributeArray("runs", [&] {
      out.object([&] {
        out.attributeObject("tool", [&] {
          out.attributeObject("driver", [&] {
            out.attribute("name", opts.toolName);
            out.attribute("version", getABVVersion());
            out.attributeArray("rules", [&] {
              for (const DiagInfo &info : getAllDiagInfos())
                out.object([&] {
                  out.attribute("id", info.code);
                  out.attribute("name", info.name);
                  out.attributeObject("shortDescription", [&] {
                    out.attribute("text", info.format);
                  });
                  out.attributeObject("help", [&] {
                    out.attribute("text",
                                  "docs/Diagnostics.md#" + info.code.lower());
                  });
                  out.attributeObject("defaultConfiguration", [&] {
                    out.attribute("level",
                                  info.defaultSeverity == Severity::Ignored
                                      ? StringRef("none")
                                      : sarifLevel(info.defaultSeverity));
                  });
                  out.attributeObject("properties", [&] {
                    out.attribute("category", getCategoryName(info.category));
                    out.attributeArray("tags", [&] {
                      for (GroupID group : getEnclosingGroups(info.id))
                        out.value(getGroupInfo(group).name);
                    });
                  });
                });
            });
          });
        });
        if (haveCwd) {
          // What relative artifact URIs are relative to.
          if (!sys::path::is_separator(cwd.back()))
            cwd += '/';
          out.attributeObject("originalUriBaseIds", [&] {
            out.attributeObject("%SRCROOT%", [&] {
              sys::path::native(cwd, sys::path::Style::posix);
              out.attribute("uri", "file://" + encodeURIPath(cwd));
            });
          });
        }
        out.attribute("columnKind", "unicodeCodePoints");
        out.attributeArray("results", [&] {
          for (const Diagnostic &d : diags)
            writeSARIFResult(out, sm, d);
        });
      });
    });
  });
  os << '\n';
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
