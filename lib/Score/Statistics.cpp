//===- Statistics.cpp - Which differences between models are real ---------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Score/Statistics.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace abv::score;
using namespace llvm;

uint64_t SplitMix64::next() {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

unsigned SplitMix64::below(unsigned n) {
  // Multiply-shift: unbiased enough for n far below 2^32.
  return unsigned((next() >> 32) * n >> 32);
}

uint64_t abv::score::stableHash(StringRef text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

static double mean(ArrayRef<double> values) {
  return values.empty() ? 0
                        : std::accumulate(values.begin(), values.end(), 0.0) /
                              values.size();
}

/// The \p q quantile of sorted \p sorted, linearly interpolated.
static double quantile(ArrayRef<double> sorted, double q) {
  if (sorted.empty())
    return 0;
  double at = q * (sorted.size() - 1);
  size_t below = size_t(std::floor(at));
  size_t above = std::min(below + 1, sorted.size() - 1);
  double frac = at - below;
  return sorted[below] * (1 - frac) + sorted[above] * frac;
}

Interval abv::score::bootstrapMean(ArrayRef<double> values, uint64_t seed,
                                   unsigned resamples, double confidence) {
  Interval interval;
  interval.n = values.size();
  if (values.empty())
    return interval;
  interval.mean = mean(values);
  interval.low = interval.high = interval.mean;
  if (values.size() < 2 || resamples == 0)
    return interval;
  SplitMix64 rng(seed);
  std::vector<double> means(resamples);
  for (double &m : means) {
    double sum = 0;
    for (size_t i = 0; i < values.size(); ++i)
      sum += values[rng.below(values.size())];
    m = sum / values.size();
  }
  llvm::sort(means);
  double alpha = (1 - confidence) / 2;
  interval.low = quantile(means, alpha);
  interval.high = quantile(means, 1 - alpha);
  return interval;
}

double abv::score::standardDeviation(ArrayRef<double> values) {
  if (values.size() < 2)
    return 0;
  double m = mean(values), sum = 0;
  for (double v : values)
    sum += (v - m) * (v - m);
  return std::sqrt(sum / (values.size() - 1));
}

/// Ranks of \p values, 1-based, ties given their average rank.
static std::vector<double> ranks(ArrayRef<double> values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  llvm::stable_sort(order,
                    [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> result(values.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
      ++j;
    double rank = (i + j) / 2.0 + 1;
    for (size_t k = i; k <= j; ++k)
      result[order[k]] = rank;
    i = j + 1;
  }
  return result;
}

std::optional<double> abv::score::spearman(ArrayRef<double> a,
                                           ArrayRef<double> b) {
  if (a.size() != b.size() || a.size() < 3)
    return std::nullopt;
  std::vector<double> ra = ranks(a), rb = ranks(b);
  double ma = mean(ra), mb = mean(rb), cov = 0, va = 0, vb = 0;
  for (size_t i = 0; i < ra.size(); ++i) {
    cov += (ra[i] - ma) * (rb[i] - mb);
    va += (ra[i] - ma) * (ra[i] - ma);
    vb += (rb[i] - mb) * (rb[i] - mb);
  }
  if (va == 0 || vb == 0)
    return std::nullopt;
  return cov / std::sqrt(va * vb);
}
