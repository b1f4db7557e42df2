//===- ToolDriver.h - What the abv-* tools' main functions call -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Each tool's main() is one call into this library, so that the tools stay
/// small and everything they do is testable. Options shared by every tool:
///
///   --format=text|json|sarif      how diagnostics are rendered
///   --fail-on=error|warning|remark|never
///                                 the least severity that makes exit 1
///   -W<name|ID|group>, -Wno-<..>, -Werror, -Werror=<..>, -Wno-error=<..>,
///   -Wwarning=<..>, -Wremark=<..> change or silence diagnostics
///   --color=auto|always|never
///   -o <file>                     where the output goes (default stdout)
///   --list-diagnostics            print the diagnostic table
///   --list-passes                 print the pass registry
///   --verify-diagnostics          check the diagnostics against the
///                                 expected-* directives in the inputs'
///                                 comments and in *.expected files
///                                 (abv/Basic/VerifyDiagnostics.h)
///
/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or
/// unreadable input. With --verify-diagnostics: 0 when the diagnostics are
/// exactly the expected ones, 1 otherwise, 2 on a usage error.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_TOOL_TOOLDRIVER_H
#define ABV_TOOL_TOOLDRIVER_H

namespace abv {

/// abv-verify: loads a project and runs the default pipeline.
int runVerifyMain(int argc, char **argv);

/// abv-opt: loads a project, runs the named passes, prints the IR.
int runOptMain(int argc, char **argv);

/// abv-diff: loads a candidate and its reference, reports how they differ.
int runDiffMain(int argc, char **argv);

} // namespace abv

#endif // ABV_TOOL_TOOLDRIVER_H
