//===- DBAnalysis.cpp - Cached analyses of DB schemas ---------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Verify/DBAnalysis.h"
#include "abv/IR/Project.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

char DBSymbols::ID = 0;

DBSymbols::DBSymbols(const Project &project, AnalysisManager &) {
  for (const Schema *schema : project.getDBSchemas()) {
    Table &table = tables[schema];
    for (const Model &model : schema->models)
      table.models.try_emplace(model.name.name, &model);
    for (const Enum &e : schema->enums)
      table.enums.try_emplace(e.name.name, &e);
    for (const CompositeType &c : schema->compositeTypes)
      table.compositeTypes.try_emplace(c.name.name, &c);
  }
}

const DBSymbols::Table &DBSymbols::get(const Schema &schema) const {
  auto it = tables.find(&schema);
  assert(it != tables.end() && "schema does not belong to the project");
  return it->second;
}
