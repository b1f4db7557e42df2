//===- TSFrontend.h - TypeScript frontend -----------------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads `.ts` files into ABV's TypeScript syntax tree (TSAST.h):
///
///   tokenize (TSTokenizer.h) -> cut into chunks of whole top-level
///   statements -> per chunk: an ANTLR parser over the tokens (SLL
///   prediction first; on a syntax error, again with full LL prediction,
///   readable messages and recovery) -> the tree (TSBuilder).
///
/// Syntax errors are TSP diagnostics (docs/Diagnostics.md, "TypeScript
/// syntax"), located at exact lines and columns; the parser recovers and
/// reports several per file. Files are parsed on worker threads when there
/// are several; diagnostics are reported in file order, so the output does
/// not depend on the timing.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_TYPESCRIPT_TSFRONTEND_H
#define ABV_FRONTEND_TYPESCRIPT_TSFRONTEND_H

#include "abv/Frontend/TypeScript/TSAST.h"

#include "llvm/ADT/ArrayRef.h"

#include <memory>
#include <vector>

namespace abv {

class DiagnosticEngine;
class SourceManager;

/// How TypeScript files are parsed.
struct TSParseOptions {
  /// Worker threads for several files; 0 picks the hardware's count.
  unsigned threads = 0;
  /// A chunk grows to about this many tokens before it is cut at the end
  /// of a top-level statement: the parser's memory stays bounded on huge
  /// files.
  size_t chunkTokens = size_t(64) << 10;
};

/// Parses buffer \p bufferID of \p sourceMgr (which must stay alive as long
/// as the result: names and ranges point into it) and reports its syntax
/// errors into \p diags.
std::unique_ptr<ts::SourceFile>
parseTypeScript(SourceManager &sourceMgr, unsigned bufferID,
                DiagnosticEngine &diags, const TSParseOptions &options = {});

/// Parses several buffers, in parallel when there are several; the results
/// and the diagnostics come in the order of \p bufferIDs.
std::vector<std::unique_ptr<ts::SourceFile>> parseTypeScriptFiles(
    SourceManager &sourceMgr, llvm::ArrayRef<unsigned> bufferIDs,
    DiagnosticEngine &diags, const TSParseOptions &options = {});

} // namespace abv

#endif // ABV_FRONTEND_TYPESCRIPT_TSFRONTEND_H
