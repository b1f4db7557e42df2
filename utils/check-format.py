#!/usr/bin/env python3
"""check-format.py ROOT: exits 1, naming the files, when a tracked C++ source
or header under ROOT differs from what clang-format (with ROOT/.clang-format)
makes of it."""
import pathlib
import subprocess
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
dirs = ["include", "lib", "tools", "unittests", "cmake"]
files = sorted(p for d in dirs for p in (root / d).rglob("*")
               if p.suffix in (".cpp", ".h") and p.is_file())
bad = []
for path in files:
    formatted = subprocess.run(
        ["clang-format", "--style=file", "--assume-filename=" + str(path)],
        input=path.read_bytes(), capture_output=True, check=True).stdout
    if formatted != path.read_bytes():
        bad.append(path.relative_to(root))
for path in bad:
    print(f"{path}: not formatted (run clang-format -i {path})")
print(f"{len(files)} files checked, {len(bad)} not formatted")
sys.exit(1 if bad else 0)
