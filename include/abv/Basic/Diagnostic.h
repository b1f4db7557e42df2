//===- Diagnostic.h - Diagnostic records and the table ---------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The diagnostic vocabulary: IDs, severities, rubric categories and the
/// located records that passes emit. The rows themselves live in
/// Diagnostics.def; everything here is generated from it.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_DIAGNOSTIC_H
#define ABV_BASIC_DIAGNOSTIC_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMapInfo.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <optional>
#include <string>

namespace abv {

/// Every diagnostic ABV can emit, one enumerator per row of the table.
enum class DiagID : unsigned {
#define DIAG(Enum, ID, Name, Severity, Category, Message) Enum,
#include "abv/Basic/Diagnostics.def"
};

/// How serious a finding is. Ordered: a larger value is more severe.
enum class Severity : unsigned char { Ignored, Note, Remark, Warning, Error };

/// The rubric category a diagnostic counts against.
enum class Category : unsigned char {
  Input,
  Syntax,
  DB,
  API,
  Logic,
  Link,
  Reference,
  /// How a candidate differs from its reference (abv-diff): entities,
  /// columns and endpoints missing, extra or changed. Not `Reference`,
  /// which holds a document's own `$ref` problems.
  Conformance
};

/// One row of the diagnostic table.
struct DiagInfo {
  DiagID id;
  llvm::StringRef code; ///< Stable ID, e.g. "DB030".
  llvm::StringRef name; ///< Readable name, e.g. "db-relation-target-missing".
  Severity defaultSeverity; ///< Severity before any -W option.
  Category category;        ///< Rubric category.
  llvm::StringRef format;   ///< Message with %0, %1, ... placeholders.
};

/// The whole table, in declaration order.
llvm::ArrayRef<DiagInfo> getAllDiagInfos();
/// The row for \p id.
const DiagInfo &getDiagInfo(DiagID id);
/// Looks a row up by stable ID ("DB030") or name
/// ("db-relation-target-missing").
const DiagInfo *lookupDiag(llvm::StringRef codeOrName);

llvm::StringRef getSeverityName(Severity severity);
llvm::StringRef getCategoryName(Category category);
/// Parses "error", "warning", "remark" (and "note", "ignored").
std::optional<Severity> parseSeverity(llvm::StringRef name);

/// Expands %0, %1, ... in \p format with \p args. "%%" is a literal percent.
std::string formatDiagMessage(llvm::StringRef format,
                              llvm::ArrayRef<std::string> args);

/// A located secondary message (clang's note), e.g. "target declared here".
struct DiagnosticNote {
  llvm::SMRange range;
  std::string message;
};

/// A suggested fix: a message and, optionally, a replacement for a range.
struct FixHint {
  std::string message;
  llvm::SMRange range; ///< Empty when the hint is advice only.
  std::string replacement;
};

/// One finding: everything a consumer needs to render text, JSON, SARIF or
/// an LSP diagnostic.
struct Diagnostic {
  DiagID id;
  Severity severity;
  /// Where the finding is: half-open [Start, End), End one past the last
  /// byte; End may equal Start (a point). Invalid when there is no location.
  llvm::SMRange range;
  std::string message;
  llvm::SmallVector<DiagnosticNote, 1> notes;
  std::optional<FixHint> fix;

  const DiagInfo &getInfo() const { return getDiagInfo(id); }
};

} // namespace abv

namespace llvm {
template <> struct DenseMapInfo<abv::DiagID> {
  static abv::DiagID getEmptyKey() { return abv::DiagID(~0U); }
  static abv::DiagID getTombstoneKey() { return abv::DiagID(~0U - 1); }
  static unsigned getHashValue(abv::DiagID id) { return unsigned(id) * 37U; }
  static bool isEqual(abv::DiagID a, abv::DiagID b) { return a == b; }
};
} // namespace llvm

#endif // ABV_BASIC_DIAGNOSTIC_H
