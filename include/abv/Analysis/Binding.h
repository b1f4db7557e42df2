//===- Binding.h - Every cross reference of a project, resolved -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The binding of a project: every by-name reference of its canonical
/// artifacts resolved once into a typed pointer, with the reverse "uses"
/// index, as MLIR's SymbolTable and clang's Sema lookup do. Passes ask the
/// binding; they do not match strings themselves.
///
/// | reference                  | from                        | to            |
/// |----------------------------|-----------------------------|---------------|
/// | `$ref` / AutoBe typeName   | api::Type (Ref)             | api::NamedType|
/// | DTO -> table               | api::NamedType              | db::Model     |
/// | property -> column         | api::Property of a DTO      | db::Field     |
/// | actor -> table             | an operation's actor        | db::Model     |
/// | relation -> model          | db::Field (relation)        | db::Model     |
///
/// How a DTO finds its table, in order (docs/Architecture.md, "Binding"):
/// its own `x-autobe-prisma-schema` / `x-autobe-database-schema`
/// (Explicit); the table any DTO of its family links (Family:
/// `IArticle.ISummary` takes `IArticle`'s); else its name (Name): the family
/// name in snake case, plural or singular (`IShoppingSale` ->
/// `shopping_sales`), with words run together (`todo_app_guestuser`), or
/// the one table ending in `_<name>`. A member that is not a DTO variant
/// (`IBbsArticle.ISnapshot`) first tries a table of its own.
///
/// A property finds its column by its `x-autobe-database-schema-property`,
/// else by its name, else by the same words in another case convention
/// (`createdAt` -> `created_at`). An actor (`member`) finds the table named
/// `<actor>`, `<actor>s`, `<prefix>_<actor>` or `<prefix>_<actor>s`, in
/// snake case or with its words run together.
///
/// What does not resolve is recorded, located, as Unresolved; the `resolve`
/// pass reports it (API001, LNK001, LNK002, LNK007, DB030). Name lookups go
/// through hash indexes built once, so binding a project of thousands of
/// tables and DTOs costs linear time.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_ANALYSIS_BINDING_H
#define ABV_ANALYSIS_BINDING_H

#include "abv/IR/API.h"
#include "abv/IR/DB.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SMLoc.h"

#include <string>
#include <vector>

namespace abv {

class AnalysisManager;
class Project;

namespace logic {
class Module;
struct Function;
struct Route;
struct SDKCall;
} // namespace logic

class Binding {
public:
  Binding(const Project &project, AnalysisManager &analyses);
  static char ID;

  /// The canonical artifacts bound; either may be null.
  const db::Schema *getSchema() const { return schema; }
  const api::Document *getDocument() const { return document; }

  //===--------------------------------------------------------------------===//
  // API references
  //===--------------------------------------------------------------------===//

  /// The named type the Ref node \p ref names; null when it names none (or
  /// \p ref is not a Ref node of the document).
  const api::NamedType *getReferencedType(const api::Type &ref) const {
    return refTargets.lookup(&ref);
  }
  /// The Ref nodes that name \p named, in document order.
  llvm::ArrayRef<const api::Type *> getUses(const api::NamedType &named) const;

  //===--------------------------------------------------------------------===//
  // DTO -> table, property -> column
  //===--------------------------------------------------------------------===//

  /// How a DTO found its table.
  enum class LinkKind : unsigned char { None, Explicit, Family, Name };
  struct TableLink {
    const db::Model *model = nullptr;
    LinkKind kind = LinkKind::None;
    explicit operator bool() const { return model != nullptr; }
  };

  /// The table of DTO \p dto.
  TableLink getTable(const api::NamedType &dto) const;
  /// The table of the DTO named \p typeName (a name the document may not
  /// declare, such as a page's item type).
  TableLink getTable(llvm::StringRef typeName) const;
  /// The DTOs whose table is \p model, in document order.
  llvm::ArrayRef<const api::NamedType *> getDTOs(const db::Model &model) const;

  /// The column of \p property (a property of a DTO that has a table), or
  /// null.
  const db::Field *getColumn(const api::Property &property) const {
    return columns.lookup(&property);
  }
  /// The DTO properties whose column is \p field.
  llvm::ArrayRef<const api::Property *>
  getProperties(const db::Field &field) const;

  //===--------------------------------------------------------------------===//
  // Actors and relations
  //===--------------------------------------------------------------------===//

  /// The table behind actor \p actor (`member`), or null.
  const db::Model *getActorTable(llvm::StringRef actor) const;
  /// The model relation field \p field points at, or null.
  const db::Model *getRelationTarget(const db::Field &field) const {
    return relationTargets.lookup(&field);
  }

  //===--------------------------------------------------------------------===//
  // Name lookup (in a project with an API document or code; a schema alone
  // is not indexed, and these find nothing)
  //===--------------------------------------------------------------------===//

  /// The table named \p name (its model name or its mapped table name).
  const db::Model *findTable(llvm::StringRef name) const;
  /// The table the words of a name denote: in snake case, plural or
  /// singular, or with the words run together; with \p allowSuffix, also
  /// the only table whose name ends in `_<words>`.
  const db::Model *findTableForWords(llvm::ArrayRef<std::string> words,
                                     bool allowSuffix) const;
  /// The table a literal path segment (`posts`, `orderItems`) names.
  const db::Model *findTableForSegment(llvm::StringRef segment) const;

  //===--------------------------------------------------------------------===//
  // Logic references (the logic IR, abv/IR/Logic.h)
  //===--------------------------------------------------------------------===//

  /// How a provider found its operation.
  enum class ProviderLinkKind : unsigned char {
    None,
    Route, ///< A controller's `@TypedRoute.<Method>(path)` calls it.
    Name,  ///< Its name is the method and the path's segments
           ///< (`getTodoListUserTodosTodoId`).
  };
  struct ProviderLink {
    const api::Operation *operation = nullptr;
    ProviderLinkKind kind = ProviderLinkKind::None;
    /// The controller route, for ProviderLinkKind::Route.
    const logic::Route *route = nullptr;
    explicit operator bool() const { return operation != nullptr; }
  };
  /// The operation provider \p provider implements.
  ProviderLink getOperation(const logic::Function &provider) const {
    return providerOperations.lookup(&provider);
  }
  /// The provider of \p operation, or null.
  const logic::Function *getProvider(const api::Operation &operation) const {
    return operationProviders.lookup(&operation);
  }
  /// The operation an SDK call's accessor names (2026 ASTs: the operation's
  /// `accessor`; else the path's literal segments then the operation's
  /// name), or null. When several operations share the accessor, the
  /// call's arguments decide (getOperationCandidates); null when they do
  /// not.
  const api::Operation *getOperation(const logic::SDKCall &call) const;
  /// Every operation an SDK call's accessor names, in document order. When
  /// there are several, the arguments narrow them: a `body` key keeps the
  /// operations with a request body; no props object, or one whose keys are
  /// all known and hold no `body`, keeps those without; a narrowing that
  /// would keep none keeps them all.
  llvm::SmallVector<const api::Operation *, 2>
  getOperationCandidates(const logic::SDKCall &call) const;
  /// The table a Prisma client property names (`todo_list_todos`, or
  /// `user` for model `User`), or null.
  const db::Model *findPrismaTable(llvm::StringRef clientName) const;
  /// The field (column or relation) \p name of \p model, or null.
  const db::Field *findField(const db::Model &model,
                             llvm::StringRef name) const;

  //===--------------------------------------------------------------------===//
  // What does not resolve
  //===--------------------------------------------------------------------===//

  struct Unresolved {
    enum class Kind : unsigned char {
      TypeRef,        ///< A `$ref` naming no type (API001).
      DTOTable,       ///< A DTO linking a table that does not exist (LNK001).
      PropertyColumn, ///< A property linking a missing column (LNK002).
      Actor,          ///< An actor with no table (LNK007).
      RelationTarget  ///< A relation to a missing model (DB030).
    };
    Kind kind;
    /// Where the name is spelled.
    llvm::SMRange range;
    /// The name that did not resolve.
    llvm::StringRef name;
    /// Context: the DTO and property (DTOTable, PropertyColumn), the table
    /// whose column is missing (PropertyColumn), the operation naming the
    /// actor (Actor), the model and field of the relation (RelationTarget),
    /// the Ref node (TypeRef).
    const api::NamedType *dto = nullptr;
    const api::Property *property = nullptr;
    const api::Operation *operation = nullptr;
    const api::Type *ref = nullptr;
    const db::Model *model = nullptr;
    const db::Field *field = nullptr;
  };
  /// Every reference that did not resolve, grouped by kind in the order of
  /// Kind, each group in source order. A repeated unresolved `$ref` is
  /// listed at each place; an actor once, at its first operation.
  llvm::ArrayRef<Unresolved> getUnresolved() const { return unresolved; }

private:
  void indexTables();
  void bindTypeReferences();
  void bindTables();
  void bindColumns();
  void bindActors();
  void bindRelations(AnalysisManager &analyses);
  void bindLogic(const logic::Module &module);
  TableLink lookupByName(llvm::StringRef typeName) const;
  const db::Field *findColumn(const db::Model &model,
                              llvm::StringRef name) const;

  const db::Schema *schema = nullptr;
  const api::Document *document = nullptr;

  // API references.
  llvm::DenseMap<const api::Type *, const api::NamedType *> refTargets;
  llvm::DenseMap<const api::NamedType *,
                 llvm::SmallVector<const api::Type *, 2>>
      uses;

  // Tables by name, built once.
  llvm::StringMap<const db::Model *> tablesByName;
  /// Lower case with underscores removed: `todoappguestusers`.
  llvm::StringMap<const db::Model *> tablesBySquashedName;
  /// Every `_`-separated proper suffix of a table name, with the number of
  /// tables that end with it.
  llvm::StringMap<std::pair<const db::Model *, unsigned>> tablesBySuffix;
  /// Per table, its columns by the snake-case spelling of their words.
  llvm::DenseMap<const db::Model *, llvm::StringMap<const db::Field *>>
      columnsByWords;

  // DTOs.
  llvm::DenseMap<const api::NamedType *, TableLink> tables;
  llvm::StringMap<const db::Model *> familyTables;
  llvm::DenseMap<const db::Model *,
                 llvm::SmallVector<const api::NamedType *, 4>>
      dtosOfTable;
  llvm::DenseMap<const api::Property *, const db::Field *> columns;
  llvm::DenseMap<const db::Field *, llvm::SmallVector<const api::Property *, 2>>
      propertiesOfColumn;

  // Actors and relations.
  llvm::StringMap<const db::Model *> actorTables;
  llvm::DenseMap<const db::Field *, const db::Model *> relationTargets;

  // Logic.
  llvm::DenseMap<const logic::Function *, ProviderLink> providerOperations;
  llvm::DenseMap<const api::Operation *, const logic::Function *>
      operationProviders;
  /// Operations by squashed accessor (`todoapp.member.todos.create`), in
  /// document order (several when their accessors collide).
  llvm::StringMap<llvm::SmallVector<const api::Operation *, 1>>
      operationsByAccessor;
  /// Models by Prisma client name (model name, first letter lower case).
  llvm::StringMap<const db::Model *> tablesByClientName;

  std::vector<Unresolved> unresolved;
};

} // namespace abv

#endif // ABV_ANALYSIS_BINDING_H
