//===- TSParserBase.cpp - Base of the generated TypeScript parser ---------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "TSParserBase.h"

using namespace abv;
using namespace abv::ts;

thread_local ContextArena *ContextArena::current = nullptr;

//===----------------------------------------------------------------------===//
// ParserTokenStream
//===----------------------------------------------------------------------===//

ParserTokenStream::ParserTokenStream(llvm::ArrayRef<ts::Token> slice,
                                     const char *text, uint32_t eofOffset,
                                     bool semicolonAtEnd)
    : text(text) {
  tokens.reserve(slice.size() + slice.size() / 8 + 2);
  uint32_t index = 0;
  uint32_t previousEnd = slice.empty() ? eofOffset : slice.front().begin;
  auto insertSemicolon = [&] {
    // Automatic semicolon insertion: an empty `;` at the end of the token
    // before.
    ts::Token semicolon;
    semicolon.kind = tok::Semicolon;
    semicolon.flags = ts::Token::Virtual;
    semicolon.begin = semicolon.end = previousEnd;
    tokens.emplace_back(semicolon, text, index++);
  };
  for (const ts::Token &token : slice) {
    // A `;` before the first token ends the previous slice's statement.
    if (token.hasSemicolonBefore() && &token != slice.begin())
      insertSemicolon();
    tokens.emplace_back(token, text, index++);
    previousEnd = token.end;
  }
  if (semicolonAtEnd)
    insertSemicolon();
  ts::Token eof;
  eof.kind = tok::EndOfFile;
  eof.begin = eof.end = eofOffset;
  eof.flags = ts::Token::NewlineBefore;
  tokens.emplace_back(eof, text, index);
}

antlr4::Token *ParserTokenStream::LT(ssize_t k) {
  if (k == 0)
    return nullptr;
  if (k < 0) {
    if (ssize_t(position) + k < 0)
      return nullptr;
    return &tokens[position + k];
  }
  size_t at = position + size_t(k) - 1;
  return &tokens[at < tokens.size() ? at : tokens.size() - 1];
}

std::string ParserTokenStream::getText(const antlr4::misc::Interval &interval) {
  if (interval.a < 0 || interval.b < interval.a || tokens.empty())
    return "";
  size_t first = std::min<size_t>(size_t(interval.a), tokens.size() - 1);
  size_t last = std::min<size_t>(size_t(interval.b), tokens.size() - 1);
  return std::string(text + tokens[first].begin,
                     text + std::max(tokens[last].end, tokens[first].begin));
}

std::string ParserTokenStream::getText() {
  return getText(antlr4::misc::Interval(0, ssize_t(tokens.size()) - 1));
}

std::string ParserTokenStream::getText(antlr4::RuleContext *ctx) {
  auto *rule = dynamic_cast<antlr4::ParserRuleContext *>(ctx);
  if (!rule || !rule->start || !rule->stop)
    return "";
  return getText(rule->start, rule->stop);
}

std::string ParserTokenStream::getText(antlr4::Token *start,
                                       antlr4::Token *stop) {
  auto *first = static_cast<ParserToken *>(start);
  auto *last = static_cast<ParserToken *>(stop);
  if (!first || !last || last->end < first->begin)
    return "";
  return std::string(text + first->begin, text + last->end);
}

ParserToken *ParserTokenStream::conjure(tok::TokenKind kind, uint32_t offset) {
  ts::Token token;
  token.kind = kind;
  token.begin = token.end = offset;
  ParserToken &result = conjured.emplace_back(token, text, uint32_t(-1));
  result.conjured = true;
  return &result;
}

//===----------------------------------------------------------------------===//
// TSParserBase
//===----------------------------------------------------------------------===//

const ParserToken &TSParserBase::current() {
  return *static_cast<ParserToken *>(getTokenStream()->LT(1));
}

bool TSParserBase::noNewlineBefore() { return !current().hasNewlineBefore(); }

void TSParserBase::setDepth(antlr4::ParserRuleContext *localctx) {
  auto *ctx = static_cast<TSRuleContext *>(localctx);
  auto *parent = static_cast<TSRuleContext *>(
      static_cast<antlr4::ParserRuleContext *>(localctx->parent));
  ctx->depth = parent ? parent->depth + 1 : 1;
  if (ctx->depth > MaxRuleDepth)
    throw NestingTooDeep(&current());
}

void TSParserBase::enterRule(antlr4::ParserRuleContext *localctx, size_t state,
                             size_t ruleIndex) {
  setDepth(localctx);
  Parser::enterRule(localctx, state, ruleIndex);
}

void TSParserBase::enterRecursionRule(antlr4::ParserRuleContext *localctx,
                                      size_t ruleIndex) {
  setDepth(localctx);
  Parser::enterRecursionRule(localctx, ruleIndex);
}

void TSParserBase::enterRecursionRule(antlr4::ParserRuleContext *localctx,
                                      size_t state, size_t ruleIndex,
                                      int precedence) {
  setDepth(localctx);
  Parser::enterRecursionRule(localctx, state, ruleIndex, precedence);
}

void TSParserBase::pushNewRecursionContext(antlr4::ParserRuleContext *localctx,
                                           size_t state, size_t ruleIndex) {
  auto *ctx = static_cast<TSRuleContext *>(localctx);
  auto *parent = static_cast<TSRuleContext *>(
      static_cast<antlr4::ParserRuleContext *>(localctx->parent));
  ctx->depth = parent ? parent->depth + 1 : 1;
  Parser::pushNewRecursionContext(localctx, state, ruleIndex);
}
