//===- LogicLowering.cpp - TypeScript syntax trees to the logic IR --------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One FunctionLowering per function: a first walk collects the function's
/// symbol table (`const x = init`, `x.key = value` assignments, the
/// transaction clients of `$transaction(async (tx) => ...)`, the names that
/// hold the actor's id), a second walk lowers calls, returns, throws and
/// comparisons. Nested functions (arrows passed to `map`, `$transaction`,
/// `Promise.all`) belong to the function they are written in, except that
/// their `return`s are not the function's.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/Logic/LogicLowering.h"
#include "abv/Frontend/TypeScript/TSAST.h"
#include "abv/Frontend/TypeScript/TSWalker.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace abv;
using namespace abv::logic;
using namespace llvm;

namespace {

/// Looks through parentheses, `as`, `satisfies`, `!`, `<T>x` and `await`.
const ts::Expr *unwrap(const ts::Expr *expr) {
  while (expr) {
    if (const auto *paren = dyn_cast<ts::ParenExpr>(expr))
      expr = paren->expr;
    else if (const auto *as = dyn_cast<ts::AsExpr>(expr))
      expr = as->expr;
    else if (const auto *sat = dyn_cast<ts::SatisfiesExpr>(expr))
      expr = sat->expr;
    else if (const auto *nonNull = dyn_cast<ts::NonNullExpr>(expr))
      expr = nonNull->expr;
    else if (const auto *cast = dyn_cast<ts::TypeAssertionExpr>(expr))
      expr = cast->expr;
    else if (const auto *await = dyn_cast<ts::AwaitExpr>(expr))
      expr = await->expr;
    else
      break;
  }
  return expr;
}

StringRef textOf(const ts::Node *node) {
  return node ? node->getSourceText() : StringRef();
}

/// The kind of the functions of file \p path, by its folders.
FunctionKind classifyFile(StringRef path, bool &isController) {
  SmallVector<StringRef, 16> parts;
  for (auto it = sys::path::begin(path), end = sys::path::end(path); it != end;
       ++it)
    parts.push_back(*it);
  isController = false;
  bool inTest = false, inFeatures = false;
  FunctionKind kind = FunctionKind::Other;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    StringRef part = parts[i];
    if (part == "providers")
      kind = (i + 2 < parts.size() && parts[i + 1] == "authorize")
                 ? FunctionKind::Authorizer
                 : FunctionKind::Provider;
    else if (part == "collectors")
      kind = FunctionKind::Collector;
    else if (part == "transformers")
      kind = FunctionKind::Transformer;
    else if (part == "controllers")
      isController = true;
    else if (part == "test")
      inTest = true;
    else if (part == "features" && inTest)
      inFeatures = true;
  }
  if (inTest && kind == FunctionKind::Other)
    kind = inFeatures ? FunctionKind::Test : FunctionKind::TestHelper;
  return kind;
}

/// The value a function returns: an arrow's expression body, or the value
/// of the last `return` among a block body's statements.
const ts::Expr *getReturnedValue(const ts::Node *fnNode) {
  const ts::Node *body = nullptr;
  if (const auto *arrow = dyn_cast_or_null<ts::ArrowFunction>(fnNode))
    body = arrow->body;
  else if (const auto *fnExpr = dyn_cast_or_null<ts::FunctionExpr>(fnNode))
    body = fnExpr->body;
  if (const auto *expr = dyn_cast_or_null<ts::Expr>(body))
    return unwrap(expr);
  const auto *block = dyn_cast_or_null<ts::BlockStmt>(body);
  if (!block)
    return nullptr;
  for (const ts::Stmt *stmt : llvm::reverse(block->body))
    if (const auto *ret = dyn_cast<ts::ReturnStmt>(stmt))
      return unwrap(ret->value);
  return nullptr;
}

/// What each element of an array built by mapping is: the value the
/// mapping function of `xs.map(f)`, `ArrayUtil.asyncMap(xs, f)` or
/// `Promise.all(<one of those>)` returns; null for any other value.
const ts::Expr *getMappedElement(const ts::Expr *value, unsigned depth = 0) {
  const auto *call = dyn_cast_or_null<ts::CallExpr>(unwrap(value));
  if (!call || depth > 4)
    return nullptr;
  SmallVector<StringRef, 4> chain = ts::getMemberChain(call->callee);
  if (chain.size() == 2 && chain[0] == "Promise" && chain[1] == "all" &&
      call->args.size() == 1)
    return getMappedElement(call->args[0], depth + 1);
  if (chain.size() < 2)
    return nullptr;
  if (chain.back() == "map" && call->args.size() == 1)
    return getReturnedValue(call->args[0]);
  if ((chain.back() == "asyncMap" || chain.back() == "map") &&
      call->args.size() == 2)
    return getReturnedValue(call->args[1]);
  return nullptr;
}

/// The callee of a call as written (`Transformer.transform`), or empty.
StringRef getCalleeText(const ts::Expr *expr) {
  const auto *call = dyn_cast_or_null<ts::CallExpr>(unwrap(expr));
  if (!call || ts::getMemberChain(call->callee).empty())
    return StringRef();
  return call->callee->getSourceText();
}

/// Whether a parameter type names an actor payload (`MemberPayload`).
bool isPayloadType(StringRef type) {
  return type.ends_with("Payload") && !type.contains('{');
}

/// Reads the HTTP status of a NestJS built-in exception class.
std::optional<unsigned> getBuiltinStatus(StringRef className) {
  return StringSwitch<std::optional<unsigned>>(className)
      .Case("BadRequestException", 400)
      .Case("UnauthorizedException", 401)
      .Case("ForbiddenException", 403)
      .Case("NotFoundException", 404)
      .Case("ConflictException", 409)
      .Case("GoneException", 410)
      .Case("UnprocessableEntityException", 422)
      .Case("InternalServerErrorException", 500)
      .Case("NotImplementedException", 501)
      .Default(std::nullopt);
}

/// Splits `Prisma.<table><Shape>` into its table and shape.
bool splitPrismaType(StringRef name, StringRef &table, PrismaShape &shape) {
  if (!name.consume_front("Prisma."))
    return false;
  static const std::pair<StringRef, PrismaShape> suffixes[] = {
      {"UncheckedCreateInput", PrismaShape::CreateInput},
      {"CreateInput", PrismaShape::CreateInput},
      {"UncheckedUpdateInput", PrismaShape::UpdateInput},
      {"UpdateInput", PrismaShape::UpdateInput},
      {"WhereUniqueInput", PrismaShape::WhereInput},
      {"WhereInput", PrismaShape::WhereInput},
      {"OrderByWithRelationInput", PrismaShape::OrderBy},
      {"OrderByWithRelationAndSearchRelevanceInput", PrismaShape::OrderBy},
      {"FindManyArgs", PrismaShape::Args},
      {"FindFirstArgs", PrismaShape::Args},
      {"FindUniqueArgs", PrismaShape::Args},
      {"DefaultArgs", PrismaShape::Args},
      {"Select", PrismaShape::Select},
      {"Include", PrismaShape::Include},
  };
  for (const auto &[suffix, kind] : suffixes)
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      table = name.drop_back(suffix.size());
      shape = kind;
      return true;
    }
  return false;
}

class FunctionLowering {
public:
  FunctionLowering(Module &module, Function &fn, const ts::SourceFile &file)
      : module(module), fn(fn), file(file) {}

  void lower(const ts::FunctionSignature &sig, const ts::Node *body);

private:
  void lowerParams(const ts::FunctionSignature &sig);
  void collectSymbols(const ts::Node *body);
  /// Fills fn.testedMembers from the body's `if` conditions.
  void collectTestedMembers(const ts::Node *body);
  void findBodyFlow(const ts::Node *body);
  void visit(const ts::Node *node, unsigned nestedFunctions);
  void lowerCall(const ts::CallExpr *call);
  void lowerReturn(const ts::ReturnStmt *ret);
  void lowerThrow(const ts::ThrowStmt *stmt);
  void lowerComparison(const ts::BinaryExpr *binary);
  void lowerTyped(const ts::TypeNode *type, const ts::Expr *value);

  /// The object literal \p expr is or names, as an ArgObject; null when it
  /// is none.
  ArgObject *buildObject(const ts::Expr *expr, unsigned depth = 0);
  void addEntries(ArgObject &object, const ts::Expr *expr, unsigned depth);
  void addEntry(ArgObject &object, Name key, const ts::Expr *value,
                unsigned depth);
  /// Whether a member chain denotes the actor's id (`props.member.id`,
  /// `member.id`, or a name holding it).
  bool isActorId(ArrayRef<StringRef> chain) const;
  const ts::Expr *lookup(StringRef name) const {
    auto it = symbols.find(name);
    return it == symbols.end() ? nullptr : it->second;
  }

  Module &module;
  Function &fn;
  const ts::SourceFile &file;
  /// `const name = init` (the last one when a name is declared twice).
  StringMap<const ts::Expr *> symbols;
  /// The local each call's result is assigned to (`const x = await f()`).
  DenseMap<const ts::CallExpr *, StringRef> resultNames;
  /// `name.key = value`, per name.
  StringMap<SmallVector<std::pair<Name, const ts::Expr *>, 2>> assignments;
  /// Names bound to the actor payload, or to its id.
  StringSet<> actorNames, actorIdNames;
  /// Transaction clients (`tx` of `$transaction(async (tx) => ...)`).
  StringSet<> txNames;
  unsigned transactionDepth = 0;
};

void FunctionLowering::lowerParams(const ts::FunctionSignature &sig) {
  auto addParam = [&](const ts::Node *name, const ts::TypeNode *type,
                      SMRange range) {
    Param param;
    if (const auto *id = dyn_cast_or_null<ts::Identifier>(name))
      param.name = {id->name, id->getRange()};
    else if (name)
      param.name = {name->getSourceText(), name->getRange()};
    param.typeText = textOf(type);
    param.range = range;
    StringRef paramName = param.name.text;
    if (isPayloadType(param.typeText))
      param.role = Param::Role::Actor;
    else if (paramName == "body")
      param.role = Param::Role::Body;
    else if (param.typeText.contains("IConnection"))
      param.role = Param::Role::Connection;
    else if (param.typeText.contains("tags.Format") ||
             (paramName.size() > 2 && paramName.ends_with("Id")) ||
             paramName == "id")
      param.role = Param::Role::PathParam;
    if (param.role == Param::Role::Actor)
      actorNames.insert(paramName);
    fn.params.push_back(param);
  };
  // AutoBe's providers take one `props: { ... }` object.
  if (sig.params.size() == 1 && sig.params[0]->type &&
      isa<ts::TypeLiteral>(sig.params[0]->type)) {
    for (const ts::Node *member :
         cast<ts::TypeLiteral>(sig.params[0]->type)->members)
      if (const auto *prop = dyn_cast<ts::PropertySignature>(member))
        addParam(prop->name, prop->type, prop->getRange());
    return;
  }
  for (const ts::Parameter *param : sig.params)
    addParam(param->name, param->type, param->getRange());
}

void FunctionLowering::lower(const ts::FunctionSignature &sig,
                             const ts::Node *body) {
  lowerParams(sig);
  fn.returnType = textOf(sig.returnType);
  if (!body) {
    fn.emptyBody = true;
    return;
  }
  fn.bodyRange = body->getRange();
  if (const auto *block = dyn_cast<ts::BlockStmt>(body))
    fn.emptyBody = llvm::all_of(block->body, [](const ts::Stmt *stmt) {
      return isa<ts::EmptyStmt>(stmt);
    });
  collectSymbols(body);
  findBodyFlow(body);
  visit(body, 0);
  collectTestedMembers(body);
  for (const ts::CommentRange &comment : file.getCommentsIn(fn.bodyRange))
    fn.comments.push_back({comment.range, comment.getText()});
  llvm::sort(fn.namesUsed);
  fn.namesUsed.erase(std::unique(fn.namesUsed.begin(), fn.namesUsed.end()),
                     fn.namesUsed.end());
}

void FunctionLowering::collectTestedMembers(const ts::Node *body) {
  ts::walk<ts::IfStmt>(body, [&](const ts::IfStmt *stmt) {
    ts::walk<ts::MemberExpr>(stmt->cond, [&](const ts::MemberExpr *member) {
      SmallVector<StringRef, 4> chain = ts::getMemberChain(member);
      if (chain.size() == 2)
        fn.testedMembers.emplace_back(chain[0], chain[1]);
    });
  });
  llvm::sort(fn.testedMembers);
  fn.testedMembers.erase(
      std::unique(fn.testedMembers.begin(), fn.testedMembers.end()),
      fn.testedMembers.end());
}

void FunctionLowering::collectSymbols(const ts::Node *body) {
  ts::walk(body, [&](const ts::Node *node) {
    if (const auto *decl = dyn_cast<ts::VarDecl>(node)) {
      if (const auto *id = dyn_cast_or_null<ts::Identifier>(decl->name)) {
        if (decl->init) {
          symbols[id->name] = decl->init;
          if (const auto *call =
                  dyn_cast_or_null<ts::CallExpr>(unwrap(decl->init)))
            resultNames[call] = id->name;
          SmallVector<StringRef, 4> chain =
              ts::getMemberChain(unwrap(decl->init));
          if (isActorId(chain))
            actorIdNames.insert(id->name);
          else if (chain.size() >= 1 && actorNames.contains(chain.back()))
            actorNames.insert(id->name);
        }
      } else if (const auto *pattern =
                     dyn_cast_or_null<ts::ObjectBindingPattern>(decl->name)) {
        // `const { member, body } = props;`
        for (const ts::BindingElement *element : pattern->elements) {
          const auto *local = dyn_cast_or_null<ts::Identifier>(element->name);
          if (!local)
            continue;
          StringRef key = local->name;
          if (const auto *prop =
                  dyn_cast_or_null<ts::Identifier>(element->propertyName))
            key = prop->name;
          for (const Param &param : fn.params)
            if (param.name.text == key && param.role == Param::Role::Actor)
              actorNames.insert(local->name);
          if (key == "id" && decl->init &&
              actorNames.contains(
                  ts::getMemberChain(unwrap(decl->init)).empty()
                      ? StringRef()
                      : ts::getMemberChain(unwrap(decl->init)).back()))
            actorIdNames.insert(local->name);
        }
      }
    } else if (const auto *binary = dyn_cast<ts::BinaryExpr>(node)) {
      // `customer.id !== customerId`: the path parameter holds the actor's
      // id once the comparison has passed.
      if (binary->op == ts::BinaryOp::StrictNotEqual ||
          binary->op == ts::BinaryOp::NotEqual ||
          binary->op == ts::BinaryOp::StrictEqual ||
          binary->op == ts::BinaryOp::Equal) {
        SmallVector<StringRef, 4> lhs = ts::getMemberChain(unwrap(binary->lhs));
        SmallVector<StringRef, 4> rhs = ts::getMemberChain(unwrap(binary->rhs));
        auto isParam = [&](ArrayRef<StringRef> chain) {
          if (chain.empty() || chain.size() > 2)
            return false;
          return llvm::any_of(fn.params, [&](const Param &param) {
            return param.role == Param::Role::PathParam &&
                   param.name.text == chain.back();
          });
        };
        if (isActorId(lhs) && isParam(rhs))
          actorIdNames.insert(rhs.back());
        else if (isActorId(rhs) && isParam(lhs))
          actorIdNames.insert(lhs.back());
      }
      if (binary->op == ts::BinaryOp::Assign)
        if (const auto *member = dyn_cast_or_null<ts::MemberExpr>(binary->lhs))
          if (const auto *object =
                  dyn_cast_or_null<ts::Identifier>(member->object))
            if (const auto *key =
                    dyn_cast_or_null<ts::Identifier>(member->name))
              assignments[object->name].push_back(
                  {Name{key->name, key->getRange()}, binary->rhs});
    } else if (const auto *call = dyn_cast<ts::CallExpr>(node)) {
      SmallVector<StringRef, 4> chain = ts::getMemberChain(call->callee);
      if (!chain.empty() && chain.back() == "$transaction")
        for (const ts::Expr *arg : call->args)
          if (const auto *arrow = dyn_cast<ts::ArrowFunction>(arg))
            if (!arrow->sig.params.empty())
              if (const auto *id = dyn_cast_or_null<ts::Identifier>(
                      arrow->sig.params[0]->name))
                txNames.insert(id->name);
    }
    return ts::WalkResult::Advance;
  });
}

void FunctionLowering::findBodyFlow(const ts::Node *body) {
  const Param *bodyParam = fn.getBody();
  if (!bodyParam)
    return;
  // The body's own name and the locals computed from it.
  StringSet<> names;
  names.insert(bodyParam->name.text);
  auto mentions = [&](const ts::Node *node) {
    return ts::walk(node, [&](const ts::Node *inner) {
             if (const auto *id = dyn_cast<ts::Identifier>(inner))
               if (names.contains(id->name))
                 return ts::WalkResult::Interrupt;
             return ts::WalkResult::Advance;
           }) == ts::WalkResult::Interrupt;
  };
  for (unsigned round = 0; round < 4; ++round) {
    size_t before = names.size();
    ts::walk<ts::VarDecl>(body, [&](const ts::VarDecl *decl) {
      if (!decl->init || !mentions(decl->init))
        return ts::WalkResult::Advance;
      if (const auto *id = dyn_cast_or_null<ts::Identifier>(decl->name))
        names.insert(id->name);
      else if (const auto *pattern =
                   dyn_cast_or_null<ts::ObjectBindingPattern>(decl->name))
        for (const ts::BindingElement *element : pattern->elements)
          if (const auto *local =
                  dyn_cast_or_null<ts::Identifier>(element->name))
            names.insert(local->name);
      return ts::WalkResult::Advance;
    });
    // `data.title = body.title`, `where["title"] = ...`, `x = body.title`:
    // the object (or name) assigned to holds the body's value.
    ts::walk<ts::BinaryExpr>(body, [&](const ts::BinaryExpr *assign) {
      if (assign->op != ts::BinaryOp::Assign || !mentions(assign->rhs))
        return;
      const ts::Expr *target = unwrap(assign->lhs);
      while (target) {
        if (const auto *member = dyn_cast<ts::MemberExpr>(target))
          target = unwrap(member->object);
        else if (const auto *element = dyn_cast<ts::ElementAccessExpr>(target))
          target = unwrap(element->object);
        else
          break;
      }
      if (const auto *id = dyn_cast_or_null<ts::Identifier>(target))
        names.insert(id->name);
    });
    if (names.size() == before)
      break;
  }
  ts::walk<ts::CallExpr>(body, [&](const ts::CallExpr *call) {
    SmallVector<StringRef, 4> chain = ts::getMemberChain(call->callee);
    if (!chain.empty() && (chain[0] == "typia" || chain[0] == "console"))
      return ts::WalkResult::Advance;
    bool reaches = mentions(call->callee) ||
                   llvm::any_of(call->args, [&](const ts::Expr *arg) {
                     return mentions(arg);
                   });
    if (!reaches)
      return ts::WalkResult::Advance;
    fn.bodyReachesCall = true;
    return ts::WalkResult::Interrupt;
  });
}

bool FunctionLowering::isActorId(ArrayRef<StringRef> chain) const {
  if (chain.size() == 1)
    return actorIdNames.contains(chain[0]);
  // `props.customerId`, a parameter compared with the actor's id.
  if (chain.size() == 2 && !actorNames.contains(chain[0]) &&
      actorIdNames.contains(chain.back()))
    return true;
  if (chain.size() >= 2 && chain.back() == "id")
    return actorNames.contains(chain[chain.size() - 2]);
  return false;
}

void FunctionLowering::visit(const ts::Node *node, unsigned nestedFunctions) {
  if (!node)
    return;
  bool isFunction = isa<ts::ArrowFunction, ts::FunctionExpr, ts::FunctionDecl,
                        ts::MethodDecl>(node);
  if (const auto *id = dyn_cast<ts::Identifier>(node))
    fn.namesUsed.push_back(id->name);
  else if (const auto *member = dyn_cast<ts::MemberExpr>(node))
    fn.namesUsed.push_back(member->getName());
  else if (const auto *call = dyn_cast<ts::CallExpr>(node))
    lowerCall(call);
  else if (const auto *ret = dyn_cast<ts::ReturnStmt>(node)) {
    if (nestedFunctions == 0)
      lowerReturn(ret);
  } else if (const auto *stmt = dyn_cast<ts::ThrowStmt>(node))
    lowerThrow(stmt);
  else if (const auto *binary = dyn_cast<ts::BinaryExpr>(node))
    lowerComparison(binary);
  else if (const auto *sat = dyn_cast<ts::SatisfiesExpr>(node))
    lowerTyped(sat->type, sat->expr);
  else if (const auto *decl = dyn_cast<ts::VarDecl>(node)) {
    if (decl->type && decl->init)
      lowerTyped(decl->type, decl->init);
  }
  bool isTransaction = false;
  if (const auto *call = dyn_cast<ts::CallExpr>(node)) {
    SmallVector<StringRef, 4> chain = ts::getMemberChain(call->callee);
    isTransaction = !chain.empty() && chain.back() == "$transaction";
  }
  transactionDepth += isTransaction;
  ts::forEachChild(node, [&](const ts::Node *child) {
    visit(child, nestedFunctions + isFunction);
  });
  transactionDepth -= isTransaction;
}

void FunctionLowering::lowerTyped(const ts::TypeNode *type,
                                  const ts::Expr *value) {
  const auto *ref = dyn_cast_or_null<ts::TypeReference>(type);
  if (!ref || ref->names.size() != 2)
    return;
  StringRef table;
  PrismaShape shape;
  if (!splitPrismaType(ref->getName(), table, shape))
    return;
  const ts::Expr *inner = unwrap(value);
  if (!isa_and_nonnull<ts::ObjectLiteral>(inner))
    return;
  PrismaTyped typed;
  const ts::Identifier *typeName = ref->names[1];
  typed.type = {typeName->name, typeName->getRange()};
  typed.table = {table, SMRange(typeName->getRange().Start,
                                SMLoc::getFromPointer(
                                    typeName->getRange().Start.getPointer() +
                                    table.size()))};
  typed.shape = shape;
  typed.object = buildObject(inner);
  fn.prismaTyped.push_back(typed);
}

void FunctionLowering::lowerCall(const ts::CallExpr *call) {
  SmallVector<StringRef, 4> chain = ts::getMemberChain(call->callee);
  if (chain.empty())
    return;
  // Member names of the chain with their ranges, innermost last.
  SmallVector<const ts::Expr *, 8> links;
  for (const ts::Expr *expr = call->callee; expr;) {
    expr = unwrap(expr);
    if (const auto *member = dyn_cast<ts::MemberExpr>(expr)) {
      links.push_back(member->name);
      expr = member->object;
    } else {
      links.push_back(expr);
      break;
    }
  }
  std::reverse(links.begin(), links.end());
  if (links.size() != chain.size())
    return;
  auto nameAt = [&](size_t i) { return Name{chain[i], links[i]->getRange()}; };

  // Prisma: [..., prisma, table, op] or [tx, table, op].
  size_t tableIndex = 0;
  bool isPrisma = false;
  if (chain.size() >= 3 && chain[chain.size() - 3] == "prisma") {
    isPrisma = true;
    tableIndex = chain.size() - 2;
  }
  if (!isPrisma && chain.size() == 3 && txNames.contains(chain[0])) {
    isPrisma = true;
    tableIndex = 1;
  }
  if (isPrisma && !chain[tableIndex].starts_with("$") &&
      !chain[tableIndex + 1].starts_with("$")) {
    PrismaCall pc;
    pc.table = nameAt(tableIndex);
    pc.op = nameAt(tableIndex + 1);
    pc.kind = getPrismaOp(pc.op.text);
    pc.range = call->getRange();
    pc.inTransaction = transactionDepth > 0 || tableIndex == 1;
    pc.resultName = resultNames.lookup(call);
    if (!call->args.empty())
      pc.args = buildObject(call->args[0]);
    fn.prismaCalls.push_back(pc);
    return;
  }

  // SDK: api.functional.<accessor...>(connection, props).
  if (chain.size() >= 3 && chain[0] == "api" && chain[1] == "functional") {
    SDKCall sdk;
    for (size_t i = 2; i < chain.size(); ++i)
      sdk.accessor.push_back(nameAt(i));
    sdk.range = call->getRange();
    sdk.calleeRange = call->callee->getRange();
    sdk.numArgs = call->args.size();
    if (call->args.size() >= 2)
      sdk.props = buildObject(call->args[1]);
    fn.sdkCalls.push_back(std::move(sdk));
    return;
  }

  // typia.<fn><T>(...) and typia.<module>.<fn><T>(...).
  if (chain[0] == "typia" && chain.size() >= 2) {
    TypiaCall typia;
    typia.range = call->getRange();
    typia.function = chain.back();
    if (!call->typeArgs.empty())
      typia.typeText = textOf(call->typeArgs[0]);
    fn.typiaCalls.push_back(typia);
    return;
  }

  // Calls of project functions: `name(...)` and `NS.name(...)`.
  if (chain.size() == 1)
    fn.calls.push_back(nameAt(0));
  else if (chain.size() == 2 && !chain[0].empty() &&
           isUpper(chain[0].front())) {
    SMRange range(links[0]->getRange().Start, links[1]->getRange().End);
    const char *start = range.Start.getPointer();
    fn.calls.push_back(
        Name{StringRef(start, range.End.getPointer() - start), range});
  }
}

void FunctionLowering::lowerReturn(const ts::ReturnStmt *ret) {
  if (!ret->value)
    return;
  Return result;
  result.range = ret->getRange();
  const ts::Expr *value = unwrap(ret->value);
  if (const auto *call = dyn_cast<ts::CallExpr>(value)) {
    SmallVector<StringRef, 4> chain = ts::getMemberChain(call->callee);
    result.kind =
        (chain.size() == 2 && chain[0] == "typia" && chain[1] == "random")
            ? Return::Kind::TypiaRandom
            : Return::Kind::Call;
    result.callee = getCalleeText(call);
  } else if (ArgObject *object = buildObject(value)) {
    result.kind = Return::Kind::Object;
    result.object = object;
  } else if (const auto *id = dyn_cast<ts::Identifier>(value)) {
    result.callee = getCalleeText(lookup(id->name));
  }
  fn.returns.push_back(result);
}

void FunctionLowering::lowerThrow(const ts::ThrowStmt *stmt) {
  Throw result;
  result.range = stmt->getRange();
  if (const auto *newExpr = dyn_cast_or_null<ts::NewExpr>(unwrap(stmt->value)))
    if (const auto *callee =
            dyn_cast_or_null<ts::Identifier>(newExpr->callee)) {
      result.className = callee->name;
      auto stringArg = [&](size_t i) -> std::optional<std::string> {
        if (i >= newExpr->args.size())
          return std::nullopt;
        if (const auto *str = dyn_cast<ts::StringLiteral>(newExpr->args[i]))
          return str->getValue();
        if (const auto *tpl = dyn_cast<ts::TemplateLiteral>(newExpr->args[i]))
          return tpl->quasis.empty() ? std::string()
                                     : tpl->quasis.front().str();
        return std::nullopt;
      };
      if (callee->name == "Error" || callee->name == "TypeError") {
        result.kind = Throw::Kind::Error;
        result.message = stringArg(0).value_or("");
      } else if (callee->name == "HttpException") {
        result.kind = Throw::Kind::HttpException;
        result.message = stringArg(0).value_or("");
        if (newExpr->args.size() >= 2)
          if (const auto *num = dyn_cast<ts::NumberLiteral>(newExpr->args[1]))
            if (std::optional<double> value = num->getValue())
              result.status = unsigned(*value);
      } else if (std::optional<unsigned> status =
                     getBuiltinStatus(callee->name)) {
        result.kind = Throw::Kind::HttpException;
        result.status = status;
        result.message = stringArg(0).value_or("");
      }
    }
  fn.throws.push_back(std::move(result));
}

void FunctionLowering::lowerComparison(const ts::BinaryExpr *binary) {
  switch (binary->op) {
  case ts::BinaryOp::StrictEqual:
  case ts::BinaryOp::StrictNotEqual:
  case ts::BinaryOp::Equal:
  case ts::BinaryOp::NotEqual:
    break;
  default:
    return;
  }
  SmallVector<StringRef, 4> lhs = ts::getMemberChain(unwrap(binary->lhs));
  SmallVector<StringRef, 4> rhs = ts::getMemberChain(unwrap(binary->rhs));
  const ts::Expr *other = nullptr;
  SmallVector<StringRef, 4> *column = nullptr;
  StringRef actor;
  if (isActorId(rhs) && lhs.size() >= 2) {
    other = unwrap(binary->lhs);
    column = &lhs;
    actor = rhs.size() >= 2 ? rhs[rhs.size() - 2] : rhs[0];
  } else if (isActorId(lhs) && rhs.size() >= 2) {
    other = unwrap(binary->rhs);
    column = &rhs;
    actor = lhs.size() >= 2 ? lhs[lhs.size() - 2] : lhs[0];
  }
  if (!other)
    return;
  const auto *member = dyn_cast<ts::MemberExpr>(other);
  if (!member)
    return;
  fn.ownerChecks.push_back({binary->getRange(),
                            Name{column->back(), member->name->getRange()},
                            actor});
}

ArgObject *FunctionLowering::buildObject(const ts::Expr *expr, unsigned depth) {
  expr = unwrap(expr);
  if (!expr || depth > 16)
    return nullptr;
  if (const auto *id = dyn_cast<ts::Identifier>(expr)) {
    const ts::Expr *init = lookup(id->name);
    if (!init || !isa<ts::ObjectLiteral>(unwrap(init)))
      return nullptr;
    ArgObject *object = buildObject(init, depth + 1);
    if (object) {
      auto it = assignments.find(id->name);
      if (it != assignments.end())
        for (const auto &[key, value] : it->second)
          addEntry(*object, key, value, depth + 1);
    }
    return object;
  }
  if (!isa<ts::ObjectLiteral>(expr))
    return nullptr;
  ArgObject *object = module.createObject();
  object->range = expr->getRange();
  addEntries(*object, expr, depth);
  return object;
}

void FunctionLowering::addEntries(ArgObject &object, const ts::Expr *expr,
                                  unsigned depth) {
  expr = unwrap(expr);
  if (!expr || depth > 16) {
    object.hasUnknownKeys = true;
    return;
  }
  if (const auto *id = dyn_cast<ts::Identifier>(expr)) {
    const ts::Expr *init = lookup(id->name);
    if (init && isa<ts::ObjectLiteral>(unwrap(init))) {
      addEntries(object, init, depth + 1);
      auto it = assignments.find(id->name);
      if (it != assignments.end())
        for (const auto &[key, value] : it->second)
          addEntry(object, key, value, depth + 1);
      return;
    }
  } else if (const auto *cond = dyn_cast<ts::ConditionalExpr>(expr)) {
    addEntries(object, cond->thenExpr, depth + 1);
    addEntries(object, cond->elseExpr, depth + 1);
    return;
  } else if (const auto *binary = dyn_cast<ts::BinaryExpr>(expr)) {
    // `...(cond && { key })`, `...(x ?? {})`.
    if (binary->op == ts::BinaryOp::LogicalAnd) {
      addEntries(object, binary->rhs, depth + 1);
      return;
    }
    if (binary->op == ts::BinaryOp::LogicalOr ||
        binary->op == ts::BinaryOp::Nullish) {
      addEntries(object, binary->lhs, depth + 1);
      addEntries(object, binary->rhs, depth + 1);
      return;
    }
  } else if (const auto *literal = dyn_cast<ts::ObjectLiteral>(expr)) {
    for (const ts::Node *prop : literal->properties) {
      if (const auto *assign = dyn_cast<ts::PropertyAssignment>(prop)) {
        std::optional<std::string> key = ts::getPropertyNameText(assign->name);
        if (!key || isa<ts::ComputedPropertyName>(assign->name)) {
          object.hasUnknownKeys = true;
          continue;
        }
        // Key names point into the buffer: spell them from the source.
        StringRef spelled = assign->name->getSourceText();
        if (isa<ts::StringLiteral>(assign->name) && spelled.size() >= 2)
          spelled = spelled.drop_front().drop_back();
        addEntry(object, Name{spelled, assign->name->getRange()}, assign->value,
                 depth);
      } else if (const auto *shorthand =
                     dyn_cast<ts::ShorthandProperty>(prop)) {
        addEntry(object,
                 Name{shorthand->name->name, shorthand->name->getRange()},
                 shorthand->name, depth);
      } else if (const auto *spread = dyn_cast<ts::SpreadElement>(prop)) {
        addEntries(object, spread->expr, depth + 1);
      }
    }
    return;
  } else if (isa<ts::NullLiteral>(expr) ||
             (isa<ts::Identifier>(expr) &&
              cast<ts::Identifier>(expr)->name == "undefined")) {
    return;
  }
  object.hasUnknownKeys = true;
  object.unknownSpreads.push_back(expr->getSourceText());
}

void FunctionLowering::addEntry(ArgObject &object, Name key,
                                const ts::Expr *value, unsigned depth) {
  ArgEntry entry;
  entry.key = key;
  const ts::Expr *inner = unwrap(value);
  if (!inner)
    return;
  entry.valueRange = inner->getRange();
  entry.valueText = inner->getSourceText();
  entry.valueChain = ts::getMemberChain(inner);
  if (isa<ts::NullLiteral>(inner))
    entry.valueKind = ArgEntry::ValueKind::Null;
  else if (isa<ts::StringLiteral, ts::NumberLiteral, ts::BooleanLiteral,
               ts::TemplateLiteral>(inner))
    entry.valueKind = ArgEntry::ValueKind::Literal;
  else if (const auto *array = dyn_cast<ts::ArrayLiteral>(inner)) {
    entry.valueKind = ArgEntry::ValueKind::Array;
    // The keys of every object element, as one object.
    ArgObject *merged = nullptr;
    for (const ts::Expr *element : array->elements)
      if (isa_and_nonnull<ts::ObjectLiteral>(unwrap(element))) {
        if (!merged) {
          merged = module.createObject();
          merged->range = element->getRange();
        }
        addEntries(*merged, element, depth + 1);
      }
    entry.nested = merged;
  } else if (const ts::Expr *element = getMappedElement(inner)) {
    if (isa<ts::ObjectLiteral>(element) || isa<ts::Identifier>(element))
      entry.element = buildObject(element, depth + 1);
    else
      entry.elementCallee = getCalleeText(element);
  } else if (ArgObject *nested = buildObject(inner, depth + 1)) {
    entry.valueKind = ArgEntry::ValueKind::Object;
    entry.nested = nested;
  } else if (const auto *cond = dyn_cast<ts::ConditionalExpr>(inner)) {
    // `key: cond ? { ... } : undefined`.
    ArgObject *merged = module.createObject();
    merged->range = cond->getRange();
    addEntries(*merged, cond, depth + 1);
    if (!merged->entries.empty()) {
      entry.valueKind = ArgEntry::ValueKind::Object;
      entry.nested = merged;
    }
  }
  if (isActorId(entry.valueChain) &&
      llvm::none_of(fn.ownerChecks, [&](const OwnerCheck &check) {
        return check.range.Start == key.range.Start;
      }))
    fn.ownerChecks.push_back(
        {key.range, key,
         entry.valueChain.size() >= 2
             ? entry.valueChain[entry.valueChain.size() - 2]
             : entry.valueChain[0]});
  object.entries.push_back(std::move(entry));
}

/// Lowers the functions of one file.
class FileLowering {
public:
  FileLowering(const ts::SourceFile &file, Module &module)
      : file(file), module(module) {
    kind = classifyFile(file.getName(), isController);
  }

  void lower() {
    for (const ts::Stmt *stmt : file.getStatements())
      lowerStatement(stmt, StringRef());
  }

private:
  void lowerStatement(const ts::Stmt *stmt, StringRef namespaceName);
  void addFunction(const ts::Identifier *name, StringRef namespaceName,
                   SMRange range, const ts::FunctionSignature &sig,
                   const ts::Node *body);
  void lowerController(const ts::ClassDecl *decl);

  const ts::SourceFile &file;
  Module &module;
  FunctionKind kind;
  bool isController = false;
};

void FileLowering::addFunction(const ts::Identifier *name,
                               StringRef namespaceName, SMRange range,
                               const ts::FunctionSignature &sig,
                               const ts::Node *body) {
  auto fn = std::make_unique<Function>();
  if (name)
    fn->name = {name->name, name->getRange()};
  fn->namespaceName = namespaceName;
  fn->range = range;
  fn->fileName = file.getName();
  fn->kind = kind;
  // Under test/features, only the `test_*` functions are tests.
  if (kind == FunctionKind::Test && !fn->name.text.starts_with("test_"))
    fn->kind = FunctionKind::TestHelper;
  FunctionLowering(module, *fn, file).lower(sig, body);
  module.functions.push_back(std::move(fn));
}

void FileLowering::lowerStatement(const ts::Stmt *stmt,
                                  StringRef namespaceName) {
  if (const auto *decl = dyn_cast<ts::FunctionDecl>(stmt)) {
    addFunction(decl->name, namespaceName, decl->getRange(), decl->sig,
                decl->body);
  } else if (const auto *ns = dyn_cast<ts::NamespaceDecl>(stmt)) {
    if (ns->names.size() == 1)
      for (const ts::Stmt *inner : ns->body)
        lowerStatement(inner, ns->names[0]->name);
  } else if (const auto *var = dyn_cast<ts::VarStmt>(stmt)) {
    for (const ts::VarDecl *decl : var->decls) {
      const auto *name = dyn_cast_or_null<ts::Identifier>(decl->name);
      const ts::Expr *init = unwrap(decl->init);
      if (!name || !init)
        continue;
      if (const auto *arrow = dyn_cast<ts::ArrowFunction>(init))
        addFunction(name, namespaceName, var->getRange(), arrow->sig,
                    arrow->body);
      else if (const auto *fnExpr = dyn_cast<ts::FunctionExpr>(init))
        addFunction(name, namespaceName, var->getRange(), fnExpr->sig,
                    fnExpr->body);
    }
  } else if (const auto *cls = dyn_cast<ts::ClassDecl>(stmt)) {
    if (isController)
      lowerController(cls);
  }
}

/// The string argument of decorator call `@Name("arg")`, and its callee
/// chain.
bool readDecorator(const ts::Decorator *decorator,
                   SmallVectorImpl<StringRef> &chain, std::string &arg) {
  const auto *call = dyn_cast_or_null<ts::CallExpr>(decorator->expr);
  if (!call)
    return false;
  chain = ts::getMemberChain(call->callee);
  arg.clear();
  if (!call->args.empty())
    if (const auto *str = dyn_cast<ts::StringLiteral>(call->args[0]))
      arg = str->getValue();
  return !chain.empty();
}

void FileLowering::lowerController(const ts::ClassDecl *decl) {
  std::string prefix;
  bool found = false;
  for (const ts::Decorator *decorator : decl->parts.decorators) {
    SmallVector<StringRef, 4> chain;
    std::string arg;
    if (readDecorator(decorator, chain, arg) && chain.back() == "Controller") {
      prefix = arg;
      found = true;
    }
  }
  if (!found)
    return;
  for (const ts::Node *member : decl->parts.members) {
    const auto *method = dyn_cast<ts::MethodDecl>(member);
    if (!method || !method->body)
      continue;
    for (const ts::Decorator *decorator : method->decorators) {
      SmallVector<StringRef, 4> chain;
      std::string arg;
      if (!readDecorator(decorator, chain, arg))
        continue;
      std::string verb = chain.back().lower();
      if (verb != "get" && verb != "post" && verb != "put" && verb != "patch" &&
          verb != "delete" && verb != "head")
        continue;
      Route route;
      route.method = StringSwitch<StringRef>(verb)
                         .Case("get", "get")
                         .Case("post", "post")
                         .Case("put", "put")
                         .Case("patch", "patch")
                         .Case("delete", "delete")
                         .Default("head");
      std::string path = "/" + StringRef(prefix).trim('/').str();
      StringRef sub = StringRef(arg).trim('/');
      if (!sub.empty())
        path += (path == "/" ? "" : "/") + sub.str();
      route.path = path;
      route.range = decorator->getRange();
      // The provider: the first plain call in the method's body.
      ts::walk<ts::CallExpr>(method->body, [&](const ts::CallExpr *call) {
        if (const auto *callee =
                dyn_cast_or_null<ts::Identifier>(call->callee)) {
          route.provider = {callee->name, callee->getRange()};
          return ts::WalkResult::Interrupt;
        }
        return ts::WalkResult::Advance;
      });
      module.routes.push_back(std::move(route));
    }
  }
}

} // namespace

void abv::lowerLogicFile(const ts::SourceFile &file, Module &module) {
  module.bufferIDs.push_back(file.getBufferID());
  FileLowering(file, module).lower();
}

std::unique_ptr<Module>
abv::lowerLogic(ArrayRef<std::shared_ptr<ts::SourceFile>> files) {
  auto module = std::make_unique<Module>();
  for (const std::shared_ptr<ts::SourceFile> &file : files)
    if (file)
      lowerLogicFile(*file, *module);
  return module;
}
