//===- AutoBeDBTest.cpp - Tests of the AutoBe DB AST frontend -------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Frontend/AutoBe/AutoBeDB.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/Basic/SourceFiles.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include "../TestSupport.h"

#include <cstdlib>
#include <functional>
#include <map>
#include <string>

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {

/// Loads a prisma.json text through the frontend.
struct Loaded : test::LoadedText {
  std::unique_ptr<Schema> schema;

  explicit Loaded(StringRef input) {
    schema = parseAutoBeDB(sourceMgr, add(input, "prisma.json"), diags);
  }
  /// The range of the object (brace to brace) around \p needle.
  SMRange objectAround(StringRef needle, unsigned nth = 0) const {
    return test::findObjectAround(text, needle, nth);
  }
};

using test::expectRange;

/// A 2025-shaped DB AST with two files; every object is on one line.
constexpr const char *Todo2025 = R"({
  "files": [
    {
      "filename": "schema-01-actors.prisma",
      "namespace": "Actors",
      "models": [
        {
          "name": "todo_list_users",
          "description": "Users.\nAll of them.",
          "material": false,
          "stance": "primary",
          "primaryField": {"name": "id", "type": "uuid", "description": "Primary Key."},
          "foreignFields": [],
          "plainFields": [
            {"name": "email", "type": "string", "description": "Email.", "nullable": false},
            {"name": "age", "type": "int", "description": "Age.", "nullable": true, "default": 3},
            {"name": "nick", "type": "string", "description": "Nick.", "nullable": false, "default": "anon\u00e9"}
          ],
          "uniqueIndexes": [{"fieldNames": ["email"], "unique": true}],
          "plainIndexes": [],
          "ginIndexes": [{"fieldName": "nick"}]
        }
      ]
    },
    {
      "filename": "schema-02-todos.prisma",
      "namespace": "Todos",
      "models": [
        {
          "name": "todo_list_todos",
          "description": "Todos.",
          "material": true,
          "stance": "subsidiary",
          "primaryField": {"name": "todo_id", "type": "uuid", "description": "PK."},
          "foreignFields": [
            {"name": "todo_list_user_id", "type": "uuid", "description": "Owner.", "relation": {"name": "user", "targetModel": "todo_list_users", "mappingName": "UserTodos"}, "unique": false, "nullable": true},
            {"name": "parent_id", "type": "uuid", "description": "Parent.", "relation": {"name": "parent", "targetModel": "todo_list_todos"}, "unique": true, "nullable": false},
            {"name": "ghost_id", "type": "uuid", "description": "Ghost.", "relation": {"name": "ghost", "targetModel": "ghosts"}, "unique": false, "nullable": false}
          ],
          "plainFields": [
            {"name": "score", "type": "double", "description": "Score.", "nullable": false},
            {"name": "done", "type": "boolean", "description": "Done.", "nullable": false},
            {"name": "link", "type": "uri", "description": "Link.", "nullable": true},
            {"name": "created_at", "type": "datetime", "description": "Created.", "nullable": false}
          ],
          "uniqueIndexes": [],
          "plainIndexes": [{"fieldNames": ["todo_list_user_id", "created_at"]}],
          "ginIndexes": []
        }
      ]
    }
  ]
})";

TEST(AutoBeDBTest, Models) {
  Loaded l(Todo2025);
  ASSERT_TRUE(l.schema);
  EXPECT_TRUE(l.diags.getDiagnostics().empty()) << l.summary().front();
  const Schema &s = *l.schema;
  EXPECT_EQ(s.origin, SchemaOrigin::AutoBeAST);
  ASSERT_EQ(s.bufferIDs.size(), 1u);
  ASSERT_EQ(s.models.size(), 2u);

  const Model &users = s.models[0];
  EXPECT_EQ(users.name.name, "todo_list_users");
  expectRange(users.name.range, l.find("\"todo_list_users\""), "name");
  expectRange(users.range, l.objectAround("\"name\": \"todo_list_users\""),
              "model");
  EXPECT_EQ(users.fileName, "schema-01-actors.prisma");
  EXPECT_EQ(users.autobeNamespace, "Actors");
  EXPECT_EQ(users.stance, Stance::Primary);
  EXPECT_FALSE(users.isMaterial);
  EXPECT_EQ(users.doc, "Users.\nAll of them.");

  const Model &todos = s.models[1];
  EXPECT_EQ(todos.fileName, "schema-02-todos.prisma");
  EXPECT_EQ(todos.autobeNamespace, "Todos");
  EXPECT_EQ(todos.stance, Stance::Subsidiary);
  EXPECT_TRUE(todos.isMaterial);
  EXPECT_FALSE(todos.isView);
}

TEST(AutoBeDBTest, Fields) {
  Loaded l(Todo2025);
  ASSERT_TRUE(l.schema);
  const Model &users = l.schema->models[0];
  ASSERT_EQ(users.fields.size(), 4u);

  const Field &id = users.fields[0];
  EXPECT_EQ(id.name.name, "id");
  EXPECT_TRUE(id.isId);
  EXPECT_EQ(id.type, TypeKind::String);
  EXPECT_EQ(id.typeName.name, "String");
  EXPECT_EQ(id.autobeType, "uuid");
  EXPECT_EQ(id.doc, "Primary Key.");
  expectRange(id.name.range, l.find("\"id\""), "id name");
  expectRange(id.typeName.range, l.find("\"uuid\""), "id type");
  expectRange(id.range, l.objectAround("\"Primary Key.\""), "id field");

  const Field &email = users.fields[1];
  EXPECT_EQ(email.name.name, "email");
  EXPECT_FALSE(email.isOptional);
  EXPECT_FALSE(email.isId);
  EXPECT_EQ(email.getDefaultValue(), nullptr);
  expectRange(email.range, l.objectAround("\"name\": \"email\""), "email");

  const Field &age = users.fields[2];
  EXPECT_EQ(age.type, TypeKind::Int);
  EXPECT_TRUE(age.isOptional);
  const Expr *ageDefault = age.getDefaultValue();
  ASSERT_TRUE(ageDefault);
  EXPECT_EQ(ageDefault->kind, Expr::Kind::Number);
  EXPECT_EQ(ageDefault->text, "3");
  ASSERT_TRUE(age.getAttribute("default"));
  expectRange(age.getAttribute("default")->name.range, l.find("\"default\""),
              "default key");

  const Field &nick = users.fields[3];
  const Expr *nickDefault = nick.getDefaultValue();
  ASSERT_TRUE(nickDefault);
  EXPECT_EQ(nickDefault->kind, Expr::Kind::String);
  EXPECT_EQ(nickDefault->text, "anon\xC3\xA9");
  expectRange(nickDefault->range, l.find("\"anon\\u00e9\""), "default value");

  const Model &todos = l.schema->models[1];
  std::map<std::string, TypeKind> kinds;
  for (const Field &f : todos.fields)
    kinds[f.name.name.str()] = f.type;
  EXPECT_EQ(kinds["todo_id"], TypeKind::String);
  EXPECT_EQ(kinds["score"], TypeKind::Float);
  EXPECT_EQ(kinds["done"], TypeKind::Boolean);
  EXPECT_EQ(kinds["link"], TypeKind::String);
  EXPECT_EQ(kinds["created_at"], TypeKind::DateTime);
  EXPECT_EQ(todos.findField("link")->autobeType, "uri");
  EXPECT_EQ(todos.findField("score")->typeName.name, "Float");
}

TEST(AutoBeDBTest, Relations) {
  Loaded l(Todo2025);
  ASSERT_TRUE(l.schema);
  const Model &todos = l.schema->models[1];
  // id, then (FK, relation) per foreign field, then plain fields.
  ASSERT_EQ(todos.fields.size(), 11u);
  const Field &fk = todos.fields[1];
  EXPECT_EQ(fk.name.name, "todo_list_user_id");
  EXPECT_FALSE(fk.isRelation());
  EXPECT_EQ(fk.type, TypeKind::String);
  EXPECT_EQ(fk.autobeType, "uuid");
  EXPECT_TRUE(fk.isOptional);
  EXPECT_FALSE(fk.isUnique);
  expectRange(fk.range, l.objectAround("\"Owner.\""), "fk field");

  const Field &user = todos.fields[2];
  EXPECT_EQ(user.name.name, "user");
  EXPECT_TRUE(user.isRelation());
  EXPECT_EQ(user.typeName.name, "todo_list_users");
  EXPECT_TRUE(user.isOptional);
  EXPECT_FALSE(user.isList);
  expectRange(user.name.range, l.find("\"user\""), "relation name");
  expectRange(user.typeName.range, l.find("\"todo_list_users\"", 1),
              "relation target");
  expectRange(user.range, l.objectAround("\"mappingName\""), "relation");
  ASSERT_TRUE(user.relation);
  const RelationInfo &info = *user.relation;
  EXPECT_EQ(info.name.name, "UserTodos");
  expectRange(info.name.range, l.find("\"UserTodos\""), "mapping name");
  ASSERT_EQ(info.fields.size(), 1u);
  EXPECT_EQ(info.fields[0].name, "todo_list_user_id");
  expectRange(info.fields[0].range, l.find("\"todo_list_user_id\""),
              "relation fields");
  ASSERT_EQ(info.references.size(), 1u);
  EXPECT_EQ(info.references[0].name, "id");
  EXPECT_TRUE(info.hasFieldsArg);
  EXPECT_TRUE(info.hasReferencesArg);
  EXPECT_TRUE(info.oppositeName.empty());

  // A self relation references the model's own (non-"id") primary key.
  const Field &parentFK = todos.fields[3];
  EXPECT_TRUE(parentFK.isUnique);
  EXPECT_FALSE(parentFK.isOptional);
  const Field &parent = todos.fields[4];
  EXPECT_EQ(parent.name.name, "parent");
  EXPECT_FALSE(parent.isOptional);
  EXPECT_TRUE(parent.relation->name.empty());
  ASSERT_EQ(parent.relation->references.size(), 1u);
  EXPECT_EQ(parent.relation->references[0].name, "todo_id");

  // An unknown target: the reference defaults to "id"; the DB passes report
  // the missing model.
  const Field &ghost = todos.fields[6];
  EXPECT_EQ(ghost.typeName.name, "ghosts");
  EXPECT_EQ(ghost.type, TypeKind::Model);
  EXPECT_EQ(ghost.relation->references[0].name, "id");
}

TEST(AutoBeDBTest, Indexes) {
  Loaded l(Todo2025);
  ASSERT_TRUE(l.schema);
  const Model &users = l.schema->models[0];
  // finalize() mirrors the primary key first.
  ASSERT_EQ(users.indexes.size(), 3u);
  EXPECT_EQ(users.indexes[0].kind, Index::Kind::Primary);
  EXPECT_TRUE(users.indexes[0].isFieldLevel);
  ASSERT_TRUE(users.getPrimaryKey());

  const Index &unique = users.indexes[1];
  EXPECT_EQ(unique.kind, Index::Kind::Unique);
  EXPECT_FALSE(unique.isFieldLevel);
  expectRange(unique.range, l.objectAround("\"unique\": true"), "unique");
  ASSERT_EQ(unique.fields.size(), 1u);
  EXPECT_EQ(unique.fields[0].name.name, "email");
  expectRange(unique.fields[0].name.range, l.find("\"email\"", 1),
              "unique field");

  const Index &gin = users.indexes[2];
  EXPECT_EQ(gin.kind, Index::Kind::Plain);
  EXPECT_EQ(gin.method, Index::Method::Gin);
  ASSERT_EQ(gin.fields.size(), 1u);
  EXPECT_EQ(gin.fields[0].name.name, "nick");
  EXPECT_EQ(gin.fields[0].ops, "gin_trgm_ops");
  expectRange(gin.fields[0].name.range, l.find("\"nick\"", 1), "gin field");
  expectRange(gin.range, l.objectAround("\"fieldName\""), "gin");

  const Model &todos = l.schema->models[1];
  // Primary key, the unique FK parent_id (field level), the plain index.
  ASSERT_EQ(todos.indexes.size(), 3u);
  EXPECT_EQ(todos.indexes[0].kind, Index::Kind::Primary);
  EXPECT_EQ(todos.indexes[1].kind, Index::Kind::Unique);
  EXPECT_EQ(todos.indexes[1].fields[0].name.name, "parent_id");
  const Index &plain = todos.indexes[2];
  EXPECT_EQ(plain.kind, Index::Kind::Plain);
  EXPECT_EQ(plain.method, Index::Method::Default);
  ASSERT_EQ(plain.fields.size(), 2u);
  EXPECT_EQ(plain.fields[0].name.name, "todo_list_user_id");
  EXPECT_EQ(plain.fields[1].name.name, "created_at");
  expectRange(plain.fields[1].name.range, l.find("\"created_at\"", 1),
              "plain index field");
}

TEST(AutoBeDBTest, Shape2026) {
  Loaded l(R"({"files": [{"filename": "schema-01-identity.prisma",
    "namespace": "todo_identity", "models": [
    {"name": "todo_app_members", "description": "Members.", "material": false,
     "stance": "actor",
     "primaryField": {"name": "id", "type": "uuid", "description": "PK."},
     "foreignFields": [], "plainFields": [], "uniqueIndexes": [],
     "plainIndexes": [], "ginIndexes": []},
    {"name": "todo_app_member_sessions", "description": "Sessions.",
     "material": false, "stance": "session",
     "primaryField": {"name": "id", "type": "uuid", "description": "PK."},
     "foreignFields": [{"name": "todo_app_member_id", "type": "uuid",
       "description": "Member.", "relation": {"name": "member",
       "targetModel": "todo_app_members", "oppositeName": "sessions"},
       "unique": false, "nullable": false}],
     "plainFields": [], "uniqueIndexes": [], "plainIndexes": [],
     "ginIndexes": []}]}]})");
  ASSERT_TRUE(l.schema);
  EXPECT_TRUE(l.diags.getDiagnostics().empty());
  ASSERT_EQ(l.schema->models.size(), 2u);
  EXPECT_EQ(l.schema->models[0].stance, Stance::Actor);
  EXPECT_EQ(l.schema->models[1].stance, Stance::Session);
  const Field *member = l.schema->models[1].findField("member");
  ASSERT_TRUE(member && member->relation);
  EXPECT_EQ(member->relation->oppositeName.name, "sessions");
  expectRange(member->relation->oppositeName.range, l.find("\"sessions\""),
              "oppositeName");
  // No back-relation field is synthesized on the target.
  EXPECT_EQ(l.schema->models[0].fields.size(), 1u);
}

TEST(AutoBeDBTest, ShapeErrors) {
  Loaded l(R"({
  "files": [
    {
      "filename": "a.prisma",
      "namespace": "A",
      "models": [
        {
          "name": "bad_models",
          "description": 42,
          "material": false,
          "stance": "weird",
          "primaryField": {"name": "id", "type": "uuid"},
          "foreignFields": [
            {"name": "x_id", "type": "uuid", "description": "", "relation": {"name": "x", "targetModel": "typed_models", "onDelete": "Cascade"}, "unique": false, "nullable": false}
          ],
          "plainFields": "oops",
          "uniqueIndexes": [{"fieldNames": ["x_id", 7], "unique": true}],
          "plainIndexes": [],
          "ginIndexes": [],
          "extra": 1
        },
        "not a model",
        {"description": "nameless"},
        {
          "name": "typed_models",
          "description": "",
          "material": false,
          "stance": "primary",
          "primaryField": {"name": "id", "type": "uuid", "description": ""},
          "foreignFields": [],
          "plainFields": [{"name": "f", "type": "text", "description": "", "nullable": null}],
          "uniqueIndexes": [],
          "plainIndexes": [],
          "ginIndexes": []
        }
      ]
    }
  ]
})");
  ASSERT_TRUE(l.schema);
  std::vector<std::string> expected = {
      "AB001 9:26: 'files[0].models[0].description' must be a string, not a "
      "number",
      "AB001 16:26: 'files[0].models[0].plainFields' must be an array, not a "
      "string",
      "AB003 20:11: unknown key 'extra' in 'files[0].models[0]' is ignored",
      "AB005 11:21: unknown model stance 'weird' (expected one of 'primary', "
      "'subsidiary', 'snapshot', 'actor', 'session')",
      "AB002 12:27: 'files[0].models[0].primaryField' is missing the required "
      "key 'description'",
      "AB003 14:122: unknown key 'onDelete' in "
      "'files[0].models[0].foreignFields[0].relation' is ignored",
      "AB001 17:53: 'files[0].models[0].uniqueIndexes[0].fieldNames[1]' must "
      "be a string, not a number",
      "AB001 22:9: 'files[0].models[1]' must be an object, not a string",
      "AB002 23:9: 'files[0].models[2]' is missing the required key 'name'",
      "AB002 23:9: 'files[0].models[2]' is missing the required key 'material'",
      "AB002 23:9: 'files[0].models[2]' is missing the required key 'stance'",
      "AB002 23:9: 'files[0].models[2]' is missing the required key "
      "'primaryField'",
      "AB002 23:9: 'files[0].models[2]' is missing the required key "
      "'foreignFields'",
      "AB002 23:9: 'files[0].models[2]' is missing the required key "
      "'plainFields'",
      "AB002 23:9: 'files[0].models[2]' is missing the required key "
      "'uniqueIndexes'",
      "AB002 23:9: 'files[0].models[2]' is missing the required key "
      "'plainIndexes'",
      "AB002 23:9: 'files[0].models[2]' is missing the required key "
      "'ginIndexes'",
      "AB001 31:88: 'files[0].models[3].plainFields[0].nullable' must be a "
      "boolean, not null",
      "AB004 31:49: unknown AutoBe field type 'text' (expected one of "
      "'boolean', 'int', 'double', 'string', 'uri', 'uuid', 'datetime')",
  };
  EXPECT_EQ(l.summary(), expected);
  const Diagnostic &remark = l.diags.getDiagnostics()[2];
  EXPECT_EQ(remark.severity, Severity::Remark);
  EXPECT_EQ(l.diags.getDiagnostics()[3].severity, Severity::Warning);

  // Everything else was lowered: both named models, the bad model's
  // primary key, FK and relation, and the index's valid field name.
  ASSERT_EQ(l.schema->models.size(), 2u);
  const Model &bad = l.schema->models[0];
  EXPECT_EQ(bad.stance, Stance::None);
  EXPECT_TRUE(bad.doc.empty());
  ASSERT_EQ(bad.fields.size(), 3u);
  EXPECT_TRUE(bad.fields[0].isId);
  EXPECT_TRUE(bad.fields[2].isRelation());
  ASSERT_EQ(bad.indexes.size(), 2u); // primary (mirrored) + unique
  EXPECT_EQ(bad.indexes[1].fields.size(), 1u);
  const Model &typed = l.schema->models[1];
  const Field *f = typed.findField("f");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->type, TypeKind::Unknown);
  EXPECT_EQ(f->autobeType, "text");
  EXPECT_FALSE(f->isOptional);
}

TEST(AutoBeDBTest, NotADBAST) {
  {
    Loaded l("[1, 2]");
    EXPECT_FALSE(l.schema);
    EXPECT_EQ(l.summary(),
              std::vector<std::string>{
                  "AB001 1:1: '$' must be an object, not an array"});
  }
  {
    Loaded l(R"({"operations": []})");
    EXPECT_FALSE(l.schema);
    EXPECT_EQ(l.summary(),
              (std::vector<std::string>{
                  "AB003 1:2: unknown key 'operations' in '$' is ignored",
                  "AB002 1:1: '$' is missing the required key 'files'"}));
  }
  {
    Loaded l(R"({"files": {}})");
    EXPECT_FALSE(l.schema);
    EXPECT_EQ(l.summary(), std::vector<std::string>{
                               "AB001 1:11: 'files' must be an array, not an "
                               "object"});
  }
  {
    Loaded l(R"({"files": [}})");
    EXPECT_FALSE(l.schema);
    EXPECT_EQ(l.summary(), std::vector<std::string>{
                               "JS001 1:12: unexpected '}'; expected a value"});
  }
  {
    Loaded l(R"({"files": []})");
    ASSERT_TRUE(l.schema);
    EXPECT_TRUE(l.schema->models.empty());
  }
}

TEST(AutoBeDBTest, DuplicateKeysLastWins) {
  Loaded l(R"({"files": [{"filename": "a.prisma", "namespace": "A",
    "namespace": "B", "models": []}]})");
  ASSERT_TRUE(l.schema);
  EXPECT_EQ(l.summary(), std::vector<std::string>{
                             "JS002 2:5: duplicate key 'namespace'; the later "
                             "value wins"});
}

TEST(AutoBeDBTest, EscapedStringsOutliveTheDocument) {
  Loaded l(R"({"files": [{"filename": "a.prisma", "namespace": "A\u0042",
    "models": [{"name": "m\u005fs", "description": "tab\there",
    "material": false, "stance": "primary",
    "primaryField": {"name": "id", "type": "uuid", "description": ""},
    "foreignFields": [], "plainFields": [], "uniqueIndexes": [],
    "plainIndexes": [], "ginIndexes": []}]}]})");
  ASSERT_TRUE(l.schema);
  const Model &model = l.schema->models[0];
  // The JSON document is gone; decoded strings live in the schema.
  EXPECT_EQ(model.name.name, "m_s");
  EXPECT_EQ(model.autobeNamespace, "AB");
  EXPECT_EQ(model.doc, "tab\there");
  EXPECT_EQ(l.schema->findModel("m_s"), &model);
}

/// Replaces every value of a valid document, one at a time, by each other
/// kind of JSON value; the frontend must never crash and must report
/// something whenever the shape is wrong.
TEST(AutoBeDBTest, NeverCrashesOnMutatedShapes) {
  std::string base = Todo2025;
  auto parsed = json::parse(StringRef(base));
  ASSERT_TRUE(bool(parsed));
  struct Site {
    size_t offset, length;
    json::Kind kind;
  };
  std::vector<Site> sites;
  std::function<void(const json::Value &)> walk = [&](const json::Value &v) {
    sites.push_back({size_t(v.getLoc().getPointer() - base.data()),
                     v.getSourceText().size(), v.getKind()});
    for (const json::Value &e : v.getElements())
      walk(e);
    for (const json::Member &m : v.getMembers())
      walk(m.getValue());
  };
  walk((*parsed)->getRoot());
  EXPECT_GT(sites.size(), 100u);
  size_t runs = 0;
  for (const Site &site : sites) {
    // `default` takes any value; every other key has one JSON type.
    StringRef before = StringRef(base).take_front(site.offset);
    bool anyKind = before.ends_with("\"default\": ");
    // An optional key given as null counts as absent.
    bool optional = before.ends_with("\"mappingName\": ");
    for (StringRef replacement :
         {"null", "7", "\"x\"", "[]", "{}", "true", "[{}]", "[\"q\"]"}) {
      std::string mutated = base;
      mutated.replace(site.offset, site.length, replacement.str());
      Loaded l(mutated);
      ++runs;
      if (l.schema) {
        for (const Model &m : l.schema->models)
          for (const Field &f : m.fields)
            EXPECT_FALSE(f.name.empty());
      }
      json::Kind newKind = (*json::parse(replacement))->getRoot().getKind();
      bool allowed = anyKind || (optional && newKind == json::Kind::Null);
      if (newKind != site.kind && !allowed) {
        EXPECT_TRUE(l.diags.hasAtLeast(Severity::Error))
            << "no error for " << replacement.str() << " at offset "
            << site.offset;
      }
    }
  }
  // Truncations at every byte: always a JSON error, never a crash.
  for (size_t cut = 0; cut < base.size(); cut += 7) {
    Loaded l(StringRef(base).take_front(cut));
    EXPECT_FALSE(l.schema);
    EXPECT_TRUE(l.diags.hasErrors());
  }
  EXPECT_GT(runs, 800u);
}

/// Every prisma.json of the shared corpus loads without errors.
TEST(AutoBeDBTest, Corpus) {
  std::string dir;
  if (const char *env = std::getenv("ABV_CORPUS_DIR"))
    dir = env;
#ifdef ABV_CORPUS_DIR
  if (dir.empty())
    dir = ABV_CORPUS_DIR;
#endif
  if (dir.empty() || !sys::fs::is_directory(dir))
    GTEST_SKIP() << "corpus not found (set ABV_CORPUS_DIR)";
  unsigned files = 0, models = 0, remarks = 0;
  std::error_code ec;
  for (sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    if (sys::path::filename(it->path()) != "prisma.json")
      continue;
    SourceManager sourceMgr;
    DiagnosticEngine diags(sourceMgr);
    std::optional<unsigned> id = addSourceFile(sourceMgr, diags, it->path());
    ASSERT_TRUE(id) << it->path();
    std::unique_ptr<Schema> schema = parseAutoBeDB(sourceMgr, *id, diags);
    ASSERT_TRUE(schema) << it->path();
    EXPECT_FALSE(diags.hasAtLeast(Severity::Warning)) << it->path();
    for (const Diagnostic &d : diags.getDiagnostics()) {
      EXPECT_EQ(d.id, DiagID::AutoBeUnknownKey) << it->path() << d.message;
      ++remarks;
    }
    EXPECT_FALSE(schema->models.empty()) << it->path();
    for (const Model &model : schema->models) {
      EXPECT_NE(model.stance, Stance::None);
      ASSERT_TRUE(model.getPrimaryKey()) << model.name.name.str();
      for (const Field &field : model.fields) {
        EXPECT_NE(field.type, TypeKind::Unknown) << field.name.name.str();
        if (field.isRelation()) {
          EXPECT_EQ(field.relation->references.size(), 1u);
        }
      }
    }
    ++files;
    models += schema->models.size();
  }
  EXPECT_GE(files, 46u);
  std::cout << "corpus: " << files << " prisma.json files, " << models
            << " models, " << remarks << " unknown-key remarks\n";
}

} // namespace
