#!/usr/bin/env python3
"""ABV's benchmark: throughput, peak memory and scaling of abv-verify, side
by side with peer tools.

  utils/bench/bench.py [--abv build/bin/abv-verify] [--corpus ../shared/corpus]
                       [--runs 3] [--sizes 1000,10000,50000] [--out FILE.md]

What it measures (each figure the median of --runs runs, whole processes):
- the DB layer of every corpus project (its prisma/schema folder and
  autobe/prisma.json) with abv-verify;
- generated AutoBe-style schemas of 1k, 10k and 50k models (utils/gen-schema.py)
  with abv-verify and with Prisma's own engine (@prisma/prisma-schema-wasm,
  the engine `prisma validate` runs), and the ratio between them;
- scaling: the time of each size over the time of the previous one.

Wall time and peak RSS come from the kernel's accounting of each child
(wait4), so they include process start. Peers need `npm install` in this
folder (run automatically when node is present); without node the peer
columns are left out.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_once(cmd):
    """Runs cmd; returns (wall seconds, peak RSS in MiB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, proc.returncode


def measure(cmd, runs):
    """Median wall time and peak RSS over runs (after one warm-up)."""
    run_once(cmd)
    walls, rss, codes = [], [], set()
    for _ in range(runs):
        w, r, c = run_once(cmd)
        walls.append(w)
        rss.append(r)
        codes.add(c)
    return statistics.median(walls), max(rss), codes


def size_of(paths):
    total = 0
    for p in paths:
        if os.path.isdir(p):
            for dirpath, _, files in os.walk(p):
                total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files
                             if f.endswith(".prisma") or f == "prisma.json")
        elif os.path.exists(p):
            total += os.path.getsize(p)
    return total


def corpus_projects(corpus):
    """Every corpus project folder that has a DB layer, sorted."""
    found = []
    for base in ("autobe", "autobe-2026", "autobe-swagger", "reference"):
        top = os.path.join(corpus, base)
        for dirpath, dirs, _ in os.walk(top):
            has_schema = os.path.isdir(os.path.join(dirpath, "prisma", "schema"))
            has_ast = os.path.isfile(os.path.join(dirpath, "autobe", "prisma.json"))
            if has_schema or has_ast:
                found.append(dirpath)
    return sorted(set(found))


def peers_available():
    if not shutil.which("node"):
        return False
    module = os.path.join(HERE, "node_modules", "@prisma", "prisma-schema-wasm")
    if not os.path.isdir(module):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund"], cwd=HERE,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.isdir(module)


def fmt_mb(n):
    return f"{n / 1e6:.2f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--abv", default=os.path.join(ROOT, "build", "bin", "abv-verify"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--out", help="also write the report to this file")
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()

    lines = []

    def emit(line=""):
        print(line, flush=True)
        lines.append(line)

    abv = [args.abv, "--fail-on=never"]
    have_peers = peers_available()
    prisma = ["node", "--liftoff-only", os.path.join(HERE, "prisma-validate.mjs")]

    emit(f"Machine: {os.cpu_count()} cores; runs per figure: {args.runs} (median; peak RSS is the max).")
    emit()

    if not args.no_corpus and os.path.isdir(args.corpus):
        emit("## Corpus projects (DB layer: prisma/schema + autobe/prisma.json)")
        emit()
        emit("| project | input MB | abv-verify s | abv MB/s | abv peak RSS MiB |"
             + (" prisma s | prisma RSS MiB | prisma/abv |" if have_peers else ""))
        emit("|---|---|---|---|---|" + ("---|---|---|" if have_peers else ""))
        tot_in = tot_abv = tot_prisma = 0.0
        for proj in corpus_projects(args.corpus):
            inputs = [p for p in (os.path.join(proj, "prisma", "schema"),
                                  os.path.join(proj, "autobe", "prisma.json")) if os.path.exists(p)]
            nbytes = size_of(inputs)
            wall, rss, _ = measure(abv + inputs, args.runs)
            row = (f"| {os.path.relpath(proj, args.corpus)} | {fmt_mb(nbytes)} | {wall:.3f} | "
                   f"{nbytes / 1e6 / wall:.1f} | {rss:.1f} |")
            tot_in += nbytes
            tot_abv += wall
            schema = os.path.join(proj, "prisma", "schema")
            if have_peers and os.path.isdir(schema):
                pwall, prss, _ = measure(prisma + [schema], args.runs)
                tot_prisma += pwall
                row += f" {pwall:.3f} | {prss:.1f} | {pwall / wall:.1f}x |"
            elif have_peers:
                row += " – | – | – |"
            emit(row)
        emit()
        emit(f"Total: {fmt_mb(tot_in)} MB in {tot_abv:.2f} s of abv-verify"
             + (f", {tot_prisma:.2f} s of Prisma's engine" if have_peers else "") + ".")
        emit()

    emit("## Generated schemas (utils/gen-schema.py, PostgreSQL, one file)")
    emit()
    emit("| models | input MB | abv-verify s | abv MB/s | abv peak RSS MiB | scaling |"
         + (" prisma s | prisma RSS MiB | prisma/abv |" if have_peers else ""))
    emit("|---|---|---|---|---|---|" + ("---|---|---|" if have_peers else ""))
    tmp = tempfile.mkdtemp(prefix="abv-bench-")
    prev = None
    try:
        for n in [int(s) for s in args.sizes.split(",") if s]:
            path = os.path.join(tmp, f"schema-{n}.prisma")
            subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen-schema.py"),
                            "--models", str(n), "--out", path], check=True)
            nbytes = os.path.getsize(path)
            wall, rss, codes = measure(abv + [path], args.runs)
            scaling = f"{wall / prev[1]:.2f}x for {n / prev[0]:.0f}x models" if prev else "–"
            row = (f"| {n:,} | {fmt_mb(nbytes)} | {wall:.3f} | {nbytes / 1e6 / wall:.1f} | "
                   f"{rss:.1f} | {scaling} |")
            if have_peers:
                pwall, prss, _ = measure(prisma + [path], args.runs)
                row += f" {pwall:.3f} | {prss:.1f} | {pwall / wall:.1f}x |"
            emit(row)
            prev = (n, wall)
            os.remove(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if args.out:
        with open(args.out, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
