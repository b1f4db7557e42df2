#!/usr/bin/env python3
"""Checks that a mutation of a project moved the right rubric category down.

usage: score-check.py BASE.json MUTATED.json --category NAME --diagnostic ID
                      [--unchanged NAME ...]

BASE.json and MUTATED.json are `abv-score --format=json` results of one run
each. Passes (exit 0) when the category NAME scores fewer points in the
mutated run, the diagnostic ID is among that category's deductions there
(and costs points), and every category named by --unchanged scores the same.
Prints what it saw either way; exit 1 on a failed check.
"""
import argparse
import json
import sys


def category(result, name):
    run = result["runs"][0]
    for c in run["categories"]:
        if c["name"] == name:
            return c
    sys.exit(f"error: no category '{name}' in the result")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("mutated")
    parser.add_argument("--category", required=True)
    parser.add_argument("--diagnostic", required=True)
    parser.add_argument("--unchanged", action="append", default=[])
    args = parser.parse_args()
    base = json.load(open(args.base))
    mutated = json.load(open(args.mutated))
    b = category(base, args.category)
    m = category(mutated, args.category)
    ok = True
    print(f"{args.category}: {b['points']:.2f} -> {m['points']:.2f}; total "
          f"{base['runs'][0]['total']:.2f} -> {mutated['runs'][0]['total']:.2f}")
    if not m["points"] < b["points"]:
        print(f"error: category {args.category} did not go down")
        ok = False
    costs = {d["id"]: d["points"] for d in m["deductions"]}
    if costs.get(args.diagnostic, 0) <= 0:
        print(f"error: {args.diagnostic} costs nothing in {args.category} "
              f"(deductions: {sorted(costs)})")
        ok = False
    else:
        print(f"{args.diagnostic} costs {costs[args.diagnostic]:.2f} in "
              f"{args.category}")
    for name in args.unchanged:
        if category(base, name)["points"] != category(mutated, name)["points"]:
            print(f"error: category {name} changed")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
