//===- Spec.h - What one side of a semantic diff declares ------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The semantic diff compares two descriptions of a backend: a candidate (a
/// generated project) and a reference (a golden spec, or another project).
/// A Spec is what either declares, in the terms the diff compares:
///
/// | dimension | a project                     | a golden spec         |
/// |-----------|-------------------------------|-----------------------|
/// | entities  | models of the canonical       | `entities[]`          |
/// |           | DB schema                     |                       |
/// | columns   | scalar and enum fields        | `required_fields`,    |
/// |           | (relations are edges)         | `optional_fields`     |
/// | endpoints | operations of the canonical   | `endpoints[]`         |
/// |           | API document                  |                       |
/// | DTOs      | named API types               | (none)                |
///
/// Every item keeps the range it is spelled at (a `.prisma` name, a JSON
/// key or value of golden-*.json), so that findings point into either side,
/// and the IR node it came from, so that later comparisons (the logic
/// layer: the providers of aligned endpoints) can start from an aligned
/// pair.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_DIFF_SPEC_H
#define ABV_DIFF_SPEC_H

#include "abv/Basic/JSON.h"
#include "abv/IR/API.h"
#include "abv/IR/DB.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <memory>
#include <string>
#include <vector>

namespace abv {
class Project;
} // namespace abv

namespace abv::diff {

/// What a side was read from.
enum class SpecKind : unsigned char {
  Project, ///< A project ABV loads (AutoBe's output, a hand-written backend).
  Golden   ///< A golden spec: golden-schema.json and golden-endpoints.json.
};

/// A column of an entity.
struct Column {
  llvm::StringRef name;
  /// The name as spelled: a `.prisma` field name, or a golden field string.
  llvm::SMRange range;
  bool isRequired = true;
  /// The scalar kind; Unknown in a golden spec, which gives no types.
  db::TypeKind type = db::TypeKind::Unknown;
  /// The type as spelled ("String", "todo_status"), for messages.
  llvm::StringRef typeName;
  /// The entity this column points at: a foreign key's target, or in a
  /// golden spec the entity a `<entity>_id` column names; -1 otherwise.
  int target = -1;
  /// The field it came from (a project), or null.
  const db::Field *field = nullptr;
};

/// A table, or a golden entity.
struct Entity {
  llvm::StringRef name;
  llvm::SMRange range; ///< The name as spelled.
  std::vector<Column> columns;
  /// The model it came from (a project), or null.
  const db::Model *model = nullptr;

  /// The index of the column named \p name, or -1.
  int findColumn(llvm::StringRef name) const;
};

/// An operation, or a golden endpoint.
struct Endpoint {
  api::HTTPMethod method = api::HTTPMethod::Unknown;
  llvm::StringRef path;
  /// "GET /users/{id}": how mappings and messages name the endpoint (the
  /// method in upper case, the path as spelled).
  std::string label;
  /// The path as spelled (the operation's `path`, or a golden `path`).
  llvm::SMRange range;
  /// The operation it came from (a project), or null.
  const api::Operation *operation = nullptr;
  /// The DTOs of the request body and of the success response (a page's
  /// item type for a page), when named.
  llvm::StringRef requestType;
  llvm::StringRef responseType;
  /// Whether the request body is a search (`*.IRequest`) or the response a
  /// page: a list, whatever the method.
  bool isList = false;
  /// The entity the endpoint works on, when the side says: the table its
  /// DTOs link (through the Binding); -1 otherwise.
  int entity = -1;
  /// Who may call it: AutoBe's authorization actor, or "".
  llvm::StringRef actor;
  llvm::StringRef description;
};

/// A named API type (a project only).
struct DTO {
  llvm::StringRef name;
  llvm::SMRange range;
  /// The entity its table is (through the Binding), or -1.
  int entity = -1;
  const api::NamedType *type = nullptr;
};

/// Everything one side declares.
class Spec {
public:
  explicit Spec(SpecKind kind) : kind(kind) {}
  Spec(const Spec &) = delete;
  Spec &operator=(const Spec &) = delete;
  ~Spec();

  SpecKind kind;
  /// The path the side was named by, for messages and mapping files.
  std::string path;
  /// Whether the side has a DB layer (a schema, a golden-schema.json) and
  /// an API layer (a document, a golden-endpoints.json). A missing layer is
  /// not compared item by item.
  bool hasDB = false;
  bool hasAPI = false;
  /// Where the layers are, for findings about a whole layer: a schema's
  /// first model or a golden file's root.
  llvm::SMRange dbRange, apiRange;

  std::vector<Entity> entities;
  std::vector<Endpoint> endpoints;
  std::vector<DTO> dtos;
  /// The actors (AutoBe's authorization actors) and their tables' entity
  /// indexes (-1 when the actor has no table).
  std::vector<std::pair<std::string, int>> actors;

  /// The project it was built from, or null (a golden spec).
  const Project *project = nullptr;

  /// Builds the name indexes; call once the items are in place.
  void finalize();

  /// The index of the entity named \p name, or -1.
  int findEntity(llvm::StringRef name) const;
  /// The index of the endpoint labelled \p label (`GET /users/{id}`; the
  /// method in any case, one space), or -1.
  int findEndpoint(llvm::StringRef label) const;
  /// The index of the DTO named \p name, or -1.
  int findDTO(llvm::StringRef name) const;

  /// Parsed documents the spec's strings and ranges point into.
  std::vector<std::unique_ptr<json::Document>> documents;

private:
  llvm::StringMap<int> entityIndex, endpointIndex, dtoIndex;
};

/// "GET /users/{id}" for \p method and \p path.
std::string makeEndpointLabel(api::HTTPMethod method, llvm::StringRef path);

/// The Spec of a loaded project: its canonical DB schema and API document.
/// \p path is how the user named it.
std::unique_ptr<Spec> buildProjectSpec(const Project &project,
                                       llvm::StringRef path);

} // namespace abv::diff

#endif // ABV_DIFF_SPEC_H
