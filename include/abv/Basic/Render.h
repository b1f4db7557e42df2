//===- Render.h - Text, JSON and SARIF projections of diagnostics -*- C++
//-*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Consumers of the records a DiagnosticEngine holds. All three formats are
/// projections of the same records:
///
/// - text: clang style, `file:line:col: error: message [ID:name]`, the
///   source line, and a caret with a `~` range; notes and fix hints follow.
/// - JSON: ABV's own schema, documented in docs/DiagnosticsJSON.md.
/// - SARIF 2.1.0: one run, rules from the diagnostic table, results with
///   regions (code-point columns) and related locations for notes.
///
/// Columns are 1-based and count Unicode code points in every format.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_RENDER_H
#define ABV_BASIC_RENDER_H

#include "abv/Basic/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace abv {

class SourceManager;

enum class OutputFormat { Text, JSON, SARIF };

struct RenderOptions {
  bool color = false;
  /// Print "N errors and M warnings generated." after text output.
  bool summary = true;
  /// The tool's name, used in SARIF and in text messages with no location.
  llvm::StringRef toolName = "abv";
};

void renderText(llvm::raw_ostream &os, const SourceManager &sourceMgr,
                llvm::ArrayRef<Diagnostic> diags, const RenderOptions &opts);
void renderJSON(llvm::raw_ostream &os, const SourceManager &sourceMgr,
                llvm::ArrayRef<Diagnostic> diags, const RenderOptions &opts);
void renderSARIF(llvm::raw_ostream &os, const SourceManager &sourceMgr,
                 llvm::ArrayRef<Diagnostic> diags, const RenderOptions &opts);

/// Dispatches on \p format.
void render(OutputFormat format, llvm::raw_ostream &os,
            const SourceManager &sourceMgr, llvm::ArrayRef<Diagnostic> diags,
            const RenderOptions &opts);

/// The version string ABV reports (in SARIF and --version).
llvm::StringRef getABVVersion();

} // namespace abv

#endif // ABV_BASIC_RENDER_H
