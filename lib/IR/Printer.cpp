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
#include "abv/IR/Project.h"
#include "abv/Support/SourceFiles.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {
class Printer {
public:
  Printer(const SourceMgr &sm, raw_ostream &os) : sm(sm), os(os) {}

  void print(const Schema &schema);

private:
  raw_ostream &indent(unsigned level) { return os.indent(level * 2); }
  void loc(SMRange range);
  void loc(SMLoc start) { loc(SMRange(start, start)); }
  void printExpr(const Expr &expr);
  void printField(const Field &field, unsigned level);
  void printIndex(const Index &index, unsigned level);
  void printConfig(StringRef kind, const ConfigBlock &block);

  const SourceMgr &sm;
  raw_ostream &os;
};
} // namespace

void Printer::loc(SMRange range) {
  if (!range.Start.isValid()) {
    os << " @<unknown>\n";
    return;
  }
  LineColumn lc = getLineColumn(sm, range.Start);
  os << " @" << sys::path::filename(getBufferName(sm, range.Start)) << ':'
     << lc.line << ':' << lc.column << '\n';
}

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
    os << " @" << field.nativeType->prefix << '.' << field.nativeType->name.name;
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
  static const char *const kinds[] = {"primary", "unique", "index",
                                      "fulltext"};
  static const char *const methods[] = {"",     "btree", "hash", "gin",
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

void abv::printProject(const Project &project, raw_ostream &os) {
  Printer printer(project.getSourceMgr(), os);
  for (const Schema *schema : project.getDBSchemas())
    printer.print(*schema);
}
