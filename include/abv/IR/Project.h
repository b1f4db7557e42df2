//===- Project.h - A generated project lowered into the IR -----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A Project is the root of ABV's IR for one generated backend: every
/// artifact lowered into its layer. Its source buffers live in a
/// SourceManager it shares with the other projects of its Workspace (a
/// candidate and its reference), or in one of its own.
///
/// A layer may come in two artifacts: the DB schema as `.prisma` text and as
/// AutoBe's DB AST (`autobe/prisma.json`), the API as AutoBe's OpenAPI AST
/// (`autobe/document.json`) and as an OpenAPI document. One of them is the
/// layer's canonical artifact, the one passes check and findings point at
/// (docs/Architecture.md, "One artifact per layer"):
///
/// - DB: the `.prisma` text, the schema a developer edits and Prisma
///   compiles; the loader copies onto it what only the AST knows (stances,
///   AutoBe's logical types, material views, namespaces).
/// - API: AutoBe's `document.json`, the only one carrying the links to the
///   DB (`x-autobe-*`), the actors and the prerequisites; AutoBe's OpenAPI
///   document is generated from it.
///
/// The other artifact is its twin: db-sync compares the two, and every
/// finding in a paired node gets a note at the twin (TwinMap).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_PROJECT_H
#define ABV_IR_PROJECT_H

#include "abv/Basic/EmbeddedSources.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Basic/TwinMap.h"
#include "abv/IR/API.h"
#include "abv/IR/DB.h"
#include "abv/IR/LogicHistory.h"

#include "llvm/ADT/SmallVector.h"

#include <memory>
#include <string>
#include <vector>

namespace abv {

namespace ts {
class SourceFile;
} // namespace ts
namespace logic {
class Module;
} // namespace logic

class Project {
public:
  /// A project with a SourceManager of its own.
  Project();
  /// A project whose buffers live in \p sources (a Workspace's).
  explicit Project(SourceManager &sources);
  Project(const Project &) = delete;
  Project &operator=(const Project &) = delete;
  ~Project();

  SourceManager &getSourceManager() const { return *sources; }

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

  /// The TypeScript files read (`src/**/*.ts` and `test/**/*.ts` of a
  /// project folder, and `.ts` files named directly), as syntax trees
  /// (abv/Frontend/TypeScript/TSAST.h), in path order. Shared pointers so
  /// that this header needs no definition of ts::SourceFile.
  std::vector<std::shared_ptr<ts::SourceFile>> tsFiles;
  /// The logic IR lowered from tsFiles (abv/IR/Logic.h), or null when the
  /// project has no TypeScript.
  std::unique_ptr<logic::Module> logic;

  /// What AutoBe's `autobe/histories.json` records about the TypeScript
  /// (the endpoint of each test and provider), if it was read.
  std::unique_ptr<LogicHistory> history;
  /// The buffers read out of JSON strings (the history's code), for the
  /// notes that point back into them.
  EmbeddedSources embeddedSources;

  /// The canonical DB schema: the `.prisma` text, else AutoBe's AST.
  const db::Schema *getDBSchema() const {
    return prismaSchema ? prismaSchema.get() : autobeSchema.get();
  }
  /// The DB schema's twin artifact, when both are present.
  const db::Schema *getDBTwin() const {
    return prismaSchema ? autobeSchema.get() : nullptr;
  }
  /// The canonical API document: AutoBe's AST, else the OpenAPI document.
  const api::Document *getAPIDocument() const {
    return autobeDocument ? autobeDocument.get() : openapiDocument.get();
  }
  /// The API document's twin artifact, when both are present.
  const api::Document *getAPITwin() const {
    return autobeDocument ? openapiDocument.get() : nullptr;
  }

  /// Every DB schema present, `.prisma` (canonical) first.
  llvm::SmallVector<const db::Schema *, 2> getDBSchemas() const {
    llvm::SmallVector<const db::Schema *, 2> result;
    if (prismaSchema)
      result.push_back(prismaSchema.get());
    if (autobeSchema)
      result.push_back(autobeSchema.get());
    return result;
  }
  /// Every API document present, canonical first.
  llvm::SmallVector<const api::Document *, 2> getAPIDocuments() const {
    llvm::SmallVector<const api::Document *, 2> result;
    if (const api::Document *doc = getAPIDocument())
      result.push_back(doc);
    if (const api::Document *twin = getAPITwin())
      result.push_back(twin);
    return result;
  }

  /// Pairs of the canonical DB schema's nodes with the twin's, and of the
  /// canonical API document's (filled by the loader).
  TwinMap dbTwins{"AutoBe's DB AST"};
  TwinMap apiTwins{"the OpenAPI document"};

  /// Whether the project holds any artifact at all.
  bool empty() const {
    return !prismaSchema && !autobeSchema && !openapiDocument &&
           !autobeDocument && tsFiles.empty();
  }

private:
  std::unique_ptr<SourceManager> ownedSources;
  SourceManager *sources;
};

/// Owns the sources of several projects (a candidate and its reference, a
/// batch of runs), so that one DiagnosticEngine can report on all of them.
class Workspace {
public:
  Workspace() = default;
  Workspace(const Workspace &) = delete;
  Workspace &operator=(const Workspace &) = delete;

  SourceManager &getSourceManager() { return sources; }
  const SourceManager &getSourceManager() const { return sources; }

  /// Adds an empty project whose buffers live in this workspace.
  Project &addProject() {
    projects.push_back(std::make_unique<Project>(sources));
    return *projects.back();
  }
  llvm::ArrayRef<std::unique_ptr<Project>> getProjects() const {
    return projects;
  }

private:
  SourceManager sources;
  std::vector<std::unique_ptr<Project>> projects;
};

} // namespace abv

#endif // ABV_IR_PROJECT_H
