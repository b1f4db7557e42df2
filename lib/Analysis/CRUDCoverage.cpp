//===- CRUDCoverage.cpp - Which operations touch which tables -------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Analysis/CRUDCoverage.h"
#include "abv/Analysis/Binding.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/IR/APIPath.h"
#include "abv/IR/Walk.h"
#include "abv/Pass/Pass.h"

#include "abv/Basic/SourceFiles.h"
#include "abv/IR/Project.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace abv;
using namespace llvm;

char CRUDCoverage::ID = 0;

StringRef abv::getAccessName(Access access) {
  switch (access) {
  case Access::Create:
    return "create";
  case Access::Read:
    return "read";
  case Access::Update:
    return "update";
  case Access::Delete:
    return "delete";
  }
  return "";
}

bool CRUDCoverage::TableCoverage::has(Access access, bool directOnly) const {
  const std::vector<Use> &list = uses[static_cast<unsigned>(access)];
  if (!directOnly)
    return !list.empty();
  return llvm::any_of(list, [](const Use &use) { return !use.isNested; });
}

bool CRUDCoverage::TableCoverage::isTouched() const {
  return llvm::any_of(
      uses, [](const std::vector<Use> &list) { return !list.empty(); });
}

unsigned CRUDCoverage::countTables(Access access, bool directOnly) const {
  return llvm::count_if(tables, [&](const TableCoverage &table) {
    return table.has(access, directOnly);
  });
}

unsigned CRUDCoverage::countTouchedTables() const {
  return llvm::count_if(
      tables, [](const TableCoverage &table) { return table.isTouched(); });
}

//===----------------------------------------------------------------------===//
// Attribution
//===----------------------------------------------------------------------===//

/// The type of a page's `data` items, or null when \p type is not a page:
/// an object with a `data` array and a `pagination` property.
static const api::Type *getPageItems(const api::Document &doc,
                                     const api::Type *type) {
  type = doc.resolve(type);
  if (!type || type->kind != api::TypeKind::Object)
    return nullptr;
  const api::Property *data = type->findProperty("data");
  if (!data || !type->findProperty("pagination"))
    return nullptr;
  const api::Type *items = doc.resolve(data->type);
  if (!items || items->kind != api::TypeKind::Array)
    return nullptr;
  return items->items;
}

/// The DTO name an operation body carries: \p type unwrapped from arrays,
/// pages and nullable variants; "" when there is none.
static StringRef getEntityName(const api::Document &doc,
                               const api::Type *type) {
  for (unsigned hops = 0; type && hops != 32; ++hops) {
    switch (type->kind) {
    case api::TypeKind::Array:
      type = type->items;
      continue;
    case api::TypeKind::Ref:
      if (const api::Type *items = getPageItems(doc, type)) {
        type = items;
        continue;
      }
      if (isPageTypeName(type->ref.name))
        return "";
      return type->ref.name;
    case api::TypeKind::Object:
      type = getPageItems(doc, type);
      continue;
    case api::TypeKind::OneOf:
    case api::TypeKind::AnyOf: {
      const api::Type *next = nullptr;
      for (const api::Type *variant : type->variants)
        if (variant && variant->kind != api::TypeKind::Null) {
          next = variant;
          break;
        }
      type = next;
      continue;
    }
    default:
      return "";
    }
  }
  return "";
}

/// The body of the first success response, or null.
static const api::Type *getResponseBody(const api::Operation &op) {
  const api::Response *success = op.getSuccessResponse();
  return success ? success->type : nullptr;
}

/// How \p op touches its entity's table.
static Access classify(const api::Operation &op, StringRef requestEntity) {
  bool isSearch = abv::getVariant(requestEntity) == "IRequest";
  switch (op.httpMethod) {
  case api::HTTPMethod::Get:
  case api::HTTPMethod::Head:
  case api::HTTPMethod::Query:
    return Access::Read;
  case api::HTTPMethod::Delete:
    return Access::Delete;
  case api::HTTPMethod::Put:
    return Access::Update;
  case api::HTTPMethod::Patch:
    return isSearch ? Access::Read : Access::Update;
  default:
    break;
  }
  // POST (and anything else that carries a body).
  StringRef auth = op.authorizationType.name;
  if (isSearch || auth == "login" || auth == "refresh")
    return Access::Read;
  StringRef variant = abv::getVariant(requestEntity);
  if (auth == "join" || variant == "ICreate" || variant == "IJoin")
    return Access::Create;
  // Otherwise a POST to a collection creates; a POST to an action
  // (`/password/reset`, `/sessions/revoke-all`) changes what exists.
  SmallVector<api::Segment, 8> segments = api::getSegments(op.path.name);
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
    if (it->isParam())
      continue;
    SmallVector<std::string, 4> words = abv::splitWords(it->text);
    return !words.empty() && abv::looksPlural(words.back()) ? Access::Create
                                                            : Access::Update;
  }
  return Access::Create;
}

/// The named types nested in \p root (reachable through references), pages
/// left out.
static SmallVector<StringRef, 8> getNestedTypeNames(const api::Document &doc,
                                                    const api::Type *root) {
  SmallVector<StringRef, 8> names;
  api::walkReachable(doc, root,
                     [&](const api::NamedType &named, const api::Type &) {
                       if (!isPageTypeName(named.name.name))
                         names.push_back(named.name.name);
                       return WalkResult::Advance;
                     });
  return names;
}

CRUDCoverage::CRUDCoverage(const Project &project, AnalysisManager &analyses) {
  schema = project.getDBSchema();
  document = project.getAPIDocument();
  if (!schema || !document)
    return;
  for (const db::Model &model : schema->models) {
    tableIndex[&model] = tables.size();
    tables.push_back({&model, {}});
  }

  const Binding &binding = analyses.getAnalysis<Binding>();
  auto tableOf = [&](StringRef typeName) {
    return binding.getTable(typeName).model;
  };
  auto addUse = [&](const db::Model *model, Access access,
                    const api::Operation &op, bool isNested) {
    auto it = tableIndex.find(model);
    if (it == tableIndex.end())
      return;
    std::vector<Use> &list =
        tables[it->second].uses[static_cast<unsigned>(access)];
    for (Use &use : list)
      if (use.operation == &op) {
        use.isNested &= isNested;
        return;
      }
    list.push_back({&op, isNested});
  };

  // The DTOs an operation names, in the order they speak for its table: a
  // write names its entity in its request body, a read (a search included)
  // in its response; but a DTO that links its table itself (x-autobe-*)
  // speaks before one matched by family or by name.
  auto getCandidates = [&](const api::Operation &op, Access access,
                           StringRef request) {
    StringRef response = getEntityName(*document, getResponseBody(op));
    SmallVector<std::pair<StringRef, StringRef>, 2> candidates;
    if (access == Access::Read)
      candidates = {{response, "response"}, {request, "request body"}};
    else
      candidates = {{request, "request body"}, {response, "response"}};
    llvm::erase_if(candidates, [](const auto &c) { return c.first.empty(); });
    std::stable_partition(candidates.begin(), candidates.end(),
                          [&](const auto &candidate) {
                            return binding.getTable(candidate.first).kind ==
                                   Binding::LinkKind::Explicit;
                          });
    return candidates;
  };

  // First the operations whose bodies name their entity; they also teach
  // which table each path serves. DELETE goes by its path first.
  StringMap<const db::Model *> pathTable;
  struct Pending {
    const api::Operation *op;
    Access access;
    StringRef requestEntity;
  };
  std::vector<Pending> pending;
  for (const api::Operation &op : document->operations) {
    StringRef request = getEntityName(*document, op.requestBody);
    Access access = classify(op, request);
    const db::Model *model = nullptr;
    StringRef entity, via;
    if (access != Access::Delete)
      for (auto [name, how] : getCandidates(op, access, request)) {
        model = tableOf(name);
        if (model) {
          entity = name;
          via = how;
          break;
        }
      }
    if (!model) {
      pending.push_back({&op, access, request});
      continue;
    }
    attributions.push_back({&op, model, access, via});
    addUse(model, access, op, /*isNested=*/false);
    pathTable.try_emplace(api::getResourceKey(op.path.name), model);

    // Nested access: a write also writes the DTOs nested in its request
    // body and reads back what it returns; a read reads what it returns.
    bool isWrite = access != Access::Read;
    if (isWrite)
      for (StringRef nested : getNestedTypeNames(*document, op.requestBody))
        if (const db::Model *nestedModel = tableOf(nested))
          if (nestedModel != model)
            addUse(nestedModel, access, op, /*isNested=*/true);
    for (StringRef nested : getNestedTypeNames(*document, getResponseBody(op)))
      if (const db::Model *nestedModel = tableOf(nested))
        if (nestedModel != model)
          addUse(nestedModel, Access::Read, op, /*isNested=*/true);
  }

  // Then the others by their path: another operation on the same path or on
  // its collection, the DTOs they name, the literal segments from the last.
  for (auto [op, access, request] : pending) {
    std::string path = api::getResourceKey(op->path.name);
    const db::Model *model = nullptr;
    StringRef via = "path";
    for (StringRef probe = path; !probe.empty();) {
      if (auto it = pathTable.find(probe); it != pathTable.end()) {
        model = it->second;
        break;
      }
      // Up to the collection: drop a trailing `/{}` once.
      if (!probe.ends_with("/{}"))
        break;
      probe = probe.drop_back(3);
    }
    if (!model && access == Access::Delete)
      for (auto [name, how] : getCandidates(*op, access, request)) {
        model = tableOf(name);
        if (model) {
          via = how;
          break;
        }
      }
    if (!model) {
      SmallVector<api::Segment, 8> segments = api::getSegments(op->path.name);
      for (auto it = segments.rbegin(); !model && it != segments.rend(); ++it)
        if (!it->isParam())
          model = binding.findTableForSegment(it->text);
    }
    attributions.push_back({op, model, access, model ? via : ""});
    if (model)
      addUse(model, access, *op, /*isNested=*/false);
  }
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

/// The artifact a schema or document was read from: its file, or for a
/// schema of several `.prisma` files, their folder and count.
static std::string getFileName(const SourceManager &sourceMgr,
                               ArrayRef<unsigned> bufferIDs) {
  if (bufferIDs.empty())
    return "";
  StringRef first = sourceMgr.getBufferName(bufferIDs.front());
  if (bufferIDs.size() == 1)
    return first.str();
  return (sys::path::parent_path(first) + " (" + Twine(bufferIDs.size()) +
          " files)")
      .str();
}

static void printPercent(raw_ostream &os, unsigned part, unsigned whole) {
  os << part << '/' << whole;
  if (whole)
    os << " (" << format("%.0f", 100.0 * part / whole) << "%)";
}

void CRUDCoverage::print(raw_ostream &os,
                         const SourceManager &sourceMgr) const {
  const SourceManager &locator = sourceMgr;
  if (!isAvailable()) {
    os << "CRUD coverage: needs both a DB schema and an API document\n";
    return;
  }
  os << "CRUD coverage of " << tables.size() << " tables ("
     << getFileName(sourceMgr, schema->bufferIDs) << ") by "
     << document->operations.size() << " operations ("
     << getFileName(sourceMgr, document->bufferIDs) << ")\n";
  os << "  C R U D  ops  table\n";
  static const char letters[] = "CRUD";
  for (const TableCoverage &table : tables) {
    os << "  ";
    DenseSet<const api::Operation *> direct;
    for (unsigned a = 0; a != NumAccesses; ++a) {
      Access access = static_cast<Access>(a);
      char c = '-';
      if (table.has(access, /*directOnly=*/true))
        c = letters[a];
      else if (table.has(access))
        c = toLower(letters[a]);
      os << c << ' ';
      for (const Use &use : table.uses[a])
        if (!use.isNested)
          direct.insert(use.operation);
    }
    os << format("%4u", static_cast<unsigned>(direct.size())) << "  "
       << table.model->getTableName() << '\n';
  }
  unsigned total = tables.size();
  os << "tables touched: ";
  printPercent(os, countTouchedTables(), total);
  os << "; create " << countTables(Access::Create) << ", read "
     << countTables(Access::Read) << ", update " << countTables(Access::Update)
     << ", delete " << countTables(Access::Delete) << '\n';
  unsigned cells = 0, directCells = 0;
  for (unsigned a = 0; a != NumAccesses; ++a) {
    cells += countTables(static_cast<Access>(a));
    directCells += countTables(static_cast<Access>(a), /*directOnly=*/true);
  }
  os << "CRUD cells: ";
  printPercent(os, cells, total * NumAccesses);
  os << "; by the operations' own entities: ";
  printPercent(os, directCells, total * NumAccesses);
  os << '\n';
  SmallVector<const api::Operation *, 8> unattributed;
  for (const Attribution &attribution : attributions)
    if (!attribution.model)
      unattributed.push_back(attribution.operation);
  os << "operations attributed to a table: ";
  printPercent(os, attributions.size() - unattributed.size(),
               attributions.size());
  os << '\n';
  for (const api::Operation *op : unattributed) {
    LineColumn lc = locator.getLineColumn(op->range.Start);
    os << "  no table for " << StringRef(op->method.name).upper() << ' '
       << op->path.name << " (" << lc.line << ':' << lc.column << ")\n";
  }
}

void CRUDCoverage::printJSON(raw_ostream &os,
                             const SourceManager &sourceMgr) const {
  const SourceManager &locator = sourceMgr;
  json::OStream out(os, /*IndentSize=*/2);
  auto string = [](StringRef text) {
    return json::isUTF8(text) ? text.str() : json::fixUTF8(text);
  };
  auto operationFields = [&](const api::Operation &op) {
    LineColumn lc = locator.getLineColumn(op.range.Start);
    out.attribute("method", string(op.method.name));
    out.attribute("path", string(op.path.name));
    out.attribute("line", lc.line);
    out.attribute("column", lc.column);
  };
  out.object([&] {
    out.attribute("version", 1);
    out.attribute("available", isAvailable());
    if (!isAvailable())
      return;
    out.attribute("schema", string(getFileName(sourceMgr, schema->bufferIDs)));
    out.attribute("document",
                  string(getFileName(sourceMgr, document->bufferIDs)));
    unsigned cells = 0;
    out.attributeArray("tables", [&] {
      for (const TableCoverage &table : tables)
        out.object([&] {
          LineColumn lc = locator.getLineColumn(table.model->name.range.Start);
          out.attribute("table", string(table.model->getTableName()));
          out.attribute("line", lc.line);
          out.attribute("column", lc.column);
          for (unsigned a = 0; a != NumAccesses; ++a) {
            out.attributeArray(getAccessName(static_cast<Access>(a)), [&] {
              for (const Use &use : table.uses[a])
                out.object([&] {
                  operationFields(*use.operation);
                  out.attribute("nested", use.isNested);
                });
            });
            cells += !table.uses[a].empty();
          }
        });
    });
    size_t unattributed = 0;
    for (const Attribution &attribution : attributions)
      unattributed += !attribution.model;
    out.attributeObject("totals", [&] {
      out.attribute("tables", uint64_t(tables.size()));
      out.attribute("touched", uint64_t(countTouchedTables()));
      for (unsigned a = 0; a != NumAccesses; ++a)
        out.attribute(getAccessName(static_cast<Access>(a)),
                      uint64_t(countTables(static_cast<Access>(a))));
      out.attribute("cells", cells);
      out.attribute("cellsTotal", uint64_t(tables.size() * NumAccesses));
      out.attribute("operations", uint64_t(attributions.size()));
      out.attribute("unattributed", uint64_t(unattributed));
    });
    out.attributeArray("unattributed", [&] {
      for (const Attribution &attribution : attributions)
        if (!attribution.model)
          out.object([&] { operationFields(*attribution.operation); });
    });
  });
  os << '\n';
}
