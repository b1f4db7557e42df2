#!/usr/bin/env python3
"""Generates a large, valid AutoBe-style project for tests and benchmarks.

  gen-schema.py --models N --out schema.prisma             one .prisma file
  gen-schema.py --models N --out DIR --project             a project folder:
      DIR/prisma/schema/{main,schema-NN}.prisma and DIR/autobe/prisma.json

Every model has a uuid primary key, a few typed columns with doc comments,
a foreign key to an earlier model (a relation with its back-relation), an
index on that foreign key, and a unique constraint, so the schema is clean
under abv-verify and valid for Prisma. Deterministic for a given N.
"""
import argparse
import json
import os


def model_name(i):
    return f"bench_entity_{i:06d}s"


def build(n):
    """Returns a list of model dicts (AutoBe DB AST shape)."""
    models = []
    for i in range(n):
        fks = []
        if i > 0:
            parent = (i * 7919 + 13) % i  # a deterministic earlier model
            fks.append({
                "name": f"parent_{parent:06d}_id",
                "type": "uuid",
                "description": f"The owning {model_name(parent)} row.",
                "relation": {"name": f"parent_{parent:06d}", "targetModel": model_name(parent)},
                "unique": False,
                "nullable": False,
            })
        plain = [
            {"name": "code", "type": "string", "description": "Business code, unique per entity.", "nullable": False},
            {"name": "title", "type": "string", "description": "Human-readable title shown in lists.", "nullable": False},
            {"name": "quantity", "type": "int", "description": "How many units are held.", "nullable": False},
            {"name": "price", "type": "double", "description": "Unit price in the account currency.", "nullable": True},
            {"name": "active", "type": "boolean", "description": "Whether the record is in use.", "nullable": False},
            {"name": "created_at", "type": "datetime", "description": "Creation time.", "nullable": False},
            {"name": "deleted_at", "type": "datetime", "description": "Soft-deletion time.", "nullable": True},
        ]
        models.append({
            "name": model_name(i),
            "description": f"Synthetic entity number {i} of a generated benchmark schema.",
            "material": False,
            "stance": "primary",
            "primaryField": {"name": "id", "type": "uuid", "description": "Primary Key."},
            "foreignFields": fks,
            "plainFields": plain,
            "uniqueIndexes": [{"fieldNames": ["code"], "unique": True}],
            "plainIndexes": [{"fieldNames": [fk["name"]]} for fk in fks] + [{"fieldNames": ["created_at"]}],
            "ginIndexes": [],
        })
    return models


PRISMA_TYPES = {"uuid": "String", "string": "String", "uri": "String", "int": "Int",
                "double": "Float", "boolean": "Boolean", "datetime": "DateTime"}

HEADER = """generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
"""


def write_model(out, m, children):
    out.write(f"/// {m['description']}\n///\n/// @namespace Bench\nmodel {m['name']} {{\n")
    out.write("  /// Primary Key.\n  id String @id @db.Uuid\n")
    for fk in m["foreignFields"]:
        out.write(f"  /// {fk['description']}\n  {fk['name']} String @db.Uuid\n")
    for f in m["plainFields"]:
        t = PRISMA_TYPES[f["type"]] + ("?" if f["nullable"] else "")
        out.write(f"  /// {f['description']}\n  {f['name']} {t}\n")
    for fk in m["foreignFields"]:
        rel = fk["relation"]
        out.write(f"  {rel['name']} {rel['targetModel']} @relation(fields: [{fk['name']}], "
                  f"references: [id], onDelete: Cascade)\n")
    for child, field in children.get(m["name"], []):
        out.write(f"  {field} {child}[]\n")
    for u in m["uniqueIndexes"]:
        out.write(f"  @@unique([{', '.join(u['fieldNames'])}])\n")
    for ix in m["plainIndexes"]:
        out.write(f"  @@index([{', '.join(ix['fieldNames'])}])\n")
    out.write("}\n\n")


def back_relations(models):
    children = {}
    for m in models:
        for fk in m["foreignFields"]:
            target = fk["relation"]["targetModel"]
            children.setdefault(target, []).append((m["name"], f"{m['name']}_of_{fk['relation']['name']}"))
    return children


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--project", action="store_true", help="write a project folder")
    ap.add_argument("--files", type=int, default=10, help="schema files in a project")
    args = ap.parse_args()
    models = build(args.models)
    children = back_relations(models)
    if not args.project:
        with open(args.out, "w") as out:
            out.write(HEADER + "\n")
            for m in models:
                write_model(out, m, children)
        return
    schema_dir = os.path.join(args.out, "prisma", "schema")
    os.makedirs(schema_dir, exist_ok=True)
    os.makedirs(os.path.join(args.out, "autobe"), exist_ok=True)
    with open(os.path.join(schema_dir, "main.prisma"), "w") as out:
        out.write(HEADER)
    per_file = max(1, -(-len(models) // args.files))
    files = []
    for k in range(0, len(models), per_file):
        name = f"schema-{k // per_file + 1:02d}.prisma"
        chunk = models[k:k + per_file]
        with open(os.path.join(schema_dir, name), "w") as out:
            for m in chunk:
                write_model(out, m, children)
        files.append({"filename": name, "namespace": "Bench", "models": chunk})
    with open(os.path.join(args.out, "autobe", "prisma.json"), "w") as out:
        json.dump({"files": files}, out, indent=2)


if __name__ == "__main__":
    main()
