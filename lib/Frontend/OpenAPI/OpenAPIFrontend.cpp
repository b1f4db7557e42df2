//===- OpenAPIFrontend.cpp - OpenAPI 3.x document frontend ----------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads an OpenAPI 3.0 / 3.1 / 3.2 JSON document and lowers it into the API
/// IR:
///
///   openapi                      -> Document::version (OA001-OA003)
///   paths.<path>.<method>        -> Operation (method lower case; 3.2
///                                   `query` and `additionalOperations`)
///     parameters (path + op)     -> Parameter (operation-level ones replace
///                                   path-level ones with the same name/in)
///     requestBody.content        -> Operation::requestBody
///     responses.<status>         -> Response
///     security (or the root's)   -> Operation::security
///   components.schemas.<name>    -> NamedType
///   a schema                     -> Type
///
/// `$ref`s:
/// - `#/components/schemas/<name>` becomes a Ref type naming <name> (the
///   JSON-pointer escapes `~0`, `~1` and percent-encoding are decoded). A
///   Ref to a schema that does not exist is left for the API passes.
/// - Any other reference into the document (a parameter, request body,
///   response, path item, or a schema at another pointer) is resolved and
///   lowered in place. Chains are followed with a visited set: a cycle is
///   OA009 at the `$ref` that closes it, with a note at the other one.
/// - A pointer that names nothing is OA007; a reference to another file or
///   URL is OA008 (a warning: it is valid OpenAPI, but not verifiable here).
/// - Schemas inlined through pointers are bounded twice: in depth (IN007
///   past maxSchemaDepth) and in total nodes (OA011), so neither a long
///   chain nor one that doubles at every step can exhaust stack or memory.
///
/// A value of the wrong JSON type is AB001 (the message names its path,
/// `paths["/users"].get.parameters[0]`), a missing required key AB002, an
/// unknown schema type OA006 (rows the AutoBe readers share: OA004 and OA005
/// were merged into AB001 and AB002); the node is skipped and the rest is
/// lowered.
/// A parameter location OpenAPI 3 does not have (Swagger 2.0's `body`,
/// `formData`) is OA010, and the parameter is kept as written.
///
/// Bodies: of a `content` map, the first JSON media type (`application/json`
/// with parameters, or `*+json`) is read, else the first one (Stripe's
/// request bodies are form-encoded); its name is Response::contentType.
///
/// Locations: an Ident's range is the JSON value it was read from, except
/// for names spelled as keys (paths, methods, statuses, property and type
/// names, security requirement names), whose range is the key. A Type's
/// range is the schema object, a Property's its whole member. A Parameter
/// reached through `$ref` has the range of the `$ref` object at its use, and
/// its name and type where the component defines them.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/OpenAPI/OpenAPIFrontend.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

using namespace abv;
using namespace abv::api;
using llvm::SMRange;
using llvm::StringRef;

namespace {

/// The deepest nesting of schemas (counting ones inlined through `$ref`)
/// that is lowered; the JSON depth limit keeps real documents far below.
constexpr unsigned maxSchemaDepth = 1024;

/// The HTTP methods that are keys of a path item.
constexpr StringRef pathItemMethods[] = {"get",    "put",     "post",
                                         "delete", "options", "head",
                                         "patch",  "trace",   "query"};

/// The values of a parameter's `in` (`querystring` is OpenAPI 3.2).
constexpr StringRef parameterLocations[] = {"path", "query", "header", "cookie",
                                            "querystring"};

/// One step of the path of the node being read, for messages.
struct Segment {
  enum Kind : unsigned char { Key, Index, Pointer } kind;
  StringRef key; ///< Key, or the `$ref` text of a Pointer.
  size_t index = 0;
};

/// Splits a local reference (`#/a/b~1c`, `#/a%20b`) into its decoded
/// reference tokens. Returns false when it is not a well-formed pointer.
bool decodePointer(StringRef ref, llvm::SmallVectorImpl<std::string> &tokens) {
  if (!ref.consume_front("#"))
    return false;
  std::string decoded;
  decoded.reserve(ref.size());
  for (size_t i = 0; i < ref.size(); ++i) {
    char c = ref[i];
    if (c != '%') {
      decoded.push_back(c);
      continue;
    }
    if (i + 2 >= ref.size())
      return false;
    unsigned hi = llvm::hexDigitValue(ref[i + 1]);
    unsigned lo = llvm::hexDigitValue(ref[i + 2]);
    if (hi == ~0U || lo == ~0U)
      return false;
    decoded.push_back(char(hi * 16 + lo));
    i += 2;
  }
  StringRef rest(decoded);
  if (rest.empty())
    return true;
  if (!rest.consume_front("/"))
    return false;
  llvm::SmallVector<StringRef, 4> raw;
  rest.split(raw, '/');
  for (StringRef token : raw) {
    std::string out;
    for (size_t i = 0; i < token.size(); ++i) {
      if (token[i] != '~') {
        out.push_back(token[i]);
        continue;
      }
      if (i + 1 >= token.size() || (token[i + 1] != '0' && token[i + 1] != '1'))
        return false;
      out.push_back(token[i + 1] == '0' ? '~' : '/');
      ++i;
    }
    tokens.push_back(std::move(out));
  }
  return true;
}

/// Whether \p key can follow a dot in a path (`a.b`), else it is quoted
/// (`a["/users"]`).
bool isPlainKey(StringRef key) {
  if (key.empty() || llvm::isDigit(key[0]))
    return false;
  return llvm::all_of(
      key, [](char c) { return llvm::isAlnum(c) || c == '_' || c == '$'; });
}

void appendKey(std::string &out, StringRef key) {
  if (isPlainKey(key)) {
    if (!out.empty())
      out += '.';
    out += key.str();
    return;
  }
  out += "[\"";
  out += key.str();
  out += "\"]";
}

/// Reads one OpenAPI document; one instance per document.
class OpenAPIReader {
public:
  OpenAPIReader(const json::Document &json, StringRef buffer,
                DiagnosticEngine &diags)
      : json(json), buffer(buffer), diags(diags) {}

  std::unique_ptr<Document> read(unsigned bufferID);

private:
  //===--------------------------------------------------------------------===//
  // Paths for messages
  //===--------------------------------------------------------------------===//

  /// Pushes a path segment for the lifetime of the scope.
  class Scope {
  public:
    Scope(OpenAPIReader &reader, Segment segment) : reader(reader) {
      reader.path.push_back(segment);
    }
    ~Scope() { reader.path.pop_back(); }
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

  private:
    OpenAPIReader &reader;
  };
  Scope key(StringRef name) { return Scope(*this, {Segment::Key, name, 0}); }
  Scope index(size_t i) { return Scope(*this, {Segment::Index, {}, i}); }
  Scope pointer(StringRef ref) {
    return Scope(*this, {Segment::Pointer, ref, 0});
  }

  /// The path of the current node: `paths["/users"].get.responses["200"]`;
  /// after a followed `$ref`, the path from the referenced node on.
  std::string renderPath() const;
  /// Reports OA013 at \p range when \p name is empty, saying what it names;
  /// true when it is not empty.
  bool expectName(StringRef name, SMRange range, StringRef what,
                  StringRef rule = "a name is not empty") {
    if (!name.empty())
      return true;
    diags.report(DiagID::OpenAPIInvalidName, range) << what << name << rule;
    return false;
  }

  //===--------------------------------------------------------------------===//
  // Checks
  //===--------------------------------------------------------------------===//

  /// Reports AB001 for \p value, which should be \p expected.
  void wrongType(const json::Value &value, StringRef expected) {
    diags.report(DiagID::JSONWrongType, value.getRange())
        << renderPath() << expected << json::getKindName(value.getKind());
  }
  /// The member \p name of \p object if it is an object (else AB001 and
  /// null); null when absent.
  /// Member \p name of \p object when it has kind \p kind; reports a
  /// wrong type (expected \p expected) and returns null otherwise.
  const json::Value *getMember(const json::Value &object, StringRef name,
                               json::Kind kind, StringRef expected);
  const json::Value *getObject(const json::Value &object, StringRef name);
  const json::Value *getArray(const json::Value &object, StringRef name);
  const json::Value *getString(const json::Value &object, StringRef name);
  /// A JSON value of kind \p kind, else AB001 and false.
  bool expectObject(const json::Value &value) {
    if (value.isObject())
      return true;
    wrongType(value, "an object");
    return false;
  }

  /// Keeps \p text alive as long as the document.
  StringRef keep(StringRef text) {
    if (text.empty())
      return StringRef();
    if (text.begin() >= buffer.begin() && text.end() <= buffer.end())
      return text;
    return doc->save(text);
  }
  Ident identOf(const json::Value &value) {
    return Ident{keep(value.getString()), value.getRange()};
  }
  Ident identOfKey(const json::Member &member) {
    return Ident{keep(member.getKey()), member.getKeyRange()};
  }

  //===--------------------------------------------------------------------===//
  // References
  //===--------------------------------------------------------------------===//

  /// Follows the `$ref` chain starting at \p value (a component that is not
  /// a schema) and returns the referenced object, or \p value itself when
  /// it is no reference. Returns null after reporting OA007 / OA008 /
  /// OA009.
  const json::Value *follow(const json::Value &value);
  /// Resolves \p use, an object or a `$ref` to one, like follow(); when it
  /// was a reference, opens \p target at the referenced place so that
  /// messages about the target say where it is. Null when there is no
  /// object to read (after reporting why).
  const json::Value *followObject(const json::Value &use,
                                  std::optional<Scope> &target);
  /// Resolves one local `$ref` string value; null after OA007 / OA008.
  const json::Value *resolveRef(const json::Value &refValue);

  //===--------------------------------------------------------------------===//
  // Lowering
  //===--------------------------------------------------------------------===//

  void readPaths(const json::Value &paths);
  void readPathItem(const json::Member &pathMember,
                    std::vector<Operation> &out);
  void readCallbacks(const json::Value &callbacks);
  /// How many callbacks readCallbacks is inside.
  unsigned callbackDepth = 0;
  void readOperation(const json::Member &methodMember, StringRef method,
                     const Ident &pathName,
                     llvm::ArrayRef<Parameter> pathParameters,
                     std::vector<Operation> &out, bool pathParametersUnread);
  /// Reads a `parameters` list into \p out; sets \p unread when one of
  /// them is in a file that is not read.
  void readParameters(const json::Value *list, std::vector<Parameter> &out,
                      bool &unread);
  void readRequestBody(Operation &op, const json::Value &body);
  void readResponses(Operation &op, const json::Value &responses);
  void readSecurity(const json::Value &list, std::vector<Ident> &out);
  /// The JSON media type of a `content` map (or else the first one) and its
  /// schema lowered; the content type is returned in \p contentType.
  Type *readContent(const json::Value &content, StringRef &contentType);
  void readComponents(const json::Value &components);

  /// Lowers a schema (an object, or a boolean in 3.1).
  Type *readSchema(const json::Value &value);
  void readSchemaKeywords(Type &type, const json::Value &schema);
  void readTypeKeyword(Type &type, const json::Value &value);
  void readProperties(Type &type, const json::Value &schema);
  void readVariants(Type &type, const json::Value &list);
  std::optional<uint64_t> readCount(const json::Value &schema, StringRef name);
  std::optional<double> readBound(const json::Value &schema, StringRef name,
                                  SMRange &range);
  /// After lowering: named types that are pure aliases in a cycle (OA009).
  void checkAliasCycles();

  const json::Document &json;
  StringRef buffer;
  DiagnosticEngine &diags;
  std::unique_ptr<Document> doc;
  std::vector<Segment> path;
  /// The root-level security requirements, inherited by operations.
  std::vector<Ident> rootSecurity;
  bool hasRootSecurity = false;
  /// Schemas being lowered through a `$ref` that is not a named type, with
  /// the `$ref` value that started each, to stop recursive inlining.
  llvm::SmallVector<std::pair<const json::Value *, const json::Value *>, 8>
      inlining;
  /// Set when a `$ref` to another file was met (and not followed); callers
  /// clear it before following a use, to tell "not read" from "broken".
  bool lastRefWasExternal = false;
  /// Where the `$ref` chain from each object reached through a `$ref` ends
  /// (null: it does not, and why was reported).
  llvm::DenseMap<const json::Value *, const json::Value *> followed;
  /// The `$ref` values cycles were reported at, so each is reported once.
  llvm::SmallPtrSet<const void *, 8> reportedCycles;
  unsigned schemaDepth = 0;
  bool reportedTooDeep = false;
  /// Type nodes created so far, and the most that inlining may reach.
  size_t typesCreated = 0;
  size_t typeBudget = 0;
  bool reportedBudget = false;
};

} // namespace

//===----------------------------------------------------------------------===//
// Paths and checks
//===----------------------------------------------------------------------===//

std::string OpenAPIReader::renderPath() const {
  size_t first = 0;
  for (size_t i = path.size(); i-- > 0;)
    if (path[i].kind == Segment::Pointer) {
      first = i;
      break;
    }
  std::string out;
  for (size_t i = first; i < path.size(); ++i) {
    const Segment &segment = path[i];
    switch (segment.kind) {
    case Segment::Key:
      appendKey(out, segment.key);
      break;
    case Segment::Index:
      out += "[" + std::to_string(segment.index) + "]";
      break;
    case Segment::Pointer: {
      llvm::SmallVector<std::string, 4> tokens;
      if (!decodePointer(segment.key, tokens)) {
        out = segment.key.str();
        break;
      }
      for (const std::string &token : tokens)
        appendKey(out, token);
      break;
    }
    }
  }
  return out.empty() ? "$" : out;
}

const json::Value *OpenAPIReader::getMember(const json::Value &object,
                                            StringRef name, json::Kind kind,
                                            StringRef expected) {
  const json::Value *value = json.lookup(object, name);
  if (!value)
    return nullptr;
  if (value->getKind() == kind)
    return value;
  Scope scope = key(name);
  wrongType(*value, expected);
  return nullptr;
}

const json::Value *OpenAPIReader::getObject(const json::Value &object,
                                            StringRef name) {
  return getMember(object, name, json::Kind::Object, "an object");
}

const json::Value *OpenAPIReader::getArray(const json::Value &object,
                                           StringRef name) {
  return getMember(object, name, json::Kind::Array, "an array");
}

const json::Value *OpenAPIReader::getString(const json::Value &object,
                                            StringRef name) {
  return getMember(object, name, json::Kind::String, "a string");
}

//===----------------------------------------------------------------------===//
// References
//===----------------------------------------------------------------------===//

const json::Value *OpenAPIReader::resolveRef(const json::Value &refValue) {
  StringRef ref = refValue.getString();
  if (!ref.starts_with("#/") && ref != "#") {
    diags.report(DiagID::OpenAPIRefExternal, refValue.getRange()) << ref;
    doc->hasUnreadReferences = true;
    lastRefWasExternal = true;
    return nullptr;
  }
  const json::Value *target = json.resolvePointer(ref);
  if (!target)
    diags.report(DiagID::OpenAPIRefUnresolved, refValue.getRange()) << ref;
  return target;
}

const json::Value *OpenAPIReader::followObject(const json::Value &use,
                                               std::optional<Scope> &target) {
  if (!expectObject(use))
    return nullptr;
  const json::Value *value = follow(use);
  if (!value || !expectObject(*value))
    return nullptr;
  if (value != &use)
    target.emplace(*this, Segment{Segment::Pointer,
                                  json.lookup(use, "$ref")->getString(), 0});
  return value;
}

const json::Value *OpenAPIReader::follow(const json::Value &value) {
  // The `$ref` values followed so far, in order, with the targets reached.
  llvm::SmallVector<std::pair<const json::Value *, const json::Value *>, 4>
      refs;
  // Every target reached ends where this chain ends: remember it, so that
  // a chain shared by many uses (a parameter `$ref`ed by every operation)
  // is walked once, not once per use.
  auto finish = [&](const json::Value *result) {
    for (const auto &step : refs)
      followed[step.second] = result;
    return result;
  };
  const json::Value *current = &value;
  llvm::SmallPtrSet<const json::Value *, 4> visited;
  visited.insert(current);
  while (current->isObject()) {
    const json::Value *refValue = json.lookup(*current, "$ref");
    if (!refValue)
      return finish(current);
    if (!refValue->isString()) {
      Scope scope = key("$ref");
      wrongType(*refValue, "a string");
      return finish(nullptr);
    }
    const json::Value *target = resolveRef(*refValue);
    if (!target)
      return finish(nullptr);
    if (auto known = followed.find(target); known != followed.end()) {
      refs.emplace_back(refValue, target);
      return finish(known->second);
    }
    if (!visited.insert(target).second) {
      // The cycle starts at the `$ref` whose object is `target`.
      const json::Value *first = json.lookup(*target, "$ref");
      bool isNew = reportedCycles.insert(refValue).second;
      if (first)
        reportedCycles.insert(first);
      if (isNew) {
        // Spell the cycle from the reference that first reached `target`.
        auto *entry = llvm::find_if(
            refs, [&](const auto &step) { return step.second == target; });
        if (entry == refs.end()) // The chain started inside the cycle.
          entry = refs.begin();
        std::string chain;
        for (; entry != refs.end(); ++entry)
          chain += "'" + entry->first->getString().str() + "' -> ";
        chain += "'" + refValue->getString().str() + "'";
        InFlightDiagnostic diag =
            diags.report(DiagID::OpenAPIRefCycle, refValue->getRange());
        diag << chain;
        if (first && first != refValue)
          diag.note(first->getRange(), NoteID::RefCycleContinues);
      }
      return finish(nullptr);
    }
    refs.emplace_back(refValue, target);
    current = target;
  }
  return finish(current);
}

//===----------------------------------------------------------------------===//
// Paths and operations
//===----------------------------------------------------------------------===//

void OpenAPIReader::readPaths(const json::Value &paths) {
  for (const json::Member &member : paths.getMembers()) {
    if (member.getKey().starts_with("x-"))
      continue;
    if (!member.getKey().starts_with("/")) {
      diags.report(DiagID::OpenAPIInvalidName, member.getKeyRange())
          << "path" << member.getKey() << "a path begins with '/'";
      continue;
    }
    Scope scope = key(member.getKey());
    readPathItem(member, doc->operations);
  }
}

void OpenAPIReader::readPathItem(const json::Member &pathMember,
                                 std::vector<Operation> &out) {
  const json::Value &use = pathMember.getValue();
  std::optional<Scope> target;
  const json::Value *item = followObject(use, target);
  if (!item)
    return;
  Ident pathName = identOfKey(pathMember);

  std::vector<Parameter> pathParameters;
  bool unreadParameters = false;
  if (const json::Value *list = getArray(*item, "parameters")) {
    Scope scope = key("parameters");
    readParameters(list, pathParameters, unreadParameters);
  }
  for (const json::Member &member : item->getMembers()) {
    StringRef name = member.getKey();
    if (!llvm::is_contained(pathItemMethods, name))
      continue;
    Scope scope = key(name);
    readOperation(member, name, pathName, pathParameters, out,
                  unreadParameters);
  }
  // OpenAPI 3.2: methods without a fixed field, e.g. `LINK`.
  if (const json::Value *more = getObject(*item, "additionalOperations")) {
    Scope scope = key("additionalOperations");
    for (const json::Member &member : more->getMembers()) {
      Scope inner = key(member.getKey());
      readOperation(member, doc->save(member.getKey().lower()), pathName,
                    pathParameters, out, unreadParameters);
    }
  }
}

void OpenAPIReader::readOperation(const json::Member &methodMember,
                                  StringRef method, const Ident &pathName,
                                  llvm::ArrayRef<Parameter> pathParameters,
                                  std::vector<Operation> &out,
                                  bool pathParametersUnread) {
  const json::Value &value = methodMember.getValue();
  if (!expectObject(value))
    return;
  Operation op;
  op.method = Ident{method, methodMember.getKeyRange()};
  op.path = pathName;
  op.range = value.getRange();
  if (const json::Value *id = getString(value, "operationId"))
    op.operationId = identOf(*id);
  if (const json::Value *summary = getString(value, "summary"))
    op.summary = keep(summary->getString());
  if (const json::Value *description = getString(value, "description"))
    op.description = keep(description->getString());

  // Operation-level parameters replace path-level ones with the same name
  // and location.
  op.parameters.assign(pathParameters.begin(), pathParameters.end());
  op.hasUnreadParameters = pathParametersUnread;
  std::vector<Parameter> own;
  if (const json::Value *list = getArray(value, "parameters")) {
    Scope scope = key("parameters");
    readParameters(list, own, op.hasUnreadParameters);
  }
  for (Parameter &parameter : own) {
    auto same = llvm::find_if(op.parameters, [&](const Parameter &p) {
      return p.name.name == parameter.name.name && p.in == parameter.in;
    });
    if (same != op.parameters.end())
      *same = parameter;
    else
      op.parameters.push_back(parameter);
  }

  if (const json::Value *body = json.lookup(value, "requestBody")) {
    Scope scope = key("requestBody");
    readRequestBody(op, *body);
  }
  if (const json::Value *responses = getObject(value, "responses")) {
    Scope scope = key("responses");
    readResponses(op, *responses);
  }
  if (const json::Value *security = getArray(value, "security")) {
    Scope scope = key("security");
    readSecurity(*security, op.security);
  } else if (hasRootSecurity) {
    op.security = rootSecurity;
  }
  if (const json::Value *callbacks = getObject(value, "callbacks")) {
    Scope scope = key("callbacks");
    readCallbacks(*callbacks);
  }
  out.push_back(std::move(op));
}

void OpenAPIReader::readCallbacks(const json::Value &callbacks) {
  // Callbacks of callbacks nest as deep as their $refs lead: a few levels
  // mean something, a loop of references means nothing.
  constexpr unsigned maxCallbackDepth = 4;
  if (callbackDepth == maxCallbackDepth)
    return;
  ++callbackDepth;
  auto restore = llvm::make_scope_exit([&] { --callbackDepth; });
  // `{name: {expression: PathItem}}`; a callback may be a $ref.
  for (const json::Member &callback : callbacks.getMembers()) {
    Scope scope = key(callback.getKey());
    std::optional<Scope> target;
    const json::Value *expressions = followObject(callback.getValue(), target);
    if (!expressions)
      continue;
    for (const json::Member &expression : expressions->getMembers()) {
      if (expression.getKey().starts_with("x-"))
        continue;
      Scope inner = key(expression.getKey());
      readPathItem(expression, doc->callbacks);
    }
  }
}

void OpenAPIReader::readParameters(const json::Value *list,
                                   std::vector<Parameter> &out, bool &unread) {
  if (!list)
    return;
  llvm::ArrayRef<json::Value> elements = list->getElements();
  for (size_t i = 0; i < elements.size(); ++i) {
    Scope scope = index(i);
    const json::Value &use = elements[i];
    std::optional<Scope> target;
    lastRefWasExternal = false;
    const json::Value *value = followObject(use, target);
    if (!value) {
      unread |= lastRefWasExternal;
      continue;
    }
    const json::Value *name = getString(*value, "name");
    const json::Value *in = getString(*value, "in");
    bool missing = false;
    for (auto [present, keyName] :
         {std::pair{name, StringRef("name")}, std::pair{in, StringRef("in")}})
      if (!present && !json.lookup(*value, keyName)) {
        diags.report(DiagID::JSONMissingKey,
                     SMRange(value->getLoc(), value->getLoc()))
            << "'" + renderPath() + "'" << keyName;
        missing = true;
      }
    if (missing || !name || !in)
      continue;
    if (!expectName(name->getString(), name->getRange(), "parameter name"))
      continue;
    StringRef location = in->getString();
    if (!llvm::is_contained(parameterLocations, location)) {
      // Swagger 2.0 put bodies and forms among the parameters.
      bool isBody = location == "body" || location == "formData";
      diags.report(DiagID::OpenAPIParameterLocation, in->getRange())
          << name->getString() << "'" + location.str() + "'"
          << (isBody ? "; in OpenAPI 3 a body is the operation's requestBody"
                     : "");
    }
    Parameter parameter;
    parameter.name = identOf(*name);
    parameter.in = keep(location);
    parameter.range = use.getRange();
    if (const json::Value *required = json.lookup(*value, "required"))
      parameter.isRequired = required->getAsBoolean().value_or(false);
    if (const json::Value *schema = json.lookup(*value, "schema")) {
      Scope inner = key("schema");
      parameter.type = readSchema(*schema);
    } else if (const json::Value *content = getObject(*value, "content")) {
      Scope inner = key("content");
      StringRef contentType;
      parameter.type = readContent(*content, contentType);
    }
    out.push_back(parameter);
  }
}

Type *OpenAPIReader::readContent(const json::Value &content,
                                 StringRef &contentType) {
  const json::Member *chosen = nullptr;
  auto isJSON = [](StringRef mediaType) {
    StringRef base = mediaType.split(';').first.trim();
    return base.equals_insensitive("application/json") ||
           base.ends_with_insensitive("+json");
  };
  for (const json::Member &member : content.getMembers())
    if (isJSON(member.getKey())) {
      chosen = &member;
      break;
    }
  if (!chosen && content.size() != 0)
    chosen = &content.getMembers().front();
  if (!chosen)
    return nullptr;
  contentType = keep(chosen->getKey());
  Scope scope = key(chosen->getKey());
  const json::Value &media = chosen->getValue();
  if (!expectObject(media))
    return nullptr;
  const json::Value *schema = json.lookup(media, "schema");
  if (!schema)
    return nullptr;
  Scope inner = key("schema");
  return readSchema(*schema);
}

/// A type for what a `$ref` to another file holds: anything (it is not
/// read, so nothing about it is judged).
static Type *makeUnreadType(Document &doc, const json::Value &use) {
  Type *type = doc.createType();
  type->range = use.getRange();
  return type;
}

void OpenAPIReader::readRequestBody(Operation &op, const json::Value &use) {
  std::optional<Scope> target;
  lastRefWasExternal = false;
  const json::Value *body = followObject(use, target);
  if (!body && lastRefWasExternal) {
    // A body in another file: there is one, of unknown content.
    op.requestBodyRange = use.getRange();
    op.requestBody = makeUnreadType(*doc, use);
    return;
  }
  if (!body)
    return;
  op.requestBodyRange = use.getRange();
  if (const json::Value *content = getObject(*body, "content")) {
    Scope scope = key("content");
    StringRef contentType;
    op.requestBody = readContent(*content, contentType);
  }
}

void OpenAPIReader::readResponses(Operation &op, const json::Value &responses) {
  for (const json::Member &member : responses.getMembers()) {
    if (member.getKey().starts_with("x-"))
      continue;
    Scope scope = key(member.getKey());
    const json::Value &use = member.getValue();
    std::optional<Scope> target;
    lastRefWasExternal = false;
    const json::Value *value = followObject(use, target);
    // A response in another file exists, with a body of unknown type.
    bool unread = !value && lastRefWasExternal;
    if (!value && !unread)
      continue;
    if (!expectName(member.getKey(), member.getKeyRange(), "response status",
                    "a status is not empty"))
      continue;
    Response response;
    response.status = identOfKey(member);
    response.range = member.getRange();
    if (unread)
      response.type = makeUnreadType(*doc, use);
    else if (const json::Value *content = getObject(*value, "content")) {
      Scope inner = key("content");
      response.type = readContent(*content, response.contentType);
    }
    op.responses.push_back(response);
  }
}

void OpenAPIReader::readSecurity(const json::Value &list,
                                 std::vector<Ident> &out) {
  llvm::ArrayRef<json::Value> elements = list.getElements();
  for (size_t i = 0; i < elements.size(); ++i) {
    Scope scope = index(i);
    if (!expectObject(elements[i]))
      continue;
    for (const json::Member &member : elements[i].getMembers())
      out.push_back(identOfKey(member));
  }
}

//===----------------------------------------------------------------------===//
// Components and schemas
//===----------------------------------------------------------------------===//

void OpenAPIReader::readComponents(const json::Value &components) {
  const json::Value *schemas = getObject(components, "schemas");
  if (!schemas)
    return;
  Scope scope = key("schemas");
  for (const json::Member &member : schemas->getMembers()) {
    Scope inner = key(member.getKey());
    if (!expectName(member.getKey(), member.getKeyRange(), "schema name"))
      continue;
    NamedType named;
    named.name = identOfKey(member);
    named.range = member.getRange();
    named.type = readSchema(member.getValue());
    if (!named.type)
      continue;
    doc->types.push_back(named);
  }
}

Type *OpenAPIReader::readSchema(const json::Value &value) {
  if (value.isBoolean()) {
    // OpenAPI 3.1 (JSON Schema 2020-12): `true` accepts anything, `false`
    // nothing; neither constrains a shape the IR models.
    Type *type = doc->createType();
    type->range = value.getRange();
    return type;
  }
  if (!expectObject(value))
    return nullptr;
  if (schemaDepth >= maxSchemaDepth) {
    if (!reportedTooDeep)
      diags.report(DiagID::InputTooDeep, value.getLoc()) << maxSchemaDepth;
    reportedTooDeep = true;
    return nullptr;
  }
  struct DepthGuard {
    unsigned &depth;
    explicit DepthGuard(unsigned &depth) : depth(depth) { ++depth; }
    ~DepthGuard() { --depth; }
  } guard(schemaDepth);

  Type *type = doc->createType();
  type->range = value.getRange();
  ++typesCreated;

  if (const json::Value *refValue = json.lookup(value, "$ref")) {
    Scope scope = key("$ref");
    if (!refValue->isString()) {
      wrongType(*refValue, "a string");
      return type;
    }
    StringRef ref = refValue->getString();
    llvm::SmallVector<std::string, 4> tokens;
    if (ref.starts_with("#/") && decodePointer(ref, tokens) &&
        tokens.size() == 3 && tokens[0] == "components" &&
        tokens[1] == "schemas" && !tokens[2].empty()) {
      // A named type: kept as a reference, so recursive types stay finite.
      type->kind = TypeKind::Ref;
      type->ref = Ident{doc->save(tokens[2]), refValue->getRange()};
      type->refText = keep(ref);
    } else if (const json::Value *target = resolveRef(*refValue)) {
      // Any other schema is lowered in place, unless it is being lowered
      // already (a schema that contains a reference to itself).
      auto *active = llvm::find_if(
          inlining, [&](const auto &entry) { return entry.first == target; });
      if (active != inlining.end()) {
        if (reportedCycles.insert(refValue).second) {
          InFlightDiagnostic diag =
              diags.report(DiagID::OpenAPIRefCycle, refValue->getRange());
          diag << "'" + ref.str() +
                      "' is inside the schema it refers to; only "
                      "#/components/schemas/<name> references may recurse";
          if (active->second != refValue)
            diag.note(active->second->getRange(), NoteID::RefCycleContinues);
        }
        return type;
      }
      // Every inlined copy is new nodes: a chain of schemas that each use
      // the next twice would grow exponentially. Stop at a budget well
      // above what any document needs.
      if (typesCreated >= typeBudget) {
        if (!reportedBudget)
          diags.report(DiagID::OpenAPIRefExpansion, refValue->getRange())
              << ref << typeBudget;
        reportedBudget = true;
        return type;
      }
      inlining.emplace_back(target, refValue);
      Scope at = pointer(ref);
      Type *inlined = readSchema(*target);
      inlining.pop_back();
      if (inlined)
        type = inlined;
    }
    // OpenAPI 3.1 allows keywords beside `$ref`; a Ref keeps the ones that
    // annotate it.
    if (type->kind == TypeKind::Ref) {
      if (const json::Value *nullable = json.lookup(value, "nullable"))
        type->isNullable |= nullable->getAsBoolean().value_or(false);
      if (const json::Value *description = json.lookup(value, "description"))
        type->description = keep(description->getString());
    }
    return type;
  }

  readSchemaKeywords(*type, value);
  return type;
}

void OpenAPIReader::readTypeKeyword(Type &type, const json::Value &value) {
  auto kindOf = [&](const json::Value &name) -> std::optional<TypeKind> {
    std::optional<TypeKind> kind =
        llvm::StringSwitch<std::optional<TypeKind>>(name.getString())
            .Case("object", TypeKind::Object)
            .Case("array", TypeKind::Array)
            .Case("string", TypeKind::String)
            .Case("integer", TypeKind::Integer)
            .Case("number", TypeKind::Number)
            .Case("boolean", TypeKind::Boolean)
            .Case("null", TypeKind::Null)
            .Default(std::nullopt);
    if (!kind)
      diags.report(DiagID::OpenAPIUnknownType, name.getRange())
          << name.getString()
          << "'object', 'array', 'string', 'integer', 'number', 'boolean', "
             "'null'";
    return kind;
  };
  Scope scope = key("type");
  if (value.isString()) {
    if (std::optional<TypeKind> kind = kindOf(value))
      type.kind = *kind;
    return;
  }
  if (!value.isArray()) {
    wrongType(value, "a string or an array");
    return;
  }
  // OpenAPI 3.1: `type: ["string", "null"]`.
  llvm::SmallVector<TypeKind, 2> kinds;
  llvm::ArrayRef<json::Value> elements = value.getElements();
  for (size_t i = 0; i < elements.size(); ++i) {
    Scope inner = index(i);
    if (!elements[i].isString()) {
      wrongType(elements[i], "a string");
      continue;
    }
    std::optional<TypeKind> kind = kindOf(elements[i]);
    if (!kind)
      continue;
    if (*kind == TypeKind::Null)
      type.isNullable = true;
    else
      kinds.push_back(*kind);
  }
  if (kinds.size() == 1) {
    type.kind = kinds.front();
  } else if (kinds.size() > 1) {
    type.kind = TypeKind::AnyOf;
    for (TypeKind kind : kinds) {
      Type *variant = doc->createType();
      variant->kind = kind;
      variant->range = type.range;
      type.variants.push_back(variant);
    }
  } else if (type.isNullable) {
    type.kind = TypeKind::Null;
  }
}

std::optional<uint64_t> OpenAPIReader::readCount(const json::Value &schema,
                                                 StringRef name) {
  const json::Value *value = json.lookup(schema, name);
  if (!value)
    return std::nullopt;
  std::optional<double> number = value->getAsNumber();
  // Checked as a double: converting one past 2^64 to an integer is
  // undefined behaviour. A count that large (`maxLength: 1e40`) is no
  // bound at all and saturates.
  if (!number || !(*number >= 0) || *number != std::floor(*number)) {
    Scope scope = key(name);
    // A number shows its value ("not -1"), as in the AutoBe reader.
    if (number)
      diags.report(DiagID::JSONWrongType, value->getRange())
          << renderPath() << "a non-negative integer" << value->getSourceText();
    else
      wrongType(*value, "a non-negative integer");
    return std::nullopt;
  }
  if (*number >= 18446744073709551616.0) // 2^64
    return std::numeric_limits<uint64_t>::max();
  return uint64_t(*number);
}

std::optional<double> OpenAPIReader::readBound(const json::Value &schema,
                                               StringRef name, SMRange &range) {
  const json::Value *value = json.lookup(schema, name);
  if (!value)
    return std::nullopt;
  std::optional<double> number = value->getAsNumber();
  if (!number) {
    Scope scope = key(name);
    wrongType(*value, "a number");
    return std::nullopt;
  }
  range = value->getRange();
  return number;
}

void OpenAPIReader::readVariants(Type &type, const json::Value &list) {
  llvm::ArrayRef<json::Value> elements = list.getElements();
  for (size_t i = 0; i < elements.size(); ++i) {
    Scope scope = index(i);
    Type *variant = readSchema(elements[i]);
    if (!variant)
      continue;
    if (variant->kind == TypeKind::Null && type.kind == TypeKind::OneOf)
      type.isNullable = true;
    if (variant->kind == TypeKind::Null && type.kind == TypeKind::AnyOf)
      type.isNullable = true;
    type.variants.push_back(variant);
  }
}

void OpenAPIReader::readProperties(Type &type, const json::Value &schema) {
  if (const json::Value *additional =
          json.lookup(schema, "additionalProperties"))
    type.isClosed = additional->getAsBoolean() == std::optional<bool>(false);
  if (const json::Value *properties = getObject(schema, "properties")) {
    Scope scope = key("properties");
    for (const json::Member &member : properties->getMembers()) {
      Scope inner = key(member.getKey());
      // JSON Schema allows a property named "" (any JSON key): a warning,
      // and the property is left out of the IR, which names every node.
      if (member.getKey().empty()) {
        diags.report(DiagID::OpenAPIEmptyPropertyName, member.getKeyRange());
        continue;
      }
      Type *propertyType = readSchema(member.getValue());
      if (!propertyType)
        continue;
      Property property;
      property.name = identOfKey(member);
      property.type = propertyType;
      property.range = member.getRange();
      if (member.getValue().isObject())
        if (const json::Value *column = json.lookup(
                member.getValue(), "x-autobe-database-schema-property"))
          if (column->isString())
            property.dbColumn = identOf(*column);
      type.properties.push_back(property);
    }
  }
  if (const json::Value *required = getArray(schema, "required")) {
    Scope scope = key("required");
    // The properties by name (a name given twice names both), so that a
    // long `required` list costs one lookup per entry.
    llvm::StringMap<llvm::SmallVector<unsigned, 1>> byName;
    for (unsigned i = 0, e = type.properties.size(); i != e; ++i)
      byName[type.properties[i].name.name].push_back(i);
    llvm::ArrayRef<json::Value> elements = required->getElements();
    for (size_t i = 0; i < elements.size(); ++i) {
      if (!elements[i].isString()) {
        Scope inner = index(i);
        wrongType(elements[i], "a string");
        continue;
      }
      auto it = byName.find(elements[i].getString());
      if (it == byName.end()) {
        type.requiredNames.push_back(identOf(elements[i]));
        continue;
      }
      for (unsigned index : it->second)
        type.properties[index].isRequired = true;
    }
  }
}

void OpenAPIReader::readSchemaKeywords(Type &type, const json::Value &schema) {
  if (const json::Value *typeValue = json.lookup(schema, "type"))
    readTypeKeyword(type, *typeValue);

  // A composition decides the kind; `type` beside it only adds nullability.
  static constexpr std::pair<StringRef, TypeKind> compositions[] = {
      {"oneOf", TypeKind::OneOf},
      {"anyOf", TypeKind::AnyOf},
      {"allOf", TypeKind::AllOf}};
  for (auto [name, kind] : compositions) {
    const json::Value *list = getArray(schema, name);
    if (!list)
      continue;
    type.variants.clear();
    type.kind = kind;
    Scope scope = key(name);
    readVariants(type, *list);
    break;
  }

  if (const json::Value *nullable = json.lookup(schema, "nullable")) {
    if (std::optional<bool> flag = nullable->getAsBoolean())
      type.isNullable |= *flag;
    else {
      Scope scope = key("nullable");
      wrongType(*nullable, "a boolean");
    }
  }

  readProperties(type, schema);
  if (type.kind == TypeKind::Any && !type.properties.empty())
    type.kind = TypeKind::Object;

  if (const json::Value *additional =
          json.lookup(schema, "additionalProperties");
      additional && additional->isObject()) {
    Scope scope = key("additionalProperties");
    type.additionalProperties = readSchema(*additional);
  }

  if (const json::Value *items = json.lookup(schema, "items")) {
    Scope scope = key("items");
    type.items = readSchema(*items);
    if (type.kind == TypeKind::Any && type.items)
      type.kind = TypeKind::Array;
  }

  if (const json::Value *format = getString(schema, "format")) {
    type.formatIdent = identOf(*format);
    type.format = type.formatIdent.name;
  }

  auto literal = [&](const json::Value &value) {
    Literal lit;
    lit.isString = value.isString();
    // Non-strings by value, not spelling: YAML's `0x10`, `True` and `~`
    // are the JSON literals 16, true and null.
    if (lit.isString)
      lit.text = keep(value.getString());
    else if (value.isNumber())
      lit.text = keep(value.getNumberText());
    else if (std::optional<bool> flag = value.getAsBoolean())
      lit.text = *flag ? "true" : "false";
    else if (value.isNull())
      lit.text = "null";
    else
      lit.text = keep(value.getSourceText());
    lit.range = value.getRange();
    return lit;
  };
  if (const json::Value *values = getArray(schema, "enum"))
    for (const json::Value &value : values->getElements())
      type.enumValues.push_back(literal(value));
  if (const json::Value *constant = json.lookup(schema, "const"))
    type.enumValues.push_back(literal(*constant));

  type.minimum = readBound(schema, "minimum", type.minRange);
  type.maximum = readBound(schema, "maximum", type.maxRange);
  // 3.0: a boolean beside minimum / maximum; 3.1: the exclusive bound.
  auto exclusive = [&](StringRef name, std::optional<double> &bound, bool &flag,
                       SMRange &range, bool isMin) {
    const json::Value *value = json.lookup(schema, name);
    if (!value)
      return;
    if (std::optional<bool> b = value->getAsBoolean()) {
      flag = *b;
      return;
    }
    std::optional<double> number = value->getAsNumber();
    if (!number) {
      Scope scope = key(name);
      wrongType(*value, "a number or a boolean");
      return;
    }
    if (!bound || (isMin ? *number >= *bound : *number <= *bound)) {
      bound = number;
      flag = true;
      range = value->getRange();
    }
  };
  exclusive("exclusiveMinimum", type.minimum, type.exclusiveMinimum,
            type.minRange, true);
  exclusive("exclusiveMaximum", type.maximum, type.exclusiveMaximum,
            type.maxRange, false);

  type.minLength = readCount(schema, "minLength");
  type.maxLength = readCount(schema, "maxLength");
  type.minItems = readCount(schema, "minItems");
  type.maxItems = readCount(schema, "maxItems");
  if (const json::Value *pattern = getString(schema, "pattern"))
    type.pattern = keep(pattern->getString());
  if (const json::Value *description = getString(schema, "description"))
    type.description = keep(description->getString());

  for (StringRef name : {"x-autobe-database-schema", "x-autobe-prisma-schema"})
    if (const json::Value *table = json.lookup(schema, name)) {
      if (table->isString()) {
        type.dbTable = identOf(*table);
        break;
      }
      if (!table->isNull()) {
        Scope scope = key(name);
        wrongType(*table, "a string or null");
      }
    }
}

void OpenAPIReader::checkAliasCycles() {
  // A named type that is only a `$ref` to another one is an alias; aliases
  // that lead back to themselves define nothing. Each type has at most one
  // alias edge, so every cycle is found in one walk over all of them.
  size_t count = doc->types.size();
  auto next = [&](size_t index) -> std::optional<size_t> {
    const Type *type = doc->types[index].type;
    if (!type || type->kind != TypeKind::Ref)
      return std::nullopt;
    const NamedType *target = doc->findType(type->ref.name);
    if (!target)
      return std::nullopt;
    return size_t(target - doc->types.data());
  };
  enum : unsigned char { New, OnPath, Done };
  std::vector<unsigned char> state(count, New);
  std::vector<size_t> path;
  for (size_t start = 0; start != count; ++start) {
    if (state[start] != New)
      continue;
    path.clear();
    std::optional<size_t> current = start;
    while (current && state[*current] == New) {
      state[*current] = OnPath;
      path.push_back(*current);
      current = next(*current);
    }
    if (current && state[*current] == OnPath) {
      // The cycle is the end of the path from *current on. Report it once,
      // at the reference that closes it back to its first member in
      // document order.
      auto begin = llvm::find(path, *current);
      std::vector<size_t> cycle(begin, path.end());
      auto first = std::min_element(cycle.begin(), cycle.end());
      std::rotate(cycle.begin(), first, cycle.end());
      std::string text;
      for (size_t member : cycle)
        text += "'" + doc->types[member].type->refText.str() + "' -> ";
      const Type *front = doc->types[cycle.front()].type;
      const Type *back = doc->types[cycle.back()].type;
      text += "'" + front->refText.str() + "'";
      InFlightDiagnostic diag =
          diags.report(DiagID::OpenAPIRefCycle, back->ref.range);
      diag << text;
      if (cycle.size() > 1)
        diag.note(front->ref.range, NoteID::RefCycleContinues);
    }
    for (size_t index : path)
      state[index] = Done;
  }
}

//===----------------------------------------------------------------------===//
// The document
//===----------------------------------------------------------------------===//

/// Whether \p version is `3.0`, `3.1` or `3.2`, optionally with a patch
/// number and a pre-release suffix (`3.1.0`, `3.0.0-rc2`).
static bool isSupportedVersion(StringRef version) {
  if (!version.consume_front("3.") || version.empty() ||
      (version[0] != '0' && version[0] != '1' && version[0] != '2'))
    return false;
  version = version.drop_front();
  if (version.empty())
    return true;
  if (!version.consume_front("."))
    return false;
  size_t digits = 0;
  while (digits < version.size() && llvm::isDigit(version[digits]))
    ++digits;
  if (digits == 0)
    return false;
  version = version.drop_front(digits);
  return version.empty() || version.starts_with("-");
}

std::unique_ptr<Document> OpenAPIReader::read(unsigned bufferID) {
  const json::Value &root = json.getRoot();
  if (!expectObject(root))
    return nullptr;

  const json::Value *openapi = json.lookup(root, "openapi");
  if (!openapi) {
    if (const json::Value *swagger = json.lookup(root, "swagger")) {
      diags.report(DiagID::OpenAPISwagger2, swagger->getRange());
      return nullptr;
    }
    diags.report(DiagID::OpenAPIMissingVersion,
                 SMRange(root.getLoc(), root.getLoc()));
    return nullptr;
  }
  if (!openapi->isString()) {
    Scope scope = key("openapi");
    wrongType(*openapi, "a string");
    return nullptr;
  }
  if (!isSupportedVersion(openapi->getString())) {
    if (openapi->getString().starts_with("2."))
      diags.report(DiagID::OpenAPISwagger2, openapi->getRange());
    else
      diags.report(DiagID::OpenAPIUnsupportedVersion, openapi->getRange())
          << openapi->getString();
    return nullptr;
  }

  doc = std::make_unique<Document>(DocumentOrigin::OpenAPI);
  typeBudget = std::max<size_t>(100000, 4 * json.getNumValues());
  doc->bufferIDs.push_back(bufferID);
  doc->version = identOf(*openapi);

  // `info` with its `title` and `version` is required by every 3.x version;
  // nothing ABV checks depends on it, but SDK and documentation generators
  // do.
  if (!json.lookup(root, "info")) {
    diags.report(DiagID::OpenAPIMissingInfo,
                 SMRange(root.getLoc(), root.getLoc()))
        << "the document has no 'info'";
  } else if (const json::Value *info = getObject(root, "info")) {
    for (StringRef required : {"title", "version"})
      if (!json.lookup(*info, required))
        diags.report(DiagID::OpenAPIMissingInfo,
                     SMRange(info->getLoc(), info->getLoc()))
            << ("'info' has no '" + required + "'").str();
  }

  if (const json::Value *security = getArray(root, "security")) {
    Scope scope = key("security");
    readSecurity(*security, rootSecurity);
    hasRootSecurity = true;
  }
  if (const json::Value *components = getObject(root, "components")) {
    Scope scope = key("components");
    readComponents(*components);
  }
  if (const json::Value *paths = getObject(root, "paths")) {
    Scope scope = key("paths");
    readPaths(*paths);
  }
  // OpenAPI 3.1: requests the API sends, keyed by name.
  if (const json::Value *webhooks = getObject(root, "webhooks")) {
    Scope scope = key("webhooks");
    for (const json::Member &member : webhooks->getMembers()) {
      if (member.getKey().starts_with("x-"))
        continue;
      Scope inner = key(member.getKey());
      readPathItem(member, doc->callbacks);
    }
  }
  doc->finalize();
  checkAliasCycles();
  return std::move(doc);
}

std::unique_ptr<Document> abv::parseOpenAPI(SourceManager &sourceMgr,
                                            unsigned bufferID,
                                            DiagnosticEngine &diags) {
  std::unique_ptr<json::Document> json =
      json::parse(sourceMgr, bufferID, diags);
  if (!json)
    return nullptr;
  OpenAPIReader reader(*json, sourceMgr.getBuffer(bufferID)->getBuffer(),
                       diags);
  return reader.read(bufferID);
}
