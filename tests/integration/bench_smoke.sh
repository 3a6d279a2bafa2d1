#!/usr/bin/env bash
# The benchmark keeps working: a small hall_bench run (a few hundred voters,
# one round, gaveld and the baseline) must end well and give every figure,
# for both systems where the baseline has one, and bench_table must lay
# them out. It checks that figures exist, never what they are: timing goals
# are the benchmark's verdicts (scripts/bench.sh), not a test's.
# Usage: bench_smoke.sh HALL_BENCH BENCH_TABLE
set -euo pipefail
hall_bench="$1"; bench_table="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ulimit -n "$(ulimit -Hn)"

if ! timeout 150 "$hall_bench" --smoke >"$work/figures.jsonl" 2>"$work/progress.txt"; then
  echo "hall_bench --smoke failed:"; cat "$work/progress.txt"; exit 1
fi
if grep -q '"failed"' "$work/figures.jsonl"; then
  echo "a scene failed:"; grep '"failed"' "$work/figures.jsonl"; cat "$work/progress.txt"; exit 1
fi

missing=0
expect() {  # FIGURE SYSTEM COUNT: how many scenes give it
  local got
  got=$(grep -c "^{\"figure\":\"$1\",\"system\":\"$2\",.*\"value\":[0-9.-]" "$work/figures.jsonl" || true)
  if [ "$got" -ne "$3" ]; then
    echo "expected $3 $1 figure(s) from $2, got $got"; missing=1
  fi
}
for system in gaveld baseline; do
  expect ack_p99_ms "$system" 2
  expect ack_max_ms "$system" 1
  expect welcome_all_at_once_s "$system" 1
  expect memory_per_idle_connection_kib "$system" 1
  expect memory_per_idle_connection_after_storm_kib "$system" 1
  expect votes_per_s "$system" 1
  expect generator_cpu_share_pct "$system" 4
done
expect turnout_on_projector_p99_ms gaveld 3
expect press_to_projector_p99_ms gaveld 3
expect result_on_projector_after_close_ms gaveld 3
if [ "$missing" = 1 ]; then cat "$work/figures.jsonl"; exit 1; fi

"$bench_table" --expect restart_seconds "$work/figures.jsonl" >"$work/table.txt"
for row in ack_p99_ms votes_per_s welcome_all_at_once_s memory_per_idle_connection_kib turnout_on_projector_p99_ms \
           "restart_seconds .*not measured" "load generator's share"; do
  grep -q "$row" "$work/table.txt" || { echo "the table has no row $row:"; cat "$work/table.txt"; exit 1; }
done
echo "every figure produced:"; cat "$work/table.txt"
