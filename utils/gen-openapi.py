#!/usr/bin/env python3
"""Generates a large, valid OpenAPI 3.1 JSON document for tests and benchmarks.

  gen-openapi.py --operations N [-o FILE] [--seed S]
  gen-openapi.py --target-bytes B [-o FILE] [--seed S]
  gen-openapi.py --operations N --target-bytes B [-o FILE]

The document is a CRUD-style API: each resource has a plural collection path
(`/sales/orders`: a paginated GET with page/limit/sort/search query
parameters, and POST) and an item path (`/sales/orders/{id}`: GET, PUT,
DELETE); one resource in four is nested under the previous one
(`/sales/orders/{orderId}/lines/{id}`). Every resource has named object
types in components.schemas (the entity, its ICreate and IUpdate bodies and
an IPage of it, with `required` lists, string bounds, formats and enums),
reached through `$ref`s; error responses and query parameters are shared
components. Descriptions, tags, servers, security and licence are present,
so the document is clean for abv-verify and for the usual linters' default
rules.

--operations N gives the number of operations (5 per resource; the last
resource may have fewer). --target-bytes B pads the document with more
realistic detail types (an entity's shipping, audit, pricing... objects,
each referenced from the entity) spread evenly over the resources until the
file is about B bytes; without --operations, resources are added instead
until the file reaches B bytes. The output is pretty-printed (2 spaces) and
deterministic for given options. It is written with string templates, not
json.dumps of a tree, so that 100 MB takes a few seconds.
"""
import argparse
import random
import sys

DOMAINS = [
    "sales", "catalog", "billing", "shipping", "inventory", "accounts", "support",
    "marketing", "payroll", "procurement", "analytics", "content", "community",
    "logistics", "identity", "scheduling", "reviews", "messaging", "compliance", "assets",
]
NOUNS = [
    ("order", "orders"), ("invoice", "invoices"), ("product", "products"),
    ("customer", "customers"), ("shipment", "shipments"), ("warehouse", "warehouses"),
    ("ticket", "tickets"), ("campaign", "campaigns"), ("employee", "employees"),
    ("supplier", "suppliers"), ("report", "reports"), ("article", "articles"),
    ("comment", "comments"), ("vehicle", "vehicles"), ("session", "sessions"),
    ("appointment", "appointments"), ("review", "reviews"), ("message", "messages"),
    ("policy", "policies"), ("device", "devices"), ("coupon", "coupons"),
    ("category", "categories"), ("payment", "payments"), ("refund", "refunds"),
    ("address", "addresses"), ("contract", "contracts"), ("project", "projects"),
    ("task", "tasks"), ("team", "teams"), ("document", "documents"),
    ("subscription", "subscriptions"), ("notification", "notifications"),
    ("batch", "batches"), ("route", "routes"), ("channel", "channels"),
    ("survey", "surveys"), ("license", "licenses"), ("budget", "budgets"),
    ("quote", "quotes"), ("lead", "leads"),
]
CHILDREN = [
    ("line", "lines"), ("note", "notes"), ("attachment", "attachments"),
    ("revision", "revisions"), ("entry", "entries"), ("member", "members"),
    ("event", "events"), ("item", "items"),
]
DETAILS = [
    "ShippingInfo", "AuditTrail", "Pricing", "Dimensions", "ContactInfo", "Localization",
    "Scheduling", "Compliance", "Warranty", "Preferences", "Statistics", "Ownership",
]
ADJECTIVES = [
    "primary", "current", "external", "billing", "display", "internal", "legal",
    "preferred", "regional", "seasonal", "verified", "archived",
]
STATUSES = ["draft", "active", "suspended", "archived"]


def pascal(word):
    return "".join(p[:1].upper() + p[1:] for p in word.replace("-", "_").split("_"))


def camel(word):
    p = pascal(word)
    return p[:1].lower() + p[1:]


class Resource:
    """One CRUD resource: names, paths and its operations."""

    def __init__(self, index, rng, parent):
        combos = len(DOMAINS) * len(NOUNS)
        domain = DOMAINS[index % len(DOMAINS)]
        cycle = index // combos
        noun, plural = NOUNS[(index // len(DOMAINS)) % len(NOUNS)]
        if cycle:
            domain = f"{domain}-{cycle + 1}"
        self.parent = parent
        if parent is not None:
            noun, plural = CHILDREN[(index // 4) % len(CHILDREN)]
            self.collection = f"{parent.collection}/{{{parent.param}}}/{plural}"
            self.type = f"{parent.type}{pascal(noun)}"
            self.op_base = f"{parent.op_base}{pascal(noun)}"
            self.tag = parent.tag
        else:
            self.collection = f"/{domain}/{plural}"
            self.type = f"I{pascal(domain)}{pascal(noun)}"
            self.op_base = f"{camel(domain)}{pascal(noun)}"
            self.tag = domain
        self.noun = noun
        self.plural = plural
        self.param = f"{camel(noun)}Id"
        self.item = f"{self.collection}/{{id}}"
        self.quantity_max = rng.choice([100, 1000, 10000, 1000000])
        self.title_max = rng.choice([80, 120, 255])
        self.code_prefix = noun[:3].upper()
        self.details = []  # (property name, type name, body) when padding


# Each template is written at the indentation it has in the document:
# path items at 4 spaces, schemas at 6.
PARENT_PARAM = """
          {{
            "name": "{name}",
            "in": "path",
            "required": true,
            "description": "Identifier of the owning {noun}.",
            "schema": {{
              "type": "string",
              "format": "uuid"
            }}
          }},"""

ID_PARAM = """
          {{
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Identifier of the {noun}.",
            "schema": {{
              "type": "string",
              "format": "uuid"
            }}
          }}"""

OP_LIST = """
      "get": {{
        "operationId": "list{opn}",
        "summary": "List {plural}",
        "description": "Returns one page of {plural}{scope}, filtered by an optional search text and sorted by the given key.",
        "tags": [
          "{tag}"
        ],
        "parameters": [{pparams}
          {{
            "$ref": "#/components/parameters/Page"
          }},
          {{
            "$ref": "#/components/parameters/Limit"
          }},
          {{
            "$ref": "#/components/parameters/Sort"
          }},
          {{
            "$ref": "#/components/parameters/Search"
          }}
        ],
        "responses": {{
          "200": {{
            "description": "A page of {plural}.",
            "content": {{
              "application/json": {{
                "schema": {{
                  "$ref": "#/components/schemas/IPage{type}"
                }}
              }}
            }}
          }},
          "400": {{
            "$ref": "#/components/responses/BadRequest"
          }}
        }}
      }}"""

OP_CREATE = """
      "post": {{
        "operationId": "create{op}",
        "summary": "Create {a_noun}",
        "description": "Creates a new {noun}{scope} from the given values and returns it with its generated identifier.",
        "tags": [
          "{tag}"
        ],{pparams_block}
        "requestBody": {{
          "required": true,
          "description": "Values of the new {noun}.",
          "content": {{
            "application/json": {{
              "schema": {{
                "$ref": "#/components/schemas/{type}.ICreate"
              }}
            }}
          }}
        }},
        "responses": {{
          "201": {{
            "description": "The created {noun}.",
            "content": {{
              "application/json": {{
                "schema": {{
                  "$ref": "#/components/schemas/{type}"
                }}
              }}
            }}
          }},
          "400": {{
            "$ref": "#/components/responses/BadRequest"
          }}
        }}
      }}"""

OP_GET = """
      "get": {{
        "operationId": "get{op}",
        "summary": "Get {a_noun}",
        "description": "Returns the {noun} with the given identifier.",
        "tags": [
          "{tag}"
        ],
        "parameters": [{pparams}{idparam}
        ],
        "responses": {{
          "200": {{
            "description": "The {noun}.",
            "content": {{
              "application/json": {{
                "schema": {{
                  "$ref": "#/components/schemas/{type}"
                }}
              }}
            }}
          }},
          "404": {{
            "$ref": "#/components/responses/NotFound"
          }}
        }}
      }}"""

OP_UPDATE = """
      "put": {{
        "operationId": "update{op}",
        "summary": "Update {a_noun}",
        "description": "Replaces the given values of the {noun}; values left out keep their current state.",
        "tags": [
          "{tag}"
        ],
        "parameters": [{pparams}{idparam}
        ],
        "requestBody": {{
          "required": true,
          "description": "New values of the {noun}.",
          "content": {{
            "application/json": {{
              "schema": {{
                "$ref": "#/components/schemas/{type}.IUpdate"
              }}
            }}
          }}
        }},
        "responses": {{
          "200": {{
            "description": "The updated {noun}.",
            "content": {{
              "application/json": {{
                "schema": {{
                  "$ref": "#/components/schemas/{type}"
                }}
              }}
            }}
          }},
          "404": {{
            "$ref": "#/components/responses/NotFound"
          }}
        }}
      }}"""

OP_DELETE = """
      "delete": {{
        "operationId": "delete{op}",
        "summary": "Delete {a_noun}",
        "description": "Soft-deletes the {noun}; it disappears from lists but its history is kept.",
        "tags": [
          "{tag}"
        ],
        "parameters": [{pparams}{idparam}
        ],
        "responses": {{
          "204": {{
            "description": "The {noun} was deleted."
          }},
          "404": {{
            "$ref": "#/components/responses/NotFound"
          }}
        }}
      }}"""

ENTITY = """
      "{type}": {{
        "type": "object",
        "description": "{A_noun}{scope}. {sentence}",
        "properties": {{
          "id": {{
            "type": "string",
            "format": "uuid",
            "description": "Primary key of the {noun}."
          }},{parent_prop}
          "code": {{
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "pattern": "^[A-Z0-9][A-Z0-9-]*$",
            "description": "Business code of the {noun}, unique within its scope.",
            "examples": [
              "{code}-0001"
            ]
          }},
          "title": {{
            "type": "string",
            "minLength": 1,
            "maxLength": {title_max},
            "description": "Human-readable title of the {noun} shown in lists."
          }},
          "status": {{
            "type": "string",
            "enum": [
              "draft",
              "active",
              "suspended",
              "archived"
            ],
            "description": "Lifecycle state of the {noun}."
          }},
          "quantity": {{
            "type": "integer",
            "minimum": 0,
            "maximum": {quantity_max},
            "description": "How many units the {noun} holds."
          }},
          "price": {{
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "description": "Unit price in the account currency, or null when not priced."
          }},
          "active": {{
            "type": "boolean",
            "description": "Whether the {noun} is in use."
          }},
          "created_at": {{
            "type": "string",
            "format": "date-time",
            "description": "Creation time of the {noun}."
          }},
          "deleted_at": {{
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "Soft-deletion time, or null while the {noun} is live."
          }}{detail_props}
        }},
        "required": [
          "id",{parent_req}
          "code",
          "title",
          "status",
          "quantity",
          "price",
          "active",
          "created_at",
          "deleted_at"
        ]
      }}"""

ENTITY_CREATE = """,
      "{type}.ICreate": {{
        "type": "object",
        "description": "Values to create {a_noun} with.",
        "properties": {{
          "code": {{
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "pattern": "^[A-Z0-9][A-Z0-9-]*$",
            "description": "Business code of the new {noun}."
          }},
          "title": {{
            "type": "string",
            "minLength": 1,
            "maxLength": {title_max},
            "description": "Title of the new {noun}."
          }},
          "quantity": {{
            "type": "integer",
            "minimum": 0,
            "maximum": {quantity_max},
            "description": "Initial quantity."
          }},
          "price": {{
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "description": "Unit price, or null when not priced."
          }}
        }},
        "required": [
          "code",
          "title",
          "quantity"
        ]
      }}"""

ENTITY_UPDATE = """,
      "{type}.IUpdate": {{
        "type": "object",
        "description": "Values to change on {a_noun}; every property is optional.",
        "properties": {{
          "title": {{
            "type": "string",
            "minLength": 1,
            "maxLength": {title_max},
            "description": "New title."
          }},
          "status": {{
            "type": "string",
            "enum": [
              "draft",
              "active",
              "suspended",
              "archived"
            ],
            "description": "New lifecycle state."
          }},
          "quantity": {{
            "type": "integer",
            "minimum": 0,
            "maximum": {quantity_max},
            "description": "New quantity."
          }},
          "active": {{
            "type": "boolean",
            "description": "Whether the {noun} stays in use."
          }}
        }}
      }}"""

ENTITY_PAGE = """,
      "IPage{type}": {{
        "type": "object",
        "description": "One page of {plural}.",
        "properties": {{
          "pagination": {{
            "$ref": "#/components/schemas/IPage.IPagination"
          }},
          "data": {{
            "type": "array",
            "items": {{
              "$ref": "#/components/schemas/{type}"
            }},
            "description": "The {plural} of this page."
          }}
        }},
        "required": [
          "pagination",
          "data"
        ]
      }}"""

PARENT_PROP = """
          "{param}": {{
            "type": "string",
            "format": "uuid",
            "description": "The owning {pnoun}."
          }},"""

DETAIL_PROP = """,
          "{prop}": {{
            "$ref": "#/components/schemas/{dtype}"
          }}"""

DETAIL = """,
      "{dtype}": {{
        "type": "object",
        "description": "{label} of {a_noun}: {sentence}",
        "properties": {{
          "{adj}_label": {{
            "type": "string",
            "minLength": 1,
            "maxLength": {len1},
            "description": "The {adj} label of the {lower}, as shown to customers."
          }},
          "{adj}_reference": {{
            "type": "string",
            "maxLength": {len2},
            "description": "An external reference for the {lower}, as given by a partner system."
          }},
          "{adj}_count": {{
            "type": "integer",
            "minimum": 0,
            "maximum": {max1},
            "description": "How many {lower} records the {noun} has accumulated."
          }},
          "{adj}_ratio": {{
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Share of the {lower} that is settled, between 0 and 1."
          }},
          "{adj}_kind": {{
            "type": "string",
            "enum": [
              "standard",
              "express",
              "custom"
            ],
            "description": "Kind of {lower} arrangement."
          }},
          "{adj}_updated_at": {{
            "type": "string",
            "format": "date-time",
            "description": "Last time the {lower} changed."
          }},
          "{adj}_enabled": {{
            "type": "boolean",
            "description": "Whether the {lower} applies to the {noun}."
          }}
        }},
        "required": [
          "{adj}_label",
          "{adj}_count",
          "{adj}_kind",
          "{adj}_updated_at"
        ]
      }}"""

SENTENCES = [
    "It is created by staff and read by every client of the API.",
    "Changes to it are recorded in the audit log with the acting user.",
    "Lists of it are paginated and can be filtered by a search text.",
    "It belongs to one tenant and is never shared across tenants.",
    "Deleting it only hides it; reports keep counting it.",
    "Its code is unique within its scope and never reused.",
]

HEADER = """{{
  "openapi": "3.1.0",
  "info": {{
    "title": "Generated CRUD API ({resources} resources)",
    "version": "1.0.0",
    "description": "A synthetic but realistic CRUD API generated by gen-openapi.py (seed {seed}) for tests and benchmarks.",
    "contact": {{
      "name": "API team",
      "email": "api-team@generated.invalid"
    }},
    "license": {{
      "name": "MIT",
      "identifier": "MIT"
    }}
  }},
  "servers": [
    {{
      "url": "https://api.generated.invalid/v1",
      "description": "Production"
    }}
  ],
  "security": [
    {{
      "bearer": []
    }}
  ],
  "tags": [{tags}
  ],
  "paths": {{"""

TAG = """
    {{
      "name": "{tag}",
      "description": "Operations of the {tag} domain."
    }}"""

COMPONENTS = """
  }},
  "components": {{
    "securitySchemes": {{
      "bearer": {{
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "An access token issued by the identity service."
      }}
    }},
    "parameters": {{
      "Page": {{
        "name": "page",
        "in": "query",
        "required": false,
        "description": "Page number, from 1.",
        "schema": {{
          "type": "integer",
          "minimum": 1,
          "default": 1
        }}
      }},
      "Limit": {{
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Records per page.",
        "schema": {{
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 20
        }}
      }},
      "Sort": {{
        "name": "sort",
        "in": "query",
        "required": false,
        "description": "Sort key; a leading minus sorts descending.",
        "schema": {{
          "type": "string",
          "enum": [
            "created_at",
            "-created_at",
            "title",
            "-title"
          ]
        }}
      }},
      "Search": {{
        "name": "search",
        "in": "query",
        "required": false,
        "description": "Text to search in codes and titles.",
        "schema": {{
          "type": "string",
          "minLength": 1,
          "maxLength": 100
        }}
      }}
    }},
    "responses": {{
      "BadRequest": {{
        "description": "The request is malformed or a value is out of bounds.",
        "content": {{
          "application/json": {{
            "schema": {{
              "$ref": "#/components/schemas/IError"
            }}
          }}
        }}
      }},
      "NotFound": {{
        "description": "No record has the given identifier.",
        "content": {{
          "application/json": {{
            "schema": {{
              "$ref": "#/components/schemas/IError"
            }}
          }}
        }}
      }}
    }},
    "schemas": {{
      "IError": {{
        "type": "object",
        "description": "An error returned by any operation.",
        "properties": {{
          "code": {{
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "description": "Machine-readable error code."
          }},
          "message": {{
            "type": "string",
            "maxLength": 1000,
            "description": "Human-readable explanation."
          }}
        }},
        "required": [
          "code",
          "message"
        ]
      }},
      "IPage.IPagination": {{
        "type": "object",
        "description": "Position of a page within all records.",
        "properties": {{
          "current": {{
            "type": "integer",
            "minimum": 1,
            "description": "Current page number."
          }},
          "limit": {{
            "type": "integer",
            "minimum": 1,
            "description": "Records per page."
          }},
          "records": {{
            "type": "integer",
            "minimum": 0,
            "description": "Total number of records."
          }},
          "pages": {{
            "type": "integer",
            "minimum": 0,
            "description": "Total number of pages."
          }}
        }},
        "required": [
          "current",
          "limit",
          "records",
          "pages"
        ]
      }}"""

FOOTER = """
    }
  }
}
"""


def render_paths(r, ops):
    """The path items of resource r with its first `ops` operations (1..5)."""
    if r.parent is not None:
        pparams = PARENT_PARAM.format(name=r.parent.param, noun=r.parent.noun)
        scope = f" of one {r.parent.noun}"
    else:
        pparams = ""
        scope = ""
    names = dict(noun=r.noun, plural=r.plural, tag=r.tag, type=r.type,
                 op=r.op_base[:1].upper() + r.op_base[1:], opn=pascal_plural(r),
                 scope=scope, pparams=pparams, idparam=ID_PARAM.format(noun=r.noun),
                 a_noun=article(r.noun))
    pblock = ""
    if pparams:
        pblock = "\n        \"parameters\": [" + pparams.rstrip(",") + "\n        ],"
    names["pparams_block"] = pblock
    coll = [OP_LIST.format(**names)]
    if ops >= 2:
        coll.append(OP_CREATE.format(**names))
    out = [f'\n    "{r.collection}": {{' + ",".join(coll) + "\n    }"]
    item = []
    if ops >= 3:
        item.append(OP_GET.format(**names))
    if ops >= 4:
        item.append(OP_UPDATE.format(**names))
    if ops >= 5:
        item.append(OP_DELETE.format(**names))
    if item:
        out.append(f'\n    "{r.item}": {{' + ",".join(item) + "\n    }")
    return ",".join(out)


def pascal_plural(r):
    """List operation ids use the plural: listSalesOrders."""
    base = r.op_base[:1].upper() + r.op_base[1:]
    return base[: len(base) - len(pascal(r.noun))] + pascal(r.plural)


def article(noun):
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def render_entity(r, rng_sentence, ops):
    parent_prop = parent_req = ""
    scope = ""
    if r.parent is not None:
        parent_prop = PARENT_PROP.format(param=r.parent.param, pnoun=r.parent.noun)
        parent_req = f'\n          "{r.parent.param}",'
        scope = f" of {article(r.parent.noun)}"
    detail_props = "".join(DETAIL_PROP.format(prop=p, dtype=t) for p, t, _ in r.details)
    body = ENTITY.format(type=r.type, noun=r.noun, plural=r.plural, scope=scope,
                         sentence=rng_sentence, parent_prop=parent_prop, parent_req=parent_req,
                         code=r.code_prefix, title_max=r.title_max, quantity_max=r.quantity_max,
                         detail_props=detail_props, A_noun=article(r.noun).capitalize())
    names = dict(type=r.type, noun=r.noun, plural=r.plural, a_noun=article(r.noun),
                 title_max=r.title_max, quantity_max=r.quantity_max)
    body += ENTITY_PAGE.format(**names)
    if ops >= 2:
        body += ENTITY_CREATE.format(**names)
    if ops >= 4:
        body += ENTITY_UPDATE.format(**names)
    return body + "".join(d for _, _, d in r.details)


def make_detail(r, k, rng):
    label = DETAILS[k % len(DETAILS)]
    cycle = k // len(DETAILS)
    suffix = str(cycle + 1) if cycle else ""
    dtype = f"{r.type}.I{label}{suffix}"
    snake = "".join("_" + c.lower() if c.isupper() else c for c in label).lstrip("_")
    prop = snake + (f"_{cycle + 1}" if cycle else "")
    lower = snake.replace("_", " ")
    body = DETAIL.format(dtype=dtype, label=label, noun=r.noun, a_noun=article(r.noun), lower=lower,
                         sentence=rng.choice(SENTENCES), adj=rng.choice(ADJECTIVES),
                         len1=rng.choice([32, 64, 128]), len2=rng.choice([64, 255]),
                         max1=rng.choice([100, 10000, 1000000]))
    return (prop, dtype, body)


def generate(operations, target, seed):
    """Returns the document as a list of string parts."""
    rng = random.Random(seed)
    resources = []
    parts_paths = []
    parts_schemas = []
    size_paths = size_schemas = 0

    def new_resource():
        i = len(resources)
        parent = None
        if i % 4 == 3 and resources[-1].parent is None:
            parent = resources[-1]
        r = Resource(i, rng, parent)
        resources.append(r)
        return r

    # Fixed parts whose size does not depend on padding.
    fixed = len(COMPONENTS.format()) + len(FOOTER) + 2000  # header, tags: estimated

    if operations:
        count = (operations + 4) // 5
        plan = [min(5, operations - 5 * i) for i in range(count)]
    else:
        plan = None

    i = 0
    while True:
        if plan is not None:
            if i >= len(plan):
                break
            ops = plan[i]
        else:
            if size_paths + size_schemas + fixed >= target:
                break
            ops = 5
        r = new_resource()
        p = render_paths(r, ops)
        sentence = rng.choice(SENTENCES)
        e = render_entity(r, sentence, ops)
        if plan is not None and target:
            # Pad evenly: after resource i the document should be about
            # (i + 1) / count of the target.
            goal = (target - fixed) * (i + 1) / len(plan)
            have = size_paths + size_schemas + len(p) + len(e)
            k = 0
            while have < goal:
                d = make_detail(r, k, rng)
                r.details.append(d)
                have += len(d[2]) + len(DETAIL_PROP.format(prop=d[0], dtype=d[1]))
                k += 1
            if k:
                e = render_entity(r, sentence, ops)
        parts_paths.append(p)
        parts_schemas.append("," + e)
        size_paths += len(p) + 1
        size_schemas += len(e) + 1
        i += 1

    tags = sorted({r.tag for r in resources})
    header = HEADER.format(resources=len(resources), seed=seed,
                           tags=",".join(TAG.format(tag=t) for t in tags))
    n_ops = sum(plan) if plan is not None else 5 * len(resources)
    return [header, ",".join(parts_paths), COMPONENTS.format()] + parts_schemas + [FOOTER], n_ops


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--operations", type=int, help="number of operations (5 per resource)")
    ap.add_argument("--target-bytes", type=float, help="pad the document to about this many bytes (1e8 = 100 MB)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("-o", "--out", default="-", help="output file (default: stdout)")
    args = ap.parse_args()
    if not args.operations and not args.target_bytes:
        ap.error("give --operations N, --target-bytes B, or both")
    if args.operations is not None and args.operations < 1:
        ap.error("--operations must be at least 1")
    target = int(args.target_bytes) if args.target_bytes else 0
    parts, n_ops = generate(args.operations or 0, target, args.seed)
    if args.out == "-":
        sys.stdout.write("".join(parts))
    else:
        with open(args.out, "w", encoding="ascii", newline="\n") as f:
            f.writelines(parts)
    print(f"gen-openapi: {n_ops} operations, {sum(len(p) for p in parts)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
