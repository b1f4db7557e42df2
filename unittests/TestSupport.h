//===- TestSupport.h - Helpers shared by ABV's unit tests ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Locating test input text: the tests check that IR nodes and diagnostics
/// point at exact bytes of an input they hold as a string.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_UNITTESTS_TESTSUPPORT_H
#define ABV_UNITTESTS_TESTSUPPORT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include "gtest/gtest.h"

namespace abv::test {

/// The half-open range of the \p nth (0-based) occurrence of \p needle in
/// the NUL-terminated \p text; an invalid range (and a test failure) when
/// there is none.
inline llvm::SMRange findRange(const char *text, llvm::StringRef needle,
                               unsigned nth = 0) {
  llvm::StringRef all(text);
  size_t at = all.find(needle);
  for (unsigned i = 0; i < nth && at != llvm::StringRef::npos; ++i)
    at = all.find(needle, at + 1);
  EXPECT_NE(at, llvm::StringRef::npos) << needle.str();
  if (at == llvm::StringRef::npos)
    return llvm::SMRange();
  return llvm::SMRange(llvm::SMLoc::getFromPointer(text + at),
                       llvm::SMLoc::getFromPointer(text + at + needle.size()));
}

} // namespace abv::test

#endif // ABV_UNITTESTS_TESTSUPPORT_H
