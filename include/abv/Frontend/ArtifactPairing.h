//===- ArtifactPairing.h - One canonical artifact per layer ----*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// When a project describes a layer twice (`.prisma` and `autobe/prisma.json`,
/// `autobe/document.json` and an OpenAPI document), pairs the nodes of the
/// canonical artifact with their twins (Project::dbTwins, apiTwins) and
/// copies onto the canonical one what only the twin knows, so that passes
/// see one schema and one document.
///
/// | layer | canonical node      | twin node              | paired by        |
/// |-------|---------------------|------------------------|------------------|
/// | DB    | model (.prisma)     | model (prisma.json)    | name             |
/// | DB    | field               | field / relation       | name             |
/// | DB    | index, @@unique     | plain / unique / GIN   | kind and fields  |
/// | API   | operation (AST)     | operation (OpenAPI)    | method and path  |
/// |       |                     |                        | shape            |
/// | API   | named type          | components.schemas     | name             |
/// | API   | property            | property               | name             |
///
/// Copied onto a paired `.prisma` model: the stance, `material`, the
/// namespace; onto a paired field: AutoBe's logical type (`uuid`, `uri`,
/// ...) and a relation's opposite name. Nodes that are not paired are what
/// db-sync reports.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_FRONTEND_ARTIFACTPAIRING_H
#define ABV_FRONTEND_ARTIFACTPAIRING_H

namespace abv {

class Project;

/// Pairs the twin artifacts of \p project, when it has any.
void pairArtifacts(Project &project);

} // namespace abv

#endif // ABV_FRONTEND_ARTIFACTPAIRING_H
