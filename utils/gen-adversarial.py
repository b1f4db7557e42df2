#!/usr/bin/env python3
"""Generates adversarial inputs: documents shaped to make a verifier slow or
its output huge. Each shape is sized by one number N; ABV's time, memory
and output must grow linearly in N (utils/bench/bench.py --layer
adversarial measures it; lit tests run each shape at a size that would time
out if a fix regressed).

  gen-adversarial.py SHAPE N [-o FILE]

Shapes (N in brackets):

  ref-chain         [names]   OpenAPI: components.schemas T0 -> T1 -> ... ->
                              TN, each a pure `$ref` alias of the next; an
                              operation uses T0.
  param-chain       [N]       OpenAPI: components.parameters P0 -> ... -> PN
                              (a `$ref` chain), used by N operations.
  long-ref-name     [chars]   OpenAPI: a `$ref` to an undefined schema whose
                              name is N characters long, next to a schema
                              whose name differs in one character (API001's
                              "did you mean").
  long-required     [names]   OpenAPI: one object with N long properties and
                              N `required` names none of them declares
                              (API013's "did you mean").
  long-type-name    [chars]   Prisma: a field whose type is an unknown name
                              of N characters, next to a model whose name
                              differs in one character (DB010).
  dup-operation-id  [ops]     OpenAPI: N operations share the operationId of
                              an operation whose path is 50 x N characters
                              (API004 quotes that path in every report).
  yaml-anchor-id    [ops]     YAML OpenAPI: an anchored operationId of 1000 x N
                              characters reused (`*id`) by N operations.
  many-findings     [models]  Prisma: N one-line models, several findings
                              each (JSON and SARIF rendering).
  hub-table         [models]  Prisma: N models with a key to one hub model,
                              which has N back-relation fields (checks that
                              ask about a relation's target must not scan
                              the target's fields once per relation).
"""
import argparse
import json
import sys


def openapi(paths, components=None):
    doc = {"openapi": "3.1.0", "info": {"title": "adversarial", "version": "1"},
           "paths": paths}
    if components:
        doc["components"] = components
    return json.dumps(doc, indent=1) + "\n"


def ok_response(schema=None):
    response = {"description": "ok"}
    if schema is not None:
        response["content"] = {"application/json": {"schema": schema}}
    return {"200": response}


def ref(kind, name):
    return {"$ref": f"#/components/{kind}/{name}"}


def ref_chain(n):
    schemas = {f"T{i}": ref("schemas", f"T{i + 1}") for i in range(n)}
    schemas[f"T{n}"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    paths = {"/things": {"get": {"operationId": "getThings",
                                 "responses": ok_response(ref("schemas", "T0"))}}}
    return openapi(paths, {"schemas": schemas})


def param_chain(n):
    parameters = {f"P{i}": ref("parameters", f"P{i + 1}") for i in range(n)}
    parameters[f"P{n}"] = {"name": "q", "in": "query", "schema": {"type": "string"}}
    paths = {f"/items{i}": {"get": {"operationId": f"getItems{i}",
                                    "parameters": [ref("parameters", "P0")],
                                    "responses": ok_response()}}
             for i in range(n)}
    return openapi(paths, {"parameters": parameters})


def long_ref_name(n):
    name = "A" * n
    schemas = {name + "x": {"type": "object", "properties": {"id": {"type": "string"}}}}
    paths = {"/things": {"get": {"operationId": "getThings",
                                 "responses": ok_response(ref("schemas", name + "y"))}}}
    return openapi(paths, {"schemas": schemas})


def long_required(n):
    width = 200
    properties = {f"p{i:06d}" + "a" * width: {"type": "string"} for i in range(n)}
    required = [f"p{i:06d}" + "a" * (width - 1) + "b" for i in range(n)]
    schemas = {"Thing": {"type": "object", "properties": properties, "required": required}}
    paths = {"/things": {"get": {"operationId": "getThings",
                                 "responses": ok_response(ref("schemas", "Thing"))}}}
    return openapi(paths, {"schemas": schemas})


def long_type_name(n):
    name = "a" * n
    return (f'datasource db {{\n  provider = "postgresql"\n}}\n\n'
            f"model {name}x {{\n  id String @id\n}}\n\n"
            f"model users {{\n  id  String @id\n  ref {name}y\n}}\n")


def dup_operation_id(n):
    paths = {"/" + "x" * (50 * n): {"get": {"operationId": "same", "responses": ok_response()}}}
    for i in range(n):
        paths[f"/p{i}"] = {"get": {"operationId": "same", "responses": ok_response()}}
    return openapi(paths)


def yaml_anchor_id(n):
    lines = ['openapi: "3.1.0"', "info: {title: adversarial, version: '1'}", "paths:"]
    for i in range(n):
        lines.append(f"  /p{i}:")
        lines.append("    get:")
        if i == 0:
            lines.append("      operationId: &id " + "x" * (1000 * n))
        else:
            lines.append("      operationId: *id")
        lines.append("      responses: {'200': {description: ok}}")
    return "\n".join(lines) + "\n"


def many_findings(n):
    # Each model: a singular, non-snake table name (DB007), no id (DB020)...
    return "".join(f"model M{i} {{ x Int }}\n" for i in range(n))


def hub_table(n):
    lines = ['datasource db {\n  provider = "postgresql"\n}\n',
             "model hubs {\n  id String @id"]
    lines += [f"  t{i} things_{i}[]" for i in range(n)]
    lines.append("}\n")
    for i in range(n):
        lines.append(f"model things_{i} {{\n  id String @id\n  hub_id String\n"
                     f"  hub hubs @relation(fields: [hub_id], references: [id])\n"
                     f"  @@index([hub_id])\n}}")
    return "\n".join(lines) + "\n"


SHAPES = {
    "ref-chain": ref_chain,
    "param-chain": param_chain,
    "long-ref-name": long_ref_name,
    "long-required": long_required,
    "long-type-name": long_type_name,
    "dup-operation-id": dup_operation_id,
    "yaml-anchor-id": yaml_anchor_id,
    "many-findings": many_findings,
    "hub-table": hub_table,
}

# The file name each shape is written as (the kind of artifact it is).
SUFFIX = {"long-type-name": ".prisma", "many-findings": ".prisma", "hub-table": ".prisma", "yaml-anchor-id": ".yaml"}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shape", choices=sorted(SHAPES))
    ap.add_argument("n", type=int)
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    args = ap.parse_args()
    text = SHAPES[args.shape](args.n)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
