//===- Statistics.h - Which differences between models are real -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The statistics of a batch report (docs/Rubric.md, "Which differences are
/// real"): a percentile bootstrap confidence interval of a mean, the paired
/// comparison of two models over the projects both ran, the spread of a
/// project's scores, and Spearman's rank correlation. Every resampling is
/// seeded, so a report is the same on every run and machine.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_SCORE_STATISTICS_H
#define ABV_SCORE_STATISTICS_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <optional>

namespace abv::score {

/// A mean and its confidence interval.
struct Interval {
  double mean = 0;
  double low = 0, high = 0;
  unsigned n = 0;
  /// Whether the interval contains 0 (for a difference: the data cannot
  /// tell which side is better).
  bool spansZero() const { return low <= 0 && high >= 0; }
  double width() const { return high - low; }
};

/// A small, portable, seeded generator (SplitMix64): the same numbers on
/// every platform and standard library.
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state(seed) {}
  uint64_t next();
  /// Uniform in [0, n).
  unsigned below(unsigned n);

private:
  uint64_t state;
};

/// The percentile bootstrap interval of the mean of \p values at
/// \p confidence (0.95), with \p resamples resamples seeded by \p seed. With
/// one value the interval is that value; with none, n == 0.
Interval bootstrapMean(llvm::ArrayRef<double> values, uint64_t seed,
                       unsigned resamples = 2000, double confidence = 0.95);

/// The sample standard deviation (0 for fewer than two values).
double standardDeviation(llvm::ArrayRef<double> values);

/// Spearman's rank correlation of \p a and \p b (same length), ties ranked
/// by their average rank; std::nullopt for fewer than three pairs or a
/// constant side.
std::optional<double> spearman(llvm::ArrayRef<double> a,
                               llvm::ArrayRef<double> b);

/// A stable 64-bit hash of \p text (FNV-1a), to derive seeds from names.
uint64_t stableHash(llvm::StringRef text);

} // namespace abv::score

#endif // ABV_SCORE_STATISTICS_H
