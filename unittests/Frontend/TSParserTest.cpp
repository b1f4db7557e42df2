//===- TSParserTest.cpp - Tests of the TypeScript frontend ----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The syntax tree the TypeScript frontend builds: node kinds, exact
/// ranges, the parts later checks read (imports, parameters and their
/// types, member chains of calls, object literals, returns and throws),
/// the helpers, the walker, syntax errors and their recovery, chunking and
/// parallel parsing; and the corpus: every `.ts` file parses without a
/// syntax error.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/TypeScript/TSAST.h"
#include "abv/Frontend/TypeScript/TSFrontend.h"
#include "abv/Frontend/TypeScript/TSPrinter.h"
#include "abv/Frontend/TypeScript/TSWalker.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/SourceManager.h"

#include "../TestSupport.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <map>
#include <string>

using namespace abv;
using namespace abv::ts;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;
using llvm::SMRange;
using llvm::StringRef;

namespace {

/// One in-memory `.ts` file, parsed.
struct Parsed {
  SourceManager sources;
  DiagnosticEngine diags{sources};
  unsigned id = 0;
  std::unique_ptr<SourceFile> file;

  explicit Parsed(StringRef text, TSParseOptions options = {}) {
    id = sources.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, "t.ts"));
    file = parseTypeScript(sources, id, diags, options);
  }

  const char *text() const { return sources.getBuffer(id)->getBufferStart(); }
  SMRange find(StringRef needle, unsigned nth = 0) const {
    return test::findRange(text(), needle, nth);
  }
  const Stmt *stmt(size_t i) const { return file->getStatements()[i]; }
  /// "line:col code" of every diagnostic.
  std::vector<std::string> errors() const {
    std::vector<std::string> result;
    for (const Diagnostic &d : diags.getDiagnostics()) {
      LineColumn lc = sources.getLineColumn(d.range.Start);
      result.push_back(std::to_string(lc.line) + ":" +
                       std::to_string(lc.column) + " " +
                       d.getInfo().code.str());
    }
    return result;
  }
  std::string print() const {
    std::string out;
    llvm::raw_string_ostream os(out);
    printSourceFile(*file, sources, os);
    return out;
  }
};

void expectRangeIs(SMRange actual, SMRange expected) {
  test::expectRange(actual, expected, "range");
}

/// The first node of class T in \p file, in pre-order.
template <typename T> const T *first(const SourceFile &file) {
  const T *found = nullptr;
  walk(file, [&](const Node *node) {
    if (const auto *typed = dyn_cast<T>(node)) {
      found = typed;
      return WalkResult::Interrupt;
    }
    return WalkResult::Advance;
  });
  return found;
}

template <typename T> unsigned count(const SourceFile &file) {
  unsigned n = 0;
  walk<T>(file, [&](const T *) { ++n; });
  return n;
}

const char *const Provider =
    R"ts(import { HttpException } from "@nestjs/common";
import typia, { tags } from "typia";
import * as ns from "./ns";
import type { MemberPayload } from "../decorators/payload/MemberPayload";

// TODO: schema lacks column
export async function postTodos(props: {
  member: MemberPayload;
  body: ITodo.ICreate;
  id: string & tags.Format<"uuid">;
}): Promise<ITodo> {
  const where = { member_id: props.member.id, ...extra, [key]: 1, done };
  const rows = await MyGlobal.prisma.todo_app_todos.findMany({ where });
  if (rows.length === 0)
    throw new HttpException("Not found", 404);
  return typia.assert<ITodo>(rows.map((r) => `${r.id}`)[0]!);
}
)ts";

} // namespace

TEST(TSParserTest, Imports) {
  Parsed p(Provider);
  EXPECT_TRUE(p.errors().empty());
  auto imports = p.file->getImports();
  ASSERT_EQ(imports.size(), 4u);
  EXPECT_EQ(imports[0]->module->getValue(), "@nestjs/common");
  ASSERT_EQ(imports[0]->specifiers.size(), 1u);
  EXPECT_EQ(imports[0]->specifiers[0]->getLocalName(), "HttpException");
  EXPECT_EQ(imports[1]->defaultBinding->name, "typia");
  EXPECT_EQ(imports[1]->specifiers[0]->getLocalName(), "tags");
  EXPECT_EQ(imports[2]->namespaceBinding->name, "ns");
  EXPECT_TRUE(imports[3]->typeOnly);
  expectRangeIs(imports[1]->getRange(),
                p.find("import typia, { tags } from \"typia\";"));
  expectRangeIs(imports[1]->module->getRange(), p.find("\"typia\""));
}

TEST(TSParserTest, FunctionsAndTypes) {
  Parsed p(Provider);
  const auto *fn = first<FunctionDecl>(*p.file);
  ASSERT_TRUE(fn);
  EXPECT_EQ(fn->name->name, "postTodos");
  EXPECT_TRUE(fn->isAsync);
  EXPECT_EQ(fn->mods & ModExport, ModExport);
  ASSERT_EQ(fn->sig.params.size(), 1u);
  const Parameter *props = fn->sig.params[0];
  EXPECT_EQ(cast<Identifier>(props->name)->name, "props");
  const auto *object = dyn_cast<TypeLiteral>(props->type);
  ASSERT_TRUE(object);
  ASSERT_EQ(object->members.size(), 3u);
  const auto *body = cast<PropertySignature>(object->members[1]);
  EXPECT_EQ(*getPropertyNameText(body->name), "body");
  EXPECT_EQ(cast<TypeReference>(body->type)->getName(), "ITodo.ICreate");
  // string & tags.Format<"uuid">
  const auto *id = cast<PropertySignature>(object->members[2]);
  const auto *both = dyn_cast<IntersectionType>(id->type);
  ASSERT_TRUE(both);
  ASSERT_EQ(both->types.size(), 2u);
  EXPECT_EQ(cast<KeywordType>(both->types[0])->keyword, TypeKeyword::String);
  const auto *format = cast<TypeReference>(both->types[1]);
  EXPECT_EQ(format->getName(), "tags.Format");
  ASSERT_EQ(format->typeArgs.size(), 1u);
  const auto *uuid = cast<LiteralType>(format->typeArgs[0]);
  EXPECT_EQ(cast<StringLiteral>(uuid->literal)->getValue(), "uuid");
  expectRangeIs(both->getRange(), p.find("string & tags.Format<\"uuid\">"));
  // Promise<ITodo>
  const auto *ret = cast<TypeReference>(fn->sig.returnType);
  EXPECT_EQ(ret->getName(), "Promise");
  expectRangeIs(ret->getRange(), p.find("Promise<ITodo>"));
}

TEST(TSParserTest, CallsAndLiterals) {
  Parsed p(Provider);
  // The Prisma call: its member chain and its object argument.
  const CallExpr *prisma = nullptr;
  walk<CallExpr>(*p.file, [&](const CallExpr *call) {
    if (getMemberChain(call->callee).size() == 4)
      prisma = call;
  });
  ASSERT_TRUE(prisma);
  EXPECT_EQ(llvm::join(getMemberChain(prisma->callee), "."),
            "MyGlobal.prisma.todo_app_todos.findMany");
  expectRangeIs(prisma->getRange(),
                p.find("MyGlobal.prisma.todo_app_todos.findMany({ where })"));
  ASSERT_EQ(prisma->args.size(), 1u);
  const auto *arg = cast<ObjectLiteral>(prisma->args[0]);
  EXPECT_TRUE(isa<ShorthandProperty>(arg->properties[0]));
  // `const where = { ... }`: a property, a spread, a computed key and a
  // shorthand.
  const auto *vars =
      cast<VarStmt>(cast<FunctionDecl>(p.stmt(4))->body->body[0]);
  EXPECT_EQ(vars->varKind, VarKind::Const);
  EXPECT_EQ(cast<Identifier>(vars->decls[0]->name)->name, "where");
  const auto *where = cast<ObjectLiteral>(vars->decls[0]->init);
  ASSERT_EQ(where->properties.size(), 4u);
  EXPECT_TRUE(isa<PropertyAssignment>(where->properties[0]));
  EXPECT_TRUE(isa<SpreadElement>(where->properties[1]));
  EXPECT_TRUE(isa<ComputedPropertyName>(
      cast<PropertyAssignment>(where->properties[2])->name));
  EXPECT_TRUE(isa<ShorthandProperty>(where->properties[3]));
  // typia.assert<ITodo>(...): type arguments, a non-null assertion, an
  // arrow function returning a template literal.
  const CallExpr *assert = nullptr;
  walk<CallExpr>(*p.file, [&](const CallExpr *call) {
    if (llvm::join(getMemberChain(call->callee), ".") == "typia.assert")
      assert = call;
  });
  ASSERT_TRUE(assert);
  ASSERT_EQ(assert->typeArgs.size(), 1u);
  EXPECT_EQ(cast<TypeReference>(assert->typeArgs[0])->getName(), "ITodo");
  EXPECT_TRUE(isa<NonNullExpr>(assert->args[0]));
  const auto *arrow = first<ArrowFunction>(*p.file);
  ASSERT_TRUE(arrow);
  const auto *tpl = cast<TemplateLiteral>(arrow->body);
  EXPECT_EQ(tpl->quasis.size(), 2u);
  EXPECT_EQ(cast<MemberExpr>(tpl->exprs[0])->getName(), "id");
  // throw new HttpException("Not found", 404)
  const auto *thrown = first<ThrowStmt>(*p.file);
  const auto *create = cast<NewExpr>(thrown->value);
  EXPECT_EQ(cast<Identifier>(create->callee)->name, "HttpException");
  EXPECT_EQ(cast<StringLiteral>(create->args[0])->getValue(), "Not found");
  EXPECT_EQ(cast<NumberLiteral>(create->args[1])->getValue(), 404.0);
  expectRangeIs(thrown->getRange(),
                p.find("throw new HttpException(\"Not found\", 404);"));
}

TEST(TSParserTest, Comments) {
  Parsed p(Provider);
  ASSERT_EQ(p.file->getComments().size(), 1u);
  const CommentRange &todo = p.file->getComments()[0];
  EXPECT_EQ(todo.kind, CommentRange::Line);
  EXPECT_EQ(todo.getText(), "// TODO: schema lacks column");
  EXPECT_EQ(p.file->getCommentsIn(p.file->getRange()).size(), 1u);
  EXPECT_TRUE(p.file->getCommentsIn(p.stmt(4)->getRange()).empty());
}

TEST(TSParserTest, Declarations) {
  Parsed p(R"ts(export namespace ITodo {
  export type ICreate = { title: string; done?: boolean };
  export interface ISummary extends IBase<string> { readonly id: string }
}
export enum Status { Open = "open", Done = "done" }
@Controller("/todos")
export class TodosController extends Base implements IThing {
  constructor(private readonly service: Service) { super(); }
  @TypedRoute.Get(":id")
  public async at(@TypedParam("id") id: string): Promise<ITodo> {
    return this.service.at(id);
  }
  count = 0;
  get total(): number { return this.count; }
}
declare module "x" { export const y: number; }
)ts");
  EXPECT_TRUE(p.errors().empty()) << llvm::join(p.errors(), ", ");
  const auto *ns = cast<NamespaceDecl>(p.stmt(0));
  EXPECT_EQ(ns->names[0]->name, "ITodo");
  ASSERT_EQ(ns->body.size(), 2u);
  const auto *alias = cast<TypeAliasDecl>(ns->body[0]);
  EXPECT_EQ(alias->name->name, "ICreate");
  EXPECT_EQ(alias->mods, ModExport);
  EXPECT_TRUE(
      cast<PropertySignature>(cast<TypeLiteral>(alias->type)->members[1])
          ->optional);
  const auto *iface = cast<InterfaceDecl>(ns->body[1]);
  EXPECT_EQ(iface->extends[0]->getName(), "IBase");
  EXPECT_EQ(cast<PropertySignature>(iface->members[0])->mods, ModReadonly);
  const auto *status = cast<EnumDecl>(p.stmt(1));
  EXPECT_EQ(status->members.size(), 2u);
  const auto *cls = cast<ClassDecl>(p.stmt(2));
  EXPECT_EQ(cls->parts.name->name, "TodosController");
  ASSERT_EQ(cls->parts.decorators.size(), 1u);
  EXPECT_EQ(cast<CallExpr>(cls->parts.decorators[0]->expr)->args.size(), 1u);
  EXPECT_EQ(cls->parts.extends->getName(), "Base");
  EXPECT_EQ(cls->parts.implements[0]->getName(), "IThing");
  ASSERT_EQ(cls->parts.members.size(), 4u);
  const auto *ctor = cast<MethodDecl>(cls->parts.members[0]);
  EXPECT_EQ(ctor->methodKind, MethodDecl::Constructor);
  EXPECT_EQ(ctor->sig.params[0]->mods, ModPrivate | ModReadonly);
  const auto *at = cast<MethodDecl>(cls->parts.members[1]);
  EXPECT_EQ(at->decorators.size(), 1u);
  EXPECT_EQ(at->mods, ModPublic | ModAsync);
  EXPECT_EQ(at->sig.params[0]->decorators.size(), 1u);
  EXPECT_TRUE(isa<PropertyDecl>(cls->parts.members[2]));
  EXPECT_EQ(cast<MethodDecl>(cls->parts.members[3])->methodKind,
            MethodDecl::Getter);
  const auto *module = cast<NamespaceDecl>(p.stmt(3));
  EXPECT_EQ(module->mods, ModDeclare);
  EXPECT_EQ(module->moduleName->getValue(), "x");
}

TEST(TSParserTest, Statements) {
  Parsed p(R"ts(for (const [k, v] of Object.entries(o)) { if (!v) continue; }
for (let i = 0; i < n; i++) sum += i;
for (const key in obj) {}
while (x) break;
do { x-- } while (x > 0)
try { f() } catch (e: unknown) { g(e) } finally { h() }
switch (kind) { case "a": case "b": { y(); break } default: z() }
outer: for (;;) break outer;
const { a, b: { c }, ...rest } = value;
let [first, , third = 3] = list;
)ts");
  EXPECT_TRUE(p.errors().empty()) << llvm::join(p.errors(), ", ");
  ASSERT_EQ(p.file->getStatements().size(), 10u);
  const auto *forOf = cast<ForInOfStmt>(p.stmt(0));
  EXPECT_TRUE(forOf->isOf);
  const auto *left = cast<VarStmt>(forOf->left);
  const auto *pair = cast<ArrayBindingPattern>(left->decls[0]->name);
  EXPECT_EQ(pair->elements.size(), 2u);
  EXPECT_TRUE(isa<ForStmt>(p.stmt(1)));
  EXPECT_FALSE(cast<ForInOfStmt>(p.stmt(2))->isOf);
  EXPECT_TRUE(isa<DoWhileStmt>(p.stmt(4)));
  const auto *tryStmt = cast<TryStmt>(p.stmt(5));
  EXPECT_TRUE(tryStmt->handler && tryStmt->finalizer);
  EXPECT_EQ(cast<KeywordType>(tryStmt->handler->paramType)->keyword,
            TypeKeyword::Unknown);
  const auto *sw = cast<SwitchStmt>(p.stmt(6));
  ASSERT_EQ(sw->clauses.size(), 3u);
  EXPECT_FALSE(sw->clauses[2]->test);
  EXPECT_TRUE(isa<BlockStmt>(sw->clauses[1]->body[0]));
  EXPECT_TRUE(isa<LabeledStmt>(p.stmt(7)));
  const auto *destructure = cast<VarStmt>(p.stmt(8));
  const auto *pattern = cast<ObjectBindingPattern>(destructure->decls[0]->name);
  ASSERT_EQ(pattern->elements.size(), 3u);
  EXPECT_TRUE(pattern->elements[2]->rest);
  const auto *holes =
      cast<ArrayBindingPattern>(cast<VarStmt>(p.stmt(9))->decls[0]->name);
  ASSERT_EQ(holes->elements.size(), 3u);
  EXPECT_TRUE(isa<OmittedExpr>(holes->elements[1]));
}

TEST(TSParserTest, Operators) {
  Parsed p(R"ts(r = a + b * c ** d ** e;
r = a ?? b ?? c;
r = x?.y?.[z]?.(w);
r = c ? t : u ? v : w;
r = a >> b >>> c;
r = a >= b && c > d;
r = <T>x;
r = y as const;
r = q satisfies T;
r = typeof a === "string" && !(b instanceof C) && "k" in o;
x >>>= 1;
r = -1 + +"2" - ~3;
)ts");
  EXPECT_TRUE(p.errors().empty()) << llvm::join(p.errors(), ", ");
  auto rhs = [&](size_t i) {
    return cast<BinaryExpr>(cast<ExprStmt>(p.stmt(i))->expr)->rhs;
  };
  // Precedence: a + (b * (c ** (d ** e))).
  const auto *sum = cast<BinaryExpr>(rhs(0));
  EXPECT_EQ(sum->op, BinaryOp::Add);
  const auto *product = cast<BinaryExpr>(sum->rhs);
  EXPECT_EQ(product->op, BinaryOp::Mul);
  const auto *power = cast<BinaryExpr>(product->rhs);
  EXPECT_EQ(power->op, BinaryOp::Exp);
  EXPECT_EQ(cast<BinaryExpr>(power->rhs)->op, BinaryOp::Exp);
  // Left associative ??.
  EXPECT_TRUE(isa<BinaryExpr>(cast<BinaryExpr>(rhs(1))->lhs));
  // Optional chaining.
  const auto *call = cast<CallExpr>(rhs(2));
  EXPECT_TRUE(call->optional);
  EXPECT_TRUE(cast<ElementAccessExpr>(call->callee)->optional);
  // Right associative conditionals.
  EXPECT_TRUE(isa<ConditionalExpr>(cast<ConditionalExpr>(rhs(3))->elseExpr));
  // `>>` and `>>>` from single '>' tokens.
  const auto *shift = cast<BinaryExpr>(rhs(4));
  EXPECT_EQ(shift->op, BinaryOp::UShr);
  EXPECT_EQ(cast<BinaryExpr>(shift->lhs)->op, BinaryOp::Shr);
  expectRangeIs(shift->opRange, p.find(">>>"));
  const auto *compare = cast<BinaryExpr>(rhs(5));
  EXPECT_EQ(cast<BinaryExpr>(compare->lhs)->op, BinaryOp::GreaterEqual);
  EXPECT_TRUE(isa<TypeAssertionExpr>(rhs(6)));
  EXPECT_TRUE(cast<AsExpr>(rhs(7))->isConst);
  EXPECT_TRUE(isa<SatisfiesExpr>(rhs(8)));
  EXPECT_EQ(cast<BinaryExpr>(cast<ExprStmt>(p.stmt(10))->expr)->op,
            BinaryOp::UShrAssign);
}

TEST(TSParserTest, Helpers) {
  Parsed p(R"ts(a = "tab\there \u00e9 \u{1F600} \x41 \ud83d\ude00";
b = 0x1F + 1_000 + .5e1 + 0b101;
)ts");
  const auto *str = cast<StringLiteral>(
      cast<BinaryExpr>(cast<ExprStmt>(p.stmt(0))->expr)->rhs);
  EXPECT_EQ(str->getValue(), "tab\there \xC3\xA9 \xF0\x9F\x98\x80 A "
                             "\xF0\x9F\x98\x80");
  std::vector<double> numbers;
  walk<NumberLiteral>(*p.file, [&](const NumberLiteral *n) {
    numbers.push_back(*n->getValue());
  });
  EXPECT_EQ(numbers, (std::vector<double>{31, 1000, 5, 5}));
}

TEST(TSParserTest, Walker) {
  Parsed p(Provider);
  // Skip: no node inside the function's body.
  unsigned inside = 0;
  walk(*p.file, [&](const Node *node) {
    if (isa<BlockStmt>(node))
      return WalkResult::Skip;
    if (isa<CallExpr>(node))
      ++inside;
    return WalkResult::Advance;
  });
  EXPECT_EQ(inside, 0u);
  // Interrupt stops at the first match; post-order visits children first.
  std::vector<NodeKind> order;
  walk(
      p.stmt(0),
      [&](const Node *node) {
        order.push_back(node->getKind());
        return WalkResult::Advance;
      },
      WalkOrder::PostOrder);
  ASSERT_FALSE(order.empty());
  EXPECT_EQ(order.back(), NodeKind::ImportDecl);
  EXPECT_EQ(count<CallExpr>(*p.file), 3u);
  EXPECT_EQ(count<NewExpr>(*p.file), 1u);
  EXPECT_EQ(count<AwaitExpr>(*p.file), 1u);
}

TEST(TSParserTest, Printer) {
  Parsed p("import { a } from \"m\";\nconst x = a.b(1);\n");
  EXPECT_EQ(p.print(), "ts.file t.ts statements=2 comments=0\n"
                       "  ts.import \"m\" @t.ts:1:1\n"
                       "    ts.import_spec a @t.ts:1:10\n"
                       "  ts.var_stmt const @t.ts:2:1\n"
                       "    ts.var x @t.ts:2:7\n"
                       "      ts.call a.b @t.ts:2:11\n"
                       "        ts.member .b @t.ts:2:11\n"
                       "          ts.ident a @t.ts:2:11\n"
                       "        ts.number 1 @t.ts:2:15\n");
}

TEST(TSParserTest, SyntaxErrorsAreLocatedAndRecovered) {
  Parsed p(R"ts(const a = f(1 2);
const b = ;
const ok1 = 1;
interface I { x: string y: number }
const ok2 = g([1, 2], { k: 3 });
)ts");
  EXPECT_EQ(p.errors(), (std::vector<std::string>{"1:15 TSP001", "2:11 TSP001",
                                                  "4:25 TSP001"}));
  // The good statements are all there.
  unsigned vars = count<VarStmt>(*p.file);
  EXPECT_GE(vars, 3u);
  EXPECT_EQ(p.file->getNumSyntaxErrors(), 3u);
  const auto *last = cast<VarStmt>(p.file->getStatements().back());
  EXPECT_EQ(cast<Identifier>(last->decls[0]->name)->name, "ok2");
}

TEST(TSParserTest, ChunksGiveTheSameTree) {
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += "export const v" + std::to_string(i) + " = f(" + std::to_string(i) +
            ", { a: [1, 2] });\nfunction g" + std::to_string(i) +
            "() {\n  return 1\n}\n";
  TSParseOptions small;
  small.chunkTokens = 7;
  Parsed whole(text), chunked(text, small);
  EXPECT_EQ(whole.file->getStatements().size(), 400u);
  EXPECT_EQ(whole.print(), chunked.print());
  EXPECT_TRUE(chunked.errors().empty());
}

TEST(TSParserTest, DeepNestingIsReportedNotFatal) {
  // On the test's own stack (no tool thread): the guards must hold here
  // too. Each statement too deep is skipped; the next ones are parsed.
  std::string text = "const a = " + std::string(10000, '!') + "x;\n" +
                     "const b = " + std::string(5000, '(') + "1" +
                     std::string(5000, ')') + ";\n" + "const c = 1;\n";
  Parsed p(text);
  EXPECT_EQ(p.errors(),
            (std::vector<std::string>{"2:267 TSP009", "1:1504 TSP009"}));
  ASSERT_EQ(p.file->getStatements().size(), 1u);
  EXPECT_EQ(cast<Identifier>(cast<VarStmt>(p.stmt(0))->decls[0]->name)->name,
            "c");
}

TEST(TSParserTest, LongChainsAreBuiltWithoutRecursion) {
  // 9,000 links: under MaxTreeDepth, built bottom-up in a loop; a union is
  // one flat list. 20,000 links: too deep a tree, reported and left out.
  std::string members, sum, uni, deep;
  for (int i = 0; i < 9000; ++i) {
    members += ".m" + std::to_string(i);
    sum += (i ? " + " : "") + std::to_string(i);
    uni += (i ? " | " : "") + ("T" + std::to_string(i));
  }
  for (int i = 0; i < 20000; ++i)
    deep += "()";
  Parsed p("a" + members + ";\nconst s = " + sum + ";\ntype U = " + uni +
           ";\nf" + deep + ";\nconst ok = 1;\n");
  EXPECT_EQ(p.errors(), (std::vector<std::string>{"4:1 TSP009"}));
  ASSERT_EQ(p.file->getStatements().size(), 4u);

  auto chain = getMemberChain(cast<ExprStmt>(p.stmt(0))->expr);
  ASSERT_EQ(chain.size(), 9001u);
  EXPECT_EQ(chain.front(), "a");
  EXPECT_EQ(chain[1], "m0");
  EXPECT_EQ(chain.back(), "m8999");

  // `0 + 1 + ... + 8999` is left-associative: the deepest left operand is 0.
  const Expr *e = cast<VarStmt>(p.stmt(1))->decls[0]->init;
  unsigned depth = 0;
  while (const auto *bin = dyn_cast<BinaryExpr>(e)) {
    EXPECT_EQ(cast<NumberLiteral>(bin->rhs)->getValue().value_or(-1),
              8999.0 - depth);
    e = bin->lhs;
    ++depth;
  }
  EXPECT_EQ(depth, 8999u);
  EXPECT_EQ(cast<NumberLiteral>(e)->getValue().value_or(-1), 0.0);

  const auto *u = cast<UnionType>(cast<TypeAliasDecl>(p.stmt(2))->type);
  ASSERT_EQ(u->types.size(), 9000u);
  EXPECT_EQ(cast<TypeReference>(u->types.back())->getName(), "T8999");
  EXPECT_EQ(u->getRange().Start, p.find("T0").Start);
}

TEST(TSParserTest, ParallelParsingIsDeterministic) {
  SourceManager sources;
  DiagnosticEngine diags(sources);
  std::vector<unsigned> ids;
  for (int i = 0; i < 16; ++i)
    ids.push_back(sources.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(
        "export const x" + std::to_string(i) + " = f(" + std::to_string(i) +
            ");\nconst bad" + std::to_string(i) + " = ;\n",
        "f" + std::to_string(i) + ".ts")));
  TSParseOptions parallel;
  parallel.threads = 4;
  auto files = parseTypeScriptFiles(sources, ids, diags, parallel);
  ASSERT_EQ(files.size(), 16u);
  ASSERT_EQ(diags.getDiagnostics().size(), 16u);
  // In file order.
  for (unsigned i = 0; i < 16; ++i) {
    EXPECT_EQ(files[i]->getBufferID(), ids[i]);
    EXPECT_EQ(sources.findBuffer(diags.getDiagnostics()[i].range.Start),
              ids[i]);
  }
}

/// Every `.ts` file of the corpus parses without a syntax error; the only
/// findings are the two markdown fences of the llama-4-maverick todo run.
TEST(TSParserTest, Corpus) {
  std::string dir;
  if (const char *env = std::getenv("ABV_CORPUS_DIR"))
    dir = env;
#ifdef ABV_CORPUS_DIR
  if (dir.empty())
    dir = ABV_CORPUS_DIR;
#endif
  if (dir.empty() || !llvm::sys::fs::is_directory(dir))
    GTEST_SKIP() << "corpus not found (set ABV_CORPUS_DIR)";
  std::vector<std::string> paths;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(dir, ec), end;
       it != end && !ec; it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".ts")
      paths.push_back(it->path());
  std::sort(paths.begin(), paths.end());
  SourceManager sources;
  DiagnosticEngine diags(sources);
  std::vector<unsigned> ids;
  size_t bytes = 0;
  for (const std::string &path : paths) {
    std::optional<unsigned> id =
        addSourceFile(sources, diags, path, MaxSourceFileSize,
                      /*allowSparseNul=*/true);
    ASSERT_TRUE(id) << path;
    ids.push_back(*id);
    bytes += sources.getBuffer(*id)->getBufferSize();
  }
  auto files = parseTypeScriptFiles(sources, ids, diags);
  std::map<std::string, unsigned> byCode;
  for (const Diagnostic &d : diags.getDiagnostics()) {
    ++byCode[d.getInfo().code.str()];
    if (d.id != DiagID::TSMarkdownFence)
      ADD_FAILURE() << sources.getBufferName(d.range.Start).str() << ": "
                    << d.message;
    else
      EXPECT_TRUE(sources.getBufferName(d.range.Start)
                      .contains("llama-4-maverick/todo/src/providers"));
  }
  EXPECT_EQ(byCode["TSP011"], 2u);
  size_t statements = 0;
  for (const auto &file : files)
    statements += file->getStatements().size();
  EXPECT_GT(paths.size(), 4000u);
  std::printf("parsed %zu files, %zu bytes, %zu top-level statements; %zu "
              "diagnostics (TSP011: %u)\n",
              paths.size(), bytes, statements, diags.getDiagnostics().size(),
              byCode["TSP011"]);
}
