//===- TSParserBase.h - Base of the generated TypeScript parser -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What the generated TypeScriptParser builds on (grammar options
/// `superClass` and `contextSuperClass`):
///
/// - ParserToken and ParserTokenStream: the tokenizer's tokens as ANTLR
///   tokens, stored contiguously (no allocation per token, no text copies),
///   with the line-break flags the grammar's predicates read;
/// - TSParserBase: the predicates of automatic semicolon insertion and the
///   recursion guard: every rule invocation is counted (TSRuleContext
///   carries its depth), and past MaxRuleDepth the parse is abandoned with
///   a NestingTooDeep exception, before the stack runs out.
///
/// Everything here lives inside the ANTLR boundary: exceptions are caught
/// by the frontend around each parse.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_FRONTEND_TYPESCRIPT_TSPARSERBASE_H
#define ABV_LIB_FRONTEND_TYPESCRIPT_TSPARSERBASE_H

#include "abv/Frontend/TypeScript/TSTokenizer.h"

#include "antlr4-runtime.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Allocator.h"

#include <deque>
#include <vector>

namespace abv::ts {

/// A tokenizer token as ANTLR sees it.
class ParserToken final : public antlr4::Token {
public:
  ParserToken() = default;
  ParserToken(const ts::Token &token, const char *text, uint32_t index)
      : text(text), begin(token.begin), end(token.end), index(index),
        kind(token.kind), flags(token.flags) {}

  size_t getType() const override {
    return kind == tok::EndOfFile ? size_t(antlr4::Token::EOF) : size_t(kind);
  }
  std::string getText() const override {
    return std::string(text + begin, end - begin);
  }
  size_t getLine() const override { return 0; }
  size_t getCharPositionInLine() const override { return 0; }
  size_t getChannel() const override { return DEFAULT_CHANNEL; }
  size_t getTokenIndex() const override { return index; }
  size_t getStartIndex() const override { return begin; }
  size_t getStopIndex() const override { return size_t(end) - 1; }
  antlr4::TokenSource *getTokenSource() const override { return nullptr; }
  antlr4::CharStream *getInputStream() const override { return nullptr; }
  std::string toString() const override { return getText(); }

  tok::TokenKind getKind() const { return kind; }
  bool hasNewlineBefore() const { return flags & ts::Token::NewlineBefore; }
  bool isVirtual() const { return flags & ts::Token::Virtual; }
  /// A token the error strategy conjured (a missing one): empty range.
  bool isConjured() const { return conjured; }

  /// The text the offsets refer to (the whole buffer).
  const char *text = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t index = 0;
  tok::TokenKind kind = tok::Unknown;
  uint8_t flags = 0;
  bool conjured = false;
};

/// A fully buffered token stream over a slice of the tokenizer's tokens,
/// ending with an EOF token.
class ParserTokenStream final : public antlr4::TokenStream {
public:
  /// \p tokens must not contain the tokenizer's EndOfFile token; an EOF
  /// token at \p eofOffset is appended. A virtual `;` is inserted before
  /// every token marked SemicolonBefore but the first (that one ends the
  /// statement of the slice before), and at the end when \p semicolonAtEnd
  /// (the token the slice stops before is marked).
  ParserTokenStream(llvm::ArrayRef<ts::Token> tokens, const char *text,
                    uint32_t eofOffset, bool semicolonAtEnd);

  antlr4::Token *LT(ssize_t k) override;
  antlr4::Token *get(size_t index) const override {
    return const_cast<ParserToken *>(&tokens[index]);
  }
  antlr4::TokenSource *getTokenSource() const override { return nullptr; }
  std::string getText(const antlr4::misc::Interval &interval) override;
  std::string getText() override;
  std::string getText(antlr4::RuleContext *ctx) override;
  std::string getText(antlr4::Token *start, antlr4::Token *stop) override;

  void consume() override {
    if (position + 1 < tokens.size())
      ++position;
  }
  size_t LA(ssize_t i) override { return LT(i) ? LT(i)->getType() : 0; }
  ssize_t mark() override { return 0; }
  void release(ssize_t) override {}
  size_t index() override { return position; }
  void seek(size_t index) override {
    position = index < tokens.size() ? index : tokens.size() - 1;
  }
  size_t size() override { return tokens.size(); }
  std::string getSourceName() const override { return "<typescript>"; }

  ParserToken &at(size_t index) { return tokens[index]; }
  const ParserToken &at(size_t index) const { return tokens[index]; }
  size_t getPosition() const { return position; }
  /// A token of \p kind with an empty range at \p offset, for the error
  /// strategy's conjured (missing) tokens. Stable address.
  ParserToken *conjure(tok::TokenKind kind, uint32_t offset);

private:
  std::vector<ParserToken> tokens;
  std::deque<ParserToken> conjured;
  size_t position = 0;
  const char *text;
};

/// While one exists on a thread, the rule contexts that thread's parser
/// creates are bump-allocated from it, and deleting them frees nothing:
/// the arena goes at once. A parse makes about one context per token; with
/// malloc, allocating and freeing them was a fifth of the time. The parser
/// (which deletes its contexts) must be destroyed before its arena.
class ContextArena {
public:
  ContextArena() : previous(current) { current = this; }
  ~ContextArena() { current = previous; }
  ContextArena(const ContextArena &) = delete;
  ContextArena &operator=(const ContextArena &) = delete;

  /// The innermost arena of this thread, or null.
  static ContextArena *getCurrent() { return current; }
  void *allocate(size_t size) { return allocator.Allocate(size, 16); }

private:
  llvm::BumpPtrAllocator allocator;
  ContextArena *previous;
  static thread_local ContextArena *current;
};

/// Every rule context of the generated parser: its depth of rule
/// invocations (for the recursion guard); allocated in the current
/// ContextArena, if any.
class TSRuleContext : public antlr4::ParserRuleContext {
public:
  static void *operator new(size_t size) {
    if (ContextArena *arena = ContextArena::getCurrent())
      return arena->allocate(size);
    return ::operator new(size);
  }
  static void operator delete(void *ptr) {
    if (!ContextArena::getCurrent())
      ::operator delete(ptr);
  }

  TSRuleContext() = default;
  TSRuleContext(antlr4::ParserRuleContext *parent, size_t invokingState)
      : antlr4::ParserRuleContext(parent, invokingState) {}

  /// Hides ParserRuleContext::copyFrom, which the constructors of labelled
  /// alternatives call, to carry the depth over.
  void copyFrom(antlr4::ParserRuleContext *ctx) {
    antlr4::ParserRuleContext::copyFrom(ctx);
    depth = static_cast<TSRuleContext *>(ctx)->depth;
  }

  unsigned depth = 0;
  /// The labelled alternative, once the tree builder has looked it up
  /// (its own numbering; 0 until then).
  uint8_t alt = 0;
};

/// Thrown (inside the ANTLR boundary) when rule invocations nest deeper
/// than TSParserBase::MaxRuleDepth.
class NestingTooDeep : public std::exception {
public:
  explicit NestingTooDeep(const ParserToken *at) : at(at) {}
  const char *what() const noexcept override { return "nesting too deep"; }
  /// The token being parsed when the limit was reached.
  const ParserToken *at;
};

/// The superclass of the generated TypeScriptParser.
class TSParserBase : public antlr4::Parser {
public:
  /// The deepest nesting of rule invocations parsed. Sized so that the
  /// generated rules' frames fit in an 8 MiB stack (the tools give the
  /// parser 64 MiB): realistic code nests a few dozen rules deep.
  static constexpr unsigned MaxRuleDepth = 1500;

  explicit TSParserBase(antlr4::TokenStream *input) : antlr4::Parser(input) {}

  void enterRule(antlr4::ParserRuleContext *localctx, size_t state,
                 size_t ruleIndex) override;
  void enterRecursionRule(antlr4::ParserRuleContext *localctx,
                          size_t ruleIndex) override;
  void enterRecursionRule(antlr4::ParserRuleContext *localctx, size_t state,
                          size_t ruleIndex, int precedence) override;
  void pushNewRecursionContext(antlr4::ParserRuleContext *localctx,
                               size_t state, size_t ruleIndex) override;

  /// Parser::exitRule without its dynamic_cast of the parent context (every
  /// context's parent is a ParserRuleContext) and without parse listeners
  /// (none is used). Hides Parser::exitRule for the generated rules, which
  /// call it once per rule invocation.
  void exitRule() {
    _ctx->stop = _matchedEOF ? _input->LT(1) : _input->LT(-1);
    setState(_ctx->invokingState);
    _ctx = static_cast<antlr4::ParserRuleContext *>(_ctx->parent);
  }
  /// The prediction simulator; the generated rules call this (see
  /// grammar/StaticCastLabels.cmake) instead of getInterpreter<>(), which
  /// is a dynamic_cast per prediction.
  antlr4::atn::ParserATNSimulator *simulator() const {
    return static_cast<antlr4::atn::ParserATNSimulator *>(_interpreter);
  }

protected:
  /// No line break before the next token (restricted productions).
  bool noNewlineBefore();

private:
  void setDepth(antlr4::ParserRuleContext *localctx);
  const ParserToken &current();
};

} // namespace abv::ts

#endif // ABV_LIB_FRONTEND_TYPESCRIPT_TSPARSERBASE_H
