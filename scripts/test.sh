#!/usr/bin/env bash
# Bootstraps, builds and runs every test suite; exits non-zero on any failure:
# the dev build's suites (unit, integration, browser, display, chaos), then
# the unit and integration suites again under ASan + UBSan (the asan preset,
# clang; what it leaves out and why: docs/hostile_input.md), then each fuzz
# target for GAVEL_FUZZ_SECONDS (60). About 15 minutes on two cores with a
# warm ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { echo "test.sh: $1 took $((SECONDS - $2)) s"; }
scripts/bootstrap.sh
start=$SECONDS
scripts/build.sh dev
stage "dev build" "$start"
start=$SECONDS
ctest --preset dev -j"$(nproc)"
stage "dev tests" "$start"
start=$SECONDS
scripts/build.sh asan
stage "asan build" "$start"
start=$SECONDS
ctest --preset asan -j"$(nproc)"
stage "asan tests" "$start"
start=$SECONDS
ctest --preset fuzz -j"$(nproc)"
stage "fuzzing" "$start"
