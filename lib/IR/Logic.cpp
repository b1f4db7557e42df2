//===- Logic.cpp - The logic layer's IR -----------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/IR/Logic.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace abv;
using namespace abv::logic;
using namespace llvm;

StringRef logic::getFunctionKindName(FunctionKind kind) {
  switch (kind) {
  case FunctionKind::Provider:
    return "provider";
  case FunctionKind::Authorizer:
    return "authorizer";
  case FunctionKind::Collector:
    return "collector";
  case FunctionKind::Transformer:
    return "transformer";
  case FunctionKind::Test:
    return "test";
  case FunctionKind::TestHelper:
    return "test-helper";
  case FunctionKind::Other:
    break;
  }
  return "function";
}

StringRef logic::getParamRoleName(Param::Role role) {
  switch (role) {
  case Param::Role::Actor:
    return "actor";
  case Param::Role::PathParam:
    return "path";
  case Param::Role::Body:
    return "body";
  case Param::Role::Connection:
    return "connection";
  case Param::Role::Other:
    break;
  }
  return "other";
}

static const std::pair<StringRef, PrismaOp> PrismaOps[] = {
    {"findMany", PrismaOp::FindMany},
    {"findFirst", PrismaOp::FindFirst},
    {"findFirstOrThrow", PrismaOp::FindFirstOrThrow},
    {"findUnique", PrismaOp::FindUnique},
    {"findUniqueOrThrow", PrismaOp::FindUniqueOrThrow},
    {"count", PrismaOp::Count},
    {"aggregate", PrismaOp::Aggregate},
    {"groupBy", PrismaOp::GroupBy},
    {"create", PrismaOp::Create},
    {"createMany", PrismaOp::CreateMany},
    {"update", PrismaOp::Update},
    {"updateMany", PrismaOp::UpdateMany},
    {"upsert", PrismaOp::Upsert},
    {"delete", PrismaOp::Delete},
    {"deleteMany", PrismaOp::DeleteMany},
};

StringRef logic::getPrismaOpName(PrismaOp op) {
  for (const auto &[name, value] : PrismaOps)
    if (value == op)
      return name;
  return "unknown";
}

PrismaOp logic::getPrismaOp(StringRef name) {
  for (const auto &[spelling, value] : PrismaOps)
    if (spelling == name)
      return value;
  return PrismaOp::Unknown;
}

StringRef logic::getPrismaShapeName(PrismaShape shape) {
  switch (shape) {
  case PrismaShape::CreateInput:
    return "create-input";
  case PrismaShape::UpdateInput:
    return "update-input";
  case PrismaShape::WhereInput:
    return "where-input";
  case PrismaShape::OrderBy:
    return "order-by";
  case PrismaShape::Select:
    return "select";
  case PrismaShape::Include:
    return "include";
  case PrismaShape::Args:
    return "args";
  case PrismaShape::Other:
    break;
  }
  return "other";
}

const ArgEntry *ArgObject::find(StringRef key) const {
  for (const ArgEntry &entry : entries)
    if (entry.key.text == key)
      return &entry;
  return nullptr;
}

std::string SDKCall::getAccessorText() const {
  std::string text;
  for (const Name &name : accessor) {
    if (!text.empty())
      text += '.';
    text += name.text.str();
  }
  return text;
}

const Param *Function::getActor() const {
  for (const Param &param : params)
    if (param.role == Param::Role::Actor)
      return &param;
  return nullptr;
}

const Param *Function::getBody() const {
  for (const Param &param : params)
    if (param.role == Param::Role::Body)
      return &param;
  return nullptr;
}

bool Function::usesName(StringRef name) const {
  return std::binary_search(namesUsed.begin(), namesUsed.end(), name);
}

bool Function::testsMember(StringRef local, StringRef member) const {
  return std::binary_search(testedMembers.begin(), testedMembers.end(),
                            std::make_pair(local, member));
}

SmallVector<const Function *, 16>
Module::getFunctions(FunctionKind kind) const {
  SmallVector<const Function *, 16> result;
  for (const std::unique_ptr<Function> &fn : functions)
    if (fn->kind == kind)
      result.push_back(fn.get());
  return result;
}

const Function *Module::findFunction(StringRef name) const {
  for (const std::unique_ptr<Function> &fn : functions) {
    if (fn->namespaceName.empty()) {
      if (fn->name.text == name)
        return fn.get();
    } else if (name.size() ==
                   fn->namespaceName.size() + 1 + fn->name.text.size() &&
               name.starts_with(fn->namespaceName) &&
               name.ends_with(fn->name.text) &&
               name[fn->namespaceName.size()] == '.') {
      return fn.get();
    }
  }
  return nullptr;
}
