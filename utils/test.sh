#!/usr/bin/env bash
# Quick start 2: set up, build, and run every test: the gtest unit tests
# (through ctest) and the lit suite, including the corpus suite when
# ../shared/corpus exists. Ends with one line "N passed, N failed, N skipped".
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

python3 - "$build/unittests.xml" "$build/lit-results.json" <<'PY'
import json, sys, xml.etree.ElementTree as ET
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
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
[ $ctest_rc -eq 0 ] && [ $lit_rc -eq 0 ]
