//===- DBSync.cpp - The db-sync pass --------------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks that AutoBe's DB AST (`autobe/prisma.json`) and the `.prisma` files
/// AutoBe wrote from it describe the same schema. The AST is the source of
/// truth: findings are located in prisma.json, with a note at the `.prisma`
/// text when there is a place to point at.
///
/// The mapping follows AutoBe's schema writer (`writePrismaApplication`):
///
/// | prisma.json                        | .prisma                            |
/// |------------------------------------|------------------------------------|
/// | model                              | `model` of the same name           |
/// | primaryField `id`                  | `id String @id`                    |
/// | foreignField / plainField `f`      | column `f`: uuid, string, uri ->   |
/// |                                    | String; int -> Int; double ->      |
/// |                                    | Float; boolean -> Boolean;         |
/// |                                    | datetime -> DateTime; nullable ->  |
/// |                                    | `?`                                |
/// | foreignField.relation `{name,      | relation field `name target`       |
/// | targetModel, mappingName}`         | `@relation("mappingName",          |
/// |                                    | fields: [f], references: [id])`    |
/// | relation.oppositeName (2026)       | back-relation field on target      |
/// | uniqueIndexes / plainIndexes       | `@@unique([...])` / `@@index`      |
/// | ginIndexes `{fieldName}`           | `@@index([f(ops: raw(              |
/// |                                    | "gin_trgm_ops"))], type: Gin)`,    |
/// |                                    | PostgreSQL only                    |
/// | foreignField `unique: true`        | `@@unique([f])`                    |
///
/// What the writer adds or drops, and what is therefore not a mismatch:
/// back-relation fields (a relation field without `fields:`) exist only in
/// the text; each foreign key that leads no unique or plain index gets an
/// `@@index([f])` (or `@@unique([f])`) in the text; GIN indexes are written
/// only for PostgreSQL (the 2025 corpus is SQLite); unique and plain indexes
/// whose first field is the primary key are dropped. Referential actions,
/// native types, comments and field order are not compared.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <string>

using namespace abv;
using namespace abv::db;
using namespace llvm;

using End = DBRelationGraph::End;

static constexpr StringLiteral astName = "prisma.json";
static constexpr StringLiteral textName = "the .prisma files";

/// A field's type as Prisma spells it: "String", "String?", "Int[]".
static std::string spellType(const Field &field) {
  std::string result = field.typeName.name.str();
  if (field.isList)
    result += "[]";
  if (field.isOptional)
    result += "?";
  return result;
}

static std::string joinNames(ArrayRef<Ident> idents) {
  std::string result;
  for (const Ident &ident : idents) {
    if (!result.empty())
      result += ", ";
    result += ident.name;
  }
  return result;
}

static std::string joinFields(const Index &index) {
  std::string result;
  for (const IndexField &field : index.fields) {
    if (!result.empty())
      result += ", ";
    result += field.name.name;
  }
  return result;
}

/// The comparison key of an index: kind, GIN or not, field names.
static std::string getIndexKey(const Index &index) {
  std::string key;
  switch (index.kind) {
  case Index::Kind::Primary:
    key = "P";
    break;
  case Index::Kind::Unique:
    key = "U";
    break;
  case Index::Kind::Plain:
    key = index.method == Index::Method::Gin ? "G" : "I";
    break;
  case Index::Kind::Fulltext:
    key = "F";
    break;
  }
  for (const IndexField &field : index.fields) {
    key += '\0';
    key += field.name.name;
  }
  return key;
}

/// How an index is named in a sync message (neutral between both inputs).
static StringRef describeIndex(const Index &index) {
  switch (index.kind) {
  case Index::Kind::Primary:
    return "primary key";
  case Index::Kind::Unique:
    return "unique index";
  case Index::Kind::Plain:
    return index.method == Index::Method::Gin ? "GIN index" : "index";
  case Index::Kind::Fulltext:
    return "fulltext index";
  }
  llvm_unreachable("unknown index kind");
}

namespace {
/// Compares one AST model with its text counterpart.
class ModelSync {
public:
  ModelSync(const Model &ast, const Model &text, const Schema &textSchema,
            const DBRelationGraph &graph, const Schema &astSchema,
            DiagnosticEngine &diags)
      : ast(ast), text(text), textSchema(textSchema), astSchema(astSchema),
        graph(graph), diags(diags) {
    for (const Field &field : text.fields)
      textFields.try_emplace(field.name.name, &field);
  }

  void run() {
    checkFields();
    checkIndexes();
  }

private:
  void checkFields();
  void checkColumn(const Field &astField, const Field &textField);
  void checkRelation(const Field &astField, const Field &textField);
  void checkIndexes();

  /// Starts a finding at \p astRange with the note \p note (arguments
  /// \p noteArgs) at \p textRange.
  InFlightDiagnostic report(DiagID id, SMRange astRange, SMRange textRange,
                            NoteID note, ArrayRef<std::string> noteArgs) {
    InFlightDiagnostic diag = diags.report(id, astRange);
    if (textRange.isValid()) {
      InFlightNote inFlight = diag.note(textRange, note);
      for (const std::string &arg : noteArgs)
        inFlight << arg;
    }
    return diag;
  }
  /// The note at a model of the schema text.
  InFlightDiagnostic reportAtModel(DiagID id, SMRange astRange,
                                   const Model &model) {
    return report(id, astRange, model.name.range, NoteID::ModelInArtifactHere,
                  {model.name.name.str(), textName.str()});
  }
  /// The note at a field of the schema text ("'users.email' is declared
  /// here").
  InFlightDiagnostic reportAtField(DiagID id, SMRange astRange,
                                   const Field &field) {
    return report(id, astRange, field.name.range, NoteID::DeclaredHere,
                  {(text.name.name + "." + field.name.name).str()});
  }

  const Model &ast;
  const Model &text;
  const Schema &textSchema;
  const Schema &astSchema;
  const DBRelationGraph &graph;
  DiagnosticEngine &diags;
  StringMap<const Field *> textFields;
};
} // namespace

void ModelSync::checkFields() {
  StringSet<> seen;
  for (const Field &astField : ast.fields) {
    seen.insert(astField.name.name);
    const Field *textField = textFields.lookup(astField.name.name);
    if (!textField) {
      reportAtModel(DiagID::DBSyncField, astField.name.range, text)
          << ast.name.name << astField.name.name << astName << textName;
      continue;
    }
    if (astField.isRelation())
      checkRelation(astField, *textField);
    else
      checkColumn(astField, *textField);
  }
  for (const Field &textField : text.fields) {
    if (seen.contains(textField.name.name))
      continue;
    // Back-relation fields are generated by the writer; AutoBe's AST has
    // none.
    if (textField.isRelation() && textField.relation &&
        !textField.relation->hasFieldsArg && textField.relation->fields.empty())
      continue;
    reportAtField(DiagID::DBSyncField, ast.name.range, textField)
        << ast.name.name << textField.name.name << textName << astName;
  }
}

void ModelSync::checkColumn(const Field &astField, const Field &textField) {
  SMRange astRange = astField.typeName.range.isValid() ? astField.typeName.range
                                                       : astField.name.range;
  if (textField.isRelation()) {
    report(DiagID::DBSyncFieldType, astRange, textField.typeName.range,
           NoteID::DeclaredHere,
           {(text.name.name + "." + textField.name.name).str()})
        << ast.name.name << astField.name.name << spellType(astField) << astName
        << ("a relation to '" + textField.typeName.name + "'").str()
        << textName;
    return;
  }
  bool sameType = astField.typeName.name == textField.typeName.name &&
                  astField.isList == textField.isList &&
                  astField.isOptional == textField.isOptional;
  if (!sameType && astField.type != TypeKind::Unknown)
    report(DiagID::DBSyncFieldType, astRange, textField.typeName.range,
           NoteID::DeclaredHere,
           {(text.name.name + "." + textField.name.name).str()})
        << ast.name.name << astField.name.name << spellType(astField) << astName
        << spellType(textField) << textName;
}

void ModelSync::checkRelation(const Field &astField, const Field &textField) {
  const RelationInfo &astInfo = astField.getRelation();
  auto differs = [&](const Twine &what) {
    reportAtField(DiagID::DBSyncRelation, astField.name.range, textField)
        << ast.name.name << astField.name.name << what.str();
  };
  if (!textField.isRelation()) {
    // A relation to an unknown model lowers to a field of unknown type.
    if (textField.type == TypeKind::Unknown &&
        textField.getAttribute("relation"))
      differs("it targets '" + astField.typeName.name + "' in " + astName +
              " but unknown model '" + textField.typeName.name + "' in " +
              textName);
    else
      differs(Twine(textName) + " declare a column of type " +
              spellType(textField));
    return;
  }
  const RelationInfo &textInfo = textField.getRelation();
  if (astField.typeName.name != textField.typeName.name) {
    differs("it targets '" + astField.typeName.name + "' in " + astName +
            " but '" + textField.typeName.name + "' in " + textName);
    return;
  }
  std::string astFields = joinNames(astInfo.fields);
  std::string textFieldsList = joinNames(textInfo.fields);
  if (astFields != textFieldsList) {
    differs("fields are (" + astFields + ") in " + astName + " but (" +
            textFieldsList + ") in " + textName);
    return;
  }
  std::string astRefs = joinNames(astInfo.references);
  std::string textRefs = joinNames(textInfo.references);
  if (astRefs != textRefs) {
    differs("references are (" + astRefs + ") in " + astName + " but (" +
            textRefs + ") in " + textName);
    return;
  }
  // The relation name: the AST's mappingName, or the one the writer
  // derives.
  StringRef astRelName, textRelName = textInfo.name.name;
  if (const End *end = graph.getEnd(astSchema, astField))
    astRelName = end->relationName;
  // The writer shortens names beyond PostgreSQL's 63 characters to 54
  // characters, '_' and an 8-digit hash; a derived name cannot know the
  // hash.
  bool shortened = astField.getRelation().name.empty() &&
                   astRelName.size() > 63 && textRelName.size() == 63 &&
                   textRelName.starts_with(astRelName.take_front(54));
  if (astRelName != textRelName && !shortened) {
    differs("the relation name is '" + astRelName + "' in " + astName +
            " but '" + textRelName + "' in " + textName);
    return;
  }
  // 2026: the back-relation field is named by oppositeName.
  const Ident &opposite = astInfo.oppositeName;
  if (opposite.empty())
    return;
  const End *textEnd = graph.getEnd(textSchema, textField);
  const Model *target = textEnd ? textEnd->target : nullptr;
  if (!target)
    return;
  const Field *back = target->findField(opposite.name);
  if (back && back->isRelation() && back->typeName.name == text.name.name)
    return;
  reportAtModel(DiagID::DBSyncRelation, opposite.range, *target)
      << ast.name.name << astField.name.name
      << ("its opposite field '" + opposite.name + "' is not a relation to '" +
          text.name.name + "' on '" + target->name.name + "' in " + textName)
             .str();
}

void ModelSync::checkIndexes() {
  bool textHasGin = textSchema.getProvider() == Provider::PostgreSQL ||
                    textSchema.getProvider() == Provider::CockroachDB;
  bool ginUnknown = textSchema.getProvider() == Provider::Unknown;
  auto ignoreGin = [&](const Index &index) {
    return index.method == Index::Method::Gin && (!textHasGin || ginUnknown);
  };

  // Foreign key columns of the AST model, for the writer's implied indexes.
  StringSet<> foreignKeys;
  for (const Field &field : ast.fields)
    if (field.isRelation())
      for (const Ident &column : field.getRelation().fields)
        foreignKeys.insert(column.name);
  const Index *pk = ast.getPrimaryKey();
  StringRef pkName =
      pk && pk->fields.size() == 1 ? pk->fields.front().name.name : StringRef();

  StringMap<const Index *> expected, actual;
  for (const Index &index : ast.indexes) {
    if (index.fields.empty() || ignoreGin(index))
      continue;
    // AutoBe drops unique and plain indexes led by the primary key.
    if (index.kind != Index::Kind::Primary && !pkName.empty() &&
        index.fields.front().name.name == pkName)
      continue;
    expected.try_emplace(getIndexKey(index), &index);
  }
  for (const Index &index : text.indexes) {
    if (index.fields.empty() || ignoreGin(index))
      continue;
    actual.try_emplace(getIndexKey(index), &index);
  }

  // An index over a field missing on the other side was reported with the
  // field (DB071).
  auto namesOnlyFieldsOf = [](const Index &index, auto &&hasField) {
    return llvm::all_of(index.fields, [&](const IndexField &field) {
      return hasField(field.name.name);
    });
  };
  for (const Index &index : ast.indexes) {
    auto it = expected.find(getIndexKey(index));
    if (it == expected.end() || it->second != &index)
      continue;
    if (actual.count(it->first()) ||
        !namesOnlyFieldsOf(
            index, [&](StringRef name) { return textFields.count(name) != 0; }))
      continue;
    reportAtModel(DiagID::DBSyncIndex, index.range, text)
        << describeIndex(index) << ast.name.name << joinFields(index) << astName
        << textName;
  }
  for (const Index &index : text.indexes) {
    auto it = actual.find(getIndexKey(index));
    if (it == actual.end() || it->second != &index)
      continue;
    if (expected.count(it->first()))
      continue;
    // The writer indexes every foreign key that leads no index.
    bool impliedByWriter = index.fields.size() == 1 &&
                           (index.kind == Index::Kind::Unique ||
                            (index.kind == Index::Kind::Plain &&
                             index.method != Index::Method::Gin)) &&
                           foreignKeys.contains(index.fields.front().name.name);
    if (impliedByWriter || !namesOnlyFieldsOf(index, [&](StringRef name) {
          return ast.findField(name) != nullptr;
        }))
      continue;
    report(DiagID::DBSyncIndex, ast.name.range, index.range,
           NoteID::IndexDeclaredHere, {describeIndex(index).str()})
        << describeIndex(index) << ast.name.name << joinFields(index)
        << textName << astName;
  }
}

namespace {
struct DBSyncPass : ProjectPass<DBSyncPass> {
  static constexpr StringLiteral argument = "db-sync";
  static constexpr StringLiteral description =
      "Checks that AutoBe's prisma.json and the .prisma files describe the "
      "same schema.";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    if (!project.autobeSchema || !project.prismaSchema)
      return;
    const Schema &astSchema = *project.autobeSchema;
    const Schema &textSchema = *project.prismaSchema;
    const DBSymbols &symbols = analyses.getAnalysis<DBSymbols>();
    const DBRelationGraph &graph = analyses.getAnalysis<DBRelationGraph>();

    for (const Model &astModel : astSchema.models) {
      // Duplicates are db-names' business: compare the first declaration.
      if (symbols.findModel(astSchema, astModel.name.name) != &astModel)
        continue;
      const Model *textModel =
          symbols.findModel(textSchema, astModel.name.name);
      if (!textModel) {
        diags.report(DiagID::DBSyncModel, astModel.name.range)
            << astModel.name.name << astName << textName;
        continue;
      }
      ModelSync(astModel, *textModel, textSchema, graph, astSchema, diags)
          .run();
    }
    for (const Model &textModel : textSchema.models) {
      if (symbols.findModel(textSchema, textModel.name.name) != &textModel ||
          symbols.findModel(astSchema, textModel.name.name))
        continue;
      diags.report(DiagID::DBSyncModel, textModel.name.range)
          << textModel.name.name << textName << astName;
    }
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBSyncPass() {
  return std::make_unique<DBSyncPass>();
}
