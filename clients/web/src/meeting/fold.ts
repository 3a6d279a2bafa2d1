// Moves a snapshot forward by one event, as server/core/fold.cpp does. The
// phone is sent events, not snapshots; the chair and secretary get both, and
// each fresh snapshot replaces what was folded here.
import { create } from "@bufbuild/protobuf";
import type { EventBatch } from "../gen/gavel/v1/envelope_pb";
import type { Event } from "../gen/gavel/v1/events_pb";
import {
  AttendanceSchema,
  ChoiceCountSchema,
  GroupCountSchema,
  ItemState,
  MeetingPhase,
  MinutesState,
  MotionState,
  Outcome,
  ResolutionSchema,
  ResolutionStatus,
  SpeakRequestSchema,
  SpeakerQueueSchema,
  SpeechSchema,
  VoteSchema,
  type MeetingSnapshot,
  type Speech,
} from "../gen/gavel/v1/meeting_pb";
import { i64, num } from "../wire/int64";
import { insertPosition } from "./queue_order";

const kMinutesDueMs = 24 * 3600 * 1000;

function recount(s: MeetingSnapshot): void {
  const a = s.attendance || create(AttendanceSchema);
  let fixed = 0;
  let present = 0;
  let presentMembers = 0;
  const groups: { group: string; present: number; total: number }[] = [];
  for (const m of s.roster) {
    if (!m.invited) fixed++;
    if (m.present) present++;
    if (m.present && !m.invited) presentMembers++;
    let g = groups.find((x) => x.group === m.group);
    if (!g) groups.push((g = { group: m.group, present: 0, total: 0 }));
    g.total++;
    if (m.present) g.present++;
  }
  const q = s.info && s.info.quorum;
  const byFraction = q ? Math.ceil(q.minFraction * fixed - 1e-9) : 0;
  a.present = present;
  a.fixedMembers = fixed;
  a.quorumNeeded = Math.max(q ? q.minPresent : 0, byFraction);
  a.quorate = presentMembers >= a.quorumNeeded;
  a.byGroup = groups.map((g) => create(GroupCountSchema, g));
  s.attendance = a;
}

function queue(s: MeetingSnapshot) {
  if (!s.queue) s.queue = create(SpeakerQueueSchema);
  return s.queue;
}

function dropRequest(s: MeetingSnapshot, id: number): void {
  const q = queue(s);
  q.requests = q.requests.filter((r) => num(r.id) !== id);
}

function speaking(s: MeetingSnapshot): Speech | undefined {
  const sp = s.currentSpeech;
  return sp && num(sp.id) !== 0 ? sp : undefined;
}

export function fold(s: MeetingSnapshot, e: Event): void {
  const at = num(e.atMs);
  const b = e.body;
  switch (b.case) {
    case "meetingStarted":
      s.phase = MeetingPhase.MEETING_IN_SESSION;
      s.startedMs = e.atMs;
      break;
    case "meetingEnded":
      for (const id of b.value.notReached) {
        const item = s.agenda.find((i) => i.id === id);
        if (item) item.state = ItemState.ITEM_NOT_REACHED;
      }
      s.phase = MeetingPhase.MEETING_ENDED;
      s.endedMs = e.atMs;
      if (s.minutes) {
        s.minutes.state = MinutesState.MINUTES_DRAFT;
        s.minutes.dueMs = i64(at + kMinutesDueMs);
      }
      break;
    case "itemDeferred": {
      const item = s.agenda.find((i) => i.id === b.value.itemId);
      if (item) item.state = ItemState.ITEM_DEFERRED;
      break;
    }
    case "itemOpened":
    case "itemReopened": {
      const item = s.agenda.find((i) => i.id === b.value.itemId);
      if (item) item.state = ItemState.ITEM_OPEN;
      s.currentItemId = b.value.itemId;
      queue(s).requests = [];
      queue(s).closed = false;
      break;
    }
    case "itemClosed": {
      const item = s.agenda.find((i) => i.id === b.value.itemId);
      if (item) item.state = ItemState.ITEM_CLOSED;
      s.currentItemId = "";
      queue(s).requests = [];
      queue(s).closed = false;
      break;
    }
    case "opinionAttached": {
      const item = s.agenda.find((i) => i.id === b.value.itemId);
      if (item) item.opinions.push({ $typeName: "gavel.v1.AbsentOpinion", author: b.value.author, text: b.value.text, receivedMs: e.atMs });
      break;
    }
    case "checkedIn":
    case "checkedOut": {
      // A new object for the one who changed, so a screen's row drawn for
      // the old one knows it must be drawn again (PersonRow, chair/people.tsx).
      const i = s.roster.findIndex((p) => p.id === b.value.participantId);
      if (i >= 0) s.roster[i] = { ...s.roster[i], present: b.case === "checkedIn" };
      if (b.case === "checkedOut") queue(s).requests = queue(s).requests.filter((r) => r.participantId !== b.value.participantId);
      // A partial roster cannot be counted: the server's attendance comes with the batch.
      if (!s.rosterPartial) recount(s);
      break;
    }
    case "interestDeclared": {
      const item = s.agenda.find((i) => i.id === b.value.itemId);
      if (item && item.recused.indexOf(b.value.participantId) < 0) item.recused.push(b.value.participantId);
      break;
    }
    case "floorRequested": {
      const r = create(SpeakRequestSchema, { id: b.value.requestId, participantId: b.value.participantId, kind: b.value.kind, requestedMs: e.atMs });
      queue(s).requests.splice(insertPosition(s, r), 0, r);
      break;
    }
    case "requestWithdrawn":
    case "requestRemoved":
      dropRequest(s, num(b.value.requestId));
      break;
    case "requestMoved": {
      const q = queue(s);
      const i = q.requests.findIndex((r) => num(r.id) === num(b.value.requestId));
      if (i >= 0) {
        const [moved] = q.requests.splice(i, 1);
        q.requests.splice(Math.min(b.value.position, q.requests.length), 0, moved);
      }
      break;
    }
    case "listClosed":
      queue(s).closed = true;
      break;
    case "listReopened":
      queue(s).closed = false;
      break;
    case "speechStarted": {
      const x = b.value;
      if (num(x.requestId)) dropRequest(s, num(x.requestId));
      s.currentSpeech = create(SpeechSchema, {
        id: x.speechId,
        participantId: x.participantId,
        itemId: s.currentItemId,
        kind: x.kind,
        startedMs: e.atMs,
        limitS: x.limitS,
        deadlineMs: i64(at + x.limitS * 1000),
      });
      break;
    }
    case "speechPaused": {
      const sp = speaking(s);
      if (sp && !sp.paused) {
        sp.paused = true;
        sp.remainingMs = i64(num(sp.deadlineMs) - at);
        sp.deadlineMs = i64(0);
      }
      break;
    }
    case "speechResumed": {
      const sp = speaking(s);
      if (sp && sp.paused) {
        sp.paused = false;
        sp.deadlineMs = i64(at + num(sp.remainingMs));
        sp.remainingMs = i64(0);
      }
      break;
    }
    case "speechExtended": {
      const sp = speaking(s);
      if (sp) {
        sp.extendedS += b.value.seconds;
        if (sp.paused) sp.remainingMs = i64(num(sp.remainingMs) + b.value.seconds * 1000);
        else sp.deadlineMs = i64(num(sp.deadlineMs) + b.value.seconds * 1000);
      }
      break;
    }
    case "speechEnded": {
      const sp = speaking(s);
      if (sp) {
        sp.endedMs = e.atMs;
        s.speeches.push(sp);
      }
      s.currentSpeech = create(SpeechSchema);
      break;
    }
    case "dissentRecorded": {
      const x = b.value;
      s.dissent.push({ $typeName: "gavel.v1.DissentRecord", id: x.dissentId, itemId: x.itemId, kind: x.kind, participantId: x.participantId, text: x.text, reply: "", recordedMs: e.atMs, motionId: x.motionId });
      break;
    }
    case "dissentReplied": {
      const d = s.dissent.find((x) => num(x.id) === num(b.value.dissentId));
      if (d) d.reply = b.value.reply;
      break;
    }
    case "motionProposed": {
      const x = b.value;
      s.motions.push({ $typeName: "gavel.v1.Motion", id: x.motionId, itemId: x.itemId, amends: x.amends, moverId: x.moverId, seconderId: "", text: x.text, state: MotionState.MOTION_PROPOSED, movedMs: e.atMs });
      break;
    }
    case "motionSeconded": {
      const m = s.motions.find((x) => num(x.id) === num(b.value.motionId));
      if (m) {
        m.seconderId = b.value.seconderId;
        m.state = MotionState.MOTION_DEBATE;
      }
      break;
    }
    case "motionWithdrawn": {
      const m = s.motions.find((x) => num(x.id) === num(b.value.motionId));
      if (m) m.state = MotionState.MOTION_WITHDRAWN;
      break;
    }
    case "voteOpened": {
      const x = b.value;
      const item = s.agenda.find((i) => i.id === s.currentItemId);
      s.currentVote = create(VoteSchema, {
        id: x.voteId,
        itemId: s.currentItemId,
        spec: x.spec,
        open: true,
        openedMs: e.atMs,
        // A phone's copy names no one: the count, and its batch's eligibleVotes.
        eligible: x.eligibleCount || x.eligible.length,
        recused: item ? item.recused.length : 0,
        rule: x.rule,
        ruleWords: x.ruleWords,
      });
      booksOf(s).set(num(x.voteId), { eligible: x.eligible.slice(), cast: {}, choices: {} });
      const m = x.spec && s.motions.find((y) => num(y.id) === num(x.spec!.motionId) && num(y.id) !== 0);
      if (m) m.state = MotionState.MOTION_VOTING;
      break;
    }
    case "ballotRecorded": {
      const v = s.currentVote;
      if (!v || num(v.id) !== num(b.value.voteId)) break;
      const book = booksOf(s).get(num(v.id));
      if (!book) {
        if (!b.value.changed) v.cast++;
      } else if (!book.cast[b.value.participantId]) {
        book.cast[b.value.participantId] = true;
        v.cast++;
      }
      if (book) countNamed(s, book, b.value.participantId, b.value.choices);
      break;
    }
    case "liveTally": {
      const v = s.currentVote;
      if (v && num(v.id) === num(b.value.voteId)) {
        v.counts = b.value.counts;
        v.cast = b.value.cast;
      }
      break;
    }
    case "voteClosed": {
      const v = s.currentVote;
      if (!v || num(v.id) !== num(b.value.voteId)) break;
      v.open = false;
      v.closedMs = e.atMs;
      v.result = b.value.result;
      if (v.result) {
        v.counts = v.result.counts;
        v.cast = v.result.cast;
      }
      s.votes.push(v);
      s.currentVote = create(VoteSchema);
      const m = v.spec && s.motions.find((y) => num(y.id) === num(v.spec!.motionId) && num(y.id) !== 0);
      if (m && v.result) {
        const o = v.result.outcome;
        m.state = o === Outcome.CARRIED || o === Outcome.CHOSEN ? MotionState.MOTION_CARRIED : o === Outcome.VETOED ? MotionState.MOTION_VETOED : MotionState.MOTION_DEFEATED;
      }
      break;
    }
    case "resolutionRecorded": {
      const x = b.value;
      s.resolutions.push(
        create(ResolutionSchema, {
          id: x.resolutionId,
          itemId: x.itemId,
          motionId: x.motionId,
          voteId: x.voteId,
          text: x.text,
          responsible: x.responsible,
          deadline: x.deadline,
          recordedMs: e.atMs,
          status: ResolutionStatus.RESOLUTION_OPEN,
        }),
      );
      break;
    }
    case "resolutionUpdated": {
      const r = s.resolutions.find((y) => num(y.id) === num(b.value.resolutionId));
      if (r) {
        r.status = b.value.status;
        r.statusNote = b.value.note;
        r.statusMs = e.atMs;
      }
      break;
    }
    case "minutesSigned":
      if (s.minutes) {
        s.minutes.state = MinutesState.MINUTES_SIGNED;
        s.minutes.signedBy = b.value.signedBy;
        s.minutes.signedMs = e.atMs;
        s.minutes.signedVersion++;
      }
      break;
    case "minutesEdited":
      if (s.minutes) {
        s.minutes.edits++;
        if (s.phase === MeetingPhase.MEETING_ENDED) s.minutes.state = MinutesState.MINUTES_DRAFT;
      }
      break;
  }
  s.seq = e.seq;
}

/** A batch from the server: its events, and what a phone's batch brings
 *  instead of other people's ballots and check-ins (turnout, attendance, the
 *  current entries of the people it names, the seq it covers, whether `me`
 *  may vote in the votes it opens). */
export function foldBatch(s: MeetingSnapshot, batch: EventBatch, me = ""): void {
  const roster = s.roster;
  for (const p of batch.names) {
    const i = s.roster.findIndex((m) => m.id === p.id);
    if (i >= 0) s.roster[i] = p;
    else s.roster.push(p);
  }
  // A phone's own events come after the hall's, whatever their seqs.
  const events = batch.events.slice().sort((a, b) => num(a.seq) - num(b.seq));
  let rosterChanged = batch.names.length > 0;
  for (const e of events)
    if (num(e.seq) > num(s.seq)) {
      fold(s, e);
      rosterChanged = rosterChanged || e.body.case === "checkedIn" || e.body.case === "checkedOut";
    }
  // Once per batch, not per event: a list drawn from the roster sees a new one.
  if (rosterChanged && s.roster === roster) s.roster = roster.slice();
  for (const id of batch.eligibleVotes) {
    const book = booksOf(s).get(num(id));
    if (book && me && book.eligible.indexOf(me) < 0) book.eligible.push(me);
  }
  if (batch.attendance) s.attendance = batch.attendance;
  const t = batch.turnout;
  if (t && s.currentVote && num(s.currentVote.id) === num(t.voteId)) s.currentVote.cast = t.cast;
  if (num(batch.seq) > num(s.seq)) s.seq = batch.seq;
}

// Who may vote and who has taken part in each open vote, per state folded
// (the events name them, the snapshot only counts them), so that a changed
// ballot is not counted twice.
interface VoterBook {
  eligible: string[];
  cast: Record<string, boolean>;
  choices: Record<string, number[]>; // a named vote's running count, as the officers' screens show it
}

// A named vote's counts follow its ballots (the server sends officers events,
// not a snapshot per ballot); a secret vote's stay as the server sent them.
function countNamed(s: MeetingSnapshot, book: VoterBook, participantId: string, choices: number[]): void {
  const v = s.currentVote;
  if (!v || !v.spec || v.spec.secret || choices.length === 0) return;
  if (v.counts.length === 0) v.counts = v.spec.options.map((option) => create(ChoiceCountSchema, { option, count: 0, weight: 0 }));
  const weight = v.spec.weighted ? (s.roster.find((p) => p.id === participantId)?.weight ?? 1) : 1;
  const add = (cs: number[], sign: number) => {
    for (const c of cs)
      if (c < v.counts.length) {
        v.counts[c].count += sign;
        v.counts[c].weight += sign * weight;
      }
  };
  const before = book.choices[participantId];
  if (before) add(before, -1);
  add(choices, 1);
  book.choices[participantId] = choices.slice();
}
const books = new WeakMap<MeetingSnapshot, Map<number, VoterBook>>();

function booksOf(s: MeetingSnapshot): Map<number, VoterBook> {
  let mine = books.get(s);
  if (!mine) books.set(s, (mine = new Map()));
  return mine;
}

/** Whether this participant may vote in the open vote, as far as the events told. */
export function eligibleFor(s: MeetingSnapshot, voteId: number, participantId: string): boolean | undefined {
  const book = booksOf(s).get(voteId);
  return book ? book.eligible.indexOf(participantId) >= 0 : undefined;
}
