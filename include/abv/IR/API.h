//===- API.h - The typed IR of the API layer -------------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The API layer of ABV's IR. Both API frontends lower into it: OpenAPI
/// 3.0 / 3.1 / 3.2 documents (`swagger.json`, `openapi.json`) and AutoBe's
/// OpenAPI AST (`autobe/document.json`, 2025 and 2026 shapes). Every node
/// carries the half-open source range (the JSON key or value) it came from.
///
/// Shape:
///
///   Document ─┬─ Operation* ─┬─ Parameter* (path, query, header, cookie)
///             │              ├─ request body  (TypeRef)
///             │              ├─ Response*     (status, TypeRef)
///             │              └─ Prerequisite* (AutoBe)
///             ├─ NamedType* (components.schemas) ── Type
///             └─ Actor* (AutoBe authorization actors / roles)
///
///   Type: object (Property*, required), array (items), string, integer,
///   number, boolean, null, a reference to a NamedType, oneOf / anyOf /
///   allOf (variants), or any. Enums, formats, bounds and AutoBe's links to
///   the database ride on the node.
///
/// Types form a tree owned by the Document; references to named types are
/// by name (`ref`), resolved with Document::findType, so that cycles in the
/// input never become cycles of pointers.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_API_H
#define ABV_IR_API_H

#include "abv/Basic/StringPool.h"
#include "abv/IR/DB.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/SMLoc.h"

#include <deque>
#include <optional>
#include <vector>

namespace abv::api {

using db::Ident;

/// What a Type node is.
enum class TypeKind : unsigned char {
  Any, ///< No constraint (`{}`), or not understood.
  Object,
  Array,
  String,
  Integer,
  Number,
  Boolean,
  Null,
  Ref, ///< A reference to a named type (`$ref`, or AutoBe's typeName).
  OneOf,
  AnyOf,
  AllOf
};
llvm::StringRef getTypeKindName(TypeKind kind);

struct Type;

/// One property of an object type.
struct Property {
  Ident name;
  Type *type = nullptr;
  bool isRequired = false; ///< Listed in the object's `required`.
  llvm::SMRange range;     ///< The whole `"name": {...}` member.
  /// AutoBe 2026: `x-autobe-database-schema-property`, the column it maps.
  Ident dbColumn;
};

/// A literal of an `enum` list or a `const`: its JSON spelling and range.
struct Literal {
  llvm::StringRef text; ///< Decoded string, or the number/bool/null spelling.
  bool isString = false;
  llvm::SMRange range;
};

/// A type (a JSON Schema node).
struct Type {
  TypeKind kind = TypeKind::Any;
  llvm::SMRange range; ///< The whole schema object (or AutoBe's typeName).

  /// Ref: the referenced type's name (`IShoppingSale.ICreate`) and the
  /// spelling it was referenced with (`#/components/schemas/...`).
  Ident ref;
  llvm::StringRef refText;

  /// Object.
  std::vector<Property> properties;
  /// `additionalProperties: false`: no property beyond `properties`.
  bool isClosed = false;
  /// `required` entries that name no property, kept to be reported.
  std::vector<Ident> requiredNames;
  /// Array.
  Type *items = nullptr;
  /// Object: the schema of properties beyond `properties`
  /// (`additionalProperties: {...}`, a map's values); null when absent or a
  /// boolean.
  Type *additionalProperties = nullptr;
  /// OneOf / AnyOf / AllOf.
  std::vector<Type *> variants;

  /// `nullable: true` (3.0), or `type: [X, "null"]` (3.1), or a oneOf
  /// with a null variant: the value may be null.
  bool isNullable = false;
  llvm::StringRef format;          ///< `uuid`, `date-time`, `email`, ...
  Ident formatIdent;               ///< The format value with its range.
  std::vector<Literal> enumValues; ///< `enum` (and `const` as one value).
  std::optional<double> minimum, maximum;
  bool exclusiveMinimum = false, exclusiveMaximum = false;
  std::optional<uint64_t> minLength, maxLength, minItems, maxItems;
  llvm::SMRange minRange, maxRange; ///< The bound values, for diagnostics.
  llvm::StringRef pattern;
  llvm::StringRef description;

  /// AutoBe: `x-autobe-prisma-schema` (2025) / `x-autobe-database-schema`
  /// (2026), the table a DTO maps.
  Ident dbTable;

  const Property *findProperty(llvm::StringRef name) const;
};

/// A named type: `components.schemas.<name>`.
struct NamedType {
  Ident name;
  Type *type = nullptr;
  llvm::SMRange range; ///< The whole member.
};

/// Where a parameter travels.
enum class ParamLocation : unsigned char {
  Path,
  Query,
  Header,
  Cookie,
  QueryString, ///< OpenAPI 3.2's whole query string.
  Unknown
};
ParamLocation parseParamLocation(llvm::StringRef in);

/// An operation parameter.
struct Parameter {
  Ident name;
  llvm::StringRef in; ///< "path", "query", "header", "cookie", as spelled.
  /// `in` as an enum; set by Document::finalize.
  ParamLocation location = ParamLocation::Unknown;
  bool isRequired = false;
  Type *type = nullptr;
  llvm::SMRange range;
};

/// A response of an operation.
struct Response {
  Ident status;         ///< "200", "201", "default", "2XX".
  Type *type = nullptr; ///< The body type, or null for no body.
  llvm::StringRef contentType;
  llvm::SMRange range;
};

/// AutoBe: an operation that must run before this one.
struct Prerequisite {
  Ident method;
  Ident path;
  llvm::SMRange range;
};

/// The HTTP method of an operation.
enum class HTTPMethod : unsigned char {
  Get,
  Put,
  Post,
  Delete,
  Options,
  Head,
  Patch,
  Trace,
  Query, ///< OpenAPI 3.2's QUERY.
  Unknown
};
/// The method spelled \p name in any case; Unknown for anything else.
HTTPMethod parseHTTPMethod(llvm::StringRef name);

/// One operation: a method on a path.
struct Operation {
  Ident method; ///< Lower case: "get", "post", ...
  /// `method` as an enum; set by Document::finalize.
  HTTPMethod httpMethod = HTTPMethod::Unknown;
  Ident path;                  ///< "/shoppings/customers/sales/{saleId}".
  llvm::SMRange range;         ///< The operation object.
  Ident operationId;           ///< OpenAPI operationId; AutoBe's `name`.
  std::vector<Ident> accessor; ///< AutoBe 2026 `accessor` segments.
  std::vector<Parameter> parameters;
  Type *requestBody = nullptr;
  llvm::SMRange requestBodyRange;
  std::vector<Response> responses;
  std::vector<Prerequisite> prerequisites;
  /// AutoBe: `authorizationActor` (2026) / `authorizationRole` (2025); null
  /// when public. OpenAPI: empty.
  Ident actor;
  /// OpenAPI: a parameter is a `$ref` to another file, which is not read
  /// (OA008): the parameters are not all known.
  bool hasUnreadParameters = false;
  /// AutoBe: `authorizationType` ("join", "login", "refresh", or empty).
  Ident authorizationType;
  /// OpenAPI: the security requirement names.
  std::vector<Ident> security;
  llvm::StringRef summary;
  llvm::StringRef description;

  /// The first 2xx response, or null.
  const Response *getSuccessResponse() const;
};

/// AutoBe: an actor (2026) / role (2025) of `components.authorization`.
struct Actor {
  Ident name;
  llvm::StringRef kind; ///< "guest", "member", "admin".
  llvm::SMRange range;
};

enum class DocumentOrigin : unsigned char { OpenAPI, AutoBeAST };

/// One API description: an OpenAPI document or an AutoBe OpenAPI AST.
class Document {
public:
  explicit Document(DocumentOrigin origin) : origin(origin) {}

  DocumentOrigin origin;
  llvm::SmallVector<unsigned, 1> bufferIDs;
  /// `openapi` (or `swagger`) version value, e.g. "3.1.0"; empty for AutoBe.
  Ident version;

  std::vector<Operation> operations;
  /// OpenAPI callbacks (requests the API makes to its client, under an
  /// operation's `callbacks`) and webhooks (3.1's `webhooks`, keyed by name,
  /// which stands in the path). They use types, but are no routes of the
  /// API: path checks do not apply to them.
  std::vector<Operation> callbacks;
  std::vector<NamedType> types;
  std::vector<Actor> actors;

  /// OpenAPI: the document `$ref`s other files, which ABV does not read
  /// (OA008). What they hold is unknown: the passes do not judge it (a
  /// response, a parameter or a body there is taken to exist; a type used
  /// only from there is not reported unused).
  bool hasUnreadReferences = false;

  /// Allocates a Type owned by the document.
  Type *createType() { return &typeStorage.emplace_back(); }

  /// The named type \p name, or null. Valid after finalize().
  const NamedType *findType(llvm::StringRef name) const;
  /// Follows Ref types to the first non-Ref type; null when a reference is
  /// unresolved or cyclic. Constant time after finalize(), which resolves
  /// every named type's chain of aliases once.
  const Type *resolve(const Type *type) const;

  llvm::StringRef save(llvm::StringRef text) { return saver.save(text); }

  /// Builds the name index, the method and parameter-location enums, and
  /// resolves the named types' alias chains;
  /// frontends call it once after lowering.
  void finalize();

private:
  std::deque<Type> typeStorage;
  llvm::StringMap<size_t> typeIndex;
  /// resolve() of each named type's own type, by index in `types`.
  std::vector<const Type *> resolvedTypes;
  StringPool saver;
};

/// Calls \p fn with each direct child of \p type: its property types, its
/// additional properties, its items, its variants (any may be null).
template <typename Fn> void forEachChildType(const Type &type, Fn fn) {
  for (const Property &property : type.properties)
    fn(property.type);
  fn(type.additionalProperties);
  fn(type.items);
  for (const Type *variant : type.variants)
    fn(variant);
}

} // namespace abv::api

#endif // ABV_IR_API_H
