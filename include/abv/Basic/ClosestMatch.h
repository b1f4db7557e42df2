//===- ClosestMatch.h - "Did you mean" suggestions -------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The matcher behind every "did you mean" note and fix hint.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_CLOSESTMATCH_H
#define ABV_BASIC_CLOSESTMATCH_H

#include "llvm/ADT/StringRef.h"

#include <algorithm>

namespace abv {

/// Finds the closest of a stream of candidates to a misspelled name, if one
/// is close enough: within a third of the name's length (at least 1, at most
/// \p cap) by edit distance. A case-only difference beats everything; ties
/// go to the earlier candidate.
class ClosestMatch {
public:
  explicit ClosestMatch(llvm::StringRef name, unsigned cap = 3)
      : name(name),
        bestDistance(
            std::max<unsigned>(1, std::min<size_t>(cap, name.size() / 3)) + 1) {
  }

  /// A matcher that accepts candidates within \p maxDistance edits.
  static ClosestMatch withLimit(llvm::StringRef name, unsigned maxDistance) {
    ClosestMatch match(name);
    match.bestDistance = maxDistance + 1;
    return match;
  }

  /// The limit for names a document declares (types, properties): one edit
  /// for short names, else a third of the length and at least two (a
  /// transposition).
  static unsigned getDeclaredNameLimit(llvm::StringRef name) {
    return name.size() <= 3 ? 1 : std::max<unsigned>(2, name.size() / 3);
  }

  void consider(llvm::StringRef candidate) {
    if (bestDistance == 0 || candidate.empty() || candidate == name)
      return;
    size_t a = name.size(), b = candidate.size();
    if ((a > b ? a - b : b - a) >= bestDistance)
      return;
    unsigned distance =
        name.equals_insensitive(candidate)
            ? 0
            : name.edit_distance(candidate, /*AllowReplacements=*/true,
                                 bestDistance);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }

  /// The best candidate so far, or "" when none is close enough.
  llvm::StringRef get() const { return best; }

private:
  llvm::StringRef name;
  unsigned bestDistance;
  llvm::StringRef best;
};

} // namespace abv

#endif // ABV_BASIC_CLOSESTMATCH_H
