//===- APIDesign.cpp - The api-design pass --------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// REST design rules: what makes an API hard to use or unsafe to run even
/// when it is well-formed. Warnings and remarks; docs/Diagnostics.md says why
/// each one matters.
///
/// - API030: a collection segment is singular. A literal segment followed
///   by a `{parameter}` names a collection an item is picked from
///   (`/users/{userId}`), and collections are named in the plural. The last
///   word of the segment is tested (`orderItem` -> `item`); mass nouns
///   (`data`, `media`, `news`, `settings`, ...) pass.
/// - API031: a list endpoint returns a bare array with no way to page: a
///   GET (or an AutoBe search, a PATCH with an `IRequest` body) whose
///   success response is an array, with no paging parameter (`page`,
///   `limit`, `offset`, `cursor`, `per_page`, `page_size`, `take`, `skip`,
///   `after`, `before`, `starting_after`, `ending_before`, `size`, `first`,
///   `last`) in its query or body.
/// - API032 (remark): a write endpoint takes free text without bounds: the
///   string properties of an object of a POST / PUT / PATCH body (not a
///   search, a login or a refresh) with no `maxLength`, `enum` / `const`,
///   `pattern`, or bounded `format` (uuid, date-time, date, time, email,
///   uri, hostname, ipv4, ipv6, ...). One remark per object type, however
///   many operations share it, at its first such property, with a note at
///   each of the others.
/// - API033: a secret travels in the URL: a query or path parameter named
///   like a password, token, secret or API key ends up in access logs,
///   browser history and proxies.
/// - API034: a path segment spells a CRUD verb (`/getUsers`,
///   `/users/{id}/delete`): the HTTP method already says it (remark).
/// - API035: PUT or DELETE on a collection: the path ends in a literal
///   segment whose items the API addresses elsewhere as `<path>/{id}`, so
///   the operation replaces or removes the whole collection.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Lexicon.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/APIPath.h"
#include "abv/IR/Project.h"
#include "abv/IR/Walk.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <string>

using namespace abv;
using namespace abv::api;
using namespace llvm;

/// The last word of a segment (`orderItems` -> `items`, `order-items` ->
/// `items`), lower case.
static std::string getLastWord(StringRef segment) {
  // `Calls.json` is the `Calls` resource in JSON.
  SmallVector<std::string, 4> words = abv::splitWords(segment.split('.').first);
  return words.empty() ? std::string() : words.back();
}

static bool isPagingName(StringRef name) {
  static const StringSet<> paging = {
      "page",          "limit",        "offset",        "cursor",     "perpage",
      "pagesize",      "take",         "skip",          "after",      "before",
      "startingafter", "endingbefore", "size",          "first",      "last",
      "pagenumber",    "pagetoken",    "nextpagetoken", "maxresults", "top"};
  std::string squashed;
  for (char c : name)
    if (c != '_' && c != '-')
      squashed += toLower(c);
  return paging.contains(squashed);
}

/// Formats whose values have a bounded length or a fixed shape.
static bool isBoundedFormat(StringRef format) {
  static const StringSet<> bounded = {
      "uuid",      "date-time",    "date",     "time",          "email",
      "idn-email", "uri",          "url",      "uri-reference", "iri",
      "hostname",  "idn-hostname", "ipv4",     "ipv6",          "byte",
      "binary",    "password",     "duration", "int32",         "int64",
      "phone",     "uint32",       "uint64",   "regex",         "json-pointer"};
  return bounded.contains(format);
}

/// Verbs that name an action on a resource rather than a resource.
static bool isActionVerb(StringRef word) {
  static const StringSet<> verbs = {
      "verify",   "confirm",   "reset",       "activate", "deactivate",
      "approve",  "reject",    "cancel",      "login",    "logout",
      "join",     "search",    "download",    "upload",   "export",
      "import",   "resend",    "refresh",     "publish",  "unpublish",
      "archive",  "restore",   "accept",      "decline",  "revoke",
      "validate", "check",     "preview",     "invite",   "follow",
      "unfollow", "subscribe", "unsubscribe", "redeem",   "claim",
      "lock",     "unlock",    "pin",         "unpin",    "vote",
      "report",   "share"};
  return verbs.contains(word);
}

namespace {

struct APIDesignPass : DocumentPass<APIDesignPass> {
  static constexpr StringLiteral argument = "api-design";
  static constexpr StringLiteral description =
      "Checks REST design: plural collections, paginated lists, bounded "
      "free text in write bodies, no secrets in URLs, no verbs in paths, no "
      "PUT/DELETE on whole collections";

  void run(const Document &doc, AnalysisManager &, DiagnosticEngine &diags) {
    check(doc, diags);
  }

private:
  void check(const Document &doc, DiagnosticEngine &diags);
  void checkPath(const Operation &op, StringSet<> &seenSegments,
                 DiagnosticEngine &diags);
  void checkUnboundedText(const Type &object, StringRef owner,
                          const Operation &op, DiagnosticEngine &diags);

  /// Normalized paths `P` such that some operation's path starts with
  /// `P/{}`: collections whose items are addressed.
  StringSet<> itemCollections;
  void checkList(const Document &doc, const Operation &op,
                 DiagnosticEngine &diags);
  void checkWriteBody(const Document &doc, const Operation &op,
                      DenseSet<const Type *> &seen, DiagnosticEngine &diags);
};

} // namespace

void APIDesignPass::check(const Document &doc, DiagnosticEngine &diags) {
  itemCollections.clear();
  for (const Operation &op : doc.operations) {
    std::string path = getResourceKey(op.path.name);
    for (size_t at = path.find("/{}"); at != std::string::npos;
         at = path.find("/{}", at + 1))
      itemCollections.insert(StringRef(path).take_front(at));
  }
  StringSet<> seenSegments;
  DenseSet<const Type *> seenBodies;
  for (const Operation &op : doc.operations) {
    checkPath(op, seenSegments, diags);
    checkList(doc, op, diags);
    checkWriteBody(doc, op, seenBodies, diags);
    // API033: secrets in the URL.
    for (const Parameter &param : op.parameters)
      if ((param.location == ParamLocation::Query ||
           param.location == ParamLocation::Path) &&
          abv::looksLikeSecret(param.name.name))
        diags.report(DiagID::APISecretInURL, param.name.range.isValid()
                                                 ? param.name.range
                                                 : param.range)
            << param.name.name << param.in;
  }
}

void APIDesignPass::checkPath(const Operation &op, StringSet<> &seenSegments,
                              DiagnosticEngine &diags) {
  StringRef path = op.path.name;
  SmallVector<Segment, 8> segments = getSegments(path);
  for (size_t i = 0, e = segments.size(); i != e; ++i) {
    const Segment &segment = segments[i];
    if (segment.isParam())
      continue;
    // Reported once per path prefix, whatever the method.
    std::string key =
        path.substr(0, segment.offset + segment.text.size()).str();
    bool isFirst = seenSegments.insert(key).second;

    // API030: `/user/{userId}`; an action (`/email/verify/{token}`) is not
    // a collection.
    if (isFirst && i + 1 != e && segments[i + 1].isParam()) {
      std::string word = getLastWord(segment.text);
      if (!word.empty() && !abv::looksPlural(word) && isAlpha(word.back()) &&
          !isActionVerb(word))
        diags.report(DiagID::APISingularCollection,
                     getSubRange(op.path, segment.offset, segment.text.size()))
            << segment.text << abv::pluralize(word);
    }

    // API034: `/getUsers`, `/users/{id}/delete`.
    if (isFirst) {
      SmallVector<std::string, 4> words =
          abv::splitWords(segment.text.split('.').first);
      static const StringSet<> verbs = {"get",    "create", "update", "delete",
                                        "remove", "fetch",  "list",   "add",
                                        "insert", "modify", "destroy"};
      // `list` alone is a noun (`/lists/{id}` passes as plural anyway), and
      // so is an add-on.
      if (!words.empty() && verbs.contains(words.front()) &&
          !(words.size() == 1 && words.front() == "list") &&
          !(words.size() > 1 && words.front() == "add" &&
            (words[1] == "on" || words[1] == "ons")))
        diags.report(DiagID::APIVerbInPath,
                     getSubRange(op.path, segment.offset, segment.text.size()))
            << segment.text << StringRef(op.method.name).upper();
    }
  }

  // API035: PUT / DELETE on a whole collection: one whose items the API
  // addresses as `<path>/{id}`.
  StringRef method = op.method.name;
  if ((op.httpMethod == HTTPMethod::Put ||
       op.httpMethod == HTTPMethod::Delete) &&
      !segments.empty() && !segments.back().isParam() &&
      itemCollections.contains(getResourceKey(path))) {
    const Segment &last = segments.back();
    diags.report(DiagID::APIWriteOnCollection,
                 getSubRange(op.path, last.offset, last.text.size()))
        << method.upper() << last.text;
  }
}

void APIDesignPass::checkList(const Document &doc, const Operation &op,
                              DiagnosticEngine &diags) {
  StringRef method = op.method.name;
  const Type *request = op.requestBody;
  bool isSearch = request && request->kind == TypeKind::Ref &&
                  getVariant(request->ref.name) == "IRequest";
  if (op.httpMethod != HTTPMethod::Get &&
      !(op.httpMethod == HTTPMethod::Patch && isSearch))
    return;
  const Response *success = op.getSuccessResponse();
  if (!success || !success->type)
    return;
  const Type *body = doc.resolve(success->type);
  if (!body || body->kind != TypeKind::Array)
    return;
  for (const Parameter &param : op.parameters)
    if (param.location != ParamLocation::Path && isPagingName(param.name.name))
      return;
  if (const Type *requestType = doc.resolve(request))
    for (const Property &property : requestType->properties)
      if (isPagingName(property.name.name))
        return;
  SMRange range =
      success->type->range.isValid() ? success->type->range : success->range;
  diags.report(DiagID::APIUnpaginatedList, range)
      << method.upper() << op.path.name;
}

void APIDesignPass::checkWriteBody(const Document &doc, const Operation &op,
                                   DenseSet<const Type *> &seen,
                                   DiagnosticEngine &diags) {
  if (op.httpMethod != HTTPMethod::Post && op.httpMethod != HTTPMethod::Put &&
      op.httpMethod != HTTPMethod::Patch)
    return;
  const Type *request = op.requestBody;
  if (!request)
    return;
  if (request->kind == TypeKind::Ref) {
    StringRef variant = getVariant(request->ref.name);
    if (variant == "IRequest" || variant == "ILogin" || variant == "IRefresh")
      return; // A search or a credential check: nothing is stored.
  }
  // The body's object types: in its own tree, and in the trees of the
  // named types it reaches (a search DTO nested in it stores nothing). Each
  // object is judged once, whichever operation reaches it first; its owner
  // is the named type whose tree holds it.
  auto visitTree = [&](const Type *root, StringRef owner) {
    walk(root, [&](const Type &type) {
      if (type.kind == TypeKind::Object && seen.insert(&type).second)
        checkUnboundedText(type, owner, op, diags);
      return WalkResult::Advance;
    });
  };
  visitTree(request, StringRef());
  walkReachable(doc, request, [&](const NamedType &named, const Type &) {
    if (getVariant(named.name.name) == "IRequest")
      return WalkResult::Skip;
    visitTree(named.type, named.name.name);
    return WalkResult::Advance;
  });
}

/// The string type a property holds (directly or as a nullable variant).
static const Type *getTextType(const Type *type) {
  if (!type)
    return nullptr;
  if (type->kind == TypeKind::String)
    return type;
  if (type->kind == TypeKind::OneOf || type->kind == TypeKind::AnyOf)
    for (const Type *variant : type->variants)
      if (variant && variant->kind == TypeKind::String)
        return variant;
  return nullptr;
}

void APIDesignPass::checkUnboundedText(const Type &object, StringRef owner,
                                       const Operation &op,
                                       DiagnosticEngine &diags) {
  SmallVector<const Property *, 8> unbounded;
  for (const Property &property : object.properties) {
    const Type *text = getTextType(property.type);
    if (!text || text->maxLength || !text->enumValues.empty() ||
        !text->pattern.empty() || isBoundedFormat(text->format))
      continue;
    unbounded.push_back(&property);
  }
  if (unbounded.empty())
    return;
  std::string names;
  for (size_t i = 0, e = unbounded.size(); i != e; ++i) {
    if (i != 0)
      names += i + 1 == e ? " and " : ", ";
    names += ("'" + unbounded[i]->name.name + "'").str();
  }
  std::string where =
      owner.empty() ? ("the request body of " +
                       StringRef(op.method.name).upper() + " " + op.path.name)
                          .str()
                    : ("'" + owner + "'").str();
  auto diag =
      diags.report(DiagID::APIUnboundedString, unbounded.front()->name.range);
  diag << where << names;
  for (const Property *property : ArrayRef(unbounded).drop_front())
    diag.note(property->name.range, NoteID::NoMaxLengthEither)
        << property->name.name;
}

std::unique_ptr<Pass> abv::createAPIDesignPass() {
  return std::make_unique<APIDesignPass>();
}
