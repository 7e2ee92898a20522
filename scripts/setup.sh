#!/usr/bin/env bash
# Installs what MlNetDeep needs on Debian 12 and is a quick no-op when everything is present.
# Called by run.sh and test.sh; safe to run by hand. Needs root (or sudo) only to install.
set -euo pipefail
cd "$(dirname "$0")/.."

# libtorch-dev: the engine (libtorch 1.13, CPU). libopenblas0-pthread: without it libtorch
# falls back to reference BLAS, about 40x slower on dense layers. cmake/g++: the native shim.
# libpng-dev/libjpeg-dev: image decoding in the shim. dataset-fashion-mnist: the IDX files the
# image tests, samples and benchmarks use. libonnx-dev: the ONNX schema the C# ONNX classes are
# generated from; python3-onnx: the checker tests/MlNetDeep.Tests/Onnx/check_onnx.py runs.
# python3-torch/-pandas/-sklearn: the benchmark's peers (bench/pytorch/*.py, /usr/bin/python3).
APT_PACKAGES=(
  libtorch-dev libopenblas0-pthread cmake g++ make
  libpng-dev libjpeg-dev dataset-fashion-mnist
  libonnx-dev python3-onnx
  python3-torch python3-pandas python3-sklearn
)

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

# ---- ONNX Runtime (npm) --------------------------------------------------------------------
# The ONNX Runtime native library comes from the npm package onnxruntime-node, pinned, into a
# repo-local ignored folder. --ignore-scripts: its postinstall would download more at install
# time; the CPU library we need is already inside the package. The build copies it next to the
# assemblies (src/MlNetDeep/MlNetDeep.csproj).
ORT_VERSION=1.30.0
ORT_PREFIX=.deps/onnxruntime
ORT_LIB="$ORT_PREFIX/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1"
ORT_STAMP="$ORT_PREFIX/version"
if [ ! -f "$ORT_LIB" ] || [ "$(cat "$ORT_STAMP" 2>/dev/null)" != "$ORT_VERSION" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm is required to install onnxruntime-node $ORT_VERSION (apt-get install npm)" >&2
    exit 1
  fi
  echo "setup: installing onnxruntime-node@$ORT_VERSION into $ORT_PREFIX"
  mkdir -p "$ORT_PREFIX"
  npm install --prefix "$ORT_PREFIX" --no-save --ignore-scripts --no-audit --no-fund \
    "onnxruntime-node@$ORT_VERSION"
  if [ ! -f "$ORT_LIB" ]; then
    echo "setup: onnxruntime-node@$ORT_VERSION installed but $ORT_LIB is missing" >&2
    exit 1
  fi
  echo "$ORT_VERSION" > "$ORT_STAMP"
fi
