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

struct PassA : ProjectPass<PassA> {
  static constexpr StringLiteral argument = "test-a";
  static constexpr StringLiteral description = "first";
  void run(const Project &, AnalysisManager &am, DiagnosticEngine &) {
    am.getAnalysis<CountingAnalysis>();
    trace.push_back("a");
  }
};
struct PassB : ProjectPass<PassB> {
  static constexpr StringLiteral argument = "test-b";
  static constexpr StringLiteral description = "second";
  void run(const Project &, AnalysisManager &am, DiagnosticEngine &) {
    am.getAnalysis<CountingAnalysis>();
    trace.push_back("b");
  }
};

TEST(PassManager, RunsPipelinesInOrderAndCachesAnalyses) {
  PassRegistry registry;
  registry.add<PassA>(PassLayer::DB);
  registry.add<PassB>(PassLayer::DB, /*inDefaultPipeline=*/false);
  Project project;
  DiagnosticEngine diags(project.getSourceManager());

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

  // A pipeline that names no pass is an error, not an empty run.
  PassManager empty(registry);
  Error none = empty.addPipeline(",, ,");
  ASSERT_TRUE(bool(none));
  EXPECT_NE(toString(std::move(none)).find("names no pass"), std::string::npos);
}

TEST(PassManager, TimesPassesAndTheAnalysesTheyCompute) {
  PassRegistry registry;
  registry.add<PassA>(PassLayer::DB);
  registry.add<PassB>(PassLayer::DB);
  Project project;
  DiagnosticEngine diags(project.getSourceManager());
  Timing timing;
  PassManager pm(registry);
  pm.setTiming(&timing);
  pm.setVerifyIR(true);
  pm.addDefaultPipeline();
  pm.run(project, diags);
  for (StringRef pass : {"test-a", "test-b"}) {
    const Timer *timer = timing.lookup(TimingKind::Pass, pass);
    ASSERT_NE(timer, nullptr) << pass.str();
    EXPECT_TRUE(timer->hasTriggered());
  }
  // The analysis has a row of its own, named without its namespace.
  EXPECT_NE(timing.lookup(TimingKind::Analysis, "CountingAnalysis"), nullptr);
  EXPECT_NE(timing.lookup(TimingKind::Analysis, "IR verifier"), nullptr);

  // Without a Timing nothing is timed.
  Timing untouched;
  PassManager quiet(registry);
  quiet.addDefaultPipeline();
  quiet.run(project, diags);
  EXPECT_EQ(untouched.lookup(TimingKind::Pass, "test-a"), nullptr);
}

/// Every row of Passes.def: the pass it creates has the row's argument and
/// unit, and the registry keeps the row's layer.
TEST(PassRegistry, PassesMatchTheirRowOfPassesDef) {
  PassRegistry registry;
  registerAllPasses(registry);
  unsigned rows = 0;
#define PASS(Argument, Create, Unit, Layer)                                    \
  {                                                                            \
    ++rows;                                                                    \
    const PassRegistry::Entry *entry = registry.lookup(Argument);              \
    ASSERT_NE(entry, nullptr) << Argument;                                     \
    EXPECT_EQ(Create()->getArgument(), Argument);                              \
    EXPECT_EQ(Create()->getUnit(), PassUnit::Unit) << Argument;                \
    EXPECT_EQ(entry->unit, PassUnit::Unit) << Argument;                        \
    EXPECT_EQ(entry->layer, PassLayer::Layer) << Argument;                     \
  }
#include "abv/Verify/Passes.def"
  EXPECT_EQ(registry.getEntries().size(), rows);
}

TEST(PassRegistry, PassesAreRegisteredWithUniqueNames) {
  PassRegistry registry;
  registerAllPasses(registry);
  EXPECT_GE(registry.getEntries().size(), 11u);
  for (const auto &entry : registry.getEntries()) {
    StringRef argument = entry.argument;
    EXPECT_TRUE(argument.starts_with("db-") || argument.starts_with("api-") ||
                argument.starts_with("link-") ||
                argument.starts_with("logic-") || argument == "resolve")
        << argument.str();
    EXPECT_FALSE(entry.description.empty());
    EXPECT_EQ(registry.lookup(entry.argument), &entry);
    EXPECT_EQ(entry.factory()->getArgument(), entry.argument);
  }
}

} // namespace
