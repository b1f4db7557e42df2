//===- abv-score.cpp - Score generated backends against a rubric ----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// abv-score scores a generated backend, or a batch of runs, with a rubric
/// whose every deduction names the diagnostic it comes from, and says which
/// differences between models the data supports (docs/Rubric.md).
///
//===----------------------------------------------------------------------===//

#include "abv/Score/ScoreDriver.h"

int main(int argc, char **argv) { return abv::runScoreMain(argc, argv); }
