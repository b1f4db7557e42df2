//===- LogicTests.cpp - End-to-end tests against the API ------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Three passes check the generated end-to-end tests (logic::Function of
/// kind Test, `test/features/**/test_*.ts`) against the canonical API
/// document, through the Binding (an SDK call's accessor -> operation):
///
/// - `logic-test-calls`: an SDK call that matches no operation (TST001,
///   with "did you mean"); path parameters or a body missing (TST002) or
///   passed when the operation takes none (TST003); a body object literal
///   with properties the request DTO does not declare (TST004) or without
///   ones it requires (TST005); a call whose accessor several operations
///   share and whose arguments do not decide between them (TST010).
/// - `logic-test-intent`: a test that never calls the endpoint its scenario
///   is for (TST006; the scenario comes from AutoBe's history, else from
///   the test's name when it names one operation); a test that
///   asserts nothing (TST007); a test that calls an operation of an actor
///   before any authentication (TST008).
/// - `logic-test-coverage`: operations no test calls (TST009).
///
/// Facts that are not known (a props object built elsewhere, a spread of
/// another object, a body type that is not an object) keep the checks that
/// need them silent.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Binding.h"
#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <optional>
#include <set>

using namespace abv;
using namespace llvm;

namespace {

/// The SDK accessor of \p op as a test spells it: AutoBe 2026's `accessor`,
/// else the path's literal segments, then the operation's name.
std::string getOperationAccessor(const api::Operation &op) {
  std::string text;
  auto append = [&](StringRef part) {
    if (!text.empty())
      text += '.';
    text += part.str();
  };
  if (!op.accessor.empty()) {
    for (const api::Ident &part : op.accessor)
      append(part.name);
    return text;
  }
  SmallVector<StringRef, 8> segments;
  StringRef(op.path.name).split(segments, '/', -1, /*KeepEmpty=*/false);
  StringRef last;
  for (StringRef segment : segments)
    if (!segment.starts_with("{") && !segment.starts_with(":"))
      append(segment), last = segment;
  // Nestia does not repeat a last segment that is the name (compared as
  // spelled: `verify-email` named `verifyEmail` is repeated).
  if (last != op.operationId.name)
    append(op.operationId.name);
  return text;
}

/// \p type with references followed (a few levels), or null.
const api::Type *resolveType(const api::Document &doc, const api::Type *type,
                             StringRef *name = nullptr) {
  for (unsigned depth = 0; type && type->kind == api::TypeKind::Ref; ++depth) {
    if (depth > 8)
      return nullptr;
    if (name)
      *name = type->ref.name;
    const api::NamedType *named = doc.findType(type->ref.name);
    type = named ? named->type : nullptr;
  }
  return type;
}

/// Whether \p op signs an actor up or in (AutoBe's `authorizationType`
/// join / login / refresh, or a path under `/auth/`).
bool isAuthOperation(const api::Operation &op) {
  if (!op.authorizationType.empty())
    return true;
  return StringRef(op.path.name).contains("/auth/");
}

/// Whether calling \p name authenticates: a helper named for it
/// (`authorize_member_join`, `loginAsAdmin`).
bool isAuthName(StringRef name) {
  std::string lower = name.lower();
  StringRef text(lower);
  return text.contains("authorize") || text.contains("join") ||
         text.contains("login") || text.contains("signin") ||
         text.contains("sign_in") || text.contains("signup") ||
         text.contains("sign_up") || text.contains("authenticate");
}

/// The tests of a project with the operation each SDK call names.
struct TestView {
  const Project &project;
  const Binding &binding;
  const api::Document *doc = nullptr;
  const logic::Module *module = nullptr;

  /// The functions by the names calls use (`name`, `NS.name`), the first of
  /// each name, as logic::Module::findFunction gives them.
  StringMap<const logic::Function *> functionsByName;

  TestView(const Project &project, AnalysisManager &analyses)
      : project(project), binding(analyses.getAnalysis<Binding>()),
        doc(project.getAPIDocument()), module(project.logic.get()) {
    if (!module)
      return;
    for (const std::unique_ptr<logic::Function> &fn : module->functions)
      functionsByName.try_emplace(
          fn->namespaceName.empty()
              ? fn->name.text.str()
              : (fn->namespaceName + "." + fn->name.text).str(),
          fn.get());
  }

  const logic::Function *findFunction(StringRef name) const {
    return functionsByName.lookup(name);
  }

  bool valid() const { return doc && module; }

  SmallVector<const logic::Function *, 16> getTests() const {
    return module->getFunctions(logic::FunctionKind::Test);
  }
};

//===----------------------------------------------------------------------===//
// logic-test-calls
//===----------------------------------------------------------------------===//

struct LogicTestCallsPass : ProjectPass<LogicTestCallsPass> {
  static constexpr StringLiteral argument = "logic-test-calls";
  static constexpr StringLiteral description =
      "Checks the SDK calls of end-to-end tests against the API: unknown "
      "operations, path parameters and bodies, body properties";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    TestView view(project, analyses);
    if (!view.valid())
      return;
    for (const std::unique_ptr<logic::Function> &fn : view.module->functions) {
      if (fn->kind != logic::FunctionKind::Test &&
          fn->kind != logic::FunctionKind::TestHelper)
        continue;
      for (const logic::SDKCall &call : fn->sdkCalls)
        checkCall(view, call, diags);
    }
  }

private:
  void checkCall(const TestView &view, const logic::SDKCall &call,
                 DiagnosticEngine &diags) {
    SmallVector<const api::Operation *, 2> candidates =
        view.binding.getOperationCandidates(call);
    if (candidates.size() > 1) {
      auto diag =
          diags.report(DiagID::TestAmbiguousOperation, call.calleeRange);
      diag << call.getAccessorText() << candidates.size();
      for (const api::Operation *candidate : candidates)
        diag.note(candidate->path.range, NoteID::OperationDeclaredHere);
      return;
    }
    const api::Operation *op = candidates.empty() ? nullptr : candidates[0];
    if (!op) {
      std::string accessor = call.getAccessorText();
      auto diag = diags.report(DiagID::TestUnknownOperation, call.calleeRange);
      diag << accessor;
      ClosestMatch match = ClosestMatch::withLimit(
          accessor, ClosestMatch::getDeclaredNameLimit(accessor));
      std::vector<std::string> candidates;
      candidates.reserve(view.doc->operations.size());
      for (const api::Operation &candidate : view.doc->operations)
        candidates.push_back(getOperationAccessor(candidate));
      for (const std::string &candidate : candidates)
        match.consider(candidate);
      if (!match.get().empty())
        diag.fix(NoteID::DidYouMean, call.calleeRange,
                 "api.functional." + match.get())
            << match.get();
      return;
    }
    StringRef method = op->method.name, path = op->path.name;
    // Path parameters are the path template's (`{todoId}`); a document may
    // leave them out of `parameters`.
    SmallVector<StringRef, 4> pathParams;
    SmallVector<StringRef, 8> segments;
    StringRef(path).split(segments, '/', -1, /*KeepEmpty=*/false);
    for (StringRef segment : segments)
      if (segment.starts_with("{") && segment.ends_with("}"))
        pathParams.push_back(segment.drop_front().drop_back());
    // Parameters besides the path's (AutoBe's SDK carries them in a body).
    bool hasQuery = llvm::any_of(op->parameters, [&](const api::Parameter &p) {
      return !llvm::is_contained(pathParams, p.name.name);
    });
    bool needsProps = !pathParams.empty() || op->requestBody;

    if (call.numArgs == 0) {
      diags.report(DiagID::TestMissingArgument, call.range)
          << method << path << "argument"
          << "connection";
      return;
    }
    if (call.numArgs < 2) {
      if (needsProps) {
        auto diag = diags.report(DiagID::TestMissingArgument, call.range);
        diag << method << path;
        if (!pathParams.empty())
          diag << "path parameter" << pathParams.front();
        else
          diag << "request body"
               << "body";
        diag.note(op->path.range, NoteID::OperationDeclaredHere);
      }
      return;
    }
    const logic::ArgObject *props = call.props;
    if (!props)
      return; // Built elsewhere: not known.
    bool complete = !props->hasUnknownKeys && props->unknownSpreads.empty();
    if (complete) {
      for (StringRef param : pathParams)
        if (!props->find(param))
          (diags.report(DiagID::TestMissingArgument, props->range)
           << method << path << "path parameter" << param)
              .note(op->path.range, NoteID::OperationDeclaredHere);
      if (op->requestBody && !props->find("body"))
        diags.report(DiagID::TestMissingArgument, props->range)
            << method << path << "request body"
            << "body";
    }
    for (const logic::ArgEntry &entry : props->entries) {
      StringRef key = entry.key.text;
      if (key == "body") {
        // AutoBe's SDK may carry query parameters in a body.
        if (!op->requestBody && !hasQuery)
          diags.report(DiagID::TestExtraArgument, entry.key.range)
              << method << path << key;
        else
          checkBody(view, *op, entry, diags);
        continue;
      }
      bool known = llvm::is_contained(pathParams, key) ||
                   llvm::any_of(op->parameters, [&](const api::Parameter &p) {
                     return p.name.name == key;
                   });
      if (!known)
        diags.report(DiagID::TestExtraArgument, entry.key.range)
            << method << path << key;
    }
  }

  void checkBody(const TestView &view, const api::Operation &op,
                 const logic::ArgEntry &body, DiagnosticEngine &diags) {
    if (body.valueKind != logic::ArgEntry::ValueKind::Object || !body.nested)
      return;
    // `{...} as any`: a test sending a malformed body on purpose. (Source
    // buffers end with a NUL, so the look-ahead stops there.)
    std::string after;
    for (const char *p = body.valueRange.End.getPointer();
         p && *p && after.size() < 16; ++p)
      if (!isSpace(*p))
        after += *p;
    if (StringRef(after).starts_with("asany") ||
        StringRef(after).starts_with("asunknown"))
      return;
    StringRef typeName = "the request body";
    const api::Type *type = resolveType(*view.doc, op.requestBody, &typeName);
    if (!type || type->kind != api::TypeKind::Object ||
        (type->properties.empty() && !type->isClosed))
      return;
    const logic::ArgObject &object = *body.nested;
    StringRef method = op.method.name, path = op.path.name;
    if (!type->additionalProperties)
      for (const logic::ArgEntry &entry : object.entries)
        if (!type->findProperty(entry.key.text))
          diags.report(DiagID::TestBodyUnknownProperty, entry.key.range)
              << method << path << entry.key.text << typeName;
    if (object.hasUnknownKeys || !object.unknownSpreads.empty())
      return;
    // Required names the DTO does not declare (requiredNames) are the
    // document's defect (API structure), not the test's.
    for (const api::Property &property : type->properties)
      if (property.isRequired && !object.find(property.name.name))
        diags.report(DiagID::TestBodyMissingProperty, body.valueRange)
            << method << path << property.name.name << typeName;
  }
};

//===----------------------------------------------------------------------===//
// Scenarios from test names
//===----------------------------------------------------------------------===//

/// The words a test name uses for what a method does to a resource.
ArrayRef<StringLiteral> getMethodVerbs(api::HTTPMethod method) {
  static constexpr StringLiteral create[] = {
      "create", "creation", "add", "register", "registration", "submit", "new"};
  static constexpr StringLiteral read[] = {"retrieve", "retrieval", "get",
                                           "detail",   "fetch",     "at"};
  static constexpr StringLiteral list[] = {
      "list",      "listing",    "search",    "index",  "filter",
      "filtering", "pagination", "paginated", "browse", "query"};
  static constexpr StringLiteral update[] = {"update", "modify", "change"};
  static constexpr StringLiteral erase[] = {"delete", "deletion", "erase",
                                            "remove", "removal"};
  switch (method) {
  case api::HTTPMethod::Post:
    return create;
  case api::HTTPMethod::Get:
    return read;
  case api::HTTPMethod::Patch:
    return list;
  case api::HTTPMethod::Put:
    return update;
  case api::HTTPMethod::Delete:
    return erase;
  default:
    return {};
  }
}

/// The singular words of \p name (`discussionBoardPosts` -> {discussion,
/// board, post}).
SmallVector<std::string, 4> getSingularWords(StringRef name) {
  SmallVector<std::string, 4> result;
  for (const std::string &word : splitWords(name))
    result.push_back(singularize(word));
  return result;
}

/// The words of a test's name before the first word that starts its
/// circumstances (`by admin`, `with badges`, `as member`, `for new todo`,
/// `from trash`), each as written, in the singular and in the plural (and
/// that plural made singular again, as path segments are).
StringSet<> getNameWords(StringRef name) {
  static constexpr StringLiteral stops[] = {
      "by", "with", "without", "as", "for", "after", "when", "from", "via"};
  StringSet<> words;
  for (const std::string &word : splitWords(name)) {
    if (llvm::is_contained(stops, word))
      break;
    words.insert(word);
    words.insert(singularize(word));
    // Path segments are plurals made singular: `statuses` gives `statuse`.
    std::string plural = pluralize(word);
    words.insert(singularize(plural));
    words.insert(plural);
  }
  return words;
}

/// The operations of a document as test names speak of them, computed once
/// per document: ScenarioIndex::derive gives the operation a test's name
/// says it is for, when exactly one operation fits best (docs/Diagnostics.md,
/// TST006): the name's words before its circumstances must hold every word
/// of the operation's resource (its last literal path segment, in the
/// singular) and a verb of its method, or, for an action segment
/// (`/todos/{todoId}/restore`, `/auth/member/join`), the resource before it
/// and the action's words. Among the operations that fit, the one whose
/// literal path words the name uses most wins; a tie gives none.
class ScenarioIndex {
public:
  explicit ScenarioIndex(const api::Document &doc) {
    auto isParam = [](StringRef segment) {
      return segment.starts_with("{") || segment.starts_with(":");
    };
    std::set<SmallVector<std::string, 4>> multiWord;
    for (const api::Operation &op : doc.operations) {
      SmallVector<StringRef, 8> segments, literals;
      StringRef(op.path.name).split(segments, '/', -1, /*KeepEmpty=*/false);
      for (StringRef segment : segments)
        if (!isParam(segment))
          literals.push_back(segment);
      if (literals.empty())
        continue;
      for (StringRef literal : literals)
        if (SmallVector<std::string, 4> words = getSingularWords(literal);
            words.size() > 1)
          multiWord.insert(words);
      Entry entry;
      entry.op = &op;
      entry.resource = getSingularWords(literals.back());
      entry.listToo =
          op.httpMethod == api::HTTPMethod::Get && !isParam(segments.back());
      // The last literal as an action on the one before it. (A plural is a
      // sub-collection, `/todos/{todoId}/edit-histories`.)
      SmallVector<std::string, 4> raw = splitWords(literals.back());
      if (!isParam(segments.back()) && literals.size() >= 2 && !raw.empty() &&
          !looksPlural(raw.back()) &&
          (isParam(segments[segments.size() - 2]) ||
           llvm::is_contained(literals, "auth"))) {
        entry.hasAction = true;
        entry.actionOf = getSingularWords(literals[literals.size() - 2]);
        entry.action = entry.resource;
      }
      for (StringRef literal : literals)
        for (std::string &word : getSingularWords(literal))
          if (!llvm::is_contained(entry.pathWords, word))
            entry.pathWords.push_back(std::move(word));
      entries.push_back(std::move(entry));
    }
    multiWordResources.assign(multiWord.begin(), multiWord.end());
  }

  const api::Operation *derive(StringRef testName) const {
    StringRef rest = testName;
    if (!rest.consume_front("test_api_"))
      return nullptr;
    StringSet<> words = getNameWords(rest);
    auto hasAll = [&](ArrayRef<std::string> need) {
      return !need.empty() && llvm::all_of(need, [&](const std::string &w) {
        return words.contains(w);
      });
    };
    // A word of a resource the name spells out whole is not a verb
    // (`todo_edit_history` reads /edit-histories, not an edit of a todo).
    StringSet<> resourceWords;
    for (const SmallVector<std::string, 4> &resource : multiWordResources)
      if (hasAll(resource))
        for (const std::string &word : resource)
          resourceWords.insert(word);
    auto hasAny = [&](ArrayRef<StringLiteral> verbs) {
      return llvm::any_of(verbs, [&](StringRef w) {
        return words.contains(w) && !resourceWords.contains(w);
      });
    };
    static constexpr StringLiteral join[] = {"registration", "register",
                                             "signup"};
    static constexpr StringLiteral login[] = {"signin"};
    const api::Operation *best = nullptr;
    int bestScore = -1;
    bool tie = false;
    for (const Entry &entry : entries) {
      bool fits = false;
      if (hasAll(entry.resource)) {
        fits = hasAny(getMethodVerbs(entry.op->httpMethod));
        if (!fits && entry.listToo)
          fits = hasAny(getMethodVerbs(api::HTTPMethod::Patch));
      }
      if (!fits && entry.hasAction && hasAll(entry.actionOf)) {
        fits = hasAll(entry.action);
        if (!fits && entry.action.size() == 1)
          fits = (entry.action[0] == "join" && hasAny(join)) ||
                 (entry.action[0] == "login" && hasAny(login));
      }
      if (!fits)
        continue;
      int score = llvm::count_if(entry.pathWords, [&](const std::string &w) {
        return words.contains(w);
      });
      if (score > bestScore)
        best = entry.op, bestScore = score, tie = false;
      else if (score == bestScore)
        tie = true;
    }
    return tie ? nullptr : best;
  }

private:
  struct Entry {
    const api::Operation *op = nullptr;
    /// The last literal segment's words, in the singular.
    SmallVector<std::string, 4> resource;
    /// A GET of a collection: the list verbs name it too.
    bool listToo = false;
    /// The last literal is an action (`restore`) on the one before it.
    bool hasAction = false;
    SmallVector<std::string, 4> actionOf, action;
    /// Every literal path word, in the singular, once.
    SmallVector<std::string, 8> pathWords;
  };
  std::vector<Entry> entries;
  /// The resources of more than one word (`edit-histories`), once each.
  std::vector<SmallVector<std::string, 4>> multiWordResources;
};

//===----------------------------------------------------------------------===//
// logic-test-intent
//===----------------------------------------------------------------------===//

/// Whether \p fn asserts something: TestValidator.*, typia.assert*, or a
/// function named assert* / expect*.
bool hasAssertion(const logic::Function &fn) {
  for (const logic::TypiaCall &call : fn.typiaCalls)
    if (call.function.starts_with("assert") ||
        call.function.starts_with("validate") || call.function == "is" ||
        call.function == "equals")
      return true;
  for (const logic::Name &call : fn.calls) {
    StringRef name = call.text;
    if (name.starts_with("TestValidator.") || name.starts_with("assert") ||
        name.starts_with("expect") || name.contains(".assert") ||
        name.contains(".expect"))
      return true;
  }
  return false;
}

struct LogicTestIntentPass : ProjectPass<LogicTestIntentPass> {
  static constexpr StringLiteral argument = "logic-test-intent";
  static constexpr StringLiteral description =
      "Checks what end-to-end tests do: the endpoint their scenario names, "
      "assertions, authentication before an actor's operations";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    TestView view(project, analyses);
    if (!view.valid())
      return;
    // Built on the first test whose scenario no history records.
    std::optional<ScenarioIndex> scenarios;
    for (const logic::Function *test : view.getTests()) {
      checkScenario(view, *test, scenarios, diags);
      if (!test->emptyBody && !hasAssertion(*test) &&
          !callsAsserting(view, *test))
        diags.report(DiagID::TestNoAssertion, test->name.range)
            << test->name.text;
      checkAuthentication(view, *test, diags);
    }
  }

private:
  /// Whether a helper \p test calls asserts (one level).
  static bool callsAsserting(const TestView &view,
                             const logic::Function &test) {
    for (const logic::Name &call : test.calls)
      if (const logic::Function *callee = view.findFunction(call.text))
        if (callee != &test && hasAssertion(*callee))
          return true;
    return false;
  }

  void checkScenario(const TestView &view, const logic::Function &test,
                     std::optional<ScenarioIndex> &scenarios,
                     DiagnosticEngine &diags) {
    const HistoryCode *scenario = nullptr;
    if (view.project.history)
      for (const HistoryCode &code : view.project.history->code)
        if (code.isTest() && code.hasEndpoint() &&
            (test.fileName == code.location ||
             test.fileName.ends_with("/" + code.location)))
          scenario = &code;
    const api::Operation *target = nullptr;
    if (scenario) {
      for (const api::Operation &op : view.doc->operations)
        if (op.method.name.equals_insensitive(scenario->method) &&
            op.path.name == scenario->path)
          target = &op;
      if (!target)
        return; // The scenario names no operation of this document.
    } else {
      // No scenario recorded for this test: its name may say it.
      if (!scenarios)
        scenarios.emplace(*view.doc);
      target = scenarios->derive(test.name.text);
    }
    if (!target || callsOperation(view, test, *target, /*depth=*/0))
      return;
    // A name read wrongly most often names an operation of the same method
    // on the same thing as the one the test calls (`permanent_deletion` for
    // DELETE /trash/{todoId}, not DELETE /todos/{todoId}).
    if (!scenario && callsNeighbour(view, test, *target))
      return;
    auto diag = diags.report(DiagID::TestScenarioNotCalled, test.name.range);
    diag << test.name.text << target->method.name << target->path.name;
    if (scenario)
      diag.note(scenario->endpoint, NoteID::ScenarioEndpointHere);
    else
      diag.note(target->path.range, NoteID::ScenarioFromTestName)
          << test.name.text;
  }

  static bool isRead(api::HTTPMethod method) {
    return method == api::HTTPMethod::Get || method == api::HTTPMethod::Patch;
  }

  /// Whether \p fn calls \p target: an SDK call of it (a call whose
  /// arguments do not decide between operations counts for each), a call of
  /// a project helper that does (a few levels), or a call of a helper that
  /// is not in the project and is named for it (AutoBe's
  /// `authorize_member_login`, `generate_random_todo_app_member_todos_create`:
  /// the name holds the words of the path's last two literal segments).
  static bool callsOperation(const TestView &view, const logic::Function &fn,
                             const api::Operation &target, unsigned depth) {
    for (const logic::SDKCall &call : fn.sdkCalls)
      if (llvm::is_contained(view.binding.getOperationCandidates(call),
                             &target))
        return true;
    for (const logic::Name &call : fn.calls) {
      const logic::Function *callee = view.findFunction(call.text);
      if (callee) {
        if (callee != &fn && depth < 3 &&
            callsOperation(view, *callee, target, depth + 1))
          return true;
      } else if (namesOperation(call.text, target)) {
        return true;
      }
    }
    return false;
  }

  /// Whether the words of \p name hold those of the last two literal
  /// segments of \p op's path.
  static bool namesOperation(StringRef name, const api::Operation &op) {
    SmallVector<StringRef, 8> segments, literals;
    StringRef(op.path.name).split(segments, '/', -1, /*KeepEmpty=*/false);
    for (StringRef segment : segments)
      if (!segment.starts_with("{") && !segment.starts_with(":"))
        literals.push_back(segment);
    if (literals.empty())
      return false;
    StringSet<> words;
    for (const std::string &word : getSingularWords(name))
      words.insert(word);
    for (StringRef literal : ArrayRef<StringRef>(literals).take_back(
             std::min<size_t>(2, literals.size())))
      for (const std::string &word : getSingularWords(literal))
        if (!words.contains(word))
          return false;
    return true;
  }

  /// Whether the name of \p test may have been read wrongly, given what it
  /// calls: it makes an SDK call that names no operation (TST001 says so;
  /// which one it meant is not known), or it calls an operation whose name
  /// holds a word of the test's name (`updatePartial` for `partial_update`),
  /// or one of \p target's kind (the same method; GET and AutoBe's PATCH
  /// search are both reads) on the same thing (the same last path parameter
  /// or last literal segment).
  static bool callsNeighbour(const TestView &view, const logic::Function &test,
                             const api::Operation &target) {
    auto lastParam = [](const api::Operation &op) {
      SmallVector<StringRef, 8> segments;
      StringRef(op.path.name).split(segments, '/', -1, /*KeepEmpty=*/false);
      for (StringRef segment : llvm::reverse(segments))
        if (segment.starts_with("{") || segment.starts_with(":"))
          return segment;
      return StringRef();
    };
    auto lastLiteral = [](const api::Operation &op) {
      SmallVector<StringRef, 8> segments;
      StringRef(op.path.name).split(segments, '/', -1, /*KeepEmpty=*/false);
      for (StringRef segment : llvm::reverse(segments))
        if (!segment.starts_with("{") && !segment.starts_with(":"))
          return segment;
      return StringRef();
    };
    StringRef rest = test.name.text;
    rest.consume_front("test_api_");
    StringSet<> words = getNameWords(rest);
    for (const logic::SDKCall &call : test.sdkCalls) {
      SmallVector<const api::Operation *, 2> candidates =
          view.binding.getOperationCandidates(call);
      if (candidates.empty())
        return true;
      for (const api::Operation *op : candidates) {
        StringRef opName = op->accessor.empty() ? op->operationId.name
                                                : op->accessor.back().name;
        if (llvm::any_of(splitWords(opName), [&](const std::string &word) {
              return words.contains(word);
            }))
          return true;
        if ((op->httpMethod == target.httpMethod ||
             (isRead(op->httpMethod) && isRead(target.httpMethod))) &&
            ((!lastParam(target).empty() &&
              lastParam(*op) == lastParam(target)) ||
             isSameName(lastLiteral(*op), lastLiteral(target))))
          return true;
      }
    }
    return false;
  }

  /// Whether calling \p callee authenticates: its name says so, or it is a
  /// helper that calls an auth operation.
  static bool authenticates(const TestView &view, StringRef callee) {
    if (isAuthName(callee))
      return true;
    if (const logic::Function *fn = view.findFunction(callee))
      for (const logic::SDKCall &call : fn->sdkCalls)
        if (const api::Operation *op = view.binding.getOperation(call))
          if (isAuthOperation(*op))
            return true;
    return false;
  }

  void checkAuthentication(const TestView &view, const logic::Function &test,
                           DiagnosticEngine &diags) {
    // The first place the test authenticates, and its first call of an
    // operation that needs an actor.
    const char *firstAuth = nullptr;
    auto noteAuth = [&](SMLoc at) {
      if (!firstAuth || at.getPointer() < firstAuth)
        firstAuth = at.getPointer();
    };
    const logic::SDKCall *firstActorCall = nullptr;
    const api::Operation *firstActorOp = nullptr;
    for (const logic::SDKCall &call : test.sdkCalls) {
      const api::Operation *op = view.binding.getOperation(call);
      if (!op)
        continue;
      if (isAuthOperation(*op)) {
        noteAuth(call.range.Start);
        continue;
      }
      if (op->actor.empty())
        continue;
      if (!firstActorCall || call.range.Start.getPointer() <
                                 firstActorCall->range.Start.getPointer()) {
        firstActorCall = &call;
        firstActorOp = op;
      }
    }
    for (const logic::Name &call : test.calls)
      if (authenticates(view, call.text))
        noteAuth(call.range.Start);
    if (!firstActorCall ||
        (firstAuth && firstAuth < firstActorCall->range.Start.getPointer()))
      return;
    // A test of the rejection itself: named for it, expecting an error.
    std::string name = test.name.text.lower();
    bool expectsError = llvm::any_of(test.calls, [](const logic::Name &call) {
      return call.text == "TestValidator.error" ||
             call.text == "TestValidator.httpError";
    });
    static constexpr StringLiteral rejectionWords[] = {
        "unauth",        "anonymous",      "without_auth", "no_auth",
        "requires_auth", "requires_admin", "forbidden",    "denied"};
    if (expectsError && llvm::any_of(rejectionWords, [&](StringRef word) {
          return StringRef(name).contains(word);
        }))
      return;
    (diags.report(DiagID::TestNoAuthentication, firstActorCall->calleeRange)
     << test.name.text << firstActorOp->method.name << firstActorOp->path.name
     << firstActorOp->actor.name)
            .note(firstActorOp->actor.range, NoteID::DeclaredHere)
        << firstActorOp->actor.name;
  }
};

//===----------------------------------------------------------------------===//
// logic-test-coverage
//===----------------------------------------------------------------------===//

struct LogicTestCoveragePass : ProjectPass<LogicTestCoveragePass> {
  static constexpr StringLiteral argument = "logic-test-coverage";
  static constexpr StringLiteral description =
      "Reports the operations that no end-to-end test calls";

  void run(const Project &project, AnalysisManager &analyses,
           DiagnosticEngine &diags) {
    TestView view(project, analyses);
    if (!view.valid() || view.getTests().empty())
      return;
    DenseSet<const api::Operation *> called;
    for (const std::unique_ptr<logic::Function> &fn : view.module->functions)
      if (fn->kind == logic::FunctionKind::Test ||
          fn->kind == logic::FunctionKind::TestHelper)
        for (const logic::SDKCall &call : fn->sdkCalls)
          for (const api::Operation *op :
               view.binding.getOperationCandidates(call))
            called.insert(op);
    for (const api::Operation &op : view.doc->operations)
      if (!called.contains(&op))
        diags.report(DiagID::TestOperationUntested, op.path.range)
            << op.method.name << op.path.name;
  }
};

} // namespace

std::unique_ptr<Pass> abv::createLogicTestCallsPass() {
  return std::make_unique<LogicTestCallsPass>();
}
std::unique_ptr<Pass> abv::createLogicTestIntentPass() {
  return std::make_unique<LogicTestIntentPass>();
}
std::unique_ptr<Pass> abv::createLogicTestCoveragePass() {
  return std::make_unique<LogicTestCoveragePass>();
}
