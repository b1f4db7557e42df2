//===- DBModels.cpp - The db-models pass ----------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks models, attributes and blocks: models without a unique criterion
/// (DB020), with two primary keys (DB021) or with key fields that cannot be
/// keys (DB028); attributes Prisma does not know (DB022), takes other
/// arguments (DB023) or allows only once (DB027); the datasource block:
/// missing (DB024), repeated (DB025), naming an unknown provider (DB026);
/// and blocks Prisma rejects as a whole (DB029: empty enums, generators
/// without a provider, an unknown relationMode, views without the preview
/// feature).
///
/// The datasource and generators further: properties Prisma does not know
/// or no longer takes (DB080: Prisma 7 moved the connection URLs to
/// prisma.config.ts), a shadow database that is the main one (DB081),
/// preview features the generation does not know (DB082) or that a
/// construct needs (DB083); multi-schema (`schemas` and `@@schema`:
/// DB084-DB086, DB088), PostgreSQL extensions (DB087), views with keys or
/// indexes (DB092), shard keys (DB093) and what a provider cannot do
/// (DB088). The generation (Prisma 6 or 7) comes from the datasource
/// (DBPrismaRules.h).
///
/// The attribute set is Prisma 6's (prisma-engines, psl/parser-database/src/
/// attributes.rs): on fields @id @unique @default @relation @map @updatedAt
/// @ignore @shardKey and the datasource's native types (@db.*); on models
/// and views @@id @@unique @@index @@fulltext @@map @@ignore @@schema
/// @@shardKey; on enums @@map @@schema. Attributes exist only in Prisma
/// text; the unique-criterion checks run on AutoBe's AST too.
///
//===----------------------------------------------------------------------===//

#include "DBPrismaRules.h"

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <initializer_list>

using namespace abv;
using namespace abv::db;
using namespace llvm;

/// The provider assumed for a Prisma schema without a datasource.
static constexpr StringLiteral kAssumedProvider = "postgresql";

namespace {
/// Where an attribute sits, for the known-attribute sets and messages.
/// ModelField is a field whose type did not resolve (DB010): it may be
/// either kind, so every field attribute is accepted there.
enum class AttrSite {
  ModelField,
  ScalarField,
  RelationField,
  CompositeField,
  Model,
  View,
  Enum,
  CompositeType
};

/// Checks the models and attributes of one schema.
class ModelChecker {
public:
  ModelChecker(const Schema &schema, DiagnosticEngine &diags)
      : schema(schema), diags(diags),
        isText(schema.origin == SchemaOrigin::PrismaText),
        provider(!isText                      ? Provider::Unknown
                 : schema.datasources.empty() ? Provider::PostgreSQL
                                              : schema.getProvider()) {
    if (!schema.datasources.empty())
      datasourceName = schema.datasources.front().name.name;
  }

  void run();

private:
  void checkDatasources();
  void checkUniqueCriterion(const Model &model);
  void checkPrimaryKeys(const Model &model);
  void checkAttributes(ArrayRef<Attribute> attrs, AttrSite site,
                       StringRef ownerName);
  void checkArguments(const Attribute &attr, AttrSite site);
  void checkDefaultFunction(const Attribute &attr, const Expr &call);
  void checkAutoincrement(const Model &model);
  void checkBlocks();
  void checkDatasourceProperties(const ConfigBlock &datasource);
  void checkShadowDatabase(const ConfigBlock &datasource);
  void checkSchemasProperty(const ConfigProperty &schemas);
  void checkExtensions(const ConfigProperty &extensions);
  void checkPreviewFeatures();
  void checkMultiSchema();
  void checkShardKeys(const Model &model);
  void checkViewKeys(const Model &model);
  void checkMongoFieldNames(const Model &model);
  void checkPartialIndex(const Attribute &attr);
  bool isKnown(const Attribute &attr, AttrSite site) const;

  /// Reports DB023 for \p attr at \p range (the attribute when invalid).
  void reportArgs(const Attribute &attr, SMRange range, const Twine &why);
  /// Positional arguments and the named ones outside \p allowed are errors.
  /// Returns the positional arguments.
  SmallVector<const AttributeArg *, 2>
  checkArgNames(const Attribute &attr,
                std::initializer_list<StringRef> allowed);
  void checkNonEmptyString(const Attribute &attr, const AttributeArg *arg);
  void checkFieldList(const Attribute &attr,
                      ArrayRef<const AttributeArg *> positional);
  void checkConstant(const Attribute &attr, const AttributeArg *arg,
                     std::initializer_list<StringRef> values);

  const Schema &schema;
  DiagnosticEngine &diags;
  bool isText;
  /// The datasource's provider; PostgreSQL without one (DB024), Unknown for
  /// AutoBe's AST.
  Provider provider;
  StringRef datasourceName = "db";
  PrismaGeneration generation = getPrismaGeneration(schema);
};
} // namespace

/// "@id" / "@@index": an attribute as spelled.
static std::string spell(const Attribute &attr) {
  return (attr.isBlock ? "@@" : "@") + attr.name.name.str();
}

static StringRef describeSite(AttrSite site) {
  switch (site) {
  case AttrSite::ModelField:
  case AttrSite::ScalarField:
  case AttrSite::CompositeField:
    return "field";
  case AttrSite::RelationField:
    return "relation field";
  case AttrSite::Model:
    return "model";
  case AttrSite::View:
    return "view";
  case AttrSite::Enum:
    return "enum";
  case AttrSite::CompositeType:
    return "composite type";
  }
  return "";
}

static ArrayRef<StringLiteral> getKnownAttributes(AttrSite site) {
  static const StringLiteral modelField[] = {"id",       "unique",  "default",
                                             "relation", "map",     "updatedAt",
                                             "ignore",   "shardKey"};
  static const StringLiteral scalarField[] = {
      "id", "unique", "default", "map", "updatedAt", "ignore", "shardKey"};
  // @id and @default on a relation field are DB028 and DB016.
  static const StringLiteral relationField[] = {"relation", "ignore", "id",
                                                "default"};
  static const StringLiteral compositeField[] = {"map", "default"};
  static const StringLiteral model[] = {"id",  "unique", "index",  "fulltext",
                                        "map", "ignore", "schema", "shardKey"};
  static const StringLiteral enumBlock[] = {"map", "schema"};
  switch (site) {
  case AttrSite::ModelField:
    return modelField;
  case AttrSite::ScalarField:
    return scalarField;
  case AttrSite::RelationField:
    return relationField;
  case AttrSite::CompositeField:
    return compositeField;
  case AttrSite::Model:
  case AttrSite::View:
    return model;
  case AttrSite::Enum:
    return enumBlock;
  case AttrSite::CompositeType:
    return {}; // Keys and indexes belong to the model that embeds it.
  }
  return {};
}

static bool isFieldSite(AttrSite site) {
  return site == AttrSite::ModelField || site == AttrSite::ScalarField ||
         site == AttrSite::RelationField || site == AttrSite::CompositeField;
}

/// Whether an attribute may appear more than once on one declaration.
static bool isRepeatable(const Attribute &attr) {
  return attr.isBlock &&
         (attr.name.name == "index" || attr.name.name == "unique" ||
          attr.name.name == "fulltext");
}

bool ModelChecker::isKnown(const Attribute &attr, AttrSite site) const {
  StringRef name = attr.name.name;
  bool onField = isFieldSite(site);
  if (onField && !attr.isBlock && name.contains('.'))
    return site != AttrSite::RelationField &&
           name.split('.').first == datasourceName;
  // `@id` on a model or `@@id` on a field is as unknown as `@foo`.
  if (onField == attr.isBlock)
    return false;
  return llvm::is_contained(getKnownAttributes(site), name);
}

void ModelChecker::reportArgs(const Attribute &attr, SMRange range,
                              const Twine &why) {
  diags.report(DiagID::DBAttributeArgs,
               range.Start.isValid() ? range : attr.range)
      << spell(attr) << why.str();
}

SmallVector<const AttributeArg *, 2>
ModelChecker::checkArgNames(const Attribute &attr,
                            std::initializer_list<StringRef> allowed) {
  SmallVector<const AttributeArg *, 2> positional;
  SmallVector<StringRef, 4> seen;
  for (const AttributeArg &arg : attr.args) {
    if (arg.name.empty()) {
      positional.push_back(&arg);
      continue;
    }
    if (!llvm::is_contained(allowed, arg.name.name)) {
      reportArgs(attr, arg.name.range,
                 "unknown argument '" + arg.name.name + "'");
      continue;
    }
    if (llvm::is_contained(seen, arg.name.name)) {
      reportArgs(attr, arg.name.range,
                 "argument '" + arg.name.name + "' is given twice");
      continue;
    }
    seen.push_back(arg.name.name);
  }
  return positional;
}

void ModelChecker::checkNonEmptyString(const Attribute &attr,
                                       const AttributeArg *arg) {
  if (!arg)
    return;
  if (!arg->value.isString())
    reportArgs(attr, arg->value.range, "expected a string");
  else if (arg->value.text.empty())
    reportArgs(attr, arg->value.range, "the name cannot be empty");
}

void ModelChecker::checkConstant(const Attribute &attr, const AttributeArg *arg,
                                 std::initializer_list<StringRef> values) {
  if (!arg)
    return;
  if (arg->value.isConstant() && llvm::is_contained(values, arg->value.text))
    return;
  std::string expected;
  for (StringRef value : values) {
    if (!expected.empty())
      expected += ", ";
    expected += value;
  }
  reportArgs(attr, arg->value.range,
             "'" + arg->name.name + "' must be one of " + expected);
}

void ModelChecker::checkFieldList(const Attribute &attr,
                                  ArrayRef<const AttributeArg *> positional) {
  const AttributeArg *fields = attr.getArg("fields");
  if (fields && !positional.empty()) {
    reportArgs(attr, positional.front()->range,
               "the field list is given twice");
    return;
  }
  if (!fields && !positional.empty())
    fields = positional.front();
  for (size_t i = 1; i < positional.size(); ++i)
    reportArgs(attr, positional[i]->range,
               "unexpected positional argument; name it");
  if (!fields) {
    reportArgs(attr, attr.range, "missing the field list, e.g. ([a, b])");
    return;
  }
  // A single field name is accepted as a one-element list, as by Prisma.
  if (!fields->value.isArray() && !fields->value.isConstant() &&
      !fields->value.isCall())
    reportArgs(attr, fields->value.range,
               "expected a list of fields, e.g. [a, b]");
}

void ModelChecker::checkDefaultFunction(const Attribute &attr,
                                        const Expr &call) {
  StringRef fn = call.text;
  bool known = StringSwitch<bool>(fn)
                   .Cases("autoincrement", "cuid", "dbgenerated", "nanoid",
                          "now", "uuid", true)
                   .Cases("auto", "ulid", "sequence", true)
                   .Default(false);
  if (!known) {
    reportArgs(attr, call.range,
               "unknown function '" + fn +
                   "()'; wrap database functions in dbgenerated(\"...\")");
    return;
  }
  // sequence() takes CockroachDB's named sequence options.
  if (fn == "sequence" || call.elements.empty())
    return;
  const Expr &arg = call.elements.front();
  auto integerIn = [&](int64_t low, int64_t high) {
    int64_t value;
    return call.elements.size() == 1 && arg.kind == Expr::Kind::Number &&
           !arg.text.getAsInteger(10, value) && value >= low && value <= high;
  };
  if (fn == "uuid") {
    if (!integerIn(4, 7) || arg.text == "5" || arg.text == "6")
      reportArgs(attr, arg.range, "uuid() takes no argument, 4 or 7");
  } else if (fn == "cuid") {
    if (!integerIn(1, 2))
      reportArgs(attr, arg.range, "cuid() takes no argument, 1 or 2");
  } else if (fn == "nanoid") {
    if (!integerIn(2, 255))
      reportArgs(attr, arg.range,
                 "nanoid() takes no argument or a length from 2 to 255");
  } else if (fn == "dbgenerated") {
    if (call.elements.size() != 1 || !arg.isString() || arg.text.empty())
      reportArgs(attr, arg.range,
                 "dbgenerated() takes one non-empty string of SQL");
  } else {
    reportArgs(attr, arg.range, "'" + fn + "()' takes no arguments");
  }
}

void ModelChecker::checkAutoincrement(const Model &model) {
  // MongoDB has no sequences; CockroachDB's unique_rowid() is 64-bit.
  if (provider == Provider::MongoDB || provider == Provider::CockroachDB) {
    for (const Field &field : model.fields) {
      const Expr *value = field.getDefaultValue();
      if (!value || !value->isCall() || value->text != "autoincrement")
        continue;
      const Attribute *attr = field.getAttribute("default");
      if (provider == Provider::MongoDB)
        reportArgs(*attr, value->range,
                   "autoincrement() is not supported on MongoDB");
      else if (field.type != TypeKind::BigInt)
        reportArgs(*attr, value->range,
                   "autoincrement() needs a BigInt field on CockroachDB; "
                   "use sequence() for Int");
    }
    return;
  }
  if (provider != Provider::SQLite && provider != Provider::MySQL)
    return;
  const Field *first = nullptr;
  for (const Field &field : model.fields) {
    const Expr *value = field.getDefaultValue();
    if (!value || !value->isCall() || value->text != "autoincrement")
      continue;
    bool repeated = first != nullptr;
    if (!first)
      first = &field;
    const Attribute *attr = field.getAttribute("default");
    auto names = [&](const Index &index) {
      return llvm::any_of(index.fields, [&](const IndexField &indexField) {
        return indexField.name.name == field.name.name;
      });
    };
    if (provider == Provider::SQLite) {
      // SQLite's AUTOINCREMENT exists only on an INTEGER PRIMARY KEY.
      const Index *pk = model.getPrimaryKey();
      if (!field.isId && !(pk && pk->fields.size() == 1 && names(*pk))) {
        reportArgs(*attr, value->range,
                   "autoincrement() works only on the primary key on SQLite");
        continue;
      }
    } else if (!field.isId && !field.isUnique &&
               llvm::none_of(model.indexes, names)) {
      // MySQL's AUTO_INCREMENT column must be indexed.
      reportArgs(*attr, value->range,
                 "autoincrement() needs an indexed field on MySQL");
      continue;
    }
    if (repeated)
      reportArgs(*attr, value->range,
                 "autoincrement() may appear once per table on " +
                     getProviderName(provider));
  }
}

void ModelChecker::checkArguments(const Attribute &attr, AttrSite site) {
  StringRef name = attr.name.name;
  if (name.contains('.'))
    return; // Native types: db-types.
  bool onField = !attr.isBlock;
  auto noPositional = [&](ArrayRef<const AttributeArg *> positional) {
    for (const AttributeArg *arg : positional)
      reportArgs(attr, arg->range, "unexpected positional argument");
  };

  if (name == "map" || name == "schema") {
    // @@schema's one argument is `map`, @map's and @@map's is `name`.
    StringRef argName = name == "schema" ? "map" : "name";
    SmallVector<const AttributeArg *, 2> positional =
        checkArgNames(attr, {argName});
    const AttributeArg *value = attr.getArg(argName);
    if (value && !positional.empty())
      reportArgs(attr, positional.front()->range, "the name is given twice");
    if (!value && !positional.empty())
      value = positional.front();
    for (size_t i = 1; i < positional.size(); ++i)
      reportArgs(attr, positional[i]->range, "expected a single name");
    if (!value)
      reportArgs(attr, attr.range, "expected a name, e.g. (\"table_name\")");
    checkNonEmptyString(attr, value);
    return;
  }
  if (name == "ignore" || name == "updatedAt" ||
      (onField && name == "shardKey")) {
    if (!attr.args.empty())
      reportArgs(attr, attr.args.front().range, "takes no arguments");
    return;
  }
  if (onField && (name == "id" || name == "unique")) {
    noPositional(checkArgNames(attr, {"map", "length", "sort", "clustered"}));
    checkNonEmptyString(attr, attr.getArg("map"));
    checkConstant(attr, attr.getArg("sort"), {"Asc", "Desc"});
    checkConstant(attr, attr.getArg("clustered"), {"true", "false"});
    return;
  }
  if (onField && name == "default") {
    SmallVector<const AttributeArg *, 2> positional =
        checkArgNames(attr, {"value", "map"});
    const AttributeArg *value = attr.getArg("value");
    size_t count = positional.size() + (value ? 1 : 0);
    if (count == 0) {
      reportArgs(attr, attr.range, "expected a default value");
      return;
    }
    if (count > 1) {
      reportArgs(attr, positional.back()->range, "expected a single value");
      return;
    }
    if (!value)
      value = positional.front();
    checkNonEmptyString(attr, attr.getArg("map"));
    const Expr &expr = value->value;
    if (expr.isCall())
      checkDefaultFunction(attr, expr);
    return;
  }
  if (onField && name == "relation") {
    SmallVector<const AttributeArg *, 2> positional = checkArgNames(
        attr, {"name", "fields", "references", "onDelete", "onUpdate", "map"});
    const AttributeArg *relationName = attr.getArg("name");
    if (relationName && !positional.empty())
      reportArgs(attr, positional.front()->range,
                 "the relation name is given twice");
    if (!relationName && !positional.empty())
      relationName = positional.front();
    for (size_t i = 1; i < positional.size(); ++i)
      reportArgs(attr, positional[i]->range,
                 "unexpected positional argument; name it");
    checkNonEmptyString(attr, relationName);
    checkNonEmptyString(attr, attr.getArg("map"));
    for (StringRef list : {"fields", "references"})
      if (const AttributeArg *arg = attr.getArg(list);
          arg && !arg->value.isArray())
        reportArgs(attr, arg->value.range,
                   "'" + list + "' must be a list of fields, e.g. [a, b]");
    for (StringRef action : {"onDelete", "onUpdate"})
      checkConstant(
          attr, attr.getArg(action),
          {"Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"});
    return;
  }
  if (onField)
    return;

  // Block attributes with a field list.
  if (name == "id") {
    checkFieldList(attr,
                   checkArgNames(attr, {"fields", "name", "map", "clustered"}));
    checkNonEmptyString(attr, attr.getArg("name"));
    checkNonEmptyString(attr, attr.getArg("map"));
    checkConstant(attr, attr.getArg("clustered"), {"true", "false"});
    return;
  }
  if (name == "unique") {
    checkFieldList(attr, checkArgNames(attr, {"fields", "name", "map",
                                              "clustered", "where"}));
    checkNonEmptyString(attr, attr.getArg("name"));
    checkNonEmptyString(attr, attr.getArg("map"));
    checkConstant(attr, attr.getArg("clustered"), {"true", "false"});
    checkPartialIndex(attr);
    return;
  }
  if (name == "index") {
    checkFieldList(attr, checkArgNames(attr, {"fields", "name", "map", "type",
                                              "clustered", "where"}));
    checkPartialIndex(attr);
    checkNonEmptyString(attr, attr.getArg("name"));
    checkNonEmptyString(attr, attr.getArg("map"));
    if (attr.getArg("name") && attr.getArg("map"))
      reportArgs(attr, attr.getArg("name")->range,
                 "'name' is a legacy alias of 'map'; give only 'map'");
    checkConstant(attr, attr.getArg("type"),
                  {"BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"});
    checkConstant(attr, attr.getArg("clustered"), {"true", "false"});
    return;
  }
  if (name == "fulltext") {
    checkFieldList(attr, checkArgNames(attr, {"fields", "map"}));
    checkNonEmptyString(attr, attr.getArg("map"));
    return;
  }
  if (name == "shardKey") {
    checkFieldList(attr, checkArgNames(attr, {"fields"}));
    return;
  }
  (void)site;
}

void ModelChecker::checkAttributes(ArrayRef<Attribute> attrs, AttrSite site,
                                   StringRef ownerName) {
  std::string owner = (describeSite(site) + " '" + ownerName + "'").str();
  SmallVector<const Attribute *, 4> seen;
  bool onField = isFieldSite(site);
  for (const Attribute &attr : attrs) {
    if (!isKnown(attr, site)) {
      InFlightDiagnostic diag =
          diags.report(DiagID::DBUnknownAttribute, attr.range);
      diag << spell(attr) << owner;
      StringRef name = attr.name.name;
      bool isFieldAttribute =
          llvm::is_contained(getKnownAttributes(AttrSite::ModelField), name);
      if (site == AttrSite::RelationField &&
          (name == "map" || name == "unique" || name.contains('.')))
        diag.fix(NoteID::FixRelationAttributeOnColumn) << name;
      else if (site == AttrSite::ScalarField && name == "relation")
        diag.fix(NoteID::FixRelationOnScalar);
      else if (onField && (name == "index" || name == "fulltext"))
        diag.fix(NoteID::FixIndexIsBlockAttribute) << name;
      else if (attr.isBlock && onField)
        diag.fix(NoteID::FixBlockAttributeOwnLine);
      else if (!attr.isBlock && !onField)
        diag.fix(NoteID::FixBlockAttributeAtSigns) << name;
      else if (attr.isBlock && isFieldAttribute && name != "map" &&
               site != AttrSite::Enum)
        diag.fix(NoteID::FixFieldAttributeOnField) << name;
      else if (name.contains('.') && onField)
        diag.fix(NoteID::FixNativeTypePrefix)
            << datasourceName << name.split('.').second;
      else {
        ClosestMatch match(name, /*cap=*/2);
        for (StringRef known : getKnownAttributes(site))
          match.consider(known);
        if (!match.get().empty())
          diag.fix(NoteID::DidYouMean, attr.name.range, match.get())
              << (attr.isBlock ? "@@" : "@") + match.get();
      }
      continue;
    }
    // One native type per field, whatever its name.
    auto sameKind = [&](const Attribute *other) {
      if (onField && attr.name.name.contains('.'))
        return other->name.name.contains('.');
      return other->name.name == attr.name.name;
    };
    const Attribute *const *first = llvm::find_if(seen, sameKind);
    if (first != seen.end() && !isRepeatable(attr)) {
      (diags.report(DiagID::DBDuplicateAttribute, attr.range)
       << spell(attr) << owner)
          .note((*first)->range, NoteID::FirstGivenHere);
      continue;
    }
    seen.push_back(&attr);
    checkArguments(attr, site);
  }
}

/// The fields of \p index, if every one of them is a required, non-list
/// scalar field of \p model (Prisma's condition for a unique criterion).
static bool isRequiredCriterion(const Model &model, const Index &index) {
  if (index.fields.empty())
    return false;
  for (const IndexField &indexField : index.fields) {
    const Field *field = model.findField(indexField.name.name);
    if (!field || field->isOptional || field->isList || field->isRelation() ||
        field->type == TypeKind::Unsupported)
      return false;
  }
  return true;
}

void ModelChecker::checkUniqueCriterion(const Model &model) {
  if (model.isView)
    return;
  // Ignored models are not part of the client; Prisma exempts them.
  if (llvm::any_of(model.blockAttributes, [](const Attribute &attr) {
        return attr.name.name == "ignore";
      }))
    return;
  const Index *optionalUnique = nullptr;
  for (const Index &index : model.indexes) {
    if (!index.isUniqueCriterion())
      continue;
    if (index.kind == Index::Kind::Primary || isRequiredCriterion(model, index))
      return;
    if (!optionalUnique)
      optionalUnique = &index;
  }
  if (llvm::any_of(model.fields, [](const Field &f) { return f.isId; }))
    return;
  InFlightDiagnostic diag =
      diags.report(DiagID::DBModelNoUnique, model.name.range);
  diag << model.name.name;
  if (optionalUnique)
    diag.note(optionalUnique->range, NoteID::OptionalUniqueIgnored);
}

/// Why \p field cannot be (part of) a primary key; empty when it can.
static StringRef whyNotKeyField(const Field &field) {
  if (field.isRelation())
    return "a relation field";
  if (field.isList)
    return "a list";
  if (field.isOptional)
    return "optional";
  if (field.type == TypeKind::Unsupported)
    return "of type Unsupported";
  return "";
}

void ModelChecker::checkPrimaryKeys(const Model &model) {
  SmallVector<SMRange, 2> definitions;
  for (const Field &field : model.fields)
    if (field.isId) {
      const Attribute *attr = field.getAttribute("id");
      SMRange range = attr ? attr->range : field.name.range;
      definitions.push_back(range);
      if (StringRef why = whyNotKeyField(field); !why.empty())
        diags.report(DiagID::DBKeyFieldInvalid, range)
            << field.name.name << why;
    }
  bool sawBlock = false;
  for (const Attribute &attr : model.blockAttributes)
    if (attr.name.name == "id") {
      definitions.push_back(attr.range);
      sawBlock = true;
    }
  for (const Index &index : model.indexes) {
    if (index.kind != Index::Kind::Primary || index.isFieldLevel)
      continue;
    if (!sawBlock)
      definitions.push_back(index.range);
    for (const IndexField &indexField : index.fields)
      if (const Field *field = model.findField(indexField.name.name))
        if (StringRef why = whyNotKeyField(*field); !why.empty())
          diags.report(DiagID::DBKeyFieldInvalid, indexField.name.range)
              << field->name.name << why;
  }
  if (definitions.size() < 2)
    return;
  // Prisma reports this on the model; the notes show every definition.
  InFlightDiagnostic diag =
      diags.report(DiagID::DBMultipleIds, model.name.range);
  diag << model.name.name;
  for (SMRange range : definitions)
    diag.note(range, NoteID::PrimaryKeyDefinedHere);
}

void ModelChecker::checkDatasources() {
  if (schema.datasources.empty()) {
    if (schema.bufferIDs.empty())
      return;
    const MemoryBuffer *buffer =
        diags.getSourceManager().getBuffer(schema.bufferIDs.front());
    diags.report(DiagID::DBDatasourceMissing,
                 SMLoc::getFromPointer(buffer->getBufferStart()))
        << kAssumedProvider;
    return;
  }
  const ConfigBlock &first = schema.datasources.front();
  for (size_t i = 1; i < schema.datasources.size(); ++i)
    diags
        .report(DiagID::DBDatasourceDuplicate, schema.datasources[i].name.range)
        .note(first.name.range, NoteID::FirstDatasourceHere);

  const ConfigProperty *provider = first.getProperty("provider");
  if (!provider) {
    diags.report(DiagID::DBProviderUnknown, first.name.range) << "(missing)";
    return;
  }
  SMRange blockRange = first.name.range;
  const Expr &value = provider->value;
  StringRef spelled = value.text;
  if (value.isString() && parseProvider(spelled) != Provider::Unknown)
    return;
  InFlightDiagnostic diag =
      diags.report(DiagID::DBProviderUnknown, value.range);
  diag << (value.isCall() ? (spelled + "(...)").str() : spelled.str());
  diag.note(blockRange, NoteID::InThisDatasource);
  if (!value.isString()) {
    diag.fix(NoteID::FixProviderString);
    return;
  }
  ClosestMatch match(spelled, /*cap=*/2);
  for (StringRef known :
       {"postgresql", "mysql", "sqlite", "sqlserver", "mongodb", "cockroachdb"})
    match.consider(known);
  if (!match.get().empty())
    diag.fix(NoteID::DidYouMean) << match.get();
}

void ModelChecker::checkBlocks() {
  for (const Enum &e : schema.enums)
    if (e.values.empty())
      diags.report(DiagID::DBBlockInvalid, e.name.range)
          << "enum" << e.name.name << "an enum needs at least one value";

  bool viewsEnabled = false;
  for (const ConfigBlock &generator : schema.generators) {
    if (!generator.getProperty("provider"))
      diags.report(DiagID::DBBlockInvalid, generator.name.range)
          << "generator" << generator.name.name << "it has no provider";
    if (const ConfigProperty *features =
            generator.getProperty("previewFeatures"))
      for (const Expr &feature : features->value.elements)
        viewsEnabled |=
            feature.isString() && feature.text.equals_insensitive("views");
  }
  // Views are a preview feature (Prisma 6 and 7).
  if (!viewsEnabled)
    for (const Model &model : schema.models)
      if (model.isView)
        diags.report(DiagID::DBBlockInvalid, model.name.range)
            << "view" << model.name.name
            << "views need previewFeatures = [\"views\"] in the generator";

  for (const ConfigBlock &datasource : schema.datasources)
    for (StringRef key : {"relationMode", "referentialIntegrity"})
      if (const ConfigProperty *mode = datasource.getProperty(key)) {
        StringRef why;
        if (!mode->value.isString() ||
            (mode->value.text != "prisma" && mode->value.text != "foreignKeys"))
          why = R"(must be "prisma" or "foreignKeys")";
        else if (mode->value.text == "foreignKeys" &&
                 provider == Provider::MongoDB)
          why = "must be \"prisma\" on MongoDB, which has no foreign keys";
        if (!why.empty())
          (diags.report(DiagID::DBBlockInvalid, mode->value.range)
           << "datasource" << datasource.name.name << (key + " " + why).str())
              .note(datasource.name.range, NoteID::InThisDatasource);
      }
}

//===----------------------------------------------------------------------===//
// Datasource properties and generators
//===----------------------------------------------------------------------===//

/// Whether two datasource values name the same database: the same string,
/// or env() of the same variable.
static bool isSameURL(const Expr &a, const Expr &b) {
  if (a.isString() && b.isString())
    return a.text == b.text;
  if (a.isCall() && b.isCall() && a.text == "env" && b.text == "env" &&
      a.elements.size() == 1 && b.elements.size() == 1 &&
      a.elements.front().isString() && b.elements.front().isString())
    return a.elements.front().text == b.elements.front().text;
  return false;
}

void ModelChecker::checkDatasourceProperties(const ConfigBlock &datasource) {
  for (const ConfigProperty &prop : datasource.properties) {
    StringRef key = prop.key.name;
    bool known =
        StringSwitch<bool>(key)
            .Cases("provider", "url", "shadowDatabaseUrl", "directUrl",
                   "relationMode", "referentialIntegrity", "schemas", true)
            .Case("extensions", supportsExtensions(provider))
            .Default(false);
    if (!known) {
      InFlightDiagnostic diag =
          diags.report(DiagID::DBDatasourceProperty, prop.key.range);
      diag << key;
      if (key == "extensions")
        diag << ("is not known for provider '" + getProviderName(provider) +
                 "': extensions are PostgreSQL's")
                    .str();
      else
        diag << "is not known";
      if (key == "namespaces")
        diag.fix(NoteID::FixSchemasProperty, prop.key.range, "schemas");
      continue;
    }
    // Prisma 7 reads connection URLs from prisma.config.ts (a datasource
    // with `url` is a Prisma 6 schema, see DBPrismaRules.h).
    if (generation == PrismaGeneration::V7 &&
        (key == "url" || key == "directUrl" || key == "shadowDatabaseUrl"))
      diags.report(DiagID::DBDatasourceProperty, prop.key.range)
          << key
          << "is no longer supported in schema files by Prisma 7; move "
             "connection URLs to prisma.config.ts";
  }
  const ConfigProperty *mode = datasource.getProperty("relationMode");
  const ConfigProperty *legacy = datasource.getProperty("referentialIntegrity");
  if (mode && legacy)
    (diags.report(DiagID::DBDatasourceProperty, legacy->key.range)
     << "referentialIntegrity"
     << "cannot be used together with 'relationMode' (its newer name)")
            .note(mode->key.range, NoteID::PropertySetHere)
        << "relationMode";
  if (generation == PrismaGeneration::V6)
    checkShadowDatabase(datasource);
  if (const ConfigProperty *schemas = datasource.getProperty("schemas"))
    checkSchemasProperty(*schemas);
  if (const ConfigProperty *extensions = datasource.getProperty("extensions");
      extensions && supportsExtensions(provider))
    checkExtensions(*extensions);
}

void ModelChecker::checkShadowDatabase(const ConfigBlock &datasource) {
  const ConfigProperty *shadow = datasource.getProperty("shadowDatabaseUrl");
  if (!shadow)
    return;
  for (StringRef key : {"url", "directUrl"})
    if (const ConfigProperty *other = datasource.getProperty(key);
        other && isSameURL(other->value, shadow->value))
      (diags.report(DiagID::DBShadowDatabaseURL, other->value.range) << key)
              .note(shadow->value.range, NoteID::PropertySetHere)
          << "shadowDatabaseUrl";
}

void ModelChecker::checkSchemasProperty(const ConfigProperty &schemas) {
  const Expr &value = schemas.value;
  if (!supportsMultiSchema(provider)) {
    diags.report(DiagID::DBProviderUnsupported, value.range)
        << "the 'schemas' property (several database schemas)"
        << getProviderName(provider);
    return;
  }
  if (!value.isArray()) {
    if (!value.isString())
      diags.report(DiagID::DBSchemasInvalid, value.range)
          << R"(expected a list of schema names, e.g. ["public", "audit"])";
    return;
  }
  if (value.elements.empty()) {
    diags.report(DiagID::DBSchemasInvalid, value.range)
        << "the list cannot be empty";
    return;
  }
  StringMap<SMRange> seen;
  for (const Expr &element : value.elements) {
    if (!element.isString()) {
      diags.report(DiagID::DBSchemasInvalid, element.range)
          << "expected a string, not '" +
                 StringRef(element.range.Start.getPointer(),
                           element.range.End.getPointer() -
                               element.range.Start.getPointer())
                     .str() +
                 "'";
      continue;
    }
    auto [it, inserted] = seen.try_emplace(element.text, element.range);
    if (!inserted)
      (diags.report(DiagID::DBSchemasInvalid, element.range)
       << ("schema '" + element.text + "' is listed twice").str())
          .note(it->second, NoteID::FirstListedHere);
  }
}

void ModelChecker::checkExtensions(const ConfigProperty &extensions) {
  if (!hasPreviewFeature(schema, "postgresqlExtensions")) {
    diags.report(DiagID::DBPreviewFeatureRequired, extensions.key.range)
        << "the 'extensions' property"
        << "postgresqlExtensions";
    return;
  }
  auto checkOne = [&](const Expr &ext) {
    if (!ext.isConstant() && !ext.isCall()) {
      diags.report(DiagID::DBExtensionInvalid, ext.range)
          << "expected an extension name such as postgis or "
             "pg_trgm(schema: \"public\"), not a " +
                 std::string(ext.isString() ? "string" : "value");
      return;
    }
    StringRef name = ext.text;
    SMRange nameRange(
        ext.range.Start,
        SMLoc::getFromPointer(ext.range.Start.getPointer() + name.size()));
    if (name.contains('-'))
      diags.report(DiagID::DBExtensionInvalid, nameRange)
          << "'" + name.str() +
                 "': '-' is not allowed in extension names; map it, e.g. " +
                 name.str().substr(0, 0) + "uuid_ossp(map: \"uuid-ossp\")";
    else if (!name.empty() && isDigit(name.front()))
      diags.report(DiagID::DBExtensionInvalid, nameRange)
          << "'" + name.str() +
                 "': an extension name cannot start with a digit";
    if (!ext.isCall())
      return;
    SmallVector<StringRef, 3> seen;
    for (size_t i = 0; i < ext.elements.size(); ++i) {
      const Expr &arg = ext.elements[i];
      StringRef argName =
          i < ext.elementNames.size() ? ext.elementNames[i].name : StringRef();
      if (argName.empty()) {
        diags.report(DiagID::DBExtensionInvalid, arg.range)
            << "the arguments of '" + name.str() +
                   "' are named: schema, version or map";
        continue;
      }
      SMRange at = ext.elementNames[i].range;
      if (argName != "schema" && argName != "version" && argName != "map") {
        diags.report(DiagID::DBExtensionInvalid, at)
            << "unknown argument '" + argName.str() + "' of '" + name.str() +
                   "'; expected schema, version or map";
        continue;
      }
      if (llvm::is_contained(seen, argName)) {
        diags.report(DiagID::DBExtensionInvalid, at)
            << "argument '" + argName.str() + "' of '" + name.str() +
                   "' is given twice";
        continue;
      }
      seen.push_back(argName);
      if (!arg.isString())
        diags.report(DiagID::DBExtensionInvalid, arg.range)
            << "the '" + argName.str() + "' of '" + name.str() +
                   "' must be a string, e.g. \"2.1\"";
    }
  };
  if (extensions.value.isArray())
    for (const Expr &ext : extensions.value.elements)
      checkOne(ext);
  else
    checkOne(extensions.value);
}

void ModelChecker::checkPreviewFeatures() {
  for (const ConfigBlock &generator : schema.generators) {
    const ConfigProperty *features = generator.getProperty("previewFeatures");
    if (!features)
      continue;
    for (const Expr &feature : features->value.elements) {
      if (!feature.isString())
        continue;
      if (getPreviewFeatureStatus(feature.text, generation, provider) !=
          PreviewFeatureStatus::Unknown)
        continue;
      std::string to = getGenerationName(generation).str();
      if (feature.text.equals_insensitive("fullTextSearchPostgres"))
        to += " on provider '" + getProviderName(provider).str() + "'";
      diags.report(DiagID::DBPreviewFeatureUnknown, feature.range)
          << feature.text << to;
    }
  }
}

//===----------------------------------------------------------------------===//
// Multi-schema
//===----------------------------------------------------------------------===//

void ModelChecker::checkMultiSchema() {
  // The schemas the datasource lists, when it lists them well.
  StringSet<> listed;
  bool hasList = false;
  if (!schema.datasources.empty())
    if (const ConfigProperty *schemas =
            schema.datasources.front().getProperty("schemas");
        schemas && supportsMultiSchema(provider)) {
      // A single name stands for a list of one.
      if (schemas->value.isString())
        listed.insert(schemas->value.text);
      for (const Expr &element : schemas->value.elements)
        if (element.isString())
          listed.insert(element.text);
      hasList = !listed.empty();
    }
  auto check = [&](ArrayRef<Attribute> attrs, StringRef kind,
                   const Ident &name) {
    Ident placed = getSchemaName(attrs);
    if (placed.empty()) {
      if (hasList && !llvm::any_of(attrs, [](const Attribute &attr) {
            return attr.name.name == "schema";
          }))
        diags.report(DiagID::DBSchemaMissing, name.range) << kind << name.name;
      return;
    }
    if (!supportsMultiSchema(provider)) {
      diags.report(DiagID::DBProviderUnsupported, placed.range)
          << "@@schema (several database schemas)" << getProviderName(provider);
      return;
    }
    if (!listed.contains(placed.name))
      diags.report(DiagID::DBSchemaUnknown, placed.range) << placed.name;
  };
  for (const Model &model : schema.models)
    check(model.blockAttributes, model.isView ? "view" : "model", model.name);
  for (const Enum &e : schema.enums)
    check(e.blockAttributes, "enum", e.name);
}

//===----------------------------------------------------------------------===//
// Shard keys, views, MongoDB names
//===----------------------------------------------------------------------===//

void ModelChecker::checkShardKeys(const Model &model) {
  SmallVector<const Attribute *, 2> fieldKeys;
  SmallVector<const Field *, 2> keyFields;
  const Attribute *blockKey = nullptr;
  for (const Field &field : model.fields)
    if (const Attribute *attr = field.getAttribute("shardKey")) {
      fieldKeys.push_back(attr);
      keyFields.push_back(&field);
    }
  for (const Attribute &attr : model.blockAttributes)
    if (attr.name.name == "shardKey" && !blockKey)
      blockKey = &attr;
  if (fieldKeys.empty() && !blockKey)
    return;
  const Attribute &first = fieldKeys.empty() ? *blockKey : *fieldKeys.front();
  if (!hasPreviewFeature(schema, "shardKeys")) {
    diags.report(DiagID::DBPreviewFeatureRequired, first.range) << "a shard key"
                                                                << "shardKeys";
    return;
  }
  if (!supportsShardKeys(provider)) {
    diags.report(DiagID::DBProviderUnsupported, first.range)
        << "a shard key" << getProviderName(provider);
    return;
  }
  bool ignored = llvm::any_of(model.blockAttributes, [](const Attribute &a) {
    return a.name.name == "ignore";
  });
  if (fieldKeys.size() > 1) {
    InFlightDiagnostic diag =
        diags.report(DiagID::DBShardKey, model.name.range);
    diag << model.name.name << "at most one field may be marked @shardKey";
    for (const Attribute *attr : fieldKeys)
      diag.note(attr->range, NoteID::MarkedHere);
  } else if (!fieldKeys.empty() && blockKey) {
    (diags.report(DiagID::DBShardKey, model.name.range)
     << model.name.name << "@shardKey and @@shardKey cannot both be given")
            .note(blockKey->range, NoteID::AttributeIsHere)
        << "@@shardKey";
  }
  if (!ignored)
    for (size_t i = 0; i < keyFields.size(); ++i)
      if (keyFields[i]->isOptional)
        diags.report(DiagID::DBShardKey, fieldKeys[i]->range)
            << model.name.name
            << ("field '" + keyFields[i]->name.name +
                "' is optional; shard key fields must be required")
                   .str();
  if (!blockKey)
    return;
  const AttributeArg *list = blockKey->getArg("fields");
  if (!list)
    list = blockKey->getArg("");
  if (!list)
    return; // DB023 already.
  SmallVector<const Expr *, 4> elements;
  if (list->value.isArray())
    for (const Expr &element : list->value.elements)
      elements.push_back(&element);
  else
    elements.push_back(&list->value);
  if (list->value.isArray() && elements.empty()) {
    diags.report(DiagID::DBIndexEmpty, blockKey->range) << "@@shardKey";
    return;
  }
  for (const Expr *element : elements) {
    if (!element->isConstant()) {
      reportArgs(*blockKey, element->range,
                 "expected a field name, e.g. [region], not " +
                     Twine(element->isString() ? "a string"
                           : element->isCall() ? "a field with arguments"
                                               : "a value"));
      continue;
    }
    const Field *field = model.findField(element->text);
    if (!field) {
      diags.report(DiagID::DBIndexUnknownField, element->range)
          << "@@shardKey" << element->text << model.name.name;
    } else if (field->isRelation()) {
      diags.report(DiagID::DBIndexRelationField, element->range)
          << "@@shardKey" << element->text;
    } else if (field->isOptional && !ignored) {
      diags.report(DiagID::DBShardKey, element->range)
          << model.name.name
          << ("field '" + element->text +
              "' is optional; shard key fields must be required")
                 .str();
    }
  }
}

void ModelChecker::checkViewKeys(const Model &model) {
  if (!model.isView)
    return;
  for (const Field &field : model.fields)
    if (const Attribute *attr = field.getAttribute("id"))
      diags.report(DiagID::DBViewKey, attr->range)
          << model.name.name << "a primary key (@id); use @unique";
  for (const Attribute &attr : model.blockAttributes) {
    if (attr.name.name == "id")
      diags.report(DiagID::DBViewKey, attr.range)
          << model.name.name << "a primary key (@@id); use @@unique";
    else if (attr.name.name == "index" || attr.name.name == "fulltext")
      diags.report(DiagID::DBViewKey, attr.range)
          << model.name.name
          << ("indexes (@@" + attr.name.name +
              "): a view has no storage to "
              "index")
                 .str();
  }
}

/// `where:` makes a partial index: a Prisma 7 preview feature, on
/// PostgreSQL and CockroachDB, with a non-empty SQL condition.
void ModelChecker::checkPartialIndex(const Attribute &attr) {
  const AttributeArg *where = attr.getArg("where");
  if (!where)
    return;
  if (generation == PrismaGeneration::V6) {
    reportArgs(attr, where->name.range,
               "unknown argument 'where' (partial indexes are Prisma 7's)");
    return;
  }
  if (!hasPreviewFeature(schema, "partialIndexes")) {
    diags.report(DiagID::DBPreviewFeatureRequired, where->name.range)
        << "a partial index (where:)"
        << "partialIndexes";
    return;
  }
  if (provider != Provider::PostgreSQL && provider != Provider::CockroachDB) {
    diags.report(DiagID::DBProviderUnsupported, where->name.range)
        << "a partial index (where:)" << getProviderName(provider);
    return;
  }
  // raw("SQL condition"), or an object of field conditions
  // ({ active: true }).
  const Expr &value = where->value;
  if (value.kind == Expr::Kind::Object) {
    if (value.elements.empty())
      reportArgs(attr, value.range, "'where' cannot be empty");
    return;
  }
  if (!value.isCall() || value.text != "raw" || value.elements.size() != 1 ||
      !value.elements.front().isString())
    reportArgs(attr, value.range,
               "'where' takes raw(\"SQL condition\"), e.g. where: "
               "raw(\"status = 'active'\")");
  else if (value.elements.front().text.trim().empty())
    reportArgs(attr, value.range, "'where' cannot be empty");
}

void ModelChecker::checkMongoFieldNames(const Model &model) {
  // MongoDB document keys: no '.', no leading '$'.
  for (const Field &field : model.fields) {
    if (field.mappedName.empty())
      continue;
    StringRef name = field.mappedName.name;
    const Attribute *attr = field.getAttribute("map");
    if (!attr)
      continue;
    if (name.contains('.'))
      reportArgs(*attr, field.mappedName.range,
                 "a MongoDB field name cannot contain '.'");
    else if (name.starts_with("$"))
      reportArgs(*attr, field.mappedName.range,
                 "a MongoDB field name cannot start with '$'");
  }
}

void ModelChecker::run() {
  if (isText) {
    checkDatasources();
    checkBlocks();
    if (!schema.datasources.empty())
      checkDatasourceProperties(schema.datasources.front());
    checkPreviewFeatures();
    checkMultiSchema();
  }
  for (const Model &model : schema.models) {
    checkUniqueCriterion(model);
    checkPrimaryKeys(model);
    if (!isText)
      continue;
    checkAutoincrement(model);
    checkShardKeys(model);
    checkViewKeys(model);
    if (provider == Provider::MongoDB)
      checkMongoFieldNames(model);
    checkAttributes(model.blockAttributes,
                    model.isView ? AttrSite::View : AttrSite::Model,
                    model.name.name);
    for (const Field &field : model.fields)
      checkAttributes(field.attributes,
                      field.isRelation() ? AttrSite::RelationField
                      : field.type == TypeKind::Unknown ? AttrSite::ModelField
                                                        : AttrSite::ScalarField,
                      field.name.name);
  }
  if (!isText)
    return;
  for (const Enum &e : schema.enums)
    checkAttributes(e.blockAttributes, AttrSite::Enum, e.name.name);
  for (const CompositeType &type : schema.compositeTypes) {
    for (const Field &field : type.fields)
      checkAttributes(field.attributes, AttrSite::CompositeField,
                      field.name.name);
    checkAttributes(type.blockAttributes, AttrSite::CompositeType,
                    type.name.name);
  }
}

namespace {
struct DBModelsPass : SchemaPass<DBModelsPass> {
  static constexpr StringLiteral argument = "db-models";
  static constexpr StringLiteral description =
      "Checks models, attributes and the datasource: unique criteria, "
      "primary keys, attribute names and arguments, providers.";

  void run(const Schema &schema, AnalysisManager &, DiagnosticEngine &diags) {
    ModelChecker(schema, diags).run();
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBModelsPass() {
  return std::make_unique<DBModelsPass>();
}
