//===- TSSyntaxErrors.h - TypeScript syntax errors --------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Turns ANTLR's syntax errors into readable, located TSP001 diagnostics:
/// messages name what was found and what was expected in words ("unexpected
/// identifier 'b'; expected ',' or ')'", "expected an expression after
/// '='"), never raw token names. Recovery is ANTLR's (single token deletion
/// and insertion, then resynchronizing on the follow sets of the rules in
/// progress), which works well here because the tokenizer has balanced
/// every bracket: an error never runs past the bracket it is in.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_FRONTEND_TYPESCRIPT_TSSYNTAXERRORS_H
#define ABV_LIB_FRONTEND_TYPESCRIPT_TSSYNTAXERRORS_H

#include "TSParserBase.h"

#include "abv/Frontend/TypeScript/TSTokenizer.h"

#include <vector>

namespace abv::ts {

/// Records every syntax error it hears of, at the offending token.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  SyntaxErrorListener(llvm::StringRef text,
                      std::vector<SyntaxProblem> &problems)
      : text(text), problems(problems) {}

  void syntaxError(antlr4::Recognizer *recognizer,
                   antlr4::Token *offendingSymbol, size_t line,
                   size_t charPositionInLine, const std::string &msg,
                   std::exception_ptr e) override;

private:
  llvm::StringRef text;
  std::vector<SyntaxProblem> &problems;
};

/// ANTLR's default strategy with TypeScript messages.
class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  SyntaxErrorStrategy(llvm::StringRef text, ParserTokenStream &stream)
      : text(text), stream(stream) {}

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
  void recover(antlr4::Parser *recognizer, std::exception_ptr e) override;
  antlr4::Token *singleTokenDeletion(antlr4::Parser *recognizer) override;
  antlr4::Token *getMissingSymbol(antlr4::Parser *recognizer) override;

private:
  /// Reports an error at \p token where one of \p expected could have come.
  void report(antlr4::Parser *parser, antlr4::Token *token,
              const antlr4::misc::IntervalSet &expected);

  llvm::StringRef text;
  ParserTokenStream &stream;
};

} // namespace abv::ts

#endif // ABV_LIB_FRONTEND_TYPESCRIPT_TSSYNTAXERRORS_H
