#!/bin/sh
# utils/referee.sh - Prisma's own schema engine as the referee of ABV's DB checks.
#
# Installs the peer engines when missing (npm, never part of the build), then
# runs utils/prisma-referee/referee.mjs over:
#   1. the broken schemas of test/Referee (each file a schema, Prisma 6.19),
#   2. Prisma's own validation suite, imported into
#      test/Referee/Inputs/prisma-engines (each file a schema; the Prisma 6.19
#      engine when its datasource has 'url', else Prisma 7; a measurement:
#      misses there do not fail the run),
#   3. the probe matrix of test/Referee/Inputs/probes (one feature per
#      provider and generation; a measurement too),
#   4. the bundled example (examples/todo/prisma/schema),
#   5. the corpus, when it exists (../shared/corpus or $ABV_CORPUS):
#      autobe/*/*/*/prisma/schema and autobe-swagger/bbs-gpt-4.1 (Prisma 6.19),
#      reference/*/prisma/schema (Prisma 7: no 'url' in the datasource).
#
# usage: utils/referee.sh [--abv=PATH] [--out=DIR] [--only=broken|imported|probes|example|corpus]
#   --abv=PATH   abv-verify to referee (default: build/bin/abv-verify)
#   --out=DIR    also write each part's markdown and JSON summary into DIR
# Exit status: 0 when ABV matches every Prisma rejection, 1 otherwise,
# 2 when a tool is missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
abv="$root/build/bin/abv-verify"
out=""
only=""
for arg in "$@"; do
  case "$arg" in
    --abv=*) abv=${arg#--abv=} ;;
    --out=*) out=${arg#--out=} ;;
    --only=*) only=${arg#--only=} ;;
    *) echo "usage: $0 [--abv=PATH] [--out=DIR] [--only=broken|imported|probes|example|corpus]" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null 2>&1 || { echo "referee: node is not installed" >&2; exit 2; }
[ -x "$abv" ] || { echo "referee: no abv-verify at $abv (build it, or pass --abv=PATH)" >&2; exit 2; }
case "$abv" in /*) ;; */*) abv="$(pwd)/$abv" ;; esac
[ -n "$out" ] && case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac
ref="$here/prisma-referee"
if [ ! -d "$ref/node_modules/@prisma/prisma-schema-wasm" ] || [ ! -d "$ref/node_modules/prisma-schema-wasm-7" ]; then
  echo "referee: installing Prisma's schema engines into $ref/node_modules" >&2
  npm install --prefix "$ref" --no-audit --no-fund >&2 || exit 2
fi
corpus=${ABV_CORPUS:-$root/../shared/corpus}
[ -n "$out" ] && { mkdir -p "$out" || exit 2; }
status=0

part() { # name, referee args...
  name=$1; shift
  if [ -n "$only" ] && [ "$only" != "${name%%-*}" ]; then return; fi
  echo "## $name"
  echo
  if [ -n "$out" ]; then
    { node "$ref/referee.mjs" --abv="$abv" --json="$out/$name.json" "$@"; echo $? > "$out/$name.rc"; } | tee "$out/$name.md"
    rc=$(cat "$out/$name.rc")
    rm -f "$out/$name.rc"
  else
    node "$ref/referee.mjs" --abv="$abv" "$@"
    rc=$?
  fi
  [ $rc -gt $status ] && status=$rc
  echo
}

cd "$root" || exit 2
part broken --each --prisma=auto test/Referee
part imported --each --prisma=auto --report-only test/Referee/Inputs/prisma-engines
part probes --each --prisma=auto --report-only test/Referee/Inputs/probes
part example examples/todo/prisma/schema
if [ -d "$corpus" ]; then
  cd "$corpus" || exit 2
  part corpus-autobe autobe/*/*/*/prisma/schema autobe-swagger/bbs-gpt-4.1/prisma/schema \
    autobe-swagger/bbs-gpt-4.1/head-77164ff/prisma/schema
  part corpus-reference --prisma=7 reference/*/prisma/schema
else
  echo "referee: no corpus at $corpus; corpus part skipped" >&2
fi
exit $status
