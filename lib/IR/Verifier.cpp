//===- Verifier.cpp - Structural invariants of the IR ---------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/IR/Verifier.h"
#include "abv/Diag/DiagnosticEngine.h"
#include "abv/IR/Project.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {
class Verifier {
public:
  Verifier(const Project &project, DiagnosticEngine &diags)
      : sm(project.getSourceMgr()), diags(diags) {}

  void verify(const Schema &schema);
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

  const SourceMgr &sm;
  DiagnosticEngine &diags;
  const Schema *schema = nullptr;
};
} // namespace

void Verifier::checkRange(SMRange range, const Twine &what) {
  if (!range.Start.isValid()) {
    fail(range, what + " has no location");
    return;
  }
  if (range.End.isValid() && range.End.getPointer() < range.Start.getPointer()) {
    fail(range, what + " has a range that ends before it starts");
    return;
  }
  unsigned id = sm.FindBufferContainingLoc(range.Start);
  bool inSchema = false;
  for (unsigned bufferID : schema->bufferIDs)
    inSchema |= bufferID == id;
  if (!inSchema) {
    fail(SMRange(), what + " points outside the schema's files");
    return;
  }
  if (range.End.isValid() &&
      range.End.getPointer() > sm.getMemoryBuffer(id)->getBufferEnd())
    fail(range, what + " has a range that ends past its file");
}

void Verifier::checkName(const Ident &ident, SMRange owner,
                         const Twine &what) {
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
  schema = &s;
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
          fail(index.range, "index of '" + model.name.name +
                                "' names an empty field");
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

bool abv::verifyProject(const Project &project, DiagnosticEngine &diags) {
  Verifier verifier(project, diags);
  for (const Schema *schema : project.getDBSchemas())
    verifier.verify(*schema);
  return verifier.ok;
}
