//===- Lexicon.cpp - The naming vocabulary every pass shares --------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Lexicon.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace abv;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Words and case conventions
//===----------------------------------------------------------------------===//

SmallVector<std::string, 4> abv::splitWords(StringRef name) {
  SmallVector<std::string, 4> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty())
      words.push_back(std::move(current));
    current.clear();
  };
  for (size_t i = 0, e = name.size(); i != e; ++i) {
    char c = name[i];
    if (c == '_' || c == '-' || c == ' ') {
      flush();
      continue;
    }
    if (isUpper(c) && i != 0) {
      char prev = name[i - 1];
      // `userName`: a hump; `HTTPServer`: the last capital of an acronym
      // starts the next word.
      if (!isUpper(prev) || (i + 1 != e && isLower(name[i + 1])))
        flush();
    }
    current += toLower(c);
  }
  flush();
  return words;
}

std::string abv::toSnakeCase(StringRef name) {
  return join(splitWords(name), "_");
}

bool abv::isSameName(StringRef a, StringRef b) {
  if (a == b)
    return true;
  return splitWords(a) == splitWords(b);
}

bool abv::isSnakeCase(StringRef name) {
  if (name.empty() || !isLower(name.front()))
    return false;
  char prev = 0;
  for (char c : name) {
    if (c == '_') {
      if (prev == '_')
        return false;
    } else if (!isLower(c) && !isDigit(c)) {
      return false;
    }
    prev = c;
  }
  return prev != '_';
}

bool abv::isCamelCase(StringRef name) {
  return !name.empty() && isLower(name.front()) &&
         all_of(name, [](char c) { return isAlnum(c); });
}

//===----------------------------------------------------------------------===//
// Plurals
//===----------------------------------------------------------------------===//

namespace {
/// Irregular singular -> plural pairs.
constexpr std::pair<StringLiteral, StringLiteral> irregularPlurals[] = {
    {"person", "people"},
    {"child", "children"},
    {"man", "men"},
    {"woman", "women"},
    {"mouse", "mice"},
    {"goose", "geese"},
    {"foot", "feet"},
    {"tooth", "teeth"},
    {"datum", "data"},
    {"medium", "media"},
    {"criterion", "criteria"},
    {"phenomenon", "phenomena"},
    {"index", "indices"},
    {"vertex", "vertices"},
    {"matrix", "matrices"},
    {"alumnus", "alumni"},
    {"curriculum", "curricula"},
    {"stimulus", "stimuli"},
    {"analysis", "analyses"},
    {"basis", "bases"},
    {"crisis", "crises"},
    {"thesis", "theses"},
    {"axis", "axes"},
    {"diagnosis", "diagnoses"}};
} // namespace

bool abv::isMassNoun(StringRef word) {
  // clang-format off
  static const StringSet<> massNouns = {
      "metadata", "information", "info", "equipment", "feedback", "history",
      "inventory", "karma", "usage", "reputation", "moderation", "progress",
      "access", "software", "hardware", "staff", "personnel", "evidence",
      "knowledge", "content", "tracking", "processing", "hosting", "billing",
      "shipping", "pricing", "messaging", "logging", "sorting", "onboarding",
      "performance", "compliance", "maintenance", "analytics", "statistics",
      "news", "series", "species", "traffic", "storage", "mail", "music",
      "money", "cash", "advice", "research", "weather", "audio", "video",
      "config", "configuration", "auth", "authentication", "authorization",
      "settings", "media", "data"};
  // clang-format on
  return massNouns.contains(word);
}

bool abv::looksPlural(StringRef word) {
  if (isMassNoun(word))
    return true;
  for (const auto &[singular, plural] : irregularPlurals)
    if (word == plural)
      return true;
  // clang-format off
  static const StringSet<> singularEndingInS = {
      "status", "bus", "gas", "bonus", "campus", "census", "canvas", "alias",
      "atlas", "analysis", "basis", "axis", "thesis", "crisis", "diagnosis",
      "synopsis", "corpus", "virus", "radius", "focus", "consensus",
      "apparatus", "lens", "chaos", "ethos", "iris", "plus", "minus",
      "syllabus", "nexus", "genus", "stimulus", "cactus", "circus", "fungus",
      "prospectus", "bias", "kudos", "this", "has", "was", "yes", "gps", "sms",
      "cors", "dns", "https", "os", "ios"};
  // clang-format on
  if (singularEndingInS.contains(word) || word.ends_with("ss") ||
      word.ends_with("sis"))
    return false;
  return word.size() >= 3 && word.ends_with("s");
}

std::string abv::pluralize(StringRef word) {
  for (const auto &[singular, plural] : irregularPlurals)
    if (word == singular)
      return plural.str();
  if (word.ends_with("y") && word.size() > 1 &&
      !StringRef("aeiou").contains(word[word.size() - 2]))
    return (word.drop_back() + "ies").str();
  if (word.ends_with("s") || word.ends_with("x") || word.ends_with("z") ||
      word.ends_with("ch") || word.ends_with("sh"))
    return (word + "es").str();
  return (word + "s").str();
}

std::string abv::singularize(StringRef word) {
  if (!looksPlural(word) || isMassNoun(word))
    return word.str();
  for (const auto &[singular, plural] : irregularPlurals)
    if (word == plural)
      return singular.str();
  if (word.ends_with("ies") && word.size() > 3)
    return (word.drop_back(3) + "y").str();
  for (StringRef suffix : {"sses", "shes", "ches", "xes", "zes"})
    if (word.ends_with(suffix))
      return word.drop_back(2).str();
  return word.drop_back().str();
}

//===----------------------------------------------------------------------===//
// Synonyms and name markers
//===----------------------------------------------------------------------===//

namespace {
/// Groups of words that name one kind of thing across generated backends
/// and their references. A word may be in several groups (it has several
/// senses); words are lowercase and singular.
// clang-format off
const std::initializer_list<StringLiteral> synonymGroups[] = {
    // Entities.
    {"user", "member", "account"},
    {"admin", "administrator"},
    {"article", "post", "thread", "topic"},
    // A post is an article on one board and a message in a thread on
    // another.
    {"comment", "reply", "post"},
    {"section", "category", "board", "forum", "subforum", "channel",
     "community", "topic"},
    {"todo", "task"},
    {"history", "snapshot", "revision", "version"},
    {"tag", "label", "hashtag"},
    {"attachment", "file", "upload"},
    {"request", "application"},
    {"ban", "suspension", "sanction"},
    {"author", "writer", "creator", "owner"},
    {"order", "purchase"},
    {"product", "goods", "merchandise"},
    {"cart", "basket"},
    {"shipment", "delivery", "shipping"},
    {"coupon", "voucher"},
    // The caller's own record in a path (`/users/profile`, `/member/me`).
    {"profile", "me", "self"},
    // Columns.
    {"title", "subject", "headline"},
    {"content", "body", "text"},
    {"deadline", "due"},
};
// clang-format on
} // namespace

uint64_t abv::getSynonymGroups(StringRef word) {
  static_assert(std::size(synonymGroups) <= 64, "one bit per group");
  uint64_t groups = 0;
  for (size_t i = 0, e = std::size(synonymGroups); i != e; ++i)
    for (StringRef member : synonymGroups[i])
      if (member == word)
        groups |= uint64_t(1) << i;
  return groups;
}

bool abv::areSynonyms(StringRef a, StringRef b) {
  return a != b && (getSynonymGroups(a) & getSynonymGroups(b)) != 0;
}

bool abv::isBooleanMarker(StringRef word) {
  return word == "is" || word == "has" || word == "can";
}

bool abv::isTemporalMarker(StringRef word) {
  return word == "at" || word == "on" || word == "date" || word == "time" ||
         word == "timestamp" || word == "datetime";
}

//===----------------------------------------------------------------------===//
// Secrets
//===----------------------------------------------------------------------===//

namespace {
/// Words that say a name is about a secret rather than the secret itself:
/// its kind, its expiry, when it was sent or used, a masked form of it, ...
bool isDescriptiveWord(StringRef word) {
  // clang-format off
  static const StringSet<> words = {
      "type", "kind", "status", "prefix", "suffix", "last4", "hint", "id",
      "ids", "count", "length", "policy", "strength", "expiry", "expires",
      "expired", "expiration", "at", "until", "version", "algorithm",
      "required", "enabled", "changed", "updated", "attempts", "url", "uri",
      "name", "label", "scope", "scopes", "fingerprint", "masked", "preview",
      "public", "endpoint", "date", "time", "sent", "verified", "used",
      "remaining", "limit", "page", "next", "cursor", "continuation",
      "pagination"};
  // clang-format on
  return words.contains(word);
}

/// Words that say a stored secret is protected.
bool isProtectionWord(StringRef word) {
  static const StringSet<> words = {
      "hash",       "hashed", "digest", "encrypted", "enc",    "cipher",
      "ciphertext", "bcrypt", "argon2", "scrypt",    "sha256", "hmac"};
  return words.contains(word);
}
} // namespace

bool abv::looksLikeSecret(StringRef name, bool allowTokens) {
  SmallVector<std::string, 4> words = splitWords(name);
  if (words.empty() || any_of(words, [](const std::string &word) {
        return isDescriptiveWord(word);
      }))
    return false;
  static const StringSet<> secretWords = {
      "password", "passwd", "pwd", "passcode", "secret",
      "token",    "apikey", "otp", "salt",     "pin"};
  // A payment processor's token stands for a card or account, useless
  // without the merchant's own secret key; correlation and idempotency
  // tokens identify a request. Neither grants anything.
  static const StringSet<> tokenizing = {
      "card",        "payment",     "wallet",     "account",
      "reservation", "correlation", "idempotency"};
  // api_key, private_key, access_key, secret_key, signing_key.
  static const StringSet<> keyKinds = {
      "api", "private", "access", "secret", "signing", "encryption", "license"};
  for (size_t i = 0, e = words.size(); i != e; ++i) {
    const std::string &word = words[i];
    if (word == "key" && i != 0 && keyKinds.contains(words[i - 1]))
      return true;
    if (!secretWords.contains(word))
      continue;
    // A lone "pin" is a secret only as (almost) the whole name (`pin`,
    // `pin_code`), not in `pin_position`-like compounds of three words.
    if (word == "pin" && e > 2)
      continue;
    if (word == "token" &&
        (allowTokens || (i != 0 && tokenizing.contains(words[i - 1]))))
      continue;
    return true;
  }
  return false;
}

bool abv::looksLikePlaintextSecret(StringRef name) {
  if (!looksLikeSecret(name))
    return false;
  SmallVector<std::string, 4> words = splitWords(name);
  return none_of(words, [](const std::string &word) {
    return isProtectionWord(word) || word == "salt";
  });
}

//===----------------------------------------------------------------------===//
// DTO names
//===----------------------------------------------------------------------===//

StringRef abv::getDTOFamily(StringRef typeName) {
  return typeName.split('.').first;
}

StringRef abv::getVariant(StringRef typeName) {
  size_t dot = typeName.rfind('.');
  return dot == StringRef::npos ? StringRef() : typeName.substr(dot + 1);
}

DTORole abv::getDTORole(StringRef segment) {
  static const StringSet<> requests = {"ICreate",    "IUpdate", "IRequest",
                                       "IJoin",      "ILogin",  "IRefresh",
                                       "IAuthorize", "IStore"};
  static const StringSet<> responses = {"ISummary", "IAuthorized", "IAbridge",
                                        "IInvert",  "IDetail",     "IReference",
                                        "IPreview", "IBrief"};
  if (requests.contains(segment))
    return DTORole::Request;
  if (responses.contains(segment))
    return DTORole::Response;
  return DTORole::Entity;
}

bool abv::isPageTypeName(StringRef typeName) {
  return typeName.size() > 6 && typeName.starts_with("IPage") &&
         isUpper(typeName[5]);
}

StringRef abv::dropInterfacePrefix(StringRef name) {
  if (name.size() > 1 && name[0] == 'I' && isUpper(name[1]))
    return name.drop_front();
  return name;
}
