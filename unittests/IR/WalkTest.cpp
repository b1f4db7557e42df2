//===- WalkTest.cpp - Tests of the IR walkers -----------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/IR/Walk.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace abv;
using namespace abv::api;
using namespace llvm;

namespace {

/// A document built by hand:
///   A: object { p: string, q: array of $ref B, extra: additional integer }
///   B: oneOf [ $ref C, null ]
///   C: object {}
///   D: object {}            (referenced by nothing)
///   GET /x -> $ref A
struct WalkFixture : ::testing::Test {
  Document doc{DocumentOrigin::OpenAPI};

  Type *make(TypeKind kind) {
    Type *type = doc.createType();
    type->kind = kind;
    return type;
  }
  Property property(StringRef name, Type *type) {
    Property result;
    result.name.name = name;
    result.type = type;
    return result;
  }
  NamedType named(StringRef name, Type *type) {
    NamedType result;
    result.name.name = name;
    result.type = type;
    return result;
  }
  Type *ref(StringRef name) {
    Type *type = make(TypeKind::Ref);
    type->ref.name = name;
    return type;
  }
  void SetUp() override {
    Type *a = make(TypeKind::Object);
    a->properties.push_back(property("p", make(TypeKind::String)));
    Type *q = make(TypeKind::Array);
    q->items = ref("B");
    a->properties.push_back(property("q", q));
    a->additionalProperties = make(TypeKind::Integer);
    Type *b = make(TypeKind::OneOf);
    b->variants = {ref("C"), make(TypeKind::Null)};
    doc.types.push_back(named("A", a));
    doc.types.push_back(named("B", b));
    doc.types.push_back(named("C", make(TypeKind::Object)));
    doc.types.push_back(named("D", make(TypeKind::Object)));
    Operation op;
    op.method.name = "get";
    op.path.name = "/x";
    Response ok;
    ok.status.name = "200";
    ok.type = ref("A");
    op.responses.push_back(ok);
    doc.operations.push_back(op);
    doc.finalize();
  }
};

std::string kinds(const Document &doc, const Type *root,
                  std::optional<TypeKind> skip = {},
                  std::optional<TypeKind> stop = {}) {
  std::string out;
  walk(root, [&](const Type &type) {
    out += getTypeKindName(type.kind).str() + " ";
    if (skip && type.kind == *skip)
      return WalkResult::Skip;
    if (stop && type.kind == *stop)
      return WalkResult::Interrupt;
    return WalkResult::Advance;
  });
  (void)doc;
  return out;
}

TEST_F(WalkFixture, TypeTreesInDeclarationOrder) {
  const Type *a = doc.findType("A")->type;
  // Properties, then additional properties, then items and variants.
  EXPECT_EQ(kinds(doc, a), "object string array ref integer ");
  EXPECT_EQ(kinds(doc, a, TypeKind::Array), "object string array integer ");
  EXPECT_EQ(kinds(doc, a, std::nullopt, TypeKind::Array),
            "object string array ");
}

TEST_F(WalkFixture, EveryDocumentNodeOnceWithItsSite) {
  unsigned nodes = 0, inOperations = 0;
  walk(doc, [&](const Type &, const TypeSite &site) {
    ++nodes;
    if (site.operation)
      ++inOperations;
    EXPECT_TRUE((site.named == nullptr) != (site.operation == nullptr));
    return WalkResult::Advance;
  });
  // A: 5 nodes, B: 3, C: 1, D: 1, the response's $ref: 1.
  EXPECT_EQ(nodes, 11u);
  EXPECT_EQ(inOperations, 1u);
}

TEST_F(WalkFixture, ReachableNamedTypesThroughReferences) {
  std::vector<std::string> reached;
  walkReachable(doc, getOperationTypes(doc.operations[0]),
                [&](const NamedType &named, const Type &ref) {
                  EXPECT_EQ(ref.ref.name, named.name.name);
                  reached.push_back(named.name.name.str());
                  return WalkResult::Advance;
                });
  EXPECT_EQ(reached, (std::vector<std::string>{"A", "B", "C"}));
  // Skip: B's own references are not followed.
  reached.clear();
  walkReachable(doc, getOperationTypes(doc.operations[0]),
                [&](const NamedType &named, const Type &) {
                  reached.push_back(named.name.name.str());
                  return named.name.name == "B" ? WalkResult::Skip
                                                : WalkResult::Advance;
                });
  EXPECT_EQ(reached, (std::vector<std::string>{"A", "B"}));
}

TEST(DBWalkTest, VisitsTheNodesOfTheCallbacksType) {
  db::Schema schema(db::SchemaOrigin::PrismaText);
  for (StringRef name : {"a", "b"}) {
    db::Model model;
    model.name.name = name;
    model.fields.resize(2);
    model.indexes.resize(1);
    schema.models.push_back(std::move(model));
  }
  schema.enums.resize(1);
  unsigned models = 0, fields = 0, indexes = 0, enums = 0;
  db::walk(schema, [&](const db::Model &) { ++models; });
  db::walk(schema, [&](const db::Field &) { ++fields; });
  db::walk(schema, [&](const db::Index &) { ++indexes; });
  db::walk(schema, [&](const db::Enum &) { ++enums; });
  EXPECT_EQ(models, 2u);
  EXPECT_EQ(fields, 4u);
  EXPECT_EQ(indexes, 2u);
  EXPECT_EQ(enums, 1u);
  // Skip a model's fields; interrupt at the first field of the next.
  fields = 0;
  db::walk(schema, [&](const db::Model &model) {
    return model.name.name == "a" ? WalkResult::Skip : WalkResult::Advance;
  });
  unsigned seen = 0;
  WalkResult result = db::walk(schema, [&](const db::Field &) {
    ++seen;
    return WalkResult::Interrupt;
  });
  EXPECT_EQ(result, WalkResult::Interrupt);
  EXPECT_EQ(seen, 1u);
}

} // namespace
