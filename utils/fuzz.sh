#!/usr/bin/env bash
# Builds ABV's libFuzzer targets (clang, ASan + UBSan) in their own build
# folder and runs each for a bounded time.
#
#   utils/fuzz.sh [--seconds N] [--build-only] [--keep-corpus] [TARGET...]
#
#   --seconds N     how long each target runs (default 25)
#   --build-only    build the targets, run nothing
#   --keep-corpus   grow the corpus in $FUZZ_DIR/corpus/TARGET across runs
#                   (by default each run starts from the seeds alone)
#   TARGET          prisma, autobe-db, autobe-api, openapi-json,
#                   openapi-yaml, typescript, autobe-history (default: all)
#
# BUILD_DIR (default ./build-fuzz) is the build folder; FUZZ_DIR (default
# $BUILD_DIR/fuzz-runs) holds corpora, logs, findings and summary.json.
# Seeds come from the repository's tests and examples, the fuzz regression
# inputs (test/Fuzz/Inputs/TARGET) and ../shared/corpus (utils/fuzz-seeds.py).
#
# A run never hangs: libFuzzer stops each input after -timeout seconds and
# each target after --seconds; `timeout` kills a target that overruns by
# two minutes more. Any crash, leak, timeout or out-of-memory is a finding:
# the script prints the reproducer's path and the command that replays it,
# and exits 1. Exit 0 means every target ran its time with no finding.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
runs=${FUZZ_DIR:-$build/fuzz-runs}
seconds=25
build_only=0
keep=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    --build-only) build_only=1; shift ;;
    --keep-corpus) keep=1; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  targets=(prisma autobe-db autobe-api openapi-json openapi-yaml typescript autobe-history)
fi

clang=$(command -v clang++-19 || true)
if [ -z "$clang" ] || [ ! -f /usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.fuzzer-x86_64.a ]; then
  echo "fuzz: clang-19 with libFuzzer is missing (utils/setup.sh installs clang-19, libfuzzer-19-dev, libclang-rt-19-dev)" >&2
  exit 2
fi

if [ ! -f "$build/build.ninja" ]; then
  CXX=$clang cmake -S "$root" -B "$build" -G Ninja \
    -DPython3_EXECUTABLE=/usr/bin/python3 -DCMAKE_BUILD_TYPE=Release \
    -DABV_BUILD_FUZZERS=ON -DABV_BUILD_TESTS=OFF >/dev/null || exit 2
fi
ninja -C "$build" -j "$(nproc)" abv-fuzzers >/dev/null || {
  echo "fuzz: building the fuzz targets failed" >&2
  exit 2
}
[ "$build_only" = 1 ] && exit 0

mkdir -p "$runs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
summary="$runs/summary.json"
echo "[" > "$summary"
first=1
for target in "${targets[@]}"; do
  bin="$build/fuzz/abv-fuzz-$target"
  if [ ! -x "$bin" ]; then
    echo "fuzz: no target '$target'" >&2
    exit 2
  fi
  seeds="$runs/seeds/$target"
  corpus="$runs/corpus/$target"
  findings="$runs/findings/$target"
  log="$runs/$target.log"
  rm -rf "$seeds" "$findings"
  [ "$keep" = 1 ] || rm -rf "$corpus"
  mkdir -p "$seeds" "$corpus" "$findings"
  python3 "$root/utils/fuzz-seeds.py" "$target" "$seeds" --max-bytes 262144 >/dev/null
  # New inputs go to the first folder; the seeds are read, not written.
  timeout --kill-after=30 $((seconds + 120)) "$bin" "$corpus" "$seeds" \
    -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$findings/" >"$log" 2>&1
  code=$?
  # The last status line: "#N DONE cov: C ft: F corp: K/S ..."
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  reproducer=$(find "$findings" -type f | head -1)
  result=pass
  if [ "$code" -ne 0 ] || [ -n "$reproducer" ]; then
    result=fail
    status=1
    echo "FUZZ FAILURE: $target (exit $code); log: $log"
    grep -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY:' "$log" | head -5
    if [ -n "$reproducer" ]; then
      echo "  reproducer: $reproducer"
      echo "  replay:     $bin $reproducer"
    fi
  else
    echo "fuzz: $target: ${execs:-?} runs in ${seconds} s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}: no finding"
  fi
  [ "$first" = 1 ] || echo "," >> "$summary"
  first=0
  printf '  {"target": "%s", "result": "%s", "seconds": %s, "execs": %s, "cov": %s, "ft": %s, "corpus": %s, "reproducer": "%s"}' \
    "$target" "$result" "$seconds" "${execs:-0}" "${cov:-0}" "${ft:-0}" "${corp:-0}" "$reproducer" >> "$summary"
done
printf '\n]\n' >> "$summary"
exit $status
