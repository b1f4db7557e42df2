//===- APIAutoBe.cpp - The api-autobe pass --------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks AutoBe's own interface rules on AutoBe documents
/// (DocumentOrigin::AutoBeAST): DTO type names (API020), IPage types
/// (API021), request and response bodies that are named object types, or
/// unions of them (API022), the `token` of `*.IAuthorized` types (API023),
/// identifier properties (API024), operation names (API025), prerequisites
/// (API026) and operation actors (API027).
///
/// None of these is a rule of OpenAPI itself: a hand-written OpenAPI
/// document may return an array, name its types freely and use integer ids.
/// The pass therefore skips OpenAPI documents altogether.
///
/// Deliberate limits, so that every finding is a real violation:
/// - API020 accepts any number of `.I<Pascal>` segments: AutoBe's variants
///   (`ICreate`, `IUpdate`, `ISummary`, `IRequest`, `IAuthorized`, `ILogin`,
///   `IJoin`, `IRefresh`) are the common ones, not a closed list (AutoBe
///   documents use `IEntity.IChangePassword` and nested unions such as
///   `IPost.ICreate.IText`).
/// - API024 requires `format: uuid` on properties named `id` only. A
///   property ending in `_id` must be a string, but may lack the uuid format:
///   AutoBe's documents carry external identifiers (`session_id`,
///   `transaction_id`, `device_id`) that are not foreign keys.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/IR/Walk.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <string>

using namespace abv;
using namespace abv::api;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Whether \p segment is `I` followed by a PascalCase name.
static bool isInterfaceSegment(StringRef segment) {
  if (segment.size() < 2 || segment[0] != 'I' || !isUpper(segment[1]))
    return false;
  return all_of(segment, [](char c) { return isAlnum(c); });
}

/// Whether \p name follows AutoBe's DTO naming: `IEntity`, `IEntity.ICreate`,
/// `IPageIEntity.ISummary`, ...
static bool isAutoBeTypeName(StringRef name) {
  SmallVector<StringRef, 4> segments;
  name.split(segments, '.', -1, /*KeepEmpty=*/true);
  return all_of(segments, isInterfaceSegment);
}

/// \p type without AutoBe's nullable wrapper: `oneOf: [T, {type: null}]`
/// is T. Other types are returned as they are.
static const Type *stripNullable(const Type *type) {
  if (!type || type->kind != TypeKind::OneOf)
    return type;
  const Type *result = nullptr;
  for (const Type *variant : type->variants) {
    if (variant && variant->kind == TypeKind::Null)
      continue;
    if (result)
      return type; // A real union.
    result = variant;
  }
  return result ? result : type;
}

/// An article and the kind of \p type, for messages: "an array", "a string".
static std::string describeKind(const Type &type) {
  switch (type.kind) {
  case TypeKind::Any:
    return "untyped";
  case TypeKind::Object:
    return "an object";
  case TypeKind::Array:
    return "an array";
  case TypeKind::Integer:
    return "an integer";
  case TypeKind::Null:
    return "null";
  case TypeKind::OneOf:
    return "a oneOf union";
  case TypeKind::AnyOf:
    return "an anyOf union";
  case TypeKind::AllOf:
    return "an allOf";
  default:
    return ("a " + getTypeKindName(type.kind)).str();
  }
}

/// Whether a body of type \p type is an object for AutoBe: an object, or a
/// union (or intersection) of objects, which AutoBe compiles into a union
/// of DTOs and realizes. Untyped variants are objects here: they are AB102's
/// to report. Null variants only make the body nullable.
static bool isObjectBody(const Document &doc, const Type &type,
                         unsigned depth = 0) {
  switch (type.kind) {
  case TypeKind::Object:
    return true;
  case TypeKind::OneOf:
  case TypeKind::AnyOf:
  case TypeKind::AllOf: {
    if (depth == 16)
      return false;
    bool anyObject = false;
    for (const Type *variant : type.variants) {
      const Type *resolved = doc.resolve(variant);
      if (!resolved || resolved->kind == TypeKind::Null)
        continue;
      if (resolved->kind != TypeKind::Any &&
          !isObjectBody(doc, *resolved, depth + 1))
        return false;
      anyObject = true;
    }
    return anyObject;
  }
  default:
    return false;
  }
}

/// JavaScript's reserved words: an SDK function cannot take these names
/// (AutoBe names its erase operations `erase` for that reason).
static bool isReservedWord(StringRef name) {
  static const char *const words[] = {
      "break",    "case",    "catch",  "class",      "const", "continue",
      "debugger", "default", "delete", "do",         "else",  "enum",
      "export",   "extends", "false",  "finally",    "for",   "function",
      "if",       "import",  "in",     "instanceof", "new",   "null",
      "return",   "super",   "switch", "this",       "throw", "true",
      "try",      "typeof",  "var",    "void",       "while", "with"};
  return is_contained(words, name);
}

/// Whether \p name is a JavaScript identifier (ASCII).
static bool isIdentifier(StringRef name) {
  if (name.empty() || isDigit(name[0]))
    return false;
  return all_of(name,
                [](char c) { return isAlnum(c) || c == '_' || c == '$'; });
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {

struct APIAutoBePass : DocumentPass<APIAutoBePass> {
  static constexpr StringLiteral argument = "api-autobe";
  static constexpr StringLiteral description =
      "Checks AutoBe's interface rules: DTO names, page types, object bodies, "
      "IAuthorized tokens, identifiers, operation names, prerequisites and "
      "actors";

  void run(const Document &doc, AnalysisManager &, DiagnosticEngine &diags) {
    if (doc.origin != DocumentOrigin::AutoBeAST)
      return;
    checkNamedTypes(doc, diags);
    checkIdentifiers(doc, diags);
    checkOperations(doc, diags);
  }

private:
  void checkNamedTypes(const Document &doc, DiagnosticEngine &diags);
  void checkIdentifiers(const Document &doc, DiagnosticEngine &diags);
  void checkOperations(const Document &doc, DiagnosticEngine &diags);
};

} // namespace

//===----------------------------------------------------------------------===//
// API020, API021, API023: named types
//===----------------------------------------------------------------------===//

void APIAutoBePass::checkNamedTypes(const Document &doc,
                                    DiagnosticEngine &diags) {
  for (const NamedType &named : doc.types) {
    StringRef name = named.name.name;
    if (!isAutoBeTypeName(name)) {
      diags.report(DiagID::APIAutoBeTypeName, named.name.range) << name;
      continue;
    }
    const Type *type = named.type;
    if (!type || type->kind != TypeKind::Object)
      continue; // Non-object bodies are API022's.

    // `IPageIEntity` / `IPageIEntity.ISummary`: nestia's IPage<T>.
    if (name.starts_with("IPageI") && name.size() > 6 && isUpper(name[6]))
      for (StringRef required : {"pagination", "data"})
        if (!type->findProperty(required))
          diags.report(DiagID::APIAutoBePageType, named.name.range)
              << name << required;

    if (name.ends_with(".IAuthorized")) {
      const Property *token = type->findProperty("token");
      if (!token) {
        diags.report(DiagID::APIAutoBeAuthorizedToken, named.name.range)
            << name << "has no 'token' property";
        continue;
      }
      const Type *tokenType = stripNullable(token->type);
      if (!tokenType || tokenType->kind != TypeKind::Ref ||
          tokenType->ref.name != "IAuthorizationToken")
        diags.report(DiagID::APIAutoBeAuthorizedToken, token->name.range)
            << name << "has a 'token' that is not an 'IAuthorizationToken'";
    }
  }
}

//===----------------------------------------------------------------------===//
// API024: identifiers
//===----------------------------------------------------------------------===//

void APIAutoBePass::checkIdentifiers(const Document &doc,
                                     DiagnosticEngine &diags) {
  DenseSet<const Type *> seen;
  auto check = [&](const Type &type) {
    for (const Property &property : type.properties) {
      StringRef name = property.name.name;
      bool isPrimary = name == "id";
      if (!isPrimary && !name.ends_with("_id"))
        continue;
      const Type *value = stripNullable(property.type);
      if (!value || value->kind == TypeKind::Any ||
          value->kind == TypeKind::Ref)
        continue; // Untyped (AB102) or a named type: not judged here.
      std::string what;
      if (value->kind != TypeKind::String)
        what = describeKind(*value);
      else if (isPrimary && value->format != "uuid")
        what = value->format.empty()
                   ? std::string("a string without a format")
                   : ("a string of format '" + value->format + "'").str();
      if (what.empty())
        continue;
      diags.report(DiagID::APIAutoBeIdFormat, property.name.range.isValid()
                                                  ? property.name.range
                                                  : property.range)
          << name << what;
    }
    return WalkResult::Advance;
  };
  for (const NamedType &named : doc.types)
    walk(named.type, check, &seen);
}

//===----------------------------------------------------------------------===//
// API022, API025 - API027: operations
//===----------------------------------------------------------------------===//

void APIAutoBePass::checkOperations(const Document &doc,
                                    DiagnosticEngine &diags) {
  StringSet<> endpoints; // "method path"
  for (const Operation &op : doc.operations)
    endpoints.insert((op.method.name + " " + op.path.name).str());
  StringSet<> actors;
  for (const Actor &actor : doc.actors)
    actors.insert(actor.name.name);

  for (const Operation &op : doc.operations) {
    auto checkBody = [&](const Type *body, StringRef which) {
      if (!body || body->kind != TypeKind::Ref)
        return;
      const NamedType *named = doc.findType(body->ref.name);
      if (!named || !named->type)
        return; // API001.
      const Type *resolved = doc.resolve(named->type);
      if (!resolved || isObjectBody(doc, *resolved))
        return;
      SMRange range = body->ref.range.isValid() ? body->ref.range : body->range;
      auto diag = diags.report(DiagID::APIAutoBeBodyNotObject, range);
      diag << which << body->ref.name << describeKind(*resolved);
      diag.note(named->name.range, NoteID::TypeDeclaredHere);
    };
    checkBody(op.requestBody, "request");
    if (const Response *response = op.getSuccessResponse())
      checkBody(response->type, "response");

    StringRef name = op.operationId.name;
    if (!op.operationId.empty()) {
      if (!isIdentifier(name))
        diags.report(DiagID::APIAutoBeOperationName, op.operationId.range)
            << name << "";
      else if (isReservedWord(name))
        diags.report(DiagID::APIAutoBeOperationName, op.operationId.range)
            << name << " (a reserved word of JavaScript)";
    }

    for (const Prerequisite &prerequisite : op.prerequisites) {
      if (prerequisite.method.empty() || prerequisite.path.empty())
        continue; // The frontend reported the malformed endpoint.
      if (endpoints.contains(
              (prerequisite.method.name + " " + prerequisite.path.name).str()))
        continue;
      diags.report(DiagID::APIAutoBePrerequisiteUnknown,
                   prerequisite.path.range.isValid() ? prerequisite.path.range
                                                     : prerequisite.range)
          << prerequisite.method.name.upper() << prerequisite.path.name;
    }

    if (!op.actor.empty() && !actors.contains(op.actor.name))
      diags.report(DiagID::APIAutoBeActorUnknown, op.actor.range)
          << op.actor.name;
  }
}

std::unique_ptr<Pass> abv::createAPIAutoBePass() {
  return std::make_unique<APIAutoBePass>();
}
