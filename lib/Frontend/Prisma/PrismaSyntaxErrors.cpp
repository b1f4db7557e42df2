//===- PrismaSyntaxErrors.cpp - Prisma syntax errors and recovery ---------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Readable messages and line-oriented recovery for the Prisma parser.
///
//===----------------------------------------------------------------------===//

#include "PrismaSyntaxErrors.h"

#include "abv/Basic/Unicode.h"

#include "PrismaParser.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace abv;
using namespace abv::prisma;
using antlr4::ParserRuleContext;
using antlr4::Token;
using antlr4::misc::IntervalSet;
using llvm::SMRange;
using llvm::StringRef;

using P = PrismaParser;

//===----------------------------------------------------------------------===//
// Token helpers
//===----------------------------------------------------------------------===//

static bool isNameToken(size_t type) {
  switch (type) {
  case P::IDENT:
  case P::MODEL:
  case P::VIEW:
  case P::ENUM:
  case P::TYPE:
  case P::DATASOURCE:
  case P::GENERATOR:
  case P::UNSUPPORTED:
    return true;
  default:
    return false;
  }
}

static bool isDeclarationKeyword(size_t type) {
  switch (type) {
  case P::MODEL:
  case P::VIEW:
  case P::ENUM:
  case P::TYPE:
  case P::DATASOURCE:
  case P::GENERATOR:
    return true;
  default:
    return false;
  }
}

static bool isBlockRule(size_t rule);

static bool has(const IntervalSet &set, size_t type) {
  return set.contains(type);
}

static bool isLineEnd(const Token *token) {
  return token->getType() == P::NEWLINE || token->getType() == Token::EOF;
}

/// The readable name of a token type in an "expected ..." list; empty for
/// tokens never worth naming there (error tokens, hidden ones).
static std::string getTokenTypeName(size_t type) {
  switch (type) {
  case Token::EOF:
    return "end of file";
  case P::NEWLINE:
    return "end of line";
  case P::NUMBER:
    return "a number";
  case P::STRING:
    return "a string";
  default:
    break;
  }
  if (isNameToken(type))
    return "a name";
  switch (type) {
  case P::AT_AT:
    return "'@@'";
  case P::AT:
    return "'@'";
  case P::LIST:
    return "'[]'";
  case P::LBRACKET:
    return "'['";
  case P::RBRACKET:
    return "']'";
  case P::LPAREN:
    return "'('";
  case P::RPAREN:
    return "')'";
  case P::LBRACE:
    return "'{'";
  case P::RBRACE:
    return "'}'";
  case P::COMMA:
    return "','";
  case P::COLON:
    return "':'";
  case P::EQUALS:
    return "'='";
  case P::QUESTION:
    return "'?'";
  case P::BANG:
    return "'!'";
  case P::DOT:
    return "'.'";
  default:
    return "";
  }
}

/// Renders \p expected as "x", "x or y", or "one of: x, y, z".
static std::string renderExpected(const IntervalSet &expected) {
  llvm::SmallVector<std::string, 8> items;
  bool value = has(expected, P::NUMBER) && has(expected, P::STRING) &&
               has(expected, P::LBRACKET);
  bool name = false;
  for (ssize_t type : expected.toList()) {
    if (type < 0 && type != ssize_t(Token::EOF))
      continue;
    size_t t = size_t(type);
    if (value && (isNameToken(t) || t == P::NUMBER || t == P::STRING ||
                  t == P::LBRACKET || t == P::LIST))
      continue;
    if (isNameToken(t)) {
      name = true;
      continue;
    }
    std::string item = getTokenTypeName(t);
    if (!item.empty() && !llvm::is_contained(items, item))
      items.push_back(std::move(item));
  }
  // Closers read best last: "',' or ')'", "a name or end of line".
  std::stable_partition(
      items.begin(), items.end(), [](const std::string &item) {
        return item != "')'" && item != "']'" && item != "'}'" &&
               item != "end of line" && item != "end of file";
      });
  if (name)
    items.insert(items.begin(), "a name");
  if (value)
    items.insert(items.begin(), "a value");
  if (items.empty())
    return "something else";
  if (items.size() == 1)
    return items[0];
  if (items.size() == 2)
    return items[0] + " or " + items[1];
  return "one of: " + llvm::join(items, ", ");
}

/// Shortens long \p text for a message.
static std::string shorten(StringRef text) {
  constexpr size_t maxLength = 40;
  if (text.size() <= maxLength)
    return text.str();
  // Do not cut a UTF-8 sequence in half.
  return truncateUTF8(text, maxLength).str() + "...";
}

/// Quotes \p text for a message, shortening long text.
static std::string quote(StringRef text) { return "'" + shorten(text) + "'"; }

//===----------------------------------------------------------------------===//
// SyntaxErrorListener
//===----------------------------------------------------------------------===//

void SyntaxErrorListener::syntaxError(antlr4::Recognizer *recognizer,
                                      Token *offendingSymbol, size_t, size_t,
                                      const std::string &msg,
                                      std::exception_ptr) {
  SMRange range;
  if (offendingSymbol) {
    range = chunk.getRange(offendingSymbol);
    // Point at the position of a line break or the end of the file rather
    // than over it.
    if (isLineEnd(offendingSymbol))
      range.End = range.Start;
  } else if (auto *lexer = dynamic_cast<antlr4::Lexer *>(recognizer)) {
    llvm::SMLoc loc = chunk.getLoc(lexer->tokenStartCharIndex);
    range = SMRange(loc, loc);
  } else {
    llvm::SMLoc loc = chunk.getLoc(0);
    range = SMRange(loc, loc);
  }
  SyntaxError &error = errors.emplace_back();
  error.range = range;
  error.message = msg;
  // The lexer reports only characters that start no token.
  error.kind = pendingKind.value_or(dynamic_cast<antlr4::Lexer *>(recognizer)
                                        ? DiagID::PrismaInvalidCharacter
                                        : DiagID::PrismaSyntax);
  pendingKind.reset();
  error.note = std::move(pendingNote);
  pendingNote.reset();
}

//===----------------------------------------------------------------------===//
// Messages
//===----------------------------------------------------------------------===//

namespace {
/// Everything describeError looks at.
struct ErrorSite {
  antlr4::Parser *parser;
  const SourceChunk &chunk;
  Token *token;
  Token *start;
  const IntervalSet &expected;

  StringRef text(const Token *t) const { return chunk.getText(t); }

  /// The default-channel token before \p t, or null.
  Token *previous(const Token *t) const {
    auto *stream = parser->getTokenStream();
    size_t index = t->getTokenIndex();
    if (index == INVALID_INDEX)
      return parser->getTokenStream()->LT(-1);
    while (index-- > 0) {
      Token *prev = stream->get(index);
      if (prev->getChannel() == Token::DEFAULT_CHANNEL)
        return prev;
    }
    return nullptr;
  }

  /// "'x'", "end of line", "string \"...\"".
  std::string describe(const Token *t) const {
    switch (t->getType()) {
    case Token::EOF:
      return "end of file";
    case P::NEWLINE:
      return "end of line";
    case P::STRING:
    case P::UNTERMINATED_STRING:
      return "string " + shorten(text(t));
    default:
      return quote(text(t));
    }
  }
};
} // namespace

/// The innermost ancestor of \p ctx (or itself) with rule index \p rule.
static ParserRuleContext *findEnclosing(ParserRuleContext *ctx, size_t rule) {
  for (; ctx; ctx = dynamic_cast<ParserRuleContext *>(ctx->parent))
    if (ctx->getRuleIndex() == rule)
      return ctx;
  return nullptr;
}

/// The keyword of a block declaration context ("model", "enum", ...).
static std::string getBlockKind(const ErrorSite &site,
                                ParserRuleContext *block) {
  if (auto *model = dynamic_cast<P::ModelDeclarationContext *>(block))
    return model->keyword ? site.text(model->keyword).str() : "model";
  if (dynamic_cast<P::EnumDeclarationContext *>(block))
    return "enum";
  if (auto *config = dynamic_cast<P::ConfigBlockContext *>(block))
    return config->keyword ? site.text(config->keyword).str() : "datasource";
  return "block";
}

static Token *getBlockName(ParserRuleContext *block) {
  if (auto *model = dynamic_cast<P::ModelDeclarationContext *>(block))
    return model->name;
  if (auto *enumDecl = dynamic_cast<P::EnumDeclarationContext *>(block))
    return enumDecl->name;
  if (auto *config = dynamic_cast<P::ConfigBlockContext *>(block))
    return config->name;
  return nullptr;
}

static StringRef getArticle(StringRef noun) {
  return !noun.empty() && StringRef("aeiou").contains(noun.front()) ? "an"
                                                                    : "a";
}

/// "expected X after Y" when the offending token is a line end (nothing
/// came), "unexpected T after Y; expected X" otherwise.
static std::string expectedAfter(const ErrorSite &site, StringRef what,
                                 StringRef after) {
  if (isLineEnd(site.token))
    return ("expected " + what + " after " + after).str();
  return ("unexpected " + site.describe(site.token) + " after " + after +
          "; expected " + what)
      .str();
}

static const char *const declarationKeywords =
    "'model', 'view', 'enum', 'type', 'datasource' or 'generator'";

/// A top-level position: nothing but a declaration may start here.
static SyntaxMessage describeTopLevelError(const ErrorSite &site) {
  Token *token = site.token;
  // `type X =` or `model` followed by something else than a name and `{`:
  // a multi-token decision failed after the keyword.
  if (isDeclarationKeyword(site.start->getType()) && site.start != token) {
    std::string kind = site.text(site.start).str();
    Token *prev = site.previous(token);
    if (prev == site.start)
      return expectedAfter(site,
                           (getArticle(kind) + " " + kind + " name").str(),
                           "'" + kind + "'");
    std::string what = kind == "type" ? "'{' or '='" : "'{'";
    return expectedAfter(site, what,
                         kind + " name " + quote(prev ? site.text(prev) : ""));
  }
  if (token->getType() == P::RBRACE)
    return "unexpected '}'; there is no open block to close";
  std::string message = "unexpected " + site.describe(site.start) +
                        "; expected a declaration (" + declarationKeywords +
                        ")";
  // A line that starts no declaration: an unknown kind of block.
  if (site.start->getType() == P::IDENT) {
    StringRef word = site.text(site.start);
    for (StringRef keyword :
         {"model", "view", "enum", "type", "datasource", "generator"})
      if (word.size() >= 3 && word.edit_distance(keyword) <= 2) {
        message += "; did you mean '" + keyword.str() + "'?";
        break;
      }
  }
  return {message, DiagID::PrismaUnknownBlock};
}

/// A position among the members of a block, or in its header.
static SyntaxMessage describeBlockError(const ErrorSite &site,
                                        ParserRuleContext *block) {
  std::string kind = getBlockKind(site, block);
  Token *nameToken = getBlockName(block);
  std::string name = quote(nameToken ? site.text(nameToken) : "");
  Token *token = site.token;

  // The name is missing.
  if (has(site.expected, P::IDENT) && !has(site.expected, P::RBRACE)) {
    std::string what = (getArticle(kind) + " " + kind + " name").str();
    if (token->getType() == P::LBRACE)
      return "expected " + what + " after '" + kind + "'";
    return expectedAfter(site, what, "'" + kind + "'");
  }
  // In the header.
  if (has(site.expected, P::LBRACE) && !has(site.expected, P::RBRACE)) {
    if (token->getType() == P::NEWLINE &&
        site.parser->getTokenStream()->LA(2) == P::LBRACE)
      return "the '{' of " + kind + " " + name +
             " must be on the same line as its name";
    return expectedAfter(site, "'{'", kind + " name " + name);
  }
  if (site.expected.size() == 1 && has(site.expected, P::NEWLINE))
    return "unexpected " + site.describe(token) +
           " after '{'; the members of a block start on the next line";

  // Among the members.
  if (token->getType() == Token::EOF)
    return {"unexpected end of file; " + kind + " " + name +
                " is missing its closing '}'",
            DiagID::PrismaUnclosedBlock};
  if (token->getType() == P::AT && kind != "datasource" && kind != "generator")
    return {"unexpected '@' at the start of a line; field attributes follow "
            "the field type on the same line, block attributes start with "
            "'@@'",
            DiagID::PrismaInvalidAttribute};
  if (kind == "enum")
    return "unexpected " + site.describe(token) +
           "; expected an enum value, a block attribute ('@@...') or '}'";
  if (kind == "datasource" || kind == "generator")
    return "unexpected " + site.describe(token) +
           "; expected 'key = value' or '}'";
  return "unexpected " + site.describe(token) +
         "; expected a field, a block attribute ('@@...') or '}'";
}

/// Whether \p token is the first token of \p ctx (nothing consumed yet).
static bool isAtStart(const ParserRuleContext *ctx, const Token *token) {
  return ctx->start == token ||
         (ctx->start && ctx->start->getTokenIndex() == token->getTokenIndex());
}

SyntaxMessage SyntaxErrorStrategy::describeError(antlr4::Parser *parser,
                                                 Token *&token, Token *start,
                                                 const IntervalSet &expected) {
  ErrorSite site{parser, chunk, token, start ? start : token, expected};
  auto *ctx = parser->getContext();
  if (!ctx)
    return "unexpected " + site.describe(token) + "; expected " +
           renderExpected(expected);

  // A line break or the end of the file inside `(...)` or `[...]`.
  if (isLineEnd(token)) {
    for (auto *c = ctx; c; c = dynamic_cast<ParserRuleContext *>(c->parent)) {
      size_t rule = c->getRuleIndex();
      if (rule != P::RuleArgumentList && rule != P::RuleArrayExpression)
        continue;
      if (!c->start || c->start->getType() == P::LIST)
        continue;
      std::string open = c->start->getType() == P::LPAREN ? "(" : "[";
      std::string close = open == "(" ? ")" : "]";
      listener.setNote({chunk.getRange(c->start), NoteID::ToMatchThis, {open}});
      std::string message = "unexpected " + site.describe(token) + "; '" +
                            open + "' is not closed";
      if (token->getType() == P::NEWLINE)
        message += (" (line breaks are not allowed inside '" +
                    llvm::Twine(open) + "..." + close + "')")
                       .str();
      return {message, DiagID::PrismaUnclosedBracket};
    }
  }

  switch (ctx->getRuleIndex()) {
  case P::RuleSchema:
  case P::RuleDeclaration:
    return describeTopLevelError(site);

  case P::RuleUnknownBlock:
    // `foo bar baz`: not a block at all, a line that starts no declaration.
    if (has(expected, P::LBRACE)) {
      token = ctx->start;
      ErrorSite lineSite{parser, chunk, token, token, expected};
      return describeTopLevelError(lineSite);
    }
    return "unexpected " + site.describe(token) + "; expected '}'";

  case P::RuleModelDeclaration:
  case P::RuleEnumDeclaration:
  case P::RuleConfigBlock: {
    if (token->getType() == Token::EOF) {
      if (Token *nameToken = getBlockName(ctx))
        listener.setNote(
            {chunk.getRange(nameToken),
             NoteID::BlockBeginsHere,
             {getBlockKind(site, ctx), shorten(site.text(nameToken))}});
    }
    return describeBlockError(site, ctx);
  }
  case P::RuleModelMember:
  case P::RuleEnumMember:
  case P::RuleConfigMember:
    return describeBlockError(site,
                              dynamic_cast<ParserRuleContext *>(ctx->parent));

  case P::RuleFieldDeclaration: {
    auto *field = static_cast<P::FieldDeclarationContext *>(ctx);
    std::string name = quote(field->name ? site.text(field->name) : "");
    // Right after the name: the type is missing.
    if (has(expected, P::UNSUPPORTED) && !has(expected, P::AT)) {
      std::string message = "expected a field type after " + name;
      if (!isLineEnd(token) && token->getType() != P::AT)
        message += ", found " + site.describe(token);
      return {message, DiagID::PrismaMissingType};
    }
    std::string message =
        "unexpected " + site.describe(token) + " after field " + name +
        "; expected an attribute ('@...') or the end of the line";
    if (token->getType() == P::RBRACE)
      message += " (a closing '}' goes on a line of its own)";
    return message;
  }

  case P::RuleEnumValueDeclaration: {
    auto *value = static_cast<P::EnumValueDeclarationContext *>(ctx);
    return "unexpected " + site.describe(token) + " after enum value " +
           quote(value->name ? site.text(value->name) : "") +
           "; expected an attribute ('@...') or the end of the line";
  }

  case P::RuleKeyValue: {
    auto *keyValue = static_cast<P::KeyValueContext *>(ctx);
    std::string key = quote(keyValue->key ? site.text(keyValue->key) : "");
    if (has(expected, P::EQUALS))
      return expectedAfter(site, "'='", key);
    return "unexpected " + site.describe(token) + " after the value of " + key +
           "; expected the end of the line";
  }

  case P::RuleTypeAlias: {
    auto *alias = static_cast<P::TypeAliasContext *>(ctx);
    if (has(expected, P::IDENT) && !alias->name)
      return {expectedAfter(site, "a type name", "'type'"),
              DiagID::PrismaUnknownBlock};
    break;
  }

  case P::RuleFieldType:
  case P::RuleBaseType: {
    // Inside `Unsupported(...)`.
    if (auto *base = findEnclosing(ctx, P::RuleBaseType)) {
      if (!isAtStart(base, token)) {
        if (has(expected, P::LPAREN))
          return {expectedAfter(site, "'('", "'Unsupported'"),
                  DiagID::PrismaInvalidType};
        if (has(expected, P::STRING))
          return {expectedAfter(site,
                                "a string naming the database type, as in "
                                "Unsupported(\"circle\")",
                                "'Unsupported('"),
                  DiagID::PrismaInvalidType};
        break;
      }
    }
    // A missing field type.
    if (auto *typeCtx = findEnclosing(ctx, P::RuleFieldType)) {
      if (isAtStart(typeCtx, token)) {
        if (auto *field =
                dynamic_cast<P::FieldDeclarationContext *>(typeCtx->parent)) {
          std::string message =
              "expected a field type after " +
              quote(field->name ? site.text(field->name) : "");
          if (!isLineEnd(token) && token->getType() != P::AT)
            message += ", found " + site.describe(token);
          return {message, DiagID::PrismaMissingType};
        }
      }
    }
    if (findEnclosing(ctx, P::RuleTypeAlias))
      return {expectedAfter(site, "a type", "'='"), DiagID::PrismaUnknownBlock};
    break;
  }

  case P::RulePath: {
    // A missing name after '@', '@@' or '.'.
    Token *prev = site.previous(token);
    if (prev && prev->getType() == P::DOT)
      return {expectedAfter(site, "a name", "'.'"),
              DiagID::PrismaInvalidAttribute};
    if (prev && prev->getType() == P::AT)
      return {expectedAfter(site, "an attribute name", "'@'"),
              DiagID::PrismaInvalidAttribute};
    if (prev && prev->getType() == P::AT_AT)
      return {expectedAfter(site, "an attribute name", "'@@'"),
              DiagID::PrismaInvalidAttribute};
    break;
  }

  case P::RuleArgumentList:
  case P::RuleArgument:
  case P::RuleExpression:
  case P::RuleArrayExpression: {
    if (ctx->getRuleIndex() == P::RuleArgument && site.start != token) {
      Token *prev = site.previous(token);
      return {"unexpected " + site.describe(token) + " after " +
                  quote(prev ? site.text(prev) : "") +
                  "; expected ':', '(', ',' or ')'",
              DiagID::PrismaInvalidAttribute};
    }
    bool wantsValue = has(expected, P::NUMBER) && has(expected, P::STRING);
    if (ctx->getRuleIndex() == P::RuleExpression ||
        ctx->getRuleIndex() == P::RuleArgument)
      wantsValue = true;
    if (wantsValue) {
      // A property without a value: Prisma reports it on its block.
      if (auto *config = dynamic_cast<P::ConfigBlockContext *>(
              findEnclosing(ctx, P::RuleConfigBlock));
          config && config->name)
        listener.setNote(
            {chunk.getRange(config->name),
             NoteID::InBlock,
             {getBlockKind(site, config), shorten(site.text(config->name))}});
      if (auto *keyValue = dynamic_cast<P::KeyValueContext *>(
              findEnclosing(ctx, P::RuleKeyValue)))
        return {expectedAfter(
                    site, "a value",
                    "'" +
                        (keyValue->key ? site.text(keyValue->key) : StringRef())
                            .str() +
                        " ='"),
                DiagID::PrismaMissingValue};
      return {"unexpected " + site.describe(token) + "; expected a value",
              DiagID::PrismaMissingValue};
    }
    break;
  }

  default:
    break;
  }
  return "unexpected " + site.describe(token) + "; expected " +
         renderExpected(expected);
}

//===----------------------------------------------------------------------===//
// Reporting
//===----------------------------------------------------------------------===//

void SyntaxErrorStrategy::report(antlr4::Parser *parser, Token *token,
                                 Token *start, const IntervalSet &expected) {
  // An unterminated string took the rest of the line: the lexical error
  // already says so, a second one about it or the line's end would only
  // repeat.
  if (token->getType() == P::UNTERMINATED_STRING)
    return;
  if (isLineEnd(token) && token->getTokenIndex() != INVALID_INDEX) {
    auto *stream = parser->getTokenStream();
    for (size_t i = token->getTokenIndex(); i-- > 0;) {
      Token *prev = stream->get(i);
      if (prev->getChannel() != Token::DEFAULT_CHANNEL)
        continue;
      if (prev->getType() == P::UNTERMINATED_STRING)
        return;
      break;
    }
  }
  SyntaxMessage described = describeError(parser, token, start, expected);
  // The file ends inside a block (in the middle of a member's line): the
  // block is what is left open.
  if (described.kind == DiagID::PrismaUnexpectedToken &&
      token->getType() == Token::EOF) {
    for (auto *ctx = parser->getContext(); ctx;
         ctx = dynamic_cast<ParserRuleContext *>(ctx->parent))
      if (isBlockRule(ctx->getRuleIndex())) {
        described.kind = DiagID::PrismaUnclosedBlock;
        break;
      }
  }
  listener.setKind(described.kind);
  parser->notifyErrorListeners(token, described.message, nullptr);
}

void SyntaxErrorStrategy::reportNoViableAlternative(
    antlr4::Parser *recognizer, const antlr4::NoViableAltException &e) {
  Token *token = e.getOffendingToken();
  Token *start = e.getStartToken();
  // Report a top-level mistake at the start of the line, where the
  // declaration should begin.
  size_t rule = recognizer->getContext()->getRuleIndex();
  if ((rule == P::RuleDeclaration || rule == P::RuleSchema) && start &&
      !isDeclarationKeyword(start->getType()))
    token = start;
  report(recognizer, token, start, e.getExpectedTokens());
}

void SyntaxErrorStrategy::reportInputMismatch(
    antlr4::Parser *recognizer, const antlr4::InputMismatchException &e) {
  Token *token = e.getOffendingToken();
  report(recognizer, token, token, e.getExpectedTokens());
}

void SyntaxErrorStrategy::reportFailedPredicate(
    antlr4::Parser *recognizer, const antlr4::FailedPredicateException &e) {
  // The grammar has no predicates; keep a readable fallback anyway.
  Token *token = e.getOffendingToken();
  recognizer->notifyErrorListeners(
      token, "unexpected " + quote(chunk.getText(token)), nullptr);
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser *recognizer) {
  if (inErrorRecoveryMode(recognizer))
    return;
  beginErrorCondition(recognizer);
  Token *token = recognizer->getCurrentToken();
  report(recognizer, token, token, recognizer->getExpectedTokens());
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser *recognizer) {
  if (inErrorRecoveryMode(recognizer))
    return;
  beginErrorCondition(recognizer);
  Token *token = recognizer->getCurrentToken();
  report(recognizer, token, token, recognizer->getExpectedTokens());
}

Token *SyntaxErrorStrategy::singleTokenDeletion(antlr4::Parser *recognizer) {
  // Never drop a '}' (it closes the block, and dropping it would pull the
  // next declaration into this one) or a line break (it ends the line, and
  // dropping it would join two lines into one construct) -- except the
  // line break of a block header whose '{' went to the next line.
  auto *input = recognizer->getTokenStream();
  size_t la = input->LA(1);
  if (la == P::RBRACE)
    return nullptr;
  if (la == P::NEWLINE && !(input->LA(2) == P::LBRACE &&
                            has(recognizer->getExpectedTokens(), P::LBRACE)))
    return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(recognizer);
}

bool SyntaxErrorStrategy::singleTokenInsertion(antlr4::Parser *recognizer) {
  // `foo bar baz` is not an unknown block missing its '{': do not invent
  // one, which would swallow everything up to the next '}'.
  if (recognizer->getContext()->getRuleIndex() == P::RuleUnknownBlock)
    return false;
  return DefaultErrorStrategy::singleTokenInsertion(recognizer);
}

Token *SyntaxErrorStrategy::getMissingSymbol(antlr4::Parser *recognizer) {
  Token *current = recognizer->getCurrentToken();
  Token *missing = DefaultErrorStrategy::getMissingSymbol(recognizer);
  // Give the conjured token an empty range at the current token, so that
  // ranges computed over it stay inside the buffer.
  if (auto *common = dynamic_cast<antlr4::CommonToken *>(missing)) {
    size_t at = current->getStartIndex();
    if (at == INVALID_INDEX)
      at = chunk.size();
    common->setStartIndex(at);
    common->setStopIndex(at - 1);
  }
  return missing;
}

//===----------------------------------------------------------------------===//
// Recovery
//===----------------------------------------------------------------------===//

/// Rules that span one line: recovery skips the rest of the line.
static bool isLineRule(size_t rule) {
  switch (rule) {
  case P::RuleFieldDeclaration:
  case P::RuleEnumValueDeclaration:
  case P::RuleKeyValue:
  case P::RuleBlockAttribute:
  case P::RuleTypeAlias:
    return true;
  default:
    return false;
  }
}

/// Rules whose body is a list of line-level members.
static bool isBlockRule(size_t rule) {
  return rule == P::RuleModelDeclaration || rule == P::RuleEnumDeclaration ||
         rule == P::RuleConfigBlock;
}

void SyntaxErrorStrategy::ensureProgress(antlr4::Parser *parser, bool inLine) {
  auto *input = parser->getTokenStream();
  // Inside a line, a line break is left for the line's rule to match:
  // unwinding nested rules (the same states, for nested brackets) down to
  // it is progress enough, and consuming it would join the next line.
  size_t la = input->LA(1);
  if (lastErrorIndex == ssize_t(input->index()) &&
      lastErrorStates.contains(parser->getState()) && la != Token::EOF &&
      !(inLine && la == P::NEWLINE))
    parser->consume();
  lastErrorIndex = ssize_t(input->index());
  lastErrorStates.add(parser->getState());
}

void SyntaxErrorStrategy::skipLine(antlr4::Parser *parser) {
  auto *input = parser->getTokenStream();
  for (size_t la = input->LA(1); la != P::NEWLINE && la != Token::EOF;
       la = input->LA(1))
    parser->consume();
}

void SyntaxErrorStrategy::skipToDeclaration(antlr4::Parser *parser) {
  auto *input = parser->getTokenStream();
  unsigned depth = 0;
  bool atLineStart = false;
  {
    Token *prev = input->index() > 0 ? input->LT(-1) : nullptr;
    atLineStart = !prev || prev->getType() == P::NEWLINE;
  }
  for (size_t la = input->LA(1); la != Token::EOF; la = input->LA(1)) {
    if (depth == 0 && atLineStart &&
        (isDeclarationKeyword(la) ||
         (la == P::IDENT && input->LA(2) == P::LBRACE)))
      return;
    if (la == P::LBRACE)
      ++depth;
    else if (la == P::RBRACE && depth > 0)
      --depth;
    atLineStart = la == P::NEWLINE;
    parser->consume();
  }
}

void SyntaxErrorStrategy::recover(antlr4::Parser *recognizer,
                                  std::exception_ptr) {
  for (auto *ctx = recognizer->getContext(); ctx;
       ctx = dynamic_cast<ParserRuleContext *>(ctx->parent)) {
    // A line rule, or the member choice of a block: stay in the block,
    // skip the rest of the line.
    if (isLineRule(ctx->getRuleIndex()) ||
        ctx->getRuleIndex() == P::RuleModelMember ||
        ctx->getRuleIndex() == P::RuleEnumMember ||
        ctx->getRuleIndex() == P::RuleConfigMember) {
      ensureProgress(recognizer, /*inLine=*/true);
      skipLine(recognizer);
      return;
    }
  }
  ensureProgress(recognizer, /*inLine=*/false);
  skipToDeclaration(recognizer);
}

void SyntaxErrorStrategy::sync(antlr4::Parser *recognizer) {
  if (inErrorRecoveryMode(recognizer))
    return;
  const antlr4::atn::ATN &atn = recognizer->getATN();
  antlr4::atn::ATNState *state = atn.states[recognizer->getState()];
  size_t la = recognizer->getTokenStream()->LA(1);
  IntervalSet next = atn.nextTokens(state);
  if (next.contains(Token::EPSILON) || next.contains(la))
    return;
  switch (state->getStateType()) {
  case antlr4::atn::ATNState::BLOCK_START:
  case antlr4::atn::ATNState::STAR_BLOCK_START:
  case antlr4::atn::ATNState::PLUS_BLOCK_START:
  case antlr4::atn::ATNState::STAR_LOOP_ENTRY:
  case antlr4::atn::ATNState::PLUS_LOOP_BACK:
  case antlr4::atn::ATNState::STAR_LOOP_BACK:
    break;
  default:
    return;
  }
  // Report the token and skip, staying in the current rule (the default
  // would leave a block at its first bad member, or the whole file at its
  // first bad declaration).
  size_t rule = recognizer->getContext()->getRuleIndex();
  if (rule == P::RuleSchema || rule == P::RuleDeclaration) {
    // Junk where a declaration should start: skip to the next one.
    reportUnwantedToken(recognizer);
    skipToDeclaration(recognizer);
    return;
  }
  if (isBlockRule(rule)) {
    // A line that starts no member: skip it.
    reportUnwantedToken(recognizer);
    skipLine(recognizer);
    return;
  }
  bool inLine = false;
  for (auto *ctx = recognizer->getContext(); ctx && !inLine;
       ctx = dynamic_cast<ParserRuleContext *>(ctx->parent))
    inLine = isLineRule(ctx->getRuleIndex());
  if (!inLine)
    return DefaultErrorStrategy::sync(recognizer);
  // Within a line: one extra token before what was expected is dropped
  // (never a line break or a '}', see singleTokenDeletion); anything else
  // ends the line's parse.
  if (singleTokenDeletion(recognizer))
    return;
  reportUnwantedToken(recognizer);
  skipLine(recognizer);
}
