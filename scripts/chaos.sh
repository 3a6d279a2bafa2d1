#!/usr/bin/env bash
# The long fault runs of docs/reliability.md: 100 rounds of kill -9 under 200
# clients and 2000 power cuts, then the real gaveld on a full disk. CI runs
# shorter versions of the same tests (10 rounds, 200 cuts) through ctest.
# The figures are about correctness, not speed: the dev build will do.
# Usage: scripts/chaos.sh [ROUNDS [CUTS]]   (about 5 minutes on 2 idle cores)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-100}
cuts=${2:-2000}
export CCACHE_BASEDIR="$PWD"
cmake --preset dev >/dev/null
cmake --build --preset dev --target chaos_tests power_cut_tests gaveld -- -j2 >/dev/null
echo "chaos: $(nproc) cores, $(uname -sr), SQLite $(sqlite3 --version | cut -d' ' -f1)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
run() {
  if ! "$@" >"$log" 2>&1; then status=1; grep -E 'Failure|seed' "$log" | head -20; fi
  grep -E '^(kill -9|power cuts)|^\[  (PASSED|FAILED)' "$log"
}
GAVEL_CRASH_ROUNDS=$rounds run build/dev/tests/chaos/chaos_tests --gtest_filter='CrashRounds.*:FullDisk.*'
GAVEL_POWER_CUTS=$cuts run build/dev/tests/chaos/power_cut_tests
exit $status
