//===- LogicLoweringTest.cpp - Tests of the logic IR's lowering -----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What lowerLogic makes of providers, collectors, transformers, tests and
/// controllers: function kinds by folder, parameters and their roles, Prisma
/// calls with their argument trees (symbols followed, spreads merged),
/// Prisma-typed objects, SDK calls, returns, throws, typia calls, owner
/// checks, routes; and exact ranges.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/Logic/LogicLowering.h"
#include "abv/Frontend/TypeScript/TSFrontend.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceManager.h"
#include "abv/IR/Logic.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <string>

using namespace abv;
using namespace abv::logic;
using llvm::StringRef;

namespace {

/// One in-memory `.ts` file at \p path, parsed and lowered.
struct Lowered {
  SourceManager sources;
  DiagnosticEngine diags{sources};
  std::vector<std::shared_ptr<ts::SourceFile>> files;
  std::unique_ptr<Module> module;

  Lowered(StringRef path, StringRef text) {
    unsigned id =
        sources.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, path));
    files.push_back(parseTypeScript(sources, id, diags));
    module = lowerLogic(files);
  }
  const Function &fn(size_t i = 0) const { return *module->functions.at(i); }
  /// `line:col` of \p loc.
  std::string at(llvm::SMLoc loc) const {
    LineColumn lc = sources.getLineColumn(loc);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }
};

TEST(LogicLoweringTest, ProviderParamsAndPrismaCall) {
  Lowered l("src/providers/getTodos.ts",
            R"(export async function getTodos(props: {
  member: MemberPayload;
  todoId: string & tags.Format<"uuid">;
  body: ITodo.IRequest;
}): Promise<ITodo> {
  const where = { member_id: props.member.id, deleted_at: null };
  const row = await MyGlobal.prisma.todos.findFirst({
    where,
    select: { id: true, author: { select: { name: true } } },
  });
  return { id: row.id };
}
)");
  ASSERT_EQ(l.module->functions.size(), 1u);
  const Function &fn = l.fn();
  EXPECT_EQ(fn.kind, FunctionKind::Provider);
  EXPECT_EQ(fn.name.text, "getTodos");
  ASSERT_EQ(fn.params.size(), 3u);
  EXPECT_EQ(fn.params[0].role, Param::Role::Actor);
  EXPECT_EQ(fn.params[1].role, Param::Role::PathParam);
  EXPECT_EQ(fn.params[2].role, Param::Role::Body);
  ASSERT_EQ(fn.prismaCalls.size(), 1u);
  const PrismaCall &call = fn.prismaCalls[0];
  EXPECT_EQ(call.table.text, "todos");
  EXPECT_EQ(l.at(call.table.range.Start), "7:37");
  EXPECT_EQ(call.kind, PrismaOp::FindFirst);
  ASSERT_TRUE(call.args);
  // `where` is followed to its declaration.
  const ArgEntry *where = call.args->find("where");
  ASSERT_TRUE(where && where->nested);
  ASSERT_EQ(where->nested->entries.size(), 2u);
  EXPECT_EQ(where->nested->entries[0].key.text, "member_id");
  EXPECT_EQ(l.at(where->nested->entries[0].key.range.Start), "6:19");
  EXPECT_EQ(where->nested->entries[1].valueKind, ArgEntry::ValueKind::Null);
  const ArgEntry *select = call.args->find("select");
  ASSERT_TRUE(select && select->nested);
  const ArgEntry *author = select->nested->find("author");
  ASSERT_TRUE(author && author->nested);
  EXPECT_TRUE(author->nested->find("select"));
  // The owner check: `member_id: props.member.id`.
  ASSERT_EQ(fn.ownerChecks.size(), 1u);
  EXPECT_EQ(fn.ownerChecks[0].column.text, "member_id");
  EXPECT_EQ(fn.ownerChecks[0].actor, "member");
  ASSERT_EQ(fn.returns.size(), 1u);
  EXPECT_EQ(fn.returns[0].kind, Return::Kind::Object);
  EXPECT_TRUE(fn.usesName("body") == false);
}

TEST(LogicLoweringTest, SpreadsAssignmentsAndUnknownKeys) {
  Lowered l("src/providers/patchTodos.ts",
            R"(export async function patchTodos(props: {
  body: ITodo.IRequest;
}) {
  const w: Prisma.todosWhereInput = { ...(props.body.q && { title: props.body.q }) };
  w.done = true;
  return MyGlobal.prisma.todos.findMany({
    where: w,
    ...Transformer.select(),
    orderBy: props.body.asc ? { created_at: "asc" } : { created_at: "desc" },
  });
}
)");
  const Function &fn = l.fn();
  ASSERT_EQ(fn.prismaTyped.size(), 1u);
  EXPECT_EQ(fn.prismaTyped[0].table.text, "todos");
  EXPECT_EQ(fn.prismaTyped[0].shape, PrismaShape::WhereInput);
  ASSERT_EQ(fn.prismaCalls.size(), 1u);
  const ArgObject *args = fn.prismaCalls[0].args;
  ASSERT_TRUE(args);
  EXPECT_TRUE(args->hasUnknownKeys);
  ASSERT_EQ(args->unknownSpreads.size(), 1u);
  EXPECT_EQ(args->unknownSpreads[0], "Transformer.select()");
  const ArgEntry *where = args->find("where");
  ASSERT_TRUE(where && where->nested);
  EXPECT_TRUE(where->nested->find("title"));
  EXPECT_TRUE(where->nested->find("done"));
  const ArgEntry *orderBy = args->find("orderBy");
  ASSERT_TRUE(orderBy && orderBy->nested);
  EXPECT_EQ(orderBy->nested->entries.size(), 2u);
  EXPECT_TRUE(fn.usesName("q"));
}

TEST(LogicLoweringTest, PlaceholderThrowsAndTypia) {
  Lowered l("src/providers/putTodo.ts",
            R"(export async function putTodo(props: {
  admin: AdminPayload;
}): Promise<ITodo> {
  // The schema has no 'archived_at' column, so this cannot be implemented.
  if (Math.random() > 2) throw new HttpException("Forbidden", 403);
  if (Math.random() > 3) throw new NotFoundException();
  if (Math.random() > 4) throw new Error("not implemented");
  return typia.random<ITodo>();
}
)");
  const Function &fn = l.fn();
  ASSERT_EQ(fn.throws.size(), 3u);
  EXPECT_EQ(fn.throws[0].kind, Throw::Kind::HttpException);
  EXPECT_EQ(fn.throws[0].status, 403u);
  EXPECT_EQ(fn.throws[1].status, 404u);
  EXPECT_EQ(fn.throws[2].kind, Throw::Kind::Error);
  EXPECT_EQ(fn.throws[2].message, "not implemented");
  ASSERT_EQ(fn.returns.size(), 1u);
  EXPECT_EQ(fn.returns[0].kind, Return::Kind::TypiaRandom);
  ASSERT_EQ(fn.typiaCalls.size(), 1u);
  EXPECT_EQ(fn.typiaCalls[0].typeText, "ITodo");
  ASSERT_EQ(fn.comments.size(), 1u);
  EXPECT_TRUE(fn.comments[0].text.contains("archived_at"));
}

TEST(LogicLoweringTest, TransactionsNestedWritesAndComparisons) {
  Lowered l("src/providers/postOrder.ts",
            R"(export async function postOrder(props: {
  customer: CustomerPayload;
  orderId: string;
}) {
  const order = await MyGlobal.prisma.orders.findUniqueOrThrow({ where: { id: props.orderId } });
  if (order.customer_id !== props.customer.id) throw new HttpException("no", 403);
  await MyGlobal.prisma.$transaction(async (tx) => {
    await tx.order_items.create({
      data: { id: v4(), order: { connect: { id: order.id } } },
    });
  });
}
)");
  const Function &fn = l.fn();
  ASSERT_EQ(fn.prismaCalls.size(), 2u);
  EXPECT_FALSE(fn.prismaCalls[0].inTransaction);
  EXPECT_TRUE(fn.prismaCalls[1].inTransaction);
  EXPECT_EQ(fn.prismaCalls[1].table.text, "order_items");
  const ArgEntry *data = fn.prismaCalls[1].args->find("data");
  ASSERT_TRUE(data && data->nested);
  const ArgEntry *order = data->nested->find("order");
  ASSERT_TRUE(order && order->nested && order->nested->find("connect"));
  ASSERT_EQ(fn.ownerChecks.size(), 1u);
  EXPECT_EQ(fn.ownerChecks[0].column.text, "customer_id");
  EXPECT_EQ(l.at(fn.ownerChecks[0].column.range.Start), "6:13");
}

TEST(LogicLoweringTest, TestsCollectorsAndControllers) {
  Lowered test(
      "test/features/api/test_api_todo_create.ts",
      R"(export async function test_api_todo_create(connection: api.IConnection) {
  const todo = await api.functional.todoApp.member.todos.create(connection, {
    body: { title: "x" } satisfies ITodo.ICreate,
  });
  TestValidator.equals("title", todo.title, "x");
}
)");
  const Function &t = test.fn();
  EXPECT_EQ(t.kind, FunctionKind::Test);
  EXPECT_EQ(t.params[0].role, Param::Role::Connection);
  ASSERT_EQ(t.sdkCalls.size(), 1u);
  EXPECT_EQ(t.sdkCalls[0].getAccessorText(), "todoApp.member.todos.create");
  EXPECT_EQ(t.sdkCalls[0].numArgs, 2u);
  ASSERT_TRUE(t.sdkCalls[0].props);
  EXPECT_TRUE(t.sdkCalls[0].props->find("body"));

  Lowered collector("src/collectors/TodoCollector.ts",
                    R"(export namespace TodoCollector {
  export async function collect(props: { body: ITodo.ICreate }) {
    return {
      id: v4(),
      title: props.body.title,
      member: { connect: { id: props.member.id } },
    } satisfies Prisma.todo_app_todosCreateInput;
  }
}
)");
  const Function &c = collector.fn();
  EXPECT_EQ(c.kind, FunctionKind::Collector);
  EXPECT_EQ(c.namespaceName, "TodoCollector");
  EXPECT_EQ(collector.module->findFunction("TodoCollector.collect"), &c);
  ASSERT_EQ(c.prismaTyped.size(), 1u);
  EXPECT_EQ(c.prismaTyped[0].table.text, "todo_app_todos");
  EXPECT_EQ(c.prismaTyped[0].shape, PrismaShape::CreateInput);
  EXPECT_EQ(collector.at(c.prismaTyped[0].table.range.Start), "7:24");
  ASSERT_TRUE(c.prismaTyped[0].object);
  EXPECT_EQ(c.prismaTyped[0].object->entries.size(), 3u);

  Lowered controller("src/controllers/auth/AuthController.ts",
                     R"(@Controller("/auth/user")
export class AuthController {
  @TypedRoute.Post("join")
  public async join(@TypedBody() body: IUser.IJoin) {
    return await postAuthUserJoin({ body });
  }
  @TypedRoute.Get(":id")
  public async at(@TypedParam("id") id: string) {
    return getAuthUserId({ id });
  }
}
)");
  ASSERT_EQ(controller.module->routes.size(), 2u);
  EXPECT_EQ(controller.module->routes[0].method, "post");
  EXPECT_EQ(controller.module->routes[0].path, "/auth/user/join");
  EXPECT_EQ(controller.module->routes[0].provider.text, "postAuthUserJoin");
  EXPECT_EQ(controller.module->routes[1].path, "/auth/user/:id");
}

TEST(LogicLoweringTest, EmptyAndBrokenInput) {
  Lowered empty("src/providers/deleteX.ts",
                "export async function deleteX(props: {}) {}\n");
  EXPECT_TRUE(empty.fn().emptyBody);
  // A call with no arguments and a syntax error: no crash.
  Lowered broken("test/features/test_x.ts",
                 "export async function test_x() { api.functional.a.b(); "
                 "MyGlobal.prisma.t.create(; }\n");
  ASSERT_FALSE(broken.module->functions.empty());
  EXPECT_EQ(broken.fn().sdkCalls.at(0).numArgs, 0u);
}

} // namespace
