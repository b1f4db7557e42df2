#!/usr/bin/env python3
"""run-bounded.py [bounds] -- COMMAND [ARG...]: runs COMMAND and fails
loudly when it exceeds a bound or exits with another code than expected.
The lit tests of adversarial inputs use it to pin ABV's time, memory and
output as bounds, so that a regression to quadratic work or unbounded
output fails the test instead of hanging it.

  --exit N          the exit code COMMAND must return (default 0)
  --seconds S       wall-clock limit; COMMAND is killed past it
  --rss-mb M        limit on COMMAND's peak resident memory (MiB)
  --output-kb K     limit on what COMMAND writes to stdout (KiB)
  --stdout FILE     keep COMMAND's stdout in FILE (default: discarded)

Exit 0 when every bound holds, else 1 with one line per broken bound.
"""
import argparse
import os
import resource
import subprocess
import sys
import threading
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--exit", type=int, default=0)
    ap.add_argument("--seconds", type=float)
    ap.add_argument("--rss-mb", type=float)
    ap.add_argument("--output-kb", type=float)
    ap.add_argument("--stdout")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        ap.error("no command")

    out = open(args.stdout, "wb") if args.stdout else None
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE)
    written = 0

    # Read the output as it comes, on a thread, so that a huge output is
    # counted (and kept only with --stdout) while the main thread keeps time.
    def drain():
        nonlocal written
        while True:
            chunk = proc.stdout.read1(1 << 20)
            if not chunk:
                return
            written += len(chunk)
            if out:
                out.write(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    timed_out = False
    try:
        proc.wait(timeout=args.seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        timed_out = True
    reader.join()
    elapsed = time.monotonic() - start
    if out:
        out.close()
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0

    problems = []
    name = os.path.basename(command[0])
    if timed_out:
        problems.append(f"{name} ran longer than {args.seconds:g} s and was killed")
    elif proc.returncode != args.exit:
        problems.append(f"{name} exited {proc.returncode}, expected {args.exit}")
    if args.rss_mb is not None and peak_mb > args.rss_mb:
        problems.append(f"{name} peaked at {peak_mb:.0f} MiB, over {args.rss_mb:g} MiB")
    if args.output_kb is not None and written > args.output_kb * 1024:
        problems.append(f"{name} wrote {written / 1024:.0f} KiB, over {args.output_kb:g} KiB")
    for problem in problems:
        print("run-bounded: " + problem, file=sys.stderr)
    print(f"run-bounded: {name}: {elapsed:.2f} s, {peak_mb:.0f} MiB, "
          f"{written / 1024:.0f} KiB of output", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
