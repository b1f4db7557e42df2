//===- OpenAPIFrontendTest.cpp - Tests of the OpenAPI frontend ------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Lowering details the IR dump does not show: exact ranges of names,
/// members and schema objects, decoded text that outlives the JSON DOM,
/// both forms of exclusive bounds, literals, and the reports for Swagger
/// 2.0 and $ref cycles. The lowered documents also pass the IR verifier.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/OpenAPI/OpenAPIFrontend.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/IR/Verifier.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include "../TestSupport.h"

#include <string>

using namespace abv;
using namespace abv::api;
using namespace llvm;

namespace {

/// Loads a swagger.json text through the frontend into a Project.
struct Loaded {
  Project project;
  DiagnosticEngine diags{project.getSourceManager()};
  const char *text = nullptr;
  const Document *doc = nullptr;

  explicit Loaded(StringRef input) {
    SourceManager &sm = project.getSourceManager();
    unsigned id =
        sm.addBuffer(MemoryBuffer::getMemBufferCopy(input, "swagger.json"));
    text = sm.getBuffer(id)->getBufferStart();
    project.openapiDocument = parseOpenAPI(sm, id, diags);
    doc = project.openapiDocument.get();
  }

  /// The range of the \p nth occurrence of \p needle.
  SMRange find(StringRef needle, unsigned nth = 0) const {
    return test::findRange(text, needle, nth);
  }
  std::vector<std::string> codes() const {
    return test::diagnosticCodes(diags);
  }
};

using test::expectRange;

constexpr const char *Users = R"({
  "openapi": "3.0.3", "info": {"title": "Users", "version": "1"},
  "security": [{"bearer": []}],
  "paths": {
    "/users/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getUser", "summary": "Read\na user", "description": "Long.",
        "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/IUser"}}}}}},
      "patch": {"security": [{"oauth": ["w"], "key": []}],
        "parameters": [{"name": "id", "in": "path", "required": false, "schema": {"type": "integer"}},
                       {"name": "q", "in": "query", "schema": {"type": "string"}}],
        "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}},
        "responses": {"204": {"description": "done"}}}
    }
  },
  "components": {"schemas": {
    "IUser": {"type": "object", "nullable": true, "x-autobe-prisma-schema": "users",
      "required": ["name", "missing"],
      "properties": {"name": {"type": "string", "description": "The \"name\".", "pattern": "^a\\d$"},
                     "age": {"type": "integer", "minimum": 0, "exclusiveMinimum": true, "maximum": 9, "exclusiveMaximum": 7}}},
    "IUser.IRole": {"type": "string", "enum": ["a\u00e9", 1, null, true]},
    "odd~/name": {"const": 3.5},
    "Alias": {"$ref": "#/components/schemas/odd~0~1name"},
    "Pct": {"$ref": "#/components/schemas/IUser%2EIRole"}
  }}
})";

TEST(OpenAPIFrontendTest, Operations) {
  Loaded l(Users);
  ASSERT_TRUE(l.doc);
  EXPECT_TRUE(l.codes().empty());
  EXPECT_EQ(l.doc->version.name, "3.0.3");
  expectRange(l.doc->version.range, l.find("\"3.0.3\""), "version");
  ASSERT_EQ(l.doc->operations.size(), 2u);

  const Operation &get = l.doc->operations[0];
  EXPECT_EQ(get.method.name, "get");
  expectRange(get.method.range, l.find("\"get\""), "method");
  EXPECT_EQ(get.path.name, "/users/{id}");
  expectRange(get.path.range, l.find("\"/users/{id}\""), "path");
  EXPECT_EQ(get.operationId.name, "getUser");
  expectRange(get.operationId.range, l.find("\"getUser\""), "operationId");
  EXPECT_EQ(get.summary, "Read\na user");
  EXPECT_EQ(get.description, "Long.");
  ASSERT_EQ(get.security.size(), 1u); // Inherited from the root.
  EXPECT_EQ(get.security[0].name, "bearer");
  ASSERT_EQ(get.parameters.size(), 1u);
  EXPECT_EQ(get.parameters[0].type->kind, TypeKind::String);
  EXPECT_TRUE(get.parameters[0].isRequired);
  ASSERT_EQ(get.responses.size(), 1u);
  EXPECT_EQ(get.responses[0].contentType, "application/json");
  ASSERT_TRUE(get.responses[0].type);
  EXPECT_EQ(get.responses[0].type->kind, TypeKind::Ref);
  EXPECT_EQ(get.getSuccessResponse(), &get.responses[0]);

  const Operation &patch = l.doc->operations[1];
  ASSERT_EQ(patch.security.size(), 2u);
  EXPECT_EQ(patch.security[1].name, "key");
  // The operation's `id` replaces the path-level one, in place.
  ASSERT_EQ(patch.parameters.size(), 2u);
  EXPECT_EQ(patch.parameters[0].name.name, "id");
  EXPECT_FALSE(patch.parameters[0].isRequired);
  EXPECT_EQ(patch.parameters[0].type->kind, TypeKind::Integer);
  EXPECT_EQ(patch.parameters[1].in, "query");
  // No JSON media type: the first one is read.
  ASSERT_TRUE(patch.requestBody);
  EXPECT_EQ(patch.requestBody->kind, TypeKind::Object);
  ASSERT_EQ(patch.responses.size(), 1u);
  EXPECT_FALSE(patch.responses[0].type);

  EXPECT_TRUE(verifyProject(l.project, l.diags));
}

TEST(OpenAPIFrontendTest, Schemas) {
  Loaded l(Users);
  ASSERT_TRUE(l.doc);
  const NamedType *user = l.doc->findType("IUser");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->name.range.Start.getPointer(),
            l.find("\"IUser\": {").Start.getPointer());
  EXPECT_EQ(user->name.range.End.getPointer(),
            l.find("\"IUser\": {").Start.getPointer() + 7);
  const Type &object = *user->type;
  EXPECT_EQ(object.kind, TypeKind::Object);
  EXPECT_TRUE(object.isNullable);
  EXPECT_EQ(object.dbTable.name, "users");
  EXPECT_EQ(object.range.Start.getPointer(),
            l.find("{\"type\": \"object\", \"nullable\"").Start.getPointer());
  ASSERT_EQ(object.requiredNames.size(), 1u);
  EXPECT_EQ(object.requiredNames[0].name, "missing");
  expectRange(object.requiredNames[0].range, l.find("\"missing\""),
              "required name");

  const Property *name = object.findProperty("name");
  ASSERT_TRUE(name);
  EXPECT_TRUE(name->isRequired);
  EXPECT_EQ(name->range.Start.getPointer(),
            l.find("\"name\": {\"type\"").Start.getPointer());
  EXPECT_EQ(*name->range.End.getPointer(), ',');
  EXPECT_EQ(name->type->description, "The \"name\".");
  EXPECT_EQ(name->type->pattern, "^a\\d$");

  const Property *age = object.findProperty("age");
  ASSERT_TRUE(age);
  EXPECT_FALSE(age->isRequired);
  // 3.0 boolean form on the minimum; 3.1 numeric form on the maximum,
  // stricter than `maximum`.
  EXPECT_EQ(age->type->minimum, 0.0);
  EXPECT_TRUE(age->type->exclusiveMinimum);
  EXPECT_EQ(age->type->maximum, 7.0);
  EXPECT_TRUE(age->type->exclusiveMaximum);
  SMRange seven = l.find("7}");
  expectRange(
      age->type->maxRange,
      SMRange(seven.Start, SMLoc::getFromPointer(seven.Start.getPointer() + 1)),
      "max");

  const NamedType *role = l.doc->findType("IUser.IRole");
  ASSERT_TRUE(role);
  ASSERT_EQ(role->type->enumValues.size(), 4u);
  EXPECT_EQ(role->type->enumValues[0].text, "a\xc3\xa9");
  EXPECT_TRUE(role->type->enumValues[0].isString);
  EXPECT_EQ(role->type->enumValues[1].text, "1");
  EXPECT_FALSE(role->type->enumValues[1].isString);
  EXPECT_EQ(role->type->enumValues[2].text, "null");
  EXPECT_EQ(role->type->enumValues[3].text, "true");

  const NamedType *odd = l.doc->findType("odd~/name");
  ASSERT_TRUE(odd);
  ASSERT_EQ(odd->type->enumValues.size(), 1u);
  EXPECT_EQ(odd->type->enumValues[0].text, "3.5");

  const NamedType *alias = l.doc->findType("Alias");
  ASSERT_TRUE(alias);
  EXPECT_EQ(alias->type->kind, TypeKind::Ref);
  EXPECT_EQ(alias->type->ref.name, "odd~/name");
  EXPECT_EQ(alias->type->refText, "#/components/schemas/odd~0~1name");
  expectRange(alias->type->ref.range,
              l.find("\"#/components/schemas/odd~0~1name\""), "ref");
  EXPECT_EQ(l.doc->resolve(alias->type), odd->type);

  const NamedType *pct = l.doc->findType("Pct");
  ASSERT_TRUE(pct);
  EXPECT_EQ(pct->type->ref.name, "IUser.IRole");
}

TEST(OpenAPIFrontendTest, Swagger2IsRejected) {
  Loaded l(R"({"swagger": "2.0", "paths": {}})");
  EXPECT_FALSE(l.doc);
  ASSERT_EQ(l.codes(), std::vector<std::string>{"OA001"});
  expectRange(l.diags.getDiagnostics()[0].range, l.find("\"2.0\""), "version");
}

TEST(OpenAPIFrontendTest, NotAnObject) {
  Loaded l(R"("openapi")");
  EXPECT_FALSE(l.doc);
  EXPECT_EQ(l.codes(), std::vector<std::string>{"AB001"});
}

TEST(OpenAPIFrontendTest, RefCycleIsReportedOnce) {
  Loaded l(
      R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {
    "get": {"parameters": [{"$ref": "#/components/parameters/A"}], "responses": {}},
    "put": {"parameters": [{"$ref": "#/components/parameters/B"}], "responses": {}}}},
  "components": {"parameters": {
    "A": {"$ref": "#/components/parameters/B"},
    "B": {"$ref": "#/components/parameters/A"}}}})");
  ASSERT_TRUE(l.doc);
  ASSERT_EQ(l.codes(), std::vector<std::string>{"OA009"});
  const Diagnostic &d = l.diags.getDiagnostics()[0];
  // Reached through A: the $ref in B closes the cycle; the note is at A's.
  expectRange(d.range, l.find("\"#/components/parameters/A\"", 1), "cycle");
  ASSERT_EQ(d.notes.size(), 1u);
  expectRange(d.notes[0].range, l.find("\"#/components/parameters/B\"", 1),
              "note");
  ASSERT_EQ(l.doc->operations.size(), 2u);
  EXPECT_TRUE(l.doc->operations[0].parameters.empty());
}

TEST(OpenAPIFrontendTest, WrongTypesAreSkipped) {
  Loaded l(
      R"({"openapi": "3.2.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": 1, "post": {"responses": {"200": {}}}}},
    "components": {"schemas": {"A": [], "B": {"type": "boolean"}}}})");
  ASSERT_TRUE(l.doc);
  EXPECT_EQ(l.codes(), (std::vector<std::string>{"AB001", "AB001"}));
  ASSERT_EQ(l.doc->operations.size(), 1u);
  EXPECT_EQ(l.doc->operations[0].method.name, "post");
  ASSERT_EQ(l.doc->types.size(), 1u);
  EXPECT_EQ(l.doc->types[0].name.name, "B");
  EXPECT_TRUE(verifyProject(l.project, l.diags));
}

TEST(OpenAPIFrontendTest, VerifierRejectsBrokenAPIIR) {
  Loaded l(
      R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "components": {"schemas": {
    "A": {"$ref": "#/components/schemas/B"}, "B": {"type": "string"}}}})");
  ASSERT_TRUE(l.doc);
  ASSERT_TRUE(verifyProject(l.project, l.diags));
  // A Ref without a name, and a type located outside the document.
  Document &doc = *l.project.openapiDocument;
  doc.types[0].type->ref = Ident();
  static const char elsewhere[] = "x";
  doc.types[1].type->range = SMRange(SMLoc::getFromPointer(elsewhere),
                                     SMLoc::getFromPointer(elsewhere + 1));
  EXPECT_FALSE(verifyProject(l.project, l.diags));
  EXPECT_EQ(l.codes(), (std::vector<std::string>{"IR001", "IR001"}));
}

} // namespace
