//===- DBNames.cpp - The db-names pass ------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks names: duplicate declarations, tables, generators and constraint
/// names, fields and enum values (DB001 - DB003), names Prisma reserves
/// (DB004), identifiers Prisma cannot spell (DB005), database names longer
/// than the provider allows (DB006), AutoBe's naming conventions for tables
/// and columns (DB007, DB008) and SQL reserved words (DB009).
///
/// Models, views, enums and composite types share one namespace, as in
/// Prisma; so do the fields of a model, relation fields included. The
/// convention checks apply to database names (`@@map` / `@map` when given)
/// and only to scalar columns: relation fields are not columns, and Prisma
/// and AutoBe both spell them in camelCase.
///
//===----------------------------------------------------------------------===//

#include "DBPrismaRules.h"

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/Unicode.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ConvertUTF.h"

#include <algorithm>
#include <tuple>

using namespace abv;
using namespace abv::db;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Word lists
//===----------------------------------------------------------------------===//

/// Names Prisma rejects for models, views and enums: `PrismaClient` and the
/// JavaScript keywords (prisma-engines, psl/parser-database/src/names/
/// reserved_model_names.rs). The comparison is case-sensitive, as Prisma's.
static bool isPrismaReservedTypeName(StringRef name) {
  // clang-format off
  static const StringSet<> names = {
      "PrismaClient", "break",     "case",     "catch",      "class",
      "const",        "continue",  "debugger", "default",    "delete",
      "do",           "else",      "enum",     "export",     "extends",
      "false",        "finally",   "for",      "function",   "if",
      "implements",   "import",    "in",       "instanceof", "interface",
      "let",          "new",       "null",     "package",    "private",
      "protected",    "public",    "return",   "super",      "switch",
      "this",         "throw",     "true",     "try",        "typeof",
      "var",          "void",      "while",    "with",       "yield"};
  // clang-format on
  return names.contains(name);
}

/// The scalar type names, which Prisma reserves for every top-level
/// declaration ("String" is a reserved scalar type name).
static bool isScalarTypeName(StringRef name) {
  TypeKind kind = getScalarTypeKind(name);
  return kind != TypeKind::Unknown && kind != TypeKind::Unsupported;
}

/// Words PostgreSQL reserves outright (its "reserved" keyword category, which
/// is close to the SQL standard's core and to what MySQL and SQLite reserve
/// too). A table or column spelled like one works through Prisma, which
/// quotes every identifier, but breaks any raw query that does not.
static bool isSQLReservedWord(StringRef lowerName) {
  // clang-format off
  static const StringSet<> words = {
      "all",          "analyse",      "analyze",          "and",
      "any",          "array",        "as",               "asc",
      "asymmetric",   "both",         "case",             "cast",
      "check",        "collate",      "column",           "constraint",
      "create",       "current_date", "current_role",     "current_time",
      "current_user", "default",      "current_timestamp", "deferrable",
      "desc",         "distinct",     "do",               "else",
      "end",          "except",       "false",            "fetch",
      "for",          "foreign",      "from",             "grant",
      "group",        "having",       "in",               "initially",
      "intersect",    "into",         "lateral",          "leading",
      "limit",        "localtime",    "localtimestamp",   "not",
      "null",         "offset",       "on",               "only",
      "or",           "order",        "placing",          "primary",
      "references",   "returning",    "select",           "session_user",
      "some",         "symmetric",    "table",            "then",
      "to",           "trailing",     "true",             "union",
      "unique",       "user",         "using",            "variadic",
      "when",         "where",        "window",           "with"};
  // clang-format on
  return words.contains(lowerName);
}

/// A Prisma identifier: a letter, then letters, ASCII digits and
/// underscores. Letters are any Unicode letters (`Lööp`, `名前`), as in
/// Prisma; every byte outside ASCII counts as one here: in Prisma text the
/// lexer has already rejected the non-letters (PS007).
static bool isPrismaIdentifier(StringRef name) {
  auto isLetter = [](char c) {
    return isAlpha(c) || static_cast<unsigned char>(c) >= 0x80;
  };
  if (name.empty() || !isLetter(name.front()))
    return false;
  return llvm::all_of(
      name, [&](char c) { return isLetter(c) || isDigit(c) || c == '_'; });
}

/// The name as it should be: snake_case and plural. Used for fix advice.
static std::string suggestTableName(StringRef name) {
  SmallVector<std::string, 4> words = splitWords(name);
  if (words.empty())
    return name.str();
  if (!looksPlural(words.back()))
    words.back() = pluralize(words.back());
  return join(words, "_");
}

//===----------------------------------------------------------------------===//
// Provider limits
//===----------------------------------------------------------------------===//

namespace {
/// How long a database identifier may be.
struct IdentifierLimit {
  unsigned max = 0; ///< 0: no limit worth checking.
  bool inBytes = false;
};
} // namespace

static IdentifierLimit getIdentifierLimit(Provider provider) {
  switch (provider) {
  case Provider::PostgreSQL:
  case Provider::CockroachDB:
    return {63, true}; // NAMEDATALEN - 1, in bytes.
  case Provider::MySQL:
    return {64, false};
  case Provider::SQLServer:
    return {128, false};
  case Provider::SQLite:
  case Provider::MongoDB:
  case Provider::Unknown:
    return {};
  }
  return {};
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
/// A top-level declaration: its kind (for messages) and name.
struct TopDecl {
  StringRef kind;    ///< "model", "view", "enum", "composite type".
  StringRef article; ///< "a model", "an enum", ...
  const Ident *name;
  /// Source order: the index of the file in the schema, then the offset.
  std::pair<unsigned, const char *> order;
};

/// Checks the names of one schema.
class NameChecker {
public:
  NameChecker(const Schema &schema, DiagnosticEngine &diags)
      : schema(schema), diags(diags), provider(getAssumedProvider(schema)),
        limit(getIdentifierLimit(provider)),
        isAST(schema.origin == SchemaOrigin::AutoBeAST) {}

  void run();

private:
  std::pair<unsigned, const char *> getOrder(SMRange range) const;
  void checkTopLevelDuplicates();
  void checkTableDuplicates();
  void checkGeneratorDuplicates();
  void checkConstraintNames();
  void checkClientNames();
  void checkFields(const std::vector<Field> &fields, StringRef ownerKind,
                   StringRef ownerName, bool isTable);
  void checkEnum(const Enum &e);
  /// DB004/DB005 for a declaration name; false when DB005 fired.
  bool checkDeclName(const Ident &name, StringRef article, bool isTopLevel);
  void checkLength(StringRef dbName, SMRange range);
  void checkSQLReserved(StringRef dbName, SMRange range);
  void checkTable(const Model &model);
  void checkColumn(const Field &field);

  const Schema &schema;
  DiagnosticEngine &diags;
  Provider provider;
  IdentifierLimit limit;
  bool isAST;
};
} // namespace

std::pair<unsigned, const char *> NameChecker::getOrder(SMRange range) const {
  if (!range.Start.isValid())
    return {~0U, nullptr};
  const SourceManager &sm = diags.getSourceManager();
  unsigned buffer = sm.findBuffer(range.Start);
  const auto *it = llvm::find(schema.bufferIDs, buffer);
  return {unsigned(it - schema.bufferIDs.begin()), range.Start.getPointer()};
}

void NameChecker::checkTopLevelDuplicates() {
  // Count first: only names declared more than once need their source
  // order, which costs a buffer lookup each.
  StringMap<unsigned> counts;
  for (const Model &model : schema.models)
    ++counts[model.name.name];
  for (const Enum &e : schema.enums)
    ++counts[e.name.name];
  for (const CompositeType &type : schema.compositeTypes)
    ++counts[type.name.name];

  std::vector<TopDecl> tops;
  auto add = [&](StringRef kind, StringRef article, const Ident &name) {
    if (counts.lookup(name.name) > 1)
      tops.push_back({kind, article, &name, getOrder(name.range)});
  };
  for (const Model &model : schema.models)
    add(model.isView ? "view" : "model", model.isView ? "a view" : "a model",
        model.name);
  for (const Enum &e : schema.enums)
    add("enum", "an enum", e.name);
  for (const CompositeType &type : schema.compositeTypes)
    add("composite type", "a composite type", type.name);
  llvm::stable_sort(tops, [](const TopDecl &a, const TopDecl &b) {
    return a.order < b.order;
  });

  StringMap<const TopDecl *> first;
  for (const TopDecl &top : tops) {
    if (top.name->empty())
      continue;
    auto [it, inserted] = first.try_emplace(top.name->name, &top);
    if (inserted)
      continue;
    const TopDecl &prev = *it->second;
    (diags.report(DiagID::DBDuplicateName, top.name->range)
     << top.kind << top.name->name)
            .note(prev.name->range, NoteID::PreviousDefinitionKind)
        << prev.article;
  }
}

/// The key of a database object in its schema: tables, enum types and
/// (on PostgreSQL and CockroachDB) constraint names are unique per
/// database schema (`@@schema`), not per database.
static std::string getSchemaKey(ArrayRef<Attribute> blockAttributes,
                                StringRef name) {
  return (getSchemaName(blockAttributes).name + Twine('\0') + name).str();
}

/// The range of the primary key attribute of \p model without an explicit
/// `map:` name (Prisma then names it `<table>_pkey`), or invalid.
static SMRange getDefaultNamedKey(const Model &model) {
  const Index *pk = model.getPrimaryKey();
  if (!pk || !pk->map.empty())
    return {};
  return pk->range;
}

void NameChecker::checkTableDuplicates() {
  // Two models may not map to one table (`@@map`) in one database schema.
  // Same-named models are DB001 already; only report tables reached
  // through different names.
  StringMap<const Model *> tables;
  for (const Model &model : schema.models) {
    StringRef table = model.getTableName();
    if (table.empty())
      continue;
    auto [it, inserted] =
        tables.try_emplace(getSchemaKey(model.blockAttributes, table), &model);
    if (inserted || it->second->name.name == model.name.name)
      continue;
    const Model &prev = *it->second;
    SMRange range =
        model.mappedName.empty() ? model.name.range : model.mappedName.range;
    SMRange prevRange =
        prev.mappedName.empty() ? prev.name.range : prev.mappedName.range;
    (diags.report(DiagID::DBDuplicateName, range) << "table" << table)
        .note(prevRange, NoteID::PreviousTableDefinition);
    // Their primary keys then share the default name `<table>_pkey` too,
    // which PostgreSQL, CockroachDB, SQL Server and SQLite keep unique.
    SMRange key = getDefaultNamedKey(model), prevKey = getDefaultNamedKey(prev);
    if (key.isValid() && prevKey.isValid() && !model.isView && !prev.isView &&
        provider != Provider::MySQL && provider != Provider::MongoDB &&
        provider != Provider::Unknown)
      ((diags.report(DiagID::DBDuplicateName, key)
        << "constraint" << (table + "_pkey").str())
           .note(prevKey, NoteID::SameDefaultKeyName)
       << prev.name.name)
          .fix(NoteID::FixNameWithMap);
  }
  // Enums are types of their schema on PostgreSQL and CockroachDB.
  if (provider != Provider::PostgreSQL && provider != Provider::CockroachDB)
    return;
  StringMap<const Enum *> types;
  for (const Enum &e : schema.enums) {
    StringRef type = e.mappedName.empty() ? e.name.name : e.mappedName.name;
    auto [it, inserted] =
        types.try_emplace(getSchemaKey(e.blockAttributes, type), &e);
    if (inserted || it->second->name.name == e.name.name)
      continue;
    (diags.report(DiagID::DBDuplicateName, e.name.range)
     << "enum database name" << type)
            .note(it->second->name.range, NoteID::EnumSameName)
        << it->second->name.name;
  }
}

void NameChecker::checkGeneratorDuplicates() {
  // Generators have a namespace of their own.
  StringMap<const ConfigBlock *> generators;
  for (const ConfigBlock &generator : schema.generators) {
    auto [it, inserted] =
        generators.try_emplace(generator.name.name, &generator);
    if (!inserted)
      (diags.report(DiagID::DBDuplicateName, generator.name.range)
       << "generator" << generator.name.name)
              .note(it->second->name.range, NoteID::PreviousDefinitionKind)
          << "a generator";
  }
}

/// The database name an index was given: `map:`, or for @@index the legacy
/// `name:` Prisma still reads as one. Empty when Prisma derives the name.
static Ident getIndexDBName(const Index &index) {
  if (!index.map.empty())
    return index.map;
  if (index.kind == Index::Kind::Plain)
    return index.name;
  return {};
}

void NameChecker::checkConstraintNames() {
  // Which explicitly named constraints share one namespace per database
  // (Prisma's constraint namespaces): PostgreSQL, CockroachDB and SQLite
  // name indexes, unique and primary keys per schema; MySQL foreign keys;
  // SQL Server keys and foreign keys. Within one table all of them clash,
  // except on MongoDB, which has only indexes.
  bool globalIndexes = provider == Provider::PostgreSQL ||
                       provider == Provider::CockroachDB ||
                       provider == Provider::SQLite;
  bool globalKeys = globalIndexes || provider == Provider::SQLServer;
  bool globalForeignKeys =
      provider == Provider::MySQL || provider == Provider::SQLServer;
  if (provider == Provider::Unknown)
    return;

  StringMap<SMRange> global;
  StringMap<SMRange> local;
  // The namespaces are per database schema (@@schema): the block
  // attributes of the model being read.
  ArrayRef<Attribute> current;
  auto add = [&](StringRef name, SMRange range, bool isGlobal) {
    if (name.empty())
      return;
    auto [localIt, localNew] = local.try_emplace(name, range);
    if (!localNew) {
      (diags.report(DiagID::DBDuplicateName, range) << "constraint" << name)
          .note(localIt->second, NoteID::PreviousDefinition);
      return;
    }
    if (!isGlobal)
      return;
    auto [globalIt, globalNew] =
        global.try_emplace(getSchemaKey(current, name), range);
    if (!globalNew)
      (diags.report(DiagID::DBDuplicateName, range) << "constraint" << name)
          .note(globalIt->second, NoteID::PreviousDefinitionOtherTable);
  };
  for (const Model &model : schema.models) {
    if (model.isView)
      continue;
    current = model.blockAttributes;
    local.clear();
    for (const Index &index : model.indexes) {
      Ident name = getIndexDBName(index);
      bool isKey = index.isUniqueCriterion();
      add(name.name, name.range, isKey ? globalKeys : globalIndexes);
    }
    if (provider == Provider::MongoDB)
      continue;
    for (const Field &field : model.fields)
      if (const Attribute *attr = field.getAttribute("relation"))
        if (const AttributeArg *map = attr->getArg("map");
            map && map->value.isString())
          add(map->value.text, map->value.range, globalForeignKeys);
  }
}

void NameChecker::checkClientNames() {
  // `name:` on @@id / @@unique names the compound key in the generated
  // client (`where: { identity: {...} }`): it must be unique in its model
  // and must not shadow a field.
  StringMap<SMRange> names;
  for (const Model &model : schema.models) {
    names.clear();
    for (const Index &index : model.indexes) {
      if (!index.isUniqueCriterion() || index.name.empty())
        continue;
      auto [it, inserted] =
          names.try_emplace(index.name.name, index.name.range);
      if (!inserted) {
        (diags.report(DiagID::DBDuplicateName, index.name.range)
         << "compound key name" << index.name.name)
            .note(it->second, NoteID::PreviousDefinition);
        continue;
      }
      if (const Field *field = model.findField(index.name.name))
        (diags.report(DiagID::DBDuplicateName, index.name.range)
         << "compound key name" << index.name.name)
            .note(field->name.range, NoteID::FieldHasThisName);
    }
  }
}

bool NameChecker::checkDeclName(const Ident &name, StringRef article,
                                bool isTopLevel) {
  if (name.empty())
    return false;
  // Prisma's lexer admits leading digits and '-' and rejects them later;
  // AutoBe's JSON admits anything, and the name ends up in a .prisma file.
  if (!isPrismaIdentifier(name.name)) {
    diags.report(DiagID::DBInvalidIdentifier, name.range)
        << name.name << article;
    return false;
  }
  if (isTopLevel &&
      (isPrismaReservedTypeName(name.name) || isScalarTypeName(name.name))) {
    diags.report(DiagID::DBReservedName, name.range) << name.name << article;
    return false;
  }
  return true;
}

void NameChecker::checkLength(StringRef dbName, SMRange range) {
  if (!limit.max)
    return;
  size_t length = limit.inBytes ? dbName.size()
                                : countColumns(dbName, ColumnUnit::CodePoint);
  if (length <= limit.max)
    return;
  StringRef unit = limit.inBytes ? "bytes" : "characters";
  diags.report(DiagID::DBIdentifierTooLong, range)
      << dbName << (Twine(length) + " " + unit).str()
      << getProviderName(provider) << (Twine(limit.max) + " " + unit).str();
}

void NameChecker::checkSQLReserved(StringRef dbName, SMRange range) {
  if (provider == Provider::MongoDB)
    return;
  if (isSQLReservedWord(dbName.lower()))
    diags.report(DiagID::DBSQLReservedWord, range) << dbName;
}

void NameChecker::checkTable(const Model &model) {
  bool valid =
      checkDeclName(model.name, model.isView ? "a view" : "a model", true);
  StringRef table = model.getTableName();
  SMRange range =
      model.mappedName.empty() ? model.name.range : model.mappedName.range;
  if (table.empty())
    return;
  if (table == "_prisma_migrations") {
    diags.report(DiagID::DBReservedName, range) << table << "a table";
    return;
  }
  checkLength(table, range);
  if (!valid && model.mappedName.empty())
    return;
  checkSQLReserved(table, range);
  if (model.isView)
    return;
  StringRef last = table.rsplit('_').second;
  if (last.empty())
    last = table;
  if (!isSnakeCase(table) || !looksPlural(last)) {
    std::string better = suggestTableName(table);
    InFlightDiagnostic diag = diags.report(DiagID::DBTableNaming, range);
    diag << table;
    if (better != table && isSnakeCase(better))
      diag.fix(isAST ? NoteID::FixNameTable : NoteID::FixNameOrMapTable)
          << better;
  }
}

void NameChecker::checkColumn(const Field &field) {
  StringRef column = field.getColumnName();
  if (column.empty())
    return;
  SMRange range =
      field.mappedName.empty() ? field.name.range : field.mappedName.range;
  checkLength(column, range);
  checkSQLReserved(column, range);
  // MongoDB requires the primary key's document field to be `_id`.
  if (provider == Provider::MongoDB && column == "_id")
    return;
  if (!isSnakeCase(column))
    diags.report(DiagID::DBColumnNaming, range) << column;
}

void NameChecker::checkFields(const std::vector<Field> &fields,
                              StringRef ownerKind, StringRef ownerName,
                              bool isTable) {
  StringMap<const Field *> byName;
  StringMap<const Field *> byColumn;
  for (const Field &field : fields) {
    if (field.name.empty())
      continue;
    auto [it, inserted] = byName.try_emplace(field.name.name, &field);
    if (!inserted) {
      (diags.report(DiagID::DBDuplicateField, field.name.range)
       << field.name.name << ownerKind << ownerName)
          .note(it->second->name.range, NoteID::PreviousDefinition);
      continue;
    }
    bool valid = checkDeclName(field.name, "a field", false);
    if (field.isRelation() || field.type == TypeKind::Unknown)
      continue;
    // Two fields mapped onto one column (`a @map("b")` and `b`).
    StringRef column = field.getColumnName();
    auto [colIt, colInserted] = byColumn.try_emplace(column, &field);
    if (!colInserted) {
      const Field &prev = *colIt->second;
      SMRange range =
          field.mappedName.empty() ? field.name.range : field.mappedName.range;
      SMRange prevRange =
          prev.mappedName.empty() ? prev.name.range : prev.mappedName.range;
      (diags.report(DiagID::DBDuplicateField, range)
       << column << ownerKind << ownerName)
          .note(prevRange, NoteID::PreviousColumnDefinition);
      continue;
    }
    if (isTable && (valid || !field.mappedName.empty()))
      checkColumn(field);
  }
}

void NameChecker::checkEnum(const Enum &e) {
  bool valid = checkDeclName(e.name, "an enum", true);
  // Enums are types in PostgreSQL and CockroachDB; elsewhere they are inline.
  if ((valid || !e.mappedName.empty()) &&
      (provider == Provider::PostgreSQL || provider == Provider::CockroachDB))
    checkLength(e.mappedName.empty() ? e.name.name : e.mappedName.name,
                e.mappedName.empty() ? e.name.range : e.mappedName.range);
  StringMap<const EnumValue *> values;
  for (const EnumValue &value : e.values) {
    if (value.name.empty())
      continue;
    auto [it, inserted] = values.try_emplace(value.name.name, &value);
    if (!inserted) {
      (diags.report(DiagID::DBDuplicateEnumValue, value.name.range)
       << value.name.name << e.name.name)
          .note(it->second->name.range, NoteID::PreviousDefinition);
      continue;
    }
    checkDeclName(value.name, "an enum value", false);
  }
}

void NameChecker::run() {
  checkTopLevelDuplicates();
  checkTableDuplicates();
  checkGeneratorDuplicates();
  checkConstraintNames();
  checkClientNames();
  for (const Model &model : schema.models) {
    checkTable(model);
    checkFields(model.fields, model.isView ? "view" : "model", model.name.name,
                /*isTable=*/true);
    for (const Index &index : model.indexes)
      if (Ident name = getIndexDBName(index); !name.empty())
        checkLength(name.name, name.range);
    for (const Field &field : model.fields) {
      if (!field.isRelation())
        continue;
      // The foreign key's constraint name: @relation(map: "...").
      if (const Attribute *attr = field.getAttribute("relation"))
        if (const AttributeArg *map = attr->getArg("map");
            map && map->value.isString() && !map->value.text.empty())
          checkLength(map->value.text, map->value.range);
    }
  }
  for (const Enum &e : schema.enums)
    checkEnum(e);
  for (const CompositeType &type : schema.compositeTypes) {
    checkDeclName(type.name, "a composite type", true);
    checkFields(type.fields, "composite type", type.name.name,
                /*isTable=*/false);
  }
}

namespace {
struct DBNamesPass : SchemaPass<DBNamesPass> {
  static constexpr StringLiteral argument = "db-names";
  static constexpr StringLiteral description =
      "Checks names: duplicates, reserved words, identifiers, length limits "
      "and naming conventions.";

  void run(const Schema &schema, AnalysisManager &, DiagnosticEngine &diags) {
    NameChecker(schema, diags).run();
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBNamesPass() {
  return std::make_unique<DBNamesPass>();
}
