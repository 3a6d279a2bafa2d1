#!/usr/bin/env bash
# The walk-through in docs/cli.md, run for real: gaveld on a loopback port
# with the sample meeting, and the whole agenda driven by gavelctl alone.
# Usage: gavelctl_walkthrough.sh GAVELD GAVELCTL EXAMPLES_DIR
set -euo pipefail
gaveld="$1"; ctl="$2"; examples="$3"
work=$(mktemp -d)
trap 'kill $server_pid $watch_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

"$gaveld" --data "$work/data" --port 0 --bind 127.0.0.1 \
  --meeting "$examples/residents-council/meeting.toml" >"$work/gaveld.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -f "$work/data/access.json" ] && break; sleep 0.1; done
[ -f "$work/data/access.json" ] || { echo "gaveld did not start"; cat "$work/gaveld.log"; exit 1; }
export GAVEL_ACCESS="$work/data/access.json"

fail() { echo "FAILED: $*"; echo "--- gaveld log"; tail -20 "$work/gaveld.log"; exit 1; }
expect() {  # expect TEXT COMMAND...: the command succeeds and prints TEXT
  local want="$1"; shift
  local out; out=$("$@" 2>&1) || fail "$* exited $?: $out"
  grep -qF -- "$want" <<<"$out" || fail "$* printed '$out', expected '$want'"
}
ok() { "$@" >/dev/null 2>"$work/err" || fail "$* exited $?: $(cat "$work/err")"; }

"$ctl" watch >"$work/watch.log" 2>&1 &
watch_pid=$!
# The watcher sees only what happens after it is welcomed.
for _ in $(seq 100); do grep -q "welcome" "$work/gaveld.log" && break; sleep 0.05; done

ok "$ctl" meeting start
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p11 p12 p13 p14 p15 p16; do
  ok "$ctl" --role secretary checkin $p
done
ok "$ctl" --as p18 checkin
expect "17" "$ctl" status

ok "$ctl" item open lift
ok "$ctl" --as p04 speakers request
ok "$ctl" speakers request --for p11 --kind contra
ok "$ctl" --as p14 speakers request --kind pro
expect "p11" "$ctl" speakers list
ok "$ctl" speakers next
ok "$ctl" timer pause
ok "$ctl" timer resume
ok "$ctl" timer extend 60
ok "$ctl" speakers next
ok "$ctl" --role secretary dissent add --kind objection --who p11 "电梯井影响一楼采光"
ok "$ctl" --role secretary dissent reply 1 "由受益住户给予一次性补偿，标准会上商定"
ok "$ctl" timer end

# A participant may not run the meeting: one clear line, exit 1, nothing changes.
if out=$("$ctl" --as p04 item next 2>&1); then fail "a participant moved the agenda"; fi
[ "$(wc -l <<<"$out")" -eq 1 ] || fail "error is not one line: $out"
grep -q "NOT_ALLOWED" <<<"$out" || fail "expected NOT_ALLOWED, got: $out"

expect "id=1" "$ctl" motion propose --mover p05 "同意在3号楼2单元加装电梯，费用按楼层系数分摊"
ok "$ctl" motion second 1 --seconder p14
ok "$ctl" vote open --motion 1 --secret --threshold two-thirds
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p14 p15 p16; do
  expect "receipt" "$ctl" --as $p vote cast yes
done
ok "$ctl" --as p11 vote cast no
ok "$ctl" --as p12 vote cast no
ok "$ctl" --as p13 vote cast abstain
ok "$ctl" vote close
expect "否决" "$ctl" status

ok "$ctl" item next
ok "$ctl" opinion add parking --author 郭小雨 "支持方案A，共享车位应对租户开放"
ok "$ctl" interest declare parking --participant p16
expect "id=2" "$ctl" motion propose --mover p18 "采用方案A：与万和商场签订错峰共享协议"
ok "$ctl" motion second 2 --seconder p07
ok "$ctl" vote open --motion 2 --form one-of --option 方案A --option 方案B --option 方案C
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10; do ok "$ctl" --as $p vote cast 方案A; done
ok "$ctl" --as p11 vote cast 方案B
ok "$ctl" vote close
ok "$ctl" resolution add --motion 2 --responsible "物业公司 韩立新" --deadline 2026-04-30

ok "$ctl" item next
ok "$ctl" item close
ok "$ctl" meeting end
ok "$ctl" --role secretary minutes sign 林晓雯

# The watcher saw the whole meeting as it happened.
for _ in $(seq 50); do grep -q "minutes_signed" "$work/watch.log" && break; sleep 0.1; done
for event in meeting_started speech_started dissent_recorded vote_closed resolution_recorded meeting_ended minutes_signed; do
  grep -q "$event" "$work/watch.log" || fail "watch did not print $event"
done
echo "gavelctl walk-through: 1 passed, 0 failed"
