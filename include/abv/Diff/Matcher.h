//===- Matcher.h - Aligning a candidate with its reference -----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The matcher of the semantic diff: it pairs the entities, columns,
/// endpoints and DTOs of a candidate with those of its reference, one to
/// one, each pair with a confidence in (0, 1]. How (docs/Diff.md has the
/// details and the measured precision and recall):
///
/// 1. **Names.** Every name is cut into words (Lexicon: any case
///    convention), the project prefix each side puts on its tables
///    (`todo_list_`, `discussion_board_`) is dropped, plurals become
///    singulars, and words are compared exactly, as synonyms (Lexicon:
///    `post` / `article`, `member` / `user`) or as the head of a compound
///    (`registereduser` / `user`).
/// 2. **Entities.** Score = name similarity and the similarity of the
///    columns (each weighted by how rare it is on its side, `id` counting
///    little), then, once a first assignment exists, a bonus for relations
///    that agree (a foreign key to entities that are paired themselves).
///    Pairs are chosen by an optimal assignment (Assignment.h), twice.
/// 3. **Columns**, within each pair of entities: names, foreign keys by the
///    pairing of their targets (`author_id` and `user_id` both point at the
///    paired user tables), assigned optimally.
/// 4. **Endpoints.** The method (AutoBe's `PATCH` with a search body is a
///    `GET` list; `PUT` and `PATCH` both update), the path templates
///    aligned segment by segment (`:id` and `{todoId}` are parameters; the
///    namespace and actor segments, `/todoList/user`, may be skipped; a
///    segment naming an entity matches the segment naming its pair), the
///    entity the endpoint works on and the actor calling it.
/// 5. **DTOs** (a project reference): by the pairing of their tables and
///    their variant (`ICreate`, `ISummary`), else by name.
///
/// A pair is taken only when its score is above the dimension's threshold;
/// every score is computed for at most a bounded number of partners per
/// item (found through indexes), so the cost is at most quadratic in the
/// number of entities or endpoints.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_DIFF_MATCHER_H
#define ABV_DIFF_MATCHER_H

#include "abv/Diff/Spec.h"

#include <memory>
#include <vector>

namespace abv::diff {

/// A one-to-one pairing of a candidate's items with a reference's.
class Matching {
public:
  Matching() = default;
  Matching(unsigned numCandidate, unsigned numReference) {
    reset(numCandidate, numReference);
  }
  void reset(unsigned numCandidate, unsigned numReference) {
    referenceOf.assign(numCandidate, -1);
    candidateOf.assign(numReference, -1);
    confidence.assign(numCandidate, 0.0);
    numPairs = 0;
  }

  /// Pairs \p candidate with \p reference; both must be unpaired.
  void pair(unsigned candidate, unsigned reference, double confidence);
  /// Removes the pair of candidate \p candidate, if any.
  void unpair(unsigned candidate);

  int getReference(unsigned candidate) const {
    return candidate < referenceOf.size() ? referenceOf[candidate] : -1;
  }
  int getCandidate(unsigned reference) const {
    return reference < candidateOf.size() ? candidateOf[reference] : -1;
  }
  double getConfidence(unsigned candidate) const {
    return candidate < confidence.size() ? confidence[candidate] : 0.0;
  }
  unsigned getNumCandidates() const { return referenceOf.size(); }
  unsigned getNumReferences() const { return candidateOf.size(); }
  unsigned getNumPairs() const { return numPairs; }

private:
  std::vector<int> referenceOf;
  std::vector<int> candidateOf;
  std::vector<double> confidence;
  unsigned numPairs = 0;
};

/// The alignment of two Specs.
struct Alignment {
  Matching entities;
  /// Per candidate entity (meaningful for paired ones): its columns paired
  /// with the columns of its reference entity.
  std::vector<Matching> columns;
  Matching endpoints;
  Matching dtos;
};

/// Thresholds: a pair is taken only when its score exceeds them.
struct MatchOptions {
  double entityThreshold = 0.45;
  double columnThreshold = 0.55;
  double endpointThreshold = 0.5;
  double dtoThreshold = 0.5;
  /// How many best partners of each item are scored in full.
  unsigned maxPartners = 12;
};

/// Aligns \p candidate with \p reference. The steps are separate so that a
/// mapping file may fix some dimensions and leave the others to the
/// matcher: columns follow the entity pairs, endpoints and DTOs use them.
class Matcher {
public:
  Matcher(const Spec &candidate, const Spec &reference,
          const MatchOptions &options = {});
  ~Matcher();

  /// Pairs the entities (into \p alignment.entities).
  void alignEntities(Alignment &alignment);
  /// Pairs the columns of candidate entity \p entity with those of its
  /// reference entity (into \p alignment.columns[entity]).
  void alignColumns(Alignment &alignment, unsigned entity);
  /// Pairs the endpoints, given the entity pairs.
  void alignEndpoints(Alignment &alignment);
  /// Pairs the DTOs, given the entity pairs.
  void alignDTOs(Alignment &alignment);

  /// Every step: entities, the columns of each entity pair, endpoints, DTOs.
  Alignment alignAll();

  /// The similarity of two names in [0, 1] after the normalisation the
  /// matcher applies (words, prefixes, plurals, synonyms); \p candidate is
  /// read as a name of the candidate, \p reference of the reference.
  double getNameSimilarity(llvm::StringRef candidate,
                           llvm::StringRef reference) const;

  struct Impl;

private:
  std::unique_ptr<Impl> impl;
};

} // namespace abv::diff

#endif // ABV_DIFF_MATCHER_H
