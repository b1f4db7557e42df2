//===- TSBuilder.cpp - Parse contexts to the TypeScript syntax tree -------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One function per grammar rule (grammar/TypeScriptParser.g4), reading the
/// rule's labels. Rules with labelled alternatives (expressions, types,
/// object and type members) are dispatched on the dynamic type of the
/// context through a table keyed by type_info (a dynamic_cast per node
/// costs string comparisons of mangled names with this runtime).
///
//===----------------------------------------------------------------------===//

#include "TSBuilder.h"
#include "TSParserBase.h"

#include "abv/Frontend/TypeScript/TSWalker.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <typeinfo>

using namespace abv;
using namespace abv::ts;
using llvm::ArrayRef;
using llvm::SmallVector;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

using P = TypeScriptParser;

namespace {

/// The labelled alternatives the builder dispatches on.
enum class Alt : uint8_t {
  Unknown,
  // expression
  PostfixExpr,
  PrefixExpr,
  AwaitExpr,
  TypeAssertionExpr,
  BinaryExpr,
  AsExpr,
  ConditionalExpr,
  YieldExpr,
  SpreadExpr,
  ArrowExpr,
  LeftHandSideExpr,
  // leftHandSide
  MemberExpr,
  ElementExpr,
  CallExpr,
  TaggedTemplateExpr,
  NonNullExpr,
  IdentifierExpr,
  LiteralExpr,
  TemplateExpr,
  ArrayExpr,
  ObjectExpr,
  ParenExpr,
  FunctionExpr,
  ClassExpr,
  NewExpr,
  ImportExpr,
  // objectMember
  PropertyAssignment,
  ShorthandProperty,
  SpreadProperty,
  MethodProperty,
  // type
  ArrayType,
  IndexedAccessType,
  TypeOperator,
  InferType,
  IntersectionType,
  LeadingOperatorType,
  UnionType,
  ConditionalType,
  FunctionType,
  ConstructorType,
  TypeReference,
  ParenType,
  TypeQuery,
  ObjectTypeLiteral,
  TupleType,
  LiteralType,
  TemplateLiteralType,
  KeywordType,
  ImportType,
  // typeMember
  PropertySignature,
  MethodSignature,
  CallSignature,
  IndexSignatureMember,
};

Alt getAlt(antlr4::ParserRuleContext *ctx) {
  auto *rule = static_cast<TSRuleContext *>(ctx);
  if (rule->alt)
    return static_cast<Alt>(rule->alt);
  static const llvm::DenseMap<const std::type_info *, Alt> table = [] {
    llvm::DenseMap<const std::type_info *, Alt> map;
#define ALT(Name) map[&typeid(P::Name##Context)] = Alt::Name;
    ALT(PostfixExpr)
    ALT(PrefixExpr)
    ALT(AwaitExpr)
    ALT(TypeAssertionExpr)
    ALT(BinaryExpr)
    ALT(AsExpr)
    ALT(ConditionalExpr)
    ALT(YieldExpr)
    ALT(SpreadExpr)
    ALT(ArrowExpr)
    ALT(LeftHandSideExpr)
    ALT(MemberExpr)
    ALT(ElementExpr)
    ALT(CallExpr)
    ALT(TaggedTemplateExpr)
    ALT(NonNullExpr)
    ALT(IdentifierExpr)
    ALT(LiteralExpr)
    ALT(TemplateExpr)
    ALT(ArrayExpr)
    ALT(ObjectExpr)
    ALT(ParenExpr)
    ALT(FunctionExpr)
    ALT(ClassExpr)
    ALT(NewExpr)
    ALT(ImportExpr)
    ALT(PropertyAssignment)
    ALT(ShorthandProperty)
    ALT(SpreadProperty)
    ALT(MethodProperty)
    ALT(ArrayType)
    ALT(IndexedAccessType)
    ALT(TypeOperator)
    ALT(InferType)
    ALT(IntersectionType)
    ALT(LeadingOperatorType)
    ALT(UnionType)
    ALT(ConditionalType)
    ALT(FunctionType)
    ALT(ConstructorType)
    ALT(TypeReference)
    ALT(ParenType)
    ALT(TypeQuery)
    ALT(ObjectTypeLiteral)
    ALT(TupleType)
    ALT(LiteralType)
    ALT(TemplateLiteralType)
    ALT(KeywordType)
    ALT(ImportType)
    ALT(PropertySignature)
    ALT(MethodSignature)
    ALT(CallSignature)
    ALT(IndexSignatureMember)
#undef ALT
    return map;
  }();
  auto it = table.find(&typeid(*ctx));
  Alt alt = it == table.end() ? Alt::Unknown : it->second;
  rule->alt = static_cast<uint8_t>(alt);
  return alt;
}

const ParserToken *asToken(const antlr4::Token *token) {
  return static_cast<const ParserToken *>(token);
}

tok::TokenKind kindOf(const antlr4::Token *token) {
  return token ? asToken(token)->getKind() : tok::Unknown;
}

class Builder {
public:
  Builder(StringRef text, ParserTokenStream &stream, SourceFile &file,
          std::vector<SyntaxProblem> &problems)
      : text(text), stream(stream), file(file), problems(problems) {}

  Stmt *statement(P::StatementContext *ctx);
  /// How many nodes the builder has made so far.
  size_t getNodesMade() const { return nodesMade; }

private:
  //===-- Locations -------------------------------------------------------===//

  SMLoc loc(uint32_t offset) const {
    return SMLoc::getFromPointer(text.data() + offset);
  }
  SMRange range(const antlr4::Token *token) const {
    return SMRange(loc(asToken(token)->begin), loc(asToken(token)->end));
  }
  SMRange range(const antlr4::Token *first, const antlr4::Token *last) const {
    uint32_t begin = asToken(first)->begin;
    uint32_t end = std::max(asToken(last)->end, begin);
    return SMRange(loc(begin), loc(end));
  }
  SMRange range(const antlr4::ParserRuleContext *ctx) const {
    if (!ctx->start)
      return SMRange(loc(0), loc(0));
    if (!ctx->stop || asToken(ctx->stop)->getTokenIndex() <
                          asToken(ctx->start)->getTokenIndex())
      return SMRange(loc(asToken(ctx->start)->begin),
                     loc(asToken(ctx->start)->begin));
    return range(ctx->start, ctx->stop);
  }
  SMRange join(SMRange a, SMRange b) const {
    return SMRange(a.Start,
                   b.End.getPointer() > a.Start.getPointer() ? b.End : a.End);
  }
  StringRef textOf(const antlr4::Token *token) const {
    return text.slice(asToken(token)->begin, asToken(token)->end);
  }
  /// The stream token right after \p token, or null.
  const ParserToken *next(const antlr4::Token *token) {
    size_t index = asToken(token)->getTokenIndex();
    if (index == size_t(uint32_t(-1)) || index + 1 >= stream.size())
      return nullptr;
    return &stream.at(index + 1);
  }

  template <typename T> T *make(SMRange nodeRange) {
    ++nodesMade;
    return file.create<T>(nodeRange);
  }
  template <typename T>
  ArrayRef<T> list(const llvm::SmallVectorImpl<T> &items) {
    return file.copy(ArrayRef<T>(items));
  }

  void report(SMRange at, std::string message) {
    SyntaxProblem &problem = problems.emplace_back();
    problem.id = DiagID::TSUnexpectedToken;
    problem.range = at;
    problem.args.push_back(std::move(message));
  }

  //===-- Names and literals ----------------------------------------------===//

  Identifier *identifier(const antlr4::Token *token) {
    if (!token || asToken(token)->isConjured())
      return nullptr;
    Identifier *id = make<Identifier>(range(token));
    id->name = textOf(token);
    return id;
  }
  Identifier *identifier(P::IdentifierContext *ctx) {
    return ctx ? identifier(ctx->word) : nullptr;
  }
  StringLiteral *stringLiteral(const antlr4::Token *token);
  Expr *literal(const antlr4::Token *token);
  Node *propertyName(P::PropertyNameContext *ctx);
  Expr *moduleExportName(P::ModuleExportNameContext *ctx);
  SmallVector<Identifier *, 4> entityName(P::EntityNameContext *ctx);

  //===-- Statements and declarations -------------------------------------===//

  BlockStmt *block(P::BlockContext *ctx);
  ArrayRef<Stmt *> statements(const std::vector<P::StatementContext *> &ctxs);
  Stmt *declarationStatement(P::DeclarationStatementContext *ctx);
  ImportDecl *importDeclaration(P::ImportDeclarationContext *ctx);
  ImportEqualsDecl *importEquals(P::ImportEqualsDeclarationContext *ctx,
                                 SMRange at, Modifiers mods);
  ExportDecl *exportStatement(P::ExportStatementContext *ctx);
  VarStmt *variableList(P::VariableDeclarationListContext *ctx, SMRange at,
                        Modifiers mods);
  FunctionDecl *functionDeclaration(P::FunctionDeclarationContext *ctx,
                                    SMRange at, Modifiers mods);
  void classParts(ClassParts &parts, P::IdentifierContext *name,
                  P::TypeParametersContext *typeParams,
                  P::HeritageTypeContext *base,
                  const std::vector<P::HeritageTypeContext *> &impls,
                  P::ClassBodyContext *body);
  Node *classMember(P::ClassMemberContext *ctx);
  IndexSignature *indexSignature(P::IndexSignatureContext *ctx, SMRange at,
                                 Modifiers mods);
  TypeReference *heritageType(P::HeritageTypeContext *ctx);
  Stmt *forStatement(P::ForStatementContext *ctx);
  ArrayRef<Decorator *>
  decorators(const std::vector<P::DecoratorContext *> &ctxs);

  //===-- Functions -------------------------------------------------------===//

  template <typename ParamsCtx>
  ArrayRef<TypeParameter *> typeParameters(ParamsCtx *ctx);
  template <typename ListCtx> ArrayRef<Parameter *> parameters(ListCtx *ctx);
  Parameter *parameter(P::ParameterContext *ctx);
  TypeNode *returnType(P::ReturnTypeAnnotationContext *ctx);
  Node *bindingName(P::BindingNameContext *ctx);

  //===-- Expressions -----------------------------------------------------===//

  Expr *expression(P::ExpressionContext *ctx);
  Expr *leftHandSide(P::LeftHandSideContext *ctx);
  Expr *sequence(P::ExpressionSequenceContext *ctx);
  /// An expression where `...x` is allowed (array elements, arguments).
  Expr *element(P::ExpressionContext *ctx) {
    spreadAllowed = true;
    return expression(ctx);
  }
  ArrayRef<Expr *> arguments(P::ArgumentsContext *ctx);
  ArrayRef<TypeNode *> typeArguments(P::CallTypeArgumentsContext *ctx);
  ArrayRef<TypeNode *> typeArguments(P::TypeArgumentsContext *ctx);
  /// The left operand of a left-recursive alternative (`a` of `a + b`,
  /// `a.b`, `a()`, `T[]`, `A | B`), or null. Chains of them are built
  /// bottom-up in a loop: `a.b.b.b...` a million links long must not
  /// recurse a million times.
  static P::ExpressionContext *leftOperand(P::ExpressionContext *ctx);
  static P::LeftHandSideContext *leftOperand(P::LeftHandSideContext *ctx);
  static P::TypeContext *leftOperand(P::TypeContext *ctx);
  Expr *expressionPrimary(P::ExpressionContext *ctx, bool spread);
  Expr *expressionLink(P::ExpressionContext *ctx, Expr *left);
  Expr *leftHandSidePrimary(P::LeftHandSideContext *ctx);
  Expr *leftHandSideLink(P::LeftHandSideContext *ctx, Expr *left);
  TypeNode *typePrimary(P::TypeContext *ctx);
  Expr *unary(SMRange at, const antlr4::Token *op, Expr *operand, bool postfix);
  Expr *binary(P::BinaryExprContext *ctx, Expr *lhs);
  Expr *functionLike(P::FunctionLikeContext *ctx, SMRange at);
  FunctionExpr *functionExpression(P::FunctionExpressionContext *ctx,
                                   SMRange at);
  TemplateLiteral *templateLiteral(P::TemplateLiteralContext *ctx);
  ObjectLiteral *objectLiteral(P::ObjectLiteralContext *ctx);
  Node *objectMember(P::ObjectMemberContext *ctx);
  Expr *newExpression(P::NewExprContext *ctx);
  /// The elements of an array literal or pattern from \p open to \p close,
  /// with an OmittedExpr for each hole (commas in a row).
  template <typename ElementCtx, typename BuildFn>
  ArrayRef<typename std::invoke_result_t<BuildFn, ElementCtx *>>
  withHoles(const antlr4::Token *open, const antlr4::Token *close,
            const std::vector<ElementCtx *> &elements, BuildFn build);

  //===-- Types -----------------------------------------------------------===//

  TypeNode *type(P::TypeContext *ctx);
  TypeNode *typeReference(P::TypeReferenceContext *ctx);
  TypeNode *objectType(P::ObjectTypeContext *ctx, SMRange at);
  Node *typeMember(P::TypeMemberContext *ctx);
  ImportType *importType(P::ImportTypeQueryContext *ctx, SMRange at,
                         P::TypeArgumentsContext *typeArgs);

  StringRef text;
  ParserTokenStream &stream;
  SourceFile &file;
  std::vector<SyntaxProblem> &problems;
  /// Set right before building an expression where a spread may stand.
  bool spreadAllowed = false;
  size_t nodesMade = 0;
};

} // namespace

//===----------------------------------------------------------------------===//
// Names and literals
//===----------------------------------------------------------------------===//

StringLiteral *Builder::stringLiteral(const antlr4::Token *token) {
  if (!token || asToken(token)->isConjured())
    return nullptr;
  StringLiteral *literal = make<StringLiteral>(range(token));
  StringRef spelled = textOf(token);
  // Without the quotes (an unterminated literal has no closing one).
  StringRef raw = spelled.drop_front();
  if (!raw.empty() && raw.back() == spelled.front() &&
      !(asToken(token)->flags & ts::Token::Unterminated))
    raw = raw.drop_back();
  literal->raw = raw;
  return literal;
}

Expr *Builder::literal(const antlr4::Token *token) {
  if (!token || asToken(token)->isConjured())
    return nullptr;
  SMRange at = range(token);
  switch (kindOf(token)) {
  case tok::Null:
    return make<NullLiteral>(at);
  case tok::True:
  case tok::False: {
    auto *node = make<BooleanLiteral>(at);
    node->value = kindOf(token) == tok::True;
    return node;
  }
  case tok::NumericLiteral: {
    auto *node = make<NumberLiteral>(at);
    node->text = textOf(token);
    return node;
  }
  case tok::BigIntLiteral: {
    auto *node = make<BigIntLiteral>(at);
    node->text = textOf(token);
    return node;
  }
  case tok::StringLiteral:
    return stringLiteral(token);
  case tok::RegexLiteral: {
    auto *node = make<RegexLiteral>(at);
    node->text = textOf(token);
    return node;
  }
  case tok::This:
    return make<ThisExpr>(at);
  case tok::Super:
    return make<SuperExpr>(at);
  case tok::NoSubstitutionTemplate: {
    auto *node = make<TemplateLiteral>(at);
    StringRef spelled = textOf(token).drop_front();
    if (spelled.ends_with("`") &&
        !(asToken(token)->flags & ts::Token::Unterminated))
      spelled = spelled.drop_back();
    node->quasis = file.copy(ArrayRef<StringRef>(spelled));
    return node;
  }
  default:
    return identifier(token);
  }
}

Node *Builder::propertyName(P::PropertyNameContext *ctx) {
  if (!ctx)
    return nullptr;
  if (ctx->word)
    return identifier(ctx->word);
  if (ctx->str)
    return stringLiteral(ctx->str);
  if (ctx->num)
    return literal(ctx->num);
  if (ctx->priv) {
    auto *node = make<PrivateIdentifier>(range(ctx->priv));
    node->name = textOf(ctx->priv);
    return node;
  }
  if (ctx->computed) {
    auto *node = make<ComputedPropertyName>(range(ctx));
    node->expr = expression(ctx->computed);
    return node;
  }
  return nullptr;
}

Expr *Builder::moduleExportName(P::ModuleExportNameContext *ctx) {
  if (!ctx)
    return nullptr;
  if (ctx->str)
    return stringLiteral(ctx->str);
  return identifier(ctx->word);
}

SmallVector<Identifier *, 4> Builder::entityName(P::EntityNameContext *ctx) {
  SmallVector<Identifier *, 4> names;
  if (!ctx)
    return names;
  if (Identifier *head = identifier(ctx->head))
    names.push_back(head);
  for (antlr4::Token *name : ctx->names)
    if (Identifier *id = identifier(name))
      names.push_back(id);
  return names;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

ArrayRef<Stmt *>
Builder::statements(const std::vector<P::StatementContext *> &ctxs) {
  SmallVector<Stmt *, 16> stmts;
  for (P::StatementContext *ctx : ctxs)
    if (Stmt *stmt = statement(ctx))
      stmts.push_back(stmt);
  return list(stmts);
}

BlockStmt *Builder::block(P::BlockContext *ctx) {
  if (!ctx)
    return nullptr;
  BlockStmt *node = make<BlockStmt>(range(ctx));
  node->body = statements(ctx->body);
  return node;
}

Stmt *Builder::statement(P::StatementContext *ctx) {
  if (!ctx)
    return nullptr;
  SMRange at = range(ctx);
  if (ctx->blockStmt)
    return block(ctx->blockStmt);
  if (ctx->exprStmt) {
    Expr *expr = sequence(ctx->exprStmt->expr);
    if (!expr)
      return nullptr;
    ExprStmt *node = make<ExprStmt>(at);
    node->expr = expr;
    return node;
  }
  if (ctx->declStmt)
    return declarationStatement(ctx->declStmt);
  if (ctx->importDecl)
    return importDeclaration(ctx->importDecl);
  if (ctx->exportStmt)
    return exportStatement(ctx->exportStmt);
  if (ctx->emptyStmt) {
    // A `;` automatic semicolon insertion added is no statement.
    if (asToken(ctx->emptyStmt)->isVirtual())
      return nullptr;
    return make<EmptyStmt>(at);
  }
  if (P::IfStatementContext *c = ctx->ifStmt) {
    IfStmt *node = make<IfStmt>(at);
    node->cond = sequence(c->cond);
    node->thenStmt = statement(c->thenStmt);
    node->elseStmt = statement(c->elseStmt);
    return node;
  }
  if (ctx->forStmt)
    return forStatement(ctx->forStmt);
  if (P::WhileStatementContext *c = ctx->whileStmt) {
    WhileStmt *node = make<WhileStmt>(at);
    node->cond = sequence(c->cond);
    node->body = statement(c->body);
    return node;
  }
  if (P::DoStatementContext *c = ctx->doStmt) {
    DoWhileStmt *node = make<DoWhileStmt>(at);
    node->body = statement(c->body);
    node->cond = sequence(c->cond);
    return node;
  }
  if (P::TryStatementContext *c = ctx->tryStmt) {
    TryStmt *node = make<TryStmt>(at);
    node->block = block(c->body);
    if (c->handler) {
      // From `catch` to the end of its block.
      antlr4::Token *catchKw = c->handler->start;
      size_t index = asToken(catchKw)->getTokenIndex();
      while (index > 0 && stream.at(index).getKind() != tok::Catch)
        --index;
      CatchClause *clause = make<CatchClause>(
          range(&stream.at(index),
                c->handler->stop ? c->handler->stop : c->handler->start));
      clause->param = bindingName(c->param);
      clause->paramType = type(c->paramType);
      clause->body = block(c->handler);
      node->handler = clause;
    }
    node->finalizer = block(c->finalizer);
    return node;
  }
  if (P::SwitchStatementContext *c = ctx->switchStmt) {
    SwitchStmt *node = make<SwitchStmt>(at);
    node->discriminant = sequence(c->disc);
    SmallVector<CaseClause *, 8> clauses;
    for (P::CaseClauseContext *clauseCtx : c->clauses) {
      CaseClause *clause = make<CaseClause>(range(clauseCtx));
      clause->test = sequence(clauseCtx->test);
      clause->body = statements(clauseCtx->body);
      clauses.push_back(clause);
    }
    node->clauses = list(clauses);
    return node;
  }
  if (P::ReturnStatementContext *c = ctx->returnStmt) {
    ReturnStmt *node = make<ReturnStmt>(at);
    node->value = sequence(c->value);
    return node;
  }
  if (P::ThrowStatementContext *c = ctx->throwStmt) {
    ThrowStmt *node = make<ThrowStmt>(at);
    node->value = sequence(c->value);
    return node;
  }
  if (P::BreakOrContinueContext *c = ctx->breakStmt) {
    if (kindOf(c->kw) == tok::Continue) {
      ContinueStmt *node = make<ContinueStmt>(at);
      node->label = identifier(c->label);
      return node;
    }
    BreakStmt *node = make<BreakStmt>(at);
    node->label = identifier(c->label);
    return node;
  }
  if (P::LabeledStatementContext *c = ctx->labeledStmt) {
    LabeledStmt *node = make<LabeledStmt>(at);
    node->label = identifier(c->label);
    node->body = statement(c->body);
    return node;
  }
  if (ctx->debuggerStmt)
    return make<DebuggerStmt>(at);
  if (P::WithStatementContext *c = ctx->withStmt) {
    WithStmt *node = make<WithStmt>(at);
    node->object = sequence(c->object);
    node->body = statement(c->body);
    return node;
  }
  return nullptr;
}

Stmt *Builder::forStatement(P::ForStatementContext *ctx) {
  SMRange at = range(ctx);
  if (ctx->op) {
    ForInOfStmt *node = make<ForInOfStmt>(at);
    node->isOf = kindOf(ctx->op) == tok::Of;
    node->isAwait = ctx->awaitKw != nullptr;
    if (ctx->kind) {
      // `const x`: a VarStmt with one declaration and no initializer.
      SMRange declRange = join(range(ctx->kind), range(ctx->binding));
      VarStmt *vars = make<VarStmt>(declRange);
      vars->varKind = kindOf(ctx->kind) == tok::Var   ? VarKind::Var
                      : kindOf(ctx->kind) == tok::Let ? VarKind::Let
                                                      : VarKind::Const;
      VarDecl *decl = make<VarDecl>(range(ctx->binding));
      decl->name = bindingName(ctx->binding);
      vars->decls = file.copy(ArrayRef<VarDecl *>(decl));
      node->left = vars;
    } else {
      node->left = expression(ctx->target);
    }
    node->right = expression(ctx->source);
    node->body = statement(ctx->body);
    return node;
  }
  ForStmt *node = make<ForStmt>(at);
  if (ctx->initVars)
    node->init = variableList(ctx->initVars, range(ctx->initVars), 0);
  else
    node->init = sequence(ctx->initExpr);
  node->cond = sequence(ctx->cond);
  node->update = sequence(ctx->step);
  node->body = statement(ctx->body);
  return node;
}

ArrayRef<Decorator *>
Builder::decorators(const std::vector<P::DecoratorContext *> &ctxs) {
  if (ctxs.empty())
    return {};
  SmallVector<Decorator *, 2> result;
  for (P::DecoratorContext *ctx : ctxs) {
    Decorator *node = make<Decorator>(range(ctx));
    if (ctx->expr) {
      node->expr = sequence(ctx->expr);
    } else if (Identifier *head = identifier(ctx->head)) {
      Expr *expr = head;
      for (antlr4::Token *name : ctx->names) {
        Identifier *id = identifier(name);
        if (!id)
          continue;
        MemberExpr *member =
            make<MemberExpr>(join(expr->getRange(), range(name)));
        member->object = expr;
        member->name = id;
        expr = member;
      }
      if (ctx->args) {
        CallExpr *call =
            make<CallExpr>(join(expr->getRange(), range(ctx->args)));
        call->callee = expr;
        call->args = arguments(ctx->args);
        expr = call;
      }
      node->expr = expr;
    }
    result.push_back(node);
  }
  return list(result);
}

Stmt *Builder::declarationStatement(P::DeclarationStatementContext *ctx) {
  P::DeclarationContext *decl = ctx->decl;
  if (!decl)
    return nullptr;
  SMRange at = range(ctx);
  Modifiers mods = 0;
  if (ctx->exportKw)
    mods |= ModExport;
  if (ctx->dflt)
    mods |= ModDefault;
  if (ctx->declareKw)
    mods |= ModDeclare;
  ArrayRef<Decorator *> decos = decorators(ctx->decorators);
  if (!decos.empty() && !decl->cls)
    report(decos.front()->getRange(),
           "decorators are only allowed on classes, their members and "
           "parameters");

  if (P::FunctionDeclarationContext *c = decl->func) {
    FunctionDecl *node = functionDeclaration(c, at, mods);
    if (!node->name && !(mods & ModDefault) && c->start)
      report(range(c->start, c->params ? c->params->start : c->start),
             "a function declaration needs a name (only 'export default "
             "function' may leave it out)");
    return node;
  }
  if (P::ClassDeclarationContext *c = decl->cls) {
    ClassDecl *node = make<ClassDecl>(at);
    if (c->abstractKw)
      mods |= ModAbstract;
    node->mods = mods;
    classParts(node->parts, c->name, c->typeParams, c->base, c->impls, c->body);
    node->parts.decorators = decos;
    if (!node->parts.name && !(mods & ModDefault) && c->start)
      report(range(c->start),
             "a class declaration needs a name (only 'export default class' "
             "may leave it out)");
    return node;
  }
  if (P::InterfaceDeclarationContext *c = decl->iface) {
    InterfaceDecl *node = make<InterfaceDecl>(at);
    node->mods = mods;
    node->name = identifier(c->name);
    node->typeParams = typeParameters(c->typeParams);
    SmallVector<TypeReference *, 2> bases;
    for (P::HeritageTypeContext *base : c->bases)
      if (TypeReference *ref = heritageType(base))
        bases.push_back(ref);
    node->extends = list(bases);
    if (TypeNode *body = objectType(c->body, c->body ? range(c->body)
                                                     : SMRange(at.End, at.End)))
      if (auto *literal = llvm::dyn_cast<TypeLiteral>(body))
        node->members = literal->members;
    return node;
  }
  if (P::TypeAliasDeclarationContext *c = decl->alias) {
    TypeAliasDecl *node = make<TypeAliasDecl>(at);
    node->mods = mods;
    node->name = identifier(c->name);
    node->typeParams = typeParameters(c->typeParams);
    node->type = type(c->ty);
    return node;
  }
  if (P::EnumDeclarationContext *c = decl->enm) {
    EnumDecl *node = make<EnumDecl>(at);
    if (c->constKw)
      mods |= ModConst;
    node->mods = mods;
    node->name = identifier(c->name);
    SmallVector<EnumMember *, 8> members;
    for (P::EnumMemberContext *memberCtx : c->members) {
      EnumMember *member = make<EnumMember>(range(memberCtx));
      member->name = propertyName(memberCtx->name);
      member->init = expression(memberCtx->init);
      members.push_back(member);
    }
    node->members = list(members);
    return node;
  }
  if (P::NamespaceDeclarationContext *c = decl->ns) {
    NamespaceDecl *node = make<NamespaceDecl>(at);
    node->mods = mods;
    SmallVector<Identifier *, 2> names;
    if (Identifier *head = identifier(c->head))
      names.push_back(head);
    for (antlr4::Token *name : c->names)
      if (Identifier *id = identifier(name))
        names.push_back(id);
    node->names = list(names);
    node->moduleName = stringLiteral(c->moduleName);
    node->isGlobal = c->globalKw != nullptr;
    node->isModuleKeyword =
        kindOf(c->kw) == tok::Module || c->moduleName != nullptr;
    if (c->body) {
      node->hasBody = true;
      node->body = statements(c->body->statements);
    }
    return node;
  }
  if (P::VariableStatementContext *c = decl->vars)
    return variableList(c->list, at, mods);
  if (P::ImportEqualsDeclarationContext *c = decl->importEq)
    return importEquals(c, at, mods);
  return nullptr;
}

VarStmt *Builder::variableList(P::VariableDeclarationListContext *ctx,
                               SMRange at, Modifiers mods) {
  if (!ctx)
    return nullptr;
  VarStmt *node = make<VarStmt>(at);
  node->mods = mods;
  node->varKind = kindOf(ctx->kind) == tok::Var   ? VarKind::Var
                  : kindOf(ctx->kind) == tok::Let ? VarKind::Let
                                                  : VarKind::Const;
  SmallVector<VarDecl *, 2> decls;
  for (P::VariableDeclarationContext *declCtx : ctx->decls) {
    VarDecl *decl = make<VarDecl>(range(declCtx));
    decl->name = bindingName(declCtx->name);
    decl->definite = declCtx->definite != nullptr;
    decl->type = type(declCtx->ty);
    decl->init = expression(declCtx->init);
    decls.push_back(decl);
  }
  node->decls = list(decls);
  return node;
}

FunctionDecl *Builder::functionDeclaration(P::FunctionDeclarationContext *ctx,
                                           SMRange at, Modifiers mods) {
  FunctionDecl *node = make<FunctionDecl>(at);
  node->isAsync = ctx->asyncKw != nullptr;
  if (node->isAsync)
    mods |= ModAsync;
  node->mods = mods;
  node->isGenerator = ctx->star != nullptr;
  node->name = identifier(ctx->name);
  node->sig.typeParams = typeParameters(ctx->typeParams);
  node->sig.params = parameters(ctx->params);
  node->sig.returnType = returnType(ctx->returnType);
  node->body = block(ctx->body);
  return node;
}

TypeReference *Builder::heritageType(P::HeritageTypeContext *ctx) {
  if (!ctx)
    return nullptr;
  SmallVector<Identifier *, 4> names = entityName(ctx->name);
  if (names.empty())
    return nullptr;
  TypeReference *ref = make<TypeReference>(range(ctx));
  ref->names = list(names);
  ref->typeArgs = typeArguments(ctx->typeArgs);
  return ref;
}

void Builder::classParts(ClassParts &parts, P::IdentifierContext *name,
                         P::TypeParametersContext *typeParams,
                         P::HeritageTypeContext *base,
                         const std::vector<P::HeritageTypeContext *> &impls,
                         P::ClassBodyContext *body) {
  parts.name = identifier(name);
  parts.typeParams = typeParameters(typeParams);
  parts.extends = heritageType(base);
  SmallVector<TypeReference *, 2> implemented;
  for (P::HeritageTypeContext *impl : impls)
    if (TypeReference *ref = heritageType(impl))
      implemented.push_back(ref);
  parts.implements = list(implemented);
  if (!body)
    return;
  SmallVector<Node *, 16> members;
  for (P::ClassMemberContext *memberCtx : body->members)
    if (Node *member = classMember(memberCtx))
      members.push_back(member);
  parts.members = list(members);
}

/// The modifier of a modifier token.
static Modifiers getModifier(tok::TokenKind kind) {
  switch (kind) {
  case tok::Public:
    return ModPublic;
  case tok::Private:
    return ModPrivate;
  case tok::Protected:
    return ModProtected;
  case tok::Static:
    return ModStatic;
  case tok::Readonly:
    return ModReadonly;
  case tok::Abstract:
    return ModAbstract;
  case tok::Override:
    return ModOverride;
  case tok::Declare:
    return ModDeclare;
  case tok::Accessor:
    return ModAccessor;
  case tok::Const:
    return ModConst;
  case tok::In:
    return ModIn;
  default:
    return 0;
  }
}

Node *Builder::classMember(P::ClassMemberContext *ctx) {
  SMRange at = range(ctx);
  if (ctx->staticBlock) {
    StaticBlock *node = make<StaticBlock>(at);
    node->body = block(ctx->staticBlock);
    return node;
  }
  P::ClassElementContext *element = ctx->element;
  if (!element)
    return nullptr; // A stray `;`.
  Modifiers mods = 0;
  for (P::ClassModifierContext *modCtx : ctx->mods)
    mods |= getModifier(kindOf(modCtx->start));
  ArrayRef<Decorator *> decos = decorators(ctx->decorators);
  if (element->index) {
    if (!decos.empty())
      report(decos.front()->getRange(),
             "decorators are not allowed on index signatures");
    return indexSignature(element->index, at, mods);
  }
  if (element->params) {
    MethodDecl *node = make<MethodDecl>(at);
    node->decorators = decos;
    node->name = propertyName(element->name);
    node->isAsync = element->asyncKw != nullptr;
    if (node->isAsync)
      mods |= ModAsync;
    node->mods = mods;
    node->isGenerator = element->star != nullptr;
    node->optional = element->optional != nullptr;
    if (element->accessor)
      node->methodKind = kindOf(element->accessor) == tok::Get
                             ? MethodDecl::Getter
                             : MethodDecl::Setter;
    else if (auto *id = llvm::dyn_cast_or_null<Identifier>(node->name);
             id && id->name == "constructor")
      node->methodKind = MethodDecl::Constructor;
    node->sig.typeParams = typeParameters(element->typeParams);
    node->sig.params = parameters(element->params);
    node->sig.returnType = returnType(element->returnType);
    node->body = block(element->body);
    return node;
  }
  PropertyDecl *node = make<PropertyDecl>(at);
  node->decorators = decos;
  node->mods = mods;
  node->name = propertyName(element->name);
  node->optional = element->optional != nullptr;
  node->definite = element->definite != nullptr;
  node->type = type(element->ty);
  node->init = expression(element->init);
  return node;
}

IndexSignature *Builder::indexSignature(P::IndexSignatureContext *ctx,
                                        SMRange at, Modifiers mods) {
  if (!ctx)
    return nullptr;
  IndexSignature *node = make<IndexSignature>(at);
  if (ctx->readonlyKw)
    mods |= ModReadonly;
  node->mods = mods;
  node->keyName = identifier(ctx->key);
  node->keyType = type(ctx->keyType);
  node->type = type(ctx->ty);
  return node;
}

ImportDecl *Builder::importDeclaration(P::ImportDeclarationContext *ctx) {
  ImportDecl *node = make<ImportDecl>(range(ctx));
  node->typeOnly = ctx->typeOnly != nullptr;
  node->module = stringLiteral(ctx->module);
  if (ctx->attributes)
    node->attributes = objectLiteral(ctx->attributes->attrs);
  P::ImportClauseContext *clause = ctx->clause;
  if (!clause)
    return node;
  node->defaultBinding = identifier(clause->defaultName);
  if (clause->nsImport)
    node->namespaceBinding = identifier(clause->nsImport->name);
  if (P::NamedImportsContext *named = clause->named) {
    node->hasNamedImports = true;
    SmallVector<ImportSpecifier *, 8> specs;
    for (P::ImportSpecifierContext *specCtx : named->specs) {
      ImportSpecifier *spec = make<ImportSpecifier>(range(specCtx));
      spec->typeOnly = specCtx->typeOnly != nullptr;
      spec->imported = moduleExportName(specCtx->imported);
      spec->local = identifier(specCtx->local);
      specs.push_back(spec);
    }
    node->specifiers = list(specs);
  }
  return node;
}

ImportEqualsDecl *Builder::importEquals(P::ImportEqualsDeclarationContext *ctx,
                                        SMRange at, Modifiers mods) {
  ImportEqualsDecl *node = make<ImportEqualsDecl>(at);
  node->mods = mods;
  node->typeOnly = ctx->typeOnly != nullptr;
  node->name = identifier(ctx->name);
  if (ctx->requireKw) {
    if (Identifier *require = identifier(ctx->requireKw);
        require && require->name != "require")
      report(require->getRange(),
             "expected 'require' in 'import " +
                 (node->name ? node->name->name.str() : std::string("x")) +
                 " = require(\"...\")'");
    node->module = stringLiteral(ctx->module);
  } else {
    node->entity = list(entityName(ctx->ref));
  }
  return node;
}

ExportDecl *Builder::exportStatement(P::ExportStatementContext *ctx) {
  ExportDecl *node = make<ExportDecl>(range(ctx));
  node->typeOnly = ctx->typeOnly != nullptr;
  node->module = stringLiteral(ctx->module);
  if (ctx->star) {
    node->form = ExportDecl::Star;
    node->namespaceName = moduleExportName(ctx->nsName);
  } else if (ctx->dflt) {
    node->form = ExportDecl::Default;
    node->expr = expression(ctx->value);
  } else if (ctx->assign) {
    node->form = ExportDecl::Assignment;
    node->expr = expression(ctx->value);
  } else if (ctx->nsName) {
    node->form = ExportDecl::NamespaceAs;
    node->namespaceName = moduleExportName(ctx->nsName);
  } else {
    node->form = ExportDecl::Named;
    SmallVector<ExportSpecifier *, 8> specs;
    for (P::ExportSpecifierContext *specCtx : ctx->specs) {
      ExportSpecifier *spec = make<ExportSpecifier>(range(specCtx));
      spec->typeOnly = specCtx->typeOnly != nullptr;
      spec->local = moduleExportName(specCtx->local);
      spec->exported = moduleExportName(specCtx->exported);
      specs.push_back(spec);
    }
    node->specifiers = list(specs);
  }
  return node;
}

//===----------------------------------------------------------------------===//
// Functions, parameters, bindings
//===----------------------------------------------------------------------===//

template <typename ParamsCtx>
ArrayRef<TypeParameter *> Builder::typeParameters(ParamsCtx *ctx) {
  if (!ctx)
    return {};
  SmallVector<TypeParameter *, 2> params;
  for (P::TypeParameterContext *paramCtx : ctx->params) {
    TypeParameter *param = make<TypeParameter>(range(paramCtx));
    for (antlr4::Token *mod : paramCtx->mods)
      param->mods |= getModifier(kindOf(mod));
    param->name = identifier(paramCtx->name);
    param->constraint = type(paramCtx->constraint);
    param->defaultType = type(paramCtx->dflt);
    params.push_back(param);
  }
  return list(params);
}

template <typename ListCtx>
ArrayRef<Parameter *> Builder::parameters(ListCtx *ctx) {
  if (!ctx)
    return {};
  SmallVector<Parameter *, 4> params;
  for (P::ParameterContext *paramCtx : ctx->params)
    if (Parameter *param = parameter(paramCtx))
      params.push_back(param);
  return list(params);
}

Parameter *Builder::parameter(P::ParameterContext *ctx) {
  Parameter *node = make<Parameter>(range(ctx));
  node->decorators = decorators(ctx->decorators);
  for (antlr4::Token *mod : ctx->mods)
    node->mods |= getModifier(kindOf(mod));
  node->rest = ctx->rest != nullptr;
  node->name = bindingName(ctx->name);
  node->optional = ctx->optional != nullptr;
  node->type = type(ctx->ty);
  node->init = expression(ctx->init);
  return node;
}

TypeNode *Builder::returnType(P::ReturnTypeAnnotationContext *ctx) {
  if (!ctx)
    return nullptr;
  if (!ctx->assertsKw && !ctx->param && !ctx->thisKw)
    return type(ctx->ty);
  TypePredicate *node = make<TypePredicate>(range(ctx));
  node->asserts = ctx->assertsKw != nullptr;
  node->param = identifier(ctx->param);
  node->type = type(ctx->ty);
  return node;
}

Node *Builder::bindingName(P::BindingNameContext *ctx) {
  if (!ctx)
    return nullptr;
  if (ctx->id)
    return identifier(ctx->id);
  if (ctx->thisKw)
    return make<ThisExpr>(range(ctx->thisKw));
  if (P::ObjectBindingPatternContext *obj = ctx->obj) {
    ObjectBindingPattern *node = make<ObjectBindingPattern>(range(obj));
    SmallVector<BindingElement *, 8> elements;
    for (P::BindingPropertyContext *propCtx : obj->elements) {
      BindingElement *element = make<BindingElement>(range(propCtx));
      element->rest = propCtx->rest != nullptr;
      if (propCtx->key) {
        element->propertyName = propertyName(propCtx->key);
        element->name = bindingName(propCtx->value);
      } else {
        element->name = identifier(propCtx->name);
      }
      element->init = expression(propCtx->init);
      elements.push_back(element);
    }
    node->elements = list(elements);
    return node;
  }
  if (P::ArrayBindingPatternContext *arr = ctx->arr) {
    ArrayBindingPattern *node = make<ArrayBindingPattern>(range(arr));
    node->elements =
        withHoles(arr->start, arr->stop, arr->elements,
                  [&](P::ArrayBindingElementContext *elementCtx) -> Node * {
                    BindingElement *element =
                        make<BindingElement>(range(elementCtx));
                    element->rest = elementCtx->rest != nullptr;
                    element->name = bindingName(elementCtx->name);
                    element->init = expression(elementCtx->init);
                    return element;
                  });
    return node;
  }
  return nullptr;
}

template <typename ElementCtx, typename BuildFn>
ArrayRef<typename std::invoke_result_t<BuildFn, ElementCtx *>>
Builder::withHoles(const antlr4::Token *open, const antlr4::Token *close,
                   const std::vector<ElementCtx *> &elements, BuildFn build) {
  using Result = typename std::invoke_result_t<BuildFn, ElementCtx *>;
  SmallVector<Result, 8> result;
  if (!open || !close)
    return {};
  size_t end = asToken(close)->getTokenIndex();
  size_t nextElement = 0;
  bool expectElement = true;
  for (size_t i = asToken(open)->getTokenIndex() + 1;
       i < end && i < stream.size(); ++i) {
    if (nextElement < elements.size() && elements[nextElement]->start &&
        asToken(elements[nextElement]->start)->getTokenIndex() == i) {
      ElementCtx *elementCtx = elements[nextElement++];
      if (Result built = build(elementCtx))
        result.push_back(built);
      if (elementCtx->stop && asToken(elementCtx->stop)->getTokenIndex() >= i)
        i = asToken(elementCtx->stop)->getTokenIndex();
      expectElement = false;
      continue;
    }
    const ParserToken &token = stream.at(i);
    if (token.getKind() != tok::Comma)
      continue;
    if (expectElement)
      result.push_back(
          make<OmittedExpr>(SMRange(loc(token.begin), loc(token.begin))));
    expectElement = true;
  }
  return list(result);
}

Expr *Builder::functionLike(P::FunctionLikeContext *ctx, SMRange at) {
  if (ctx->arrowBody) {
    ArrowFunction *node = make<ArrowFunction>(at);
    node->isAsync = ctx->asyncKw != nullptr;
    if (ctx->param) {
      Parameter *param = make<Parameter>(range(ctx->param));
      param->name = identifier(ctx->param);
      node->sig.params = file.copy(ArrayRef<Parameter *>(param));
    } else {
      node->sig.typeParams = typeParameters(ctx->genericParams);
      node->sig.params = parameters(ctx->arrowParams);
    }
    node->sig.returnType = returnType(ctx->returnType);
    if (ctx->arrowBody->blockBody)
      node->body = block(ctx->arrowBody->blockBody);
    else
      node->body = expression(ctx->arrowBody->expr);
    return node;
  }
  FunctionExpr *node = make<FunctionExpr>(at);
  node->isAsync = ctx->asyncKw != nullptr;
  node->isGenerator = ctx->star != nullptr;
  node->name = identifier(ctx->name);
  node->sig.typeParams = typeParameters(ctx->typeParams);
  node->sig.params = parameters(ctx->params);
  node->sig.returnType = returnType(ctx->returnType);
  node->body = block(ctx->body);
  return node;
}

FunctionExpr *Builder::functionExpression(P::FunctionExpressionContext *ctx,
                                          SMRange at) {
  FunctionExpr *node = make<FunctionExpr>(at);
  node->isGenerator = ctx->star != nullptr;
  node->name = identifier(ctx->name);
  node->sig.typeParams = typeParameters(ctx->typeParams);
  node->sig.params = parameters(ctx->params);
  node->sig.returnType = returnType(ctx->returnType);
  node->body = block(ctx->body);
  return node;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Expr *Builder::sequence(P::ExpressionSequenceContext *ctx) {
  if (!ctx || ctx->exprs.empty())
    return nullptr;
  Expr *result = expression(ctx->exprs.front());
  for (size_t i = 1, e = ctx->exprs.size(); i < e; ++i) {
    Expr *rhs = expression(ctx->exprs[i]);
    if (!result || !rhs) {
      result = result ? result : rhs;
      continue;
    }
    BinaryExpr *comma =
        make<BinaryExpr>(join(result->getRange(), rhs->getRange()));
    comma->op = BinaryOp::Comma;
    comma->lhs = result;
    comma->rhs = rhs;
    comma->opRange = SMRange(result->getRange().End, result->getRange().End);
    if (const ParserToken *after = next(ctx->exprs[i - 1]->stop))
      comma->opRange = SMRange(loc(after->begin), loc(after->end));
    result = comma;
  }
  return result;
}

ArrayRef<Expr *> Builder::arguments(P::ArgumentsContext *ctx) {
  if (!ctx || ctx->args.empty())
    return {};
  SmallVector<Expr *, 4> args;
  for (P::ExpressionContext *argCtx : ctx->args)
    if (Expr *arg = element(argCtx))
      args.push_back(arg);
  return list(args);
}

ArrayRef<TypeNode *> Builder::typeArguments(P::CallTypeArgumentsContext *ctx) {
  if (!ctx)
    return {};
  SmallVector<TypeNode *, 2> types;
  for (P::TypeContext *typeCtx : ctx->types)
    if (TypeNode *t = type(typeCtx))
      types.push_back(t);
  return list(types);
}

ArrayRef<TypeNode *> Builder::typeArguments(P::TypeArgumentsContext *ctx) {
  if (!ctx)
    return {};
  SmallVector<TypeNode *, 2> types;
  for (P::TypeContext *typeCtx : ctx->types)
    if (TypeNode *t = type(typeCtx))
      types.push_back(t);
  return list(types);
}

Expr *Builder::binary(P::BinaryExprContext *ctx, Expr *lhs) {
  Expr *rhs = expression(ctx->right);
  if (!lhs || !rhs || !ctx->op)
    return lhs ? lhs : rhs;
  BinaryExpr *node = make<BinaryExpr>(range(ctx));
  node->lhs = lhs;
  node->rhs = rhs;
  // The operator spans its tokens up to the right operand: `>>` is two.
  size_t first = asToken(ctx->op)->getTokenIndex();
  size_t last = first;
  if (ctx->right->start) {
    size_t rightStart = asToken(ctx->right->start)->getTokenIndex();
    if (rightStart > first && rightStart - 1 < stream.size())
      last = rightStart - 1;
  }
  node->opRange = range(&stream.at(first), &stream.at(last));
  switch (kindOf(ctx->op)) {
  case tok::StarStar:
    node->op = BinaryOp::Exp;
    break;
  case tok::Star:
    node->op = BinaryOp::Mul;
    break;
  case tok::Slash:
    node->op = BinaryOp::Div;
    break;
  case tok::Percent:
    node->op = BinaryOp::Rem;
    break;
  case tok::Plus:
    node->op = BinaryOp::Add;
    break;
  case tok::Minus:
    node->op = BinaryOp::Sub;
    break;
  case tok::LessLess:
    node->op = BinaryOp::Shl;
    break;
  case tok::Less:
    node->op = BinaryOp::Less;
    break;
  case tok::LessEqual:
    node->op = BinaryOp::LessEqual;
    break;
  case tok::Greater:
    node->op = BinaryOp::Greater;
    break;
  case tok::Instanceof:
    node->op = BinaryOp::Instanceof;
    break;
  case tok::In:
    node->op = BinaryOp::In;
    break;
  case tok::EqualEqual:
    node->op = BinaryOp::Equal;
    break;
  case tok::NotEqual:
    node->op = BinaryOp::NotEqual;
    break;
  case tok::EqualEqualEqual:
    node->op = BinaryOp::StrictEqual;
    break;
  case tok::NotEqualEqual:
    node->op = BinaryOp::StrictNotEqual;
    break;
  case tok::Amp:
    node->op = BinaryOp::BitAnd;
    break;
  case tok::Caret:
    node->op = BinaryOp::BitXor;
    break;
  case tok::Pipe:
    node->op = BinaryOp::BitOr;
    break;
  case tok::AmpAmp:
    node->op = BinaryOp::LogicalAnd;
    break;
  case tok::PipePipe:
    node->op = BinaryOp::LogicalOr;
    break;
  case tok::QuestionQuestion:
    node->op = BinaryOp::Nullish;
    break;
  case tok::Assign:
    node->op = BinaryOp::Assign;
    break;
  case tok::PlusAssign:
    node->op = BinaryOp::AddAssign;
    break;
  case tok::MinusAssign:
    node->op = BinaryOp::SubAssign;
    break;
  case tok::StarAssign:
    node->op = BinaryOp::MulAssign;
    break;
  case tok::StarStarAssign:
    node->op = BinaryOp::ExpAssign;
    break;
  case tok::SlashAssign:
    node->op = BinaryOp::DivAssign;
    break;
  case tok::PercentAssign:
    node->op = BinaryOp::RemAssign;
    break;
  case tok::LessLessAssign:
    node->op = BinaryOp::ShlAssign;
    break;
  case tok::AmpAssign:
    node->op = BinaryOp::AndAssign;
    break;
  case tok::PipeAssign:
    node->op = BinaryOp::OrAssign;
    break;
  case tok::CaretAssign:
    node->op = BinaryOp::XorAssign;
    break;
  case tok::AmpAmpAssign:
    node->op = BinaryOp::LogicalAndAssign;
    break;
  case tok::PipePipeAssign:
    node->op = BinaryOp::LogicalOrAssign;
    break;
  case tok::QuestionQuestionAssign:
    node->op = BinaryOp::NullishAssign;
    break;
  case tok::GreaterJoined: {
    // `>=`, `>>`, `>>>`, `>>=`, `>>>=`: the tokens of the operator.
    unsigned greaters = 0;
    bool assign = false;
    for (size_t i = first; i <= last; ++i) {
      tok::TokenKind kind = stream.at(i).getKind();
      if (kind == tok::Assign)
        assign = true;
      else
        ++greaters;
    }
    if (greaters == 1)
      node->op = BinaryOp::GreaterEqual;
    else if (greaters == 2)
      node->op = assign ? BinaryOp::ShrAssign : BinaryOp::Shr;
    else
      node->op = assign ? BinaryOp::UShrAssign : BinaryOp::UShr;
    break;
  }
  default:
    node->op = BinaryOp::Comma;
    break;
  }
  return node;
}

P::ExpressionContext *Builder::leftOperand(P::ExpressionContext *ctx) {
  switch (getAlt(ctx)) {
  case Alt::BinaryExpr:
    return static_cast<P::BinaryExprContext *>(ctx)->left;
  case Alt::PostfixExpr:
    return static_cast<P::PostfixExprContext *>(ctx)->operand;
  case Alt::AsExpr:
    return static_cast<P::AsExprContext *>(ctx)->operand;
  case Alt::ConditionalExpr:
    return static_cast<P::ConditionalExprContext *>(ctx)->cond;
  default:
    return nullptr;
  }
}

Expr *Builder::expression(P::ExpressionContext *ctx) {
  bool spread = spreadAllowed;
  spreadAllowed = false;
  if (!ctx)
    return nullptr;
  SmallVector<P::ExpressionContext *, 8> links;
  while (P::ExpressionContext *left = leftOperand(ctx)) {
    links.push_back(ctx);
    ctx = left;
  }
  Expr *result = expressionPrimary(ctx, spread && links.empty());
  for (P::ExpressionContext *link : llvm::reverse(links))
    result = expressionLink(link, result);
  return result;
}

Expr *Builder::unary(SMRange at, const antlr4::Token *op, Expr *operand,
                     bool postfix) {
  if (!operand || !op)
    return operand;
  UnaryExpr *node = make<UnaryExpr>(at);
  node->operand = operand;
  switch (kindOf(op)) {
  case tok::PlusPlus:
    node->op = postfix ? UnaryOp::PostIncrement : UnaryOp::PreIncrement;
    break;
  case tok::MinusMinus:
    node->op = postfix ? UnaryOp::PostDecrement : UnaryOp::PreDecrement;
    break;
  case tok::Plus:
    node->op = UnaryOp::Plus;
    break;
  case tok::Minus:
    node->op = UnaryOp::Minus;
    break;
  case tok::Tilde:
    node->op = UnaryOp::BitNot;
    break;
  case tok::Bang:
    node->op = UnaryOp::Not;
    break;
  case tok::Typeof:
    node->op = UnaryOp::Typeof;
    break;
  case tok::Void:
    node->op = UnaryOp::Void;
    break;
  default:
    node->op = UnaryOp::Delete;
    break;
  }
  return node;
}

Expr *Builder::expressionLink(P::ExpressionContext *ctx, Expr *left) {
  SMRange at = range(ctx);
  switch (getAlt(ctx)) {
  case Alt::BinaryExpr:
    return binary(static_cast<P::BinaryExprContext *>(ctx), left);
  case Alt::PostfixExpr:
    return unary(at, static_cast<P::PostfixExprContext *>(ctx)->op, left,
                 /*postfix=*/true);
  case Alt::AsExpr: {
    auto *c = static_cast<P::AsExprContext *>(ctx);
    if (kindOf(c->op) == tok::Satisfies) {
      SatisfiesExpr *node = make<SatisfiesExpr>(at);
      node->expr = left;
      node->type = type(c->ty);
      return node;
    }
    AsExpr *node = make<AsExpr>(at);
    node->expr = left;
    node->type = type(c->ty);
    node->isConst = c->constKw != nullptr;
    return node;
  }
  case Alt::ConditionalExpr: {
    auto *c = static_cast<P::ConditionalExprContext *>(ctx);
    ConditionalExpr *node = make<ConditionalExpr>(at);
    node->cond = left;
    node->thenExpr = expression(c->thenExpr);
    node->elseExpr = expression(c->elseExpr);
    return node;
  }
  default:
    return left;
  }
}

Expr *Builder::expressionPrimary(P::ExpressionContext *ctx, bool spread) {
  SMRange at = range(ctx);
  switch (getAlt(ctx)) {
  case Alt::LeftHandSideExpr:
    return leftHandSide(static_cast<P::LeftHandSideExprContext *>(ctx)->lhs);
  case Alt::PrefixExpr: {
    auto *c = static_cast<P::PrefixExprContext *>(ctx);
    return unary(at, c->op, expression(c->operand), /*postfix=*/false);
  }
  case Alt::AwaitExpr: {
    AwaitExpr *node = make<AwaitExpr>(at);
    node->expr = expression(static_cast<P::AwaitExprContext *>(ctx)->operand);
    return node;
  }
  case Alt::TypeAssertionExpr: {
    auto *c = static_cast<P::TypeAssertionExprContext *>(ctx);
    TypeAssertionExpr *node = make<TypeAssertionExpr>(at);
    node->type = type(c->ty);
    node->expr = expression(c->operand);
    return node;
  }
  case Alt::YieldExpr: {
    auto *c = static_cast<P::YieldExprContext *>(ctx);
    YieldExpr *node = make<YieldExpr>(at);
    node->delegate = c->star != nullptr;
    node->expr = expression(c->operand);
    return node;
  }
  case Alt::SpreadExpr: {
    if (!spread)
      report(range(ctx->start),
             "'...' is only allowed in an array literal, an argument list, "
             "an object literal or a parameter list");
    SpreadElement *node = make<SpreadElement>(at);
    node->expr = expression(static_cast<P::SpreadExprContext *>(ctx)->operand);
    return node;
  }
  case Alt::ArrowExpr:
    return functionLike(static_cast<P::ArrowExprContext *>(ctx)->func, at);
  default:
    return nullptr;
  }
}

Expr *Builder::newExpression(P::NewExprContext *ctx) {
  SMRange at = range(ctx);
  if (ctx->meta) {
    MetaProperty *node = make<MetaProperty>(at);
    node->keyword = "new";
    node->name = textOf(ctx->meta);
    return node;
  }
  P::NewTargetContext *target = ctx->callee;
  if (!target)
    return nullptr;
  Expr *callee = nullptr;
  if (target->name)
    callee = identifier(target->name);
  else if (target->thisKw)
    callee = make<ThisExpr>(range(target->thisKw));
  else if (target->inner) {
    Expr *inner = sequence(target->inner);
    if (inner) {
      ParenExpr *paren =
          make<ParenExpr>(join(range(target->start), inner->getRange()));
      paren->expr = inner;
      callee = paren;
    }
  }
  // `.name` and `[index]` parts, in source order.
  size_t nameIndex = 0, indexIndex = 0;
  while (callee && (nameIndex < target->names.size() ||
                    indexIndex < target->index.size())) {
    bool takeName =
        indexIndex >= target->index.size() ||
        (nameIndex < target->names.size() &&
         asToken(target->names[nameIndex])->getTokenIndex() <
             asToken(target->index[indexIndex]->start)->getTokenIndex());
    if (takeName) {
      antlr4::Token *name = target->names[nameIndex++];
      MemberExpr *member =
          make<MemberExpr>(join(callee->getRange(), range(name)));
      member->object = callee;
      member->name = identifier(name);
      callee = member;
    } else {
      P::ExpressionSequenceContext *indexCtx = target->index[indexIndex++];
      ElementAccessExpr *element = make<ElementAccessExpr>(callee->getRange());
      element->object = callee;
      element->index = sequence(indexCtx);
      if (const ParserToken *close = next(indexCtx->stop))
        element = [&] {
          ElementAccessExpr *widened = make<ElementAccessExpr>(join(
              callee->getRange(), SMRange(loc(close->begin), loc(close->end))));
          widened->object = element->object;
          widened->index = element->index;
          return widened;
        }();
      callee = element;
    }
  }
  NewExpr *node = make<NewExpr>(at);
  node->callee = callee;
  node->typeArgs = typeArguments(ctx->typeArgs);
  node->hasArgs = ctx->args != nullptr;
  node->args = arguments(ctx->args);
  return node;
}

P::LeftHandSideContext *Builder::leftOperand(P::LeftHandSideContext *ctx) {
  switch (getAlt(ctx)) {
  case Alt::MemberExpr:
    return static_cast<P::MemberExprContext *>(ctx)->object;
  case Alt::CallExpr:
    return static_cast<P::CallExprContext *>(ctx)->callee;
  case Alt::ElementExpr:
    return static_cast<P::ElementExprContext *>(ctx)->object;
  case Alt::NonNullExpr:
    return static_cast<P::NonNullExprContext *>(ctx)->operand;
  case Alt::TaggedTemplateExpr:
    return static_cast<P::TaggedTemplateExprContext *>(ctx)->tag;
  default:
    return nullptr;
  }
}

Expr *Builder::leftHandSide(P::LeftHandSideContext *ctx) {
  if (!ctx)
    return nullptr;
  SmallVector<P::LeftHandSideContext *, 8> links;
  while (P::LeftHandSideContext *left = leftOperand(ctx)) {
    links.push_back(ctx);
    ctx = left;
  }
  Expr *result = leftHandSidePrimary(ctx);
  for (P::LeftHandSideContext *link : llvm::reverse(links))
    result = leftHandSideLink(link, result);
  return result;
}

Expr *Builder::leftHandSideLink(P::LeftHandSideContext *ctx, Expr *left) {
  SMRange at = range(ctx);
  switch (getAlt(ctx)) {
  case Alt::MemberExpr: {
    auto *c = static_cast<P::MemberExprContext *>(ctx);
    if (!left)
      return nullptr;
    MemberExpr *node = make<MemberExpr>(at);
    node->object = left;
    if (c->priv) {
      auto *priv = make<PrivateIdentifier>(range(c->priv));
      priv->name = textOf(c->priv);
      node->name = priv;
    } else {
      node->name = identifier(c->name);
    }
    if (c->object->stop)
      if (const ParserToken *op = next(c->object->stop))
        node->optional = op->getKind() == tok::QuestionDot;
    return node;
  }
  case Alt::CallExpr: {
    auto *c = static_cast<P::CallExprContext *>(ctx);
    if (!left)
      return nullptr;
    CallExpr *node = make<CallExpr>(at);
    node->callee = left;
    node->optional = c->optional != nullptr;
    node->typeArgs = typeArguments(c->typeArgs);
    node->args = arguments(c->args);
    return node;
  }
  case Alt::ElementExpr: {
    auto *c = static_cast<P::ElementExprContext *>(ctx);
    if (!left)
      return nullptr;
    ElementAccessExpr *node = make<ElementAccessExpr>(at);
    node->object = left;
    node->optional = c->optional != nullptr;
    node->index = sequence(c->index);
    return node;
  }
  case Alt::NonNullExpr: {
    if (!left)
      return nullptr;
    NonNullExpr *node = make<NonNullExpr>(at);
    node->expr = left;
    return node;
  }
  case Alt::TaggedTemplateExpr: {
    auto *c = static_cast<P::TaggedTemplateExprContext *>(ctx);
    TaggedTemplateExpr *node = make<TaggedTemplateExpr>(at);
    node->tag = left;
    node->typeArgs = typeArguments(c->typeArgs);
    node->quasi = templateLiteral(c->quasi);
    return node;
  }
  default:
    return left;
  }
}

Expr *Builder::leftHandSidePrimary(P::LeftHandSideContext *ctx) {
  SMRange at = range(ctx);
  switch (getAlt(ctx)) {
  case Alt::IdentifierExpr:
    return identifier(static_cast<P::IdentifierExprContext *>(ctx)->name);
  case Alt::LiteralExpr:
    return literal(static_cast<P::LiteralExprContext *>(ctx)->literal);
  case Alt::ObjectExpr:
    return objectLiteral(static_cast<P::ObjectExprContext *>(ctx)->object);
  case Alt::TemplateExpr:
    return templateLiteral(static_cast<P::TemplateExprContext *>(ctx)->quasi);
  case Alt::ArrayExpr: {
    P::ArrayLiteralContext *array =
        static_cast<P::ArrayExprContext *>(ctx)->array;
    if (!array)
      return nullptr;
    ArrayLiteral *node = make<ArrayLiteral>(at);
    node->elements =
        withHoles(array->start, array->stop, array->elements,
                  [&](P::ExpressionContext *e) { return element(e); });
    return node;
  }
  case Alt::ParenExpr: {
    Expr *inner = sequence(static_cast<P::ParenExprContext *>(ctx)->inner);
    if (!inner)
      return nullptr;
    ParenExpr *node = make<ParenExpr>(at);
    node->expr = inner;
    return node;
  }
  case Alt::NewExpr:
    return newExpression(static_cast<P::NewExprContext *>(ctx));
  case Alt::FunctionExpr:
    return functionExpression(static_cast<P::FunctionExprContext *>(ctx)->func,
                              at);
  case Alt::ClassExpr: {
    P::ClassExpressionContext *c = static_cast<P::ClassExprContext *>(ctx)->cls;
    if (!c)
      return nullptr;
    ClassExpr *node = make<ClassExpr>(at);
    classParts(node->parts, c->name, c->typeParams, c->base, c->impls, c->body);
    return node;
  }
  case Alt::ImportExpr: {
    auto *c = static_cast<P::ImportExprContext *>(ctx);
    if (c->meta) {
      MetaProperty *node = make<MetaProperty>(at);
      node->keyword = "import";
      node->name = textOf(c->meta);
      return node;
    }
    CallExpr *node = make<CallExpr>(at);
    Identifier *callee = make<Identifier>(range(ctx->start));
    callee->name = "import";
    node->callee = callee;
    node->args = arguments(c->args);
    return node;
  }
  default:
    return nullptr;
  }
}

TemplateLiteral *Builder::templateLiteral(P::TemplateLiteralContext *ctx) {
  if (!ctx)
    return nullptr;
  if (ctx->noSubst)
    return llvm::cast<TemplateLiteral>(literal(ctx->noSubst));
  TemplateLiteral *node = make<TemplateLiteral>(range(ctx));
  SmallVector<StringRef, 4> quasis;
  auto part = [&](antlr4::Token *token, bool isTail) {
    // `` `text${ ``, `}text${`, `` }text` ``.
    StringRef spelled = textOf(token).drop_front();
    if (!isTail)
      spelled = spelled.drop_back(2);
    else if (spelled.ends_with("`") &&
             !(asToken(token)->flags & ts::Token::Unterminated))
      spelled = spelled.drop_back();
    quasis.push_back(spelled);
  };
  if (ctx->head)
    part(ctx->head, false);
  for (antlr4::Token *middle : ctx->middles)
    part(middle, false);
  if (ctx->tail && !asToken(ctx->tail)->isVirtual() &&
      !asToken(ctx->tail)->isConjured())
    part(ctx->tail, true);
  else
    quasis.push_back("");
  SmallVector<Expr *, 4> exprs;
  for (P::ExpressionSequenceContext *exprCtx : ctx->exprs)
    if (Expr *expr = sequence(exprCtx))
      exprs.push_back(expr);
  node->quasis = list(quasis);
  node->exprs = list(exprs);
  return node;
}

ObjectLiteral *Builder::objectLiteral(P::ObjectLiteralContext *ctx) {
  if (!ctx)
    return nullptr;
  ObjectLiteral *node = make<ObjectLiteral>(range(ctx));
  SmallVector<Node *, 8> properties;
  for (P::ObjectMemberContext *memberCtx : ctx->members)
    if (Node *member = objectMember(memberCtx))
      properties.push_back(member);
  node->properties = list(properties);
  return node;
}

Node *Builder::objectMember(P::ObjectMemberContext *ctx) {
  SMRange at = range(ctx);
  switch (getAlt(ctx)) {
  case Alt::PropertyAssignment: {
    auto *c = static_cast<P::PropertyAssignmentContext *>(ctx);
    PropertyAssignment *node = make<PropertyAssignment>(at);
    node->name = propertyName(c->key);
    node->value = expression(c->value);
    return node;
  }
  case Alt::ShorthandProperty: {
    auto *c = static_cast<P::ShorthandPropertyContext *>(ctx);
    ShorthandProperty *node = make<ShorthandProperty>(at);
    node->name = identifier(c->name);
    node->init = expression(c->init);
    return node->name ? node : nullptr;
  }
  case Alt::SpreadProperty: {
    SpreadElement *node = make<SpreadElement>(at);
    node->expr = expression(static_cast<P::SpreadPropertyContext *>(ctx)->expr);
    return node;
  }
  case Alt::MethodProperty: {
    auto *c = static_cast<P::MethodPropertyContext *>(ctx);
    MethodDecl *node = make<MethodDecl>(at);
    node->name = propertyName(c->key);
    node->isAsync = c->asyncKw != nullptr;
    if (node->isAsync)
      node->mods |= ModAsync;
    node->isGenerator = c->star != nullptr;
    node->optional = c->optional != nullptr;
    if (c->accessor)
      node->methodKind = kindOf(c->accessor) == tok::Get ? MethodDecl::Getter
                                                         : MethodDecl::Setter;
    node->sig.typeParams = typeParameters(c->typeParams);
    node->sig.params = parameters(c->params);
    node->sig.returnType = returnType(c->returnType);
    node->body = block(c->body);
    return node;
  }
  default:
    return nullptr;
  }
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

/// The keyword type a plain type name stands for, if any.
static std::optional<TypeKeyword> getTypeKeyword(StringRef name) {
  return llvm::StringSwitch<std::optional<TypeKeyword>>(name)
      .Case("any", TypeKeyword::Any)
      .Case("unknown", TypeKeyword::Unknown)
      .Case("never", TypeKeyword::Never)
      .Case("undefined", TypeKeyword::Undefined)
      .Case("string", TypeKeyword::String)
      .Case("number", TypeKeyword::Number)
      .Case("boolean", TypeKeyword::Boolean)
      .Case("bigint", TypeKeyword::BigInt)
      .Case("symbol", TypeKeyword::Symbol)
      .Case("object", TypeKeyword::Object)
      .Default(std::nullopt);
}

TypeNode *Builder::typeReference(P::TypeReferenceContext *ctx) {
  P::TypeReferenceNameContext *name = ctx->name;
  if (!name || !name->head || asToken(name->head)->isConjured())
    return nullptr;
  if (name->names.empty() && !ctx->typeArgs)
    if (std::optional<TypeKeyword> keyword =
            getTypeKeyword(textOf(name->head))) {
      KeywordType *node = make<KeywordType>(range(ctx));
      node->keyword = *keyword;
      return node;
    }
  TypeReference *node = make<TypeReference>(range(ctx));
  SmallVector<Identifier *, 4> names;
  names.push_back(identifier(name->head));
  for (antlr4::Token *part : name->names)
    if (Identifier *id = identifier(part))
      names.push_back(id);
  node->names = list(names);
  node->typeArgs = typeArguments(ctx->typeArgs);
  return node;
}

ImportType *Builder::importType(P::ImportTypeQueryContext *ctx, SMRange at,
                                P::TypeArgumentsContext *typeArgs) {
  if (!ctx)
    return nullptr;
  ImportType *node = make<ImportType>(at);
  node->module = stringLiteral(ctx->module);
  SmallVector<Identifier *, 2> names;
  for (antlr4::Token *part : ctx->names)
    if (Identifier *id = identifier(part))
      names.push_back(id);
  node->qualifier = list(names);
  node->typeArgs = typeArguments(typeArgs);
  return node;
}

TypeNode *Builder::objectType(P::ObjectTypeContext *ctx, SMRange at) {
  if (!ctx)
    return nullptr;
  if (P::MappedTypeContext *m = ctx->mapped) {
    MappedType *node = make<MappedType>(at);
    if (m->readonlyKw)
      node->readonlyMod = kindOf(m->readonlyMod) == tok::Minus ? -1 : 1;
    if (m->optional)
      node->optionalMod = kindOf(m->optionalMod) == tok::Minus ? -1 : 1;
    node->param = identifier(m->param);
    node->constraint = type(m->constraint);
    node->nameType = type(m->nameType);
    node->type = type(m->ty);
    return node;
  }
  TypeLiteral *node = make<TypeLiteral>(at);
  SmallVector<Node *, 8> members;
  for (size_t i = 0, e = ctx->members.size(); i < e; ++i) {
    P::TypeMemberContext *memberCtx = ctx->members[i];
    if (Node *member = typeMember(memberCtx))
      members.push_back(member);
    // Members are separated by `;`, `,` or a line break.
    if (i + 1 < e && memberCtx->stop) {
      const ParserToken *after = next(memberCtx->stop);
      if (after && after->getKind() != tok::Semicolon &&
          after->getKind() != tok::Comma && !after->hasNewlineBefore())
        report(SMRange(loc(after->begin), loc(after->end)),
               "expected ';' or ',' between the members of a type before '" +
                   text.slice(after->begin, after->end).str() + "'");
    }
  }
  node->members = list(members);
  return node;
}

Node *Builder::typeMember(P::TypeMemberContext *ctx) {
  SMRange at = range(ctx);
  switch (getAlt(ctx)) {
  case Alt::PropertySignature: {
    auto *c = static_cast<P::PropertySignatureContext *>(ctx);
    PropertySignature *node = make<PropertySignature>(at);
    if (c->readonlyKw)
      node->mods |= ModReadonly;
    node->name = propertyName(c->name);
    node->optional = c->optional != nullptr;
    node->type = type(c->ty);
    return node;
  }
  case Alt::MethodSignature: {
    auto *c = static_cast<P::MethodSignatureContext *>(ctx);
    MethodSignature *node = make<MethodSignature>(at);
    if (c->accessor)
      node->methodKind = kindOf(c->accessor) == tok::Get ? MethodDecl::Getter
                                                         : MethodDecl::Setter;
    node->name = propertyName(c->name);
    node->optional = c->optional != nullptr;
    node->sig.typeParams = typeParameters(c->typeParams);
    node->sig.params = parameters(c->params);
    node->sig.returnType = returnType(c->returnType);
    return node;
  }
  case Alt::CallSignature: {
    auto *c = static_cast<P::CallSignatureContext *>(ctx);
    CallSignature *node = make<CallSignature>(at);
    node->isConstruct = c->newKw != nullptr;
    node->sig.typeParams = typeParameters(c->typeParams);
    node->sig.params = parameters(c->params);
    node->sig.returnType = returnType(c->returnType);
    return node;
  }
  case Alt::IndexSignatureMember:
    return indexSignature(
        static_cast<P::IndexSignatureMemberContext *>(ctx)->index, at, 0);
  default:
    return nullptr;
  }
}

P::TypeContext *Builder::leftOperand(P::TypeContext *ctx) {
  switch (getAlt(ctx)) {
  case Alt::ArrayType:
    return static_cast<P::ArrayTypeContext *>(ctx)->element;
  case Alt::IndexedAccessType:
    return static_cast<P::IndexedAccessTypeContext *>(ctx)->object;
  case Alt::UnionType:
    return static_cast<P::UnionTypeContext *>(ctx)->left;
  case Alt::IntersectionType:
    return static_cast<P::IntersectionTypeContext *>(ctx)->left;
  case Alt::ConditionalType:
    return static_cast<P::ConditionalTypeContext *>(ctx)->check;
  default:
    return nullptr;
  }
}

TypeNode *Builder::type(P::TypeContext *ctx) {
  if (!ctx)
    return nullptr;
  SmallVector<P::TypeContext *, 8> links;
  while (P::TypeContext *left = leftOperand(ctx)) {
    links.push_back(ctx);
    ctx = left;
  }
  TypeNode *result = typePrimary(ctx);
  for (size_t i = links.size(); i-- > 0;) {
    P::TypeContext *link = links[i];
    SMRange at = range(link);
    switch (Alt alt = getAlt(link)) {
    case Alt::ArrayType: {
      ArrayType *node = make<ArrayType>(at);
      node->element = result;
      result = node;
      break;
    }
    case Alt::IndexedAccessType: {
      IndexedAccessType *node = make<IndexedAccessType>(at);
      node->object = result;
      node->index =
          type(static_cast<P::IndexedAccessTypeContext *>(link)->index);
      result = node;
      break;
    }
    case Alt::ConditionalType: {
      auto *c = static_cast<P::ConditionalTypeContext *>(link);
      ConditionalType *node = make<ConditionalType>(at);
      node->checkType = result;
      node->extendsType = type(c->extendsType);
      node->trueType = type(c->trueType);
      node->falseType = type(c->falseType);
      result = node;
      break;
    }
    default: {
      // A run of `|` (or of `&`) becomes one flat list: `A | B | C`.
      bool isUnion = alt == Alt::UnionType;
      SmallVector<TypeNode *, 4> types;
      auto add = [&](TypeNode *t) {
        if (!t)
          return;
        if (isUnion && llvm::isa<UnionType>(t))
          llvm::append_range(types, llvm::cast<UnionType>(t)->types);
        else if (!isUnion && llvm::isa<IntersectionType>(t))
          llvm::append_range(types, llvm::cast<IntersectionType>(t)->types);
        else
          types.push_back(t);
      };
      add(result);
      for (;;) {
        add(type(isUnion
                     ? static_cast<P::UnionTypeContext *>(link)->right
                     : static_cast<P::IntersectionTypeContext *>(link)->right));
        if (i == 0 || getAlt(links[i - 1]) != alt)
          break;
        link = links[--i];
      }
      if (types.size() < 2) {
        result = types.empty() ? nullptr : types.front();
      } else if (isUnion) {
        UnionType *node = make<UnionType>(range(link));
        node->types = list(types);
        result = node;
      } else {
        IntersectionType *node = make<IntersectionType>(range(link));
        node->types = list(types);
        result = node;
      }
      break;
    }
    }
  }
  return result;
}

TypeNode *Builder::typePrimary(P::TypeContext *ctx) {
  SMRange at = range(ctx);

  switch (getAlt(ctx)) {
  case Alt::TypeReference:
    return typeReference(static_cast<P::TypeReferenceContext *>(ctx));
  case Alt::LiteralType: {
    auto *c = static_cast<P::LiteralTypeContext *>(ctx);
    Expr *value = literal(c->literal);
    if (!value)
      return nullptr;
    if (kindOf(c->literal) == tok::Null) {
      KeywordType *node = make<KeywordType>(at);
      node->keyword = TypeKeyword::Null;
      return node;
    }
    if (c->minus) {
      UnaryExpr *negative = make<UnaryExpr>(at);
      negative->op = UnaryOp::Minus;
      negative->operand = value;
      value = negative;
    }
    LiteralType *node = make<LiteralType>(at);
    node->literal = value;
    return node;
  }
  case Alt::ObjectTypeLiteral:
    return objectType(static_cast<P::ObjectTypeLiteralContext *>(ctx)->members,
                      at);
  case Alt::ParenType: {
    ParenthesizedType *node = make<ParenthesizedType>(at);
    node->type = type(static_cast<P::ParenTypeContext *>(ctx)->inner);
    return node;
  }
  case Alt::FunctionType:
  case Alt::ConstructorType: {
    FunctionType *node = make<FunctionType>(at);
    if (getAlt(ctx) == Alt::FunctionType) {
      auto *c = static_cast<P::FunctionTypeContext *>(ctx);
      node->sig.typeParams = typeParameters(c->typeParams);
      node->sig.params = parameters(c->params);
      node->sig.returnType = returnType(c->returnType);
    } else {
      auto *c = static_cast<P::ConstructorTypeContext *>(ctx);
      node->isConstructor = true;
      node->isAbstract = c->abstractKw != nullptr;
      node->sig.typeParams = typeParameters(c->typeParams);
      node->sig.params = parameters(c->params);
      node->sig.returnType = returnType(c->returnType);
    }
    return node;
  }
  case Alt::TypeOperator: {
    auto *c = static_cast<P::TypeOperatorContext *>(ctx);
    TypeOperator *node = make<TypeOperator>(at);
    node->op = kindOf(c->op) == tok::Keyof    ? TypeOperatorKind::Keyof
               : kindOf(c->op) == tok::Unique ? TypeOperatorKind::Unique
                                              : TypeOperatorKind::Readonly;
    node->type = type(c->operand);
    return node;
  }
  case Alt::InferType: {
    auto *c = static_cast<P::InferTypeContext *>(ctx);
    InferType *node = make<InferType>(at);
    node->name = identifier(c->name);
    node->constraint = type(c->constraint);
    return node;
  }
  case Alt::LeadingOperatorType:
    return type(static_cast<P::LeadingOperatorTypeContext *>(ctx)->operand);
  case Alt::TypeQuery: {
    auto *c = static_cast<P::TypeQueryContext *>(ctx);
    TypeQuery *node = make<TypeQuery>(at);
    node->names = list(entityName(c->query));
    if (c->importType)
      node->importType =
          importType(c->importType, range(c->importType), nullptr);
    node->typeArgs = typeArguments(c->typeArgs);
    return node;
  }
  case Alt::TupleType: {
    auto *c = static_cast<P::TupleTypeContext *>(ctx);
    TupleType *node = make<TupleType>(at);
    SmallVector<Node *, 4> elements;
    for (P::TupleElementContext *elementCtx : c->elements) {
      TupleMember *member = make<TupleMember>(range(elementCtx));
      member->rest = elementCtx->rest != nullptr;
      member->name = identifier(elementCtx->name);
      member->optional =
          elementCtx->optional != nullptr || elementCtx->trailingOptional;
      member->type = type(elementCtx->ty);
      elements.push_back(member);
    }
    node->elements = list(elements);
    return node;
  }
  case Alt::TemplateLiteralType: {
    auto *c = static_cast<P::TemplateLiteralTypeContext *>(ctx);
    TemplateLiteralType *node = make<TemplateLiteralType>(at);
    SmallVector<StringRef, 4> quasis;
    auto part = [&](antlr4::Token *token, bool isTail) {
      StringRef spelled = textOf(token).drop_front();
      if (!isTail)
        spelled = spelled.drop_back(2);
      else if (spelled.ends_with("`"))
        spelled = spelled.drop_back();
      quasis.push_back(spelled);
    };
    if (c->head)
      part(c->head, false);
    for (antlr4::Token *middle : c->middles)
      part(middle, false);
    if (c->tail && !asToken(c->tail)->isVirtual() &&
        !asToken(c->tail)->isConjured())
      part(c->tail, true);
    else
      quasis.push_back("");
    SmallVector<TypeNode *, 4> types;
    for (P::TypeContext *typeCtx : c->types)
      if (TypeNode *t = type(typeCtx))
        types.push_back(t);
    node->quasis = list(quasis);
    node->types = list(types);
    return node;
  }
  case Alt::KeywordType: {
    KeywordType *node = make<KeywordType>(at);
    node->keyword =
        kindOf(static_cast<P::KeywordTypeContext *>(ctx)->keyword) == tok::Void
            ? TypeKeyword::Void
            : TypeKeyword::This;
    return node;
  }
  case Alt::ImportType: {
    auto *c = static_cast<P::ImportTypeContext *>(ctx);
    return importType(c->importType, at, c->typeArgs);
  }
  default:
    return nullptr;
  }
}

/// A node more than MaxTreeDepth levels below \p root, or null.
static const Node *findTooDeep(const Node *root) {
  std::vector<std::pair<const Node *, unsigned>> stack = {{root, 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > MaxTreeDepth)
      return node;
    forEachChild(node, [&, depth = depth](const Node *child) {
      stack.emplace_back(child, depth + 1);
    });
  }
  return nullptr;
}

void abv::ts::buildStatements(TypeScriptParser::SourceFileContext *tree,
                              StringRef text, ParserTokenStream &stream,
                              SourceFile &file, std::vector<Stmt *> &out,
                              std::vector<SyntaxProblem> &problems) {
  if (!tree)
    return;
  Builder builder(text, stream, file, problems);
  for (P::StatementContext *ctx : tree->statements) {
    size_t before = builder.getNodesMade();
    Stmt *stmt = builder.statement(ctx);
    if (!stmt)
      continue;
    // Chains (`a.b.b...`, `a + a + ...`) are loops in the parser, so only
    // the tree shows how deep they go. A tree has at least as many nodes
    // as levels: small statements need no look.
    if (builder.getNodesMade() - before > MaxTreeDepth)
      if (const Node *deep = findTooDeep(stmt)) {
        SyntaxProblem &problem = problems.emplace_back();
        problem.id = DiagID::TSNestingTooDeep;
        problem.range = SMRange(deep->getLoc(), deep->getLoc());
        problem.args.push_back("operators, calls and member accesses");
        problem.args.push_back(std::to_string(MaxTreeDepth));
        continue;
      }
    out.push_back(stmt);
  }
}
