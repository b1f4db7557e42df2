#!/usr/bin/env bash
# check-tidy.sh [BUILD_DIR] [FILE...]: runs clang-tidy-19 with the
# repository's .clang-tidy over every C++ source of lib/ and tools/ (or the
# FILEs named), with the compile commands of BUILD_DIR (default build/).
# Prints each finding once (a header's finding comes from every source that
# includes it) and exits 1 when there is one, 2 when clang-tidy is missing.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${BUILD_DIR:-$root/build}}
shift || true
tidy=$(command -v clang-tidy-19 || true)
runner=$(command -v run-clang-tidy-19 || true)
if [ -z "$tidy" ] || [ -z "$runner" ]; then
  echo "check-tidy: clang-tidy-19 is missing (utils/setup.sh installs clang-tidy-19)" >&2
  exit 2
fi
if [ ! -f "$build/compile_commands.json" ]; then
  echo "check-tidy: no $build/compile_commands.json (build first: utils/build.sh)" >&2
  exit 2
fi
if [ $# -gt 0 ]; then
  files=("$@")
else
  files=("$root/(lib|tools)/.*\.cpp$")
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$runner" -clang-tidy-binary "$tidy" -p "$build" -j "$(nproc)" -quiet \
  "${files[@]}" >"$log" 2>&1
rc=$?
# One line per finding in the repository's own files, sorted, deduplicated.
findings=$(grep -E "^$root/(include|lib|tools)/.*: (warning|error): " "$log" |
  sed "s|^$root/||" | sort -u)
count=$(printf '%s' "$findings" | grep -c . || true)
if [ "$count" -gt 0 ]; then
  printf '%s\n' "$findings"
  echo "check-tidy: $count finding(s)"
  exit 1
fi
if [ "$rc" -ne 0 ] && grep -q "error:" "$log"; then
  grep "error:" "$log" | head -20
  echo "check-tidy: clang-tidy failed"
  exit 1
fi
echo "check-tidy: no finding"
