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

#include "abv/IR/API.h"
#include "abv/IR/DB.h"
#include "abv/IR/Logic.h"

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

} // namespace abv::logic

#endif // ABV_LIB_VERIFY_LOGIC_LOGICSUPPORT_H
