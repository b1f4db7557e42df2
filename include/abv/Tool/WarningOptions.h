//===- WarningOptions.h - The -W options of every ABV tool -----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// -W<name|ID|group>, -Wno-<..>, -Werror, -Werror=<..>, -Wno-error=<..>,
/// -Wwarning=<..>, -Wremark=<..>: one definition of the options that
/// silence or re-grade diagnostics, for every tool that takes them
/// (abv-verify, abv-opt, abv-diff, abv-score). They are applied in order to
/// a DiagnosticOptions (abv/Basic/DiagnosticEngine.h); later ones win.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_TOOL_WARNINGOPTIONS_H
#define ABV_TOOL_WARNINGOPTIONS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"

#include <string>

namespace abv {

class DiagnosticOptions;

class WarningOptions {
public:
  /// Registers -W in \p category. Construct it inside main, as every tool
  /// registers exactly its own options.
  explicit WarningOptions(llvm::cl::OptionCategory &category);

  /// Applies the options given, in order, to \p options; false (after an
  /// error naming the option, prefixed by \p toolName, on stderr) when one
  /// names no diagnostic or group.
  bool apply(DiagnosticOptions &options, llvm::StringRef toolName) const;

private:
  llvm::cl::list<std::string> warnings;
};

} // namespace abv

#endif // ABV_TOOL_WARNINGOPTIONS_H
