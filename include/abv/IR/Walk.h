//===- Walk.h - One walker per IR layer ------------------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The walkers every pass and analysis uses to visit the IR, in the manner
/// of MLIR's `Operation::walk`: a callback sees each node and answers
/// whether to go on, skip what is below the node, or stop the walk.
///
/// - API: every type node of a type tree (its properties, additional
///   properties, items and variants, in that order), without recursion
///   (type trees are as deep as the input); every type node of a document
///   (named types, then each operation's parameters, request body and
///   responses), each node once; and the named types reachable from some
///   roots through references.
/// - DB: every model, field, index, enum and composite type of a schema,
///   chosen by the callback's parameter type:
///   \code
///     db::walk(schema, [&](const db::Field &field) { ... });
///   \endcode
///
/// Walkers visit in source order and never follow a reference twice, so a
/// finding reported from a walk is reported once.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_WALK_H
#define ABV_IR_WALK_H

#include "abv/IR/API.h"
#include "abv/IR/DB.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <type_traits>

namespace abv {

/// What a walk callback wants next.
enum class WalkResult : unsigned char {
  Advance,  ///< Visit what is below this node, then go on.
  Skip,     ///< Do not visit what is below this node; go on.
  Interrupt ///< Stop the whole walk.
};

namespace api {

/// Where a type node of a document sits.
struct TypeSite {
  /// The named type whose tree holds the node, or null for an operation's
  /// inline type.
  const NamedType *named = nullptr;
  /// The operation whose parameter, request body or response holds the
  /// node, or null for a named type's tree.
  const Operation *operation = nullptr;
};

/// Visits \p root and every type node below it, pre-order, children in
/// declaration order. References are not followed. With \p seen, a node
/// already in it is skipped with everything below it (and added otherwise).
/// Returns Interrupt if the callback interrupted the walk.
WalkResult walk(const Type *root,
                llvm::function_ref<WalkResult(const Type &)> fn,
                llvm::DenseSet<const Type *> *seen = nullptr);

/// Visits every type node of \p doc once: the named types' trees in order,
/// then each operation's (and callback's) parameters, request body and
/// responses. A node a
/// frontend shares between two places (an inlined component) is visited
/// once, at its first place.
WalkResult
walk(const Document &doc,
     llvm::function_ref<WalkResult(const Type &, const TypeSite &)> fn);

/// The roots of the type trees of \p op: its parameters' types, its request
/// body, its responses' bodies (null entries left out).
llvm::SmallVector<const Type *, 8> getOperationTypes(const Operation &op);

/// Visits the named types reachable from \p roots through references
/// (`$ref`s), each once, in the order they are first reached; \p fn also
/// sees the reference that reached it. A Skip answer does not follow the
/// named type's own references.
WalkResult walkReachable(
    const Document &doc, llvm::ArrayRef<const Type *> roots,
    llvm::function_ref<WalkResult(const NamedType &, const Type &ref)> fn);

} // namespace api

namespace db {

/// Visits the nodes of \p schema whose type is the callback's parameter
/// type: `const Model &` (models and views), `const Field &` (model
/// fields, then composite type fields), `const Index &`, `const Enum &`,
/// `const CompositeType &`. The callback returns WalkResult or void.
template <typename FnT> WalkResult walk(const Schema &schema, FnT &&fn);

} // namespace db

//===----------------------------------------------------------------------===//
// Implementation of db::walk
//===----------------------------------------------------------------------===//

namespace detail {
template <typename NodeT, typename FnT>
WalkResult callWalkFn(FnT &fn, const NodeT &node) {
  if constexpr (std::is_void_v<std::invoke_result_t<FnT &, const NodeT &>>) {
    fn(node);
    return WalkResult::Advance;
  } else {
    return fn(node);
  }
}
} // namespace detail

template <typename FnT> WalkResult db::walk(const Schema &schema, FnT &&fn) {
  auto visit = [&](const auto &node) -> WalkResult {
    using NodeT = std::decay_t<decltype(node)>;
    if constexpr (std::is_invocable_v<FnT &, const NodeT &>)
      return detail::callWalkFn<NodeT>(fn, node);
    return WalkResult::Advance;
  };
  for (const Model &model : schema.models) {
    WalkResult result = visit(model);
    if (result == WalkResult::Interrupt)
      return result;
    if (result == WalkResult::Skip)
      continue;
    for (const Field &field : model.fields)
      if (visit(field) == WalkResult::Interrupt)
        return WalkResult::Interrupt;
    for (const Index &index : model.indexes)
      if (visit(index) == WalkResult::Interrupt)
        return WalkResult::Interrupt;
  }
  for (const Enum &enumDecl : schema.enums)
    if (visit(enumDecl) == WalkResult::Interrupt)
      return WalkResult::Interrupt;
  for (const CompositeType &composite : schema.compositeTypes) {
    WalkResult result = visit(composite);
    if (result == WalkResult::Interrupt)
      return result;
    if (result == WalkResult::Skip)
      continue;
    for (const Field &field : composite.fields)
      if (visit(field) == WalkResult::Interrupt)
        return WalkResult::Interrupt;
  }
  return WalkResult::Advance;
}

} // namespace abv

#endif // ABV_IR_WALK_H
