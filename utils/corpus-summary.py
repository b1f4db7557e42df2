#!/usr/bin/env python3
"""Runs abv-verify over every project of the corpus and prints one line per
project: its path, abv-verify's exit code, and how many diagnostics of each
ID it reported.

  corpus-summary.py --abv build/bin/abv-verify --corpus ../shared/corpus
                    [--forbid PS001,JS001] [--details ID,ID]

The corpus lit suite (test/Corpus) compares this output with the summary
checked in beside it, so any change in what ABV reports on real projects
shows up as a test failure to be reviewed. --forbid makes the exit status 1
when any listed ID occurs (parse errors must never occur on the corpus);
--details also prints each diagnostic of the listed IDs (file:line:col and
message), for review.
"""
import argparse
import json
import os
import subprocess
import sys


def projects(corpus):
    """Project folders (with prisma/schema or autobe/prisma.json), sorted,
    plus the corpus's loose DB ASTs."""
    found = set()
    for base in ("autobe", "autobe-2026", "autobe-swagger", "reference"):
        top = os.path.join(corpus, base)
        for dirpath, dirs, files in os.walk(top):
            dirs.sort()
            if os.path.isdir(os.path.join(dirpath, "prisma", "schema")) or \
               os.path.isfile(os.path.join(dirpath, "autobe", "prisma.json")):
                found.add(dirpath)
            # Upstream runs that stopped before writing a DB layer still have
            # an autobe/ folder (histories.json): the tool must say so.
            if os.path.basename(dirpath) == "autobe" and base == "autobe" and \
               not os.path.isfile(os.path.join(dirpath, "prisma.json")):
                parent = os.path.dirname(dirpath)
                if not os.path.isdir(os.path.join(parent, "prisma")):
                    found.add(parent)
    return sorted(found)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--abv", default="abv-verify")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--forbid", default="")
    ap.add_argument("--details", default="")
    args = ap.parse_args()
    forbid = {x for x in args.forbid.split(",") if x}
    details = {x for x in args.details.split(",") if x}
    bad = 0
    for proj in projects(args.corpus):
        rel = os.path.relpath(proj, args.corpus)
        proc = subprocess.run([args.abv, "--format=json", "--fail-on=never", proj],
                              capture_output=True, text=True)
        counts = {}
        records = []
        try:
            doc = json.loads(proc.stdout)
            records = doc["diagnostics"]
        except (ValueError, KeyError):
            counts["<no-json>"] = 1
        for d in records:
            counts[d["id"]] = counts.get(d["id"], 0) + 1
        summary = " ".join(f"{k}={counts[k]}" for k in sorted(counts))
        print(f"{rel} exit={proc.returncode} {summary}".rstrip())
        for d in records:
            if d["id"] in details:
                loc = d["location"] or {}
                where = f"{os.path.relpath(loc['file'], args.corpus)}:{loc['line']}:{loc['column']}" if loc else "-"
                print(f"    {d['id']} {where}: {d['message']}")
        hit = forbid.intersection(counts)
        if hit:
            print(f"error: {rel}: forbidden diagnostics {sorted(hit)}", file=sys.stderr)
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
