#!/usr/bin/env bash
# Quick start 1: set up, build, and verify the bundled example project.
# Exit status is abv-verify's (1: the example has deliberate defects).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/utils/build.sh"
cd "$root"
exec "${BUILD_DIR:-build}/bin/abv-verify" examples/todo "$@"
