//===- DBPasses.cpp - Registration of the DB layer's passes ---------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Verify/DBPasses.h"
#include "abv/Pass/Pass.h"

using namespace abv;

void abv::registerDBPasses(PassRegistry &registry) {
  registry.add(createDBNamesPass);
  registry.add(createDBTypesPass);
  registry.add(createDBModelsPass);
  registry.add(createDBRelationsPass);
  registry.add(createDBIndexesPass);
  registry.add(createDBDesignPass);
  registry.add(createDBSyncPass);
}
