#!/usr/bin/env bash
# One clicker-fleet scenario as a benchmark: a fresh gaveld on 127.0.0.1 with
# the scenario's meeting, gavel-clicker-sim against it, the simulator's report,
# and summary lines (what|measured|target|verdict) for scripts/bench.sh: the
# ledger check, the ack latencies, and the CPU the simulator and gaveld used.
# Usage: scripts/clicker_bench.sh BUILD_DIR SCENARIO [SIMULATOR OPTIONS...]
set -euo pipefail
build="$1"; scenario="$2"; shift 2
gaveld="$build/server/gaveld/gaveld"; sim="$build/hardware-sim/gavel-clicker-sim"
work=$(mktemp -d)
server_pid=""
trap 'kill $server_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

"$sim" --write-meeting "$work/meeting" --scenario "$scenario" "$@" >/dev/null
"$gaveld" --data "$work/data" --port 0 --bind 127.0.0.1 --meeting "$work/meeting/meeting.toml" >"$work/gaveld.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do [ -f "$work/data/access.json" ] && break; sleep 0.1; done
[ -f "$work/data/access.json" ] || { echo "gaveld did not start"; cat "$work/gaveld.log"; exit 1; }
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
server_before=$(cpu "$server_pid")

status=0
timeout 280 "$sim" --access "$work/data/access.json" --scenario "$scenario" --seed 7 "$@" | tee "$work/report" || status=$?
server_cpu=$(awk -v a="$(cpu "$server_pid")" -v b="$server_before" 'BEGIN {printf "%.2f", a - b}')
sim_cpu=$(sed -n 's/^simulator .* \([0-9.]*\) s of CPU$/\1/p' "$work/report")
latency=$(sed -n 's/^ack latency ms *//p' "$work/report")
check=$(sed -n 's/^ledger check *//p' "$work/report")
echo "gaveld used ${server_cpu} s of CPU; the simulator ${sim_cpu} s"
label="$scenario${*:+ $*}"
echo "summary|clicker fleet $label: ledger check|$check|PASS|$([ "$check" = PASS ] && echo met || echo "NOT MET")"
echo "summary|clicker fleet $label: ack latency, first copy to answer (ms)|$latency|-|-"
cheaper=$(awk -v s="$sim_cpu" -v g="$server_cpu" 'BEGIN {print (s < g) ? "met" : "NOT MET"}')
echo "summary|clicker fleet $label: CPU, simulator vs gaveld|${sim_cpu} s vs ${server_cpu} s|simulator cheaper|$cheaper"
exit "$status"
