//===- API.cpp - The typed IR of the API layer ----------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/IR/API.h"

#include "llvm/ADT/StringSwitch.h"

using namespace abv;
using namespace abv::api;
using namespace llvm;

StringRef api::getTypeKindName(TypeKind kind) {
  switch (kind) {
  case TypeKind::Any:
    return "any";
  case TypeKind::Object:
    return "object";
  case TypeKind::Array:
    return "array";
  case TypeKind::String:
    return "string";
  case TypeKind::Integer:
    return "integer";
  case TypeKind::Number:
    return "number";
  case TypeKind::Boolean:
    return "boolean";
  case TypeKind::Null:
    return "null";
  case TypeKind::Ref:
    return "ref";
  case TypeKind::OneOf:
    return "oneOf";
  case TypeKind::AnyOf:
    return "anyOf";
  case TypeKind::AllOf:
    return "allOf";
  }
  llvm_unreachable("unknown API type kind");
}

const Property *Type::findProperty(StringRef propertyName) const {
  for (const Property &property : properties)
    if (property.name.name == propertyName)
      return &property;
  return nullptr;
}

const Response *Operation::getSuccessResponse() const {
  for (const Response &response : responses)
    if (response.status.name.starts_with("2"))
      return &response;
  return nullptr;
}

HTTPMethod api::parseHTTPMethod(StringRef name) {
  return StringSwitch<HTTPMethod>(name.lower())
      .Case("get", HTTPMethod::Get)
      .Case("put", HTTPMethod::Put)
      .Case("post", HTTPMethod::Post)
      .Case("delete", HTTPMethod::Delete)
      .Case("options", HTTPMethod::Options)
      .Case("head", HTTPMethod::Head)
      .Case("patch", HTTPMethod::Patch)
      .Case("trace", HTTPMethod::Trace)
      .Case("query", HTTPMethod::Query)
      .Default(HTTPMethod::Unknown);
}

ParamLocation api::parseParamLocation(StringRef in) {
  return StringSwitch<ParamLocation>(in)
      .Case("path", ParamLocation::Path)
      .Case("query", ParamLocation::Query)
      .Case("header", ParamLocation::Header)
      .Case("cookie", ParamLocation::Cookie)
      .Case("querystring", ParamLocation::QueryString)
      .Default(ParamLocation::Unknown);
}

void Document::finalize() {
  typeIndex.clear();
  for (size_t i = 0, e = types.size(); i != e; ++i)
    typeIndex.try_emplace(types[i].name.name, i);
  for (std::vector<Operation> *list : {&operations, &callbacks})
    for (Operation &op : *list) {
      op.httpMethod = parseHTTPMethod(op.method.name);
      for (Parameter &param : op.parameters)
        param.location = parseParamLocation(param.in);
    }

  // Where each named type's chain of aliases ends, walked once for all: a
  // chain T0 -> T1 -> ... -> Tn costs n steps in total, not n per start.
  enum : unsigned char { New, OnPath, Done };
  std::vector<unsigned char> state(types.size(), New);
  resolvedTypes.assign(types.size(), nullptr);
  std::vector<size_t> path;
  for (size_t start = 0, e = types.size(); start != e; ++start) {
    if (state[start] != New)
      continue;
    path.clear();
    const Type *result = nullptr;
    for (size_t current = start;;) {
      if (state[current] == Done) {
        result = resolvedTypes[current];
        break;
      }
      if (state[current] == OnPath)
        break; // A cycle of aliases: nothing to resolve to.
      state[current] = OnPath;
      path.push_back(current);
      const Type *type = types[current].type;
      if (!type || type->kind != TypeKind::Ref) {
        result = type;
        break;
      }
      const NamedType *next = findType(type->ref.name);
      if (!next)
        break;
      current = size_t(next - types.data());
    }
    for (size_t index : path) {
      state[index] = Done;
      resolvedTypes[index] = result;
    }
  }
}

const NamedType *Document::findType(StringRef typeName) const {
  auto it = typeIndex.find(typeName);
  return it == typeIndex.end() ? nullptr : &types[it->second];
}

const Type *Document::resolve(const Type *type) const {
  if (!type || type->kind != TypeKind::Ref)
    return type;
  const NamedType *named = findType(type->ref.name);
  if (!named)
    return nullptr;
  size_t index = size_t(named - types.data());
  if (index < resolvedTypes.size())
    return resolvedTypes[index];
  // Not finalized since this type was added: walk the chain.
  type = named->type;
  for (size_t hops = 0; type && type->kind == TypeKind::Ref; ++hops) {
    if (hops > types.size())
      return nullptr;
    named = findType(type->ref.name);
    type = named ? named->type : nullptr;
  }
  return type;
}
