//===- DBAnalysis.h - Cached analyses of DB schemas ------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Analyses the DB passes share, computed once per project by the
/// AnalysisManager:
///
/// - DBSymbols: per schema, the first declaration of every model, view,
///   enum and composite type by name.
/// - DBRelationGraph: per schema, every relation field resolved (target
///   model, foreign key fields, referenced fields, relation name) and paired
///   with its opposite field the way Prisma pairs them.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_ANALYSIS_DBANALYSIS_H
#define ABV_ANALYSIS_DBANALYSIS_H

#include "abv/Basic/StringPool.h"
#include "abv/IR/DB.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Allocator.h"

#include <tuple>
#include <vector>

namespace abv {

class AnalysisManager;
class Project;

/// Name lookup for every DB schema of a project.
class DBSymbols {
public:
  DBSymbols(const Project &project, AnalysisManager &analyses);
  static char ID;

  struct Table {
    llvm::StringMap<const db::Model *> models;
    llvm::StringMap<const db::Enum *> enums;
    llvm::StringMap<const db::CompositeType *> compositeTypes;
  };

  /// The table of \p schema (which must belong to the project).
  const Table &get(const db::Schema &schema) const;

  const db::Model *findModel(const db::Schema &schema,
                             llvm::StringRef name) const {
    const Table &table = get(schema);
    auto it = table.models.find(name);
    return it == table.models.end() ? nullptr : it->second;
  }

private:
  llvm::DenseMap<const db::Schema *, Table> tables;
};

/// The relations of every DB schema of a project.
///
/// Every relation field (a field whose type is a model) becomes one End. Ends
/// are paired the way Prisma's parser database pairs them: the opposite of
/// `A.f: B` is the first other field of B whose type is A and whose relation
/// name (`@relation("name")`, possibly empty) equals f's. A pair, or a lone
/// end, is one relation; the side that holds the foreign key (the one with
/// `fields:`) is its forward end.
///
/// AutoBe's DB AST has no back-relation fields: each relation of prisma.json
/// is a foreign key whose back side AutoBe's schema writer generates. Ends of
/// an AutoBeAST schema are therefore never paired (opposite is always null),
/// always hold the foreign key, reference the target's primary key, and
/// carry the relation name the writer gives them (`mappingName`, which the
/// writer fills in before saving the AST; else, as the writer derives it,
/// "recursive" for a self-relation, `<model>_of_<column>` when one model has
/// several foreign keys to the same target, else none).
class DBRelationGraph {
public:
  DBRelationGraph(const Project &project, AnalysisManager &analyses);
  static char ID;

  /// What a relation is, from Prisma's point of view.
  enum class Kind : unsigned char { OneToOne, OneToMany, ManyToMany };

  /// One relation field, resolved.
  struct End {
    const db::Model *model = nullptr; ///< The model declaring the field.
    const db::Field *field = nullptr; ///< The relation field itself.
    /// The model the field's type names; null when the schema has no such
    /// model.
    const db::Model *target = nullptr;
    /// The paired relation field on target, as Prisma pairs them; null for
    /// a one-sided relation (and always for AutoBe's AST).
    const End *opposite = nullptr;
    /// `fields:`, resolved on model; an entry is null when the name is not a
    /// field of model. Empty when the field defines no foreign key.
    llvm::SmallVector<const db::Field *, 2> fkFields;
    /// `references:`, resolved on target; an entry is null when the name is
    /// not a field of target. AutoBe relations always reference the target's
    /// primary key (impliedReferences).
    llvm::SmallVector<const db::Field *, 2> referencedFields;
    /// The relation name Prisma uses to pair fields (empty when unnamed).
    llvm::StringRef relationName;
    /// Whether referencedFields are implied by the input format (AutoBe's
    /// AST) rather than spelled by its author.
    bool impliedReferences = false;
    /// The end comes from AutoBe's AST (an AutoBeAST schema).
    bool isAutoBe = false;
    /// The index of this end in SchemaRelations::ends.
    unsigned index = 0;

    /// `fields:` (or `references:`) was given: this end holds the foreign
    /// key. Every end of an AutoBe AST holds one.
    bool definesForeignKey() const;
    bool isList() const { return field->isList; }
    bool isSelfRelation() const { return model == target; }
  };

  /// The relations of one schema.
  struct SchemaRelations {
    /// Every relation field, in model order, then field order.
    std::vector<End> ends;
    /// The index in ends of each relation field.
    llvm::DenseMap<const db::Field *, unsigned> endOfField;
    /// For each model, the ends whose target it is, in ends order.
    llvm::DenseMap<const db::Model *, llvm::SmallVector<const End *, 4>>
        incoming;
    /// The ends of one model that point at the same target with the same
    /// relation name, in declaration order. Prisma allows one per side
    /// (two for a named self-relation); more make the relation ambiguous.
    llvm::DenseMap<
        std::tuple<const db::Model *, const db::Model *, llvm::StringRef>,
        llvm::SmallVector<const End *, 2>>
        siblings;
  };

  /// The relations of \p schema (which must belong to the project).
  const SchemaRelations &get(const db::Schema &schema) const;

  /// The End of relation field \p field of \p schema, or null when \p field
  /// is not a relation field.
  const End *getEnd(const db::Schema &schema, const db::Field &field) const;

  /// The ends of \p schema whose target is \p model (its back-relations, from
  /// the target's point of view).
  llvm::ArrayRef<const End *> getIncoming(const db::Schema &schema,
                                          const db::Model &model) const;

  /// The ends of end.model pointing at end.target with end's relation name,
  /// \p end included, in declaration order.
  llvm::ArrayRef<const End *> getSiblings(const db::Schema &schema,
                                          const End &end) const;

  /// The end holding the foreign key of the relation \p end belongs to:
  /// \p end or its opposite; null when neither defines one.
  static const End *getForwardEnd(const End &end);

  /// One-to-one, one-to-many or many-to-many, as Prisma infers it: from the
  /// arity of both sides, or for a one-sided singular relation, from
  /// whether its foreign key is exactly a unique criterion.
  static Kind getKind(const End &end);

  /// Whether \p fields (all non-null) are exactly the fields of a primary
  /// key or unique constraint of \p model, in any order.
  static bool isUniqueCriterion(const db::Model &model,
                                llvm::ArrayRef<const db::Field *> fields);

private:
  void build(const db::Schema &schema, const DBSymbols &symbols);

  llvm::DenseMap<const db::Schema *, SchemaRelations> schemas;
  StringPool saver;
};

} // namespace abv

#endif // ABV_ANALYSIS_DBANALYSIS_H
