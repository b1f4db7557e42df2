//===- DBAnalysis.h - Cached analyses of DB schemas ------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Analyses the DB passes share, computed once per project by the
/// AnalysisManager:
///
/// - DBSymbols: per schema, the first declaration of every model, view,
///   enum and composite type by name.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_VERIFY_DBANALYSIS_H
#define ABV_VERIFY_DBANALYSIS_H

#include "abv/IR/DB.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

namespace abv {

class AnalysisManager;
class Project;

/// Name lookup for every DB schema of a project.
class DBSymbols {
public:
  DBSymbols(const Project &project, AnalysisManager &analyses);
  static char ID;

  struct Table {
    llvm::StringMap<const db::Model *> models;
    llvm::StringMap<const db::Enum *> enums;
    llvm::StringMap<const db::CompositeType *> compositeTypes;
  };

  /// The table of \p schema (which must belong to the project).
  const Table &get(const db::Schema &schema) const;

  const db::Model *findModel(const db::Schema &schema,
                             llvm::StringRef name) const {
    const Table &table = get(schema);
    auto it = table.models.find(name);
    return it == table.models.end() ? nullptr : it->second;
  }

private:
  llvm::DenseMap<const db::Schema *, Table> tables;
};

} // namespace abv

#endif // ABV_VERIFY_DBANALYSIS_H
