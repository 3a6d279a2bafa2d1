#!/usr/bin/env bash
# Bootstraps, builds and runs every test suite; exits non-zero on any failure.
# Then the unit and integration suites again under ASan + UBSan (the asan
# preset, clang; without the display, browser and chaos tests: see
# docs/hostile_input.md), and each fuzz target for GAVEL_FUZZ_SECONDS (60).
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { echo "test.sh: $1 took $((SECONDS - $2)) s"; }
scripts/bootstrap.sh
start=$SECONDS
scripts/build.sh dev
ctest --preset dev -j"$(nproc)"
stage "dev build and tests" "$start"
start=$SECONDS
scripts/build.sh asan
stage "asan build" "$start"
start=$SECONDS
ctest --preset asan -j"$(nproc)"
stage "asan tests" "$start"
start=$SECONDS
ctest --preset fuzz -j"$(nproc)"
stage "fuzzing" "$start"
