//===- Lexicon.h - The naming vocabulary every pass shares -----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One naming lexicon for every layer: words across case conventions,
/// English plurals and mass nouns, secrets, and AutoBe's DTO names. Passes
/// ask here instead of keeping word lists of their own, so that two checks
/// never disagree about the same word (a table `inventory` and a path
/// `/inventory/{id}` are both a mass noun; `salt` is secret material for
/// every check that asks).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_ANALYSIS_LEXICON_H
#define ABV_ANALYSIS_LEXICON_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace abv {

//===----------------------------------------------------------------------===//
// Words and case conventions
//===----------------------------------------------------------------------===//

/// Splits a name into lowercase words at underscores, dashes, spaces and
/// camelCase humps: `apiKey`, `api_key` and `API-Key` all give {api, key};
/// an acronym ends before the word it precedes (`HTTPServer` gives {http,
/// server}).
llvm::SmallVector<std::string, 4> splitWords(llvm::StringRef name);

/// The words of \p name joined by underscores: `createdAt` -> `created_at`.
std::string toSnakeCase(llvm::StringRef name);

/// Whether two names spell the same words in any case convention:
/// `createdAt`, `created_at` and `CreatedAt` are one name.
bool isSameName(llvm::StringRef a, llvm::StringRef b);

/// `snake_case`: lowercase ASCII words of letters and digits joined by
/// single underscores, starting with a letter.
bool isSnakeCase(llvm::StringRef name);

/// `camelCase`: an ASCII lowercase letter, then letters and digits.
bool isCamelCase(llvm::StringRef name);

//===----------------------------------------------------------------------===//
// Plurals
//===----------------------------------------------------------------------===//

/// The plural of a lowercase English noun: `sale` -> `sales`, `category` ->
/// `categories`, `address` -> `addresses`, `person` -> `people`. Mass nouns
/// get the regular form (`history` -> `histories`): tables are often named
/// that way.
std::string pluralize(llvm::StringRef word);

/// The singular of a lowercase English plural: `categories` -> `category`,
/// `addresses` -> `address`, `people` -> `person`; a word that does not read
/// as a plural is returned as it is.
std::string singularize(llvm::StringRef word);

/// Whether a lowercase word is a mass noun: a thing a table or a collection
/// is named after in the singular (`inventory`, `history`, `feedback`,
/// `metadata`, `settings`).
bool isMassNoun(llvm::StringRef word);

/// Whether a lowercase word reads as the name of a collection: a plural
/// (`sales`, `people`, `data`) or a mass noun. `status`, `address` and
/// `analysis` are singular.
bool looksPlural(llvm::StringRef word);

//===----------------------------------------------------------------------===//
// Synonyms and name markers
//===----------------------------------------------------------------------===//

/// Whether two different lowercase singular words name the same kind of
/// thing in a web backend: an entity (`post` and `article`, `member` and
/// `user`, `reply` and `comment`, `category` and `section`, `task` and
/// `todo`, `snapshot` and `history`) or a column (`subject` and `title`,
/// `body` and `content`, `deadline` and `due`). A word may have several
/// senses: `topic` is an article on one board and a section on another.
/// Symmetric; false for a word and itself. The semantic diff aligns a
/// generated project with its reference through these.
bool areSynonyms(llvm::StringRef a, llvm::StringRef b);

/// The synonym groups \p word belongs to, as a bit set: two different words
/// are synonyms when their sets intersect. 0 for a word in no group. For
/// callers that compare many words (intern each word's set once).
uint64_t getSynonymGroups(llvm::StringRef word);

/// Whether a lowercase word only says that a column is a boolean (`is`,
/// `has`, `can`): `is_completed` and `completed` are one column.
bool isBooleanMarker(llvm::StringRef word);

/// Whether a lowercase word only says that a column is a point in time
/// (`at`, `on`, `date`, `time`, `timestamp`): `due_date` and `due_at` are
/// one column.
bool isTemporalMarker(llvm::StringRef word);

//===----------------------------------------------------------------------===//
// Secrets
//===----------------------------------------------------------------------===//

/// Whether a column, property or parameter named \p name holds secret
/// material a client must never read or send in a URL: a password or its
/// hash or salt, a token, a secret, an API or private key, an OTP or a PIN.
/// Names that only describe the secret (its type, expiry, last digits, ...)
/// do not, and neither do tokens that stand for something else (a payment
/// processor's card token, an idempotency or correlation token). With
/// \p allowTokens, a session token handed to its owner is fine too.
bool looksLikeSecret(llvm::StringRef name, bool allowTokens = false);

/// Whether \p name is a secret stored as it was issued: looksLikeSecret, and
/// no word says it is protected (`hash`, `digest`, `encrypted`, ...) or a
/// salt (which is stored as it is by design).
bool looksLikePlaintextSecret(llvm::StringRef name);

//===----------------------------------------------------------------------===//
// AutoBe's DTO names (`IShoppingSale.ICreate`)
//===----------------------------------------------------------------------===//

/// The family of a DTO name, its first segment: `IShoppingSale` for
/// `IShoppingSale.ICreate`.
llvm::StringRef getDTOFamily(llvm::StringRef typeName);

/// The last segment of a DTO name: `ICreate` for `IArticle.ICreate`, ""
/// for a base DTO (`IArticle`).
llvm::StringRef getVariant(llvm::StringRef typeName);

/// What a DTO variant is for.
enum class DTORole : unsigned char {
  Entity,  ///< Not a known variant: the entity itself, or one of its own.
  Request, ///< A request body: ICreate, IUpdate, IRequest, IJoin, ILogin, ...
  Response ///< A view of the entity: ISummary, IAuthorized, IAbridge, ...
};
/// The role of variant \p segment (`ICreate`, `ISummary`).
DTORole getDTORole(llvm::StringRef segment);

/// Whether \p segment names a view of its family's entity (a request or
/// response variant) rather than an entity of its own
/// (`IBbsArticle.ISnapshot` is a row of `bbs_article_snapshots`).
inline bool isDTOVariant(llvm::StringRef segment) {
  return getDTORole(segment) != DTORole::Entity;
}

/// Whether \p typeName is an AutoBe page type, `IPageIArticle.ISummary`.
bool isPageTypeName(llvm::StringRef typeName);

/// \p name without AutoBe's interface prefix: `ShoppingSale` for
/// `IShoppingSale`; unchanged when there is none.
llvm::StringRef dropInterfacePrefix(llvm::StringRef name);

} // namespace abv

#endif // ABV_ANALYSIS_LEXICON_H
