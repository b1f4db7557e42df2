#!/usr/bin/env python3
"""Generates large, valid TypeScript in the style of AutoBe's generated
backends, for tests and benchmarks of the TypeScript frontend.

  gen-ts.py --providers 1000 --tests 2000 -o DIR      # a project folder
  gen-ts.py --complete --providers 1000 --tests 2000 -o DIR
  gen-ts.py --target-bytes 20000000 -o FILE.ts         # one big file

A project folder gets src/providers/<name>.ts (one exported async provider
function per file: a typed props parameter with `string &
tags.Format<"uuid">`, Prisma calls on MyGlobal.prisma, object literals with
spreads, a throw of HttpException, a mapped result with `satisfies`),
src/api/structures/I<Entity>.ts (a DTO type and its namespace) and
test/features/api/<entity>/test_api_<entity>_<n>.ts (an E2E test calling
api.functional... with typia.random<T>() and TestValidator). One file gets
the same declarations, renamed apart, until it reaches --target-bytes.
The output is deterministic (--seed) and parses with TypeScript's own
parser without a syntax error.

--complete makes the folder a whole AutoBe project, for the logic layer's
checks: prisma/schema/schema.prisma (a members table and one table per
entity with the columns the providers name), autobe/document.json (AutoBe's
OpenAPI AST, 2026 shape with `accessor`: one operation per provider, named
so that the provider binds to it, plus the member join and each entity's
create and at that the tests call) and the DTO schemas with their table
links. Providers and tests keep their shape; the tests' SDK calls and the
providers' Prisma calls then resolve against the API and the DB, so every
logic check runs on them.
"""
import argparse
import json
import os
import random

ENTITIES = ["todo", "article", "comment", "member", "order", "product",
            "category", "review", "payment", "session", "tag", "attachment"]
FIELDS = ["title", "body", "status", "name", "email", "price", "quantity",
          "description", "position", "priority"]


def camel(*words):
    return words[0] + "".join(w[:1].upper() + w[1:] for w in words[1:])


def pascal(*words):
    return "".join(w[:1].upper() + w[1:] for w in words)


def provider(rng, entity, n, suffix="", complete=False):
    table = f"app_{entity}s"
    dto = "I" + pascal("app", entity)
    fields = rng.sample(FIELDS, 4)
    verb = rng.choice(["get", "put", "patch", "post", "delete"])
    if complete:
        # Bound to `<verb> /app/member/<entity>s<k>/{<entity>Id}` by name.
        name = camel(verb, "app", "member", f"{entity}s{n // len(ENTITIES)}", entity, "id")
    else:
        name = camel(verb, "app", "member", entity + "s", entity, "id" + str(n)) + suffix
    select = ",\n".join(f"      {f}: true" for f in fields)
    mapped = ",\n".join(
        f"    {f}: row.{f} ?? {('null' if i % 2 else repr(''))}" for i, f in enumerate(fields))
    return f'''import {{ HttpException }} from "@nestjs/common";
import {{ Prisma }} from "@prisma/client";
import typia, {{ tags }} from "typia";
import {{ MyGlobal }} from "../MyGlobal";
import {{ MemberPayload }} from "../decorators/payload/MemberPayload";
import {{ {dto} }} from "@ORGANIZATION/PROJECT-api/lib/structures/{dto}";

/**
 * {verb.upper()} a {entity} of the member ({n}).
 */
export async function {name}(props: {{
  member: MemberPayload;
  {entity}Id: string & tags.Format<"uuid">;
  body: {dto}.IUpdate;
}}): Promise<{dto}> {{
  const where = {{
    id: props.{entity}Id,
    member_id: props.member.id,
    deleted_at: null,
  }} satisfies Prisma.{table}WhereInput;
  const row = await MyGlobal.prisma.{table}.findFirst({{
    where,
    select: {{
      id: true,
{select},
    }},
  }});
  if (row === null)
    throw new HttpException("{pascal(entity)} not found", 404);
  // TODO: schema lacks column updated_by
  const updated = await MyGlobal.prisma.{table}.update({{
    where: {{ id: row.id }},
    data: {{
      ...props.body,
      updated_at: new Date().toISOString(),
    }},
  }});
  const items = (await MyGlobal.prisma.{table}.findMany({{ take: {rng.randint(1, 100)} }})).map(
    (item) => ({{ id: item.id, label: `${{item.id}}-{n}` }}),
  );
  return {{
    id: updated.id as string & tags.Format<"uuid">,
{mapped},
    count: items.length > 0 ? items.length : 0,
  }} satisfies {dto};
}}
'''


def structure(entity, suffix=""):
    dto = "I" + pascal("app", entity) + suffix
    return f'''import {{ tags }} from "typia";

export type {dto} = {{
  id: string & tags.Format<"uuid">;
  title: string & tags.MaxLength<200>;
  status: "open" | "done" | "archived";
  created_at: string & tags.Format<"date-time">;
  deleted_at?: (string & tags.Format<"date-time">) | null;
}};
export namespace {dto} {{
  export type ICreate = {{ title: string; status?: {dto}["status"] }};
  export type IUpdate = Partial<ICreate>;
  export interface IRequest {{
    page?: number & tags.Type<"int32">;
    limit?: number & tags.Type<"int32"> & tags.Minimum<1>;
    search?: string | null;
  }}
}}
'''


def e2e_test(rng, entity, n, suffix=""):
    dto = "I" + pascal("app", entity)
    name = f"test_api_{entity}_update_{n}{suffix}"
    return f'''import {{ ArrayUtil, RandomGenerator, TestValidator }} from "@nestia/e2e";
import {{ IConnection }} from "@nestia/fetcher";
import typia, {{ tags }} from "typia";

import api from "@ORGANIZATION/PROJECT-api";
import type {{ {dto} }} from "@ORGANIZATION/PROJECT-api/lib/structures/{dto}";

export async function {name}(connection: api.IConnection) {{
  const member = await api.functional.app.auth.member.join(connection, {{
    body: {{
      email: typia.random<string & tags.Format<"email">>(),
      password: RandomGenerator.alphaNumeric({rng.randint(8, 16)}),
    }},
  }});
  typia.assert(member);
  const created: {dto} = await api.functional.app.member.{entity}s.create(
    connection,
    {{ body: {{ title: RandomGenerator.paragraph({{ sentences: 3 }}) }} }},
  );
  const list = await ArrayUtil.asyncRepeat({rng.randint(2, 9)}, async (i) =>
    api.functional.app.member.{entity}s.at(connection, {{ {entity}Id: created.id }}),
  );
  TestValidator.equals("count", list.length, {rng.randint(2, 9)});
  await TestValidator.httpError("missing", 404, async () => {{
    await api.functional.app.member.{entity}s.at(connection, {{
      {entity}Id: typia.random<string & tags.Format<"uuid">>(),
    }});
  }});
  for (const item of list) {{
    if (!item) continue;
    TestValidator.predicate("same id", item.id === created.id && !!item.title);
  }}
}}
'''


NUMERIC = ("price", "quantity", "position", "priority")


def prisma_schema():
    """The tables the providers and tests use (--complete)."""
    columns = "\n".join(f"  {f} {'Int' if f in NUMERIC else 'String'}?" for f in FIELDS)
    models = ["model app_members {\n"
              "  id         String    @id @db.Uuid\n"
              "  email      String    @unique\n"
              "  password   String\n"
              "  created_at DateTime  @db.Timestamptz\n"
              "  deleted_at DateTime? @db.Timestamptz\n"
              "}\n"]
    for entity in ENTITIES:
        models.append(
            f"model app_{entity}s {{\n"
            "  id         String    @id @db.Uuid\n"
            "  member_id  String    @db.Uuid\n"
            f"{columns}\n"
            "  created_at DateTime  @db.Timestamptz\n"
            "  updated_at DateTime? @db.Timestamptz\n"
            "  deleted_at DateTime? @db.Timestamptz\n\n"
            "  member app_members @relation(fields: [member_id], references: [id], onDelete: Cascade)\n\n"
            "  @@index([member_id])\n"
            "}\n")
    return "\n".join(models)


def api_document(providers):
    """AutoBe's OpenAPI AST (2026 shape) for a --complete project: one
    operation per provider (verb and path from its name), the member join,
    and each entity's create and at."""
    ops = []

    def op(method, path, accessor, body=None, response=None, actor="member", params=()):
        ops.append({
            "specification": f"{method.upper()} {path}.", "description": f"{method.upper()} {path}.",
            "path": path, "method": method, "name": accessor[-1], "accessor": accessor,
            "parameters": [{"name": p, "description": p, "schema": {"type": "string", "format": "uuid"}}
                           for p in params],
            "requestBody": {"description": "The body.", "typeName": body} if body else None,
            "responseBody": {"description": "The response.", "typeName": response} if response else None,
            "authorizationType": "join" if actor is None else None,
            "authorizationActor": actor, "prerequisites": []})

    op("post", "/app/auth/member/join", ["app", "auth", "member", "join"],
       body="IAppMember.IJoin", response="IAppMember.IAuthorized", actor=None)
    for entity in ENTITIES:
        dto = "I" + pascal("app", entity)
        op("post", f"/app/member/{entity}s", ["app", "member", f"{entity}s", "create"],
           body=f"{dto}.ICreate", response=dto)
        op("get", f"/app/member/{entity}s/{{{entity}Id}}", ["app", "member", f"{entity}s", "at"],
           response=dto, params=[f"{entity}Id"])
    for verb, entity, k in providers:
        dto = "I" + pascal("app", entity)
        group = f"{entity}s{k}"
        op(verb, f"/app/member/{group}/{{{entity}Id}}", ["app", "member", group, verb],
           body=f"{dto}.IUpdate" if verb in ("put", "patch", "post") else None,
           response=dto, params=[f"{entity}Id"])

    def prop(kind, desc, fmt=None):
        schema = {"type": kind, "description": desc}
        if fmt:
            schema["format"] = fmt
        return schema

    def obj(desc, props, required, table):
        return {"type": "object", "description": desc, "properties": props,
                "required": required, "x-autobe-database-schema": table}

    schemas = {
        "IAppMember.IJoin": obj("A member joining.", {"email": prop("string", "Email.", "email"),
                                                      "password": prop("string", "Password.")},
                                ["email", "password"], "app_members"),
        "IAppMember.IAuthorized": obj("A member, authorized.", {"id": prop("string", "Id.", "uuid"),
                                                               "email": prop("string", "Email.", "email")},
                                      ["id", "email"], "app_members"),
    }
    for entity in ENTITIES:
        dto = "I" + pascal("app", entity)
        table = f"app_{entity}s"
        fields = {f: prop("integer" if f in NUMERIC else "string", f"The {f}.") for f in FIELDS}
        schemas[dto] = obj(f"A {entity}.", {"id": prop("string", "Id.", "uuid"), **fields,
                                            "created_at": prop("string", "Created.", "date-time")},
                           ["id", "created_at"], table)
        editable = {"title": prop("string", "The title."), "status": prop("string", "The status.")}
        schemas[f"{dto}.ICreate"] = obj(f"A new {entity}.", editable, ["title"], table)
        schemas[f"{dto}.IUpdate"] = obj(f"A change of a {entity}.", editable, [], table)
    return {"operations": ops,
            "components": {"authorizations": [{"name": "member", "description": "A member."}],
                           "schemas": schemas}}


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--providers", type=int, default=1000)
    parser.add_argument("--tests", type=int, default=2000)
    parser.add_argument("--target-bytes", type=int, default=0,
                        help="write one file of at least this size instead")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--complete", action="store_true",
                        help="also write the DB schema and the API document (a whole project)")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    if args.target_bytes:
        # One file: the declarations of a project, renamed apart, without
        # the imports after the first ones.
        parts = []
        size = 0
        n = 0
        while size < args.target_bytes:
            entity = ENTITIES[n % len(ENTITIES)]
            suffix = f"_{n}"
            for text in (provider(rng, entity, n, suffix),
                         structure(entity, f"V{n}"),
                         e2e_test(rng, entity, n, suffix)):
                body = "\n".join(line for line in text.split("\n")
                                 if not line.startswith("import "))
                parts.append(body)
                size += len(body.encode("utf-8")) + 1
            n += 1
        write(args.output, "\n".join(parts))
        return

    bound = []
    for n in range(args.providers):
        entity = ENTITIES[n % len(ENTITIES)]
        text = provider(rng, entity, n, complete=args.complete)
        name = text.split("export async function ")[1].split("(")[0]
        write(os.path.join(args.output, "src", "providers", name + ".ts"), text)
        bound.append((name.split("App")[0], entity, n // len(ENTITIES)))
    if args.complete:
        write(os.path.join(args.output, "prisma", "schema", "schema.prisma"), prisma_schema())
        write(os.path.join(args.output, "autobe", "document.json"),
              json.dumps(api_document(bound), indent=2))
    for entity in ENTITIES:
        dto = "I" + pascal("app", entity)
        write(os.path.join(args.output, "src", "api", "structures", dto + ".ts"),
              structure(entity))
    for n in range(args.tests):
        entity = ENTITIES[n % len(ENTITIES)]
        write(os.path.join(args.output, "test", "features", "api", entity,
                           f"test_api_{entity}_update_{n}.ts"),
              e2e_test(rng, entity, n))


if __name__ == "__main__":
    main()
