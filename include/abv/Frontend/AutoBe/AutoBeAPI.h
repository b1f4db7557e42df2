//===- AutoBeAPI.h - AutoBe OpenAPI AST (document.json) frontend -*- C++
//-*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Lowers AutoBe's OpenAPI AST, `autobe/document.json`
/// (AutoBeOpenApi.IDocument), into the API IR. Both shapes are read: 2025
/// (`authorizationRole`, `x-autobe-prisma-schema`) and 2026
/// (`authorizationActor`, `x-autobe-database-schema`,
/// `x-autobe-database-schema-property`, `accessor`). Unknown keys are
/// tolerated; every node's range points at the JSON key or value.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_AUTOBE_AUTOBEAPI_H
#define ABV_FRONTEND_AUTOBE_AUTOBEAPI_H

#include "abv/IR/API.h"

#include <memory>

namespace abv {

class SourceManager;

class DiagnosticEngine;

/// Parses the JSON in buffer \p bufferID and lowers it. Returns null when
/// the document is not JSON or not an AutoBe OpenAPI AST (after reporting
/// why); otherwise a document holding everything that could be read.
std::unique_ptr<api::Document> parseAutoBeAPI(SourceManager &sourceMgr,
                                              unsigned bufferID,
                                              DiagnosticEngine &diags);

} // namespace abv

#endif // ABV_FRONTEND_AUTOBE_AUTOBEAPI_H
