//===- CRUDCoverageTest.cpp - Tests of the CRUD coverage analysis ---------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Pins how the CRUD coverage analysis attributes operations to tables (by
/// which DTO, path or segment, with which access).
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/CRUDCoverage.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Frontend/ProjectLoader.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <string>

using namespace abv;
using namespace llvm;

namespace {

/// Writes a project folder and loads it.
struct CRUDFixture : ::testing::Test {
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
    std::error_code ec;
    raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec) << ec.message();
    os << text;
  }

  const CRUDCoverage &load(StringRef schema, StringRef openapi) {
    EXPECT_FALSE(sys::fs::createUniqueDirectory("abv-crud", dir));
    write("schema.prisma", schema);
    write("openapi.json", openapi);
    std::vector<std::string> inputs = {std::string(dir)};
    EXPECT_EQ(loadProject(project, inputs, diags), LoadResult::Ok);
    analyses = std::make_unique<AnalysisManager>(project);
    return analyses->getAnalysis<CRUDCoverage>();
  }

  /// The attribution of `<method> <path>`.
  static const CRUDCoverage::Attribution *
  find(const CRUDCoverage &coverage, StringRef method, StringRef path) {
    for (const CRUDCoverage::Attribution &a : coverage.getAttributions())
      if (a.operation->method.name == method && a.operation->path.name == path)
        return &a;
    ADD_FAILURE() << "no operation " << method.str() << ' ' << path.str();
    return nullptr;
  }

  std::unique_ptr<AnalysisManager> analyses;
};

const char *const Schema = R"(
model shopping_sales {
  id String @id
}
model shopping_sale_units {
  id String @id
}
model shopping_sale_snapshots {
  id String @id
}
model todo_app_guestuser {
  id String @id
}
model categories {
  id String @id
}
)";

/// `{"$ref": "#/components/schemas/<name>"}`.
std::string ref(StringRef name) {
  return (R"({"$ref": "#/components/schemas/)" + name + "\"}").str();
}

std::string body(StringRef name) {
  return R"({"content": {"application/json": {"schema": )" + ref(name) + "}}}";
}

std::string ok(StringRef name) {
  return R"({"200": {"description": "ok", "content": {"application/json": {"schema": )" +
         ref(name) + "}}}}";
}

std::string object(StringRef properties = "") {
  return (R"({"type": "object", "properties": {)" + properties + "}}").str();
}

TEST_F(CRUDFixture, AttributesOperations) {
  std::string doc =
      R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
  "paths": {
    "/sales": {
      "post": {"requestBody": )" +
      body("IShoppingSale.ICreate") + R"(, "responses": )" +
      ok("IShoppingSale") + R"(},
      "patch": {"requestBody": )" +
      body("IShoppingSale.IRequest") + R"(, "responses": )" +
      ok("IPageIShoppingSale.ISummary") + R"(}
    },
    "/sales/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "delete": {"responses": {"204": {"description": "gone"}}}
    },
    "/sales/{id}/snapshot": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"responses": )" +
      ok("IShoppingSale.ISnapshot") + R"(}
    },
    "/sales/{id}/close": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "post": {"responses": {"200": {"description": "ok"}}}
    },
    "/auth/guestUser/join": {
      "post": {"requestBody": )" +
      body("ITodoAppGuestUser.IJoin") + R"(, "responses": )" +
      ok("ITodoAppGuestUser.IAuthorized") + R"(}
    },
    "/shop/categories": {
      "get": {"responses": {"200": {"description": "ok"}}}
    },
    "/health": {"get": {"responses": {"200": {"description": "ok"}}}}
  },
  "components": {"schemas": {
    "IShoppingSale": )" +
      object() + R"(,
    "IShoppingSale.ICreate": )" +
      object(R"("units": {"type": "array", "items": )" +
             ref("IShoppingSaleUnit.ICreate") + "}") +
      R"(,
    "IShoppingSale.IRequest": )" +
      object() + R"(,
    "IShoppingSale.ISummary": )" +
      object() + R"(,
    "IShoppingSale.ISnapshot": )" +
      object() + R"(,
    "IShoppingSaleUnit.ICreate": )" +
      object() + R"(,
    "IPageIShoppingSale.ISummary": )" +
      object(
          R"("pagination": {"type": "object"}, "data": {"type": "array", "items": )" +
          ref("IShoppingSale.ISummary") + "}") +
      R"(,
    "ITodoAppGuestUser.IJoin": )" +
      object() + R"(,
    "ITodoAppGuestUser.IAuthorized": )" +
      object() + R"(
  }}})";
  const CRUDCoverage &coverage = load(Schema, doc);
  ASSERT_TRUE(coverage.isAvailable());
  ASSERT_EQ(coverage.getAttributions().size(), 8u);

  auto expect = [&](StringRef method, StringRef path, StringRef table,
                    Access access, StringRef via) {
    const CRUDCoverage::Attribution *a = find(coverage, method, path);
    if (!a)
      return;
    if (table.empty()) {
      EXPECT_EQ(a->model, nullptr) << path.str();
      return;
    }
    ASSERT_NE(a->model, nullptr) << path.str();
    EXPECT_EQ(a->model->getTableName(), table) << path.str();
    EXPECT_EQ(a->access, access) << path.str();
    EXPECT_EQ(a->via, via) << path.str();
  };
  // By the DTO: the request body for a write, the page items for a search.
  expect("post", "/sales", "shopping_sales", Access::Create, "request body");
  expect("patch", "/sales", "shopping_sales", Access::Read, "response");
  // DELETE by the collection path the others taught.
  expect("delete", "/sales/{id}", "shopping_sales", Access::Delete, "path");
  // A member type that is an entity of its own.
  expect("get", "/sales/{id}/snapshot", "shopping_sale_snapshots", Access::Read,
         "response");
  // A bodiless POST on an action updates what the path names.
  expect("post", "/sales/{id}/close", "shopping_sales", Access::Update, "path");
  // Words run together in the table name; a join creates.
  expect("post", "/auth/guestUser/join", "todo_app_guestuser", Access::Create,
         "request body");
  // A literal segment names a table.
  expect("get", "/shop/categories", "categories", Access::Read, "path");
  expect("get", "/health", "", Access::Read, "");

  // Nested: POST /sales also creates the units, as a nested use.
  ArrayRef<CRUDCoverage::TableCoverage> tables = coverage.getTables();
  ASSERT_EQ(tables.size(), 5u);
  EXPECT_EQ(tables[1].model->getTableName(), "shopping_sale_units");
  EXPECT_TRUE(tables[1].has(Access::Create));
  EXPECT_FALSE(tables[1].has(Access::Create, /*directOnly=*/true));
  EXPECT_FALSE(tables[1].has(Access::Read));
  EXPECT_EQ(coverage.countTouchedTables(), 5u);
  EXPECT_EQ(coverage.countTables(Access::Create), 3u);
  EXPECT_EQ(coverage.countTables(Access::Create, /*directOnly=*/true), 2u);
  EXPECT_EQ(coverage.countTables(Access::Delete), 1u);
}

TEST_F(CRUDFixture, ExplicitLinksSpeakFirstAndWritesReadWhatTheyReturn) {
  // POST /sales/{id}/snapshots: its body's family (`IShoppingSale`) names
  // shopping_sales, but the response links shopping_sale_snapshots itself.
  // POST /sales returns a sale with its units: the units are read too.
  std::string doc =
      R"({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
  "paths": {
    "/sales/{id}/snapshots": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "post": {"requestBody": )" +
      body("IShoppingSale.IStore") + R"(, "responses": )" +
      ok("ISnapshotView") + R"(}
    },
    "/sales": {
      "post": {"requestBody": )" +
      body("IShoppingSale.ICreate") + R"(, "responses": )" +
      ok("IShoppingSale") + R"(}
    }
  },
  "components": {"schemas": {
    "IShoppingSale": )" +
      object(R"("units": {"type": "array", "items": )" +
             ref("IShoppingSaleUnit") + "}") +
      R"(,
    "IShoppingSaleUnit": )" +
      object() + R"(,
    "IShoppingSale.ICreate": )" +
      object() + R"(,
    "IShoppingSale.IStore": )" +
      object() + R"(,
    "ISnapshotView": {"type": "object", "properties": {},
      "x-autobe-database-schema": "shopping_sale_snapshots"}
  }}})";
  const CRUDCoverage &coverage = load(Schema, doc);
  const CRUDCoverage::Attribution *store =
      find(coverage, "post", "/sales/{id}/snapshots");
  ASSERT_TRUE(store && store->model);
  EXPECT_EQ(store->model->getTableName(), "shopping_sale_snapshots");
  EXPECT_EQ(store->via, "response");
  const CRUDCoverage::TableCoverage *units = nullptr;
  for (const CRUDCoverage::TableCoverage &table : coverage.getTables())
    if (table.model->getTableName() == "shopping_sale_units")
      units = &table;
  ASSERT_TRUE(units);
  EXPECT_TRUE(units->has(Access::Read));
  EXPECT_FALSE(units->has(Access::Read, /*directOnly=*/true));
  EXPECT_FALSE(units->has(Access::Create));
}

TEST_F(CRUDFixture, NeedsBothLayers) {
  EXPECT_FALSE(sys::fs::createUniqueDirectory("abv-crud", dir));
  write("schema.prisma", Schema);
  std::vector<std::string> inputs = {std::string(dir)};
  ASSERT_EQ(loadProject(project, inputs, diags), LoadResult::Ok);
  AnalysisManager am(project);
  const CRUDCoverage &coverage = am.getAnalysis<CRUDCoverage>();
  EXPECT_FALSE(coverage.isAvailable());
  EXPECT_TRUE(coverage.getTables().empty());
}

} // namespace
