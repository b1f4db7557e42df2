//===- CRUDCoverage.h - Which operations touch which tables ----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The CRUD coverage of a project: for every table of the DB schema, the
/// operations of the API that create, read, update and delete its rows.
/// link-db-api reports the tables nothing touches (LNK008); `abv-verify
/// --crud-coverage` prints the whole figure.
///
/// An operation is attributed to a table through the DTOs it carries, the
/// same links the link checks follow (docs/Architecture.md, "CRUD
/// coverage"):
///
/// - Its entity: the named type of its request body (writes) or of its
///   success response (reads), unwrapped from arrays and page types
///   (`IPageIArticle.ISummary` carries `IArticle.ISummary`). The entity's
///   table is the `x-autobe-*` table of that type or of any type of its
///   family (`IArticle`, `IArticle.ICreate`, ...); failing that, the table
///   whose name is the family name in snake case, singular or plural
///   (`IShoppingSale` -> `shopping_sale` / `shopping_sales`).
/// - Its access: GET and HEAD read; PATCH with a search body (`*.IRequest`)
///   reads (AutoBe's `index`), otherwise updates; PUT updates; DELETE
///   deletes. POST reads for a search body, a login or a token refresh;
///   creates for a join, an `ICreate` / `IJoin` body or a collection path
///   (its last literal segment is a plural); otherwise it is an action on
///   what exists (`/password/reset`) and updates. An operation with no entity
///   (DELETE has no body) takes the table of another operation on the same
///   path, else of its collection path, else of its last literal segment.
/// - Nested access: a write also writes the tables of the DTOs nested in its
///   request body (`IShoppingSale.ICreate.units: IShoppingSaleUnit.ICreate[]`)
///   and a read also reads the tables of the DTOs nested in its response.
///   Nested access counts as coverage and is shown in lower case.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_ANALYSIS_CRUDCOVERAGE_H
#define ABV_ANALYSIS_CRUDCOVERAGE_H

#include "abv/IR/API.h"
#include "abv/IR/DB.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace abv {

class SourceManager;

class AnalysisManager;
class Project;

/// The four kinds of access, in CRUD order.
enum class Access : unsigned char { Create, Read, Update, Delete };
constexpr unsigned NumAccesses = 4;
llvm::StringRef getAccessName(Access access);

class CRUDCoverage {
public:
  CRUDCoverage(const Project &project, AnalysisManager &analyses);
  static char ID;

  /// One operation's access to one table.
  struct Use {
    const api::Operation *operation = nullptr;
    /// Through a DTO nested in the operation's body rather than its own
    /// entity.
    bool isNested = false;
  };

  /// The uses of one table, per access.
  struct TableCoverage {
    const db::Model *model = nullptr;
    std::array<std::vector<Use>, NumAccesses> uses;

    bool has(Access access, bool directOnly = false) const;
    bool isTouched() const;
  };

  /// What an operation was attributed to; table is null when no table
  /// could be found.
  struct Attribution {
    const api::Operation *operation = nullptr;
    const db::Model *model = nullptr;
    Access access = Access::Read;
    /// How the table was found: "request body", "response", "path".
    llvm::StringRef via;
  };

  /// Whether both a DB schema and an API document were there to compare.
  bool isAvailable() const { return schema && document; }
  const db::Schema *getSchema() const { return schema; }
  const api::Document *getDocument() const { return document; }
  llvm::ArrayRef<TableCoverage> getTables() const { return tables; }
  llvm::ArrayRef<Attribution> getAttributions() const { return attributions; }

  /// Tables with at least one use of \p access (any use, or only direct).
  unsigned countTables(Access access, bool directOnly = false) const;
  unsigned countTouchedTables() const;

  /// Prints the coverage table and its totals, one table per line.
  void print(llvm::raw_ostream &os, const SourceManager &sourceMgr) const;
  /// Prints the coverage as a JSON object (docs/DiagnosticsJSON.md).
  void printJSON(llvm::raw_ostream &os, const SourceManager &sourceMgr) const;

private:
  const db::Schema *schema = nullptr;
  const api::Document *document = nullptr;
  std::vector<TableCoverage> tables;
  std::vector<Attribution> attributions;
  llvm::DenseMap<const db::Model *, size_t> tableIndex;
};

} // namespace abv

#endif // ABV_ANALYSIS_CRUDCOVERAGE_H
