#!/usr/bin/env python3
"""expect-exit.py CODE COMMAND [ARG...]: runs COMMAND, passes its output
through, and exits 0 only when COMMAND exited with CODE (lit's internal
shell has no `$?`)."""
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
code = subprocess.call(sys.argv[2:])
if code != int(sys.argv[1]):
    print(f"expect-exit: '{sys.argv[2]}' exited {code}, expected {sys.argv[1]}", file=sys.stderr)
    sys.exit(1)
