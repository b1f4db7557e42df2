//===- TSAST.cpp - ABV's TypeScript syntax tree ---------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Names and spellings of the tree's enums, the helpers of TSAST.h, and the
/// child lists the walker (TSWalker.h) follows.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/TypeScript/TSAST.h"
#include "abv/Frontend/TypeScript/TSWalker.h"

#include "abv/Basic/Unicode.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstdlib>

using namespace abv;
using namespace abv::ts;
using llvm::ArrayRef;
using llvm::StringRef;

StringRef abv::ts::getNodeKindName(NodeKind kind) {
  switch (kind) {
#define TS_NODE(Class, Name)                                                   \
  case NodeKind::Class:                                                        \
    return Name;
#include "abv/Frontend/TypeScript/TSNodes.def"
  }
  return "node";
}

std::string abv::ts::getModifierNames(Modifiers mods) {
  static const std::pair<Modifier, const char *> names[] = {
      {ModExport, "export"},
      {ModDefault, "default"},
      {ModDeclare, "declare"},
      {ModAbstract, "abstract"},
      {ModPublic, "public"},
      {ModPrivate, "private"},
      {ModProtected, "protected"},
      {ModStatic, "static"},
      {ModOverride, "override"},
      {ModReadonly, "readonly"},
      {ModAccessor, "accessor"},
      {ModConst, "const"},
      {ModIn, "in"},
      {ModAsync, "async"},
  };
  std::string result;
  for (auto [mod, name] : names) {
    if (!(mods & mod))
      continue;
    if (!result.empty())
      result += ' ';
    result += name;
  }
  return result;
}

StringRef abv::ts::getUnaryOpSpelling(UnaryOp op) {
  switch (op) {
  case UnaryOp::Plus:
    return "+";
  case UnaryOp::Minus:
    return "-";
  case UnaryOp::Not:
    return "!";
  case UnaryOp::BitNot:
    return "~";
  case UnaryOp::PreIncrement:
  case UnaryOp::PostIncrement:
    return "++";
  case UnaryOp::PreDecrement:
  case UnaryOp::PostDecrement:
    return "--";
  case UnaryOp::Typeof:
    return "typeof";
  case UnaryOp::Void:
    return "void";
  case UnaryOp::Delete:
    return "delete";
  }
  return "?";
}

StringRef abv::ts::getBinaryOpSpelling(BinaryOp op) {
  switch (op) {
  case BinaryOp::Comma:
    return ",";
  case BinaryOp::Assign:
    return "=";
  case BinaryOp::AddAssign:
    return "+=";
  case BinaryOp::SubAssign:
    return "-=";
  case BinaryOp::MulAssign:
    return "*=";
  case BinaryOp::DivAssign:
    return "/=";
  case BinaryOp::RemAssign:
    return "%=";
  case BinaryOp::ExpAssign:
    return "**=";
  case BinaryOp::ShlAssign:
    return "<<=";
  case BinaryOp::ShrAssign:
    return ">>=";
  case BinaryOp::UShrAssign:
    return ">>>=";
  case BinaryOp::AndAssign:
    return "&=";
  case BinaryOp::OrAssign:
    return "|=";
  case BinaryOp::XorAssign:
    return "^=";
  case BinaryOp::LogicalAndAssign:
    return "&&=";
  case BinaryOp::LogicalOrAssign:
    return "||=";
  case BinaryOp::NullishAssign:
    return "?\?=";
  case BinaryOp::LogicalOr:
    return "||";
  case BinaryOp::LogicalAnd:
    return "&&";
  case BinaryOp::Nullish:
    return "??";
  case BinaryOp::BitOr:
    return "|";
  case BinaryOp::BitXor:
    return "^";
  case BinaryOp::BitAnd:
    return "&";
  case BinaryOp::Equal:
    return "==";
  case BinaryOp::NotEqual:
    return "!=";
  case BinaryOp::StrictEqual:
    return "===";
  case BinaryOp::StrictNotEqual:
    return "!==";
  case BinaryOp::Less:
    return "<";
  case BinaryOp::Greater:
    return ">";
  case BinaryOp::LessEqual:
    return "<=";
  case BinaryOp::GreaterEqual:
    return ">=";
  case BinaryOp::In:
    return "in";
  case BinaryOp::Instanceof:
    return "instanceof";
  case BinaryOp::Shl:
    return "<<";
  case BinaryOp::Shr:
    return ">>";
  case BinaryOp::UShr:
    return ">>>";
  case BinaryOp::Add:
    return "+";
  case BinaryOp::Sub:
    return "-";
  case BinaryOp::Mul:
    return "*";
  case BinaryOp::Div:
    return "/";
  case BinaryOp::Rem:
    return "%";
  case BinaryOp::Exp:
    return "**";
  }
  return "?";
}

bool abv::ts::isAssignmentOp(BinaryOp op) {
  return op >= BinaryOp::Assign && op <= BinaryOp::NullishAssign;
}

StringRef abv::ts::getTypeKeywordSpelling(TypeKeyword keyword) {
  switch (keyword) {
  case TypeKeyword::Any:
    return "any";
  case TypeKeyword::Unknown:
    return "unknown";
  case TypeKeyword::Never:
    return "never";
  case TypeKeyword::Void:
    return "void";
  case TypeKeyword::Undefined:
    return "undefined";
  case TypeKeyword::Null:
    return "null";
  case TypeKeyword::String:
    return "string";
  case TypeKeyword::Number:
    return "number";
  case TypeKeyword::Boolean:
    return "boolean";
  case TypeKeyword::BigInt:
    return "bigint";
  case TypeKeyword::Symbol:
    return "symbol";
  case TypeKeyword::Object:
    return "object";
  case TypeKeyword::This:
    return "this";
  }
  return "?";
}

StringRef abv::ts::getVarKindSpelling(VarKind kind) {
  switch (kind) {
  case VarKind::Var:
    return "var";
  case VarKind::Let:
    return "let";
  case VarKind::Const:
    return "const";
  }
  return "?";
}

//===----------------------------------------------------------------------===//
// Node helpers
//===----------------------------------------------------------------------===//

std::optional<double> NumberLiteral::getValue() const {
  std::string digits;
  digits.reserve(text.size());
  for (char c : text)
    if (c != '_')
      digits += c;
  StringRef number(digits);
  uint64_t integer = 0;
  if (number.size() > 2 && number[0] == '0') {
    unsigned radix = 0;
    switch (number[1]) {
    case 'x':
    case 'X':
      radix = 16;
      break;
    case 'o':
    case 'O':
      radix = 8;
      break;
    case 'b':
    case 'B':
      radix = 2;
      break;
    default:
      break;
    }
    if (radix) {
      if (number.drop_front(2).getAsInteger(radix, integer))
        return std::nullopt;
      return double(integer);
    }
  }
  char *end = nullptr;
  double value = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size())
    return std::nullopt;
  return value;
}

std::string StringLiteral::getValue() const {
  std::string value;
  value.reserve(raw.size());
  for (size_t i = 0, e = raw.size(); i < e; ++i) {
    char c = raw[i];
    if (c != '\\' || i + 1 >= e) {
      value += c;
      continue;
    }
    char escape = raw[++i];
    switch (escape) {
    case 'n':
      value += '\n';
      break;
    case 't':
      value += '\t';
      break;
    case 'r':
      value += '\r';
      break;
    case 'b':
      value += '\b';
      break;
    case 'f':
      value += '\f';
      break;
    case 'v':
      value += '\v';
      break;
    case '0':
      value += '\0';
      break;
    case '\r':
      // A line continuation (CR LF counts as one).
      if (i + 1 < e && raw[i + 1] == '\n')
        ++i;
      break;
    case '\n':
      break;
    case 'x':
    case 'u': {
      // \xHH, \uHHHH, \u{H...}; a surrogate pair of \u escapes is one
      // code point.
      auto readEscape = [&](size_t at, char kind, unsigned &codePoint,
                            size_t &last) {
        size_t start = at + 1;
        size_t stop;
        bool braced = false;
        if (kind == 'u' && start < e && raw[start] == '{') {
          braced = true;
          ++start;
          stop = raw.find('}', start);
          if (stop == StringRef::npos)
            return false;
        } else {
          stop = start + (kind == 'x' ? 2 : 4);
        }
        if (stop > e || stop == start ||
            raw.slice(start, stop).getAsInteger(16, codePoint))
          return false;
        last = braced ? stop : stop - 1;
        return true;
      };
      unsigned codePoint = 0;
      size_t last = i;
      if (!readEscape(i, escape, codePoint, last)) {
        value += '\\';
        value += escape;
        break;
      }
      i = last;
      if (codePoint >= 0xD800 && codePoint <= 0xDBFF && i + 2 < e &&
          raw[i + 1] == '\\' && raw[i + 2] == 'u') {
        unsigned low = 0;
        size_t lowLast = i;
        if (readEscape(i + 2, 'u', low, lowLast) && low >= 0xDC00 &&
            low <= 0xDFFF) {
          codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
          i = lowLast;
        }
      }
      appendUTF8(codePoint, value);
      break;
    }
    default:
      value += escape;
      break;
    }
  }
  return value;
}

StringRef MemberExpr::getName() const {
  if (const auto *id = llvm::dyn_cast_or_null<Identifier>(name))
    return id->name;
  if (const auto *priv = llvm::dyn_cast_or_null<PrivateIdentifier>(name))
    return priv->name;
  return "";
}

StringRef TypeReference::getName() const {
  if (names.empty())
    return "";
  const char *begin = names.front()->getRange().Start.getPointer();
  const char *end = names.back()->getRange().End.getPointer();
  return StringRef(begin, end - begin);
}

StringRef ImportSpecifier::getLocalName() const {
  if (local)
    return local->name;
  if (const auto *id = llvm::dyn_cast_or_null<Identifier>(imported))
    return id->name;
  return "";
}

std::optional<std::string> abv::ts::getPropertyNameText(const Node *name) {
  if (!name)
    return std::nullopt;
  if (const auto *id = llvm::dyn_cast<Identifier>(name))
    return id->name.str();
  if (const auto *str = llvm::dyn_cast<StringLiteral>(name))
    return str->getValue();
  if (const auto *num = llvm::dyn_cast<NumberLiteral>(name))
    return num->text.str();
  if (const auto *priv = llvm::dyn_cast<PrivateIdentifier>(name))
    return priv->name.str();
  return std::nullopt;
}

llvm::SmallVector<StringRef, 4> abv::ts::getMemberChain(const Expr *expr) {
  llvm::SmallVector<StringRef, 4> chain;
  while (expr) {
    if (const auto *member = llvm::dyn_cast<MemberExpr>(expr)) {
      chain.push_back(member->getName());
      expr = member->object;
    } else if (const auto *nonNull = llvm::dyn_cast<NonNullExpr>(expr)) {
      expr = nonNull->expr;
    } else if (const auto *paren = llvm::dyn_cast<ParenExpr>(expr)) {
      expr = paren->expr;
    } else if (const auto *id = llvm::dyn_cast<Identifier>(expr)) {
      chain.push_back(id->name);
      std::reverse(chain.begin(), chain.end());
      return chain;
    } else if (llvm::isa<ThisExpr>(expr)) {
      chain.push_back("this");
      std::reverse(chain.begin(), chain.end());
      return chain;
    } else {
      break;
    }
  }
  return {};
}

ArrayRef<CommentRange> SourceFile::getCommentsIn(llvm::SMRange within) const {
  auto begin = std::lower_bound(comments.begin(), comments.end(),
                                within.Start.getPointer(),
                                [](const CommentRange &c, const char *at) {
                                  return c.range.Start.getPointer() < at;
                                });
  auto end = begin;
  while (end != comments.end() &&
         end->range.End.getPointer() <= within.End.getPointer())
    ++end;
  // data(), not &*begin(): the list may be empty.
  return ArrayRef<CommentRange>(comments.data() + (begin - comments.begin()),
                                end - begin);
}

llvm::SmallVector<const ImportDecl *, 16> SourceFile::getImports() const {
  llvm::SmallVector<const ImportDecl *, 16> imports;
  walk(*this, [&](const Node *node) {
    if (const auto *import = llvm::dyn_cast<ImportDecl>(node)) {
      imports.push_back(import);
      return WalkResult::Skip;
    }
    // Imports are statements of the file or of a namespace.
    return llvm::isa<NamespaceDecl>(node) ? WalkResult::Advance
                                          : WalkResult::Skip;
  });
  return imports;
}

//===----------------------------------------------------------------------===//
// Children
//===----------------------------------------------------------------------===//

namespace {
/// Calls the callback on children that are present.
struct Children {
  llvm::function_ref<void(const Node *)> fn;

  void operator()(const Node *child) const {
    if (child)
      fn(child);
  }
  template <typename T> void operator()(ArrayRef<T *> children) const {
    for (const T *child : children)
      (*this)(child);
  }
  void operator()(const FunctionSignature &sig) const {
    (*this)(sig.typeParams);
    (*this)(sig.params);
    (*this)(sig.returnType);
  }
  void operator()(const ClassParts &parts) const {
    (*this)(parts.decorators);
    (*this)(parts.name);
    (*this)(parts.typeParams);
    (*this)(parts.extends);
    (*this)(parts.implements);
    (*this)(parts.members);
  }
};
} // namespace

void abv::ts::forEachChild(const Node *node,
                           llvm::function_ref<void(const Node *)> fn) {
  if (!node)
    return;
  Children visit{fn};
  using llvm::cast;
  switch (node->getKind()) {
  // Statements.
  case NodeKind::ImportDecl: {
    const auto *n = cast<ImportDecl>(node);
    visit(n->defaultBinding);
    visit(n->namespaceBinding);
    visit(n->specifiers);
    visit(n->module);
    visit(n->attributes);
    return;
  }
  case NodeKind::ImportEqualsDecl: {
    const auto *n = cast<ImportEqualsDecl>(node);
    visit(n->name);
    visit(n->module);
    visit(n->entity);
    return;
  }
  case NodeKind::ExportDecl: {
    const auto *n = cast<ExportDecl>(node);
    visit(n->specifiers);
    visit(n->namespaceName);
    visit(n->module);
    visit(n->expr);
    return;
  }
  case NodeKind::VarStmt:
    return visit(cast<VarStmt>(node)->decls);
  case NodeKind::FunctionDecl: {
    const auto *n = cast<FunctionDecl>(node);
    visit(n->name);
    visit(n->sig);
    visit(n->body);
    return;
  }
  case NodeKind::ClassDecl:
    return visit(cast<ClassDecl>(node)->parts);
  case NodeKind::InterfaceDecl: {
    const auto *n = cast<InterfaceDecl>(node);
    visit(n->name);
    visit(n->typeParams);
    visit(n->extends);
    visit(n->members);
    return;
  }
  case NodeKind::TypeAliasDecl: {
    const auto *n = cast<TypeAliasDecl>(node);
    visit(n->name);
    visit(n->typeParams);
    visit(n->type);
    return;
  }
  case NodeKind::EnumDecl: {
    const auto *n = cast<EnumDecl>(node);
    visit(n->name);
    visit(n->members);
    return;
  }
  case NodeKind::NamespaceDecl: {
    const auto *n = cast<NamespaceDecl>(node);
    visit(n->names);
    visit(n->moduleName);
    visit(n->body);
    return;
  }
  case NodeKind::BlockStmt:
    return visit(cast<BlockStmt>(node)->body);
  case NodeKind::EmptyStmt:
  case NodeKind::DebuggerStmt:
    return;
  case NodeKind::ExprStmt:
    return visit(cast<ExprStmt>(node)->expr);
  case NodeKind::IfStmt: {
    const auto *n = cast<IfStmt>(node);
    visit(n->cond);
    visit(n->thenStmt);
    visit(n->elseStmt);
    return;
  }
  case NodeKind::ForStmt: {
    const auto *n = cast<ForStmt>(node);
    visit(n->init);
    visit(n->cond);
    visit(n->update);
    visit(n->body);
    return;
  }
  case NodeKind::ForInOfStmt: {
    const auto *n = cast<ForInOfStmt>(node);
    visit(n->left);
    visit(n->right);
    visit(n->body);
    return;
  }
  case NodeKind::WhileStmt: {
    const auto *n = cast<WhileStmt>(node);
    visit(n->cond);
    visit(n->body);
    return;
  }
  case NodeKind::DoWhileStmt: {
    const auto *n = cast<DoWhileStmt>(node);
    visit(n->body);
    visit(n->cond);
    return;
  }
  case NodeKind::ReturnStmt:
    return visit(cast<ReturnStmt>(node)->value);
  case NodeKind::ThrowStmt:
    return visit(cast<ThrowStmt>(node)->value);
  case NodeKind::BreakStmt:
    return visit(cast<BreakStmt>(node)->label);
  case NodeKind::ContinueStmt:
    return visit(cast<ContinueStmt>(node)->label);
  case NodeKind::TryStmt: {
    const auto *n = cast<TryStmt>(node);
    visit(n->block);
    visit(n->handler);
    visit(n->finalizer);
    return;
  }
  case NodeKind::SwitchStmt: {
    const auto *n = cast<SwitchStmt>(node);
    visit(n->discriminant);
    visit(n->clauses);
    return;
  }
  case NodeKind::LabeledStmt: {
    const auto *n = cast<LabeledStmt>(node);
    visit(n->label);
    visit(n->body);
    return;
  }
  case NodeKind::WithStmt: {
    const auto *n = cast<WithStmt>(node);
    visit(n->object);
    visit(n->body);
    return;
  }

  // Expressions.
  case NodeKind::Identifier:
  case NodeKind::PrivateIdentifier:
  case NodeKind::ThisExpr:
  case NodeKind::SuperExpr:
  case NodeKind::NullLiteral:
  case NodeKind::BooleanLiteral:
  case NodeKind::NumberLiteral:
  case NodeKind::BigIntLiteral:
  case NodeKind::StringLiteral:
  case NodeKind::RegexLiteral:
  case NodeKind::OmittedExpr:
  case NodeKind::MetaProperty:
    return;
  case NodeKind::TemplateLiteral:
    return visit(cast<TemplateLiteral>(node)->exprs);
  case NodeKind::TaggedTemplateExpr: {
    const auto *n = cast<TaggedTemplateExpr>(node);
    visit(n->tag);
    visit(n->typeArgs);
    visit(n->quasi);
    return;
  }
  case NodeKind::ArrayLiteral:
    return visit(cast<ArrayLiteral>(node)->elements);
  case NodeKind::ObjectLiteral:
    return visit(cast<ObjectLiteral>(node)->properties);
  case NodeKind::ParenExpr:
    return visit(cast<ParenExpr>(node)->expr);
  case NodeKind::MemberExpr: {
    const auto *n = cast<MemberExpr>(node);
    visit(n->object);
    visit(n->name);
    return;
  }
  case NodeKind::ElementAccessExpr: {
    const auto *n = cast<ElementAccessExpr>(node);
    visit(n->object);
    visit(n->index);
    return;
  }
  case NodeKind::CallExpr: {
    const auto *n = cast<CallExpr>(node);
    visit(n->callee);
    visit(n->typeArgs);
    visit(n->args);
    return;
  }
  case NodeKind::NewExpr: {
    const auto *n = cast<NewExpr>(node);
    visit(n->callee);
    visit(n->typeArgs);
    visit(n->args);
    return;
  }
  case NodeKind::NonNullExpr:
    return visit(cast<NonNullExpr>(node)->expr);
  case NodeKind::UnaryExpr:
    return visit(cast<UnaryExpr>(node)->operand);
  case NodeKind::AwaitExpr:
    return visit(cast<AwaitExpr>(node)->expr);
  case NodeKind::BinaryExpr: {
    const auto *n = cast<BinaryExpr>(node);
    visit(n->lhs);
    visit(n->rhs);
    return;
  }
  case NodeKind::ConditionalExpr: {
    const auto *n = cast<ConditionalExpr>(node);
    visit(n->cond);
    visit(n->thenExpr);
    visit(n->elseExpr);
    return;
  }
  case NodeKind::AsExpr: {
    const auto *n = cast<AsExpr>(node);
    visit(n->expr);
    visit(n->type);
    return;
  }
  case NodeKind::SatisfiesExpr: {
    const auto *n = cast<SatisfiesExpr>(node);
    visit(n->expr);
    visit(n->type);
    return;
  }
  case NodeKind::TypeAssertionExpr: {
    const auto *n = cast<TypeAssertionExpr>(node);
    visit(n->type);
    visit(n->expr);
    return;
  }
  case NodeKind::ArrowFunction: {
    const auto *n = cast<ArrowFunction>(node);
    visit(n->sig);
    visit(n->body);
    return;
  }
  case NodeKind::FunctionExpr: {
    const auto *n = cast<FunctionExpr>(node);
    visit(n->name);
    visit(n->sig);
    visit(n->body);
    return;
  }
  case NodeKind::ClassExpr:
    return visit(cast<ClassExpr>(node)->parts);
  case NodeKind::SpreadElement:
    return visit(cast<SpreadElement>(node)->expr);
  case NodeKind::YieldExpr:
    return visit(cast<YieldExpr>(node)->expr);

  // Types.
  case NodeKind::TypeReference: {
    const auto *n = cast<TypeReference>(node);
    visit(n->names);
    visit(n->typeArgs);
    return;
  }
  case NodeKind::KeywordType:
    return;
  case NodeKind::LiteralType:
    return visit(cast<LiteralType>(node)->literal);
  case NodeKind::TemplateLiteralType:
    return visit(cast<TemplateLiteralType>(node)->types);
  case NodeKind::UnionType:
    return visit(cast<UnionType>(node)->types);
  case NodeKind::IntersectionType:
    return visit(cast<IntersectionType>(node)->types);
  case NodeKind::ArrayType:
    return visit(cast<ArrayType>(node)->element);
  case NodeKind::IndexedAccessType: {
    const auto *n = cast<IndexedAccessType>(node);
    visit(n->object);
    visit(n->index);
    return;
  }
  case NodeKind::TupleType:
    return visit(cast<TupleType>(node)->elements);
  case NodeKind::ParenthesizedType:
    return visit(cast<ParenthesizedType>(node)->type);
  case NodeKind::FunctionType:
    return visit(cast<FunctionType>(node)->sig);
  case NodeKind::TypeLiteral:
    return visit(cast<TypeLiteral>(node)->members);
  case NodeKind::MappedType: {
    const auto *n = cast<MappedType>(node);
    visit(n->param);
    visit(n->constraint);
    visit(n->nameType);
    visit(n->type);
    return;
  }
  case NodeKind::TypeOperator:
    return visit(cast<TypeOperator>(node)->type);
  case NodeKind::TypeQuery: {
    const auto *n = cast<TypeQuery>(node);
    visit(n->names);
    visit(n->importType);
    visit(n->typeArgs);
    return;
  }
  case NodeKind::ConditionalType: {
    const auto *n = cast<ConditionalType>(node);
    visit(n->checkType);
    visit(n->extendsType);
    visit(n->trueType);
    visit(n->falseType);
    return;
  }
  case NodeKind::InferType:
    visit(cast<InferType>(node)->name);
    visit(cast<InferType>(node)->constraint);
    return;
  case NodeKind::TypePredicate: {
    const auto *n = cast<TypePredicate>(node);
    visit(n->param);
    visit(n->type);
    return;
  }
  case NodeKind::ImportType: {
    const auto *n = cast<ImportType>(node);
    visit(n->module);
    visit(n->qualifier);
    visit(n->typeArgs);
    return;
  }

  // Parts.
  case NodeKind::ImportSpecifier: {
    const auto *n = cast<ImportSpecifier>(node);
    visit(n->imported);
    visit(n->local);
    return;
  }
  case NodeKind::ExportSpecifier: {
    const auto *n = cast<ExportSpecifier>(node);
    visit(n->local);
    visit(n->exported);
    return;
  }
  case NodeKind::VarDecl: {
    const auto *n = cast<VarDecl>(node);
    visit(n->name);
    visit(n->type);
    visit(n->init);
    return;
  }
  case NodeKind::Parameter: {
    const auto *n = cast<Parameter>(node);
    visit(n->decorators);
    visit(n->name);
    visit(n->type);
    visit(n->init);
    return;
  }
  case NodeKind::TypeParameter: {
    const auto *n = cast<TypeParameter>(node);
    visit(n->name);
    visit(n->constraint);
    visit(n->defaultType);
    return;
  }
  case NodeKind::Decorator:
    return visit(cast<Decorator>(node)->expr);
  case NodeKind::ObjectBindingPattern:
    return visit(cast<ObjectBindingPattern>(node)->elements);
  case NodeKind::ArrayBindingPattern:
    return visit(cast<ArrayBindingPattern>(node)->elements);
  case NodeKind::BindingElement: {
    const auto *n = cast<BindingElement>(node);
    visit(n->propertyName);
    visit(n->name);
    visit(n->init);
    return;
  }
  case NodeKind::PropertyAssignment: {
    const auto *n = cast<PropertyAssignment>(node);
    visit(n->name);
    visit(n->value);
    return;
  }
  case NodeKind::ShorthandProperty: {
    const auto *n = cast<ShorthandProperty>(node);
    visit(n->name);
    visit(n->init);
    return;
  }
  case NodeKind::ComputedPropertyName:
    return visit(cast<ComputedPropertyName>(node)->expr);
  case NodeKind::PropertyDecl: {
    const auto *n = cast<PropertyDecl>(node);
    visit(n->decorators);
    visit(n->name);
    visit(n->type);
    visit(n->init);
    return;
  }
  case NodeKind::MethodDecl: {
    const auto *n = cast<MethodDecl>(node);
    visit(n->decorators);
    visit(n->name);
    visit(n->sig);
    visit(n->body);
    return;
  }
  case NodeKind::IndexSignature: {
    const auto *n = cast<IndexSignature>(node);
    visit(n->keyName);
    visit(n->keyType);
    visit(n->type);
    return;
  }
  case NodeKind::StaticBlock:
    return visit(cast<StaticBlock>(node)->body);
  case NodeKind::PropertySignature: {
    const auto *n = cast<PropertySignature>(node);
    visit(n->name);
    visit(n->type);
    return;
  }
  case NodeKind::MethodSignature: {
    const auto *n = cast<MethodSignature>(node);
    visit(n->name);
    visit(n->sig);
    return;
  }
  case NodeKind::CallSignature:
    return visit(cast<CallSignature>(node)->sig);
  case NodeKind::TupleMember: {
    const auto *n = cast<TupleMember>(node);
    visit(n->name);
    visit(n->type);
    return;
  }
  case NodeKind::EnumMember: {
    const auto *n = cast<EnumMember>(node);
    visit(n->name);
    visit(n->init);
    return;
  }
  case NodeKind::CatchClause: {
    const auto *n = cast<CatchClause>(node);
    visit(n->param);
    visit(n->paramType);
    visit(n->body);
    return;
  }
  case NodeKind::CaseClause: {
    const auto *n = cast<CaseClause>(node);
    visit(n->test);
    visit(n->body);
    return;
  }
  }
}

static WalkResult walkNode(const Node *node,
                           llvm::function_ref<WalkResult(const Node *)> fn,
                           WalkOrder order) {
  if (order == WalkOrder::PreOrder) {
    WalkResult result = fn(node);
    if (result != WalkResult::Advance)
      return result == WalkResult::Interrupt ? result : WalkResult::Advance;
  }
  bool interrupted = false;
  forEachChild(node, [&](const Node *child) {
    if (!interrupted && walkNode(child, fn, order) == WalkResult::Interrupt)
      interrupted = true;
  });
  if (interrupted)
    return WalkResult::Interrupt;
  if (order == WalkOrder::PostOrder && fn(node) == WalkResult::Interrupt)
    return WalkResult::Interrupt;
  return WalkResult::Advance;
}

WalkResult abv::ts::walk(const Node *node,
                         llvm::function_ref<WalkResult(const Node *)> fn,
                         WalkOrder order) {
  if (!node)
    return WalkResult::Advance;
  return walkNode(node, fn, order);
}

WalkResult abv::ts::walk(const SourceFile &file,
                         llvm::function_ref<WalkResult(const Node *)> fn,
                         WalkOrder order) {
  for (const Stmt *stmt : file.getStatements())
    if (walkNode(stmt, fn, order) == WalkResult::Interrupt)
      return WalkResult::Interrupt;
  return WalkResult::Advance;
}
