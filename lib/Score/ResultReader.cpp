//===- ResultReader.cpp - Reading results to merge and published tables --===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The files `--merge` and `--compare-published` read, through ABV's
/// located JSON parser: every problem (syntax, a value of the wrong type, a
/// missing or unknown key, a file that is no result) is reported at the key
/// or value at fault.
///
//===----------------------------------------------------------------------===//

#include "ObjectReader.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Score/Report.h"

#include "llvm/ADT/STLExtras.h"

using namespace abv;
using namespace abv::score;
using namespace llvm;

namespace {
using K = json::Kind;

/// Reads an abv-score JSON result (docs/ScoreJSON.md) into a Batch.
class ResultReader : public ObjectReader {
public:
  ResultReader(DiagnosticEngine &diags, StringRef fileName)
      : ObjectReader(diags), fileName(fileName) {}

  bool read(const json::Value &root, Batch &batch);

private:
  std::string readString(const json::Value *value) {
    return value ? value->getString().str() : std::string();
  }
  bool readBool(const json::Value *value, bool otherwise) {
    return value ? value->getAsBoolean().value_or(otherwise) : otherwise;
  }
  double readDouble(const json::Value *value, const std::string &path) {
    return readNumber(value, path, -1e300, 1e300, "a finite number")
        .value_or(0);
  }
  std::optional<Deduction> readDeduction(const json::Value &value,
                                         const std::string &path);
  void readDeductions(const json::Value *array, const std::string &path,
                      std::vector<Deduction> &deductions);
  /// An object whose values are all numbers ("sizes", "families", "f1").
  template <typename T>
  void readNumberMap(const json::Value *object, const std::string &path,
                     std::map<std::string, T> &map);
  std::optional<CategoryScore> readCategory(const json::Value &value,
                                            const std::string &path);
  std::optional<Finding> readFinding(const json::Value &value,
                                     const std::string &path);
  void readRun(const json::Value &value, const std::string &path, Batch &batch);

  StringRef fileName;
};
} // namespace

std::optional<Deduction> ResultReader::readDeduction(const json::Value &value,
                                                     const std::string &path) {
  static const Key Keys[] = {{"id", K::String, true},
                             {"name", K::String, true},
                             {"count", K::Number, true},
                             {"points", K::Number, true}};
  SmallVector<const json::Value *, 4> v;
  if (!readObject(value, Keys, path, v))
    return std::nullopt;
  Deduction d;
  d.id = readString(v[0]);
  d.name = readString(v[1]);
  d.count = readUnsigned(v[2], childPath(path, "count")).value_or(0);
  d.points = readDouble(v[3], childPath(path, "points"));
  return d;
}

void ResultReader::readDeductions(const json::Value *array,
                                  const std::string &path,
                                  std::vector<Deduction> &deductions) {
  if (!array)
    return;
  for (auto [index, element] : llvm::enumerate(array->getElements()))
    if (std::optional<Deduction> d =
            readDeduction(element, elementPath(path, index)))
      deductions.push_back(std::move(*d));
}

template <typename T>
void ResultReader::readNumberMap(const json::Value *object,
                                 const std::string &path,
                                 std::map<std::string, T> &map) {
  if (!object)
    return;
  for (const json::Member &member : object->getMembers()) {
    std::string memberPath = childPath(path, member.getKey());
    if (!expectKind(member.getValue(), K::Number, memberPath))
      continue;
    if constexpr (std::is_same_v<T, unsigned>) {
      if (std::optional<unsigned> n =
              readUnsigned(&member.getValue(), memberPath))
        map[member.getKey().str()] = *n;
    } else {
      map[member.getKey().str()] = readDouble(&member.getValue(), memberPath);
    }
  }
}

std::optional<CategoryScore>
ResultReader::readCategory(const json::Value &value, const std::string &path) {
  static const Key Keys[] = {
      {"name", K::String, true},     {"title", K::String, true},
      {"scored", K::Boolean, true},  {"weight", K::Number, true},
      {"points", K::Number, true},   {"forfeited", K::Boolean, true},
      {"size", K::Number, true},     {"penalty", K::Number, true},
      {"deductions", K::Array, true}};
  SmallVector<const json::Value *, 9> v;
  if (!readObject(value, Keys, path, v))
    return std::nullopt;
  CategoryScore c;
  c.name = readString(v[0]);
  c.title = readString(v[1]);
  c.scored = readBool(v[2], true);
  c.weight = readDouble(v[3], childPath(path, "weight"));
  c.points = readDouble(v[4], childPath(path, "points"));
  c.forfeited = readBool(v[5], false);
  c.size = readUnsigned(v[6], childPath(path, "size")).value_or(0);
  c.penalty = readDouble(v[7], childPath(path, "penalty"));
  readDeductions(v[8], childPath(path, "deductions"), c.deductions);
  return c;
}

std::optional<Finding> ResultReader::readFinding(const json::Value &value,
                                                 const std::string &path) {
  static const Key Keys[] = {
      {"id", K::String, true},       {"severity", K::String, true},
      {"category", K::String, true}, {"file", K::String, true},
      {"line", K::Number, true},     {"column", K::Number, true},
      {"message", K::String, true},  {"snippet", K::String, true},
      {"points", K::Number, true}};
  SmallVector<const json::Value *, 9> v;
  if (!readObject(value, Keys, path, v))
    return std::nullopt;
  Finding f;
  f.id = readString(v[0]);
  f.severity = readString(v[1]);
  f.category = readString(v[2]);
  f.file = readString(v[3]);
  f.line = readUnsigned(v[4], childPath(path, "line")).value_or(0);
  f.column = readUnsigned(v[5], childPath(path, "column")).value_or(0);
  f.message = readString(v[6]);
  f.snippet = readString(v[7]);
  f.points = readDouble(v[8], childPath(path, "points"));
  return f;
}

void ResultReader::readRun(const json::Value &value, const std::string &path,
                           Batch &batch) {
  static const Key Keys[] = {
      {"model", K::String, true},         {"project", K::String, true},
      {"path", K::String, true},          {"loaded", K::Boolean, true},
      {"total", K::Number, true},         {"uncapped", K::Number, true},
      {"gate", K::Object, true},          {"sizes", K::Object, true},
      {"fidelity", K::Null, true},        {"categories", K::Array, true},
      {"families", K::Object, true},      {"findings", K::Array, true},
      {"totalFindings", K::Number, true}, {"problems", K::Array, true}};
  SmallVector<const json::Value *, 14> v;
  // "fidelity" is null or an object: read apart.
  const json::Value *fidelity = value.get("fidelity");
  if (fidelity && fidelity->isObject()) {
    SmallVector<Key, 14> keys(std::begin(Keys), std::end(Keys));
    keys[8].kind = K::Object;
    if (!readObject(value, keys, path, v))
      return;
  } else if (!readObject(value, Keys, path, v)) {
    return;
  }
  RunScore run;
  run.model = readString(v[0]);
  run.project = readString(v[1]);
  run.path = readString(v[2]);
  run.loaded = readBool(v[3], true);
  run.total = readDouble(v[4], childPath(path, "total"));
  run.uncapped = readDouble(v[5], childPath(path, "uncapped"));
  if (v[6]) {
    static const Key GateKeys[] = {{"passed", K::Boolean, true},
                                   {"reasons", K::Array, true}};
    SmallVector<const json::Value *, 2> g;
    std::string gatePath = childPath(path, "gate");
    if (readObject(*v[6], GateKeys, gatePath, g)) {
      run.gatePassed = readBool(g[0], true);
      readDeductions(g[1], childPath(gatePath, "reasons"), run.gateReasons);
    }
  }
  readNumberMap(v[7], childPath(path, "sizes"), run.sizes);
  if (v[8] && v[8]->isObject()) {
    static const Key FidelityKeys[] = {{"reference", K::String, true},
                                       {"f1", K::Object, true}};
    SmallVector<const json::Value *, 2> f;
    std::string fidelityPath = childPath(path, "fidelity");
    if (readObject(*v[8], FidelityKeys, fidelityPath, f)) {
      FidelityFigures figures;
      figures.reference = readString(f[0]);
      readNumberMap(f[1], childPath(fidelityPath, "f1"), figures.f1);
      run.fidelity = std::move(figures);
    }
  }
  if (v[9])
    for (auto [index, element] : llvm::enumerate(v[9]->getElements()))
      if (std::optional<CategoryScore> c = readCategory(
              element, elementPath(childPath(path, "categories"), index)))
        run.categories.push_back(std::move(*c));
  readNumberMap(v[10], childPath(path, "families"), run.families);
  if (v[11])
    for (auto [index, element] : llvm::enumerate(v[11]->getElements()))
      if (std::optional<Finding> f = readFinding(
              element, elementPath(childPath(path, "findings"), index)))
        run.findings.push_back(std::move(*f));
  run.totalFindings =
      readUnsigned(v[12], childPath(path, "totalFindings")).value_or(0);
  if (v[13])
    for (auto [index, element] : llvm::enumerate(v[13]->getElements()))
      if (expectKind(element, K::String,
                     elementPath(childPath(path, "problems"), index)))
        run.problems.push_back(element.getString().str());
  batch.runs.push_back(std::move(run));
}

bool ResultReader::read(const json::Value &root, Batch &batch) {
  // A file that is no result at all (another JSON document) gets one
  // diagnostic, not one per key.
  if (!root.isObject() || !root.get("abv-score")) {
    diags.report(DiagID::ScoreNotAResult, root.getRange())
        << fileName
        << (root.isObject()
                ? std::string("no 'abv-score' key at the root")
                : "the root is " + json::getKindName(root.getKind()).str() +
                      ", not an object");
    return false;
  }
  // The statistics ("models", "pairs", "projects", "published") are
  // computed again from the runs: their shape is not checked.
  static const Key Keys[] = {{"abv-score", K::Number, true},
                             {"rubric", K::Object, true},
                             {"runs", K::Array, true},
                             {"models", K::Array},
                             {"pairs", K::Array},
                             {"projects", K::Array},
                             {"published", K::Object}};
  SmallVector<const json::Value *, 7> v;
  readObject(root, Keys, "", v);
  if (v[0] && v[0]->getAsInteger() != 1) {
    diags.report(DiagID::ScoreInvalidValue, v[0]->getRange())
        << "abv-score" << v[0]->getSourceText() << "a supported version (1)";
    return false;
  }
  if (v[1]) {
    static const Key RubricKeys[] = {{"name", K::String, true},
                                     {"version", K::String, true}};
    SmallVector<const json::Value *, 2> r;
    if (readObject(*v[1], RubricKeys, "rubric", r) && r[0] && r[1]) {
      std::string name = readString(r[0]), version = readString(r[1]);
      if (!batch.rubricName.empty() &&
          (batch.rubricName != name || batch.rubricVersion != version)) {
        diags.report(DiagID::ScoreNotAResult, v[1]->getRange())
            << fileName
            << "scored with rubric " + name + " " + version + ", not " +
                   batch.rubricName + " " + batch.rubricVersion;
        failed = true;
      } else {
        batch.rubricName = name;
        batch.rubricVersion = version;
      }
    }
  }
  if (v[2])
    for (auto [index, element] : llvm::enumerate(v[2]->getElements()))
      readRun(element, elementPath("runs", index), batch);
  return !failed;
}

bool abv::score::readJSONResult(SourceManager &sources, unsigned bufferID,
                                Batch &batch, DiagnosticEngine &diags) {
  std::unique_ptr<json::Document> doc = json::parse(sources, bufferID, diags);
  if (!doc)
    return false;
  ResultReader reader(diags,
                      sources.getBuffer(bufferID)->getBufferIdentifier());
  return reader.read(doc->getRoot(), batch);
}

namespace {
/// Reads a published score table: an array of {model, project, score};
/// the rows' other keys (grades, phase scores) are the table's own.
class PublishedReader : public ObjectReader {
public:
  using ObjectReader::ObjectReader;

  void read(const json::Value &root, std::vector<PublishedScore> &published) {
    if (!expectKind(root, K::Array, ""))
      return;
    static const Key Keys[] = {{"model", K::String, true},
                               {"project", K::String, true},
                               {"score", K::Number, true}};
    for (auto [index, element] : llvm::enumerate(root.getElements())) {
      SmallVector<const json::Value *, 3> v;
      std::string path = elementPath("", index);
      if (!readObject(element, Keys, path, v, /*allowOtherKeys=*/true) ||
          !v[0] || !v[1] || !v[2])
        continue;
      std::optional<double> score = readNumber(
          v[2], childPath(path, "score"), -1e300, 1e300, "a finite number");
      if (score)
        published.push_back(
            {v[0]->getString().str(), v[1]->getString().str(), *score});
    }
  }
};
} // namespace

bool abv::score::readPublished(SourceManager &sources, unsigned bufferID,
                               std::vector<PublishedScore> &published,
                               DiagnosticEngine &diags) {
  std::unique_ptr<json::Document> doc = json::parse(sources, bufferID, diags);
  if (!doc)
    return false;
  PublishedReader reader(diags);
  reader.read(doc->getRoot(), published);
  return !reader.hasFailed();
}
