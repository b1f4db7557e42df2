//===- Unicode.h - The one UTF-8 helper ------------------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every UTF-8 question ABV asks, answered in one place on top of
/// llvm/Support/ConvertUTF.h: validation, code-point boundaries, column
/// counts in code points (ABV's diagnostics) or UTF-16 code units (what an
/// editor speaks over LSP), and encoding a code point.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_UNICODE_H
#define ABV_BASIC_UNICODE_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace abv {

/// What a column counts.
enum class ColumnUnit : unsigned char {
  CodePoint, ///< Unicode code points (ABV's text, JSON and SARIF output).
  UTF16      ///< UTF-16 code units (LSP's default position encoding).
};

/// Whether \p c continues a UTF-8 sequence (10xxxxxx).
inline bool isUTF8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The offset of the first invalid UTF-8 byte in \p text (overlong forms,
/// surrogates, values past U+10FFFF and truncated sequences are invalid), or
/// std::nullopt when \p text is valid UTF-8.
std::optional<size_t> findInvalidUTF8(llvm::StringRef text);

/// How many columns of \p unit the (valid UTF-8) \p text spans: one per
/// code point, or two for a code point past U+FFFF in UTF-16.
unsigned countColumns(llvm::StringRef text, ColumnUnit unit);

/// The byte offset in \p text after \p columns columns of \p unit, or
/// text.size() when \p text is shorter.
size_t advanceColumns(llvm::StringRef text, unsigned columns, ColumnUnit unit);

/// The largest prefix of \p text no longer than \p maxBytes that ends on a
/// code-point boundary.
llvm::StringRef truncateUTF8(llvm::StringRef text, size_t maxBytes);

/// Appends the UTF-8 encoding of \p codePoint (U+FFFD for an invalid one).
void appendUTF8(uint32_t codePoint, std::string &out);

/// Decodes the code point \p text starts with; sets \p length to its size
/// in bytes. Returns std::nullopt (length 1) on an invalid sequence.
std::optional<uint32_t> decodeUTF8(llvm::StringRef text, unsigned &length);

} // namespace abv

#endif // ABV_BASIC_UNICODE_H
