//===- TSBuilder.h - Parse contexts to the TypeScript syntax tree -*- C++ -*-//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Builds ABV's TypeScript syntax tree (TSAST.h) from the rule contexts of
/// the generated parser. The parser builds no parse tree children: the
/// builder reads each context through the labels of the grammar. After a
/// syntax error a context may lack parts; the builder leaves the matching
/// children null (or drops a statement that has nothing left).
///
/// The builder also reports what the grammar accepts but TypeScript does
/// not, where a precise message helps more than a generic one (TSP001): a
/// spread (`...x`) outside an array literal, an argument list or an object
/// literal.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_LIB_FRONTEND_TYPESCRIPT_TSBUILDER_H
#define ABV_LIB_FRONTEND_TYPESCRIPT_TSBUILDER_H

#include "abv/Frontend/TypeScript/TSAST.h"
#include "abv/Frontend/TypeScript/TSTokenizer.h"

#include "TypeScriptParser.h"

#include <vector>

namespace abv::ts {

class ParserTokenStream;

/// Appends the AST of the statements of \p tree to \p out, allocating in
/// \p file, and findings to \p problems. \p text is the buffer the tokens'
/// offsets refer to; \p stream the tokens the tree was parsed from. A
/// statement whose tree is deeper than MaxTreeDepth is reported (TSP009)
/// and left out.
void buildStatements(TypeScriptParser::SourceFileContext *tree,
                     llvm::StringRef text, ParserTokenStream &stream,
                     SourceFile &file, std::vector<Stmt *> &out,
                     std::vector<SyntaxProblem> &problems);

} // namespace abv::ts

#endif // ABV_LIB_FRONTEND_TYPESCRIPT_TSBUILDER_H
