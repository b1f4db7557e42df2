#!/usr/bin/env python3
"""Compares abv-score results with the upstream phase table of the corpus.

usage: score-phases.py README-upstream.md SCORES.json [--min-agreement F]

README-upstream.md is autobe-examples' README (per model, one row per
project: upstream score and the status of the phases Analyze, Prisma,
Interface, Test, Realize). SCORES.json is `abv-score --format=json` over the
same runs. Prints, for the runs both cover:

- pairs: for every two runs of one project whose upstream scores differ,
  whether ABV orders them the same way (concordant), the other way, or
  ties them; and of the pairs the table calls equal, how many ABV separates;
- phases: for each phase the table marks failed, whether the rubric
  category of that layer lost at least half its points (Prisma: db,
  Interface: api, Test: tests, Realize: logic), and for each phase marked
  ok, whether that category kept points.

With --emit-published FILE, also writes the table's scores in the format of
published-scores/batch-summary.json ([{model, project, score}]), for
`abv-score --compare-published`.

Exit 1 when the concordant share of the separated pairs is below
--min-agreement (default 0), else 0.
"""
import argparse
import itertools
import json
import re
import sys

PHASES = ["analyze", "prisma", "interface", "test", "realize"]
CATEGORY = {"prisma": "db", "interface": "api", "test": "tests",
            "realize": "logic"}
STATUS = {"🟢": "ok", "🟡": "partial", "❌": "failed"}


def read_table(path):
    runs = {}
    model = None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^## `([^`]+)`", line)
        if m:
            model = m.group(1)
            continue
        m = re.match(r"^\[`([^`]+)`\]\(\./([^)]+?)/?\)\s*\|\s*([\d.]+)\s*\|(.*)$",
                     line)
        if m and model:
            cells = [c.strip() for c in m.group(4).split("|")]
            phases = {PHASES[i]: STATUS.get(c, c)
                      for i, c in enumerate(cells[:5])}
            runs[m.group(2)] = (float(m.group(3)), phases)
    return runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("readme")
    parser.add_argument("scores")
    parser.add_argument("--min-agreement", type=float, default=0)
    parser.add_argument("--emit-published")
    args = parser.parse_args()
    table = read_table(args.readme)
    if args.emit_published:
        rows = [{"model": key.rsplit("/", 1)[0], "project": key.rsplit("/", 1)[1],
                 "score": score} for key, (score, _) in sorted(table.items())]
        with open(args.emit_published, "w") as out:
            json.dump(rows, out, indent=1)
    result = json.load(open(args.scores))
    abv = {}
    for run in result["runs"]:
        key = run["model"] + "/" + run["project"]
        if key in table:
            cats = {c["name"]: c for c in run["categories"]}
            abv[key] = (run["total"], cats)
    keys = sorted(abv)
    print(f"runs in both: {len(keys)} (table {len(table)}, "
          f"scored {len(result['runs'])})")
    concordant = discordant = tied = equal = separated = 0
    disagreements = []
    for a, b in itertools.combinations(keys, 2):
        if a.rsplit("/", 1)[1] != b.rsplit("/", 1)[1]:
            continue
        ua, ub = table[a][0], table[b][0]
        sa, sb = abv[a][0], abv[b][0]
        if ua == ub:
            equal += 1
            separated += abs(sa - sb) >= 0.5
            continue
        if abs(sa - sb) < 1e-9:
            tied += 1
            disagreements.append(f"tied: {a} ({ua:g}) {b} ({ub:g}) both {sa:.2f}")
        elif (ua > ub) == (sa > sb):
            concordant += 1
        else:
            discordant += 1
            disagreements.append(f"reversed: {a} upstream {ua:g} ABV {sa:.2f}; "
                                 f"{b} upstream {ub:g} ABV {sb:.2f}")
    total = concordant + discordant + tied
    share = concordant / total if total else 1
    print(f"pairs the table separates: {total}; concordant {concordant}, "
          f"reversed {discordant}, tied {tied} ({share:.3f})")
    print(f"pairs the table calls equal: {equal}; ABV separates "
          f"{separated} (by 0.5 points or more)")
    for phase, category in CATEGORY.items():
        failed = agree_failed = ok = agree_ok = 0
        for key in keys:
            status = table[key][1].get(phase)
            cat = abv[key][1].get(category)
            if not cat or not cat["scored"]:
                continue
            kept = cat["points"] / cat["weight"] if cat["weight"] else 0
            if status == "failed":
                failed += 1
                agree_failed += kept <= 0.5
            elif status == "ok":
                ok += 1
                agree_ok += kept > 0
        print(f"phase {phase} -> {category}: failed {agree_failed}/{failed} "
              f"lost half or more; ok {agree_ok}/{ok} kept points")
    for line in disagreements:
        print("  " + line)
    return 0 if share >= args.min_agreement else 1


if __name__ == "__main__":
    sys.exit(main())
