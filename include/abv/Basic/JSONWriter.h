//===- JSONWriter.h - Helpers of the one JSON writer ------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every JSON ABV writes (diagnostics, SARIF, coverage, the diff's figures
/// and mappings) goes through one streaming writer, llvm::json::OStream, so
/// memory does not grow with the output and strings are escaped one way.
/// This header adds what OStream lacks.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_JSONWRITER_H
#define ABV_BASIC_JSONWRITER_H

#include "llvm/Support/JSON.h"

namespace abv {

/// Writes \p value rounded to \p places decimals in its shortest form with at
/// least one decimal ("1.0", "0.83", "0.829"); OStream alone would print a
/// double with 17 significant digits (0.82899999999999996). A value that is
/// not finite is written as null.
void writeDecimal(llvm::json::OStream &out, double value, unsigned places);

} // namespace abv

#endif // ABV_BASIC_JSONWRITER_H
