//===- Project.cpp - A generated project lowered into the IR --------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/IR/Project.h"
#include "abv/IR/Logic.h"

using namespace abv;

Project::Project()
    : ownedSources(std::make_unique<SourceManager>()),
      sources(ownedSources.get()) {}

Project::Project(SourceManager &sources) : sources(&sources) {}

// The IR points into the sources: destroy it first.
Project::~Project() {
  prismaSchema.reset();
  autobeSchema.reset();
  openapiDocument.reset();
  autobeDocument.reset();
}
