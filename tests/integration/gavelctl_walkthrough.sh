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
# gavelctl's own default language (Chinese), whatever the machine's locale.
export LANG=C.UTF-8; unset LC_ALL

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
# 黄志强 (p11) is in hospital and 郭小雨 (p18) on night shift: both sent written
# opinions instead (meeting.toml), so neither checks in.
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p12 p13 p14 p15 p16 p17; do
  ok "$ctl" --role secretary checkin $p
done
ok "$ctl" --as p19 checkin
expect "出席 17 / 应到 20 人，法定人数 14，已达到；列席 0 人" "$ctl" status
expect "17 of 20 members present, quorum 14 reached; 0 invited present" "$ctl" --lang en roster

ok "$ctl" item open lift
ok "$ctl" --as p04 speakers request
ok "$ctl" speakers request --for p12 --kind contra
ok "$ctl" --as p14 speakers request --kind pro
expect "p12" "$ctl" speakers list
ok "$ctl" speakers next
ok "$ctl" timer pause
ok "$ctl" timer resume
ok "$ctl" timer extend 60
ok "$ctl" speakers next
ok "$ctl" --role secretary dissent add --kind objection --who p12 "电梯井影响一楼采光"
ok "$ctl" --role secretary dissent reply 1 "由受益住户给予一次性补偿，标准会上商定"
ok "$ctl" timer end
expect "电梯井影响一楼采光" "$ctl" dissent list

# Ending with the item open is refused, and the error says how to go on.
if out=$("$ctl" --yes meeting end 2>&1); then fail "the meeting ended with an item open"; fi
grep -q "meeting end --force" <<<"$out" || fail "the refusal does not name --force: $out"

# A participant may not run the meeting: one clear line, exit 1, nothing changes.
if out=$("$ctl" --as p04 item next 2>&1); then fail "a participant moved the agenda"; fi
[ "$(wc -l <<<"$out")" -eq 1 ] || fail "error is not one line: $out"
grep -q "NOT_ALLOWED" <<<"$out" || fail "expected NOT_ALLOWED, got: $out"

expect "id=1" "$ctl" motion propose --mover p05 "同意在3号楼2单元加装电梯，费用按楼层系数分摊"
ok "$ctl" motion second 1 --seconder p14
expect "一楼住户的反对票可否决" "$ctl" vote open --motion 1 --secret --threshold two-thirds
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p14 p15 p16 p17; do
  expect "receipt" "$ctl" --as $p vote cast yes
done
ok "$ctl" --as p12 vote cast no
ok "$ctl" --as p13 vote cast abstain
ok "$ctl" --yes vote close
expect "否决" "$ctl" status

ok "$ctl" --yes item next
# 高颖 (p20) did not come; her written opinion is attached for the minutes.
ok "$ctl" opinion add parking --author "高颖（7号楼租户）" "支持方案A，共享车位应对租户开放"
expect "高颖" "$ctl" opinions list
ok "$ctl" interest declare parking --participant p16
if out=$("$ctl" motion propose "采用方案A" 2>&1); then fail "a motion without a mover was accepted"; fi
grep -q -- "--mover" <<<"$out" || fail "the refusal does not name --mover: $out"
expect "id=2" "$ctl" motion propose --mover p19 "采用方案A：与万和商场签订错峰共享协议"
ok "$ctl" motion second 2 --seconder p07
ok "$ctl" vote open --motion 2 --form one-of --option "方案A=与万和商场错峰共享车位" --option 方案B --option 方案C
expect "1 方案A：与万和商场错峰共享车位" "$ctl" status
expect "通过规则：得票最多的方案当选" "$ctl" status
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10; do ok "$ctl" --as $p vote cast 方案A; done
ok "$ctl" --as p12 vote cast 方案B
ok "$ctl" --yes vote close
ok "$ctl" resolution add --motion 2 --responsible "物业公司 韩立新" --deadline 2026-04-30
expect "韩立新" "$ctl" resolutions list

ok "$ctl" --yes item next
ok "$ctl" --yes item close
ok "$ctl" item reopen corridor
ok "$ctl" --yes item close
expect "[已结束]  楼道堆物清理" "$ctl" items list
ok "$ctl" --yes meeting end
ok "$ctl" --role secretary minutes sign 林晓雯

# The watcher saw the whole meeting as it happened.
for _ in $(seq 50); do grep -q "会议纪要由 林晓雯 签署" "$work/watch.log" && break; sleep 0.1; done
for sentence in "会议开始" "p12 吴美华 请求发言（反对）" "开始发言" "记录异议" "表决 #1 结束：否决" \
                "重新开启议题 corridor" "记录决议" "会议结束" "会议纪要由 林晓雯 签署"; do
  grep -qF "$sentence" "$work/watch.log" || { cat "$work/watch.log"; fail "watch did not print '$sentence'"; }
done
echo "gavelctl walk-through: 1 passed, 0 failed"
