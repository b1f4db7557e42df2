//===- AutoBeHistory.h - AutoBe's histories.json --------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads the TypeScript that AutoBe's `autobe/histories.json` carries and
/// the compiler results it recorded. Both shapes are read: 2025's (`test`
/// events with `files[]` of `{location, content, scenario}`, `realize`
/// events with `functions[]` of `{location, content, endpoint, name}`,
/// `authorizations[]` and a `controllers` map) and 2026's (`functions[]`
/// with a `type`: `operation`, `authorize`, `prepare`, `generate`,
/// `collector`, `transformer`). Every object with a `.ts` `location` and a
/// `content` string is code. Only the last `test` event and the last
/// `realize` event count: AutoBe retries a phase until it compiles, and the
/// last attempt is what it wrote to disk.
///
/// Code strings become buffers of their own, named after the code's path
/// under the project folder (`<project>/src/providers/x.ts`), so that
/// diagnostics read as that file's line and column; the project's
/// EmbeddedSources map gives each such diagnostic a note at the same
/// character of the JSON string (NT131). A recorded compiler diagnostic
/// (`compiled.type == "failure"`: `{file, category, code, start, length,
/// messageText}`) becomes TSC001 (errors) or TSC002 (other categories) at
/// its file and offset (`start` counts UTF-16 code units), with a note at
/// the record (NT132).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_AUTOBE_AUTOBEHISTORY_H
#define ABV_FRONTEND_AUTOBE_AUTOBEHISTORY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace abv {

class DiagnosticEngine;
class Project;

struct HistoryLoadOptions {
  /// The folder code paths are relative to (the project folder); code gets
  /// buffers named `<root>/<location>`.
  std::string root;
  /// Top-level folders (`src`, `test`) whose code is loaded from the
  /// history: those the project has no folder for on disk. Empty with
  /// loadAll: every code string is loaded.
  llvm::SmallVector<std::string, 2> loadFolders;
  bool loadAll = false;
};

/// Reads the history in buffer \p bufferID into \p project.history (the
/// metadata of every code string), adds the code to load as buffers (their
/// IDs appended to \p codeBuffers, for the TypeScript frontend) and reports
/// the recorded compiler results. Code that is not loaded is matched with
/// the project's buffers by name. Returns false when the file holds no
/// `test` or `realize` event (or is not a history): nothing was read.
bool readAutoBeHistory(Project &project, unsigned bufferID,
                       DiagnosticEngine &diags,
                       const HistoryLoadOptions &options,
                       llvm::SmallVectorImpl<unsigned> &codeBuffers);

} // namespace abv

#endif // ABV_FRONTEND_AUTOBE_AUTOBEHISTORY_H
