#include "help.hpp"

#include <utility>

namespace gavel::cli {

namespace {

constexpr std::string_view kOverview = R"(gavelctl: run a Gavel (议事厅) meeting from the command line.

usage: gavelctl [OPTIONS] COMMAND [ARGS...]

Options (anywhere before a lone "--"):
  --server URL       gaveld's address: http://HOST:PORT/, https://..., ws://HOST:PORT/ws,
                     wss://... or HOST:PORT (default: the access file's, else
                     http://127.0.0.1:8080/; env GAVEL_SERVER)
  --token T          the token to act with: a participant's personal token, or a role's
                     (env GAVEL_TOKEN)
  --access FILE      gaveld's DIR/access.json: server URL and role tokens (env GAVEL_ACCESS)
  --role R           which token to take from the access file: chair (default),
                     secretary or display
  --as PID           act as participant PID, with the token from participants.csv
                     beside the access file (for rehearsals and scripts)
  --json             print answers, status and events as JSON
  --lang zh|en       the language gavelctl speaks (default: zh, or en when LANG=en_*)
  --yes              do not ask before an irreversible step (meeting end,
                     vote close, item close); gavelctl asks only on a terminal
  --ca FILE          wss/https: trust the server certificate signed by this CA (PEM)
  --insecure         wss/https: accept any certificate, e.g. a self-signed one
  --timeout SECONDS  how long to wait for the server (default 5)
  -h, --help         this text; `gavelctl COMMAND --help` for one command

Commands:
  meeting start|end [--force]            open or close the meeting
  item open ID|close|next|defer ID|reopen ID
                                         the agenda
  items list                             the agenda with each item's state
  opinion add ITEM --author NAME TEXT    a written opinion of an absent party
  opinions list                          the written opinions, by item
  checkin [PID], checkout [PID]          attendance
  interest declare [ITEM] [--participant PID]
                                         协商回避: leave an item's votes
  speakers list|request|withdraw|grant|next|move|remove|close|reopen
                                         the speakers' list
  timer pause|resume|extend SECONDS|end  the current speech's timer
  dissent add|reply|list                 分歧点, minority opinions, objections
  motion propose|second|withdraw         motions
  vote open|close|cast                   votes and ballots
  resolution add                         a resolution with who and by when
  resolutions list                       the resolutions recorded
  minutes sign NAME                      the secretary signs the minutes
  clicker list|add|pair|unpair|revoke|lend
                                         clickers and base stations (chair)
  minutes draft|note|edit|sign|export    the minutes (会议纪要): draft, annotate, sign, export
  status                                 a summary of the meeting now
  roster [cards -o FILE.pdf]             participants, their ids and who is here; join cards
  watch [--resume SEQ]                   print events as they happen, until Ctrl-C
  resolution status ID STATUS            决议执行: a resolution's follow-up

Offline, on the data folder (no server needed; --lang en for English):
  verify FILE                            is the record whole, do the signatures match
  record export -o FILE                  the whole record as JSON
  actions                                every resolution, its status, overdue ones marked
  archive list|search|export             finished meetings: list, full-text search, export

A command prints "ok seq=N id=M" when the server has stored it, and any warning
that came with it (e.g. "opened without quorum"). Errors are one
line on stderr; the exit status is 2 for a usage error, 1 when the server or
the connection failed.
)";

constexpr std::pair<std::string_view, std::string_view> kPages[] = {
    {"meeting", R"(usage: gavelctl meeting start
       gavelctl meeting end [--force]

Opens the meeting (it must be scheduled) or ends it; ending starts the 24-hour
clock for the minutes. The server refuses to end while an item, a speech, a
waiting speaker or a vote is open, and says which; --force closes them first.
Items still pending are recorded as not reached. On a terminal gavelctl asks
first (--yes to skip). Chair.

  gavelctl --access data/access.json meeting start
)"},
    {"item", R"(usage: gavelctl item open ITEM
       gavelctl item close
       gavelctl item next
       gavelctl item defer ITEM
       gavelctl item reopen ITEM
       gavelctl items list

open    opens agenda item ITEM (ids are in `gavelctl items list`)
close   closes the current item (asks first on a terminal; --yes to skip)
next    closes the current item and opens the next pending one
defer   moves pending item ITEM to a later meeting (the minutes say so)
reopen  opens closed or deferred item ITEM again, on the record
list    the agenda: each item's id, state and title
Opening without quorum is allowed; the answer carries the warning. Chair.

  gavelctl item open A1
)"},
    {"opinion", R"(usage: gavelctl opinion add ITEM --author NAME TEXT

Attaches the written opinion of someone who cannot attend (缺席方意见) to an
item; it is shown with the item and printed in the minutes. Chair or secretary.

  gavelctl opinion add A1 --author "3号楼 王阿姨" "同意加装，但费用要公开"
  gavelctl opinions list
)"},
    {"checkin", R"(usage: gavelctl checkin [PID]
       gavelctl checkout [PID]

Marks participant PID present (or gone). Without PID, the token's holder checks
in. Chair or secretary for others; a participant for themself.

  gavelctl checkin p07
  gavelctl --access data/access.json --as p07 checkin
)"},
    {"interest", R"(usage: gavelctl interest declare [ITEM] [--participant PID]

协商回避: the participant declares an interest in ITEM (default: the current
item) and takes no part in its votes; the minutes say so. Without
--participant, the token's holder declares it.

  gavelctl interest declare A2 --participant P11
)"},
    {"speakers", R"(usage: gavelctl speakers list
       gavelctl speakers request [--kind KIND] [--for PID]
       gavelctl speakers withdraw [RID]
       gavelctl speakers grant RID
       gavelctl speakers grant --participant PID
       gavelctl speakers next
       gavelctl speakers move RID POS
       gavelctl speakers remove RID
       gavelctl speakers close
       gavelctl speakers reopen

list      the queue in calling order, with request ids (RID)
request   asks for the floor; KIND: contribution (default), pro, contra, reply,
          point-of-order (goes to the front). --for: on behalf of PID (chair)
withdraw  withdraws request RID (default: your own)
grant     gives the floor to request RID, or directly to participant PID
next      gives the floor to the first in the queue, ending the current speech
move      moves request RID to position POS (0 is the front)
remove    takes request RID off the list
close     closes the list to new requests; reopen opens it again
The chair runs the list; participants request and withdraw.

  gavelctl speakers request --for P07 --kind pro
  gavelctl speakers next
)"},
    {"timer", R"(usage: gavelctl timer pause
       gavelctl timer resume
       gavelctl timer extend SECONDS
       gavelctl timer end

The current speaker's timer: the server keeps it, the projector shows it.
end finishes the current speech. Chair.

  gavelctl timer extend 60
)"},
    {"dissent", R"(usage: gavelctl dissent add [--item ITEM] [--kind KIND] [--who PID | --anonymous] TEXT
       gavelctl dissent reply ID TEXT

add    records a point of disagreement (观点记录制); KIND: disagreement (default),
       minority, objection, block. --item: default the current item. --who:
       whose view it is; --anonymous: nobody's name is kept
reply  records the reply or compromise to dissent record ID
The secretary or chair records; a participant may add their own.

  gavelctl --role secretary dissent add --kind objection --who P03 "电梯噪音影响低层住户"
  gavelctl --role secretary dissent reply 1 "加装隔音层，费用计入预算"
  gavelctl dissent list
)"},
    {"motion", R"(usage: gavelctl motion propose [--amends MID] [--mover PID] TEXT
       gavelctl motion second MID [--seconder PID]
       gavelctl motion withdraw MID

propose   moves a motion on the current item (--amends: an amendment to MID);
          --mover: on behalf of PID (chair)
second    seconds motion MID, which opens its debate; --seconder: on behalf of PID
withdraw  withdraws motion MID
Robert's Rules: a motion needs a second before debate, then a vote.

  gavelctl motion propose --mover P03 "同意在3号楼加装电梯，费用按楼层分摊"
  gavelctl motion second 1 --seconder P05
)"},
    {"vote", R"(usage: gavelctl vote open --motion MID [--question TEXT] [--form FORM] [--option LABEL[=DESCRIPTION]]...
                          [--max N] [--secret] [--threshold T] [--abstentions-count]
                          [--weighted] [--veto-group GROUP] [--live-tally]
       gavelctl vote close
       gavelctl vote cast CHOICE... [--reason TEXT] [--receipt R] [--press-id ID] [--vote VID]

open    opens a vote on a seconded motion (chair).
        FORM: yes-no (default: 赞成/反对/弃权), one-of (2 or more --option, or none
              to take the item's options from the meeting file),
              k-of (--option ... and --max N choices), consensus (同意/可以接受/阻止)
        --option 方案A=与商场错峰共享: a label and a short description
        T: simple (default), absolute, two-thirds, unanimous
        --secret: 无记名; nobody can link a ballot to a person
        --abstentions-count: abstentions count as votes cast
        --weighted: ballots count with the participants' weights
        --veto-group: a "no" from this group vetoes (一票否决)
        --live-tally: a secret vote shows batched counts while open
        The answer says when the vote opened without quorum or a veto group applies.
close   closes the open vote and publishes the result (chair; asks first on a terminal).
cast    casts a ballot as a participant (--token, or --as PID). CHOICE is an option number
        as `gavelctl status` shows it (1 is the first), the option's text, or
        yes|no|abstain (yes-no) or agree|accept|block (consensus). A block
        needs --reason. A secret ballot prints a receipt: cast again with
        --receipt R to change it. --press-id: the same id twice counts once.

  gavelctl vote open --motion 1 --secret --threshold two-thirds
  gavelctl --access data/access.json --as p07 vote cast yes
  gavelctl vote close
)"},
    {"resolution", R"(usage: gavelctl resolution add --motion MID --responsible WHO --deadline YYYY-MM-DD [TEXT]

Records what was decided on motion MID, who carries it out and by when
(会议纪要: 责任人和完成时限). TEXT defaults to the motion's text on the server.
Chair or secretary.

  gavelctl resolution add --motion 1 --responsible "物业公司 张经理" --deadline 2027-03-31
  gavelctl resolutions list

usage: gavelctl resolution status ID open|in-progress|done|dropped [--note TEXT]

决议执行: records where resolution ID stands, also after the meeting and after
the minutes are signed (an event in the record; dropped needs a --note).
`gavelctl actions` lists every resolution with its status. Chair or secretary.

  gavelctl resolution status 1 in-progress --note "已联系电梯公司勘察"
)"},
    {"minutes", R"(usage: gavelctl minutes draft [--format md|html|pdf|csv] [-o FILE]
       gavelctl minutes note TARGET TEXT
       gavelctl minutes edit TARGET TEXT
       gavelctl minutes sign NAME
       gavelctl minutes export --format md|html|pdf|csv|json -o FILE [--version N] [--draft]

The minutes are drafted from the record (process style or decisions style, from
the meeting file). `draft` prints the working version marked 草稿 (standard
output without -o). `note` puts the secretary's note beside any part; `edit`
rewords an item's prose (item/ID/title, background, proposal, summary); votes,
times, attendance, speeches, motions, dissent and resolutions are recorded facts
and take notes only. TARGET: header, attendance, actions, item/ID,
item/ID/FIELD, speech/N, dissent/N, motion/N, vote/N, resolution/N.
`sign` (secretary) freezes the version with its content hash; a later edit makes
the next version, which lists what changed. `export` writes a signed version
(the latest by default); an unsigned one only with --draft. csv is the action
list; json is the meeting's whole record (events with their hashes), which
`gavelctl verify` checks. Chair or secretary; due 24 hours after the end (see
`status`).

  gavelctl --role secretary minutes note vote/2 "计票由两名监票人复核"
  gavelctl --role secretary minutes edit item/lift/summary "多数住户支持加装"
  gavelctl --role secretary minutes sign 王芳
  gavelctl --role secretary minutes export --format pdf -o 纪要.pdf
)"},
    {"status", R"(usage: gavelctl status

A summary of the meeting now: phase, agenda, current item, speaker and time
left, the queue, attendance and quorum, motions, the open vote's turnout and the
last result. With --json, the whole snapshot.
)"},
    {"roster", R"(usage: gavelctl roster
       gavelctl roster cards -o FILE.pdf

Participants with their ids, groups and whether they are present. With --json,
the roster as JSON. `cards`: one join card per participant, eight to an A4
page, with the QR code of the personal join link, the personal code, the
room's Wi-Fi (meeting file [room]) and the paired clicker; reads
participants.csv beside the access file (give --access).
)"},
    {"clicker", R"(usage: gavelctl clicker list
       gavelctl clicker add DEVICE... [--base BASE] [--pool]
       gavelctl clicker pair DEVICE PID
       gavelctl clicker unpair DEVICE
       gavelctl clicker revoke DEVICE|BASE
       gavelctl clicker lend DEVICE PID

Clickers (表决器) and base stations (基站). Chair only.
list    every device: its holder, base station, battery, signal and when it was
        last heard; "LOW" marks a battery under 20%, "SILENT" a device not heard
        from for a minute
add     enrols Wi-Fi clickers (each gets its own token in DIR/clickers.json), or
        with --base, radio clickers relayed by base station BASE (which gets the
        token); --pool: spare clickers lent out for secret votes
pair    gives DEVICE to participant PID (at check-in); their previous one is freed
unpair  takes DEVICE back
revoke  the device's or base station's credential stops working now, and its
        connection ends
lend    a pool clicker for PID, for the open secret vote only, after the desk has
        checked their eligibility; no record links PID to the device
)"},
    {"watch", R"(usage: gavelctl watch [--resume SEQ]

Prints each event as it happens, one sentence each ("#12 09:14:03 P07 张秀英
has the floor, 300 s"), until Ctrl-C or until the connection ends (exit 1).
With --json, one JSON object per line. --resume SEQ: first print what happened
after event SEQ (if the server still holds it).
)"},
};

}  // namespace

std::string_view overview_help(Lang lang) { return lang == Lang::zh ? overview_help_zh() : kOverview; }

std::string_view command_help(std::string_view command, Lang lang) {
  if (command == "checkout") command = "checkin";
  if (command == "speak") command = "speakers";
  if (command == "items") command = "item";
  if (command == "resolutions") command = "resolution";
  if (command == "opinions") command = "opinion";
  if (lang == Lang::zh) return command_help_zh(command);
  for (const auto& [name, text] : kPages) {
    if (name == command) return text;
  }
  return {};
}

}  // namespace gavel::cli
