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
      "the owner with the authenticated actor";

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
      // Administrators may reach every row: nothing is theirs alone.
      if (isAdministrator(*project.getAPIDocument(), link.operation->actor))
        continue;
      const db::Model *actorTable =
          binding.getActorTable(link.operation->actor.name);
      if (!actorTable)
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
