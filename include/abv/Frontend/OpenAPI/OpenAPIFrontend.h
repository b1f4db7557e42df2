//===- OpenAPIFrontend.h - OpenAPI 3.x document frontend -------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Lowers an OpenAPI 3.0 / 3.1 / 3.2 document (`swagger.json`,
/// `openapi.json`, or YAML: `openapi.yaml`, ...) into the API IR, resolving
/// `$ref`s within the document. YAML reaches it as the same located JSON
/// DOM (json::parse reads a `.yaml` / `.yml` buffer with the YAML reader).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_OPENAPI_OPENAPIFRONTEND_H
#define ABV_FRONTEND_OPENAPI_OPENAPIFRONTEND_H

#include "abv/IR/API.h"

#include <memory>

namespace abv {

class SourceManager;

class DiagnosticEngine;

/// Parses the JSON (or YAML) in buffer \p bufferID and lowers it. Returns
/// null when the buffer does not parse or is not an OpenAPI 3.x document (after
/// reporting why, e.g. Swagger 2.0 is not supported); otherwise a document
/// holding everything that could be read.
std::unique_ptr<api::Document> parseOpenAPI(SourceManager &sourceMgr,
                                            unsigned bufferID,
                                            DiagnosticEngine &diags);

} // namespace abv

#endif // ABV_FRONTEND_OPENAPI_OPENAPIFRONTEND_H
