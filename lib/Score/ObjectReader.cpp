//===- ObjectReader.cpp - Checked reading of abv-score's JSON inputs ------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "ObjectReader.h"
#include "abv/Basic/DiagnosticEngine.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <limits>

using namespace abv;
using namespace abv::score;
using namespace llvm;

std::string abv::score::childPath(const std::string &path, StringRef key) {
  return path.empty() ? key.str() : path + "." + key.str();
}

std::string abv::score::elementPath(const std::string &path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string abv::score::displayPath(const std::string &path) {
  return path.empty() ? "the root" : path;
}

bool ObjectReader::expectKind(const json::Value &value, json::Kind kind,
                              const std::string &path) {
  if (value.getKind() == kind)
    return true;
  diags.report(DiagID::JSONWrongType, value.getRange())
      << displayPath(path) << json::getKindName(kind)
      << json::getKindName(value.getKind());
  failed = true;
  return false;
}

bool ObjectReader::readObject(const json::Value &object, ArrayRef<Key> keys,
                              const std::string &path,
                              SmallVectorImpl<const json::Value *> &values,
                              bool allowOtherKeys) {
  values.assign(keys.size(), nullptr);
  if (!expectKind(object, json::Kind::Object, path))
    return false;
  for (const json::Member &member : object.getMembers()) {
    const Key *key = llvm::find_if(
        keys, [&](const Key &k) { return k.name == member.getKey(); });
    if (key == keys.end()) {
      if (allowOtherKeys)
        continue;
      std::string expected;
      ListSeparator comma(", ");
      for (const Key &k : keys)
        expected += (Twine(comma) + "'" + k.name + "'").str();
      diags.report(DiagID::ScoreUnknownKey, member.getKeyRange())
          << member.getKey() << displayPath(path) << expected;
      failed = true;
      continue;
    }
    if (expectKind(member.getValue(), key->kind, childPath(path, key->name)))
      values[key - keys.begin()] = &member.getValue();
  }
  SMRange opening(object.getLoc(),
                  SMLoc::getFromPointer(object.getLoc().getPointer() + 1));
  for (const Key &key : keys)
    if (key.required && !object.findMember(key.name)) {
      diags.report(DiagID::JSONMissingKey, opening)
          << displayPath(path) << key.name;
      failed = true;
    }
  return true;
}

std::optional<double> ObjectReader::readNumber(const json::Value *value,
                                               const std::string &path,
                                               double min, double max,
                                               StringRef what) {
  if (!value)
    return std::nullopt;
  std::optional<double> number = value->getAsNumber();
  if (!number || !(*number >= min && *number <= max)) {
    diags.report(DiagID::ScoreInvalidValue, value->getRange())
        << path << value->getSourceText() << what;
    failed = true;
    return std::nullopt;
  }
  return number;
}

std::optional<unsigned> ObjectReader::readUnsigned(const json::Value *value,
                                                   const std::string &path) {
  if (!value)
    return std::nullopt;
  std::optional<int64_t> number = value->getAsInteger();
  if (!number || *number < 0 ||
      *number > std::numeric_limits<unsigned>::max()) {
    diags.report(DiagID::ScoreInvalidValue, value->getRange())
        << path << value->getSourceText() << "a non-negative integer";
    failed = true;
    return std::nullopt;
  }
  return unsigned(*number);
}
