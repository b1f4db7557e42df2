//===- AutoBeAPI.cpp - AutoBe OpenAPI AST (document.json) frontend --------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads AutoBe's OpenAPI AST (`AutoBeOpenApi.IDocument`) from its JSON and
/// lowers it into the API IR:
///
///   operations[] ─┬─ method, path, name, accessor  -> Operation
///                 ├─ parameters[]                  -> Parameter (path)
///                 ├─ requestBody.typeName          -> Ref Type
///                 ├─ responseBody.typeName         -> Response "200"
///                 ├─ authorizationActor / Role     -> Operation::actor
///                 └─ prerequisites[].endpoint      -> Prerequisite
///   components.schemas{}                           -> NamedType + Type tree
///   components.authorization[] / authorizations[]  -> Actor
///
/// Both AST generations are read. 2025: `authorizationRole`,
/// `x-autobe-prisma-schema`, `components.authorization` with `kind`; older
/// 2025 documents lack `name`, `prerequisites` and the authorization keys,
/// and some carry `authorizationRoles`. 2026: `authorizationActor`,
/// `x-autobe-database-schema` (objects), `x-autobe-database-schema-property`
/// (properties), `x-autobe-specification`, `accessor`, no `summary`, and
/// `components.authorizations`. Keys of either generation are known; a
/// key only one generation has is optional.
///
/// The shape is checked as in the DB AST reader (AutoBeShape.h): AB001
/// wrong JSON type (a count that is no non-negative integer too), AB002
/// missing required key, AB003 unknown key (a remark), OA006 unknown schema
/// type (the row the OpenAPI reader shares), plus the AB1xx checks of this
/// file. A malformed node is skipped
/// or lowered as far as it can be, and reading goes on.
///
/// Locations: an Ident's range is the JSON string it was read from (quotes
/// included); a named type's or property's name is located at its key. A
/// Type's range is its schema object; a body's Ref type is located at the
/// `typeName` value. A Property's, NamedType's range is its whole member;
/// an Operation's, Parameter's, Prerequisite's and Actor's their object.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/AutoBe/AutoBeAPI.h"

#include "AutoBeShape.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"

#include <iterator>
#include <optional>
#include <string>

using namespace abv;
using namespace abv::api;
using namespace abv::autobe;
using llvm::SMRange;
using llvm::StringRef;

namespace {

// The keys of every AST object, with the AutoBe interface declaring them.
// Keys not listed are reported as unknown (AB003) and ignored.

/// IDocument.
enum RootKey { RKOperations, RKComponents };
constexpr KeySpec rootKeys[] = {{"operations", Expect::Array, true},
                                {"components", Expect::Object, true}};

/// IComponents. `authorization` (2025, absent from the oldest documents)
/// and `authorizations` (2026) are both optional.
enum ComponentsKey { CKSchemas, CKAuthorization, CKAuthorizations };
constexpr KeySpec componentsKeys[] = {
    {"schemas", Expect::Object, true},
    {"authorization", Expect::Array, false, true},
    {"authorizations", Expect::Array, false, true}};

/// IAuthorization: `kind` is 2025 only.
enum ActorKey { AKName, AKDescription, AKKind };
constexpr KeySpec actorKeys[] = {{"name", Expect::String, true},
                                 {"description", Expect::String, true},
                                 {"kind", Expect::String, false}};

/// IOperation (with IEndpoint's path and method).
enum OperationKey {
  OKSpecification,
  OKPath,
  OKMethod,
  OKSummary,
  OKDescription,
  OKParameters,
  OKRequestBody,
  OKResponseBody,
  OKAuthorizationType,
  OKAuthorizationRole,
  OKAuthorizationActor,
  OKAuthorizationRoles,
  OKName,
  OKPrerequisites,
  OKAccessor
};
constexpr KeySpec operationKeys[] = {
    {"specification", Expect::String, true},
    {"path", Expect::String, true},
    {"method", Expect::String, true},
    {"summary", Expect::String, false}, // 2025 only.
    {"description", Expect::String, true},
    {"parameters", Expect::Array, true},
    {"requestBody", Expect::Object, true, true},
    {"responseBody", Expect::Object, true, true},
    // Absent from the oldest 2025 documents, like name and prerequisites.
    {"authorizationType", Expect::String, false, true},
    {"authorizationRole", Expect::String, false, true},  // 2025.
    {"authorizationActor", Expect::String, false, true}, // 2026.
    {"authorizationRoles", Expect::Array, false},        // Early 2025.
    {"name", Expect::String, false},
    {"prerequisites", Expect::Array, false},
    {"accessor", Expect::Array, false}};

/// IParameter: always a path parameter.
enum ParameterKey { PKName, PKDescription, PKSchema };
constexpr KeySpec parameterKeys[] = {{"name", Expect::String, true},
                                     {"description", Expect::String, true},
                                     {"schema", Expect::Object, true}};

/// IRequestBody and IResponseBody.
enum BodyKey { BKDescription, BKTypeName };
constexpr KeySpec bodyKeys[] = {{"description", Expect::String, true},
                                {"typeName", Expect::String, true}};

/// IPrerequisite and its IEndpoint.
enum PrerequisiteKey { QKEndpoint, QKDescription };
constexpr KeySpec prerequisiteKeys[] = {{"endpoint", Expect::Object, true},
                                        {"description", Expect::String, true}};
enum EndpointKey { EKPath, EKMethod };
constexpr KeySpec endpointKeys[] = {{"path", Expect::String, true},
                                    {"method", Expect::String, true}};

/// IJsonSchema in all its variants, with IJsonSchemaDescriptive's and
/// IJsonSchemaProperty's extras, and the JSON Schema annotations the
/// generators write (title, examples, ...), which are valid and ignored.
/// Which keys a schema must have depends on its `type`; they are checked
/// after it is known.
enum SchemaKey {
  SKType,
  SKDescription,
  SKRef,
  SKOneOf,
  SKDiscriminator,
  SKConst,
  SKEnum,
  SKFormat,
  SKPattern,
  SKContentMediaType,
  SKMinLength,
  SKMaxLength,
  SKMinimum,
  SKMaximum,
  SKExclusiveMinimum,
  SKExclusiveMaximum,
  SKMultipleOf,
  SKItems,
  SKUniqueItems,
  SKMinItems,
  SKMaxItems,
  SKProperties,
  SKRequired,
  SKAdditionalProperties,
  SKPrismaSchema,
  SKDatabaseSchema,
  SKDatabaseSchemaProperty,
  SKSpecification,
  SKTitle,
  SKDefault,
  SKExample,
  SKExamples,
  SKReadOnly,
  SKWriteOnly,
  SKDeprecated,
  SKComment
};
constexpr KeySpec schemaKeys[] = {
    {"type", Expect::String, false},
    {"description", Expect::String, false},
    {"$ref", Expect::String, false},
    {"oneOf", Expect::Array, false},
    {"discriminator", Expect::Object, false},
    {"const", Expect::Any, false},
    {"enum", Expect::Array, false},
    {"format", Expect::String, false},
    {"pattern", Expect::String, false},
    {"contentMediaType", Expect::String, false},
    {"minLength", Expect::Number, false},
    {"maxLength", Expect::Number, false},
    {"minimum", Expect::Number, false},
    {"maximum", Expect::Number, false},
    {"exclusiveMinimum", Expect::Any, false},
    {"exclusiveMaximum", Expect::Any, false},
    {"multipleOf", Expect::Number, false},
    {"items", Expect::Object, false},
    {"uniqueItems", Expect::Boolean, false},
    {"minItems", Expect::Number, false},
    {"maxItems", Expect::Number, false},
    {"properties", Expect::Object, false},
    {"required", Expect::Array, false},
    {"additionalProperties", Expect::Any, false},
    {"x-autobe-prisma-schema", Expect::String, false, true},   // 2025.
    {"x-autobe-database-schema", Expect::String, false, true}, // 2026.
    {"x-autobe-database-schema-property", Expect::String, false, true},
    {"x-autobe-specification", Expect::String, false},
    {"title", Expect::String, false},
    {"default", Expect::Any, false},
    {"example", Expect::Any, false},
    {"examples", Expect::Any, false},
    {"readOnly", Expect::Boolean, false},
    {"writeOnly", Expect::Boolean, false},
    {"deprecated", Expect::Boolean, false},
    {"$comment", Expect::String, false}};

constexpr StringRef methodList = "'get', 'post', 'put', 'delete', 'patch'";
constexpr StringRef authorizationTypeList = "'login', 'join', 'refresh', null";
constexpr StringRef schemaTypeList = "'boolean', 'integer', 'number', "
                                     "'string', 'array', 'object', 'null'";
constexpr StringRef actorKindList = "'guest', 'member', 'admin'";
constexpr StringRef schemaPrefix = "#/components/schemas/";

std::optional<TypeKind> parseSchemaType(StringRef type) {
  return llvm::StringSwitch<std::optional<TypeKind>>(type)
      .Case("boolean", TypeKind::Boolean)
      .Case("integer", TypeKind::Integer)
      .Case("number", TypeKind::Number)
      .Case("string", TypeKind::String)
      .Case("array", TypeKind::Array)
      .Case("object", TypeKind::Object)
      .Case("null", TypeKind::Null)
      .Default(std::nullopt);
}

bool isMethod(StringRef method) {
  return llvm::StringSwitch<bool>(method)
      .Cases("get", "post", "put", "delete", "patch", true)
      .Default(false);
}

/// Where a schema sits: the keys it must have differ.
enum class SchemaRole : unsigned char {
  Named,     ///< components.schemas.X: `description` is required.
  Property,  ///< A property of an object.
  Parameter, ///< A path parameter's schema: integer, number or string.
  Nested     ///< Array items, oneOf variants.
};

/// Reads one document.json; one instance per document.
class AutoBeAPIReader : ShapeReader {
public:
  AutoBeAPIReader(SourceManager &sourceMgr, unsigned bufferID,
                  DiagnosticEngine &diags)
      : ShapeReader(diags), bufferID(bufferID),
        buffer(sourceMgr.getBuffer(bufferID)->getBuffer()) {}

  std::unique_ptr<Document> read(const json::Value &root);

private:
  StringRef keep(StringRef text) const { return irText.keep(text); }
  Ident ident(const json::Value *value) const { return irText.ident(value); }
  StringRef text(const json::Value *value) const { return irText.text(value); }
  /// The literal of a `const` or `enum` value.
  Literal literal(const json::Value &value) {
    Literal result;
    result.range = value.getRange();
    result.isString = value.isString();
    result.text =
        value.isString() ? keep(value.getString()) : value.getSourceText();
    return result;
  }

  void readComponents(const json::Value &value, const std::string &path);
  void readActor(const json::Value &value, const std::string &path);
  void readOperation(const json::Value &value, const std::string &path);
  void readParameter(Operation &operation, const json::Value &value,
                     const std::string &path);
  /// Reads a request or response body: a Ref type named by `typeName`.
  Type *readBody(const json::Value &value, const std::string &path);
  void readPrerequisite(Operation &operation, const json::Value &value,
                        const std::string &path);
  /// Reads an HTTP method (AB103 when unknown).
  Ident readMethod(const json::Value *value);
  /// Lowers one JSON schema. Never returns null: a malformed schema is an
  /// Any type at its value. \p dbColumn receives a property's
  /// `x-autobe-database-schema-property`.
  Type *readSchema(const json::Value &value, const std::string &path,
                   SchemaRole role, Ident *dbColumn = nullptr);
  void readObjectType(Type &type, const json::Value &value,
                      const Keys<std::size(schemaKeys)> &keys,
                      const std::string &path);
  /// Reads a length or count bound (AB001 unless a non-negative integer).
  std::optional<uint64_t> readCount(const json::Value *value,
                                    const std::string &path);

  unsigned bufferID;
  StringRef buffer;
  std::unique_ptr<Document> document;
  IRText<Document> irText{buffer, document};
};

} // namespace

std::unique_ptr<Document> AutoBeAPIReader::read(const json::Value &root) {
  document = std::make_unique<Document>(DocumentOrigin::AutoBeAST);
  document->bufferIDs.push_back(bufferID);
  Keys<std::size(rootKeys)> keys;
  if (!readObject(root, rootKeys, "", keys))
    return nullptr;
  // Neither key: not an OpenAPI AST at all (AB002 said what is missing).
  if (!root.get("operations") && !root.get("components"))
    return nullptr;
  forEach(keys[RKOperations], "operations",
          [&](const json::Value &value, const std::string &path) {
            readOperation(value, path);
          });
  if (keys[RKComponents])
    readComponents(*keys[RKComponents], "components");
  document->finalize();
  return std::move(document);
}

void AutoBeAPIReader::readComponents(const json::Value &value,
                                     const std::string &path) {
  Keys<std::size(componentsKeys)> keys;
  if (!readObject(value, componentsKeys, path, keys))
    return;
  if (const json::Value *schemas = keys[CKSchemas]) {
    std::string schemasPath = child(path, "schemas");
    for (const json::Member &member : schemas->getMembers()) {
      if (!expectNonEmptyKey(member, child(schemasPath, member.getKey())))
        continue;
      NamedType named;
      named.name = Ident{keep(member.getKey()), member.getKeyRange()};
      named.range = member.getRange();
      named.type =
          readSchema(member.getValue(), child(schemasPath, member.getKey()),
                     SchemaRole::Named);
      document->types.push_back(named);
    }
  }
  forEach(keys[CKAuthorization], child(path, "authorization"),
          [&](const json::Value &actor, const std::string &actorPath) {
            readActor(actor, actorPath);
          });
  forEach(keys[CKAuthorizations], child(path, "authorizations"),
          [&](const json::Value &actor, const std::string &actorPath) {
            readActor(actor, actorPath);
          });
}

void AutoBeAPIReader::readActor(const json::Value &value,
                                const std::string &path) {
  Keys<std::size(actorKeys)> keys;
  if (!readObject(value, actorKeys, path, keys) || !keys[AKName] ||
      !expectNonEmpty(keys[AKName], child(path, "name")))
    return;
  Actor actor;
  actor.name = ident(keys[AKName]);
  actor.range = value.getRange();
  if (const json::Value *kind = keys[AKKind]) {
    actor.kind = text(kind);
    if (!llvm::is_contained({"guest", "member", "admin"}, kind->getString()))
      diags.report(DiagID::AutoBeAPIUnknownActorKind, kind->getRange())
          << kind->getString() << actorKindList;
  }
  document->actors.push_back(actor);
}

Ident AutoBeAPIReader::readMethod(const json::Value *value) {
  if (!value)
    return Ident();
  if (!isMethod(value->getString()))
    diags.report(DiagID::AutoBeAPIUnknownMethod, value->getRange())
        << value->getString() << methodList;
  return ident(value);
}

void AutoBeAPIReader::readOperation(const json::Value &value,
                                    const std::string &path) {
  Keys<std::size(operationKeys)> keys;
  if (!readObject(value, operationKeys, path, keys))
    return;
  Operation operation;
  operation.range = value.getRange();
  operation.method = readMethod(keys[OKMethod]);
  expectNonEmpty(keys[OKPath], child(path, "path"));
  operation.path = ident(keys[OKPath]);
  operation.operationId = ident(keys[OKName]);
  operation.summary = text(keys[OKSummary]);
  operation.description = text(keys[OKDescription]);
  forEach(keys[OKAccessor], child(path, "accessor"),
          [&](const json::Value &segment, const std::string &segmentPath) {
            if (expect(segment, Expect::String, segmentPath))
              operation.accessor.push_back(ident(&segment));
          });
  forEach(keys[OKParameters], child(path, "parameters"),
          [&](const json::Value &parameter, const std::string &parameterPath) {
            readParameter(operation, parameter, parameterPath);
          });
  if (const json::Value *body = keys[OKRequestBody]) {
    operation.requestBody = readBody(*body, child(path, "requestBody"));
    operation.requestBodyRange = body->getRange();
  }
  // AutoBe's AST has no status code: a response body is the success
  // response. It is lowered as "200" because nothing in the AST says
  // otherwise; no status is inferred from the method. (AutoBe's own
  // swagger.json writer, through NestJS, answers `post` with 201: a pass
  // comparing the two must allow for that.) A null responseBody is an
  // operation without a response body, hence without a Response.
  if (const json::Value *body = keys[OKResponseBody]) {
    std::string bodyPath = child(path, "responseBody");
    if (Type *type = readBody(*body, bodyPath)) {
      Response response;
      response.status = Ident{"200", body->getRange()};
      response.type = type;
      response.contentType = "application/json";
      response.range = body->getRange();
      operation.responses.push_back(response);
    }
  }
  // authorizationActor (2026) wins over authorizationRole (2025).
  // authorizationRoles (early 2025) only lists candidates and is checked.
  operation.actor =
      ident(keys[OKAuthorizationActor] ? keys[OKAuthorizationActor]
                                       : keys[OKAuthorizationRole]);
  forEach(keys[OKAuthorizationRoles], child(path, "authorizationRoles"),
          [&](const json::Value &role, const std::string &rolePath) {
            expect(role, Expect::String, rolePath);
          });
  if (const json::Value *type = keys[OKAuthorizationType]) {
    if (!llvm::is_contained({"login", "join", "refresh"}, type->getString()))
      diags.report(DiagID::AutoBeAPIUnknownAuthorizationType, type->getRange())
          << type->getString() << authorizationTypeList;
    operation.authorizationType = ident(type);
  }
  forEach(keys[OKPrerequisites], child(path, "prerequisites"),
          [&](const json::Value &prerequisite, const std::string &prereqPath) {
            readPrerequisite(operation, prerequisite, prereqPath);
          });
  // Without a method or a path (missing, of the wrong type or empty, all
  // reported above) there is no operation to check.
  if (operation.method.empty() || operation.path.empty())
    return;
  document->operations.push_back(std::move(operation));
}

void AutoBeAPIReader::readParameter(Operation &operation,
                                    const json::Value &value,
                                    const std::string &path) {
  Keys<std::size(parameterKeys)> keys;
  if (!readObject(value, parameterKeys, path, keys) || !keys[PKName] ||
      !expectNonEmpty(keys[PKName], child(path, "name")))
    return;
  Parameter parameter;
  parameter.name = ident(keys[PKName]);
  // AutoBe's parameters are path parameters, so they are required.
  parameter.in = "path";
  parameter.isRequired = true;
  parameter.range = value.getRange();
  if (const json::Value *schema = keys[PKSchema])
    parameter.type =
        readSchema(*schema, child(path, "schema"), SchemaRole::Parameter);
  if (parameter.type) {
    TypeKind kind = parameter.type->kind;
    if (kind != TypeKind::Integer && kind != TypeKind::Number &&
        kind != TypeKind::String && kind != TypeKind::Any)
      diags.report(DiagID::AutoBeAPINonPrimitiveParameter,
                   parameter.type->range)
          << parameter.name.name
          << (kind == TypeKind::Ref ? StringRef("a reference")
                                    : getTypeKindName(kind));
  }
  operation.parameters.push_back(parameter);
}

Type *AutoBeAPIReader::readBody(const json::Value &value,
                                const std::string &path) {
  Keys<std::size(bodyKeys)> keys;
  if (!readObject(value, bodyKeys, path, keys) || !keys[BKTypeName] ||
      !expectNonEmpty(keys[BKTypeName], child(path, "typeName")))
    return nullptr;
  // The typeName becomes `$ref: #/components/schemas/<typeName>`.
  Type *type = document->createType();
  type->kind = TypeKind::Ref;
  type->ref = ident(keys[BKTypeName]);
  type->refText = type->ref.name;
  type->range = keys[BKTypeName]->getRange();
  type->description = text(keys[BKDescription]);
  return type;
}

void AutoBeAPIReader::readPrerequisite(Operation &operation,
                                       const json::Value &value,
                                       const std::string &path) {
  Keys<std::size(prerequisiteKeys)> keys;
  if (!readObject(value, prerequisiteKeys, path, keys) || !keys[QKEndpoint])
    return;
  Keys<std::size(endpointKeys)> endpoint;
  if (!readObject(*keys[QKEndpoint], endpointKeys, child(path, "endpoint"),
                  endpoint))
    return;
  Prerequisite prerequisite;
  prerequisite.method = readMethod(endpoint[EKMethod]);
  prerequisite.path = ident(endpoint[EKPath]);
  prerequisite.range = value.getRange();
  operation.prerequisites.push_back(prerequisite);
}

std::optional<uint64_t> AutoBeAPIReader::readCount(const json::Value *value,
                                                   const std::string &path) {
  if (!value)
    return std::nullopt;
  std::optional<int64_t> count = value->getAsInteger();
  if (!count || *count < 0) {
    diags.report(DiagID::JSONWrongType, value->getRange())
        << display(path) << "a non-negative integer"
        << (value->isNumber() ? value->getSourceText()
                              : json::getKindName(value->getKind()));
    return std::nullopt;
  }
  return uint64_t(*count);
}

Type *AutoBeAPIReader::readSchema(const json::Value &value,
                                  const std::string &path, SchemaRole role,
                                  Ident *dbColumn) {
  Type *type = document->createType();
  type->range = value.getRange();
  Keys<std::size(schemaKeys)> keys;
  if (!readObject(value, schemaKeys, path, keys))
    return type;
  // IJsonSchemaDescriptive: a named schema must be described. Properties
  // must be too by AutoBe's interface, but the corpus has undescribed ones
  // in runs AutoBe accepted, so their description stays optional.
  if (role == SchemaRole::Named && !value.get("description"))
    diags.report(DiagID::JSONMissingKey, opening(value))
        << "'" + display(path) + "'"
        << "description";
  type->description = text(keys[SKDescription]);
  if (dbColumn && role == SchemaRole::Property)
    *dbColumn = ident(keys[SKDatabaseSchemaProperty]);

  // The kind: `type` discriminates; a typeless schema is a reference, a
  // union or a constant.
  if (const json::Value *typeValue = keys[SKType]) {
    if (std::optional<TypeKind> kind = parseSchemaType(typeValue->getString()))
      type->kind = *kind;
    else
      diags.report(DiagID::OpenAPIUnknownType, typeValue->getRange())
          << typeValue->getString() << schemaTypeList;
  } else if (keys[SKRef]) {
    type->kind = TypeKind::Ref;
  } else if (keys[SKOneOf]) {
    type->kind = TypeKind::OneOf;
  } else if (const json::Value *constant = keys[SKConst]) {
    if (constant->isString())
      type->kind = TypeKind::String;
    else if (constant->isBoolean())
      type->kind = TypeKind::Boolean;
    else if (constant->isNumber())
      type->kind =
          constant->getAsInteger() ? TypeKind::Integer : TypeKind::Number;
    else if (constant->isNull())
      type->kind = TypeKind::Null;
  } else if (!value.get("type")) { // A `type` of the wrong JSON type is AB001.
    diags.report(DiagID::AutoBeAPIUntypedSchema, opening(value))
        << display(path);
  }

  // Literals.
  if (const json::Value *constant = keys[SKConst]) {
    if (constant->isArray() || constant->isObject())
      diags.report(DiagID::JSONWrongType, constant->getRange())
          << child(path, "const") << "a string, number or boolean"
          << json::getKindName(constant->getKind());
    else
      type->enumValues.push_back(literal(*constant));
  }
  forEach(keys[SKEnum], child(path, "enum"),
          [&](const json::Value &element, const std::string &elementPath) {
            if (element.isArray() || element.isObject())
              diags.report(DiagID::JSONWrongType, element.getRange())
                  << elementPath << "a string, number or boolean"
                  << json::getKindName(element.getKind());
            else
              type->enumValues.push_back(literal(element));
          });

  switch (type->kind) {
  case TypeKind::Object:
    readObjectType(*type, value, keys, path);
    break;
  case TypeKind::Array:
    if (const json::Value *items = keys[SKItems])
      type->items =
          readSchema(*items, child(path, "items"), SchemaRole::Nested);
    else if (!value.get("items"))
      diags.report(DiagID::JSONMissingKey, opening(value))
          << "'" + display(path) + "'"
          << "items";
    break;
  case TypeKind::Ref: {
    const json::Value *ref = keys[SKRef];
    if (!ref) {
      break;
    }
    StringRef refText = ref->getString();
    type->refText = keep(refText);
    if (refText.consume_front(schemaPrefix) && !refText.empty()) {
      // A JSON pointer token: "~1" is "/", "~0" is "~".
      std::string name = refText.str();
      bool escaped = name.find('~') != std::string::npos;
      if (escaped) {
        std::string decoded;
        for (size_t i = 0; i < name.size(); ++i) {
          if (name[i] == '~' && i + 1 < name.size() &&
              (name[i + 1] == '0' || name[i + 1] == '1')) {
            decoded += name[i + 1] == '0' ? '~' : '/';
            ++i;
          } else {
            decoded += name[i];
          }
        }
        name = decoded;
      }
      type->ref = Ident{escaped ? document->save(name) : keep(refText),
                        ref->getRange()};
    } else {
      diags.report(DiagID::AutoBeAPIBadRef, ref->getRange()) << type->refText;
      type->ref = Ident{type->refText, ref->getRange()};
    }
    // A reference to nothing (`""`, or the prefix alone) names no type:
    // reported above, read as any.
    if (type->ref.empty()) {
      type->kind = TypeKind::Any;
      type->ref = Ident();
    }
    break;
  }
  case TypeKind::OneOf:
    forEach(keys[SKOneOf], child(path, "oneOf"),
            [&](const json::Value &variant, const std::string &variantPath) {
              Type *lowered =
                  readSchema(variant, variantPath, SchemaRole::Nested);
              // `oneOf: [T, {type: null}]` is AutoBe's nullable T; the
              // null variant is kept, and the union marked nullable.
              if (lowered->kind == TypeKind::Null)
                type->isNullable = true;
              type->variants.push_back(lowered);
            });
    break;
  default:
    break;
  }

  // Formats and bounds ride on the node whatever its kind.
  if (const json::Value *format = keys[SKFormat]) {
    type->formatIdent = ident(format);
    type->format = type->formatIdent.name;
  }
  type->pattern = text(keys[SKPattern]);
  if (const json::Value *minimum = keys[SKMinimum]) {
    type->minimum = minimum->getAsNumber();
    type->minRange = minimum->getRange();
  }
  if (const json::Value *maximum = keys[SKMaximum]) {
    type->maximum = maximum->getAsNumber();
    type->maxRange = maximum->getRange();
  }
  // OpenAPI 3.1 (AutoBe): a number; 3.0: a boolean flag on the bound.
  auto readExclusive = [&](SchemaKey key, StringRef name,
                           std::optional<double> &bound, bool &exclusive,
                           SMRange &range) {
    const json::Value *bound31 = keys[key];
    if (!bound31)
      return;
    if (bound31->isBoolean()) {
      exclusive = *bound31->getAsBoolean();
    } else if (expect(*bound31, Expect::Number, child(path, name))) {
      bound = bound31->getAsNumber();
      exclusive = true;
      range = bound31->getRange();
    }
  };
  readExclusive(SKExclusiveMinimum, "exclusiveMinimum", type->minimum,
                type->exclusiveMinimum, type->minRange);
  readExclusive(SKExclusiveMaximum, "exclusiveMaximum", type->maximum,
                type->exclusiveMaximum, type->maxRange);
  auto readBound = [&](SchemaKey key, StringRef name,
                       std::optional<uint64_t> &bound, SMRange &range) {
    bound = readCount(keys[key], child(path, name));
    if (bound)
      range = keys[key]->getRange();
  };
  readBound(SKMinLength, "minLength", type->minLength, type->minRange);
  readBound(SKMaxLength, "maxLength", type->maxLength, type->maxRange);
  readBound(SKMinItems, "minItems", type->minItems, type->minRange);
  readBound(SKMaxItems, "maxItems", type->maxItems, type->maxRange);
  if (const json::Value *additional = keys[SKAdditionalProperties])
    if (!additional->isBoolean() && expect(*additional, Expect::Object,
                                           child(path, "additionalProperties")))
      type->additionalProperties = readSchema(
          *additional, child(path, "additionalProperties"), SchemaRole::Nested);
  return type;
}

void AutoBeAPIReader::readObjectType(Type &type, const json::Value &value,
                                     const Keys<std::size(schemaKeys)> &keys,
                                     const std::string &path) {
  for (StringRef key : {"properties", "required"})
    if (!value.get(key))
      diags.report(DiagID::JSONMissingKey, opening(value))
          << "'" + display(path) + "'" << key;
  // x-autobe-database-schema (2026) wins over x-autobe-prisma-schema.
  type.dbTable = ident(keys[SKDatabaseSchema] ? keys[SKDatabaseSchema]
                                              : keys[SKPrismaSchema]);
  llvm::StringSet<> required;
  std::vector<Ident> requiredIdents;
  forEach(keys[SKRequired], child(path, "required"),
          [&](const json::Value &name, const std::string &namePath) {
            if (!expect(name, Expect::String, namePath))
              return;
            required.insert(name.getString());
            requiredIdents.push_back(ident(&name));
          });
  llvm::StringSet<> names;
  if (const json::Value *properties = keys[SKProperties]) {
    std::string propertiesPath = child(path, "properties");
    for (const json::Member &member : properties->getMembers()) {
      if (!expectNonEmptyKey(member, child(propertiesPath, member.getKey())))
        continue;
      Property property;
      property.name = Ident{keep(member.getKey()), member.getKeyRange()};
      property.range = member.getRange();
      property.isRequired = required.contains(member.getKey());
      property.type =
          readSchema(member.getValue(), child(propertiesPath, member.getKey()),
                     SchemaRole::Property, &property.dbColumn);
      names.insert(member.getKey());
      type.properties.push_back(property);
    }
  }
  for (const Ident &name : requiredIdents)
    if (!names.contains(name.name))
      type.requiredNames.push_back(name);
}

std::unique_ptr<Document> abv::parseAutoBeAPI(SourceManager &sourceMgr,
                                              unsigned bufferID,
                                              DiagnosticEngine &diags) {
  std::unique_ptr<json::Document> doc = json::parse(sourceMgr, bufferID, diags);
  if (!doc)
    return nullptr;
  AutoBeAPIReader reader(sourceMgr, bufferID, diags);
  return reader.read(doc->getRoot());
}
