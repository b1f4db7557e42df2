//===- Matcher.cpp - Aligning a candidate with its reference --------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The scores of the matcher (see Matcher.h and docs/Diff.md). Every name
/// is turned once into a Key (word ids of a Vocabulary both sides share),
/// every side once into a SideModel (keys of its entities, columns, path
/// segments; its prefix, actors and relations), so that scoring a pair
/// compares small integer arrays.
///
//===----------------------------------------------------------------------===//

#include "abv/Diff/Matcher.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Diff/Assignment.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace abv;
using namespace abv::diff;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Matching
//===----------------------------------------------------------------------===//

void Matching::pair(unsigned candidate, unsigned reference,
                    double pairConfidence) {
  assert(candidate < referenceOf.size() && reference < candidateOf.size());
  assert(referenceOf[candidate] < 0 && candidateOf[reference] < 0 &&
         "items are paired once");
  referenceOf[candidate] = int(reference);
  candidateOf[reference] = int(candidate);
  confidence[candidate] = pairConfidence;
  ++numPairs;
}

void Matching::unpair(unsigned candidate) {
  int reference = getReference(candidate);
  if (reference < 0)
    return;
  candidateOf[reference] = -1;
  referenceOf[candidate] = -1;
  confidence[candidate] = 0;
  --numPairs;
}

namespace {

//===----------------------------------------------------------------------===//
// Words
//===----------------------------------------------------------------------===//

using WordId = unsigned;
constexpr WordId NoWord = ~0u;

/// A normalised name: its words (lowercase, singular, without the side's
/// prefix and markers), and the words run together (`todoitem` for
/// `todo_item`), to see compounds spelled either way as one.
struct Key {
  SmallVector<WordId, 4> words;
  WordId squashed = NoWord;
  bool empty() const { return words.empty(); }
};

/// The words of both sides, interned once.
class Vocabulary {
public:
  WordId intern(StringRef word) {
    auto [it, inserted] = ids.try_emplace(word, spellings.size());
    if (inserted) {
      spellings.push_back(word.str());
      groups.push_back(getSynonymGroups(word));
    }
    return it->second;
  }
  StringRef getSpelling(WordId id) const { return spellings[id]; }

  /// How alike two words are: 1 the same, 0.8 synonyms, 0.7 when one is
  /// the head of the other run together (`registereduser`, `user`).
  double similarity(WordId a, WordId b) const {
    if (a == b)
      return 1;
    if (groups[a] & groups[b])
      return 0.8;
    StringRef x = spellings[a], y = spellings[b];
    if (x.size() < y.size())
      std::swap(x, y);
    if (y.size() >= 3 && x.size() > y.size() && x.ends_with(y))
      return 0.7;
    // A verb and its noun share their stem: `subscribe` and
    // `subscription`, `register` and `registration`.
    size_t common = 0;
    while (common != y.size() && x[common] == y[common])
      ++common;
    if (common >= 6 && common * 4 >= y.size() * 3)
      return 0.7;
    return 0;
  }

  /// A Key of \p words (already lowercase and singular).
  Key makeKey(ArrayRef<std::string> words) {
    Key key;
    std::string squashed;
    for (const std::string &word : words) {
      key.words.push_back(intern(word));
      squashed += word;
    }
    if (!words.empty())
      key.squashed = intern(squashed);
    return key;
  }

  /// How alike two keys are, in [0, 1]: a soft Dice coefficient over their
  /// words, the last word (the head noun of a name) counting double when
  /// \p headWeighted.
  double similarity(const Key &a, const Key &b, bool headWeighted) const {
    if (a.empty() || b.empty())
      return 0;
    if (a.words == b.words || a.squashed == b.squashed)
      return 1;
    double total = 0;
    auto side = [&](const Key &x, const Key &y) {
      double score = 0;
      for (size_t i = 0, e = x.words.size(); i != e; ++i) {
        double weight = headWeighted && i + 1 == e ? 2.0 : 1.0;
        double best = 0;
        for (WordId other : y.words)
          best = std::max(best, similarity(x.words[i], other));
        // A single word spelling the other's words run together.
        if (x.words.size() == 1)
          best = std::max(best, similarity(x.words[i], y.squashed));
        score += weight * best;
        total += weight;
      }
      return score;
    };
    double score = side(a, b) + side(b, a);
    return total == 0 ? 0 : std::min(1.0, score / total);
  }

private:
  StringMap<WordId> ids;
  std::vector<std::string> spellings;
  std::vector<uint64_t> groups;
};

/// The lowercase words of \p name (any case convention).
SmallVector<std::string, 4> getWords(StringRef name) {
  return splitWords(name);
}

/// \p words without \p prefix, when they start with it and go beyond it.
void dropPrefix(SmallVectorImpl<std::string> &words,
                ArrayRef<std::string> prefix) {
  if (prefix.empty() || words.size() <= prefix.size())
    return;
  for (size_t i = 0, e = prefix.size(); i != e; ++i)
    if (singularize(words[i]) != prefix[i])
      return;
  words.erase(words.begin(), words.begin() + prefix.size());
}

void singularizeAll(SmallVectorImpl<std::string> &words) {
  for (std::string &word : words)
    word = singularize(word);
}

//===----------------------------------------------------------------------===//
// Columns
//===----------------------------------------------------------------------===//

/// A column name, normalised: `todo_list_user_id` is a foreign key with
/// the words {user}; `is_completed` is {completed}; `created_at` is
/// {created}, a point in time.
struct ColumnKey {
  Key key;
  bool isPrimary = false;  ///< `id`.
  bool isForeign = false;  ///< `<words>_id`.
  bool isTemporal = false; ///< `<words>_at`, `<words>_date`, ...
  /// The entity the column points at (Spec::Column::target).
  int target = -1;
  /// The canonical spelling's id: flags and words, for exact lookups.
  WordId exact = NoWord;
  /// How much the column says about its entity: rare columns more.
  double weight = 1;
};

//===----------------------------------------------------------------------===//
// Endpoints
//===----------------------------------------------------------------------===//

/// One segment of a path template.
struct Token {
  bool isParam = false;
  /// A segment that only places the endpoint (the project namespace, an
  /// actor): skipping it costs little.
  bool isScope = false;
  /// Whether the segment is a scope whatever the pairing says (the
  /// namespace, a declared actor); others may become one once the
  /// entities are paired (`/users/todos`).
  bool isStaticScope = false;
  /// The project namespace (`/todoList/...`): it matches only the other
  /// side's namespace, never a resource (`discussionBoard` is no board).
  bool isNamespace = false;
  Key key;
  double weight = 1;
  /// The entity the segment names, or -1.
  int entity = -1;
};

struct EndpointModel {
  SmallVector<Token, 8> tokens;
  double totalWeight = 0;
  /// The entity the side links the endpoint to (its DTOs' table), and the
  /// actor it declares; -1 when it does not say.
  int declaredTarget = -1;
  int declaredActor = -1;
  /// The entity it works on, and the entity of its caller, once the
  /// entities are paired; the entity its path names (which may differ
  /// from what its DTOs link).
  int target = -1;
  int actor = -1;
  int pathTarget = -1;
  /// The actor (an index into SideModel::actors) it declares, or -1.
  int declaredActorIndex = -1;
  /// The name of its caller (a declared actor's, or an entity's).
  const Key *actorKey = nullptr;
  api::HTTPMethod method = api::HTTPMethod::Unknown;
  bool isList = false;
  /// The path ends in a parameter (an item), in a plural (a collection),
  /// or in a segment that names no entity (an action or a singleton:
  /// `/complete`, `/change-password`, `/profile`).
  bool endsWithParam = false;
  bool endsWithPlural = false;
  bool endsWithAction = false;
  /// The path ends in a singular segment naming an entity: one row
  /// (`/users/profile`), not a list.
  bool endsWithSingleton = false;
  /// The action of an item, `/{id}/restore`: the last segment names no
  /// entity and follows a parameter.
  bool hasActionTail = false;
  /// Non-parameter, non-scope words: the keys of the endpoint index.
  SmallVector<WordId, 8> indexWords;
};

//===----------------------------------------------------------------------===//
// A side, normalised
//===----------------------------------------------------------------------===//

struct SideModel {
  SideModel(const Spec &spec, Vocabulary &vocabulary)
      : spec(spec), vocabulary(vocabulary) {}

  const Spec &spec;
  Vocabulary &vocabulary;
  /// The project prefix of the side's tables (`todo`, `list`), singular.
  SmallVector<std::string, 3> prefix;
  std::vector<Key> entityKeys;
  std::vector<std::vector<ColumnKey>> columns;
  /// Entities related to each entity (foreign keys either way).
  std::vector<SmallVector<int, 4>> neighbours;
  /// Entities by the words of their key joined by '_', and by the head
  /// word of their key (for path segments).
  StringMap<int> entityByKey;
  DenseMap<WordId, SmallVector<int, 2>> entitiesByHead;
  /// The actors' keys and entities.
  std::vector<std::pair<Key, int>> actors;
  /// Entities holding a password: accounts, callers of endpoints.
  std::vector<bool> holdsCredentials;
  /// Per entity, its columns' exact spellings with their weights, sorted
  /// by id and unique, and the total weight: for the cheap first score.
  std::vector<std::vector<std::pair<WordId, double>>> exactColumns;
  std::vector<double> columnWeight;
  /// The entity an endpoint without a named caller is called by: a single
  /// word entity named `user` (or a synonym).
  int principal = -1;
  std::vector<EndpointModel> endpoints;
  std::vector<Key> dtoFamilies;

  void build();

  Key makeNameKey(StringRef name) {
    SmallVector<std::string, 4> words = getWords(name);
    dropPrefix(words, prefix);
    singularizeAll(words);
    return vocabulary.makeKey(words);
  }
  ColumnKey makeColumnKey(StringRef name);
  int resolveEntity(const Key &key, const Key *previous) const;

private:
  void findPrefix();
  void buildColumns();
  void buildEndpoints();
};

void SideModel::findPrefix() {
  std::vector<SmallVector<std::string, 4>> names;
  for (const Entity &entity : spec.entities) {
    SmallVector<std::string, 4> words = getWords(entity.name);
    singularizeAll(words);
    names.push_back(std::move(words));
  }
  // A single table: the namespace segment its paths start with, if the
  // table's name starts with it (`minimal_todo_todos`, `/minimalTodo/...`).
  if (names.size() == 1) {
    StringMap<unsigned> firstSegments;
    for (const Endpoint &endpoint : spec.endpoints) {
      StringRef first = StringRef(endpoint.path).ltrim('/').split('/').first;
      if (!first.empty() && first != "auth")
        ++firstSegments[first];
    }
    StringRef best;
    unsigned bestCount = 0;
    for (const auto &entry : firstSegments)
      if (entry.second > bestCount ||
          (entry.second == bestCount && entry.getKey() < best)) {
        best = entry.getKey();
        bestCount = entry.second;
      }
    SmallVector<std::string, 4> words = getWords(best);
    singularizeAll(words);
    const SmallVector<std::string, 4> &name = names.front();
    if (!words.empty() && name.size() > words.size() &&
        std::equal(words.begin(), words.end(), name.begin()))
      prefix.assign(words.begin(), words.end());
    return;
  }
  // The longest run of leading words that more than half of the tables
  // (and at least two) start with and go beyond.
  unsigned needed = std::max<unsigned>(2, (names.size() + 1) / 2);
  for (size_t depth = 0;; ++depth) {
    StringMap<unsigned> counts;
    for (const auto &words : names) {
      if (words.size() <= depth + 1 ||
          !std::equal(prefix.begin(), prefix.end(), words.begin()))
        continue;
      ++counts[words[depth]];
    }
    StringRef best;
    unsigned bestCount = 0;
    for (const auto &entry : counts)
      if (entry.second > bestCount ||
          (entry.second == bestCount && entry.getKey() < best)) {
        best = entry.getKey();
        bestCount = entry.second;
      }
    if (bestCount < needed)
      return;
    prefix.push_back(best.str());
  }
}

ColumnKey SideModel::makeColumnKey(StringRef name) {
  ColumnKey column;
  SmallVector<std::string, 4> words = getWords(name);
  if (words.size() == 1 && words.front() == "id") {
    column.isPrimary = true;
  } else {
    dropPrefix(words, prefix);
    if (words.size() > 1 && words.back() == "id") {
      column.isForeign = true;
      words.pop_back();
    }
    if (words.size() > 1 && isBooleanMarker(words.front()))
      words.erase(words.begin());
    // `due_date`, `due_at`, `due_date_changed_to`: a point in time.
    if (words.size() > 1 && llvm::any_of(words, [](const std::string &word) {
          return isTemporalMarker(word);
        })) {
      column.isTemporal = true;
      llvm::erase_if(words, [](const std::string &word) {
        return isTemporalMarker(word);
      });
    }
    // Short function words (`to`, `of`, `by`) say little.
    if (words.size() > 1)
      llvm::erase_if(words,
                     [](const std::string &word) { return word.size() <= 2; });
    singularizeAll(words);
    column.key = vocabulary.makeKey(words);
  }
  std::string exact = column.isPrimary    ? "#pk"
                      : column.isForeign  ? "#fk:"
                      : column.isTemporal ? "#t:"
                                          : "#:";
  for (WordId word : column.key.words)
    exact += ("_" + vocabulary.getSpelling(word)).str();
  column.exact = vocabulary.intern(exact);
  return column;
}

void SideModel::buildColumns() {
  size_t numEntities = spec.entities.size();
  columns.resize(numEntities);
  neighbours.resize(numEntities);
  DenseMap<WordId, unsigned> frequency;
  for (size_t i = 0; i != numEntities; ++i) {
    DenseSet<WordId> seen;
    for (const Column &column : spec.entities[i].columns) {
      ColumnKey key = makeColumnKey(column.name);
      key.target = column.target;
      if (seen.insert(key.exact).second)
        ++frequency[key.exact];
      columns[i].push_back(std::move(key));
      if (column.target >= 0 && column.target != int(i)) {
        if (!llvm::is_contained(neighbours[i], column.target))
          neighbours[i].push_back(column.target);
        if (!llvm::is_contained(neighbours[column.target], int(i)))
          neighbours[column.target].push_back(int(i));
      }
    }
  }
  exactColumns.assign(numEntities, {});
  columnWeight.assign(numEntities, 0.0);
  holdsCredentials.assign(numEntities, false);
  for (size_t i = 0; i != numEntities; ++i)
    for (const ColumnKey &column : columns[i])
      for (WordId word : column.key.words)
        if (vocabulary.getSpelling(word) == "password")
          holdsCredentials[i] = true;
  // Inverse frequency: a column every table has (`id`, `created_at`) says
  // little about which table it is.
  for (size_t i = 0; i != numEntities; ++i) {
    for (ColumnKey &column : columns[i]) {
      column.weight =
          std::log(double(numEntities + 1) / frequency.lookup(column.exact));
      exactColumns[i].emplace_back(column.exact, column.weight);
      columnWeight[i] += column.weight;
    }
    std::vector<std::pair<WordId, double>> &exact = exactColumns[i];
    llvm::sort(exact);
    exact.erase(std::unique(exact.begin(), exact.end(),
                            [](const auto &a, const auto &b) {
                              return a.first == b.first;
                            }),
                exact.end());
  }
}

int SideModel::resolveEntity(const Key &key, const Key *previous) const {
  if (key.empty())
    return -1;
  std::string joined;
  for (WordId word : key.words)
    joined += ("_" + vocabulary.getSpelling(word)).str();
  auto it = entityByKey.find(joined);
  if (it != entityByKey.end())
    return it->second;
  if (previous) {
    std::string both;
    for (WordId word : previous->words)
      both += ("_" + vocabulary.getSpelling(word)).str();
    it = entityByKey.find(both + joined);
    if (it != entityByKey.end())
      return it->second;
  }
  // The entity whose name ends in the segment's head noun, the closest of
  // them to the segment (with the segment before it): `histories` after
  // `todos` is `todo_edit_history`.
  auto heads = entitiesByHead.find(key.words.back());
  if (heads == entitiesByHead.end())
    return -1;
  Key context = key;
  if (previous)
    context.words.insert(context.words.begin(), previous->words.begin(),
                         previous->words.end());
  int best = -1;
  double bestScore = 0;
  bool tie = false;
  for (int entity : heads->second) {
    double score =
        std::max(vocabulary.similarity(entityKeys[entity], context, true),
                 vocabulary.similarity(entityKeys[entity], key, true));
    if (score > bestScore + 1e-9) {
      best = entity;
      bestScore = score;
      tie = false;
    } else if (std::abs(score - bestScore) <= 1e-9) {
      tie = true;
    }
  }
  return !tie && bestScore >= 0.6 ? best : -1;
}

void SideModel::buildEndpoints() {
  for (const Endpoint &endpoint : spec.endpoints) {
    EndpointModel &model = endpoints.emplace_back();
    model.method = endpoint.method;
    model.isList = endpoint.isList;
    model.declaredTarget = endpoint.entity;
    const Key *previousLiteral = nullptr;
    SmallVector<StringRef, 8> segments;
    StringRef(endpoint.path).split(segments, '/', -1, /*KeepEmpty=*/false);
    auto isParamSegment = [](StringRef segment) {
      return segment.starts_with("{") || segment.starts_with(":");
    };
    for (size_t i = 0, e = segments.size(); i != e; ++i) {
      StringRef segment = segments[i];
      Token &token = model.tokens.emplace_back();
      if (isParamSegment(segment)) {
        token.isParam = true;
        token.weight = 0.75;
        continue;
      }
      SmallVector<std::string, 4> words = getWords(segment);
      model.endsWithPlural = !words.empty() && looksPlural(words.back());
      singularizeAll(words);
      if (!prefix.empty() &&
          ArrayRef<std::string>(words) == ArrayRef<std::string>(prefix)) {
        // The project namespace (`/todoList/...`).
        token.isScope = token.isStaticScope = token.isNamespace = true;
        token.key = vocabulary.makeKey(words);
        continue;
      }
      dropPrefix(words, prefix);
      token.key = vocabulary.makeKey(words);
      // An actor's segment places the endpoint when another literal
      // segment follows (`/member/todos`); last, or before a parameter, it
      // is the collection of the actor's rows (`/members/{memberId}`).
      bool placesEndpoint = i + 1 != e && !isParamSegment(segments[i + 1]);
      for (size_t a = 0, ae = actors.size(); a != ae; ++a)
        if (placesEndpoint && actors[a].first.words == token.key.words) {
          token.isScope = token.isStaticScope = true;
          token.entity = actors[a].second;
          if (model.declaredActorIndex < 0) {
            model.declaredActor = actors[a].second;
            model.declaredActorIndex = int(a);
          }
        }
      if (!token.isScope)
        token.entity = resolveEntity(token.key, previousLiteral);
      previousLiteral = &token.key;
    }
    if (!endpoint.actor.empty())
      for (size_t i = 0, e = spec.actors.size(); i != e; ++i)
        if (spec.actors[i].first == endpoint.actor) {
          model.declaredActor = actors[i].second;
          model.declaredActorIndex = int(i);
        }
    if (!model.tokens.empty()) {
      const Token &last = model.tokens.back();
      model.endsWithParam = last.isParam;
      if (last.isParam)
        model.endsWithPlural = false;
      model.endsWithAction = !last.isParam && last.entity < 0;
      model.endsWithSingleton =
          !last.isParam && last.entity >= 0 && !model.endsWithPlural;
      model.hasActionTail = model.endsWithAction && model.tokens.size() > 1 &&
                            model.tokens[model.tokens.size() - 2].isParam;
    }
    for (const Token &token : model.tokens) {
      if (token.isParam || token.isStaticScope)
        continue;
      model.indexWords.append(token.key.words.begin(), token.key.words.end());
      if (token.key.squashed != NoWord)
        model.indexWords.push_back(token.key.squashed);
    }
  }
}

void SideModel::build() {
  findPrefix();
  for (const Entity &entity : spec.entities)
    entityKeys.push_back(makeNameKey(entity.name));
  for (size_t i = 0, e = entityKeys.size(); i != e; ++i) {
    const Key &key = entityKeys[i];
    if (key.empty())
      continue;
    std::string joined;
    for (WordId word : key.words)
      joined += ("_" + vocabulary.getSpelling(word)).str();
    auto [it, inserted] = entityByKey.try_emplace(joined, int(i));
    if (!inserted)
      it->second = -1; // Two tables normalise alike: no answer.
    entitiesByHead[key.words.back()].push_back(int(i));
    if (key.words.size() == 1 && principal < 0) {
      StringRef word = vocabulary.getSpelling(key.words.front());
      if (word == "user" || areSynonyms(word, "user"))
        principal = int(i);
    }
  }
  buildColumns();
  for (const auto &[name, entity] : spec.actors) {
    SmallVector<std::string, 4> words = getWords(name);
    singularizeAll(words);
    actors.emplace_back(vocabulary.makeKey(words), entity);
  }
  buildEndpoints();
  for (const DTO &dto : spec.dtos)
    dtoFamilies.push_back(
        makeNameKey(dropInterfacePrefix(getDTOFamily(dto.name))));
}

} // namespace

//===----------------------------------------------------------------------===//
// The matcher
//===----------------------------------------------------------------------===//

struct Matcher::Impl {
  Impl(const Spec &candidate, const Spec &reference,
       const MatchOptions &options)
      : options(options), candidate(candidate, vocabulary),
        reference(reference, vocabulary) {
    this->candidate.build();
    this->reference.build();
  }

  MatchOptions options;
  Vocabulary vocabulary;
  SideModel candidate;
  SideModel reference;
  /// The entity pairing the scores of later steps use.
  const Matching *entities = nullptr;

  int pairedReference(int candidateEntity) const {
    return entities && candidateEntity >= 0
               ? entities->getReference(candidateEntity)
               : -1;
  }
  int pairedCandidate(int referenceEntity) const {
    return entities && referenceEntity >= 0
               ? entities->getCandidate(referenceEntity)
               : -1;
  }

  double columnSimilarity(const ColumnKey &c, const ColumnKey &r) const;
  double columnsSimilarity(unsigned c, unsigned r, bool exactOnly) const;
  double relationSimilarity(unsigned c, unsigned r) const;
  double entityScore(unsigned c, unsigned r) const;

  /// The entity paired with \p entity of the candidate (\p onCandidate)
  /// or of the reference, or -1.
  int partnerOf(bool onCandidate, int entity) const {
    return onCandidate ? pairedReference(entity) : pairedCandidate(entity);
  }
  /// Settles what depends on the entity pairing in the endpoints of one
  /// side: which segments only place the endpoint under its caller, who
  /// the caller is, which entity the endpoint works on.
  void bindEndpoints(bool onCandidate);

  double tokenSimilarity(const Token &c, const Token &r) const;
  double pathSimilarity(const EndpointModel &c, const EndpointModel &r) const;
  double endpointScore(unsigned c, unsigned r) const;
  double dtoScore(unsigned c, unsigned r) const;

  /// Solves the assignment over \p edges (weights are scores) and records
  /// the pairs scoring above \p threshold into \p matching.
  void assign(Matching &matching, unsigned numCandidate, unsigned numReference,
              const std::vector<AssignmentEdge> &edges, double threshold) const;
};

double Matcher::Impl::columnSimilarity(const ColumnKey &c,
                                       const ColumnKey &r) const {
  if (c.isPrimary || r.isPrimary)
    return c.isPrimary && r.isPrimary ? 1 : 0;
  double names = vocabulary.similarity(c.key, r.key, /*headWeighted=*/false);
  if (c.isForeign && r.isForeign) {
    if (c.target >= 0 && r.target >= 0) {
      // Keys to paired entities are one relation, whatever their names; a
      // key to a row extending the paired one (a member row on top of a
      // user account) nearly so.
      if (pairedReference(c.target) == r.target)
        return 1;
      if (llvm::any_of(candidate.neighbours[c.target],
                       [&](int n) { return pairedReference(n) == r.target; }))
        return std::max(names, 0.7);
    }
    return names;
  }
  if (c.isForeign != r.isForeign)
    return 0.6 * names; // `tag` and `tag_id`.
  if (c.isTemporal != r.isTemporal)
    names *= 0.8; // `is_completed` and `completed_at`.
  return names;
}

double Matcher::Impl::columnsSimilarity(unsigned c, unsigned r,
                                        bool exactOnly) const {
  const std::vector<ColumnKey> &cs = candidate.columns[c];
  const std::vector<ColumnKey> &rs = reference.columns[r];
  if (cs.empty() || rs.empty())
    return 0;
  if (exactOnly) {
    // The columns spelled alike, by a merge of the sorted spellings.
    const auto &ec = candidate.exactColumns[c], &er = reference.exactColumns[r];
    double sharedC = 0, sharedR = 0;
    for (size_t i = 0, j = 0; i != ec.size() && j != er.size();) {
      if (ec[i].first < er[j].first) {
        ++i;
      } else if (er[j].first < ec[i].first) {
        ++j;
      } else {
        sharedC += ec[i++].second;
        sharedR += er[j++].second;
      }
    }
    double totalC = candidate.columnWeight[c],
           totalR = reference.columnWeight[r];
    if (totalC <= 0 || totalR <= 0)
      return 0;
    return (2 * sharedR / totalR + sharedC / totalC) / 3;
  }
  SmallVector<double, 16> bestC(cs.size(), 0.0), bestR(rs.size(), 0.0);
  for (size_t i = 0, ie = cs.size(); i != ie; ++i)
    for (size_t j = 0, je = rs.size(); j != je; ++j) {
      double s = exactOnly ? (cs[i].exact == rs[j].exact ? 1.0 : 0.0)
                           : columnSimilarity(cs[i], rs[j]);
      bestC[i] = std::max(bestC[i], s);
      bestR[j] = std::max(bestR[j], s);
    }
  double coveredC = 0, totalC = 0, coveredR = 0, totalR = 0;
  for (size_t i = 0, e = cs.size(); i != e; ++i) {
    coveredC += cs[i].weight * bestC[i];
    totalC += cs[i].weight;
  }
  for (size_t j = 0, e = rs.size(); j != e; ++j) {
    coveredR += rs[j].weight * bestR[j];
    totalR += rs[j].weight;
  }
  // What the reference asks for counts twice what the candidate adds.
  return (2 * coveredR / totalR + coveredC / totalC) / 3;
}

double Matcher::Impl::relationSimilarity(unsigned c, unsigned r) const {
  unsigned consistent = 0, pairedC = 0, pairedR = 0;
  for (int n : candidate.neighbours[c])
    if (pairedReference(n) >= 0)
      ++pairedC;
  for (int n : reference.neighbours[r]) {
    int partner = pairedCandidate(n);
    if (partner < 0)
      continue;
    ++pairedR;
    if (llvm::is_contained(candidate.neighbours[c], partner))
      ++consistent;
  }
  if (pairedC + pairedR == 0)
    return 0;
  return 2.0 * consistent / (pairedC + pairedR);
}

double Matcher::Impl::entityScore(unsigned c, unsigned r) const {
  double names = vocabulary.similarity(candidate.entityKeys[c],
                                       reference.entityKeys[r], true);
  // Columns say how alike two tables are shaped, and many unrelated tables
  // share a shape (a key, a foreign key to the user, a name, timestamps):
  // their evidence counts fully only when the names agree somewhat.
  double columns = columnsSimilarity(c, r, false) * std::min(1.0, 0.4 + names);
  double score = 0.55 * names + 0.45 * columns;
  if (entities)
    score *= 1 + 0.25 * relationSimilarity(c, r);
  return std::min(1.0, score);
}

void Matcher::Impl::assign(Matching &matching, unsigned numCandidate,
                           unsigned numReference,
                           const std::vector<AssignmentEdge> &edges,
                           double threshold) const {
  // A pair is worth its score above the threshold: the assignment then
  // takes no pair below it, and prefers one strong pair to two weak ones.
  // A tiny bias by index makes earlier items win exact ties.
  std::vector<AssignmentEdge> worth;
  DenseMap<uint64_t, double> scores;
  for (const AssignmentEdge &edge : edges) {
    if (edge.weight <= threshold)
      continue;
    scores[uint64_t(edge.row) << 32 | edge.column] = edge.weight;
    double bias = 1e-9 * (double(edge.row) / (numCandidate + 1) +
                          double(edge.column) / (numReference + 1));
    worth.push_back({edge.row, edge.column, edge.weight - threshold - bias});
  }
  std::vector<int> result = solveAssignment(numCandidate, numReference, worth);
  matching.reset(numCandidate, numReference);
  for (unsigned row = 0; row != numCandidate; ++row)
    if (result[row] >= 0)
      matching.pair(row, result[row],
                    scores.lookup(uint64_t(row) << 32 | result[row]));
}

//===----------------------------------------------------------------------===//
// Endpoints
//===----------------------------------------------------------------------===//

void Matcher::Impl::bindEndpoints(bool onCandidate) {
  SideModel &side = onCandidate ? candidate : reference;
  const SideModel &other = onCandidate ? reference : candidate;
  // On a side that declares no actors, an entity is a caller when it is
  // paired with an actor of the other side, or holds a password.
  auto isCaller = [&](int entity) {
    if (entity < 0)
      return false;
    if (side.holdsCredentials[entity])
      return true;
    int partner = partnerOf(onCandidate, entity);
    return partner >= 0 &&
           llvm::any_of(other.actors, [&](const std::pair<Key, int> &actor) {
             return actor.second == partner;
           });
  };
  auto isPaired = [&](int entity) {
    return entity >= 0 && partnerOf(onCandidate, entity) >= 0;
  };
  for (EndpointModel &model : side.endpoints) {
    model.actor = model.declaredActor;
    for (Token &token : model.tokens) {
      token.isScope = token.isStaticScope;
      token.weight = token.isParam ? 0.75 : token.isScope ? 0.25 : 1.0;
    }
    // `/users/todos`, `/admin/requests`: the first segment names the
    // caller when it is followed by another literal segment.
    if (side.actors.empty()) {
      for (size_t i = 0; i + 1 < model.tokens.size(); ++i) {
        Token &token = model.tokens[i];
        if (token.isParam || token.isScope)
          continue;
        if (isCaller(token.entity) && !model.tokens[i + 1].isParam) {
          token.isScope = true;
          token.weight = 0.25;
          model.actor = token.entity;
        }
        break;
      }
      if (model.actor < 0)
        model.actor = side.principal;
    }
    // The target: what the side says, else the entity of the last segment
    // naming one. When the candidate lacks a reference entity, a read or
    // an update of it (`GET /users/{id}/profile` without a profile table)
    // reads or updates the row of the entity it belongs to, which the
    // candidate may have folded it into; a create or a delete of it
    // (`POST /users/{id}/ban`) stays about it.
    model.target = -1;
    {
      int last = -1;
      size_t lastIndex = 0;
      for (size_t i = model.tokens.size(); i-- > 0;)
        if (!model.tokens[i].isScope && model.tokens[i].entity >= 0) {
          last = model.tokens[i].entity;
          lastIndex = i;
          break;
        }
      model.target = last;
      using M = api::HTTPMethod;
      bool readOrUpdate = model.method == M::Get || model.method == M::Put ||
                          model.method == M::Patch || model.method == M::Head;
      // Only the reference's entities may be folded into others: a
      // candidate's entity the reference lacks is an extra, not a part.
      if (!onCandidate && last >= 0 && !isPaired(last) && readOrUpdate) {
        for (size_t i = lastIndex; i-- > 0;) {
          const Token &token = model.tokens[i];
          if (isPaired(token.entity) &&
              llvm::is_contained(side.neighbours[last], token.entity)) {
            model.target = token.entity;
            break;
          }
        }
      }
    }
    model.pathTarget = model.target;
    if (model.declaredTarget >= 0)
      model.target = model.declaredTarget;
    model.actorKey = model.declaredActorIndex >= 0
                         ? &side.actors[model.declaredActorIndex].first
                     : model.actor >= 0 ? &side.entityKeys[model.actor]
                                        : nullptr;
    // An endpoint that names no entity works on its caller's own record
    // (`/auth/join`, `/auth/leave`, `/users/password`).
    model.totalWeight = 0;
    for (const Token &token : model.tokens)
      model.totalWeight += token.weight;
  }
}

double Matcher::Impl::tokenSimilarity(const Token &c, const Token &r) const {
  if (c.isParam || r.isParam)
    return c.isParam && r.isParam ? 1 : 0;
  if (c.isNamespace || r.isNamespace)
    return c.isNamespace && r.isNamespace
               ? vocabulary.similarity(c.key, r.key, true)
               : 0;
  if (c.entity >= 0 && r.entity >= 0) {
    int partner = pairedReference(c.entity);
    if (partner == r.entity)
      return 1;
    if (partner >= 0 || pairedCandidate(r.entity) >= 0)
      return 0; // Two entities, each paired elsewhere.
  }
  return vocabulary.similarity(c.key, r.key, /*headWeighted=*/true);
}

double Matcher::Impl::pathSimilarity(const EndpointModel &c,
                                     const EndpointModel &r) const {
  size_t n = c.tokens.size(), m = r.tokens.size();
  if (n + m == 0)
    return 1;
  // Weighted longest common subsequence of the segments.
  SmallVector<double, 81> table((n + 1) * (m + 1), 0.0);
  auto at = [&](size_t i, size_t j) -> double & {
    return table[i * (m + 1) + j];
  };
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      double best = std::max(at(i - 1, j), at(i, j - 1));
      double s = tokenSimilarity(c.tokens[i - 1], r.tokens[j - 1]);
      if (s >= 0.3)
        best = std::max(
            best,
            at(i - 1, j - 1) +
                s * (c.tokens[i - 1].weight + r.tokens[j - 1].weight) / 2);
      at(i, j) = best;
    }
  return 2 * at(n, m) / (c.totalWeight + r.totalWeight);
}

/// How well the methods of two endpoints agree.
static double methodCompatibility(const EndpointModel &c,
                                  const EndpointModel &r) {
  using M = api::HTTPMethod;
  if (c.method == r.method) {
    if (c.method == M::Patch && c.isList != r.isList)
      return 0.4;
    // Reading one item is not listing a collection, nor running a named
    // query (`/users/banned`, `/articles/search`).
    auto isCollection = [](const EndpointModel &e) {
      return e.endsWithPlural ||
             (e.endsWithAction && !e.hasActionTail && e.tokens.size() > 1 &&
              !e.tokens[e.tokens.size() - 2].isParam);
    };
    if (c.method == M::Get && ((c.endsWithParam && isCollection(r)) ||
                               (r.endsWithParam && isCollection(c))))
      return 0.6;
    return 1;
  }
  auto is = [&](M a, M b) {
    return (c.method == a && r.method == b) || (c.method == b && r.method == a);
  };
  auto side = [&](M method) -> const EndpointModel & {
    return c.method == method ? c : r;
  };
  // AutoBe lists with `PATCH` and a search body where others `GET`.
  if (is(M::Get, M::Patch)) {
    if (!side(M::Patch).isList)
      return 0.2;
    // Reading one row (`GET /users/profile`) is not listing.
    return side(M::Get).endsWithSingleton ? 0.6 : 0.95;
  }
  if (is(M::Get, M::Post))
    return side(M::Post).isList ? 0.8 : 0;
  if (is(M::Put, M::Patch))
    return side(M::Patch).isList ? 0.1 : 0.85;
  // An action is often a POST where another API updates.
  if (is(M::Post, M::Put) || (is(M::Post, M::Patch) && !side(M::Patch).isList))
    return side(M::Post).endsWithAction ? 0.85 : 0.6;
  return 0;
}

double Matcher::Impl::endpointScore(unsigned ci, unsigned ri) const {
  const EndpointModel &c = candidate.endpoints[ci];
  const EndpointModel &r = reference.endpoints[ri];
  double method = methodCompatibility(c, r);
  if (method == 0)
    return 0;
  double path = pathSimilarity(c, r);
  // An action on an item (`/{id}/restore`) is not the item itself, nor
  // another action.
  if (c.hasActionTail && r.hasActionTail) {
    if (tokenSimilarity(c.tokens.back(), r.tokens.back()) < 0.5)
      method *= 0.6;
  } else if (c.hasActionTail != r.hasActionTail) {
    method *= 0.7;
  }
  // Do they work on paired entities?
  // An endpoint about an entity the other side lacks (`/users/{id}/ban`
  // where there is no ban table) stands for no endpoint about another. The
  // candidate's entity is what its DTOs link, or what its path names: the
  // better agreement counts. An endpoint naming no entity at all (an
  // authentication endpoint) says nothing either way.
  auto agreement = [&](int ct) {
    bool pairedC = ct >= 0 && pairedReference(ct) >= 0;
    bool pairedR = r.target >= 0 && pairedCandidate(r.target) >= 0;
    if (ct < 0 || r.target < 0)
      return 0.5;
    if (pairedReference(ct) == r.target)
      return 1.0;
    if (pairedC && pairedR)
      return 0.0;
    // A row extending the paired one (a member row on an account).
    if (!pairedC && llvm::any_of(candidate.neighbours[ct], [&](int n) {
          return pairedReference(n) == r.target;
        }))
      return 0.6;
    if (pairedC || pairedR)
      return 0.1;
    return 0.4;
  };
  double target = std::max(agreement(c.target), agreement(c.pathTarget));
  // Are they called by paired actors (or by an actor extending the
  // other's: a member row on top of a user account)?
  double actor = 0.5;
  if (c.actor >= 0 && r.actor >= 0) {
    if (pairedReference(c.actor) == r.actor)
      actor = 1;
    else if (llvm::any_of(candidate.neighbours[c.actor],
                          [&](int n) { return pairedReference(n) == r.actor; }))
      actor = 0.6;
    else
      actor = 0;
  }
  // Callers named alike (`member` for `user`) when their tables say less.
  if (actor < 1 && c.actorKey && r.actorKey)
    actor = std::max(
        actor, 0.8 * vocabulary.similarity(*c.actorKey, *r.actorKey, true));
  // Two endpoints about different entities are different endpoints,
  // however alike their paths.
  if (target <= 0.1)
    method *= 0.75;
  return method * (0.55 * path + 0.3 * target + 0.15 * actor);
}

double Matcher::Impl::dtoScore(unsigned c, unsigned r) const {
  const DTO &cd = candidate.spec.dtos[c], &rd = reference.spec.dtos[r];
  StringRef cv = getVariant(cd.name), rv = getVariant(rd.name);
  bool isPageC = isPageTypeName(cd.name), isPageR = isPageTypeName(rd.name);
  if (isPageC != isPageR)
    return 0;
  double variant =
      cv == rv ? 1.0
      : getDTORole(cv) == getDTORole(rv) && getDTORole(cv) != DTORole::Entity
          ? 0.6
          : 0.3;
  if (cd.entity >= 0 && rd.entity >= 0 &&
      pairedReference(cd.entity) == rd.entity)
    return variant;
  double names = vocabulary.similarity(candidate.dtoFamilies[c],
                                       reference.dtoFamilies[r], true);
  return 0.8 * names * variant;
}

//===----------------------------------------------------------------------===//
// Steps
//===----------------------------------------------------------------------===//

Matcher::Matcher(const Spec &candidate, const Spec &reference,
                 const MatchOptions &options)
    : impl(std::make_unique<Impl>(candidate, reference, options)) {}

Matcher::~Matcher() = default;

void Matcher::alignEntities(Alignment &alignment) {
  Impl &m = *impl;
  unsigned n = m.candidate.spec.entities.size();
  unsigned k = m.reference.spec.entities.size();
  // A cheap score of every pair (names, columns spelled alike) picks each
  // entity's best partners; only those get the full score. The best of
  // each row are kept as the row is scored, those of each column in a
  // bounded heap: memory stays linear.
  m.entities = nullptr;
  unsigned limit = std::max(1u, m.options.maxPartners);
  using Scored = std::pair<double, unsigned>;
  // Min-heaps (the worst kept on top), compared by score then index.
  auto worse = [](const Scored &a, const Scored &b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  std::vector<std::vector<Scored>> bestOfColumn(k);
  std::vector<std::pair<unsigned, unsigned>> pairs;
  std::vector<Scored> row;
  for (unsigned c = 0; c != n; ++c) {
    row.clear();
    for (unsigned r = 0; r != k; ++r) {
      double names = m.vocabulary.similarity(m.candidate.entityKeys[c],
                                             m.reference.entityKeys[r], true);
      double score = 0.55 * names + 0.45 * m.columnsSimilarity(c, r, true);
      if (score <= 0)
        continue;
      row.emplace_back(score, r);
      std::vector<Scored> &heap = bestOfColumn[r];
      if (heap.size() < limit) {
        heap.emplace_back(score, c);
        std::push_heap(heap.begin(), heap.end(), worse);
      } else if (worse({score, c}, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), worse);
        heap.back() = {score, c};
        std::push_heap(heap.begin(), heap.end(), worse);
      }
    }
    if (row.size() > limit) {
      std::nth_element(row.begin(), row.begin() + limit, row.end(), worse);
      row.resize(limit);
    }
    for (const Scored &entry : row)
      pairs.emplace_back(c, entry.second);
  }
  for (unsigned r = 0; r != k; ++r)
    for (const Scored &entry : bestOfColumn[r])
      pairs.emplace_back(entry.second, r);
  llvm::sort(pairs);
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  // Two rounds: the second knows which entities the first paired, so that
  // foreign keys to paired entities and agreeing relations count.
  Matching first;
  for (int round = 0; round != 2; ++round) {
    std::vector<AssignmentEdge> edges;
    edges.reserve(pairs.size());
    for (const auto &[c, r] : pairs)
      edges.push_back({c, r, m.entityScore(c, r)});
    Matching result;
    m.assign(result, n, k, edges, m.options.entityThreshold);
    first = std::move(result);
    m.entities = &first;
  }
  alignment.entities = std::move(first);
  m.entities = &alignment.entities;
  alignment.columns.assign(n, Matching());
}

void Matcher::alignColumns(Alignment &alignment, unsigned entity) {
  Impl &m = *impl;
  m.entities = &alignment.entities;
  if (alignment.columns.size() < alignment.entities.getNumCandidates())
    alignment.columns.resize(alignment.entities.getNumCandidates());
  int r = alignment.entities.getReference(entity);
  const std::vector<ColumnKey> &cs = m.candidate.columns[entity];
  Matching &result = alignment.columns[entity];
  if (r < 0) {
    result.reset(cs.size(), 0);
    return;
  }
  const std::vector<ColumnKey> &rs = m.reference.columns[r];
  std::vector<AssignmentEdge> edges;
  for (unsigned i = 0, ie = cs.size(); i != ie; ++i)
    for (unsigned j = 0, je = rs.size(); j != je; ++j)
      if (double s = m.columnSimilarity(cs[i], rs[j]))
        edges.push_back({i, j, s});
  m.assign(result, cs.size(), rs.size(), edges, m.options.columnThreshold);
}

void Matcher::alignEndpoints(Alignment &alignment) {
  Impl &m = *impl;
  m.entities = &alignment.entities;
  m.bindEndpoints(/*onCandidate=*/true);
  m.bindEndpoints(/*onCandidate=*/false);
  unsigned n = m.candidate.endpoints.size();
  unsigned k = m.reference.endpoints.size();
  // Which candidate endpoints may stand for a reference endpoint: those
  // sharing a word of a segment, or working on the paired entity.
  constexpr size_t MaxBucket = 256;
  DenseMap<WordId, SmallVector<unsigned, 4>> byWord;
  DenseMap<int, SmallVector<unsigned, 4>> byTarget;
  for (unsigned c = 0; c != n; ++c) {
    const EndpointModel &model = m.candidate.endpoints[c];
    DenseSet<WordId> seen;
    for (WordId word : model.indexWords)
      if (seen.insert(word).second)
        byWord[word].push_back(c);
    if (model.target >= 0)
      byTarget[model.target].push_back(c);
  }
  std::vector<AssignmentEdge> edges;
  std::vector<unsigned> stamp(n, ~0u);
  for (unsigned r = 0; r != k; ++r) {
    const EndpointModel &model = m.reference.endpoints[r];
    auto consider = [&](ArrayRef<unsigned> bucket) {
      for (unsigned c : bucket) {
        if (stamp[c] == r)
          continue;
        stamp[c] = r;
        if (double s = m.endpointScore(c, r))
          edges.push_back({c, r, s});
      }
    };
    for (WordId word : model.indexWords) {
      auto it = byWord.find(word);
      if (it != byWord.end() && it->second.size() <= MaxBucket)
        consider(it->second);
    }
    for (const Token &token : model.tokens) {
      if (token.entity < 0)
        continue;
      int partner = m.pairedCandidate(token.entity);
      auto it = byTarget.find(partner);
      if (partner >= 0 && it != byTarget.end())
        consider(it->second);
    }
  }
  m.assign(alignment.endpoints, n, k, edges, m.options.endpointThreshold);
}

void Matcher::alignDTOs(Alignment &alignment) {
  Impl &m = *impl;
  m.entities = &alignment.entities;
  unsigned n = m.candidate.spec.dtos.size();
  unsigned k = m.reference.spec.dtos.size();
  DenseMap<int, SmallVector<unsigned, 4>> byEntity;
  DenseMap<WordId, SmallVector<unsigned, 4>> byHead;
  for (unsigned c = 0; c != n; ++c) {
    if (m.candidate.spec.dtos[c].entity >= 0)
      byEntity[m.candidate.spec.dtos[c].entity].push_back(c);
    if (!m.candidate.dtoFamilies[c].empty())
      byHead[m.candidate.dtoFamilies[c].words.back()].push_back(c);
  }
  std::vector<AssignmentEdge> edges;
  std::vector<unsigned> stamp(n, ~0u);
  for (unsigned r = 0; r != k; ++r) {
    auto consider = [&](ArrayRef<unsigned> bucket) {
      for (unsigned c : bucket) {
        if (stamp[c] == r)
          continue;
        stamp[c] = r;
        if (double s = m.dtoScore(c, r))
          edges.push_back({c, r, s});
      }
    };
    int partner = m.pairedCandidate(m.reference.spec.dtos[r].entity);
    if (partner >= 0) {
      auto it = byEntity.find(partner);
      if (it != byEntity.end())
        consider(it->second);
    }
    if (!m.reference.dtoFamilies[r].empty()) {
      auto it = byHead.find(m.reference.dtoFamilies[r].words.back());
      if (it != byHead.end())
        consider(it->second);
    }
  }
  m.assign(alignment.dtos, n, k, edges, m.options.dtoThreshold);
}

Alignment Matcher::alignAll() {
  Alignment alignment;
  alignEntities(alignment);
  for (unsigned c = 0, e = alignment.entities.getNumCandidates(); c != e; ++c)
    alignColumns(alignment, c);
  alignEndpoints(alignment);
  alignDTOs(alignment);
  return alignment;
}

double Matcher::getNameSimilarity(StringRef candidate,
                                  StringRef reference) const {
  Key c = impl->candidate.makeNameKey(candidate);
  Key r = impl->reference.makeNameKey(reference);
  return impl->vocabulary.similarity(c, r, /*headWeighted=*/true);
}
