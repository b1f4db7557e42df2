//===- GoldenSpec.cpp - Reading a benchmark's golden spec -----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Diff/GoldenSpec.h"
#include "JSONShape.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/SourceManager.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace abv;
using namespace abv::diff;
using namespace llvm;

/// Whether \p text has the key \p quotedKey followed by a colon.
static bool hasKey(StringRef text, StringRef quotedKey) {
  for (size_t at = text.find(quotedKey); at != StringRef::npos;
       at = text.find(quotedKey, at + 1)) {
    StringRef rest = text.drop_front(at + quotedKey.size()).ltrim(" \t\r\n");
    if (rest.starts_with(":"))
      return true;
  }
  return false;
}

bool abv::diff::looksLikeGoldenSpec(StringRef text) {
  if (!hasKey(text, "\"entities\"") && !hasKey(text, "\"endpoints\""))
    return false;
  // Not a project's artifact, nor a mapping file (which lists entities and
  // endpoints too).
  for (StringRef projectKey : {"\"openapi\"", "\"swagger\"", "\"operations\"",
                               "\"files\"", "\"abv-diff-mapping\""})
    if (hasKey(text, projectKey))
      return false;
  return true;
}

bool abv::diff::isGoldenSpecPath(StringRef path) {
  if (sys::fs::is_directory(path)) {
    for (StringRef file : {GoldenSchemaFile, GoldenEndpointsFile}) {
      SmallString<256> full(path);
      sys::path::append(full, file);
      if (sys::fs::exists(full))
        return true;
    }
    return false;
  }
  StringRef name = sys::path::filename(path);
  return name.starts_with("golden-") && name.ends_with(".json");
}

namespace {
/// Reads the JSON of one golden file into a Spec.
class GoldenReader {
public:
  GoldenReader(Spec &spec, DiagnosticEngine &diags)
      : spec(spec), diags(diags) {}

  /// Reads the root object of one file.
  void readRoot(const json::Value &root);
  /// Resolves `<entity>_id` fields to their entities.
  void resolveForeignKeys();

private:
  void readEntity(const json::Value &value, const std::string &path);
  void readFields(const json::Value *list, bool required,
                  const std::string &path, Entity &entity,
                  StringMap<SMRange> &seen);
  void readEndpoint(const json::Value &value, const std::string &path);

  Spec &spec;
  DiagnosticEngine &diags;
  StringMap<SMRange> entityNames;
  StringMap<SMRange> endpointLabels;
};
} // namespace

void GoldenReader::readRoot(const json::Value &root) {
  static const KeySpec keys[] = {{"project", json::Kind::String},
                                 {"description", json::Kind::String},
                                 {"entities", json::Kind::Array},
                                 {"endpoints", json::Kind::Array}};
  SmallVector<const json::Value *, 4> values;
  if (!readObject(diags, root, keys, "", values))
    return;
  if (!values[2] && !values[3] && !root.findMember("entities") &&
      !root.findMember("endpoints"))
    diags.report(DiagID::JSONMissingKey, openingOf(root))
        << "a golden spec"
        << "entities' or 'endpoints";
  if (const json::Value *entities = values[2]) {
    spec.hasDB = true;
    if (!spec.dbRange.isValid())
      spec.dbRange = openingOf(*entities);
    for (size_t i = 0, e = entities->size(); i != e; ++i)
      readEntity(*entities->at(i), elementPath("entities", i));
  }
  if (const json::Value *endpoints = values[3]) {
    spec.hasAPI = true;
    if (!spec.apiRange.isValid())
      spec.apiRange = openingOf(*endpoints);
    for (size_t i = 0, e = endpoints->size(); i != e; ++i)
      readEndpoint(*endpoints->at(i), elementPath("endpoints", i));
  }
}

void GoldenReader::readEntity(const json::Value &value,
                              const std::string &path) {
  static const KeySpec keys[] = {
      {"name", json::Kind::String, /*required=*/true},
      {"description", json::Kind::String},
      {"required_fields", json::Kind::Array, /*required=*/true},
      {"optional_fields", json::Kind::Array}};
  SmallVector<const json::Value *, 4> values;
  if (!readObject(diags, value, keys, path, values) || !values[0])
    return;
  const json::Value &name = *values[0];
  if (name.getString().empty()) {
    diags.report(DiagID::DiffInvalidValue, name.getRange()) << "entity name"
                                                            << "\"\""
                                                            << "a name";
    return;
  }
  auto [it, inserted] =
      entityNames.try_emplace(name.getString(), name.getRange());
  if (!inserted) {
    (diags.report(DiagID::DiffDuplicate, name.getRange())
     << "entity" << name.getString())
        .note(it->second, NoteID::FirstListedHere);
    return;
  }
  Entity &entity = spec.entities.emplace_back();
  entity.name = name.getString();
  entity.range = name.getRange();
  StringMap<SMRange> seen;
  readFields(values[2], /*required=*/true, childPath(path, "required_fields"),
             entity, seen);
  readFields(values[3], /*required=*/false, childPath(path, "optional_fields"),
             entity, seen);
}

void GoldenReader::readFields(const json::Value *list, bool required,
                              const std::string &path, Entity &entity,
                              StringMap<SMRange> &seen) {
  if (!list)
    return;
  for (size_t i = 0, e = list->size(); i != e; ++i) {
    const json::Value &field = *list->at(i);
    if (!expectKind(diags, field, json::Kind::String, elementPath(path, i)))
      continue;
    if (field.getString().empty()) {
      diags.report(DiagID::DiffInvalidValue, field.getRange()) << "field name"
                                                               << "\"\""
                                                               << "a name";
      continue;
    }
    auto [it, inserted] = seen.try_emplace(field.getString(), field.getRange());
    if (!inserted) {
      (diags.report(DiagID::DiffDuplicate, field.getRange())
       << "field" << (entity.name + "." + field.getString()).str())
          .note(it->second, NoteID::FirstListedHere);
      continue;
    }
    Column &column = entity.columns.emplace_back();
    column.name = field.getString();
    column.range = field.getRange();
    column.isRequired = required;
  }
}

/// Whether \p path is a path template: it starts with '/'.
static bool isPathTemplate(StringRef path) { return path.starts_with("/"); }

void GoldenReader::readEndpoint(const json::Value &value,
                                const std::string &path) {
  static const KeySpec keys[] = {
      {"method", json::Kind::String, /*required=*/true},
      {"path", json::Kind::String, /*required=*/true},
      {"description", json::Kind::String}};
  SmallVector<const json::Value *, 3> values;
  if (!readObject(diags, value, keys, path, values) || !values[0] || !values[1])
    return;
  const json::Value &method = *values[0], &pathValue = *values[1];
  api::HTTPMethod httpMethod = api::parseHTTPMethod(method.getString());
  if (httpMethod == api::HTTPMethod::Unknown) {
    diags.report(DiagID::DiffInvalidValue, method.getRange())
        << "method" << method.getSourceText()
        << "an HTTP method (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)";
    return;
  }
  if (!isPathTemplate(pathValue.getString())) {
    diags.report(DiagID::DiffInvalidValue, pathValue.getRange())
        << "path" << pathValue.getSourceText()
        << "a path template (it starts with '/')";
    return;
  }
  std::string label = makeEndpointLabel(httpMethod, pathValue.getString());
  auto [it, inserted] = endpointLabels.try_emplace(label, pathValue.getRange());
  if (!inserted) {
    (diags.report(DiagID::DiffDuplicate, pathValue.getRange())
     << "endpoint" << label)
        .note(it->second, NoteID::FirstListedHere);
    return;
  }
  Endpoint &endpoint = spec.endpoints.emplace_back();
  endpoint.method = httpMethod;
  endpoint.path = pathValue.getString();
  endpoint.label = std::move(label);
  endpoint.range = pathValue.getRange();
  if (values[2])
    endpoint.description = values[2]->getString();
}

void GoldenReader::resolveForeignKeys() {
  StringMap<int> byName;
  for (size_t i = 0, e = spec.entities.size(); i != e; ++i)
    byName.try_emplace(spec.entities[i].name, int(i));
  for (Entity &entity : spec.entities)
    for (Column &column : entity.columns) {
      StringRef stem = column.name;
      if (!stem.consume_back("_id") || stem.empty())
        continue;
      auto it = byName.find(stem);
      if (it == byName.end())
        it = byName.find(singularize(stem));
      if (it != byName.end())
        column.target = it->second;
    }
}

std::unique_ptr<Spec> abv::diff::readGoldenSpec(StringRef path,
                                                SourceManager &sources,
                                                DiagnosticEngine &diags,
                                                uint64_t sizeLimit) {
  SmallVector<std::string, 2> files;
  if (sys::fs::is_directory(path)) {
    for (StringRef file : {GoldenSchemaFile, GoldenEndpointsFile}) {
      SmallString<256> full(path);
      sys::path::append(full, file);
      if (sys::fs::exists(full))
        files.push_back(std::string(full));
    }
  } else {
    files.push_back(path.str());
  }
  auto spec = std::make_unique<Spec>(SpecKind::Golden);
  spec->path = path.str();
  // A spec with an error is not compared: findings against half of it
  // would mislead.
  unsigned errorsBefore = diags.getCount(Severity::Error);
  GoldenReader reader(*spec, diags);
  bool anyRead = false;
  for (const std::string &file : files) {
    std::optional<unsigned> id = addSourceFile(sources, diags, file, sizeLimit);
    if (!id)
      return nullptr;
    std::unique_ptr<json::Document> doc = json::parse(sources, *id, diags);
    if (!doc)
      return nullptr;
    reader.readRoot(doc->getRoot());
    spec->documents.push_back(std::move(doc));
    anyRead = true;
  }
  if (!anyRead || diags.getCount(Severity::Error) != errorsBefore)
    return nullptr;
  reader.resolveForeignKeys();
  spec->finalize();
  return spec;
}
