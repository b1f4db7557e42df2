//===- MatcherTest.cpp - Tests of the semantic diff's matcher -------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The matcher on small hand-built sides: names across prefixes, plurals,
/// case conventions and synonyms; entities, columns and endpoints paired
/// one to one; nothing paired when nothing is alike; mapping files written
/// and read back unchanged.
///
//===----------------------------------------------------------------------===//

#include "abv/Diff/Matcher.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Diff/Diff.h"
#include "abv/Diff/Mapping.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <deque>

using namespace abv;
using namespace abv::diff;
using namespace llvm;

namespace {

/// Builds a Spec whose strings it owns.
class SideBuilder {
public:
  explicit SideBuilder(SpecKind kind) : spec(std::make_unique<Spec>(kind)) {
    spec->hasDB = spec->hasAPI = true;
  }

  StringRef keep(StringRef text) { return strings.emplace_back(text.str()); }

  /// An entity with columns ("name" required, "name?" optional).
  unsigned entity(StringRef name, std::initializer_list<StringRef> columns) {
    Entity &entity = spec->entities.emplace_back();
    entity.name = keep(name);
    for (StringRef column : columns) {
      Column &c = entity.columns.emplace_back();
      c.isRequired = !column.ends_with("?");
      c.name = keep(column.rtrim('?'));
    }
    return spec->entities.size() - 1;
  }
  void foreignKey(unsigned entity, StringRef column, unsigned target) {
    Entity &e = spec->entities[entity];
    e.columns[e.findColumn(column)].target = target;
  }
  unsigned endpoint(StringRef method, StringRef path, int entity = -1,
                    bool isList = false) {
    Endpoint &endpoint = spec->endpoints.emplace_back();
    endpoint.method = api::parseHTTPMethod(method);
    endpoint.path = keep(path);
    endpoint.label = makeEndpointLabel(endpoint.method, path);
    endpoint.entity = entity;
    endpoint.isList = isList;
    return spec->endpoints.size() - 1;
  }
  void actor(StringRef name, int entity) {
    spec->actors.emplace_back(name.str(), entity);
  }
  Spec &get() {
    spec->finalize();
    return *spec;
  }

private:
  std::unique_ptr<Spec> spec;
  std::deque<std::string> strings;
};

/// The reference name paired with candidate entity \p name, or "".
std::string pairedEntity(const Alignment &alignment, const Spec &candidate,
                         const Spec &reference, StringRef name) {
  int r = alignment.entities.getReference(candidate.findEntity(name));
  return r < 0 ? "" : reference.entities[r].name.str();
}

std::string pairedEndpoint(const Alignment &alignment, const Spec &candidate,
                           const Spec &reference, StringRef label) {
  int r = alignment.endpoints.getReference(candidate.findEndpoint(label));
  return r < 0 ? "" : reference.endpoints[r].label;
}

std::string pairedColumn(const Alignment &alignment, const Spec &candidate,
                         const Spec &reference, StringRef entity,
                         StringRef column) {
  int c = candidate.findEntity(entity);
  int r = alignment.entities.getReference(c);
  if (r < 0)
    return "";
  int j = alignment.columns[c].getReference(
      candidate.entities[c].findColumn(column));
  return j < 0 ? "" : reference.entities[r].columns[j].name.str();
}

/// A generated todo project and its golden spec.
struct TodoPair {
  SideBuilder candidate{SpecKind::Project};
  SideBuilder reference{SpecKind::Golden};

  TodoPair() {
    unsigned users =
        candidate.entity("todo_list_users", {"id", "email", "password_hash",
                                             "created_at", "deleted_at?"});
    unsigned tasks = candidate.entity(
        "todo_list_tasks", {"id", "todo_list_user_id", "title", "description?",
                            "is_completed", "created_at"});
    candidate.foreignKey(tasks, "todo_list_user_id", users);
    candidate.entity("todo_list_guests", {"id", "nickname", "created_at"});
    candidate.actor("user", users);
    candidate.endpoint("patch", "/todoList/user/todoListTasks", tasks, true);
    candidate.endpoint("post", "/todoList/user/todoListTasks", tasks);
    candidate.endpoint("get", "/todoList/user/todoListTasks/{taskId}", tasks);
    candidate.endpoint("put", "/todoList/user/todoListTasks/{taskId}", tasks);
    candidate.endpoint("delete", "/todoList/user/todoListTasks/{taskId}");
    candidate.endpoint("post", "/auth/user/join", users);

    unsigned user = reference.entity(
        "user", {"id", "email", "password", "created_at", "deleted_at?"});
    unsigned todo =
        reference.entity("todo", {"id", "user_id", "title", "completed",
                                  "description?", "due_date?", "created_at"});
    reference.foreignKey(todo, "user_id", user);
    reference.entity("todo_edit_history", {"id", "todo_id", "edited_at"});
    reference.endpoint("GET", "/users/todos");
    reference.endpoint("POST", "/users/todos");
    reference.endpoint("GET", "/users/todos/:id");
    reference.endpoint("PATCH", "/users/todos/:id");
    reference.endpoint("DELETE", "/users/todos/:id");
    reference.endpoint("POST", "/auth/join");
    reference.endpoint("GET", "/users/todos/:id/histories");
  }
};

TEST(MatcherTest, NamesAcrossPrefixesPluralsAndSynonyms) {
  TodoPair pair;
  Matcher matcher(pair.candidate.get(), pair.reference.get());
  EXPECT_DOUBLE_EQ(matcher.getNameSimilarity("todo_list_users", "user"), 1.0);
  EXPECT_DOUBLE_EQ(matcher.getNameSimilarity("todoListTasks", "todo"), 0.8);
  EXPECT_DOUBLE_EQ(matcher.getNameSimilarity("TodoListTask", "todos"), 0.8);
  EXPECT_DOUBLE_EQ(matcher.getNameSimilarity("todo_list_posts", "article"),
                   0.8);
  // Without the side's prefix, the other words count.
  EXPECT_LT(matcher.getNameSimilarity("discussion_board_posts", "article"),
            0.8);
  EXPECT_NEAR(matcher.getNameSimilarity("registereduser", "user"), 0.7, 1e-9);
  EXPECT_DOUBLE_EQ(matcher.getNameSimilarity("todo_item", "todoitems"), 1.0);
  EXPECT_DOUBLE_EQ(matcher.getNameSimilarity("todo_list_guests", "user"), 0.0);
}

TEST(MatcherTest, EntitiesColumnsAndEndpoints) {
  TodoPair pair;
  const Spec &candidate = pair.candidate.get();
  const Spec &reference = pair.reference.get();
  Alignment alignment = Matcher(candidate, reference).alignAll();

  EXPECT_EQ(pairedEntity(alignment, candidate, reference, "todo_list_users"),
            "user");
  EXPECT_EQ(pairedEntity(alignment, candidate, reference, "todo_list_tasks"),
            "todo");
  EXPECT_EQ(pairedEntity(alignment, candidate, reference, "todo_list_guests"),
            "");
  EXPECT_EQ(alignment.entities.getNumPairs(), 2u);
  EXPECT_GT(alignment.entities.getConfidence(0), 0.45);

  // Columns: prefixes, foreign keys by their targets, boolean markers.
  auto column = [&](StringRef entity, StringRef name) {
    return pairedColumn(alignment, candidate, reference, entity, name);
  };
  EXPECT_EQ(column("todo_list_users", "password_hash"), "password");
  EXPECT_EQ(column("todo_list_tasks", "todo_list_user_id"), "user_id");
  EXPECT_EQ(column("todo_list_tasks", "is_completed"), "completed");
  EXPECT_EQ(column("todo_list_tasks", "description"), "description");
  EXPECT_EQ(column("todo_list_tasks", "created_at"), "created_at");

  // Endpoints: AutoBe's PATCH list is a GET list, PUT is the PATCH update,
  // `{taskId}` is `:id`, `/todoList/user` only places the endpoint.
  auto endpoint = [&](StringRef label) {
    return pairedEndpoint(alignment, candidate, reference, label);
  };
  EXPECT_EQ(endpoint("PATCH /todoList/user/todoListTasks"), "GET /users/todos");
  EXPECT_EQ(endpoint("POST /todoList/user/todoListTasks"), "POST /users/todos");
  EXPECT_EQ(endpoint("GET /todoList/user/todoListTasks/{taskId}"),
            "GET /users/todos/:id");
  EXPECT_EQ(endpoint("PUT /todoList/user/todoListTasks/{taskId}"),
            "PATCH /users/todos/:id");
  EXPECT_EQ(endpoint("DELETE /todoList/user/todoListTasks/{taskId}"),
            "DELETE /users/todos/:id");
  EXPECT_EQ(endpoint("POST /auth/user/join"), "POST /auth/join");
  EXPECT_EQ(alignment.endpoints.getCandidate(
                reference.findEndpoint("GET /users/todos/:id/histories")),
            -1);
}

TEST(MatcherTest, NothingAlikeStaysUnpaired) {
  SideBuilder candidate(SpecKind::Project), reference(SpecKind::Golden);
  candidate.entity("shopping_coupons", {"id", "code", "discount_rate"});
  candidate.endpoint("get", "/shoppings/coupons/{couponId}");
  reference.entity("todo", {"id", "title", "is_completed"});
  reference.endpoint("DELETE", "/users/todos/:id");
  Alignment alignment = Matcher(candidate.get(), reference.get()).alignAll();
  EXPECT_EQ(alignment.entities.getNumPairs(), 0u);
  EXPECT_EQ(alignment.endpoints.getNumPairs(), 0u);
}

TEST(MatcherTest, EmptySides) {
  SideBuilder candidate(SpecKind::Project), reference(SpecKind::Golden);
  Alignment alignment = Matcher(candidate.get(), reference.get()).alignAll();
  EXPECT_EQ(alignment.entities.getNumPairs(), 0u);
  EXPECT_EQ(alignment.endpoints.getNumPairs(), 0u);
  DiffStats stats = computeStats(candidate.get(), reference.get(), alignment);
  EXPECT_FALSE(stats.entities.getPrecision());
  EXPECT_FALSE(stats.entities.getRecall());
}

TEST(MatcherTest, Figures) {
  TodoPair pair;
  const Spec &candidate = pair.candidate.get();
  const Spec &reference = pair.reference.get();
  Alignment alignment = Matcher(candidate, reference).alignAll();
  DiffStats stats = computeStats(candidate, reference, alignment);
  EXPECT_EQ(stats.entities.candidate, 3u);
  EXPECT_EQ(stats.entities.reference, 3u);
  EXPECT_EQ(stats.entities.matched, 2u);
  EXPECT_NEAR(*stats.entities.getPrecision(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(*stats.entities.getRecall(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(*stats.entities.getF1(), 2.0 / 3, 1e-9);
  EXPECT_EQ(stats.endpoints.matched, 6u);
  // A golden reference has no DTOs: not compared.
  EXPECT_FALSE(stats.dtos.compared);
}

TEST(MatcherTest, MappingRoundTrip) {
  TodoPair pair;
  const Spec &candidate = pair.candidate.get();
  const Spec &reference = pair.reference.get();
  Alignment alignment = Matcher(candidate, reference).alignAll();

  SmallString<128> path;
  ASSERT_FALSE(sys::fs::createTemporaryFile("abv-mapping", "json", path));
  {
    std::error_code ec;
    raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec);
    writeMapping(os, candidate, reference, alignment);
  }
  SourceManager sources;
  DiagnosticEngine diags(sources);
  std::optional<MappingFile> file =
      readMapping(path, sources, diags, candidate, reference, 1 << 20);
  sys::fs::remove(path);
  ASSERT_TRUE(file);
  EXPECT_TRUE(diags.getDiagnostics().empty());
  EXPECT_TRUE(file->hasEntities);
  EXPECT_TRUE(file->hasEndpoints);
  EXPECT_FALSE(file->hasDTOs);
  for (unsigned c = 0; c != candidate.entities.size(); ++c) {
    EXPECT_EQ(file->alignment.entities.getReference(c),
              alignment.entities.getReference(c));
    if (alignment.entities.getReference(c) < 0)
      continue;
    EXPECT_TRUE(file->hasColumns[c]);
    for (unsigned i = 0; i != candidate.entities[c].columns.size(); ++i)
      EXPECT_EQ(file->alignment.columns[c].getReference(i),
                alignment.columns[c].getReference(i));
  }
  for (unsigned c = 0; c != candidate.endpoints.size(); ++c)
    EXPECT_EQ(file->alignment.endpoints.getReference(c),
              alignment.endpoints.getReference(c));
}

} // namespace
