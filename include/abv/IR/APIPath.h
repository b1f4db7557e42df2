//===- APIPath.h - Path templates and spelled sub-ranges -------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Path templates of the API IR (`/articles/{articleId}`): their
/// parameters, segments and router shape, and exact ranges inside a spelled
/// name or path.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_APIPATH_H
#define ABV_IR_APIPATH_H

#include "abv/IR/API.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <string>

namespace abv::api {

/// One `{name}` of a path template: the name and its offset in the path.
struct TemplateParam {
  llvm::StringRef name;
  size_t offset; ///< Of the `{`.
};

/// The `{name}` parameters of \p path, in order. Unbalanced braces end the
/// scan (they are the frontend's concern).
inline llvm::SmallVector<TemplateParam, 4>
getTemplateParams(llvm::StringRef path) {
  llvm::SmallVector<TemplateParam, 4> result;
  size_t at = 0;
  while ((at = path.find('{', at)) != llvm::StringRef::npos) {
    size_t close = path.find('}', at);
    if (close == llvm::StringRef::npos)
      break;
    result.push_back({path.slice(at + 1, close), at});
    at = close + 1;
  }
  return result;
}

/// \p path with every `{name}` replaced by `{}`: the shape a router
/// matches (`/articles/{articleId}` -> `/articles/{}`).
inline std::string normalizePath(llvm::StringRef path) {
  std::string result;
  result.reserve(path.size());
  size_t at = 0;
  for (const TemplateParam &param : getTemplateParams(path)) {
    result += path.slice(at, param.offset + 1);
    result += '}';
    at = param.offset + param.name.size() + 2;
  }
  result += path.substr(at);
  return result;
}

/// normalizePath without a trailing '/': the key the operations on one
/// resource share (`/posts/` and `/posts/{id}/..` both start from `/posts`).
inline std::string getResourceKey(llvm::StringRef path) {
  std::string result = normalizePath(path);
  while (result.size() > 1 && result.back() == '/')
    result.pop_back();
  return result;
}

/// One literal or parameter segment of a path and its offset in the path.
struct Segment {
  llvm::StringRef text;
  size_t offset;
  bool isParam() const { return text.starts_with("{"); }
};

/// The non-empty segments of \p path, in order.
inline llvm::SmallVector<Segment, 8> getSegments(llvm::StringRef path) {
  llvm::SmallVector<Segment, 8> segments;
  size_t at = 0;
  while (at < path.size()) {
    if (path[at] == '/') {
      ++at;
      continue;
    }
    size_t end = path.find('/', at);
    if (end == llvm::StringRef::npos)
      end = path.size();
    segments.push_back({path.slice(at, end), at});
    at = end;
  }
  return segments;
}

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

} // namespace abv::api

#endif // ABV_IR_APIPATH_H
