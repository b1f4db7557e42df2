//===- DBRelations.cpp - The db-relations pass ---------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks relations: targets, fields and references, arity, uniqueness, back-relations, cycles.
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
struct DBRelationsPass : PassInfoMixin<DBRelationsPass> {
  static constexpr StringLiteral argument = "db-relations";
  static constexpr StringLiteral description = "Checks relations: targets, fields and references, arity, uniqueness, back-relations, cycles.";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) override {
    (void)project;
    (void)analyses;
    (void)diags;
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBRelationsPass() { return std::make_unique<DBRelationsPass>(); }
