//===- Pass.cpp - Passes, the registry and the manager --------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Pass/Pass.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/IR/Verifier.h"

using namespace abv;
using namespace llvm;

Pass::~Pass() = default;

StringRef abv::getPassUnitName(PassUnit unit) {
  switch (unit) {
  case PassUnit::Schema:
    return "schema";
  case PassUnit::Document:
    return "document";
  case PassUnit::Project:
    return "project";
  }
  llvm_unreachable("unknown pass unit");
}

StringRef abv::getPassLayerName(PassLayer layer) {
  switch (layer) {
  case PassLayer::DB:
    return "db";
  case PassLayer::API:
    return "api";
  case PassLayer::Link:
    return "link";
  case PassLayer::Logic:
    return "logic";
  }
  llvm_unreachable("unknown pass layer");
}

void PassRegistry::add(StringRef argument, StringRef description,
                       Factory factory, PassUnit unit, PassLayer layer,
                       bool inDefaultPipeline) {
  Entry entry{argument.str(), description.str(), std::move(factory), unit,
              layer,          inDefaultPipeline};
  auto [it, inserted] = byName.try_emplace(argument, entries.size());
  if (!inserted) {
    entries[it->second] = std::move(entry);
    return;
  }
  entries.push_back(std::move(entry));
}

void PassRegistry::add(const Factory &factory, PassLayer layer,
                       bool inDefaultPipeline) {
  std::unique_ptr<Pass> probe = factory();
  add(probe->getArgument(), probe->getDescription(), factory, probe->getUnit(),
      layer, inDefaultPipeline);
}

void PassRegistry::add(std::unique_ptr<Pass> (*create)(), PassLayer layer,
                       bool inDefaultPipeline) {
  add(Factory(create), layer, inDefaultPipeline);
}

const PassRegistry::Entry *PassRegistry::lookup(StringRef argument) const {
  auto it = byName.find(argument);
  return it == byName.end() ? nullptr : &entries[it->second];
}

PassRegistry &PassRegistry::getGlobal() {
  static PassRegistry registry;
  return registry;
}

Error PassManager::addPipeline(StringRef pipeline) {
  SmallVector<StringRef, 8> names;
  pipeline.split(names, ',', -1, /*KeepEmpty=*/false);
  unsigned added = 0;
  for (StringRef name : names) {
    name = name.trim();
    if (name.empty())
      continue;
    const PassRegistry::Entry *entry = registry.lookup(name);
    if (!entry)
      return createStringError(inconvertibleErrorCode(),
                               "unknown pass '%s' (see --list-passes)",
                               name.str().c_str());
    addPass(entry->factory());
    ++added;
  }
  if (added == 0)
    return createStringError(inconvertibleErrorCode(),
                             "the pipeline '%s' names no pass (see "
                             "--list-passes)",
                             pipeline.str().c_str());
  return Error::success();
}

void PassManager::addDefaultPipeline() {
  for (const PassRegistry::Entry &entry : registry.getEntries())
    if (entry.inDefaultPipeline)
      addPass(entry.factory());
}

void PassManager::run(const Project &project, DiagnosticEngine &diags) {
  AnalysisManager analyses(project);
  analyses.setTiming(timing);
  if (verifyIR) {
    TimingRegion region(timing, TimingKind::Analysis, "IR verifier");
    if (!verifyProject(project, diags))
      return;
  }
  for (const std::unique_ptr<Pass> &pass : passes) {
    TimingRegion region(timing, TimingKind::Pass, pass->getArgument());
    pass->runOn(project, analyses, diags);
  }
}
