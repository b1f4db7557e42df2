//===- ClosestMatch.h - "Did you mean" suggestions -------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The matcher behind every "did you mean" note and fix hint. Its cost is
/// bounded whatever the input: names longer than MaxNameLength get no
/// suggestion (no identifier a user misspells is that long), and each
/// comparison is an edit distance computed only in the band of width
/// 2 * maxDistance + 1 around the diagonal, so one candidate costs
/// O(length * maxDistance), not O(length^2).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_CLOSESTMATCH_H
#define ABV_BASIC_CLOSESTMATCH_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>

namespace abv {

/// The Levenshtein distance between \p a and \p b (replacements allowed)
/// when it is at most \p maxDistance, else maxDistance + 1. Only the cells
/// within maxDistance of the diagonal are computed.
inline unsigned boundedEditDistance(llvm::StringRef a, llvm::StringRef b,
                                    unsigned maxDistance) {
  size_t m = a.size(), n = b.size();
  size_t diff = m > n ? m - n : n - m;
  if (diff > maxDistance)
    return maxDistance + 1;
  const unsigned over = maxDistance + 1;
  // row[j] is the distance between a[0, i) and b[0, j); cells outside the
  // band hold `over`.
  llvm::SmallVector<unsigned, 64> row(n + 1, over);
  for (size_t j = 0; j <= std::min<size_t>(n, maxDistance); ++j)
    row[j] = unsigned(j);
  for (size_t i = 1; i <= m; ++i) {
    size_t from = i > maxDistance ? i - maxDistance : 1;
    size_t to = std::min<size_t>(n, i + maxDistance);
    unsigned diagonal = row[from - 1]; // (i - 1, from - 1)
    row[from - 1] = i <= maxDistance ? unsigned(i) : over;
    unsigned best = row[from - 1];
    for (size_t j = from; j <= to; ++j) {
      unsigned above = row[j]; // (i - 1, j)
      unsigned value = std::min({above + 1, row[j - 1] + 1,
                                 diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      value = std::min(value, over);
      diagonal = above;
      row[j] = value;
      best = std::min(best, value);
    }
    if (to < n)
      row[to + 1] = over;
    if (best > maxDistance)
      return over;
  }
  return std::min(row[n], over);
}

/// Finds the closest of a stream of candidates to a misspelled name, if one
/// is close enough: within a third of the name's length (at least 1, at most
/// \p cap) by edit distance. A case-only difference beats everything; ties
/// go to the earlier candidate.
class ClosestMatch {
public:
  /// Names longer than this get no suggestion.
  static constexpr size_t MaxNameLength = 256;

  explicit ClosestMatch(llvm::StringRef name, unsigned cap = 3)
      : ClosestMatch(name,
                     unsigned(std::max<size_t>(
                         1, std::min<size_t>(cap, name.size() / 3))),
                     /*exact=*/true) {}

  /// A matcher that accepts candidates within \p maxDistance edits.
  static ClosestMatch withLimit(llvm::StringRef name, unsigned maxDistance) {
    return ClosestMatch(name, maxDistance, /*exact=*/true);
  }

  /// The limit for names a document declares (types, properties): one edit
  /// for short names, else a third of the length and at least two (a
  /// transposition).
  static unsigned getDeclaredNameLimit(llvm::StringRef name) {
    return name.size() <= 3 ? 1 : std::max<unsigned>(2, name.size() / 3);
  }

  void consider(llvm::StringRef candidate) {
    if (bestDistance == 0 || candidate.empty() || candidate == name ||
        name.size() > MaxNameLength || candidate.size() > MaxNameLength)
      return;
    size_t a = name.size(), b = candidate.size();
    if ((a > b ? a - b : b - a) >= bestDistance)
      return;
    unsigned distance =
        name.equals_insensitive(candidate)
            ? 0
            : boundedEditDistance(name, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }

  /// The best candidate so far, or "" when none is close enough.
  llvm::StringRef get() const { return best; }

private:
  ClosestMatch(llvm::StringRef name, unsigned maxDistance, bool)
      : name(name),
        bestDistance(unsigned(std::min<size_t>(maxDistance, MaxNameLength)) +
                     1) {}

  llvm::StringRef name;
  unsigned bestDistance;
  llvm::StringRef best;
};

} // namespace abv

#endif // ABV_BASIC_CLOSESTMATCH_H
