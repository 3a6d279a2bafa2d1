#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: the projector (gavel-display) in each
# view, from the example residents' council driven with gavelctl, under a
# private Xvfb. Usage: scripts/display-screenshots.sh [BUILD_DIR] (default
# build/dev; its gaveld, gavelctl and gavel-display are built if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
out=docs/screenshots
[ -f "$build/build.ninja" ] || cmake --preset dev >/dev/null
cmake --build "$build" --target gaveld gavelctl gavel-display >/dev/null

work="$(mktemp -d)"
pids=()
cleanup() {
  # Newest first: the display before the X server it draws on.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# A private X server; -displayfd says which display it took once it is ready.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$work/display")"

start_gaveld() {
  rm -f "$work/data/access.json"
  "$build/server/gaveld/gaveld" --data "$work/data" --port 0 --bind 127.0.0.1 \
    --meeting examples/residents-council/meeting.toml >>"$work/gaveld.log" 2>&1 &
  gaveld=$!
  pids+=("$gaveld")
  for _ in $(seq 100); do [ -s "$work/data/access.json" ] && { lan_access; return; }; sleep 0.1; done
  echo "gaveld did not start:" >&2; cat "$work/gaveld.log" >&2; exit 1
}
ctl() { "$build/clients/cli/gavelctl" --access "$work/data/access.json" --yes "$@" >/dev/null; }
# The screenshots' gaveld listens on loopback only (as every test here does);
# in a room it would be bound to 0.0.0.0 and write its LAN address. The
# display's copy of access.json says so, with a documentation address.
lan_access() {
  python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); a["url"]="http://192.168.1.20:8080/"; json.dump(a,open(sys.argv[2],"w"))' \
    "$work/data/access.json" "$work/lan-access.json"
}
# shot NAME WIDTHxHEIGHT LANG [ACCESS]: one screenshot of the meeting as it is now.
shot() {
  "$build/display/gavel-display" --access "${4:-$work/lan-access.json}" --size "$2" --lang "$3" \
    --screenshot "$out/$1.png" --after-ms 1500
  echo "$out/$1.png"
}

mkdir -p "$out"
start_gaveld

# Waiting: people check in as they arrive. 黄志强 (p11) is in hospital and
# 郭小雨 (p18) on night shift: they sent written opinions (meeting.toml).
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p12 p13 p14 p15 p17 p19 p21; do ctl checkin "$p"; done
shot join-zh-1080 1920x1080 zh-CN
shot join-zh-720 1280x720 zh-CN
shot join-loopback-zh-1080 1920x1080 zh-CN "$work/data/access.json"

# In session, no item open yet: the agenda.
ctl meeting start
ctl item defer corridor
shot agenda-zh-1080 1920x1080 zh-CN
shot agenda-en-720 1280x720 en

# Between speeches: the item's background and draft proposal.
ctl item open parking
shot between-speeches-zh-1080 1920x1080 zh-CN

# Debate on the parking item: a speaker, the queue, a point of order, a motion.
ctl --as p04 speakers request
ctl --as p14 speakers request --kind pro
ctl --as p17 speakers request --kind contra
ctl --as p13 speakers request
ctl --as p07 speakers request --kind reply
ctl --as p15 speakers request
ctl --as p19 speakers request
ctl speakers next
ctl --as p09 speakers request --kind point-of-order
ctl --as p14 motion propose "采用方案A：与万和商场签订错峰共享协议，每晚开放地下车位80个，共享车位对租户同样开放"
shot debate-zh-1080 1920x1080 zh-CN
shot debate-en-1080 1920x1080 en
shot debate-zh-720 1280x720 zh-CN

ctl timer pause
shot debate-paused-zh-1080 1920x1080 zh-CN
ctl timer resume

# A vote, then its result.
ctl --as p05 motion second 1
ctl vote open --motion 1
for p in p01 p02 p03 p04 p05 p06 p07 p14 p15; do ctl --as "$p" vote cast yes; done
for p in p09 p10; do ctl --as "$p" vote cast no; done
ctl --as p13 vote cast abstain
shot vote-zh-1080 1920x1080 zh-CN
for p in p12 p17 p19; do ctl --as "$p" vote cast yes; done
ctl vote close
shot result-zh-1080 1920x1080 zh-CN
shot result-en-720 1280x720 en

# A choice between the options of the meeting file, with their descriptions.
ctl --as p14 motion propose "比选停车方案"
ctl --as p05 motion second 2
ctl vote open --motion 2 --form one-of --question "采用哪一个停车方案？"
for p in p01 p02 p03 p04; do ctl --as "$p" vote cast 1; done
shot vote-choice-zh-1080 1920x1080 zh-CN
shot vote-choice-en-1080 1920x1080 en
for p in p05 p06 p07 p14; do ctl --as "$p" vote cast 1; done
for p in p09 p10 p12; do ctl --as "$p" vote cast 2; done
ctl vote close
ctl resolution add --motion 2 --responsible "物业公司 韩立新" --deadline 2026-04-30 "与万和商场签订错峰共享协议，共享车位对租户同样开放"

# The next item: a secret, weighted vote with a two-thirds threshold that the
# ground-floor group vetoes.
ctl item next
ctl --as p05 motion propose "在2单元北侧加装平层入户电梯，一楼住户不分摊费用"
ctl --as p07 motion second 3
ctl vote open --motion 3 --secret --weighted --threshold two-thirds
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p14 p15 p17; do ctl --as "$p" vote cast yes; done
ctl --as p19 vote cast abstain
ctl --as p12 vote cast no
shot vote-secret-zh-1080 1920x1080 zh-CN
shot vote-secret-zh-720 1280x720 zh-CN
ctl vote close
shot result-vetoed-zh-1080 1920x1080 zh-CN

# The link lost: the last state stays under the banner (a screenshot on SIGUSR1).
ctl --as p13 speakers request --kind contra
ctl --as p06 speakers request
ctl speakers next
"$build/display/gavel-display" --access "$work/data/access.json" --size 1920x1080 --status \
  --screenshot "$out/reconnecting-zh-1080.png" >"$work/display.log" &
display=$!
pids+=("$display")
for _ in $(seq 100); do grep -q "^state" "$work/display.log" && break; sleep 0.1; done
{ kill -9 "$gaveld" && wait "$gaveld"; } 2>/dev/null || true
for _ in $(seq 100); do grep -q "^link reconnecting" "$work/display.log" && break; sleep 0.1; done
kill -USR1 "$display"
for _ in $(seq 100); do grep -q "^screenshot" "$work/display.log" && break; sleep 0.1; done
echo "$out/reconnecting-zh-1080.png"

# gaveld back (nothing was lost), and the meeting ends: the summary.
start_gaveld
ctl meeting end --force
shot ended-zh-1080 1920x1080 zh-CN
shot ended-en-720 1280x720 en
