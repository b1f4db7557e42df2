#!/usr/bin/env python3
"""fuzz-seeds.py TARGET OUTDIR [--max-bytes N] [--corpus DIR]: collects the
seed inputs of one fuzz target (utils/fuzz.sh) into OUTDIR, one file per
distinct input, from

- the repository: examples/, test/ files of the target's kind, and the
  `#--- name` sections of split-file tests (test/**/*.test, *.prisma, *.json)
  whose name is of that kind;
- the shared corpus (../shared/corpus), when present: every artifact of
  that kind.

Inputs larger than --max-bytes (default 65536) are left out (libFuzzer
mutates within -max_len anyway); the fuzz regression inputs
(test/Fuzz/Inputs/TARGET) are always included.

Kinds: prisma (*.prisma), autobe-db (prisma.json), autobe-api
(document.json), openapi-json (an OpenAPI .json: swagger.json, openapi.json
or a .json with an "openapi" key), openapi-yaml (*.yaml, *.yml),
typescript (*.ts), autobe-history (histories.json).

A histories.json larger than --max-bytes (most are: 0.4-3.7 MB) is clipped
to valid JSON rather than left out: its last `test` and last `realize`
events, each event's lists cut to a few elements and its strings to a few
kilobytes (to at most 64 KiB, fuzz.sh's -max_len), a seed per event and one
with both.
"""
import argparse
import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def is_kind(target, name, text):
    base = os.path.basename(name)
    if target == "prisma":
        return base.endswith(".prisma")
    if target == "autobe-db":
        return base == "prisma.json"
    if target == "autobe-api":
        return base == "document.json"
    if target == "openapi-json":
        if base in ("swagger.json", "openapi.json"):
            return True
        return base.endswith(".json") and text is not None and (
            '"openapi"' in text[:4096] or '"swagger"' in text[:4096])
    if target == "typescript":
        return base.endswith(".ts")
    if target == "openapi-yaml":
        return base.endswith((".yaml", ".yml"))
    if target == "autobe-history":
        return base == "histories.json"
    raise SystemExit(f"unknown target {target}")


SECTION = re.compile(r"^(?:#|//)--- (\S+)\s*$", re.M)


def sections(text):
    """The `#--- name` sections of a split-file test: (name, content)."""
    marks = list(SECTION.finditer(text))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        yield m.group(1), text[m.end() + 1:end]


def clip_json(value, items, chars):
    """\p value with every list cut to \p items elements and every string
    to \p chars characters."""
    if isinstance(value, list):
        return [clip_json(v, items, chars) for v in value[:items]]
    if isinstance(value, dict):
        return {k: clip_json(v, items, chars) for k, v in value.items()}
    if isinstance(value, str):
        return value[:chars]
    return value


def clip_history(data, max_bytes):
    """Seeds from a large histories.json (see the module's doc)."""
    import json
    try:
        events = json.loads(data)
    except ValueError:
        return []
    if not isinstance(events, list):
        return []
    last = {}
    for event in events:
        if isinstance(event, dict) and event.get("type") in ("test", "realize"):
            last[event["type"]] = event
    groups = [[e] for e in last.values()]
    if len(groups) == 2:
        groups.append(list(last.values()))
    seeds = []
    for group in groups:
        for items, chars in ((8, 6000), (4, 4000), (3, 2000), (2, 1000), (1, 500)):
            text = json.dumps(clip_json(group, items, chars), indent=1).encode("utf-8")
            if len(text) <= min(max_bytes, 65536):  # libFuzzer -max_len
                seeds.append(text)
                break
    return seeds


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target")
    ap.add_argument("outdir")
    ap.add_argument("--max-bytes", type=int, default=65536)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    seen = set()
    count = 0

    def add(data, force=False):
        nonlocal count
        if not data or (len(data) > args.max_bytes and not force):
            return
        digest = hashlib.sha1(data).hexdigest()
        if digest in seen:
            return
        seen.add(digest)
        with open(os.path.join(args.outdir, digest), "wb") as f:
            f.write(data)
        count += 1

    def read(path):
        try:
            with open(path, "rb") as f:
                return f.read()
        except OSError:
            return None

    regressions = os.path.join(ROOT, "test", "Fuzz", "Inputs", args.target)
    if os.path.isdir(regressions):
        for name in sorted(os.listdir(regressions)):
            add(read(os.path.join(regressions, name)), force=True)

    for top in ("examples", "test"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                data = read(path)
                if data is None:
                    continue
                text = data.decode("utf-8", "replace")
                if name.endswith((".test", ".prisma", ".json", ".ts")) and "#--- " in text:
                    for section, content in sections(text):
                        if is_kind(args.target, section, content):
                            add(content.encode("utf-8"))
                elif is_kind(args.target, name, text):
                    add(data)

    if os.path.isdir(args.corpus):
        for dirpath, _, files in os.walk(args.corpus):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                # A history past libFuzzer's -max_len would be cut mid-JSON.
                limit = args.max_bytes
                if args.target == "autobe-history":
                    limit = min(limit, 65536)
                if os.path.getsize(path) > limit:
                    if args.target == "autobe-history" and name == "histories.json":
                        for seed in clip_history(read(path), args.max_bytes):
                            add(seed)
                    continue
                data = read(path)
                if data is None:
                    continue
                if is_kind(args.target, name, data[:4096].decode("utf-8", "replace")):
                    add(data)
    print(f"{args.target}: {count} seeds in {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
