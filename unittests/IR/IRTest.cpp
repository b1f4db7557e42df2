//===- IRTest.cpp - Tests of the DB IR ------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/DB.h"
#include "abv/IR/Printer.h"
#include "abv/IR/Project.h"
#include "abv/IR/Verifier.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {

/// Builds a two-model schema by hand over a fake source buffer.
struct IRFixture : ::testing::Test {
  Project project;
  const char *text = nullptr;
  Schema *schema = nullptr;

  Ident ident(StringRef needle, size_t from = 0) {
    size_t at = StringRef(text).find(needle, from);
    EXPECT_NE(at, StringRef::npos) << needle.str();
    return {StringRef(text + at, needle.size()),
            SMRange(SMLoc::getFromPointer(text + at),
                    SMLoc::getFromPointer(text + at + needle.size()))};
  }

  void SetUp() override {
    SourceManager &sm = project.getSourceManager();
    unsigned id = sm.addBuffer(
        MemoryBuffer::getMemBufferCopy("model users {\n  id String @id\n}\n"
                                       "model posts {\n  id String @id\n"
                                       "  user_id String\n"
                                       "  user users @relation\n}\n",
                                       "dir/s.prisma"));
    text = sm.getBuffer(id)->getBufferStart();
    project.prismaSchema = std::make_unique<Schema>(SchemaOrigin::PrismaText);
    schema = project.prismaSchema.get();
    schema->bufferIDs.push_back(id);

    Model users;
    users.name = ident("users");
    users.range = users.name.range;
    Field id1;
    id1.name = ident("id");
    id1.typeName = ident("String");
    id1.type = TypeKind::String;
    id1.isId = true;
    id1.range = id1.name.range;
    users.fields.push_back(id1);

    Model posts;
    posts.name = ident("posts");
    posts.range = posts.name.range;
    size_t postsAt = StringRef(text).find("model posts");
    Field id2 = id1;
    id2.name = ident("id", postsAt);
    id2.range = id2.name.range;
    Field fk;
    fk.name = ident("user_id");
    fk.typeName = ident("String", postsAt + 30);
    fk.type = TypeKind::String;
    fk.range = fk.name.range;
    Field rel;
    rel.name = ident("user ");
    rel.name.name = rel.name.name.drop_back();
    rel.typeName = ident("users", postsAt);
    rel.range = rel.name.range;
    posts.fields = {id2, fk, rel};
    schema->models.push_back(std::move(users));
    schema->models.push_back(std::move(posts));
    schema->finalize();
  }
};

TEST_F(IRFixture, FinalizeResolvesModelTypesAndMirrorsIds) {
  const Model *posts = schema->findModel("posts");
  ASSERT_TRUE(posts);
  const Field *rel = posts->findField("user");
  ASSERT_TRUE(rel);
  EXPECT_EQ(rel->type, TypeKind::Model);
  EXPECT_TRUE(rel->relation.has_value());
  const Index *pk = posts->getPrimaryKey();
  ASSERT_TRUE(pk);
  EXPECT_TRUE(pk->isFieldLevel);
  ASSERT_EQ(pk->fields.size(), 1u);
  EXPECT_EQ(pk->fields[0].name.name, "id");
  // finalize is idempotent: no second mirror.
  schema->finalize();
  EXPECT_EQ(posts->indexes.size(), 1u);
}

TEST_F(IRFixture, VerifierAcceptsWellFormedIR) {
  DiagnosticEngine diags(project.getSourceManager());
  EXPECT_TRUE(verifyProject(project, diags));
  EXPECT_TRUE(diags.getDiagnostics().empty());
}

TEST_F(IRFixture, VerifierRejectsBrokenInvariants) {
  DiagnosticEngine diags(project.getSourceManager());
  schema->models[0].fields[0].relation.emplace();     // relation on a scalar
  schema->models[1].fields[0].name.range = SMRange(); // no location
  EXPECT_FALSE(verifyProject(project, diags));
  ASSERT_EQ(diags.getDiagnostics().size(), 2u);
  for (const Diagnostic &d : diags.getDiagnostics())
    EXPECT_EQ(d.id, DiagID::IRInvalid);
}

TEST_F(IRFixture, PrinterPrintsEveryNodeWithItsLocation) {
  std::string out;
  raw_string_ostream os(out);
  printProject(project, os);
  EXPECT_EQ(os.str(), "db.schema origin=prisma files=1\n"
                      "  db.model users @s.prisma:1:7\n"
                      "    db.column id : String [id] @s.prisma:2:3\n"
                      "    db.index primary (id) field-level @s.prisma:2:3\n"
                      "  db.model posts @s.prisma:4:7\n"
                      "    db.column id : String [id] @s.prisma:5:3\n"
                      "    db.column user_id : String @s.prisma:6:3\n"
                      "    db.relation user : users @s.prisma:7:3\n"
                      "    db.index primary (id) field-level @s.prisma:5:3\n");
}

TEST(IRHelpers, ScalarsAndProviders) {
  EXPECT_EQ(getScalarTypeKind("DateTime"), TypeKind::DateTime);
  EXPECT_EQ(getScalarTypeKind("datetime"), TypeKind::Unknown);
  EXPECT_TRUE(isScalar(TypeKind::Bytes));
  EXPECT_FALSE(isScalar(TypeKind::Enum));
  EXPECT_EQ(parseProvider("postgresql"), Provider::PostgreSQL);
  EXPECT_EQ(parseProvider("oracle"), Provider::Unknown);
  EXPECT_EQ(getProviderName(Provider::SQLite), "sqlite");
}

} // namespace
