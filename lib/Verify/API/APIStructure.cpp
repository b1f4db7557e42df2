//===- APIStructure.cpp - The api-structure pass --------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks the structure and references of every API document: references to
/// undefined types (API001), named types that have no finite value because
/// their required, non-nullable references cycle (API002), named types no
/// operation uses (API003), duplicate operationIds / accessors (API004),
/// operations declared twice (API005) or on paths that differ only in
/// parameter names (API006), path template parameters without a declared
/// path parameter and the reverse (API007, API008), request bodies on GET
/// and HEAD (API009) and on DELETE (API014, a remark: nestia's reference
/// backends use them on purpose and `fetch` sends them) unless the body is
/// a closed object with no properties, operations with no
/// success response (API010), empty bounds (API011), duplicate enum values
/// (API012) and `required` entries that name no property (API013).
///
/// What applies to which origin:
/// - AutoBe's `name` is not unique on its own (every path has its `create`,
///   `at`, `index`): AutoBe's SDK names a function by its accessor, the
///   path's literal segments followed by the name (2026 documents spell it
///   as `accessor`). API004 compares operationIds for OpenAPI documents and
///   accessors for AutoBe's.
/// - AutoBe's parameters are path parameters by construction (queries ride
///   in the request body of a PATCH), so every AutoBe parameter takes part
///   in API007 / API008 whatever its `in`.
/// - AutoBe's `responseBody: null` means a void response, which the
///   generated controller answers with 200 / 201 and no body: API010 applies
///   to OpenAPI documents only. There, a 2xx, a 3xx (redirects) or a
///   `default` response is a success path.
/// - API013 on an OpenAPI object that declares no properties at all is
///   skipped: `required` on a free-form object is a JSON Schema idiom
///   (the key must be present, any value).
///
/// API002 is a least fixed point over an AND/OR graph of type nodes (an
/// object needs all its required properties, a oneOf / anyOf any variant,
/// an allOf all variants; scalars, nullable nodes, arrays that may be empty
/// and unresolved references are base cases), computed by propagation from
/// the base cases in time linear in the number of nodes. The named types left
/// without a finite value are grouped into strongly connected components
/// (Tarjan, iterative) and each cyclic component is reported once, at its
/// first declared member, with the shortest cycle through it (its first eight
/// steps, each with a note at the reference); types that are infinite only
/// because they require a cyclic one are not reported again.
///
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Digraph.h"
#include "abv/Basic/ClosestMatch.h"
#include "abv/Basic/DiagnosticEngine.h"
#include "abv/IR/APIPath.h"
#include "abv/IR/Project.h"
#include "abv/IR/Walk.h"
#include "abv/Pass/Pass.h"
#include "abv/Verify/Passes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <cstdio>
#include <string>

using namespace abv;
using namespace abv::api;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Calls \p fn once on every type node of \p doc (api::walk).
static void forEachDocumentTypeNode(const Document &doc,
                                    function_ref<void(const Type &)> fn) {
  walk(doc, [&](const Type &type, const TypeSite &) {
    fn(type);
    return WalkResult::Advance;
  });
}

/// The source text of \p range, or empty.
static StringRef getSourceText(SMRange range) {
  if (!range.isValid())
    return {};
  return StringRef(range.Start.getPointer(),
                   range.End.getPointer() - range.Start.getPointer());
}

/// The position of the reference's target name (the `$ref` value or
/// AutoBe's typeName), falling back to the schema node.
static SMRange getRefRange(const Type &type) {
  return type.ref.range.isValid() ? type.ref.range : type.range;
}

/// `GET`, `DELETE`, ... for messages.
static std::string upperMethod(StringRef method) { return method.upper(); }

/// The accessor AutoBe's SDK names an operation by: the 2026 `accessor`, or
/// the path's literal segments followed by the operation's name.
static std::string getAutoBeAccessor(const Operation &op) {
  SmallVector<StringRef, 8> segments;
  if (!op.accessor.empty()) {
    for (const Ident &segment : op.accessor)
      segments.push_back(segment.name);
  } else {
    if (op.operationId.empty())
      return {};
    SmallVector<StringRef, 8> parts;
    op.path.name.split(parts, '/', -1, /*KeepEmpty=*/false);
    for (StringRef part : parts)
      if (!part.starts_with("{"))
        segments.push_back(part);
    segments.push_back(op.operationId.name);
  }
  return join(segments, ".");
}

/// An enum literal's identity: strings by their text, numbers by value.
static std::string getLiteralKey(const Literal &literal) {
  if (literal.isString)
    return "s:" + literal.text.str();
  double value;
  if (!literal.text.getAsDouble(value)) {
    char buffer[40];
    snprintf(buffer, sizeof(buffer), "n:%.17g", value);
    return buffer;
  }
  return "k:" + literal.text.str();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {

struct APIStructurePass : DocumentPass<APIStructurePass> {
  static constexpr StringLiteral argument = "api-structure";
  static constexpr StringLiteral description =
      "Checks API references, recursive types, unused types, operation "
      "identity, path parameters, bodies, responses, bounds and enums";

  void run(const Document &doc, AnalysisManager &, DiagnosticEngine &diags) {
    checkInfiniteTypes(doc, diags);
    checkUnusedTypes(doc, diags);
    checkOperationIdentity(doc, diags);
    checkPathParameters(doc, diags);
    checkBodiesAndResponses(doc, diags);
    checkTypeNodes(doc, diags);
  }

private:
  void checkInfiniteTypes(const Document &doc, DiagnosticEngine &diags);
  void checkUnusedTypes(const Document &doc, DiagnosticEngine &diags);
  void checkOperationIdentity(const Document &doc, DiagnosticEngine &diags);
  void checkPathParameters(const Document &doc, DiagnosticEngine &diags);
  void checkBodiesAndResponses(const Document &doc, DiagnosticEngine &diags);
  void checkTypeNodes(const Document &doc, DiagnosticEngine &diags);
};

} // namespace

//===----------------------------------------------------------------------===//
// API002: types with no finite value
//===----------------------------------------------------------------------===//

namespace {

/// The AND/OR graph of a document's named types: a node per type node, true
/// when the type has a finite value.
class FinitenessGraph {
public:
  explicit FinitenessGraph(const Document &doc) : doc(doc) {
    DenseSet<const Type *> seen;
    for (const NamedType &named : doc.types)
      walk(
          named.type,
          [&](const Type &type) {
            addNode(type);
            return WalkResult::Advance;
          },
          &seen);
    for (unsigned i = 0, e = nodes.size(); i != e; ++i)
      connect(i);
    propagate();
  }

  /// Whether named type \p index has a finite value.
  bool isFinite(unsigned index) const {
    const Type *root = doc.types[index].type;
    return !root || nodes[nodeIDs.lookup(root)].value;
  }

  /// The references that keep named type \p index infinite: every Ref node
  /// reachable from its root through infinite nodes without entering another
  /// named type.
  SmallVector<const Type *, 4> getBlockingRefs(unsigned index) const {
    SmallVector<const Type *, 4> refs;
    SmallVector<unsigned, 16> stack{nodeIDs.lookup(doc.types[index].type)};
    while (!stack.empty()) {
      const Node &node = nodes[stack.pop_back_val()];
      if (node.value)
        continue;
      if (node.type->kind == TypeKind::Ref) {
        refs.push_back(node.type);
        continue;
      }
      for (unsigned child : node.children)
        stack.push_back(child);
    }
    return refs;
  }

private:
  struct Node {
    const Type *type = nullptr;
    bool isAnd = true;
    bool value = false;
    unsigned pending = 0; ///< AND: children not yet known finite.
    SmallVector<unsigned, 2> children;
    SmallVector<unsigned, 2> parents;
  };

  void addNode(const Type &type) {
    if (!nodeIDs.try_emplace(&type, nodes.size()).second)
      return; // Defensive: the traversal visits a shared node once.
    Node node;
    node.type = &type;
    nodes.push_back(std::move(node));
  }

  void addChild(unsigned parent, const Type *child) {
    auto it = nodeIDs.find(child);
    if (it == nodeIDs.end())
      return;
    nodes[parent].children.push_back(it->second);
    nodes[it->second].parents.push_back(parent);
  }

  /// Sets up node \p id's children and whether it is a base case.
  void connect(unsigned id) {
    const Type &type = *nodes[id].type;
    Node &node = nodes[id];
    if (type.isNullable) {
      node.value = true;
      return;
    }
    switch (type.kind) {
    case TypeKind::Object:
      for (const Property &property : type.properties)
        if (property.isRequired && property.type)
          addChild(id, property.type);
      break;
    case TypeKind::Array:
      // An empty array is a value unless minItems forbids it.
      if (type.minItems.value_or(0) > 0 && type.items)
        addChild(id, type.items);
      break;
    case TypeKind::Ref:
      if (const NamedType *named = doc.findType(type.ref.name))
        if (named->type)
          addChild(id, named->type);
      break;
    case TypeKind::OneOf:
    case TypeKind::AnyOf:
      nodes[id].isAnd = false;
      for (const Type *variant : type.variants)
        addChild(id, variant);
      break;
    case TypeKind::AllOf:
      for (const Type *variant : type.variants)
        addChild(id, variant);
      break;
    default:
      break;
    }
    Node &connected = nodes[id];
    connected.pending = connected.children.size();
    // Leaves, and unresolved references (reported by API001), are finite.
    if (connected.children.empty())
      connected.value = true;
  }

  /// Least fixed point: propagates finiteness from the base cases up the
  /// reverse edges; each edge is looked at once.
  void propagate() {
    SmallVector<unsigned, 64> worklist;
    for (unsigned i = 0, e = nodes.size(); i != e; ++i)
      if (nodes[i].value)
        worklist.push_back(i);
    while (!worklist.empty()) {
      unsigned id = worklist.pop_back_val();
      for (unsigned parentID : nodes[id].parents) {
        Node &parent = nodes[parentID];
        if (parent.value)
          continue;
        if (parent.isAnd && --parent.pending != 0)
          continue;
        parent.value = true;
        worklist.push_back(parentID);
      }
    }
  }

  const Document &doc;
  std::vector<Node> nodes;
  DenseMap<const Type *, unsigned> nodeIDs;
};

} // namespace

void APIStructurePass::checkInfiniteTypes(const Document &doc,
                                          DiagnosticEngine &diags) {
  FinitenessGraph graph(doc);
  size_t size = doc.types.size();
  // The graph of infinite named types and the references between them.
  Digraph<const Type *> edges(size);
  bool anyInfinite = false;
  for (unsigned i = 0; i != size; ++i) {
    if (graph.isFinite(i))
      continue;
    anyInfinite = true;
    for (const Type *ref : graph.getBlockingRefs(i))
      if (const NamedType *target = doc.findType(ref->ref.name))
        edges.addEdge(i, unsigned(target - doc.types.data()), ref);
  }
  if (!anyInfinite)
    return;

  // Each cyclic component once, by its shortest cycle from its first type.
  // A type that only requires a cyclic one is infinite too, but not
  // reported: its cycle is.
  for (const SmallVector<unsigned, 4> &component :
       edges.getCyclicComponents()) {
    unsigned start = component.front();
    SmallVector<const Digraph<const Type *>::Edge *, 8> cycle =
        edges.getShortestCycle(start, component);
    if (cycle.empty())
      continue;

    // Long cycles are shown by their first steps: a note per step, each
    // with its source line, would swamp the output (and cost a column
    // computation each on a minified document).
    constexpr size_t maxShownSteps = 8;
    size_t shown = std::min(cycle.size(), maxShownSteps);
    std::string path = "'" + doc.types[start].name.name.str() + "'";
    for (size_t i = 0; i != shown; ++i)
      path +=
          " -> '" + doc.types[cycle[i]->target->index].name.name.str() + "'";
    if (shown != cycle.size())
      path += " -> ... " + std::to_string(cycle.size() - shown - 1) +
              " more -> '" + doc.types[start].name.name.str() + "'";
    auto diag =
        diags.report(DiagID::APIInfiniteType, doc.types[start].name.range);
    diag << doc.types[start].name.name << path;
    unsigned from = start;
    for (size_t i = 0; i != shown; ++i) {
      unsigned to = cycle[i]->target->index;
      diag.note(getRefRange(*cycle[i]->data), NoteID::RequiresTypeHere)
          << doc.types[from].name.name << doc.types[to].name.name;
      from = to;
    }
    diag.fix(NoteID::FixEndRecursion);
  }
}

//===----------------------------------------------------------------------===//
// API003: unused types
//===----------------------------------------------------------------------===//

void APIStructurePass::checkUnusedTypes(const Document &doc,
                                        DiagnosticEngine &diags) {
  // A document without operations is a library of types, not an API; one
  // that refers to other files may use its types from there.
  if (doc.operations.empty() || doc.types.empty() || doc.hasUnreadReferences)
    return;
  std::vector<bool> used(doc.types.size(), false);
  SmallVector<const Type *, 64> roots;
  // Callbacks and webhooks use types too.
  for (const std::vector<Operation> *list : {&doc.operations, &doc.callbacks})
    for (const Operation &op : *list)
      roots.append(getOperationTypes(op));
  walkReachable(doc, roots, [&](const NamedType &named, const Type &) {
    used[&named - doc.types.data()] = true;
    return WalkResult::Advance;
  });

  for (unsigned i = 0, e = doc.types.size(); i != e; ++i)
    if (!used[i] && doc.findType(doc.types[i].name.name) == &doc.types[i])
      diags.report(DiagID::APIUnusedType, doc.types[i].name.range)
          << doc.types[i].name.name;
}

//===----------------------------------------------------------------------===//
// API004 - API006: operation identity
//===----------------------------------------------------------------------===//

void APIStructurePass::checkOperationIdentity(const Document &doc,
                                              DiagnosticEngine &diags) {
  bool isAutoBe = doc.origin == DocumentOrigin::AutoBeAST;
  StringMap<const Operation *> byId;
  StringMap<const Operation *> byPath;       // "method path"
  StringMap<const Operation *> byNormalized; // "method normalized-path"
  for (const Operation &op : doc.operations) {
    std::string id =
        isAutoBe ? getAutoBeAccessor(op) : op.operationId.name.str();
    if (!id.empty()) {
      auto [it, inserted] = byId.try_emplace(id, &op);
      if (!inserted) {
        const Operation &first = *it->second;
        auto diag = diags.report(
            DiagID::APIDuplicateOperationId,
            op.operationId.range.isValid() ? op.operationId.range : op.range);
        diag << (isAutoBe ? "accessor" : "operationId") << id
             << ("'" + upperMethod(first.method.name) + " " +
                 clipForMessage(first.path.name) + "'");
        diag.note(first.operationId.range.isValid() ? first.operationId.range
                                                    : first.range,
                  NoteID::FirstUsedHere);
      }
    }

    std::string key = (op.method.name + " " + op.path.name).str();
    auto [pathIt, newPath] = byPath.try_emplace(key, &op);
    if (!newPath) {
      auto diag = diags.report(DiagID::APIDuplicateOperation, op.path.range);
      diag << upperMethod(op.method.name) << op.path.name;
      diag.note(pathIt->second->path.range, NoteID::FirstDeclaredHere);
      continue;
    }
    std::string normalized =
        (op.method.name + " " + normalizePath(op.path.name)).str();
    auto [normIt, newShape] = byNormalized.try_emplace(normalized, &op);
    if (!newShape) {
      auto diag = diags.report(DiagID::APIAmbiguousPath, op.path.range);
      diag << upperMethod(op.method.name) << op.path.name
           << normIt->second->path.name;
      diag.note(normIt->second->path.range, NoteID::OtherPathHere);
    }
  }
}

//===----------------------------------------------------------------------===//
// API007, API008: path parameters
//===----------------------------------------------------------------------===//

void APIStructurePass::checkPathParameters(const Document &doc,
                                           DiagnosticEngine &diags) {
  bool isAutoBe = doc.origin == DocumentOrigin::AutoBeAST;
  for (const Operation &op : doc.operations) {
    SmallVector<TemplateParam, 4> inTemplate = getTemplateParams(op.path.name);
    StringSet<> templateNames;
    for (const TemplateParam &param : inTemplate)
      templateNames.insert(param.name);
    StringSet<> declared;
    for (const Parameter &param : op.parameters) {
      if (!isAutoBe && param.location != ParamLocation::Path)
        continue;
      declared.insert(param.name.name);
      if (!templateNames.contains(param.name.name))
        diags.report(DiagID::APIPathParamUnused, param.name.range.isValid()
                                                     ? param.name.range
                                                     : param.range)
            << param.name.name << op.path.name;
    }
    // A parameter in a file that is not read may declare any of them.
    if (op.hasUnreadParameters)
      continue;
    for (const TemplateParam &param : inTemplate)
      if (!declared.contains(param.name))
        diags.report(DiagID::APIPathParamUndeclared,
                     getSubRange(op.path, param.offset, param.name.size() + 2))
            << param.name;
  }
}

//===----------------------------------------------------------------------===//
// API009, API010: bodies and responses
//===----------------------------------------------------------------------===//

void APIStructurePass::checkBodiesAndResponses(const Document &doc,
                                               DiagnosticEngine &diags) {
  bool isAutoBe = doc.origin == DocumentOrigin::AutoBeAST;
  for (const Operation &op : doc.operations) {
    StringRef method = op.method.name;
    // A body whose schema is a closed object with no properties carries
    // nothing (Stripe declares one on every GET): not reported.
    const Type *body = doc.resolve(op.requestBody);
    bool isEmptyBody = body && body->kind == TypeKind::Object &&
                       body->isClosed && body->properties.empty() &&
                       body->variants.empty();
    if (op.requestBody && !isEmptyBody &&
        (op.httpMethod == HTTPMethod::Get ||
         op.httpMethod == HTTPMethod::Head ||
         op.httpMethod == HTTPMethod::Delete)) {
      SMRange range = op.requestBodyRange.isValid() ? op.requestBodyRange
                                                    : op.requestBody->range;
      bool isDelete = op.httpMethod == HTTPMethod::Delete;
      auto diag = diags.report(
          isDelete ? DiagID::APIDeleteBody : DiagID::APIBodyNotAllowed, range);
      if (!isDelete)
        diag << upperMethod(method);
      if (op.method.range.isValid())
        diag.note(op.method.range, NoteID::MethodGivenHere);
    }
    if (isAutoBe)
      continue; // A null responseBody is a void success response.
    bool hasSuccess = any_of(op.responses, [](const Response &response) {
      StringRef status = response.status.name;
      return status.starts_with("2") || status.starts_with("3") ||
             status == "default";
    });
    if (!hasSuccess)
      diags.report(DiagID::APINoSuccessResponse,
                   op.method.range.isValid() ? op.method.range : op.range)
          << upperMethod(method) << op.path.name;
  }
}

//===----------------------------------------------------------------------===//
// API011 - API013: type nodes
//===----------------------------------------------------------------------===//

/// \p range when its source text spells the bound \p value, else an invalid
/// range: the IR keeps one lower and one upper range per schema, shared by
/// minimum / minLength / minItems, so a range may belong to another bound.
static SMRange getBoundRange(SMRange range, double value) {
  double spelled;
  StringRef text = getSourceText(range).trim();
  if (text.empty() || text.getAsDouble(spelled) || spelled != value)
    return {};
  return range;
}

/// How to show a bound: its source spelling when \p range holds it, else
/// \p value printed (integers without a fraction).
static std::string spellBound(SMRange range, double value) {
  if (range.isValid())
    return getSourceText(range).trim().str();
  char buffer[40];
  snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

static void checkBounds(const Type &type, DiagnosticEngine &diags) {
  auto report = [&](StringRef minName, double lo, StringRef maxName,
                    double hi) {
    SMRange minRange = getBoundRange(type.minRange, lo);
    SMRange maxRange = getBoundRange(type.maxRange, hi);
    auto diag = diags.report(DiagID::APIInvalidBounds,
                             minRange.isValid() ? minRange : type.range);
    diag << minName << spellBound(minRange, lo) << maxName
         << spellBound(maxRange, hi);
    if (maxRange.isValid())
      diag.note(maxRange, NoteID::BoundGivenHere) << maxName;
  };
  if (type.minimum && type.maximum) {
    double lo = *type.minimum, hi = *type.maximum;
    bool exclusive = type.exclusiveMinimum || type.exclusiveMaximum;
    if (lo > hi || (lo == hi && exclusive))
      report(type.exclusiveMinimum ? "exclusiveMinimum" : "minimum", lo,
             type.exclusiveMaximum ? "exclusiveMaximum" : "maximum", hi);
  }
  if (type.minLength && type.maxLength && *type.minLength > *type.maxLength)
    report("minLength", double(*type.minLength), "maxLength",
           double(*type.maxLength));
  if (type.minItems && type.maxItems && *type.minItems > *type.maxItems)
    report("minItems", double(*type.minItems), "maxItems",
           double(*type.maxItems));
}

static void checkEnumValues(const Type &type, DiagnosticEngine &diags) {
  if (type.enumValues.size() < 2)
    return;
  StringMap<const Literal *> seen;
  for (const Literal &literal : type.enumValues) {
    auto [it, inserted] = seen.try_emplace(getLiteralKey(literal), &literal);
    if (inserted)
      continue;
    std::string spelled = literal.isString ? ("'" + literal.text + "'").str()
                                           : literal.text.str();
    auto diag = diags.report(DiagID::APIDuplicateEnumValue, literal.range);
    diag << spelled;
    diag.note(it->second->range, NoteID::FirstListedHere);
  }
}

/// For every object that is a branch of an `allOf` (directly or through a
/// reference), the properties its sibling branches declare: an `allOf`
/// object may require a property another branch declares.
namespace {
/// The properties a type declares as an object: its own, and through
/// references and composition (`allOf`, and the branches of a `oneOf` /
/// `anyOf`, any of which may supply them). Memoized per type node, so a
/// hierarchy shared by many `allOf`s is read once.
class DeclaredProperties {
public:
  explicit DeclaredProperties(const Document &doc) : doc(doc) {}

  const StringSet<> &get(const Type *type) {
    type = doc.resolve(type);
    static const StringSet<> none;
    if (!type)
      return none;
    auto [it, inserted] = memo.try_emplace(type);
    if (!inserted)
      return it->second; // Done, or in progress on a cycle.
    StringSet<> names;
    for (const Property &property : type->properties)
      names.insert(property.name.name);
    if (type->kind == TypeKind::AllOf || type->kind == TypeKind::OneOf ||
        type->kind == TypeKind::AnyOf)
      for (const Type *variant : type->variants)
        for (const auto &name : get(variant))
          names.insert(name.getKey());
    StringSet<> &slot = memo[type];
    slot = std::move(names);
    return slot;
  }

private:
  const Document &doc;
  DenseMap<const Type *, StringSet<>> memo;
};
} // namespace

/// For each branch of an `allOf`, the properties its siblings declare (so
/// that a branch may require what another declares).
static DenseMap<const Type *, StringSet<>>
getAllOfSiblingProperties(const Document &doc) {
  DenseMap<const Type *, StringSet<>> siblings;
  DeclaredProperties declared(doc);
  forEachDocumentTypeNode(doc, [&](const Type &type) {
    if (type.kind != TypeKind::AllOf)
      return;
    const StringSet<> &names = declared.get(&type);
    for (const Type *variant : type.variants)
      if (const Type *branch = doc.resolve(variant))
        for (const auto &name : names)
          siblings[branch].insert(name.getKey());
  });
  return siblings;
}

/// How many API013 reports per document get a "did you mean" note: each
/// costs a scan of the object's properties.
constexpr unsigned maxRequiredSuggestions = 64;

static void checkRequiredNames(const Type &type, bool isAutoBe,
                               const StringSet<> *siblingNames,
                               unsigned &suggestionsLeft,
                               DiagnosticEngine &diags) {
  if (type.requiredNames.empty())
    return;
  if (!isAutoBe && type.properties.empty())
    return; // `required` on a free-form object: the key must be present.
  // The frontends keep only the names no property has.
  for (const Ident &name : type.requiredNames) {
    if (siblingNames && siblingNames->contains(name.name))
      continue; // Declared by another branch of an allOf.
    auto diag = diags.report(DiagID::APIRequiredUnknown, name.range);
    diag << name.name;
    // A misspelling of a declared property?
    if (suggestionsLeft == 0)
      continue;
    --suggestionsLeft;
    ClosestMatch match = ClosestMatch::withLimit(
        name.name, ClosestMatch::getDeclaredNameLimit(name.name));
    const Property *closest = nullptr;
    for (const Property &property : type.properties) {
      match.consider(property.name.name);
      if (match.get().data() == property.name.name.data())
        closest = &property;
    }
    if (closest)
      diag.note(closest->name.range, NoteID::DidYouMean) << closest->name.name;
  }
}

void APIStructurePass::checkTypeNodes(const Document &doc,
                                      DiagnosticEngine &diags) {
  bool isAutoBe = doc.origin == DocumentOrigin::AutoBeAST;
  DenseMap<const Type *, StringSet<>> siblings = getAllOfSiblingProperties(doc);
  unsigned suggestionsLeft = maxRequiredSuggestions;
  forEachDocumentTypeNode(doc, [&](const Type &type) {
    checkBounds(type, diags);
    checkEnumValues(type, diags);
    auto it = siblings.find(&type);
    checkRequiredNames(type, isAutoBe,
                       it == siblings.end() ? nullptr : &it->second,
                       suggestionsLeft, diags);
  });
}

std::unique_ptr<Pass> abv::createAPIStructurePass() {
  return std::make_unique<APIStructurePass>();
}
