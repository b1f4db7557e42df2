#!/usr/bin/env python3
"""ABV's benchmark: throughput, peak memory and scaling of abv-verify, side
by side with peer tools.

  utils/bench/bench.py [--layer db|api|ts|logic|adversarial|diff|score|all] [--abv build/bin/abv-verify]
                       [--corpus ../shared/corpus] [--runs 3] [--out FILE.md]
                       [--sizes 1000,10000,50000] [--api-sizes 1000,10000,100000]
                       [--ts-sizes 300,3000,30000] [--ts-file-mb 1,10,40]
                       [--diff-sizes 250,500,1000,2000] [--logic-scales 1,2,4]

What it measures (each figure the median of --runs runs, whole processes):

--layer db (the default):
- the DB layer of every corpus project (its prisma/schema folder and
  autobe/prisma.json) with abv-verify;
- generated AutoBe-style schemas of 1k, 10k and 50k models (utils/gen-schema.py)
  with abv-verify and with Prisma's own engine (@prisma/prisma-schema-wasm,
  the engine `prisma validate` runs), and the ratio between them;
- scaling: the time of each size over the time of the previous one.

--layer api:
- every OpenAPI document of the corpus (openapi-real/*.json: Stripe, Twilio,
  Box; reference/*/swagger.json; autobe-swagger/*/autobe/swagger.json) with
  abv-verify and with two OpenAPI linters, Spectral (@stoplight/spectral-cli,
  `spectral lint --format json` with utils/spectral/.spectral.yaml, which
  extends spectral:oas) and Redocly (@redocly/cli, `redocly lint --format
  json --extends recommended`), and the ratios;
- every AutoBe OpenAPI AST of the corpus (autobe/document.json) with
  abv-verify alone (the linters cannot read it: it is not an OpenAPI
  document), and the whole project folder (all layers and the API-to-DB
  cross-checks) for comparison;
- generated OpenAPI 3.1 documents of 1k, 10k and 100k operations
  (utils/gen-openapi.py), with the peers up to --peer-max-mb, and scaling.
  The peers run with their telemetry and update checks turned off
  (REDOCLY_TELEMETRY=off, REDOCLY_SUPPRESS_UPDATE_NOTICE=true,
  DO_NOT_TRACK=1, SCARF_ANALYTICS=false) and need no network.

--layer ts:
- every .ts file of the corpus (providers, E2E tests, DTO structures), per
  project and all at once, with abv-verify (tokenizer, parser and syntax
  tree of ABV's TypeScript frontend) and with TypeScript's own parser
  (typescript, ts.createSourceFile on every file: utils/bench/ts-parse.mjs),
  both given the same files through a list file (@FILE), and the ratio;
  the TSP diagnostics abv-verify reports there and TypeScript's count of
  syntax errors;
- generated projects of 300, 3,000 and 30,000 files (utils/gen-ts.py, one
  third providers, two thirds E2E tests) and single generated files of 1,
  10 and 40 MB, with both tools, and scaling;
- `tsc --noEmit` (TypeScript's whole compiler: parse, bind, check) on each
  corpus project's .ts files and on all of them, beside abv-verify on the
  same files. The packages the code imports (@nestia/e2e, typia,
  @prisma/client generated from the schema, the project's SDK, NestJS) are
  not in the corpus, so every package import is declared `any` by one shim
  (`declare module "*";`); relative imports resolve to the files given.
  That is a lower bound of tsc's time with the real declarations
  (docs/Performance.md says what a full run would take); the errors tsc
  reports under the shim are counted, not judged.

--layer logic:
- abv-verify on every corpus project that has TypeScript (the whole
  project: DB, API, the TypeScript frontend, the logic IR and the logic
  checks), and on a generated complete project (utils/gen-ts.py --complete:
  DB schema, API document, 1,000 providers and 2,000 E2E tests) at the
  scales of --logic-scales (1x, 2x, 4x: providers and tests multiplied):
  wall time, peak RSS, MB/s of TypeScript, scaling, and the logic findings
  (LOG, TST) of the generated project, which show the checks ran.

--layer diff:
- abv-diff on every ground-truth pair of the corpus (test/Diff/GroundTruth:
  a project against its golden spec), and on a project against a project
  (AutoBe's gpt-4.1 shopping run against samchon/shopping-backend);
- generated pairs of 250 to 2,000 entities (utils/gen-diff.py: a candidate
  project with five operations per entity and its golden spec), and
  scaling: the matcher's cost is at most quadratic in entities.

--layer score:
- abv-score over every run of the corpus (autobe/, 61 runs, each against its
  golden spec) and over a generated batch of 200 runs (utils/gen-diff.py:
  50 models x 4 projects of 20 to 160 entities, each against its golden
  spec): wall time and peak RSS with 1 and 2 threads (-j), the speed-up,
  and the CPU time per run.

--layer adversarial:
- the shapes of utils/gen-adversarial.py (`$ref` alias and parameter chains,
  long names for "did you mean", duplicated ids with long paths, a YAML
  anchor reused as ids, many findings in JSON and SARIF), each at three
  doubling sizes: time, peak RSS and output size, and their ratios, which
  must stay near 2x (linear).

Wall time and peak RSS come from the kernel's accounting of each child
(wait4, and GNU time for the peak RSS: see peak_rss), so they include
process start. Before each figure the script waits (--quiet-wait, 20 s at
most) until other processes leave the CPUs idle, and counts the figures it
had to take on a busy machine; as root it also runs itself and the tools
at a raised priority (--nice, -10) so that other work does not skew them.
Peers need `npm install` in this folder (run automatically when node is
present); without node the peer columns are left out.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


TIME = shutil.which("time", path="/usr/bin:/bin")


def run_once(cmd, env=None, cwd=None):
    """Runs cmd; returns (wall seconds, peak RSS in MiB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, proc.returncode


def peak_rss(cmd, env=None, cwd=None):
    """Peak RSS of cmd in MiB, measured through GNU time when present.

    Linux keeps a process's peak RSS across exec, so a child forked from
    this Python process starts with Python's own peak (about 15 MiB) and
    wait4 can report no less for it. GNU time forks the command from a
    process of about 2 MiB, so small peaks are seen as they are."""
    if not TIME:
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
        subprocess.run([TIME, "-f", "%M", "-o", out.name, "--"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        try:
            return int(out.read().strip().splitlines()[-1]) / 1024.0
        except (ValueError, IndexError):
            return None


def cpu_busy(interval=0.5):
    """Fraction of the machine's CPU time spent busy over `interval` s."""
    def snap():
        with open("/proc/stat") as f:
            vals = [int(x) for x in f.readline().split()[1:]]
        return vals[3] + vals[4], sum(vals)
    try:
        i0, t0 = snap()
        time.sleep(interval)
        i1, t1 = snap()
    except OSError:
        return 0.0
    return 1.0 - (i1 - i0) / max(1, t1 - t0)


QUIET = {"limit": 0.15, "wait": 20.0, "noisy": 0, "figures": 0}


def wait_quiet():
    """Before a figure, waits (up to QUIET["wait"] s) until other processes
    leave the CPUs at most QUIET["limit"] busy; counts the figures taken on
    a busy machine."""
    QUIET["figures"] += 1
    if QUIET["wait"] <= 0:
        return
    deadline = time.monotonic() + QUIET["wait"]
    while cpu_busy() > QUIET["limit"]:
        if time.monotonic() > deadline:
            QUIET["noisy"] += 1
            return


def measure(cmd, runs, env=None, cwd=None):
    """Median wall time and peak RSS over runs (after one warm-up); the
    peak RSS is that of one more run through GNU time when it is present
    (see peak_rss), else the largest wait4 figure."""
    wait_quiet()
    run_once(cmd, env, cwd)
    walls, rss, codes = [], [], set()
    for _ in range(runs):
        w, r, c = run_once(cmd, env, cwd)
        walls.append(w)
        rss.append(r)
        codes.add(c)
    exact = peak_rss(cmd, env, cwd)
    return statistics.median(walls), exact if exact is not None else max(rss), codes


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


PEER_MODULES = {
    "prisma": ("@prisma", "prisma-schema-wasm"),
    "spectral": ("@stoplight", "spectral-cli"),
    "redocly": ("@redocly", "cli"),
    "typescript": ("typescript",),
}

# The peers' opt-outs: no usage telemetry, no update check, no notices.
PEER_ENV = {
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "REDOCLY_SUPPRESS_NOTIFICATIONS": "true",
    "DO_NOT_TRACK": "1",
    "SCARF_ANALYTICS": "false",
    "NO_UPDATE_NOTIFIER": "1",
}


def peers_available(names=("prisma",)):
    """True when node and the npm peers `names` are installed (installs
    them from package.json on first use)."""
    if not shutil.which("node"):
        return False
    modules = [os.path.join(HERE, "node_modules", *PEER_MODULES[n]) for n in names]
    if not all(os.path.isdir(m) for m in modules):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund"], cwd=HERE,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return all(os.path.isdir(m) for m in modules)


def fmt_mb(n):
    return f"{n / 1e6:.2f}"


def bench_db(args, emit):
    """The DB layer: corpus projects and generated Prisma schemas."""
    abv = [args.abv, "--fail-on=never"]
    have_peers = peers_available(("prisma",))
    prisma = ["node", "--liftoff-only", os.path.join(HERE, "prisma-validate.mjs")]

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


def openapi_documents(corpus):
    """The corpus's OpenAPI documents, largest first."""
    found = []
    for base in ("openapi-real", "reference", "autobe-swagger"):
        for dirpath, _, files in os.walk(os.path.join(corpus, base)):
            for f in files:
                path = os.path.join(dirpath, f)
                if base == "openapi-real" and f.endswith(".json"):
                    found.append(path)
                elif f in ("swagger.json", "openapi.json"):
                    found.append(path)
    return sorted(set(found), key=lambda p: (-os.path.getsize(p), p))


def autobe_documents(corpus):
    """Every autobe/document.json (AutoBe's OpenAPI AST) of the corpus, sorted."""
    found = []
    for base in ("autobe", "autobe-2026", "autobe-swagger"):
        for dirpath, _, files in os.walk(os.path.join(corpus, base)):
            if os.path.basename(dirpath) == "autobe" and "document.json" in files:
                found.append(os.path.join(dirpath, "document.json"))
    return sorted(found)


def kilo(n):
    return f"{n // 1000}k" if n % 1000 == 0 else f"{n:,}"


def tool_version(cmd, env):
    try:
        out = subprocess.run(cmd + ["--version"], capture_output=True, text=True, env=env, timeout=120)
        return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def bench_api(args, emit):
    """The API layer: OpenAPI documents and AutoBe's OpenAPI AST, against
    Spectral and Redocly."""
    abv = [args.abv, "--fail-on=never"]
    have_peers = peers_available(("spectral", "redocly"))
    env = dict(os.environ, **PEER_ENV)
    bindir = os.path.join(HERE, "node_modules", ".bin")
    ruleset = os.path.join(ROOT, "utils", "spectral", ".spectral.yaml")
    spectral = [os.path.join(bindir, "spectral"), "lint", "--format", "json", "--quiet",
                "--ruleset", ruleset]
    redocly = [os.path.join(bindir, "redocly"), "lint", "--format", "json",
               "--extends", "recommended", "--max-problems", "1000000"]
    # The peers run in an empty folder, so that no config file is picked up.
    peer_cwd = tempfile.mkdtemp(prefix="abv-bench-peers-")
    odd_exits = []
    largest = None  # (bytes, name, abv s, spectral s, redocly s, abv rss, spectral rss, redocly rss)

    if have_peers:
        emit(f"Peers: Spectral {tool_version([spectral[0]], env)} (ruleset: extends spectral:oas), "
             f"Redocly CLI {tool_version([redocly[0]], env)} (recommended ruleset), "
             f"node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}.")
        emit()

    def peers(path, nbytes, name, wall, rss):
        nonlocal largest
        swall, srss, scodes = measure(spectral + [path], args.runs, env, peer_cwd)
        rwall, rrss, rcodes = measure(redocly + [path], args.runs, env, peer_cwd)
        for tool, codes in (("spectral", scodes), ("redocly", rcodes)):
            if codes - {0, 1}:
                odd_exits.append(f"{tool} exited {sorted(codes)} on {name}")
        if largest is None or nbytes > largest[0]:
            largest = (nbytes, name, wall, swall, rwall, rss, srss, rrss)
        return (f" {swall:.3f} | {srss:.1f} | {rwall:.3f} | {rrss:.1f} | "
                f"{swall / wall:.1f}x | {rwall / wall:.1f}x |"), swall, rwall

    peer_head = (" spectral s | spectral RSS MiB | redocly s | redocly RSS MiB | spectral/abv | redocly/abv |"
                 if have_peers else "")
    peer_rule = "---|---|---|---|---|---|" if have_peers else ""

    try:
        if not args.no_corpus and os.path.isdir(args.corpus):
            emit("## OpenAPI documents of the corpus")
            emit()
            emit("| document | input MB | abv-verify s | abv MB/s | abv peak RSS MiB |" + peer_head)
            emit("|---|---|---|---|---|" + peer_rule)
            for path in openapi_documents(args.corpus):
                nbytes = os.path.getsize(path)
                name = os.path.relpath(path, args.corpus)
                wall, rss, _ = measure(abv + [path], args.runs)
                row = (f"| {name} | {fmt_mb(nbytes)} | {wall:.3f} | {nbytes / 1e6 / wall:.1f} | {rss:.1f} |")
                if have_peers:
                    row += peers(path, nbytes, name, wall, rss)[0]
                emit(row)
            emit()

            emit("## AutoBe OpenAPI AST of the corpus projects (autobe/document.json)")
            emit()
            emit("The linters cannot read AutoBe's AST (it is not an OpenAPI document); the last")
            emit("columns are abv-verify on the whole project folder (DB and API layers and the")
            emit("API-to-DB cross-checks).")
            emit()
            emit("| project | document.json MB | abv-verify s | abv MB/s | abv peak RSS MiB | whole project s | whole project RSS MiB |")
            emit("|---|---|---|---|---|---|---|")
            tot_in = tot_abv = 0.0
            for path in autobe_documents(args.corpus):
                nbytes = os.path.getsize(path)
                proj = os.path.dirname(os.path.dirname(path))
                wall, rss, _ = measure(abv + [path], args.runs)
                pwall, prss, _ = measure(abv + [proj], args.runs)
                tot_in += nbytes
                tot_abv += wall
                emit(f"| {os.path.relpath(proj, args.corpus)} | {fmt_mb(nbytes)} | {wall:.3f} | "
                     f"{nbytes / 1e6 / wall:.1f} | {rss:.1f} | {pwall:.3f} | {prss:.1f} |")
            emit()
            emit(f"Total: {fmt_mb(tot_in)} MB of document.json in {tot_abv:.2f} s of abv-verify.")
            emit()

        emit("## Generated OpenAPI 3.1 documents (utils/gen-openapi.py, CRUD resources)")
        emit()
        emit("| operations | input MB | abv-verify s | abv MB/s | abv peak RSS MiB | scaling |" + peer_head)
        emit("|---|---|---|---|---|---|" + peer_rule)
        tmp = tempfile.mkdtemp(prefix="abv-bench-")
        prev = None
        scaled = []  # (n, abv s, spectral s or None, redocly s or None)
        try:
            for n in [int(s) for s in args.api_sizes.split(",") if s]:
                path = os.path.join(tmp, f"openapi-{n}.json")
                subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen-openapi.py"),
                                "--operations", str(n), "-o", path], check=True,
                               stderr=subprocess.DEVNULL)
                nbytes = os.path.getsize(path)
                wall, rss, _ = measure(abv + [path], args.runs)
                scaling = f"{wall / prev[1]:.2f}x for {n / prev[0]:.0f}x operations" if prev else "–"
                row = (f"| {n:,} | {fmt_mb(nbytes)} | {wall:.3f} | {nbytes / 1e6 / wall:.1f} | "
                       f"{rss:.1f} | {scaling} |")
                sw = rw = None
                if have_peers and nbytes <= args.peer_max_mb * 1e6:
                    cells, sw, rw = peers(path, nbytes, f"generated {n:,} operations", wall, rss)
                    row += cells
                elif have_peers:
                    row += " – | – | – | – | – | – |"
                emit(row)
                scaled.append((n, wall, sw, rw))
                prev = (n, wall)
                os.remove(path)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        emit()
        if len(scaled) >= 2:
            parts = []
            for (n0, a0, s0, r0), (n1, a1, s1, r1) in zip(scaled, scaled[1:]):
                part = f"{kilo(n1)}/{kilo(n0)} operations: abv-verify {a1 / a0:.2f}x"
                if s0 and s1:
                    part += f", Spectral {s1 / s0:.2f}x, Redocly {r1 / r0:.2f}x"
                parts.append(part)
            emit("Scaling (time ratio): " + "; ".join(parts) + ".")
            emit()

        if largest is not None:
            nbytes, name, a, sp, rd, arss, srss, rrss = largest
            emit(f"Largest document linted by all three: {name} ({fmt_mb(nbytes)} MB): "
                 f"abv-verify {a:.3f} s / {arss:.1f} MiB, Spectral {sp:.3f} s / {srss:.1f} MiB "
                 f"({sp / a:.1f}x), Redocly {rd:.3f} s / {rrss:.1f} MiB ({rd / a:.1f}x).")
            emit()
        for line in odd_exits:
            emit(f"Note: {line}.")
    finally:
        shutil.rmtree(peer_cwd, ignore_errors=True)


def typescript_files(corpus):
    """Every .ts file of the corpus (node_modules left out), grouped by
    project (the folder above its src/ or test/ folder), sorted."""
    groups = {}
    for dirpath, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if d != "node_modules")
        for f in sorted(files):
            if not f.endswith(".ts"):
                continue
            path = os.path.join(dirpath, f)
            parts = os.path.relpath(path, corpus).split(os.sep)
            cut = next((i for i, p in enumerate(parts) if p in ("src", "test")), len(parts) - 1)
            groups.setdefault(os.sep.join(parts[:cut]) or ".", []).append(path)
    return dict(sorted(groups.items()))


def syntax_errors(cmd, env=None):
    """Runs cmd once; returns its combined output."""
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return out.stdout + out.stderr


def bench_ts(args, emit):
    """The TypeScript frontend: every .ts file of the corpus, generated
    projects and single large files, against TypeScript's own parser."""
    abv = [args.abv, "--fail-on=never"]
    have_peers = peers_available(("typescript",))
    tsparse = ["node", os.path.join(HERE, "ts-parse.mjs")]
    tmp = tempfile.mkdtemp(prefix="abv-bench-ts-")
    peer_head = " tsc parser s | tsc MB/s | tsc peak RSS MiB | tsc/abv |" if have_peers else ""
    peer_rule = "---|---|---|---|" if have_peers else ""

    if have_peers:
        version = subprocess.run(["node", "-e", "process.stdout.write(require('typescript').version)"],
                                 capture_output=True, text=True, cwd=HERE).stdout.strip()
        emit(f"Peer: TypeScript {version} (ts.createSourceFile on every file, utils/bench/ts-parse.mjs), "
             f"node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}.")
        emit()

    def row(name, inputs, nbytes, nfiles, scaling=None):
        """Measures both tools on inputs; returns (table row, abv s, tsc s).
        scaling(abv s) gives the text of a scaling column, when there is one."""
        wall, rss, _ = measure(abv + inputs, args.runs)
        cells = (f"| {name} | {nfiles:,} | {fmt_mb(nbytes)} | {wall:.3f} | {nbytes / 1e6 / wall:.1f} | "
                 f"{nfiles / wall:,.0f} | {rss:.1f} |")
        if scaling:
            cells += f" {scaling(wall)} |"
        peer = None
        if have_peers:
            peer, prss, _ = measure(tsparse + inputs, args.runs)
            cells += f" {peer:.3f} | {nbytes / 1e6 / peer:.1f} | {prss:.1f} | {peer / wall:.1f}x |"
        return cells, wall, peer

    def listfile(paths):
        fd, path = tempfile.mkstemp(suffix=".txt", dir=tmp)
        with os.fdopen(fd, "w") as f:
            f.write("\n".join(paths) + "\n")
        return "@" + path

    head = " files | input MB | abv s | abv MB/s | abv files/s | abv peak RSS MiB |"
    try:
        if not args.no_corpus and os.path.isdir(args.corpus):
            groups = typescript_files(args.corpus)
            every = [p for paths in groups.values() for p in paths]
            emit("## TypeScript of the corpus (every .ts file: providers, E2E tests, DTO structures)")
            emit()
            emit("Both tools get the same files through a list file (`@FILE`); abv-verify")
            emit("tokenizes, parses and builds its syntax tree, TypeScript's parser builds its own.")
            emit()
            emit("| project |" + head + peer_head)
            emit("|---" + "|---|---|---|---|---|---|" + peer_rule)
            for name, paths in groups.items():
                emit(row(name, [listfile(paths)], sum(map(os.path.getsize, paths)), len(paths))[0])
            total, wall, peer = row("**all**", [listfile(every)], sum(map(os.path.getsize, every)),
                                    len(every))
            emit(total)
            emit()
            ids = {}
            out = syntax_errors(abv + [listfile(every)])
            for line in out.splitlines():
                if "[TSP" in line:
                    tag = line.rsplit("[TSP", 1)[1].split(":")[0].split("]")[0]
                    ids["TSP" + tag] = ids.get("TSP" + tag, 0) + 1
            found = ", ".join(f"{k} x{v}" for k, v in sorted(ids.items())) or "none"
            emit(f"TSP diagnostics of abv-verify on the corpus: {found}.")
            if have_peers:
                emit("TypeScript's parser: " + syntax_errors(tsparse + [listfile(every)]).strip() + ".")
            emit()

        if have_peers and not args.no_corpus and os.path.isdir(args.corpus):
            bench_tsc(groups, abv, listfile, tmp, args, emit)

        emit("## Generated projects (utils/gen-ts.py: one third providers, two thirds E2E tests)")
        emit()
        emit("| generated project |" + head + " scaling |" + peer_head)
        emit("|---" + "|---|---|---|---|---|---|---|" + peer_rule)
        scaled = []
        for n in [int(s) for s in args.ts_sizes.split(",") if s]:
            folder = os.path.join(tmp, f"project-{n}")
            subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen-ts.py"),
                            "--providers", str(n // 3), "--tests", str(n - n // 3), "-o", folder],
                           check=True, stdout=subprocess.DEVNULL)
            paths = [os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".ts")]
            prev = scaled[-1] if scaled else None
            cells, wall, peer = row(
                f"{n // 3:,} providers + {n - n // 3:,} tests", [folder],
                sum(map(os.path.getsize, paths)), len(paths),
                lambda w: f"{w / prev[1]:.2f}x for {n / prev[0]:.0f}x files" if prev else "–")
            emit(cells)
            scaled.append((n, wall, peer))
            shutil.rmtree(folder, ignore_errors=True)
        emit()

        emit("## One large file (utils/gen-ts.py --target-bytes)")
        emit()
        emit("| file |" + head + " scaling |" + peer_head)
        emit("|---" + "|---|---|---|---|---|---|---|" + peer_rule)
        single = []
        for mb in [float(s) for s in args.ts_file_mb.split(",") if s]:
            path = os.path.join(tmp, f"big-{mb:g}.ts")
            subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen-ts.py"),
                            "--target-bytes", str(int(mb * 1e6)), "-o", path], check=True,
                           stdout=subprocess.DEVNULL)
            prev = single[-1] if single else None
            cells, wall, peer = row(
                f"{mb:g} MB", [path], os.path.getsize(path), 1,
                lambda w: f"{w / prev[1]:.2f}x for {mb / prev[0]:.0f}x bytes" if prev else "–")
            emit(cells)
            single.append((mb, wall, peer))
            os.remove(path)
        emit()
        for label, unit, series in (("files", "files", scaled), ("MB", "bytes", single)):
            if len(series) >= 2:
                parts = []
                for (n0, a0, p0), (n1, a1, p1) in zip(series, series[1:]):
                    part = f"{n1:g}/{n0:g} {label}: abv {a1 / a0:.2f}x"
                    if p0 and p1:
                        part += f", TypeScript {p1 / p0:.2f}x"
                    parts.append(part)
                emit(f"Scaling over {unit} (time ratio): " + "; ".join(parts) + ".")
        emit()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench_logic(args, emit):
    """The logic layer: whole projects with TypeScript, corpus and generated."""
    abv = [args.abv, "--fail-on=never"]
    tmp = tempfile.mkdtemp(prefix="abv-bench-logic-")
    head = "| project | .ts files | TypeScript MB | abv s | TypeScript MB/s | peak RSS MiB |"

    def ts_of(folder):
        paths = [os.path.join(d, f) for d, dirs, fs in os.walk(folder) for f in fs
                 if f.endswith(".ts") and "node_modules" not in d]
        return len(paths), sum(map(os.path.getsize, paths))

    def logic_findings(folder):
        out = syntax_errors(abv + [folder])
        ids = {}
        for line in out.splitlines():
            for prefix in ("[LOG", "[TST"):
                if prefix in line:
                    tag = prefix[1:] + line.rsplit(prefix, 1)[1].split(":")[0].split("]")[0]
                    ids[tag] = ids.get(tag, 0) + 1
        return ", ".join(f"{k} x{v}" for k, v in sorted(ids.items())) or "none"

    try:
        if not args.no_corpus and os.path.isdir(args.corpus):
            emit("## Corpus projects with TypeScript (abv-verify on the whole project folder)")
            emit()
            emit(head)
            emit("|---|---|---|---|---|---|")
            for name in typescript_files(args.corpus):
                folder = os.path.join(args.corpus, name)
                if not os.path.isdir(folder) or name == ".":
                    continue
                nfiles, nbytes = ts_of(folder)
                if not nfiles:
                    continue
                wall, rss, _ = measure(abv + [folder], args.runs)
                emit(f"| {name} | {nfiles:,} | {fmt_mb(nbytes)} | {wall:.3f} | "
                     f"{nbytes / 1e6 / wall:.2f} | {rss:.1f} |")
            emit()

        emit("## Generated complete projects (utils/gen-ts.py --complete)")
        emit()
        emit(head + " scaling |")
        emit("|---|---|---|---|---|---|---|")
        series = []
        findings = None
        for scale in [int(x) for x in args.logic_scales.split(",") if x]:
            folder = os.path.join(tmp, f"logic-{scale}x")
            providers, tests = 1000 * scale, 2000 * scale
            subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen-ts.py"), "--complete",
                            "--providers", str(providers), "--tests", str(tests), "-o", folder],
                           check=True, stdout=subprocess.DEVNULL)
            nfiles, nbytes = ts_of(folder)
            wall, rss, _ = measure(abv + [folder], args.runs)
            prev = series[-1] if series else None
            scaling = f"{wall / prev[1]:.2f}x for {scale / prev[0]:g}x" if prev else "–"
            emit(f"| {scale}x: {providers:,} providers + {tests:,} tests | {nfiles:,} | "
                 f"{fmt_mb(nbytes)} | {wall:.3f} | {nbytes / 1e6 / wall:.2f} | {rss:.1f} | {scaling} |")
            if findings is None:
                findings = (scale, logic_findings(folder))
            series.append((scale, wall))
            shutil.rmtree(folder, ignore_errors=True)
        emit()
        if findings:
            emit(f"Logic findings on the {findings[0]}x project: {findings[1]}.")
            emit()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench_tsc(groups, abv, listfile, tmp, args, emit):
    """tsc --noEmit on each corpus project's .ts files, every package import
    declared `any` by a shim, beside abv-verify on the same files."""
    tsc = os.path.join(HERE, "node_modules", "typescript", "bin", "tsc")
    shim = os.path.join(tmp, "packages-any.d.ts")
    with open(shim, "w") as f:
        f.write('declare module "*";\n')

    def tsconfig(name, paths):
        path = os.path.join(tmp, "tsconfig-" + name.replace(os.sep, "_") + ".json")
        with open(path, "w") as f:
            json.dump({"compilerOptions": {
                "noEmit": True, "target": "es2022", "lib": ["es2022"], "module": "commonjs",
                "moduleResolution": "node", "strict": True, "skipLibCheck": True, "types": [],
                "experimentalDecorators": True, "emitDecoratorMetadata": True,
                "esModuleInterop": True, "noErrorTruncation": False},
                "files": [shim] + [os.path.abspath(p) for p in paths]}, f)
        return path

    emit("## tsc --noEmit on the same files (every package import declared `any`)")
    emit()
    emit("`tsc --noEmit -p` a tsconfig listing the files and one shim, `declare module \"*\";`")
    emit("(strict, es2022, skipLibCheck, no @types); abv-verify is given the same files.")
    emit()
    emit("| project | files | input MB | abv s | tsc --noEmit s | tsc peak RSS MiB | tsc/abv | tsc errors under the shim |")
    emit("|---|---|---|---|---|---|---|---|")
    every = [p for paths in groups.values() for p in paths]
    for name, paths in list(groups.items()) + [("**all**", every)]:
        nbytes = sum(map(os.path.getsize, paths))
        wall, _, _ = measure(abv + [listfile(paths)], args.runs)
        cmd = ["node", tsc, "-p", tsconfig(name, paths)]
        twall, trss, _ = measure(cmd, args.runs)
        out = syntax_errors(cmd)
        nerr = sum(1 for line in out.splitlines() if ": error TS" in line)
        emit(f"| {name} | {len(paths):,} | {fmt_mb(nbytes)} | {wall:.3f} | {twall:.3f} | {trss:.1f} | "
             f"{twall / wall:.1f}x | {nerr:,} |")
    emit()


def bench_diff(args, emit):
    """The semantic diff: corpus pairs and generated pairs."""
    diff = [args.abv_diff, "--fail-on=never", "-o", os.devnull]
    if not args.no_corpus and os.path.isdir(args.corpus):
        import glob
        import json
        emit("## abv-diff on the corpus (a project against its reference)")
        emit()
        emit("| candidate | reference | tables / entities | operations / endpoints | abv-diff s | peak RSS MiB |")
        emit("|---|---|---|---|---|---|")
        pairs = []
        for path in sorted(glob.glob(os.path.join(ROOT, "test", "Diff", "GroundTruth", "*.json"))):
            truth = json.load(open(path))
            pairs.append((truth["candidate"], truth["reference"]))
        pairs.append(("autobe/openai/gpt-4.1/shopping", "reference/shopping-backend"))
        for candidate, reference in pairs:
            c, r = os.path.join(args.corpus, candidate), os.path.join(args.corpus, reference)
            if not (os.path.exists(c) and os.path.exists(r)):
                continue
            stats = subprocess.run([args.abv_diff, c, r, "--fail-on=never", "-o", os.devnull,
                                    "--stats=json"], stdout=subprocess.PIPE, text=True).stdout
            dims = json.loads(stats)["dimensions"]
            count = lambda d: (f"{dims[d]['candidate']} / {dims[d]['reference']}"
                               if dims.get(d) else "–")
            wall, rss, _ = measure(diff + [c, r], args.runs)
            emit(f"| {candidate} | {reference} | {count('entities')} | {count('endpoints')} | "
                 f"{wall:.3f} | {rss:.1f} |")
        emit()
    emit("## Generated pairs (utils/gen-diff.py: a project against its golden spec)")
    emit()
    emit("| entities | operations / endpoints | abv-diff s | peak RSS MiB | scaling |")
    emit("|---|---|---|---|---|")
    tmp = tempfile.mkdtemp(prefix="abv-bench-diff-")
    prev = None
    try:
        for n in [int(x) for x in args.diff_sizes.split(",") if x]:
            out = os.path.join(tmp, str(n))
            subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen-diff.py"),
                            "--entities", str(n), "--out", out], check=True)
            wall, rss, _ = measure(diff + [os.path.join(out, "candidate"), os.path.join(out, "golden")],
                                   args.runs)
            scaling = f"{wall / prev[1]:.2f}x for {n / prev[0]:.0f}x entities" if prev else "–"
            ops = 5 * (n - n // 10)
            emit(f"| {n:,} | {ops:,} / {5 * n:,} | {wall:.3f} | {rss:.1f} | {scaling} |")
            prev = (n, wall)
            shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench_score(args, emit):
    """abv-score: the corpus batch and a generated batch of 200 runs."""
    def cpu_time(cmd):
        start = os.times()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = os.times()
        return (end.children_user - start.children_user) + (end.children_system - start.children_system)

    def rows(name, runs_dir, refs, count):
        base = [args.abv_score, runs_dir, "--reference-dir", refs, "--format=json",
                "-o", os.devnull, "--progress=never"]
        walls = {}
        for jobs in (1, 2):
            wall, rss, _ = measure(base + [f"-j{jobs}"], args.runs)
            walls[jobs] = (wall, rss)
        cpu = cpu_time(base + ["-j1"])
        emit(f"| {name} | {count} | {walls[1][0]:.2f} | {walls[1][1]:.1f} | {walls[2][0]:.2f} | "
             f"{walls[2][1]:.1f} | {walls[1][0] / walls[2][0]:.2f}x | {1000 * cpu / count:.1f} |")

    emit("## abv-score batches")
    emit()
    emit("| batch | runs | -j1 wall s | -j1 peak RSS MiB | -j2 wall s | -j2 peak RSS MiB | "
         "speed-up 1 -> 2 | CPU ms per run |")
    emit("|---|---|---|---|---|---|---|---|")
    if not args.no_corpus and os.path.isdir(args.corpus):
        runs = os.path.join(args.corpus, "autobe")
        count = sum(1 for v in os.listdir(runs) if os.path.isdir(os.path.join(runs, v))
                    for m in os.listdir(os.path.join(runs, v))
                    for p in os.listdir(os.path.join(runs, v, m)))
        rows("corpus autobe/ against golden/", runs, os.path.join(args.corpus, "golden"), count)
    tmp = tempfile.mkdtemp(prefix="abv-bench-score-")
    try:
        refs = os.path.join(tmp, "refs")
        runs = os.path.join(tmp, "runs")
        sizes = [20, 40, 80, 160]
        for n in sizes:
            out = os.path.join(tmp, "gen", str(n))
            subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen-diff.py"),
                            "--entities", str(n), "--out", out], check=True)
            shutil.copytree(os.path.join(out, "golden"), os.path.join(refs, f"p{n}"))
        for model in range(50):
            for n in sizes:
                shutil.copytree(os.path.join(tmp, "gen", str(n), "candidate"),
                                os.path.join(runs, f"vendor{model % 5}", f"model{model}", f"p{n}"))
        rows("generated: 50 models x 4 projects (20-160 entities)", runs, refs, 200)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# The adversarial shapes of utils/gen-adversarial.py, with the sizes the
# scaling is measured at (each doubles the previous one) and the format.
ADVERSARIAL = [
    ("ref-chain", [20000, 40000, 80000], "text"),
    ("param-chain", [8000, 16000, 32000], "text"),
    ("long-ref-name", [200000, 400000, 800000], "text"),
    ("long-required", [2000, 4000, 8000], "text"),
    ("long-type-name", [200000, 400000, 800000], "text"),
    ("dup-operation-id", [2000, 4000, 8000], "text"),
    ("yaml-anchor-id", [250, 500, 1000], "text"),
    ("many-findings", [50000, 100000, 200000], "json"),
    ("many-findings", [50000, 100000, 200000], "sarif"),
]


def count_output(cmd):
    """Bytes cmd writes to stdout."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    total = 0
    while True:
        chunk = proc.stdout.read1(1 << 20)
        if not chunk:
            break
        total += len(chunk)
    proc.wait()
    return total


def bench_adversarial(args, emit):
    """Inputs shaped to make a verifier slow or its output huge: time, peak
    memory and output must grow linearly with the input (docs/Security.md)."""
    emit("## Adversarial inputs (utils/gen-adversarial.py)")
    emit()
    emit("Each shape at three sizes, each twice the previous one: the time and "
         "output ratios between sizes must stay near 2x (linear).")
    emit()
    emit("| shape | N | input MB | format | abv-verify s | peak RSS MiB | output MB | scaling |")
    emit("|---|---|---|---|---|---|---|---|")
    tmp = tempfile.mkdtemp(prefix="abv-bench-")
    suffix = {"long-type-name": ".prisma", "many-findings": ".prisma", "yaml-anchor-id": ".yaml"}
    worst = 0.0
    try:
        for shape, sizes, fmt in ADVERSARIAL:
            prev = None
            for n in sizes:
                path = os.path.join(tmp, f"{shape}-{n}{suffix.get(shape, '.json')}")
                subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen-adversarial.py"),
                                shape, str(n), "-o", path], check=True)
                nbytes = os.path.getsize(path)
                cmd = [args.abv, "--fail-on=never", f"--format={fmt}", path]
                wall, rss, _ = measure(cmd, args.runs)
                out = count_output(cmd)
                scaling = "–"
                if prev:
                    ratio = wall / prev[1] if prev[1] > 0 else 0
                    scaling = f"{ratio:.2f}x time, {out / max(prev[2], 1):.2f}x output for {n / prev[0]:.0f}x N"
                    if prev[1] >= 0.05:  # ratios of tiny times are noise
                        worst = max(worst, ratio)
                emit(f"| {shape} | {n:,} | {fmt_mb(nbytes)} | {fmt} | {wall:.3f} | {rss:.1f} | "
                     f"{fmt_mb(out)} | {scaling} |")
                prev = (n, wall, out)
                os.remove(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    emit()
    emit(f"Largest time ratio for a doubling (times of 0.05 s or more): {worst:.2f}x.")
    emit()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--layer", choices=("db", "api", "ts", "logic", "adversarial", "diff", "score",
                                        "all"),
                    default="db",
                    help="which benchmarks to run (default: db)")
    ap.add_argument("--abv", default=os.path.join(ROOT, "build", "bin", "abv-verify"))
    ap.add_argument("--abv-diff", default=os.path.join(ROOT, "build", "bin", "abv-diff"))
    ap.add_argument("--abv-score", default=os.path.join(ROOT, "build", "bin", "abv-score"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1000,10000,50000", help="generated schemas, models (db)")
    ap.add_argument("--api-sizes", default="1000,10000,100000",
                    help="generated OpenAPI documents, operations (api)")
    ap.add_argument("--ts-sizes", default="300,3000,30000",
                    help="generated TypeScript projects, files (ts)")
    ap.add_argument("--ts-file-mb", default="1,10,40",
                    help="generated single TypeScript files, MB (ts)")
    ap.add_argument("--logic-scales", default="1,2,4",
                    help="generated complete projects, multiples of 1,000 providers + 2,000 tests (logic)")
    ap.add_argument("--diff-sizes", default="250,500,1000,2000",
                    help="generated candidate/golden pairs, entities (diff)")
    ap.add_argument("--peer-max-mb", type=float, default=50,
                    help="run Spectral and Redocly on generated documents up to this size (api)")
    ap.add_argument("--out", help="also write the report to this file")
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("--quiet-below", type=float, default=0.15,
                    help="before each figure, wait until other processes keep the CPUs at most "
                         "this busy (fraction, default 0.15)")
    ap.add_argument("--quiet-wait", type=float, default=20,
                    help="wait at most this many seconds for that per figure; 0 never waits (default 20)")
    ap.add_argument("--nice", type=int, default=-10,
                    help="scheduling priority of the benchmark and the tools it runs, when it may be "
                         "raised (root); keeps other work on the machine from skewing the figures "
                         "(default -10)")
    args = ap.parse_args()
    QUIET["limit"], QUIET["wait"] = args.quiet_below, args.quiet_wait
    niced = None
    if args.nice:
        try:
            os.setpriority(os.PRIO_PROCESS, 0, args.nice)
            niced = args.nice
        except (OSError, AttributeError):
            pass

    lines = []

    def emit(line=""):
        print(line, flush=True)
        lines.append(line)

    emit(f"Machine: {os.cpu_count()} cores; runs per figure: {args.runs} (median wall time; peak RSS of one more run under GNU time)"
         + (f"; tools run at nice {niced}." if niced is not None else "."))
    emit()
    if args.layer in ("db", "all"):
        bench_db(args, emit)
    if args.layer in ("api", "all"):
        if args.layer == "all":
            emit()
        bench_api(args, emit)
    if args.layer in ("ts", "all"):
        if args.layer == "all":
            emit()
        bench_ts(args, emit)
    if args.layer in ("logic", "all"):
        if args.layer == "all":
            emit()
        bench_logic(args, emit)
    if args.layer in ("diff", "all"):
        if args.layer == "all":
            emit()
        bench_diff(args, emit)
    if args.layer in ("score", "all"):
        if args.layer == "all":
            emit()
        bench_score(args, emit)
    if args.layer in ("adversarial", "all"):
        if args.layer == "all":
            emit()
        bench_adversarial(args, emit)

    if QUIET["noisy"]:
        emit(f"Note: {QUIET['noisy']} of {QUIET['figures']} figures were measured while other processes "
             f"kept the CPUs more than {QUIET['limit']:.0%} busy.")
    if args.out:
        with open(args.out, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
