//===- FuzzTarget.cpp - A libFuzzer target for one ABV frontend -----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One libFuzzer entry point, compiled once per target (fuzz/CMakeLists.txt)
/// with ABV_FUZZ_BUFFER_NAME (the artifact's file name, which tells JSON from
/// YAML) and ABV_FUZZ_ARTIFACT (the frontend that reads it; History: AutoBe's
/// histories.json with the TypeScript it carries). Each input is
/// what a hostile project could hold in that file: it is validated like a
/// file (addSourceBuffer), lowered, verified by the whole default pipeline,
/// and rendered in the three formats, as abv-verify would, on a thread with
/// the tools' stack size (their recursion bounds are sized for it).
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/Render.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Frontend/ArtifactPairing.h"
#include "abv/Frontend/AutoBe/AutoBeAPI.h"
#include "abv/Frontend/AutoBe/AutoBeDB.h"
#include "abv/Frontend/AutoBe/AutoBeHistory.h"
#include "abv/Frontend/Logic/LogicLowering.h"
#include "abv/Frontend/OpenAPI/OpenAPIFrontend.h"
#include "abv/Frontend/Prisma/PrismaFrontend.h"
#include "abv/Frontend/TypeScript/TSFrontend.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>

using namespace abv;
using namespace llvm;

namespace {
/// The frontends a target can feed.
enum class Artifact {
  Prisma,
  AutoBeDB,
  AutoBeAPI,
  OpenAPI,
  TypeScript,
  History
};

#ifndef ABV_FUZZ_BUFFER_NAME
#error "define ABV_FUZZ_BUFFER_NAME (the artifact's file name)"
#endif
#ifndef ABV_FUZZ_ARTIFACT
#error                                                                         \
    "define ABV_FUZZ_ARTIFACT (Prisma, AutoBeDB, AutoBeAPI, OpenAPI, TypeScript or History)"
#endif
constexpr Artifact TargetArtifact = Artifact::ABV_FUZZ_ARTIFACT;

/// The tools' stack (lib/Tool/ToolDriver.cpp).
constexpr unsigned StackSize = 64u << 20;

void lower(Project &project, unsigned id, DiagnosticEngine &diags) {
  SourceManager &sm = project.getSourceManager();
  switch (TargetArtifact) {
  case Artifact::Prisma: {
    unsigned ids[] = {id};
    project.prismaSchema = parsePrismaSchema(sm, ids, diags);
    break;
  }
  case Artifact::AutoBeDB:
    project.autobeSchema = parseAutoBeDB(sm, id, diags);
    break;
  case Artifact::AutoBeAPI:
    project.autobeDocument = parseAutoBeAPI(sm, id, diags);
    break;
  case Artifact::OpenAPI:
    project.openapiDocument = parseOpenAPI(sm, id, diags);
    break;
  case Artifact::TypeScript: {
    unsigned ids[] = {id};
    for (std::unique_ptr<ts::SourceFile> &file :
         parseTypeScriptFiles(sm, ids, diags))
      project.tsFiles.push_back(std::move(file));
    project.logic = lowerLogic(project.tsFiles);
    break;
  }
  case Artifact::History: {
    // As the loader reads a history with no src/ or test/ on disk: every
    // code string becomes a buffer, parsed and lowered.
    diags.addEmbeddedSources(&project.embeddedSources);
    HistoryLoadOptions options;
    options.loadAll = true;
    options.root = "project";
    SmallVector<unsigned, 16> code;
    readAutoBeHistory(project, id, diags, options, code);
    for (std::unique_ptr<ts::SourceFile> &file :
         parseTypeScriptFiles(sm, code, diags))
      project.tsFiles.push_back(std::move(file));
    if (!project.tsFiles.empty())
      project.logic = lowerLogic(project.tsFiles);
    break;
  }
  }
}

void runOne(StringRef bytes) {
  Project project;
  DiagnosticEngine diags(project.getSourceManager());
  std::optional<unsigned> id = addSourceBuffer(
      project.getSourceManager(), diags,
      MemoryBuffer::getMemBufferCopy(bytes, ABV_FUZZ_BUFFER_NAME));
  if (id)
    lower(project, *id, diags);
  pairArtifacts(project);

  static PassRegistry *registry = [] {
    auto *created = new PassRegistry();
    registerAllPasses(*created);
    return created;
  }();
  PassManager passes(*registry);
  passes.setVerifyIR(true);
  passes.addDefaultPipeline();
  passes.run(project, diags);

  diags.sortByLocation();
  RenderOptions options;
  raw_null_ostream null;
  for (OutputFormat format :
       {OutputFormat::Text, OutputFormat::JSON, OutputFormat::SARIF})
    render(format, null, project.getSourceManager(), diags.getDiagnostics(),
           options);
}

/// The thread inputs run on: created once (a thread per input would cost
/// more than most inputs), with the tools' stack size.
class Worker {
public:
  Worker() : thread(std::optional<unsigned>(StackSize), [this] { loop(); }) {}

  void run(StringRef bytes) {
    std::unique_lock<std::mutex> lock(mutex);
    job = bytes;
    pending = true;
    changed.notify_all();
    changed.wait(lock, [&] { return !pending; });
  }

private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return pending; });
      runOne(job);
      pending = false;
      changed.notify_all();
    }
  }

  std::mutex mutex;
  std::condition_variable changed;
  StringRef job;
  bool pending = false;
  llvm::thread thread;
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // Never destroyed: the process ends with the worker waiting.
  static Worker *worker = new Worker();
  worker->run(StringRef(reinterpret_cast<const char *>(data), size));
  return 0;
}
