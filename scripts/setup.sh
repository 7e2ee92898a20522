#!/usr/bin/env bash
# Installs what MlNetDeep needs on Debian 12 and is a quick no-op when everything is present.
# Called by run.sh and test.sh; safe to run by hand. Needs root (or sudo) only to install.
set -euo pipefail
cd "$(dirname "$0")/.."

# libtorch-dev: the engine (libtorch 1.13, CPU). libopenblas0-pthread: without it libtorch
# falls back to reference BLAS, about 40x slower on dense layers. cmake/g++: the native shim.
# python3-torch/-pandas/-sklearn: the benchmark's peers (bench/pytorch/*.py run with /usr/bin/python3).
APT_PACKAGES=(libtorch-dev libopenblas0-pthread cmake g++ make libpng-dev libjpeg-dev dataset-fashion-mnist python3-pandas python3-sklearn python3-torch)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET SDK 10 is required (dotnet not found on PATH)" >&2
  exit 1
fi
