//===- DBDesign.cpp - The db-design pass ----------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks schema design: tables with no relation in or out (DB060), columns
/// that look like plaintext secrets (DB061), non-uuid primary keys in AutoBe
/// projects (DB062), polymorphic ownership through several nullable actor
/// foreign keys (DB063) and counters of related rows stored in regular
/// tables (DB064). DB063 and DB064 are rules AutoBe's own DB prompt states
/// ("never use multiple nullable foreign keys" for entities several actor
/// types create; "never pre-calculate in regular tables", denormalization
/// only in `mv_` tables); the human reference schemas break neither.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/DBAnalysis.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <string>

using namespace abv;
using namespace abv::db;
using namespace llvm;

/// Whether a column or description mentions hashing or encryption.
static bool mentionsProtection(StringRef doc) {
  std::string lower = doc.lower();
  StringRef text(lower);
  return text.contains("hash") || text.contains("encrypt") ||
         text.contains("digest") || text.contains("bcrypt") ||
         text.contains("argon");
}

/// Whether \p field can hold a secret as text: a String or Bytes column.
static bool isTextColumn(const Field &field) {
  return field.type == TypeKind::String || field.type == TypeKind::Bytes;
}

/// The plural forms a table's last word may take for a counter's stem:
/// `comment` -> comments; `reply` -> replies; `box` -> boxes. The stem
/// itself is left out: `inventory_count` is a quantity, not a count of
/// `..._inventory` rows.
static SmallVector<std::string, 4> pluralForms(StringRef stem) {
  SmallVector<std::string, 4> forms = {(stem + "s").str(), (stem + "es").str()};
  if (stem.ends_with("y") && stem.size() > 1)
    forms.push_back((stem.drop_back() + "ies").str());
  return forms;
}

/// Whether table name \p table ends with the word \p word.
static bool endsWithWord(StringRef table, StringRef word) {
  if (table == word)
    return true;
  return table.size() > word.size() && table.ends_with(word) &&
         table[table.size() - word.size() - 1] == '_';
}

namespace {
/// Checks the design of one schema.
class DesignChecker {
public:
  DesignChecker(const Project &project, const Schema &schema,
                const DBRelationGraph &graph, DiagnosticEngine &diags)
      : project(project), schema(schema), graph(graph), diags(diags) {}

  void run();

private:
  bool isAutoBeProject() const;
  bool isActor(const Model &model) const;
  /// isActor's answers, by model.
  mutable DenseMap<const Model *, bool> actors;
  void checkIsolated(const Model &model, unsigned tableCount);
  void checkSecrets(const Model &model);
  void checkKeyType(const Model &model);
  void checkPolymorphicActors(const Model &model);
  void checkDerivedCounters(const Model &model);
  void checkDanglingReferences(const Model &model);
  void checkMissingTarget(const Field &field);
  /// The model a column named `<stem>_id` (or documented with
  /// `{@link model.id}`) refers to, if the schema has exactly one.
  const Model *findReferencedModel(const Field &field) const;

  /// Tables by their singular name (`todo_list_users` -> `todo_list_user`),
  /// and by every `_`-separated suffix of it (`user`, `list_user`), with
  /// the number of tables sharing each suffix.
  StringMap<const Model *> bySingular;
  /// The `<words>_` every table name starts with (`shopping_mall_`), if the
  /// schema names its tables that way; empty otherwise.
  std::string tablePrefix;
  StringMap<std::pair<const Model *, unsigned>> bySuffix;

  const Project &project;
  const Schema &schema;
  const DBRelationGraph &graph;
  DiagnosticEngine &diags;
};
} // namespace

bool DesignChecker::isAutoBeProject() const {
  if (schema.origin == SchemaOrigin::AutoBeAST || project.autobeSchema)
    return true;
  // AutoBe signs every model it writes.
  return llvm::any_of(schema.models, [](const Model &model) {
    return model.doc.contains("@author AutoBE");
  });
}

/// Whether a table of this name stands alone by design: global settings,
/// lookup lists (banned words, feature flags, templates, payment methods,
/// guidelines, sorting algorithms), platform-wide metrics and summaries,
/// and guest identities (in AutoBe's 2025 shape the guest table is what
/// `POST /auth/guest/join` creates; nothing needs to point to it).
static bool standsAloneByDesign(StringRef table) {
  static const StringSet<> words = {
      "settings",  "setting",    "configurations", "configuration",
      "configs",   "config",     "words",          "flags",
      "templates", "methods",    "algorithms",     "guidelines",
      "metrics",   "statistics", "summaries",      "dashboard",
      "dashboards"};
  SmallVector<std::string, 4> parts = splitWords(table);
  if (parts.empty())
    return false;
  if (words.contains(parts.back()))
    return true;
  // `_guests`, `_guest`, `_guestuser`, `_guest_users`.
  StringRef last = parts.back();
  StringRef before = parts.size() > 1 ? StringRef(parts[parts.size() - 2]) : "";
  return last.starts_with("guest") ||
         (before == "guest" && (last == "users" || last == "user"));
}

void DesignChecker::checkIsolated(const Model &model, unsigned tableCount) {
  if (model.isView || tableCount < 2)
    return;
  // Caches (mv_ tables) and global configuration tables stand alone by
  // design.
  StringRef table = model.getTableName();
  if (model.isMaterial || table.starts_with("mv_"))
    return;
  if (standsAloneByDesign(table))
    return;
  const DBRelationGraph::SchemaRelations &rels = graph.get(schema);
  for (const Field &field : model.fields) {
    auto it = rels.endOfField.find(&field);
    if (it == rels.endOfField.end())
      continue;
    const DBRelationGraph::End &end = rels.ends[it->second];
    // A relation to an unknown model is DB030's; it still says the author
    // meant the table to be connected.
    if (end.target != &model)
      return;
  }
  for (const DBRelationGraph::End *end : graph.getIncoming(schema, model))
    if (end->model != &model)
      return;
  diags.report(DiagID::DBIsolatedTable, model.name.range) << model.name.name;
}

/// Whether \p model holds payment instruments (`shopping_mall_payment_methods`,
/// `user_cards`, `wallets`).
static bool isPaymentInstrumentTable(const Model &model) {
  return llvm::any_of(
      splitWords(model.getTableName()), [](const std::string &word) {
        return word == "payment" || word == "payments" || word == "card" ||
               word == "cards" || word == "wallet" || word == "wallets";
      });
}

/// Whether \p model keeps one-time secrets (`password_resets`,
/// `email_verifications`, `otps`), where a plain `code` is the secret.
static bool isOneTimeSecretTable(const Model &model) {
  return llvm::any_of(
      splitWords(model.getTableName()), [](const std::string &word) {
        return word == "reset" || word == "resets" || word == "verification" ||
               word == "verifications" || word == "otp" || word == "otps";
      });
}

void DesignChecker::checkSecrets(const Model &model) {
  bool oneTimeSecrets = isOneTimeSecretTable(model);
  for (const Field &field : model.fields) {
    if (!isTextColumn(field) || field.isRelation())
      continue;
    StringRef column = field.getColumnName();
    // `code` in a password reset table is the reset token by another name.
    bool secretCode =
        oneTimeSecrets && (column == "code" || column == "verification_code" ||
                           column == "reset_code");
    if (!secretCode && !abv::looksLikePlaintextSecret(column) &&
        !(column != field.name.name &&
          abv::looksLikePlaintextSecret(field.name.name)))
      continue;
    // `password String /// bcrypt hash of the password` is a hash with a
    // poor name, not a plaintext secret.
    if (mentionsProtection(field.doc))
      continue;
    // A token kept by a payment instrument's table is the processor's
    // reference to the card or account (as `card_token` is): it must be
    // stored as given to be charged.
    if (isPaymentInstrumentTable(model) &&
        llvm::is_contained(splitWords(column), "token"))
      continue;
    diags.report(DiagID::DBPlaintextSecret, field.name.range) << column;
  }
}

void DesignChecker::checkKeyType(const Model &model) {
  if (model.isView)
    return;
  const Index *pk = model.getPrimaryKey();
  if (!pk || pk->fields.empty())
    return;
  if (pk->fields.size() > 1) {
    std::string names;
    for (const IndexField &field : pk->fields) {
      if (!names.empty())
        names += ", ";
      names += field.name.name.str();
    }
    diags.report(DiagID::DBNonUUIDKey, pk->range)
        << names << model.name.name << "a composite key";
    return;
  }
  const Field *field = model.findField(pk->fields.front().name.name);
  if (!field)
    return;
  std::string what;
  if (schema.origin == SchemaOrigin::AutoBeAST) {
    if (field->autobeType.empty() || field->autobeType == "uuid")
      return;
    what = ("'" + field->autobeType + "'").str();
  } else if (field->type != TypeKind::String) {
    what = getTypeKindName(field->type).str();
    if (field->type == TypeKind::Enum || field->type == TypeKind::Unknown ||
        field->type == TypeKind::Composite)
      what = field->typeName.name.str();
  } else if (field->nativeType && field->nativeType->name.name != "Uuid" &&
             field->nativeType->name.name != "UniqueIdentifier") {
    what = ("String @" + field->nativeType->prefix + "." +
            field->nativeType->name.name)
               .str();
  } else if (const Expr *value = field->getDefaultValue();
             value && value->isCall() &&
             (value->text == "cuid" || value->text == "nanoid" ||
              value->text == "ulid")) {
    what = ("String with " + value->text + "()").str();
  } else {
    return;
  }
  diags.report(DiagID::DBNonUUIDKey, field->name.range)
      << field->name.name << model.name.name << what;
}

bool DesignChecker::isActor(const Model &model) const {
  if (model.stance == Stance::Actor || model.stance == Stance::Session)
    return true;
  // Asked once per relation that targets the model, and a model many tables
  // point to has as many back-relation fields: remember the answer.
  auto [it, inserted] = actors.try_emplace(&model, false);
  if (inserted)
    // An account someone logs into: a password (hash) column.
    it->second = llvm::any_of(model.fields, [](const Field &field) {
      return !field.isRelation() && field.name.name.contains("password");
    });
  return it->second;
}

/// Whether \p model names a role (`shopping_customers`): a table that links
/// several identities of one person, which is not polymorphic ownership.
static bool isRoleTable(const Model &model) {
  static const StringSet<> roles = {
      "user",           "users",    "member",    "members",    "customer",
      "customers",      "seller",   "sellers",   "buyer",      "buyers",
      "admin",          "admins",   "moderator", "moderators", "administrator",
      "administrators", "guest",    "guests",    "account",    "accounts",
      "citizen",        "citizens", "actor",     "actors"};
  StringRef table = model.getTableName();
  StringRef last = table.rsplit('_').second;
  return roles.contains(last.empty() ? table : last);
}

/// The role a relation field to an actor table plays: its name's words
/// without the actor's (the target table's words and the usual actor
/// names). `author_member` and `author_admin` play `author`; `member` and
/// `admin` play the same unnamed role; `moderator` and `reporter` differ.
static std::string getActorRole(const Field &field, const Model &actor) {
  static const StringSet<> actorWords = {
      "user",     "member",   "customer",      "seller", "buyer",
      "admin",    "id",       "administrator", "guest",  "account",
      "citizen",  "actor",    "moderator",     "agent",  "supportagent",
      "employee", "operator", "owner"};
  SmallVector<std::string, 4> tableWords = splitWords(actor.getTableName());
  std::string role;
  for (const std::string &word : splitWords(field.name.name)) {
    std::string singular = singularize(word);
    if (actorWords.contains(singular) ||
        llvm::any_of(tableWords, [&](const std::string &tableWord) {
          // `support` of `supportRequester` -> `shopping_mall_supportagent`.
          return tableWord == word || singularize(tableWord) == singular ||
                 (word.size() >= 4 && StringRef(tableWord).contains(word));
        }))
      continue;
    if (!role.empty())
      role += '_';
    role += singular;
  }
  return role;
}

void DesignChecker::checkPolymorphicActors(const Model &model) {
  if (model.isView || isActor(model) || isRoleTable(model))
    return;
  const DBRelationGraph::SchemaRelations &rels = graph.get(schema);
  // Nullable keys to actor tables, grouped by the role they play.
  SmallVector<std::pair<std::string, SmallVector<const Model *, 4>>, 4> roles;
  for (const Field &field : model.fields) {
    auto it = rels.endOfField.find(&field);
    if (it == rels.endOfField.end())
      continue;
    const DBRelationGraph::End &end = rels.ends[it->second];
    if (!end.target || end.target == &model || end.isList() ||
        !end.definesForeignKey() || !isActor(*end.target))
      continue;
    bool nullable =
        field.isOptional || llvm::any_of(end.fkFields, [](const Field *fk) {
          return fk && fk->isOptional;
        });
    // A required actor key says who owns the row; nullable keys to other
    // actors beside it are what the row is about (an admin's action log
    // with an affected customer or seller), not alternative owners.
    if (!nullable)
      return;
    std::string role = getActorRole(field, *end.target);
    auto *group = llvm::find_if(
        roles, [&](const auto &entry) { return entry.first == role; });
    if (group == roles.end()) {
      roles.emplace_back(role, SmallVector<const Model *, 4>());
      group = std::prev(roles.end());
    }
    if (!llvm::is_contained(group->second, end.target))
      group->second.push_back(end.target);
  }
  for (const auto &[role, actors] : roles) {
    if (actors.size() < 2)
      continue;
    std::string names;
    for (const Model *actor : actors) {
      if (!names.empty())
        names += ", ";
      names += actor->name.name.str();
    }
    diags.report(DiagID::DBPolymorphicActorKeys, model.name.range)
        << model.name.name << unsigned(actors.size()) << names;
    return;
  }
}

void DesignChecker::checkDerivedCounters(const Model &model) {
  // Materialized views are where AutoBe puts denormalized aggregates;
  // a snapshot records the count at its point in time and never drifts.
  if (model.isView || model.isMaterial || model.name.name.starts_with("mv_") ||
      model.stance == Stance::Snapshot)
    return;
  if (SmallVector<std::string, 4> words = splitWords(model.getTableName());
      !words.empty() &&
      (words.back() == "snapshot" || words.back() == "snapshots"))
    return;
  ArrayRef<const DBRelationGraph::End *> incoming =
      graph.getIncoming(schema, model);
  if (incoming.empty())
    return;
  for (const Field &field : model.fields) {
    if (field.type != TypeKind::Int && field.type != TypeKind::BigInt)
      continue;
    StringRef column = field.getColumnName();
    if (!column.consume_back("_count"))
      continue;
    StringRef stem = column.rsplit('_').second;
    if (stem.empty())
      stem = column;
    if (stem.empty())
      continue;
    SmallVector<std::string, 4> forms = pluralForms(stem);
    for (const DBRelationGraph::End *end : incoming) {
      // A child table holding a foreign key to this one.
      if (end->model == &model || end->isList() || !end->definesForeignKey())
        continue;
      StringRef child = end->model->getTableName();
      if (llvm::none_of(forms, [&](const std::string &form) {
            return endsWithWord(child, form);
          }))
        continue;
      diags.report(DiagID::DBDerivedCounter, field.name.range)
          << field.getColumnName() << end->model->name.name;
      break;
    }
  }
}

/// The singular of a snake_case table name's last word (the Lexicon's):
/// `users` -> `user`, `categories` -> `category`, `addresses` -> `address`.
static std::string singularTableName(StringRef table) {
  auto [head, last] = table.rsplit('_');
  if (last.empty())
    return singularize(table);
  return (head + "_" + singularize(last)).str();
}

/// The tables a column's documentation links as its key:
/// "{@link todo_list_users.id}", the way AutoBe documents its keys. AutoBe's
/// schema writer wraps long lines, also right after `{@link`, so the tag
/// may be followed by a space or a line break.
static SmallVector<StringRef, 1> getLinkedTables(StringRef doc) {
  SmallVector<StringRef, 1> tables;
  for (size_t at = doc.find("{@link"); at != StringRef::npos;
       at = doc.find("{@link", at + 6)) {
    StringRef rest = doc.drop_front(at + 6);
    if (rest.empty() || !isSpace(rest.front()))
      continue;
    rest = rest.ltrim(" \t\r\n");
    StringRef target = rest.take_until(
        [](char c) { return c == '.' || c == '}' || c == ' ' || c == '\n'; });
    if (!target.empty() && rest.drop_front(target.size()).starts_with(".id"))
      tables.push_back(target);
  }
  return tables;
}

const Model *DesignChecker::findReferencedModel(const Field &field) const {
  for (StringRef table : getLinkedTables(field.doc))
    if (const Model *model = schema.findModel(table))
      return model;
  StringRef column = field.getColumnName();
  if (!column.consume_back("_id") || column.empty())
    return nullptr;
  auto exact = bySingular.find(column);
  if (exact != bySingular.end())
    return exact->second;
  // `admin_id` in an AutoBe project whose tables carry a prefix
  // (`economic_board_admins`): unambiguous suffixes only.
  auto suffix = bySuffix.find(column);
  if (suffix != bySuffix.end() && suffix->second.second == 1)
    return suffix->second.first;
  return nullptr;
}

/// Whether a column's doc says its value comes from outside the schema (a
/// payment provider's customer id, a device fingerprint): such `*_id`
/// columns name a table-like thing but are not references.
static bool describesExternalValue(StringRef doc) {
  std::string lower = doc.lower();
  for (StringRef word : {"external", "assigned by", "fingerprint", "hash",
                         "third-party", "third party", "provider", "stripe",
                         "client-generated", "client generated"})
    if (StringRef(lower).contains(word))
      return true;
  return false;
}

/// The longest `<words>_` all of at least three tables (views and mv_
/// caches aside) start with, or "".
static std::string getCommonTablePrefix(const Schema &schema) {
  std::optional<StringRef> prefix;
  unsigned tables = 0;
  for (const Model &model : schema.models) {
    StringRef table = model.getTableName();
    if (model.isView || table.starts_with("mv_"))
      continue;
    ++tables;
    if (!prefix) {
      prefix = table;
      continue;
    }
    size_t common = 0;
    while (common < prefix->size() && common < table.size() &&
           (*prefix)[common] == table[common])
      ++common;
    prefix = prefix->take_front(common);
  }
  if (!prefix || tables < 3)
    return "";
  size_t underscore = prefix->rfind('_');
  if (underscore == StringRef::npos || underscore == 0)
    return "";
  return prefix->take_front(underscore + 1).str();
}

void DesignChecker::checkMissingTarget(const Field &field) {
  // The documentation names the table the key points at.
  for (StringRef table : getLinkedTables(field.doc))
    if (!schema.findModel(table) && !findTable(schema, table)) {
      diags.report(DiagID::DBReferenceMissingTable, field.name.range)
          << field.getColumnName() << table
          << "its documentation links it as the key";
      return;
    }
  // `<prefix>_<entity>_id` in a schema whose tables all carry `<prefix>_`
  // (AutoBe's naming) names a table `<prefix>_<entities>` that is missing.
  StringRef column = field.getColumnName();
  if (tablePrefix.empty() || !column.starts_with(tablePrefix) ||
      !column.ends_with("_id"))
    return;
  StringRef entity = column.drop_back(3);
  if (entity.size() <= tablePrefix.size())
    return;
  if (bySingular.count(entity) || findTable(schema, entity))
    return;
  auto [head, last] = entity.rsplit('_');
  std::string expected = (head + "_" + pluralize(last)).str();
  if (findTable(schema, expected))
    return;
  diags.report(DiagID::DBReferenceMissingTable, field.name.range)
      << column << expected
      << "its name follows the schema's '" + tablePrefix + "' naming of keys";
}

void DesignChecker::checkDanglingReferences(const Model &model) {
  // Views and caches (AutoBe's material mv_ tables) copy keys on purpose.
  if (model.isView || model.isMaterial ||
      model.getTableName().starts_with("mv_"))
    return;
  // The columns that are a foreign key of some relation of this model.
  SmallPtrSet<const Field *, 8> foreignKeys;
  const DBRelationGraph::SchemaRelations &rels = graph.get(schema);
  for (const Field &field : model.fields) {
    auto it = rels.endOfField.find(&field);
    if (it == rels.endOfField.end())
      continue;
    for (const Field *fk : rels.ends[it->second].fkFields)
      if (fk)
        foreignKeys.insert(fk);
  }
  for (const Field &field : model.fields) {
    if (field.isRelation() || field.isId || field.isList ||
        foreignKeys.contains(&field))
      continue;
    if (field.type != TypeKind::String && field.type != TypeKind::Int &&
        field.type != TypeKind::BigInt)
      continue;
    if (describesExternalValue(field.doc))
      continue;
    const Model *target = findReferencedModel(field);
    if (!target) {
      checkMissingTarget(field);
      continue;
    }
    // A table's own `<name>_id` column is an identifier, not a reference.
    if (target == &model)
      continue;
    (diags.report(DiagID::DBDanglingReference, field.name.range)
     << field.getColumnName() << target->getTableName())
        .note(target->name.range, NoteID::ReferencedTableHere);
  }
}

void DesignChecker::run() {
  unsigned tableCount = llvm::count_if(
      schema.models, [](const Model &model) { return !model.isView; });
  bool autobe = isAutoBeProject();
  for (const Model &model : schema.models) {
    if (model.isView)
      continue;
    std::string singular = singularTableName(model.getTableName());
    bySingular.try_emplace(singular, &model);
    StringRef rest = singular;
    while (true) {
      size_t underscore = rest.find('_');
      if (underscore == StringRef::npos)
        break;
      rest = rest.drop_front(underscore + 1);
      auto [it, inserted] = bySuffix.try_emplace(rest, &model, 0);
      ++it->second.second;
    }
  }
  tablePrefix = getCommonTablePrefix(schema);
  for (const Model &model : schema.models) {
    checkDanglingReferences(model);
    checkIsolated(model, tableCount);
    checkSecrets(model);
    if (autobe)
      checkKeyType(model);
    checkPolymorphicActors(model);
    checkDerivedCounters(model);
  }
}

namespace {
struct DBDesignPass : SchemaPass<DBDesignPass> {
  static constexpr StringLiteral argument = "db-design";
  static constexpr StringLiteral description =
      "Checks schema design: isolated tables, plaintext secrets, key types, "
      "polymorphic actor keys, derived counters.";

  void run(const Schema &schema, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    const DBRelationGraph &graph = analyses.getAnalysis<DBRelationGraph>();
    DesignChecker(analyses.getProject(), schema, graph, diags).run();
  }
};
} // namespace

std::unique_ptr<Pass> abv::createDBDesignPass() {
  return std::make_unique<DBDesignPass>();
}
