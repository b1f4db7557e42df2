//===- Passes.h - Every verification pass ----------------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The factories of the passes listed in Passes.def, and the function that
/// registers them all.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_VERIFY_PASSES_H
#define ABV_VERIFY_PASSES_H

#include <memory>

namespace abv {

class Pass;
class PassRegistry;

#define PASS(Argument, Create, Unit, Layer) std::unique_ptr<Pass> Create();
#include "abv/Verify/Passes.def"

/// Registers every pass of Passes.def, in its order, in \p registry.
void registerAllPasses(PassRegistry &registry);

} // namespace abv

#endif // ABV_VERIFY_PASSES_H
