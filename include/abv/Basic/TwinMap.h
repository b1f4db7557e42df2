//===- TwinMap.h - Where a declaration's twin artifact is ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// An AutoBe project often describes one layer twice: the DB schema as
/// `autobe/prisma.json` and as the `.prisma` text written from it, the API as
/// `autobe/document.json` and as an OpenAPI document. The loader pairs the
/// two (clang's canonical declaration and its redeclaration); passes see
/// only the canonical artifact, and every finding located in it gets a note
/// at the twin of the innermost paired node it falls in.
///
/// A TwinMap holds those pairs as ranges only (it is built from the IR but
/// does not depend on it), so the DiagnosticEngine can consult it when a
/// diagnostic is committed.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_TWINMAP_H
#define ABV_BASIC_TWINMAP_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <string>
#include <vector>

namespace abv {

class TwinMap {
public:
  /// \p twinDescription names the twin artifact in notes: "AutoBe's DB
  /// AST".
  explicit TwinMap(std::string twinDescription)
      : description(std::move(twinDescription)) {}

  /// Pairs the node spelled at \p canonical with the one at \p twin. Nodes
  /// must nest properly (a field inside its model), as IR nodes do.
  void add(llvm::SMRange canonical, llvm::SMRange twin);

  /// The twin of the innermost paired node whose canonical range contains
  /// \p loc; an invalid range when \p loc is in no paired node.
  llvm::SMRange lookup(llvm::SMLoc loc) const;

  llvm::StringRef getDescription() const { return description; }
  size_t size() const { return entries.size(); }

private:
  struct Entry {
    const char *start;
    const char *end;
    llvm::SMRange twin;
    /// The innermost entry containing this one, or -1.
    int parent;
  };
  void build() const;

  std::string description;
  mutable std::vector<Entry> entries;
  mutable bool built = true;
};

} // namespace abv

#endif // ABV_BASIC_TWINMAP_H
