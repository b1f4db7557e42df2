//===- TSTokenizer.h - The TypeScript tokenizer -----------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Turns the text of a `.ts` file into the tokens the TypeScript parser
/// reads. TypeScript's lexical grammar depends on the syntax around it, so
/// the tokenizer does, in three linear passes, what a lexer generator
/// cannot:
///
/// 1. **Scan.** `/` starts a regular expression where an operand may start
///    (after `(`, `=`, `return`, ...) and is division after one (after a
///    name, a literal, `)`, `]`); template literals nest through `${ ... }`
///    with a stack of open braces; `>` is never joined with what follows
///    (`Array<Array<T>>`), so the grammar composes `>=`, `>>` and `>>>`
///    from GreaterJoined tokens. Comments and line breaks are not tokens:
///    comments are kept in a side list, a line break sets NewlineBefore on
///    the next token (for automatic semicolon insertion).
/// 2. **Brackets.** `(`, `[`, `{` and `${` are matched with their closers.
///    An unmatched closer is reported and dropped; an opener left open is
///    reported and closed by a virtual token (an empty range), at the end
///    of the file or before the closer of an outer bracket. The parser
///    always sees balanced brackets, so one missing `}` is one error.
///    Nesting deeper than MaxNestingDepth is reported here, before any
///    recursive descent sees it.
/// 3. **Classify.** With the brackets matched, decisions TypeScript's
///    parser makes by trial parses become token kinds: a `(` whose `)` is
///    followed by `=>` (optionally after a return type) is an ArrowParen; a
///    name followed by `=>` is an ArrowParameter; a `<` after a name whose
///    matching `>` is followed by `(` or a template is a LessTypeArgs
///    (`typia.assert<T>(x)`); a `<` where a generic arrow starts is a
///    LessGeneric (`<T>(x: T) => x`); a contextual keyword the next token
///    does not make a keyword (`type` in `type === "x"`) is an Identifier;
///    a `{` that can only open a block is a BlockBrace, and `function` and
///    `class` starting a statement are DeclFunction and DeclClass. Then
///    automatic semicolon insertion: in a statement list (the top level, a
///    block, a class or namespace body), a line break before a token that
///    cannot continue the statement, a `}` or the end of the file ends the
///    statement (SemicolonBefore), as do the restricted productions
///    (`return`, `break`, `continue`, `yield`, postfix `++` / `--` across a
///    line break). The grammar then decides everything with a token or two
///    of lookahead, and its statements end in an explicit `;`.
///
/// Positions are byte offsets into the text; the frontend turns them into
/// SMLocs of the SourceManager buffer.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_TYPESCRIPT_TSTOKENIZER_H
#define ABV_FRONTEND_TYPESCRIPT_TSTOKENIZER_H

#include "abv/Basic/Diagnostic.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace abv::ts {

namespace tok {
/// Token kinds. The values of the kinds in TSTokenKinds.def are the token
/// types of the generated parser.
enum TokenKind : uint8_t {
  Unknown = 0,
#define TS_TOKEN(Name, Spelling) Name,
#include "abv/Frontend/TypeScript/TSTokenKinds.def"
  EndOfFile,
  NumTokenKinds
};
} // namespace tok

/// How a message names \p kind: "'{'", "'return'", "identifier".
llvm::StringRef getTokenSpelling(tok::TokenKind kind);
/// Whether \p kind is a reserved word (TS_KEYWORD).
bool isReservedWord(tok::TokenKind kind);
/// Whether \p kind is a contextual keyword (TS_CONTEXTUAL): a name
/// everywhere a keyword is not expected.
bool isContextualKeyword(tok::TokenKind kind);

/// One token: a kind and the byte range [begin, end) of its text.
struct Token {
  enum Flags : uint8_t {
    /// A line break (possibly inside a comment) separates the token from
    /// the one before.
    NewlineBefore = 1,
    /// A string, template or regular expression missing its closing
    /// delimiter (already reported).
    Unterminated = 2,
    /// A closer the tokenizer added for an unclosed opener, or a `;` it
    /// inserted (empty range).
    Virtual = 4,
    /// Automatic semicolon insertion puts a `;` before this token (at the
    /// end of the token before it). The parser's token stream inserts it.
    SemicolonBefore = 8,
  };

  tok::TokenKind kind = tok::Unknown;
  uint8_t flags = 0;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool is(tok::TokenKind k) const { return kind == k; }
  bool hasNewlineBefore() const { return flags & NewlineBefore; }
  bool isVirtual() const { return flags & Virtual; }
  bool hasSemicolonBefore() const { return flags & SemicolonBefore; }
};

/// A comment: `// ...` (Line), `/* ... */` (Block) or `/** ... */` (Doc).
struct Comment {
  enum Kind : uint8_t { Line, Block, Doc };
  Kind kind = Line;
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// A located finding of the tokenizer or the parser, kept until it is
/// reported (files may be parsed on worker threads).
struct SyntaxProblem {
  DiagID id;
  llvm::SMRange range;
  /// The %0, %1, ... arguments of the message.
  llvm::SmallVector<std::string, 2> args;
  /// A note (e.g. where an unclosed bracket opened), if any: a NOTE row of
  /// the diagnostics table and its arguments.
  std::optional<NoteID> note;
  llvm::SMRange noteRange;
  llvm::SmallVector<std::string, 1> noteArgs;
};

/// The deepest nesting of brackets (`(`, `[`, `{`, `${`) the tokenizer
/// accepts; deeper input is reported (TSP009) and not parsed.
constexpr unsigned MaxNestingDepth = 256;

/// Everything the tokenizer produced for one text.
struct TokenizedText {
  /// The tokens, ending with one EndOfFile token at the end of the text.
  std::vector<Token> tokens;
  std::vector<Comment> comments;
  std::vector<SyntaxProblem> problems;
  /// For each opener token (by index), the index of its closer; for other
  /// tokens, 0.
  std::vector<uint32_t> matches;
  /// Token indexes of openers nested deeper than MaxNestingDepth, outermost
  /// first (at most one per top-level nest).
  std::vector<uint32_t> tooDeep;
};

/// Tokenizes \p text (the whole text of a buffer; a leading UTF-8 byte
/// order mark and a `#!` line are skipped). Invalid UTF-8 bytes are
/// reported as invalid characters. Lexical and bracket problems are
/// returned with ranges into \p text.
TokenizedText tokenize(llvm::StringRef text);

/// Only the scan pass, for tests: tokens as the text spells them, with
/// no bracket repair and no classification.
TokenizedText scanTokens(llvm::StringRef text);

} // namespace abv::ts

#endif // ABV_FRONTEND_TYPESCRIPT_TSTOKENIZER_H
