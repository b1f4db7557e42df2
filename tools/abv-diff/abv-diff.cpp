//===- abv-diff.cpp - Compare a generated backend with its reference ------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// abv-diff aligns a candidate project with its reference (a golden spec or
/// another project) and reports what is missing, extra or changed, with
/// precision, recall and F1 per dimension (docs/Diff.md).
///
//===----------------------------------------------------------------------===//

#include "abv/Tool/ToolDriver.h"

int main(int argc, char **argv) { return abv::runDiffMain(argc, argv); }
