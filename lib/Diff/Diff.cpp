//===- Diff.cpp - The semantic diff of a candidate and a reference --------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Diff/Diff.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/Basic/JSONWriter.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Diff/GoldenSpec.h"
#include "abv/Diff/Mapping.h"
#include "abv/Frontend/ProjectLoader.h"
#include "abv/IR/Project.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"

#include <cmath>

using namespace abv;
using namespace abv::diff;
using namespace llvm;

DiffExtension::~DiffExtension() = default;

//===----------------------------------------------------------------------===//
// Loading a side
//===----------------------------------------------------------------------===//

/// Whether a JSON file is an artifact the project loader reads: by its
/// name, or by a key of an OpenAPI document or of an AutoBe AST.
static bool isProjectArtifact(StringRef path, StringRef text) {
  StringRef name = sys::path::filename(path);
  if (name == "prisma.json" || name == "document.json" ||
      name == "swagger.json" || name == "openapi.json")
    return true;
  auto hasKey = [&](StringRef quotedKey) {
    for (size_t at = text.find(quotedKey); at != StringRef::npos;
         at = text.find(quotedKey, at + 1))
      if (text.drop_front(at + quotedKey.size())
              .ltrim(" \t\r\n")
              .starts_with(":"))
        return true;
    return false;
  };
  return hasKey("\"openapi\"") || hasKey("\"swagger\"") ||
         hasKey("\"operations\"") || hasKey("\"files\"") ||
         hasKey("\"models\"");
}

std::unique_ptr<Spec> abv::diff::loadSide(StringRef path, Workspace &workspace,
                                          DiagnosticEngine &diags,
                                          const LoadOptions &options) {
  uint64_t sizeLimit = options.sizeLimit;
  SourceManager &sources = workspace.getSourceManager();
  if (isGoldenSpecPath(path))
    return readGoldenSpec(path, sources, diags, sizeLimit);
  // A JSON file named directly: a golden spec, a project's artifact, or
  // neither. A file too large or unreadable is left to the loader to say.
  uint64_t size = 0;
  if (sys::path::extension(path) == ".json" && sys::fs::is_regular_file(path) &&
      !sys::fs::file_size(path, size) && size <= sizeLimit) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> peek = MemoryBuffer::getFile(path);
    if (peek) {
      StringRef text = (*peek)->getBuffer();
      if (looksLikeGoldenSpec(text))
        return readGoldenSpec(path, sources, diags, sizeLimit);
      if (!isProjectArtifact(path, text)) {
        std::optional<unsigned> id =
            addSourceFile(sources, diags, path, sizeLimit);
        if (!id)
          return nullptr;
        if (std::unique_ptr<abv::json::Document> doc =
                abv::json::parse(sources, *id, diags))
          diags.report(DiagID::DiffUnknownInput,
                       SMRange(doc->getRoot().getLoc(),
                               SMLoc::getFromPointer(
                                   doc->getRoot().getLoc().getPointer() + 1)))
              << path;
        return nullptr;
      }
    }
  }
  Project &project = workspace.addProject();
  std::vector<std::string> inputs{path.str()};
  if (loadProject(project, inputs, diags, options) != LoadResult::Ok)
    return nullptr;
  return buildProjectSpec(project, path);
}

//===----------------------------------------------------------------------===//
// Findings
//===----------------------------------------------------------------------===//

/// "4 entities", "1 endpoint".
static std::string count(size_t n, StringRef singular, StringRef plural) {
  return (Twine(n) + " " + (n == 1 ? singular : plural)).str();
}

/// Whether a candidate's method stands for the reference's by a
/// convention rather than a change: AutoBe's `PATCH` list for a `GET` list.
static bool isListConvention(const Endpoint &c, const Endpoint &r) {
  using M = api::HTTPMethod;
  return (c.method == M::Patch && c.isList && r.method == M::Get) ||
         (r.method == M::Patch && r.isList && c.method == M::Get);
}

void abv::diff::reportDifferences(const Spec &candidate, const Spec &reference,
                                  const Alignment &alignment,
                                  DiagnosticEngine &diags) {
  // Entities and their columns.
  if (reference.hasDB && !candidate.hasDB && !reference.entities.empty()) {
    diags.report(DiagID::DiffLayerMissing, reference.dbRange)
        << "DB schema"
        << count(reference.entities.size(), "entity", "entities");
  } else if (reference.hasDB && candidate.hasDB) {
    for (unsigned r = 0, e = reference.entities.size(); r != e; ++r)
      if (alignment.entities.getCandidate(r) < 0)
        diags.report(DiagID::DiffEntityMissing, reference.entities[r].range)
            << reference.entities[r].name;
    for (unsigned c = 0, e = candidate.entities.size(); c != e; ++c) {
      const Entity &ce = candidate.entities[c];
      int r = alignment.entities.getReference(c);
      if (r < 0) {
        diags.report(DiagID::DiffEntityExtra, ce.range) << ce.name;
        continue;
      }
      const Entity &re = reference.entities[r];
      if (c >= alignment.columns.size())
        continue;
      const Matching &columns = alignment.columns[c];
      for (unsigned j = 0, je = re.columns.size(); j != je; ++j)
        if (columns.getCandidate(j) < 0)
          (diags.report(DiagID::DiffColumnMissing, ce.range)
           << ce.name << re.columns[j].name << re.name)
                  .note(re.columns[j].range, NoteID::ReferenceDeclaresHere)
              << "column";
      for (unsigned i = 0, ie = ce.columns.size(); i != ie; ++i) {
        const Column &cc = ce.columns[i];
        int j = columns.getReference(i);
        if (j < 0) {
          (diags.report(DiagID::DiffColumnExtra, cc.range)
           << ce.name << cc.name << re.name)
                  .note(re.range, NoteID::ReferenceDeclaresHere)
              << "entity";
          continue;
        }
        const Column &rc = re.columns[j];
        if (cc.isRequired != rc.isRequired)
          (diags.report(DiagID::DiffColumnOptionality, cc.range)
           << ce.name << cc.name << (cc.isRequired ? "required" : "optional")
           << re.name << rc.name << (rc.isRequired ? "required" : "optional"))
                  .note(rc.range, NoteID::ReferenceDeclaresHere)
              << "column";
        // Enums are compared as enums: each side names its own.
        if (cc.type != db::TypeKind::Unknown &&
            rc.type != db::TypeKind::Unknown && cc.type != rc.type)
          (diags.report(DiagID::DiffColumnType, cc.range)
           << ce.name << cc.name << cc.typeName << re.name << rc.name
           << rc.typeName)
                  .note(rc.range, NoteID::ReferenceDeclaresHere)
              << "column";
      }
    }
  }

  // Endpoints.
  if (reference.hasAPI && !candidate.hasAPI && !reference.endpoints.empty()) {
    diags.report(DiagID::DiffLayerMissing, reference.apiRange)
        << "API document"
        << count(reference.endpoints.size(), "endpoint", "endpoints");
  } else if (reference.hasAPI && candidate.hasAPI) {
    for (unsigned r = 0, e = reference.endpoints.size(); r != e; ++r)
      if (alignment.endpoints.getCandidate(r) < 0)
        diags.report(DiagID::DiffEndpointMissing, reference.endpoints[r].range)
            << reference.endpoints[r].label;
    for (unsigned c = 0, e = candidate.endpoints.size(); c != e; ++c) {
      const Endpoint &ce = candidate.endpoints[c];
      int r = alignment.endpoints.getReference(c);
      if (r < 0) {
        diags.report(DiagID::DiffEndpointExtra, ce.range) << ce.label;
        continue;
      }
      const Endpoint &re = reference.endpoints[r];
      if (ce.method != re.method && !isListConvention(ce, re))
        (diags.report(DiagID::DiffEndpointMethod, ce.range)
         << ce.label << re.label)
                .note(re.range, NoteID::ReferenceDeclaresHere)
            << "endpoint";
    }
  }
}

//===----------------------------------------------------------------------===//
// Figures
//===----------------------------------------------------------------------===//

std::optional<double> DimensionStats::getPrecision() const {
  if (!compared || candidate == 0)
    return std::nullopt;
  return double(matched) / candidate;
}

std::optional<double> DimensionStats::getRecall() const {
  if (!compared || reference == 0)
    return std::nullopt;
  return double(matched) / reference;
}

std::optional<double> DimensionStats::getF1() const {
  std::optional<double> p = getPrecision(), r = getRecall();
  if (!p || !r)
    return std::nullopt;
  if (*p + *r == 0)
    return 0.0;
  return 2 * *p * *r / (*p + *r);
}

DiffStats abv::diff::computeStats(const Spec &candidate, const Spec &reference,
                                  const Alignment &alignment) {
  DiffStats stats;
  if (reference.hasDB) {
    stats.entities.compared = stats.columns.compared = true;
    stats.entities.candidate = candidate.entities.size();
    stats.entities.reference = reference.entities.size();
    stats.entities.matched = alignment.entities.getNumPairs();
    for (unsigned c = 0, e = candidate.entities.size(); c != e; ++c) {
      int r = alignment.entities.getReference(c);
      if (r < 0)
        continue;
      stats.columns.candidate += candidate.entities[c].columns.size();
      stats.columns.reference += reference.entities[r].columns.size();
      if (c < alignment.columns.size())
        stats.columns.matched += alignment.columns[c].getNumPairs();
    }
  }
  if (reference.hasAPI) {
    stats.endpoints.compared = true;
    stats.endpoints.candidate = candidate.endpoints.size();
    stats.endpoints.reference = reference.endpoints.size();
    stats.endpoints.matched = alignment.endpoints.getNumPairs();
  }
  if (reference.kind == SpecKind::Project && reference.hasAPI) {
    stats.dtos.compared = true;
    stats.dtos.candidate = candidate.dtos.size();
    stats.dtos.reference = reference.dtos.size();
    stats.dtos.matched = alignment.dtos.getNumPairs();
  }
  return stats;
}

void abv::diff::printStats(raw_ostream &os, const DiffStats &stats,
                           const Spec &candidate, const Spec &reference,
                           bool asJSON) {
  std::pair<StringRef, const DimensionStats *> dimensions[] = {
      {"entities", &stats.entities},
      {"columns", &stats.columns},
      {"endpoints", &stats.endpoints},
      {"dtos", &stats.dtos}};
  if (asJSON) {
    llvm::json::OStream out(os, /*IndentSize=*/2);
    out.object([&] {
      out.attribute("candidate", candidate.path);
      out.attribute("reference", reference.path);
      out.attributeObject("dimensions", [&] {
        for (const auto &[name, dimension] : dimensions) {
          if (!dimension->compared) {
            out.attribute(name, nullptr);
            continue;
          }
          out.attributeObject(name, [&] {
            out.attribute("candidate", int64_t(dimension->candidate));
            out.attribute("reference", int64_t(dimension->reference));
            out.attribute("matched", int64_t(dimension->matched));
            auto figure = [&](StringRef key, std::optional<double> value) {
              out.attributeBegin(key);
              if (value)
                writeDecimal(out, *value, 3);
              else
                out.value(nullptr);
              out.attributeEnd();
            };
            figure("precision", dimension->getPrecision());
            figure("recall", dimension->getRecall());
            figure("f1", dimension->getF1());
          });
        }
      });
    });
    os << '\n';
    return;
  }
  os << "abv-diff: " << candidate.path << " against " << reference.path << '\n';
  os << formatv("  {0,-10} {1,9} {2,9} {3,7} {4,9} {5,6} {6,6}\n", "dimension",
                "candidate", "reference", "matched", "precision", "recall",
                "F1");
  for (const auto &[name, dimension] : dimensions) {
    if (!dimension->compared)
      continue;
    auto figure = [&](std::optional<double> value) {
      return value ? formatv("{0:F3}", *value).str() : std::string("-");
    };
    os << formatv("  {0,-10} {1,9} {2,9} {3,7} {4,9} {5,6} {6,6}\n", name,
                  dimension->candidate, dimension->reference,
                  dimension->matched, figure(dimension->getPrecision()),
                  figure(dimension->getRecall()), figure(dimension->getF1()));
  }
}

//===----------------------------------------------------------------------===//
// A session
//===----------------------------------------------------------------------===//

DiffSession::DiffSession(Workspace &workspace, DiagnosticEngine &diags,
                         DiffOptions options)
    : workspace(workspace), diags(diags), options(std::move(options)) {}

DiffSession::~DiffSession() = default;

bool DiffSession::load(StringRef candidatePath, StringRef referencePath) {
  candidate = loadSide(candidatePath, workspace, diags, options.load);
  reference = loadSide(referencePath, workspace, diags, options.load);
  return candidate && reference;
}

bool DiffSession::run(ArrayRef<DiffExtension *> extensions) {
  if (!candidate || !reference)
    return false;
  Matcher matcher(*candidate, *reference, options.match);
  if (!options.mappingFile.empty()) {
    std::optional<MappingFile> file =
        readMapping(options.mappingFile, workspace.getSourceManager(), diags,
                    *candidate, *reference, options.load.sizeLimit);
    if (!file)
      return false;
    alignment = std::move(file->alignment);
    if (!file->hasEntities)
      matcher.alignEntities(alignment);
    for (unsigned c = 0, e = candidate->entities.size(); c != e; ++c)
      if (!file->hasEntities || !file->hasColumns[c])
        matcher.alignColumns(alignment, c);
    if (!file->hasEndpoints)
      matcher.alignEndpoints(alignment);
    if (!file->hasDTOs)
      matcher.alignDTOs(alignment);
  } else {
    alignment = matcher.alignAll();
  }
  for (const Spec *side : {candidate.get(), reference.get()})
    if (side->entities.empty() && side->endpoints.empty())
      diags.report(DiagID::DiffEmptySide,
                   side->dbRange.isValid() ? side->dbRange : side->apiRange)
          << (side == candidate.get() ? "candidate" : "reference");
  reportDifferences(*candidate, *reference, alignment, diags);
  for (DiffExtension *extension : extensions)
    extension->compare(*candidate, *reference, alignment, diags);
  stats = computeStats(*candidate, *reference, alignment);
  return true;
}

Error DiffSession::writeMappingFile(StringRef path) const {
  if (!candidate || !reference)
    return createStringError(inconvertibleErrorCode(), "nothing to write");
  std::error_code ec;
  ToolOutputFile out(path, ec, sys::fs::OF_Text);
  if (ec)
    return createStringError(ec, "cannot write '%s': %s", path.str().c_str(),
                             ec.message().c_str());
  writeMapping(out.os(), *candidate, *reference, alignment);
  out.os().flush();
  if (out.os().has_error()) {
    out.os().clear_error();
    return createStringError(inconvertibleErrorCode(), "cannot write '%s'",
                             path.str().c_str());
  }
  out.keep();
  return Error::success();
}
