//===- LogicReport.h - One row per operation of the logic layer -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// `abv-verify --logic-report[=text|json]`: the one-screen answer to "why did
/// this project's logic lose points?". One row per operation of the
/// canonical API document: its provider (file:line, through the Binding),
/// the tests that call it, the tables its provider reads and writes (Prisma
/// client calls of the provider and of the functions it calls), whether the
/// provider compares the authenticated actor with a row's owner, whether it
/// is a placeholder (returns `typia.random<T>()`, throws `Error`, or has an
/// empty body), and how many findings fall inside the provider, the
/// operation's declaration or the SDK calls of it.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_ANALYSIS_LOGICREPORT_H
#define ABV_ANALYSIS_LOGICREPORT_H

#include "abv/Basic/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

namespace abv {

class AnalysisManager;
class Project;

/// Prints the report of \p project with \p diagnostics counted per row, as
/// a text table or (\p json) one JSON object.
void printLogicReport(const Project &project, AnalysisManager &analyses,
                      llvm::ArrayRef<Diagnostic> diagnostics,
                      llvm::raw_ostream &os, bool json);

} // namespace abv

#endif // ABV_ANALYSIS_LOGICREPORT_H
