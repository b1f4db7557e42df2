//===- AutoBeAPITest.cpp - Tests of the AutoBe OpenAPI AST frontend -------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Frontend/AutoBe/AutoBeAPI.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceFiles.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include "../TestSupport.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

using namespace abv;
using namespace abv::api;
using namespace llvm;

namespace {

/// Loads a document.json text through the frontend.
struct Loaded : test::LoadedText {
  std::unique_ptr<Document> document;

  explicit Loaded(StringRef input) {
    document = parseAutoBeAPI(sourceMgr, add(input, "document.json"), diags);
  }
  /// The range of the object (brace to brace) that starts at the \p nth
  /// occurrence of \p needle, which must begin with '{'.
  SMRange object(StringRef needle, unsigned nth = 0) const {
    return test::findObjectAt(text, needle, nth);
  }
};

using test::expectRange;

/// A 2025-shaped document (authorizationRole, x-autobe-prisma-schema,
/// components.authorization with kinds).
constexpr const char *Todo2025 = R"({
  "operations": [
    {
      "specification": "Creates a todo.",
      "path": "/todoList/user/todos",
      "method": "post",
      "summary": "Create a todo",
      "description": "Creates a todo of the user.",
      "parameters": [],
      "requestBody": {"description": "New todo.", "typeName": "ITodoListTodo.ICreate"},
      "responseBody": {"description": "Created todo.", "typeName": "ITodoListTodo"},
      "authorizationType": null,
      "authorizationRole": "user",
      "name": "create",
      "prerequisites": []
    },
    {
      "specification": "Erases a todo.",
      "path": "/todoList/user/todos/{todoId}",
      "method": "delete",
      "summary": "Erase a todo",
      "description": "Erases a todo.",
      "parameters": [
        {"name": "todoId", "description": "Target todo.", "schema": {"type": "string", "format": "uuid"}}
      ],
      "requestBody": null,
      "responseBody": null,
      "authorizationType": null,
      "authorizationRole": null,
      "name": "erase",
      "prerequisites": [
        {"endpoint": {"path": "/todoList/user/todos", "method": "post"}, "description": "A todo must exist."}
      ]
    }
  ],
  "components": {
    "schemas": {
      "ITodoListTodo": {
        "type": "object",
        "properties": {
          "id": {"type": "string", "format": "uuid", "description": "PK."},
          "title": {"type": "string", "minLength": 1, "maxLength": 100, "description": "Title."},
          "done_at": {"oneOf": [{"type": "string", "format": "date-time"}, {"type": "null"}], "description": "When done."},
          "tags": {"type": "array", "items": {"$ref": "#/components/schemas/ITag"}, "minItems": 0, "description": "Tags."},
          "priority": {"type": "integer", "minimum": 1, "maximum": 5, "description": "Priority."},
          "status": {"oneOf": [{"const": "open"}, {"const": "closed"}], "description": "Status."}
        },
        "required": ["id", "title", "ghost"],
        "description": "A todo.",
        "x-autobe-prisma-schema": "todo_list_todos"
      },
      "ITodoListTodo.ICreate": {
        "type": "object",
        "properties": {"title": {"type": "string", "description": "Title."}},
        "required": ["title"],
        "description": "Creation info.",
        "x-autobe-prisma-schema": null
      }
    },
    "authorization": [
      {"name": "user", "kind": "member", "description": "A user."}
    ]
  }
})";

TEST(AutoBeAPITest, Lowering2025) {
  Loaded l(Todo2025);
  ASSERT_TRUE(l.document);
  EXPECT_TRUE(l.diags.getDiagnostics().empty()) << l.firstDiag();
  const Document &doc = *l.document;
  EXPECT_EQ(doc.origin, DocumentOrigin::AutoBeAST);
  ASSERT_EQ(doc.bufferIDs.size(), 1u);
  ASSERT_EQ(doc.operations.size(), 2u);

  const Operation &create = doc.operations[0];
  EXPECT_EQ(create.method.name, "post");
  expectRange(create.method.range, l.find("\"post\""), "method");
  EXPECT_EQ(create.path.name, "/todoList/user/todos");
  expectRange(create.path.range, l.find("\"/todoList/user/todos\""), "path");
  EXPECT_EQ(create.operationId.name, "create");
  expectRange(create.operationId.range, l.find("\"create\""), "name");
  EXPECT_EQ(create.summary, "Create a todo");
  EXPECT_EQ(create.description, "Creates a todo of the user.");
  EXPECT_EQ(create.actor.name, "user");
  expectRange(create.actor.range, l.find("\"user\""), "actor");
  EXPECT_TRUE(create.authorizationType.name.empty());
  expectRange(create.range, l.object("{\n      \"specification\": \"Creates"),
              "operation");
  ASSERT_TRUE(create.requestBody);
  EXPECT_EQ(create.requestBody->kind, TypeKind::Ref);
  EXPECT_EQ(create.requestBody->ref.name, "ITodoListTodo.ICreate");
  expectRange(create.requestBody->range, l.find("\"ITodoListTodo.ICreate\""),
              "request typeName");
  expectRange(create.requestBodyRange, l.object("{\"description\": \"New"),
              "requestBody");
  ASSERT_EQ(create.responses.size(), 1u);
  const Response &response = create.responses[0];
  EXPECT_EQ(response.status.name, "200");
  EXPECT_EQ(response.contentType, "application/json");
  ASSERT_TRUE(response.type);
  EXPECT_EQ(response.type->ref.name, "ITodoListTodo");
  expectRange(response.type->range, l.find("\"ITodoListTodo\""),
              "response typeName");
  EXPECT_EQ(create.getSuccessResponse(), &response);

  const Operation &erase = doc.operations[1];
  EXPECT_TRUE(erase.actor.name.empty());
  EXPECT_FALSE(erase.requestBody);
  EXPECT_TRUE(erase.responses.empty());
  ASSERT_EQ(erase.parameters.size(), 1u);
  const Parameter &todoId = erase.parameters[0];
  EXPECT_EQ(todoId.name.name, "todoId");
  expectRange(todoId.name.range, l.find("\"todoId\"", 0), "parameter name");
  EXPECT_EQ(todoId.in, "path");
  EXPECT_TRUE(todoId.isRequired);
  ASSERT_TRUE(todoId.type);
  EXPECT_EQ(todoId.type->kind, TypeKind::String);
  EXPECT_EQ(todoId.type->format, "uuid");
  expectRange(todoId.type->range,
              l.object("{\"type\": \"string\", \"format\": \"uuid\"}"),
              "parameter schema");
  ASSERT_EQ(erase.prerequisites.size(), 1u);
  EXPECT_EQ(erase.prerequisites[0].method.name, "post");
  EXPECT_EQ(erase.prerequisites[0].path.name, "/todoList/user/todos");
  expectRange(erase.prerequisites[0].path.range,
              l.find("\"/todoList/user/todos\"", 1), "prerequisite path");
  expectRange(erase.prerequisites[0].range, l.object("{\"endpoint\""),
              "prerequisite");

  ASSERT_EQ(doc.types.size(), 2u);
  const NamedType *todo = doc.findType("ITodoListTodo");
  ASSERT_TRUE(todo);
  EXPECT_EQ(todo->name.range.Start.getPointer(),
            l.find("\"ITodoListTodo\": {").Start.getPointer());
  EXPECT_EQ(todo->name.range.End.getPointer(),
            l.find("\"ITodoListTodo\": {").Start.getPointer() + 15);
  const Type &object = *todo->type;
  EXPECT_EQ(object.kind, TypeKind::Object);
  EXPECT_EQ(object.description, "A todo.");
  EXPECT_EQ(object.dbTable.name, "todo_list_todos");
  expectRange(object.dbTable.range, l.find("\"todo_list_todos\""), "dbTable");
  ASSERT_EQ(object.properties.size(), 6u);
  ASSERT_EQ(object.requiredNames.size(), 1u);
  EXPECT_EQ(object.requiredNames[0].name, "ghost");
  expectRange(object.requiredNames[0].range, l.find("\"ghost\""), "ghost");

  const Property *title = object.findProperty("title");
  ASSERT_TRUE(title);
  EXPECT_TRUE(title->isRequired);
  EXPECT_EQ(title->type->minLength, 1u);
  EXPECT_EQ(title->type->maxLength, 100u);
  SMRange minLength = l.find("\"minLength\": 1");
  expectRange(title->type->minRange,
              SMRange(SMLoc::getFromPointer(minLength.End.getPointer() - 1),
                      minLength.End),
              "minLength value");
  SMRange titleMember =
      l.find("\"title\": {\"type\": \"string\", \"minLength\"");
  EXPECT_EQ(title->range.Start.getPointer(), titleMember.Start.getPointer());
  expectRange(
      title->name.range,
      SMRange(titleMember.Start,
              SMLoc::getFromPointer(titleMember.Start.getPointer() + 7)),
      "property name");

  const Property *doneAt = object.findProperty("done_at");
  ASSERT_TRUE(doneAt);
  EXPECT_FALSE(doneAt->isRequired);
  EXPECT_EQ(doneAt->type->kind, TypeKind::OneOf);
  EXPECT_TRUE(doneAt->type->isNullable);
  ASSERT_EQ(doneAt->type->variants.size(), 2u);
  EXPECT_EQ(doneAt->type->variants[0]->format, "date-time");

  const Property *tags = object.findProperty("tags");
  ASSERT_TRUE(tags && tags->type->items);
  EXPECT_EQ(tags->type->kind, TypeKind::Array);
  EXPECT_EQ(tags->type->minItems, 0u);
  EXPECT_EQ(tags->type->items->kind, TypeKind::Ref);
  EXPECT_EQ(tags->type->items->ref.name, "ITag");
  EXPECT_EQ(tags->type->items->refText, "#/components/schemas/ITag");
  expectRange(tags->type->items->ref.range,
              l.find("\"#/components/schemas/ITag\""), "$ref");

  const Property *priority = object.findProperty("priority");
  ASSERT_TRUE(priority);
  EXPECT_EQ(priority->type->kind, TypeKind::Integer);
  EXPECT_EQ(priority->type->minimum, 1.0);
  EXPECT_EQ(priority->type->maximum, 5.0);

  const Property *status = object.findProperty("status");
  ASSERT_TRUE(status);
  ASSERT_EQ(status->type->variants.size(), 2u);
  EXPECT_EQ(status->type->variants[0]->kind, TypeKind::String);
  ASSERT_EQ(status->type->variants[0]->enumValues.size(), 1u);
  EXPECT_EQ(status->type->variants[0]->enumValues[0].text, "open");
  EXPECT_TRUE(status->type->variants[0]->enumValues[0].isString);
  expectRange(status->type->variants[0]->enumValues[0].range,
              l.find("\"open\""), "const");

  const NamedType *create2 = doc.findType("ITodoListTodo.ICreate");
  ASSERT_TRUE(create2);
  EXPECT_TRUE(create2->type->dbTable.name.empty());
  EXPECT_EQ(doc.resolve(create.requestBody), create2->type);

  ASSERT_EQ(doc.actors.size(), 1u);
  EXPECT_EQ(doc.actors[0].name.name, "user");
  EXPECT_EQ(doc.actors[0].kind, "member");
  expectRange(doc.actors[0].range, l.object("{\"name\": \"user\""), "actor");
}

/// A 2026-shaped document, written from AutoBeOpenApi (2026): no summary,
/// authorizationActor, accessor, x-autobe-database-schema(-property),
/// x-autobe-specification, components.authorizations without kinds.
constexpr const char *Todo2026 = R"({
  "operations": [
    {
      "specification": "Lists todos.",
      "path": "/todos/{todoId}/items",
      "method": "patch",
      "description": "Lists todo items.",
      "authorizationType": null,
      "parameters": [
        {"description": "Todo.", "name": "todoId", "schema": {"type": "integer", "exclusiveMinimum": 0}}
      ],
      "requestBody": {"description": "Search.", "typeName": "ITodoItem.IRequest"},
      "responseBody": {"description": "Page.", "typeName": "IPageITodoItem"},
      "authorizationActor": "member",
      "name": "index",
      "prerequisites": [],
      "accessor": ["todos", "items", "index"]
    }
  ],
  "components": {
    "schemas": {
      "ITodoItem.IRequest": {
        "type": "object",
        "properties": {
          "search": {"type": "string", "description": "Text.", "x-autobe-database-schema-property": "title", "x-autobe-specification": "LIKE."},
          "limit": {"oneOf": [{"type": "integer"}, {"type": "null"}], "description": "Limit.", "x-autobe-database-schema-property": null}
        },
        "required": [],
        "additionalProperties": false,
        "description": "Search.",
        "x-autobe-database-schema": "todo_items",
        "x-autobe-specification": "Filters todo_items."
      }
    },
    "authorizations": [
      {"name": "member", "description": "A member."}
    ]
  }
})";

TEST(AutoBeAPITest, Lowering2026) {
  Loaded l(Todo2026);
  ASSERT_TRUE(l.document);
  EXPECT_TRUE(l.diags.getDiagnostics().empty()) << l.firstDiag();
  const Document &doc = *l.document;
  ASSERT_EQ(doc.operations.size(), 1u);
  const Operation &index = doc.operations[0];
  EXPECT_EQ(index.method.name, "patch");
  EXPECT_TRUE(index.summary.empty());
  EXPECT_EQ(index.actor.name, "member");
  expectRange(index.actor.range, l.find("\"member\""), "actor");
  ASSERT_EQ(index.accessor.size(), 3u);
  EXPECT_EQ(index.accessor[2].name, "index");
  expectRange(index.accessor[0].range, l.find("\"todos\""), "accessor");
  ASSERT_EQ(index.parameters.size(), 1u);
  const Type *todoId = index.parameters[0].type;
  ASSERT_TRUE(todoId);
  EXPECT_EQ(todoId->kind, TypeKind::Integer);
  EXPECT_EQ(todoId->minimum, 0.0);
  EXPECT_TRUE(todoId->exclusiveMinimum);
  SMRange exclusive = l.find("\"exclusiveMinimum\": 0");
  expectRange(todoId->minRange,
              SMRange(SMLoc::getFromPointer(exclusive.End.getPointer() - 1),
                      exclusive.End),
              "exclusiveMinimum value");
  ASSERT_EQ(doc.types.size(), 1u);
  const Type &request = *doc.types[0].type;
  EXPECT_EQ(request.dbTable.name, "todo_items");
  expectRange(request.dbTable.range, l.find("\"todo_items\""), "dbTable");
  ASSERT_EQ(request.properties.size(), 2u);
  EXPECT_EQ(request.properties[0].dbColumn.name, "title");
  expectRange(request.properties[0].dbColumn.range, l.find("\"title\""),
              "dbColumn");
  EXPECT_FALSE(request.properties[0].isRequired);
  EXPECT_TRUE(request.properties[1].dbColumn.name.empty());
  EXPECT_TRUE(request.properties[1].type->isNullable);
  ASSERT_EQ(doc.actors.size(), 1u);
  EXPECT_EQ(doc.actors[0].name.name, "member");
  EXPECT_TRUE(doc.actors[0].kind.empty());
}

TEST(AutoBeAPITest, ShapeErrors) {
  Loaded l(R"({
  "operations": [
    {
      "specification": "S.",
      "path": "/a/{id}",
      "method": "fetch",
      "description": "D.",
      "parameters": [{"name": "id", "description": "I.", "schema": {"type": "object", "properties": {}, "required": []}}],
      "requestBody": "IA",
      "responseBody": {"description": "R."},
      "authorizationType": "signup",
      "authorizationRole": null,
      "name": "at",
      "prerequisites": [{"endpoint": {"path": "/b"}, "description": "P."}],
      "invented": 1
    }
  ],
  "components": {
    "schemas": {
      "IA": {"type": "obj", "description": "A."},
      "IB": {"type": "object", "properties": {"x": {"$ref": "IA"}, "n": {"type": "string", "minLength": -1}}},
      "IC": {"description": "C.", "required": ["x"]}
    },
    "authorization": [{"name": "user", "kind": "vip", "description": "U."}]
  }
})");
  ASSERT_TRUE(l.document);
  std::vector<std::string> expected = {
      "AB001 9:22: 'operations[0].requestBody' must be an object or null, not "
      "a string",
      "AB003 15:7: unknown key 'invented' in 'operations[0]' is ignored",
      "AB103 6:17: unknown HTTP method 'fetch' (expected one of 'get', 'post', "
      "'put', 'delete', 'patch')",
      "AB106 8:68: path parameter 'id' must be an integer, number or string, "
      "not object",
      "AB002 10:23: 'operations[0].responseBody' is missing the required key "
      "'typeName'",
      "AB104 11:28: unknown authorizationType 'signup' (expected one of "
      "'login', 'join', 'refresh', null)",
      "AB002 14:38: 'operations[0].prerequisites[0].endpoint' is missing the "
      "required key 'method'",
      "OA006 20:22: unknown schema type 'obj' (expected one of 'boolean', "
      "'integer', 'number', 'string', 'array', 'object', 'null')",
      "AB002 21:13: 'components.schemas.IB' is missing the required key "
      "'description'",
      "AB002 21:13: 'components.schemas.IB' is missing the required key "
      "'required'",
      "AB105 21:61: '$ref' value 'IA' does not point into "
      "'#/components/schemas/'",
      "AB001 21:105: 'components.schemas.IB.properties.n.minLength' must be a "
      "non-negative integer, not -1",
      "AB102 22:13: schema 'components.schemas.IC' has no 'type', '$ref', "
      "'oneOf' or 'const'; read as any",
      "AB108 24:48: unknown actor kind 'vip' (expected one of 'guest', "
      "'member', 'admin')",
  };
  EXPECT_EQ(l.summary(), expected);
  // Everything that could be read is lowered.
  ASSERT_EQ(l.document->operations.size(), 1u);
  const Operation &op = l.document->operations[0];
  EXPECT_EQ(op.method.name, "fetch");
  EXPECT_FALSE(op.requestBody);
  EXPECT_TRUE(op.responses.empty());
  // A prerequisite without a method keeps its path.
  ASSERT_EQ(op.prerequisites.size(), 1u);
  EXPECT_TRUE(op.prerequisites[0].method.name.empty());
  EXPECT_EQ(op.prerequisites[0].path.name, "/b");
  EXPECT_EQ(l.document->types.size(), 3u);
  EXPECT_EQ(l.document->findType("IA")->type->kind, TypeKind::Any);
  EXPECT_EQ(l.document->findType("IC")->type->kind, TypeKind::Any);
}

TEST(AutoBeAPITest, NotAnOpenAPIAST) {
  {
    Loaded l(R"({"files": []})");
    EXPECT_FALSE(l.document);
    std::vector<std::string> expected = {
        "AB003 1:2: unknown key 'files' in '$' is ignored",
        "AB002 1:1: '$' is missing the required key 'operations'",
        "AB002 1:1: '$' is missing the required key 'components'"};
    EXPECT_EQ(l.summary(), expected);
  }
  {
    Loaded l("[1, 2]");
    EXPECT_FALSE(l.document);
    EXPECT_EQ(l.firstDiag(), "AB001 1:1: '$' must be an object, not an array");
  }
  {
    Loaded l("{\"operations\": [}");
    EXPECT_FALSE(l.document);
    EXPECT_EQ(l.summary().size(), 1u);
    EXPECT_EQ(l.firstDiag().substr(0, 5), "JS001");
  }
}

/// Wrong JSON types everywhere never crash the reader.
TEST(AutoBeAPITest, WrongTypesEverywhere) {
  Loaded l(R"({"operations": [1, {"parameters": [null, {"schema": []}],
  "accessor": [3], "prerequisites": [{"endpoint": 1}], "authorizationRoles": [2],
  "requestBody": {"typeName": 7}, "responseBody": {"typeName": "X"}}],
  "components": {"schemas": {"A": 1, "B": {"type": "array", "items": 2, "description": "B."},
  "C": {"type": "object", "properties": {"p": {"oneOf": [1, {"const": [1]}]}}, "required": [1], "description": "C."}},
  "authorization": [5], "authorizations": {}}})");
  ASSERT_TRUE(l.document);
  EXPECT_TRUE(l.diags.hasErrors());
  // The one operation object has no method and no path: reported, not
  // lowered (the IR has no nameless operations).
  EXPECT_EQ(l.document->operations.size(), 0u);
  EXPECT_EQ(l.document->types.size(), 3u);
  for (const Diagnostic &d : l.diags.getDiagnostics())
    EXPECT_TRUE(d.range.Start.isValid()) << d.message;
}

/// Every document.json of the shared corpus loads without errors.
TEST(AutoBeAPITest, Corpus) {
  std::string dir;
  if (const char *env = std::getenv("ABV_CORPUS_DIR"))
    dir = env;
#ifdef ABV_CORPUS_DIR
  if (dir.empty())
    dir = ABV_CORPUS_DIR;
#endif
  if (dir.empty() || !sys::fs::is_directory(dir))
    GTEST_SKIP() << "corpus not found (set ABV_CORPUS_DIR)";
  unsigned files = 0, operations = 0, types = 0;
  std::map<std::string, unsigned> counts;
  std::error_code ec;
  for (sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    if (sys::path::filename(it->path()) != "document.json")
      continue;
    SourceManager sourceMgr;
    DiagnosticEngine diags(sourceMgr);
    std::optional<unsigned> id = addSourceFile(sourceMgr, diags, it->path());
    ASSERT_TRUE(id) << it->path();
    std::unique_ptr<Document> document = parseAutoBeAPI(sourceMgr, *id, diags);
    ASSERT_TRUE(document) << it->path();
    EXPECT_FALSE(diags.hasErrors()) << it->path();
    for (const Diagnostic &d : diags.getDiagnostics()) {
      // Unknown keys, and typeless schemas (DTOs written as a bare oneOf of
      // `required` lists, or without any type).
      EXPECT_TRUE(d.id == DiagID::AutoBeUnknownKey ||
                  d.id == DiagID::AutoBeAPIUntypedSchema)
          << it->path() << ": " << d.message;
      ++counts[d.getInfo().code.str()];
    }
    EXPECT_FALSE(document->operations.empty()) << it->path();
    EXPECT_FALSE(document->types.empty()) << it->path();
    for (const Operation &op : document->operations) {
      EXPECT_FALSE(op.method.name.empty());
      EXPECT_FALSE(op.path.name.empty());
      for (const Parameter &p : op.parameters)
        EXPECT_TRUE(p.type) << p.name.name.str();
    }
    ++files;
    operations += document->operations.size();
    types += document->types.size();
  }
  EXPECT_EQ(files, 22u);
  std::cout << "corpus: " << files << " document.json files, " << operations
            << " operations, " << types << " named types";
  for (const auto &[code, count] : counts)
    std::cout << ", " << count << " " << code;
  std::cout << "\n";
}

} // namespace
