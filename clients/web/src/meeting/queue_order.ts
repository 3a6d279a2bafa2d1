// Where a new request joins the speakers' list: the same rule as the
// engine's insert_position (server/core/speaker_queue.cpp), so that a phone,
// which is sent events and not snapshots, shows the list the chair sees.
import { RequestKind, type MeetingSnapshot, type SpeakRequest } from "../gen/gavel/v1/meeting_pb";

function precedence(kind: RequestKind): number {
  if (kind === RequestKind.REQUEST_POINT_OF_ORDER) return 0;
  if (kind === RequestKind.REQUEST_REPLY) return 1;
  return 2;
}

function groupOf(s: MeetingSnapshot, id: string): string {
  const m = s.roster.find((p) => p.id === id);
  return m ? m.group : "";
}

export function speechesOnItem(s: MeetingSnapshot, participantId: string, itemId: string): number {
  let n = 0;
  const counts = (sp: { participantId: string; itemId: string; kind: RequestKind }) =>
    sp.participantId === participantId && sp.itemId === itemId && sp.kind !== RequestKind.REQUEST_POINT_OF_ORDER;
  for (const sp of s.speeches) if (counts(sp)) n++;
  const now = s.currentSpeech;
  if (now && Number(now.id) !== 0 && counts(now)) n++;
  return n;
}

export function insertPosition(s: MeetingSnapshot, request: SpeakRequest): number {
  const q = s.queue ? s.queue.requests : [];
  const cls = precedence(request.kind);
  let firstOrdinary = 0;
  while (firstOrdinary < q.length && precedence(q[firstOrdinary].kind) < 2) firstOrdinary++;
  if (cls < 2) {
    let pos = 0;
    while (pos < q.length && precedence(q[pos].kind) <= cls) pos++;
    return pos;
  }
  const rules = s.info && s.info.queueRules;
  const item = s.currentItemId;
  const key = (id: string, round: number): [number, number] => [
    rules && rules.firstTimeSpeakersFirst && speechesOnItem(s, id, item) > 0 ? 1 : 0,
    rules && rules.alternateGroups ? round : 0,
  ];
  const lessOrEqual = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
  const group = groupOf(s, request.participantId);
  let ownRound = 0;
  for (let i = firstOrdinary; i < q.length; i++) if (groupOf(s, q[i].participantId) === group) ownRound++;
  const mine = key(request.participantId, ownRound);
  const rounds: Record<string, number> = {};
  let pos = firstOrdinary;
  for (let i = firstOrdinary; i < q.length; i++) {
    const g = groupOf(s, q[i].participantId);
    const round = rounds[g] || 0;
    rounds[g] = round + 1;
    if (lessOrEqual(key(q[i].participantId, round), mine)) pos = i + 1;
  }
  return pos;
}
