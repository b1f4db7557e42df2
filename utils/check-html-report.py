#!/usr/bin/env python3
"""Opens an abv-score HTML report in headless Chromium, offline, and checks
that its charts render and that its drill-down works.

usage: check-html-report.py REPORT.html RUN_INDEX

Loads file://REPORT.html#click=cell-RUN_INDEX with the network disabled;
the report's script counts the SVG shapes laid out (data-rendered-rects on
<body>) and clicks heat map cell RUN_INDEX, whose handler opens the run's
<details>. The DOM Chromium dumps afterwards must show every SVG <rect> of
the file laid out, the run opened, and its drill-down listing the run's
category table. Exit 0 when all holds, 1 otherwise, 77 (skip) when no
Chromium is installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    report, index = os.path.abspath(sys.argv[1]), sys.argv[2]
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("skipped: no chromium")
        return 77
    source = open(report, encoding="utf-8").read()
    if re.search(r"""(src|href)=["']https?:""", source):
        print("error: the report loads something from the network")
        return 1
    expected_rects = len(re.findall(r"<rect\b", source))
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--user-data-dir=" + profile,
             # Offline: every host resolves nowhere.
             "--host-resolver-rules=MAP * ~NOTFOUND",
             "--virtual-time-budget=5000", "--dump-dom",
             "file://" + report + "#click=cell-" + index],
            capture_output=True, text=True, timeout=120)
    dom = result.stdout
    ok = True
    body = re.search(r"<body([^>]*)>", dom)
    attrs = body.group(1) if body else ""
    rendered = re.search(r'data-rendered-rects="(\d+)"', attrs)
    print(f"rects in the file: {expected_rects}; laid out: "
          f"{rendered.group(1) if rendered else 'none'}")
    if not rendered or int(rendered.group(1)) != expected_rects or expected_rects == 0:
        print("error: the charts did not render")
        ok = False
    if f'data-opened="run-{index}"' not in attrs:
        print(f"error: clicking cell-{index} opened nothing")
        ok = False
    details = re.search(r'<details class="run" id="run-' + re.escape(index) +
                        r'"([^>]*)>(.*?)</details>', dom, re.S)
    if not details or "open" not in details.group(1):
        print(f"error: run-{index} is not open after the click")
        ok = False
    elif "<th>category</th>" not in details.group(2):
        print(f"error: run-{index} shows no category table")
        ok = False
    else:
        summary = re.search(r"<summary>(.*?)</summary>", details.group(2), re.S)
        text = re.sub(r"<[^>]+>", "", summary.group(1)) if summary else ""
        print(f"opened: {text}")
    others = re.findall(r'<details class="run" id="run-(\d+)" open', dom)
    if others != [index]:
        print(f"error: open runs {others}, expected only {index}")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
