//===- LogicPrisma.cpp - The logic-prisma pass ----------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks every Prisma client call and every Prisma-typed object literal
/// of the project's TypeScript against the canonical DB schema:
///
/// - LOG003: `MyGlobal.prisma.<table>` names no table.
/// - LOG004: a key of `where`, `data`, `select`, `include`, `orderBy`,
///   `cursor` (and of the relations they nest into) names no column or
///   relation of its table; with "did you mean" and a note at the table.
///   Keys of a scalar column's value (`contains`, `increment`) are filter
///   and update operators, not checked; a relation's value is checked
///   against the related table (`some` / `every` / `none` / `is` / `isNot`,
///   nested `create` / `connect` / `update` / ...).
/// - LOG005: `create` (or a `Prisma.<table>CreateInput` object) whose keys
///   are all known but miss a required column with no default and no
///   relation key that sets it.
/// - LOG008: a secret column (`password_hash`; session tokens handed to
///   their owner aside) written straight from the request body
///   (`body.password`), with no call in between.
///
//===----------------------------------------------------------------------===//

#include "LogicSupport.h"

#include "abv/Analysis/Binding.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/StringSwitch.h"

using namespace abv;
using namespace abv::logic;
using namespace llvm;

namespace {

/// What a key's object is read as.
enum class Context { Args, Where, Data, Select, OrderBy };

StringRef getContextName(Context context) {
  switch (context) {
  case Context::Args:
    return "the arguments";
  case Context::Where:
    return "where";
  case Context::Data:
    return "data";
  case Context::Select:
    return "select";
  case Context::OrderBy:
    return "orderBy";
  }
  return "";
}

class PrismaChecker {
public:
  PrismaChecker(const Binding &binding, DiagnosticEngine &diags)
      : binding(binding), diags(diags) {}

  void checkCall(const PrismaCall &call);
  void checkTyped(const PrismaTyped &typed);

private:
  void check(const db::Model &model, const ArgObject *object, Context context,
             unsigned depth);
  void checkArgs(const db::Model &model, const ArgObject *object,
                 unsigned depth);
  const db::Field *lookupField(const db::Model &model, const ArgEntry &entry,
                               Context context);
  void checkRequired(const db::Model &model, const ArgObject *data, SMRange at);
  void checkSecrets(const db::Model &model, const ArgObject *data);

  const Binding &binding;
  DiagnosticEngine &diags;
};

const db::Field *PrismaChecker::lookupField(const db::Model &model,
                                            const ArgEntry &entry,
                                            Context context) {
  if (const db::Field *field = binding.findField(model, entry.key.text))
    return field;
  // Aggregates (`_count`, `_sum`) and the logical combinators are not
  // fields.
  if (entry.key.text.starts_with("_"))
    return nullptr;
  // A compound unique criterion: `member_id_community_id: { ... }` for
  // @@unique([member_id, community_id]), or its `name:`.
  if (context == Context::Where)
    for (const db::Index &index : model.indexes) {
      if (!index.isUniqueCriterion() || index.fields.size() < 2)
        continue;
      std::string joined;
      for (const db::IndexField &field : index.fields)
        joined += (joined.empty() ? "" : "_") + field.name.name.str();
      if (entry.key.text == joined || entry.key.text == index.name.name)
        return nullptr;
    }
  auto diag = diags.report(DiagID::LogicUnknownField, entry.key.range);
  diag << model.name.name << entry.key.text << getContextName(context);
  ClosestMatch match = ClosestMatch::withLimit(
      entry.key.text, ClosestMatch::getDeclaredNameLimit(entry.key.text));
  for (const db::Field &field : model.fields)
    match.consider(field.name.name);
  if (!match.get().empty())
    diag.fix(NoteID::DidYouMean, entry.key.range, match.get()) << match.get();
  diag.note(model.name.range, NoteID::TableDeclaredHere) << model.name.name;
  return nullptr;
}

void PrismaChecker::checkArgs(const db::Model &model, const ArgObject *object,
                              unsigned depth) {
  if (!object)
    return;
  for (const ArgEntry &entry : object->entries) {
    std::optional<Context> context =
        StringSwitch<std::optional<Context>>(entry.key.text)
            .Cases("where", "cursor", Context::Where)
            .Cases("data", "create", "update", Context::Data)
            .Cases("select", "include", "omit", Context::Select)
            .Case("orderBy", Context::OrderBy)
            .Default(std::nullopt);
    if (context && entry.nested)
      check(model, entry.nested, *context, depth + 1);
  }
}

void PrismaChecker::check(const db::Model &model, const ArgObject *object,
                          Context context, unsigned depth) {
  if (!object || depth > 32)
    return;
  if (context == Context::Args) {
    checkArgs(model, object, depth);
    return;
  }
  for (const ArgEntry &entry : object->entries) {
    StringRef key = entry.key.text;
    if (context == Context::Where &&
        (key == "AND" || key == "OR" || key == "NOT")) {
      check(model, entry.nested, Context::Where, depth + 1);
      continue;
    }
    const db::Field *field = lookupField(model, entry, context);
    if (!field || !field->isRelation() || !entry.nested)
      continue;
    const db::Model *target = binding.getRelationTarget(*field);
    if (!target)
      continue;
    // The value of a relation key is read against the related table.
    for (const ArgEntry &inner : entry.nested->entries) {
      StringRef op = inner.key.text;
      switch (context) {
      case Context::Where:
        if (op == "some" || op == "every" || op == "none" || op == "is" ||
            op == "isNot") {
          check(*target, inner.nested, Context::Where, depth + 1);
          continue;
        }
        break;
      case Context::Data:
        if (op == "create" || op == "createMany" || op == "update" ||
            op == "updateMany" || op == "upsert" || op == "set" ||
            op == "connect" || op == "connectOrCreate" || op == "disconnect" ||
            op == "delete" || op == "deleteMany")
          continue; // Nested writes: not checked further here.
        break;
      case Context::Select:
        if (op == "select" || op == "include" || op == "where" ||
            op == "orderBy" || op == "omit") {
          check(*target, inner.nested,
                op == "where"     ? Context::Where
                : op == "orderBy" ? Context::OrderBy
                                  : Context::Select,
                depth + 1);
          continue;
        }
        if (op == "take" || op == "skip" || op == "cursor" || op == "distinct")
          continue;
        break;
      case Context::OrderBy:
        if (op == "_count")
          continue;
        break;
      case Context::Args:
        break;
      }
      if (context == Context::Where || context == Context::OrderBy) {
        // A to-one relation filtered or ordered by its fields directly.
        ArgObject single;
        single.entries.push_back(inner);
        check(*target, &single, context, depth + 1);
      }
    }
  }
}

void PrismaChecker::checkRequired(const db::Model &model, const ArgObject *data,
                                  SMRange at) {
  if (!data || data->hasUnknownKeys)
    return;
  for (const db::Field &field : model.fields) {
    if (!isRequiredOnCreate(field) || data->find(field.name.name))
      continue;
    // A relation key sets its foreign key columns (`author: { connect }`).
    bool setByRelation = false;
    for (const db::Field &relation : model.fields)
      if (relation.relation && data->find(relation.name.name))
        for (const db::Ident &fk : relation.relation->fields)
          setByRelation |= fk.name == field.name.name;
    if (setByRelation)
      continue;
    auto diag = diags.report(DiagID::LogicCreateMissingColumn, at);
    diag << model.name.name << field.name.name;
    diag.note(field.name.range, NoteID::ColumnDeclaredHere);
  }
}

void PrismaChecker::checkSecrets(const db::Model &model,
                                 const ArgObject *data) {
  if (!data)
    return;
  for (const ArgEntry &entry : data->entries) {
    if (entry.valueKind != ArgEntry::ValueKind::Other ||
        entry.valueChain.size() < 2 ||
        !looksLikeSecret(entry.key.text, /*allowTokens=*/true))
      continue;
    // `body.password`, `props.body.password`: the request's own value.
    bool fromBody = llvm::is_contained(entry.valueChain, "body") &&
                    looksLikeSecret(entry.valueChain.back());
    if (!fromBody)
      continue;
    const db::Field *field = binding.findField(model, entry.key.text);
    if (!field)
      continue;
    auto diag = diags.report(DiagID::LogicPlaintextSecret, entry.valueRange);
    diag << model.name.name << field->name.name << entry.valueText;
    diag.note(field->name.range, NoteID::ColumnDeclaredHere);
  }
}

void PrismaChecker::checkCall(const PrismaCall &call) {
  const db::Model *model = binding.findPrismaTable(call.table.text);
  if (!model) {
    auto diag = diags.report(DiagID::LogicUnknownTable, call.table.range);
    diag << call.table.text;
    ClosestMatch match = ClosestMatch::withLimit(
        call.table.text, ClosestMatch::getDeclaredNameLimit(call.table.text));
    for (const db::Model &candidate : binding.getSchema()->models)
      match.consider(candidate.name.name);
    if (!match.get().empty())
      diag.fix(NoteID::DidYouMean, call.table.range, match.get())
          << match.get();
    return;
  }
  check(*model, call.args, Context::Args, 0);
  if (!call.args)
    return;
  const ArgEntry *data = call.args->find("data");
  if (call.kind == PrismaOp::Create && data && data->nested &&
      data->valueKind == ArgEntry::ValueKind::Object)
    checkRequired(*model, data->nested, call.op.range);
  if (data && data->nested && isPrismaWrite(call.kind))
    checkSecrets(*model, data->nested);
}

void PrismaChecker::checkTyped(const PrismaTyped &typed) {
  const db::Model *model = binding.findPrismaTable(typed.table.text);
  if (!model) {
    diags.report(DiagID::LogicUnknownTable, typed.table.range)
        << typed.table.text;
    return;
  }
  switch (typed.shape) {
  case PrismaShape::CreateInput:
    check(*model, typed.object, Context::Data, 0);
    checkRequired(*model, typed.object, typed.type.range);
    checkSecrets(*model, typed.object);
    break;
  case PrismaShape::UpdateInput:
    check(*model, typed.object, Context::Data, 0);
    checkSecrets(*model, typed.object);
    break;
  case PrismaShape::WhereInput:
    check(*model, typed.object, Context::Where, 0);
    break;
  case PrismaShape::OrderBy:
    check(*model, typed.object, Context::OrderBy, 0);
    break;
  case PrismaShape::Select:
  case PrismaShape::Include:
    check(*model, typed.object, Context::Select, 0);
    break;
  case PrismaShape::Args:
    check(*model, typed.object, Context::Args, 0);
    break;
  case PrismaShape::Other:
    break;
  }
}

struct LogicPrismaPass : ProjectPass<LogicPrismaPass> {
  static constexpr StringLiteral argument = "logic-prisma";
  static constexpr StringLiteral description =
      "Checks Prisma client calls and Prisma-typed objects against the DB "
      "schema: tables, columns, relations, required columns, secrets";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    if (!project.logic || !project.getDBSchema())
      return;
    const Binding &binding = analyses.getAnalysis<Binding>();
    PrismaChecker checker(binding, diags);
    for (const std::unique_ptr<Function> &fn : project.logic->functions) {
      if (fn->kind == FunctionKind::Test ||
          fn->kind == FunctionKind::TestHelper)
        continue;
      for (const PrismaCall &call : fn->prismaCalls)
        checker.checkCall(call);
      for (const PrismaTyped &typed : fn->prismaTyped)
        checker.checkTyped(typed);
    }
  }
};

} // namespace

std::unique_ptr<Pass> abv::createLogicPrismaPass() {
  return std::make_unique<LogicPrismaPass>();
}
