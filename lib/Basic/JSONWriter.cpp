//===- JSONWriter.cpp - Helpers of the one JSON writer --------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/JSONWriter.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <string>

using namespace llvm;

void abv::writeDecimal(json::OStream &out, double value, unsigned places) {
  if (!std::isfinite(value)) {
    out.value(nullptr);
    return;
  }
  std::string text;
  raw_string_ostream os(text);
  os << format("%.*f", int(places), value);
  os.flush();
  // Trailing zeros go, but one decimal stays: "1.000" -> "1.0".
  if (size_t dot = text.find('.'); dot != std::string::npos) {
    size_t last = text.find_last_not_of('0');
    text.erase(std::max(last, dot + 1) + 1);
  }
  if (text == "-0.0")
    text = "0.0";
  out.rawValue(text);
}
