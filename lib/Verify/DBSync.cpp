//===- DBSync.cpp - The db-sync pass ---------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks that AutoBe's prisma.json and the .prisma files describe the same schema.
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
struct DBSyncPass : PassInfoMixin<DBSyncPass> {
  static constexpr StringLiteral argument = "db-sync";
  static constexpr StringLiteral description = "Checks that AutoBe's prisma.json and the .prisma files describe the same schema.";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) override {
    (void)project;
    (void)analyses;
    (void)diags;
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBSyncPass() { return std::make_unique<DBSyncPass>(); }
