//===- DBPasses.h - Verification passes of the database layer --*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The DB layer's passes. Each runs over every DB schema of a project
/// (`.prisma` and AutoBe's prisma.json alike) unless it says otherwise.
///
/// | argument      | checks                                                |
/// |---------------|-------------------------------------------------------|
/// | db-names      | duplicates, reserved words, identifiers, length,      |
/// |               | naming conventions                                    |
/// | db-types      | unknown types, native types, lists, enums, defaults   |
/// | db-models     | unique criteria, attributes, datasource               |
/// | db-relations  | relation fields/references, targets, arity, cycles    |
/// | db-indexes    | index fields, duplicates, redundancy, GIN, FK indexes |
/// | db-design     | design smells: isolated tables, plaintext secrets ... |
/// | db-sync       | prisma.json and the .prisma files agree               |
///
//===----------------------------------------------------------------------===//

#ifndef ABV_VERIFY_DBPASSES_H
#define ABV_VERIFY_DBPASSES_H

#include <memory>

namespace abv {

class Pass;
class PassRegistry;

std::unique_ptr<Pass> createDBNamesPass();
std::unique_ptr<Pass> createDBTypesPass();
std::unique_ptr<Pass> createDBModelsPass();
std::unique_ptr<Pass> createDBRelationsPass();
std::unique_ptr<Pass> createDBIndexesPass();
std::unique_ptr<Pass> createDBDesignPass();
std::unique_ptr<Pass> createDBSyncPass();

/// Registers every DB pass, in default pipeline order.
void registerDBPasses(PassRegistry &registry);

} // namespace abv

#endif // ABV_VERIFY_DBPASSES_H
