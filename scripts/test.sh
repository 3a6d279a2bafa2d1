#!/usr/bin/env bash
# Bootstraps, builds and runs every test suite; exits non-zero on any failure.
# The sanitizer and fuzzing runs are scripts/test-sanitizers.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh dev
ctest --preset dev -j"$(nproc)"
