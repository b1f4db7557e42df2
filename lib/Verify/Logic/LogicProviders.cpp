//===- LogicProviders.cpp - The logic-providers pass ----------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Providers against operations (through the Binding: a controller's route,
/// else the provider's name):
///
/// - LOG001: an operation of the API document that no provider implements,
///   when the project has providers at all.
/// - LOG002: a provider that implements no operation.
/// - LOG006: placeholder logic: a provider that returns `typia.random<T>()`,
///   throws `new Error("not implemented")` (or HTTP 501), or has an empty
///   body. When a comment of the provider says why it gave up, a note
///   quotes it, and the other layers are asked for the cause the comment
///   names: a `table.column` the schema lacks (or has, as the code says),
///   or a response type that maps to no table, or a table no relation path
///   ties to the operation's actor when the comment blames a missing
///   relation.
/// - LOG013: a provider whose operation has a request body (with
///   properties) and none of whose calls receives anything of it: not a
///   Prisma call, not a collector or a helper (the lowering follows the
///   body through locals, destructuring and assignments into objects).
///
//===----------------------------------------------------------------------===//

#include "LogicSupport.h"

#include "abv/Analysis/Binding.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/Unicode.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/StringExtras.h"

using namespace abv;
using namespace abv::logic;
using namespace llvm;

namespace {

/// Whether a message or comment says the code is unfinished.
bool saysUnfinished(StringRef text) {
  std::string lower = text.lower();
  StringRef t(lower);
  return t.contains("not implemented") || t.contains("unimplemented") ||
         t.contains("not yet implemented") || t.contains("todo") ||
         t.contains("placeholder");
}

/// Whether a comment explains why the code gave up.
bool explainsGivingUp(StringRef text) {
  std::string lower = text.lower();
  StringRef t(lower);
  return saysUnfinished(t) || t.contains("contradiction") ||
         t.contains("cannot implement") ||
         t.contains("cannot be implemented") || t.contains("schema") ||
         t.contains("does not exist") || t.contains("doesn't exist") ||
         t.contains("missing") || t.contains("lacks") || t.contains("no such");
}

/// The first line of a comment's text, without comment markers, clipped; a
/// heading (`CONTRADICTION:`) takes the next line with it.
std::string getCommentSummary(StringRef text) {
  SmallVector<StringRef, 16> lines;
  text.split(lines, '\n');
  std::string summary;
  for (StringRef line : lines) {
    line = line.trim();
    line.consume_front("/**");
    line.consume_front("/*");
    line.consume_front("//");
    line.consume_back("*/");
    line = line.trim();
    line = line.ltrim("*-# ").trim();
    if (line.empty())
      continue;
    if (!summary.empty())
      summary += ' ';
    summary += line.str();
    if (!line.ends_with(":"))
      break;
  }
  if (summary.size() > 120)
    summary = truncateUTF8(summary, 117).str() + "...";
  return summary;
}

/// Appends the tables \p text names by their Prisma client name
/// (`economic_board_posts`, also as `table.column`) to \p tables, once each.
void collectTables(StringRef text, const Binding &binding,
                   SmallVectorImpl<const db::Model *> &tables) {
  size_t i = 0;
  while (i < text.size()) {
    if (!isAlpha(text[i]) && text[i] != '_') {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && (isAlnum(text[i]) || text[i] == '_'))
      ++i;
    StringRef word = text.slice(start, i);
    const db::Model *model = binding.findPrismaTable(word);
    if (!model)
      model = binding.findPrismaTable(word.lower());
    if (model && !is_contained(tables, model))
      tables.push_back(model);
  }
}

struct LogicProvidersPass : ProjectPass<LogicProvidersPass> {
  static constexpr StringLiteral argument = "logic-providers";
  static constexpr StringLiteral description =
      "Checks providers against operations: missing providers, providers of "
      "no operation, placeholder logic, ignored request bodies";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    if (!project.logic)
      return;
    const Binding &binding = analyses.getAnalysis<Binding>();
    SmallVector<const Function *, 16> providers;
    for (const Function *fn :
         project.logic->getFunctions(FunctionKind::Provider))
      if (fn->namespaceName.empty() && !fn->name.empty())
        providers.push_back(fn);
    if (providers.empty())
      return;
    if (const api::Document *doc = project.getAPIDocument()) {
      for (const api::Operation &op : doc->operations)
        if (!binding.getProvider(op))
          diags.report(DiagID::LogicOperationNoProvider, op.path.range)
              << op.method.name.upper() << op.path.name
              << getExpectedProviderName(op);
      for (const Function *fn : providers)
        if (!binding.getOperation(*fn))
          diags.report(DiagID::LogicProviderNoOperation, fn->name.range)
              << fn->name.text;
    }
    for (const Function *fn : providers)
      if (!checkPlaceholder(*fn, project, binding, diags))
        checkBodyIgnored(*fn, project, binding, diags);
  }

private:
  bool checkPlaceholder(const Function &fn, const Project &project,
                        const Binding &binding, DiagnosticEngine &diags);
  void checkBodyIgnored(const Function &fn, const Project &project,
                        const Binding &binding, DiagnosticEngine &diags);
  void addCauseNotes(const Function &fn, StringRef comment,
                     const Project &project, const Binding &binding,
                     InFlightDiagnostic &diag);
  unsigned addActorNotes(const Function &fn, ArrayRef<const db::Model *> named,
                         const Project &project, const Binding &binding,
                         InFlightDiagnostic &diag);
};

bool LogicProvidersPass::checkPlaceholder(const Function &fn,
                                          const Project &project,
                                          const Binding &binding,
                                          DiagnosticEngine &diags) {
  SMRange at;
  std::string why;
  for (const Return &ret : fn.returns)
    if (ret.kind == Return::Kind::TypiaRandom) {
      at = ret.range;
      why = "it returns typia.random<T>() (random data)";
      break;
    }
  if (!at.isValid())
    for (const Throw &thrown : fn.throws)
      if ((thrown.kind == Throw::Kind::Error &&
           saysUnfinished(thrown.message)) ||
          (thrown.status && *thrown.status == 501)) {
        at = thrown.range;
        why = "it throws '" + thrown.message + "'";
        break;
      }
  if (!at.isValid() && fn.emptyBody) {
    at = fn.name.range;
    why = "its body is empty";
  }
  if (!at.isValid())
    return false;
  auto diag = diags.report(DiagID::LogicPlaceholder, at);
  diag << fn.name.text << why;
  for (const Comment &comment : fn.comments)
    if (explainsGivingUp(comment.text)) {
      diag.note(comment.range, NoteID::CodeSaysWhy)
          << getCommentSummary(comment.text);
      addCauseNotes(fn, comment.text, project, binding, diag);
      break;
    }
  return true;
}

void LogicProvidersPass::checkBodyIgnored(const Function &fn,
                                          const Project &project,
                                          const Binding &binding,
                                          DiagnosticEngine &diags) {
  const Param *body = fn.getBody();
  const api::Document *doc = project.getAPIDocument();
  Binding::ProviderLink link = binding.getOperation(fn);
  if (!body || !doc || !link || !link.operation->requestBody ||
      fn.bodyReachesCall)
    return;
  const api::NamedType *named = getNamedType(*doc, link.operation->requestBody);
  // A body with nothing in it (`IEmpty`, an `ICreate` of no properties)
  // has nothing to use.
  if (named && named->type && named->type->kind == api::TypeKind::Object &&
      named->type->properties.empty())
    return;
  StringRef typeName = named ? named->name.name : body->typeText;
  auto diag = diags.report(DiagID::LogicBodyIgnored, body->name.range);
  diag << fn.name.text << typeName;
  SMRange at = link.operation->requestBodyRange;
  if (!at.isValid() && named)
    at = named->name.range;
  if (at.isValid())
    diag.note(at, NoteID::RequestBodyHere) << typeName;
}

void LogicProvidersPass::addCauseNotes(const Function &fn, StringRef comment,
                                       const Project &project,
                                       const Binding &binding,
                                       InFlightDiagnostic &diag) {
  unsigned notes = 0;
  SmallVector<const db::Model *, 4> namedTables;
  // `table.column` named by the comment (and tables named alone).
  if (project.getDBSchema()) {
    size_t i = 0;
    while (i < comment.size() && notes < 3) {
      if (!isAlpha(comment[i]) && comment[i] != '_') {
        ++i;
        continue;
      }
      size_t start = i;
      while (i < comment.size() &&
             (isAlnum(comment[i]) || comment[i] == '_' || comment[i] == '.'))
        ++i;
      StringRef word = comment.slice(start, i).rtrim('.');
      auto [tableName, columnName] = word.split('.');
      if (columnName.contains('.'))
        continue;
      const db::Model *model = binding.findPrismaTable(tableName);
      if (!model)
        model = binding.findPrismaTable(tableName.lower());
      if (!model)
        continue;
      if (!is_contained(namedTables, model))
        namedTables.push_back(model);
      if (columnName.empty())
        continue;
      if (const db::Field *field = binding.findField(*model, columnName)) {
        diag.note(field->name.range, NoteID::ColumnDeclaredHere);
      } else {
        diag.note(model->name.range, NoteID::TableLacksColumn)
            << model->name.name << columnName;
      }
      ++notes;
    }
  }
  notes += addActorNotes(fn, namedTables, project, binding, diag);
  if (notes != 0)
    return;
  // The operation's response type, when it maps to no table.
  const api::Document *doc = project.getAPIDocument();
  Binding::ProviderLink link = binding.getOperation(fn);
  if (!doc || !link || !project.getDBSchema())
    return;
  const api::Response *response = link.operation->getSuccessResponse();
  if (!response)
    return;
  const api::NamedType *named = getNamedType(*doc, response->type);
  if (named && !binding.getTable(*named))
    diag.note(named->name.range, NoteID::TypeMapsToNoTable) << named->name.name;
}

/// When the comments blame a missing relation (`admin has no relation to
/// posts`, `no foreign key links posts to members`, `must reference a
/// member`): the tables it names
/// (else the response type's table) that no relation path ties to the
/// operation's actor.
unsigned LogicProvidersPass::addActorNotes(const Function &fn,
                                           ArrayRef<const db::Model *> named,
                                           const Project &project,
                                           const Binding &binding,
                                           InFlightDiagnostic &diag) {
  const api::Document *doc = project.getAPIDocument();
  Binding::ProviderLink link = binding.getOperation(fn);
  if (!doc || !link || link.operation->actor.empty() || !project.getDBSchema())
    return 0;
  StringRef actor = link.operation->actor.name;
  const db::Model *actorTable = binding.getActorTable(actor);
  // The comments must blame a missing tie, not merely name the actor; a
  // comment of several `//` lines is read whole.
  std::string all;
  for (const Comment &other : fn.comments)
    all += other.text.lower() + "\n";
  StringRef text(all);
  if (!actorTable ||
      !(text.contains("relation") || text.contains("link") ||
        text.contains("reference") || text.contains("foreign key")))
    return 0;
  SmallVector<const db::Model *, 4> mentioned(named.begin(), named.end());
  for (const Comment &other : fn.comments)
    collectTables(other.text, binding, mentioned);
  SmallVector<const db::Model *, 4> tables(mentioned.begin(), mentioned.end());
  if (tables.empty())
    if (const api::Response *response = link.operation->getSuccessResponse())
      if (const api::NamedType *type = getNamedType(*doc, response->type))
        if (Binding::TableLink table = binding.getTable(*type))
          tables.push_back(table.model);
  SmallVector<const db::Model *, 4> actorTables = getActorTables(*doc, binding);
  unsigned notes = 0;
  for (const db::Model *table : tables)
    if (table != actorTable &&
        !hasRelationPath(binding, *actorTable, *table, actorTables)) {
      diag.note(table->name.range, NoteID::ActorNoRelationPath)
          << actor << table->name.name;
      ++notes;
    }
  return notes;
}

} // namespace

std::unique_ptr<Pass> abv::createLogicProvidersPass() {
  return std::make_unique<LogicProvidersPass>();
}
