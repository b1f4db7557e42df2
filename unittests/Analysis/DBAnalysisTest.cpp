//===- DBAnalysisTest.cpp - Tests of the DB analyses and pass pipeline ----===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Frontend/Prisma/PrismaFrontend.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {

/// Parses \p text as a one-file schema into a fresh project.
struct SchemaFixture : ::testing::Test {
  Project project;
  DiagnosticEngine diags{project.getSourceManager()};

  const Schema &parse(StringRef text) {
    std::optional<unsigned> id =
        addSourceBuffer(project.getSourceManager(), diags,
                        MemoryBuffer::getMemBufferCopy(text, "schema.prisma"));
    EXPECT_TRUE(id);
    project.prismaSchema =
        parsePrismaSchema(project.getSourceManager(), {*id}, diags);
    EXPECT_TRUE(project.prismaSchema);
    return *project.prismaSchema;
  }

  /// Runs \p pipeline and returns the IDs it reported, in order.
  std::vector<std::string> run(StringRef pipeline) {
    PassRegistry registry;
    registerAllPasses(registry);
    PassManager pm(registry);
    EXPECT_FALSE(bool(pm.addPipeline(pipeline)));
    pm.run(project, diags);
    diags.sortByLocation();
    std::vector<std::string> ids;
    for (const Diagnostic &d : diags.getDiagnostics())
      ids.push_back(d.getInfo().code.str());
    return ids;
  }
};

constexpr StringLiteral blogSchema = R"(
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model users {
  id       String  @id
  posts    posts[] @relation("author")
  reviewed posts[] @relation("reviewer")
  profile  profiles?
}
model profiles {
  id      String @id
  user_id String @unique
  user    users  @relation(fields: [user_id], references: [id])
}
model posts {
  id          String @id
  author_id   String
  reviewer_id String?
  author      users  @relation("author", fields: [author_id], references: [id])
  reviewer    users? @relation("reviewer", fields: [reviewer_id], references: [id])
  tags        tags[]
  @@index([author_id])
  @@index([reviewer_id])
}
model tags {
  id    String  @id
  posts posts[]
}
)";

TEST_F(SchemaFixture, RelationGraphPairsEndsByNameAndInfersKinds) {
  const Schema &schema = parse(blogSchema);
  ASSERT_TRUE(diags.getDiagnostics().empty());
  AnalysisManager am(project);
  auto &graph = am.getAnalysis<DBRelationGraph>();
  const Model *users = schema.findModel("users");
  const Model *posts = schema.findModel("posts");
  const Model *profiles = schema.findModel("profiles");
  ASSERT_TRUE(users && posts && profiles);

  const auto *authorEnd = graph.getEnd(schema, *posts->findField("author"));
  const auto *reviewerEnd = graph.getEnd(schema, *posts->findField("reviewer"));
  ASSERT_TRUE(authorEnd && reviewerEnd);
  ASSERT_TRUE(authorEnd->opposite);
  EXPECT_EQ(authorEnd->opposite->field, users->findField("posts"));
  EXPECT_EQ(reviewerEnd->opposite->field, users->findField("reviewed"));
  EXPECT_EQ(DBRelationGraph::getForwardEnd(*authorEnd->opposite), authorEnd);
  EXPECT_EQ(DBRelationGraph::getKind(*authorEnd),
            DBRelationGraph::Kind::OneToMany);
  ASSERT_EQ(authorEnd->fkFields.size(), 1u);
  EXPECT_EQ(authorEnd->fkFields[0], posts->findField("author_id"));
  EXPECT_EQ(authorEnd->referencedFields[0], users->findField("id"));

  const auto *userEnd = graph.getEnd(schema, *profiles->findField("user"));
  EXPECT_EQ(DBRelationGraph::getKind(*userEnd),
            DBRelationGraph::Kind::OneToOne);
  const auto *tagsEnd = graph.getEnd(schema, *posts->findField("tags"));
  EXPECT_EQ(DBRelationGraph::getKind(*tagsEnd),
            DBRelationGraph::Kind::ManyToMany);
  EXPECT_EQ(graph.getEnd(schema, *posts->findField("author_id")), nullptr);

  // users is the target of author, reviewer and user.
  EXPECT_EQ(graph.getIncoming(schema, *users).size(), 3u);
  EXPECT_TRUE(DBRelationGraph::isUniqueCriterion(
      *profiles, {profiles->findField("user_id")}));
  EXPECT_FALSE(DBRelationGraph::isUniqueCriterion(
      *posts, {posts->findField("author_id")}));
}

TEST_F(SchemaFixture, AValidSchemaIsCleanUnderEveryPass) {
  parse(blogSchema);
  EXPECT_EQ(run("db-names,db-types,db-models,db-relations,db-indexes,db-sync"),
            std::vector<std::string>{});
}

constexpr StringLiteral cycleSchema = R"(
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model a_items {
  id   String  @id
  b_id String
  b    b_items @relation(fields: [b_id], references: [id])
  cs   c_items[]
  @@index([b_id])
}
model b_items {
  id   String  @id
  c_id String
  c    c_items @relation(fields: [c_id], references: [id])
  as   a_items[]
  @@index([c_id])
}
model c_items {
  id   String   @id
  a_id String?
  a    a_items? @relation(fields: [a_id], references: [id])
  bs   b_items[]
  @@index([a_id])
}
)";

TEST_F(SchemaFixture, CyclesThroughAnOptionalKeyAreAllowed) {
  parse(cycleSchema);
  // Rows can be inserted in order: c_items first, with a_id null.
  EXPECT_EQ(run("db-relations"), std::vector<std::string>{});
}

TEST_F(SchemaFixture, RequiredForeignKeyCyclesAreReportedOnce) {
  std::string text = cycleSchema.str();
  size_t at = text.find("a_id String?");
  text.replace(at, 12, "a_id String ");
  at = text.find("a_items? @relation");
  text.replace(at, 8, "a_items ");
  parse(text);
  EXPECT_EQ(run("db-relations"), std::vector<std::string>{"DB040"});
}

TEST_F(SchemaFixture, UnknownTypesGetTheClosestNameAsAFix) {
  parse(R"(
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model users {
  id    String   @id
  born  DateTme
}
)");
  EXPECT_EQ(run("db-types"), std::vector<std::string>{"DB010"});
  const Diagnostic &d = diags.getDiagnostics().front();
  ASSERT_TRUE(d.fix.has_value());
  EXPECT_EQ(d.fix->replacement, "DateTime");
  LineColumn lc = project.getSourceManager().getLineColumn(d.range.Start);
  EXPECT_EQ(lc.line, 8u);
  EXPECT_EQ(lc.column, 9u);
}

} // namespace
