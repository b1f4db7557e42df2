//===- DBNames.cpp - The db-names pass ---------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks names: duplicates, reserved words, identifiers, length limits and naming conventions.
///
//===----------------------------------------------------------------------===//

#include "abv/Diag/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/DBAnalysis.h"
#include "abv/Verify/DBPasses.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {
struct DBNamesPass : PassInfoMixin<DBNamesPass> {
  static constexpr StringLiteral argument = "db-names";
  static constexpr StringLiteral description = "Checks names: duplicates, reserved words, identifiers, length limits and naming conventions.";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) override {
    (void)project;
    (void)analyses;
    (void)diags;
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBNamesPass() { return std::make_unique<DBNamesPass>(); }
