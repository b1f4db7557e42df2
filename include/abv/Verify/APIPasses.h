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

/// Registers every API pass, in default pipeline order.
void registerAPIPasses(PassRegistry &registry);

} // namespace abv

#endif // ABV_VERIFY_APIPASSES_H
