#!/usr/bin/env bash
# Installs what ABV needs to build and test on Debian 12, if it is missing.
# Idempotent and quiet when everything is already there.
set -euo pipefail

packages=(
  cmake ninja-build g++ python3 default-jre-headless
  llvm-19-dev llvm-19-tools
  libantlr4-runtime-dev antlr4
  nlohmann-json3-dev libgtest-dev
  libzstd-dev uuid-dev
  libyaml-dev pkg-config
  clang-format
  chromium
  python3-jsonschema
  clang-19 libfuzzer-19-dev libclang-rt-19-dev
  clang-tidy-19
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "abv setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
