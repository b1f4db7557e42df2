//===- Spec.cpp - What one side of a semantic diff declares ---------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Diff/Spec.h"
#include "abv/Analysis/Binding.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/JSON.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"

using namespace abv;
using namespace abv::diff;
using namespace llvm;

Spec::~Spec() = default;

int Entity::findColumn(StringRef name) const {
  for (size_t i = 0, e = columns.size(); i != e; ++i)
    if (columns[i].name == name)
      return int(i);
  return -1;
}

static StringRef getMethodSpelling(api::HTTPMethod method) {
  switch (method) {
  case api::HTTPMethod::Get:
    return "GET";
  case api::HTTPMethod::Put:
    return "PUT";
  case api::HTTPMethod::Post:
    return "POST";
  case api::HTTPMethod::Delete:
    return "DELETE";
  case api::HTTPMethod::Options:
    return "OPTIONS";
  case api::HTTPMethod::Head:
    return "HEAD";
  case api::HTTPMethod::Patch:
    return "PATCH";
  case api::HTTPMethod::Trace:
    return "TRACE";
  case api::HTTPMethod::Query:
    return "QUERY";
  case api::HTTPMethod::Unknown:
    break;
  }
  return "?";
}

std::string abv::diff::makeEndpointLabel(api::HTTPMethod method,
                                         StringRef path) {
  return (getMethodSpelling(method) + " " + path).str();
}

/// The label key of \p label: the method upper-cased, one space, the path.
static std::string normalizeLabel(StringRef label) {
  auto [method, path] = label.trim().split(' ');
  return makeEndpointLabel(api::parseHTTPMethod(method), path.trim());
}

void Spec::finalize() {
  entityIndex.clear();
  endpointIndex.clear();
  dtoIndex.clear();
  // The first of duplicate names wins, as the first declaration does.
  for (size_t i = 0, e = entities.size(); i != e; ++i)
    entityIndex.try_emplace(entities[i].name, int(i));
  for (size_t i = 0, e = endpoints.size(); i != e; ++i)
    endpointIndex.try_emplace(normalizeLabel(endpoints[i].label), int(i));
  for (size_t i = 0, e = dtos.size(); i != e; ++i)
    dtoIndex.try_emplace(dtos[i].name, int(i));
}

int Spec::findEntity(StringRef name) const {
  auto it = entityIndex.find(name);
  return it == entityIndex.end() ? -1 : it->second;
}

int Spec::findEndpoint(StringRef label) const {
  auto it = endpointIndex.find(normalizeLabel(label));
  return it == endpointIndex.end() ? -1 : it->second;
}

int Spec::findDTO(StringRef name) const {
  auto it = dtoIndex.find(name);
  return it == dtoIndex.end() ? -1 : it->second;
}

//===----------------------------------------------------------------------===//
// A project's Spec
//===----------------------------------------------------------------------===//

/// The name of the DTO \p type is, unwrapping arrays and nullable
/// variants; "" when it is not a named type.
static StringRef getTypeName(const api::Type *type) {
  for (unsigned depth = 0; type && depth != 8; ++depth) {
    switch (type->kind) {
    case api::TypeKind::Ref:
      return type->ref.name;
    case api::TypeKind::Array:
      type = type->items;
      continue;
    case api::TypeKind::OneOf:
    case api::TypeKind::AnyOf: {
      const api::Type *only = nullptr;
      for (const api::Type *variant : type->variants)
        if (variant && variant->kind != api::TypeKind::Null)
          only = only ? nullptr : variant;
      type = only;
      continue;
    }
    default:
      return "";
    }
  }
  return "";
}

std::unique_ptr<Spec> abv::diff::buildProjectSpec(const Project &project,
                                                  StringRef path) {
  auto spec = std::make_unique<Spec>(SpecKind::Project);
  spec->path = path.str();
  spec->project = &project;
  AnalysisManager analyses(project);
  const Binding &binding = analyses.getAnalysis<Binding>();

  DenseMap<const db::Model *, int> entityOf;
  if (const db::Schema *schema = project.getDBSchema()) {
    spec->hasDB = true;
    for (const db::Model &model : schema->models) {
      if (model.isView)
        continue;
      entityOf[&model] = int(spec->entities.size());
      Entity &entity = spec->entities.emplace_back();
      entity.name = model.name.name;
      entity.range = model.name.range;
      entity.model = &model;
      if (!spec->dbRange.isValid())
        spec->dbRange = model.name.range;
    }
    for (Entity &entity : spec->entities) {
      const db::Model &model = *entity.model;
      // Foreign key columns point where their relation field does.
      StringMap<int> targetOfColumn;
      for (const db::Field &field : model.fields) {
        if (!field.isRelation() || !field.relation)
          continue;
        const db::Model *target = binding.getRelationTarget(field);
        int index = target ? entityOf.lookup(target) : -1;
        if (target && !entityOf.count(target))
          index = -1;
        for (const db::Ident &fk : field.relation->fields)
          targetOfColumn.try_emplace(fk.name, index);
      }
      for (const db::Field &field : model.fields) {
        // Relation fields are edges, even when their model is misspelt.
        if (field.isRelation() || field.relation ||
            field.getAttribute("relation"))
          continue;
        Column &column = entity.columns.emplace_back();
        column.name = field.name.name;
        column.range = field.name.range;
        column.isRequired = !field.isOptional;
        column.type = field.type;
        column.typeName = field.typeName.name;
        column.field = &field;
        auto it = targetOfColumn.find(field.name.name);
        if (it != targetOfColumn.end())
          column.target = it->second;
      }
    }
  }

  auto entityOfModel = [&](const db::Model *model) {
    if (!model)
      return -1;
    auto it = entityOf.find(model);
    return it == entityOf.end() ? -1 : it->second;
  };

  if (const api::Document *document = project.getAPIDocument()) {
    spec->hasAPI = true;
    for (const api::Operation &op : document->operations) {
      if (op.httpMethod == api::HTTPMethod::Unknown || op.path.empty())
        continue;
      Endpoint &endpoint = spec->endpoints.emplace_back();
      endpoint.method = op.httpMethod;
      endpoint.path = op.path.name;
      endpoint.label = makeEndpointLabel(op.httpMethod, op.path.name);
      endpoint.range = op.path.range;
      endpoint.operation = &op;
      endpoint.actor = op.actor.name;
      endpoint.description = op.summary.empty() ? op.description : op.summary;
      if (!spec->apiRange.isValid())
        spec->apiRange = op.path.range;
      endpoint.requestType = getTypeName(op.requestBody);
      if (const api::Response *success = op.getSuccessResponse())
        endpoint.responseType = getTypeName(success->type);
      StringRef response = endpoint.responseType;
      bool page = isPageTypeName(response);
      if (page)
        response = response.drop_front(5); // IPageIArticle -> IArticle.
      endpoint.isList = page || getVariant(endpoint.requestType) == "IRequest";
      // The entity: what a write sends, else what the operation returns.
      bool write =
          op.httpMethod == api::HTTPMethod::Post ||
          op.httpMethod == api::HTTPMethod::Put ||
          (op.httpMethod == api::HTTPMethod::Patch && !endpoint.isList);
      StringRef first = write ? endpoint.requestType : response;
      StringRef second = write ? response : endpoint.requestType;
      for (StringRef name : {first, second}) {
        if (name.empty() || endpoint.entity >= 0)
          continue;
        if (Binding::TableLink link = binding.getTable(name))
          endpoint.entity = entityOfModel(link.model);
      }
    }
    for (const api::NamedType &named : document->types) {
      DTO &dto = spec->dtos.emplace_back();
      dto.name = named.name.name;
      dto.range = named.name.range;
      dto.type = &named;
      if (Binding::TableLink link = binding.getTable(named))
        dto.entity = entityOfModel(link.model);
    }
    // Actors, declared or only used by operations.
    StringMap<bool> seen;
    auto addActor = [&](StringRef name) {
      if (name.empty() || !seen.try_emplace(name, true).second)
        return;
      spec->actors.emplace_back(name.str(),
                                entityOfModel(binding.getActorTable(name)));
    };
    for (const api::Actor &actor : document->actors)
      addActor(actor.name.name);
    for (const api::Operation &op : document->operations)
      addActor(op.actor.name);
  }
  spec->finalize();
  return spec;
}
