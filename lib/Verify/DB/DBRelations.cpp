//===- DBRelations.cpp - The db-relations pass ----------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks relations: targets, fields and references, arity, uniqueness,
/// back-relations, names, referential actions and cycles of required foreign
/// keys; in Prisma text also the referential actions a relation mode or
/// provider does not implement (DB049) and the cascades Prisma refuses where
/// it or SQL Server applies them itself: cycles and self-relations under
/// `relationMode = "prisma"`, on SQL Server and on MongoDB, and several
/// cascade paths into one model on SQL Server (DB095).
///
/// SetNull on a required foreign key (DB044) is an error on every provider:
/// the database rejects the update (or Prisma's emulation does) the first
/// time it fires. Prisma makes it an error too, except on PostgreSQL with
/// foreign keys, where it only warns; ABV's stance is stricter there
/// (docs/Referee.md).
///
/// The rules follow Prisma's validator (psl-core's `relations.rs`,
/// `relations/one_to_one.rs`, `relations/one_to_many.rs` and
/// `relation_fields.rs`) and AutoBe's own database validator
/// (`validateDatabaseApplication`). Relation pairing comes from the cached
/// DBRelationGraph analysis. Checks that are about the two sides of a
/// relation (DB031, DB032, DB037, DB039, DB043, DB046, DB048) apply to
/// `.prisma` text only: AutoBe's AST declares each relation once, as a foreign
/// key, and its schema writer generates the back side. DB038 on the AST
/// predicts the relation names the writer will produce; DB041 applies to the
/// AST only.
///
//===----------------------------------------------------------------------===//

#include "DBPrismaRules.h"

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Analysis/Digraph.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <set>
#include <string>
#include <tuple>

using namespace abv;
using namespace abv::db;
using namespace llvm;

using End = DBRelationGraph::End;

//===----------------------------------------------------------------------===//
// Ranges and spellings
//===----------------------------------------------------------------------===//

/// The value range of argument \p argName of the field's `@relation`, or an
/// invalid range when it is not spelled (always, in AutoBe's AST).
static SMRange getRelationArgRange(const Field &field, StringRef argName) {
  if (const Attribute *attr = field.getAttribute("relation"))
    if (const AttributeArg *arg = attr->getArg(argName))
      return arg->value.range;
  return {};
}

/// The range from the first to the last of \p idents, or invalid.
static SMRange getSpan(ArrayRef<Ident> idents) {
  if (idents.empty() || !idents.front().range.Start.isValid())
    return {};
  return SMRange(idents.front().range.Start, idents.back().range.End);
}

/// Where a relation's `fields:` is: the argument, else the names, else the
/// field name.
static SMRange getFieldsRange(const Field &field) {
  if (SMRange range = getRelationArgRange(field, "fields"); range.isValid())
    return range;
  if (SMRange range = getSpan(field.getRelation().fields); range.isValid())
    return range;
  return field.name.range;
}

/// Where a relation's `references:` is: the argument, else the names, else
/// the type name.
static SMRange getReferencesRange(const Field &field) {
  if (SMRange range = getRelationArgRange(field, "references"); range.isValid())
    return range;
  if (SMRange range = getSpan(field.getRelation().references); range.isValid())
    return range;
  return field.typeName.range.isValid() ? field.typeName.range
                                        : field.name.range;
}

/// The whole `@relation(...)` attribute, else the field name.
static SMRange getRelationAttrRange(const Field &field) {
  if (field.getRelation().attrRange.isValid())
    return field.getRelation().attrRange;
  return field.name.range;
}

/// "a, b" for a list of fields (null entries are skipped).
static std::string joinNames(ArrayRef<const Field *> fields) {
  std::string result;
  for (const Field *field : fields) {
    if (!field)
      continue;
    if (!result.empty())
      result += ", ";
    result += field->name.name;
  }
  return result;
}

/// How a scalar field's type is spelled in a message: "String @db.Uuid" in
/// Prisma text, AutoBe's logical type ("uuid") in the AST.
static std::string describeType(const Field &field) {
  if (!field.autobeType.empty())
    return field.autobeType.str();
  std::string result = field.typeName.name.str();
  if (field.nativeType)
    result +=
        (" @" + field.nativeType->prefix + "." + field.nativeType->name.name)
            .str();
  return result;
}

/// The storage family of a String column, for the native type comparison of
/// foreign keys: PostgreSQL (and CockroachDB) cannot build a foreign key
/// between `uuid` and `text`, while `text`, `varchar` and `char` mix freely.
/// AutoBe's logical types map the same way (uuid -> @db.Uuid, string and
/// uri -> text/varchar).
static std::string getStringFamily(const Field &field, bool nativeTypes) {
  if (!field.autobeType.empty()) {
    StringRef type = field.autobeType;
    if (type == "uuid")
      return "uuid";
    if (type == "string" || type == "uri")
      return "text";
    return type.str();
  }
  if (!nativeTypes || !field.nativeType)
    return "text";
  std::string name = field.nativeType->name.name.lower();
  if (name == "text" || name == "varchar" || name == "char")
    return "text";
  return name;
}

/// Whether two scalar fields have the same Prisma type (the same enum or
/// composite type), as Prisma requires of a foreign key and its reference.
static bool prismaTypesMatch(const Field &fk, const Field &ref) {
  if (fk.type != ref.type)
    return false;
  if ((fk.type == TypeKind::Enum || fk.type == TypeKind::Composite) &&
      fk.typeName.name != ref.typeName.name)
    return false;
  return true;
}

static bool isResolvedScalarList(ArrayRef<const Field *> fields) {
  return !fields.empty() && llvm::all_of(fields, [](const Field *field) {
    return field && !field->isRelation();
  });
}

//===----------------------------------------------------------------------===//
// The checker
//===----------------------------------------------------------------------===//

namespace {
/// Checks the relations of one schema.
class RelationChecker {
public:
  RelationChecker(const Schema &schema, const DBRelationGraph &graph,
                  DiagnosticEngine &diags)
      : schema(schema), graph(graph), rels(graph.get(schema)), diags(diags),
        isText(schema.origin == SchemaOrigin::PrismaText),
        provider(schema.getProvider()) {}

  void run();

private:
  void checkEnd(const End &end);
  void checkForeignKey(const End &end);
  void checkTypes(const End &end);
  void checkPair(const End &first, const End &second);
  void checkTextNames(const End &end);
  void checkAutoBeNames();
  void checkOppositeNames();
  void checkCycles();
  void checkActions(const End &end);
  void checkCascadeCycles();
  void checkCascadePaths();
  /// The action a relation takes on delete / update, spelled or Prisma's
  /// default (SetNull for an optional relation, Restrict or, where the
  /// relation mode lacks it, NoAction for a required one; Cascade on
  /// update).
  StringRef getOnDelete(const End &end) const;
  StringRef getOnUpdate(const End &end) const;
  /// Whether the relation changes rows of its model when the referenced
  /// row changes: any action but NoAction and Restrict, on delete or update.
  bool triggersModification(const End &end) const {
    auto modifies = [](StringRef action) {
      return action != "NoAction" && action != "Restrict";
    };
    return modifies(getOnDelete(end)) || modifies(getOnUpdate(end));
  }
  /// The relations that hold a foreign key out of \p model, in order.
  SmallVector<const End *, 4> getForwardRelations(const Model *model) const;

  /// Providers whose columns carry native types that matter for foreign
  /// keys. The AST's logical types always do (AutoBe targets PostgreSQL).
  bool hasNativeTypes() const {
    return !isText || provider == Provider::PostgreSQL ||
           provider == Provider::CockroachDB;
  }

  const Schema &schema;
  const DBRelationGraph &graph;
  const DBRelationGraph::SchemaRelations &rels;
  DiagnosticEngine &diags;
  bool isText;
  Provider provider;
  bool emulated = usesPrismaRelationMode(schema);
};
} // namespace

void RelationChecker::run() {
  for (const End &end : rels.ends)
    checkEnd(end);
  if (isText) {
    for (const End &end : rels.ends)
      if (end.target)
        checkTextNames(end);
  } else {
    checkAutoBeNames();
    checkOppositeNames();
  }
  checkCycles();
  if (isText) {
    for (const End &end : rels.ends)
      if (end.target && end.definesForeignKey() && end.field->relation)
        checkActions(end);
    checkCascadeCycles();
    checkCascadePaths();
  }
}

void RelationChecker::checkEnd(const End &end) {
  const Field &field = *end.field;
  // A relation to a missing model is the resolve pass's (DB030).
  if (!end.target)
    return;

  bool isFK = end.definesForeignKey();
  if (isText && isFK && end.isList() && provider != Provider::MongoDB) {
    // MongoDB's two-way embedded many-to-many relations are the one place
    // Prisma allows `fields` on a list.
    diags.report(DiagID::DBRelationListWithFields, getFieldsRange(field))
        << field.name.name;
    isFK = false;
  } else if (isFK) {
    checkForeignKey(end);
  }

  if (!isText)
    return;
  const End *opposite = end.opposite;
  if (!opposite) {
    (diags.report(DiagID::DBRelationMissingBack, field.name.range)
     << field.name.name << end.target->name.name)
            .note(end.target->name.range, NoteID::ModelDeclaredHere)
        << end.target->name.name;
    return;
  }
  // Pair-level checks run once per mutually paired relation.
  if (opposite->opposite == &end && end.index < opposite->index)
    checkPair(end, *opposite);
}

void RelationChecker::checkForeignKey(const End &end) {
  const Field &field = *end.field;
  const RelationInfo &info = field.getRelation();

  // DB042: names in fields/references must be scalar fields.
  bool namesOK = true;
  for (auto [ident, resolved] : llvm::zip(info.fields, end.fkFields)) {
    if (resolved && !resolved->isRelation())
      continue;
    namesOK = false;
    diags.report(DiagID::DBRelationUnknownField, ident.range)
        << field.name.name << ident.name << end.model->name.name;
  }
  if (!end.impliedReferences) {
    for (auto [ident, resolved] :
         llvm::zip(info.references, end.referencedFields)) {
      if (resolved && !resolved->isRelation())
        continue;
      namesOK = false;
      diags.report(DiagID::DBRelationUnknownField, ident.range)
          << field.name.name << ident.name << end.target->name.name;
    }
  }

  // DB033: fields and references must both be given, with equal lengths.
  size_t refCount = end.impliedReferences ? end.referencedFields.size()
                                          : info.references.size();
  if (info.fields.size() != refCount) {
    SMRange at = info.references.empty() && !end.impliedReferences
                     ? getFieldsRange(field)
                     : getReferencesRange(field);
    diags.report(DiagID::DBRelationArity, at)
        << field.name.name << static_cast<unsigned>(info.fields.size())
        << static_cast<unsigned>(refCount);
    return;
  }
  if (!namesOK || !isResolvedScalarList(end.fkFields) ||
      !isResolvedScalarList(end.referencedFields))
    return;

  // DB034: references must be exactly a unique criterion of the target.
  if (!DBRelationGraph::isUniqueCriterion(*end.target, end.referencedFields))
    (diags.report(DiagID::DBRelationReferencesNotUnique,
                  getReferencesRange(field))
     << field.name.name << joinNames(end.referencedFields)
     << end.target->name.name)
            .note(end.target->name.range, NoteID::ModelDeclaredHere)
        << end.target->name.name;

  checkTypes(end);

  // DB036: a required relation cannot sit on an optional foreign key.
  if (!field.isOptional && !field.isList) {
    for (const Field *fk : end.fkFields) {
      if (!fk->isOptional)
        continue;
      (diags.report(DiagID::DBRelationRequiredOptionalFK,
                    field.typeName.range.isValid() ? field.typeName.range
                                                   : field.name.range)
       << field.name.name << fk->name.name)
              .note(fk->name.range, NoteID::ForeignKeyOptionalHere)
          << fk->name.name;
      break;
    }
  }

  // DB044: SetNull needs nullable foreign key columns.
  const Field *required = nullptr;
  for (const Field *fk : end.fkFields)
    if (!fk->isOptional) {
      required = fk;
      break;
    }
  if (required) {
    for (const Ident *action : {&info.onDelete, &info.onUpdate}) {
      if (action->name != "SetNull")
        continue;
      StringRef which = action == &info.onDelete ? "onDelete" : "onUpdate";
      (diags.report(DiagID::DBRelationSetNullRequired, action->range)
       << which << field.name.name << required->name.name)
              .note(required->name.range, NoteID::DeclaredRequiredHere)
          << required->name.name;
    }
  }
}

void RelationChecker::checkTypes(const End &end) {
  bool nativeTypes = hasNativeTypes();
  const RelationInfo &info = end.field->getRelation();
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip(end.fkFields, end.referencedFields))) {
    const Field &fk = *std::get<0>(pair);
    const Field &ref = *std::get<1>(pair);
    if (fk.type == TypeKind::Unknown || ref.type == TypeKind::Unknown)
      continue;
    SMRange at = index < info.fields.size() ? info.fields[index].range
                                            : getFieldsRange(*end.field);
    if (!at.isValid())
      at = fk.name.range;
    std::string refName = (end.target->name.name + "." + ref.name.name).str();
    if (!prismaTypesMatch(fk, ref)) {
      (diags.report(DiagID::DBRelationTypeMismatch, at)
       << fk.name.name << describeType(fk) << refName << describeType(ref))
              .note(ref.name.range, NoteID::DeclaredHere)
          << refName;
      continue;
    }
    // DB047: Prisma accepts the pair, but PostgreSQL cannot build a foreign
    // key between uuid and text columns.
    if (fk.type != TypeKind::String)
      continue;
    std::string fkFamily = getStringFamily(fk, nativeTypes);
    std::string refFamily = getStringFamily(ref, nativeTypes);
    if (fkFamily == refFamily)
      continue;
    (diags.report(DiagID::DBRelationNativeTypeMismatch, at)
     << fk.name.name << fkFamily << refName << refFamily)
            .note(ref.name.range, NoteID::DeclaredHere)
        << refName;
  }
}

void RelationChecker::checkPair(const End &first, const End &second) {
  bool firstFK = first.definesForeignKey() && !first.isList();
  bool secondFK = second.definesForeignKey() && !second.isList();
  // A list side that defines the key was already reported (DB043).
  bool listFK = (first.isList() && first.definesForeignKey()) ||
                (second.isList() && second.definesForeignKey());

  auto describe = [](const End &end) {
    return (end.model->name.name + "." + end.field->name.name).str();
  };
  if (firstFK && secondFK) {
    // Reported on both fields, as Prisma does: either may be the one to fix.
    for (auto [self, other] :
         {std::pair(&first, &second), std::pair(&second, &first)})
      (diags.report(DiagID::DBRelationFieldsBothSides,
                    getRelationAttrRange(*self->field))
       << self->field->name.name)
              .note(getRelationAttrRange(*other->field),
                    NoteID::AlsoDefinesThem)
          << describe(*other);
    return;
  }

  DBRelationGraph::Kind kind = DBRelationGraph::getKind(first);
  if (kind == DBRelationGraph::Kind::ManyToMany) {
    // DB048: Prisma's join table stores one id per side.
    if (listFK)
      return;
    // A view has no @id (DB092): neither side may be one.
    for (const End *end : {&first, &second}) {
      const Model *keyless = end->model->isView ? end->model : end->target;
      const Index *pk = keyless->getPrimaryKey();
      if (!keyless->isView && pk && pk->fields.size() == 1)
        continue;
      (diags.report(DiagID::DBRelationManyToManyId, end->field->name.range)
       << end->field->name.name << keyless->name.name)
              .note(keyless->name.range, keyless->isView
                                             ? NoteID::ViewDeclaredHere
                                             : NoteID::ModelDeclaredHere)
          << keyless->name.name;
    }
    return;
  }
  if (!firstFK && !secondFK) {
    // The singular side of a one-to-many must hold the key (also when the
    // list side wrongly does, DB043); either side of a one-to-one may.
    for (auto [self, other] :
         {std::pair(&first, &second), std::pair(&second, &first)}) {
      if (self->isList())
        continue;
      (diags.report(DiagID::DBRelationFieldsNeitherSide,
                    self->field->name.range)
       << self->field->name.name)
              .note(other->field->name.range, NoteID::OppositeFieldIs)
          << describe(*other);
    }
    return;
  }

  if (kind != DBRelationGraph::Kind::OneToOne)
    return;
  const End &forward = firstFK ? first : second;
  const End &back = firstFK ? second : first;

  // DB039: the key of a one-to-one must be unique on the defining side.
  if (isResolvedScalarList(forward.fkFields) &&
      !DBRelationGraph::isUniqueCriterion(*forward.model, forward.fkFields))
    (diags.report(DiagID::DBRelationOneToOneNotUnique,
                  getFieldsRange(*forward.field))
     << forward.field->name.name << joinNames(forward.fkFields))
            .note(back.field->name.range, NoteID::MakesOneToOne)
        << back.model->name.name + "." + back.field->name.name;

  // DB046: the database cannot enforce a required back side.
  if (!back.field->isOptional)
    (diags.report(DiagID::DBRelationBackRequired, back.field->typeName.range)
     << back.field->name.name)
            .note(forward.field->name.range, NoteID::ForeignKeyHeldBy)
        << forward.model->name.name + "." + forward.field->name.name;
}

/// DB038 and DB045 for Prisma text: the fields of one model pointing at the
/// same target share a relation name.
void RelationChecker::checkTextNames(const End &end) {
  ArrayRef<const End *> siblings = graph.getSiblings(schema, end);
  if (siblings.size() < 2)
    return;
  // Every field of the group is reported, as Prisma does, with a note at
  // another member.
  const End &other =
      siblings.front() == &end ? *siblings[1] : *siblings.front();
  std::string otherName =
      (other.model->name.name + "." + other.field->name.name).str();
  if (end.relationName.empty()) {
    (diags.report(DiagID::DBRelationAmbiguous, end.field->name.range)
     << end.model->name.name << end.target->name.name)
            .note(other.field->name.range, NoteID::AlsoRefersUnnamed)
        << otherName << end.target->name.name;
    return;
  }
  unsigned allowed = end.isSelfRelation() ? 2 : 1;
  if (siblings.size() <= allowed)
    return;
  SMRange at = getRelationArgRange(*end.field, "");
  if (!at.isValid())
    at = getRelationArgRange(*end.field, "name");
  if (!at.isValid())
    at = end.field->name.range;
  (diags.report(DiagID::DBRelationDuplicateName, at)
   << end.relationName << static_cast<unsigned>(siblings.size())
   << end.model->name.name << end.target->name.name << allowed)
          .note(other.field->name.range, NoteID::SameRelationName)
      << otherName;
}

/// DB038 for AutoBe's AST: AutoBe's writer emits, for each foreign key of A
/// to B, a relation field on A and a back-relation field on B, both carrying
/// the relation name it derives. Two relations between the same two models
/// (in either direction) with the same name make the written schema
/// ambiguous.
void RelationChecker::checkAutoBeNames() {
  DenseMap<std::tuple<const Model *, const Model *, StringRef>,
           SmallVector<const End *, 2>>
      groups;
  for (const End &end : rels.ends) {
    if (!end.target)
      continue;
    const Model *low = end.model, *high = end.target;
    if (std::less<>()(high, low))
      std::swap(low, high);
    SmallVector<const End *, 2> &group = groups[{low, high, end.relationName}];
    group.push_back(&end);
  }
  for (const End &end : rels.ends) {
    if (!end.target)
      continue;
    const Model *low = end.model, *high = end.target;
    if (std::less<>()(high, low))
      std::swap(low, high);
    const SmallVector<const End *, 2> &group =
        groups.find({low, high, end.relationName})->second;
    if (group.size() < 2)
      continue;
    const End &other = group.front() == &end ? *group[1] : *group.front();
    (diags.report(DiagID::DBRelationAmbiguous, end.field->name.range)
     << end.model->name.name << end.target->name.name)
            .note(other.field->name.range, end.relationName.empty()
                                               ? NoteID::JoinsSameModelsUnnamed
                                               : NoteID::JoinsSameModelsNamed)
        << other.model->name.name + "." + other.field->name.name
        << end.relationName;
  }
}

/// DB041 (AutoBe 2026 AST): each oppositeName becomes a field of the target
/// model, so it must be unique there and must not collide with its fields.
void RelationChecker::checkOppositeNames() {
  DenseMap<std::pair<const Model *, StringRef>, const End *> seen;
  for (const End &end : rels.ends) {
    const Ident &opposite = end.field->getRelation().oppositeName;
    if (!end.target || opposite.empty())
      continue;
    if (const Field *clash = end.target->findField(opposite.name)) {
      (diags.report(DiagID::DBRelationDuplicateOppositeName, opposite.range)
       << opposite.name << end.target->name.name)
              .note(clash->name.range, NoteID::AlreadyAField)
          << end.target->name.name + "." + opposite.name;
      continue;
    }
    auto [it, inserted] = seen.try_emplace({end.target, opposite.name}, &end);
    if (inserted)
      continue;
    const End &first = *it->second;
    (diags.report(DiagID::DBRelationDuplicateOppositeName, opposite.range)
     << opposite.name << end.target->name.name)
            .note(first.field->getRelation().oppositeName.range,
                  NoteID::AlreadyUsesIt)
        << first.model->name.name + "." + first.field->name.name;
  }
}

/// DB040: a cycle of foreign keys that are all NOT NULL admits no insert
/// order (each row needs the next to exist first). Self-references are
/// excluded (a row may refer to itself, or the first row of a tree has a
/// nullable parent), and so is any cycle through a nullable foreign key (it
/// is broken by inserting NULL first and updating later). One cycle is
/// reported per strongly connected component, at its first foreign key.
//===----------------------------------------------------------------------===//
// Referential actions per relation mode and provider
//===----------------------------------------------------------------------===//

/// DB049: the actions a relation mode does not implement. Prisma's
/// emulation (relationMode = "prisma", always on MongoDB) has no SetDefault
/// and, on PostgreSQL and SQLite, no NoAction; SQL Server's foreign keys
/// have no RESTRICT.
void RelationChecker::checkActions(const End &end) {
  const RelationInfo &info = end.field->getRelation();
  for (const Ident *action : {&info.onDelete, &info.onUpdate}) {
    StringRef name = action->name;
    std::string why;
    if (emulated && name == "SetDefault")
      why = provider == Provider::MongoDB
                ? "on MongoDB, where Prisma emulates relations"
                : "with relationMode = \"prisma\", where Prisma emulates "
                  "relations";
    else if (emulated && name == "NoAction" &&
             (provider == Provider::PostgreSQL || provider == Provider::SQLite))
      why = ("with relationMode = \"prisma\" on " + getProviderName(provider) +
             "; use Restrict")
                .str();
    else if (!emulated && name == "Restrict" && provider == Provider::SQLServer)
      why = "by SQL Server's foreign keys; use NoAction";
    if (!why.empty())
      diags.report(DiagID::DBReferentialActionUnsupported, action->range)
          << name << why;
  }
}

StringRef RelationChecker::getOnDelete(const End &end) const {
  const RelationInfo &info = end.field->getRelation();
  if (!info.onDelete.empty())
    return info.onDelete.name;
  if (end.field->isOptional)
    return "SetNull";
  bool hasRestrict = emulated || provider != Provider::SQLServer;
  return hasRestrict ? "Restrict" : "NoAction";
}

StringRef RelationChecker::getOnUpdate(const End &end) const {
  const RelationInfo &info = end.field->getRelation();
  return info.onUpdate.empty() ? StringRef("Cascade") : info.onUpdate.name;
}

SmallVector<const End *, 4>
RelationChecker::getForwardRelations(const Model *model) const {
  SmallVector<const End *, 4> out;
  for (const End &end : rels.ends)
    if (end.model == model && end.target && !end.isList() &&
        end.definesForeignKey() && end.field->relation && end.opposite)
      out.push_back(&end);
  return out;
}

/// "A.b -> B.a -> A": a chain of relations for a message.
static std::string describePath(ArrayRef<const End *> path) {
  std::string text;
  for (const End *end : path) {
    text += (end->model->name.name + "." + end->field->name.name).str();
    text += " -> ";
  }
  if (!path.empty())
    text += path.back()->target->name.name.str();
  return text;
}

/// DB095: where Prisma emulates relations, and on SQL Server and MongoDB,
/// cascades may not run in a circle: a self-relation, or relations leading
/// back to the model they start from, need NoAction (both actions) on one
/// of them. Reported at every relation that starts such a circle, as Prisma
/// does.
void RelationChecker::checkCascadeCycles() {
  if (!emulated && provider != Provider::SQLServer &&
      provider != Provider::MongoDB)
    return;
  for (const End &root : rels.ends) {
    if (!root.target || root.isList() || !root.definesForeignKey() ||
        !root.field->relation || !root.opposite)
      continue;
    llvm::SmallPtrSet<const Field *, 8> visited;
    struct Step {
      const End *end;
      SmallVector<const End *, 4> path;
    };
    SmallVector<Step, 8> work;
    work.push_back({&root, {&root}});
    while (!work.empty()) {
      Step step = work.pop_back_val();
      const End &end = *step.end;
      visited.insert(end.field);
      if (!triggersModification(end))
        continue;
      if (end.model == end.target) {
        diags.report(DiagID::DBRelationCascadeCycle, root.field->name.range)
            << ("self-relation '" + end.model->name.name + "." +
                end.field->name.name +
                "' cascades into its own model: set onDelete and onUpdate "
                "to NoAction on one side of it (onUpdate defaults to "
                "Cascade)")
                   .str();
        break;
      }
      if (end.target == root.model) {
        diags.report(DiagID::DBRelationCascadeCycle, root.field->name.range)
            << ("the referential actions cascade in a cycle, " +
                describePath(step.path) +
                ": set onDelete and onUpdate to NoAction on one of these "
                "relations (onUpdate defaults to Cascade)");
        break;
      }
      for (const End *next : getForwardRelations(end.target)) {
        if (visited.contains(next->field))
          continue;
        Step nextStep{next, step.path};
        nextStep.path.push_back(next);
        work.push_back(std::move(nextStep));
      }
    }
  }
}

/// DB095: SQL Server also refuses two cascade paths from one table into
/// another (A -> B -> C and A -> C). Prisma checks it from the model that
/// holds the foreign keys: the models reachable through one of its
/// relations must not be reachable through another.
void RelationChecker::checkCascadePaths() {
  if (provider != Provider::SQLServer || emulated)
    return;
  for (const End &root : rels.ends) {
    if (!root.target || root.isList() || !root.definesForeignKey() ||
        !root.field->relation || !root.opposite || !triggersModification(root))
      continue;
    const Model *parent = root.model;
    // The models reachable from each first relation, over cascading
    // relations, cycles and self-relations left out.
    std::vector<std::pair<const Field *, StringSet<>>> reach;
    for (const End *first : getForwardRelations(parent)) {
      if (!triggersModification(*first))
        continue;
      StringSet<> seen;
      SmallVector<std::pair<const End *, SmallPtrSet<const Field *, 8>>, 8>
          work;
      work.push_back({first, {}});
      while (!work.empty()) {
        auto [end, path] = work.pop_back_val();
        path.insert(end->field);
        if (end->model == end->target || end->target == parent)
          continue;
        seen.insert(end->target->name.name);
        for (const End *next : getForwardRelations(end->target))
          if (triggersModification(*next) && !path.contains(next->field))
            work.push_back({next, path});
      }
      reach.emplace_back(first->field, std::move(seen));
    }
    const StringSet<> *mine = nullptr;
    for (auto &entry : reach)
      if (entry.first == root.field)
        mine = &entry.second;
    if (!mine)
      continue;
    std::set<std::string> both;
    for (auto &entry : reach) {
      if (entry.first == root.field)
        continue;
      for (const auto &model : *mine)
        if (entry.second.contains(model.getKey()))
          both.insert(model.getKey().str());
    }
    if (both.empty())
      continue;
    std::string models;
    for (const std::string &model : both)
      models += (models.empty() ? "'" : ", '") + model + "'";
    diags.report(DiagID::DBRelationCascadeCycle, root.field->name.range)
        << ("deleting or updating a row of " + models + " cascades to model '" +
            parent->name.name.str() +
            "' through more than one path, which SQL Server refuses: set "
            "onDelete and onUpdate to NoAction on one of the paths");
  }
}

void RelationChecker::checkCycles() {
  size_t modelCount = schema.models.size();
  if (modelCount == 0)
    return;
  const Model *base = schema.models.data();
  auto indexOf = [&](const Model *model) {
    return static_cast<unsigned>(model - base);
  };

  // The graph of required foreign keys between models.
  Digraph<const End *> graph(modelCount);
  for (const End &end : rels.ends) {
    if (!end.target || end.isSelfRelation() || end.isList() ||
        !end.definesForeignKey() || end.fkFields.empty())
      continue;
    bool required = llvm::all_of(end.fkFields, [](const Field *field) {
      return field && !field->isOptional;
    });
    if (required)
      graph.addEdge(indexOf(end.model), indexOf(end.target), &end);
  }

  // Each cyclic component once, by its shortest cycle from its first model.
  for (const SmallVector<unsigned, 4> &component :
       graph.getCyclicComponents()) {
    unsigned start = component.front();
    SmallVector<const End *, 8> path;
    for (const auto *edge : graph.getShortestCycle(start, component))
      path.push_back(edge->data);
    if (path.empty())
      continue;

    // Long cycles are abbreviated: the first keys, then the last one.
    constexpr size_t shown = 8;
    std::string text;
    for (auto [i, edge] : llvm::enumerate(path)) {
      if (path.size() > shown + 1 && i == shown - 1) {
        text += "... (" + std::to_string(path.size() - shown) + " more) -> ";
        continue;
      }
      if (path.size() > shown + 1 && i >= shown && i + 1 < path.size())
        continue;
      text += (edge->model->name.name + ".").str();
      text += joinNames(edge->fkFields);
      text += " -> ";
    }
    text += base[start].name.name;
    InFlightDiagnostic diag = diags.report(
        DiagID::DBRelationCycle, getFieldsRange(*path.front()->field));
    diag << text;
    for (const End *edge :
         ArrayRef<const End *>(path).slice(1).take_front(shown))
      diag.note(getFieldsRange(*edge->field), NoteID::RequiresRowHere)
          << edge->model->name.name << edge->target->name.name;
  }
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {
struct DBRelationsPass : SchemaPass<DBRelationsPass> {
  static constexpr StringLiteral argument = "db-relations";
  static constexpr StringLiteral description =
      "Checks relations: targets, fields and references, arity, uniqueness, "
      "back-relations, names, cycles.";

  void run(const Schema &schema, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    const DBRelationGraph &graph = analyses.getAnalysis<DBRelationGraph>();
    RelationChecker(schema, graph, diags).run();
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBRelationsPass() {
  return std::make_unique<DBRelationsPass>();
}
