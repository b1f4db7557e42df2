//===- DB.h - The typed IR of the database layer ---------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The database layer of ABV's IR. Both DB frontends lower into it: the
/// Prisma schema language (`*.prisma`) and AutoBe's DB AST
/// (`autobe/prisma.json`). Every node carries the source range it came
/// from, so that passes can report exact locations in either input.
///
/// Shape:
///
///   Schema ─┬─ Datasource*, Generator*
///           ├─ Model* (models and views) ─┬─ Field* (scalar, enum,
///           │                             │   composite or relation)
///           │                             └─ Index* (@@id, @@unique,
///           │                                 @@index, @@fulltext, @id,
///           │                                 @unique)
///           ├─ Enum* ── EnumValue*
///           └─ CompositeType* ── Field*
///
/// A relation is a Field whose type names a model; its RelationInfo carries
/// `fields`, `references`, the relation name and referential actions. Column
/// level `@id` / `@unique` are mirrored into the model's Index list (with
/// `isFieldLevel` set) so index checks see every unique criterion in one
/// place.
///
/// Every llvm::SMRange in the IR is half-open: Start points at the first
/// byte of the construct, End one past its last byte (so a range over the
/// identifier `id` has End - Start == 2). Diagnostics use the same
/// convention.
///
/// Strings are StringRefs into the source buffers or into the owning
/// Schema's string saver; nodes are owned by value in their parents.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_DB_H
#define ABV_IR_DB_H

#include "abv/Basic/StringPool.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/SMLoc.h"

#include <memory>
#include <optional>
#include <vector>

namespace abv {
class SourceManager;
} // namespace abv

namespace abv::db {

/// A name with the range it was spelled at.
struct Ident {
  llvm::StringRef name;
  llvm::SMRange range;

  bool empty() const { return name.empty(); }
};

//===----------------------------------------------------------------------===//
// Attribute arguments (expressions)
//===----------------------------------------------------------------------===//

/// A value in an attribute argument or datasource property:
/// `"text"`, `42`, `true`, `Cascade` (constant), `[a, b]`, `now()`,
/// `env("URL")`, `dbgenerated("gen_random_uuid()")`, `raw("…")`,
/// `{ active: true }` (object).
struct Expr {
  enum class Kind : unsigned char {
    String,
    Number,
    Constant,
    Array,
    Call,
    Object
  };
  Kind kind = Kind::Constant;
  /// String: the unescaped text. Number/Constant: the spelling. Call: the
  /// function name. Array: empty.
  llvm::StringRef text;
  llvm::SMRange range;
  /// Array elements, or call arguments.
  std::vector<Expr> elements;
  /// Named call arguments (`sort: Desc`), parallel to elements; empty name
  /// for positional ones. Used for Call (and field references with
  /// arguments such as `title(ops: raw("gin_trgm_ops"))`) and for the keys
  /// of an Object.
  std::vector<Ident> elementNames;

  bool isString() const { return kind == Kind::String; }
  bool isArray() const { return kind == Kind::Array; }
  bool isCall() const { return kind == Kind::Call; }
  bool isConstant() const { return kind == Kind::Constant; }
};

/// One argument of an attribute: positional (name empty) or named.
struct AttributeArg {
  Ident name;
  Expr value;
  llvm::SMRange range;
};

/// A field attribute (`@id`, `@default(now())`, `@db.VarChar(80)`) or block
/// attribute (`@@index([a, b])`). The name is spelled without the at signs
/// (`id`, `db.VarChar`, `index`).
struct Attribute {
  Ident name;
  bool isBlock = false;
  std::vector<AttributeArg> args;
  llvm::SMRange range;

  /// The argument named \p argName, or the first positional one when
  /// \p argName is empty.
  const AttributeArg *getArg(llvm::StringRef argName) const;
};

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

/// What a field's type resolved to.
enum class TypeKind : unsigned char {
  String,
  Boolean,
  Int,
  BigInt,
  Float,
  Decimal,
  DateTime,
  Json,
  Bytes,
  Unsupported, ///< `Unsupported("…")`.
  Enum,        ///< An enum of the schema.
  Composite,   ///< A composite `type` of the schema.
  Model,       ///< A relation to a model or view.
  Unknown      ///< Not resolved (yet, or never: an unknown type name).
};

/// The scalar type a Prisma type name denotes, or Unknown.
TypeKind getScalarTypeKind(llvm::StringRef prismaName);
/// The Prisma spelling of a scalar kind ("String", "DateTime", ...).
llvm::StringRef getTypeKindName(TypeKind kind);
inline bool isScalar(TypeKind kind) { return kind <= TypeKind::Unsupported; }

/// `@db.VarChar(80)`: the provider-specific type of a column.
struct NativeType {
  Ident name;             ///< Without the datasource prefix: "VarChar".
  llvm::StringRef prefix; ///< The datasource name used: "db".
  std::vector<Expr> args;
  llvm::SMRange range; ///< The whole attribute.
};

/// Relation-specific information of a field whose type is a model.
struct RelationInfo {
  Ident name; ///< From @relation("name") / name:, or AutoBe's relation name.
  std::vector<Ident> fields;     ///< FK fields on this model.
  std::vector<Ident> references; ///< Referenced fields on target.
  Ident onDelete;
  Ident onUpdate;
  bool hasFieldsArg = false;     ///< `fields:` was given (even if empty).
  bool hasReferencesArg = false; ///< `references:` was given.
  llvm::SMRange attrRange;       ///< The @relation attribute, if any.
  /// AutoBe: the name of the back-relation field on the target (2026
  /// `oppositeName`).
  Ident oppositeName;
};

//===----------------------------------------------------------------------===//
// Fields, indexes, models
//===----------------------------------------------------------------------===//

/// A column, an enum/composite-typed column, or a relation field.
struct Field {
  Ident name;
  Ident typeName; ///< As spelled: "String", "todo_list_users".
  TypeKind type = TypeKind::Unknown;
  bool isOptional = false; ///< `T?`
  bool isList = false;     ///< `T[]`
  llvm::SMRange range;     ///< The whole field declaration.
  llvm::StringRef doc;     ///< `///` comments / AutoBe description.

  std::vector<Attribute> attributes;
  std::optional<NativeType> nativeType;
  bool isId = false;     ///< Field-level @id.
  bool isUnique = false; ///< Field-level @unique.
  bool isUpdatedAt = false;
  Ident mappedName; ///< @map("...").

  /// Set when type == Model.
  std::optional<RelationInfo> relation;
  /// AutoBe: the logical type ("uuid", "uri", "datetime"...).
  llvm::StringRef autobeType;

  bool isRelation() const { return type == TypeKind::Model; }
  /// The relation of a relation field: the frontends set it on every field
  /// of model type, and the IR verifier checks they did.
  const RelationInfo &getRelation() const {
    if (!relation)
      llvm_unreachable("a relation field without its relation");
    return *relation;
  }
  const Attribute *getAttribute(llvm::StringRef attrName) const;
  /// The value of @default(...), if any.
  const Expr *getDefaultValue() const;
  /// The database column name: @map if present, else the field name.
  llvm::StringRef getColumnName() const {
    return mappedName.empty() ? name.name : mappedName.name;
  }
};

/// One field named in an index, with optional sort/length/ops arguments.
struct IndexField {
  Ident name;
  llvm::StringRef sort; ///< "Asc", "Desc" or empty.
  llvm::StringRef ops;  ///< Operator class, e.g. "gin_trgm_ops".
};

/// A primary key, unique constraint or index of a model.
struct Index {
  enum class Kind : unsigned char { Primary, Unique, Plain, Fulltext };
  /// The index method (`type:` on @@index).
  enum class Method : unsigned char {
    Default,
    BTree,
    Hash,
    Gin,
    Gist,
    SpGist,
    Brin
  };
  Kind kind = Kind::Plain;
  Method method = Method::Default;
  llvm::SmallVector<IndexField, 2> fields;
  Ident name; ///< `name:` (client name).
  Ident map;  ///< `map:` (database name).
  llvm::SMRange range;
  bool isFieldLevel = false; ///< Came from @id / @unique on a field.

  bool isUniqueCriterion() const {
    return kind == Kind::Primary || kind == Kind::Unique;
  }
};

/// AutoBe's role for a model (2025: primary/subsidiary/snapshot; 2026 adds
/// actor/session).
enum class Stance : unsigned char {
  None,
  Primary,
  Subsidiary,
  Snapshot,
  Actor,
  Session
};
llvm::StringRef getStanceName(Stance stance);

/// A model, or a view (`isView`).
struct Model {
  Ident name;
  bool isView = false;
  llvm::SMRange range; ///< The whole block.
  llvm::StringRef doc;
  std::vector<Field> fields;
  std::vector<Index> indexes;
  std::vector<Attribute> blockAttributes;
  Ident mappedName; ///< @@map("...").
  /// The file (namespace) it was declared in. For AutoBe, the namespace.
  llvm::StringRef fileName;
  llvm::StringRef autobeNamespace;
  Stance stance = Stance::None;
  bool isMaterial = false; ///< AutoBe's `material` flag.

  const Field *findField(llvm::StringRef fieldName) const;
  Field *findField(llvm::StringRef fieldName);
  /// The primary key index, if any.
  const Index *getPrimaryKey() const;
  llvm::StringRef getTableName() const {
    return mappedName.empty() ? name.name : mappedName.name;
  }
};

struct EnumValue {
  Ident name;
  Ident mappedName;
  llvm::SMRange range;
  llvm::StringRef doc;
};

struct Enum {
  Ident name;
  llvm::SMRange range;
  llvm::StringRef doc;
  std::vector<EnumValue> values;
  std::vector<Attribute> blockAttributes;
  Ident mappedName;
};

/// A composite `type` block (MongoDB).
struct CompositeType {
  Ident name;
  llvm::SMRange range;
  std::vector<Field> fields;
  /// Block attributes (`@@...`): Prisma allows none on a composite type;
  /// kept so that the checks can say so.
  std::vector<Attribute> blockAttributes;
};

/// A `key = value` line in a datasource or generator block.
struct ConfigProperty {
  Ident key;
  Expr value;
};

/// A datasource or generator block.
struct ConfigBlock {
  Ident name;
  llvm::SMRange range;
  std::vector<ConfigProperty> properties;

  const ConfigProperty *getProperty(llvm::StringRef key) const;
};

/// The database provider a schema targets.
enum class Provider : unsigned char {
  Unknown,
  PostgreSQL,
  MySQL,
  SQLite,
  SQLServer,
  MongoDB,
  CockroachDB
};
Provider parseProvider(llvm::StringRef name);
llvm::StringRef getProviderName(Provider provider);

/// Where a schema came from.
enum class SchemaOrigin : unsigned char { PrismaText, AutoBeAST };

/// One database schema: all files of a `.prisma` folder, or one prisma.json.
class Schema {
public:
  explicit Schema(SchemaOrigin origin) : origin(origin) {}

  SchemaOrigin origin;
  /// The files it was read from (SourceManager buffer IDs).
  llvm::SmallVector<unsigned, 4> bufferIDs;

  std::vector<ConfigBlock> datasources;
  std::vector<ConfigBlock> generators;
  std::vector<Model> models; ///< Models and views, in source order.
  std::vector<Enum> enums;
  std::vector<CompositeType> compositeTypes;

  /// The provider of the (first) datasource, Unknown if there is none.
  Provider getProvider() const;
  /// The range of the provider value, for diagnostics.
  llvm::SMRange getProviderRange() const;

  const Model *findModel(llvm::StringRef name) const;
  const Enum *findEnum(llvm::StringRef name) const;
  const CompositeType *findCompositeType(llvm::StringRef name) const;

  /// Copies \p text into storage owned by the schema.
  llvm::StringRef save(llvm::StringRef text) { return saver.save(text); }
  /// Resolves every field whose TypeKind is Unknown against enums,
  /// composite types and models (a model type gets an empty RelationInfo if
  /// it has none), and mirrors field-level @id / @unique into each model's
  /// index list (isFieldLevel). Frontends call this once, after building.
  void finalize();

private:
  StringPool saver;
};

//===----------------------------------------------------------------------===//
// Lookups
//===----------------------------------------------------------------------===//

/// The provider the checks assume: the datasource's, or PostgreSQL for a
/// Prisma schema without one (see DB024). Unknown for AutoBe's AST, which
/// does not say where it goes (AutoBe writes it out for SQLite or
/// PostgreSQL), and for an unrecognized provider.
inline Provider getAssumedProvider(const Schema &schema) {
  if (schema.origin == SchemaOrigin::AutoBeAST)
    return Provider::Unknown;
  if (schema.datasources.empty())
    return Provider::PostgreSQL;
  return schema.getProvider();
}

/// A model by name or table name.
inline const Model *findTable(const Schema &schema, llvm::StringRef name) {
  if (const Model *model = schema.findModel(name))
    return model;
  for (const Model &model : schema.models)
    if (model.getTableName() == name)
      return &model;
  return nullptr;
}

/// A field by field name or column name.
inline const Field *findColumn(const Model &model, llvm::StringRef name) {
  if (const Field *field = model.findField(name))
    return field;
  for (const Field &field : model.fields)
    if (field.getColumnName() == name)
      return &field;
  return nullptr;
}

} // namespace abv::db

#endif // ABV_IR_DB_H
