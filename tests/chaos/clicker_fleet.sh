#!/usr/bin/env bash
# The clicker simulator against the real gaveld on 127.0.0.1: a few hundred
# clickers with radio loss, duplicate copies, vote changes, brown-outs and a
# reconnect storm (every link dropped mid-vote); the simulator's exit status
# is its ledger check against the server's result. With "kill", gaveld is
# also killed with SIGKILL in the middle of the burst of presses and
# restarted on the same port; the check must still pass.
# Usage: clicker_fleet.sh GAVELD SIM wifi|base [kill]
set -euo pipefail
gaveld="$1"; sim="$2"; mode="$3"; kill_mid="${4:-}"
work=$(mktemp -d)
server_pid=""; sim_pid=""
trap 'kill -9 $server_pid $sim_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

fail() { echo "FAILED: $*"; echo "--- simulator"; cat "$work/sim.log" 2>/dev/null; echo "--- gaveld"; tail -20 "$work/gaveld.log"; exit 1; }
wait_for() {  # wait_for WHAT COMMAND...: poll the predicate for up to 20 s
  local what="$1"; shift
  for _ in $(seq 200); do "$@" && return 0; sleep 0.1; done
  fail "$what"
}

"$sim" --write-meeting "$work/meeting" --scenario council-150 --clickers 300 >/dev/null
"$gaveld" --data "$work/data" --port 0 --bind 127.0.0.1 --meeting "$work/meeting/meeting.toml" >"$work/gaveld.log" 2>&1 &
server_pid=$!
wait_for "gaveld did not start" test -f "$work/data/access.json"

"$sim" --access "$work/data/access.json" --scenario council-150 --clickers 300 --mode "$mode" --seed 12 \
  --loss 0.1 --brownouts 0.05 --change 0.3 --outage-at 4000 --time-scale 0.4 --progress >"$work/sim.log" 2>&1 &
sim_pid=$!

if [ "$kill_mid" = kill ]; then
  port=$(sed -n 's|.*"ws_url": "ws://127.0.0.1:\([0-9]*\)/ws".*|\1|p' "$work/data/access.json")
  [ -n "$port" ] || fail "no port in access.json"
  # Mid-burst: the vote is open and presses are being acknowledged.
  burst() { grep -q "^vote open" "$work/sim.log" && grep -qE "^progress acknowledged=([3-9][0-9]|[0-9]{3,})" "$work/sim.log"; }
  wait_for "no burst of presses" burst
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  "$gaveld" --data "$work/data" --port "$port" --bind 127.0.0.1 >>"$work/gaveld.log" 2>&1 &
  server_pid=$!
fi

status=0
wait "$sim_pid" || status=$?
sim_pid=""
grep -q "^ledger check          PASS" "$work/sim.log" || fail "the ledger check did not pass (exit $status)"
[ "$status" -eq 0 ] || fail "the simulator exited $status"
if [ "$kill_mid" = kill ]; then
  grep -q "resumed" "$work/gaveld.log" || fail "gaveld was not restarted"
fi
sed -n '/^== report/,$p' "$work/sim.log"
