//===- AutoBeShape.h - Shape checks shared by the AutoBe readers -*- C++
//-*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Internal to lib/Frontend/AutoBe: the shape checking both AutoBe AST
/// readers (prisma.json and document.json) share. An AST object is checked
/// against a table of its keys: a value of the wrong JSON type is AB001 (at
/// the value), a missing required key AB002 (at the object's opening brace),
/// an unknown key AB003 (a remark at the key; the key is ignored). Messages
/// name the value by a readable path, "operations[3].parameters[0].schema".
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_FRONTEND_AUTOBE_AUTOBESHAPE_H
#define ABV_LIB_FRONTEND_AUTOBE_AUTOBESHAPE_H

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/IR/DB.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstddef>
#include <memory>
#include <string>

namespace abv::autobe {

/// What a key's value must be.
enum class Expect : unsigned char {
  String,
  Boolean,
  Number,
  Array,
  Object,
  Any
};

/// One key of an AST object: its name, expected JSON type, whether the
/// AutoBe interface requires it, and whether it may be null (`T | null`).
/// A null value of an optional or nullable key counts as absent.
struct KeySpec {
  llvm::StringRef key;
  Expect expect;
  bool required;
  bool nullable = false;
};

/// The values of an object's known keys, parallel to its KeySpec table;
/// null where a key is absent, null, or has the wrong type.
template <size_t N> struct Keys {
  const json::Value *values[N] = {};
  const json::Value *operator[](size_t i) const { return values[i]; }
};

inline bool matches(const json::Value &value, Expect expect) {
  switch (expect) {
  case Expect::String:
    return value.isString();
  case Expect::Boolean:
    return value.isBoolean();
  case Expect::Number:
    return value.isNumber();
  case Expect::Array:
    return value.isArray();
  case Expect::Object:
    return value.isObject();
  case Expect::Any:
    return true;
  }
  return false;
}

inline llvm::StringRef getExpectName(Expect expect, bool nullable = false) {
  switch (expect) {
  case Expect::String:
    return nullable ? "a string or null" : "a string";
  case Expect::Boolean:
    return nullable ? "a boolean or null" : "a boolean";
  case Expect::Number:
    return nullable ? "a number or null" : "a number";
  case Expect::Array:
    return nullable ? "an array or null" : "an array";
  case Expect::Object:
    return nullable ? "an object or null" : "an object";
  case Expect::Any:
    return "a value";
  }
  return "a value";
}

/// Turns JSON strings into IR strings for one document whose IR is owned by
/// an \p Owner with `StringRef save(StringRef)` (db::Schema, api::Document):
/// text that lies in the source buffer is used as is, decoded text (with
/// escapes) is copied into the owner, so it lives as long as the IR.
template <typename Owner> class IRText {
public:
  IRText(llvm::StringRef buffer, const std::unique_ptr<Owner> &owner)
      : buffer(buffer), owner(owner) {}

  llvm::StringRef keep(llvm::StringRef text) const {
    if (text.empty())
      return llvm::StringRef();
    if (text.begin() >= buffer.begin() && text.end() <= buffer.end())
      return text;
    return owner->save(text);
  }
  /// The Ident of a string value; empty if \p value is null.
  db::Ident ident(const json::Value *value) const {
    if (!value)
      return db::Ident();
    return db::Ident{keep(value->getString()), value->getRange()};
  }
  llvm::StringRef text(const json::Value *value) const {
    return value ? keep(value->getString()) : llvm::StringRef();
  }

private:
  llvm::StringRef buffer;
  const std::unique_ptr<Owner> &owner;
};

/// The path and shape helpers of a reader; readers derive from it.
class ShapeReader {
protected:
  explicit ShapeReader(DiagnosticEngine &diags) : diags(diags) {}

  /// A readable path of the node being read: "files[0].models[3]".
  static std::string child(const std::string &path, llvm::StringRef key) {
    return path.empty() ? key.str() : path + "." + key.str();
  }
  static std::string element(const std::string &path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
  }
  /// The path for messages: "$" for the root.
  static std::string display(const std::string &path) {
    return path.empty() ? "$" : path;
  }
  /// The opening brace of \p object, where AB002 points.
  static llvm::SMRange opening(const json::Value &object) {
    return llvm::SMRange(
        object.getLoc(),
        llvm::SMLoc::getFromPointer(object.getLoc().getPointer() + 1));
  }

  /// Reports AB001 unless \p value is \p expected.
  bool expect(const json::Value &value, Expect expected,
              const std::string &path, bool nullable = false) {
    if (matches(value, expected))
      return true;
    diags.report(DiagID::JSONWrongType, value.getRange())
        << display(path) << getExpectName(expected, nullable)
        << json::getKindName(value.getKind());
    return false;
  }

  /// Reports AB001 when \p value is an empty string; true when it is absent
  /// or not empty.
  bool expectNonEmpty(const json::Value *value, const std::string &path) {
    if (!value || !value->isString() || !value->getString().empty())
      return true;
    diags.report(DiagID::JSONWrongType, value->getRange())
        << display(path) << "a non-empty string"
        << "an empty string";
    return false;
  }

  /// Reports AB001 at the key of \p member when the key is empty (a name
  /// that names nothing); true otherwise.
  bool expectNonEmptyKey(const json::Member &member, const std::string &path) {
    if (!member.getKey().empty())
      return true;
    diags.report(DiagID::JSONWrongType, member.getKeyRange())
        << display(path) << "a non-empty name"
        << "an empty string";
    return false;
  }

  /// Checks that \p object is an object, reports its unknown keys (AB003),
  /// missing required keys (AB002) and known keys of the wrong type (AB001),
  /// and returns the values of the known keys. Returns false when \p object
  /// is no object.
  template <size_t N>
  bool readObject(const json::Value &object, const KeySpec (&specs)[N],
                  const std::string &path, Keys<N> &keys) {
    return readObjectImpl(object, specs, N, path, keys.values);
  }

  /// Calls \p readElement on every element of the array \p array.
  template <typename Fn>
  void forEach(const json::Value *array, const std::string &path,
               Fn readElement) {
    if (!array)
      return;
    llvm::ArrayRef<json::Value> elements = array->getElements();
    for (size_t i = 0; i < elements.size(); ++i)
      readElement(elements[i], element(path, i));
  }

  DiagnosticEngine &diags;

private:
  bool readObjectImpl(const json::Value &object, const KeySpec *specs,
                      size_t numSpecs, const std::string &path,
                      const json::Value **values) {
    if (!expect(object, Expect::Object, path))
      return false;
    for (const json::Member &member : object.getMembers()) {
      llvm::StringRef key = member.getKey();
      const KeySpec *spec = nullptr;
      for (size_t i = 0; i < numSpecs; ++i)
        if (specs[i].key == key)
          spec = &specs[i];
      if (!spec) {
        diags.report(DiagID::AutoBeUnknownKey, member.getKeyRange())
            << key << "'" + display(path) + "'";
        continue;
      }
      size_t index = spec - specs;
      const json::Value &value = member.getValue();
      // Duplicate keys were reported by the JSON parser: the last one wins.
      values[index] = nullptr;
      if ((!spec->required || spec->nullable) && value.isNull())
        continue;
      if (expect(value, spec->expect, child(path, key), spec->nullable))
        values[index] = &value;
    }
    for (size_t i = 0; i < numSpecs; ++i)
      if (specs[i].required && !object.get(specs[i].key))
        diags.report(DiagID::JSONMissingKey, opening(object))
            << "'" + display(path) + "'" << specs[i].key;
    return true;
  }
};

} // namespace abv::autobe

#endif // ABV_LIB_FRONTEND_AUTOBE_AUTOBESHAPE_H
