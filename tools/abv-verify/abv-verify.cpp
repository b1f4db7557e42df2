//===- abv-verify.cpp - Verify a generated backend project ----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// abv-verify loads every artifact of a project, runs the verification
/// pipeline and prints located diagnostics (text, JSON or SARIF).
///
//===----------------------------------------------------------------------===//

#include "abv/Tool/ToolDriver.h"

int main(int argc, char **argv) { return abv::runVerifyMain(argc, argv); }
