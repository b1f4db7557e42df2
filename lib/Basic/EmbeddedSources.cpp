//===- EmbeddedSources.cpp - Code read out of JSON strings ----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/EmbeddedSources.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

using namespace abv;
using namespace llvm;

void EmbeddedSources::add(StringRef code, StringRef literal,
                          std::string description) {
  if (!entries.empty() && entries.back().code.begin() > code.begin())
    sorted = false;
  entries.push_back({code, literal, std::move(description)});
}

/// The code point of the four hex digits at \p text, or -1.
static int readHex4(StringRef text) {
  if (text.size() < 4)
    return -1;
  unsigned value = 0;
  for (char c : text.take_front(4)) {
    unsigned digit = hexDigitValue(c);
    if (digit == ~0U)
      return -1;
    value = value * 16 + digit;
  }
  return int(value);
}

/// How many bytes of UTF-8 code point \p cp takes.
static size_t utf8Length(unsigned cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

const char *EmbeddedSources::locateInLiteral(StringRef literal, size_t offset) {
  if (literal.size() < 2)
    return literal.begin();
  StringRef body = literal.drop_front().drop_back();
  size_t decoded = 0;
  size_t i = 0;
  while (i < body.size()) {
    size_t rawLength = 1, decodedLength = 1;
    if (body[i] == '\\' && i + 1 < body.size()) {
      rawLength = 2;
      if (body[i + 1] == 'u') {
        int cp = readHex4(body.substr(i + 2));
        if (cp >= 0) {
          rawLength = 6;
          decodedLength = utf8Length(unsigned(cp));
          // A surrogate pair is one character of four bytes.
          if (cp >= 0xD800 && cp < 0xDC00 &&
              body.substr(i + 6).starts_with("\\u")) {
            int low = readHex4(body.substr(i + 8));
            if (low >= 0xDC00 && low < 0xE000) {
              rawLength = 12;
              decodedLength = 4;
            }
          }
        }
      }
    }
    if (offset < decoded + decodedLength)
      return body.begin() + i;
    decoded += decodedLength;
    i += rawLength;
  }
  return body.end();
}

SMLoc EmbeddedSources::lookup(SMLoc loc, StringRef *description) const {
  if (entries.empty() || !loc.isValid())
    return SMLoc();
  if (!sorted) {
    llvm::sort(entries, [](const Entry &a, const Entry &b) {
      return a.code.begin() < b.code.begin();
    });
    sorted = true;
  }
  const char *ptr = loc.getPointer();
  auto it = llvm::upper_bound(entries, ptr, [](const char *p, const Entry &e) {
    return p < e.code.begin();
  });
  if (it == entries.begin())
    return SMLoc();
  const Entry &entry = *std::prev(it);
  // The end of the code is a location too (a missing '}' at the end).
  if (ptr > entry.code.end())
    return SMLoc();
  if (description)
    *description = entry.description;
  return SMLoc::getFromPointer(
      locateInLiteral(entry.literal, size_t(ptr - entry.code.begin())));
}
