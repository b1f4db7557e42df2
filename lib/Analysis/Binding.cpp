//===- Binding.cpp - Every cross reference of a project, resolved ---------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Binding.h"
#include "abv/Analysis/DBAnalysis.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "abv/IR/Walk.h"
#include "abv/Pass/Pass.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <optional>

using namespace abv;
using namespace llvm;

char Binding::ID = 0;

Binding::Binding(const Project &project, AnalysisManager &analyses) {
  schema = project.getDBSchema();
  document = project.getAPIDocument();
  if (schema) {
    // The name indexes serve the API and logic binders and their clients;
    // a schema alone has nothing to look up by name.
    if (document || project.logic)
      indexTables();
    bindRelations(analyses);
  }
  if (document) {
    bindTypeReferences();
    if (schema) {
      bindTables();
      bindColumns();
      bindActors();
    }
  }
  if (project.logic)
    bindLogic(*project.logic);
  // Grouped by kind, in source order within each (the binders run in the
  // order of the kinds, each over the IR in source order).
  llvm::stable_sort(unresolved, [](const Unresolved &a, const Unresolved &b) {
    return a.kind < b.kind;
  });
}

//===----------------------------------------------------------------------===//
// Tables by name
//===----------------------------------------------------------------------===//

static std::string squash(StringRef name) {
  std::string result = name.lower();
  llvm::erase(result, '_');
  return result;
}

void Binding::indexTables() {
  for (const db::Model &model : schema->models) {
    SmallVector<StringRef, 2> names = {model.name.name};
    if (model.getTableName() != model.name.name)
      names.push_back(model.getTableName());
    // First declaration wins, as in every lookup of a name.
    for (StringRef name : names) {
      tablesByName.try_emplace(name, &model);
      tablesBySquashedName.try_emplace(squash(name), &model);
    }
    // Every proper suffix at an underscore, counted once per model.
    StringSet<> suffixes;
    for (StringRef name : names)
      for (size_t at = name.find('_'); at != StringRef::npos;
           at = name.find('_', at + 1))
        if (at + 1 < name.size())
          suffixes.insert(name.substr(at + 1));
    for (const auto &suffix : suffixes) {
      auto [it, inserted] =
          tablesBySuffix.try_emplace(suffix.getKey(), &model, 1);
      if (!inserted)
        ++it->second.second;
    }

    StringMap<const db::Field *> &byWords = columnsByWords[&model];
    for (const db::Field &field : model.fields) {
      byWords.try_emplace(toSnakeCase(field.name.name), &field);
      byWords.try_emplace(toSnakeCase(field.getColumnName()), &field);
    }
  }
}

const db::Model *Binding::findTable(StringRef name) const {
  return tablesByName.lookup(name);
}

const db::Model *Binding::findTableForWords(ArrayRef<std::string> words,
                                            bool allowSuffix) const {
  if (words.empty() || !schema)
    return nullptr;
  std::string singular = join(words.begin(), words.end(), "_");
  std::string plural = join(words.begin(), words.end() - 1, "_") +
                       (words.size() > 1 ? "_" : "") + pluralize(words.back());
  std::string joined = join(words.begin(), words.end(), "");
  for (StringRef candidate :
       {StringRef(plural), StringRef(singular), StringRef(joined)})
    if (const db::Model *model = findTable(candidate))
      return model;
  // Model names in PascalCase (`ShoppingSale`), tables with words run
  // together (`todo_app_guestuser` for `ITodoAppGuestUser`).
  std::string joinedPlural =
      join(words.begin(), words.end() - 1, "") + pluralize(words.back());
  for (StringRef candidate : {StringRef(joined), StringRef(joinedPlural)})
    if (const db::Model *model = tablesBySquashedName.lookup(candidate))
      return model;
  if (!allowSuffix)
    return nullptr;
  // The only table ending in `_<plural>` or `_<singular>`.
  const db::Model *found = nullptr;
  for (StringRef candidate : {StringRef(plural), StringRef(singular)}) {
    auto it = tablesBySuffix.find(candidate);
    if (it == tablesBySuffix.end())
      continue;
    if (it->second.second != 1 || (found && found != it->second.first))
      return nullptr; // Ambiguous.
    found = it->second.first;
  }
  return found;
}

const db::Model *Binding::findTableForSegment(StringRef segment) const {
  return findTableForWords(splitWords(segment), /*allowSuffix=*/true);
}

//===----------------------------------------------------------------------===//
// API references
//===----------------------------------------------------------------------===//

void Binding::bindTypeReferences() {
  walk(*document, [&](const api::Type &type, const api::TypeSite &) {
    if (type.kind != api::TypeKind::Ref)
      return WalkResult::Advance;
    if (const api::NamedType *named = document->findType(type.ref.name)) {
      refTargets[&type] = named;
      uses[named].push_back(&type);
    } else {
      Unresolved entry{Unresolved::Kind::TypeRef, type.ref.range,
                       type.ref.name};
      entry.ref = &type;
      unresolved.push_back(entry);
    }
    return WalkResult::Advance;
  });
}

ArrayRef<const api::Type *>
Binding::getUses(const api::NamedType &named) const {
  auto it = uses.find(&named);
  if (it == uses.end())
    return {};
  return it->second;
}

//===----------------------------------------------------------------------===//
// DTO -> table
//===----------------------------------------------------------------------===//

void Binding::bindTables() {
  // Explicit links first: they also give their family a table.
  for (const api::NamedType &named : document->types) {
    if (!named.type || named.type->dbTable.empty())
      continue;
    const api::Ident &link = named.type->dbTable;
    if (const db::Model *model = findTable(link.name)) {
      tables[&named] = {model, LinkKind::Explicit};
      familyTables.try_emplace(getDTOFamily(named.name.name), model);
      continue;
    }
    Unresolved entry{Unresolved::Kind::DTOTable, link.range, link.name};
    entry.dto = &named;
    unresolved.push_back(entry);
  }
  for (const api::NamedType &named : document->types) {
    auto [it, inserted] = tables.try_emplace(&named);
    if (inserted)
      it->second = lookupByName(named.name.name);
    if (it->second)
      dtosOfTable[it->second.model].push_back(&named);
  }
}

Binding::TableLink Binding::lookupByName(StringRef typeName) const {
  StringRef family = getDTOFamily(typeName);
  // A member type that is an entity of its own: `IBbsArticle.ISnapshot` is
  // a row of `bbs_article_snapshots`, not of `bbs_articles`.
  StringRef member = typeName.substr(family.size());
  if (!member.empty() && !isDTOVariant(member.drop_front())) {
    SmallVector<std::string, 4> words;
    for (StringRef part : {family, member.drop_front()})
      for (std::string &word : splitWords(dropInterfacePrefix(part)))
        words.push_back(std::move(word));
    if (const db::Model *model =
            findTableForWords(words, /*allowSuffix=*/false))
      return {model, LinkKind::Name};
  }
  if (const db::Model *model = familyTables.lookup(family))
    return {model, LinkKind::Family};
  SmallVector<std::string, 4> words = splitWords(dropInterfacePrefix(family));
  if (const db::Model *model = findTableForWords(words, /*allowSuffix=*/false))
    return {model, LinkKind::Name};
  if (const db::Model *model = findTableForWords(words, /*allowSuffix=*/true))
    return {model, LinkKind::Name};
  return {};
}

Binding::TableLink Binding::getTable(const api::NamedType &dto) const {
  return tables.lookup(&dto);
}

Binding::TableLink Binding::getTable(StringRef typeName) const {
  if (document)
    if (const api::NamedType *named = document->findType(typeName))
      return getTable(*named);
  if (!schema)
    return {};
  return lookupByName(typeName);
}

ArrayRef<const api::NamedType *>
Binding::getDTOs(const db::Model &model) const {
  auto it = dtosOfTable.find(&model);
  if (it == dtosOfTable.end())
    return {};
  return it->second;
}

//===----------------------------------------------------------------------===//
// Property -> column
//===----------------------------------------------------------------------===//

const db::Field *Binding::findColumn(const db::Model &model,
                                     StringRef name) const {
  if (const db::Field *field = db::findColumn(model, name))
    return field;
  // The same words in another case convention: `createdAt` is the column
  // `created_at`.
  auto it = columnsByWords.find(&model);
  if (it == columnsByWords.end())
    return nullptr;
  return it->second.lookup(toSnakeCase(name));
}

void Binding::bindColumns() {
  for (const api::NamedType &named : document->types) {
    TableLink link = getTable(named);
    if (!link || !named.type)
      continue;
    for (const api::Property &property : named.type->properties) {
      const db::Field *field = nullptr;
      if (!property.dbColumn.empty()) {
        field = db::findColumn(*link.model, property.dbColumn.name);
        if (!field) {
          Unresolved entry{Unresolved::Kind::PropertyColumn,
                           property.dbColumn.range, property.dbColumn.name};
          entry.dto = &named;
          entry.property = &property;
          entry.model = link.model;
          unresolved.push_back(entry);
          continue;
        }
      } else {
        field = findColumn(*link.model, property.name.name);
      }
      if (!field)
        continue;
      columns[&property] = field;
      propertiesOfColumn[field].push_back(&property);
    }
  }
}

ArrayRef<const api::Property *>
Binding::getProperties(const db::Field &field) const {
  auto it = propertiesOfColumn.find(&field);
  if (it == propertiesOfColumn.end())
    return {};
  return it->second;
}

//===----------------------------------------------------------------------===//
// Actors and relations
//===----------------------------------------------------------------------===//

void Binding::bindActors() {
  for (const api::Operation &op : document->operations) {
    StringRef actor = op.actor.name;
    if (actor.empty())
      continue;
    auto [it, inserted] = actorTables.try_emplace(actor, nullptr);
    if (!inserted)
      continue;
    // `authenticatedUser` is spelled `authenticated_user` or
    // `authenticateduser`, singular or plural, maybe after a prefix.
    std::string snake = toSnakeCase(actor);
    std::string joined = squash(snake);
    const db::Model *table = nullptr;
    for (const std::string &spelling :
         {snake, snake + "s", joined, joined + "s"}) {
      table = findTable(spelling);
      if (table)
        break;
      if (auto suffix = tablesBySuffix.find(spelling);
          suffix != tablesBySuffix.end()) {
        table = suffix->second.first;
        break;
      }
    }
    it->second = table;
    if (!table) {
      Unresolved entry{Unresolved::Kind::Actor, op.actor.range, actor};
      entry.operation = &op;
      unresolved.push_back(entry);
    }
  }
}

const db::Model *Binding::getActorTable(StringRef actor) const {
  return actorTables.lookup(actor);
}

void Binding::bindRelations(AnalysisManager &analyses) {
  const DBRelationGraph &graph = analyses.getAnalysis<DBRelationGraph>();
  for (const DBRelationGraph::End &end : graph.get(*schema).ends) {
    relationTargets[end.field] = end.target;
    if (end.target)
      continue;
    Unresolved entry{Unresolved::Kind::RelationTarget,
                     end.field->typeName.range, end.field->typeName.name};
    entry.model = end.model;
    entry.field = end.field;
    unresolved.push_back(entry);
  }
}

//===----------------------------------------------------------------------===//
// Logic references
//===----------------------------------------------------------------------===//

/// Lower case letters and digits only: `getTodoListUserTodosTodoId` and
/// `get /todoList/user/todos/{todoId}` both give
/// `gettodolistusertodostodoid`.
static std::string squashAlnum(StringRef text) {
  std::string result;
  for (char c : text)
    if (isAlnum(c))
      result += toLower(c);
  return result;
}

/// The key of an operation (or a route): its method and path, squashed.
static std::string getRouteKey(StringRef method, StringRef path) {
  return squashAlnum(method) + squashAlnum(path);
}

/// Squashes each segment of an accessor and joins them with dots.
template <typename Range>
static std::string getAccessorKey(const Range &parts) {
  std::string key;
  for (const auto &part : parts) {
    if (!key.empty())
      key += '.';
    key += squashAlnum(part);
  }
  return key;
}

void Binding::bindLogic(const logic::Module &module) {
  if (schema)
    for (const db::Model &model : schema->models) {
      std::string client = model.name.name.str();
      if (!client.empty())
        client[0] = toLower(client[0]);
      tablesByClientName.try_emplace(client, &model);
    }
  if (!document)
    return;
  StringMap<const api::Operation *> byRoute;
  for (const api::Operation &op : document->operations) {
    byRoute.try_emplace(getRouteKey(op.method.name, op.path.name), &op);
    if (!op.accessor.empty()) {
      SmallVector<StringRef, 8> parts;
      for (const auto &part : op.accessor)
        parts.push_back(part.name);
      operationsByAccessor[getAccessorKey(parts)].push_back(&op);
    } else if (!op.operationId.empty()) {
      SmallVector<StringRef, 8> parts;
      SmallVector<StringRef, 8> segments;
      StringRef(op.path.name).split(segments, '/', -1, false);
      for (StringRef segment : segments)
        if (!segment.starts_with("{") && !segment.starts_with(":"))
          parts.push_back(segment);
      // Nestia's SDK does not repeat a last segment that is the name
      // (`/auth/user/join` named `join`: `auth.user.join`; `verify-email`
      // named `verifyEmail` is repeated).
      if (parts.empty() || parts.back() != op.operationId.name)
        parts.push_back(op.operationId.name);
      operationsByAccessor[getAccessorKey(parts)].push_back(&op);
    }
  }
  // Controllers say which provider serves which route.
  StringMap<std::pair<const api::Operation *, const logic::Route *>> routed;
  for (const logic::Route &route : module.routes)
    if (!route.provider.empty())
      if (const api::Operation *op =
              byRoute.lookup(getRouteKey(route.method, route.path)))
        routed.try_emplace(route.provider.text, op, &route);
  for (const std::unique_ptr<logic::Function> &fn : module.functions) {
    if (fn->kind != logic::FunctionKind::Provider || !fn->namespaceName.empty())
      continue;
    ProviderLink link;
    auto it = routed.find(fn->name.text);
    if (it != routed.end()) {
      link = {it->second.first, ProviderLinkKind::Route, it->second.second};
    } else if (const api::Operation *op =
                   byRoute.lookup(squashAlnum(fn->name.text))) {
      link = {op, ProviderLinkKind::Name, nullptr};
    }
    if (!link)
      continue;
    providerOperations[fn.get()] = link;
    operationProviders.try_emplace(link.operation, fn.get());
  }
}

SmallVector<const api::Operation *, 2>
Binding::getOperationCandidates(const logic::SDKCall &call) const {
  SmallVector<StringRef, 8> parts;
  for (const logic::Name &name : call.accessor)
    parts.push_back(name.text);
  auto it = operationsByAccessor.find(getAccessorKey(parts));
  if (it == operationsByAccessor.end())
    return {};
  SmallVector<const api::Operation *, 2> candidates(it->second.begin(),
                                                    it->second.end());
  if (candidates.size() < 2)
    return candidates;
  // Whether the call passes a body: known when there is no props object or
  // when its keys are all known.
  std::optional<bool> passesBody;
  const logic::ArgObject *props = call.props;
  bool propsKnown =
      props && !props->hasUnknownKeys && props->unknownSpreads.empty();
  if (props && props->find("body"))
    passesBody = true;
  else if (call.numArgs < 2 || propsKnown)
    passesBody = false;
  if (!passesBody)
    return candidates;
  SmallVector<const api::Operation *, 2> narrowed;
  for (const api::Operation *op : candidates)
    if ((op->requestBody != nullptr) == *passesBody)
      narrowed.push_back(op);
  return narrowed.empty() ? candidates : narrowed;
}

const api::Operation *Binding::getOperation(const logic::SDKCall &call) const {
  SmallVector<const api::Operation *, 2> candidates =
      getOperationCandidates(call);
  return candidates.size() == 1 ? candidates.front() : nullptr;
}

const db::Model *Binding::findPrismaTable(StringRef clientName) const {
  if (const db::Model *model = tablesByClientName.lookup(clientName))
    return model;
  return findTable(clientName);
}

const db::Field *Binding::findField(const db::Model &model,
                                    StringRef name) const {
  for (const db::Field &field : model.fields)
    if (field.name.name == name)
      return &field;
  return nullptr;
}
