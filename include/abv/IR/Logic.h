//===- Logic.h - The logic layer's IR ---------------------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The logic IR: what the checks of the logic layer need of a project's
/// TypeScript (providers, authorizers, collectors, transformers, E2E tests
/// and the controllers that route to providers), lowered from the abv::ts
/// syntax tree by lowerLogic (abv/Frontend/Logic/LogicLowering.h).
///
/// A Module holds Functions; each function keeps its parameters (the actor
/// payload, path parameters, the body), and of its body:
/// - Prisma client calls `MyGlobal.prisma.<table>.<op>({...})` (also on a
///   transaction client `tx.<table>.<op>`), with their argument object as
///   an ArgObject tree: every key, located, with the object literal of its
///   value when it is one, so that where / data / select / include /
///   orderBy and nested writes keep every column and relation they name;
/// - object literals typed as Prisma inputs (`{...} satisfies
///   Prisma.<table>CreateInput`, `const w: Prisma.<table>WhereInput =
///   {...}`), as collectors and transformers write them;
/// - SDK calls `api.functional.<accessor...>(connection, {...})`;
/// - returns (object literal keys, `typia.random<T>()`), throws
///   (HttpException status, Error message), typia calls, comparisons of the
///   actor's id with a row's owner column, and the comments that say why a
///   function gave up.
///
/// Names that a key's value refers to are followed through a per-function
/// symbol table while lowering: `const where = {...}` used later as
/// `findMany({ where })` gives the call the keys of the declaration (and of
/// later `where.key = ...` assignments).
///
/// Every node keeps a half-open SMRange into the `.ts` buffer it came from.
/// The IR names tables and columns as spelled; the Binding analysis
/// resolves them against the DB and API layers.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_LOGIC_H
#define ABV_IR_LOGIC_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace abv::logic {

/// What a function is, by the folder it is in and its shape.
enum class FunctionKind : unsigned char {
  Provider,    ///< `src/providers/*.ts`: one per API operation.
  Authorizer,  ///< `src/providers/authorize/*.ts`.
  Collector,   ///< `src/collectors/*.ts`: request DTO -> Prisma input.
  Transformer, ///< `src/transformers/*.ts`: Prisma row -> response DTO.
  Test,        ///< `test/features/**/test_*.ts`.
  TestHelper,  ///< Other functions under `test/`.
  Other,
};
llvm::StringRef getFunctionKindName(FunctionKind kind);

/// A name and where it is spelled.
struct Name {
  llvm::StringRef text;
  llvm::SMRange range;
  bool empty() const { return text.empty(); }
};

/// A parameter of a function, or a member of its `props` object.
struct Param {
  enum class Role : unsigned char {
    Actor,      ///< `member: MemberPayload` (the authenticated actor).
    PathParam,  ///< `todoId: string & tags.Format<"uuid">`.
    Body,       ///< `body: ITodo.ICreate`.
    Connection, ///< `connection: api.IConnection` (tests).
    Other,
  };
  Name name;
  Role role = Role::Other;
  /// The type as spelled (`MemberPayload`, `ITodo.ICreate`).
  llvm::StringRef typeText;
  llvm::SMRange range;
};
llvm::StringRef getParamRoleName(Param::Role role);

struct ArgObject;

/// One key of an object literal (an argument object or a nested one).
struct ArgEntry {
  /// The key as written (`where`, `title`, `connect`); empty for a spread.
  Name key;
  /// The value's range.
  llvm::SMRange valueRange;
  enum class ValueKind : unsigned char {
    Object,  ///< An object literal (nested is set).
    Null,    ///< `null`.
    Literal, ///< A string, number, boolean or template literal.
    Array,   ///< An array literal (nested: its first object element).
    Other,   ///< Any other expression.
  };
  ValueKind valueKind = ValueKind::Other;
  /// The object literal of the value, when it is one (followed through the
  /// symbol table and through `cond ? {...} : {...}`, `{...} as T`).
  ArgObject *nested = nullptr;
  /// The member chain of the value (`props.member.id` gives [props, member,
  /// id]); empty when the value is not a chain.
  llvm::SmallVector<llvm::StringRef, 4> valueChain;
  /// The value's source text (for printing and for callee names).
  llvm::StringRef valueText;
  /// For an array built by mapping (`rows.map((r) => ({...}))`,
  /// `Promise.all(rows.map(...))`, `ArrayUtil.asyncMap(rows, ...)`): the
  /// object literal the mapping function returns, or else the callee of the
  /// call it returns (`Transformer.transform`).
  ArgObject *element = nullptr;
  llvm::StringRef elementCallee;
};

/// An object literal whose keys a check reads.
struct ArgObject {
  llvm::SMRange range;
  std::vector<ArgEntry> entries;
  /// Some keys are not known: a spread of something that is not an object
  /// literal (`...Transformer.select()`, `...body`), or a computed key.
  bool hasUnknownKeys = false;
  /// The sources of spreads that were not followed (`Transformer.select()`).
  std::vector<llvm::StringRef> unknownSpreads;

  const ArgEntry *find(llvm::StringRef key) const;
};

/// The Prisma client operations.
enum class PrismaOp : unsigned char {
  FindMany,
  FindFirst,
  FindFirstOrThrow,
  FindUnique,
  FindUniqueOrThrow,
  Count,
  Aggregate,
  GroupBy,
  Create,
  CreateMany,
  Update,
  UpdateMany,
  Upsert,
  Delete,
  DeleteMany,
  Unknown,
};
llvm::StringRef getPrismaOpName(PrismaOp op);
PrismaOp getPrismaOp(llvm::StringRef name);
inline bool isPrismaRead(PrismaOp op) { return op <= PrismaOp::GroupBy; }
inline bool isPrismaWrite(PrismaOp op) {
  return op >= PrismaOp::Create && op <= PrismaOp::DeleteMany;
}

/// `MyGlobal.prisma.<table>.<op>(args)`.
struct PrismaCall {
  Name table;
  Name op;
  PrismaOp kind = PrismaOp::Unknown;
  llvm::SMRange range;
  /// The first argument when it is (or names) an object literal.
  ArgObject *args = nullptr;
  /// Inside `$transaction(async (tx) => ...)` or on a transaction client.
  bool inTransaction = false;
  /// The local the result is assigned to (`const post = await ...`), or "".
  llvm::StringRef resultName;
};

/// What a Prisma-typed object literal is: the suffix of its type name.
enum class PrismaShape : unsigned char {
  CreateInput, ///< `<table>CreateInput`, `UncheckedCreateInput`.
  UpdateInput, ///< `<table>UpdateInput`, `UncheckedUpdateInput`.
  WhereInput,  ///< `<table>WhereInput`, `WhereUniqueInput`.
  OrderBy,     ///< `<table>OrderByWithRelationInput`.
  Select,      ///< `<table>Select`.
  Include,     ///< `<table>Include`.
  Args,        ///< `<table>FindManyArgs`, `...DefaultArgs`, `...FindFirstArgs`.
  Other,
};
llvm::StringRef getPrismaShapeName(PrismaShape shape);

/// `{...} satisfies Prisma.<table><Shape>` or `const x: Prisma.<table>
/// <Shape> = {...}`.
struct PrismaTyped {
  Name table; ///< The table part of the type name.
  Name type;  ///< The whole type name after `Prisma.`.
  PrismaShape shape = PrismaShape::Other;
  ArgObject *object = nullptr;
};

/// `api.functional.<accessor...>(connection, {...})` in a test.
struct SDKCall {
  /// The accessor after `api.functional`: [todoApp, member, todos, create].
  std::vector<Name> accessor;
  llvm::SMRange range;
  /// The accessor's whole range (`api.functional....create`).
  llvm::SMRange calleeRange;
  unsigned numArgs = 0;
  /// The second argument when it is an object literal (path parameters and
  /// `body`).
  ArgObject *props = nullptr;
  std::string getAccessorText() const;
};

/// A `return` with a value.
struct Return {
  llvm::SMRange range;
  enum class Kind : unsigned char {
    Object,      ///< An object literal (object is set).
    TypiaRandom, ///< `typia.random<T>()`, possibly `as`-cast.
    Call,        ///< Any other call.
    Other,
  };
  Kind kind = Kind::Other;
  ArgObject *object = nullptr;
  /// The callee of the call returned (`Transformer.transform`), also
  /// through a name (`const x = await f(row); return x;`); empty otherwise.
  llvm::StringRef callee;
};

/// A `throw`.
struct Throw {
  llvm::SMRange range;
  enum class Kind : unsigned char {
    HttpException, ///< `new HttpException(msg, status)` (and Nest's
                   ///< `NotFoundException` family).
    Error,         ///< `new Error(msg)`.
    Other,
  };
  Kind kind = Kind::Other;
  /// The class thrown (`HttpException`, `ForbiddenException`, `Error`).
  llvm::StringRef className;
  std::optional<unsigned> status;
  /// The message when it is a string literal.
  std::string message;
};

/// A call of `typia.<fn><T>(...)`.
struct TypiaCall {
  llvm::SMRange range;
  llvm::StringRef function; ///< `random`, `assert`, `assertGuard`, ...
  llvm::StringRef typeText; ///< The type argument as spelled.
};

/// A comparison of the authenticated actor's id with a row's owner column:
/// a key `owner_id: props.member.id` of a Prisma argument, or
/// `row.owner_id !== member.id`.
struct OwnerCheck {
  llvm::SMRange range;
  Name column;           ///< `owner_id`.
  llvm::StringRef actor; ///< The actor parameter (`member`).
};

/// A comment inside a function body that says it is unfinished or why
/// (`// TODO`, `// Schema lacks ...`, `// cannot implement`).
struct Comment {
  llvm::SMRange range;
  llvm::StringRef text;
};

/// A function of the project.
struct Function {
  Name name;
  FunctionKind kind = FunctionKind::Other;
  /// For functions in a namespace (`TodoAppTodoCollector.collect`).
  llvm::StringRef namespaceName;
  llvm::SMRange range;
  llvm::SMRange bodyRange;
  /// The file's buffer name.
  llvm::StringRef fileName;
  std::vector<Param> params;
  /// The return type as spelled (`Promise<ITodo>`).
  llvm::StringRef returnType;
  /// No statement in the body (or no body).
  bool emptyBody = false;

  std::vector<PrismaCall> prismaCalls;
  std::vector<PrismaTyped> prismaTyped;
  std::vector<SDKCall> sdkCalls;
  std::vector<Return> returns;
  std::vector<Throw> throws;
  std::vector<TypiaCall> typiaCalls;
  std::vector<OwnerCheck> ownerChecks;
  std::vector<Comment> comments;
  /// The request body (or a value computed from it) reaches a call: an
  /// argument or the callee of a Prisma call, a collector, a helper
  /// (`typia.*` and `console.*` calls aside).
  bool bodyReachesCall = false;
  /// Calls of other project functions by name (`postTodos(...)`, or the
  /// `Collector.collect` of `TodoAppTodoCollector.collect(...)`).
  std::vector<Name> calls;

  const Param *getActor() const;
  const Param *getBody() const;
  /// Whether the function names \p param anywhere in its body besides its
  /// declaration (`props.body`, `body`, a destructured `page`).
  bool usesName(llvm::StringRef name) const;
  /// Names read in the body (member names and identifiers), for usesName.
  std::vector<llvm::StringRef> namesUsed;
  /// `local.member` pairs an `if` condition reads (`if (!post ||
  /// post.deleted_at !== null)` gives post.deleted_at), sorted.
  std::vector<std::pair<llvm::StringRef, llvm::StringRef>> testedMembers;
  /// Whether an `if` condition reads \p member of \p local.
  bool testsMember(llvm::StringRef local, llvm::StringRef member) const;
};

/// A controller route: `@TypedRoute.Post("join")` in `@Controller("/auth")`
/// calling a provider.
struct Route {
  llvm::StringRef method; ///< Lower case: "post".
  std::string path;       ///< Joined: "/auth/user/join" (`:id` as written).
  llvm::SMRange range;    ///< The decorator.
  Name provider;          ///< The provider function called, if any.
};

/// The logic of a project.
class Module {
public:
  Module() = default;
  Module(const Module &) = delete;
  Module &operator=(const Module &) = delete;

  std::vector<std::unique_ptr<Function>> functions;
  std::vector<Route> routes;
  /// The buffers of the `.ts` files lowered, in order.
  std::vector<unsigned> bufferIDs;

  ArgObject *createObject() { return &objects.emplace_back(); }
  /// The functions of \p kind, in file order.
  llvm::SmallVector<const Function *, 16> getFunctions(FunctionKind kind) const;
  /// The first function named \p name (namespace functions by `NS.name`).
  const Function *findFunction(llvm::StringRef name) const;
  bool empty() const { return functions.empty() && routes.empty(); }

private:
  std::deque<ArgObject> objects;
};

} // namespace abv::logic

#endif // ABV_IR_LOGIC_H
