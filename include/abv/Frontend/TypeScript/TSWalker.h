//===- TSWalker.h - Walking the TypeScript syntax tree ----------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One walker for the TypeScript syntax tree, in the manner of MLIR's
/// `Operation::walk`: a callback per node, in pre-order (or post-order),
/// that may skip a node's subtree or interrupt the walk.
///
/// \code
///   // Every call of a Prisma client method in a provider:
///   ts::walk<ts::CallExpr>(file, [&](const ts::CallExpr *call) {
///     auto chain = ts::getMemberChain(call->callee);
///     if (chain.size() == 4 && chain[0] == "MyGlobal" && chain[1] == "prisma")
///       ...;
///   });
///   // The first `throw` in a function, without entering nested functions:
///   ts::walk(fn->body, [&](const ts::Node *node) {
///     if (isa<ts::ArrowFunction, ts::FunctionExpr>(node))
///       return ts::WalkResult::Skip;
///     if (isa<ts::ThrowStmt>(node))
///       return ts::WalkResult::Interrupt;
///     return ts::WalkResult::Advance;
///   });
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_TYPESCRIPT_TSWALKER_H
#define ABV_FRONTEND_TYPESCRIPT_TSWALKER_H

#include "abv/Frontend/TypeScript/TSAST.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <type_traits>

namespace abv::ts {

/// What a walk callback asks for next.
enum class WalkResult {
  Advance,   ///< Visit the node's children (pre-order), then go on.
  Skip,      ///< Do not visit the node's children (pre-order only).
  Interrupt, ///< Stop the walk.
};

enum class WalkOrder { PreOrder, PostOrder };

/// Calls \p fn on every direct child of \p node that is present, in source
/// order.
void forEachChild(const Node *node, llvm::function_ref<void(const Node *)> fn);

/// Walks \p node and its descendants. Returns Interrupt if the walk was
/// interrupted, Advance otherwise. A null \p node is not visited.
WalkResult walk(const Node *node,
                llvm::function_ref<WalkResult(const Node *)> fn,
                WalkOrder order = WalkOrder::PreOrder);
/// Walks every top-level statement of \p file.
WalkResult walk(const SourceFile &file,
                llvm::function_ref<WalkResult(const Node *)> fn,
                WalkOrder order = WalkOrder::PreOrder);

/// Calls \p fn on every node of class \p T under \p root (a Node or a
/// SourceFile), in pre-order. \p fn returns void, or a WalkResult.
template <typename T, typename Root, typename Fn>
WalkResult walk(const Root &root, Fn &&fn) {
  auto visit = [&](const Node *node) -> WalkResult {
    if (const auto *typed = llvm::dyn_cast<T>(node)) {
      if constexpr (std::is_same_v<std::invoke_result_t<Fn, const T *>,
                                   WalkResult>)
        return fn(typed);
      else
        fn(typed);
    }
    return WalkResult::Advance;
  };
  if constexpr (std::is_same_v<Root, SourceFile>)
    return walk(root, visit);
  else
    return walk(&*root, visit);
}

} // namespace abv::ts

#endif // ABV_FRONTEND_TYPESCRIPT_TSWALKER_H
