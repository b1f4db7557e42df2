//===- LinkDBAPI.cpp - The link-db-api pass -------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks an API document against the project's DB schema through the links
/// AutoBe's artifacts carry: a DTO's `x-autobe-prisma-schema` (2025) /
/// `x-autobe-database-schema` (2026) names its table, a property's
/// `x-autobe-database-schema-property` (2026) names its column; without the
/// latter, a property maps the column of the same name in the DTO's table, if
/// there is one (properties with no such column are relations or computed
/// values and are not checked).
///
/// The DB side is AutoBe's DB AST (`autobe/prisma.json`) when present, else
/// the `.prisma` schema. Every diagnostic points at the API side and has a
/// note at the DB side.
///
/// - LNK001: a DTO maps a table the schema does not declare.
/// - LNK002: a property maps (x-autobe-database-schema-property) a column the
///   table does not declare.
/// - LNK003: a scalar property whose type cannot hold the column's values:
///   a string for an Int / Float / Boolean column (BigInt and Decimal are
///   serialized as strings on purpose), an integer / number for a
///   String / DateTime / Boolean column, a boolean for a non-Boolean column,
///   `format: uuid` for a column that is neither a String nor a uuid,
///   `format: date-time` for a non-DateTime column. Enum, Json and Bytes
///   columns are not compared.
/// - LNK004: a response DTO requires a non-null property for a nullable
///   column: reading a row where the column is null breaks the contract.
///   Response DTOs are the named types reachable from a success response
///   (through references, arrays, variants and properties) whose last name
///   segment is not a request variant (ICreate, IUpdate, IRequest, ILogin,
///   IJoin, IRefresh, IAuthorize). The base DTO (`IArticle`), ISummary,
///   IAuthorized and any other response-reachable variant take part.
/// - LNK005: a table's `<DTO>.ICreate` (only when it exists) omits a
///   `String` column that is required, not a list and has no default, and
///   that the server does not fill. Exempt: the primary key and `id`,
///   `created_at`, `updated_at` (and @updatedAt fields), `deleted_at`,
///   foreign key columns (the fields of a relation, or names ending in
///   `_id`), secret columns (a `password_hash` is derived from a `password`
///   property), states (last word `status`, `state`, `mode`, `type`, `kind`)
///   and every non-`String` column: flags, counters and timestamps are the
///   server's to set, and AutoBe's DB AST carries no defaults at all.
/// - LNK006: a response DTO exposes a secret column (password, its hash or
///   salt, a token, a secret, an API or private key, an OTP). An IAuthorized
///   DTO may carry a token column: it hands the session token to its owner.
/// - LNK007: an operation's actor has no table behind it: no table or model
///   named `<actor>`, `<actor>s`, `<prefix>_<actor>` or `<prefix>_<actor>s`,
///   in snake case or with camelCase words run together. Reported once per
///   actor, at its first operation, with a note at an actor-stance model.
/// - LNK008 (remark): a table no operation creates, reads, updates or
///   deletes, directly or through a nested DTO (the CRUDCoverage analysis).
///   The one link finding located on the DB side: no API location exists.
///   Views are not reported; neither are tables of a project whose API
///   attributes no operation at all (the links are too weak to say).
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/CRUDCoverage.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <string>

using namespace abv;
using namespace llvm;
using abv::looksLikeSecret;
using abv::splitWords;
using abv::db::findColumn;
using abv::db::findTable;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static bool isRequestVariant(StringRef variant) {
  return variant == "ICreate" || variant == "IUpdate" ||
         variant == "IRequest" || variant == "ILogin" || variant == "IJoin" ||
         variant == "IRefresh" || variant == "IAuthorize";
}

/// How a column's type reads in a message.
static std::string describeColumn(const db::Field &field) {
  StringRef name =
      field.autobeType.empty() ? field.typeName.name : field.autobeType;
  return ("'" + name + (field.isOptional ? "?" : "") + "'").str();
}

/// Why a property of type \p type cannot hold the values of \p field, or ""
/// when it can (or the types are not compared).
static std::string getMismatch(const api::Type &type, const db::Field &field) {
  using DK = db::TypeKind;
  using AK = api::TypeKind;
  DK column = field.type;
  if (!db::isScalar(column) || column == DK::Json || column == DK::Bytes ||
      column == DK::Unsupported)
    return "";
  switch (type.kind) {
  case AK::String:
    if (type.format == "uuid" && column != DK::String)
      return "a string of format 'uuid'";
    if (type.format == "date-time" && column != DK::DateTime)
      return "a string of format 'date-time'";
    if (type.format == "uuid" || type.format == "date-time")
      return "";
    if (column == DK::Int || column == DK::Float || column == DK::Boolean)
      return "a string";
    return "";
  case AK::Integer:
  case AK::Number:
    if (column == DK::String || column == DK::DateTime || column == DK::Boolean)
      return type.kind == AK::Integer ? "an integer" : "a number";
    return "";
  case AK::Boolean:
    if (column != DK::Boolean)
      return "a boolean";
    return "";
  default:
    return "";
  }
}

static bool isNonNull(const api::Type &type) {
  return !type.isNullable && type.kind != api::TypeKind::Null &&
         type.kind != api::TypeKind::Any;
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {

struct LinkDBAPIPass : ProjectPass<LinkDBAPIPass> {
  static constexpr StringLiteral argument = "link-db-api";
  static constexpr StringLiteral description =
      "Checks API DTOs against the DB tables and columns they map: unknown "
      "tables and columns, type and nullability mismatches, columns missing "
      "from ICreate, exposed secrets, actors without a table";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    const db::Schema *schema = project.getDBSchema();
    const api::Document *doc = project.getAPIDocument();
    if (!schema || !doc)
      return;
    check(*doc, *schema, diags);
    checkCoverage(analyses.getAnalysis<CRUDCoverage>(), diags);
  }

private:
  void check(const api::Document &doc, const db::Schema &schema,
             DiagnosticEngine &diags);
  void checkActors(const api::Document &doc, const db::Schema &schema,
                   DiagnosticEngine &diags);
  void checkCoverage(const CRUDCoverage &coverage, DiagnosticEngine &diags);
};

} // namespace

/// The named types reachable from the success responses of \p doc.
static DenseSet<const api::NamedType *>
getResponseTypes(const api::Document &doc) {
  DenseSet<const api::NamedType *> named;
  DenseSet<const api::Type *> seen;
  SmallVector<const api::Type *, 32> stack;
  for (const api::Operation &op : doc.operations)
    for (const api::Response &response : op.responses)
      if (response.type && (response.status.name.starts_with("2") ||
                            response.status.name == "default"))
        stack.push_back(response.type);
  while (!stack.empty()) {
    const api::Type *type = stack.pop_back_val();
    if (!type || !seen.insert(type).second)
      continue;
    if (type->kind == api::TypeKind::Ref) {
      if (const api::NamedType *target = doc.findType(type->ref.name)) {
        named.insert(target);
        stack.push_back(target->type);
      }
      continue;
    }
    api::forEachChildType(
        *type, [&](const api::Type *child) { stack.push_back(child); });
  }
  return named;
}

void LinkDBAPIPass::check(const api::Document &doc, const db::Schema &schema,
                          DiagnosticEngine &diags) {
  DenseSet<const api::NamedType *> responseTypes = getResponseTypes(doc);
  StringMap<const db::Model *> tableOfBase;

  for (const api::NamedType &named : doc.types) {
    const api::Type *type = named.type;
    if (!type || type->dbTable.empty())
      continue;
    const db::Model *model = findTable(schema, type->dbTable.name);
    if (!model) {
      auto diag = diags.report(DiagID::LinkUnknownTable, type->dbTable.range);
      diag << named.name.name << type->dbTable.name;
      abv::ClosestMatch match(type->dbTable.name);
      for (const db::Model &candidate : schema.models)
        match.consider(candidate.name.name);
      if (const db::Model *closest = findTable(schema, match.get()))
        diag.note(closest->name.range,
                  "did you mean '" + closest->name.name + "'?");
      continue;
    }
    if (abv::getVariant(named.name.name).empty())
      tableOfBase[named.name.name] = model;

    StringRef variant = abv::getVariant(named.name.name);
    bool isResponse =
        responseTypes.contains(&named) && !isRequestVariant(variant);
    for (const api::Property &property : type->properties) {
      const db::Field *field = nullptr;
      if (!property.dbColumn.empty()) {
        field = findColumn(*model, property.dbColumn.name);
        if (!field) {
          auto diag =
              diags.report(DiagID::LinkUnknownColumn, property.dbColumn.range);
          diag << property.name.name << property.dbColumn.name
               << model->name.name;
          abv::ClosestMatch match(property.dbColumn.name);
          for (const db::Field &candidate : model->fields)
            match.consider(candidate.name.name);
          if (const db::Field *closest = findColumn(*model, match.get()))
            diag.note(closest->name.range,
                      "did you mean '" + closest->name.name + "'?");
          else
            diag.note(model->name.range,
                      "table '" + model->name.name + "' is declared here");
          continue;
        }
      } else {
        field = findColumn(*model, property.name.name);
      }
      if (!field || field->isRelation() || field->isList || !property.type)
        continue;
      const api::Type *propType = doc.resolve(property.type);
      if (!propType)
        continue;

      // IAuthorized hands a session or guest token to its owner on purpose.
      if (isResponse &&
          looksLikeSecret(field->getColumnName(), variant == "IAuthorized")) {
        auto diag =
            diags.report(DiagID::LinkSecretExposed, property.name.range);
        diag << named.name.name << model->name.name << field->name.name;
        diag.note(field->name.range, "the column is declared here");
        continue;
      }
      std::string mismatch = getMismatch(*propType, *field);
      if (!mismatch.empty()) {
        auto diag = diags.report(DiagID::LinkTypeMismatch, property.name.range);
        diag << property.name.name << mismatch << model->name.name
             << field->name.name << describeColumn(*field);
        diag.note(field->name.range, "the column is declared here");
        continue;
      }
      if (isResponse && field->isOptional && property.isRequired &&
          isNonNull(*propType) && isNonNull(*property.type)) {
        auto diag =
            diags.report(DiagID::LinkNullableRequired, property.name.range);
        diag << property.name.name << named.name.name << model->name.name
             << field->name.name;
        diag.note(field->name.range, "the column is nullable here");
      }
    }
  }

  // LNK005: columns an ICreate must carry.
  for (const api::NamedType &named : doc.types) {
    StringRef name = named.name.name;
    if (abv::getVariant(name) != "ICreate" || !named.type ||
        named.type->kind != api::TypeKind::Object)
      continue;
    StringRef base = name.drop_back(strlen(".ICreate"));
    const db::Model *model = nullptr;
    if (!named.type->dbTable.empty())
      model = findTable(schema, named.type->dbTable.name);
    else if (auto it = tableOfBase.find(base); it != tableOfBase.end())
      model = it->second;
    if (!model)
      continue;
    StringSet<> fkNames;
    for (const db::Field &field : model->fields)
      if (field.relation)
        for (const db::Ident &fk : field.relation->fields)
          fkNames.insert(fk.name);
    StringSet<> provided;
    for (const api::Property &property : named.type->properties) {
      provided.insert(property.name.name);
      if (!property.dbColumn.empty())
        provided.insert(property.dbColumn.name);
    }
    const db::Index *pk = model->getPrimaryKey();
    for (const db::Field &field : model->fields) {
      StringRef column = field.name.name;
      if (field.isRelation() || field.isOptional || field.isList ||
          field.isId || field.isUpdatedAt || field.getDefaultValue() ||
          !db::isScalar(field.type))
        continue;
      // Only text the client authors: flags, counters, timestamps and
      // states (`status`, `*_status`, `*_state`, `*_mode`, `*_type`) are
      // the server's to fill, and AutoBe's DB AST carries no defaults.
      if (field.type != db::TypeKind::String)
        continue;
      SmallVector<std::string, 4> words = splitWords(column);
      if (!words.empty() &&
          (words.back() == "status" || words.back() == "state" ||
           words.back() == "mode" || words.back() == "type" ||
           words.back() == "kind"))
        continue;
      if (column == "id" || column == "created_at" || column == "updated_at" ||
          column == "deleted_at" || column.ends_with("_id") ||
          fkNames.contains(column) || looksLikeSecret(column))
        continue;
      if (pk && llvm::any_of(pk->fields, [&](const db::IndexField &key) {
            return key.name.name == column;
          }))
        continue;
      if (provided.contains(column) || provided.contains(field.getColumnName()))
        continue;
      auto diag =
          diags.report(DiagID::LinkCreateMissingColumn, named.name.range);
      diag << name << model->name.name << column;
      diag.note(field.name.range, "the column is declared here");
    }
  }

  checkActors(doc, schema, diags);
}

void LinkDBAPIPass::checkActors(const api::Document &doc,
                                const db::Schema &schema,
                                DiagnosticEngine &diags) {
  StringSet<> done;
  for (const api::Operation &op : doc.operations) {
    StringRef actor = op.actor.name;
    if (actor.empty() || !done.insert(actor).second)
      continue;
    std::string snake;
    for (size_t i = 0; i != actor.size(); ++i) {
      char c = actor[i];
      if (isUpper(c) && i != 0)
        snake += '_';
      snake += c == '-' ? '_' : toLower(c);
    }
    // `authenticatedUser` is spelled `authenticated_user` or
    // `authenticateduser`, singular or plural.
    std::string joined = StringRef(actor).lower();
    joined.erase(std::remove(joined.begin(), joined.end(), '-'), joined.end());
    std::string plural = snake + "s";
    SmallVector<std::string, 4> spellings = {snake, plural, joined,
                                             joined + "s"};
    auto isNamedFor = [&](StringRef table) {
      for (const std::string &spelling : spellings)
        if (table == spelling ||
            (table.ends_with(spelling) && table.size() > spelling.size() &&
             table[table.size() - spelling.size() - 1] == '_'))
          return true;
      return false;
    };
    bool found = false;
    const db::Model *closest = nullptr;
    for (const db::Model &model : schema.models) {
      if (isNamedFor(model.getTableName()) || isNamedFor(model.name.name)) {
        found = true;
        break;
      }
      if (model.stance == db::Stance::Actor && !closest)
        closest = &model;
    }
    if (found)
      continue;
    auto diag = diags.report(DiagID::LinkActorNoTable, op.actor.range);
    diag << actor << plural;
    if (closest)
      diag.note(closest->name.range, "an actor table is declared here: '" +
                                         closest->name.name + "'");
  }
}

void LinkDBAPIPass::checkCoverage(const CRUDCoverage &coverage,
                                  DiagnosticEngine &diags) {
  if (!coverage.isAvailable() ||
      llvm::none_of(coverage.getAttributions(),
                    [](const CRUDCoverage::Attribution &attribution) {
                      return attribution.model != nullptr;
                    }))
    return;
  for (const CRUDCoverage::TableCoverage &table : coverage.getTables())
    if (!table.isTouched() && !table.model->isView)
      diags.report(DiagID::LinkTableUntouched, table.model->name.range)
          << table.model->getTableName();
}

std::unique_ptr<Pass> abv::createLinkDBAPIPass() {
  return std::make_unique<LinkDBAPIPass>();
}
