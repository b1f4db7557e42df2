//===- ScoreDriver.h - The abv-score command line --------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// abv-score's main: options, discovery of the runs of a batch, scoring in
/// parallel (deterministic whatever the thread count), shards and merging,
/// and the outputs (docs/Rubric.md).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_SCORE_SCOREDRIVER_H
#define ABV_SCORE_SCOREDRIVER_H

namespace abv {

/// abv-score: scores one run or a batch of runs against the rubric.
int runScoreMain(int argc, char **argv);

} // namespace abv

#endif // ABV_SCORE_SCOREDRIVER_H
