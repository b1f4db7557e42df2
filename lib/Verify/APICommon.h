//===- APICommon.h - Helpers the API passes share --------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Small helpers private to the API passes: exact ranges inside a path or a
/// name, DTO name variants, and the child types of a type node.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_VERIFY_APICOMMON_H
#define ABV_LIB_VERIFY_APICOMMON_H

#include "abv/IR/API.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

namespace abv::api {

/// The source range of the characters [offset, offset + size) of an
/// identifier's decoded text, when its source spelling is the text itself or
/// the text in quotes (no escapes); otherwise the whole identifier.
inline llvm::SMRange getSubRange(const Ident &ident, size_t offset,
                                 size_t size) {
  if (!ident.range.isValid())
    return ident.range;
  const char *begin = ident.range.Start.getPointer();
  const char *end = ident.range.End.getPointer();
  llvm::StringRef spelled(begin, end - begin);
  size_t skip;
  if (spelled == ident.name)
    skip = 0;
  else if (spelled.size() == ident.name.size() + 2 && spelled.front() == '"' &&
           spelled.back() == '"' &&
           spelled.substr(1, ident.name.size()) == ident.name)
    skip = 1;
  else
    return ident.range;
  return llvm::SMRange(
      llvm::SMLoc::getFromPointer(begin + skip + offset),
      llvm::SMLoc::getFromPointer(begin + skip + offset + size));
}

/// The last segment of a DTO name: `ICreate` for `IArticle.ICreate`, "" for
/// a base DTO (`IArticle`).
inline llvm::StringRef getVariant(llvm::StringRef typeName) {
  size_t dot = typeName.rfind('.');
  return dot == llvm::StringRef::npos ? llvm::StringRef()
                                      : typeName.substr(dot + 1);
}

/// Calls \p fn with each direct child of \p type: its property types, its
/// additional properties, its items, its variants (any may be null).
template <typename Fn> void forEachChildType(const Type &type, Fn fn) {
  for (const Property &property : type.properties)
    fn(property.type);
  fn(type.additionalProperties);
  fn(type.items);
  for (const Type *variant : type.variants)
    fn(variant);
}

} // namespace abv::api

#endif // ABV_LIB_VERIFY_APICOMMON_H
