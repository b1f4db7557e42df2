//===- VerifyDiagnostics.h - Expected diagnostics in comments --*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// `--verify-diagnostics`, after clang's `-verify` and MLIR's
/// `--verify-diagnostics`: the inputs say, in their comments, which
/// diagnostics a run must produce, and the run is checked against them
/// instead of being printed.
///
/// \code
///   model users {
///     // expected-error@+1 {{unknown type 'Strin'}}
///     name Strin
///     email String // expected-warning [DB061] {{plaintext secret}}
///   }
/// \endcode
///
/// A directive is `expected-<kind>[@<where>] [[<ID>]] {{<text>}}`:
///
/// - kind: `error`, `warning`, `remark` (a finding of that severity, after
///   the -W options), `note` (a note of any finding) or `fix` (a fix hint,
///   where and as text output shows it: at its own range, else at its
///   finding; "did you mean 'String'? (replace with 'String')").
///   Fix hints are advice on a finding: one that no `expected-fix` names is
///   not an error.
/// - where: nothing (the directive's own line), `+N` / `-N` (N lines below /
///   above it), `N` (line N of the same file), `<file>:N` (line N of the
///   input whose path is or ends with `/<file>`), or `*` (anywhere, also a
///   finding with no location). Any form but `*` may end in `:<column>`
///   (code points, as printed) to pin the column too.
/// - ID: the finding's ID or name (or a merged-away one), or the note's or
///   fix hint's (`[NT121]`, `[column-declared-here]`). Optional when there
///   is a text.
/// - text: a substring of the message. Optional when there is an ID.
///
/// `expected-no-diagnostics` says that the run produces nothing; a run with
/// no directive at all is an error, so that a test cannot pass by accident.
///
/// Directives are read from comments, whatever the language, as long as its
/// line comments start with a marker the scanner knows: `//` in `.prisma`
/// and TypeScript/JavaScript sources, `#` in YAML. JSON has no comments: its
/// expectations go in an expectations file, a `.expected` file named on the
/// command line next to the inputs, whose every line may hold directives
/// that name their file (`expected-error@swagger.json:3 {{...}}`) or `@*`.
///
/// Every expected diagnostic must appear (same severity, file, line, column
/// when given, ID when given, message containing the text) and nothing
/// else may: each diagnostic and note matches one directive. Differences are
/// printed as clang prints them: "'expected-error' diagnostics expected but
/// not seen:" and "'error' diagnostics seen but not expected:", each
/// followed by one `File <file> Line <line>: <message>` per item.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_VERIFYDIAGNOSTICS_H
#define ABV_BASIC_VERIFYDIAGNOSTICS_H

#include "abv/Basic/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace abv {

class SourceManager;

/// How a file's line comments start, for the directive scanner.
struct CommentSyntax {
  /// The line comment marker, "//" or "#"; empty when the file has none.
  llvm::StringRef marker;
  /// The characters that delimit strings, in which a marker is no comment.
  llvm::StringRef quotes;
  /// YAML: `#` starts a comment only at the start of a line or after a
  /// space, and a quote opens a string only where a value starts.
  bool yamlRules = false;
};

/// The comment syntax of a file, from its name: `//` for `.prisma`, `.ts`,
/// `.tsx`, `.mts`, `.cts`, `.js`, `.jsx`, `.mjs`, `.cjs`; `#` for `.yaml` and
/// `.yml`; none otherwise (JSON).
CommentSyntax getCommentSyntax(llvm::StringRef fileName);

/// Reads expectations from the inputs and checks diagnostics against them.
class DiagnosticVerifier {
public:
  explicit DiagnosticVerifier(const SourceManager &sourceMgr)
      : sourceMgr(sourceMgr) {}

  /// Reads the directives in the comments of every buffer of the source
  /// manager whose name has a known comment syntax.
  void scanSources();
  /// Reads the directives in \p text, the contents of the expectations file
  /// \p name: every directive must name its file (`@<file>:N`) or be `@*`.
  void addExpectationsFile(llvm::StringRef name, llvm::StringRef text);

  /// Checks \p diags against the directives read so far. Prints what
  /// differs (and malformed directives) to \p os, each problem headed by
  /// "<toolName>: error:"; returns true when everything matched.
  bool verify(llvm::ArrayRef<Diagnostic> diags, llvm::raw_ostream &os,
              llvm::StringRef toolName) const;

  /// How many directives were read (expected-no-diagnostics excluded).
  size_t getNumDirectives() const { return expectations.size(); }

private:
  /// One expected-<kind> directive.
  struct Expectation {
    Severity severity;  ///< Error, Warning, Remark, or Note.
    bool isFix = false; ///< expected-fix: a Note that is a fix hint.
    std::string file;   ///< Where the directive is written.
    unsigned directiveLine;
    bool anywhere = false; ///< `@*`.
    unsigned buffer = 0;   ///< The expected place: its buffer, line, column
    unsigned line = 0;     ///< (0: any column).
    unsigned column = 0;
    const DiagInfo *diag = nullptr; ///< From [ID], for findings.
    const NoteInfo *note = nullptr; ///< From [ID], for notes.
    std::string id;                 ///< [ID] as written.
    std::string text;               ///< {{text}}.
  };

  /// Where a scanned piece of text comes from.
  struct Origin {
    std::string file;
    unsigned buffer; ///< 0 for an expectations file.
  };

  void scanBuffer(unsigned id, const CommentSyntax &syntax);
  /// Parses the directives in \p text, which is on \p line of \p origin,
  /// starting at \p column.
  void parseDirectives(llvm::StringRef text, const Origin &origin,
                       unsigned line, unsigned column);
  bool parseLocation(llvm::StringRef where, const Origin &origin, unsigned line,
                     Expectation &expectation, std::string &error) const;
  void addError(const Origin &origin, unsigned line, unsigned column,
                const llvm::Twine &message);

  const SourceManager &sourceMgr;
  std::vector<Expectation> expectations;
  /// Malformed directives, already located: "file:line:col: message".
  std::vector<std::string> errors;
  /// Where `expected-no-diagnostics` was written, if anywhere.
  std::vector<std::string> noDiagnostics;
};

} // namespace abv

#endif // ABV_BASIC_VERIFYDIAGNOSTICS_H
