//===- Resolve.cpp - The resolve pass -------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reports every reference of the canonical artifacts that the Binding
/// analysis could not resolve, with a "did you mean" where a close name
/// exists:
///
/// - API001: a `$ref` (AutoBe: a typeName) naming no type of the document.
/// - DB030: a relation (AutoBe's DB AST) to a model the schema lacks.
/// - LNK001: a DTO mapping (`x-autobe-prisma-schema` /
///   `x-autobe-database-schema`) a table the DB schema does not declare.
/// - LNK002: a property mapping (`x-autobe-database-schema-property`) a
///   column its table does not declare.
/// - LNK007: an operation's actor with no table behind it (no table named
///   `<actor>`, `<actor>s`, `<prefix>_<actor>` or `<prefix>_<actor>s`),
///   once per actor, at its first operation, with a note at an actor-stance
///   model if the schema has one.
///
/// Every other pass reads the binding and may take these references as
/// resolved or absent; only this one reports them.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Binding.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>

using namespace abv;
using namespace llvm;

using Unresolved = Binding::Unresolved;

/// The range of a `$ref` (its value), or of the type node.
static SMRange getRefRange(const api::Type &type) {
  return type.ref.range.isValid() ? type.ref.range : type.range;
}

/// The named type closest to \p name, or empty.
static StringRef suggestTypeName(const api::Document &doc, StringRef name) {
  ClosestMatch match =
      ClosestMatch::withLimit(name, ClosestMatch::getDeclaredNameLimit(name));
  for (const api::NamedType &named : doc.types)
    match.consider(named.name.name);
  return match.get();
}

namespace {

struct ResolvePass : ProjectPass<ResolvePass> {
  static constexpr StringLiteral argument = "resolve";
  static constexpr StringLiteral description =
      "Reports references that resolve to nothing: $refs, relation targets, "
      "DTO tables and columns, actors";

  void run(const Project &, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    const Binding &binding = analyses.getAnalysis<Binding>();
    // Suggestions cost a scan of the named types each; compute them once per
    // distinct name, and for the first few names only.
    constexpr unsigned maxSuggestedNames = 64;
    StringMap<StringRef> typeSuggestions;
    for (const Unresolved &entry : binding.getUnresolved()) {
      switch (entry.kind) {
      case Unresolved::Kind::TypeRef: {
        auto diag =
            diags.report(DiagID::APIUnresolvedRef, getRefRange(*entry.ref));
        diag << entry.name;
        auto it = typeSuggestions.find(entry.name);
        if (it == typeSuggestions.end()) {
          StringRef suggestion;
          if (typeSuggestions.size() < maxSuggestedNames)
            suggestion = suggestTypeName(*binding.getDocument(), entry.name);
          it = typeSuggestions.try_emplace(entry.name, suggestion).first;
        }
        if (!it->second.empty())
          diag.fix(NoteID::DidYouMean) << it->second;
        break;
      }
      case Unresolved::Kind::RelationTarget:
        diags.report(DiagID::DBRelationTargetMissing, entry.range)
            << entry.field->name.name << entry.name;
        break;
      case Unresolved::Kind::DTOTable: {
        auto diag = diags.report(DiagID::LinkUnknownTable, entry.range);
        diag << entry.dto->name.name << entry.name;
        ClosestMatch match(entry.name);
        for (const db::Model &candidate : binding.getSchema()->models)
          match.consider(candidate.name.name);
        if (const db::Model *closest = binding.findTable(match.get()))
          diag.note(closest->name.range, NoteID::DidYouMean)
              << closest->name.name;
        break;
      }
      case Unresolved::Kind::PropertyColumn: {
        auto diag = diags.report(DiagID::LinkUnknownColumn, entry.range);
        diag << entry.property->name.name << entry.name
             << entry.model->name.name;
        ClosestMatch match(entry.name);
        for (const db::Field &candidate : entry.model->fields)
          match.consider(candidate.name.name);
        if (const db::Field *closest =
                db::findColumn(*entry.model, match.get()))
          diag.note(closest->name.range, NoteID::DidYouMean)
              << closest->name.name;
        else
          diag.note(entry.model->name.range, NoteID::TableDeclaredHere)
              << entry.model->name.name;
        break;
      }
      case Unresolved::Kind::Actor: {
        auto diag = diags.report(DiagID::LinkActorNoTable, entry.range);
        diag << entry.name << toSnakeCasePlural(entry.name);
        for (const db::Model &model : binding.getSchema()->models)
          if (model.stance == db::Stance::Actor) {
            diag.note(model.name.range, NoteID::ActorTableDeclaredHere)
                << model.name.name;
            break;
          }
        break;
      }
      }
    }
  }

private:
  /// `authenticatedUser` -> `authenticated_users`, as LNK007 names it.
  static std::string toSnakeCasePlural(StringRef actor);
};

} // namespace

std::string ResolvePass::toSnakeCasePlural(StringRef actor) {
  std::string snake;
  for (size_t i = 0; i != actor.size(); ++i) {
    char c = actor[i];
    if (isUpper(c) && i != 0)
      snake += '_';
    snake += c == '-' ? '_' : toLower(c);
  }
  return snake + "s";
}

std::unique_ptr<Pass> abv::createResolvePass() {
  return std::make_unique<ResolvePass>();
}
