//===- APIStructureTest.cpp - Tests of the api-structure pass -------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Runs the api-structure pass over api::Documents built by hand over fake
/// source buffers, so that every check is pinned to its ID and exact
/// location independently of the OpenAPI and AutoBe frontends.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <chrono>

using namespace abv;
using namespace abv::api;
using namespace llvm;

namespace {

struct APIFixture : ::testing::Test {
  Project project;
  DiagnosticEngine diags{project.getSourceManager()};
  StringRef text;
  Document *doc = nullptr;

  /// Makes \p source the document's buffer; \p origin picks the slot.
  void load(StringRef source, DocumentOrigin origin = DocumentOrigin::OpenAPI) {
    SourceManager &sm = project.getSourceManager();
    unsigned id = sm.addBuffer(MemoryBuffer::getMemBufferCopy(
        source,
        origin == DocumentOrigin::OpenAPI ? "swagger.json" : "document.json"));
    text = sm.getBuffer(id)->getBuffer();
    auto document = std::make_unique<Document>(origin);
    document->bufferIDs.push_back(id);
    doc = document.get();
    if (origin == DocumentOrigin::OpenAPI)
      project.openapiDocument = std::move(document);
    else
      project.autobeDocument = std::move(document);
  }

  /// The \p nth occurrence of \p needle, its range exactly the needle.
  Ident at(StringRef needle, unsigned nth = 0) {
    size_t pos = text.find(needle);
    for (unsigned i = 0; i != nth && pos != StringRef::npos; ++i)
      pos = text.find(needle, pos + 1);
    EXPECT_NE(pos, StringRef::npos) << needle.str() << " #" << nth;
    if (pos == StringRef::npos)
      return {};
    const char *begin = text.data() + pos;
    return {StringRef(begin, needle.size()),
            SMRange(SMLoc::getFromPointer(begin),
                    SMLoc::getFromPointer(begin + needle.size()))};
  }

  /// The \p nth occurrence of `"needle"`: the name without quotes, the
  /// range with them (as the JSON frontends record string values).
  Ident quoted(StringRef needle, unsigned nth = 0) {
    std::string spelled = ("\"" + needle + "\"").str();
    Ident ident = at(spelled, nth);
    ident.name = ident.name.drop_front().drop_back();
    return ident;
  }

  Type *scalar(TypeKind kind) {
    Type *type = doc->createType();
    type->kind = kind;
    return type;
  }
  /// A reference to the \p nth `"name"` spelled in the buffer.
  Type *ref(StringRef name, unsigned nth = 0) {
    Type *type = doc->createType();
    type->kind = TypeKind::Ref;
    type->ref = quoted(name, nth);
    type->range = type->ref.range;
    return type;
  }
  Property prop(StringRef name, Type *type, bool required, unsigned nth = 0) {
    Property property;
    property.name = quoted(name, nth);
    property.type = type;
    property.isRequired = required;
    property.range = property.name.range;
    return property;
  }
  Type *object(std::vector<Property> properties) {
    Type *type = doc->createType();
    type->kind = TypeKind::Object;
    type->properties = std::move(properties);
    return type;
  }
  Type *array(Type *items) {
    Type *type = doc->createType();
    type->kind = TypeKind::Array;
    type->items = items;
    return type;
  }
  void addType(StringRef name, Type *type, unsigned nth = 0) {
    NamedType named;
    named.name = quoted(name, nth);
    named.type = type;
    named.range = named.name.range;
    doc->types.push_back(named);
  }
  Operation &addOperation(StringRef method, StringRef path,
                          unsigned methodNth = 0, unsigned pathNth = 0) {
    Operation op;
    op.method = quoted(method, methodNth);
    op.path = quoted(path, pathNth);
    op.range = op.path.range;
    Response ok;
    ok.status.name = "200";
    op.responses.push_back(ok);
    doc->operations.push_back(std::move(op));
    return doc->operations.back();
  }
  Parameter param(StringRef name, StringRef in, unsigned nth = 0) {
    Parameter parameter;
    parameter.name = quoted(name, nth);
    parameter.in = in;
    parameter.isRequired = true;
    parameter.type = scalar(TypeKind::String);
    parameter.range = parameter.name.range;
    return parameter;
  }

  /// Runs the pass (after resolve, which reports API001); returns
  /// "ID@line:col" for every diagnostic, sorted.
  std::vector<std::string> run() {
    doc->finalize();
    PassRegistry registry;
    registerAllPasses(registry);
    PassManager pm(registry);
    EXPECT_FALSE(bool(pm.addPipeline("resolve,api-structure")));
    pm.run(project, diags);
    diags.sortByLocation();
    std::vector<std::string> result;
    for (const Diagnostic &d : diags.getDiagnostics())
      result.push_back(d.getInfo().code.str() + "@" + where(d.range));
    return result;
  }

  std::string where(SMRange range) {
    if (!range.isValid())
      return "?";
    auto [line, col] = project.getSourceManager().getLineColumn(range.Start);
    return std::to_string(line) + ":" + std::to_string(col);
  }

  const Diagnostic &only(DiagID id) {
    const Diagnostic *found = nullptr;
    for (const Diagnostic &d : diags.getDiagnostics())
      if (d.id == id) {
        EXPECT_EQ(found, nullptr) << "more than one " << d.message;
        found = &d;
      }
    EXPECT_NE(found, nullptr);
    return *found;
  }
};

using Strings = std::vector<std::string>;

TEST(APIPasses, Registration) {
  PassRegistry registry;
  registerAllPasses(registry);
  const PassRegistry::Entry *entry = registry.lookup("api-structure");
  ASSERT_NE(entry, nullptr);
  EXPECT_TRUE(entry->inDefaultPipeline);
}

//===-- API001 ------------------------------------------------------------===//

TEST_F(APIFixture, UnresolvedRefIsReportedAtTheNameWithASuggestion) {
  load("{\n"
       "  \"IUser\": {},\n"
       "  \"body\": \"IUsr\",\n"
       "  \"ok\": \"IUser\"\n"
       "}\n");
  addType("IUser", scalar(TypeKind::String));
  Operation &op = addOperation("body", "ok");
  op.requestBody = ref("IUsr");
  op.responses[0].type = ref("IUser", 1);
  EXPECT_EQ(run(), Strings({"API001@3:11"}));
  const Diagnostic &d = only(DiagID::APIUnresolvedRef);
  EXPECT_EQ(d.message, "reference to undefined type 'IUsr'");
  ASSERT_TRUE(d.fix.has_value());
  EXPECT_EQ(d.fix->message, "did you mean 'IUser'?");
}

//===-- API002 ------------------------------------------------------------===//

TEST_F(APIFixture, RequiredReferenceCycleHasNoFiniteValue) {
  load("{\n"
       "  \"A\": { \"b\": \"B\" },\n"
       "  \"B\": { \"a\": \"A\" },\n"
       "  \"C\": { \"a\": \"A\" },\n"
       "  \"op\": \"/x\"\n"
       "}\n");
  addType("A", object({prop("b", ref("B"), true)}));
  addType("B", object({prop("a", ref("A", 1), true)}), 1);
  // C is infinite only through A: the cycle is reported once, at A.
  addType("C", object({prop("a", ref("A", 2), true, 1)}));
  Operation &op = addOperation("op", "/x");
  op.responses[0].type = ref("C");
  EXPECT_EQ(run(), Strings({"API002@2:3"}));
  const Diagnostic &d = only(DiagID::APIInfiniteType);
  EXPECT_EQ(d.message, "type 'A' has no finite value: its required "
                       "references form a cycle ('A' -> 'B' -> 'A')");
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(where(d.notes[0].range), "2:15");
  EXPECT_EQ(d.notes[0].message, "'A' requires a 'B' here");
  EXPECT_EQ(where(d.notes[1].range), "3:15");
  EXPECT_EQ(d.notes[1].message, "'B' requires a 'A' here");
}

TEST_F(APIFixture, RecursionWithABaseCaseIsFine) {
  load("{\n"
       "  \"Tree\": { \"children\": \"Tree\", \"parent\": \"Tree\" },\n"
       "  \"Link\": { \"next\": \"Link\" },\n"
       "  \"Either\": { \"oneOf\": [\"Either\", null] },\n"
       "  \"Self\": { \"self\": \"Self\" },\n"
       "  \"NonEmpty\": { \"items\": \"NonEmpty\" },\n"
       "  \"op\": \"/x\"\n"
       "}\n");
  // An array may be empty; an optional property may be absent.
  addType("Tree", object({prop("children", array(ref("Tree", 1)), true),
                          prop("parent", ref("Tree", 2), false)}));
  // A nullable reference may be null.
  Type *next = ref("Link", 1);
  next->isNullable = true;
  addType("Link", object({prop("next", next, true)}));
  // A oneOf with a base-case variant.
  Type *either = scalar(TypeKind::OneOf);
  either->variants = {ref("Either", 1), scalar(TypeKind::Null)};
  addType("Either", either);
  // These two have none: a required self reference, and an array that
  // must hold at least one element of its own type.
  addType("Self", object({prop("self", ref("Self", 1), true)}));
  Type *items = array(ref("NonEmpty", 1));
  items->minItems = 1;
  addType("NonEmpty", object({prop("items", items, true)}));
  Operation &op = addOperation("op", "/x");
  for (StringRef name : {"Tree", "Link", "Either", "Self", "NonEmpty"}) {
    Response response;
    response.status.name = "200";
    response.type = ref(name);
    op.responses.push_back(response);
  }
  EXPECT_EQ(run(), Strings({"API002@5:3", "API002@6:3"}));
}

TEST_F(APIFixture, LongCycleIsFoundWithoutRecursion) {
  // 20000 types, each requiring the next, the last requiring the first; all
  // located at the one spelled name.
  constexpr unsigned count = 20000;
  load("\"T\" \"p\" \"op\" \"/x\"\n");
  for (unsigned i = 0; i != count; ++i) {
    Type *next = ref("T");
    next->ref.name = doc->save("T" + std::to_string((i + 1) % count));
    addType("T", object({prop("p", next, true)}));
    doc->types.back().name.name = doc->save("T" + std::to_string(i));
  }
  Operation &op = addOperation("op", "/x");
  op.responses[0].type = ref("T");
  op.responses[0].type->ref.name = "T5";
  Strings result = run();
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0], "API002@1:1");
  // The message and the notes show the first eight steps only.
  const Diagnostic &d = only(DiagID::APIInfiniteType);
  EXPECT_EQ(d.notes.size(), 8u);
  EXPECT_EQ(d.message, "type 'T0' has no finite value: its required "
                       "references form a cycle ('T0' -> 'T1' -> 'T2' -> "
                       "'T3' -> 'T4' -> 'T5' -> 'T6' -> 'T7' -> 'T8' -> ... "
                       "19991 more -> 'T0')");
}

TEST_F(APIFixture, AliasCycleAndAllOfAreFollowed) {
  load("{\n"
       "  \"Alias\": \"Alias\",\n"
       "  \"Base\": {},\n"
       "  \"Derived\": { \"allOf\": [\"Base\", \"Derived\"] },\n"
       "  \"op\": \"/x\"\n"
       "}\n");
  // A named type that is only a reference to itself.
  addType("Alias", ref("Alias", 1));
  addType("Base", scalar(TypeKind::Object));
  // allOf needs every variant: including itself, it never ends.
  Type *derived = scalar(TypeKind::AllOf);
  derived->variants = {ref("Base", 1), ref("Derived", 1)};
  addType("Derived", derived);
  Operation &op = addOperation("op", "/x");
  op.requestBody = ref("Alias");
  op.responses[0].type = ref("Derived");
  EXPECT_EQ(run(), Strings({"API002@2:3", "API002@4:3"}));
  EXPECT_EQ(diags.getDiagnostics()[0].message,
            "type 'Alias' has no finite value: its required references form "
            "a cycle ('Alias' -> 'Alias')");
  EXPECT_EQ(where(diags.getDiagnostics()[1].notes[0].range), "4:34");
}

//===-- API003 ------------------------------------------------------------===//

TEST_F(APIFixture, UnusedTypesAreThoseNoOperationReaches) {
  load("{\n"
       "  \"IPage\": { \"data\": \"IItem\" },\n"
       "  \"IItem\": {},\n"
       "  \"IOrphan\": {},\n"
       "  \"get\": \"/items\"\n"
       "}\n");
  addType("IPage", object({prop("data", array(ref("IItem")), true)}));
  addType("IItem", scalar(TypeKind::String), 1);
  addType("IOrphan", scalar(TypeKind::String));
  Operation &op = addOperation("get", "/items");
  op.responses[0].type = ref("IPage");
  EXPECT_EQ(run(), Strings({"API003@4:3"}));
  EXPECT_EQ(only(DiagID::APIUnusedType).message,
            "type 'IOrphan' is not used by any operation");
}

TEST_F(APIFixture, DocumentWithoutOperationsHasNoUnusedTypes) {
  load("{ \"IOrphan\": {} }\n");
  addType("IOrphan", scalar(TypeKind::String));
  EXPECT_EQ(run(), Strings());
}

//===-- API004 - API006 ---------------------------------------------------===//

TEST_F(APIFixture, DuplicateOperationIdNotesTheFirst) {
  load("{\n"
       "  \"/a\": { \"get\": \"getThing\" },\n"
       "  \"/b\": { \"get\": \"getThing\" }\n"
       "}\n");
  addOperation("get", "/a").operationId = quoted("getThing");
  addOperation("get", "/b", 1).operationId = quoted("getThing", 1);
  EXPECT_EQ(run(), Strings({"API004@3:18"}));
  const Diagnostic &d = only(DiagID::APIDuplicateOperationId);
  EXPECT_EQ(d.message, "operationId 'getThing' is already used by 'GET /a'");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(where(d.notes[0].range), "2:18");
}

TEST_F(APIFixture, AutoBeNamesAreUniquePerAccessor) {
  load("{\n"
       "  \"post\": \"/users\", \"create\": 1,\n"
       "  \"post\": \"/posts\", \"create\": 2,\n"
       "  \"post\": \"/users/{id}\", \"create\": 3, \"id\": 0\n"
       "}\n",
       DocumentOrigin::AutoBeAST);
  addOperation("post", "/users").operationId = quoted("create");
  addOperation("post", "/posts", 1).operationId = quoted("create", 1);
  Operation &op = addOperation("post", "/users/{id}", 2);
  op.operationId = quoted("create", 2);
  op.parameters.push_back(param("id", "path"));
  // `/users` create and `/users/{id}` create are both `users.create`.
  EXPECT_EQ(run(), Strings({"API004@4:26"}));
  EXPECT_EQ(only(DiagID::APIDuplicateOperationId).message,
            "accessor 'users.create' is already used by 'POST /users'");
}

TEST_F(APIFixture, AutoBe2026AccessorsAreComparedAsSpelled) {
  load("{\n"
       "  \"get\": \"/a/{id}\", \"accessor\": [\"a\", \"at\"],\n"
       "  \"get\": \"/b/{id}\", \"accessor\": [\"a\", \"at\"],\n"
       "  \"id\": 0\n"
       "}\n",
       DocumentOrigin::AutoBeAST);
  for (unsigned i = 0; i != 2; ++i) {
    Operation &op = addOperation("get", i ? "/b/{id}" : "/a/{id}", i);
    op.operationId = quoted("at", i);
    op.accessor = {quoted("a", i), quoted("at", i)};
    op.parameters.push_back(param("id", "path"));
  }
  EXPECT_EQ(run(), Strings({"API004@3:39"}));
  EXPECT_EQ(only(DiagID::APIDuplicateOperationId).message,
            "accessor 'a.at' is already used by 'GET /a/{id}'");
}

TEST_F(APIFixture, DuplicateAndAmbiguousPaths) {
  load("{\n"
       "  \"get\": \"/a/{x}\",\n"
       "  \"get\": \"/a/{y}\",\n"
       "  \"post\": \"/a/{y}\",\n"
       "  \"get\": \"/a/{x}\",\n"
       "  \"get\": \"/a/b\",\n"
       "  \"params\": [\"x\", \"y\"]\n"
       "}\n",
       DocumentOrigin::AutoBeAST);
  addOperation("get", "/a/{x}").parameters.push_back(param("x", "path", 0));
  addOperation("get", "/a/{y}", 1).parameters.push_back(param("y", "path"));
  // Another method on the same shape, and a literal segment, are fine.
  addOperation("post", "/a/{y}", 0, 1).parameters.push_back(param("y", "path"));
  addOperation("get", "/a/{x}", 2, 1).parameters.push_back(param("x", "path"));
  addOperation("get", "/a/b", 3);
  EXPECT_EQ(run(), Strings({"API006@3:10", "API005@5:10"}));
  EXPECT_EQ(only(DiagID::APIAmbiguousPath).message,
            "'GET /a/{y}' matches the same requests as 'GET /a/{x}'; paths "
            "that differ only in parameter names are identical");
  EXPECT_EQ(where(only(DiagID::APIDuplicateOperation).notes[0].range), "2:10");
}

//===-- API007, API008 ----------------------------------------------------===//

TEST_F(APIFixture, PathTemplateAndPathParametersAgree) {
  load("{\n"
       "  \"/users/{userId}/posts/{postId}\": {\n"
       "    \"get\": [\"userId\", \"postid\", \"postId\"]\n"
       "  }\n"
       "}\n");
  Operation &op = addOperation("get", "/users/{userId}/posts/{postId}");
  op.parameters.push_back(param("userId", "path"));
  op.parameters.push_back(param("postid", "path"));
  // A query parameter does not fill a template slot.
  op.parameters.push_back(param("postId", "query"));
  EXPECT_EQ(run(), Strings({"API007@2:26", "API008@3:23"}));
  EXPECT_EQ(only(DiagID::APIPathParamUndeclared).message,
            "path template parameter 'postId' is not declared as a path "
            "parameter");
  EXPECT_EQ(only(DiagID::APIPathParamUnused).message,
            "path parameter 'postid' does not appear in the path "
            "'/users/{userId}/posts/{postId}'");
}

TEST_F(APIFixture, AutoBeParametersArePathParameters) {
  load("{ \"get\": \"/orders/{orderId}\", \"orderId\": 1 }\n",
       DocumentOrigin::AutoBeAST);
  addOperation("get", "/orders/{orderId}")
      .parameters.push_back(param("orderId", ""));
  EXPECT_EQ(run(), Strings());
}

//===-- API009, API010 ----------------------------------------------------===//

TEST_F(APIFixture, BodiesOnGetAndDelete) {
  load("{\n"
       "  \"get\": \"/a\", \"requestBody\": 1,\n"
       "  \"delete\": \"/b\", \"requestBody\": 2,\n"
       "  \"post\": \"/c\", \"requestBody\": 3\n"
       "}\n");
  const char *names[] = {"get", "delete", "post"};
  const char *paths[] = {"/a", "/b", "/c"};
  for (unsigned i = 0; i != 3; ++i) {
    Operation &op = addOperation(names[i], paths[i]);
    op.requestBody = scalar(TypeKind::Object);
    op.requestBodyRange = quoted("requestBody", i).range;
  }
  // DELETE with a body works with fetch and nestia: a remark only.
  EXPECT_EQ(run(), Strings({"API009@2:16", "API014@3:19"}));
  EXPECT_EQ(diags.getDiagnostics()[0].message,
            "GET operation has a request body; GET requests carry no body a "
            "client or server is bound to honour");
  EXPECT_EQ(diags.getDiagnostics()[1].severity, Severity::Remark);
  ASSERT_EQ(diags.getDiagnostics()[1].notes.size(), 1u);
  EXPECT_EQ(where(diags.getDiagnostics()[1].notes[0].range), "3:3");
}

TEST_F(APIFixture, SuccessResponsesInOpenAPIOnly) {
  load("{\n"
       "  \"get\": \"/missing\",\n"
       "  \"get\": \"/default\",\n"
       "  \"get\": \"/redirect\"\n"
       "}\n");
  addOperation("get", "/missing").responses[0].status.name = "404";
  addOperation("get", "/default", 1).responses[0].status.name = "default";
  addOperation("get", "/redirect", 2).responses[0].status.name = "302";
  EXPECT_EQ(run(), Strings({"API010@2:3"}));
  EXPECT_EQ(only(DiagID::APINoSuccessResponse).message,
            "operation 'GET /missing' declares no success (2xx) response");
}

TEST_F(APIFixture, AutoBeVoidResponseIsASuccess) {
  load("{ \"delete\": \"/a\" }\n", DocumentOrigin::AutoBeAST);
  addOperation("delete", "/a").responses.clear();
  EXPECT_EQ(run(), Strings());
}

//===-- API011 - API013 ---------------------------------------------------===//

TEST_F(APIFixture, EmptyBoundsAreReportedWithTheirSpelling) {
  load("{\n"
       "  \"s\": { \"minLength\": 5, \"maxLength\": 3 },\n"
       "  \"n\": { \"minimum\": 1.5, \"exclusiveMaximum\": 1.5 },\n"
       "  \"m\": { \"minimum\": 2, \"maximum\": 2 },\n"
       "  \"a\": { \"minItems\": 4, \"maxItems\": 2 },\n"
       "  \"op\": \"/x\"\n"
       "}\n");
  Type *s = scalar(TypeKind::String);
  s->minLength = 5;
  s->maxLength = 3;
  s->minRange = at("5").range;
  s->maxRange = at("3").range;
  Type *n = scalar(TypeKind::Number);
  n->minimum = 1.5;
  n->maximum = 1.5;
  n->exclusiveMaximum = true;
  n->minRange = at("1.5").range;
  n->maxRange = at("1.5", 1).range;
  Type *m = scalar(TypeKind::Integer); // minimum == maximum: one value
  m->minimum = 2;
  m->maximum = 2;
  Type *a = array(scalar(TypeKind::String));
  a->minItems = 4;
  a->maxItems = 2;
  Operation &op = addOperation("op", "/x");
  op.parameters.push_back(param("s", "query"));
  op.parameters.back().type = s;
  op.requestBody =
      object({prop("n", n, true), prop("m", m, true), prop("a", a, false)});
  a->range = at("\"a\"").range;
  EXPECT_EQ(run(), Strings({"API011@2:23", "API011@3:21", "API011@5:3"}));
  const auto &all = diags.getDiagnostics();
  EXPECT_EQ(all[0].message,
            "minLength is 5 but maxLength is 3; no value satisfies both");
  ASSERT_EQ(all[0].notes.size(), 1u);
  EXPECT_EQ(where(all[0].notes[0].range), "2:39");
  EXPECT_EQ(all[1].message, "minimum is 1.5 but exclusiveMaximum is 1.5; no "
                            "value satisfies both");
  EXPECT_EQ(all[2].message,
            "minItems is 4 but maxItems is 2; no value satisfies both");
}

TEST_F(APIFixture, BoundRangesOfAnotherKeywordAreNotUsed) {
  // The IR has one lower and one upper range per schema; here they hold
  // `minimum` and `maximum`, which are fine, while the lengths conflict.
  load("{ \"t\": { \"minimum\": 0, \"maximum\": 9, \"minLength\": 5, "
       "\"maxLength\": 3 }, \"op\": \"/x\" }\n");
  Type *type = scalar(TypeKind::String);
  type->range = at("{ \"minimum\"").range;
  type->minimum = 0;
  type->maximum = 9;
  type->minRange = at("0").range;
  type->maxRange = at("9").range;
  type->minLength = 5;
  type->maxLength = 3;
  addOperation("op", "/x").requestBody = type;
  EXPECT_EQ(run(), Strings({"API011@1:8"}));
  const Diagnostic &d = only(DiagID::APIInvalidBounds);
  EXPECT_EQ(d.message,
            "minLength is 5 but maxLength is 3; no value satisfies both");
  EXPECT_TRUE(d.notes.empty());
}

TEST_F(APIFixture, DuplicateEnumValues) {
  load("{ \"enum\": [\"a\", \"b\", \"a\", 1, 1.0, \"1\"], \"op\": \"/x\" }\n");
  Type *type = scalar(TypeKind::String);
  auto literal = [&](StringRef spelled, unsigned nth, bool isString) {
    Ident ident = at(spelled, nth);
    Literal result;
    result.text = isString ? ident.name.drop_front().drop_back() : ident.name;
    result.isString = isString;
    result.range = ident.range;
    return result;
  };
  type->enumValues = {literal("\"a\"", 0, true), literal("\"b\"", 0, true),
                      literal("\"a\"", 1, true), literal("1", 0, false),
                      literal("1.0", 0, false),  literal("\"1\"", 0, true)};
  Operation &op = addOperation("op", "/x");
  op.requestBody = type;
  EXPECT_EQ(run(), Strings({"API012@1:22", "API012@1:30"}));
  EXPECT_EQ(diags.getDiagnostics()[0].message,
            "enum value 'a' is listed more than once");
  EXPECT_EQ(diags.getDiagnostics()[1].message,
            "enum value 1.0 is listed more than once");
  EXPECT_EQ(where(diags.getDiagnostics()[1].notes[0].range), "1:27");
}

TEST_F(APIFixture, ANodeSharedByTwoOperationsIsReportedOnce) {
  // A frontend may share one lowered node (an inlined component) between
  // places; its findings are reported once.
  load("{ \"enum\": [\"a\", \"a\"], \"op\": \"/x\", \"op\": \"/y\" }\n");
  Type *type = scalar(TypeKind::String);
  for (unsigned i = 0; i != 2; ++i) {
    Literal literal;
    literal.text = "a";
    literal.isString = true;
    literal.range = at("\"a\"", i).range;
    type->enumValues.push_back(literal);
  }
  addOperation("op", "/x").requestBody = type;
  addOperation("op", "/y", 1).requestBody = type;
  EXPECT_EQ(run(), Strings({"API012@1:17"}));
}

TEST_F(APIFixture, RequiredNamesWithoutAProperty) {
  load("{\n"
       "  \"IUser\": { \"properties\": [\"email\"], \"required\": [\"emial\"] "
       "},\n"
       "  \"IMap\": { \"required\": [\"key\"] },\n"
       "  \"op\": \"/x\"\n"
       "}\n");
  Type *user = object({prop("email", scalar(TypeKind::String), false)});
  user->requiredNames.push_back(quoted("emial"));
  // A free-form object requiring a key is a JSON Schema idiom.
  Type *map = object({});
  map->requiredNames.push_back(quoted("key"));
  addType("IUser", user);
  addType("IMap", map);
  Operation &op = addOperation("op", "/x");
  op.requestBody = ref("IUser");
  op.responses[0].type = ref("IMap");
  EXPECT_EQ(run(), Strings({"API013@2:52"}));
  const Diagnostic &d = only(DiagID::APIRequiredUnknown);
  EXPECT_EQ(d.message,
            "required property 'emial' is not declared in 'properties'");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "did you mean 'email'?");
  EXPECT_EQ(where(d.notes[0].range), "2:29");
}

TEST_F(APIFixture, AutoBeFreeFormObjectsStillNeedTheirRequiredNames) {
  load("{ \"IMap\": { \"required\": [\"key\"] }, \"op\": \"/x\" }\n",
       DocumentOrigin::AutoBeAST);
  Type *map = object({});
  map->requiredNames.push_back(quoted("key"));
  addType("IMap", map);
  addOperation("op", "/x").responses[0].type = ref("IMap");
  EXPECT_EQ(run(), Strings({"API013@1:26"}));
}

//===-- Scale -------------------------------------------------------------===//

TEST_F(APIFixture, TenThousandOperationsStayLinear) {
  // 10000 operations on distinct paths, each returning its own type, plus
  // one chain of 10000 types each requiring the next (finite at its end).
  constexpr unsigned count = 10000;
  load("\"get\" \"/r/{id}\" \"id\" \"I\" \"p\"\n");
  for (unsigned i = 0; i != count; ++i) {
    std::string name = "I" + std::to_string(i);
    Type *next = ref("I");
    next->ref.name = doc->save("I" + std::to_string(i + 1));
    addType("I",
            object({prop("p", i + 1 == count ? scalar(TypeKind::String) : next,
                         true)}));
    doc->types.back().name.name = doc->save(name);
    Operation &op = addOperation("get", "/r/{id}");
    op.path.name = doc->save("/r" + std::to_string(i) + "/{id}");
    op.operationId.name = doc->save("op" + std::to_string(i));
    op.parameters.push_back(param("id", "path"));
    op.responses[0].type = ref("I");
    op.responses[0].type->ref.name = doc->types.back().name.name;
  }
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(run(), Strings());
  auto elapsed = std::chrono::steady_clock::now() - start;
  // Generous: a quadratic pass takes minutes here, a linear one milliseconds.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(),
            10);
}

} // namespace
