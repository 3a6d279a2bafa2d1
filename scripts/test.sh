#!/usr/bin/env bash
# Bootstraps, builds and runs every test suite; exits non-zero on any failure:
# the dev build's suites (unit, integration, browser, display, chaos), then
# the unit and integration suites again under ASan + UBSan (the asan preset,
# clang; what it leaves out and why: docs/hostile_input.md), then each fuzz
# target for GAVEL_FUZZ_SECONDS (60). About 15 minutes on two cores with a
# warm ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
# stage NAME COMMAND...: runs the command and says how long it took.
stage() {
  local name="$1" start=$SECONDS
  shift
  "$@"
  echo "test.sh: $name took $((SECONDS - start)) s"
}
scripts/bootstrap.sh
stage "dev build" scripts/build.sh dev
stage "dev tests" ctest --preset dev -j"$(nproc)"
stage "asan build" scripts/build.sh asan
stage "asan tests" ctest --preset asan -j"$(nproc)"
stage "fuzzing" ctest --preset fuzz -j"$(nproc)"
