#!/usr/bin/env bash
# Configures and builds ABV in ./build (Release). Extra arguments go to CMake,
# e.g. utils/build.sh -DABV_ENABLE_SANITIZERS=ON. BUILD_DIR overrides ./build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/utils/setup.sh"
if [ ! -f "$build/build.ninja" ] || [ $# -gt 0 ]; then
  cmake -S "$root" -B "$build" -G Ninja -DPython3_EXECUTABLE=/usr/bin/python3 "$@" >/dev/null
fi
ninja -C "$build" -j "$(nproc)" >/dev/null
