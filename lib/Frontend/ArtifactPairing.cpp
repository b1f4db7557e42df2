//===- ArtifactPairing.cpp - One canonical artifact per layer -------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Frontend/ArtifactPairing.h"
#include "abv/IR/APIPath.h"
#include "abv/IR/Project.h"

#include "llvm/ADT/StringMap.h"

#include <string>

using namespace abv;
using namespace llvm;

/// The comparison key of an index: kind, GIN or not, field names.
static std::string getIndexKey(const db::Index &index) {
  std::string key(1, char('0' + unsigned(index.kind)));
  key += index.method == db::Index::Method::Gin ? 'G' : '-';
  for (const db::IndexField &field : index.fields) {
    key += '\0';
    key += field.name.name;
  }
  return key;
}

static void pairDB(db::Schema &text, const db::Schema &ast, TwinMap &twins) {
  StringMap<db::Model *> textModels;
  for (db::Model &model : text.models)
    textModels.try_emplace(model.name.name, &model);
  for (const db::Model &astModel : ast.models) {
    auto it = textModels.find(astModel.name.name);
    if (it == textModels.end())
      continue;
    db::Model &model = *it->second;
    // Notes point at the twin's name, the most readable place in it.
    twins.add(model.range, astModel.name.range);
    if (model.stance == db::Stance::None)
      model.stance = astModel.stance;
    model.isMaterial |= astModel.isMaterial;
    if (model.autobeNamespace.empty())
      model.autobeNamespace = astModel.autobeNamespace;

    for (const db::Field &astField : astModel.fields) {
      db::Field *field = model.findField(astField.name.name);
      if (!field)
        continue;
      twins.add(field->range, astField.name.range);
      if (field->autobeType.empty())
        field->autobeType = astField.autobeType;
      if (field->relation && astField.relation &&
          field->relation->oppositeName.empty())
        field->relation->oppositeName = astField.relation->oppositeName;
    }

    StringMap<const db::Index *> astIndexes;
    for (const db::Index &index : astModel.indexes)
      astIndexes.try_emplace(getIndexKey(index), &index);
    for (const db::Index &index : model.indexes)
      if (!index.isFieldLevel)
        if (auto found = astIndexes.find(getIndexKey(index));
            found != astIndexes.end())
          twins.add(index.range, found->second->range);
  }
}

static std::string getOperationKey(const api::Operation &op) {
  return op.method.name.lower() + " " + api::normalizePath(op.path.name);
}

static void pairAPI(const api::Document &canonical, const api::Document &twin,
                    TwinMap &twins) {
  StringMap<const api::Operation *> twinOps;
  for (const api::Operation &op : twin.operations)
    twinOps.try_emplace(getOperationKey(op), &op);
  for (const api::Operation &op : canonical.operations)
    if (auto it = twinOps.find(getOperationKey(op)); it != twinOps.end())
      twins.add(op.range, it->second->range);

  for (const api::NamedType &named : canonical.types) {
    const api::NamedType *other = twin.findType(named.name.name);
    if (!other)
      continue;
    twins.add(named.range, other->name.range);
    if (!named.type || !other->type)
      continue;
    // The twin's properties by name (the first of a name, as findProperty
    // would), so that a type of many properties pairs in linear time.
    StringMap<const api::Property *> twinProperties;
    for (const api::Property &property : other->type->properties)
      twinProperties.try_emplace(property.name.name, &property);
    for (const api::Property &property : named.type->properties)
      if (const api::Property *twinProperty =
              twinProperties.lookup(property.name.name))
        twins.add(property.range, twinProperty->name.range);
  }
}

void abv::pairArtifacts(Project &project) {
  if (project.prismaSchema && project.autobeSchema)
    pairDB(*project.prismaSchema, *project.autobeSchema, project.dbTwins);
  if (project.autobeDocument && project.openapiDocument)
    pairAPI(*project.autobeDocument, *project.openapiDocument,
            project.apiTwins);
}
