//===- AutoBeDB.cpp - AutoBe DB AST (prisma.json) frontend ----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads AutoBe's DB AST (`AutoBePrisma.IApplication`, 2025, and
/// `AutoBeDatabase.IApplication`, 2026) from its JSON and lowers it into the
/// DB IR:
///
///   files[] ── models[] ─┬─ primaryField        -> Field (isId)
///                        ├─ foreignFields[]     -> FK Field + relation Field
///                        ├─ plainFields[]       -> Field (@default if given)
///                        ├─ uniqueIndexes[]     -> Index (Unique)
///                        ├─ plainIndexes[]      -> Index (Plain)
///                        └─ ginIndexes[]        -> Index (Plain, Gin)
///
/// The reader checks the shape as it goes: a value of the wrong JSON type
/// (AB001), a missing required key (AB002), an unknown key (AB003, a remark:
/// models invent keys such as `targetField`), an unknown field type (AB004)
/// or stance (AB005). A malformed node is skipped and the rest is lowered.
///
/// Locations: an Ident's range is the JSON string value it was read from
/// (quotes included); a model's or field's range is its whole object (for
/// a relation field, the `relation` object); an index's range is its
/// object. A scalar field's typeName is the Prisma spelling ("String")
/// located at the AutoBe `type` value, whose spelling ("uuid") is kept in
/// Field::autobeType. A relation's references name the target model's
/// primary key ("id" when the target is unknown), located at `targetModel`.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/AutoBe/AutoBeDB.h"

#include "AutoBeShape.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/MemoryBuffer.h"

#include <iterator>
#include <string>

using namespace abv;
using namespace abv::db;
using llvm::StringRef;
using namespace abv::autobe;

namespace {

// The keys of every AST object, in the order of the AutoBe interfaces.
// Keys not listed are reported as unknown (AB003) and ignored.
constexpr KeySpec rootKeys[] = {{"files", Expect::Array, true}};
constexpr KeySpec fileKeys[] = {{"filename", Expect::String, true},
                                {"namespace", Expect::String, true},
                                {"models", Expect::Array, true}};
enum ModelKey {
  MName,
  MDescription,
  MMaterial,
  MStance,
  MPrimaryField,
  MForeignFields,
  MPlainFields,
  MUniqueIndexes,
  MPlainIndexes,
  MGinIndexes
};
constexpr KeySpec modelKeys[] = {{"name", Expect::String, true},
                                 {"description", Expect::String, true},
                                 {"material", Expect::Boolean, true},
                                 {"stance", Expect::String, true},
                                 {"primaryField", Expect::Object, true},
                                 {"foreignFields", Expect::Array, true},
                                 {"plainFields", Expect::Array, true},
                                 {"uniqueIndexes", Expect::Array, true},
                                 {"plainIndexes", Expect::Array, true},
                                 {"ginIndexes", Expect::Array, true}};
constexpr KeySpec primaryFieldKeys[] = {{"name", Expect::String, true},
                                        {"type", Expect::String, true},
                                        {"description", Expect::String, true}};
enum ForeignFieldKey {
  FName,
  FType,
  FDescription,
  FRelation,
  FUnique,
  FNullable
};
constexpr KeySpec foreignFieldKeys[] = {
    {"name", Expect::String, true},        {"type", Expect::String, true},
    {"description", Expect::String, true}, {"relation", Expect::Object, true},
    {"unique", Expect::Boolean, true},     {"nullable", Expect::Boolean, true},
};
enum RelationKey { RName, RTargetModel, RMappingName, ROppositeName };
constexpr KeySpec relationKeys[] = {{"name", Expect::String, true},
                                    {"targetModel", Expect::String, true},
                                    {"mappingName", Expect::String, false},
                                    {"oppositeName", Expect::String, false}};
enum PlainFieldKey { PName, PType, PDescription, PNullable, PDefault };
constexpr KeySpec plainFieldKeys[] = {{"name", Expect::String, true},
                                      {"type", Expect::String, true},
                                      {"description", Expect::String, true},
                                      {"nullable", Expect::Boolean, true},
                                      {"default", Expect::Any, false}};
constexpr KeySpec uniqueIndexKeys[] = {{"fieldNames", Expect::Array, true},
                                       {"unique", Expect::Boolean, true}};
constexpr KeySpec plainIndexKeys[] = {{"fieldNames", Expect::Array, true}};
constexpr KeySpec ginIndexKeys[] = {{"fieldName", Expect::String, true}};

constexpr StringRef fieldTypeList =
    "'boolean', 'int', 'double', 'string', 'uri', 'uuid', 'datetime'";
constexpr StringRef stanceList =
    "'primary', 'subsidiary', 'snapshot', 'actor', 'session'";

/// The IR type of an AutoBe field type, or Unknown.
TypeKind getAutoBeTypeKind(StringRef autobeType) {
  return llvm::StringSwitch<TypeKind>(autobeType)
      .Cases("uuid", "string", "uri", TypeKind::String)
      .Case("int", TypeKind::Int)
      .Case("double", TypeKind::Float)
      .Case("boolean", TypeKind::Boolean)
      .Case("datetime", TypeKind::DateTime)
      .Default(TypeKind::Unknown);
}

std::optional<Stance> parseStance(StringRef name) {
  return llvm::StringSwitch<std::optional<Stance>>(name)
      .Case("primary", Stance::Primary)
      .Case("subsidiary", Stance::Subsidiary)
      .Case("snapshot", Stance::Snapshot)
      .Case("actor", Stance::Actor)
      .Case("session", Stance::Session)
      .Default(std::nullopt);
}

/// Reads one prisma.json; one instance per document.
class AutoBeDBReader : ShapeReader {
public:
  AutoBeDBReader(SourceManager &sourceMgr, unsigned bufferID,
                 DiagnosticEngine &diags)
      : ShapeReader(diags), bufferID(bufferID),
        buffer(sourceMgr.getBuffer(bufferID)->getBuffer()) {}

  std::unique_ptr<Schema> read(const json::Value &root);

private:
  StringRef keep(StringRef text) const { return irText.keep(text); }
  Ident ident(const json::Value *value) const { return irText.ident(value); }
  StringRef text(const json::Value *value) const { return irText.text(value); }
  bool boolean(const json::Value *value) {
    return value && value->getAsBoolean().value_or(false);
  }

  /// Sets the type of \p field from the AutoBe type in \p typeValue (AB004
  /// when unknown).
  void setType(Field &field, const json::Value *typeValue);
  Expr toExpr(const json::Value &value);

  void readFile(const json::Value &file, const std::string &path);
  void readModel(const json::Value &modelValue, const std::string &path,
                 StringRef fileName, StringRef autobeNamespace);
  void readPrimaryField(Model &model, const json::Value &value,
                        const std::string &path);
  void readForeignField(Model &model, const json::Value &value,
                        const std::string &path);
  void readPlainField(Model &model, const json::Value &value,
                      const std::string &path);
  /// Reads a `fieldNames` array into \p index.
  void readFieldNames(Index &index, const json::Value *fieldNames,
                      const std::string &path);
  /// Fills in RelationInfo::references once every model is known.
  void resolveReferences();

  unsigned bufferID;
  StringRef buffer;
  std::unique_ptr<Schema> schema;
  IRText<Schema> irText{buffer, schema};
  /// A relation field whose references are filled in at the end, by the
  /// indexes of its model and of the field.
  struct PendingRelation {
    size_t model;
    size_t field;
  };
  std::vector<PendingRelation> pendingRelations;
  /// The primary key of each model read, by model name.
  llvm::StringMap<Ident> primaryKeys;
};

} // namespace

void AutoBeDBReader::setType(Field &field, const json::Value *typeValue) {
  if (!typeValue)
    return;
  StringRef spelling = keep(typeValue->getString());
  field.autobeType = spelling;
  field.type = getAutoBeTypeKind(spelling);
  if (field.type == TypeKind::Unknown) {
    diags.report(DiagID::AutoBeUnknownFieldType, typeValue->getRange())
        << spelling << fieldTypeList;
    field.typeName = Ident{spelling, typeValue->getRange()};
    return;
  }
  // The Prisma spelling, located at the AutoBe type.
  field.typeName = Ident{getTypeKindName(field.type), typeValue->getRange()};
}

Expr AutoBeDBReader::toExpr(const json::Value &value) {
  Expr expr;
  expr.range = value.getRange();
  switch (value.getKind()) {
  case json::Kind::String:
    expr.kind = Expr::Kind::String;
    expr.text = keep(value.getString());
    break;
  case json::Kind::Number:
    expr.kind = Expr::Kind::Number;
    expr.text = value.getSourceText();
    break;
  case json::Kind::Boolean:
  case json::Kind::Null:
  case json::Kind::Object:
    expr.kind = Expr::Kind::Constant;
    expr.text = value.getSourceText();
    break;
  case json::Kind::Array:
    expr.kind = Expr::Kind::Array;
    for (const json::Value &element : value.getElements())
      expr.elements.push_back(toExpr(element));
    break;
  }
  return expr;
}

std::unique_ptr<Schema> AutoBeDBReader::read(const json::Value &root) {
  schema = std::make_unique<Schema>(SchemaOrigin::AutoBeAST);
  schema->bufferIDs.push_back(bufferID);
  Keys<1> keys;
  if (!readObject(root, rootKeys, "", keys) || !keys[0])
    return nullptr; // Not a DB AST at all.
  forEach(keys[0], "files",
          [&](const json::Value &file, const std::string &path) {
            readFile(file, path);
          });
  resolveReferences();
  schema->finalize();
  return std::move(schema);
}

void AutoBeDBReader::readFile(const json::Value &file,
                              const std::string &path) {
  Keys<3> keys;
  if (!readObject(file, fileKeys, path, keys))
    return;
  StringRef fileName = text(keys[0]);
  StringRef autobeNamespace = text(keys[1]);
  forEach(keys[2], child(path, "models"),
          [&](const json::Value &model, const std::string &modelPath) {
            readModel(model, modelPath, fileName, autobeNamespace);
          });
}

void AutoBeDBReader::readModel(const json::Value &modelValue,
                               const std::string &path, StringRef fileName,
                               StringRef autobeNamespace) {
  Keys<std::size(modelKeys)> keys;
  if (!readObject(modelValue, modelKeys, path, keys) || !keys[MName] ||
      !expectNonEmpty(keys[MName], child(path, "name")))
    return;
  schema->models.emplace_back();
  Model &model = schema->models.back();
  model.name = ident(keys[MName]);
  model.range = modelValue.getRange();
  model.doc = text(keys[MDescription]);
  model.fileName = fileName;
  model.autobeNamespace = autobeNamespace;
  model.isMaterial = boolean(keys[MMaterial]);
  if (const json::Value *stance = keys[MStance]) {
    if (std::optional<Stance> parsed = parseStance(stance->getString()))
      model.stance = *parsed;
    else
      diags.report(DiagID::AutoBeUnknownStance, stance->getRange())
          << stance->getString() << stanceList;
  }

  if (keys[MPrimaryField])
    readPrimaryField(model, *keys[MPrimaryField], child(path, "primaryField"));
  forEach(keys[MForeignFields], child(path, "foreignFields"),
          [&](const json::Value &value, const std::string &fieldPath) {
            readForeignField(model, value, fieldPath);
          });
  forEach(keys[MPlainFields], child(path, "plainFields"),
          [&](const json::Value &value, const std::string &fieldPath) {
            readPlainField(model, value, fieldPath);
          });

  forEach(keys[MUniqueIndexes], child(path, "uniqueIndexes"),
          [&](const json::Value &value, const std::string &indexPath) {
            Keys<std::size(uniqueIndexKeys)> indexKeys;
            if (!readObject(value, uniqueIndexKeys, indexPath, indexKeys))
              return;
            Index index;
            index.kind = Index::Kind::Unique;
            index.range = value.getRange();
            readFieldNames(index, indexKeys[0], child(indexPath, "fieldNames"));
            model.indexes.push_back(std::move(index));
          });
  forEach(keys[MPlainIndexes], child(path, "plainIndexes"),
          [&](const json::Value &value, const std::string &indexPath) {
            Keys<std::size(plainIndexKeys)> indexKeys;
            if (!readObject(value, plainIndexKeys, indexPath, indexKeys))
              return;
            Index index;
            index.kind = Index::Kind::Plain;
            index.range = value.getRange();
            readFieldNames(index, indexKeys[0], child(indexPath, "fieldNames"));
            model.indexes.push_back(std::move(index));
          });
  forEach(keys[MGinIndexes], child(path, "ginIndexes"),
          [&](const json::Value &value, const std::string &indexPath) {
            Keys<std::size(ginIndexKeys)> indexKeys;
            if (!readObject(value, ginIndexKeys, indexPath, indexKeys))
              return;
            Index index;
            index.kind = Index::Kind::Plain;
            index.method = Index::Method::Gin;
            index.range = value.getRange();
            // AutoBe writes trigram GIN indexes.
            if (indexKeys[0] &&
                expectNonEmpty(indexKeys[0], child(indexPath, "fieldName")))
              index.fields.push_back(
                  IndexField{ident(indexKeys[0]), "", "gin_trgm_ops"});
            model.indexes.push_back(std::move(index));
          });
}

void AutoBeDBReader::readPrimaryField(Model &model, const json::Value &value,
                                      const std::string &path) {
  Keys<std::size(primaryFieldKeys)> keys;
  if (!readObject(value, primaryFieldKeys, path, keys) || !keys[0] ||
      !expectNonEmpty(keys[0], child(path, "name")))
    return;
  Field field;
  field.name = ident(keys[0]);
  field.range = value.getRange();
  field.doc = text(keys[2]);
  field.isId = true;
  setType(field, keys[1]);
  primaryKeys.try_emplace(model.name.name, field.name);
  model.fields.push_back(std::move(field));
}

void AutoBeDBReader::readForeignField(Model &model, const json::Value &value,
                                      const std::string &path) {
  Keys<std::size(foreignFieldKeys)> keys;
  if (!readObject(value, foreignFieldKeys, path, keys) || !keys[FName] ||
      !expectNonEmpty(keys[FName], child(path, "name")))
    return;
  // The scalar foreign key column.
  Field column;
  column.name = ident(keys[FName]);
  column.range = value.getRange();
  column.doc = text(keys[FDescription]);
  column.isOptional = boolean(keys[FNullable]);
  column.isUnique = boolean(keys[FUnique]);
  setType(column, keys[FType]);
  Ident columnName = column.name;
  bool isOptional = column.isOptional;
  StringRef doc = column.doc;
  model.fields.push_back(std::move(column));

  // The relation field AutoBe's writer declares next to it.
  if (!keys[FRelation])
    return;
  const json::Value &relationValue = *keys[FRelation];
  std::string relationPath = child(path, "relation");
  Keys<std::size(relationKeys)> relationKeyValues;
  if (!readObject(relationValue, relationKeys, relationPath,
                  relationKeyValues) ||
      !relationKeyValues[RName] || !relationKeyValues[RTargetModel] ||
      !expectNonEmpty(relationKeyValues[RName], child(relationPath, "name")) ||
      !expectNonEmpty(relationKeyValues[RTargetModel],
                      child(relationPath, "targetModel")))
    return;
  Field relation;
  relation.name = ident(relationKeyValues[RName]);
  relation.typeName = ident(relationKeyValues[RTargetModel]);
  relation.type = TypeKind::Model;
  relation.isOptional = isOptional;
  relation.range = relationValue.getRange();
  relation.doc = doc;
  RelationInfo info;
  info.name = ident(relationKeyValues[RMappingName]);
  info.oppositeName = ident(relationKeyValues[ROppositeName]);
  info.fields.push_back(columnName);
  info.hasFieldsArg = true;
  info.hasReferencesArg = true;
  relation.relation = std::move(info);
  pendingRelations.push_back(
      {size_t(&model - schema->models.data()), model.fields.size()});
  model.fields.push_back(std::move(relation));
}

void AutoBeDBReader::readPlainField(Model &model, const json::Value &value,
                                    const std::string &path) {
  Keys<std::size(plainFieldKeys)> keys;
  if (!readObject(value, plainFieldKeys, path, keys) || !keys[PName] ||
      !expectNonEmpty(keys[PName], child(path, "name")))
    return;
  Field field;
  field.name = ident(keys[PName]);
  field.range = value.getRange();
  field.doc = text(keys[PDescription]);
  field.isOptional = boolean(keys[PNullable]);
  setType(field, keys[PType]);
  if (const json::Value *defaultValue = keys[PDefault]) {
    const json::Member *member = value.findMember("default");
    Attribute attr;
    attr.name = Ident{"default", member->getKeyRange()};
    attr.range = member->getRange();
    AttributeArg arg;
    arg.value = toExpr(*defaultValue);
    arg.range = defaultValue->getRange();
    attr.args.push_back(std::move(arg));
    field.attributes.push_back(std::move(attr));
  }
  model.fields.push_back(std::move(field));
}

void AutoBeDBReader::readFieldNames(Index &index, const json::Value *fieldNames,
                                    const std::string &path) {
  forEach(fieldNames, path,
          [&](const json::Value &name, const std::string &namePath) {
            if (expect(name, Expect::String, namePath) &&
                expectNonEmpty(&name, namePath))
              index.fields.push_back(IndexField{ident(&name), "", ""});
          });
}

void AutoBeDBReader::resolveReferences() {
  // AutoBe relations always target the primary key of the target model.
  for (const PendingRelation &pending : pendingRelations) {
    Field &field = schema->models[pending.model].fields[pending.field];
    if (!field.relation)
      continue;
    auto it = primaryKeys.find(field.typeName.name);
    StringRef key = it != primaryKeys.end() ? it->second.name : "id";
    field.relation->references.push_back(Ident{key, field.typeName.range});
  }
}

std::unique_ptr<Schema> abv::parseAutoBeDB(SourceManager &sourceMgr,
                                           unsigned bufferID,
                                           DiagnosticEngine &diags) {
  std::unique_ptr<json::Document> doc = json::parse(sourceMgr, bufferID, diags);
  if (!doc)
    return nullptr;
  AutoBeDBReader reader(sourceMgr, bufferID, diags);
  return reader.read(doc->getRoot());
}
