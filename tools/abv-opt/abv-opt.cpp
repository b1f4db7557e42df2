//===- abv-opt.cpp - Run any ABV pass pipeline and print the IR -----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// abv-opt is the developer's tool: it runs any pipeline of registered
/// passes (--passes=a,b), can verify the IR between passes, and prints the
/// IR with locations (--print-ir).
///
//===----------------------------------------------------------------------===//

#include "abv/Tool/ToolDriver.h"

int main(int argc, char **argv) { return abv::runOptMain(argc, argv); }
