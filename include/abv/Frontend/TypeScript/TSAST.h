//===- TSAST.h - ABV's TypeScript syntax tree -------------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The located syntax tree of a TypeScript file, as the frontend reads it
/// (TSFrontend.h): a SourceFile holds its statements, declarations,
/// expressions and types, every node with the half-open range of its source
/// text (an llvm::SMRange into the SourceManager buffer, like every location in
/// ABV), and the ranges of the file's comments.
///
/// The tree keeps what the logic layer's checks read: imports (what from
/// where), functions with their parameters and type annotations (types are
/// trees too: `string & tags.Format<"uuid">` is an intersection of a keyword
/// type and a type reference with a literal type argument), calls with
/// their callee member chains and type arguments, object and array literals
/// (properties, spreads, shorthands, computed keys), variable declarations,
/// returns, throws, control flow, `await`, template literals.
///
/// Nodes are allocated in the SourceFile's arena and are trivially
/// destructible; children are pointers or ArrayRefs into the same arena.
/// Names and literals are StringRefs into the source buffer (spelled as in
/// the source; StringLiteral::getValue decodes escapes). LLVM-style RTTI:
/// `isa<CallExpr>(node)`, `dyn_cast<MemberExpr>(expr)`. A child that is
/// absent (no initializer, no return type) is null.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_TYPESCRIPT_TSAST_H
#define ABV_FRONTEND_TYPESCRIPT_TSAST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace abv::ts {

/// Every kind of node (TSNodes.def).
enum class NodeKind : uint8_t {
#define TS_NODE(Class, Name) Class,
#include "abv/Frontend/TypeScript/TSNodes.def"
};

/// The name `--print-ast` prints for \p kind ("call", "type.ref").
llvm::StringRef getNodeKindName(NodeKind kind);

/// The base of every node: a kind and a source range.
class Node {
public:
  NodeKind getKind() const { return kind; }
  /// The half-open range of the node's source text.
  llvm::SMRange getRange() const { return range; }
  llvm::SMLoc getLoc() const { return range.Start; }
  /// The node's source text.
  llvm::StringRef getSourceText() const {
    return llvm::StringRef(range.Start.getPointer(),
                           range.End.getPointer() - range.Start.getPointer());
  }

protected:
  Node(NodeKind kind, llvm::SMRange range) : range(range), kind(kind) {}

private:
  llvm::SMRange range;
  NodeKind kind;
};

// A class name cannot be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define TS_CATEGORY(Base, First, Last)                                         \
  class Base : public Node {                                                   \
  public:                                                                      \
    static bool classof(const Node *node) {                                    \
      return node->getKind() >= NodeKind::First &&                             \
             node->getKind() <= NodeKind::Last;                                \
    }                                                                          \
                                                                               \
  protected:                                                                   \
    using Node::Node;                                                          \
  };
// NOLINTEND(bugprone-macro-parentheses)
/// Statements and declarations.
TS_CATEGORY(Stmt, ImportDecl, WithStmt)
/// Expressions.
TS_CATEGORY(Expr, Identifier, MetaProperty)
/// Types.
TS_CATEGORY(TypeNode, TypeReference, ImportType)
#undef TS_CATEGORY

/// Declares the kind, the classof and the constructor of a node class.
#define TS_NODE_CLASS(Class, Base)                                             \
public:                                                                        \
  static constexpr NodeKind Kind = NodeKind::Class;                            \
  static bool classof(const Node *node) { return node->getKind() == Kind; }    \
  explicit Class(llvm::SMRange range) : Base(Kind, range) {}

/// A node that is a part of others (parameters, members, clauses).
class Part : public Node {
protected:
  using Node::Node;
};

class Identifier;
class StringLiteral;
class BlockStmt;
class TypeReference;
class Decorator;
class Parameter;
class TypeParameter;
class ObjectLiteral;
class TemplateLiteral;
class BindingElement;

/// Declaration and member modifiers.
enum Modifier : uint16_t {
  ModExport = 1 << 0,
  ModDefault = 1 << 1,
  ModDeclare = 1 << 2,
  ModAbstract = 1 << 3,
  ModPublic = 1 << 4,
  ModPrivate = 1 << 5,
  ModProtected = 1 << 6,
  ModStatic = 1 << 7,
  ModReadonly = 1 << 8,
  ModOverride = 1 << 9,
  ModAccessor = 1 << 10,
  ModConst = 1 << 11, ///< `const enum`, `<const T>`.
  ModIn = 1 << 12,    ///< `<in T>`.
  ModAsync = 1 << 13,
};
using Modifiers = uint16_t;
/// "export async", in source order of the flags above.
std::string getModifierNames(Modifiers mods);

/// What every function-like node has: type parameters, parameters and a
/// return type (null when not written).
struct FunctionSignature {
  llvm::ArrayRef<TypeParameter *> typeParams;
  llvm::ArrayRef<Parameter *> params;
  /// A type, or a TypePredicate (`x is T`, `asserts x`).
  TypeNode *returnType = nullptr;
};

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

class Identifier : public Expr {
  TS_NODE_CLASS(Identifier, Expr)
  /// The name as spelled (keywords too, where they are names: `x.default`).
  llvm::StringRef name;
};

/// `#name` (a private class member).
class PrivateIdentifier : public Expr {
  TS_NODE_CLASS(PrivateIdentifier, Expr)
  llvm::StringRef name; ///< With the `#`.
};

class ThisExpr : public Expr {
  TS_NODE_CLASS(ThisExpr, Expr)
};

class SuperExpr : public Expr {
  TS_NODE_CLASS(SuperExpr, Expr)
};

class NullLiteral : public Expr {
  TS_NODE_CLASS(NullLiteral, Expr)
};

class BooleanLiteral : public Expr {
  TS_NODE_CLASS(BooleanLiteral, Expr)
  bool value = false;
};

class NumberLiteral : public Expr {
  TS_NODE_CLASS(NumberLiteral, Expr)
  llvm::StringRef text; ///< As spelled: `0x1F`, `1_000`, `.5e3`.
  /// The value, or nullopt if it does not parse (an invalid literal that
  /// was reported).
  std::optional<double> getValue() const;
};

class BigIntLiteral : public Expr {
  TS_NODE_CLASS(BigIntLiteral, Expr)
  llvm::StringRef text; ///< With the `n`.
};

class StringLiteral : public Expr {
  TS_NODE_CLASS(StringLiteral, Expr)
  /// The text between the quotes, escapes as written.
  llvm::StringRef raw;
  /// The value, escapes decoded (invalid escapes are kept as written).
  std::string getValue() const;
};

class RegexLiteral : public Expr {
  TS_NODE_CLASS(RegexLiteral, Expr)
  llvm::StringRef text; ///< `/pattern/flags`.
};

/// `` `a${x}b${y}c` ``: quasis ["a", "b", "c"] and expressions [x, y].
class TemplateLiteral : public Expr {
  TS_NODE_CLASS(TemplateLiteral, Expr)
  /// The text parts, escapes as written; one more than the expressions.
  llvm::ArrayRef<llvm::StringRef> quasis;
  llvm::ArrayRef<Expr *> exprs;
};

/// `` tag`...` `` or `` tag<T>`...` ``.
class TaggedTemplateExpr : public Expr {
  TS_NODE_CLASS(TaggedTemplateExpr, Expr)
  Expr *tag = nullptr;
  llvm::ArrayRef<TypeNode *> typeArgs;
  TemplateLiteral *quasi = nullptr;
};

/// `[a, , ...b]`: elements are expressions, SpreadElements and
/// OmittedExprs (holes).
class ArrayLiteral : public Expr {
  TS_NODE_CLASS(ArrayLiteral, Expr)
  llvm::ArrayRef<Expr *> elements;
};

/// `{ a: 1, b, ...c, [k]: v, m() {} }`: properties are PropertyAssignment,
/// ShorthandProperty, SpreadElement and MethodDecl nodes.
class ObjectLiteral : public Expr {
  TS_NODE_CLASS(ObjectLiteral, Expr)
  llvm::ArrayRef<Node *> properties;
};

class ParenExpr : public Expr {
  TS_NODE_CLASS(ParenExpr, Expr)
  Expr *expr = nullptr;
};

/// `object.name` or `object?.name`.
class MemberExpr : public Expr {
  TS_NODE_CLASS(MemberExpr, Expr)
  Expr *object = nullptr;
  /// An Identifier, or a PrivateIdentifier (`this.#x`).
  Expr *name = nullptr;
  bool optional = false;
  llvm::StringRef getName() const;
};

/// `object[index]` or `object?.[index]`.
class ElementAccessExpr : public Expr {
  TS_NODE_CLASS(ElementAccessExpr, Expr)
  Expr *object = nullptr;
  Expr *index = nullptr;
  bool optional = false;
};

/// `callee<T>(args)`, `callee?.(args)`; `import("m")` has an Identifier
/// callee named `import`.
class CallExpr : public Expr {
  TS_NODE_CLASS(CallExpr, Expr)
  Expr *callee = nullptr;
  llvm::ArrayRef<TypeNode *> typeArgs;
  /// Arguments; spread ones are SpreadElements.
  llvm::ArrayRef<Expr *> args;
  bool optional = false;
};

/// `new Callee<T>(args)`; hasArgs is false for `new Foo`.
class NewExpr : public Expr {
  TS_NODE_CLASS(NewExpr, Expr)
  Expr *callee = nullptr;
  llvm::ArrayRef<TypeNode *> typeArgs;
  llvm::ArrayRef<Expr *> args;
  bool hasArgs = false;
};

/// `expr!`
class NonNullExpr : public Expr {
  TS_NODE_CLASS(NonNullExpr, Expr)
  Expr *expr = nullptr;
};

enum class UnaryOp : uint8_t {
  Plus,
  Minus,
  Not,
  BitNot,
  PreIncrement,
  PreDecrement,
  PostIncrement,
  PostDecrement,
  Typeof,
  Void,
  Delete,
};
/// "+", "!", "++" (pre and post), "typeof", ...
llvm::StringRef getUnaryOpSpelling(UnaryOp op);

class UnaryExpr : public Expr {
  TS_NODE_CLASS(UnaryExpr, Expr)
  UnaryOp op = UnaryOp::Plus;
  Expr *operand = nullptr;
  bool isPostfix() const {
    return op == UnaryOp::PostIncrement || op == UnaryOp::PostDecrement;
  }
};

class AwaitExpr : public Expr {
  TS_NODE_CLASS(AwaitExpr, Expr)
  Expr *expr = nullptr;
};

enum class BinaryOp : uint8_t {
  Comma,
  Assign,
  AddAssign,
  SubAssign,
  MulAssign,
  DivAssign,
  RemAssign,
  ExpAssign,
  ShlAssign,
  ShrAssign,
  UShrAssign,
  AndAssign,
  OrAssign,
  XorAssign,
  LogicalAndAssign,
  LogicalOrAssign,
  NullishAssign,
  LogicalOr,
  LogicalAnd,
  Nullish,
  BitOr,
  BitXor,
  BitAnd,
  Equal,
  NotEqual,
  StrictEqual,
  StrictNotEqual,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  In,
  Instanceof,
  Shl,
  Shr,
  UShr,
  Add,
  Sub,
  Mul,
  Div,
  Rem,
  Exp,
};
/// "+", "===", "&&=", ...
llvm::StringRef getBinaryOpSpelling(BinaryOp op);
/// Whether \p op is `=` or a compound assignment.
bool isAssignmentOp(BinaryOp op);

/// Binary operators, logical operators, assignments and the comma
/// operator.
class BinaryExpr : public Expr {
  TS_NODE_CLASS(BinaryExpr, Expr)
  BinaryOp op = BinaryOp::Comma;
  Expr *lhs = nullptr;
  Expr *rhs = nullptr;
  /// The operator's own range (`>>` spans two tokens).
  llvm::SMRange opRange;
};

class ConditionalExpr : public Expr {
  TS_NODE_CLASS(ConditionalExpr, Expr)
  Expr *cond = nullptr;
  Expr *thenExpr = nullptr;
  Expr *elseExpr = nullptr;
};

/// `expr as Type`, or `expr as const` (type null, isConst).
class AsExpr : public Expr {
  TS_NODE_CLASS(AsExpr, Expr)
  Expr *expr = nullptr;
  TypeNode *type = nullptr;
  bool isConst = false;
};

/// `expr satisfies Type`.
class SatisfiesExpr : public Expr {
  TS_NODE_CLASS(SatisfiesExpr, Expr)
  Expr *expr = nullptr;
  TypeNode *type = nullptr;
};

/// `<Type>expr`.
class TypeAssertionExpr : public Expr {
  TS_NODE_CLASS(TypeAssertionExpr, Expr)
  TypeNode *type = nullptr;
  Expr *expr = nullptr;
};

/// `async (a: T): R => body`; the body is a BlockStmt or an expression.
class ArrowFunction : public Expr {
  TS_NODE_CLASS(ArrowFunction, Expr)
  FunctionSignature sig;
  Node *body = nullptr;
  bool isAsync = false;
};

/// `async function* name(...) { ... }` in an expression.
class FunctionExpr : public Expr {
  TS_NODE_CLASS(FunctionExpr, Expr)
  Identifier *name = nullptr;
  FunctionSignature sig;
  BlockStmt *body = nullptr;
  bool isAsync = false;
  bool isGenerator = false;
};

/// What class declarations and class expressions have.
struct ClassParts {
  llvm::ArrayRef<Decorator *> decorators;
  Identifier *name = nullptr;
  llvm::ArrayRef<TypeParameter *> typeParams;
  /// `extends Base<T>`: the base class as a type reference.
  TypeReference *extends = nullptr;
  llvm::ArrayRef<TypeReference *> implements;
  /// PropertyDecl, MethodDecl, IndexSignature and StaticBlock nodes.
  llvm::ArrayRef<Node *> members;
};

class ClassExpr : public Expr {
  TS_NODE_CLASS(ClassExpr, Expr)
  ClassParts parts;
};

/// `...expr` in an array literal, a call or an object literal.
class SpreadElement : public Expr {
  TS_NODE_CLASS(SpreadElement, Expr)
  Expr *expr = nullptr;
};

class YieldExpr : public Expr {
  TS_NODE_CLASS(YieldExpr, Expr)
  Expr *expr = nullptr;
  bool delegate = false; ///< `yield*`
};

/// A hole in an array literal or an array pattern: `[a, , b]`.
class OmittedExpr : public Expr {
  TS_NODE_CLASS(OmittedExpr, Expr)
};

/// `import.meta` or `new.target`.
class MetaProperty : public Expr {
  TS_NODE_CLASS(MetaProperty, Expr)
  llvm::StringRef keyword; ///< "import" or "new".
  llvm::StringRef name;
};

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

/// `Name`, `tags.Format<"uuid">`, `Promise<void>`.
class TypeReference : public TypeNode {
  TS_NODE_CLASS(TypeReference, TypeNode)
  /// The parts of the (qualified) name: [tags, Format].
  llvm::ArrayRef<Identifier *> names;
  llvm::ArrayRef<TypeNode *> typeArgs;
  /// The whole name, dots included ("tags.Format").
  llvm::StringRef getName() const;
};

enum class TypeKeyword : uint8_t {
  Any,
  Unknown,
  Never,
  Void,
  Undefined,
  Null,
  String,
  Number,
  Boolean,
  BigInt,
  Symbol,
  Object,
  This,
};
llvm::StringRef getTypeKeywordSpelling(TypeKeyword keyword);

/// `string`, `number`, `void`, `null`, `this`, ...
class KeywordType : public TypeNode {
  TS_NODE_CLASS(KeywordType, TypeNode)
  TypeKeyword keyword = TypeKeyword::Any;
};

/// `"uuid"`, `42`, `-1`, `true`: the literal is a StringLiteral,
/// NumberLiteral, BigIntLiteral, BooleanLiteral, TemplateLiteral (no
/// substitutions) or a UnaryExpr minus.
class LiteralType : public TypeNode {
  TS_NODE_CLASS(LiteralType, TypeNode)
  Expr *literal = nullptr;
};

/// `` `prefix-${string}` ``
class TemplateLiteralType : public TypeNode {
  TS_NODE_CLASS(TemplateLiteralType, TypeNode)
  llvm::ArrayRef<llvm::StringRef> quasis;
  llvm::ArrayRef<TypeNode *> types;
};

/// `A | B | C` (flattened; a leading `|` is allowed).
class UnionType : public TypeNode {
  TS_NODE_CLASS(UnionType, TypeNode)
  llvm::ArrayRef<TypeNode *> types;
};

/// `A & B & C` (flattened).
class IntersectionType : public TypeNode {
  TS_NODE_CLASS(IntersectionType, TypeNode)
  llvm::ArrayRef<TypeNode *> types;
};

/// `T[]`
class ArrayType : public TypeNode {
  TS_NODE_CLASS(ArrayType, TypeNode)
  TypeNode *element = nullptr;
};

/// `T[K]`
class IndexedAccessType : public TypeNode {
  TS_NODE_CLASS(IndexedAccessType, TypeNode)
  TypeNode *object = nullptr;
  TypeNode *index = nullptr;
};

/// `[A, b?: B, ...C[]]`: TupleMember parts.
class TupleType : public TypeNode {
  TS_NODE_CLASS(TupleType, TypeNode)
  llvm::ArrayRef<Node *> elements;
};

class ParenthesizedType : public TypeNode {
  TS_NODE_CLASS(ParenthesizedType, TypeNode)
  TypeNode *type = nullptr;
};

/// `<T>(a: A) => R`, `new (a: A) => R` or `abstract new () => R`.
class FunctionType : public TypeNode {
  TS_NODE_CLASS(FunctionType, TypeNode)
  FunctionSignature sig;
  bool isConstructor = false;
  bool isAbstract = false;
};

/// `{ a: string; m(): void; [key: string]: T }`: PropertySignature,
/// MethodSignature, CallSignature and IndexSignature parts.
class TypeLiteral : public TypeNode {
  TS_NODE_CLASS(TypeLiteral, TypeNode)
  llvm::ArrayRef<Node *> members;
};

/// `{ readonly [K in keyof T as N]?: T[K] }`. Modifiers: 0 absent, 1 `+` or
/// plain, -1 `-`.
class MappedType : public TypeNode {
  TS_NODE_CLASS(MappedType, TypeNode)
  int8_t readonlyMod = 0;
  int8_t optionalMod = 0;
  Identifier *param = nullptr;
  TypeNode *constraint = nullptr;
  TypeNode *nameType = nullptr;
  TypeNode *type = nullptr;
};

enum class TypeOperatorKind : uint8_t { Keyof, Unique, Readonly };

/// `keyof T`, `unique symbol`, `readonly T[]`.
class TypeOperator : public TypeNode {
  TS_NODE_CLASS(TypeOperator, TypeNode)
  TypeOperatorKind op = TypeOperatorKind::Keyof;
  TypeNode *type = nullptr;
};

/// `import("module").A.B<T>`
class ImportType : public TypeNode {
  TS_NODE_CLASS(ImportType, TypeNode)
  StringLiteral *module = nullptr;
  llvm::ArrayRef<Identifier *> qualifier;
  llvm::ArrayRef<TypeNode *> typeArgs;
};

/// `typeof x.y<T>`, or `typeof import("m")`.
class TypeQuery : public TypeNode {
  TS_NODE_CLASS(TypeQuery, TypeNode)
  llvm::ArrayRef<Identifier *> names;
  ImportType *importType = nullptr;
  llvm::ArrayRef<TypeNode *> typeArgs;
};

/// `C extends E ? T : F`
class ConditionalType : public TypeNode {
  TS_NODE_CLASS(ConditionalType, TypeNode)
  TypeNode *checkType = nullptr;
  TypeNode *extendsType = nullptr;
  TypeNode *trueType = nullptr;
  TypeNode *falseType = nullptr;
};

/// `infer U` or `infer U extends C`.
class InferType : public TypeNode {
  TS_NODE_CLASS(InferType, TypeNode)
  Identifier *name = nullptr;
  /// `infer R extends C`: C; null without a constraint.
  TypeNode *constraint = nullptr;
};

/// `x is T`, `asserts x is T`, `asserts x`, `this is T` (param null).
class TypePredicate : public TypeNode {
  TS_NODE_CLASS(TypePredicate, TypeNode)
  bool asserts = false;
  Identifier *param = nullptr;
  TypeNode *type = nullptr;
};

//===----------------------------------------------------------------------===//
// Parts
//===----------------------------------------------------------------------===//

/// `@Expr` (the expression is a name, a member chain or a call).
class Decorator : public Part {
  TS_NODE_CLASS(Decorator, Part)
  Expr *expr = nullptr;
};

/// `<const T extends C = D>`
class TypeParameter : public Part {
  TS_NODE_CLASS(TypeParameter, Part)
  Modifiers mods = 0;
  Identifier *name = nullptr;
  TypeNode *constraint = nullptr;
  TypeNode *defaultType = nullptr;
};

/// `@Dec() private readonly ...name?: Type = init`; the name is an
/// Identifier, a binding pattern or a ThisExpr (`this: T`).
class Parameter : public Part {
  TS_NODE_CLASS(Parameter, Part)
  llvm::ArrayRef<Decorator *> decorators;
  Modifiers mods = 0;
  Node *name = nullptr;
  TypeNode *type = nullptr;
  Expr *init = nullptr;
  bool optional = false;
  bool rest = false;
};

/// `{ a, b: c, d = 1, ...rest }`
class ObjectBindingPattern : public Part {
  TS_NODE_CLASS(ObjectBindingPattern, Part)
  llvm::ArrayRef<BindingElement *> elements;
};

/// `[a, , b = 1, ...rest]`: BindingElements and OmittedExprs.
class ArrayBindingPattern : public Part {
  TS_NODE_CLASS(ArrayBindingPattern, Part)
  llvm::ArrayRef<Node *> elements;
};

/// One name of a binding pattern: `propertyName: name = init`, or
/// `...name`. In an object pattern, propertyName is null for shorthand
/// (`{ a }`); in an array pattern it is always null.
class BindingElement : public Part {
  TS_NODE_CLASS(BindingElement, Part)
  Node *propertyName = nullptr;
  Node *name = nullptr; ///< An Identifier or a nested pattern.
  Expr *init = nullptr;
  bool rest = false;
};

/// `name: value` in an object literal.
class PropertyAssignment : public Part {
  TS_NODE_CLASS(PropertyAssignment, Part)
  /// An Identifier, StringLiteral, NumberLiteral, ComputedPropertyName or
  /// PrivateIdentifier.
  Node *name = nullptr;
  Expr *value = nullptr;
};

/// `{ name }` (init only in destructuring assignments: `{ name = 1 } = x`).
class ShorthandProperty : public Part {
  TS_NODE_CLASS(ShorthandProperty, Part)
  Identifier *name = nullptr;
  Expr *init = nullptr;
};

/// `[expr]` as a property name.
class ComputedPropertyName : public Part {
  TS_NODE_CLASS(ComputedPropertyName, Part)
  Expr *expr = nullptr;
};

/// A class property: `@Dec() private readonly name?: T = init;`.
class PropertyDecl : public Part {
  TS_NODE_CLASS(PropertyDecl, Part)
  llvm::ArrayRef<Decorator *> decorators;
  Modifiers mods = 0;
  Node *name = nullptr;
  TypeNode *type = nullptr;
  Expr *init = nullptr;
  bool optional = false;
  bool definite = false; ///< `name!: T`
};

/// A method of a class or an object literal: a method, a getter, a setter
/// or a constructor (a method named `constructor`). body is null for an
/// overload or an abstract method.
class MethodDecl : public Part {
  TS_NODE_CLASS(MethodDecl, Part)
  enum MethodKind : uint8_t { Method, Getter, Setter, Constructor };
  llvm::ArrayRef<Decorator *> decorators;
  Modifiers mods = 0;
  MethodKind methodKind = Method;
  Node *name = nullptr;
  FunctionSignature sig;
  BlockStmt *body = nullptr;
  bool optional = false;
  bool isAsync = false;
  bool isGenerator = false;
};

/// `[key: string]: T` in a class, an interface or a type literal.
class IndexSignature : public Part {
  TS_NODE_CLASS(IndexSignature, Part)
  Modifiers mods = 0;
  Identifier *keyName = nullptr;
  TypeNode *keyType = nullptr;
  TypeNode *type = nullptr;
};

/// `static { ... }` in a class.
class StaticBlock : public Part {
  TS_NODE_CLASS(StaticBlock, Part)
  BlockStmt *body = nullptr;
};

/// `readonly name?: T` in an interface or a type literal.
class PropertySignature : public Part {
  TS_NODE_CLASS(PropertySignature, Part)
  Modifiers mods = 0;
  Node *name = nullptr;
  TypeNode *type = nullptr;
  bool optional = false;
};

/// `name?<T>(a: A): R` (or `get name(): T`) in an interface or a type
/// literal.
class MethodSignature : public Part {
  TS_NODE_CLASS(MethodSignature, Part)
  MethodDecl::MethodKind methodKind = MethodDecl::Method;
  Node *name = nullptr;
  FunctionSignature sig;
  bool optional = false;
};

/// `(a: A): R` or `new (a: A): R` in an interface or a type literal.
class CallSignature : public Part {
  TS_NODE_CLASS(CallSignature, Part)
  FunctionSignature sig;
  bool isConstruct = false;
};

/// `name?: T`, `...T`, or just `T` in a tuple type.
class TupleMember : public Part {
  TS_NODE_CLASS(TupleMember, Part)
  Identifier *name = nullptr;
  TypeNode *type = nullptr;
  bool optional = false;
  bool rest = false;
};

class EnumMember : public Part {
  TS_NODE_CLASS(EnumMember, Part)
  Node *name = nullptr;
  Expr *init = nullptr;
};

/// `name as local`, `type name`; `imported` is an Identifier or a
/// StringLiteral, `local` null when there is no `as`.
class ImportSpecifier : public Part {
  TS_NODE_CLASS(ImportSpecifier, Part)
  Expr *imported = nullptr;
  Identifier *local = nullptr;
  bool typeOnly = false;
  /// The name the import binds in this file.
  llvm::StringRef getLocalName() const;
};

/// `local as exported` in `export { ... }`.
class ExportSpecifier : public Part {
  TS_NODE_CLASS(ExportSpecifier, Part)
  Expr *local = nullptr;
  Expr *exported = nullptr;
  bool typeOnly = false;
};

/// One declarator of a variable statement: `name!: T = init`.
class VarDecl : public Part {
  TS_NODE_CLASS(VarDecl, Part)
  Node *name = nullptr; ///< An Identifier or a binding pattern.
  TypeNode *type = nullptr;
  Expr *init = nullptr;
  bool definite = false;
};

/// `catch (param: T) { ... }` (param null for `catch { ... }`).
class CatchClause : public Part {
  TS_NODE_CLASS(CatchClause, Part)
  Node *param = nullptr;
  TypeNode *paramType = nullptr;
  BlockStmt *body = nullptr;
};

/// `case test:` or `default:` (test null) and its statements.
class CaseClause : public Part {
  TS_NODE_CLASS(CaseClause, Part)
  Expr *test = nullptr;
  llvm::ArrayRef<Stmt *> body;
};

//===----------------------------------------------------------------------===//
// Statements and declarations
//===----------------------------------------------------------------------===//

/// `import def, * as ns from "m";`, `import { a as b, type C } from "m";`,
/// `import type X from "m";`, `import "m";`.
class ImportDecl : public Stmt {
  TS_NODE_CLASS(ImportDecl, Stmt)
  StringLiteral *module = nullptr;
  Identifier *defaultBinding = nullptr;
  Identifier *namespaceBinding = nullptr;
  llvm::ArrayRef<ImportSpecifier *> specifiers;
  ObjectLiteral *attributes = nullptr;
  bool typeOnly = false;
  /// Whether a `{ ... }` list is present (possibly empty).
  bool hasNamedImports = false;
};

/// `import x = require("m");` (module set) or `import A = B.C;` (entity).
class ImportEqualsDecl : public Stmt {
  TS_NODE_CLASS(ImportEqualsDecl, Stmt)
  Modifiers mods = 0;
  Identifier *name = nullptr;
  StringLiteral *module = nullptr;
  llvm::ArrayRef<Identifier *> entity;
  bool typeOnly = false;
};

/// The `export` statements that are not an exported declaration (those
/// are the declaration with ModExport).
class ExportDecl : public Stmt {
  TS_NODE_CLASS(ExportDecl, Stmt)
  enum Form : uint8_t {
    Named,       ///< `export { a, b as c } (from "m")?;`
    Star,        ///< `export * (as ns)? from "m";`
    Default,     ///< `export default expr;`
    Assignment,  ///< `export = expr;`
    NamespaceAs, ///< `export as namespace Name;`
  };
  Form form = Named;
  llvm::ArrayRef<ExportSpecifier *> specifiers;
  StringLiteral *module = nullptr;
  Expr *namespaceName = nullptr;
  Expr *expr = nullptr;
  bool typeOnly = false;
};

enum class VarKind : uint8_t { Var, Let, Const };
llvm::StringRef getVarKindSpelling(VarKind kind);

/// `export const a = 1, b: T = 2;` (also the declarations of a `for`).
class VarStmt : public Stmt {
  TS_NODE_CLASS(VarStmt, Stmt)
  Modifiers mods = 0;
  VarKind varKind = VarKind::Const;
  llvm::ArrayRef<VarDecl *> decls;
};

/// `export async function* name<T>(a: A): R { ... }`; body null for an
/// overload or a `declare`.
class FunctionDecl : public Stmt {
  TS_NODE_CLASS(FunctionDecl, Stmt)
  Modifiers mods = 0;
  Identifier *name = nullptr;
  FunctionSignature sig;
  BlockStmt *body = nullptr;
  bool isAsync = false;
  bool isGenerator = false;
};

class ClassDecl : public Stmt {
  TS_NODE_CLASS(ClassDecl, Stmt)
  Modifiers mods = 0;
  ClassParts parts;
};

class InterfaceDecl : public Stmt {
  TS_NODE_CLASS(InterfaceDecl, Stmt)
  Modifiers mods = 0;
  Identifier *name = nullptr;
  llvm::ArrayRef<TypeParameter *> typeParams;
  llvm::ArrayRef<TypeReference *> extends;
  /// PropertySignature, MethodSignature, CallSignature, IndexSignature.
  llvm::ArrayRef<Node *> members;
};

class TypeAliasDecl : public Stmt {
  TS_NODE_CLASS(TypeAliasDecl, Stmt)
  Modifiers mods = 0;
  Identifier *name = nullptr;
  llvm::ArrayRef<TypeParameter *> typeParams;
  TypeNode *type = nullptr;
};

class EnumDecl : public Stmt {
  TS_NODE_CLASS(EnumDecl, Stmt)
  Modifiers mods = 0; ///< ModConst for `const enum`.
  Identifier *name = nullptr;
  llvm::ArrayRef<EnumMember *> members;
};

/// `namespace A.B { ... }`, `declare module "m" { ... }`,
/// `declare global { ... }`.
class NamespaceDecl : public Stmt {
  TS_NODE_CLASS(NamespaceDecl, Stmt)
  Modifiers mods = 0;
  llvm::ArrayRef<Identifier *> names; ///< [A, B] for `A.B`.
  StringLiteral *moduleName = nullptr;
  bool isGlobal = false;
  bool isModuleKeyword = false; ///< Spelled `module`.
  bool hasBody = false;
  llvm::ArrayRef<Stmt *> body;
};

class BlockStmt : public Stmt {
  TS_NODE_CLASS(BlockStmt, Stmt)
  llvm::ArrayRef<Stmt *> body;
};

class EmptyStmt : public Stmt {
  TS_NODE_CLASS(EmptyStmt, Stmt)
};

class ExprStmt : public Stmt {
  TS_NODE_CLASS(ExprStmt, Stmt)
  Expr *expr = nullptr;
};

class IfStmt : public Stmt {
  TS_NODE_CLASS(IfStmt, Stmt)
  Expr *cond = nullptr;
  Stmt *thenStmt = nullptr;
  Stmt *elseStmt = nullptr;
};

/// `for (init; cond; update) body`; init is a VarStmt or an expression.
class ForStmt : public Stmt {
  TS_NODE_CLASS(ForStmt, Stmt)
  Node *init = nullptr;
  Expr *cond = nullptr;
  Expr *update = nullptr;
  Stmt *body = nullptr;
};

/// `for (const x of xs) body`, `for await (...)`, `for (k in obj) body`;
/// the left side is a VarStmt with one declaration, or an expression.
class ForInOfStmt : public Stmt {
  TS_NODE_CLASS(ForInOfStmt, Stmt)
  Node *left = nullptr;
  Expr *right = nullptr;
  Stmt *body = nullptr;
  bool isOf = false;
  bool isAwait = false;
};

class WhileStmt : public Stmt {
  TS_NODE_CLASS(WhileStmt, Stmt)
  Expr *cond = nullptr;
  Stmt *body = nullptr;
};

class DoWhileStmt : public Stmt {
  TS_NODE_CLASS(DoWhileStmt, Stmt)
  Stmt *body = nullptr;
  Expr *cond = nullptr;
};

class ReturnStmt : public Stmt {
  TS_NODE_CLASS(ReturnStmt, Stmt)
  Expr *value = nullptr;
};

class ThrowStmt : public Stmt {
  TS_NODE_CLASS(ThrowStmt, Stmt)
  Expr *value = nullptr;
};

class BreakStmt : public Stmt {
  TS_NODE_CLASS(BreakStmt, Stmt)
  Identifier *label = nullptr;
};

class ContinueStmt : public Stmt {
  TS_NODE_CLASS(ContinueStmt, Stmt)
  Identifier *label = nullptr;
};

class TryStmt : public Stmt {
  TS_NODE_CLASS(TryStmt, Stmt)
  BlockStmt *block = nullptr;
  CatchClause *handler = nullptr;
  BlockStmt *finalizer = nullptr;
};

class SwitchStmt : public Stmt {
  TS_NODE_CLASS(SwitchStmt, Stmt)
  Expr *discriminant = nullptr;
  llvm::ArrayRef<CaseClause *> clauses;
};

class LabeledStmt : public Stmt {
  TS_NODE_CLASS(LabeledStmt, Stmt)
  Identifier *label = nullptr;
  Stmt *body = nullptr;
};

class DebuggerStmt : public Stmt {
  TS_NODE_CLASS(DebuggerStmt, Stmt)
};

class WithStmt : public Stmt {
  TS_NODE_CLASS(WithStmt, Stmt)
  Expr *object = nullptr;
  Stmt *body = nullptr;
};

#undef TS_NODE_CLASS

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

/// A comment's range: `// ...` (Line, without the line break), `/* ... */`
/// (Block) or `/** ... */` (Doc).
struct CommentRange {
  enum Kind : uint8_t { Line, Block, Doc };
  llvm::SMRange range;
  Kind kind = Line;
  llvm::StringRef getText() const {
    return llvm::StringRef(range.Start.getPointer(),
                           range.End.getPointer() - range.Start.getPointer());
  }
};

/// The frontend keeps no top-level statement whose tree is deeper than
/// this (it reports TSP009 instead), so walkers may recurse: a chain
/// `a.b.b.b...` or `a + a + ...` adds a level per link.
constexpr unsigned MaxTreeDepth = 10000;

/// One `.ts` file: its top-level statements and comments, and the arena
/// its nodes live in.
class SourceFile {
public:
  SourceFile(unsigned bufferID, llvm::StringRef name, llvm::SMRange range)
      : bufferID(bufferID), name(name.str()), range(range) {}
  SourceFile(const SourceFile &) = delete;
  SourceFile &operator=(const SourceFile &) = delete;

  unsigned getBufferID() const { return bufferID; }
  /// The buffer's name (the path it was read from).
  llvm::StringRef getName() const { return name; }
  /// The whole text of the file.
  llvm::SMRange getRange() const { return range; }

  llvm::ArrayRef<Stmt *> getStatements() const { return statements; }
  /// Every comment of the file, in source order.
  llvm::ArrayRef<CommentRange> getComments() const { return comments; }
  /// The comments that lie inside \p range, in source order.
  llvm::ArrayRef<CommentRange> getCommentsIn(llvm::SMRange range) const;
  /// The import declarations at the top level (and in namespaces), in
  /// order.
  llvm::SmallVector<const ImportDecl *, 16> getImports() const;
  /// The number of syntax errors reported for the file (TSP diagnostics of
  /// error severity by default).
  unsigned getNumSyntaxErrors() const { return numSyntaxErrors; }

  /// Creates a node in the file's arena.
  template <typename T> T *create(llvm::SMRange nodeRange) {
    static_assert(std::is_trivially_destructible_v<T>,
                  "nodes are never destroyed");
    return new (allocator.Allocate<T>()) T(nodeRange);
  }
  /// Copies \p items into the file's arena.
  template <typename T> llvm::ArrayRef<T> copy(llvm::ArrayRef<T> items) {
    if (items.empty())
      return {};
    T *data = allocator.Allocate<T>(items.size());
    std::uninitialized_copy(items.begin(), items.end(), data);
    return llvm::ArrayRef<T>(data, items.size());
  }
  /// The arena's size in bytes.
  size_t getMemorySize() const { return allocator.getTotalMemory(); }

  void setStatements(llvm::ArrayRef<Stmt *> stmts) { statements = stmts; }
  void setComments(std::vector<CommentRange> list) {
    comments = std::move(list);
  }
  void setNumSyntaxErrors(unsigned count) { numSyntaxErrors = count; }

private:
  llvm::BumpPtrAllocator allocator;
  unsigned bufferID;
  std::string name;
  llvm::SMRange range;
  llvm::ArrayRef<Stmt *> statements;
  std::vector<CommentRange> comments;
  unsigned numSyntaxErrors = 0;
};

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The name of a property name node (Identifier, StringLiteral value,
/// NumberLiteral text, PrivateIdentifier); nullopt for a computed one.
std::optional<std::string> getPropertyNameText(const Node *name);

/// The names of a member chain: `MyGlobal.prisma.todos.findMany` gives
/// [MyGlobal, prisma, todos, findMany], `this.x` gives [this, x]; non-null
/// assertions and parentheses are looked through. Empty when the chain does
/// not start with a name or `this` (a call, an element access, ...).
llvm::SmallVector<llvm::StringRef, 4> getMemberChain(const Expr *expr);

} // namespace abv::ts

#endif // ABV_FRONTEND_TYPESCRIPT_TSAST_H
