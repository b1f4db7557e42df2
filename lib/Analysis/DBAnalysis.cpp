//===- DBAnalysis.cpp - Cached analyses of DB schemas ---------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Analysis/DBAnalysis.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"

#include "llvm/ADT/STLExtras.h"

using namespace abv;
using namespace abv::db;
using namespace llvm;

char DBSymbols::ID = 0;

DBSymbols::DBSymbols(const Project &project, AnalysisManager &) {
  for (const Schema *schema : project.getDBSchemas()) {
    Table &table = tables[schema];
    for (const Model &model : schema->models)
      table.models.try_emplace(model.name.name, &model);
    for (const Enum &e : schema->enums)
      table.enums.try_emplace(e.name.name, &e);
    for (const CompositeType &c : schema->compositeTypes)
      table.compositeTypes.try_emplace(c.name.name, &c);
  }
}

const DBSymbols::Table &DBSymbols::get(const Schema &schema) const {
  auto it = tables.find(&schema);
  assert(it != tables.end() && "schema does not belong to the project");
  return it->second;
}

//===----------------------------------------------------------------------===//
// DBRelationGraph
//===----------------------------------------------------------------------===//

char DBRelationGraph::ID = 0;

bool DBRelationGraph::End::definesForeignKey() const {
  if (isAutoBe)
    return true;
  const RelationInfo &info = field->getRelation();
  return info.hasFieldsArg || info.hasReferencesArg || !info.fields.empty() ||
         !info.references.empty();
}

DBRelationGraph::DBRelationGraph(const Project &project,
                                 AnalysisManager &analyses) {
  const DBSymbols &symbols = analyses.getAnalysis<DBSymbols>();
  for (const Schema *schema : project.getDBSchemas())
    build(*schema, symbols);
}

/// The relation name AutoBe's schema writer gives each foreign key of a
/// model. The writer (writePrismaApplication's fillMappingName) stores it in
/// the AST as mappingName before saving prisma.json, so a mappingName wins;
/// without one, the name is derived the same way: "recursive" for a
/// self-relation, `<model>_of_<column>` when the model has several foreign
/// keys to the same target (this wins over "recursive"), else none. (The
/// writer shortens names longer than 63 characters with a hash suffix; a
/// derived name cannot reproduce that.)
static void nameAutoBeRelations(MutableArrayRef<DBRelationGraph::End> ends,
                                StringPool &saver) {
  StringMap<unsigned> perTarget;
  for (const DBRelationGraph::End &end : ends)
    ++perTarget[end.field->typeName.name];
  for (DBRelationGraph::End &end : ends) {
    const RelationInfo &info = end.field->getRelation();
    StringRef column =
        info.fields.empty() ? end.field->name.name : info.fields.front().name;
    if (!info.name.empty())
      end.relationName = info.name.name;
    else if (perTarget[end.field->typeName.name] > 1)
      end.relationName = saver.save(end.model->name.name + "_of_" + column);
    else if (end.field->typeName.name == end.model->name.name)
      end.relationName = "recursive";
    else
      end.relationName = "";
  }
}

void DBRelationGraph::build(const Schema &schema, const DBSymbols &symbols) {
  SchemaRelations &rels = schemas[&schema];
  bool isAutoBe = schema.origin == SchemaOrigin::AutoBeAST;

  size_t count = 0;
  for (const Model &model : schema.models)
    for (const Field &field : model.fields)
      count += field.relation.has_value();
  rels.ends.reserve(count);

  for (const Model &model : schema.models) {
    size_t first = rels.ends.size();
    for (const Field &field : model.fields) {
      if (!field.relation)
        continue;
      End end;
      end.model = &model;
      end.field = &field;
      end.target = symbols.findModel(schema, field.typeName.name);
      end.isAutoBe = isAutoBe;
      end.relationName = field.relation->name.name;
      end.index = rels.ends.size();
      const RelationInfo &info = *field.relation;
      for (const Ident &name : info.fields)
        end.fkFields.push_back(model.findField(name.name));
      if (end.target) {
        for (const Ident &name : info.references)
          end.referencedFields.push_back(end.target->findField(name.name));
        // AutoBe relations always reference the target's primary key (the
        // frontend spells its name; derive it if it did not).
        end.impliedReferences = isAutoBe;
        if (isAutoBe && info.references.empty()) {
          if (const Index *pk = end.target->getPrimaryKey())
            for (const IndexField &pkField : pk->fields)
              end.referencedFields.push_back(
                  end.target->findField(pkField.name.name));
        }
      }
      rels.endOfField[&field] = end.index;
      rels.ends.push_back(std::move(end));
    }
    if (isAutoBe)
      nameAutoBeRelations(MutableArrayRef<End>(rels.ends).slice(first), saver);
  }

  for (const End &end : rels.ends) {
    if (!end.target)
      continue;
    rels.incoming[end.target].push_back(&end);
    rels.siblings[{end.model, end.target, end.relationName}].push_back(&end);
  }

  // AutoBe's AST declares no back-relations: its ends stay unpaired.
  if (isAutoBe)
    return;
  for (End &end : rels.ends) {
    if (!end.target)
      continue;
    auto it = rels.siblings.find({end.target, end.model, end.relationName});
    if (it == rels.siblings.end())
      continue;
    for (const End *candidate : it->second)
      if (candidate != &end) {
        end.opposite = candidate;
        break;
      }
  }
}

const DBRelationGraph::SchemaRelations &
DBRelationGraph::get(const Schema &schema) const {
  auto it = schemas.find(&schema);
  assert(it != schemas.end() && "schema does not belong to the project");
  return it->second;
}

const DBRelationGraph::End *DBRelationGraph::getEnd(const Schema &schema,
                                                    const Field &field) const {
  const SchemaRelations &rels = get(schema);
  auto it = rels.endOfField.find(&field);
  return it == rels.endOfField.end() ? nullptr : &rels.ends[it->second];
}

ArrayRef<const DBRelationGraph::End *>
DBRelationGraph::getIncoming(const Schema &schema, const Model &model) const {
  const SchemaRelations &rels = get(schema);
  auto it = rels.incoming.find(&model);
  if (it == rels.incoming.end())
    return {};
  return it->second;
}

ArrayRef<const DBRelationGraph::End *>
DBRelationGraph::getSiblings(const Schema &schema, const End &end) const {
  const SchemaRelations &rels = get(schema);
  auto it = rels.siblings.find({end.model, end.target, end.relationName});
  if (it == rels.siblings.end())
    return {};
  return it->second;
}

const DBRelationGraph::End *DBRelationGraph::getForwardEnd(const End &end) {
  if (end.definesForeignKey())
    return &end;
  if (end.opposite && end.opposite->definesForeignKey())
    return end.opposite;
  return nullptr;
}

DBRelationGraph::Kind DBRelationGraph::getKind(const End &end) {
  if (end.opposite) {
    if (end.isList() && end.opposite->isList())
      return Kind::ManyToMany;
    if (end.isList() || end.opposite->isList())
      return Kind::OneToMany;
    return Kind::OneToOne;
  }
  if (end.isList())
    return Kind::OneToMany;
  bool resolved = !end.fkFields.empty() &&
                  llvm::all_of(end.fkFields, [](const Field *f) { return f; });
  if (resolved && isUniqueCriterion(*end.model, end.fkFields))
    return Kind::OneToOne;
  return Kind::OneToMany;
}

bool DBRelationGraph::isUniqueCriterion(const Model &model,
                                        ArrayRef<const Field *> fields) {
  for (const Index &index : model.indexes) {
    if (!index.isUniqueCriterion() || index.fields.size() != fields.size())
      continue;
    bool all = llvm::all_of(index.fields, [&](const IndexField &indexField) {
      return llvm::any_of(fields, [&](const Field *field) {
        return field && field->name.name == indexField.name.name;
      });
    });
    if (all)
      return true;
  }
  return false;
}
