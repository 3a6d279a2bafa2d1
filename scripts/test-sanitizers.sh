#!/usr/bin/env bash
# The unit and integration suites under ASan + UBSan (the asan preset, clang;
# without the display, browser and chaos tests: see docs/hostile_input.md),
# then each fuzz target for GAVEL_FUZZ_SECONDS (60). Not yet part of
# scripts/test.sh: the asan run of the merged tree has not been proved green.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { echo "test-sanitizers.sh: $1 took $((SECONDS - $2)) s"; }
scripts/bootstrap.sh
start=$SECONDS
scripts/build.sh asan
stage "asan build" "$start"
start=$SECONDS
ctest --preset asan -j"$(nproc)"
stage "asan tests" "$start"
start=$SECONDS
ctest --preset fuzz -j"$(nproc)"
stage "fuzzing" "$start"
