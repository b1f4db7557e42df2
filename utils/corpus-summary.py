#!/usr/bin/env python3
"""Runs abv-verify over the corpus and prints one line per project: its path
(relative to the corpus), abv-verify's exit code, and how many diagnostics of
each ID it reported.

  corpus-summary.py --abv build/bin/abv-verify --corpus ../shared/corpus
                    [--abv-opt build/bin/abv-opt]
                    [--artifacts | --upstream]
                    [--forbid PS001,JS001] [--details ID,ID]

Modes:
  (default)    one line per project folder (with prisma/schema or
               autobe/prisma.json, plus the AutoBe runs that stopped before
               writing a DB layer, which must report IN006).
  --artifacts  one line per artifact instead: every autobe/prisma.json and
               every folder holding .prisma files, each loaded on its own.
  --upstream   one line per project of the upstream phase table in the
               corpus README (autobe/): the upstream score and phases, the
               DB model count upstream reports and the model counts ABV
               loads (needs --abv-opt), then abv-verify's exit code and
               counts. Fails (exit 1) when ABV disagrees with the table: a
               DB:failed project must exit 2 with IN006 and nothing else; a
               DB:ok project must load both artifacts with the model count
               the table gives, and report no input error.

Checks (any failure makes the exit status 1, with a message on stderr):
  --forbid     an ID in this list occurs (parse and shape errors must never
               occur on the corpus);
  --abv-opt    also runs `abv-opt --all-passes --verify-ir` on every input
               (the IR verifier after lowering) and requires no IR001 and
               the same diagnostic counts as abv-verify.
  always       one finding per defect: no two records are identical (ID,
               place, message), and a project with both DB artifacts (or both
               API ones) reports its pass findings at the canonical one only
               (the .prisma text; document.json): in the twin, only what
               reads that file (input, syntax and shape IDs) and db-sync's
               DB07x may occur.
--details also prints each diagnostic of the listed IDs (file:line:col and
message), for review.

The corpus lit suite (test/Corpus) compares these outputs with the files
checked in beside it, so any change in what ABV reports on real projects
shows up as a test failure to be reviewed.
"""
import argparse
import json
import os
import re
import subprocess
import sys


def projects(corpus):
    """Project folders (with prisma/schema or autobe/prisma.json), sorted,
    plus the AutoBe runs that have an autobe/ folder but no DB layer."""
    found = set()
    for base in ("autobe", "autobe-2026", "autobe-swagger", "reference"):
        top = os.path.join(corpus, base)
        for dirpath, dirs, files in os.walk(top):
            dirs.sort()
            if os.path.isdir(os.path.join(dirpath, "prisma", "schema")) or \
               os.path.isfile(os.path.join(dirpath, "autobe", "prisma.json")):
                found.add(dirpath)
            # Upstream runs that stopped before writing a DB layer still have
            # an autobe/ folder (histories.json): the tool must say so. The
            # corpus's own top-level autobe/ folder is not such a run.
            if base == "autobe" and dirpath != top and \
               os.path.basename(dirpath) == "autobe" and \
               not os.path.isfile(os.path.join(dirpath, "prisma.json")):
                parent = os.path.dirname(dirpath)
                if not os.path.isdir(os.path.join(parent, "prisma")):
                    found.add(parent)
    return sorted(found)


def artifacts(corpus):
    """Every autobe/prisma.json and every folder holding .prisma files."""
    found = set()
    for base in ("autobe", "autobe-2026", "autobe-swagger", "reference"):
        for dirpath, dirs, files in os.walk(os.path.join(corpus, base)):
            dirs.sort()
            if "prisma.json" in files:
                found.add(os.path.join(dirpath, "prisma.json"))
            if any(f.endswith(".prisma") for f in files):
                found.add(dirpath)
    return sorted(found)


def upstream_table(corpus):
    """The autobe/ phase table of the corpus README:
    {project: {"models": int|None, "score": int, "phases": {A: ok, ...}}}."""
    rows = {}
    with open(os.path.join(corpus, "README.md"), encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 8 or cells[0].count("/") != 2:
                continue
            phases = dict(p.split(":", 1) for p in cells[7].split())
            rows["autobe/" + cells[0]] = {
                "models": int(cells[1]) if cells[1].isdigit() else None,
                "score": int(cells[6]),
                "phases": phases,
            }
    return rows


def run_verify(abv, path):
    proc = subprocess.run([abv, "--format=json", "--fail-on=never", path],
                          capture_output=True, text=True)
    try:
        records = json.loads(proc.stdout)["diagnostics"]
    except (ValueError, KeyError):
        records = None
    return proc.returncode, records


def run_opt(abv_opt, path):
    """abv-opt with the default pipeline and the IR verifier around each
    pass; returns (exit code, diagnostics, {origin: model count})."""
    proc = subprocess.run([abv_opt, "--all-passes", "--verify-ir", "--print-ir",
                           "--format=json", "--fail-on=never", path],
                          capture_output=True, text=True)
    records = None
    models = {}
    origin = None
    # Diagnostics go to stderr, the IR to stdout.
    try:
        records = json.loads(proc.stderr)["diagnostics"]
    except (ValueError, KeyError):
        pass
    for line in proc.stdout.splitlines():
        m = re.match(r"db\.schema origin=(\w+)", line)
        if m:
            origin = m.group(1)
            models.setdefault(origin, 0)
        elif line.startswith("  db.model ") and origin:
            models[origin] += 1
    return proc.returncode, records, models


def count(records):
    if records is None:
        return {"<no-json>": 1}
    counts = {}
    for d in records:
        counts[d["id"]] = counts.get(d["id"], 0) + 1
    return counts


# What may be located in a twin artifact: what its own frontend reports
# (input, syntax, AutoBe and OpenAPI shape) and db-sync's disagreements.
TWIN_IDS = re.compile(r"^(IN|PS|JS|YM|AB|OA)\d|^DB07\d$")


def one_finding_per_defect(rel, path, records, bad):
    """Appends to bad every identical repeat and every pass finding located
    in the twin of a canonical artifact."""
    seen = set()
    for d in records or []:
        loc = d.get("location") or {}
        key = (d["id"], loc.get("file"), loc.get("line"), loc.get("column"),
               d["message"])
        if key in seen:
            bad.append(f"{rel}: {d['id']} reported twice at "
                       f"{loc.get('line')}:{loc.get('column')}")
        seen.add(key)
    if not os.path.isdir(path):
        return
    twins = []
    if os.path.isdir(os.path.join(path, "prisma")) and \
       os.path.isfile(os.path.join(path, "autobe", "prisma.json")):
        twins.append(os.path.join(path, "autobe", "prisma.json"))
    if os.path.isfile(os.path.join(path, "autobe", "document.json")):
        twins += [os.path.join(path, name) for name in
                  ("swagger.json", "openapi.json", "autobe/swagger.json",
                   "autobe/openapi.json")]
    twins = {os.path.realpath(t) for t in twins if os.path.isfile(t)}
    for d in records or []:
        loc = d.get("location") or {}
        if loc.get("file") and os.path.realpath(loc["file"]) in twins and \
           not TWIN_IDS.match(d["id"]):
            bad.append(f"{rel}: {d['id']} reported at the twin artifact "
                       f"{os.path.relpath(loc['file'], path)}:{loc['line']}")


def fmt(counts):
    return " ".join(f"{k}={counts[k]}" for k in sorted(counts))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--abv", default="abv-verify")
    ap.add_argument("--abv-opt", default="")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--forbid", default="")
    ap.add_argument("--details", default="")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--artifacts", action="store_true")
    mode.add_argument("--upstream", action="store_true")
    args = ap.parse_args()
    if args.upstream and not args.abv_opt:
        ap.error("--upstream needs --abv-opt (to count the models ABV loads)")
    forbid = {x for x in args.forbid.split(",") if x}
    details = {x for x in args.details.split(",") if x}
    corpus = os.path.realpath(args.corpus)
    bad = []

    table = upstream_table(corpus) if args.upstream else {}
    if args.upstream:
        on_disk = {os.path.relpath(p, corpus) for p in projects(corpus)
                   if os.path.relpath(p, corpus).startswith("autobe/")}
        for rel in sorted(on_disk - set(table)):
            bad.append(f"{rel}: project folder not in the README phase table")
        inputs = [os.path.join(corpus, rel) for rel in sorted(table)]
    elif args.artifacts:
        inputs = artifacts(corpus)
    else:
        inputs = projects(corpus)

    for path in inputs:
        rel = os.path.relpath(path, corpus)
        if args.upstream and not os.path.isdir(path):
            bad.append(f"{rel}: in the README phase table but not in the corpus")
            continue
        code, records = run_verify(args.abv, path)
        counts = count(records)
        line = f"{rel} exit={code} {fmt(counts)}".rstrip()

        models = None
        if args.abv_opt:
            ocode, orecords, models = run_opt(args.abv_opt, path)
            ocounts = count(orecords)
            if "IR001" in ocounts:
                bad.append(f"{rel}: abv-opt --verify-ir reports IR001")
            if ocounts != counts or ocode != code:
                bad.append(f"{rel}: abv-opt --all-passes disagrees with abv-verify: "
                           f"exit={ocode} {fmt(ocounts)} vs exit={code} {fmt(counts)}")

        if args.upstream:
            row = table[rel]
            ph = row["phases"]
            loaded = ",".join(f"{k}:{models[k]}" for k in sorted(models)) or "-"
            up = " ".join(f"{k}={ph[k]}" for k in ("A", "DB", "API", "T", "R") if k in ph)
            line = (f"{rel} score={row['score']} {up} models={row['models'] or '-'} "
                    f"loaded={loaded} | exit={code} {fmt(counts)}").rstrip()
            if ph.get("DB") == "failed":
                if code != 2 or counts != {"IN006": 1}:
                    bad.append(f"{rel}: upstream DB:failed, but abv-verify does not "
                               f"report IN006 alone with exit 2")
            else:
                if code == 2 or any(k.startswith(("IN", "PS", "JS")) for k in counts):
                    bad.append(f"{rel}: upstream DB:{ph.get('DB')}, but abv-verify "
                               f"reports an input or syntax error")
                if sorted(models) != ["autobe", "prisma"]:
                    bad.append(f"{rel}: expected both prisma.json and the .prisma "
                               f"files, loaded {loaded}")
                elif row["models"] is not None and \
                        set(models.values()) != {row["models"]}:
                    bad.append(f"{rel}: upstream has {row['models']} DB models, "
                               f"ABV loads {loaded}")

        print(line)
        for d in records or []:
            if d["id"] in details:
                loc = d["location"] or {}
                where = f"{os.path.relpath(loc['file'], corpus)}:{loc['line']}:{loc['column']}" if loc else "-"
                print(f"    {d['id']} {where}: {d['message']}")
        if not args.artifacts:
            one_finding_per_defect(rel, path, records, bad)
        hit = forbid.intersection(counts)
        if hit:
            bad.append(f"{rel}: forbidden diagnostics {sorted(hit)}")
        if "<no-json>" in counts:
            bad.append(f"{rel}: abv-verify printed no JSON")

    for b in bad:
        print(f"error: {b}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
