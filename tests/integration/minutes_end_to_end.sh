#!/usr/bin/env bash
# The minutes end to end: the sample meeting run through the real gaveld with
# gavelctl, then drafted, annotated, signed and exported in every format.
# Checks the PDF's text (pdftotext), that the HTML parses and the CSV round-
# trips, that a secret vote shows totals only, that re-exports (also after a
# restart) are byte-identical, and that bad input is refused changing nothing.
# Usage: minutes_end_to_end.sh GAVELD GAVELCTL EXAMPLES_DIR
set -euo pipefail
gaveld="$1"; ctl="$2"; examples="$3"
work=$(mktemp -d)
server_pid=
trap '[ -n "$server_pid" ] && kill $server_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

start_server() {  # start_server [--meeting FILE]: without one, gaveld reopens the meeting in its data
  rm -f "$work/data/access.json"
  "$gaveld" --data "$work/data" --port 0 --bind 127.0.0.1 "$@" >>"$work/gaveld.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do [ -f "$work/data/access.json" ] && return; sleep 0.1; done
  echo "gaveld did not start"; cat "$work/gaveld.log"; exit 1
}
start_server --meeting "$examples/residents-council/meeting.toml"
export GAVEL_ACCESS="$work/data/access.json"

fail() { echo "FAILED: $*"; echo "--- gaveld log"; tail -20 "$work/gaveld.log"; exit 1; }
ok() { "$@" >"$work/out" 2>"$work/err" || fail "$* exited $?: $(cat "$work/err")"; }
expect() {  # expect TEXT COMMAND...: the command succeeds and prints TEXT
  local want="$1"; shift
  local out; out=$("$@" 2>&1) || fail "$* exited $?: $out"
  grep -qF -- "$want" <<<"$out" || fail "$* printed '$out', expected '$want'"
}
refused() {  # refused CODE TEXT COMMAND...: the command fails with CODE and says TEXT
  local code="$1" text="$2"; shift 2
  local out; if out=$("$@" 2>&1); then fail "$* was accepted: $out"; fi
  grep -qF -- "$code" <<<"$out" || fail "$* said '$out', expected $code"
  grep -qF -- "$text" <<<"$out" || fail "$* said '$out', expected '$text'"
}
has() {  # has FILE TEXT...: the file holds every text
  local file="$1"; shift
  for want in "$@"; do grep -qF -- "$want" "$file" || fail "$file lacks '$want'"; done
}

# --- the meeting
refused INVALID_STATE "会议尚未开始" "$ctl" minutes draft
ok "$ctl" meeting start
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p11 p12 p13 p14 p15 p16 p18 p23 p25; do
  ok "$ctl" --role secretary checkin $p
done
ok "$ctl" item open parking
ok "$ctl" speakers request --for p04
ok "$ctl" speakers request --for p14 --kind contra
ok "$ctl" speakers next
ok "$ctl" speakers next
ok "$ctl" --role secretary dissent add --kind objection --who p18 "不赞成改造北侧绿地，那是孩子们傍晚唯一能玩的地方"
ok "$ctl" --role secretary dissent reply 1 "方案A不涉及绿地改造"
ok "$ctl" timer end
ok "$ctl" motion propose --mover p03 "采用方案A：与万和商场签订错峰共享协议"
ok "$ctl" motion second 1 --seconder p06
ok "$ctl" vote open --motion 1 --form one-of --option 方案A --option 方案B --option 方案C
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10; do ok "$ctl" --as $p vote cast 方案A; done
ok "$ctl" --as p11 vote cast 方案B
ok "$ctl" vote close
ok "$ctl" resolution add --motion 1 --responsible "物业公司 韩立新" --deadline 2026-04-30

ok "$ctl" item next
ok "$ctl" speakers request --for p25
ok "$ctl" speakers next
ok "$ctl" --role secretary dissent add --kind disagreement --who p11 "电梯井建在北侧会挡住客厅唯一的窗户"
ok "$ctl" timer end
ok "$ctl" motion propose --mover p05 "同意在3号楼2单元加装电梯"
ok "$ctl" motion second 2 --seconder p14
ok "$ctl" vote open --motion 2 --secret
for p in p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p14 p15 p16; do ok "$ctl" --as $p vote cast yes; done
ok "$ctl" --as p13 vote cast abstain
ok "$ctl" vote close
ok "$ctl" resolution add --motion 2 --responsible "加装电梯协调小组 张国庆" --deadline 2026-06-30
ok "$ctl" item close
ok "$ctl" meeting end

# --- the draft, due within 24 hours
expect "还剩" "$ctl" status
expect "draft v1, due" "$ctl" --lang en --role secretary status
refused INVALID_STATE "草稿" "$ctl" minutes export --format pdf -o "$work/final.pdf"
[ ! -e "$work/final.pdf" ] || fail "a refused export left a file"
ok "$ctl" minutes draft -o "$work/draft.md"
has "$work/draft.md" "草稿 · 未签署" "小区停车难治理方案比选"
refused NOT_ALLOWED "只有主持人和记录员" "$ctl" --as p04 minutes export --format md --draft

# --- notes and wording; facts only take notes
ok "$ctl" --role secretary minutes note vote/2 "计票由两名监票人复核"
ok "$ctl" --role secretary minutes edit item/parking/summary "与会者普遍支持错峰共享。"
ok "$ctl" minutes draft -o "$work/before.md"
refused NOT_ALLOWED "只能加注" "$ctl" --role secretary minutes edit vote/2 "赞成20票"
refused NOT_ALLOWED "only annotated" "$ctl" --lang en --role secretary minutes edit attendance "全体出席"
ok "$ctl" minutes draft -o "$work/after.md"
cmp -s "$work/before.md" "$work/after.md" || fail "a refused edit changed the draft"

# --- signing
ok "$ctl" --role secretary minutes sign 林晓雯
refused DUPLICATE "已签署" "$ctl" --role secretary minutes sign 林晓雯
expect "v1 signed by 林晓雯" "$ctl" --lang en status

for f in md html pdf csv; do
  ok "$ctl" --role secretary minutes export --format $f -o "$work/minutes.$f"
  [ -s "$work/minutes.$f" ] || fail "empty $f export"
done
has "$work/minutes.md" "纪要内容 SHA-256：" "〔记录员注〕计票由两名监票人复核" "与会者普遍支持错峰共享。"
if grep -qF "草稿" "$work/minutes.md"; then fail "the signed minutes are marked as a draft"; fi

# The PDF's text: item titles, speakers, dissent, counts, responsible parties.
pdftotext -layout "$work/minutes.pdf" "$work/minutes.txt"
flat=$(tr -d ' \n' <"$work/minutes.txt")
for want in 和园小区居民议事会 小区停车难治理方案比选 3号楼加装电梯方案 王秀兰 徐晨 冯建国 \
            不赞成改造北侧绿地 电梯井建在北侧会挡住客厅唯一的窗户 方案A10票 赞成13票 弃权1票 \
            物业公司韩立新 加装电梯协调小组张国庆 2026-04-30 "—1—"; do
  grep -qF -- "$want" <<<"$flat" || fail "the PDF's text lacks '$want'"
done
[ "$(pdfinfo "$work/minutes.pdf" | awk '/^Page size/ {print $3 "x" $5}')" = "595.276x841.89" ] || fail "the PDF is not A4"
pdffonts "$work/minutes.pdf" | grep -q "NotoSerifCJKsc" || fail "the PDF does not embed Noto Serif CJK SC"

# A secret vote: totals only, nobody's name beside a choice.
lift=$(sed -n '/^## 二、/,/^## 三、/p' "$work/minutes.md")
grep -qF "无记名投票只记总数" <<<"$lift" || fail "the secret vote is not marked as totals only"
if grep -qE "^   - (赞成|反对|弃权)：" <<<"$lift"; then fail "the secret vote lists names: $lift"; fi
parking=$(sed -n '/^## 一、/,/^## 二、/p' "$work/minutes.md")
grep -qF "方案A：周建华、林晓雯" <<<"$parking" || fail "the open vote does not list its voters"

# The HTML parses, every element closed; the CSV round-trips through a CSV reader.
python3 - "$work/minutes.html" "$work/minutes.csv" <<'PY' || fail "HTML or CSV check failed"
import csv, html.parser, io, sys
class Balanced(html.parser.HTMLParser):
    void = {"meta", "br", "link", "img", "hr", "input"}
    def __init__(self):
        super().__init__(); self.stack = []
    def handle_starttag(self, tag, attrs):
        if tag not in self.void: self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag: sys.exit(f"unbalanced </{tag}> after {self.stack[-3:]}")
        self.stack.pop()
page = open(sys.argv[1], encoding="utf-8").read()
p = Balanced(); p.feed(page); p.close()
if p.stack: sys.exit(f"unclosed {p.stack}")
raw = open(sys.argv[2], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
assert rows[0] == ["序号", "议题", "决议", "责任人", "完成时限"], rows[0]
assert rows[1][3:] == ["物业公司 韩立新", "2026-04-30"], rows[1]
assert rows[2][3:] == ["加装电梯协调小组 张国庆", "2026-06-30"], rows[2]
out = io.StringIO(newline="")
csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
assert ("\ufeff" + out.getvalue()).encode("utf-8") == raw, "the CSV does not round-trip"
PY

# --- byte-identical re-exports, also after a restart (the record is replayed)
ok "$ctl" --role secretary minutes export --format pdf -o "$work/again.pdf"
cmp -s "$work/minutes.pdf" "$work/again.pdf" || fail "two exports of the signed PDF differ"
kill $server_pid; wait $server_pid 2>/dev/null || true
start_server
for f in md html pdf csv; do
  ok "$ctl" --role secretary minutes export --format $f -o "$work/restarted.$f"
  cmp -s "$work/minutes.$f" "$work/restarted.$f" || fail "the $f export differs after a restart"
done

# --- a correction is version 2, against the signed version 1
ok "$ctl" --role secretary minutes edit item/parking/summary "与会者普遍支持错峰共享，租户要求同等登记。"
refused INVALID_STATE "草稿" "$ctl" minutes export --format md -o "$work/v2.md"
ok "$ctl" --role secretary minutes sign 林晓雯
ok "$ctl" --role secretary minutes export --format md -o "$work/v2.md"
has "$work/v2.md" "本版更正（对照第1版）" "原文：与会者普遍支持错峰共享。" "第2版）"
ok "$ctl" --role secretary minutes export --format md --version 1 -o "$work/v1.md"
cmp -s "$work/minutes.md" "$work/v1.md" || fail "version 1 changed after version 2 was signed"
# --- join cards: one per participant, eight to a page, with the room's Wi-Fi
ok "$ctl" roster cards -o "$work/cards.pdf"
[ "$(pdfinfo "$work/cards.pdf" | awk '/^Pages/ {print $2}')" = "4" ] || fail "28 participants should fill 4 pages of cards"
pdftotext "$work/cards.pdf" "$work/cards.txt"
has "$work/cards.txt" "周建华" "许文涛" "社区工作者" "扫码参会" "表决器 CK-0104" "Wi-Fi：幸福里议事厅"
grep -qF '"wifi": "WIFI:T:WPA;S:幸福里议事厅;P:yishi2026;;"' "$work/data/access.json" || fail "access.json lacks the Wi-Fi"
if "$ctl" --json status | grep -q yishi2026; then fail "the Wi-Fi password reached a client's snapshot"; fi
echo "minutes end to end: 1 passed, 0 failed"
