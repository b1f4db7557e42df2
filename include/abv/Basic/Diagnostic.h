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

/// Every diagnostic ABV can emit, one enumerator per DIAG row of the table.
enum class DiagID : unsigned {
#define DIAG(Enum, ID, Name, Severity, Category, Group, Message) Enum,
#include "abv/Basic/Diagnostics.def"
};

/// Every note (or fix hint) text, one enumerator per NOTE row of the table.
enum class NoteID : unsigned {
#define NOTE(Enum, ID, Name, Message) Enum,
#include "abv/Basic/Diagnostics.def"
};

/// Every diagnostic group, one enumerator per GROUP row of the table.
enum class GroupID : unsigned {
#define GROUP(Enum, Name, Description) Enum,
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
  Conformance,
  /// The E2E tests of a project (test/**/*.ts).
  Test
};

/// One DIAG row of the diagnostic table.
struct DiagInfo {
  DiagID id;
  llvm::StringRef code; ///< Stable ID, e.g. "DB030".
  llvm::StringRef name; ///< Readable name, e.g. "db-relation-target-missing".
  Severity defaultSeverity; ///< Severity before any -W option.
  Category category;        ///< Rubric category.
  GroupID group;            ///< The finest group the row belongs to.
  llvm::StringRef format;   ///< Message with %0, %1, ... placeholders.
};

/// One NOTE row: the text of a note or of a fix hint.
struct NoteInfo {
  NoteID id;
  llvm::StringRef code;   ///< Stable ID, e.g. "NT121".
  llvm::StringRef name;   ///< Readable name, e.g. "column-declared-here".
  llvm::StringRef format; ///< Message with %0, %1, ... placeholders.
};

/// One GROUP row.
struct GroupInfo {
  GroupID id;
  llvm::StringRef name;        ///< e.g. "db-design"; -W options take it.
  llvm::StringRef description; ///< One line for --list-diagnostics and docs.
};

/// One ALIAS row: the ID and name of a row merged into another (the ID is
/// empty when only the name changed).
struct AliasInfo {
  llvm::StringRef code;
  llvm::StringRef name;
  DiagID target;
};

/// The whole table, in declaration order.
llvm::ArrayRef<DiagInfo> getAllDiagInfos();
/// The row for \p id.
const DiagInfo &getDiagInfo(DiagID id);
/// Looks a row up by stable ID ("DB030") or name
/// ("db-relation-target-missing"), or by the ID or name of a row merged into
/// it ("YM003" finds the row of JS002).
const DiagInfo *lookupDiag(llvm::StringRef codeOrName);

/// Every NOTE row, in declaration order.
llvm::ArrayRef<NoteInfo> getAllNoteInfos();
const NoteInfo &getNoteInfo(NoteID id);
/// Looks a note up by stable ID ("NT121") or name ("column-declared-here").
const NoteInfo *lookupNote(llvm::StringRef codeOrName);

/// Every GROUP row, in declaration order.
llvm::ArrayRef<GroupInfo> getAllGroupInfos();
const GroupInfo &getGroupInfo(GroupID id);
/// Looks a group up by name.
const GroupInfo *lookupGroup(llvm::StringRef name);
/// The groups SUBGROUP rows put directly inside \p id, in table order.
llvm::ArrayRef<GroupID> getSubgroups(GroupID id);
/// The groups that directly contain \p id, in table order.
llvm::ArrayRef<GroupID> getParentGroups(GroupID id);
/// Every diagnostic in \p id or in one of its subgroups, in table order.
llvm::ArrayRef<DiagID> getGroupMembers(GroupID id);
/// The groups \p id belongs to, directly or through subgroups, finest first
/// (for "db-design": db-design, db).
llvm::SmallVector<GroupID, 4> getEnclosingGroups(DiagID id);

/// Every ALIAS row, in declaration order.
llvm::ArrayRef<AliasInfo> getAllAliases();

/// Resolves a -W operand: a diagnostic's ID or name (also a merged-away one)
/// or a group's name. Appends the diagnostics it selects to \p out and
/// returns true; returns false when \p name names nothing.
bool resolveDiagnostics(llvm::StringRef name,
                        llvm::SmallVectorImpl<DiagID> &out);

llvm::StringRef getSeverityName(Severity severity);
llvm::StringRef getCategoryName(Category category);
/// Parses a category's name ("db", "logic", "test"); std::nullopt when it
/// names none.
std::optional<Category> parseCategory(llvm::StringRef name);
/// Parses "error", "warning", "remark" (and "note", "ignored").
std::optional<Severity> parseSeverity(llvm::StringRef name);

/// Expands %0, %1, ... in \p format with \p args. "%%" is a literal percent.
std::string formatDiagMessage(llvm::StringRef format,
                              llvm::ArrayRef<std::string> args);

/// A located secondary message (clang's note), e.g. "the column is declared
/// here": a NOTE row of the table and its arguments.
struct DiagnosticNote {
  NoteID id;
  llvm::SMRange range;
  llvm::SmallVector<std::string, 2> args;
  std::string message; ///< The row's format with args, set on commit.

  const NoteInfo &getInfo() const { return getNoteInfo(id); }
};

/// A suggested fix: a message (a NOTE row and its arguments) and,
/// optionally, a replacement for a range.
struct FixHint {
  NoteID id;
  llvm::SmallVector<std::string, 2> args;
  std::string message; ///< The row's format with args, set on commit.
  llvm::SMRange range; ///< Empty when the hint is advice only.
  std::string replacement;

  const NoteInfo &getInfo() const { return getNoteInfo(id); }
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
