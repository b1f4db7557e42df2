//===- JSONShape.h - Shape checks of the diff's JSON inputs ----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Internal to lib/Diff: the shape checks of the JSON files the diff reads
/// itself (golden specs, mapping files). An object is checked against a
/// table of its keys: a value of the wrong JSON type is AB001 (at the
/// value), a missing required key AB002 (at the object's opening brace), an
/// unknown key DIF013 (a warning at the key: a misspelt `optinal_fields`
/// would silently drop data). Messages name the value by a readable path,
/// "entities[2].required_fields[0]".
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_DIFF_JSONSHAPE_H
#define ABV_LIB_DIFF_JSONSHAPE_H

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace abv::diff {

/// One key of an object: its name, the JSON kind of its value, whether it
/// is required, and whether null is accepted (and means "absent").
struct KeySpec {
  llvm::StringRef key;
  json::Kind kind;
  bool required = false;
  bool nullable = false;
};

/// "entities" + 2 -> "entities[2]"; "" + "name" -> "name".
inline std::string childPath(const std::string &path, llvm::StringRef key) {
  return path.empty() ? key.str() : path + "." + key.str();
}
inline std::string elementPath(const std::string &path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}
inline std::string displayPath(const std::string &path) {
  return path.empty() ? "the root" : path;
}

/// The opening brace of an object, where a missing key is reported.
inline llvm::SMRange openingOf(const json::Value &value) {
  return llvm::SMRange(value.getLoc(), llvm::SMLoc::getFromPointer(
                                           value.getLoc().getPointer() + 1));
}

/// Reports AB001 unless \p value is of \p kind; true when it is.
inline bool expectKind(DiagnosticEngine &diags, const json::Value &value,
                       json::Kind kind, const std::string &path,
                       bool nullable = false) {
  if (value.getKind() == kind || (nullable && value.isNull()))
    return true;
  std::string expected = json::getKindName(kind).str();
  if (nullable)
    expected += " or null";
  diags.report(DiagID::JSONWrongType, value.getRange())
      << displayPath(path) << expected << json::getKindName(value.getKind());
  return false;
}

/// Checks \p object against \p specs: fills \p values (parallel to
/// \p specs) with the known keys' values of the right kind, null where a
/// key is absent, null or of the wrong kind. Reports AB001, AB002 and
/// DIF013. False when \p object is not an object.
inline bool readObject(DiagnosticEngine &diags, const json::Value &object,
                       llvm::ArrayRef<KeySpec> specs, const std::string &path,
                       llvm::SmallVectorImpl<const json::Value *> &values) {
  values.assign(specs.size(), nullptr);
  if (!expectKind(diags, object, json::Kind::Object, path))
    return false;
  for (const json::Member &member : object.getMembers()) {
    auto it = llvm::find_if(specs, [&](const KeySpec &spec) {
      return spec.key == member.getKey();
    });
    if (it == specs.end()) {
      std::string expected;
      llvm::ListSeparator comma(", ");
      for (const KeySpec &spec : specs)
        expected += (llvm::Twine(comma) + "'" + spec.key + "'").str();
      diags.report(DiagID::DiffUnknownKey, member.getKeyRange())
          << member.getKey() << displayPath(path) << expected;
      continue;
    }
    const json::Value &value = member.getValue();
    if (value.isNull() && it->nullable) {
      values[it - specs.begin()] = nullptr;
      continue;
    }
    if (expectKind(diags, value, it->kind, childPath(path, it->key),
                   it->nullable))
      values[it - specs.begin()] = &value;
  }
  for (const KeySpec &spec : specs)
    if (spec.required && !object.findMember(spec.key))
      diags.report(DiagID::JSONMissingKey, openingOf(object))
          << displayPath(path) << spec.key;
  return true;
}

} // namespace abv::diff

#endif // ABV_LIB_DIFF_JSONSHAPE_H
