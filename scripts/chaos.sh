#!/usr/bin/env bash
# The long fault runs of docs/reliability.md: 100 rounds of kill -9 under 200
# clients and 2000 power cuts, then the real gaveld on a full disk. CI runs
# shorter versions of the same tests (10 rounds, 200 cuts) through ctest.
# Usage: scripts/chaos.sh [ROUNDS [CUTS]]   (release build, about 5 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-100}
cuts=${2:-2000}
export CCACHE_BASEDIR="$PWD"
cmake --preset release >/dev/null
cmake --build --preset release --target chaos_tests power_cut_tests gaveld -- -j2 >/dev/null
echo "chaos: $(nproc) cores, $(uname -sr), SQLite $(sqlite3 --version | cut -d' ' -f1)"
GAVEL_CRASH_ROUNDS=$rounds build/release/tests/chaos/chaos_tests --gtest_filter='CrashRounds.*:FullDisk.*' \
  | grep -E '^(kill -9|\[  (PASSED|FAILED))|Failure' || true
GAVEL_POWER_CUTS=$cuts build/release/tests/chaos/power_cut_tests | grep -E '^(power cuts|\[  (PASSED|FAILED))|Failure'
