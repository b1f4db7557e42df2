//===- TSPrinter.h - Textual dump of the TypeScript tree --------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Prints a TypeScript syntax tree as indented text, one node per line,
/// each followed by `@file:line:col` of its first character (code-point
/// columns), so lit tests can pin locations with CHECK-NEXT. Used by
/// `abv-opt --print-ast`.
///
///   ts.file todo.ts statements=2 comments=1
///     ts.import "typia" default=typia @todo.ts:1:1
///       ts.import_spec tags @todo.ts:1:16
///     ts.function postTodo export async @todo.ts:3:1
///       ts.param props @todo.ts:3:33
///         ts.type.object @todo.ts:3:40
///           ts.prop_sig body @todo.ts:3:42
///             ts.type.ref ITodo.ICreate @todo.ts:3:48
///       ...
///     ts.comment line "// TODO: schema lacks column" @todo.ts:5:3
///
/// A node whose name is printed on its line (a declaration, a member, a
/// parameter, a type reference) does not repeat it as a child; a call
/// prints its callee's member chain (`ts.call MyGlobal.prisma.todos.create`)
/// and then the callee itself. Lines deeper than 64 levels keep the
/// indentation of level 64 and start with the level: `[65] ts.member`.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_TYPESCRIPT_TSPRINTER_H
#define ABV_FRONTEND_TYPESCRIPT_TSPRINTER_H

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace abv {
class SourceManager;
} // namespace abv

namespace abv::ts {

class Node;
class SourceFile;

/// Prints \p file (its statements, then its comments) to \p os.
void printSourceFile(const SourceFile &file, const SourceManager &sourceMgr,
                     llvm::raw_ostream &os);
/// Prints the subtree of \p node, indented by \p indent levels.
void printNode(const Node *node, const SourceManager &sourceMgr,
               llvm::raw_ostream &os, unsigned indent = 0);

} // namespace abv::ts

#endif // ABV_FRONTEND_TYPESCRIPT_TSPRINTER_H
