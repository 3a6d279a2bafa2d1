// Phones and the officers' pages are sent events, not snapshots, and fold
// them themselves (clients/web/src/meeting/fold.ts); a phone's batches leave
// out other people's ballots and check-ins and bring the turnout and the
// attendance instead. This drives a meeting through the real gaveld and,
// after every command, checks that what a participant and the chair folded
// equals the snapshot the display was sent: the speakers' list in the
// engine's order (points of order, replies, first-time speakers, groups in
// turn), moves, timers, attendance and quorum, motions, votes.
// Run by ctest through vitest; GAVELD and GAVEL_MEETING name the server and
// the meeting file.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, fromBinary, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ClientMessageSchema, EventBatchSchema, ProtocolVersion, ServerMessageSchema, type ServerMessage } from "../../../clients/web/src/gen/gavel/v1/envelope_pb";
import type { CommandSchema } from "../../../clients/web/src/gen/gavel/v1/commands_pb";
import { BallotForm, MeetingSnapshotSchema, MinutesEditKind, RequestKind, Threshold, type MeetingSnapshot } from "../../../clients/web/src/gen/gavel/v1/meeting_pb";
import type { VoteOpened } from "../../../clients/web/src/gen/gavel/v1/events_pb";
import { eligibleFor, foldBatch } from "../../../clients/web/src/meeting/fold";

type Body = MessageInitShape<typeof CommandSchema>["body"];
const n = (v: unknown) => Number(v);

async function until(what: string, predicate: () => boolean, ms = 10000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

class Client {
  ws: WebSocket;
  next = 1;
  waiting = new Map<number, (m: ServerMessage) => void>();
  state: MeetingSnapshot | null = null; // folded (participant, chair) or latest snapshot (display)
  opened: VoteOpened[] = []; // the vote openings as this client was sent them
  constructor(url: string, token: string, readonly folds: boolean, readonly me = "") {
    this.ws = new WebSocket(url);
    this.ws.binaryType = "arraybuffer";
    this.ws.onopen = () => this.raw({ case: "hello", value: { protocolVersion: ProtocolVersion.CURRENT, token, clientName: "fold test" } });
    this.ws.onmessage = (e) => this.heard(fromBinary(ServerMessageSchema, new Uint8Array(e.data as ArrayBuffer)));
  }
  raw(body: MessageInitShape<typeof ClientMessageSchema>["body"]): number {
    const id = this.next++;
    this.ws.send(toBinary(ClientMessageSchema, create(ClientMessageSchema, { requestId: BigInt(id), body })));
    return id;
  }
  heard(m: ServerMessage) {
    const b = m.body;
    if (b.case === "welcome") {
      this.state = b.value.snapshot!;
    } else if (b.case === "events" && this.folds && this.state) {
      for (const e of b.value.events) if (e.body.case === "voteOpened") this.opened.push(e.body.value);
      foldBatch(this.state, b.value, this.me);
    } else if (b.case === "snapshot" && !this.folds) {
      this.state = b.value;
    }
    const w = this.waiting.get(n(m.requestId));
    if (w) {
      this.waiting.delete(n(m.requestId));
      w(m);
    }
  }
  async ready() {
    await until("welcomed", () => this.state !== null);
  }
  command(body: Body): Promise<ServerMessage> {
    return new Promise((resolve) => {
      const id = this.raw({ case: "command", value: { body } });
      this.waiting.set(id, resolve);
    });
  }
}

/** What the pages show, comparable between a folded state and a snapshot;
 *  presence only of the people the reference's (partial) roster holds. */
function view(s: MeetingSnapshot, shown: Set<string>) {
  const sp = s.currentSpeech;
  return {
    seq: n(s.seq),
    phase: s.phase,
    currentItemId: s.currentItemId,
    agenda: s.agenda.map((i) => [i.id, i.state, i.recused.slice().sort().join(","), i.opinions.length]),
    present: s.roster.filter((p) => p.present && shown.has(p.id)).map((p) => p.id).sort(),
    attendance: s.attendance && {
      present: s.attendance.present,
      fixed: s.attendance.fixedMembers,
      needed: s.attendance.quorumNeeded,
      quorate: s.attendance.quorate,
      groups: s.attendance.byGroup.map((g) => [g.group, g.present, g.total]),
    },
    queue: (s.queue ? s.queue.requests : []).map((r) => [n(r.id), r.participantId, r.kind]),
    closed: !!(s.queue && s.queue.closed),
    speech: sp && n(sp.id) ? [n(sp.id), sp.participantId, sp.kind, sp.limitS, sp.extendedS, sp.paused, n(sp.deadlineMs), n(sp.remainingMs)] : null,
    speeches: s.speeches.map((x) => [n(x.id), x.participantId, x.itemId]),
    dissent: s.dissent.map((d) => [n(d.id), d.kind, d.participantId, d.text, d.reply, d.itemId, n(d.motionId)]),
    motions: s.motions.map((m) => [n(m.id), m.state, m.moverId, m.seconderId, n(m.amends)]),
    vote: s.currentVote && n(s.currentVote.id) ? [n(s.currentVote.id), s.currentVote.open, s.currentVote.eligible, s.currentVote.cast, s.currentVote.recused, s.currentVote.rule, s.currentVote.ruleWords ? s.currentVote.ruleWords.zh : ""] : null,
    votes: s.votes.map((v) => [n(v.id), v.result ? v.result.outcome : 0, v.cast, v.result ? v.result.receiptsPublished.length : 0]),
    resolutions: s.resolutions.map((r) => [n(r.id), r.text, r.responsible, r.deadline]),
    minutes: s.minutes ? [s.minutes.state, n(s.minutes.dueMs), s.minutes.signedBy, n(s.minutes.signedMs), s.minutes.signedVersion, s.minutes.edits] : null,
  };
}

let server: ChildProcess;
let dir: string;
let chair: Client;
let display: Client;
let phone: Client;
let secretary: Client;
const voters: Record<string, Client> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gavel-fold-"));
  server = spawn(process.env.GAVELD!, ["--data", join(dir, "data"), "--port", "0", "--bind", "127.0.0.1", "--meeting", process.env.GAVEL_MEETING!], { stdio: "ignore" });
  const access = join(dir, "data", "access.json");
  await until("gaveld writes access.json", () => existsSync(access), 15000);
  const info = JSON.parse(readFileSync(access, "utf8"));
  const tokens: Record<string, string> = {};
  const [head, ...lines] = readFileSync(join(dir, "data", "participants.csv"), "utf8").split("\n");
  const column = head.split(",").indexOf("token");
  for (const line of lines) {
    const cells = line.split(",");
    if (cells.length > column) tokens[cells[0]] = cells[column];
  }
  const ws = info.ws_url.replace(/\/\/[^/]+/, `//127.0.0.1:${new URL(info.url).port}`);
  chair = new Client(ws, info.chair_token, true);
  display = new Client(ws, info.display_token, false);
  phone = new Client(ws, tokens.p20, true, "p20");
  secretary = new Client(ws, info.secretary_token, true);
  for (const id of ["p04", "p11", "p14"]) voters[id] = new Client(ws, tokens[id], true, id);
  await Promise.all([chair, display, phone, secretary, ...Object.values(voters)].map((c) => c.ready()));
});

afterAll(() => {
  server?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function step(who: Client, body: Body): Promise<ServerMessage> {
  const answer = await who.command(body);
  if (answer.body.case !== "ack") throw new Error(`${body?.case} refused: ${answer.body.case === "error" ? answer.body.value.messageEn : answer.body.case}`);
  const seq = n(answer.body.value.seq);
  await until(`all are at seq ${seq}`, () => [chair, display, phone].every((c) => n(c.state!.seq) >= seq));
  const shown = new Set(display.state!.roster.map((p) => p.id));
  const engine = view(display.state!, shown);
  expect(view(phone.state!, shown), `phone after ${body?.case}`).toEqual(engine);
  expect(view(chair.state!, shown), `chair after ${body?.case}`).toEqual(engine);
  return answer;
}

const ask = (participantId: string, kind: RequestKind): Body => ({ case: "requestFloor", value: { participantId, kind } });

test("a participant's folded state equals the chair's snapshot after every command", async () => {
  await step(chair, { case: "startMeeting", value: {} });
  for (const id of ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17", "p18", "p21"])
    await step(chair, { case: "checkIn", value: { participantId: id } });
  await step(chair, { case: "checkOut", value: { participantId: "p12" } });
  await step(chair, { case: "openItem", value: { itemId: "parking" } });
  await step(chair, { case: "attachOpinion", value: { itemId: "parking", author: "5号楼住户", text: "支持方案A" } });
  await step(chair, ask("p04", RequestKind.REQUEST_CONTRIBUTION));
  await step(chair, ask("p05", RequestKind.REQUEST_PRO));
  await step(chair, ask("p11", RequestKind.REQUEST_CONTRA));
  await step(chair, ask("p14", RequestKind.REQUEST_REPLY));
  await step(chair, ask("p18", RequestKind.REQUEST_POINT_OF_ORDER));
  await step(chair, ask("p06", RequestKind.REQUEST_CONTRIBUTION));
  await step(chair, { case: "nextSpeaker", value: {} });
  await step(chair, { case: "endSpeech", value: {} });
  await step(chair, { case: "nextSpeaker", value: {} });
  await step(chair, { case: "pauseTimer", value: {} });
  await step(chair, { case: "extendTimer", value: { seconds: 60 } });
  await step(chair, { case: "resumeTimer", value: {} });
  await step(chair, { case: "extendTimer", value: { seconds: 30 } });
  await step(chair, { case: "endSpeech", value: {} });
  await step(chair, ask("p14", RequestKind.REQUEST_CONTRIBUTION)); // has spoken: behind first-time speakers
  await step(chair, ask("p07", RequestKind.REQUEST_CONTRIBUTION));
  await step(chair, ask("p21", RequestKind.REQUEST_CONTRA));
  const q = [...chair.state!.queue!.requests]; // the queue as it stands now: folding moves it in place
  await step(chair, { case: "moveRequest", value: { requestId: q[q.length - 1].id, position: 0 } });
  await step(chair, { case: "removeRequest", value: { requestId: q[1].id } });
  await step(voters.p04, { case: "withdrawRequest", value: {} });
  await step(chair, { case: "closeList", value: {} });
  await step(chair, { case: "reopenList", value: {} });
  await step(chair, { case: "grantFloor", value: { participantId: "p09" } });
  await step(chair, { case: "checkOut", value: { participantId: "p06" } }); // leaves the list too
  await step(chair, { case: "endSpeech", value: {} });
  await step(chair, { case: "recordDissent", value: { kind: 3, participantId: "p11", text: "反对占用绿地" } });
  await step(chair, { case: "replyDissent", value: { dissentId: BigInt(1), reply: "保留北侧绿地" } });
  await step(chair, { case: "proposeMotion", value: { text: "采用方案A", moverId: "p04" } });
  await step(chair, { case: "secondMotion", value: { motionId: BigInt(1), seconderId: "p11" } });
  await step(chair, { case: "recordDissent", value: { kind: 1, participantId: "p05", text: "方案A没有写明夜间车位", motionId: BigInt(1) } });
  await step(chair, { case: "proposeMotion", value: { text: "采用方案A，每月100元", moverId: "p05", amends: BigInt(1) } });
  await step(chair, { case: "withdrawMotion", value: { motionId: BigInt(2) } });
  await step(voters.p14, { case: "declareInterest", value: { itemId: "parking" } });
  await step(chair, { case: "openVote", value: { spec: { motionId: BigInt(1), question: "采用方案A？", form: BallotForm.BALLOT_YES_NO_ABSTAIN, secret: true, threshold: Threshold.SIMPLE_MAJORITY } } });
  // Each phone learns whether it may vote, and how many may, without being
  // sent everyone's names (10,000 of them to each phone in a large hall).
  const voteId = n(chair.state!.currentVote!.id);
  await until("the voters have folded the opening", () => Object.values(voters).every((c) => c.opened.length === 1));
  expect(chair.opened[0].eligible.length, "the chair is sent the names").toBeGreaterThan(0);
  for (const c of [phone, ...Object.values(voters)]) {
    expect(c.opened[0].eligible, `names sent to ${c.me}`).toEqual([]);
    expect(c.opened[0].eligibleCount, `the count sent to ${c.me}`).toBe(chair.opened[0].eligible.length);
  }
  expect(eligibleFor(voters.p04.state!, voteId, "p04"), "p04 may vote").toBe(true);
  expect(eligibleFor(voters.p11.state!, voteId, "p11"), "p11 may vote").toBe(true);
  expect(eligibleFor(voters.p14.state!, voteId, "p14"), "p14 declared an interest").toBe(false);
  expect(eligibleFor(phone.state!, voteId, "p20"), "p20 has not checked in").toBe(false);
  const first = await step(voters.p04, { case: "castBallot", value: { choices: [1], pressId: "a1" } });
  await step(voters.p11, { case: "castBallot", value: { choices: [0], pressId: "b1" } });
  const receipt = first.body.case === "ack" ? first.body.value.receipt : "";
  await step(voters.p04, { case: "castBallot", value: { choices: [0], receipt, pressId: "a2" } });
  await step(chair, { case: "closeVote", value: {} });
  await step(chair, { case: "recordResolution", value: { motionId: BigInt(1), responsible: "物业公司", deadline: "2026-04-30" } });
  await step(chair, { case: "nextItem", value: {} });
  await step(chair, { case: "declareInterest", value: { itemId: "lift", participantId: "p11" } });
  await step(chair, { case: "closeItem", value: {} });
  await step(chair, { case: "endMeeting", value: {} });
  await step(secretary, { case: "editMinutes", value: { kind: MinutesEditKind.MINUTES_EDIT_NOTE, target: "attendance", text: "迟到一人" } });
  await step(secretary, { case: "signMinutes", value: { signedBy: "王秘书" } });
  await step(secretary, { case: "editMinutes", value: { kind: MinutesEditKind.MINUTES_EDIT_WORDING, target: "item/parking/title", text: "停车位方案" } });
  await step(secretary, { case: "signMinutes", value: { signedBy: "王秘书" } });
});

// One part of a phone's batch is the same for the whole hall (its events and
// figures, serialized once); the phone's own check-in or ballot follows it,
// so it may come after events with higher seqs.
test("a phone folds its own events, sent after the hall's, in seq order", () => {
  const s = create(MeetingSnapshotSchema, { seq: BigInt(10), rosterPartial: true, roster: [{ id: "p05", present: false }] });
  const batch = create(EventBatchSchema, {
    seq: BigInt(12),
    events: [
      { seq: BigInt(12), atMs: BigInt(1), body: { case: "itemOpened", value: { itemId: "parking" } } },
      { seq: BigInt(11), atMs: BigInt(1), body: { case: "checkedIn", value: { participantId: "p05" } } },
    ],
  });
  foldBatch(s, batch, "p05");
  expect(s.roster[0].present, "its own check-in").toBe(true);
  expect(s.currentItemId).toBe("parking");
  expect(n(s.seq)).toBe(12);
});
