#!/usr/bin/env bash
# Measures Gavel against the design targets: bootstraps, builds the release
# preset with the benchmarks (bench/), runs each on loopback (127.0.0.1) and
# ends with a table of the figures. About five minutes on two cores; every
# run is bounded by `timeout`. What the figures mean: docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
cmake --preset release -DGAVEL_BUILD_BENCH=ON >/dev/null
cmake --build --preset release --target benchmarks gaveld gavel-clicker-sim -- -j"$(nproc)"
bin=build/release/bench

# 10,000 client connections and as many server ones: each process needs the files.
ulimit -n "$(ulimit -Hn)"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
failed=0

run() {
  echo
  echo "== ${*#"$bin"/}"
  if ! timeout 300 "$@" | tee -a "$results"; then
    echo "bench: $* failed" >&2
    failed=1
  fi
}

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg), open files $(ulimit -n)"
echo "disk:    $(df -T "${TMPDIR:-/tmp}" | awk 'NR == 2 {print $1, $2}')"

run "$bin/store_bench"
run "$bin/load_bench" closed 16 50
run "$bin/load_bench" closed 64 50
run "$bin/load_bench" closed 200 50
run "$bin/load_bench" press 2000 0
run "$bin/load_bench" press 5000 2000
run "$bin/idle_bench" 1000 10 12
run "$bin/idle_bench" 1000 500 0
run "$bin/idle_bench" 10000 10 12
run "$bin/restart_bench" 100000
run "$bin/restart_bench" 1000000
run scripts/clicker_bench.sh build/release hall-2000
run scripts/clicker_bench.sh build/release storm-10000
run scripts/clicker_bench.sh build/release storm-10000 --reconnect naive
if [ -d clients/web/node_modules ]; then
  cmake --build --preset release --target gaveld web -- -j"$(nproc)" >/dev/null
  run node --experimental-websocket --no-warnings bench/web_join_bench.mjs build/release/server/gaveld/gaveld \
    build/release/web examples/residents-council/meeting.toml 300 20
fi

echo
echo "== summary"
grep '^summary|' "$results" | cut -d'|' -f2- |
  awk -F'|' 'BEGIN { printf "%-62s | %-34s | %s\n", "what", "target", "verdict" }
             { printf "%-62s | %-34s | %s\n    %s\n", $1, $3, $4, $2 }'
exit "$failed"
