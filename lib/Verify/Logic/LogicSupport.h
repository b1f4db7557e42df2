//===- LogicSupport.h - What the logic passes share -------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Helpers of the logic passes (lib only): the named type of an operation's
/// body and success response, and the provider name AutoBe gives an
/// operation.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_VERIFY_LOGIC_LOGICSUPPORT_H
#define ABV_LIB_VERIFY_LOGIC_LOGICSUPPORT_H

#include "abv/Analysis/Binding.h"
#include "abv/IR/API.h"
#include "abv/IR/DB.h"
#include "abv/IR/Logic.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <string>

namespace abv::logic {

/// The named type a body or response type refers to (through arrays), or
/// null.
inline const api::NamedType *getNamedType(const api::Document &doc,
                                          const api::Type *type) {
  for (unsigned depth = 0; type && depth < 8; ++depth) {
    if (type->kind == api::TypeKind::Ref)
      return doc.findType(type->ref.name);
    type = type->items;
  }
  return nullptr;
}

/// The provider AutoBe writes for \p op: the method, then every path
/// segment (parameters without braces) with its first letter upper case
/// and separators dropped: `get /todoList/user/todos/{todoId}` is
/// `getTodoListUserTodosTodoId`.
inline std::string getExpectedProviderName(const api::Operation &op) {
  std::string name = op.method.name.lower();
  bool upper = true;
  for (char c : op.path.name) {
    if (!llvm::isAlnum(c)) {
      upper = true;
      continue;
    }
    name += upper ? llvm::toUpper(c) : c;
    upper = false;
  }
  return name;
}

/// Whether \p field must be given when a row is created: a required scalar
/// or enum column with no default that Prisma does not fill itself.
inline bool isRequiredOnCreate(const db::Field &field) {
  return !field.isRelation() && !field.isOptional && !field.isList &&
         !field.getDefaultValue() && !field.isUpdatedAt &&
         field.type != db::TypeKind::Unsupported;
}

/// The tables of the API document's actors, each once.
inline llvm::SmallVector<const db::Model *, 4>
getActorTables(const api::Document &doc, const Binding &binding) {
  llvm::SmallVector<const db::Model *, 4> tables;
  for (const api::Actor &actor : doc.actors)
    if (const db::Model *table = binding.getActorTable(actor.name.name))
      if (!llvm::is_contained(tables, table))
        tables.push_back(table);
  return tables;
}

/// Whether table \p to is reachable from the table of an actor, \p from,
/// through at most \p maxHops relations (read either way), without passing
/// through the table of another actor (\p actorTables): whether a row of
/// \p to can be tied to the actor at all.
inline bool hasRelationPath(const Binding &binding, const db::Model &from,
                            const db::Model &to,
                            llvm::ArrayRef<const db::Model *> actorTables,
                            unsigned maxHops = 3) {
  llvm::SmallPtrSet<const db::Model *, 16> seen;
  llvm::SmallVector<const db::Model *, 16> frontier{&from};
  seen.insert(&from);
  for (unsigned hop = 0; hop < maxHops && !frontier.empty(); ++hop) {
    llvm::SmallVector<const db::Model *, 16> next;
    for (const db::Model *model : frontier)
      for (const db::Field &field : model->fields) {
        if (!field.isRelation())
          continue;
        const db::Model *target = binding.getRelationTarget(field);
        if (!target)
          continue;
        if (target == &to)
          return true;
        if (llvm::is_contained(actorTables, target) ||
            !seen.insert(target).second)
          continue;
        next.push_back(target);
      }
    frontier = std::move(next);
  }
  return false;
}

} // namespace abv::logic

#endif // ABV_LIB_VERIFY_LOGIC_LOGICSUPPORT_H
