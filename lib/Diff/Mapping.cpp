//===- Mapping.cpp - Alignments as reviewable JSON files ------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Diff/Mapping.h"
#include "JSONShape.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/Basic/SourceFiles.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <nlohmann/json.hpp>

#include <cmath>

using namespace abv;
using namespace abv::diff;
using namespace llvm;

using OrderedJSON = nlohmann::ordered_json;

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

/// A confidence as written: three decimals.
static double roundConfidence(double confidence) {
  return std::round(confidence * 1000) / 1000;
}

/// One entry of a dimension: the reference's name, the candidate's, and
/// the confidence when both are there.
static OrderedJSON makeEntry(StringRef reference, StringRef candidate,
                             std::optional<double> confidence) {
  OrderedJSON entry = OrderedJSON::object();
  entry["reference"] =
      reference.empty() ? OrderedJSON(nullptr) : OrderedJSON(reference.str());
  entry["candidate"] =
      candidate.empty() ? OrderedJSON(nullptr) : OrderedJSON(candidate.str());
  if (confidence)
    entry["confidence"] = roundConfidence(*confidence);
  return entry;
}

/// The entries of one matching: the reference's items in order with their
/// partners, then the candidate's unpaired items.
template <typename NameC, typename NameR>
static OrderedJSON makeEntries(const Matching &matching, unsigned numCandidate,
                               unsigned numReference, NameC candidateName,
                               NameR referenceName) {
  OrderedJSON list = OrderedJSON::array();
  for (unsigned r = 0; r != numReference; ++r) {
    int c = matching.getCandidate(r);
    if (c < 0)
      list.push_back(makeEntry(referenceName(r), "", std::nullopt));
    else
      list.push_back(makeEntry(referenceName(r), candidateName(c),
                               matching.getConfidence(c)));
  }
  for (unsigned c = 0; c != numCandidate; ++c)
    if (matching.getReference(c) < 0)
      list.push_back(makeEntry("", candidateName(c), std::nullopt));
  return list;
}

void abv::diff::writeMapping(raw_ostream &os, const Spec &candidate,
                             const Spec &reference,
                             const Alignment &alignment) {
  OrderedJSON root = OrderedJSON::object();
  root["abv-diff-mapping"] = MappingVersion;
  root["candidate"] = candidate.path;
  root["reference"] = reference.path;
  if (reference.hasDB && candidate.hasDB) {
    OrderedJSON entities = makeEntries(
        alignment.entities, candidate.entities.size(),
        reference.entities.size(),
        [&](unsigned c) { return candidate.entities[c].name; },
        [&](unsigned r) { return reference.entities[r].name; });
    // The columns of each pair, inside its entry.
    for (OrderedJSON &entry : entities) {
      if (entry["reference"].is_null() || entry["candidate"].is_null())
        continue;
      int c = candidate.findEntity(entry["candidate"].get<std::string>());
      int r = reference.findEntity(entry["reference"].get<std::string>());
      if (c < 0 || r < 0 || size_t(c) >= alignment.columns.size())
        continue;
      const Entity &ce = candidate.entities[c], &re = reference.entities[r];
      const Matching &columns = alignment.columns[c];
      if (columns.getNumCandidates() != ce.columns.size() ||
          columns.getNumReferences() != re.columns.size())
        continue;
      entry["columns"] = makeEntries(
          columns, ce.columns.size(), re.columns.size(),
          [&](unsigned i) { return ce.columns[i].name; },
          [&](unsigned j) { return re.columns[j].name; });
    }
    root["entities"] = std::move(entities);
  }
  if (reference.hasAPI && candidate.hasAPI)
    root["endpoints"] = makeEntries(
        alignment.endpoints, candidate.endpoints.size(),
        reference.endpoints.size(),
        [&](unsigned c) { return StringRef(candidate.endpoints[c].label); },
        [&](unsigned r) { return StringRef(reference.endpoints[r].label); });
  if (!reference.dtos.empty() && !candidate.dtos.empty())
    root["dtos"] = makeEntries(
        alignment.dtos, candidate.dtos.size(), reference.dtos.size(),
        [&](unsigned c) { return candidate.dtos[c].name; },
        [&](unsigned r) { return reference.dtos[r].name; });
  os << root.dump(2) << '\n';
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {
/// How one dimension's names are looked up on each side.
struct Dimension {
  StringRef what; ///< "entity", "endpoint", "DTO", "column".
  /// What messages put before a name of each side ("todo." for a column).
  std::string candidateQualifier = "", referenceQualifier = "";
  function_ref<int(StringRef)> findCandidate;
  function_ref<int(StringRef)> findReference;
  /// Every name of a side, for "did you mean".
  function_ref<void(function_ref<void(StringRef)>)> candidateNames;
  function_ref<void(function_ref<void(StringRef)>)> referenceNames;
};

class MappingReader {
public:
  MappingReader(DiagnosticEngine &diags, const Spec &candidate,
                const Spec &reference, MappingFile &file)
      : diags(diags), candidate(candidate), reference(reference), file(file) {}

  void readRoot(const json::Value &root);

private:
  /// Reads the entries of \p list into \p matching; calls \p onPair for
  /// each pair read, with its entry.
  void readEntries(const json::Value &list, const std::string &path,
                   const Dimension &dimension, bool allowColumns,
                   Matching &matching,
                   function_ref<void(unsigned, unsigned, const json::Value &,
                                     const std::string &)>
                       onPair);
  /// Looks \p value (a string) up; reports DIF016 when it names nothing.
  int lookup(const json::Value &value, bool onCandidate,
             const Dimension &dimension);

  DiagnosticEngine &diags;
  const Spec &candidate;
  const Spec &reference;
  MappingFile &file;
};
} // namespace

int MappingReader::lookup(const json::Value &value, bool onCandidate,
                          const Dimension &dimension) {
  StringRef name = value.getString();
  int index = onCandidate ? dimension.findCandidate(name)
                          : dimension.findReference(name);
  if (index >= 0)
    return index;
  ClosestMatch closest(name);
  (onCandidate ? dimension.candidateNames : dimension.referenceNames)(
      [&](StringRef other) { closest.consider(other); });
  InFlightDiagnostic diag =
      diags.report(DiagID::DiffUnknownName, value.getRange());
  diag << (onCandidate ? "candidate" : "reference") << dimension.what
       << ((onCandidate ? dimension.candidateQualifier
                        : dimension.referenceQualifier) +
           name)
              .str();
  if (StringRef best = closest.get(); !best.empty())
    diag.fix(NoteID::DidYouMean, value.getRange(), "\"" + best + "\"") << best;
  return -1;
}

void MappingReader::readEntries(
    const json::Value &list, const std::string &path,
    const Dimension &dimension, bool allowColumns, Matching &matching,
    function_ref<void(unsigned, unsigned, const json::Value &,
                      const std::string &)>
        onPair) {
  static const KeySpec entryKeys[] = {
      {"reference", json::Kind::String, /*required=*/true, /*nullable=*/true},
      {"candidate", json::Kind::String, /*required=*/true, /*nullable=*/true},
      {"confidence", json::Kind::Number},
      {"note", json::Kind::String},
      {"columns", json::Kind::Array}};
  ArrayRef<KeySpec> keys(entryKeys);
  if (!allowColumns)
    keys = keys.drop_back();
  DenseMap<int, SMRange> seenCandidate, seenReference;
  for (size_t i = 0, e = list.size(); i != e; ++i) {
    const json::Value &entry = *list.at(i);
    std::string entryPath = elementPath(path, i);
    SmallVector<const json::Value *, 5> values;
    if (!readObject(diags, entry, keys, entryPath, values))
      continue;
    const json::Value *referenceName = values[0], *candidateName = values[1];
    int r = referenceName ? lookup(*referenceName, false, dimension) : -1;
    int c = candidateName ? lookup(*candidateName, true, dimension) : -1;
    auto once = [&](DenseMap<int, SMRange> &seen, int index,
                    const json::Value *value, const std::string &qualifier) {
      if (index < 0)
        return true;
      auto [it, inserted] = seen.try_emplace(index, value->getRange());
      if (inserted)
        return true;
      (diags.report(DiagID::DiffDuplicate, value->getRange())
       << dimension.what << (qualifier + value->getString()).str())
          .note(it->second, NoteID::FirstListedHere);
      return false;
    };
    bool fresh =
        once(seenReference, r, referenceName, dimension.referenceQualifier);
    fresh &=
        once(seenCandidate, c, candidateName, dimension.candidateQualifier);
    double confidence = 1;
    if (const json::Value *value = values[2]) {
      std::optional<double> number = value->getAsNumber();
      if (!number || !(*number >= 0 && *number <= 1)) {
        diags.report(DiagID::DiffInvalidValue, value->getRange())
            << "confidence" << value->getSourceText()
            << "a number between 0 and 1";
      } else {
        confidence = *number;
      }
    }
    if (!fresh || r < 0 || c < 0)
      continue;
    matching.pair(c, r, confidence);
    if (onPair)
      onPair(c, r, entry, entryPath);
  }
}

void MappingReader::readRoot(const json::Value &root) {
  static const KeySpec keys[] = {
      {"abv-diff-mapping", json::Kind::Number, /*required=*/true},
      {"candidate", json::Kind::String},
      {"reference", json::Kind::String},
      {"note", json::Kind::String},
      {"entities", json::Kind::Array},
      {"endpoints", json::Kind::Array},
      {"dtos", json::Kind::Array}};
  SmallVector<const json::Value *, 7> values;
  if (!readObject(diags, root, keys, "", values))
    return;
  if (const json::Value *version = values[0]) {
    if (version->getAsInteger() != MappingVersion) {
      diags.report(DiagID::DiffInvalidValue, version->getRange())
          << "version" << version->getSourceText()
          << ("a mapping version this ABV reads (" + Twine(MappingVersion) +
              ")")
                 .str();
      return;
    }
  }
  Alignment &alignment = file.alignment;
  alignment.entities.reset(candidate.entities.size(),
                           reference.entities.size());
  alignment.columns.assign(candidate.entities.size(), Matching());
  file.hasColumns.assign(candidate.entities.size(), false);
  alignment.endpoints.reset(candidate.endpoints.size(),
                            reference.endpoints.size());
  alignment.dtos.reset(candidate.dtos.size(), reference.dtos.size());

  auto entityNames = [](const Spec &spec) {
    return [&spec](function_ref<void(StringRef)> fn) {
      for (const Entity &entity : spec.entities)
        fn(entity.name);
    };
  };
  auto candidateEntityNames = entityNames(candidate);
  auto referenceEntityNames = entityNames(reference);
  auto findCandidateEntity = [&](StringRef name) {
    return candidate.findEntity(name);
  };
  auto findReferenceEntity = [&](StringRef name) {
    return reference.findEntity(name);
  };

  if (const json::Value *entities = values[4]) {
    file.hasEntities = true;
    Dimension dimension{"entity",
                        "",
                        "",
                        findCandidateEntity,
                        findReferenceEntity,
                        candidateEntityNames,
                        referenceEntityNames};
    readEntries(
        *entities, "entities", dimension, /*allowColumns=*/true,
        alignment.entities,
        [&](unsigned c, unsigned r, const json::Value &entry,
            const std::string &entryPath) {
          const Entity &ce = candidate.entities[c];
          const Entity &re = reference.entities[r];
          Matching &columns = alignment.columns[c];
          columns.reset(ce.columns.size(), re.columns.size());
          const json::Value *list = entry.get("columns");
          if (!list || !list->isArray())
            return;
          file.hasColumns[c] = true;
          auto findC = [&](StringRef name) { return ce.findColumn(name); };
          auto findR = [&](StringRef name) { return re.findColumn(name); };
          auto namesC = [&](function_ref<void(StringRef)> fn) {
            for (const Column &column : ce.columns)
              fn(column.name);
          };
          auto namesR = [&](function_ref<void(StringRef)> fn) {
            for (const Column &column : re.columns)
              fn(column.name);
          };
          // Messages name a column with its entity on its side.
          Dimension columnDimension{"column",
                                    (ce.name + ".").str(),
                                    (re.name + ".").str(),
                                    findC,
                                    findR,
                                    namesC,
                                    namesR};
          readEntries(*list, childPath(entryPath, "columns"), columnDimension,
                      /*allowColumns=*/false, columns, nullptr);
        });
  }
  if (const json::Value *endpoints = values[5]) {
    file.hasEndpoints = true;
    auto findC = [&](StringRef label) { return candidate.findEndpoint(label); };
    auto findR = [&](StringRef label) { return reference.findEndpoint(label); };
    auto namesC = [&](function_ref<void(StringRef)> fn) {
      for (const Endpoint &endpoint : candidate.endpoints)
        fn(endpoint.label);
    };
    auto namesR = [&](function_ref<void(StringRef)> fn) {
      for (const Endpoint &endpoint : reference.endpoints)
        fn(endpoint.label);
    };
    Dimension dimension{"endpoint", "", "", findC, findR, namesC, namesR};
    readEntries(*endpoints, "endpoints", dimension, /*allowColumns=*/false,
                alignment.endpoints, nullptr);
  }
  if (const json::Value *dtos = values[6]) {
    file.hasDTOs = true;
    auto findC = [&](StringRef name) { return candidate.findDTO(name); };
    auto findR = [&](StringRef name) { return reference.findDTO(name); };
    auto namesC = [&](function_ref<void(StringRef)> fn) {
      for (const DTO &dto : candidate.dtos)
        fn(dto.name);
    };
    auto namesR = [&](function_ref<void(StringRef)> fn) {
      for (const DTO &dto : reference.dtos)
        fn(dto.name);
    };
    Dimension dimension{"DTO", "", "", findC, findR, namesC, namesR};
    readEntries(*dtos, "dtos", dimension, /*allowColumns=*/false,
                alignment.dtos, nullptr);
  }
}

std::optional<MappingFile>
abv::diff::readMapping(StringRef path, SourceManager &sources,
                       DiagnosticEngine &diags, const Spec &candidate,
                       const Spec &reference, uint64_t sizeLimit) {
  unsigned errorsBefore = diags.getCount(Severity::Error);
  std::optional<unsigned> id = addSourceFile(sources, diags, path, sizeLimit);
  if (!id)
    return std::nullopt;
  std::unique_ptr<json::Document> doc = json::parse(sources, *id, diags);
  if (!doc)
    return std::nullopt;
  MappingFile file;
  MappingReader reader(diags, candidate, reference, file);
  reader.readRoot(doc->getRoot());
  if (diags.getCount(Severity::Error) != errorsBefore)
    return std::nullopt;
  return file;
}
