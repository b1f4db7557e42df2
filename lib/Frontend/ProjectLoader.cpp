//===- ProjectLoader.cpp - Finds and loads a project's artifacts ----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Frontend/ProjectLoader.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/Timing.h"
#include "abv/Basic/YAML.h"
#include "abv/Frontend/ArtifactPairing.h"
#include "abv/Frontend/AutoBe/AutoBeAPI.h"
#include "abv/Frontend/AutoBe/AutoBeDB.h"
#include "abv/Frontend/AutoBe/AutoBeHistory.h"
#include "abv/Frontend/Logic/LogicLowering.h"
#include "abv/Frontend/OpenAPI/OpenAPIFrontend.h"
#include "abv/Frontend/Prisma/PrismaFrontend.h"
#include "abv/Frontend/ProjectFolder.h"
#include "abv/Frontend/TypeScript/TSFrontend.h"
#include "abv/IR/Project.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace abv;
using namespace llvm;

namespace {
/// The artifact files found for one project, before parsing.
struct ArtifactSet {
  std::vector<std::string> prismaFiles;
  std::vector<std::string> autobeDBFiles;
  /// JSON and YAML documents whose kind is told from their name or
  /// content: AutoBe's OpenAPI AST, an OpenAPI document, or (by default) a
  /// DB AST. YAML ones are always OpenAPI documents.
  std::vector<std::string> jsonFiles;
  /// TypeScript sources: `src/**/*.ts` and `test/**/*.ts` of a folder, or
  /// `.ts` files named directly.
  std::vector<std::string> tsFiles;
  /// AutoBe's `autobe/histories.json` of a folder, with what to load from
  /// it (the code of `src/` or `test/` when the folder has none).
  std::vector<std::pair<std::string, HistoryLoadOptions>> histories;

  bool empty() const {
    return prismaFiles.empty() && autobeDBFiles.empty() && jsonFiles.empty() &&
           tsFiles.empty() && histories.empty();
  }
};
} // namespace

namespace {
enum class JSONKind { AutoBeDB, AutoBeAPI, OpenAPI, AutoBeHistory, TokenUsage };
} // namespace

/// Whether \p text has \p quotedKey ("\"openapi\"") followed by a colon,
/// anywhere: documents may put `components` first, so the version key can
/// be megabytes in.
static bool hasKey(StringRef text, StringRef quotedKey) {
  for (size_t at = text.find(quotedKey); at != StringRef::npos;
       at = text.find(quotedKey, at + 1)) {
    StringRef rest = text.drop_front(at + quotedKey.size()).ltrim(" \t\r\n");
    if (rest.starts_with(":"))
      return true;
  }
  return false;
}

/// What a JSON artifact is: by its file name (`prisma.json`,
/// `document.json`, `swagger.json`, `openapi.json`), else by its keys
/// (`"openapi"` / `"swagger"`: OpenAPI; `"operations"`: AutoBe's OpenAPI
/// AST); a DB AST otherwise. A YAML file is an OpenAPI document: AutoBe
/// writes its ASTs only as JSON.
static JSONKind classifyJSON(StringRef path, StringRef text) {
  if (json::isYAMLPath(path))
    return JSONKind::OpenAPI;
  StringRef name = sys::path::filename(path);
  if (name == "prisma.json")
    return JSONKind::AutoBeDB;
  if (name == "document.json")
    return JSONKind::AutoBeAPI;
  if (name == "swagger.json" || name == "openapi.json")
    return JSONKind::OpenAPI;
  if (name == "histories.json")
    return JSONKind::AutoBeHistory;
  if (name == "tokenUsage.json")
    return JSONKind::TokenUsage;
  if (hasKey(text, "\"openapi\"") || hasKey(text, "\"swagger\""))
    return JSONKind::OpenAPI;
  if (hasKey(text, "\"operations\""))
    return JSONKind::AutoBeAPI;
  // AutoBe's history is an array of events; its token usage an object of
  // counters by phase.
  if (text.ltrim().starts_with("[") && hasKey(text, "\"type\"") &&
      (hasKey(text, "\"created_at\"") || hasKey(text, "\"contents\"")))
    return JSONKind::AutoBeHistory;
  if (hasKey(text, "\"aggregate\"") && hasKey(text, "\"facade\""))
    return JSONKind::TokenUsage;
  return JSONKind::AutoBeDB;
}

static bool isDirectory(const Twine &path) {
  return sys::fs::is_directory(path);
}

static void findInFolder(StringRef dir, ProjectFolder &folder,
                         ArtifactSet &set) {
  auto join = [&](StringRef a, StringRef b = "") {
    SmallString<256> path(dir);
    sys::path::append(path, a);
    if (!b.empty())
      sys::path::append(path, b);
    return std::string(path);
  };

  // Every file found is checked to resolve inside the folder; one that
  // leads out is reported and skipped.
  auto add = [&](std::vector<std::string> &list, std::string file) {
    if (folder.isInside(file))
      list.push_back(std::move(file));
  };
  std::string schemaDir = join("prisma", "schema");
  if (isDirectory(schemaDir)) {
    if (folder.isInside(schemaDir))
      folder.collect(schemaDir, ".prisma", /*recursive=*/true, set.prismaFiles);
  } else if (std::string file = join("prisma", "schema.prisma");
             sys::fs::exists(file)) {
    add(set.prismaFiles, file);
  } else if (std::string file = join("schema.prisma"); sys::fs::exists(file)) {
    add(set.prismaFiles, file);
  } else {
    folder.collect(dir, ".prisma", /*recursive=*/false, set.prismaFiles);
  }

  // AutoBe's ASTs in `autobe/`, or in the folder itself when the folder
  // named is `autobe/`.
  for (StringRef sub : {"autobe", ""}) {
    if (std::string file = join(sub, "prisma.json");
        sys::fs::exists(file) && set.autobeDBFiles.empty())
      add(set.autobeDBFiles, file);
    if (std::string file = join(sub, "document.json");
        sys::fs::exists(file) &&
        llvm::none_of(set.jsonFiles, [](const std::string &path) {
          return sys::path::filename(path) == "document.json";
        }))
      add(set.jsonFiles, file);
  }
  // The OpenAPI document: at the top, or where AutoBe keeps a copy. The
  // first name found wins, so a JSON document is preferred over a YAML one
  // (which is then not read).
  for (StringRef name : {"swagger.json", "openapi.json", "swagger.yaml",
                         "swagger.yml", "openapi.yaml", "openapi.yml"}) {
    if (std::string file = join(name); sys::fs::exists(file)) {
      add(set.jsonFiles, file);
      break;
    }
    if (std::string file = join("autobe", name); sys::fs::exists(file)) {
      add(set.jsonFiles, file);
      break;
    }
  }

  // The logic: providers, collectors, transformers, DTOs, controllers (src)
  // and end-to-end tests (test).
  HistoryLoadOptions history;
  history.root = dir.str();
  for (StringRef sub : {"src", "test"}) {
    if (std::string folderPath = join(sub);
        isDirectory(folderPath) && folder.isInside(folderPath))
      folder.collect(folderPath, ".ts", /*recursive=*/true, set.tsFiles,
                     /*skipFolder=*/"node_modules");
    else
      history.loadFolders.push_back(sub.str());
  }
  // AutoBe's history: which endpoint each test and provider is for, the
  // compiler's results, and the code of a folder the project lacks.
  if (std::string file = join("autobe", "histories.json");
      sys::fs::exists(file) && folder.isInside(file))
    set.histories.emplace_back(file, std::move(history));
}

LoadResult abv::loadProject(Project &project, ArrayRef<std::string> inputs,
                            DiagnosticEngine &diags, uint64_t sizeLimit) {
  LoadOptions options;
  options.sizeLimit = sizeLimit;
  return loadProject(project, inputs, diags, options);
}

LoadResult abv::loadProject(Project &project, ArrayRef<std::string> inputs,
                            DiagnosticEngine &diags,
                            const LoadOptions &options) {
  uint64_t sizeLimit = options.sizeLimit;
  Timing *timing = options.timing;
  SourceManager &sm = project.getSourceManager();
  ArtifactSet set;
  bool unreadable = false;

  auto reportNoArtifacts = [&](const std::string &input) {
    diags.report(DiagID::InputNoArtifacts, SMRange())
        << input
        << "prisma/schema/*.prisma, schema.prisma, *.prisma, "
           "autobe/prisma.json, autobe/document.json, swagger.json, "
           "openapi.json, swagger.yaml, openapi.yaml, src/**/*.ts, "
           "test/**/*.ts";
    unreadable = true;
  };
  SmallVector<std::string, 1> historyOnly;
  for (const std::string &input : inputs) {
    if (isDirectory(input)) {
      if (project.rootPath.empty())
        project.rootPath = input;
      ArtifactSet found;
      ProjectFolder folder(input, diags, options.allowOutsideRoot);
      findInFolder(input, folder, found);
      if (folder.hadUnreadable())
        unreadable = true;
      if (found.empty()) {
        reportNoArtifacts(input);
        continue;
      }
      // A history alone is an artifact only if it holds code (decided once
      // it is read).
      if (found.prismaFiles.empty() && found.autobeDBFiles.empty() &&
          found.jsonFiles.empty() && found.tsFiles.empty())
        historyOnly.push_back(input);
      set.prismaFiles.insert(set.prismaFiles.end(), found.prismaFiles.begin(),
                             found.prismaFiles.end());
      set.autobeDBFiles.insert(set.autobeDBFiles.end(),
                               found.autobeDBFiles.begin(),
                               found.autobeDBFiles.end());
      set.jsonFiles.insert(set.jsonFiles.end(), found.jsonFiles.begin(),
                           found.jsonFiles.end());
      set.tsFiles.insert(set.tsFiles.end(), found.tsFiles.begin(),
                         found.tsFiles.end());
      for (auto &history : found.histories)
        set.histories.push_back(std::move(history));
      continue;
    }
    if (!sys::fs::exists(input)) {
      diags.report(DiagID::InputUnreadable, SMRange())
          << input << "no such file or directory";
      unreadable = true;
      continue;
    }
    StringRef ext = sys::path::extension(input);
    if (ext == ".prisma") {
      set.prismaFiles.push_back(input);
    } else if (ext == ".json" || json::isYAMLPath(input)) {
      set.jsonFiles.push_back(input);
    } else if (ext == ".ts") {
      set.tsFiles.push_back(input);
    } else {
      diags.report(DiagID::InputUnknownKind, SMRange())
          << input
          << "a folder, a .prisma schema, a .json artifact, a .yaml / "
             ".yml OpenAPI document or a .ts file";
      unreadable = true;
    }
  }

  // Reads one file; a file that cannot be read at all makes the whole
  // load unreadable (exit 2), one with bad content does not. A file is
  // read once however many names reach it (named twice, named and found
  // in a folder, a hard or symbolic link).
  DenseSet<sys::fs::UniqueID> readFiles;
  auto addFile = [&](const std::string &file,
                     bool code = false) -> std::optional<unsigned> {
    TimingRegion region(timing, TimingKind::Frontend, "reading files");
    sys::fs::UniqueID fileID;
    if (!sys::fs::getUniqueID(file, fileID) && !readFiles.insert(fileID).second)
      return std::nullopt;
    size_t before = diags.getDiagnostics().size();
    std::optional<unsigned> id =
        addSourceFile(sm, diags, file, sizeLimit, /*allowSparseNul=*/code);
    for (size_t i = before, e = diags.getDiagnostics().size(); i < e; ++i)
      if (diags.getDiagnostics()[i].id == DiagID::InputUnreadable)
        unreadable = true;
    return id;
  };

  // The .prisma files form one schema.
  SmallVector<unsigned, 8> prismaBuffers;
  for (const std::string &file : set.prismaFiles)
    if (std::optional<unsigned> id = addFile(file))
      prismaBuffers.push_back(*id);
  if (!prismaBuffers.empty()) {
    TimingRegion region(timing, TimingKind::Frontend, "Prisma schema");
    project.prismaSchema = parsePrismaSchema(sm, prismaBuffers, diags);
  }

  // One DB AST per project; further ones are read but only the first kept.
  for (const std::string &file : set.autobeDBFiles) {
    std::optional<unsigned> id = addFile(file);
    if (!id)
      continue;
    TimingRegion region(timing, TimingKind::Frontend, "AutoBe DB AST");
    std::unique_ptr<db::Schema> schema = parseAutoBeDB(sm, *id, diags);
    if (schema && !project.autobeSchema)
      project.autobeSchema = std::move(schema);
  }

  // Other JSON (and YAML) documents: the name says what they are, else the
  // content. json::parse reads a `.yaml` / `.yml` buffer as YAML.
  size_t skipped = 0;
  SmallVector<unsigned, 1> namedHistories;
  for (const std::string &file : set.jsonFiles) {
    std::optional<unsigned> id = addFile(file);
    if (!id)
      continue;
    switch (classifyJSON(file, sm.getBuffer(*id)->getBuffer())) {
    case JSONKind::AutoBeDB: {
      TimingRegion region(timing, TimingKind::Frontend, "AutoBe DB AST");
      if (auto schema = parseAutoBeDB(sm, *id, diags);
          schema && !project.autobeSchema)
        project.autobeSchema = std::move(schema);
      break;
    }
    case JSONKind::AutoBeAPI: {
      TimingRegion region(timing, TimingKind::Frontend, "AutoBe API AST");
      if (auto doc = parseAutoBeAPI(sm, *id, diags);
          doc && !project.autobeDocument)
        project.autobeDocument = std::move(doc);
      break;
    }
    case JSONKind::OpenAPI: {
      TimingRegion region(timing, TimingKind::Frontend, "OpenAPI document");
      if (auto doc = parseOpenAPI(sm, *id, diags);
          doc && !project.openapiDocument)
        project.openapiDocument = std::move(doc);
      break;
    }
    case JSONKind::AutoBeHistory:
      // Named directly: all its code is read, under the folder holding
      // `autobe/` (or the file's own folder).
      namedHistories.push_back(*id);
      break;
    case JSONKind::TokenUsage:
      ++skipped;
      diags.report(DiagID::InputNotAnArtifact,
                   SMLoc::getFromPointer(sm.getBufferText(*id).data()))
          << sys::path::filename(file) << "AutoBe's token usage by phase";
      break;
    }
  }
  // TypeScript files, parsed on worker threads.
  SmallVector<unsigned, 64> tsBuffers;
  for (const std::string &file : set.tsFiles)
    if (std::optional<unsigned> id = addFile(file, /*code=*/true))
      tsBuffers.push_back(*id);
  // AutoBe's history (one per project: the first read): its code joins the
  // TypeScript files; a history that holds no code is no artifact.
  diags.addEmbeddedSources(&project.embeddedSources);
  auto readHistory = [&](unsigned id, const HistoryLoadOptions &options,
                         bool named) {
    if (project.history)
      return;
    TimingRegion region(timing, TimingKind::Frontend, "AutoBe history");
    if (!readAutoBeHistory(project, id, diags, options, tsBuffers) && named) {
      ++skipped;
      diags.report(DiagID::InputNotAnArtifact,
                   SMLoc::getFromPointer(sm.getBufferText(id).data()))
          << sys::path::filename(sm.getBufferName(id))
          << "AutoBe's history of the generation with no test or realize "
             "event";
    }
  };
  for (const auto &[file, options] : set.histories)
    if (std::optional<unsigned> id = addFile(file))
      readHistory(*id, options, /*named=*/false);
  if (!project.history)
    for (const std::string &input : historyOnly)
      reportNoArtifacts(input);
  for (unsigned id : namedHistories) {
    HistoryLoadOptions options;
    options.loadAll = true;
    StringRef dir = sys::path::parent_path(sm.getBufferName(id));
    if (sys::path::filename(dir) == "autobe")
      dir = sys::path::parent_path(dir);
    options.root = dir.str();
    readHistory(id, options, /*named=*/true);
  }
  if (!tsBuffers.empty()) {
    TimingRegion region(timing, TimingKind::Frontend, "TypeScript");
    for (std::unique_ptr<ts::SourceFile> &file :
         parseTypeScriptFiles(sm, tsBuffers, diags))
      project.tsFiles.push_back(std::move(file));
  }
  if (!project.tsFiles.empty()) {
    TimingRegion region(timing, TimingKind::Frontend, "logic lowering");
    project.logic = lowerLogic(project.tsFiles);
  }
  // Named files that hold nothing to check (IN009 says what each is), and
  // nothing else: nothing was verified, as for a folder with no artifacts.
  if (skipped != 0 && skipped == set.jsonFiles.size() &&
      set.prismaFiles.empty() && set.autobeDBFiles.empty() &&
      set.tsFiles.empty())
    unreadable = true;

  // One canonical artifact per layer; findings in it get notes at its twin.
  TimingRegion pairing(timing, TimingKind::Frontend, "artifact pairing");
  pairArtifacts(project);
  diags.addTwinMap(&project.dbTwins);
  diags.addTwinMap(&project.apiTwins);
  return unreadable ? LoadResult::Unreadable : LoadResult::Ok;
}
