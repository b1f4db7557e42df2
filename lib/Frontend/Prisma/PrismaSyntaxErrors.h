//===- PrismaSyntaxErrors.h - Prisma syntax errors and recovery -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Turns ANTLR's syntax errors into readable, located diagnostics, one PS
/// diagnostic ID per kind of error (unexpected token, unclosed block or
/// bracket, missing type or value, invalid attribute syntax, ...), and
/// recovers the way Prisma's line-oriented syntax suggests:
///
/// - An error inside a line-level construct (a field, an enum value, a
///   `key = value` pair, a block attribute) skips to the end of that line,
///   so the next line parses normally; as in Prisma, a `}` in the middle of
///   a broken line is part of it. A line break is never dropped to join
///   two lines.
/// - An unexpected token among a block's members is reported and its line
///   skipped, staying inside the block.
/// - An error at the top level or in a block header skips to the next
///   declaration keyword at the start of a line, over whole `{ ... }`
///   bodies, so one broken header is one error.
///
/// Messages name what was found and what was expected in words ("expected
/// a field type after 'title'", "unexpected '}'; expected a field, a block
/// attribute ('@@...') or '}'"), never raw token names.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_FRONTEND_PRISMA_PRISMASYNTAXERRORS_H
#define ABV_LIB_FRONTEND_PRISMA_PRISMASYNTAXERRORS_H

#include "PrismaSourceChunk.h"

#include "abv/Basic/DiagnosticEngine.h"

#include "antlr4-runtime.h"

#include <optional>
#include <string>
#include <vector>

namespace abv::prisma {

/// A message and the kind of syntax error it describes (a PS diagnostic
/// ID). A plain string is an unexpected token (PS002).
struct SyntaxMessage {
  SyntaxMessage(std::string message,
                DiagID kind = DiagID::PrismaUnexpectedToken)
      : message(std::move(message)), kind(kind) {}
  SyntaxMessage(const char *message) : SyntaxMessage(std::string(message)) {}

  std::string message;
  DiagID kind;
};

/// A note of a syntax error (e.g. where an unclosed bracket opened): a NOTE
/// row of the diagnostic table and its arguments.
struct SyntaxNote {
  llvm::SMRange range;
  NoteID id;
  llvm::SmallVector<std::string, 2> args;
};

/// A syntax error found while lexing or parsing a chunk. Chunks may be
/// parsed on a worker thread: errors are kept until the chunk is lowered,
/// then reported in order, each with the ID of its kind.
struct SyntaxError {
  llvm::SMRange range;
  std::string message;
  /// The kind of error; PS001 only for what no kind describes.
  DiagID kind = DiagID::PrismaSyntax;
  std::optional<SyntaxNote> note;
};

/// Records every syntax error it hears of, at the offending token.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  SyntaxErrorListener(std::vector<SyntaxError> &errors,
                      const SourceChunk &chunk)
      : errors(errors), chunk(chunk) {}

  void syntaxError(antlr4::Recognizer *recognizer,
                   antlr4::Token *offendingSymbol, size_t line,
                   size_t charPositionInLine, const std::string &msg,
                   std::exception_ptr e) override;

  /// Attaches a note to the next reported error.
  void setNote(SyntaxNote note) { pendingNote = std::move(note); }
  /// Sets the kind of the next reported error (else PS001).
  void setKind(DiagID kind) { pendingKind = kind; }

private:
  std::vector<SyntaxError> &errors;
  const SourceChunk &chunk;
  std::optional<SyntaxNote> pendingNote;
  std::optional<DiagID> pendingKind;
};

/// ANTLR's default strategy with Prisma-specific messages and recovery.
class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  SyntaxErrorStrategy(const SourceChunk &chunk, SyntaxErrorListener &listener)
      : chunk(chunk), listener(listener) {}

  void recover(antlr4::Parser *recognizer, std::exception_ptr e) override;
  void sync(antlr4::Parser *recognizer) override;

protected:
  void
  reportNoViableAlternative(antlr4::Parser *recognizer,
                            const antlr4::NoViableAltException &e) override;
  void reportInputMismatch(antlr4::Parser *recognizer,
                           const antlr4::InputMismatchException &e) override;
  void
  reportFailedPredicate(antlr4::Parser *recognizer,
                        const antlr4::FailedPredicateException &e) override;
  void reportUnwantedToken(antlr4::Parser *recognizer) override;
  void reportMissingToken(antlr4::Parser *recognizer) override;
  antlr4::Token *singleTokenDeletion(antlr4::Parser *recognizer) override;
  bool singleTokenInsertion(antlr4::Parser *recognizer) override;
  antlr4::Token *getMissingSymbol(antlr4::Parser *recognizer) override;

private:
  /// Builds the message for an error at \p token in the current rule of
  /// \p parser, where \p expected could have come instead. \p start is the
  /// first token of a failed multi-token decision (or \p token). May move
  /// \p token to where the error is best reported.
  SyntaxMessage describeError(antlr4::Parser *parser, antlr4::Token *&token,
                              antlr4::Token *start,
                              const antlr4::misc::IntervalSet &expected);
  /// Describes and reports an error (see describeError).
  void report(antlr4::Parser *parser, antlr4::Token *token,
              antlr4::Token *start, const antlr4::misc::IntervalSet &expected);

  /// Skips to the end of the line (stopping before the line break or the
  /// end of the file).
  void skipLine(antlr4::Parser *parser);
  /// Skips to the next top-level declaration keyword that starts a line,
  /// over whole `{ ... }` groups.
  void skipToDeclaration(antlr4::Parser *parser);
  /// Consumes one token if the last error was at this very position and
  /// state, so that recovery always makes progress (\p inLine: not a line
  /// break, which the enclosing line rule will match).
  void ensureProgress(antlr4::Parser *parser, bool inLine);

  const SourceChunk &chunk;
  SyntaxErrorListener &listener;
};

} // namespace abv::prisma

#endif // ABV_LIB_FRONTEND_PRISMA_PRISMASYNTAXERRORS_H
