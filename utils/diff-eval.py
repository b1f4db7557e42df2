#!/usr/bin/env python3
"""Measures abv-diff's matcher against hand-made ground-truth alignments.

  diff-eval.py [--abv-diff build/bin/abv-diff] [--corpus ../shared/corpus]
               [--truth test/Diff/GroundTruth] [--project NAME]

Each ground-truth file (test/Diff/GroundTruth/*.json) is a mapping file
(docs/Diff.md, "Mapping files") written by hand; its "candidate" and
"reference" name corpus folders. For each, abv-diff aligns the two with its
matcher (--emit-mapping) and the pairs are compared:

  precision = pairs the matcher and the truth share / pairs the matcher made
  recall    = pairs the matcher and the truth share / pairs of the truth

per dimension: entities (reference entity, candidate table), columns
(reference entity and field, candidate table and column: a column pair in a
wrong entity pair is wrong) and endpoints (reference and candidate labels).
Prints one line per project and the totals over all pairs (micro average).
Exits 1 when a run fails, 0 otherwise.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIMENSIONS = ("entities", "columns", "endpoints")


def pairs_of(mapping):
    """The pairs of a mapping file, per dimension, as sets of tuples."""
    result = {d: set() for d in DIMENSIONS}
    for entry in mapping.get("entities", []):
        r, c = entry.get("reference"), entry.get("candidate")
        if r is None or c is None:
            continue
        result["entities"].add((r, c))
        for column in entry.get("columns", []):
            rc, cc = column.get("reference"), column.get("candidate")
            if rc is not None and cc is not None:
                result["columns"].add((r, rc, c, cc))
    for entry in mapping.get("endpoints", []):
        r, c = entry.get("reference"), entry.get("candidate")
        if r is not None and c is not None:
            result["endpoints"].add((r, c))
    return result


def ratio(a, b):
    return a / b if b else None


def fmt(x):
    return "    -" if x is None else "%.3f" % x


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--abv-diff", default=os.path.join(ROOT, "build", "bin", "abv-diff"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--truth", default=os.path.join(ROOT, "test", "Diff", "GroundTruth"))
    ap.add_argument("--project", help="only the ground-truth file with this name")
    ap.add_argument("--show", action="store_true", help="print every pair on which they disagree")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.truth, "*.json")))
    if args.project:
        files = [f for f in files if args.project in os.path.basename(f)]
    totals = {d: [0, 0, 0] for d in DIMENSIONS}  # shared, matcher, truth
    failed = False
    print("%-52s %s" % ("project", "  ".join("%-17s" % ("%s P / R" % d) for d in DIMENSIONS)))
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            truth = json.load(open(path))
            out = os.path.join(tmp, "mapping.json")
            run = subprocess.run(
                [args.abv_diff, os.path.join(args.corpus, truth["candidate"]),
                 os.path.join(args.corpus, truth["reference"]), "--emit-mapping", out,
                 "--fail-on=never", "--format=json", "-o", os.devnull],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            name = os.path.basename(path)[:-len(".json")]
            if run.returncode != 0 or not os.path.exists(out):
                print("%s: abv-diff failed (%d): %s" % (name, run.returncode, run.stderr.strip()))
                failed = True
                continue
            matcher = pairs_of(json.load(open(out)))
            expected = pairs_of(truth)
            cells = []
            for d in DIMENSIONS:
                shared = len(matcher[d] & expected[d])
                totals[d][0] += shared
                totals[d][1] += len(matcher[d])
                totals[d][2] += len(expected[d])
                cells.append("%s / %s" % (fmt(ratio(shared, len(matcher[d]))),
                                          fmt(ratio(shared, len(expected[d])))))
            print("%-52s %s" % (name, "  ".join("%-17s" % c for c in cells)))
            if args.show:
                for d in DIMENSIONS:
                    for p in sorted(matcher[d] - expected[d]):
                        print("    %s: matcher only: %s" % (d, p))
                    for p in sorted(expected[d] - matcher[d]):
                        print("    %s: truth only:   %s" % (d, p))
            os.remove(out)
    print()
    for d in DIMENSIONS:
        shared, made, truth = totals[d]
        p, r = ratio(shared, made), ratio(shared, truth)
        f1 = None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)
        print("total %-9s pairs: truth %d, matcher %d, shared %d; precision %s, recall %s, F1 %s"
              % (d, truth, made, shared, fmt(p), fmt(r), fmt(f1)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
