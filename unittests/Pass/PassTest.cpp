//===- PassTest.cpp - Tests of the pass registry, manager and analyses ----===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Pass/Pass.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Verify/Passes.h"

#include "gtest/gtest.h"

using namespace abv;
using namespace llvm;

namespace {

struct CountingAnalysis {
  static char ID;
  static int constructed;
  CountingAnalysis(const Project &, AnalysisManager &) { ++constructed; }
};
char CountingAnalysis::ID = 0;
int CountingAnalysis::constructed = 0;

std::vector<std::string> trace;

struct PassA : PassInfoMixin<PassA> {
  static constexpr StringLiteral argument = "test-a";
  static constexpr StringLiteral description = "first";
  void run(const Project &, AnalysisManager &am, DiagnosticEngine &) override {
    am.getAnalysis<CountingAnalysis>();
    trace.push_back("a");
  }
};
struct PassB : PassInfoMixin<PassB> {
  static constexpr StringLiteral argument = "test-b";
  static constexpr StringLiteral description = "second";
  void run(const Project &, AnalysisManager &am, DiagnosticEngine &) override {
    am.getAnalysis<CountingAnalysis>();
    trace.push_back("b");
  }
};

TEST(PassManager, RunsPipelinesInOrderAndCachesAnalyses) {
  PassRegistry registry;
  registry.add<PassA>();
  registry.add<PassB>(/*inDefaultPipeline=*/false);
  Project project;
  DiagnosticEngine diags(project.getSourceMgr());

  trace.clear();
  CountingAnalysis::constructed = 0;
  PassManager pm(registry);
  ASSERT_FALSE(bool(pm.addPipeline("test-b, test-a,test-b")));
  pm.run(project, diags);
  EXPECT_EQ(trace, (std::vector<std::string>{"b", "a", "b"}));
  EXPECT_EQ(CountingAnalysis::constructed, 1);

  trace.clear();
  PassManager defaults(registry);
  defaults.addDefaultPipeline();
  defaults.run(project, diags);
  EXPECT_EQ(trace, (std::vector<std::string>{"a"}));

  PassManager bad(registry);
  Error err = bad.addPipeline("test-a,nope");
  ASSERT_TRUE(bool(err));
  EXPECT_NE(toString(std::move(err)).find("nope"), std::string::npos);
}

TEST(PassRegistry, PassesAreRegisteredWithUniqueNames) {
  PassRegistry registry;
  registerAllPasses(registry);
  EXPECT_GE(registry.getEntries().size(), 11u);
  for (const auto &entry : registry.getEntries()) {
    StringRef argument = entry.argument;
    EXPECT_TRUE(argument.starts_with("db-") || argument.starts_with("api-") ||
                argument.starts_with("link-"))
        << argument.str();
    EXPECT_FALSE(entry.description.empty());
    EXPECT_EQ(registry.lookup(entry.argument), &entry);
    EXPECT_EQ(entry.factory()->getArgument(), entry.argument);
  }
}

} // namespace
