//===- VerifyDiagnostics.cpp - Expected diagnostics in comments -----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/VerifyDiagnostics.h"

#include "abv/Basic/SourceManager.h"
#include "abv/Basic/Unicode.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>
#include <optional>

using namespace abv;
using namespace llvm;

CommentSyntax abv::getCommentSyntax(StringRef fileName) {
  StringRef ext = sys::path::extension(fileName);
  if (ext.equals_insensitive(".prisma"))
    return {"//", "\"", false};
  if (is_contained(
          {".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"},
          ext.lower()))
    return {"//", "\"'`", false};
  if (ext.equals_insensitive(".yaml") || ext.equals_insensitive(".yml"))
    return {"#", "\"'", true};
  return {};
}

//===----------------------------------------------------------------------===//
// Reading directives
//===----------------------------------------------------------------------===//

static bool isLineEnd(char c) { return c == '\n' || c == '\r'; }

void DiagnosticVerifier::scanSources() {
  for (unsigned id = 1, e = sourceMgr.getNumBuffers(); id <= e; ++id) {
    CommentSyntax syntax = getCommentSyntax(sourceMgr.getBufferName(id));
    if (!syntax.marker.empty())
      scanBuffer(id, syntax);
  }
}

void DiagnosticVerifier::scanBuffer(unsigned id, const CommentSyntax &syntax) {
  StringRef text = sourceMgr.getBufferText(id);
  Origin origin{sourceMgr.getBufferName(id).str(), id};
  char quote = 0; // The delimiter of the string the scanner is in.
  // YAML: the last character before this one on the line that is not a
  // space, 0 at the start of a line.
  char lastSolid = 0;
  for (size_t i = 0, e = text.size(); i < e; ++i) {
    char c = text[i];
    if (quote) {
      if (isLineEnd(c) && quote != '`') {
        quote = 0; // An unterminated string ends with its line.
        lastSolid = 0;
      } else if (c == '\\' && !(syntax.yamlRules && quote == '\'')) {
        ++i; // An escaped character.
      } else if (c == quote) {
        // YAML's single-quoted strings escape a quote by doubling it.
        if (syntax.yamlRules && quote == '\'' && i + 1 < e &&
            text[i + 1] == '\'')
          ++i;
        else
          quote = 0;
      }
      continue;
    }
    if (text.substr(i).starts_with(syntax.marker) &&
        (!syntax.yamlRules || i == 0 || isSpace(text[i - 1]))) {
      size_t start = i + syntax.marker.size();
      size_t end = start;
      while (end < e && !isLineEnd(text[end]))
        ++end;
      LineColumn at =
          sourceMgr.getLineColumn(SMLoc::getFromPointer(text.data() + start));
      parseDirectives(text.slice(start, end), origin, at.line, at.column);
      i = end - 1;
      continue;
    }
    if (isLineEnd(c)) {
      lastSolid = 0;
      continue;
    }
    if (syntax.quotes.contains(c) &&
        (!syntax.yamlRules || !lastSolid ||
         StringRef(":-[{,?").contains(lastSolid))) {
      quote = c;
      continue;
    }
    if (!isSpace(c))
      lastSolid = c;
  }
}

void DiagnosticVerifier::addExpectationsFile(StringRef name, StringRef text) {
  Origin origin{name.str(), 0};
  unsigned line = 1;
  while (!text.empty()) {
    size_t end = text.find_first_of("\r\n");
    StringRef lineText = text.substr(0, end);
    parseDirectives(lineText, origin, line, 1);
    if (end == StringRef::npos)
      break;
    // "\r\n" is one line end.
    text =
        text.drop_front(end + (text.substr(end).starts_with("\r\n") ? 2 : 1));
    ++line;
  }
}

void DiagnosticVerifier::addError(const Origin &origin, unsigned line,
                                  unsigned column, const Twine &message) {
  errors.push_back((origin.file + ":" + Twine(line) + ":" + Twine(column) +
                    ": error: " + message)
                       .str());
}

/// Parses a line number ("12"); nullopt when \p text is not one.
static std::optional<unsigned> parseLine(StringRef text) {
  unsigned value;
  if (text.empty() || !all_of(text, isDigit) || text.getAsInteger(10, value))
    return std::nullopt;
  return value;
}

bool DiagnosticVerifier::parseLocation(StringRef where, const Origin &origin,
                                       unsigned line, Expectation &expectation,
                                       std::string &error) const {
  if (where == "*") {
    expectation.anywhere = true;
    return true;
  }
  // [<file>:]<line>[:<column>]; <line> may be relative (+N, -N) when there
  // is no file.
  SmallVector<StringRef, 3> parts;
  where.split(parts, ':');
  bool hasFile = !(where.starts_with("+") || where.starts_with("-") ||
                   isDigit(where.front()));
  size_t first = hasFile ? 1 : 0;
  std::optional<unsigned> column;
  if (parts.size() == first + 2)
    column = parseLine(parts.back());
  StringRef lineText = parts.size() > first ? parts[first] : StringRef();
  char sign = hasFile ? 0 : lineText.front();
  std::optional<unsigned> number =
      parseLine(sign == '+' || sign == '-' ? lineText.drop_front() : lineText);
  if (parts.size() < first + 1 || parts.size() > first + 2 || !number ||
      (parts.size() == first + 2 && (!column || !*column))) {
    error = ("invalid location '@" + where +
             "' (expected @+N, @-N, @N or @<file>:N, each optionally "
             "followed by :<column>, or @*)")
                .str();
    return false;
  }
  if (column)
    expectation.column = *column;
  if (!hasFile) {
    if (!origin.buffer) {
      error = "a directive in an expectations file names its file: "
              "@<file>:<line> or @*";
      return false;
    }
    expectation.buffer = origin.buffer;
    if (sign == '+')
      // Past any line when it would overflow: never seen, so reported.
      expectation.line = *number > ~0U - line ? ~0U : line + *number;
    else if (sign == '-')
      expectation.line = *number < line ? line - *number : 0;
    else
      expectation.line = *number;
    if (!expectation.line) {
      error = ("line '" + lineText + "' is before the first line").str();
      return false;
    }
    return true;
  }
  StringRef file = parts.front();
  unsigned found = 0;
  for (unsigned id = 1, e = sourceMgr.getNumBuffers(); id <= e; ++id) {
    StringRef name = sourceMgr.getBufferName(id);
    if (name != file &&
        !(name.size() > file.size() && name.ends_with(file) &&
          sys::path::is_separator(name[name.size() - file.size() - 1])))
      continue;
    if (found) {
      error = ("'" + file + "' names more than one input").str();
      return false;
    }
    found = id;
  }
  if (!found) {
    error = ("no input named '" + file + "'").str();
    return false;
  }
  if (!*number) {
    error = "line 0 is before the first line";
    return false;
  }
  expectation.buffer = found;
  expectation.line = *number;
  return true;
}

void DiagnosticVerifier::parseDirectives(StringRef text, const Origin &origin,
                                         unsigned line, unsigned column) {
  static constexpr StringLiteral prefix = "expected-";
  size_t pos = 0;
  while ((pos = text.find(prefix, pos)) != StringRef::npos) {
    size_t start = pos;
    pos += prefix.size();
    // Part of a longer word: not a directive.
    if (start && (isAlnum(text[start - 1]) || text[start - 1] == '-' ||
                  text[start - 1] == '_'))
      continue;
    unsigned at =
        column + countColumns(text.take_front(start), ColumnUnit::CodePoint);
    StringRef rest = text.substr(pos);
    StringRef kind =
        rest.take_while([](char c) { return isLower(c) || c == '-'; });
    if (kind == "no-diagnostics") {
      noDiagnostics.push_back((origin.file + ":" + Twine(line)).str());
      pos += kind.size();
      continue;
    }
    // A fix hint is checked as a note that is a fix.
    std::optional<Severity> severity =
        StringSwitch<std::optional<Severity>>(kind)
            .Case("error", Severity::Error)
            .Case("warning", Severity::Warning)
            .Case("remark", Severity::Remark)
            .Cases("note", "fix", Severity::Note)
            .Default(std::nullopt);
    if (!severity)
      continue; // Prose such as "expected-output"; not ours.
    rest = rest.drop_front(kind.size());
    Expectation expectation;
    expectation.severity = *severity;
    expectation.isFix = kind == "fix";
    expectation.file = origin.file;
    expectation.directiveLine = line;
    std::string spelled = ("expected-" + kind).str();
    std::string error;
    if (rest.consume_front("@")) {
      StringRef where = rest.take_until(
          [](char c) { return isSpace(c) || c == '[' || c == '{'; });
      rest = rest.drop_front(where.size());
      if (where.empty())
        error = "expected a location after '@'";
      else
        parseLocation(where, origin, line, expectation, error);
    } else if (!origin.buffer) {
      error = "a directive in an expectations file names its file: "
              "@<file>:<line> or @*";
    } else {
      expectation.buffer = origin.buffer;
      expectation.line = line;
    }
    rest = rest.ltrim(" \t");
    if (error.empty() && rest.consume_front("[")) {
      size_t close = rest.find(']');
      if (close == StringRef::npos) {
        error = "cannot find ']' after '['";
      } else {
        expectation.id = rest.take_front(close).trim().str();
        rest = rest.drop_front(close + 1).ltrim(" \t");
        if (*severity == Severity::Note) {
          expectation.note = lookupNote(expectation.id);
          if (!expectation.note)
            error = "unknown note '" + expectation.id + "'";
        } else {
          expectation.diag = lookupDiag(expectation.id);
          if (!expectation.diag)
            error = "unknown diagnostic '" + expectation.id + "'";
        }
      }
    }
    if (error.empty()) {
      if (rest.consume_front("{{")) {
        size_t close = rest.find("}}");
        if (close == StringRef::npos) {
          error = "cannot find end ('}}') of expected string";
        } else {
          expectation.text = rest.take_front(close).str();
          rest = rest.drop_front(close + 2);
        }
      } else if (expectation.id.empty()) {
        error = "expected '[<ID>]' or '{{<text>}}' after '" + spelled + "'";
      }
    }
    pos = text.size() - rest.size();
    if (!error.empty()) {
      addError(origin, line, at, error);
      continue;
    }
    expectations.push_back(std::move(expectation));
  }
}

//===----------------------------------------------------------------------===//
// Checking
//===----------------------------------------------------------------------===//

namespace {
/// A diagnostic, note or fix hint the run produced.
struct Seen {
  Severity severity; ///< Note for a note or a fix hint.
  bool isFix = false;
  unsigned buffer = 0;
  LineColumn at;
  const DiagInfo *diag = nullptr;
  const NoteInfo *note = nullptr;
  StringRef message;
  bool matched = false;
};
} // namespace

bool DiagnosticVerifier::verify(ArrayRef<Diagnostic> diags, raw_ostream &os,
                                StringRef toolName) const {
  std::vector<Seen> seen;
  // A fix hint's text as text output shows it, with its replacement.
  std::deque<std::string> fixTexts;
  auto locate = [&](Seen &item, SMRange range) {
    if (!range.Start.isValid())
      return;
    item.buffer = sourceMgr.findBuffer(range.Start);
    if (item.buffer)
      item.at = sourceMgr.getLineColumn(range.Start);
  };
  for (const Diagnostic &d : diags) {
    Seen item;
    item.severity = d.severity;
    item.diag = &d.getInfo();
    item.message = d.message;
    locate(item, d.range);
    seen.push_back(item);
    for (const DiagnosticNote &n : d.notes) {
      Seen note;
      note.severity = Severity::Note;
      note.note = &n.getInfo();
      note.message = n.message;
      locate(note, n.range);
      seen.push_back(note);
    }
    if (d.fix) {
      // Where text output shows it: at its range, else at the finding.
      Seen fix;
      fix.severity = Severity::Note;
      fix.isFix = true;
      fix.note = &d.fix->getInfo();
      fixTexts.push_back(d.fix->message);
      if (d.fix->range.Start.isValid() && !d.fix->replacement.empty())
        fixTexts.back() += " (replace with '" + d.fix->replacement + "')";
      fix.message = fixTexts.back();
      locate(fix, d.fix->range.Start.isValid() ? d.fix->range : d.range);
      seen.push_back(fix);
    }
  }

  // Each directive takes the first diagnostic it describes.
  std::vector<bool> satisfied(expectations.size());
  for (size_t i = 0; i != expectations.size(); ++i) {
    const Expectation &want = expectations[i];
    for (Seen &item : seen) {
      if (item.matched || item.severity != want.severity ||
          item.isFix != want.isFix)
        continue;
      if (!want.anywhere &&
          (item.buffer != want.buffer || item.at.line != want.line ||
           (want.column && item.at.column != want.column)))
        continue;
      if ((want.diag && item.diag != want.diag) ||
          (want.note && item.note != want.note))
        continue;
      if (!item.message.contains(want.text))
        continue;
      item.matched = true;
      satisfied[i] = true;
      break;
    }
  }

  bool ok = true;
  auto fail = [&]() -> raw_ostream & {
    ok = false;
    return os << toolName << ": error: ";
  };
  for (const std::string &error : errors) {
    ok = false;
    os << error << '\n';
  }
  if (expectations.empty() && noDiagnostics.empty())
    fail() << "no expected directives found: use expected-no-diagnostics to "
              "indicate that no diagnostics are expected\n";
  if (!expectations.empty() && !noDiagnostics.empty())
    fail() << "expected-no-diagnostics (at " << noDiagnostics.front()
           << ") with directives that expect diagnostics\n";

  // Per kind, as clang lists them; fix hints last. A fix hint nobody
  // expected is no error: it is advice on a finding that is checked.
  struct Kind {
    Severity severity;
    bool isFix;
    StringRef name;
  };
  for (Kind kind : {Kind{Severity::Error, false, "error"},
                    Kind{Severity::Warning, false, "warning"},
                    Kind{Severity::Remark, false, "remark"},
                    Kind{Severity::Note, false, "note"},
                    Kind{Severity::Note, true, "fix"}}) {
    bool header = false;
    for (size_t i = 0; i != expectations.size(); ++i) {
      const Expectation &want = expectations[i];
      if (satisfied[i] || want.severity != kind.severity ||
          want.isFix != kind.isFix)
        continue;
      if (!header)
        fail() << "'expected-" << kind.name
               << "' diagnostics expected but not seen:\n";
      header = true;
      os << "  File ";
      if (want.anywhere) {
        os << "* Line *";
      } else {
        os << sourceMgr.getBufferName(want.buffer) << " Line " << want.line;
        if (want.column)
          os << " Column " << want.column;
      }
      if (want.anywhere || want.file != sourceMgr.getBufferName(want.buffer) ||
          want.directiveLine != want.line)
        os << " (directive at " << want.file << ':' << want.directiveLine
           << ')';
      os << ':';
      if (!want.id.empty())
        os << " [" << want.id << ']';
      if (!want.text.empty())
        os << ' ' << want.text;
      os << '\n';
    }
    if (kind.isFix)
      continue;
    header = false;
    for (const Seen &item : seen) {
      if (item.matched || item.severity != kind.severity || item.isFix)
        continue;
      if (!header)
        fail() << "'" << kind.name << "' diagnostics seen but not expected:\n";
      header = true;
      os << "  ";
      if (item.buffer)
        os << "File " << sourceMgr.getBufferName(item.buffer) << " Line "
           << item.at.line << " Column " << item.at.column;
      else
        os << "(no location)";
      os << ": " << item.message << " ["
         << (item.diag ? item.diag->code : item.note->code) << "]\n";
    }
  }
  return ok;
}
