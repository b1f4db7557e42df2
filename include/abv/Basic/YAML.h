//===- YAML.h - YAML documents read into the located JSON DOM --*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The YAML reader: OpenAPI documents are often written in YAML
/// (`openapi.yaml`). It reads a YAML 1.2 document with libyaml's event API
/// into the same json::Document the JSON parser builds (JSON.h), with the
/// same half-open byte ranges on every value and every key, so the OpenAPI
/// frontend, `$ref` JSON pointers and every pass work on it unchanged.
///
/// What a YAML node becomes:
///
/// | YAML                                | JSON DOM                         |
/// |-------------------------------------|----------------------------------|
/// | mapping (block or flow)             | object, members in order,        |
/// |                                     | duplicates kept (JS002 warning)  |
/// | sequence (block or flow)            | array                            |
/// | quoted, literal or folded scalar    | string                           |
/// | plain scalar                        | by the YAML 1.2 core schema:     |
/// |   `null` `Null` `NULL` `~` (empty)  |   null                           |
/// |   `true` `True` `TRUE` (`false`..)  |   boolean                        |
/// |   `[-+]?[0-9]+`, `0o17`, `0x1F`     |   number (integer)               |
/// |   `1.5`, `.5`, `1e3`, `-1.`         |   number                         |
/// |   `.inf` `-.inf` `.nan` (any case   |   number, value +-inf / NaN      |
/// |   the schema allows)                |                                  |
/// |   anything else                     |   string                         |
/// | `!!str x`, `! x` (explicit tags)    | string                           |
/// | `*alias`                            | the anchored value (shared)      |
///
/// - Numbers keep their spelling as the source text; Value::getNumberText
///   gives the value in JSON syntax (`0x1F` is "31", `+1` is "1").
/// - Keys: a scalar key is a string whatever it would resolve to (`200:`
///   is the key "200", as OpenAPI's `responses` need); a mapping or
///   sequence as a key is YM002. `<<` is an ordinary key (merge keys are
///   YAML 1.1, not 1.2).
/// - Locations: a scalar's range is its spelling (quotes included; a block
///   scalar from its `|` / `>` indicator to its last non-blank character);
///   a flow collection's runs from bracket to bracket, a block collection's
///   from its first `-` or key to the end of its last value. Node
///   properties (`&anchor`, `!tag`) are not part of the range. libyaml's
///   marks count characters, not bytes; they are converted to byte offsets
///   into the buffer, so ranges are exact on non-ASCII text too.
/// - Aliases: `*a` is the value anchored as `&a`, ranges included (it
///   points at the anchor's node, not at the alias). The value is shared,
///   not copied, but every consumer walks it once per use, so the values
///   aliases add are counted: past ParseOptions::maxAliasValues values,
///   or ParseOptions::maxAliasBytes bytes of anchored text, the document is
///   rejected (YM004), as is an alias that makes the nesting
///   deeper than ParseOptions::maxDepth (IN007). An alias to an unknown
///   anchor is YM012; one to a collection that contains the alias (a
///   recursive structure JSON cannot hold) is YM013.
/// - Tags: the core schema's (`!!str`, `!!int`, `!!map`, ..., and the
///   non-specific `!`) are accepted; `!!str` and `!` make a plain scalar a
///   string, the others change nothing. Any other tag is YM006 (a warning)
///   and ignored: the node reads as if untagged.
/// - Streams: the first document is read; a second one is YM005 (a
///   warning) and is not parsed. A stream without a document is YM007.
/// - Depth: as JSON, nesting past ParseOptions::maxDepth is IN007; the DOM
///   is built iteratively and libyaml's parser keeps explicit stacks, so
///   deep input never costs native stack.
/// - Errors: libyaml's first error is one diagnostic at its exact location
///   (a note points at the construct it was reading), with an ID per kind
///   of error (YM007-YM011, else YM001); the document is not built. A leading
///   UTF-8 BOM is skipped.
///
/// \code
///   auto doc = json::parseYAML(sourceMgr, bufferID, diags);
///   if (!doc)
///     return nullptr; // a syntax error (YM*), or IN007, was reported
///   const json::Value *schema =
///       doc->resolvePointer("#/components/schemas/IUser");
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_YAML_H
#define ABV_BASIC_YAML_H

#include "abv/Basic/JSON.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace abv {

class SourceManager;

class DiagnosticEngine;

namespace json {

/// Whether \p path names a YAML file (it ends in `.yaml` or `.yml`, in any
/// case).
bool isYAMLPath(llvm::StringRef path);

/// Parses buffer \p bufferID of \p sourceMgr as YAML, like json::parse:
/// errors (YM001, YM002, YM004, YM007-YM013, IN007) are reported into \p diags
/// and stop the parse (null is returned); warnings (JS002, YM005, YM006) do
/// not. The buffer must outlive the Document.
std::unique_ptr<Document> parseYAML(SourceManager &sourceMgr, unsigned bufferID,
                                    DiagnosticEngine &diags,
                                    const ParseOptions &options = {});

/// Parses \p text, which must outlive the Document (ranges point into it).
/// On an error, returns "line L, column C: message" (column in bytes,
/// 1-based). Warnings are dropped.
llvm::Expected<std::unique_ptr<Document>>
parseYAML(llvm::StringRef text, const ParseOptions &options = {});

} // namespace json
} // namespace abv

#endif // ABV_BASIC_YAML_H
