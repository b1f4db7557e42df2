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
#include "abv/Basic/JSONWriter.h"
#include "abv/Basic/SourceFiles.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cmath>

using namespace abv;
using namespace abv::diff;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

/// One entry of a dimension: the reference's name, the candidate's, and
/// the confidence when both are there. \p columns writes what the entry
/// holds inside it (the columns of a pair of entities), if anything.
static void writeEntry(llvm::json::OStream &out, StringRef reference,
                       StringRef candidate, std::optional<double> confidence,
                       function_ref<void()> columns = nullptr) {
  out.object([&] {
    out.attribute("reference", reference.empty()
                                   ? llvm::json::Value(nullptr)
                                   : llvm::json::Value(reference));
    out.attribute("candidate", candidate.empty()
                                   ? llvm::json::Value(nullptr)
                                   : llvm::json::Value(candidate));
    if (confidence) {
      out.attributeBegin("confidence");
      writeDecimal(out, *confidence, 3);
      out.attributeEnd();
    }
    if (columns)
      columns();
  });
}

/// The entries of one matching: the reference's items in order with their
/// partners, then the candidate's unpaired items. \p inner(c, r) writes
/// what a pair's entry holds inside it.
template <typename NameC, typename NameR>
static void
writeEntries(llvm::json::OStream &out, const Matching &matching,
             unsigned numCandidate, unsigned numReference, NameC candidateName,
             NameR referenceName,
             function_ref<void(unsigned, unsigned)> inner = nullptr) {
  out.array([&] {
    for (unsigned r = 0; r != numReference; ++r) {
      int c = matching.getCandidate(r);
      if (c < 0) {
        writeEntry(out, referenceName(r), "", std::nullopt);
        continue;
      }
      auto columns = [&] { inner(unsigned(c), r); };
      writeEntry(out, referenceName(r), candidateName(unsigned(c)),
                 matching.getConfidence(unsigned(c)),
                 inner ? function_ref<void()>(columns) : nullptr);
    }
    for (unsigned c = 0; c != numCandidate; ++c)
      if (matching.getReference(c) < 0)
        writeEntry(out, "", candidateName(c), std::nullopt);
  });
}

void abv::diff::writeMapping(raw_ostream &os, const Spec &candidate,
                             const Spec &reference,
                             const Alignment &alignment) {
  llvm::json::OStream out(os, /*IndentSize=*/2);
  out.object([&] {
    out.attribute("abv-diff-mapping", MappingVersion);
    out.attribute("candidate", candidate.path);
    out.attribute("reference", reference.path);
    if (reference.hasDB && candidate.hasDB) {
      // The columns of each pair, inside its entry.
      auto columnsOf = [&](unsigned c, unsigned r) {
        if (c >= alignment.columns.size())
          return;
        const Entity &ce = candidate.entities[c], &re = reference.entities[r];
        const Matching &columns = alignment.columns[c];
        if (columns.getNumCandidates() != ce.columns.size() ||
            columns.getNumReferences() != re.columns.size())
          return;
        out.attributeBegin("columns");
        writeEntries(
            out, columns, ce.columns.size(), re.columns.size(),
            [&](unsigned i) { return StringRef(ce.columns[i].name); },
            [&](unsigned j) { return StringRef(re.columns[j].name); });
        out.attributeEnd();
      };
      out.attributeBegin("entities");
      writeEntries(
          out, alignment.entities, candidate.entities.size(),
          reference.entities.size(),
          [&](unsigned c) { return StringRef(candidate.entities[c].name); },
          [&](unsigned r) { return StringRef(reference.entities[r].name); },
          columnsOf);
      out.attributeEnd();
    }
    if (reference.hasAPI && candidate.hasAPI) {
      out.attributeBegin("endpoints");
      writeEntries(
          out, alignment.endpoints, candidate.endpoints.size(),
          reference.endpoints.size(),
          [&](unsigned c) { return StringRef(candidate.endpoints[c].label); },
          [&](unsigned r) { return StringRef(reference.endpoints[r].label); });
      out.attributeEnd();
    }
    if (!reference.dtos.empty() && !candidate.dtos.empty()) {
      out.attributeBegin("dtos");
      writeEntries(
          out, alignment.dtos, candidate.dtos.size(), reference.dtos.size(),
          [&](unsigned c) { return StringRef(candidate.dtos[c].name); },
          [&](unsigned r) { return StringRef(reference.dtos[r].name); });
      out.attributeEnd();
    }
  });
  os << '\n';
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

  void readRoot(const abv::json::Value &root);

private:
  /// Reads the entries of \p list into \p matching; calls \p onPair for
  /// each pair read, with its entry.
  void
  readEntries(const abv::json::Value &list, const std::string &path,
              const Dimension &dimension, bool allowColumns, Matching &matching,
              function_ref<void(unsigned, unsigned, const abv::json::Value &,
                                const std::string &)>
                  onPair);
  /// Looks \p value (a string) up; reports DIF016 when it names nothing.
  int lookup(const abv::json::Value &value, bool onCandidate,
             const Dimension &dimension);

  DiagnosticEngine &diags;
  const Spec &candidate;
  const Spec &reference;
  MappingFile &file;
};
} // namespace

int MappingReader::lookup(const abv::json::Value &value, bool onCandidate,
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
    const abv::json::Value &list, const std::string &path,
    const Dimension &dimension, bool allowColumns, Matching &matching,
    function_ref<void(unsigned, unsigned, const abv::json::Value &,
                      const std::string &)>
        onPair) {
  static const KeySpec entryKeys[] = {{"reference", abv::json::Kind::String,
                                       /*required=*/true, /*nullable=*/true},
                                      {"candidate", abv::json::Kind::String,
                                       /*required=*/true, /*nullable=*/true},
                                      {"confidence", abv::json::Kind::Number},
                                      {"note", abv::json::Kind::String},
                                      {"columns", abv::json::Kind::Array}};
  ArrayRef<KeySpec> keys(entryKeys);
  if (!allowColumns)
    keys = keys.drop_back();
  DenseMap<int, SMRange> seenCandidate, seenReference;
  for (size_t i = 0, e = list.size(); i != e; ++i) {
    const abv::json::Value &entry = *list.at(i);
    std::string entryPath = elementPath(path, i);
    SmallVector<const abv::json::Value *, 5> values;
    if (!readObject(diags, entry, keys, entryPath, values))
      continue;
    const abv::json::Value *referenceName = values[0],
                           *candidateName = values[1];
    int r = referenceName ? lookup(*referenceName, false, dimension) : -1;
    int c = candidateName ? lookup(*candidateName, true, dimension) : -1;
    auto once = [&](DenseMap<int, SMRange> &seen, int index,
                    const abv::json::Value *value,
                    const std::string &qualifier) {
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
    if (const abv::json::Value *value = values[2]) {
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

void MappingReader::readRoot(const abv::json::Value &root) {
  static const KeySpec keys[] = {
      {"abv-diff-mapping", abv::json::Kind::Number, /*required=*/true},
      {"candidate", abv::json::Kind::String},
      {"reference", abv::json::Kind::String},
      {"note", abv::json::Kind::String},
      {"entities", abv::json::Kind::Array},
      {"endpoints", abv::json::Kind::Array},
      {"dtos", abv::json::Kind::Array}};
  SmallVector<const abv::json::Value *, 7> values;
  if (!readObject(diags, root, keys, "", values))
    return;
  if (const abv::json::Value *version = values[0]) {
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

  if (const abv::json::Value *entities = values[4]) {
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
        [&](unsigned c, unsigned r, const abv::json::Value &entry,
            const std::string &entryPath) {
          const Entity &ce = candidate.entities[c];
          const Entity &re = reference.entities[r];
          Matching &columns = alignment.columns[c];
          columns.reset(ce.columns.size(), re.columns.size());
          const abv::json::Value *list = entry.get("columns");
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
  if (const abv::json::Value *endpoints = values[5]) {
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
  if (const abv::json::Value *dtos = values[6]) {
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
  std::unique_ptr<abv::json::Document> doc =
      abv::json::parse(sources, *id, diags);
  if (!doc)
    return std::nullopt;
  MappingFile file;
  MappingReader reader(diags, candidate, reference, file);
  reader.readRoot(doc->getRoot());
  if (diags.getCount(Severity::Error) != errorsBefore)
    return std::nullopt;
  return file;
}
