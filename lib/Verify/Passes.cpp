//===- Passes.cpp - Registers every verification pass ---------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Verify/Passes.h"
#include "abv/Pass/Pass.h"

using namespace abv;

void abv::registerAllPasses(PassRegistry &registry) {
#define PASS(Argument, Create, Unit, Layer)                                    \
  registry.add(Create, PassLayer::Layer);
#include "abv/Verify/Passes.def"
}
