#!/usr/bin/env python3
"""check-sarif.py LOG.sarif...: validates SARIF logs against the official
SARIF 2.1.0 JSON schema (test/Tools/Inputs/sarif/sarif-schema-2.1.0.json),
including its `uri` and `uri-reference` formats (checked here, as the
jsonschema package leaves them unchecked without optional dependencies).
Beyond the schema, it checks what SARIF 2.1.0 says of artifact locations
(3.4.3, 3.4.4): a `uri` that is a relative reference (no scheme) has a
`uriBaseId`. A log of "-" is read from stdin. Exit 0 when every log is valid; else one
line per problem and exit 1. Needs python3-jsonschema (Debian).
"""
import json
import os
import re
import sys
import urllib.parse

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "test", "Tools", "Inputs", "sarif", "sarif-schema-2.1.0.json")

# RFC 3986: characters a URI may hold (unreserved, reserved, '%').
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def is_uri_reference(value):
    return (isinstance(value, str) and URI_CHARS.match(value) is not None
            and PERCENT.search(value) is None)


def is_uri(value):
    return is_uri_reference(value) and urllib.parse.urlsplit(value).scheme != ""


def artifact_locations(node, path=""):
    """Every artifactLocation object in the log, with its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}/{key}" if path else key
            if key == "artifactLocation" and isinstance(value, dict):
                yield child, value
            yield from artifact_locations(value, child)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from artifact_locations(value, f"{path}/{i}")


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(SCHEMA) as f:
        schema = json.load(f)
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(is_uri)
    checker.checks("uri-reference")(is_uri_reference)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=checker)
    problems = 0
    for path in sys.argv[1:]:
        log = json.load(sys.stdin if path == "-" else open(path))
        for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}")
            problems += 1
        for where, location in artifact_locations(log):
            uri = location.get("uri")
            if isinstance(uri, str) and not urllib.parse.urlsplit(uri).scheme \
                    and "uriBaseId" not in location:
                print(f"{path}: {where}: relative uri '{uri}' has no uriBaseId")
                problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
