//===- Printer.h - Textual dump of the IR ----------------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Prints the IR as indented text, one node per line, each followed by its
/// location `@file:line:col` so lit tests can pin locations with
/// CHECK-NEXT. Used by `abv-opt --print-ir`.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_PRINTER_H
#define ABV_IR_PRINTER_H

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace abv {

class Project;

/// Prints every layer of \p project to \p os.
void printProject(const Project &project, llvm::raw_ostream &os);

} // namespace abv

#endif // ABV_IR_PRINTER_H
