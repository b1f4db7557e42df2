//===- Printer.cpp - Textual dump of the IR -------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The dump format, one node per line, children indented by two spaces:
///
///   db.schema origin=prisma provider=sqlite files=2
///     db.datasource db @main.prisma:5:12
///       db.property provider = "sqlite" @main.prisma:6:14
///     db.model todo_list_users @schema-01.prisma:14:7
///       db.column id : String [id] @schema-01.prisma:18:3
///       db.relation user : todo_list_users fields=[user_id]
///           references=[id] onDelete=Cascade @schema-01.prisma:30:3
///       db.index unique (email) @schema-01.prisma:33:3
///     db.enum Status @...
///       db.enum_value ACTIVE @...
///
/// Locations are `@<file name>:<line>:<column>` of the node's name (file
/// name without directories, so tests do not depend on temporary paths).
///
//===----------------------------------------------------------------------===//

#include "abv/IR/Printer.h"
#include "abv/Basic/SourceFiles.h"
#include "abv/Basic/Unicode.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {
/// What both printers share: the stream, indentation and `@file:line:col`
/// locations.
class PrinterBase {
protected:
  PrinterBase(const SourceManager &sm, raw_ostream &os) : sm(sm), os(os) {}

  raw_ostream &indent(unsigned level) { return os.indent(level * 2); }
  void loc(SMRange range) {
    if (!range.Start.isValid()) {
      os << " @<unknown>\n";
      return;
    }
    LineColumn lc = sm.getLineColumn(range.Start);
    os << " @" << sys::path::filename(sm.getBufferName(range.Start)) << ':'
       << lc.line << ':' << lc.column << '\n';
  }
  void loc(SMLoc start) { loc(SMRange(start, start)); }

  const SourceManager &sm;
  raw_ostream &os;
};

class Printer : PrinterBase {
public:
  Printer(const SourceManager &sm, raw_ostream &os) : PrinterBase(sm, os) {}

  void print(const Schema &schema);

private:
  void printExpr(const Expr &expr);
  void printField(const Field &field, unsigned level);
  void printIndex(const Index &index, unsigned level);
  void printConfig(StringRef kind, const ConfigBlock &block);
};
} // namespace

void Printer::printExpr(const Expr &expr) {
  switch (expr.kind) {
  case Expr::Kind::String:
    os << '"';
    os.write_escaped(expr.text);
    os << '"';
    return;
  case Expr::Kind::Number:
  case Expr::Kind::Constant:
    os << expr.text;
    return;
  case Expr::Kind::Array:
    os << '[';
    for (size_t i = 0; i < expr.elements.size(); ++i) {
      if (i)
        os << ", ";
      printExpr(expr.elements[i]);
    }
    os << ']';
    return;
  case Expr::Kind::Call:
    os << expr.text << '(';
    for (size_t i = 0; i < expr.elements.size(); ++i) {
      if (i)
        os << ", ";
      if (i < expr.elementNames.size() && !expr.elementNames[i].empty())
        os << expr.elementNames[i].name << ": ";
      printExpr(expr.elements[i]);
    }
    os << ')';
    return;
  case Expr::Kind::Object:
    os << '{';
    for (size_t i = 0; i < expr.elements.size(); ++i) {
      os << (i ? ", " : " ");
      if (i < expr.elementNames.size())
        os << expr.elementNames[i].name << ": ";
      printExpr(expr.elements[i]);
    }
    os << (expr.elements.empty() ? "}" : " }");
    return;
  }
}

static void printIdentList(raw_ostream &os, ArrayRef<Ident> idents) {
  os << '[';
  for (size_t i = 0; i < idents.size(); ++i)
    os << (i ? ", " : "") << idents[i].name;
  os << ']';
}

void Printer::printField(const Field &field, unsigned level) {
  indent(level) << (field.isRelation() ? "db.relation " : "db.column ")
                << field.name.name << " : " << field.typeName.name;
  if (field.isList)
    os << "[]";
  if (field.isOptional)
    os << '?';
  if (field.type == TypeKind::Enum || field.type == TypeKind::Composite ||
      field.type == TypeKind::Unknown)
    os << " (" << getTypeKindName(field.type) << ')';
  if (!field.autobeType.empty())
    os << " autobe=" << field.autobeType;
  SmallVector<StringRef, 4> flags;
  if (field.isId)
    flags.push_back("id");
  if (field.isUnique)
    flags.push_back("unique");
  if (field.isUpdatedAt)
    flags.push_back("updatedAt");
  if (!flags.empty()) {
    os << " [";
    for (size_t i = 0; i < flags.size(); ++i)
      os << (i ? ", " : "") << flags[i];
    os << ']';
  }
  if (field.nativeType) {
    os << " @" << field.nativeType->prefix << '.'
       << field.nativeType->name.name;
    if (!field.nativeType->args.empty()) {
      os << '(';
      for (size_t i = 0; i < field.nativeType->args.size(); ++i) {
        if (i)
          os << ", ";
        printExpr(field.nativeType->args[i]);
      }
      os << ')';
    }
  }
  if (const Expr *def = field.getDefaultValue()) {
    os << " default=";
    printExpr(*def);
  }
  if (!field.mappedName.empty())
    os << " map=\"" << field.mappedName.name << '"';
  if (field.relation) {
    const RelationInfo &rel = *field.relation;
    if (!rel.name.empty())
      os << " name=\"" << rel.name.name << '"';
    if (rel.hasFieldsArg || !rel.fields.empty()) {
      os << " fields=";
      printIdentList(os, rel.fields);
    }
    if (rel.hasReferencesArg || !rel.references.empty()) {
      os << " references=";
      printIdentList(os, rel.references);
    }
    if (!rel.onDelete.empty())
      os << " onDelete=" << rel.onDelete.name;
    if (!rel.onUpdate.empty())
      os << " onUpdate=" << rel.onUpdate.name;
    if (!rel.oppositeName.empty())
      os << " opposite=" << rel.oppositeName.name;
  }
  loc(field.name.range);
}

void Printer::printIndex(const Index &index, unsigned level) {
  static const char *const kinds[] = {"primary", "unique", "index", "fulltext"};
  static const char *const methods[] = {"",     "btree",  "hash", "gin",
                                        "gist", "spgist", "brin"};
  indent(level) << "db.index " << kinds[unsigned(index.kind)];
  if (index.method != Index::Method::Default)
    os << ' ' << methods[unsigned(index.method)];
  os << " (";
  for (size_t i = 0; i < index.fields.size(); ++i) {
    const IndexField &f = index.fields[i];
    os << (i ? ", " : "") << f.name.name;
    if (!f.sort.empty())
      os << ' ' << f.sort;
    if (!f.ops.empty())
      os << " ops=" << f.ops;
  }
  os << ')';
  if (index.isFieldLevel)
    os << " field-level";
  if (!index.name.empty())
    os << " name=\"" << index.name.name << '"';
  if (!index.map.empty())
    os << " map=\"" << index.map.name << '"';
  loc(index.range);
}

void Printer::printConfig(StringRef kind, const ConfigBlock &block) {
  indent(1) << kind << ' ' << block.name.name;
  loc(block.name.range);
  for (const ConfigProperty &prop : block.properties) {
    indent(2) << "db.property " << prop.key.name << " = ";
    printExpr(prop.value);
    loc(prop.key.range);
  }
}

void Printer::print(const Schema &schema) {
  os << "db.schema origin="
     << (schema.origin == SchemaOrigin::PrismaText ? "prisma" : "autobe");
  if (schema.getProvider() != Provider::Unknown)
    os << " provider=" << getProviderName(schema.getProvider());
  os << " files=" << schema.bufferIDs.size() << '\n';
  for (const ConfigBlock &block : schema.datasources)
    printConfig("db.datasource", block);
  for (const ConfigBlock &block : schema.generators)
    printConfig("db.generator", block);
  for (const Model &model : schema.models) {
    indent(1) << (model.isView ? "db.view " : "db.model ") << model.name.name;
    if (!model.mappedName.empty())
      os << " map=\"" << model.mappedName.name << '"';
    if (model.stance != Stance::None)
      os << " stance=" << getStanceName(model.stance);
    if (!model.autobeNamespace.empty())
      os << " namespace=" << model.autobeNamespace;
    if (model.isMaterial)
      os << " material";
    loc(model.name.range);
    for (const Field &field : model.fields)
      printField(field, 2);
    for (const Index &index : model.indexes)
      printIndex(index, 2);
  }
  for (const Enum &e : schema.enums) {
    indent(1) << "db.enum " << e.name.name;
    if (!e.mappedName.empty())
      os << " map=\"" << e.mappedName.name << '"';
    loc(e.name.range);
    for (const EnumValue &value : e.values) {
      indent(2) << "db.enum_value " << value.name.name;
      if (!value.mappedName.empty())
        os << " map=\"" << value.mappedName.name << '"';
      loc(value.name.range);
    }
  }
  for (const CompositeType &c : schema.compositeTypes) {
    indent(1) << "db.type " << c.name.name;
    loc(c.name.range);
    for (const Field &field : c.fields)
      printField(field, 2);
  }
}

//===----------------------------------------------------------------------===//
// The API layer
//===----------------------------------------------------------------------===//
//
//   api.document origin=openapi version=3.1.0 operations=1 types=1 @a.json:2:14
//     api.operation get /users/{id} id=getUser security=[bearer] @a.json:9:7
//       api.parameter id in=path required @a.json:12:21
//         api.type string format=uuid @a.json:12:51
//       api.request_body @a.json:15:24
//         api.type ref IUser @a.json:15:60
//       api.response 200 application/json @a.json:20:11
//         api.type ref IUser @a.json:20:60
//     api.named_type IUser @a.json:30:7
//       api.type object @a.json:30:16
//         api.property id required @a.json:31:11
//           api.type string? format=uuid @a.json:31:17
//
// A nullable type prints `?` after its kind. Names are located at their
// Ident, types at their schema object, bodies and responses at their range.

namespace {
class APIPrinter : PrinterBase {
public:
  APIPrinter(const SourceManager &sm, raw_ostream &os) : PrinterBase(sm, os) {}

  void print(const api::Document &doc);

private:
  void printType(const api::Type *type, unsigned level);
  void printOperation(const api::Operation &op, StringRef kind);
};
} // namespace

static void printQuoted(raw_ostream &os, StringRef text) {
  os << '"';
  os.write_escaped(text);
  os << '"';
}

void APIPrinter::printType(const api::Type *type, unsigned level) {
  if (!type) {
    indent(level) << "api.type <null>\n";
    return;
  }
  indent(level) << "api.type " << api::getTypeKindName(type->kind);
  if (type->isNullable)
    os << '?';
  if (type->kind == api::TypeKind::Ref)
    os << ' ' << type->ref.name;
  if (!type->format.empty())
    os << " format=" << type->format;
  if (!type->enumValues.empty()) {
    os << " enum=[";
    for (size_t i = 0; i < type->enumValues.size(); ++i) {
      const api::Literal &lit = type->enumValues[i];
      os << (i ? ", " : "");
      if (lit.isString)
        printQuoted(os, lit.text);
      else
        os << lit.text;
    }
    os << ']';
  }
  if (type->minimum)
    os << (type->exclusiveMinimum ? " min>" : " min=")
       << format("%g", *type->minimum);
  if (type->maximum)
    os << (type->exclusiveMaximum ? " max<" : " max=")
       << format("%g", *type->maximum);
  if (type->minLength)
    os << " minLength=" << *type->minLength;
  if (type->maxLength)
    os << " maxLength=" << *type->maxLength;
  if (type->minItems)
    os << " minItems=" << *type->minItems;
  if (type->maxItems)
    os << " maxItems=" << *type->maxItems;
  if (!type->pattern.empty()) {
    os << " pattern=";
    printQuoted(os, type->pattern);
  }
  if (!type->dbTable.empty())
    os << " db=" << type->dbTable.name;
  if (!type->requiredNames.empty()) {
    os << " unknown-required=";
    printIdentList(os, type->requiredNames);
  }
  loc(type->range);
  for (const api::Property &property : type->properties) {
    indent(level + 1) << "api.property " << property.name.name;
    if (property.isRequired)
      os << " required";
    if (!property.dbColumn.empty())
      os << " db=" << property.dbColumn.name;
    loc(property.name.range);
    printType(property.type, level + 2);
  }
  if (type->items) {
    indent(level + 1) << "api.items";
    loc(type->items->range);
    printType(type->items, level + 2);
  }
  if (type->additionalProperties) {
    indent(level + 1) << "api.additional_properties";
    loc(type->additionalProperties->range);
    printType(type->additionalProperties, level + 2);
  }
  for (const api::Type *variant : type->variants)
    printType(variant, level + 1);
}

void APIPrinter::printOperation(const api::Operation &op, StringRef kind) {
  indent(1) << kind << ' ' << op.method.name << ' ' << op.path.name;
  if (!op.operationId.empty())
    os << " id=" << op.operationId.name;
  if (!op.accessor.empty()) {
    os << " accessor=";
    printIdentList(os, op.accessor);
  }
  if (!op.actor.empty())
    os << " actor=" << op.actor.name;
  if (!op.authorizationType.empty())
    os << " authorization=" << op.authorizationType.name;
  if (!op.security.empty()) {
    os << " security=";
    printIdentList(os, op.security);
  }
  loc(op.method.range);
  for (const api::Parameter &parameter : op.parameters) {
    indent(2) << "api.parameter " << parameter.name.name
              << " in=" << parameter.in;
    if (parameter.isRequired)
      os << " required";
    loc(parameter.name.range);
    if (parameter.type)
      printType(parameter.type, 3);
  }
  if (op.requestBody || op.requestBodyRange.Start.isValid()) {
    indent(2) << "api.request_body";
    loc(op.requestBodyRange);
    if (op.requestBody)
      printType(op.requestBody, 3);
  }
  for (const api::Response &response : op.responses) {
    indent(2) << "api.response " << response.status.name;
    if (!response.contentType.empty())
      os << ' ' << response.contentType;
    loc(response.status.range);
    if (response.type)
      printType(response.type, 3);
  }
  for (const api::Prerequisite &pre : op.prerequisites) {
    indent(2) << "api.prerequisite " << pre.method.name << ' ' << pre.path.name;
    loc(pre.range);
  }
}

void APIPrinter::print(const api::Document &doc) {
  os << "api.document origin="
     << (doc.origin == api::DocumentOrigin::OpenAPI ? "openapi" : "autobe");
  if (!doc.version.empty())
    os << " version=" << doc.version.name;
  os << " operations=" << doc.operations.size()
     << " types=" << doc.types.size();
  if (doc.version.range.Start.isValid() || doc.bufferIDs.empty())
    loc(doc.version.range);
  else
    loc(SMLoc::getFromPointer(
        sm.getBuffer(doc.bufferIDs.front())->getBufferStart()));
  for (const api::Operation &op : doc.operations)
    printOperation(op, "api.operation");
  for (const api::Operation &op : doc.callbacks)
    printOperation(op, "api.callback");

  for (const api::NamedType &named : doc.types) {
    indent(1) << "api.named_type " << named.name.name;
    loc(named.name.range);
    printType(named.type, 2);
  }
  for (const api::Actor &actor : doc.actors) {
    indent(1) << "api.actor " << actor.name.name;
    if (!actor.kind.empty())
      os << " kind=" << actor.kind;
    loc(actor.name.range);
  }
}

namespace {
/// Prints what AutoBe's history records about the TypeScript.
class HistoryPrinter : PrinterBase {
public:
  HistoryPrinter(const SourceManager &sm, raw_ostream &os)
      : PrinterBase(sm, os) {}
  void print(const LogicHistory &history) {
    size_t loaded = llvm::count_if(
        history.code, [](const HistoryCode &code) { return code.fromHistory; });
    indent(0) << "logic.history " << sys::path::filename(history.file)
              << " code=" << history.code.size() << " loaded=" << loaded
              << '\n';
    for (const HistoryCode &code : history.code) {
      indent(1) << "logic.code " << code.event << ' ' << code.location;
      if (!code.kind.empty())
        os << " kind=" << code.kind;
      if (code.hasEndpoint())
        os << " endpoint=" << StringRef(code.method).upper() << ' '
           << code.path;
      if (!code.name.empty())
        os << " name=" << code.name;
      os << " from="
         << (code.fromHistory ? "history"
             : code.bufferID  ? "disk"
                              : "none");
      loc(code.content);
    }
  }
};
} // namespace

namespace {
/// The logic IR: `logic.module`, its functions with their parameters and
/// the facts of their bodies, argument objects as nested `logic.key` lines,
/// then the controller routes.
class LogicPrinter : PrinterBase {
public:
  LogicPrinter(const SourceManager &sm, raw_ostream &os)
      : PrinterBase(sm, os) {}

  void print(const logic::Module &module) {
    os << "logic.module functions=" << module.functions.size()
       << " routes=" << module.routes.size() << '\n';
    for (const std::unique_ptr<logic::Function> &fn : module.functions)
      print(*fn);
    for (const logic::Route &route : module.routes) {
      indent(1) << "logic.route " << route.method << ' ' << route.path;
      if (!route.provider.empty())
        os << " -> " << route.provider.text;
      loc(route.range);
    }
  }

private:
  void printObject(const logic::ArgObject *object, unsigned level) {
    if (!object)
      return;
    if (object->hasUnknownKeys) {
      indent(level) << "logic.unknown-keys";
      for (StringRef spread : object->unknownSpreads)
        os << " ..." << truncateUTF8(spread, 60);
      loc(object->range);
    }
    for (const logic::ArgEntry &entry : object->entries) {
      indent(level) << "logic.key " << entry.key.text;
      switch (entry.valueKind) {
      case logic::ArgEntry::ValueKind::Null:
        os << " = null";
        break;
      case logic::ArgEntry::ValueKind::Literal:
        os << " = " << truncateUTF8(entry.valueText, 60);
        break;
      case logic::ArgEntry::ValueKind::Object:
      case logic::ArgEntry::ValueKind::Array:
        break;
      case logic::ArgEntry::ValueKind::Other:
        if (!entry.valueChain.empty()) {
          os << " = ";
          ListSeparator dot(".");
          for (StringRef part : entry.valueChain)
            os << dot << part;
        }
        break;
      }
      if (entry.valueKind == logic::ArgEntry::ValueKind::Array)
        os << " []";
      loc(entry.key.range);
      printObject(entry.nested, level + 1);
    }
  }

  void print(const logic::Function &fn) {
    indent(1) << "logic.function " << logic::getFunctionKindName(fn.kind)
              << ' ';
    if (!fn.namespaceName.empty())
      os << fn.namespaceName << '.';
    os << fn.name.text;
    if (fn.emptyBody)
      os << " empty";
    loc(fn.name.empty() ? fn.range : fn.name.range);
    for (const logic::Param &param : fn.params) {
      indent(2) << "logic.param " << logic::getParamRoleName(param.role) << ' '
                << param.name.text;
      if (!param.typeText.empty())
        os << " : "
           << truncateUTF8(param.typeText.take_until(
                               [](char c) { return c == '\n' || c == '\r'; }),
                           60);
      loc(param.name.range);
    }
    for (const logic::PrismaCall &call : fn.prismaCalls) {
      indent(2) << "logic.prisma " << call.table.text << '.' << call.op.text;
      if (call.inTransaction)
        os << " tx";
      loc(call.table.range);
      printObject(call.args, 3);
    }
    for (const logic::PrismaTyped &typed : fn.prismaTyped) {
      indent(2) << "logic.typed " << typed.table.text << ' '
                << logic::getPrismaShapeName(typed.shape);
      loc(typed.type.range);
      printObject(typed.object, 3);
    }
    for (const logic::SDKCall &call : fn.sdkCalls) {
      indent(2) << "logic.sdk " << call.getAccessorText()
                << " args=" << call.numArgs;
      loc(call.calleeRange);
      printObject(call.props, 3);
    }
    for (const logic::TypiaCall &call : fn.typiaCalls) {
      indent(2) << "logic.typia " << call.function;
      if (!call.typeText.empty())
        os << '<' << truncateUTF8(call.typeText, 60) << '>';
      loc(call.range);
    }
    for (const logic::Return &ret : fn.returns) {
      indent(2) << "logic.return ";
      switch (ret.kind) {
      case logic::Return::Kind::Object:
        os << "object";
        break;
      case logic::Return::Kind::TypiaRandom:
        os << "typia-random";
        break;
      case logic::Return::Kind::Call:
        os << "call";
        break;
      case logic::Return::Kind::Other:
        os << "other";
        break;
      }
      loc(ret.range);
      printObject(ret.object, 3);
    }
    for (const logic::Throw &thrown : fn.throws) {
      indent(2) << "logic.throw "
                << (thrown.className.empty() ? StringRef("?")
                                             : thrown.className);
      if (thrown.status)
        os << " status=" << *thrown.status;
      if (!thrown.message.empty())
        os << " \"" << truncateUTF8(StringRef(thrown.message), 60) << '"';
      loc(thrown.range);
    }
    for (const logic::OwnerCheck &check : fn.ownerChecks) {
      indent(2) << "logic.owner " << check.column.text
                << " actor=" << check.actor;
      loc(check.range);
    }
    for (const logic::Name &call : fn.calls) {
      indent(2) << "logic.call " << call.text;
      loc(call.range);
    }
  }
};
} // namespace

void abv::printProject(const Project &project, raw_ostream &os) {
  Printer printer(project.getSourceManager(), os);
  for (const Schema *schema : project.getDBSchemas())
    printer.print(*schema);
  APIPrinter apiPrinter(project.getSourceManager(), os);
  for (const api::Document *doc : project.getAPIDocuments())
    apiPrinter.print(*doc);
  if (project.logic)
    LogicPrinter(project.getSourceManager(), os).print(*project.logic);
  if (project.history)
    HistoryPrinter(project.getSourceManager(), os).print(*project.history);
}
