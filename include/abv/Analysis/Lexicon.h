//===- Lexicon.h - The naming vocabulary every pass shares -----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One naming lexicon for every layer: word splitting across case
/// conventions, English plurals and mass nouns, secret words, and AutoBe's
/// DTO name variants. Passes ask here instead of keeping word lists of their
/// own, so that two checks never disagree about the same word.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_ANALYSIS_LEXICON_H
#define ABV_ANALYSIS_LEXICON_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>

namespace abv {

/// Splits a column or property name into lowercase words at underscores,
/// dashes, spaces and camelCase humps: `apiKey` and `api_key` both give
/// {api, key}.
inline llvm::SmallVector<std::string, 4> splitWords(llvm::StringRef name) {
  llvm::SmallVector<std::string, 4> words;
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
    if (llvm::isUpper(c) && i != 0 && !llvm::isUpper(name[i - 1]))
      flush();
    current += llvm::toLower(c);
  }
  flush();
  return words;
}

/// The plural of a lowercase English noun: `sale` -> `sales`, `category` ->
/// `categories`, `address` -> `addresses`, `person` -> `people`.
inline std::string pluralize(llvm::StringRef word) {
  static const std::pair<const char *, const char *> irregular[] = {
      {"person", "people"}, {"child", "children"},    {"man", "men"},
      {"woman", "women"},   {"mouse", "mice"},        {"datum", "data"},
      {"medium", "media"},  {"criterion", "criteria"}};
  for (const auto &[singular, plural] : irregular)
    if (word == singular)
      return plural;
  if (word.ends_with("y") && word.size() > 1 &&
      !llvm::StringRef("aeiou").contains(word[word.size() - 2]))
    return (word.drop_back() + "ies").str();
  if (word.ends_with("s") || word.ends_with("x") || word.ends_with("z") ||
      word.ends_with("ch") || word.ends_with("sh"))
    return (word + "es").str();
  return (word + "s").str();
}

/// Whether a lowercase English word reads as a plural (or a mass noun that
/// names a collection as it is): `sales`, `todos`, `skus`, `people`, `data`,
/// `media`, `news`. `status`, `address`, `analysis` and `canvas` are
/// singular.
inline bool looksPlural(llvm::StringRef word) {
  static const llvm::StringSet<> collective = {
      "people",   "children", "men",       "women",       "mice",
      "data",     "media",    "criteria",  "news",        "series",
      "species",  "feedback", "info",      "information", "equipment",
      "metadata", "staff",    "analytics", "statistics",  "settings"};
  if (collective.contains(word))
    return true;
  if (!word.ends_with("s") || word.size() < 3)
    return false;
  // Singular nouns ending in s: address, analysis, status, canvas.
  if (word.ends_with("ss") || word.ends_with("sis"))
    return false;
  static const llvm::StringSet<> singular = {
      "status",     "bus",    "campus",   "virus",    "census",    "bonus",
      "focus",      "corpus", "radius",   "syllabus", "consensus", "apparatus",
      "nexus",      "genus",  "stimulus", "cactus",   "circus",    "fungus",
      "prospectus", "canvas", "atlas",    "alias",    "gas",       "bias",
      "chaos",      "ethos",  "kudos",    "lens",     "plus",      "minus",
      "this",       "has",    "was",      "yes",      "gps",       "sms",
      "cors",       "dns",    "https",    "os",       "ios"};
  return !singular.contains(word);
}

/// Whether a column (or parameter) named \p name holds a secret a client must
/// never read: a password (or its hash or salt), a token, a secret, a key, an
/// OTP. Names that only describe the secret (its type, expiry, ...) do not.
inline bool looksLikeSecret(llvm::StringRef name, bool allowTokens = false) {
  llvm::SmallVector<std::string, 4> words = splitWords(name);
  static const llvm::StringSet<> descriptive = {
      "type",      "kind",       "status",      "prefix",       "suffix",
      "last4",     "hint",       "id",          "ids",          "count",
      "length",    "policy",     "strength",    "expiry",       "expires",
      "expired",   "expiration", "at",          "until",        "version",
      "algorithm", "required",   "enabled",     "changed",      "updated",
      "attempts",  "url",        "uri",         "name",         "label",
      "scope",     "scopes",     "fingerprint", "masked",       "preview",
      "public",    "endpoint",   "date",        "time",         "reset",
      "sent",      "verified",   "used",        "remaining",    "limit",
      "page",      "next",       "cursor",      "continuation", "pagination"};
  for (const std::string &word : words)
    if (descriptive.contains(word))
      return false;
  static const llvm::StringSet<> secretWords = {"password", "passwd", "pwd",
                                                "passcode", "secret", "token",
                                                "apikey",   "otp",    "salt"};
  static const llvm::StringSet<> keyed = {"api", "private", "secret", "access",
                                          "signing"};
  for (size_t i = 0, e = words.size(); i != e; ++i) {
    if (secretWords.contains(words[i]) && !(allowTokens && words[i] == "token"))
      return true;
    if (words[i] == "key" && i != 0 && keyed.contains(words[i - 1]))
      return true;
  }
  return false;
}

/// The last segment of a DTO name: `ICreate` for `IArticle.ICreate`, "" for
/// a base DTO (`IArticle`).
inline llvm::StringRef getVariant(llvm::StringRef typeName) {
  size_t dot = typeName.rfind('.');
  return dot == llvm::StringRef::npos ? llvm::StringRef()
                                      : typeName.substr(dot + 1);
}

} // namespace abv

#endif // ABV_ANALYSIS_LEXICON_H
