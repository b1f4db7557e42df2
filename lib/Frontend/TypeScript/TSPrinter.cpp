//===- TSPrinter.cpp - Textual dump of the TypeScript tree ----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The `--print-ast` format (see TSPrinter.h): the kind, the attributes
/// that identify the node, the location; then the children.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/TypeScript/TSPrinter.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Frontend/TypeScript/TSAST.h"
#include "abv/Frontend/TypeScript/TSWalker.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace abv;
using namespace abv::ts;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;
using llvm::StringRef;

namespace {
class Printer {
public:
  /// The deepest level printed as indentation.
  static constexpr unsigned MaxIndent = 64;

  Printer(const SourceManager &sm, llvm::raw_ostream &os) : sm(sm), os(os) {}

  void print(const Node *node, unsigned indent);
  void printFile(const SourceFile &file);

private:
  void location(llvm::SMLoc loc) {
    if (!loc.isValid()) {
      os << " @<unknown>\n";
      return;
    }
    LineColumn lc = sm.getLineColumn(loc);
    os << " @" << llvm::sys::path::filename(sm.getBufferName(loc)) << ':'
       << lc.line << ':' << lc.column << '\n';
  }
  /// Prints a name-like child on the node's line: its text.
  void name(const Node *node) {
    if (!node)
      return;
    if (const auto *id = dyn_cast<Identifier>(node))
      os << ' ' << id->name;
    else if (const auto *priv = dyn_cast<PrivateIdentifier>(node))
      os << ' ' << priv->name;
    else if (const auto *str = dyn_cast<StringLiteral>(node))
      quoted(str->raw);
    else if (const auto *num = dyn_cast<NumberLiteral>(node))
      os << ' ' << num->text;
    else if (isa<ComputedPropertyName>(node))
      os << " [computed]";
    else if (isa<ThisExpr>(node))
      os << " this";
    else if (isa<ObjectBindingPattern>(node))
      os << " {...}";
    else if (isa<ArrayBindingPattern>(node))
      os << " [...]";
  }
  /// `"text"`, shortened and escaped.
  void quoted(StringRef text) {
    os << " \"";
    if (text.size() > 60) {
      os.write_escaped(truncateUTF8(text, 60)) << "...";
    } else {
      os.write_escaped(text);
    }
    os << '"';
  }
  void mods(Modifiers m) {
    if (m)
      os << ' ' << getModifierNames(m);
  }
  /// Whether \p child is printed on its parent's line (and not as a child).
  static bool isNamePart(const Node *parent, const Node *child);
  void attributes(const Node *node);

  const SourceManager &sm;
  llvm::raw_ostream &os;
};
} // namespace

bool Printer::isNamePart(const Node *parent, const Node *child) {
  auto nameOf = [&]() -> const Node * {
    switch (parent->getKind()) {
    case NodeKind::FunctionDecl:
      return cast<FunctionDecl>(parent)->name;
    case NodeKind::FunctionExpr:
      return cast<FunctionExpr>(parent)->name;
    case NodeKind::ClassDecl:
      return cast<ClassDecl>(parent)->parts.name;
    case NodeKind::ClassExpr:
      return cast<ClassExpr>(parent)->parts.name;
    case NodeKind::InterfaceDecl:
      return cast<InterfaceDecl>(parent)->name;
    case NodeKind::TypeAliasDecl:
      return cast<TypeAliasDecl>(parent)->name;
    case NodeKind::EnumDecl:
      return cast<EnumDecl>(parent)->name;
    case NodeKind::ImportEqualsDecl:
      return cast<ImportEqualsDecl>(parent)->name;
    case NodeKind::MemberExpr:
      return cast<MemberExpr>(parent)->name;
    case NodeKind::PropertyAssignment:
      return cast<PropertyAssignment>(parent)->name;
    case NodeKind::ShorthandProperty:
      return cast<ShorthandProperty>(parent)->name;
    case NodeKind::PropertyDecl:
      return cast<PropertyDecl>(parent)->name;
    case NodeKind::MethodDecl:
      return cast<MethodDecl>(parent)->name;
    case NodeKind::PropertySignature:
      return cast<PropertySignature>(parent)->name;
    case NodeKind::MethodSignature:
      return cast<MethodSignature>(parent)->name;
    case NodeKind::EnumMember:
      return cast<EnumMember>(parent)->name;
    case NodeKind::TypeParameter:
      return cast<TypeParameter>(parent)->name;
    case NodeKind::InferType:
      return cast<InferType>(parent)->name;
    case NodeKind::TupleMember:
      return cast<TupleMember>(parent)->name;
    case NodeKind::IndexSignature:
      return cast<IndexSignature>(parent)->keyName;
    case NodeKind::MappedType:
      return cast<MappedType>(parent)->param;
    case NodeKind::TypePredicate:
      return cast<TypePredicate>(parent)->param;
    case NodeKind::BreakStmt:
      return cast<BreakStmt>(parent)->label;
    case NodeKind::ContinueStmt:
      return cast<ContinueStmt>(parent)->label;
    case NodeKind::LabeledStmt:
      return cast<LabeledStmt>(parent)->label;
    case NodeKind::ImportDecl: {
      const auto *import = cast<ImportDecl>(parent);
      if (child == import->defaultBinding ||
          child == import->namespaceBinding || child == import->module)
        return child;
      return nullptr;
    }
    case NodeKind::ImportSpecifier: {
      const auto *spec = cast<ImportSpecifier>(parent);
      return child == spec->imported || child == spec->local ? child : nullptr;
    }
    case NodeKind::ExportSpecifier: {
      const auto *spec = cast<ExportSpecifier>(parent);
      return child == spec->local || child == spec->exported ? child : nullptr;
    }
    case NodeKind::ExportDecl: {
      const auto *exp = cast<ExportDecl>(parent);
      return child == exp->module || child == exp->namespaceName ? child
                                                                 : nullptr;
    }
    case NodeKind::NamespaceDecl: {
      const auto *ns = cast<NamespaceDecl>(parent);
      if (child == ns->moduleName || llvm::is_contained(ns->names, child))
        return child;
      return nullptr;
    }
    case NodeKind::TypeReference:
      return llvm::is_contained(cast<TypeReference>(parent)->names, child)
                 ? child
                 : nullptr;
    case NodeKind::TypeQuery:
      return llvm::is_contained(cast<TypeQuery>(parent)->names, child)
                 ? child
                 : nullptr;
    case NodeKind::ImportType: {
      const auto *import = cast<ImportType>(parent);
      if (child == import->module ||
          llvm::is_contained(import->qualifier, child))
        return child;
      return nullptr;
    }
    case NodeKind::LiteralType:
      return cast<LiteralType>(parent)->literal;
    case NodeKind::VarDecl: {
      const Node *declName = cast<VarDecl>(parent)->name;
      return llvm::isa_and_nonnull<Identifier>(declName) ? declName : nullptr;
    }
    case NodeKind::Parameter: {
      const Node *paramName = cast<Parameter>(parent)->name;
      return paramName &&
                     (isa<Identifier>(paramName) || isa<ThisExpr>(paramName))
                 ? paramName
                 : nullptr;
    }
    case NodeKind::BindingElement: {
      const auto *binding = cast<BindingElement>(parent);
      if (child == binding->propertyName && !isa<ComputedPropertyName>(child))
        return child;
      return binding->name && isa<Identifier>(binding->name) ? binding->name
                                                             : nullptr;
    }
    default:
      return nullptr;
    }
  };
  // A computed name prints as `[computed]` and its expression as a child.
  return !isa<ComputedPropertyName>(child) && nameOf() == child;
}

void Printer::attributes(const Node *node) {
  switch (node->getKind()) {
  case NodeKind::ImportDecl: {
    const auto *n = cast<ImportDecl>(node);
    if (n->module)
      quoted(n->module->raw);
    if (n->typeOnly)
      os << " type";
    if (n->defaultBinding)
      os << " default=" << n->defaultBinding->name;
    if (n->namespaceBinding)
      os << " namespace=" << n->namespaceBinding->name;
    return;
  }
  case NodeKind::ImportSpecifier: {
    const auto *n = cast<ImportSpecifier>(node);
    name(n->imported);
    if (n->local)
      os << " as " << n->local->name;
    if (n->typeOnly)
      os << " type";
    return;
  }
  case NodeKind::ImportEqualsDecl: {
    const auto *n = cast<ImportEqualsDecl>(node);
    mods(n->mods);
    name(n->name);
    if (n->module)
      quoted(n->module->raw);
    return;
  }
  case NodeKind::ExportDecl: {
    const auto *n = cast<ExportDecl>(node);
    static const char *forms[] = {"named", "star", "default", "assignment",
                                  "namespace_as"};
    os << ' ' << forms[n->form];
    if (n->typeOnly)
      os << " type";
    name(n->namespaceName);
    if (n->module)
      quoted(n->module->raw);
    return;
  }
  case NodeKind::ExportSpecifier: {
    const auto *n = cast<ExportSpecifier>(node);
    name(n->local);
    if (n->exported) {
      os << " as";
      name(n->exported);
    }
    if (n->typeOnly)
      os << " type";
    return;
  }
  case NodeKind::VarStmt: {
    const auto *n = cast<VarStmt>(node);
    os << ' ' << getVarKindSpelling(n->varKind);
    mods(n->mods);
    return;
  }
  case NodeKind::VarDecl: {
    const auto *n = cast<VarDecl>(node);
    if (n->name && isa<Identifier>(n->name))
      name(n->name);
    if (n->definite)
      os << " definite";
    return;
  }
  case NodeKind::FunctionDecl: {
    const auto *n = cast<FunctionDecl>(node);
    name(n->name);
    mods(n->mods);
    if (n->isGenerator)
      os << " generator";
    if (!n->body)
      os << " no_body";
    return;
  }
  case NodeKind::FunctionExpr: {
    const auto *n = cast<FunctionExpr>(node);
    name(n->name);
    if (n->isAsync)
      os << " async";
    if (n->isGenerator)
      os << " generator";
    return;
  }
  case NodeKind::ArrowFunction:
    if (cast<ArrowFunction>(node)->isAsync)
      os << " async";
    return;
  case NodeKind::ClassDecl: {
    const auto *n = cast<ClassDecl>(node);
    name(n->parts.name);
    mods(n->mods);
    return;
  }
  case NodeKind::ClassExpr:
    name(cast<ClassExpr>(node)->parts.name);
    return;
  case NodeKind::InterfaceDecl: {
    const auto *n = cast<InterfaceDecl>(node);
    name(n->name);
    mods(n->mods);
    return;
  }
  case NodeKind::TypeAliasDecl: {
    const auto *n = cast<TypeAliasDecl>(node);
    name(n->name);
    mods(n->mods);
    return;
  }
  case NodeKind::EnumDecl: {
    const auto *n = cast<EnumDecl>(node);
    name(n->name);
    mods(n->mods);
    return;
  }
  case NodeKind::NamespaceDecl: {
    const auto *n = cast<NamespaceDecl>(node);
    if (n->isGlobal)
      os << " global";
    else if (n->moduleName)
      quoted(n->moduleName->raw);
    else {
      os << ' ';
      for (size_t i = 0; i < n->names.size(); ++i)
        os << (i ? "." : "") << n->names[i]->name;
    }
    mods(n->mods);
    if (n->isModuleKeyword)
      os << " module";
    return;
  }
  case NodeKind::ForInOfStmt: {
    const auto *n = cast<ForInOfStmt>(node);
    os << (n->isOf ? " of" : " in");
    if (n->isAwait)
      os << " await";
    return;
  }
  case NodeKind::BreakStmt:
    name(cast<BreakStmt>(node)->label);
    return;
  case NodeKind::ContinueStmt:
    name(cast<ContinueStmt>(node)->label);
    return;
  case NodeKind::LabeledStmt:
    name(cast<LabeledStmt>(node)->label);
    return;
  case NodeKind::CaseClause:
    if (!cast<CaseClause>(node)->test)
      os << " default";
    return;
  case NodeKind::Identifier:
  case NodeKind::PrivateIdentifier:
  case NodeKind::NumberLiteral:
    name(node);
    return;
  case NodeKind::BigIntLiteral:
    os << ' ' << cast<BigIntLiteral>(node)->text;
    return;
  case NodeKind::BooleanLiteral:
    os << (cast<BooleanLiteral>(node)->value ? " true" : " false");
    return;
  case NodeKind::StringLiteral:
    quoted(cast<StringLiteral>(node)->raw);
    return;
  case NodeKind::RegexLiteral:
    os << ' ' << cast<RegexLiteral>(node)->text;
    return;
  case NodeKind::TemplateLiteral: {
    const auto *n = cast<TemplateLiteral>(node);
    for (StringRef quasi : n->quasis)
      quoted(quasi);
    return;
  }
  case NodeKind::MemberExpr: {
    const auto *n = cast<MemberExpr>(node);
    os << ' ' << (n->optional ? "?." : ".") << n->getName();
    return;
  }
  case NodeKind::ElementAccessExpr:
    if (cast<ElementAccessExpr>(node)->optional)
      os << " optional";
    return;
  case NodeKind::CallExpr: {
    const auto *n = cast<CallExpr>(node);
    auto chain = getMemberChain(n->callee);
    if (!chain.empty())
      os << ' ' << llvm::join(chain, ".");
    if (n->optional)
      os << " optional";
    return;
  }
  case NodeKind::NewExpr: {
    const auto *n = cast<NewExpr>(node);
    auto chain = getMemberChain(n->callee);
    if (!chain.empty())
      os << ' ' << llvm::join(chain, ".");
    if (!n->hasArgs)
      os << " no_args";
    return;
  }
  case NodeKind::UnaryExpr: {
    const auto *n = cast<UnaryExpr>(node);
    os << ' ' << getUnaryOpSpelling(n->op)
       << (n->isPostfix() ? " postfix" : "");
    return;
  }
  case NodeKind::BinaryExpr:
    os << ' ' << getBinaryOpSpelling(cast<BinaryExpr>(node)->op);
    return;
  case NodeKind::AsExpr:
    if (cast<AsExpr>(node)->isConst)
      os << " const";
    return;
  case NodeKind::YieldExpr:
    if (cast<YieldExpr>(node)->delegate)
      os << " delegate";
    return;
  case NodeKind::MetaProperty: {
    const auto *n = cast<MetaProperty>(node);
    os << ' ' << n->keyword << '.' << n->name;
    return;
  }
  case NodeKind::TypeReference:
    os << ' ' << cast<TypeReference>(node)->getName();
    return;
  case NodeKind::KeywordType:
    os << ' ' << getTypeKeywordSpelling(cast<KeywordType>(node)->keyword);
    return;
  case NodeKind::LiteralType: {
    const Expr *literal = cast<LiteralType>(node)->literal;
    if (!literal)
      return;
    if (const auto *str = dyn_cast<StringLiteral>(literal))
      quoted(str->raw);
    else
      os << ' ' << literal->getSourceText();
    return;
  }
  case NodeKind::TemplateLiteralType:
    for (StringRef quasi : cast<TemplateLiteralType>(node)->quasis)
      quoted(quasi);
    return;
  case NodeKind::FunctionType:
    if (cast<FunctionType>(node)->isAbstract)
      os << " abstract";
    if (cast<FunctionType>(node)->isConstructor)
      os << " new";
    return;
  case NodeKind::TypeOperator: {
    static const char *ops[] = {"keyof", "unique", "readonly"};
    os << ' ' << ops[unsigned(cast<TypeOperator>(node)->op)];
    return;
  }
  case NodeKind::TypeQuery: {
    const auto *n = cast<TypeQuery>(node);
    os << ' ';
    for (size_t i = 0; i < n->names.size(); ++i)
      os << (i ? "." : "") << n->names[i]->name;
    return;
  }
  case NodeKind::ImportType: {
    const auto *n = cast<ImportType>(node);
    if (n->module)
      quoted(n->module->raw);
    for (const Identifier *part : n->qualifier)
      os << '.' << part->name;
    return;
  }
  case NodeKind::MappedType: {
    const auto *n = cast<MappedType>(node);
    name(n->param);
    if (n->readonlyMod)
      os << (n->readonlyMod < 0 ? " -readonly" : " readonly");
    if (n->optionalMod)
      os << (n->optionalMod < 0 ? " -optional" : " optional");
    return;
  }
  case NodeKind::InferType:
    name(cast<InferType>(node)->name);
    return;
  case NodeKind::TypePredicate: {
    const auto *n = cast<TypePredicate>(node);
    if (n->asserts)
      os << " asserts";
    if (n->param)
      name(n->param);
    else
      os << " this";
    return;
  }
  case NodeKind::Parameter: {
    const auto *n = cast<Parameter>(node);
    if (n->rest)
      os << " ...";
    if (n->name && (isa<Identifier>(n->name) || isa<ThisExpr>(n->name)))
      name(n->name);
    if (n->optional)
      os << " optional";
    mods(n->mods);
    return;
  }
  case NodeKind::TypeParameter: {
    const auto *n = cast<TypeParameter>(node);
    name(n->name);
    mods(n->mods);
    return;
  }
  case NodeKind::BindingElement: {
    const auto *n = cast<BindingElement>(node);
    if (n->rest)
      os << " ...";
    if (n->propertyName && !isa<ComputedPropertyName>(n->propertyName)) {
      name(n->propertyName);
      os << ':';
    }
    if (n->name && isa<Identifier>(n->name))
      name(n->name);
    return;
  }
  case NodeKind::PropertyAssignment:
    name(cast<PropertyAssignment>(node)->name);
    return;
  case NodeKind::ShorthandProperty:
    name(cast<ShorthandProperty>(node)->name);
    return;
  case NodeKind::PropertyDecl: {
    const auto *n = cast<PropertyDecl>(node);
    name(n->name);
    mods(n->mods);
    if (n->optional)
      os << " optional";
    if (n->definite)
      os << " definite";
    return;
  }
  case NodeKind::MethodDecl: {
    const auto *n = cast<MethodDecl>(node);
    static const char *kinds[] = {"", " get", " set", " constructor"};
    os << kinds[n->methodKind];
    if (n->methodKind != MethodDecl::Constructor)
      name(n->name);
    mods(n->mods);
    if (n->isGenerator)
      os << " generator";
    if (n->optional)
      os << " optional";
    if (!n->body)
      os << " no_body";
    return;
  }
  case NodeKind::IndexSignature: {
    const auto *n = cast<IndexSignature>(node);
    name(n->keyName);
    mods(n->mods);
    return;
  }
  case NodeKind::PropertySignature: {
    const auto *n = cast<PropertySignature>(node);
    name(n->name);
    mods(n->mods);
    if (n->optional)
      os << " optional";
    return;
  }
  case NodeKind::MethodSignature: {
    const auto *n = cast<MethodSignature>(node);
    static const char *kinds[] = {"", " get", " set", ""};
    os << kinds[n->methodKind];
    name(n->name);
    if (n->optional)
      os << " optional";
    return;
  }
  case NodeKind::CallSignature:
    if (cast<CallSignature>(node)->isConstruct)
      os << " new";
    return;
  case NodeKind::TupleMember: {
    const auto *n = cast<TupleMember>(node);
    if (n->rest)
      os << " ...";
    name(n->name);
    if (n->optional)
      os << " optional";
    return;
  }
  case NodeKind::EnumMember:
    name(cast<EnumMember>(node)->name);
    return;
  default:
    return;
  }
}

void Printer::print(const Node *node, unsigned indent) {
  if (!node)
    return;
  // Past MaxIndent levels the depth is written out: a chain 10,000 links
  // long must not print 100 million spaces.
  if (indent > MaxIndent)
    os.indent(MaxIndent * 2) << "[" << indent << "] ";
  else
    os.indent(indent * 2);
  os << "ts." << getNodeKindName(node->getKind());
  attributes(node);
  location(node->getLoc());
  forEachChild(node, [&](const Node *child) {
    if (!isNamePart(node, child))
      print(child, indent + 1);
  });
}

void Printer::printFile(const SourceFile &file) {
  os << "ts.file " << llvm::sys::path::filename(file.getName())
     << " statements=" << file.getStatements().size()
     << " comments=" << file.getComments().size() << '\n';
  for (const Stmt *stmt : file.getStatements())
    print(stmt, 1);
  for (const CommentRange &comment : file.getComments()) {
    static const char *kinds[] = {"line", "block", "doc"};
    os << "  ts.comment " << kinds[comment.kind];
    quoted(comment.getText());
    location(comment.range.Start);
  }
}

void abv::ts::printSourceFile(const SourceFile &file,
                              const SourceManager &sourceMgr,
                              llvm::raw_ostream &os) {
  Printer(sourceMgr, os).printFile(file);
}

void abv::ts::printNode(const Node *node, const SourceManager &sourceMgr,
                        llvm::raw_ostream &os, unsigned indent) {
  Printer(sourceMgr, os).print(node, indent);
}
