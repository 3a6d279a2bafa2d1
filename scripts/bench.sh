#!/usr/bin/env bash
# Measures Gavel against issue 13's goals, side by side with a bare Beast
# WebSocket server (bench/echo_server.cpp) in the same run: bootstraps,
# builds the release preset with the benchmarks, runs the hall benchmark
# (gaveld and the baseline interleaved, ROUNDS rounds, default 3), the
# restart and seal benchmarks, and prints the table: figure, gaveld,
# baseline, ratio, goal, verdict, load average. About 10 minutes on two
# cores; every run is bounded by `timeout`. What the figures mean:
# docs/PERFORMANCE.md. The machine is shared: the figures are noisy.
#
#   scripts/bench.sh [--rounds N] [--extras]
#
# --extras also runs the clicker fleet and the web join benchmarks (not in the table).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3 extras=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --extras) extras=1; shift ;;
    *) echo "usage: scripts/bench.sh [--rounds N] [--extras]" >&2; exit 2 ;;
  esac
done

export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
scripts/bootstrap.sh
cmake --preset release -DGAVEL_BUILD_BENCH=ON >/dev/null
cmake --build --preset release --target benchmarks -- -j2
bin=build/release/bench

# 10,000 client connections and as many server ones: each process needs the files.
ulimit -n "$(ulimit -Hn)"
out="${BENCH_OUT:-$(mktemp -d)}"
mkdir -p "$out"
results="$out/figures.jsonl"
: >"$results"
failed=0

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM"
echo "machine:  $machine; disk $(df -T "${TMPDIR:-/tmp}" | awk 'NR == 2 {print $1, $2}'); open files $(ulimit -n)"
echo "tree:     $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- server bench || echo ' plus uncommitted changes')"
echo "load avg: $(cut -d' ' -f1-3 /proc/loadavg) at the start"

# The lines a benchmark prints that are figures (JSON), kept; the rest shown.
run() {
  local limit="$1"; shift
  echo
  echo "== ${*#"$bin"/}"
  if ! timeout "$limit" "$@" | tee -a "$out/raw.txt" | grep --line-buffered '^{' >>"$results"; then
    echo "bench: $* failed or printed no figure" >&2
    failed=1
  fi
}

started=$(date +%s)
# On main before issue 13's server changes a round takes 5-8 minutes; afterwards far less.
run 1800 "$bin/hall_bench" --rounds "$rounds"
# The store helper's benchmarks print {"figure":"restart_seconds",...} lines
# (restart_seconds, restart_resident_mib, seal_close_ms, seal_ack_gap_ms);
# until they do, those rows show "not measured".
run 300 "$bin/restart_bench" 1000000
run 300 "$bin/store_bench"

if [ "$extras" = 1 ]; then
  cmake --build --preset release --target gavel-clicker-sim -- -j2 >/dev/null
  run 300 scripts/clicker_bench.sh build/release hall-2000
  run 300 scripts/clicker_bench.sh build/release storm-10000
  if [ -d clients/web/node_modules ]; then
    cmake --build --preset release --target web -- -j2 >/dev/null
    run 300 node --experimental-websocket --no-warnings bench/web_join_bench.mjs build/release/server/gaveld/gaveld \
      build/release/web examples/residents-council/meeting.toml 300 20
  fi
fi

echo
echo "== the table ($(( $(date +%s) - started )) s of measuring; machine: $machine; load avg now $(cut -d' ' -f1-3 /proc/loadavg))"
"$bin/bench_table" --expect restart_seconds,restart_resident_mib,seal_close_ms,seal_ack_gap_ms "$results"
echo "(figures as JSON lines: $results)"
exit "$failed"
