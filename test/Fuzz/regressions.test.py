"""Replays the fuzz regression inputs through abv-verify (see
regressions.test): each input is copied under the file name its target
reads it as and verified; any exit other than 0, 1 or 2, or a run past 60
seconds, fails the test."""
import os
import shutil
import subprocess
import sys

NAMES = {"prisma": "schema.prisma", "autobe-db": "prisma.json",
         "autobe-api": "document.json", "openapi-json": "swagger.json",
         "openapi-yaml": "openapi.yaml",
         "typescript": os.path.join("src", "providers", "provider.ts"),
         "autobe-history": os.path.join("autobe", "histories.json")}

inputs, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
failures = replayed = 0
for target in sorted(os.listdir(inputs)):
    folder = os.path.join(inputs, target)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        case = os.path.join(work, target, name)
        os.makedirs(case)
        path = os.path.join(case, NAMES[target])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copyfile(os.path.join(folder, name), path)
        try:
            code = subprocess.run(["abv-verify", path], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, timeout=60).returncode
        except subprocess.TimeoutExpired:
            code = "a timeout"
        replayed += 1
        if code not in (0, 1, 2):
            print(f"{target}/{name}: abv-verify ended with {code}")
            failures += 1
print(f"{replayed} regression inputs replayed, {failures} failed")
sys.exit(1 if failures or replayed == 0 else 0)
