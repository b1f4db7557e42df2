#!/usr/bin/env python3
"""Checks docs/Diagnostics.md against the diagnostic table.

Usage: abv-verify --list-diagnostics | check-diagnostics-doc.py Diagnostics.md

The table arrives on stdin as `--list-diagnostics` prints it, tab-separated:

    ID  name  severity|alias|note  category  group  message
    group  name  subgroups  members  description

Every diagnostic row must have a section

    ### <ID>: <name>

    | severity | category | message |
    |---|---|---|
    | <severity> | <category> | `<message>` |

followed (before the next section) by a fenced example under a line starting
with **Bad** and one under a line starting with **Good**.

Every merged-away ID (an alias with an ID) keeps a section `### <ID>: <name>`
that says "Merged into" and names the ID it went to; an old name of a row
whose ID stayed (an alias without an ID) is named, in backquotes, in that
row's section.

Every note must have a row `| <ID> | <name> | `<message>` | <description> |`
in the "## Notes" section, and every group a row
`| `<name>` | <subgroups> | <diagnostics> | <description> |` in the
"## Groups" section, whose subgroups, diagnostics (those whose group
column names it) and description agree with the table. Sections and rows for IDs, notes or
groups that are not in the table are errors too. Exit 0 when all agree.
"""
import re
import sys


def level2(text, title):
    """The body of the level-2 section called `title`, or None."""
    m = re.search(r"^## " + re.escape(title) + r"\s*$", text, re.M)
    if not m:
        return None
    rest = text[m.end():]
    end = re.search(r"^## ", rest, re.M)
    return rest[: end.start()] if end else rest


def table_rows(body):
    """The cells of every table row of `body` but the header and rule."""
    rows = []
    for line in body.splitlines():
        if not line.startswith("|") or re.match(r"^\|[-| ]+\|$", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        rows.append(cells)
    return rows[1:] if rows else rows


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    diags, aliases, notes, groups = {}, {}, {}, {}
    renamed = []  # (old name, target ID)
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        if line.startswith("group\t"):
            _, name, subgroups, members, description = line.split("\t", 4)
            groups[name] = (
                [] if subgroups == "-" else subgroups.split(","),
                description,
            )
            continue
        code, name, kind, category, group, message = line.split("\t", 5)
        if kind == "note":
            notes[code] = (name, message)
        elif kind == "alias":
            target = message.split()[-1]
            if code == "-":
                renamed.append((name, target))
            else:
                aliases[code] = (name, target)
        else:
            diags[code] = (name, kind, category, group, message)

    text = open(sys.argv[1], encoding="utf-8").read()
    sections = {}
    duplicates = 0
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
            duplicates += 1
        sections[m.group(1)] = (m.group(2), body)

    errors = duplicates

    def fail(msg):
        nonlocal errors
        errors += 1
        print("error: " + msg)

    for code, (name, severity, category, _, message) in diags.items():
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

    for code, (name, target) in aliases.items():
        if code not in sections:
            fail(f"{code} ({name}, merged into {target}) has no section")
            continue
        docName, body = sections[code]
        if docName != name:
            fail(f"{code}: documented as '{docName}', table says '{name}'")
        if not re.search(r"Merged into \[?" + re.escape(target) + r"\b", body):
            fail(f"{code}: the section does not say 'Merged into {target}'")
    for name, target in renamed:
        if target in sections and f"`{name}`" not in sections[target][1]:
            fail(f"{target}: the section does not name its old name `{name}`")

    for code in sections:
        if code not in diags and code not in aliases:
            fail(f"{code} is documented but not in the table")

    notesBody = level2(text, "Notes")
    documentedNotes = {}
    if notesBody is None:
        fail("no '## Notes' section")
    else:
        for cells in table_rows(notesBody):
            if len(cells) != 4:
                fail(f"notes: malformed row '| {' | '.join(cells)} |'")
                continue
            documentedNotes[cells[0]] = cells[1:]
    for code, (name, message) in notes.items():
        if code not in documentedNotes:
            fail(f"note {code} ({name}) is not documented")
            continue
        docName, docMessage, description = documentedNotes[code]
        if docName != name:
            fail(f"note {code}: documented as '{docName}', table says '{name}'")
        if docMessage != f"`{message}`":
            fail(f"note {code}: message {docMessage}, table says `{message}`")
        if not description:
            fail(f"note {code}: no description")
    for code in documentedNotes:
        if code not in notes:
            fail(f"note {code} is documented but not in the table")

    groupsBody = level2(text, "Groups")
    documentedGroups = {}
    if groupsBody is None:
        fail("no '## Groups' section")
    else:
        for cells in table_rows(groupsBody):
            if len(cells) != 4:
                fail(f"groups: malformed row '| {' | '.join(cells)} |'")
                continue
            documentedGroups[cells[0].strip("`")] = cells[1:]

    def names(cell):
        return [] if cell == "-" else [c.strip().strip("`") for c in cell.split(",")]

    for name, (subgroups, description) in groups.items():
        if name not in documentedGroups:
            fail(f"group {name} is not documented")
            continue
        docSubgroups, docMembers, docDescription = documentedGroups[name]
        if names(docSubgroups) != subgroups:
            fail(f"group {name}: subgroups {names(docSubgroups)}, table says {subgroups}")
        direct = [code for code, row in diags.items() if row[3] == name]
        if names(docMembers) != direct:
            fail(f"group {name}: diagnostics {names(docMembers)}, table says {direct}")
        if docDescription != description:
            fail(f"group {name}: described as '{docDescription}', table says '{description}'")
    for name in documentedGroups:
        if name not in groups:
            fail(f"group {name} is documented but not in the table")

    print(f"{len(diags)} diagnostics, {len(aliases) + len(renamed)} aliases, "
          f"{len(notes)} notes, {len(groups)} groups, {len(sections)} sections, "
          f"{errors} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
