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
}

const NamedType *Document::findType(StringRef typeName) const {
  auto it = typeIndex.find(typeName);
  return it == typeIndex.end() ? nullptr : &types[it->second];
}

const Type *Document::resolve(const Type *type) const {
  for (size_t hops = 0; type && type->kind == TypeKind::Ref; ++hops) {
    if (hops > types.size())
      return nullptr;
    const NamedType *named = findType(type->ref.name);
    type = named ? named->type : nullptr;
  }
  return type;
}
