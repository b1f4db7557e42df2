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

void PassRegistry::add(StringRef argument, StringRef description,
                       Factory factory, bool inDefaultPipeline) {
  auto [it, inserted] = byName.try_emplace(argument, entries.size());
  if (!inserted) {
    entries[it->second] = {argument.str(), description.str(),
                           std::move(factory), inDefaultPipeline};
    return;
  }
  entries.push_back({argument.str(), description.str(), std::move(factory),
                     inDefaultPipeline});
}

void PassRegistry::add(std::unique_ptr<Pass> (*create)(),
                       bool inDefaultPipeline) {
  std::unique_ptr<Pass> probe = create();
  add(probe->getArgument(), probe->getDescription(), create, inDefaultPipeline);
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
  }
  return Error::success();
}

void PassManager::addDefaultPipeline() {
  for (const PassRegistry::Entry &entry : registry.getEntries())
    if (entry.inDefaultPipeline)
      addPass(entry.factory());
}

void PassManager::run(const Project &project, DiagnosticEngine &diags) {
  AnalysisManager analyses(project);
  if (verifyEach && !verifyProject(project, diags))
    return;
  for (const std::unique_ptr<Pass> &pass : passes) {
    pass->run(project, analyses, diags);
    if (verifyEach && !verifyProject(project, diags))
      return;
  }
}
