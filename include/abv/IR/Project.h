//===- Project.h - A generated project lowered into the IR -----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A Project is the root of ABV's IR: every artifact of one generated
/// backend, each lowered into its layer, plus the SourceManager that owns the
/// source text every location points into. Later layers (API, logic) are
/// added here beside the DB layer.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_PROJECT_H
#define ABV_IR_PROJECT_H

#include "abv/IR/API.h"
#include "abv/IR/DB.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

#include <memory>
#include <string>

namespace abv {

class Project {
public:
  Project() = default;
  Project(const Project &) = delete;
  Project &operator=(const Project &) = delete;

  SourceManager &getSourceMgr() { return sourceMgr; }
  const SourceManager &getSourceMgr() const { return sourceMgr; }

  /// The folder the project was loaded from (empty for loose files).
  std::string rootPath;

  /// The DB schema read from `.prisma` files, if any.
  std::unique_ptr<db::Schema> prismaSchema;
  /// The DB schema read from AutoBe's `autobe/prisma.json`, if any.
  std::unique_ptr<db::Schema> autobeSchema;

  /// The API read from an OpenAPI document (swagger.json), if any.
  std::unique_ptr<api::Document> openapiDocument;
  /// The API read from AutoBe's `autobe/document.json`, if any.
  std::unique_ptr<api::Document> autobeDocument;

  /// Every API document present, OpenAPI first.
  llvm::SmallVector<const api::Document *, 2> getAPIDocuments() const {
    llvm::SmallVector<const api::Document *, 2> result;
    if (openapiDocument)
      result.push_back(openapiDocument.get());
    if (autobeDocument)
      result.push_back(autobeDocument.get());
    return result;
  }

  /// Every DB schema present, `.prisma` first.
  llvm::SmallVector<const db::Schema *, 2> getDBSchemas() const {
    llvm::SmallVector<const db::Schema *, 2> result;
    if (prismaSchema)
      result.push_back(prismaSchema.get());
    if (autobeSchema)
      result.push_back(autobeSchema.get());
    return result;
  }

  /// Whether the project holds any artifact at all.
  bool empty() const {
    return !prismaSchema && !autobeSchema && !openapiDocument &&
           !autobeDocument;
  }

private:
  SourceManager sourceMgr;
};

} // namespace abv

#endif // ABV_IR_PROJECT_H
