//===- Walk.cpp - One walker per IR layer ---------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/IR/Walk.h"

#include "llvm/ADT/SmallVector.h"

using namespace abv;
using namespace abv::api;
using namespace llvm;

WalkResult api::walk(const Type *root,
                     function_ref<WalkResult(const Type &)> fn,
                     DenseSet<const Type *> *seen) {
  if (!root)
    return WalkResult::Advance;
  SmallVector<const Type *, 16> stack{root};
  SmallVector<const Type *, 8> children;
  while (!stack.empty()) {
    const Type *type = stack.pop_back_val();
    if (seen && !seen->insert(type).second)
      continue;
    WalkResult result = fn(*type);
    if (result == WalkResult::Interrupt)
      return result;
    if (result == WalkResult::Skip)
      continue;
    // Pushed in reverse so that children are visited in declaration order.
    children.clear();
    forEachChildType(*type, [&](const Type *child) {
      if (child)
        children.push_back(child);
    });
    stack.append(children.rbegin(), children.rend());
  }
  return WalkResult::Advance;
}

SmallVector<const Type *, 8> api::getOperationTypes(const Operation &op) {
  SmallVector<const Type *, 8> roots;
  for (const Parameter &param : op.parameters)
    if (param.type)
      roots.push_back(param.type);
  if (op.requestBody)
    roots.push_back(op.requestBody);
  for (const Response &response : op.responses)
    if (response.type)
      roots.push_back(response.type);
  return roots;
}

WalkResult
api::walk(const Document &doc,
          function_ref<WalkResult(const Type &, const TypeSite &)> fn) {
  DenseSet<const Type *> seen;
  TypeSite site;
  auto visit = [&](const Type &type) { return fn(type, site); };
  for (const NamedType &named : doc.types) {
    site = {&named, nullptr};
    if (walk(named.type, visit, &seen) == WalkResult::Interrupt)
      return WalkResult::Interrupt;
  }
  for (const std::vector<Operation> *list : {&doc.operations, &doc.callbacks})
    for (const Operation &op : *list) {
      site = {nullptr, &op};
      for (const Type *root : getOperationTypes(op))
        if (walk(root, visit, &seen) == WalkResult::Interrupt)
          return WalkResult::Interrupt;
    }
  return WalkResult::Advance;
}

WalkResult api::walkReachable(
    const Document &doc, ArrayRef<const Type *> roots,
    function_ref<WalkResult(const NamedType &, const Type &ref)> fn) {
  DenseSet<const NamedType *> reached;
  DenseSet<const Type *> seen;
  SmallVector<const Type *, 32> pending(roots.rbegin(), roots.rend());
  bool interrupted = false;
  while (!pending.empty() && !interrupted) {
    const Type *root = pending.pop_back_val();
    walk(
        root,
        [&](const Type &type) {
          if (type.kind != TypeKind::Ref)
            return WalkResult::Advance;
          const NamedType *named = doc.findType(type.ref.name);
          if (!named || !reached.insert(named).second)
            return WalkResult::Advance;
          WalkResult result = fn(*named, type);
          if (result == WalkResult::Interrupt) {
            interrupted = true;
            return result;
          }
          if (result == WalkResult::Advance && named->type)
            pending.push_back(named->type);
          return WalkResult::Advance;
        },
        &seen);
  }
  return interrupted ? WalkResult::Interrupt : WalkResult::Advance;
}
