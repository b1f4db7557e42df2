#!/usr/bin/env python3
"""Generates large, valid TypeScript in the style of AutoBe's generated
backends, for tests and benchmarks of the TypeScript frontend.

  gen-ts.py --providers 1000 --tests 2000 -o DIR      # a project folder
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
"""
import argparse
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


def provider(rng, entity, n, suffix=""):
    table = f"app_{entity}s"
    dto = "I" + pascal("app", entity)
    fields = rng.sample(FIELDS, 4)
    verb = rng.choice(["get", "put", "patch", "post", "delete"])
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

    for n in range(args.providers):
        entity = ENTITIES[n % len(ENTITIES)]
        text = provider(rng, entity, n)
        name = text.split("export async function ")[1].split("(")[0]
        write(os.path.join(args.output, "src", "providers", name + ".ts"), text)
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
