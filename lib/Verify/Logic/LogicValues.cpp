//===- LogicValues.cpp - The logic-values pass ----------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Values the code builds against the types the other layers declare:
///
/// - LOG011: an object literal a provider returns (directly, through a
///   name, or as the return of the transformer call it returns) that lacks
///   a required property of its operation's response type, or has one the
///   type does not declare. Nested object literals are read against the
///   property's type, and the elements of `data: rows.map((r) => ({...}))`
///   against the array's items, so that pages are checked too. An object
///   with keys ABV cannot see (`...row`) is not judged for missing
///   properties; a type with `additionalProperties` (a map) or a union
///   (oneOf / anyOf) is not judged at all. allOf is read as the union of
///   its parts' properties.
/// - LOG012: a literal whose type the declaration refuses: a string, number,
///   boolean or null given to a Prisma column in `where` / `data` (an Int
///   compared with "5", a DateTime? set to false, null to a required
///   column, a value no enum of the schema has), and a literal in a
///   returned object against the property's type (its enum values too).
///
//===----------------------------------------------------------------------===//

#include "LogicSupport.h"

#include "abv/Analysis/Binding.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace abv;
using namespace abv::logic;
using namespace llvm;

namespace {

/// What a literal is, read from its spelling.
enum class LiteralKind { String, Template, Number, Boolean, Null, Other };

LiteralKind getLiteralKind(const ArgEntry &entry) {
  if (entry.valueKind == ArgEntry::ValueKind::Null)
    return LiteralKind::Null;
  if (entry.valueKind != ArgEntry::ValueKind::Literal ||
      entry.valueText.empty())
    return LiteralKind::Other;
  StringRef text = entry.valueText;
  if (text.front() == '"' || text.front() == '\'')
    return LiteralKind::String;
  if (text.front() == '`')
    return LiteralKind::Template;
  if (text == "true" || text == "false")
    return LiteralKind::Boolean;
  if (isDigit(text.front()) || text.front() == '.' || text.front() == '-')
    return LiteralKind::Number;
  return LiteralKind::Other;
}

/// The value of a string literal without quotes, when it has no escapes.
std::optional<StringRef> getPlainString(const ArgEntry &entry) {
  StringRef text = entry.valueText;
  if (text.size() < 2 || text.contains('\\'))
    return std::nullopt;
  return text.drop_front().drop_back();
}

/// A function's name as the code calls it (`TodoTransformer.transform`).
std::string getQualifiedName(const Function &fn) {
  if (fn.namespaceName.empty())
    return fn.name.text.str();
  return (fn.namespaceName + "." + fn.name.text).str();
}

/// The properties of an object type, through $ref and allOf.
struct Shape {
  SmallVector<const api::Property *, 16> properties;
  /// Properties beyond these are allowed (a map, or a part not understood).
  bool open = false;
  /// Not an object at all, or a union: nothing is judged.
  bool unknown = false;

  const api::Property *find(StringRef name) const {
    for (const api::Property *property : properties)
      if (property->name.name == name)
        return property;
    return nullptr;
  }
};

const api::Type *resolve(const api::Document &doc, const api::Type *type) {
  for (unsigned depth = 0; type && depth < 16; ++depth) {
    if (type->kind != api::TypeKind::Ref)
      return type;
    const api::NamedType *named = doc.findType(type->ref.name);
    type = named ? named->type : nullptr;
  }
  return nullptr;
}

void collectShape(const api::Document &doc, const api::Type *type, Shape &shape,
                  unsigned depth = 0) {
  type = resolve(doc, type);
  if (!type || depth > 8) {
    shape.unknown = true;
    return;
  }
  switch (type->kind) {
  case api::TypeKind::Object:
    for (const api::Property &property : type->properties)
      shape.properties.push_back(&property);
    if (type->additionalProperties)
      shape.open = true;
    return;
  case api::TypeKind::AllOf:
    for (const api::Type *part : type->variants)
      collectShape(doc, part, shape, depth + 1);
    return;
  default:
    shape.unknown = true;
    return;
  }
}

/// Whether the value may be null: the property's type, or the type it
/// refers to, is nullable (or is the null type).
bool isNullable(const api::Document &doc, const api::Type *type) {
  for (unsigned depth = 0; type && depth < 16; ++depth) {
    if (type->isNullable || type->kind == api::TypeKind::Null)
      return true;
    if (type->kind == api::TypeKind::OneOf ||
        type->kind == api::TypeKind::AnyOf) {
      for (const api::Type *variant : type->variants)
        if (isNullable(doc, variant))
          return true;
      return false;
    }
    if (type->kind != api::TypeKind::Ref)
      return false;
    const api::NamedType *named = doc.findType(type->ref.name);
    type = named ? named->type : nullptr;
  }
  return false;
}

class ValueChecker {
public:
  ValueChecker(const Project &project, const Binding &binding,
               DiagnosticEngine &diags)
      : project(project), binding(binding), diags(diags) {}

  void checkProvider(const Function &fn);
  void checkPrismaCall(const PrismaCall &call);
  void checkPrismaTyped(const PrismaTyped &typed);

private:
  void checkReturned(const Function &fn, const ArgObject &object,
                     const api::Type *type, StringRef typeName,
                     SMRange typeRange, unsigned depth);
  void checkReturnedCall(StringRef callee, const api::Type *type,
                         StringRef typeName, SMRange typeRange, unsigned depth);
  void checkPropertyLiteral(const ArgEntry &entry,
                            const api::Property &property, StringRef typeName);
  void checkColumns(const db::Model &model, const ArgObject *object,
                    bool isWhere, unsigned depth);
  void checkColumnLiteral(const db::Model &model, const db::Field &field,
                          const ArgEntry &entry);

  const Project &project;
  const Binding &binding;
  DiagnosticEngine &diags;
  /// Transformers being read (a transformer calling itself).
  SmallPtrSet<const Function *, 4> active;
};

void ValueChecker::checkProvider(const Function &fn) {
  const api::Document *doc = project.getAPIDocument();
  Binding::ProviderLink link = binding.getOperation(fn);
  if (!doc || !link)
    return;
  const api::Response *response = link.operation->getSuccessResponse();
  if (!response || !response->type)
    return;
  const api::NamedType *named = getNamedType(*doc, response->type);
  if (!named || response->type->kind != api::TypeKind::Ref)
    return;
  for (const Return &ret : fn.returns) {
    if (ret.kind == Return::Kind::Object && ret.object)
      checkReturned(fn, *ret.object, named->type, named->name.name,
                    named->name.range, 0);
    else if (!ret.callee.empty())
      checkReturnedCall(ret.callee, named->type, named->name.name,
                        named->name.range, 0);
  }
}

void ValueChecker::checkReturnedCall(StringRef callee, const api::Type *type,
                                     StringRef typeName, SMRange typeRange,
                                     unsigned depth) {
  const Function *target = project.logic->findFunction(callee);
  if (!target || target->kind != FunctionKind::Transformer || depth > 4 ||
      !active.insert(target).second)
    return;
  for (const Return &ret : target->returns)
    if (ret.kind == Return::Kind::Object && ret.object)
      checkReturned(*target, *ret.object, type, typeName, typeRange, depth + 1);
  active.erase(target);
}

void ValueChecker::checkReturned(const Function &fn, const ArgObject &object,
                                 const api::Type *type, StringRef typeName,
                                 SMRange typeRange, unsigned depth) {
  const api::Document &doc = *project.getAPIDocument();
  if (depth > 8)
    return;
  Shape shape;
  collectShape(doc, type, shape);
  if (shape.unknown)
    return;
  for (const ArgEntry &entry : object.entries) {
    if (entry.key.empty())
      continue;
    const api::Property *property = shape.find(entry.key.text);
    if (!property) {
      if (shape.open)
        continue;
      auto diag = diags.report(DiagID::LogicResponseShape, entry.key.range);
      diag << getQualifiedName(fn) << typeName << "has the undeclared property"
           << entry.key.text;
      diag.note(typeRange, NoteID::ResponseTypeHere) << typeName;
      continue;
    }
    checkPropertyLiteral(entry, *property, typeName);
    // Nested objects and the elements of mapped arrays, against the
    // property's type.
    const api::Type *propertyType = resolve(doc, property->type);
    if (!propertyType)
      continue;
    auto nestedName = [&](const api::Type *t) -> std::pair<StringRef, SMRange> {
      if (t && t->kind == api::TypeKind::Ref)
        if (const api::NamedType *named = doc.findType(t->ref.name))
          return {named->name.name, named->name.range};
      return {typeName, typeRange};
    };
    if (entry.valueKind == ArgEntry::ValueKind::Object && entry.nested) {
      auto [name, range] = nestedName(property->type);
      checkReturned(fn, *entry.nested, property->type, name, range, depth + 1);
    } else if (propertyType->kind == api::TypeKind::Array &&
               propertyType->items) {
      auto [name, range] = nestedName(propertyType->items);
      if (entry.element)
        checkReturned(fn, *entry.element, propertyType->items, name, range,
                      depth + 1);
      else if (!entry.elementCallee.empty())
        checkReturnedCall(entry.elementCallee, propertyType->items, name, range,
                          depth + 1);
    }
  }
  if (object.hasUnknownKeys)
    return;
  for (const api::Property *property : shape.properties) {
    if (!property->isRequired || object.find(property->name.name))
      continue;
    SMRange at(object.range.Start, object.range.Start);
    if (at.Start.isValid())
      at.End = SMLoc::getFromPointer(at.Start.getPointer() + 1);
    auto diag = diags.report(DiagID::LogicResponseShape, at);
    diag << getQualifiedName(fn) << typeName << "lacks the required property"
         << property->name.name;
    diag.note(property->name.range, NoteID::ResponsePropertyHere)
        << property->name.name << typeName;
  }
}

void ValueChecker::checkPropertyLiteral(const ArgEntry &entry,
                                        const api::Property &property,
                                        StringRef typeName) {
  LiteralKind kind = getLiteralKind(entry);
  if (kind == LiteralKind::Other)
    return;
  const api::Document &doc = *project.getAPIDocument();
  std::string target = (typeName + "." + property.name.name).str();
  auto report = [&](StringRef expected) {
    auto diag = diags.report(DiagID::LogicLiteralType, entry.valueRange);
    diag << entry.valueText << "property" << target << expected;
    diag.note(property.name.range, NoteID::ResponsePropertyHere)
        << property.name.name << typeName;
  };
  if (kind == LiteralKind::Null) {
    if (!isNullable(doc, property.type))
      report("not nullable");
    return;
  }
  const api::Type *type = resolve(doc, property.type);
  if (!type)
    return;
  switch (type->kind) {
  case api::TypeKind::String:
    if (kind != LiteralKind::String && kind != LiteralKind::Template) {
      report("a string");
      return;
    }
    if (kind == LiteralKind::String && !type->enumValues.empty())
      if (std::optional<StringRef> value = getPlainString(entry))
        if (llvm::none_of(type->enumValues, [&](const api::Literal &literal) {
              return literal.isString && literal.text == *value;
            }))
          report("an enum without this value");
    return;
  case api::TypeKind::Integer:
  case api::TypeKind::Number:
    if (kind != LiteralKind::Number)
      report(type->kind == api::TypeKind::Integer ? "an integer" : "a number");
    return;
  case api::TypeKind::Boolean:
    if (kind != LiteralKind::Boolean)
      report("a boolean");
    return;
  case api::TypeKind::Object:
  case api::TypeKind::Array:
    report(type->kind == api::TypeKind::Object ? "an object" : "an array");
    return;
  default:
    return;
  }
}

void ValueChecker::checkColumnLiteral(const db::Model &model,
                                      const db::Field &field,
                                      const ArgEntry &entry) {
  LiteralKind kind = getLiteralKind(entry);
  if (kind == LiteralKind::Other || field.isList)
    return;
  std::string target = (model.name.name + "." + field.name.name).str();
  auto report = [&](StringRef expected) {
    auto diag = diags.report(DiagID::LogicLiteralType, entry.valueRange);
    diag << entry.valueText << "column" << target << expected;
    diag.note(field.name.range, NoteID::ColumnDeclaredHere);
  };
  if (kind == LiteralKind::Null) {
    // Prisma refuses null for a required column, in a filter as in data.
    if (!field.isOptional)
      report("required (" + field.typeName.name.str() + ")");
    return;
  }
  bool isString = kind == LiteralKind::String || kind == LiteralKind::Template;
  // The column's type as the schema spells it (`DateTime?`).
  std::string spelled =
      (field.typeName.name + (field.isOptional ? "?" : "")).str();
  switch (field.type) {
  case db::TypeKind::String:
    if (!isString)
      report(spelled);
    return;
  case db::TypeKind::Boolean:
    if (kind != LiteralKind::Boolean)
      report(spelled);
    return;
  case db::TypeKind::Int:
  case db::TypeKind::Float:
  case db::TypeKind::BigInt:
    if (kind != LiteralKind::Number)
      report(spelled);
    return;
  case db::TypeKind::Decimal:
    if (kind != LiteralKind::Number && !isString)
      report(spelled);
    return;
  case db::TypeKind::DateTime:
    // An ISO string is a DateTime to Prisma.
    if (!isString)
      report(spelled);
    return;
  case db::TypeKind::Enum: {
    if (!isString) {
      report("the enum '" + spelled + "'");
      return;
    }
    const db::Schema *schema = binding.getSchema();
    const db::Enum *declared =
        schema ? schema->findEnum(field.typeName.name) : nullptr;
    std::optional<StringRef> value = getPlainString(entry);
    if (declared && value && kind == LiteralKind::String &&
        llvm::none_of(declared->values, [&](const db::EnumValue &v) {
          return v.name.name == *value;
        }))
      report("the enum '" + spelled + "', without this value");
    return;
  }
  default:
    return;
  }
}

void ValueChecker::checkColumns(const db::Model &model, const ArgObject *object,
                                bool isWhere, unsigned depth) {
  if (!object || depth > 16)
    return;
  for (const ArgEntry &entry : object->entries) {
    StringRef key = entry.key.text;
    if (isWhere && (key == "AND" || key == "OR" || key == "NOT")) {
      checkColumns(model, entry.nested, isWhere, depth + 1);
      continue;
    }
    const db::Field *field = binding.findField(model, key);
    if (!field)
      continue;
    if (field->isRelation()) {
      const db::Model *target = binding.getRelationTarget(*field);
      if (!target || !entry.nested || !isWhere)
        continue;
      for (const ArgEntry &inner : entry.nested->entries)
        if (inner.key.text == "some" || inner.key.text == "every" ||
            inner.key.text == "none" || inner.key.text == "is" ||
            inner.key.text == "isNot")
          checkColumns(*target, inner.nested, true, depth + 1);
      continue;
    }
    if (field->type == db::TypeKind::Json ||
        field->type == db::TypeKind::Unsupported)
      continue;
    checkColumnLiteral(model, *field, entry);
    // Filter and update operators of a scalar column.
    if (entry.valueKind != ArgEntry::ValueKind::Object || !entry.nested)
      continue;
    for (const ArgEntry &inner : entry.nested->entries) {
      StringRef op = inner.key.text;
      bool compares = isWhere && (op == "equals" || op == "gt" || op == "gte" ||
                                  op == "lt" || op == "lte");
      bool sets = !isWhere && op == "set";
      // `not: null` is how a filter keeps rows with a value.
      if ((compares || sets) || (isWhere && op == "not" &&
                                 inner.valueKind != ArgEntry::ValueKind::Null))
        checkColumnLiteral(model, *field, inner);
    }
  }
}

void ValueChecker::checkPrismaCall(const PrismaCall &call) {
  const db::Model *model = binding.findPrismaTable(call.table.text);
  if (!model || !call.args)
    return;
  for (const ArgEntry &entry : call.args->entries) {
    if (!entry.nested)
      continue;
    if (entry.key.text == "where")
      checkColumns(*model, entry.nested, true, 0);
    else if (entry.key.text == "data" || entry.key.text == "create" ||
             entry.key.text == "update")
      checkColumns(*model, entry.nested, false, 0);
  }
}

void ValueChecker::checkPrismaTyped(const PrismaTyped &typed) {
  const db::Model *model = binding.findPrismaTable(typed.table.text);
  if (!model)
    return;
  if (typed.shape == PrismaShape::WhereInput)
    checkColumns(*model, typed.object, true, 0);
  else if (typed.shape == PrismaShape::CreateInput ||
           typed.shape == PrismaShape::UpdateInput)
    checkColumns(*model, typed.object, false, 0);
}

struct LogicValuesPass : ProjectPass<LogicValuesPass> {
  static constexpr StringLiteral argument = "logic-values";
  static constexpr StringLiteral description =
      "Checks returned objects against the response type, and literals "
      "against the column and property types they are given to";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    if (!project.logic)
      return;
    const Binding &binding = analyses.getAnalysis<Binding>();
    ValueChecker checker(project, binding, diags);
    for (const std::unique_ptr<Function> &fn : project.logic->functions) {
      if (fn->kind == FunctionKind::Test ||
          fn->kind == FunctionKind::TestHelper)
        continue;
      if (project.getDBSchema()) {
        for (const PrismaCall &call : fn->prismaCalls)
          checker.checkPrismaCall(call);
        for (const PrismaTyped &typed : fn->prismaTyped)
          checker.checkPrismaTyped(typed);
      }
      if (fn->kind == FunctionKind::Provider && fn->namespaceName.empty())
        checker.checkProvider(*fn);
    }
  }
};

} // namespace

std::unique_ptr<Pass> abv::createLogicValuesPass() {
  return std::make_unique<LogicValuesPass>();
}
