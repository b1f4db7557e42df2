//===- DBTypes.cpp - The db-types pass ---------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks field types: unknown types, native types, scalar lists, enums and defaults.
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
struct DBTypesPass : PassInfoMixin<DBTypesPass> {
  static constexpr StringLiteral argument = "db-types";
  static constexpr StringLiteral description = "Checks field types: unknown types, native types, scalar lists, enums and defaults.";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) override {
    (void)project;
    (void)analyses;
    (void)diags;
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBTypesPass() { return std::make_unique<DBTypesPass>(); }
