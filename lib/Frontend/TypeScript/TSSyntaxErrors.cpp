//===- TSSyntaxErrors.cpp - TypeScript syntax errors ----------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "TSSyntaxErrors.h"

#include "TypeScriptParser.h"

#include "abv/Basic/Unicode.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace abv;
using namespace abv::ts;
using antlr4::misc::IntervalSet;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

using P = TypeScriptParser;

static const ParserToken &asToken(const antlr4::Token *token) {
  return *static_cast<const ParserToken *>(token);
}

/// Shortens long \p text for a message.
static std::string shorten(StringRef text) {
  constexpr size_t maxLength = 32;
  text = text.take_until([](char c) { return c == '\n' || c == '\r'; });
  if (text.size() <= maxLength)
    return text.str();
  return truncateUTF8(text, maxLength).str() + "...";
}

/// How a message names the token \p token: "identifier 'x'", "'{'",
/// "end of file".
static std::string describeToken(const ParserToken &token, StringRef text) {
  StringRef spelled = text.slice(token.begin, token.end);
  switch (token.getKind()) {
  case tok::EndOfFile:
    return "end of file";
  case tok::Semicolon:
    return token.isVirtual() ? "end of line" : "';'";
  case tok::Identifier:
  case tok::ArrowParameter:
    return "identifier '" + shorten(spelled) + "'";
  case tok::PrivateName:
    return "private name '" + shorten(spelled) + "'";
  case tok::NumericLiteral:
  case tok::BigIntLiteral:
    return "number '" + shorten(spelled) + "'";
  case tok::StringLiteral:
    return "string literal " + shorten(spelled);
  case tok::RegexLiteral:
    return "regular expression " + shorten(spelled);
  case tok::NoSubstitutionTemplate:
  case tok::TemplateHead:
  case tok::TemplateMiddle:
  case tok::TemplateTail:
    return "template literal";
  default:
    if (token.isVirtual())
      return "end of file";
    return "'" + getTokenSpelling(token.getKind()).str() + "'";
  }
}

/// The name of token type \p type in an "expected ..." list; empty for
/// those not worth naming.
static std::string getExpectedName(size_t type) {
  if (type == antlr4::Token::EOF)
    return "end of file";
  if (type == 0 || type >= tok::NumTokenKinds)
    return "";
  auto kind = static_cast<tok::TokenKind>(type);
  switch (kind) {
  case tok::Identifier:
  case tok::ArrowParameter:
    return "a name";
  case tok::PrivateName:
    return "a private name";
  case tok::NumericLiteral:
  case tok::BigIntLiteral:
    return "a number";
  case tok::StringLiteral:
    return "a string";
  case tok::RegexLiteral:
    return "a regular expression";
  case tok::NoSubstitutionTemplate:
  case tok::TemplateHead:
    return "a template literal";
  case tok::TemplateMiddle:
  case tok::TemplateTail:
    return "'}'";
  default:
    break;
  }
  if (isContextualKeyword(kind))
    return "a name";
  return "'" + getTokenSpelling(kind).str() + "'";
}

/// What a set of expected tokens amounts to, in the rule \p rule: "an
/// expression", "a type", or the tokens themselves ("',' or ')'").
static std::string describeExpected(const IntervalSet &expected, size_t rule) {
  bool exprStart = expected.contains(size_t(tok::Identifier)) &&
                   expected.contains(size_t(tok::NumericLiteral)) &&
                   expected.contains(size_t(tok::OpenParen)) &&
                   expected.contains(size_t(tok::New));
  bool typeStart = expected.contains(size_t(tok::Identifier)) &&
                   expected.contains(size_t(tok::Void)) &&
                   expected.contains(size_t(tok::Keyof));
  bool statementStart = exprStart && expected.contains(size_t(tok::Return)) &&
                        expected.contains(size_t(tok::If));
  llvm::SmallVector<std::string, 8> items;
  auto add = [&](std::string item) {
    if (!item.empty() && !llvm::is_contained(items, item))
      items.push_back(std::move(item));
  };
  if (statementStart)
    add("a statement");
  else if (typeStart && (rule == P::RuleType || !exprStart))
    add("a type");
  else if (exprStart)
    add("an expression");
  // Tokens that start an expression or a type are part of those
  // categories.
  auto startsOperand = [](size_t type) {
    switch (type) {
    case tok::OpenBrace:
    case tok::BlockBrace:
    case tok::OpenParen:
    case tok::ArrowParen:
    case tok::OpenBracket:
    case tok::Ellipsis:
    case tok::Less:
    case tok::LessGeneric:
    case tok::LessTypeArgs:
    case tok::Minus:
    case tok::Plus:
    case tok::Bang:
    case tok::Tilde:
    case tok::PlusPlus:
    case tok::MinusMinus:
    case tok::At:
    case tok::Pipe:
    case tok::Amp:
      return true;
    default:
      return false;
    }
  };
  for (ssize_t type : expected.toList()) {
    if (type < 0 && type != ssize_t(antlr4::Token::EOF))
      continue;
    if ((statementStart || typeStart || exprStart) &&
        startsOperand(size_t(type)))
      continue;
    std::string name = getExpectedName(size_t(type));
    // Names and literals are part of the category named above.
    if ((statementStart || typeStart || exprStart) &&
        (name == "a name" || name == "a number" || name == "a string" ||
         name == "a template literal" || name == "a regular expression" ||
         name == "a private name" ||
         (name.size() > 2 && name.front() == '\'' && isalpha(name[1]) &&
          name != "'as'" && name != "'satisfies'" && name != "'in'" &&
          name != "'of'" && name != "'instanceof'" && name != "'from'" &&
          name != "'extends'" && name != "'else'" && name != "'catch'" &&
          name != "'finally'" && name != "'case'" && name != "'default'")))
      continue;
    // Operators that continue an expression are noise after one.
    add(std::move(name));
  }
  // Long lists read better cut short.
  if (items.size() > 6) {
    items.resize(5);
    items.push_back("...");
  }
  // Closers and the end read best last.
  std::stable_partition(items.begin(), items.end(), [](const std::string &s) {
    return s != "')'" && s != "']'" && s != "'}'" && s != "';'" &&
           s != "end of file";
  });
  if (items.empty())
    return "something else";
  if (items.size() == 1)
    return items[0];
  if (items.size() == 2)
    return items[0] + " or " + items[1];
  std::string last = items.back();
  items.pop_back();
  return llvm::join(items, ", ") + " or " + last;
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer *,
                                      antlr4::Token *offendingSymbol, size_t,
                                      size_t, const std::string &msg,
                                      std::exception_ptr) {
  SyntaxProblem &problem = problems.emplace_back();
  problem.id = DiagID::TSUnexpectedToken;
  if (offendingSymbol) {
    const ParserToken &token = asToken(offendingSymbol);
    problem.range = SMRange(SMLoc::getFromPointer(text.data() + token.begin),
                            SMLoc::getFromPointer(text.data() + token.end));
  } else {
    SMLoc loc = SMLoc::getFromPointer(text.data());
    problem.range = SMRange(loc, loc);
  }
  problem.args.push_back(msg);
}

void SyntaxErrorStrategy::report(antlr4::Parser *parser, antlr4::Token *token,
                                 const IntervalSet &expected) {
  const ParserToken &found = asToken(token);
  size_t rule = parser->getContext() ? parser->getContext()->getRuleIndex()
                                     : size_t(P::RuleSourceFile);
  std::string what = describeExpected(expected, rule);
  std::string message;
  // Nothing came (the end of a line or of the file): say what is missing
  // after what.
  bool nothing = found.getKind() == tok::EndOfFile ||
                 (found.getKind() == tok::Semicolon && found.isVirtual()) ||
                 found.isVirtual();
  const ParserToken *previous = nullptr;
  if (found.getTokenIndex() != size_t(uint32_t(-1)))
    for (size_t i = found.getTokenIndex(); i-- > 0;)
      if (!stream.at(i).isVirtual()) {
        previous = &stream.at(i);
        break;
      }
  if (nothing && previous)
    message = "expected " + what + " after " + describeToken(*previous, text);
  else
    message = "unexpected " + describeToken(found, text) + "; expected " + what;
  parser->notifyErrorListeners(token, message, nullptr);
}

void SyntaxErrorStrategy::reportNoViableAlternative(
    antlr4::Parser *recognizer, const antlr4::NoViableAltException &e) {
  antlr4::Token *token = e.getOffendingToken();
  antlr4::Token *start = e.getStartToken();
  if (!start || !token || start == token ||
      asToken(start).getTokenIndex() == asToken(token).getTokenIndex()) {
    report(recognizer, token, e.getExpectedTokens());
    return;
  }
  // The decision looked past its first token: its expected set is the
  // tokens it could start with, not what could follow there. Say what came
  // after what.
  const ParserToken &found = asToken(token);
  const ParserToken *previous = nullptr;
  for (size_t i = found.getTokenIndex(); i-- > 0;)
    if (!stream.at(i).isVirtual()) {
      previous = &stream.at(i);
      break;
    }
  std::string message = "unexpected " + describeToken(found, text);
  if (previous)
    message += " after " + describeToken(*previous, text);
  recognizer->notifyErrorListeners(token, message, nullptr);
}

void SyntaxErrorStrategy::reportInputMismatch(
    antlr4::Parser *recognizer, const antlr4::InputMismatchException &e) {
  report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
}

void SyntaxErrorStrategy::reportFailedPredicate(
    antlr4::Parser *recognizer, const antlr4::FailedPredicateException &e) {
  // The predicates reject a line break before a postfix `++`, `--` or `!`.
  antlr4::Token *token = e.getOffendingToken();
  recognizer->notifyErrorListeners(
      token,
      "unexpected " + describeToken(asToken(token), text) +
          " at the start of a line; it cannot apply to the line before",
      nullptr);
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser *recognizer) {
  if (inErrorRecoveryMode(recognizer))
    return;
  beginErrorCondition(recognizer);
  report(recognizer, recognizer->getCurrentToken(),
         recognizer->getExpectedTokens());
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser *recognizer) {
  if (inErrorRecoveryMode(recognizer))
    return;
  beginErrorCondition(recognizer);
  report(recognizer, recognizer->getCurrentToken(),
         recognizer->getExpectedTokens());
}

/// Whether a token of kind \p kind starts a statement (and nothing else
/// at the start of a line).
static bool startsStatement(tok::TokenKind kind) {
  switch (kind) {
  case tok::Const:
  case tok::Let:
  case tok::Var:
  case tok::If:
  case tok::For:
  case tok::While:
  case tok::Do:
  case tok::Return:
  case tok::Throw:
  case tok::Try:
  case tok::Switch:
  case tok::Break:
  case tok::Continue:
  case tok::Export:
  case tok::Import:
  case tok::DeclFunction:
  case tok::DeclClass:
  case tok::Interface:
  case tok::Type:
  case tok::Enum:
  case tok::Namespace:
  case tok::Module:
  case tok::Declare:
  case tok::Abstract:
  case tok::At:
    return true;
  default:
    return false;
  }
}

void SyntaxErrorStrategy::recover(antlr4::Parser *recognizer,
                                  std::exception_ptr e) {
  // A statement keyword at the start of a line begins the next statement:
  // resynchronize there (the statement in error ends before it) instead of
  // skipping to the next ';', which would take that statement too. Once
  // per position, so that recovery always makes progress.
  const ParserToken &current = asToken(recognizer->getCurrentToken());
  size_t index = recognizer->getTokenStream()->index();
  if (current.hasNewlineBefore() && startsStatement(current.getKind()) &&
      !(lastErrorIndex == ssize_t(index) &&
        lastErrorStates.contains(recognizer->getState()))) {
    lastErrorIndex = ssize_t(index);
    lastErrorStates.add(recognizer->getState());
    return;
  }
  DefaultErrorStrategy::recover(recognizer, e);
}

antlr4::Token *
SyntaxErrorStrategy::singleTokenDeletion(antlr4::Parser *recognizer) {
  // Never drop a closer, a `;`, a token the tokenizer added or a statement
  // keyword starting a line: they end the construct the error is in, and
  // dropping one would pull what follows into it.
  const ParserToken &current = asToken(recognizer->getCurrentToken());
  switch (current.getKind()) {
  case tok::CloseParen:
  case tok::CloseBracket:
  case tok::CloseBrace:
  case tok::TemplateMiddle:
  case tok::TemplateTail:
  case tok::Semicolon:
  case tok::EndOfFile:
    return nullptr;
  default:
    // Nor the keyword that starts the next statement on a new line.
    if (current.isVirtual() ||
        (current.hasNewlineBefore() && startsStatement(current.getKind())))
      return nullptr;
    return DefaultErrorStrategy::singleTokenDeletion(recognizer);
  }
}

antlr4::Token *
SyntaxErrorStrategy::getMissingSymbol(antlr4::Parser *recognizer) {
  // A token of the expected kind with an empty range where it is missing
  // (never through the token factory: the stream has no token source).
  const ParserToken &current = asToken(recognizer->getCurrentToken());
  IntervalSet expected = getExpectedTokens(recognizer);
  size_t type = expected.isEmpty() ? size_t(tok::Identifier)
                                   : size_t(expected.getMinElement());
  // EOF (-1) wraps past the last kind too.
  if (type >= tok::NumTokenKinds)
    type = tok::Identifier;
  return stream.conjure(static_cast<tok::TokenKind>(type), current.begin);
}
