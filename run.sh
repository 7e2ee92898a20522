#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs the main sample.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
dotnet run --project samples/ChurnAnn -c Release -- "$@"
