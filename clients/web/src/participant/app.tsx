// The participant's page on a phone: where the meeting is, the floor and
// one's own place in the list, and every action a participant has.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import {
  DissentKind,
  MeetingPhase,
  MotionState,
  RequestKind,
  type MeetingSnapshot,
  type Vote,
} from "../gen/gavel/v1/meeting_pb";
import { optionText, t, te } from "../i18n/i18n";
import { eligibleFor } from "../meeting/fold";
import type { Session } from "../meeting/session";
import { Act, Card, Countdown, OfflineBanner, TopBar, clearDraft, nameOf, useDraft, useSession } from "../ui/common";
import { num, u64 } from "../wire/int64";
import { ResultLines, ruleText } from "../ui/result";
import { Ballot } from "./ballot";
import { JoinForm } from "./join";
import { findReceipt, grouped, keepBallot, myBallot } from "./receipts";

const kinds = [RequestKind.REQUEST_CONTRIBUTION, RequestKind.REQUEST_PRO, RequestKind.REQUEST_CONTRA, RequestKind.REQUEST_REPLY, RequestKind.REQUEST_POINT_OF_ORDER];
const dissentKinds = [DissentKind.DISSENT_DISAGREEMENT, DissentKind.DISSENT_MINORITY, DissentKind.DISSENT_OBJECTION];

export function meetingKey(s: MeetingSnapshot): string {
  return `${s.info ? s.info.title : ""}@${s.info ? num(s.info.scheduledStartMs) : 0}`;
}

export function ParticipantApp(props: { session: Session }) {
  const { session } = props;
  useSession(session);
  const [, relang] = useState(0);
  const s = session.state;
  const bar = <TopBar session={session} title={s && s.info ? s.info.title : t("appName")} subtitle={s ? te("phase", s.phase) : undefined} onLang={() => relang((n) => n + 1)} />;
  if (!session.credentials || session.status === "refused") {
    return (
      <div class="page phone">
        {bar}
        <main>
          <JoinForm session={session} />
        </main>
      </div>
    );
  }
  if (!s) {
    return (
      <div class="page phone">
        {bar}
        <main>
          <p class="loading">{t("connecting")}</p>
        </main>
      </div>
    );
  }
  return (
    <div class="page phone">
      {bar}
      <OfflineBanner session={session} />
      <main>
        <MeCard session={session} s={s} />
        {/* An open vote comes first, where nobody has to scroll for it. */}
        <VoteCard session={session} s={s} />
        <ItemCard session={session} s={s} />
        <FloorCard session={session} s={s} />
        <ResultsCard session={session} s={s} />
        {/* Drafts belong to their item: a new item starts with empty boxes. */}
        <MotionsCard key={`m-${s.currentItemId}`} session={session} s={s} />
        <DissentCard key={`d-${s.currentItemId}`} session={session} s={s} />
      </main>
    </div>
  );
}

function MeCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const me = s.roster.find((p) => p.id === session.me);
  const present = !!(me && me.present);
  return (
    <section class="card me" aria-label={t("you")}>
      <div class="me-row">
        <div>
          <p class="me-name" data-testid="my-name">
            {me ? me.name : session.me}
            {me && me.group ? <span class="group"> · {me.group}</span> : null}
          </p>
          <p class={`big-state ${present ? "ok" : "warn"}`} data-testid="presence">
            {present ? `✓ ${t("checkedIn")}` : t("notCheckedIn")}
          </p>
        </div>
        {!present && s.phase !== MeetingPhase.MEETING_ENDED ? <Act label={t("checkIn")} testid="check-in" run={() => session.settle({ case: "checkIn", value: {} })} /> : null}
      </div>
    </section>
  );
}

function ItemCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const item = s.agenda.find((i) => i.id === s.currentItemId);
  if (!item) {
    return (
      <Card title={t("currentItem")} id="item">
        <p class="muted">{s.phase === MeetingPhase.MEETING_SCHEDULED ? t("scheduled") : s.phase === MeetingPhase.MEETING_ENDED ? t("ended") : t("noItem")}</p>
      </Card>
    );
  }
  const recused = item.recused.indexOf(session.me) >= 0;
  return (
    <Card title={t("currentItem")} id="item">
      <p class="item-title" data-testid="item-title">
        {item.title}
      </p>
      {item.background || item.proposal || item.opinions.length ? (
        <details>
          <summary>{t("showDetails")}</summary>
          {item.background ? (
            <div>
              <h3>{t("background")}</h3>
              <p class="prose">{item.background}</p>
            </div>
          ) : null}
          {item.proposal ? (
            <div>
              <h3>{t("proposal")}</h3>
              <p class="prose">{item.proposal}</p>
            </div>
          ) : null}
          {item.opinions.length ? (
            <div>
              <h3>{t("opinions")}</h3>
              {item.opinions.map((o, i) => (
                <p class="prose" key={i}>
                  <strong>{o.author}</strong>: {o.text}
                </p>
              ))}
            </div>
          ) : null}
        </details>
      ) : null}
      {recused ? (
        <p class="note" data-testid="recused">
          {t("recused")}
        </p>
      ) : (
        <Act label={t("declareInterest")} kind="plain" confirm={t("declareConfirm")} run={() => session.settle({ case: "declareInterest", value: { itemId: item.id } })} />
      )}
    </Card>
  );
}

function FloorCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [kind, setKind] = useDraft<number>("gavel.floor.kind", RequestKind.REQUEST_CONTRIBUTION);
  const sp = s.currentSpeech && num(s.currentSpeech.id) !== 0 ? s.currentSpeech : null;
  const q = s.queue ? s.queue.requests : [];
  // One may wait with several kinds of request (e.g. a point of order while on the list).
  const mine = q.map((r, place) => ({ r, place })).filter((x) => x.r.participantId === session.me);
  const open = s.phase === MeetingPhase.MEETING_IN_SESSION && !!s.currentItemId;
  const speakingNow = !!(sp && sp.participantId === session.me);
  const closed = !!(s.queue && s.queue.closed);
  // A closed list still takes points of order; a kind already waiting is not offered again.
  const offered = kinds.filter((k) => (!closed || k === RequestKind.REQUEST_POINT_OF_ORDER) && !mine.some((x) => x.r.kind === k));
  const chosen = offered.indexOf(kind) >= 0 ? kind : offered[0];
  return (
    <Card title={t("floor")} id="floor">
      {sp ? (
        <div class={`speaker ${sp.participantId === session.me ? "mine" : ""}`} data-testid="speaker">
          <p>
            <span class="label">{t("speaking")}</span> <strong>{nameOf(s, sp.participantId)}</strong> <span class="tag">{te("kind", sp.kind)}</span>
          </p>
          <Countdown speech={sp} session={session} big />
          {sp.participantId === session.me ? <p class="big-state ok">{t("youAreSpeaking")}</p> : null}
        </div>
      ) : (
        <p class="muted">{t("nobodySpeaking")}</p>
      )}
      <h3>{t("queue")}</h3>
      {q.length ? (
        <ol class="queue" data-testid="queue">
          {q.map((r) => (
            <li key={num(r.id)} class={r.participantId === session.me ? "mine" : ""}>
              {nameOf(s, r.participantId)} <span class="tag">{te("kind", r.kind)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t("queueEmpty")}</p>
      )}
      {s.queue && s.queue.closed ? <p class="note">{t("queueClosed")}</p> : null}
      {mine.map(({ r, place }) => (
        <div key={num(r.id)}>
          <p class="big-state" data-testid="my-place">
            {t("yourPlace", place + 1)} <span class="tag">{te("kind", r.kind)}</span>
          </p>
          <Act label={t("withdraw")} kind="plain" testid="withdraw" run={() => session.command({ case: "withdrawRequest", value: { requestId: r.id } })} />
        </div>
      ))}
      {open && !speakingNow && offered.length ? (
        <Optional folded={mine.length > 0} summary={t("askAgain")}>
          <fieldset class="kinds">
            <legend>{t("kindLabel")}</legend>
            {offered.map((k) => (
              <label key={k} class={`choice small ${chosen === k ? "on" : ""}`}>
                <input type="radio" name="kind" checked={chosen === k} onChange={() => setKind(k)} data-testid={`kind-${k}`} />
                <span>{te("kind", k)}</span>
              </label>
            ))}
          </fieldset>
          <Act label={t("askToSpeak")} testid="ask-to-speak" run={() => session.settle({ case: "requestFloor", value: { kind: chosen } })} />
        </Optional>
      ) : null}
    </Card>
  );
}

/** Its children, or behind a summary line when `folded`. */
function Optional(props: { folded: boolean; summary: string; children: ComponentChildren }) {
  if (!props.folded) return <div>{props.children}</div>;
  return (
    <details>
      <summary>{props.summary}</summary>
      {props.children}
    </details>
  );
}

function VoteCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const v = s.currentVote && num(s.currentVote.id) !== 0 && s.currentVote.open ? s.currentVote : null;
  if (!v || !v.spec) return null;
  // What the server said at the welcome about this vote: a page opened or
  // reloaded after voting (or on another phone) shows the ballot as cast.
  const st = session.standing && num(session.standing.voteId) === num(v.id) ? session.standing : undefined;
  if (st && st.voted && !myBallot(meetingKey(s), num(v.id))) keepBallot(meetingKey(s), num(v.id), { receipt: st.receipt, choices: [] });
  const folded = eligibleFor(s, num(v.id), session.me);
  const eligible = folded !== undefined ? folded : st ? st.eligible : undefined;
  const mine = myBallot(meetingKey(s), num(v.id));
  // After a restart the server no longer holds the receipt: the ballot stands as cast.
  const canChange = !(st && st.voted && !st.mayChange);
  return (
    <Card title={t("vote")} id="vote" class="vote">
      <p class="question" data-testid="vote-question">
        {v.spec.question}
      </p>
      <p class="muted">
        {v.spec.secret ? t("secretVote") : t("openVote")} · {te("form", v.spec.form)}
      </p>
      <p class="muted" data-testid="vote-rule">
        {t("rule")}: {ruleText(v)}
      </p>
      <p class="muted">{t("turnout", v.cast, v.eligible)}</p>
      {eligible === false && !mine ? <p class="note">{t("notEligible")}</p> : <Ballot key={num(v.id)} session={session} vote={v} meetingKey={meetingKey(s)} canChange={canChange} />}
    </Card>
  );
}

/** A published choice ("赞成", or several joined) in the reader's language. */
function choiceWords(v: Vote, published: string): string {
  const spec = v.spec;
  if (!spec) return published;
  return published
    .split(/[,，、]/)
    .map((part) => {
      const i = spec.options.indexOf(part.trim());
      return i >= 0 ? optionText(spec, i) : part;
    })
    .join("、");
}

/** How much of a large vote's receipts a phone asks for: about a sixteenth
 *  or a 256th, so the server learns only that its receipt is among many. */
function prefixFor(receipt: string, total: number): string {
  return receipt.slice(0, total > 4096 ? 2 : 1);
}

function ResultsCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const closed = s.votes.filter((v) => v.result && (v.itemId === s.currentItemId || !s.currentItemId)).slice(-3).reverse();
  if (!closed.length) return null;
  return (
    <Card title={t("results")} id="results">
      {closed.map((v) => {
        const mine = myBallot(meetingKey(s), num(v.id));
        const sent = v.result ? v.result.receiptsPublished : [];
        const total = v.result ? Math.max(v.result.receiptsCount, sent.length) : 0;
        // A large vote's result comes without its list: ask for the part with this phone's receipt.
        const prefix = mine && mine.receipt && sent.length < total ? prefixFor(mine.receipt, total) : undefined;
        const lines = prefix !== undefined ? session.receiptsBeginning(num(v.id), prefix) : sent;
        const found = mine && mine.receipt && lines ? findReceipt(lines, mine.receipt) : undefined;
        return (
          <div key={num(v.id)} class="closed-vote">
            <p class="question">{v.spec ? v.spec.question : ""}</p>
            <ResultLines v={v} />
            {mine && mine.receipt ? (
              lines === undefined ? (
                <p class="big-state" data-testid="receipt-checking">{t("receiptChecking", grouped(mine.receipt))}</p>
              ) : (
                <p class={found !== undefined ? "big-state ok" : "big-state warn"} data-testid="receipt-check">
                  {found !== undefined ? t("receiptFound", grouped(mine.receipt), choiceWords(v, found)) : t("receiptMissing", grouped(mine.receipt))}
                </p>
              )
            ) : null}
            {lines && lines.length ? (
              <details>
                <summary>
                  {prefix !== undefined ? t("publishedBeginning", prefix, lines.length, total) : `${t("published")} (${lines.length})`}
                </summary>
                <ul class="receipts">
                  {lines.map((l) => (
                    <li key={l} class={mine && l.indexOf(mine.receipt + "=") === 0 ? "mine" : ""}>
                      <code>{l}</code>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </Card>
  );
}

function MotionsCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [text, setText] = useDraft<string>(`gavel.motion.text.${s.currentItemId}`, "");
  if (!s.currentItemId) return null;
  const motions = s.motions.filter((m) => m.itemId === s.currentItemId);
  return (
    <Card title={t("motions")} id="motions">
      {motions.length ? (
        <ul class="motions">
          {motions.map((m) => (
            <li key={num(m.id)} data-testid={`motion-${num(m.id)}`}>
              <p>
                <strong>#{num(m.id)}</strong> {m.text}
              </p>
              <p class="muted">
                {te("motionState", m.state)} · {t("mover")}: {nameOf(s, m.moverId)}
                {m.seconderId ? ` · ${t("seconder")}: ${nameOf(s, m.seconderId)}` : ""}
                {num(m.amends) ? ` · ${t("amends", num(m.amends))}` : ""}
              </p>
              {m.state === MotionState.MOTION_PROPOSED && m.moverId !== session.me ? (
                <Act label={t("second")} testid={`second-${num(m.id)}`} run={() => session.command({ case: "secondMotion", value: { motionId: u64(num(m.id)) } })} />
              ) : null}
              {(m.state === MotionState.MOTION_PROPOSED || m.state === MotionState.MOTION_DEBATE) && m.moverId === session.me ? (
                <Act label={t("withdrawMotion")} kind="plain" run={() => session.command({ case: "withdrawMotion", value: { motionId: u64(num(m.id)) } })} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("noMotions")}</p>
      )}
      <details>
        <summary>{t("proposeMotion")}</summary>
        <label class="field">
          <span>{t("motionText")}</span>
          <textarea rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </label>
        <Act
          label={t("proposeMotion")}
          testid="phone-propose-motion"
          disabled={!text.trim()}
          run={() => session.command({ case: "proposeMotion", value: { text: text.trim() } })}
          done={() => {
            setText("");
            clearDraft(`gavel.motion.text.${s.currentItemId}`);
          }}
        />
      </details>
    </Card>
  );
}

function DissentCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [kind, setKind] = useDraft<number>("gavel.dissent.kind", DissentKind.DISSENT_DISAGREEMENT);
  const [text, setText] = useDraft<string>(`gavel.dissent.text.${s.currentItemId}`, "");
  const [anonymous, setAnonymous] = useDraft<boolean>("gavel.dissent.anon", false);
  const [done, setDone] = useState(false);
  if (!s.currentItemId) return null;
  const mine = s.dissent.filter((d) => d.itemId === s.currentItemId && d.participantId === session.me);
  return (
    <Card title={t("dissent")} id="dissent">
      <p class="hint">{t("dissentHelp")}</p>
      <fieldset class="kinds">
        <legend>{t("dissentKind")}</legend>
        {dissentKinds.map((k) => (
          <label key={k} class={`choice small ${kind === k ? "on" : ""}`}>
            <input type="radio" name="dissent-kind" checked={kind === k} onChange={() => setKind(k)} />
            <span>{te("dissentKind", k)}</span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t("dissentText")}</span>
        <textarea
          rows={4}
          value={text}
          data-testid="dissent-text"
          onInput={(e) => {
            setText((e.target as HTMLTextAreaElement).value);
            setDone(false);
          }}
        />
      </label>
      <label class="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous((e.target as HTMLInputElement).checked)} />
        <span>{t("anonymous")}</span>
      </label>
      <Act
        label={t("submitDissent")}
        testid="submit-dissent"
        disabled={!text.trim()}
        run={() => session.command({ case: "recordDissent", value: { itemId: s.currentItemId, kind, text: text.trim(), anonymous } })}
        done={() => {
          setText("");
          clearDraft(`gavel.dissent.text.${s.currentItemId}`);
          setDone(true);
        }}
      />
      {done ? (
        <p class="big-state ok" role="status">
          ✓ {t("dissentDone")}
        </p>
      ) : null}
      {mine.length ? (
        <ul class="dissent-list">
          {mine.map((d) => (
            <li key={num(d.id)}>
              <span class="tag">{te("dissentKind", d.kind)}</span> {d.text}
              {d.reply ? <p class="reply">↳ {d.reply}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
