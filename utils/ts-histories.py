#!/usr/bin/env python3
"""Parses the TypeScript code that AutoBe's histories.json files carry as
JSON strings with ABV's TypeScript frontend, and counts how much of it
parses cleanly.

  utils/ts-histories.py [--abv build/bin/abv-verify] [--keep DIR] [-v]
                        PATH...

PATH is a histories.json file or a folder searched for them (for example
../shared/corpus). Code strings are the `content` of every object whose
`location` ends in .ts (test events: files[]; realize events: functions[],
and the provider, decorator and payload of authorizations[]) and the values
of realize events' `controllers` map (keyed by .ts paths). Each string is
written to a scratch folder under its location and all of them are given to
abv-verify at once (--format=json). The compiler results recorded in the
same event (compiled.diagnostics) are read too: codes TS1000-TS1999 are
TypeScript's syntax errors, so the report says how many strings TypeScript
found syntax errors in, next to ABV's TSP diagnostics.

Prints the totals (strings, distinct strings, bytes, strings without a TSP
error) and one line per string with a TSP error:
  <histories.json>: <event> #<n> <location>:<line>:<col>: <ID> <message>
Exits 0, or 2 when abv-verify could not be run.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def histories_files(paths):
    found = []
    for path in paths:
        if os.path.isdir(path):
            for dirpath, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d != "node_modules")
                if "histories.json" in files:
                    found.append(os.path.join(dirpath, "histories.json"))
        else:
            found.append(path)
    return sorted(found)


def code_strings(event):
    """Yields (location, content) of every TypeScript string in one event."""
    def walk(node):
        if isinstance(node, dict):
            loc, content = node.get("location"), node.get("content")
            if isinstance(loc, str) and loc.endswith(".ts") and isinstance(content, str):
                yield loc, content
            for key, value in node.items():
                if key == "controllers" and isinstance(value, dict):
                    for name, text in value.items():
                        if name.endswith(".ts") and isinstance(text, str):
                            yield name, text
                elif key not in ("compiled", "document"):
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
    yield from walk(event)


def tsc_syntax_errors(event):
    """Locations that TypeScript's recorded compile of this event found a
    syntax error (TS1000-TS1999) in."""
    compiled = event.get("compiled")
    found = set()
    if isinstance(compiled, dict):
        for diag in compiled.get("diagnostics") or []:
            code = diag.get("code") if isinstance(diag, dict) else None
            if isinstance(code, int) and 1000 <= code < 2000 and isinstance(diag.get("file"), str):
                found.add(diag["file"])
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help="histories.json files or folders holding them")
    ap.add_argument("--abv", default=os.path.join(ROOT, "build", "bin", "abv-verify"))
    ap.add_argument("--keep", help="write the code strings into this folder and keep them")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also name the strings TypeScript found syntax errors in")
    args = ap.parse_args()

    scratch = args.keep or tempfile.mkdtemp(prefix="abv-ts-histories-")
    strings = []  # (histories, event type, event index, location, path on disk, tsc flagged)
    distinct = set()
    nbytes = 0
    try:
        for hist in histories_files(args.paths):
            try:
                with open(hist, encoding="utf-8") as f:
                    events = json.load(f)
            except (OSError, ValueError) as e:
                print(f"{hist}: skipped: {e}", file=sys.stderr)
                continue
            if not isinstance(events, list):
                continue
            for index, event in enumerate(events):
                if not isinstance(event, dict):
                    continue
                flagged = tsc_syntax_errors(event)
                for loc, content in code_strings(event):
                    path = os.path.join(scratch, str(len(strings)), loc.lstrip("/"))
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    data = content.encode("utf-8", "surrogatepass")
                    with open(path, "wb") as f:
                        f.write(data)
                    nbytes += len(data)
                    distinct.add(data)
                    strings.append((hist, event.get("type", "?"), index, loc, path, loc in flagged))
        if not strings:
            print("no TypeScript code strings found")
            return 0

        listing = os.path.join(scratch, "files.txt")
        with open(listing, "w") as f:
            f.write("\n".join(s[4] for s in strings) + "\n")
        try:
            out = subprocess.run([args.abv, "--fail-on=never", "--format=json", "@" + listing],
                                 capture_output=True, text=True)
            report = json.loads(out.stdout)
        except (OSError, ValueError) as e:
            print(f"error: could not run {args.abv}: {e}", file=sys.stderr)
            return 2

        by_path = {}
        for diag in report.get("diagnostics", []):
            if not diag.get("id", "").startswith("TSP"):
                continue
            loc = diag.get("location") or {}
            by_path.setdefault(loc.get("file"), []).append(diag)

        hists = {s[0] for s in strings}
        with_tsp = [s for s in strings if s[4] in by_path]
        tsc_flagged = [s for s in strings if s[5]]
        both = [s for s in with_tsp if s[5]]
        ids = {}
        for diags in by_path.values():
            for d in diags:
                ids[d["id"]] = ids.get(d["id"], 0) + 1
        print(f"{len(hists)} histories.json files: {len(strings)} TypeScript code strings "
              f"({len(distinct)} distinct), {nbytes:,} bytes")
        print(f"parse without a TSP error: {len(strings) - len(with_tsp)} of {len(strings)}")
        print(f"with TSP errors: {len(with_tsp)}"
              + (" (" + ", ".join(f"{k} x{v}" for k, v in sorted(ids.items())) + ")" if ids else ""))
        print(f"TypeScript's recorded compile found syntax errors (TS1xxx) in {len(tsc_flagged)}; "
              f"ABV reports a TSP error in {len(both)} of them")
        for hist, kind, index, loc, path, _ in with_tsp:
            for d in by_path[path]:
                where = d["location"]
                print(f"{hist}: {kind} #{index} {loc}:{where['line']}:{where['column']}: "
                      f"{d['id']} {d['message']}")
        if args.verbose:
            for hist, kind, index, loc, path, _ in tsc_flagged:
                if path not in by_path:
                    print(f"{hist}: {kind} #{index} {loc}: TypeScript syntax error, no TSP error")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
