//===- EmbeddedSources.h - Code read out of JSON strings ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Some sources reach ABV inside another document: AutoBe's histories.json
/// carries the TypeScript of tests and providers as JSON strings. The loader
/// gives each string a buffer of its own, named after the code's path, so
/// diagnostics read as that file's line and column; this map remembers
/// which JSON string literal each such buffer was decoded from, so that the
/// DiagnosticEngine can add a note at the very character of the JSON string
/// (escapes counted) that a diagnostic points at.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_EMBEDDEDSOURCES_H
#define ABV_BASIC_EMBEDDEDSOURCES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <string>
#include <vector>

namespace abv {

class EmbeddedSources {
public:
  /// Records that \p code (a buffer's text) is the decoded value of the
  /// JSON string literal \p literal (spelled with its quotes, in another
  /// buffer); \p description says which string it is, for the note.
  void add(llvm::StringRef code, llvm::StringRef literal,
           std::string description);

  /// Where \p loc, inside a recorded buffer, is spelled in its JSON string
  /// literal, and that string's description; an invalid location when
  /// \p loc is in no recorded buffer.
  llvm::SMLoc lookup(llvm::SMLoc loc, llvm::StringRef *description) const;

  /// The byte of \p literal (a JSON string literal with its quotes) that
  /// spells the byte at \p offset of its decoded value: escapes count as
  /// the bytes they decode to, a character escaped as `\uXXXX` (or a
  /// surrogate pair) is found at its backslash. The closing quote for an
  /// offset at or past the end.
  static const char *locateInLiteral(llvm::StringRef literal, size_t offset);

  size_t size() const { return entries.size(); }

private:
  struct Entry {
    llvm::StringRef code;
    llvm::StringRef literal;
    std::string description;
  };
  mutable std::vector<Entry> entries;
  mutable bool sorted = true;
};

} // namespace abv

#endif // ABV_BASIC_EMBEDDEDSOURCES_H
