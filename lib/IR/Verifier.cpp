//===- Verifier.cpp - Structural invariants of the IR ---------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/IR/Verifier.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "llvm/ADT/STLExtras.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {
class Verifier {
public:
  Verifier(const Project &project, DiagnosticEngine &diags)
      : sm(project.getSourceManager()), diags(diags) {}

  void verify(const Schema &schema);
  void verify(const api::Document &doc);
  void verify(const logic::Module &module);
  bool ok = true;

private:
  void fail(SMRange at, const Twine &what) {
    ok = false;
    diags.report(DiagID::IRInvalid, at) << what.str();
  }
  /// A range must be valid, ordered and inside one of the schema's buffers.
  void checkRange(SMRange range, const Twine &what);
  void checkName(const Ident &ident, SMRange owner, const Twine &what);
  void checkField(const Field &field, StringRef owner);
  void checkObject(const logic::ArgObject *object, const Twine &what);
  /// Checks a type tree (iteratively: trees may be deep).
  void checkType(const api::Type *root, const Twine &what);

  const SourceManager &sm;
  DiagnosticEngine &diags;
  /// The buffers of the schema or document being verified, and what it is.
  ArrayRef<unsigned> buffers;
  StringRef container = "schema";
};
} // namespace

void Verifier::checkRange(SMRange range, const Twine &what) {
  if (!range.Start.isValid()) {
    fail(range, what + " has no location");
    return;
  }
  if (range.End.isValid() &&
      range.End.getPointer() < range.Start.getPointer()) {
    fail(range, what + " has a range that ends before it starts");
    return;
  }
  unsigned id = sm.findBuffer(range.Start);
  bool inSchema = false;
  for (unsigned bufferID : buffers)
    inSchema |= bufferID == id;
  if (!inSchema) {
    fail(SMRange(), what + " points outside the " + container + "'s files");
    return;
  }
  if (range.End.isValid() &&
      range.End.getPointer() > sm.getBuffer(id)->getBufferEnd())
    fail(range, what + " has a range that ends past its file");
}

void Verifier::checkName(const Ident &ident, SMRange owner, const Twine &what) {
  if (ident.empty()) {
    fail(owner, what + " has no name");
    return;
  }
  checkRange(ident.range, what + " '" + ident.name + "'");
}

void Verifier::checkField(const Field &field, StringRef owner) {
  std::string what = ("field '" + owner + "." + field.name.name + "'").str();
  checkName(field.name, field.range, "field of '" + owner + "'");
  checkRange(field.range, what);
  bool hasRelation = field.relation.has_value();
  if (field.isRelation() != hasRelation)
    fail(field.name.range,
         what + (hasRelation ? " has relation info but is not model-typed"
                             : " is model-typed but has no relation info"));
  if (field.nativeType && field.nativeType->name.empty())
    fail(field.nativeType->range, what + " has a nameless native type");
}

void Verifier::verify(const Schema &s) {
  buffers = s.bufferIDs;
  container = "schema";
  if (s.bufferIDs.empty()) {
    fail(SMRange(), "schema has no source files");
    return;
  }
  for (const Model &model : s.models) {
    checkName(model.name, model.range, "model");
    checkRange(model.range, "model '" + model.name.name + "'");
    for (const Field &field : model.fields)
      checkField(field, model.name.name);
    for (const Index &index : model.indexes) {
      checkRange(index.range, "index of '" + model.name.name + "'");
      if (index.fields.empty() && index.kind != Index::Kind::Primary)
        continue; // An empty field list is the input's fault (a pass says so).
      for (const IndexField &f : index.fields)
        if (f.name.empty())
          fail(index.range,
               "index of '" + model.name.name + "' names an empty field");
    }
  }
  for (const Enum &e : s.enums) {
    checkName(e.name, e.range, "enum");
    for (const EnumValue &value : e.values)
      checkName(value.name, value.range, "value of enum '" + e.name.name + "'");
  }
  for (const CompositeType &c : s.compositeTypes) {
    checkName(c.name, c.range, "type");
    for (const Field &field : c.fields) {
      checkName(field.name, field.range, "field of '" + c.name.name + "'");
      if (field.relation)
        fail(field.name.range, "composite type field has relation info");
    }
  }
  for (const ConfigBlock &block : s.datasources)
    checkName(block.name, block.range, "datasource");
  for (const ConfigBlock &block : s.generators)
    checkName(block.name, block.range, "generator");
}

void Verifier::checkType(const api::Type *root, const Twine &what) {
  std::string owner = what.str();
  if (!root) {
    fail(SMRange(), owner + " has no type");
    return;
  }
  SmallVector<const api::Type *, 16> worklist{root};
  while (!worklist.empty()) {
    const api::Type *type = worklist.pop_back_val();
    checkRange(type->range, "a type of " + owner);
    if (type->kind == api::TypeKind::Ref) {
      if (type->ref.empty())
        fail(type->range, "a reference type of " + owner + " has no name");
      else
        checkRange(type->ref.range,
                   "reference '" + type->ref.name + "' of " + owner);
    }
    for (const api::Property &property : type->properties) {
      checkName(property.name, property.range, "property of " + owner);
      checkRange(property.range,
                 "property '" + property.name.name + "' of " + owner);
      if (!property.type)
        fail(property.range, "property '" + property.name.name + "' of " +
                                 owner + " has no type");
      else
        worklist.push_back(property.type);
    }
    if (type->items)
      worklist.push_back(type->items);
    if (type->additionalProperties)
      worklist.push_back(type->additionalProperties);
    for (const api::Type *variant : type->variants) {
      if (!variant)
        fail(type->range, "a type of " + owner + " has a null variant");
      else
        worklist.push_back(variant);
    }
  }
}

void Verifier::verify(const api::Document &doc) {
  buffers = doc.bufferIDs;
  container = "document";
  if (doc.bufferIDs.empty()) {
    fail(SMRange(), "API document has no source files");
    return;
  }
  for (const api::Operation &op :
       llvm::concat<const api::Operation>(doc.operations, doc.callbacks)) {
    checkName(op.method, op.range, "operation");
    checkName(op.path, op.range, "operation");
    std::string what = (op.method.name + " " + op.path.name).str();
    checkRange(op.range, "operation '" + what + "'");
    for (const api::Parameter &parameter : op.parameters) {
      checkName(parameter.name, parameter.range, "parameter of '" + what + "'");
      checkRange(parameter.range,
                 "parameter '" + parameter.name.name + "' of '" + what + "'");
      if (parameter.type)
        checkType(parameter.type,
                  "parameter '" + parameter.name.name + "' of '" + what + "'");
    }
    if (op.requestBody) {
      checkRange(op.requestBodyRange, "request body of '" + what + "'");
      checkType(op.requestBody, "the request body of '" + what + "'");
    }
    for (const api::Response &response : op.responses) {
      checkName(response.status, response.range, "response of '" + what + "'");
      if (response.type)
        checkType(response.type,
                  "response '" + response.status.name + "' of '" + what + "'");
    }
  }
  for (const api::NamedType &named : doc.types) {
    checkName(named.name, named.range, "named type");
    checkType(named.type, "type '" + named.name.name + "'");
  }
  for (const api::Actor &actor : doc.actors)
    checkName(actor.name, actor.range, "actor");
}

void Verifier::checkObject(const logic::ArgObject *root, const Twine &what) {
  // Iteratively: argument objects nest as deep as the code does.
  SmallVector<const logic::ArgObject *, 16> work;
  if (root)
    work.push_back(root);
  size_t seen = 0;
  while (!work.empty()) {
    const logic::ArgObject *object = work.pop_back_val();
    if (++seen > 1000000) {
      fail(SMRange(), what + " has a cyclic argument object");
      return;
    }
    checkRange(object->range, what + " argument object");
    for (const logic::ArgEntry &entry : object->entries) {
      if (entry.key.empty())
        fail(object->range, what + " has an argument key with no name");
      else
        checkRange(entry.key.range, what + " key '" + entry.key.text + "'");
      if (entry.nested)
        work.push_back(entry.nested);
    }
  }
}

void Verifier::verify(const logic::Module &module) {
  buffers = module.bufferIDs;
  container = "TypeScript";
  for (const std::unique_ptr<logic::Function> &fn : module.functions) {
    std::string what = ("function '" + fn->name.text + "'").str();
    checkRange(fn->range, what);
    if (!fn->name.empty())
      checkRange(fn->name.range, what + " name");
    for (const logic::Param &param : fn->params)
      if (!param.name.empty())
        checkRange(param.name.range, what + " parameter");
    for (const logic::PrismaCall &call : fn->prismaCalls) {
      if (call.table.empty() || call.op.empty())
        fail(call.range,
             what + " has a Prisma call with no table or operation");
      checkRange(call.table.range, what + " Prisma table");
      checkObject(call.args, what);
    }
    for (const logic::PrismaTyped &typed : fn->prismaTyped) {
      checkRange(typed.table.range, what + " Prisma type");
      checkObject(typed.object, what);
    }
    for (const logic::SDKCall &call : fn->sdkCalls) {
      if (call.accessor.empty())
        fail(call.range, what + " has an SDK call with no accessor");
      for (const logic::Name &name : call.accessor)
        checkRange(name.range, what + " SDK accessor");
      checkObject(call.props, what);
    }
    for (const logic::Return &ret : fn->returns) {
      checkRange(ret.range, what + " return");
      if ((ret.kind == logic::Return::Kind::Object) != (ret.object != nullptr))
        fail(ret.range, what + " has an object return with no object");
      checkObject(ret.object, what);
    }
    for (const logic::Throw &thrown : fn->throws)
      checkRange(thrown.range, what + " throw");
    for (const logic::OwnerCheck &check : fn->ownerChecks)
      checkRange(check.column.range, what + " owner check");
  }
  for (const logic::Route &route : module.routes)
    checkRange(route.range, "route '" + route.path + "'");
}

bool abv::verifyProject(const Project &project, DiagnosticEngine &diags) {
  Verifier verifier(project, diags);
  for (const Schema *schema : project.getDBSchemas())
    verifier.verify(*schema);
  for (const api::Document *doc : project.getAPIDocuments())
    verifier.verify(*doc);
  if (project.logic)
    verifier.verify(*project.logic);
  return verifier.ok;
}
