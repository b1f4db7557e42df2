//===- LogicLowering.h - TypeScript syntax trees to the logic IR -*- C++
//-*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Lowers a project's TypeScript syntax trees (Project::tsFiles) into the
/// logic IR (abv/IR/Logic.h): one logic::Function per provider, authorizer,
/// collector, transformer and test function, and one logic::Route per
/// controller method that routes to a provider.
///
/// What a file holds is told by its folder (`providers/`,
/// `providers/authorize/`, `collectors/`, `transformers/`, `controllers/`,
/// `test/features/`, `test/`), so loose files named on the command line are
/// classified the same way when their paths say so.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_LOGIC_LOGICLOWERING_H
#define ABV_FRONTEND_LOGIC_LOGICLOWERING_H

#include "abv/IR/Logic.h"

#include "llvm/ADT/ArrayRef.h"

#include <memory>

namespace abv {

namespace ts {
class SourceFile;
} // namespace ts

/// Lowers \p files into a new logic module. The module points into the
/// files' buffers (names, ranges), not into their syntax trees.
std::unique_ptr<logic::Module>
lowerLogic(llvm::ArrayRef<std::shared_ptr<ts::SourceFile>> files);

/// Lowers one file into \p module.
void lowerLogicFile(const ts::SourceFile &file, logic::Module &module);

} // namespace abv

#endif // ABV_FRONTEND_LOGIC_LOGICLOWERING_H
