//===- LogicHistory.h - What AutoBe's history says about the logic -*- C++
//-*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The facts about a project's TypeScript that only AutoBe's
/// `autobe/histories.json` records: which endpoint each end-to-end test was
/// written for (its scenario), which endpoint each provider implements, and
/// what TypeScript's compiler said when AutoBe compiled them. The loader
/// fills it from the last `test` event and the last `realize` event
/// (lib/Frontend/AutoBe/AutoBeHistory.cpp); later checks read it through
/// Project::history.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_LOGICHISTORY_H
#define ABV_IR_LOGICHISTORY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <string>
#include <vector>

namespace abv {

/// One piece of code a history event carries.
struct HistoryCode {
  /// The code's own path, relative to the project (`src/providers/x.ts`).
  std::string location;
  /// "test" or "realize".
  std::string event;
  /// The JSON string literal holding the code (with its quotes).
  llvm::SMRange content;
  /// The buffer the code was read into: a virtual buffer named after
  /// `location` when the code was loaded from the history, else the file on
  /// disk when its text is the same; 0 when neither.
  unsigned bufferID = 0;
  /// Whether the code was loaded from the history (no file on disk).
  bool fromHistory = false;

  /// The endpoint the code is for: a test's `scenario.endpoint`, a
  /// provider's `endpoint`; empty when none is recorded.
  std::string method; ///< Lower case, as AutoBe writes it ("post").
  std::string path;   ///< "/todoList/user/todoItems/{todoItemId}".
  llvm::SMRange endpoint;
  /// A test's `scenario.functionName` or a function's `name`.
  std::string name;
  /// A test scenario's intent (`scenario.draft`), a provider's empty.
  std::string intent;
  /// 2026's kind of function (`operation`, `authorize`, `collector`, ...);
  /// empty in the 2025 shape.
  std::string kind;

  bool isTest() const { return event == "test"; }
  bool hasEndpoint() const { return !method.empty() && !path.empty(); }
};

/// The code of a project's history, from its last `test` and last `realize`
/// events, in the order the events list it.
struct LogicHistory {
  /// The histories.json file read.
  std::string file;
  std::vector<HistoryCode> code;

  /// The code whose location is \p location, or null.
  const HistoryCode *find(llvm::StringRef location) const {
    for (const HistoryCode &entry : code)
      if (entry.location == location)
        return &entry;
    return nullptr;
  }
};

} // namespace abv

#endif // ABV_IR_LOGICHISTORY_H
