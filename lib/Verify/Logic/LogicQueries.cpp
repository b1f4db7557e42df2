//===- LogicQueries.cpp - The logic-queries pass --------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What list and read queries leave out:
///
/// - LOG009: a provider of a list (its operation returns a page type)
///   whose request body declares paging parameters (`page`, `limit`) that
///   its code never reads: the endpoint returns
///   every row, or always the first page, whatever the client asks.
/// - LOG010: a findMany / findFirst / count on a table with a soft-delete
///   column (`deleted_at`) whose `where` never mentions that column (at any
///   depth): soft-deleted rows come back as if they were live. A `where`
///   with keys the lowering could not see (a spread of a function's
///   result) is not judged, nor are a duplicate check on a unique column
///   before a create of the same table (the constraint counts deleted rows
///   too), trash or restore providers (they read deleted rows on
///   purpose), and reads whose row an `if` then tests for deletion
///   (`if (!post || post.deleted_at !== null) throw ...`).
///
//===----------------------------------------------------------------------===//

#include "LogicSupport.h"

#include "abv/Analysis/Binding.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

using namespace abv;
using namespace abv::logic;
using namespace llvm;

namespace {

/// The soft-delete column of \p model: a nullable `deleted_at` (or
/// `deletedAt`).
const db::Field *getSoftDeleteColumn(const db::Model &model) {
  for (const db::Field &field : model.fields)
    if ((field.name.name == "deleted_at" || field.name.name == "deletedAt") &&
        field.isOptional && field.type == db::TypeKind::DateTime)
      return &field;
  return nullptr;
}

/// Whether \p object names \p key at any depth, or has keys not known.
bool mentions(const ArgObject *object, StringRef key, unsigned depth = 0) {
  if (!object || depth > 32)
    return false;
  if (object->hasUnknownKeys)
    return true;
  for (const ArgEntry &entry : object->entries)
    if (entry.key.text == key || mentions(entry.nested, key, depth + 1))
      return true;
  return false;
}

struct LogicQueriesPass : ProjectPass<LogicQueriesPass> {
  static constexpr StringLiteral argument = "logic-queries";
  static constexpr StringLiteral description =
      "Reports list providers that ignore paging and reads that return "
      "soft-deleted rows";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    if (!project.logic)
      return;
    const Binding &binding = analyses.getAnalysis<Binding>();
    for (const Function *fn :
         project.logic->getFunctions(FunctionKind::Provider)) {
      checkPaging(*fn, project, binding, diags);
      if (project.getDBSchema())
        checkSoftDelete(*fn, binding, diags);
    }
  }

private:
  void checkPaging(const Function &fn, const Project &project,
                   const Binding &binding, DiagnosticEngine &diags) {
    const api::Document *doc = project.getAPIDocument();
    Binding::ProviderLink link = binding.getOperation(fn);
    if (!doc || !link || !fn.getBody())
      return;
    const api::NamedType *body =
        getNamedType(*doc, link.operation->requestBody);
    if (!body || !body->type)
      return;
    // Only a list: the operation returns a page (`IPageIArticle.ISummary`).
    const api::Response *response = link.operation->getSuccessResponse();
    const api::NamedType *result =
        response ? getNamedType(*doc, response->type) : nullptr;
    if (!result || !isPageTypeName(result->name.name))
      return;
    for (StringRef name : {"page", "limit"}) {
      const api::Property *property = body->type->findProperty(name);
      if (!property || fn.usesName(name))
        continue;
      auto diag = diags.report(DiagID::LogicPagingIgnored, fn.name.range);
      diag << fn.name.text << name;
      diag.note(property->name.range, NoteID::ParameterDeclaredHere)
          << (body->name.name + "." + name).str();
      return;
    }
  }

  /// Whether \p where names a unique column of \p model other than its
  /// primary key (`email`, a product `code`).
  static bool namesUniqueColumn(const db::Model &model, const ArgObject &where,
                                const Binding &binding) {
    for (const ArgEntry &entry : where.entries)
      if (const db::Field *field = binding.findField(model, entry.key.text)) {
        if (field->isId)
          continue;
        if (field->isUnique)
          return true;
        for (const db::Index &index : model.indexes)
          if (index.kind == db::Index::Kind::Unique &&
              index.fields.size() == 1 &&
              index.fields[0].name.name == field->name.name)
            return true;
      }
    return false;
  }

  void checkSoftDelete(const Function &fn, const Binding &binding,
                       DiagnosticEngine &diags) {
    // Trash and restore endpoints read deleted rows on purpose.
    std::string name = fn.name.text.lower();
    for (StringRef word : {"trash", "restore", "deleted", "archive"})
      if (StringRef(name).contains(word))
        return;
    for (const PrismaCall &call : fn.prismaCalls) {
      if (call.kind != PrismaOp::FindMany && call.kind != PrismaOp::FindFirst &&
          call.kind != PrismaOp::FindFirstOrThrow &&
          call.kind != PrismaOp::Count)
        continue;
      const db::Model *model = binding.findPrismaTable(call.table.text);
      const db::Field *column = model ? getSoftDeleteColumn(*model) : nullptr;
      if (!column ||
          (call.args && call.args->hasUnknownKeys && !call.args->find("where")))
        continue;
      const ArgEntry *where = call.args ? call.args->find("where") : nullptr;
      if (where &&
          (!where->nested || mentions(where->nested, column->name.name)))
        continue;
      // The code tests the row it read: `if (!post || post.deleted_at !==
      // null) throw ...`, or restores a deleted one it found.
      if (!call.resultName.empty() &&
          fn.testsMember(call.resultName, column->name.name))
        continue;
      // A duplicate check before a create or an update: the unique
      // constraint counts deleted rows too, so they must be found.
      if (where && namesUniqueColumn(*model, *where->nested, binding) &&
          llvm::any_of(fn.prismaCalls, [&](const PrismaCall &other) {
            return (other.kind == PrismaOp::Create ||
                    other.kind == PrismaOp::Update ||
                    other.kind == PrismaOp::Upsert) &&
                   other.table.text == call.table.text;
          }))
        continue;
      auto diag =
          diags.report(DiagID::LogicSoftDeleteUnfiltered, call.table.range);
      diag << fn.name.text << model->name.name << column->name.name;
      diag.note(column->name.range, NoteID::ColumnDeclaredHere);
    }
  }
};

} // namespace

std::unique_ptr<Pass> abv::createLogicQueriesPass() {
  return std::make_unique<LogicQueriesPass>();
}
