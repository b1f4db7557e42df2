//===- APIPasses.h - Verification passes of the API layer ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The API layer's passes. Each runs over every api::Document of a project
/// (an OpenAPI document and AutoBe's `document.json` alike) unless it says
/// otherwise.
///
/// | argument      | checks                                                |
/// |---------------|-------------------------------------------------------|
/// | api-structure | unresolved references, types with no finite value,    |
/// |               | unused types, duplicate operationIds and paths, path  |
/// |               | parameters, request bodies on GET/HEAD/DELETE,        |
/// |               | success responses, bounds, enum duplicates, unknown   |
/// |               | `required` names                                      |
/// | api-autobe    | AutoBe's interface rules: DTO names, page types,      |
/// |               | object bodies, IAuthorized tokens, uuid identifiers,  |
/// |               | operation names, prerequisites, actors (AutoBe only)  |
/// | api-design    | REST design: plural collections, paginated lists,     |
/// |               | bounded free text, secrets in URLs, verbs in paths,   |
/// |               | PUT/DELETE on collections                             |
/// | link-db-api   | DTOs against the DB tables and columns they map, and  |
/// |               | tables no operation touches                           |
///
//===----------------------------------------------------------------------===//

#ifndef ABV_VERIFY_APIPASSES_H
#define ABV_VERIFY_APIPASSES_H

#include <memory>

namespace abv {

class Pass;
class PassRegistry;

/// Structure and references of API documents (API001 - API014).
std::unique_ptr<Pass> createAPIStructurePass();

/// AutoBe's own interface rules on AutoBe documents (API020 - API027).
std::unique_ptr<Pass> createAPIAutoBePass();

/// REST design rules (API030 - API035).
std::unique_ptr<Pass> createAPIDesignPass();

/// Links between API DTOs and DB tables and columns (LNK001 - LNK008).
std::unique_ptr<Pass> createLinkDBAPIPass();

/// Registers every API pass, in default pipeline order.
void registerAPIPasses(PassRegistry &registry);

} // namespace abv

#endif // ABV_VERIFY_APIPASSES_H
