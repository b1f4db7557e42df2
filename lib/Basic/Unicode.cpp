//===- Unicode.cpp - The one UTF-8 helper ---------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/Unicode.h"

#include "llvm/Support/ConvertUTF.h"

#include <cstring>

using namespace abv;
using namespace llvm;

std::optional<size_t> abv::findInvalidUTF8(StringRef text) {
  const auto *bytes = reinterpret_cast<const UTF8 *>(text.data());
  size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= size) {
      uint64_t chunk;
      std::memcpy(&chunk, bytes + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    unsigned length = getNumBytesForUTF8(bytes[i]);
    // isLegalUTF8Sequence rejects overlong forms, surrogates and values
    // past U+10FFFF; 5- and 6-byte forms are never legal.
    if (length > 4 || i + length > size ||
        !isLegalUTF8Sequence(bytes + i, bytes + i + length))
      return i;
    i += length;
  }
  return std::nullopt;
}

unsigned abv::countColumns(StringRef text, ColumnUnit unit) {
  unsigned columns = 0;
  for (char byte : text) {
    unsigned char c = static_cast<unsigned char>(byte);
    if ((c & 0xC0) == 0x80)
      continue;
    columns += unit == ColumnUnit::UTF16 && c >= 0xF0 ? 2 : 1;
  }
  return columns;
}

size_t abv::advanceColumns(StringRef text, unsigned columns, ColumnUnit unit) {
  size_t i = 0, e = text.size();
  while (i != e && columns != 0) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned width = unit == ColumnUnit::UTF16 && c >= 0xF0 ? 2 : 1;
    // A position inside a surrogate pair lands after the code point.
    columns = columns > width ? columns - width : 0;
    ++i;
    while (i != e && isUTF8Continuation(text[i]))
      ++i;
  }
  return i;
}

StringRef abv::truncateUTF8(StringRef text, size_t maxBytes) {
  if (text.size() <= maxBytes)
    return text;
  size_t cut = maxBytes;
  while (cut != 0 && isUTF8Continuation(text[cut]))
    --cut;
  return text.take_front(cut);
}

void abv::appendUTF8(uint32_t codePoint, std::string &out) {
  char buffer[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
  char *end = buffer;
  if (codePoint > UNI_MAX_LEGAL_UTF32 ||
      (codePoint >= 0xD800 && codePoint <= 0xDFFF))
    codePoint = UNI_REPLACEMENT_CHAR;
  if (!ConvertCodePointToUTF8(codePoint, end))
    return;
  out.append(buffer, end);
}

std::optional<uint32_t> abv::decodeUTF8(StringRef text, unsigned &length) {
  length = 1;
  if (text.empty())
    return std::nullopt;
  const auto *begin = reinterpret_cast<const UTF8 *>(text.data());
  unsigned size = getNumBytesForUTF8(*begin);
  if (size > 4 || size > text.size() ||
      !isLegalUTF8Sequence(begin, begin + size))
    return std::nullopt;
  UTF32 codePoint;
  const UTF8 *cursor = begin;
  if (convertUTF8Sequence(&cursor, begin + size, &codePoint,
                          strictConversion) != conversionOK)
    return std::nullopt;
  length = size;
  return codePoint;
}
