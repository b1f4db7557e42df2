#!/usr/bin/env bash
# Quick start 2: set up, build, and run every test: the gtest unit tests
# (through ctest), the lit suite, including the corpus suite when
# ../shared/corpus exists, and each fuzz target for ABV_FUZZ_SECONDS
# (default 20; 0 skips them) in a clang ASan + UBSan build of its own
# (utils/fuzz.sh; BUILD_DIR-fuzz), and clang-tidy over lib/ and tools/
# (utils/check-tidy.sh; ABV_TIDY=0 skips it). Ends with one line
# "N passed, N failed, N skipped" (a fuzz target counts as one test, and so
# does clang-tidy).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/utils/build.sh" || exit 1

echo "== unit tests"
(cd "$build" && ctest --output-on-failure -j "$(nproc)" --output-junit unittests.xml)
ctest_rc=$?

echo "== lit suite"
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv -o "$build/lit-results.json" "$build/test"
lit_rc=$?

fuzz_seconds=${ABV_FUZZ_SECONDS:-20}
fuzz_summary="$build-fuzz/fuzz-runs/summary.json"
rm -f "$fuzz_summary"
fuzz_rc=0
if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzz targets ($fuzz_seconds s each)"
  BUILD_DIR="$build-fuzz" "$root/utils/fuzz.sh" --seconds "$fuzz_seconds"
  fuzz_rc=$?
fi

tidy_rc=skip
if [ "${ABV_TIDY:-1}" != 0 ]; then
  echo "== clang-tidy (lib/, tools/)"
  "$root/utils/check-tidy.sh" "$build"
  tidy_rc=$?
fi

python3 - "$build/unittests.xml" "$build/lit-results.json" "$fuzz_summary" "$fuzz_rc" "$tidy_rc" <<'PY'
import json, os, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
try:
    for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
        status = case.get("status", "run")
        if case.find("failure") is not None or status == "fail":
            failed += 1
        elif case.find("skipped") is not None or status in ("disabled", "notrun"):
            skipped += 1
        else:
            passed += 1
except (OSError, ET.ParseError):
    failed += 1
try:
    for test in json.load(open(sys.argv[2]))["tests"]:
        code = test["code"]
        if code in ("PASS", "XFAIL"):
            passed += 1
        elif code in ("UNSUPPORTED", "SKIPPED"):
            skipped += 1
        else:
            failed += 1
except (OSError, ValueError, KeyError):
    failed += 1
# Fuzz targets: one test each; a run that could not start is one failure.
if os.path.exists(sys.argv[3]):
    try:
        for target in json.load(open(sys.argv[3])):
            if target["result"] == "pass":
                passed += 1
            else:
                failed += 1
    except (OSError, ValueError, KeyError):
        failed += 1
elif sys.argv[4] != "0":
    failed += 1
# clang-tidy: one test.
if sys.argv[5] == "0":
    passed += 1
elif sys.argv[5] == "skip":
    skipped += 1
else:
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
[ $ctest_rc -eq 0 ] && [ $lit_rc -eq 0 ] && [ $fuzz_rc -eq 0 ] &&
  { [ "$tidy_rc" = skip ] || [ "$tidy_rc" -eq 0 ]; }
