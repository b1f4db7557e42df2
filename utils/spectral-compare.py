#!/usr/bin/env python3
"""Runs Spectral and abv-verify on the same OpenAPI documents and compares
their findings rule by rule.

  utils/spectral-compare.py [--abv build/bin/abv-verify] [--corpus ../shared/corpus]
                            [--examples N] [--out FILE.md] [FILE.json ...]

Without FILE arguments it compares the corpus's OpenAPI documents:
openapi-real/*.json (Stripe, Twilio, Box), reference/*/swagger.json and
autobe-swagger/*/autobe/swagger.json.

Spectral (@stoplight/spectral-cli, installed by `npm install` in
utils/bench) runs as `spectral lint --format json --quiet --ruleset
utils/spectral/.spectral.yaml`, a ruleset that only extends spectral:oas;
abv-verify runs with `--format json --fail-on=never`. The rules that check
the same thing are paired (PAIRS below). Within a pair, a Spectral finding
and an ABV finding are the same finding when they are on the same line (ABV's
primary location or one of its notes), or else when ABV's line falls inside
the range Spectral reports, or else when they are at most --near lines
apart (5 by default: the tools anchor some findings on neighbouring keys);
each finding matches at most one other. The
report gives, per file and per pair, the findings both tools report, those
only ABV reports and those only Spectral reports, then the findings of the
rules that have no counterpart on the other side, and with --examples N up
to N located examples of each disagreement. Spectral's lines are 0-based in
its JSON; they are shown 1-based here, as ABV's are.

Exits 0 when both tools ran on every file, 2 otherwise.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# (pair name, Spectral rule codes, ABV diagnostic IDs): rules that check the
# same property of a document.
PAIRS = [
    ("duplicate operationId", ["operation-operationId-unique"], ["API004"]),
    ("path parameters and equivalent paths", ["path-params"], ["API006", "API007", "API008"]),
    ("unused component", ["oas3-unused-component"], ["API003"]),
    ("no success response", ["operation-success-response"], ["API010"]),
    ("duplicate enum value", ["duplicated-entry-in-enum"], ["API012"]),
    ("document structure", ["oas3-schema"], ["AB001", "AB002", "OA006", "OA010", "OA012"]),
    ("unresolved $ref", ["invalid-ref"], ["OA007", "API001"]),
    ("JSON syntax and duplicate keys", ["parser"],
     ["JS001", "JS002", "JS003", "JS004", "JS005", "JS006", "JS007", "JS008", "JS009",
      "JS010", "JS011", "JS012", "JS013"]),
    ("not an OpenAPI 3 document", ["unrecognized-format"], ["OA001", "OA002", "OA003"]),
]

PEER_ENV = {"DO_NOT_TRACK": "1", "SCARF_ANALYTICS": "false", "NO_UPDATE_NOTIFIER": "1"}


def default_files(corpus):
    found = []
    real = os.path.join(corpus, "openapi-real")
    if os.path.isdir(real):
        found += [os.path.join(real, f) for f in sorted(os.listdir(real)) if f.endswith(".json")]
    for base in ("reference", "autobe-swagger"):
        for dirpath, dirs, files in sorted(os.walk(os.path.join(corpus, base))):
            dirs.sort()
            if "swagger.json" in files:
                found.append(os.path.join(dirpath, "swagger.json"))
    return found


def first_json(text):
    """The first JSON value in text (tools may print a banner around it)."""
    starts = [i for i in (text.find("["), text.find("{")) if i >= 0]
    if not starts:
        raise ValueError("no JSON in the output")
    value, _ = json.JSONDecoder().raw_decode(text[min(starts):])
    return value


Finding = collections.namedtuple("Finding", "tool rule line end_line lines message severity")


def run_spectral(spectral, ruleset, path, cwd):
    env = dict(os.environ, **PEER_ENV)
    out = subprocess.run([spectral, "lint", "--format", "json", "--quiet", "--ruleset", ruleset,
                          os.path.abspath(path)], capture_output=True, text=True, cwd=cwd, env=env)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"spectral exited {out.returncode}: {out.stderr.strip()[:500]}")
    results = first_json(out.stdout) if out.stdout.strip() else []
    names = {0: "error", 1: "warning", 2: "info", 3: "hint"}
    found = []
    for r in results:
        start = r["range"]["start"]["line"] + 1
        end = r["range"]["end"]["line"] + 1
        found.append(Finding("spectral", r["code"], start, end, {start}, r["message"],
                             names.get(r.get("severity"), "?")))
    return found


def run_abv(abv, path):
    out = subprocess.run([abv, "--format", "json", "--fail-on=never", path],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"abv-verify exited {out.returncode}: {out.stderr.strip()[:500]}")
    found = []
    for d in first_json(out.stdout)["diagnostics"]:
        loc = d.get("location") or {}
        line = loc.get("line", 0)
        lines = {line} | {n["location"]["line"] for n in d.get("notes", [])
                          if n.get("location") and n["location"].get("file") == loc.get("file")}
        found.append(Finding("abv", d["id"], line, loc.get("endLine", line), lines,
                             d["message"], d["severity"]))
    return found


def match(spec, abv, near):
    """Pairs Spectral and ABV findings of one rule pair: same line first
    (ABV's location or a note), then ABV's line inside Spectral's range,
    then the nearest ABV line at most `near` lines away (the tools anchor
    some findings on neighbouring keys: the path key or the method, the
    operation or its responses). Returns (both, only_abv, only_spectral)."""
    free_abv = list(abv)
    both, only_spec = [], []
    pending = []
    for s in sorted(spec, key=lambda f: f.line):
        hit = next((a for a in free_abv if s.line in a.lines), None)
        if hit is not None:
            free_abv.remove(hit)
            both.append((s, hit))
        else:
            pending.append(s)
    for s in pending:
        inside = [a for a in free_abv if s.line <= a.line <= s.end_line]
        if inside:
            hit = min(inside, key=lambda a: a.line - s.line)
            free_abv.remove(hit)
            both.append((s, hit))
        else:
            only_spec.append(s)
    still = []
    for s in only_spec:
        close = [a for a in free_abv if abs(a.line - s.line) <= near]
        if close:
            hit = min(close, key=lambda a: abs(a.line - s.line))
            free_abv.remove(hit)
            both.append((s, hit))
        else:
            still.append(s)
    return both, free_abv, still


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="OpenAPI documents (default: the corpus's)")
    ap.add_argument("--abv", default=os.path.join(ROOT, "build", "bin", "abv-verify"))
    ap.add_argument("--spectral", default=os.path.join(HERE, "bench", "node_modules", ".bin", "spectral"))
    ap.add_argument("--ruleset", default=os.path.join(HERE, "spectral", ".spectral.yaml"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--near", type=int, default=5,
                    help="match findings of a pair at most this many lines apart (default 5)")
    ap.add_argument("--examples", type=int, default=0, help="list up to N examples of each disagreement")
    ap.add_argument("--out", help="also write the report to this file")
    args = ap.parse_args()

    if not os.path.exists(args.spectral):
        if shutil.which("npm"):
            subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund"],
                           cwd=os.path.join(HERE, "bench"), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        if not os.path.exists(args.spectral):
            sys.exit("spectral-compare: Spectral is not installed (npm install in utils/bench)")
    files = args.files or default_files(args.corpus)
    if not files:
        sys.exit(f"spectral-compare: no files given and no corpus at {args.corpus}")

    lines = []

    def emit(line=""):
        print(line, flush=True)
        lines.append(line)

    def name_of(path):
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(args.corpus))
            return path if rel.startswith("..") else rel
        except ValueError:
            return path

    spec_pair = {code: p[0] for p in PAIRS for code in p[1]}
    abv_pair = {code: p[0] for p in PAIRS for code in p[2]}
    totals = collections.OrderedDict((p[0], [0, 0, 0]) for p in PAIRS)
    unpaired_spec = collections.Counter()
    unpaired_abv = collections.Counter()
    examples = collections.defaultdict(list)  # (pair, side) -> [(file, finding)]
    failed = False
    per_file = []

    cwd = tempfile.mkdtemp(prefix="spectral-compare-")
    try:
        for path in files:
            name = name_of(path)
            try:
                spec = run_spectral(args.spectral, os.path.abspath(args.ruleset), path, cwd)
                abv = run_abv(args.abv, path)
            except (RuntimeError, ValueError, KeyError) as e:
                print(f"spectral-compare: {name}: {e}", file=sys.stderr)
                failed = True
                continue
            row = {"file": name, "spectral": len(spec), "abv": len(abv), "pairs": {},
                   "unpaired_spec": 0, "unpaired_abv": 0}
            for pname, scodes, acodes in PAIRS:
                s = [f for f in spec if f.rule in scodes]
                a = [f for f in abv if f.rule in acodes]
                both, only_a, only_s = match(s, a, args.near)
                row["pairs"][pname] = (len(both), len(only_a), len(only_s))
                t = totals[pname]
                t[0] += len(both)
                t[1] += len(only_a)
                t[2] += len(only_s)
                examples[(pname, "both")] += [(name, sf, af) for sf, af in both]
                examples[(pname, "abv")] += [(name, af, None) for af in only_a]
                examples[(pname, "spectral")] += [(name, sf, None) for sf in only_s]
            for f in spec:
                if f.rule not in spec_pair:
                    unpaired_spec[f.rule] += 1
                    row["unpaired_spec"] += 1
            for f in abv:
                if f.rule not in abv_pair:
                    unpaired_abv[f.rule] += 1
                    row["unpaired_abv"] += 1
            per_file.append(row)
    finally:
        shutil.rmtree(cwd, ignore_errors=True)

    version = subprocess.run([args.spectral, "--version"], capture_output=True, text=True,
                             env=dict(os.environ, **PEER_ENV)).stdout.strip()
    emit(f"Spectral {version}, ruleset {os.path.relpath(args.ruleset, ROOT)} (extends spectral:oas); "
         f"abv-verify {os.path.relpath(args.abv, ROOT) if args.abv.startswith(ROOT) else args.abv}.")
    emit()
    emit("## Per file")
    emit()
    emit("Cells are both / only ABV / only Spectral; `unpaired` counts the findings of rules with no")
    emit("counterpart on the other side.")
    emit()
    used = [p[0] for p in PAIRS if any(sum(r["pairs"][p[0]]) for r in per_file)]
    emit("| file | Spectral findings | ABV findings | " + " | ".join(used) +
         " | unpaired Spectral | unpaired ABV |")
    emit("|---|---|---|" + "---|" * len(used) + "---|---|")
    for r in per_file:
        cells = ["/".join(str(x) for x in r["pairs"][p]) for p in used]
        emit(f"| {r['file']} | {r['spectral']} | {r['abv']} | " + " | ".join(cells) +
             f" | {r['unpaired_spec']} | {r['unpaired_abv']} |")
    emit()
    emit("## Per rule pair (all files)")
    emit()
    emit("| pair | Spectral rules | ABV IDs | both | only ABV | only Spectral |")
    emit("|---|---|---|---|---|---|")
    for pname, scodes, acodes in PAIRS:
        b, a, s = totals[pname]
        emit(f"| {pname} | {', '.join(scodes)} | {', '.join(acodes)} | {b} | {a} | {s} |")
    emit()
    emit("## Rules with no counterpart")
    emit()
    emit(f"Spectral: {len(unpaired_spec)} rules with findings, {sum(unpaired_spec.values())} findings; "
         f"ABV: {len(unpaired_abv)} IDs with findings, {sum(unpaired_abv.values())} findings.")
    emit()
    emit("| Spectral rule | findings |")
    emit("|---|---|")
    for rule, n in unpaired_spec.most_common():
        emit(f"| {rule} | {n} |")
    emit()
    emit("| ABV ID | findings |")
    emit("|---|---|")
    for rule, n in unpaired_abv.most_common():
        emit(f"| {rule} | {n} |")
    emit()

    if args.examples:
        emit("## Examples")
        emit()
        for pname, _, _ in PAIRS:
            for side, label in (("both", "both"), ("abv", "only ABV"), ("spectral", "only Spectral")):
                items = examples[(pname, side)]
                if not items:
                    continue
                emit(f"### {pname}: {label} ({len(items)})")
                emit()
                for fname, f, other in items[:args.examples]:
                    text = f"- {fname}:{f.line}: {f.tool} {f.rule}: {f.message}"
                    if other is not None:
                        text += f" ~ abv {other.rule} at line {other.line}: {other.message}"
                    emit(text)
                emit()

    if args.out:
        with open(args.out, "w") as f:
            f.write("\n".join(lines) + "\n")
    sys.exit(2 if failed else 0)


if __name__ == "__main__":
    main()
