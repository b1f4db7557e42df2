//===- DBIndexes.cpp - The db-indexes pass --------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks primary keys, unique constraints and indexes: the fields they name,
/// duplicates and redundancy, GIN indexes and index types per provider, and
/// foreign keys that no index starts with. In Prisma text also the index
/// arguments per provider: clustering (SQL Server only, one clustered index
/// or key per table: DB088, DB089), prefix lengths (MySQL only, and needed
/// there on TEXT and BLOB columns: DB088, DB094), `sort:` and `length:`
/// values (DB023), and on PostgreSQL the operator classes and the field
/// types each index type takes (GiST, GIN, SP-GiST, BRIN: DB090, DB091).
///
/// Rules follow Prisma's validator (psl-core `validations/indexes.rs`,
/// `relation_fields.rs`'s missing-index warning) and AutoBe's database
/// validator (duplicate and subset indexes, GIN on string plain fields).
/// Per origin:
///
/// - `.prisma` text: every check. Provider-specific ones (DB055, DB056) read
///   the datasource.
/// - AutoBe's AST (prisma.json): names no datasource and is written for
///   PostgreSQL or SQLite, so DB055 does not apply (AutoBe's writer drops GIN
///   indexes for SQLite). DB056 does not apply either: the writer emits an
///   `@@index([fk])` (or `@@unique`) for every foreign key that does not
///   lead an index. Indexes whose first field is the primary key are
///   discarded by AutoBe before writing, so redundancy checks skip them, and
///   empty field lists are discarded too (no DB058).
///
//===----------------------------------------------------------------------===//

#include "DBPrismaRules.h"

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"

#include <string>

using namespace abv;
using namespace abv::db;
using namespace llvm;

using End = DBRelationGraph::End;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// How an index is named in messages: the attribute in Prisma text, the AST
/// list in prisma.json.
static StringRef describeIndex(const Index &index, bool isText) {
  switch (index.kind) {
  case Index::Kind::Primary:
    if (!isText)
      return "primary key";
    return index.isFieldLevel ? "@id" : "@@id";
  case Index::Kind::Unique:
    if (!isText)
      return index.isFieldLevel ? "unique foreign key" : "unique index";
    return index.isFieldLevel ? "@unique" : "@@unique";
  case Index::Kind::Plain:
    if (!isText)
      return index.method == Index::Method::Gin ? "GIN index" : "plain index";
    return "@@index";
  case Index::Kind::Fulltext:
    return "@@fulltext";
  }
  llvm_unreachable("unknown index kind");
}

static StringRef getMethodName(Index::Method method) {
  switch (method) {
  case Index::Method::Default:
  case Index::Method::BTree:
    return "BTree";
  case Index::Method::Hash:
    return "Hash";
  case Index::Method::Gin:
    return "Gin";
  case Index::Method::Gist:
    return "Gist";
  case Index::Method::SpGist:
    return "SpGist";
  case Index::Method::Brin:
    return "Brin";
  }
  llvm_unreachable("unknown index method");
}

static bool isBTree(const Index &index) {
  return index.method == Index::Method::Default ||
         index.method == Index::Method::BTree;
}

/// "a, b" for an index's field names.
static std::string joinFields(const Index &index, size_t count = ~size_t(0)) {
  std::string result;
  for (const IndexField &field :
       ArrayRef<IndexField>(index.fields)
           .take_front(std::min(count, index.fields.size()))) {
    if (!result.empty())
      result += ", ";
    result += field.name.name;
  }
  return result;
}

/// A lookup key for a list of field names (NUL never occurs in names).
static std::string getKey(const Index &index, size_t count) {
  std::string key;
  for (const IndexField &field :
       ArrayRef<IndexField>(index.fields).take_front(count)) {
    key += field.name.name;
    key += '\0';
  }
  return key;
}

/// The range of argument \p argName of the block attribute an index came
/// from, or invalid.
static SMRange getIndexArgRange(const Model &model, const Index &index,
                                StringRef argName) {
  for (const Attribute &attr : model.blockAttributes) {
    if (attr.range.Start != index.range.Start)
      continue;
    if (const AttributeArg *arg = attr.getArg(argName))
      return arg->range.isValid() ? arg->range : arg->value.range;
  }
  return {};
}

/// How a field's type reads in a GIN message.
static std::string describeType(const Field &field) {
  if (!field.autobeType.empty())
    return field.autobeType.str();
  std::string result = field.typeName.name.str();
  if (field.isList)
    result += "[]";
  if (field.nativeType)
    result +=
        (" @" + field.nativeType->prefix + "." + field.nativeType->name.name)
            .str();
  return result;
}

/// Whether the datasource sets `relationMode = "prisma"` (or the older
/// `referentialIntegrity = "prisma"`): Prisma then emulates relations and
/// the database has no foreign key constraints.
static bool usesEmulatedRelations(const Schema &schema) {
  if (schema.datasources.empty())
    return false;
  for (StringRef key : {"relationMode", "referentialIntegrity"})
    if (const ConfigProperty *prop =
            schema.datasources.front().getProperty(key))
      if (prop->value.isString() && prop->value.text == "prisma")
        return true;
  return false;
}

//===----------------------------------------------------------------------===//
// The checker
//===----------------------------------------------------------------------===//

namespace {
/// Checks the indexes of one schema.
class IndexChecker {
public:
  IndexChecker(const Schema &schema, const DBRelationGraph &graph,
               DiagnosticEngine &diags)
      : schema(schema), graph(graph), diags(diags),
        isText(schema.origin == SchemaOrigin::PrismaText),
        provider(schema.getProvider()) {}

  void run();

private:
  void checkModel(const Model &model);
  /// DB050/DB057/DB058: whether every field of \p index is a scalar field.
  bool checkFields(const Model &model, const Index &index,
                   const StringMap<const Field *> &fields);
  void checkGin(const Index &index, const StringMap<const Field *> &fields);
  void checkProvider(const Model &model, const Index &index);
  void checkDuplicates(ArrayRef<const Index *> indexes);
  void checkRedundant(ArrayRef<const Index *> indexes);
  void checkImpliedUnique(const Model &model, ArrayRef<const Index *> indexes);
  void checkForeignKeyIndexes(const Model &model);
  void checkArguments(const Model &model);
  void checkClustering(const Model &model);
  void checkOperatorClasses(const Model &model, const Index &index,
                            const Attribute &attr);

  const Schema &schema;
  const DBRelationGraph &graph;
  DiagnosticEngine &diags;
  bool isText;
  Provider provider;
};
} // namespace

void IndexChecker::run() {
  for (const Model &model : schema.models)
    checkModel(model);
}

void IndexChecker::checkModel(const Model &model) {
  StringMap<const Field *> fields;
  for (const Field &field : model.fields)
    fields.try_emplace(field.name.name, &field);

  // Indexes that name only scalar fields take part in the comparisons.
  SmallVector<const Index *, 8> valid;
  const Index *pk = model.getPrimaryKey();
  StringRef pkLead =
      pk && pk->fields.size() == 1 ? pk->fields.front().name.name : StringRef();
  for (const Index &index : model.indexes) {
    if (!checkFields(model, index, fields))
      continue;
    if (index.method == Index::Method::Gin)
      checkGin(index, fields);
    if (isText)
      checkProvider(model, index);
    // AutoBe discards unique and plain indexes that start with the primary
    // key before writing the schema.
    if (!isText && index.kind != Index::Kind::Primary && !pkLead.empty() &&
        index.fields.front().name.name == pkLead)
      continue;
    valid.push_back(&index);
  }
  checkDuplicates(valid);
  checkRedundant(valid);
  checkImpliedUnique(model, valid);
  if (isText) {
    checkForeignKeyIndexes(model);
    checkArguments(model);
    checkClustering(model);
  }
}

bool IndexChecker::checkFields(const Model &model, const Index &index,
                               const StringMap<const Field *> &fields) {
  if (index.fields.empty()) {
    if (isText)
      diags.report(DiagID::DBIndexEmpty, index.range)
          << describeIndex(index, isText);
    return false;
  }
  bool ok = true;
  for (const IndexField &indexField : index.fields) {
    auto it = fields.find(indexField.name.name);
    if (it == fields.end()) {
      diags.report(DiagID::DBIndexUnknownField, indexField.name.range)
          << describeIndex(index, isText) << indexField.name.name
          << model.name.name;
      ok = false;
    } else if (it->second->isRelation()) {
      const Field &field = *it->second;
      InFlightDiagnostic diag =
          diags.report(DiagID::DBIndexRelationField, indexField.name.range);
      diag << describeIndex(index, isText) << indexField.name.name;
      if (field.relation && field.relation->fields.size() == 1)
        diag.fix(NoteID::FixUseForeignKey, indexField.name.range,
                 field.relation->fields.front().name)
            << field.relation->fields.front().name;
      ok = false;
    }
  }
  return ok;
}

/// DB054: a GIN index needs a column type with a GIN operator class, as
/// Prisma checks: a String column needs one spelled (`gin_trgm_ops` for a
/// trigram index; every AutoBe GIN index is one), Json and scalar lists have
/// default classes, and other scalars have none. A trigram class needs text,
/// which excludes `@db.Uuid` columns and AutoBe's uuid fields (PostgreSQL
/// rejects gin_trgm_ops on uuid).
void IndexChecker::checkGin(const Index &index,
                            const StringMap<const Field *> &fields) {
  for (const IndexField &indexField : index.fields) {
    const Field &field = *fields.lookup(indexField.name.name);
    bool trigram = indexField.ops.contains("trgm");
    StringRef problem;
    if (field.type == TypeKind::Unsupported || field.type == TypeKind::Unknown)
      continue;
    if (field.isList || field.type == TypeKind::Json) {
      if (trigram)
        problem = "trigram operator classes need a String column";
    } else if (field.type == TypeKind::String) {
      bool isUuid = field.autobeType == "uuid" ||
                    (field.nativeType && field.nativeType->name.name == "Uuid");
      if (indexField.ops.empty())
        problem = "a String column needs an operator class such as "
                  "ops: raw(\"gin_trgm_ops\")";
      else if (trigram && isUuid)
        problem = "gin_trgm_ops needs a text column, not uuid";
    } else {
      problem = "GIN indexes String (with an operator class), Json and "
                "scalar list columns";
    }
    if (!problem.empty())
      diags.report(DiagID::DBGinNonString, indexField.name.range)
          << field.name.name << describeType(field) << problem;
  }
}

/// DB055: index types other than BTree need PostgreSQL (CockroachDB has
/// GIN); `@@fulltext` needs MySQL or MongoDB.
void IndexChecker::checkProvider(const Model &model, const Index &index) {
  if (provider == Provider::Unknown)
    return;
  if (index.kind == Index::Kind::Fulltext) {
    if (provider != Provider::MySQL && provider != Provider::MongoDB)
      diags.report(DiagID::DBGinProvider, index.range)
          << "Fulltext" << getProviderName(provider);
    return;
  }
  if (isBTree(index) || provider == Provider::PostgreSQL)
    return;
  if (provider == Provider::CockroachDB && index.method == Index::Method::Gin)
    return;
  SMRange at = getIndexArgRange(model, index, "type");
  diags.report(DiagID::DBGinProvider, at.isValid() ? at : index.range)
      << getMethodName(index.method) << getProviderName(provider);
}

/// The kind of an index for duplicate detection.
static char getKindTag(const Index &index) {
  switch (index.kind) {
  case Index::Kind::Primary:
    return 'P';
  case Index::Kind::Unique:
    return 'U';
  case Index::Kind::Plain:
    return 'I';
  case Index::Kind::Fulltext:
    return 'F';
  }
  llvm_unreachable("unknown index kind");
}

/// DB051: two indexes of one kind on the same field list. Two plain indexes
/// of different types (a BTree and a GIN) are distinct only when their
/// database names differ (a `map:` on at least one); otherwise Prisma derives
/// the same constraint name for both and rejects the schema.
void IndexChecker::checkDuplicates(ArrayRef<const Index *> indexes) {
  StringMap<SmallVector<const Index *, 1>> seen;
  for (const Index *index : indexes) {
    std::string key = getKindTag(*index) + getKey(*index, index->fields.size());
    SmallVector<const Index *, 1> &earlier = seen[key];
    const Index *duplicate = nullptr;
    for (const Index *other : earlier) {
      bool sameMethod = isBTree(*index) == isBTree(*other) &&
                        (isBTree(*index) || index->method == other->method);
      // Without `map:`, both get Prisma's default name for this kind and
      // field list.
      bool distinctNames = (!index->map.empty() || !other->map.empty()) &&
                           index->map.name != other->map.name;
      if (sameMethod || !distinctNames) {
        duplicate = other;
        break;
      }
    }
    earlier.push_back(index);
    if (!duplicate)
      continue;
    // A unique foreign key and a uniqueIndexes entry on the same column are
    // written once (AutoBe's writer skips the foreign key's @@unique).
    if (!isText && (index->isFieldLevel || duplicate->isFieldLevel))
      continue;
    (diags.report(DiagID::DBIndexDuplicate, index->range)
     << describeIndex(*index, isText) << joinFields(*index))
            .note(duplicate->range, NoteID::EarlierIndexHere)
        << describeIndex(*duplicate, isText);
  }
}

/// DB052 and DB053: a plain BTree index whose columns begin another BTree
/// index adds nothing a lookup could not get from the longer one. A unique
/// or primary index covers an equal field list too (DB053), a plain one
/// only a strictly longer list (DB052; equal lists are DB051). Sort orders
/// are ignored.
void IndexChecker::checkRedundant(ArrayRef<const Index *> indexes) {
  StringMap<const Index *> uniqueCover, plainCover;
  for (const Index *index : indexes) {
    if (!isBTree(*index) || index->kind == Index::Kind::Fulltext)
      continue;
    size_t size = index->fields.size();
    bool isUnique = index->isUniqueCriterion();
    for (size_t count = 1; count <= size; ++count) {
      if (isUnique)
        uniqueCover.try_emplace(getKey(*index, count), index);
      else if (count < size)
        plainCover.try_emplace(getKey(*index, count), index);
    }
  }
  for (const Index *index : indexes) {
    if (index->kind != Index::Kind::Plain || !isBTree(*index))
      continue;
    std::string key = getKey(*index, index->fields.size());
    if (const Index *cover = uniqueCover.lookup(key)) {
      (diags.report(DiagID::DBIndexRedundantUnique, index->range)
       << joinFields(*index) << describeIndex(*cover, isText)
       << joinFields(*cover))
              .note(cover->range, NoteID::CoveringIndexHere)
          << describeIndex(*cover, isText);
    } else if (const Index *cover = plainCover.lookup(key)) {
      (diags.report(DiagID::DBIndexRedundantPrefix, index->range)
       << joinFields(*index) << describeIndex(*cover, isText)
       << joinFields(*cover))
          .note(cover->range, NoteID::LongerIndexHere);
    }
  }
}

/// DB059: a unique constraint whose fields include all fields of another
/// unique criterion adds no uniqueness (AutoBe's validator rejects it). It
/// is kept when a relation references exactly its fields: Prisma requires
/// `references:` to name a unique criterion.
void IndexChecker::checkImpliedUnique(const Model &model,
                                      ArrayRef<const Index *> indexes) {
  SmallVector<const Index *, 4> uniques;
  for (const Index *index : indexes)
    if (index->isUniqueCriterion())
      uniques.push_back(index);
  if (uniques.size() < 2)
    return;
  ArrayRef<const End *> incoming = graph.getIncoming(schema, model);
  for (const Index *index : uniques) {
    if (index->kind != Index::Kind::Unique || index->fields.size() < 2)
      continue;
    StringSet<> names;
    for (const IndexField &field : index->fields)
      names.insert(field.name.name);
    const Index *smaller = nullptr;
    for (const Index *other : uniques) {
      if (other == index || other->fields.size() >= index->fields.size())
        continue;
      if (llvm::all_of(other->fields, [&](const IndexField &field) {
            return names.contains(field.name.name);
          })) {
        smaller = other;
        break;
      }
    }
    if (!smaller)
      continue;
    bool referenced = llvm::any_of(incoming, [&](const End *end) {
      const End *forward = DBRelationGraph::getForwardEnd(*end);
      if (!forward || forward->referencedFields.size() != names.size())
        return false;
      return llvm::all_of(forward->referencedFields, [&](const Field *field) {
        return field && names.contains(field->name.name);
      });
    });
    if (referenced)
      continue;
    (diags.report(DiagID::DBUniqueImplied, index->range)
     << joinFields(*index) << describeIndex(*smaller, isText)
     << joinFields(*smaller))
            .note(smaller->range, NoteID::AlreadyUniqueBy)
        << describeIndex(*smaller, isText);
  }
}

/// DB056: joins and cascading deletes look rows up by their foreign key;
/// without an index starting with the foreign key's columns (in order, as
/// Prisma's own check wants) each is a full scan. PostgreSQL, SQLite, SQL
/// Server and CockroachDB do not index foreign keys by themselves; MySQL's
/// InnoDB does, unless Prisma emulates relations (`relationMode =
/// "prisma"`), where Prisma itself warns. MongoDB is not checked.
void IndexChecker::checkForeignKeyIndexes(const Model &model) {
  // A view cannot carry an index of its own.
  if (model.isView)
    return;
  bool emulated = usesEmulatedRelations(schema);
  if (provider == Provider::MongoDB ||
      (provider == Provider::MySQL && !emulated))
    return;
  StringSet<> reported;
  for (const Field &field : model.fields) {
    const End *end = graph.getEnd(schema, field);
    if (!end || !end->target || end->isList() || !end->definesForeignKey() ||
        end->fkFields.empty() ||
        !llvm::all_of(end->fkFields,
                      [](const Field *f) { return f && !f->isRelation(); }))
      continue;
    size_t count = end->fkFields.size();
    bool covered = llvm::any_of(model.indexes, [&](const Index &index) {
      if (index.fields.size() < count || index.kind == Index::Kind::Fulltext)
        return false;
      if (!isBTree(index) && !(index.method == Index::Method::Hash &&
                               index.fields.size() == count))
        return false;
      for (size_t i = 0; i < count; ++i)
        if (index.fields[i].name.name != end->fkFields[i]->name.name)
          return false;
      return true;
    });
    if (covered)
      continue;
    std::string columns;
    for (const Field *fk : end->fkFields) {
      if (!columns.empty())
        columns += ", ";
      columns += fk->name.name;
    }
    if (!reported.insert(columns).second)
      continue;
    SMRange at;
    if (const Attribute *attr = field.getAttribute("relation"))
      if (const AttributeArg *arg = attr->getArg("fields"))
        at = arg->value.range;
    if (!at.isValid())
      at = field.name.range;
    (diags.report(DiagID::DBForeignKeyNoIndex, at)
     << columns << field.name.name)
            .fix(NoteID::FixAddIndex)
        << columns << model.name.name;
  }
}

//===----------------------------------------------------------------------===//
// Index arguments per provider
//===----------------------------------------------------------------------===//

/// The attribute an index came from: a block attribute, or the field
/// attribute (@id, @unique) it mirrors.
static const Attribute *findIndexAttribute(const Model &model,
                                           const Index &index) {
  for (const Attribute &attr : model.blockAttributes)
    if (attr.range.Start == index.range.Start)
      return &attr;
  for (const Field &field : model.fields)
    for (const Attribute &attr : field.attributes)
      if (attr.range.Start == index.range.Start)
        return &attr;
  return nullptr;
}

/// One field of an index as written, with its arguments (`a(sort: Desc,
/// length: 10, ops: TextOps)`); the arguments of a field-level @id/@unique
/// are those of the attribute.
struct WrittenIndexField {
  const Field *field = nullptr;
  SMRange range;
  const Expr *sort = nullptr;
  const Expr *length = nullptr;
  const Expr *ops = nullptr;
};

static SmallVector<WrittenIndexField, 2>
getWrittenFields(const Model &model, const Index &index,
                 const Attribute &attr) {
  SmallVector<WrittenIndexField, 2> out;
  if (index.isFieldLevel) {
    WrittenIndexField written;
    written.field = model.findField(index.fields.front().name.name);
    written.range = attr.range;
    if (const AttributeArg *arg = attr.getArg("sort"))
      written.sort = &arg->value;
    if (const AttributeArg *arg = attr.getArg("length"))
      written.length = &arg->value;
    out.push_back(written);
    return out;
  }
  const AttributeArg *list = attr.getArg("fields");
  if (!list)
    list = attr.getArg("");
  if (!list)
    return out;
  auto add = [&](const Expr &element) {
    WrittenIndexField written;
    written.field = model.findField(element.text);
    written.range = element.range;
    if (element.isCall())
      for (size_t i = 0; i < element.elements.size(); ++i) {
        StringRef name = i < element.elementNames.size()
                             ? element.elementNames[i].name
                             : StringRef();
        if (name == "sort")
          written.sort = &element.elements[i];
        else if (name == "length")
          written.length = &element.elements[i];
        else if (name == "ops")
          written.ops = &element.elements[i];
      }
    out.push_back(written);
  };
  if (list->value.isArray())
    for (const Expr &element : list->value.elements)
      add(element);
  else
    add(list->value);
  return out;
}

/// MySQL's TEXT and BLOB types, which an index can only take a prefix of.
static bool needsPrefixLength(StringRef nativeType) {
  return StringSwitch<bool>(nativeType)
      .Cases("Text", "TinyText", "MediumText", "LongText", true)
      .Cases("Blob", "TinyBlob", "MediumBlob", "LongBlob", true)
      .Default(false);
}

void IndexChecker::checkArguments(const Model &model) {
  for (const Index &index : model.indexes) {
    const Attribute *attr = findIndexAttribute(model, index);
    if (!attr)
      continue;
    StringRef spelled = describeIndex(index, isText);
    bool reportedLength = false;
    for (const WrittenIndexField &written :
         getWrittenFields(model, index, *attr)) {
      // In a field list, each field's own arguments (at the field level,
      // db-models checks the attribute's).
      if (!index.isFieldLevel) {
        if (written.sort &&
            !(written.sort->isConstant() &&
              (written.sort->text == "Asc" || written.sort->text == "Desc")))
          diags.report(DiagID::DBAttributeArgs, written.sort->range)
              << spelled.str() << "'sort' must be one of Asc, Desc";
        if (written.length && written.length->kind != Expr::Kind::Number)
          diags.report(DiagID::DBAttributeArgs, written.length->range)
              << spelled.str() << "'length' must be a number";
        if (written.ops && index.kind != Index::Kind::Plain)
          diags.report(DiagID::DBIndexOperatorClass, written.ops->range)
              << written.ops->text
              << (written.field ? written.field->name.name : StringRef())
              << ("operator classes go on @@index fields only, not on " +
                  spelled)
                     .str();
      }
      if (written.length && !supportsIndexLength(provider) && !reportedLength &&
          provider != Provider::Unknown) {
        reportedLength = true;
        diags.report(DiagID::DBProviderUnsupported, written.length->range)
            << "a prefix length (length:) in " + spelled.str()
            << getProviderName(provider);
      }
      // MySQL indexes only a prefix of TEXT and BLOB columns.
      if (provider == Provider::MySQL && written.field &&
          written.field->nativeType && !written.length &&
          index.kind != Index::Kind::Fulltext &&
          needsPrefixLength(written.field->nativeType->name.name))
        diags.report(DiagID::DBIndexNeedsLength,
                     index.isFieldLevel ? attr->range : written.range)
            << (index.isUniqueCriterion() ? "make unique" : "index")
            << written.field->nativeType->name.name << written.field->name.name;
    }
    // PostgreSQL has no equality for xml: no key, no index on it.
    if (provider == Provider::PostgreSQL && index.kind != Index::Kind::Fulltext)
      for (const WrittenIndexField &written :
           getWrittenFields(model, index, *attr))
        if (written.field && written.field->nativeType &&
            written.field->nativeType->name.name == "Xml")
          diags.report(DiagID::DBIndexTypeField,
                       index.isFieldLevel ? attr->range : written.range)
              << spelled << written.field->name.name
              << "PostgreSQL cannot index or compare xml columns";
    if (provider == Provider::PostgreSQL && index.kind == Index::Kind::Plain)
      checkOperatorClasses(model, index, *attr);
  }
}

void IndexChecker::checkClustering(const Model &model) {
  SmallVector<const Attribute *, 2> clustered;
  for (const Index &index : model.indexes) {
    const Attribute *attr = findIndexAttribute(model, index);
    if (!attr)
      continue;
    const AttributeArg *arg = attr->getArg("clustered");
    if (arg && !supportsClustering(provider)) {
      if (provider != Provider::Unknown)
        diags.report(DiagID::DBProviderUnsupported, arg->range)
            << "clustering (clustered:)" << getProviderName(provider);
      continue;
    }
    if (!supportsClustering(provider))
      continue;
    bool value = arg && arg->value.isConstant() && arg->value.text == "true";
    bool isClustered =
        index.kind == Index::Kind::Primary
            ? !(arg && arg->value.isConstant() && arg->value.text == "false")
            : value;
    if (!isClustered)
      continue;
    if (model.isView && index.kind != Index::Kind::Primary) {
      diags.report(DiagID::DBIndexClustering, arg->range)
          << "the unique constraints of view '" + model.name.name.str() +
                 "' are not indexes and cannot be clustered";
      continue;
    }
    clustered.push_back(attr);
  }
  if (clustered.size() < 2)
    return;
  // SQL Server stores a table in the order of one index: its primary key
  // unless another is marked clustered (and the key clustered: false).
  for (const Attribute *attr : clustered)
    diags.report(DiagID::DBIndexClustering, attr->range)
        << "model '" + model.name.name.str() +
               "' can have only one clustered index or key; the primary key "
               "is clustered unless it says clustered: false";
}

namespace {
/// A PostgreSQL operator class Prisma knows, the index type that takes it,
/// the native types it indexes, and for BRIN the Prisma type whose default
/// native type it fits.
struct OperatorClass {
  const char *name;
  Index::Method method;
  const char *nativeTypes; ///< Comma-separated, empty for "any".
  TypeKind prismaType;     ///< BRIN: the type without @db it fits.
};
} // namespace

// clang-format off
static const OperatorClass operatorClasses[] = {
    {"InetOps", Index::Method::Gist, "Inet", TypeKind::Unknown},
    {"TextOps", Index::Method::SpGist, "Text,VarChar,Char", TypeKind::String},
    {"ArrayOps", Index::Method::Gin, "", TypeKind::Unknown},
    {"JsonbOps", Index::Method::Gin, "JsonB", TypeKind::Json},
    {"JsonbPathOps", Index::Method::Gin, "JsonB", TypeKind::Json},
#define BRIN(NAME, NATIVE, TYPE)                                              \
  {#NAME "BloomOps", Index::Method::Brin, NATIVE, TYPE},                      \
  {#NAME "MinMaxOps", Index::Method::Brin, NATIVE, TYPE},                     \
  {#NAME "MinMaxMultiOps", Index::Method::Brin, NATIVE, TYPE}
    BRIN(Date, "Date", TypeKind::Unknown),
    BRIN(Float4, "Real", TypeKind::Unknown),
    BRIN(Float8, "DoublePrecision", TypeKind::Float),
    BRIN(Int2, "SmallInt", TypeKind::Unknown),
    BRIN(Int4, "Integer", TypeKind::Int),
    BRIN(Int8, "BigInt", TypeKind::BigInt),
    BRIN(Numeric, "Decimal", TypeKind::Decimal),
    BRIN(Oid, "Oid", TypeKind::Unknown),
    BRIN(Timestamp, "Timestamp", TypeKind::DateTime),
    BRIN(TimestampTz, "Timestamptz", TypeKind::Unknown),
    BRIN(Time, "Time", TypeKind::Unknown),
    BRIN(TimeTz, "Timetz", TypeKind::Unknown),
    BRIN(Uuid, "Uuid", TypeKind::Unknown),
#undef BRIN
    {"InetInclusionOps", Index::Method::Brin, "Inet", TypeKind::Unknown},
    {"InetBloomOps", Index::Method::Brin, "Inet", TypeKind::Unknown},
    {"InetMinMaxOps", Index::Method::Brin, "Inet", TypeKind::Unknown},
    {"InetMinMaxMultiOps", Index::Method::Brin, "Inet", TypeKind::Unknown},
    {"BitMinMaxOps", Index::Method::Brin, "Bit", TypeKind::Unknown},
    {"VarBitMinMaxOps", Index::Method::Brin, "VarBit", TypeKind::Unknown},
    {"BpcharBloomOps", Index::Method::Brin, "Char", TypeKind::Unknown},
    {"BpcharMinMaxOps", Index::Method::Brin, "Char", TypeKind::Unknown},
    {"ByteaBloomOps", Index::Method::Brin, "ByteA", TypeKind::Bytes},
    {"ByteaMinMaxOps", Index::Method::Brin, "ByteA", TypeKind::Bytes},
    {"TextBloomOps", Index::Method::Brin, "Text,VarChar", TypeKind::String},
    {"TextMinMaxOps", Index::Method::Brin, "Text,VarChar", TypeKind::String},
};
// clang-format on

static const OperatorClass *findOperatorClass(StringRef name) {
  for (const OperatorClass &opclass : operatorClasses)
    if (name == opclass.name)
      return &opclass;
  return nullptr;
}

static bool listsNativeType(StringRef list, StringRef nativeType) {
  SmallVector<StringRef, 4> names;
  list.split(names, ',');
  return llvm::is_contained(names, nativeType);
}

/// The native types a BRIN index takes without an operator class spelled.
static bool hasBrinDefault(StringRef nativeType) {
  if (nativeType == "Char")
    return true;
  return llvm::any_of(operatorClasses, [&](const OperatorClass &opclass) {
    return opclass.method == Index::Method::Brin &&
           listsNativeType(opclass.nativeTypes, nativeType);
  });
}

/// Whether index type \p method takes a field of \p field's Prisma type
/// when neither a native type nor an operator class is spelled.
static bool takesFieldType(Index::Method method, const Field &field) {
  TypeKind type = field.type;
  if (type == TypeKind::Unsupported)
    return true;
  switch (method) {
  case Index::Method::Default:
  case Index::Method::BTree:
  case Index::Method::Hash:
    return true;
  case Index::Method::Gist:
  case Index::Method::SpGist:
    return type == TypeKind::String && !field.isList;
  case Index::Method::Gin:
    return field.isList || type == TypeKind::Json;
  case Index::Method::Brin:
    return type != TypeKind::Json && type != TypeKind::Boolean;
  }
  return true;
}

/// DB090/DB091: the operator classes and field types of a PostgreSQL
/// index, as Prisma's PostgreSQL connector validates them. GIN fields with
/// neither a native type nor an operator class are DB054's.
void IndexChecker::checkOperatorClasses(const Model &model, const Index &index,
                                        const Attribute &attr) {
  Index::Method method = index.method;
  StringRef methodName = getMethodName(method);
  SmallVector<WrittenIndexField, 2> written =
      getWrittenFields(model, index, attr);
  if (method == Index::Method::SpGist && written.size() > 1)
    diags.report(DiagID::DBIndexTypeField, written[1].range)
        << methodName
        << (written[1].field ? written[1].field->name.name : StringRef())
        << "SP-GiST indexes take a single column";
  for (const WrittenIndexField &w : written) {
    if (!w.field || w.field->isRelation())
      continue;
    const Field &field = *w.field;
    StringRef name = field.name.name;
    // raw("...") classes are the database's business.
    if (w.ops && w.ops->isCall())
      continue;
    const OperatorClass *opclass = nullptr;
    if (w.ops) {
      opclass = w.ops->isConstant() ? findOperatorClass(w.ops->text) : nullptr;
      if (!opclass) {
        diags.report(DiagID::DBIndexOperatorClass, w.ops->range)
            << (w.ops->isConstant() ? w.ops->text : StringRef("(value)"))
            << name
            << "not an operator class Prisma knows; spell a database class "
               "as raw(\"...\")";
        continue;
      }
      if (opclass->method != method &&
          !(opclass->method == Index::Method::Gist &&
            method == Index::Method::SpGist && w.ops->text == "InetOps")) {
        diags.report(DiagID::DBIndexOperatorClass, w.ops->range)
            << opclass->name << name
            << ("it is not supported by the " + methodName + " index type")
                   .str();
        continue;
      }
    }
    StringRef native =
        field.nativeType ? field.nativeType->name.name : StringRef();
    auto fail = [&]() {
      if (!native.empty() && opclass)
        diags.report(DiagID::DBIndexOperatorClass, w.ops->range)
            << opclass->name << name
            << ("it does not support native type " + native).str();
      else if (!native.empty())
        diags.report(DiagID::DBIndexTypeField, w.range)
            << methodName << name
            << ("native type " + native + " has no default " + methodName +
                " operator class")
                   .str();
      else if (opclass)
        diags.report(DiagID::DBIndexOperatorClass, w.ops->range)
            << opclass->name << name
            << "it needs the field to declare a native type (@db...)";
      else if (!takesFieldType(method, field) && method != Index::Method::Gin)
        diags.report(DiagID::DBIndexTypeField, w.range)
            << methodName << name
            << ("the index type does not support fields of type " +
                getTypeKindName(field.type) + (field.isList ? "[]" : ""))
                   .str();
    };
    auto mismatch = [&](StringRef typeName) {
      diags.report(DiagID::DBIndexOperatorClass, w.ops->range)
          << opclass->name << name
          << ("the field is not of type " + typeName).str();
    };
    switch (method) {
    case Index::Method::Default:
    case Index::Method::BTree:
    case Index::Method::Hash:
      break;
    case Index::Method::Gist:
      if (!(native == "Inet" && opclass && w.ops->text == "InetOps"))
        fail();
      break;
    case Index::Method::Gin:
      if (native.empty() && !opclass)
        break; // DB054.
      if (field.isList && !opclass)
        break;
      if (native == "JsonB" &&
          (!opclass || opclass->prismaType == TypeKind::Json))
        break;
      if (native.empty() && opclass && opclass->prismaType == TypeKind::Json) {
        if (field.type != TypeKind::Json)
          mismatch("Json");
        break;
      }
      if (opclass && w.ops->text == "ArrayOps") {
        if (!field.isList)
          diags.report(DiagID::DBIndexOperatorClass, w.ops->range)
              << "ArrayOps" << name << "the field is not a list";
        break;
      }
      fail();
      break;
    case Index::Method::SpGist:
      if (native == "Inet" && (!opclass || w.ops->text == "InetOps"))
        break;
      if (native.empty() && !opclass && field.type == TypeKind::String)
        break;
      if (native.empty() && opclass && w.ops->text == "TextOps") {
        if (field.type != TypeKind::String)
          mismatch("String");
        break;
      }
      if ((native == "Text" || native == "VarChar" || native == "Char") &&
          (!opclass || w.ops->text == "TextOps"))
        break;
      fail();
      break;
    case Index::Method::Brin:
      if (!native.empty()) {
        if (!opclass ? hasBrinDefault(native)
                     : listsNativeType(opclass->nativeTypes, native))
          break;
        fail();
        break;
      }
      if (!opclass) {
        switch (field.type) {
        case TypeKind::Float:
        case TypeKind::Int:
        case TypeKind::BigInt:
        case TypeKind::Decimal:
        case TypeKind::Bytes:
        case TypeKind::String:
        case TypeKind::DateTime:
        case TypeKind::Enum:
        case TypeKind::Unknown:
          break;
        default:
          fail();
        }
        break;
      }
      if (opclass->prismaType != TypeKind::Unknown) {
        if (field.type != opclass->prismaType)
          mismatch(getTypeKindName(opclass->prismaType));
        break;
      }
      fail();
      break;
    }
  }
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
struct DBIndexesPass : SchemaPass<DBIndexesPass> {
  static constexpr StringLiteral argument = "db-indexes";
  static constexpr StringLiteral description =
      "Checks indexes: fields, duplicates, redundancy, GIN, index types per "
      "provider, foreign keys without an index.";

  void run(const Schema &schema, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    const DBRelationGraph &graph = analyses.getAnalysis<DBRelationGraph>();
    IndexChecker(schema, graph, diags).run();
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBIndexesPass() {
  return std::make_unique<DBIndexesPass>();
}
