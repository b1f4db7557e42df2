//===- ObjectReader.h - Checked reading of abv-score's JSON inputs -*- C++
//-*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What the readers of abv-score's JSON inputs (rubrics, results to merge,
/// published score tables) share: checking an object's keys against the
/// keys it may have, and a value's JSON kind, reporting every problem at the
/// key or value at fault (SC010 unknown key, AB001 wrong type, AB002
/// missing key, SC012 invalid value).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_SCORE_OBJECTREADER_H
#define ABV_LIB_SCORE_OBJECTREADER_H

#include "abv/Basic/JSON.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace abv {
class DiagnosticEngine;
} // namespace abv

namespace abv::score {

/// One key of an object: its name, the kind of its value, whether required.
struct Key {
  llvm::StringRef name;
  json::Kind kind;
  bool required = false;
};

/// "a.b" from "a" and "b"; "b" from "" and "b".
std::string childPath(const std::string &path, llvm::StringRef key);
/// "a[3]" from "a" and 3.
std::string elementPath(const std::string &path, size_t index);
/// \p path, or "the root" for "".
std::string displayPath(const std::string &path);

/// Reads a JSON DOM, reporting every problem at the key or value at fault
/// and remembering that one was reported.
class ObjectReader {
public:
  explicit ObjectReader(DiagnosticEngine &diags) : diags(diags) {}

  /// Whether a problem was reported.
  bool hasFailed() const { return failed; }

protected:
  /// Reports AB001 at \p value unless it is of kind \p kind.
  bool expectKind(const json::Value &value, json::Kind kind,
                  const std::string &path);
  /// Checks \p object's keys against \p keys (SC010 for another key unless
  /// \p allowOtherKeys, AB001 for a value of the wrong kind, AB002 for a
  /// required key it lacks); fills \p values (parallel to \p keys) with the
  /// values of the right kind. False when \p object is not an object.
  bool readObject(const json::Value &object, llvm::ArrayRef<Key> keys,
                  const std::string &path,
                  llvm::SmallVectorImpl<const json::Value *> &values,
                  bool allowOtherKeys = false);
  /// The number \p value holds when it is within [\p min, \p max], else
  /// reports SC012 (the value is not \p what). Null \p value: nothing.
  std::optional<double> readNumber(const json::Value *value,
                                   const std::string &path, double min,
                                   double max, llvm::StringRef what);
  /// The non-negative integer \p value holds, else reports SC012.
  std::optional<unsigned> readUnsigned(const json::Value *value,
                                       const std::string &path);

  DiagnosticEngine &diags;
  bool failed = false;
};

} // namespace abv::score

#endif // ABV_LIB_SCORE_OBJECTREADER_H
