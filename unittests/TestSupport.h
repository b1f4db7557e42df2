//===- TestSupport.h - Helpers shared by ABV's unit tests ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Locating test input text: the tests check that IR nodes and diagnostics
/// point at exact bytes of an input they hold as a string. Also the shared
/// range comparison and the diagnostic digests the frontend tests compare.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_UNITTESTS_TESTSUPPORT_H
#define ABV_UNITTESTS_TESTSUPPORT_H

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceFiles.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SMLoc.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

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

/// The object (brace to brace) that starts at the \p nth occurrence of
/// \p needle, which must begin with '{'. Test inputs have no braces inside
/// strings.
inline llvm::SMRange findObjectAt(const char *text, llvm::StringRef needle,
                                  unsigned nth = 0) {
  const char *open = findRange(text, needle, nth).Start.getPointer();
  if (!open)
    return llvm::SMRange();
  const char *close = open;
  for (int depth = 0;; ++close) {
    if (*close == '{')
      ++depth;
    if (*close == '}' && --depth == 0)
      break;
  }
  return llvm::SMRange(llvm::SMLoc::getFromPointer(open),
                       llvm::SMLoc::getFromPointer(close + 1));
}

/// The innermost object (brace to brace) around the \p nth occurrence of
/// \p needle. Test inputs have no braces inside strings.
inline llvm::SMRange findObjectAround(const char *text, llvm::StringRef needle,
                                      unsigned nth = 0) {
  const char *open = findRange(text, needle, nth).Start.getPointer();
  if (!open)
    return llvm::SMRange();
  for (int depth = 0;; --open) {
    if (*open == '}')
      ++depth;
    if (*open == '{' && depth-- == 0)
      break;
  }
  return findObjectAt(open, "{");
}

/// Expects \p actual to be exactly \p expected.
inline void expectRange(llvm::SMRange actual, llvm::SMRange expected,
                        const char *what) {
  EXPECT_EQ(actual.Start.getPointer(), expected.Start.getPointer()) << what;
  EXPECT_EQ(actual.End.getPointer(), expected.End.getPointer()) << what;
}

/// The IDs of the diagnostics of \p diags, in order.
inline std::vector<std::string> diagnosticCodes(const DiagnosticEngine &diags) {
  std::vector<std::string> result;
  for (const Diagnostic &d : diags.getDiagnostics())
    result.push_back(d.getInfo().code.str());
  return result;
}

/// "ID line:col: message" for every diagnostic of \p diags, in order.
inline std::vector<std::string>
diagnosticSummary(const SourceManager &sourceMgr,
                  const DiagnosticEngine &diags) {
  std::vector<std::string> result;
  for (const Diagnostic &d : diags.getDiagnostics()) {
    LineColumn lc = sourceMgr.getLineColumn(d.range.Start);
    result.push_back(d.getInfo().code.str() + " " + std::to_string(lc.line) +
                     ":" + std::to_string(lc.column) + ": " + d.message);
  }
  return result;
}

/// A frontend test's input: one named buffer, the engine its diagnostics
/// go to, and lookups into its text. Fixtures derive from it and parse.
struct LoadedText {
  SourceManager sourceMgr;
  DiagnosticEngine diags{sourceMgr};
  const char *text = nullptr;

  /// Adds \p input as the buffer \p name; returns its ID.
  unsigned add(llvm::StringRef input, llvm::StringRef name) {
    unsigned id =
        sourceMgr.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(input, name));
    text = sourceMgr.getBuffer(id)->getBufferStart();
    return id;
  }
  /// The range of the \p nth occurrence of \p needle.
  llvm::SMRange find(llvm::StringRef needle, unsigned nth = 0) const {
    return findRange(text, needle, nth);
  }
  std::vector<std::string> summary() const {
    return diagnosticSummary(sourceMgr, diags);
  }
  std::string firstDiag() const {
    std::vector<std::string> all = summary();
    return all.empty() ? "" : all.front();
  }
};

} // namespace abv::test

#endif // ABV_UNITTESTS_TESTSUPPORT_H
