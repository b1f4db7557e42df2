//===- BindingTest.cpp - Tests of the binding analysis --------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every cross reference of a project resolved once: `$ref`s and their uses,
/// DTOs to tables (explicit, by family, by name), properties to columns
/// (explicit, by name, across case conventions), actors to tables,
/// relations to models; and what does not resolve, located.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Binding.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Frontend/ProjectLoader.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <string>

using namespace abv;
using namespace llvm;

namespace {

constexpr StringLiteral schemaText = R"(
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model todo_app_members {
  id           String @id
  display_name String
  todos        todo_app_todos[]
}
model todo_app_todos {
  id                 String   @id
  title              String
  created_at         DateTime
  todo_app_member_id String
  member             todo_app_members @relation(fields: [todo_app_member_id], references: [id])
}
model todo_app_edit_histories {
  id String @id
}
model shop_order_items {
  id String @id
}
)";

// AutoBe's OpenAPI AST: a typeName is a reference, as a `$ref` is.
constexpr StringLiteral documentText = R"({
  "operations": [
    {"specification": "s", "description": "d", "path": "/todos", "method": "get",
     "name": "index", "parameters": [], "requestBody": null,
     "authorizationActor": "member",
     "responseBody": {"description": "d", "typeName": "ITodoAppTodo"}},
    {"specification": "s", "description": "d", "path": "/todos/{id}", "method": "get",
     "name": "at", "parameters": [], "requestBody": null,
     "authorizationActor": "member",
     "responseBody": {"description": "d", "typeName": "ITodoAppTodo"}},
    {"specification": "s", "description": "d", "path": "/admin", "method": "get",
     "name": "at", "parameters": [], "requestBody": null,
     "authorizationActor": "admin",
     "responseBody": {"description": "d", "typeName": "IMissing"}}
  ],
  "components": {
    "authorization": [],
    "schemas": {
      "ITodoAppTodo": {"type": "object", "description": "d",
        "x-autobe-database-schema": "todo_app_todos",
        "required": [], "properties": {
          "id": {"type": "string", "description": "d"},
          "title": {"type": "string", "description": "d"},
          "createdAt": {"type": "string", "description": "d"},
          "owner": {"$ref": "#/components/schemas/ITodoAppMember", "description": "d"},
          "ghost": {"type": "string", "description": "d"}}},
      "ITodoAppTodo.ISummary": {"type": "object", "description": "d",
        "required": [], "properties": {
          "title": {"type": "string", "description": "d"}}},
      "ITodoAppMember": {"type": "object", "description": "d",
        "required": [], "properties": {
          "displayName": {"type": "string", "description": "d"}}},
      "ITodoAppEditHistory": {"type": "object", "description": "d",
        "required": [], "properties": {}},
      "IOrderItem": {"type": "object", "description": "d",
        "required": [], "properties": {}},
      "IThing": {"type": "object", "description": "d",
        "x-autobe-database-schema": "things", "required": [], "properties": {}},
      "IBroken": {"type": "object", "description": "d",
        "x-autobe-database-schema": "todo_app_members", "required": [],
        "properties": {
          "name": {"type": "string", "description": "d",
                   "x-autobe-database-schema-property": "nmae"}}}
    }
  }
})";

struct BindingFixture : ::testing::Test {
  Project project;
  DiagnosticEngine diags{project.getSourceManager()};
  SmallString<128> dir;

  void TearDown() override {
    if (!dir.empty())
      sys::fs::remove_directories(dir);
  }

  void write(StringRef name, StringRef text) {
    SmallString<128> path(dir);
    sys::path::append(path, name);
    sys::fs::create_directories(sys::path::parent_path(path));
    std::error_code ec;
    raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec) << ec.message();
    os << text;
  }

  const Binding &load() {
    EXPECT_FALSE(sys::fs::createUniqueDirectory("abv-binding", dir));
    write("schema.prisma", schemaText);
    write("autobe/document.json", documentText);
    EXPECT_EQ(loadProject(project, {std::string(dir)}, diags), LoadResult::Ok);
    analyses = std::make_unique<AnalysisManager>(project);
    return analyses->getAnalysis<Binding>();
  }

  const api::NamedType &type(StringRef name) {
    const api::NamedType *named = project.getAPIDocument()->findType(name);
    EXPECT_TRUE(named) << name.str();
    return *named;
  }
  const db::Model &model(StringRef name) {
    const db::Model *found = project.getDBSchema()->findModel(name);
    EXPECT_TRUE(found) << name.str();
    return *found;
  }
  const api::Property &property(StringRef typeName, StringRef name) {
    const api::Property *found = type(typeName).type->findProperty(name);
    EXPECT_TRUE(found) << name.str();
    return *found;
  }

  std::unique_ptr<AnalysisManager> analyses;
};

TEST_F(BindingFixture, DTOsFindTheirTables) {
  const Binding &binding = load();
  using Kind = Binding::LinkKind;
  auto link = [&](StringRef name) { return binding.getTable(type(name)); };
  EXPECT_EQ(link("ITodoAppTodo").model, &model("todo_app_todos"));
  EXPECT_EQ(link("ITodoAppTodo").kind, Kind::Explicit);
  EXPECT_EQ(link("ITodoAppTodo.ISummary").model, &model("todo_app_todos"));
  EXPECT_EQ(link("ITodoAppTodo.ISummary").kind, Kind::Family);
  EXPECT_EQ(link("ITodoAppMember").model, &model("todo_app_members"));
  EXPECT_EQ(link("ITodoAppMember").kind, Kind::Name);
  // A mass noun's table is still named in the plural.
  EXPECT_EQ(link("ITodoAppEditHistory").model,
            &model("todo_app_edit_histories"));
  // The one table ending in `_order_items`.
  EXPECT_EQ(link("IOrderItem").model, &model("shop_order_items"));
  EXPECT_FALSE(link("IThing"));
  // Names the document does not declare: a page's items, by name.
  EXPECT_EQ(binding.getTable("ITodoAppMember.IAuthorized").model,
            &model("todo_app_members"));
  // The reverse index.
  auto dtos = binding.getDTOs(model("todo_app_todos"));
  ASSERT_EQ(dtos.size(), 2u);
  EXPECT_EQ(dtos[0], &type("ITodoAppTodo"));
  EXPECT_EQ(dtos[1], &type("ITodoAppTodo.ISummary"));
}

TEST_F(BindingFixture, PropertiesFindTheirColumns) {
  const Binding &binding = load();
  const db::Model &todos = model("todo_app_todos");
  EXPECT_EQ(binding.getColumn(property("ITodoAppTodo", "title")),
            todos.findField("title"));
  // Across case conventions.
  EXPECT_EQ(binding.getColumn(property("ITodoAppTodo", "createdAt")),
            todos.findField("created_at"));
  EXPECT_EQ(binding.getColumn(property("ITodoAppMember", "displayName")),
            model("todo_app_members").findField("display_name"));
  EXPECT_EQ(binding.getColumn(property("ITodoAppTodo", "ghost")), nullptr);
  auto props = binding.getProperties(*todos.findField("title"));
  ASSERT_EQ(props.size(), 2u); // ITodoAppTodo's and its ISummary's.
}

TEST_F(BindingFixture, ReferencesActorsAndRelations) {
  const Binding &binding = load();
  const api::Type *owner = property("ITodoAppTodo", "owner").type;
  ASSERT_TRUE(owner && owner->kind == api::TypeKind::Ref);
  EXPECT_EQ(binding.getReferencedType(*owner), &type("ITodoAppMember"));
  // Two responses and the property use ITodoAppTodo / ITodoAppMember.
  EXPECT_EQ(binding.getUses(type("ITodoAppTodo")).size(), 2u);
  EXPECT_EQ(binding.getUses(type("ITodoAppMember")).size(), 1u);
  EXPECT_EQ(binding.getActorTable("member"), &model("todo_app_members"));
  EXPECT_EQ(binding.getActorTable("admin"), nullptr);
  const db::Field *member = model("todo_app_todos").findField("member");
  EXPECT_EQ(binding.getRelationTarget(*member), &model("todo_app_members"));
}

TEST_F(BindingFixture, UnresolvedReferencesAreLocatedAndGroupedByKind) {
  const Binding &binding = load();
  using Kind = Binding::Unresolved::Kind;
  std::vector<std::pair<Kind, std::string>> seen;
  for (const Binding::Unresolved &entry : binding.getUnresolved()) {
    seen.push_back({entry.kind, entry.name.str()});
    EXPECT_TRUE(entry.range.isValid()) << entry.name.str();
  }
  EXPECT_EQ(seen, (std::vector<std::pair<Kind, std::string>>{
                      {Kind::TypeRef, "IMissing"},
                      {Kind::DTOTable, "things"},
                      {Kind::PropertyColumn, "nmae"},
                      {Kind::Actor, "admin"}}));
}

} // namespace

namespace {

// Providers are bound to operations through a controller's route, else by
// AutoBe's name; SDK accessors through the path's literal segments and the
// operation's name; Prisma client names to tables.
TEST_F(BindingFixture, LogicReferences) {
  ASSERT_FALSE(sys::fs::createUniqueDirectory("abv-binding", dir));
  write("schema.prisma", schemaText);
  write("autobe/document.json", documentText);
  write("src/providers/getTodos.ts",
        "export async function getTodos(props: {}) {\n"
        "  return MyGlobal.prisma.todo_app_todos.findMany({});\n}\n");
  write("src/providers/readTodo.ts",
        "export async function readTodo(props: { id: string }) {}\n");
  write("src/providers/getStale.ts",
        "export async function getStale(props: {}) {}\n");
  write("src/controllers/TodosController.ts",
        "@Controller(\"todos\")\nexport class TodosController {\n"
        "  @TypedRoute.Get(\":id\")\n"
        "  public async at(@TypedParam(\"id\") id: string) {\n"
        "    return readTodo({ id });\n  }\n}\n");
  write("test/features/api/test_api_todo_at.ts",
        "export async function test_api_todo_at(connection: api.IConnection) "
        "{\n  await api.functional.todos.at(connection, { id: \"x\" });\n"
        "  await api.functional.todos.missing(connection);\n}\n");
  ASSERT_EQ(loadProject(project, {std::string(dir)}, diags), LoadResult::Ok);
  analyses = std::make_unique<AnalysisManager>(project);
  const Binding &binding = analyses->getAnalysis<Binding>();
  ASSERT_TRUE(project.logic);

  const logic::Function *getTodos = project.logic->findFunction("getTodos");
  const logic::Function *readTodo = project.logic->findFunction("readTodo");
  const logic::Function *getStale = project.logic->findFunction("getStale");
  ASSERT_TRUE(getTodos && readTodo && getStale);
  Binding::ProviderLink byName = binding.getOperation(*getTodos);
  ASSERT_TRUE(byName);
  EXPECT_EQ(byName.kind, Binding::ProviderLinkKind::Name);
  EXPECT_EQ(byName.operation->path.name, "/todos");
  Binding::ProviderLink byRoute = binding.getOperation(*readTodo);
  ASSERT_TRUE(byRoute);
  EXPECT_EQ(byRoute.kind, Binding::ProviderLinkKind::Route);
  EXPECT_EQ(byRoute.operation->path.name, "/todos/{id}");
  EXPECT_EQ(binding.getProvider(*byRoute.operation), readTodo);
  EXPECT_FALSE(binding.getOperation(*getStale));

  const logic::Function *test = project.logic->findFunction("test_api_todo_at");
  ASSERT_TRUE(test);
  ASSERT_EQ(test->sdkCalls.size(), 2u);
  const api::Operation *at = binding.getOperation(test->sdkCalls[0]);
  ASSERT_TRUE(at);
  EXPECT_EQ(at->path.name, "/todos/{id}");
  EXPECT_FALSE(binding.getOperation(test->sdkCalls[1]));

  EXPECT_EQ(binding.findPrismaTable("todo_app_todos"),
            &model("todo_app_todos"));
  EXPECT_EQ(binding.findPrismaTable("todo_app_todo"), nullptr);
  EXPECT_TRUE(binding.findField(model("todo_app_todos"), "member"));
  EXPECT_FALSE(binding.findField(model("todo_app_todos"), "titel"));
}

} // namespace
