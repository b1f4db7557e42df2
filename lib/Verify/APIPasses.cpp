//===- APIPasses.cpp - Registration of the API layer's passes -------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Verify/APIPasses.h"
#include "abv/Pass/Pass.h"

using namespace abv;

void abv::registerAPIPasses(PassRegistry &registry) {
  registry.add(createAPIStructurePass);
  registry.add(createAPIAutoBePass);
  registry.add(createAPIDesignPass);
  registry.add(createLinkDBAPIPass);
}
