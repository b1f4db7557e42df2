#!/usr/bin/env python3
"""Checks docs/Diagnostics.md against the diagnostic table.

Usage: abv-verify --list-diagnostics | check-diagnostics-doc.py Diagnostics.md

The table arrives on stdin as tab-separated rows: ID, name, severity,
category, message. Every row must have a section

    ### <ID>: <name>

    | severity | category | message |
    |---|---|---|
    | <severity> | <category> | `<message>` |

followed (before the next section) by a fenced example under a line starting
with **Bad** and one under a line starting with **Good**. Sections for IDs
that are not in the table are errors too. Exit 0 when all agree.
"""
import re
import sys


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    table = {}
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        code, name, severity, category, message = line.split("\t", 4)
        table[code] = (name, severity, category, message)

    text = open(sys.argv[1], encoding="utf-8").read()
    sections = {}
    heading = re.compile(r"^### ([A-Z]{2,3}[0-9]{3}): (\S+)\s*$", re.M)
    matches = list(heading.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[m.end():end]
        # A section ends at the next level-2 heading too.
        h2 = re.search(r"^## ", body, re.M)
        if h2:
            body = body[: h2.start()]
        if m.group(1) in sections:
            print(f"error: {m.group(1)} is documented twice")
            sections["__dup__"] = True
        sections[m.group(1)] = (m.group(2), body)

    errors = 0

    def fail(msg):
        nonlocal errors
        errors += 1
        print("error: " + msg)

    for code, (name, severity, category, message) in table.items():
        if code not in sections:
            fail(f"{code} ({name}) is not documented")
            continue
        docName, body = sections[code]
        if docName != name:
            fail(f"{code}: documented as '{docName}', table says '{name}'")
        row = re.search(r"^\|\s*(\w+)\s*\|\s*(\w+)\s*\|\s*`(.*)`\s*\|\s*$", body, re.M)
        if not row:
            fail(f"{code}: no '| severity | category | `message` |' row")
        else:
            if row.group(1) != severity:
                fail(f"{code}: severity '{row.group(1)}', table says '{severity}'")
            if row.group(2) != category:
                fail(f"{code}: category '{row.group(2)}', table says '{category}'")
            if row.group(3) != message:
                fail(f"{code}: message `{row.group(3)}`, table says `{message}`")
        for label in ("Bad", "Good"):
            if not re.search(r"^\*\*" + label + r"\b.*?\n+```", body, re.M | re.S):
                fail(f"{code}: no **{label}** example with a fenced block")
    for code in sections:
        if code != "__dup__" and code not in table:
            fail(f"{code} is documented but not in the table")
    if "__dup__" in sections:
        errors += 1
    print(f"{len(table)} diagnostics, {len(sections)} sections, {errors} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
