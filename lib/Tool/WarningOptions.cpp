//===- WarningOptions.cpp - The -W options of every ABV tool --------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Tool/WarningOptions.h"
#include "abv/Basic/DiagnosticEngine.h"

#include "llvm/Support/WithColor.h"

using namespace abv;
using namespace llvm;

WarningOptions::WarningOptions(cl::OptionCategory &category)
    : warnings("W", cl::Prefix,
               cl::desc("-W<name|ID> enable, -Wno-<name|ID> silence, -Werror, "
                        "-Werror=<name|ID>, -Wwarning=<..>, -Wremark=<..>"),
               cl::value_desc("option"), cl::cat(category)) {}

bool WarningOptions::apply(DiagnosticOptions &options,
                           StringRef toolName) const {
  for (const std::string &option : warnings)
    if (Error err = options.apply(option)) {
      WithColor::error(errs(), toolName)
          << "-W" << option << ": " << toString(std::move(err)) << '\n';
      return false;
    }
  return true;
}
