#!/usr/bin/env python3
"""Generates a candidate project and its golden spec for abv-diff benchmarks.

  gen-diff.py --entities N --out DIR

writes DIR/candidate/ (prisma/schema/schema.prisma and swagger.json, an
AutoBe-style project) and DIR/golden/ (golden-schema.json and
golden-endpoints.json). Entity names are made of pseudo-words, so that no
two share a word by accident; the candidate spells them as a generator
would (a project prefix, plural tables, camelCase paths under a namespace
and an actor, AutoBe's PATCH lists), drops every tenth golden entity and
adds a table of its own every tenth, renames `is_active` to `active`, and
writes five operations per entity against the golden spec's five
endpoints. Deterministic for a given N.
"""
import argparse
import json
import os

CONSONANTS = "bdfgklmnprtvz"
VOWELS = "aeiou"


def word(i):
    """The i-th pseudo-word: two or three syllables, never ending in s."""
    syllables = [c + v for c in CONSONANTS for v in VOWELS]
    n = len(syllables)
    a, b, c = i % n, (i // n) % n, i // (n * n)
    parts = [syllables[a], syllables[b]] + ([syllables[c - 1]] if c else [])
    return "".join(parts) + "l"


def camel(words):
    return words[0] + "".join(w.capitalize() for w in words[1:])


def build(n, out):
    names = [word(i) for i in range(n)]
    parents = [None] + [(i * 7919 + 13) % i for i in range(1, n)]
    entities, endpoints = [], []
    models, paths, schemas = [], {}, {}
    for i, name in enumerate(names):
        parent = parents[i]
        required = ["id", "name", "code", "is_active", "created_at", name + "_score"]
        if parent is not None:
            required.insert(1, names[parent] + "_id")
        entities.append({"name": name, "required_fields": required,
                         "optional_fields": ["description", "deleted_at"]})
        plural = name + "s"
        endpoints += [
            {"method": "GET", "path": f"/{plural}"},
            {"method": "POST", "path": f"/{plural}"},
            {"method": "GET", "path": f"/{plural}/:id"},
            {"method": "PATCH", "path": f"/{plural}/:id"},
            {"method": "DELETE", "path": f"/{plural}/:id"},
        ]
    keep = [i for i in range(n) if i % 10 != 9]
    extra = [f"{word(n + i)}" for i in range(n // 10)]
    table = lambda name: f"bench_app_{name}s"
    for i in keep:
        name, parent = names[i], parents[i]
        lines = [f"model {table(name)} {{",
                 "  id          String   @id @db.Uuid"]
        if parent is not None and parent % 10 != 9:
            lines.append(f"  bench_app_{names[parent]}_id String @db.Uuid")
            lines.append(f"  parent      {table(names[parent])} @relation(\"p{i}\", fields: [bench_app_{names[parent]}_id], references: [id])")
        lines += ["  name        String",
                  "  code        String",
                  "  active      Boolean",
                  f"  {name}_score Int",
                  "  description String?",
                  "  created_at  DateTime",
                  "  updated_at  DateTime",
                  "  deleted_at  DateTime?"]
        children = [j for j in keep if parents[j] == i]
        for j in children:
            lines.append(f"  children_{j} {table(names[j])}[] @relation(\"p{j}\")")
        lines.append("}")
        models.append("\n".join(lines))
        family = "IBenchApp" + name.capitalize()
        base = f"/benchApp/user/{camel([name]) + 's'}"
        ref = lambda t: {"$ref": f"#/components/schemas/{t}"}
        body = lambda t: {"content": {"application/json": {"schema": ref(t)}}}
        ok = lambda t: {"200": {"description": "ok", "content": {"application/json": {"schema": ref(t)}}}}
        paths[base] = {
            "patch": {"requestBody": body(family + ".IRequest"), "responses": ok("IPage" + family + ".ISummary")},
            "post": {"requestBody": body(family + ".ICreate"), "responses": ok(family)},
        }
        paths[base + "/{" + name + "Id}"] = {
            "get": {"responses": ok(family)},
            "put": {"requestBody": body(family + ".IUpdate"), "responses": ok(family)},
            "delete": {"responses": {"204": {"description": "gone"}}},
        }
        for t in (family, family + ".IRequest", family + ".ICreate", family + ".IUpdate",
                  "IPage" + family + ".ISummary"):
            schemas[t] = {"type": "object", "properties": {"name": {"type": "string"}}}
    for name in extra:
        models.append(f"model {table(name)} {{\n  id String @id @db.Uuid\n  label String\n}}")
    os.makedirs(os.path.join(out, "candidate", "prisma", "schema"), exist_ok=True)
    os.makedirs(os.path.join(out, "golden"), exist_ok=True)
    with open(os.path.join(out, "candidate", "prisma", "schema", "schema.prisma"), "w") as f:
        f.write('datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\n')
        f.write("\n\n".join(models) + "\n")
    with open(os.path.join(out, "candidate", "swagger.json"), "w") as f:
        json.dump({"openapi": "3.1.0", "info": {"title": "bench", "version": "1"},
                   "paths": paths, "components": {"schemas": schemas}}, f)
    with open(os.path.join(out, "golden", "golden-schema.json"), "w") as f:
        json.dump({"project": "bench", "entities": entities}, f, indent=1)
    with open(os.path.join(out, "golden", "golden-endpoints.json"), "w") as f:
        json.dump({"project": "bench", "endpoints": endpoints}, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    build(args.entities, args.out)


if __name__ == "__main__":
    main()
