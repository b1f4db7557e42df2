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
/// The attribute set is Prisma 6's (prisma-engines, psl/parser-database/src/
/// attributes.rs): on fields @id @unique @default @relation @map @updatedAt
/// @ignore @shardKey and the datasource's native types (@db.*); on models
/// and views @@id @@unique @@index @@fulltext @@map @@ignore @@schema
/// @@shardKey; on enums @@map @@schema. Attributes exist only in Prisma
/// text; the unique-criterion checks run on AutoBe's AST too.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
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
  Enum
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
    SmallVector<const AttributeArg *, 2> positional =
        checkArgNames(attr, {"name"});
    const AttributeArg *value = attr.getArg("name");
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
  if (name == "id" || name == "unique") {
    checkFieldList(attr,
                   checkArgNames(attr, {"fields", "name", "map", "clustered"}));
    checkNonEmptyString(attr, attr.getArg("name"));
    checkNonEmptyString(attr, attr.getArg("map"));
    checkConstant(attr, attr.getArg("clustered"), {"true", "false"});
    return;
  }
  if (name == "index") {
    checkFieldList(attr, checkArgNames(attr, {"fields", "name", "map", "type",
                                              "clustered"}));
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
        diag.fix("a relation field is not a column: put @" + name.str() +
                 " on its foreign key field");
      else if (site == AttrSite::ScalarField && name == "relation")
        diag.fix("only a field whose type is a model takes @relation");
      else if (onField && (name == "index" || name == "fulltext"))
        diag.fix("indexes are block attributes: add @@" + name.str() +
                 "([...]) to the model");
      else if (attr.isBlock && onField)
        diag.fix("block attributes (@@) go on a line of their own in the "
                 "model");
      else if (!attr.isBlock && !onField)
        diag.fix("block attributes take two at signs: @@" + name.str());
      else if (attr.isBlock && isFieldAttribute && name != "map" &&
               site != AttrSite::Enum)
        diag.fix("@" + name.str() +
                 " is a field attribute: put it on the "
                 "field");
      else if (name.contains('.') && onField)
        diag.fix("native types take the datasource's name: @" +
                 datasourceName.str() + "." + name.split('.').second.str());
      else {
        ClosestMatch match(name, /*cap=*/2);
        for (StringRef known : getKnownAttributes(site))
          match.consider(known);
        if (!match.get().empty())
          diag.fix("did you mean '" + std::string(attr.isBlock ? "@@" : "@") +
                       match.get().str() + "'?",
                   attr.name.range, match.get());
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
          .note((*first)->range, "first given here");
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
    diag.note(optionalUnique->range,
              "a unique constraint over optional fields does not count");
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
    diag.note(range, "primary key defined here");
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
        .note(first.name.range, "first datasource is here");

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
  diag.note(blockRange, "in this datasource");
  if (!value.isString()) {
    diag.fix("the provider must be a string literal, e.g. \"postgresql\"");
    return;
  }
  ClosestMatch match(spelled, /*cap=*/2);
  for (StringRef known :
       {"postgresql", "mysql", "sqlite", "sqlserver", "mongodb", "cockroachdb"})
    match.consider(known);
  if (!match.get().empty())
    diag.fix("did you mean '" + match.get().str() + "'?");
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
    if (const ConfigProperty *mode = datasource.getProperty("relationMode"))
      if (!mode->value.isString() ||
          (mode->value.text != "prisma" && mode->value.text != "foreignKeys"))
        (diags.report(DiagID::DBBlockInvalid, mode->value.range)
         << "datasource" << datasource.name.name
         << "relationMode must be \"prisma\" or \"foreignKeys\"")
            .note(datasource.name.range, "in this datasource");
}

void ModelChecker::run() {
  if (isText) {
    checkDatasources();
    checkBlocks();
  }
  for (const Model &model : schema.models) {
    checkUniqueCriterion(model);
    checkPrimaryKeys(model);
    if (!isText)
      continue;
    checkAutoincrement(model);
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
  for (const CompositeType &type : schema.compositeTypes)
    for (const Field &field : type.fields)
      checkAttributes(field.attributes, AttrSite::CompositeField,
                      field.name.name);
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
