#!/usr/bin/env bash
# Bootstraps, builds and runs every test suite; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh dev
ctest --preset dev -j"$(nproc)"
