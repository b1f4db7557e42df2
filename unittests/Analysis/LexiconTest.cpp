//===- LexiconTest.cpp - Tests of the shared naming vocabulary ------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The naming lexicon every pass asks: words across case conventions,
/// plurals and mass nouns, secrets, DTO names. One answer per word, whoever
/// asks.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Lexicon.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace abv;
using namespace llvm;

namespace {

std::vector<std::string> words(StringRef name) {
  auto split = splitWords(name);
  return std::vector<std::string>(split.begin(), split.end());
}

TEST(LexiconTest, WordsAcrossCaseConventions) {
  using W = std::vector<std::string>;
  EXPECT_EQ(words("apiKey"), (W{"api", "key"}));
  EXPECT_EQ(words("api_key"), (W{"api", "key"}));
  EXPECT_EQ(words("API-Key"), (W{"api", "key"}));
  EXPECT_EQ(words("HTTPServer"), (W{"http", "server"}));
  EXPECT_EQ(words("userID"), (W{"user", "id"}));
  EXPECT_EQ(words("order items"), (W{"order", "items"}));
  EXPECT_EQ(toSnakeCase("createdAt"), "created_at");
  EXPECT_EQ(toSnakeCase("TodoAppMember"), "todo_app_member");
  EXPECT_TRUE(isSameName("createdAt", "created_at"));
  EXPECT_TRUE(isSameName("CreatedAt", "created_at"));
  EXPECT_FALSE(isSameName("createdAt", "created"));
  EXPECT_TRUE(isSnakeCase("todo_list_items"));
  EXPECT_FALSE(isSnakeCase("todo__items"));
  EXPECT_FALSE(isSnakeCase("todoItems"));
  EXPECT_FALSE(isSnakeCase("items_"));
  EXPECT_TRUE(isCamelCase("todoItems"));
  EXPECT_FALSE(isCamelCase("TodoItems"));
}

TEST(LexiconTest, Plurals) {
  EXPECT_EQ(pluralize("sale"), "sales");
  EXPECT_EQ(pluralize("category"), "categories");
  EXPECT_EQ(pluralize("day"), "days");
  EXPECT_EQ(pluralize("address"), "addresses");
  EXPECT_EQ(pluralize("box"), "boxes");
  EXPECT_EQ(pluralize("branch"), "branches");
  EXPECT_EQ(pluralize("person"), "people");
  EXPECT_EQ(pluralize("child"), "children");
  EXPECT_EQ(pluralize("history"), "histories");
  EXPECT_EQ(singularize("categories"), "category");
  EXPECT_EQ(singularize("addresses"), "address");
  EXPECT_EQ(singularize("people"), "person");
  EXPECT_EQ(singularize("sales"), "sale");
  EXPECT_EQ(singularize("status"), "status");
  EXPECT_EQ(singularize("inventory"), "inventory");
}

TEST(LexiconTest, CollectionNames) {
  for (StringRef word : {"sales", "categories", "people", "data", "media",
                         "news", "settings", "addresses", "analyses"})
    EXPECT_TRUE(looksPlural(word)) << word.str();
  for (StringRef word : {"status", "address", "analysis", "bus", "canvas",
                         "todo", "user", "me", "logo", "s", "us"})
    EXPECT_FALSE(looksPlural(word)) << word.str();
  // Mass nouns name a table or a collection as they are: one answer for
  // the table `inventory` (DB007) and the path `/inventory/{id}` (API030).
  for (StringRef word : {"inventory", "history", "feedback", "metadata"}) {
    EXPECT_TRUE(isMassNoun(word)) << word.str();
    EXPECT_TRUE(looksPlural(word)) << word.str();
  }
}

TEST(LexiconTest, Synonyms) {
  // Entities that generated backends name differently from their specs.
  EXPECT_TRUE(areSynonyms("post", "article"));
  EXPECT_TRUE(areSynonyms("article", "post"));
  EXPECT_TRUE(areSynonyms("member", "user"));
  EXPECT_TRUE(areSynonyms("reply", "comment"));
  EXPECT_TRUE(areSynonyms("category", "section"));
  EXPECT_TRUE(areSynonyms("task", "todo"));
  EXPECT_TRUE(areSynonyms("snapshot", "history"));
  EXPECT_TRUE(areSynonyms("administrator", "admin"));
  // Columns.
  EXPECT_TRUE(areSynonyms("subject", "title"));
  EXPECT_TRUE(areSynonyms("body", "content"));
  EXPECT_TRUE(areSynonyms("deadline", "due"));
  // A word with two senses is a synonym of both, which are not synonyms of
  // each other.
  EXPECT_TRUE(areSynonyms("topic", "article"));
  EXPECT_TRUE(areSynonyms("topic", "section"));
  EXPECT_TRUE(areSynonyms("post", "comment"));
  EXPECT_TRUE(areSynonyms("me", "profile"));
  EXPECT_FALSE(areSynonyms("article", "section"));
  // Not synonyms: a word and itself, unrelated words, roles and people.
  EXPECT_FALSE(areSynonyms("user", "user"));
  EXPECT_FALSE(areSynonyms("user", "author"));
  EXPECT_FALSE(areSynonyms("comment", "article"));
  EXPECT_FALSE(areSynonyms("", "user"));
  // Group sets: one bit per group.
  EXPECT_EQ(getSynonymGroups("unrelated"), 0u);
  EXPECT_NE(getSynonymGroups("post") & getSynonymGroups("article"), 0u);
  EXPECT_EQ(getSynonymGroups("comment") & getSynonymGroups("article"), 0u);
}

TEST(LexiconTest, NameMarkers) {
  EXPECT_TRUE(isBooleanMarker("is"));
  EXPECT_TRUE(isBooleanMarker("has"));
  EXPECT_FALSE(isBooleanMarker("completed"));
  EXPECT_TRUE(isTemporalMarker("at"));
  EXPECT_TRUE(isTemporalMarker("date"));
  EXPECT_FALSE(isTemporalMarker("due"));
  EXPECT_FALSE(isTemporalMarker("deadline"));
}

TEST(LexiconTest, Secrets) {
  for (StringRef name : {"password", "password_hash", "passwordHash", "salt",
                         "api_key", "apiKey", "refresh_token", "otp_code",
                         "pin", "signing_key", "client_secret"})
    EXPECT_TRUE(looksLikeSecret(name)) << name.str();
  for (StringRef name :
       {"password_changed_at", "token_expires_at", "card_last4", "card_token",
        "idempotency_token", "token_type", "pin_position_index", "username",
        "next_page_token", "key"})
    EXPECT_FALSE(looksLikeSecret(name)) << name.str();
  // A session token handed to its owner.
  EXPECT_FALSE(looksLikeSecret("access_token", /*allowTokens=*/true));
  EXPECT_TRUE(looksLikeSecret("password", /*allowTokens=*/true));
  // Stored in the clear: a secret with no word of protection; a hash or a
  // salt is stored as it is by design.
  EXPECT_TRUE(looksLikePlaintextSecret("password"));
  EXPECT_TRUE(looksLikePlaintextSecret("password_reset_token"));
  EXPECT_FALSE(looksLikePlaintextSecret("password_hash"));
  EXPECT_FALSE(looksLikePlaintextSecret("encrypted_api_key"));
  EXPECT_FALSE(looksLikePlaintextSecret("salt"));
}

TEST(LexiconTest, DTONames) {
  EXPECT_EQ(getDTOFamily("IShoppingSale.ICreate"), "IShoppingSale");
  EXPECT_EQ(getDTOFamily("IShoppingSale"), "IShoppingSale");
  EXPECT_EQ(getVariant("IShoppingSale.ICreate"), "ICreate");
  EXPECT_EQ(getVariant("IShoppingSale"), "");
  EXPECT_EQ(getDTORole("ICreate"), DTORole::Request);
  EXPECT_EQ(getDTORole("IRequest"), DTORole::Request);
  EXPECT_EQ(getDTORole("ILogin"), DTORole::Request);
  EXPECT_EQ(getDTORole("ISummary"), DTORole::Response);
  EXPECT_EQ(getDTORole("IAuthorized"), DTORole::Response);
  EXPECT_EQ(getDTORole("ISnapshot"), DTORole::Entity);
  EXPECT_TRUE(isPageTypeName("IPageIShoppingSale.ISummary"));
  EXPECT_FALSE(isPageTypeName("IPage"));
  EXPECT_FALSE(isPageTypeName("IPager"));
  EXPECT_EQ(dropInterfacePrefix("IShoppingSale"), "ShoppingSale");
  EXPECT_EQ(dropInterfacePrefix("Item"), "Item");
}

} // namespace
