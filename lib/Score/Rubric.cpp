//===- Rubric.cpp - The weights and deduction rules of abv-score ----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Score/Rubric.h"
#include "ObjectReader.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/Basic/SourceFiles.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace abv;
using namespace abv::score;
using namespace llvm;

static const char DefaultRubricText[] =
#include "DefaultRubric.inc"
    ;

StringRef abv::score::getDefaultRubricText() { return DefaultRubricText; }

StringRef abv::score::getSizeUnitName(SizeUnit unit) {
  switch (unit) {
  case SizeUnit::Tables:
    return "tables";
  case SizeUnit::Operations:
    return "operations";
  case SizeUnit::Providers:
    return "providers";
  case SizeUnit::Tests:
    return "tests";
  case SizeUnit::Reference:
    return "reference";
  }
  llvm_unreachable("unknown unit");
}

double Rubric::getCost(DiagID id, Severity severity) const {
  // Later rules win, as -W options do.
  for (const CostRule &rule : llvm::reverse(rules))
    if (rule.diagnostics.contains(id))
      return rule.cost;
  switch (severity) {
  case Severity::Error:
    return costError;
  case Severity::Warning:
    return costWarning;
  case Severity::Remark:
    return costRemark;
  default:
    return 0;
  }
}

double Rubric::getTotalWeight() const {
  double total = 0;
  for (const RubricCategory &category : categories)
    total += category.weight;
  return total;
}

namespace {
/// Reads a rubric's JSON DOM, reporting every problem at its value.
class RubricReader : public ObjectReader {
public:
  using ObjectReader::ObjectReader;

  std::optional<Rubric> read(const json::Value &root);

private:
  Selection readSelection(const json::Value *value, const std::string &path);
  void readCategory(const json::Value &value, const std::string &path,
                    Rubric &rubric);
};
} // namespace

Selection RubricReader::readSelection(const json::Value *value,
                                      const std::string &path) {
  Selection selection;
  if (!value)
    return selection;
  for (auto [index, element] : llvm::enumerate(value->getElements())) {
    std::string itemPath = elementPath(path, index);
    if (!expectKind(element, json::Kind::String, itemPath))
      continue;
    StringRef name = element.getString();
    selection.selectors.push_back(name.str());
    if (name.consume_front("category:")) {
      if (std::optional<Category> category = parseCategory(name))
        selection.categories.push_back(*category);
      else {
        diags.report(DiagID::ScoreUnknownName, element.getRange())
            << itemPath << element.getString() << "rubric category";
        failed = true;
      }
      continue;
    }
    SmallVector<DiagID, 16> ids;
    if (!resolveDiagnostics(name, ids)) {
      diags.report(DiagID::ScoreUnknownName, element.getRange())
          << itemPath << name
          << "diagnostic, group or category (write 'category:<name>' for a "
             "category)";
      failed = true;
      continue;
    }
    for (DiagID id : ids)
      selection.ids.insert(unsigned(id));
  }
  return selection;
}

void RubricReader::readCategory(const json::Value &value,
                                const std::string &path, Rubric &rubric) {
  using K = json::Kind;
  static const Key Keys[] = {
      {"name", K::String, true},   {"title", K::String},
      {"weight", K::Number, true}, {"unit", K::String, true},
      {"tolerance", K::Number},    {"diagnostics", K::Array},
      {"forfeit", K::Array},       {"dimensions", K::Array},
      {"layer-missing", K::Array}, {"description", K::String}};
  SmallVector<const json::Value *, 10> v;
  if (!readObject(value, Keys, path, v))
    return;
  RubricCategory category;
  if (v[0])
    category.name = v[0]->getString().str();
  category.title = v[1] ? v[1]->getString().str() : category.name;
  if (std::optional<double> weight =
          readNumber(v[2], childPath(path, "weight"), 0, 1e6, "a weight >= 0"))
    category.weight = *weight;
  if (v[3]) {
    StringRef unit = v[3]->getString();
    std::optional<SizeUnit> parsed;
    for (SizeUnit u :
         {SizeUnit::Tables, SizeUnit::Operations, SizeUnit::Providers,
          SizeUnit::Tests, SizeUnit::Reference})
      if (getSizeUnitName(u) == unit)
        parsed = u;
    if (!parsed) {
      diags.report(DiagID::ScoreInvalidValue, v[3]->getRange())
          << childPath(path, "unit") << v[3]->getSourceText()
          << "one of 'tables', 'operations', 'providers', 'tests', "
             "'reference'";
      failed = true;
    } else {
      category.unit = *parsed;
    }
  }
  if (std::optional<double> tolerance = readNumber(
          v[4], childPath(path, "tolerance"), 1e-9, 1e9, "a tolerance > 0"))
    category.tolerance = *tolerance;
  category.diagnostics = readSelection(v[5], childPath(path, "diagnostics"));
  category.forfeit = readSelection(v[6], childPath(path, "forfeit"));
  if (v[7]) {
    static const Key DimKeys[] = {{"name", K::String, true},
                                  {"weight", K::Number, true},
                                  {"diagnostics", K::Array}};
    for (auto [index, element] : llvm::enumerate(v[7]->getElements())) {
      std::string dimPath =
          childPath(path, "dimensions") + "[" + std::to_string(index) + "]";
      SmallVector<const json::Value *, 3> d;
      if (!readObject(element, DimKeys, dimPath, d))
        continue;
      FidelityDimension dimension;
      if (d[0]) {
        dimension.name = d[0]->getString().str();
        if (!is_contained({"entities", "columns", "endpoints", "dtos"},
                          dimension.name)) {
          diags.report(DiagID::ScoreInvalidValue, d[0]->getRange())
              << childPath(dimPath, "name") << d[0]->getSourceText()
              << "one of 'entities', 'columns', 'endpoints', 'dtos'";
          failed = true;
        }
      }
      if (std::optional<double> weight = readNumber(
              d[1], childPath(dimPath, "weight"), 0, 1e6, "a weight >= 0"))
        dimension.weight = *weight;
      dimension.diagnostics =
          readSelection(d[2], childPath(dimPath, "diagnostics"));
      category.dimensions.push_back(std::move(dimension));
    }
  }
  category.layerMissing = readSelection(v[8], childPath(path, "layer-missing"));
  if (category.isFidelity() && category.dimensions.empty() && v[3]) {
    diags.report(DiagID::ScoreInvalidValue, v[3]->getRange())
        << childPath(path, "unit") << v[3]->getSourceText()
        << "possible without 'dimensions'";
    failed = true;
  }
  for (const RubricCategory &other : rubric.categories)
    if (other.name == category.name && v[0]) {
      diags.report(DiagID::ScoreInvalidValue, v[0]->getRange())
          << childPath(path, "name") << v[0]->getSourceText()
          << "unique (another category has it)";
      failed = true;
    }
  rubric.categories.push_back(std::move(category));
}

std::optional<Rubric> RubricReader::read(const json::Value &root) {
  using K = json::Kind;
  static const Key Keys[] = {
      {"abv-rubric", K::Number, true}, {"name", K::String},
      {"version", K::String},          {"description", K::String},
      {"severity-cost", K::Object},    {"gate", K::Object},
      {"categories", K::Array, true},  {"rules", K::Array}};
  SmallVector<const json::Value *, 8> v;
  if (!readObject(root, Keys, "", v))
    return std::nullopt;
  Rubric rubric;
  if (v[0] && v[0]->getAsInteger() != 1) {
    diags.report(DiagID::ScoreInvalidValue, v[0]->getRange())
        << "abv-rubric" << v[0]->getSourceText() << "a supported version (1)";
    failed = true;
  }
  rubric.name = v[1] ? v[1]->getString().str() : "unnamed";
  rubric.version = v[2] ? v[2]->getString().str() : "";
  if (v[4]) {
    static const Key CostKeys[] = {
        {"error", K::Number}, {"warning", K::Number}, {"remark", K::Number}};
    SmallVector<const json::Value *, 3> c;
    if (readObject(*v[4], CostKeys, "severity-cost", c)) {
      double *targets[] = {&rubric.costError, &rubric.costWarning,
                           &rubric.costRemark};
      for (unsigned i = 0; i < 3; ++i)
        if (std::optional<double> cost =
                readNumber(c[i], "severity-cost." + CostKeys[i].name.str(), 0,
                           1e6, "a cost >= 0"))
          *targets[i] = *cost;
    }
  }
  if (v[5]) {
    static const Key GateKeys[] = {{"cap", K::Number},
                                   {"diagnostics", K::Array}};
    SmallVector<const json::Value *, 2> g;
    if (readObject(*v[5], GateKeys, "gate", g)) {
      if (std::optional<double> cap =
              readNumber(g[0], "gate.cap", 0, 100, "a score in [0, 100]"))
        rubric.gateCap = *cap;
      rubric.gate = readSelection(g[1], "gate.diagnostics");
    }
  }
  if (v[6])
    for (auto [index, element] : llvm::enumerate(v[6]->getElements()))
      readCategory(element, "categories[" + std::to_string(index) + "]",
                   rubric);
  if (v[7]) {
    static const Key RuleKeys[] = {{"diagnostics", K::Array, true},
                                   {"cost", K::Number, true}};
    for (auto [index, element] : llvm::enumerate(v[7]->getElements())) {
      std::string rulePath = "rules[" + std::to_string(index) + "]";
      SmallVector<const json::Value *, 2> r;
      if (!readObject(element, RuleKeys, rulePath, r))
        continue;
      CostRule rule;
      rule.diagnostics = readSelection(r[0], rulePath + ".diagnostics");
      if (std::optional<double> cost =
              readNumber(r[1], rulePath + ".cost", 0, 1e6, "a cost >= 0"))
        rule.cost = *cost;
      rubric.rules.push_back(std::move(rule));
    }
  }
  if (v[6] && !failed && rubric.getTotalWeight() <= 0) {
    diags.report(DiagID::ScoreInvalidValue, v[6]->getRange())
        << "categories"
        << "[...]"
        << "a list with a positive total weight";
    failed = true;
  }
  if (failed)
    return std::nullopt;
  return rubric;
}

std::optional<Rubric> abv::score::parseRubric(SourceManager &sources,
                                              unsigned bufferID,
                                              DiagnosticEngine &diags) {
  std::unique_ptr<json::Document> doc = json::parse(sources, bufferID, diags);
  if (!doc)
    return std::nullopt;
  RubricReader reader(diags);
  return reader.read(doc->getRoot());
}

std::optional<Rubric> abv::score::loadRubric(StringRef path,
                                             SourceManager &sources,
                                             DiagnosticEngine &diags) {
  std::optional<unsigned> id;
  if (path.empty())
    id = addSourceBuffer(
        sources, diags,
        MemoryBuffer::getMemBuffer(getDefaultRubricText(), "<default rubric>"));
  else
    id = addSourceFile(sources, diags, path, /*sizeLimit=*/16u << 20);
  if (!id)
    return std::nullopt;
  return parseRubric(sources, *id, diags);
}
