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
/// The links come from the Binding analysis; the references that do not
/// resolve (LNK001 unknown table, LNK002 unknown column, LNK007 actor with no
/// table) are the `resolve` pass's to report.
///
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
///   property), what the server derives (isServerDerived: states, generated
///   numbers and codes, request metadata, authors, times spelled as text,
///   copies of a referenced row's columns) and every non-`String` column:
///   flags, counters and timestamps are the server's to set, and AutoBe's DB
///   AST carries no defaults at all.
/// - LNK006: a response DTO exposes a secret column (password, its hash or
///   salt, a token, a secret, an API or private key, an OTP). An IAuthorized
///   DTO may carry a token column: it hands the session token to its owner.
/// - LNK008 (remark): a table no operation creates, reads, updates or
///   deletes, directly or through a nested DTO (the CRUDCoverage analysis).
///   The one link finding located on the DB side: no API location exists.
///   Views are not reported; neither are tables of a project whose API
///   attributes no operation at all (the links are too weak to say).
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Binding.h"
#include "abv/Analysis/CRUDCoverage.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/IR/Walk.h"
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

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

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

/// Whether the server fills String column \p field of \p model itself,
/// so that an ICreate need not carry it (LNK005): a state (`status`,
/// `*_state`, `*_mode`, `*_type`, `*_kind`), a generated identifier
/// (`order_number`, `invoice_no`, `tracking_code`, `slug`, `*_seq`,
/// `*_serial`, `*_reference`), request metadata (`ip`, `ip_address`,
/// `user_agent`, `referrer`, `href`), the author of a change (`created_by`)
/// or a time spelled as text (`*_at`, `*_on`, `*_date`, `*_time`), or a
/// copy of a referenced row's column (`order_items.product_name` beside a
/// relation to `products`, which has `name`).
static bool isServerDerived(const db::Field &field, const db::Model &model,
                            const Binding &binding) {
  SmallVector<std::string, 4> words = splitWords(field.name.name);
  if (words.empty())
    return false;
  static const StringSet<> lastWords = {
      "status",   "state",  "mode",     "type",      "kind",
      "number",   "no",     "num",      "code",      "seq",
      "sequence", "serial", "slug",     "reference", "ref",
      "by",       "at",     "on",       "date",      "time",
      "ip",       "agent",  "referrer", "referer",   "href"};
  if (lastWords.contains(words.back()))
    return true;
  if (words.size() >= 2 && words[words.size() - 2] == "ip")
    return true; // `ip_address`.
  // A copy of a column of a row the model references.
  for (const db::Field &relation : model.fields) {
    if (!relation.isRelation() || relation.isList)
      continue;
    const db::Model *target = binding.getRelationTarget(relation);
    if (!target || target == &model)
      continue;
    StringRef name = field.name.name;
    for (const db::Field &column : target->fields) {
      if (column.isRelation() || column.isId)
        continue;
      StringRef copied = column.name.name;
      // `name`, or `<relation>_name` / `<target word>_name`.
      if (name == copied ||
          (name.ends_with(copied) && name.size() > copied.size() &&
           name[name.size() - copied.size() - 1] == '_'))
        return true;
    }
  }
  return false;
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {

struct LinkDBAPIPass : ProjectPass<LinkDBAPIPass> {
  static constexpr StringLiteral argument = "link-db-api";
  static constexpr StringLiteral description =
      "Checks API DTOs against the DB tables and columns they map: type and "
      "nullability mismatches, columns missing from ICreate, exposed "
      "secrets, tables no operation touches";

  void run(const Project &, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    const Binding &binding = analyses.getAnalysis<Binding>();
    if (!binding.getSchema() || !binding.getDocument())
      return;
    checkColumns(binding, diags);
    checkCreates(binding, diags);
    checkCoverage(analyses.getAnalysis<CRUDCoverage>(), diags);
  }

private:
  void checkColumns(const Binding &binding, DiagnosticEngine &diags);
  void checkCreates(const Binding &binding, DiagnosticEngine &diags);
  void checkCoverage(const CRUDCoverage &coverage, DiagnosticEngine &diags);
};

} // namespace

/// The named types reachable from the success responses of \p doc.
static DenseSet<const api::NamedType *>
getResponseTypes(const api::Document &doc) {
  SmallVector<const api::Type *, 32> roots;
  for (const api::Operation &op : doc.operations)
    for (const api::Response &response : op.responses)
      if (response.type && (response.status.name.starts_with("2") ||
                            response.status.name == "default"))
        roots.push_back(response.type);
  DenseSet<const api::NamedType *> named;
  api::walkReachable(doc, roots,
                     [&](const api::NamedType &type, const api::Type &) {
                       named.insert(&type);
                       return WalkResult::Advance;
                     });
  return named;
}

void LinkDBAPIPass::checkColumns(const Binding &binding,
                                 DiagnosticEngine &diags) {
  const api::Document &doc = *binding.getDocument();
  DenseSet<const api::NamedType *> responseTypes = getResponseTypes(doc);
  for (const api::NamedType &named : doc.types) {
    // Only DTOs that name their table themselves: a family or name match is
    // a guess, good for coverage, not for type checks.
    Binding::TableLink link = binding.getTable(named);
    if (link.kind != Binding::LinkKind::Explicit)
      continue;
    const db::Model *model = link.model;
    StringRef variant = getVariant(named.name.name);
    bool isResponse = responseTypes.contains(&named) &&
                      getDTORole(variant) != DTORole::Request;
    for (const api::Property &property : named.type->properties) {
      const db::Field *field = binding.getColumn(property);
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
        diag.note(field->name.range, NoteID::ColumnDeclaredHere);
        continue;
      }
      std::string mismatch = getMismatch(*propType, *field);
      if (!mismatch.empty()) {
        auto diag = diags.report(DiagID::LinkTypeMismatch, property.name.range);
        diag << property.name.name << mismatch << model->name.name
             << field->name.name << describeColumn(*field);
        diag.note(field->name.range, NoteID::ColumnDeclaredHere);
        continue;
      }
      if (isResponse && field->isOptional && property.isRequired &&
          isNonNull(*propType) && isNonNull(*property.type)) {
        auto diag =
            diags.report(DiagID::LinkNullableRequired, property.name.range);
        diag << property.name.name << named.name.name << model->name.name
             << field->name.name;
        diag.note(field->name.range, NoteID::ColumnNullableHere);
      }
    }
  }
}

void LinkDBAPIPass::checkCreates(const Binding &binding,
                                 DiagnosticEngine &diags) {
  const api::Document &doc = *binding.getDocument();
  for (const api::NamedType &named : doc.types) {
    StringRef name = named.name.name;
    if (getVariant(name) != "ICreate" || !named.type ||
        named.type->kind != api::TypeKind::Object)
      continue;
    // Its own link, or its base DTO's (`IArticle` for `IArticle.ICreate`).
    const db::Model *model = nullptr;
    Binding::TableLink link = binding.getTable(named);
    if (link.kind == Binding::LinkKind::Explicit) {
      model = link.model;
    } else if (const api::NamedType *base =
                   doc.findType(name.drop_back(strlen(".ICreate")))) {
      Binding::TableLink baseLink = binding.getTable(*base);
      if (baseLink.kind == Binding::LinkKind::Explicit)
        model = baseLink.model;
    }
    if (!model)
      continue;
    StringSet<> fkNames;
    for (const db::Field &field : model->fields)
      if (field.relation)
        for (const db::Ident &fk : field.relation->fields)
          fkNames.insert(fk.name);
    // What the body provides: the columns its properties are bound to (in
    // any case convention), and their names.
    DenseSet<const db::Field *> providedColumns;
    StringSet<> provided;
    for (const api::Property &property : named.type->properties) {
      provided.insert(property.name.name);
      if (const db::Field *column = binding.getColumn(property))
        providedColumns.insert(column);
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
      if (isServerDerived(field, *model, binding))
        continue;
      if (column == "id" || column == "created_at" || column == "updated_at" ||
          column == "deleted_at" || column.ends_with("_id") ||
          fkNames.contains(column) || looksLikeSecret(column))
        continue;
      if (pk && llvm::any_of(pk->fields, [&](const db::IndexField &key) {
            return key.name.name == column;
          }))
        continue;
      if (providedColumns.contains(&field) || provided.contains(column) ||
          provided.contains(field.getColumnName()))
        continue;
      auto diag =
          diags.report(DiagID::LinkCreateMissingColumn, named.name.range);
      diag << name << model->name.name << column;
      diag.note(field.name.range, NoteID::ColumnDeclaredHere);
    }
  }
}

void LinkDBAPIPass::checkCoverage(const CRUDCoverage &coverage,
                                  DiagnosticEngine &diags) {
  // An API that refers to files ABV does not read may touch any table there.
  if (!coverage.isAvailable() || coverage.getDocument()->hasUnreadReferences ||
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
