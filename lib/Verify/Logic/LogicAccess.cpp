//===- LogicAccess.cpp - The logic-access pass ----------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// LOG007, the authorization gap: a provider whose operation has an actor
/// (`member`), and that updates or deletes a row of a table
/// owned by that actor (a relation of the table whose target is the actor's
/// table, through its foreign key column `member_id`), without ever
/// comparing that owner column with the actor's id: neither a key
/// `member_id: props.member.id` in a Prisma argument nor a comparison
/// `row.member_id !== props.member.id`. Any member could then change or read
/// another member's row by its id.
///
/// An actor whose table owns nothing of the table (an administrator over
/// members' posts) is not checked: it has no owner column to compare.
///
/// LOG014, the actor written as another actor: a provider whose operation
/// has an actor (`admin`) and that writes the actor's id (`props.admin.id`)
/// into a foreign key whose relation targets the table of another actor
/// (`posts.author_id` -> `members`), as a column or as `connect: { id }` of
/// the relation. The id names no row of that table: the write fails on the
/// foreign key, or ties the row to whichever row shares the id. Notes point
/// at the relation, at the actor's table, and say when no relation path (of
/// up to three relations, not through another actor's table) ties the
/// written table to the actor at all.
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

/// Whether \p call changes a row chosen by the caller: an update, a delete
/// or an upsert. (Reads by id are not judged: much of what a member reads
/// by id, posts and replies, is public by design.)
bool writesOneRow(const PrismaCall &call) {
  return call.kind == PrismaOp::Update || call.kind == PrismaOp::Delete ||
         call.kind == PrismaOp::Upsert || call.kind == PrismaOp::UpdateMany ||
         call.kind == PrismaOp::DeleteMany;
}

struct LogicAccessPass : ProjectPass<LogicAccessPass> {
  static constexpr StringLiteral argument = "logic-access";
  static constexpr StringLiteral description =
      "Reports providers that reach an actor's owned rows without comparing "
      "the owner with the authenticated actor, or that write the actor's id "
      "as another actor's";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    if (!project.logic || !project.getDBSchema() || !project.getAPIDocument())
      return;
    const Binding &binding = analyses.getAnalysis<Binding>();
    for (const Function *fn :
         project.logic->getFunctions(FunctionKind::Provider)) {
      const Param *actor = fn->getActor();
      Binding::ProviderLink link = binding.getOperation(*fn);
      // join, login and refresh establish who the actor is.
      if (!actor || !link || link.operation->actor.empty() ||
          !link.operation->authorizationType.empty())
        continue;
      const db::Model *actorTable =
          binding.getActorTable(link.operation->actor.name);
      if (!actorTable)
        continue;
      checkForeignOwner(*fn, link.operation->actor.name, *actorTable,
                        getActorTables(*project.getAPIDocument(), binding),
                        binding, diags);
      // Administrators may reach every row: nothing is theirs alone.
      if (isAdministrator(*project.getAPIDocument(), link.operation->actor))
        continue;
      checkFunction(*fn, *actor, *actorTable, binding, diags);
    }
  }

private:
  static bool isAdministrator(const api::Document &doc,
                              const db::Ident &actor) {
    for (const api::Actor &declared : doc.actors)
      if (declared.name.name == actor.name)
        return declared.kind == "admin";
    return false;
  }

  /// Whether \p column names the owner itself (`member_id`,
  /// `todo_list_user_id`), not a role the actor plays in the row
  /// (`reviewing_admin_id`, `actor_customer_id`).
  static bool isOwnerColumn(StringRef column, StringRef actor,
                            const db::Model &actorTable) {
    if (!column.consume_back("_id"))
      return false;
    std::string table = actorTable.name.name.str();
    return column == toSnakeCase(actor) || column == table ||
           column == singularize(table);
  }

  /// Whether the actor's table is a role of a row of \p other: it holds a
  /// foreign key to it (`administrators.member_id`). The payload's id may
  /// then be that row's id, as authorizers of such schemas often make it.
  static bool isRoleOf(const db::Model &actorTable, const db::Model &other,
                       const Binding &binding) {
    return llvm::any_of(actorTable.fields, [&](const db::Field &field) {
      return field.relation && !field.relation->fields.empty() &&
             binding.getRelationTarget(field) == &other;
    });
  }

  /// Whether the value of the key at \p key is the actor's id.
  static bool isActorIdAt(const Function &fn, const Name &key) {
    return llvm::any_of(fn.ownerChecks, [&](const OwnerCheck &check) {
      return check.range.Start == key.range.Start;
    });
  }

  void checkForeignOwner(const Function &fn, StringRef actor,
                         const db::Model &actorTable,
                         ArrayRef<const db::Model *> actorTables,
                         const Binding &binding, DiagnosticEngine &diags) {
    for (const PrismaCall &call : fn.prismaCalls) {
      if (!call.args ||
          (call.kind != PrismaOp::Create && call.kind != PrismaOp::Update &&
           call.kind != PrismaOp::Upsert && call.kind != PrismaOp::CreateMany &&
           call.kind != PrismaOp::UpdateMany))
        continue;
      const db::Model *model = binding.findPrismaTable(call.table.text);
      if (!model || model == &actorTable)
        continue;
      for (StringRef part : {"data", "create", "update"})
        if (const ArgEntry *data = call.args->find(part))
          if (data->nested)
            checkWrittenOwners(fn, actor, *model, *data->nested, actorTable,
                               actorTables, binding, diags);
    }
  }

  void checkWrittenOwners(const Function &fn, StringRef actor,
                          const db::Model &model, const ArgObject &data,
                          const db::Model &actorTable,
                          ArrayRef<const db::Model *> actorTables,
                          const Binding &binding, DiagnosticEngine &diags) {
    for (const ArgEntry &entry : data.entries) {
      const db::Field *field = binding.findField(model, entry.key.text);
      if (!field)
        continue;
      // The relation the key sets, and where the actor's id is written.
      const db::Field *relation = nullptr;
      const db::Field *column = nullptr;
      SMRange at;
      if (field->isRelation()) {
        const ArgEntry *connect =
            entry.nested ? entry.nested->find("connect") : nullptr;
        const ArgEntry *id =
            connect && connect->nested ? connect->nested->find("id") : nullptr;
        if (!id || !isActorIdAt(fn, id->key))
          continue;
        relation = field;
        at = id->valueRange;
        if (!field->relation || field->relation->fields.size() != 1)
          continue;
        column = binding.findField(model, field->relation->fields[0].name);
      } else {
        if (!isActorIdAt(fn, entry.key))
          continue;
        for (const db::Field &candidate : model.fields)
          if (candidate.relation && candidate.relation->fields.size() == 1 &&
              candidate.relation->fields[0].name == field->name.name)
            relation = &candidate;
        column = field;
        at = entry.valueRange;
      }
      if (!relation || !column)
        continue;
      const db::Model *target = binding.getRelationTarget(*relation);
      if (!target || target == &actorTable ||
          !is_contained(actorTables, target) ||
          isRoleOf(actorTable, *target, binding))
        continue;
      auto diag = diags.report(DiagID::LogicActorForeignOwner, at);
      diag << fn.name.text << actor << model.name.name << column->name.name
           << target->name.name << actorTable.name.name;
      diag.note(relation->name.range, NoteID::RelationToOtherActor)
          << relation->name.name << model.name.name << target->name.name;
      diag.note(actorTable.name.range, NoteID::ActorTableHere)
          << actor << actorTable.name.name;
      if (!hasRelationPath(binding, actorTable, model, actorTables))
        diag.note(model.name.range, NoteID::ActorNoRelationPath)
            << actor << model.name.name;
    }
  }

  void checkFunction(const Function &fn, const Param &actor,
                     const db::Model &actorTable, const Binding &binding,
                     DiagnosticEngine &diags) {
    // One finding per table.
    SmallVector<const db::Model *, 4> reported;
    for (const PrismaCall &call : fn.prismaCalls) {
      if (!writesOneRow(call))
        continue;
      const db::Model *model = binding.findPrismaTable(call.table.text);
      if (!model || model == &actorTable || is_contained(reported, model))
        continue;
      // The owner columns: foreign keys of relations to the actor's table.
      SmallVector<const db::Field *, 2> owners;
      for (const db::Field &field : model->fields)
        if (field.relation && binding.getRelationTarget(field) == &actorTable)
          for (const db::Ident &fk : field.relation->fields)
            if (const db::Field *column = binding.findField(*model, fk.name))
              if (isOwnerColumn(column->name.name, fn.getActor()->name.text,
                                actorTable))
                owners.push_back(column);
      if (owners.empty())
        continue;
      bool compared = llvm::any_of(fn.ownerChecks, [&](const OwnerCheck &c) {
        return llvm::any_of(owners, [&](const db::Field *owner) {
          return owner->name.name == c.column.text;
        });
      });
      if (compared)
        continue;
      reported.push_back(model);
      auto diag = diags.report(DiagID::LogicAuthorizationGap, call.table.range);
      diag << fn.name.text
           << (isPrismaWrite(call.kind) ? StringRef("writes")
                                        : StringRef("reads"))
           << model->name.name << actor.name.text << owners[0]->name.name;
      diag.note(owners[0]->name.range, NoteID::OwnerColumnHere)
          << owners[0]->name.name;
    }
  }
};

} // namespace

std::unique_ptr<Pass> abv::createLogicAccessPass() {
  return std::make_unique<LogicAccessPass>();
}
