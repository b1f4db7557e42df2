//===- DB.cpp - The typed IR of the database layer ------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/IR/DB.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

const AttributeArg *Attribute::getArg(StringRef argName) const {
  for (const AttributeArg &arg : args)
    if (arg.name.name == argName)
      return &arg;
  return nullptr;
}

TypeKind db::getScalarTypeKind(StringRef prismaName) {
  return StringSwitch<TypeKind>(prismaName)
      .Case("String", TypeKind::String)
      .Case("Boolean", TypeKind::Boolean)
      .Case("Int", TypeKind::Int)
      .Case("BigInt", TypeKind::BigInt)
      .Case("Float", TypeKind::Float)
      .Case("Decimal", TypeKind::Decimal)
      .Case("DateTime", TypeKind::DateTime)
      .Case("Json", TypeKind::Json)
      .Case("Bytes", TypeKind::Bytes)
      .Case("Unsupported", TypeKind::Unsupported)
      .Default(TypeKind::Unknown);
}

StringRef db::getTypeKindName(TypeKind kind) {
  switch (kind) {
  case TypeKind::String:
    return "String";
  case TypeKind::Boolean:
    return "Boolean";
  case TypeKind::Int:
    return "Int";
  case TypeKind::BigInt:
    return "BigInt";
  case TypeKind::Float:
    return "Float";
  case TypeKind::Decimal:
    return "Decimal";
  case TypeKind::DateTime:
    return "DateTime";
  case TypeKind::Json:
    return "Json";
  case TypeKind::Bytes:
    return "Bytes";
  case TypeKind::Unsupported:
    return "Unsupported";
  case TypeKind::Enum:
    return "enum";
  case TypeKind::Composite:
    return "composite";
  case TypeKind::Model:
    return "model";
  case TypeKind::Unknown:
    return "unknown";
  }
  llvm_unreachable("unknown type kind");
}

StringRef db::getStanceName(Stance stance) {
  switch (stance) {
  case Stance::None:
    return "";
  case Stance::Primary:
    return "primary";
  case Stance::Subsidiary:
    return "subsidiary";
  case Stance::Snapshot:
    return "snapshot";
  case Stance::Actor:
    return "actor";
  case Stance::Session:
    return "session";
  }
  llvm_unreachable("unknown stance");
}

const Attribute *Field::getAttribute(StringRef attrName) const {
  for (const Attribute &attr : attributes)
    if (attr.name.name == attrName)
      return &attr;
  return nullptr;
}

const Expr *Field::getDefaultValue() const {
  const Attribute *attr = getAttribute("default");
  if (!attr)
    return nullptr;
  for (const AttributeArg &arg : attr->args)
    if (arg.name.empty() || arg.name.name == "value")
      return &arg.value;
  return nullptr;
}

const Field *Model::findField(StringRef fieldName) const {
  for (const Field &field : fields)
    if (field.name.name == fieldName)
      return &field;
  return nullptr;
}

Field *Model::findField(StringRef fieldName) {
  for (Field &field : fields)
    if (field.name.name == fieldName)
      return &field;
  return nullptr;
}

const Index *Model::getPrimaryKey() const {
  for (const Index &index : indexes)
    if (index.kind == Index::Kind::Primary)
      return &index;
  return nullptr;
}

const ConfigProperty *ConfigBlock::getProperty(StringRef key) const {
  for (const ConfigProperty &prop : properties)
    if (prop.key.name == key)
      return &prop;
  return nullptr;
}

Provider db::parseProvider(StringRef name) {
  return StringSwitch<Provider>(name)
      .Cases("postgresql", "postgres", Provider::PostgreSQL)
      .Case("mysql", Provider::MySQL)
      .Case("sqlite", Provider::SQLite)
      .Case("sqlserver", Provider::SQLServer)
      .Case("mongodb", Provider::MongoDB)
      .Case("cockroachdb", Provider::CockroachDB)
      .Default(Provider::Unknown);
}

StringRef db::getProviderName(Provider provider) {
  switch (provider) {
  case Provider::Unknown:
    return "unknown";
  case Provider::PostgreSQL:
    return "postgresql";
  case Provider::MySQL:
    return "mysql";
  case Provider::SQLite:
    return "sqlite";
  case Provider::SQLServer:
    return "sqlserver";
  case Provider::MongoDB:
    return "mongodb";
  case Provider::CockroachDB:
    return "cockroachdb";
  }
  llvm_unreachable("unknown provider");
}

static const ConfigProperty *getProviderProperty(const Schema &schema) {
  if (schema.datasources.empty())
    return nullptr;
  return schema.datasources.front().getProperty("provider");
}

Provider Schema::getProvider() const {
  const ConfigProperty *prop = getProviderProperty(*this);
  if (!prop || !prop->value.isString())
    return Provider::Unknown;
  return parseProvider(prop->value.text);
}

SMRange Schema::getProviderRange() const {
  const ConfigProperty *prop = getProviderProperty(*this);
  return prop ? prop->value.range : SMRange();
}

template <typename T>
static const T *findByName(const std::vector<T> &nodes, StringRef name) {
  for (const T &node : nodes)
    if (node.name.name == name)
      return &node;
  return nullptr;
}

const Model *Schema::findModel(StringRef name) const {
  return findByName(models, name);
}
const Enum *Schema::findEnum(StringRef name) const {
  return findByName(enums, name);
}
const CompositeType *Schema::findCompositeType(StringRef name) const {
  return findByName(compositeTypes, name);
}

void Schema::finalize() {
  StringMap<TypeKind> kinds;
  for (const Enum &e : enums)
    kinds.try_emplace(e.name.name, TypeKind::Enum);
  for (const CompositeType &c : compositeTypes)
    kinds.try_emplace(c.name.name, TypeKind::Composite);
  for (const Model &m : models)
    kinds.try_emplace(m.name.name, TypeKind::Model);

  auto resolveField = [&](Field &field) {
    if (field.type != TypeKind::Unknown)
      return;
    auto it = kinds.find(field.typeName.name);
    if (it == kinds.end())
      return;
    field.type = it->second;
    if (field.type == TypeKind::Model && !field.relation)
      field.relation.emplace();
  };

  for (CompositeType &c : compositeTypes)
    for (Field &field : c.fields)
      resolveField(field);

  for (Model &model : models) {
    for (Field &field : model.fields)
      resolveField(field);
    // Mirror field-level @id / @unique into the index list, ahead of block
    // level indexes, so index checks see every unique criterion.
    std::vector<Index> mirrored;
    for (const Field &field : model.fields) {
      bool hasId = false, hasUnique = false;
      for (const Index &index : model.indexes)
        if (index.isFieldLevel && index.fields.size() == 1 &&
            index.fields.front().name.name == field.name.name) {
          hasId |= index.kind == Index::Kind::Primary;
          hasUnique |= index.kind == Index::Kind::Unique;
        }
      auto mirror = [&](Index::Kind kind, StringRef attrName) {
        Index index;
        index.kind = kind;
        index.isFieldLevel = true;
        index.fields.push_back({field.name, "", ""});
        const Attribute *attr = field.getAttribute(attrName);
        index.range = attr ? attr->range : field.name.range;
        if (attr) {
          if (const AttributeArg *map = attr->getArg("map");
              map && map->value.isString())
            index.map = {map->value.text, map->value.range};
        }
        mirrored.push_back(std::move(index));
      };
      if (field.isId && !hasId)
        mirror(Index::Kind::Primary, "id");
      if (field.isUnique && !hasUnique)
        mirror(Index::Kind::Unique, "unique");
    }
    if (!mirrored.empty())
      model.indexes.insert(model.indexes.begin(),
                           std::make_move_iterator(mirrored.begin()),
                           std::make_move_iterator(mirrored.end()));
  }
}
