// The floor: who speaks, the timer (pause, resume, +1 min, end, overtime),
// and the speakers' list with grant, next, reorder (drag or Alt+arrow keys),
// remove, close and reopen, and requests on someone's behalf.
import { useState } from "preact/hooks";
import { MeetingPhase, RequestKind, type MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { t, te } from "../i18n/i18n";
import type { Session } from "../meeting/session";
import { Act, Card, Countdown, answerText, nameOf } from "../ui/common";
import { PersonOptions } from "../ui/roster";
import { num, u64 } from "../wire/int64";

const kinds = [RequestKind.REQUEST_CONTRIBUTION, RequestKind.REQUEST_PRO, RequestKind.REQUEST_CONTRA, RequestKind.REQUEST_REPLY, RequestKind.REQUEST_POINT_OF_ORDER];

export const shortcutKeys: [string, string][] = [
  ["N", "next"],
  ["P", "pause"],
  ["R", "resume"],
  ["+", "plusMinute"],
  ["E", "endSpeech"],
];

export function FloorCard({ session, s, notice }: { session: Session; s: MeetingSnapshot; notice: string | null }) {
  const [forWho, setForWho] = useState("");
  const [kind, setKind] = useState<number>(RequestKind.REQUEST_CONTRIBUTION);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const sp = s.currentSpeech && num(s.currentSpeech.id) !== 0 ? s.currentSpeech : null;
  const q = s.queue ? s.queue.requests : [];
  const move = (id: number, position: number) => {
    setMoveError(null);
    session.command({ case: "moveRequest", value: { requestId: u64(id), position } }).then((a) => setMoveError(answerText(a)));
  };
  return (
    <Card title={t("floor")} id="floor">
      {sp ? (
        <div class="speaker" data-testid="speaker">
          <p>
            <span class="label">{t("speaking")}</span> <strong>{nameOf(s, sp.participantId)}</strong> <span class="tag">{te("kind", sp.kind)}</span>
          </p>
          <Countdown speech={sp} session={session} big alarm />
          <div class="row">
            {sp.paused ? (
              <Act label={`${t("resume")} (R)`} testid="resume" run={() => session.command({ case: "resumeTimer", value: {} })} />
            ) : (
              <Act label={`${t("pause")} (P)`} kind="plain" testid="pause" run={() => session.command({ case: "pauseTimer", value: {} })} />
            )}
            <Act label={`${t("plusMinute")} (+)`} kind="plain" testid="extend" run={() => session.command({ case: "extendTimer", value: { seconds: 60 } })} />
            <Act label={`${t("endSpeech")} (E)`} kind="plain" testid="end-speech" run={() => session.command({ case: "endSpeech", value: {} })} />
          </div>
        </div>
      ) : (
        <p class="muted">{t("nobodySpeaking")}</p>
      )}
      <div class="row">
        <Act label={`${t("next")} (N)`} testid="next-speaker" disabled={!q.length} run={() => session.command({ case: "nextSpeaker", value: {} })} />
        {s.queue && s.queue.closed ? (
          <Act label={t("reopenList")} kind="plain" run={() => session.command({ case: "reopenList", value: {} })} />
        ) : (
          <Act label={t("closeList")} kind="plain" run={() => session.command({ case: "closeList", value: {} })} />
        )}
      </div>
      {notice ? (
        <p class="error" role="alert">
          {notice}
        </p>
      ) : null}
      <h3>
        {t("queue")} ({q.length}){s.queue && s.queue.closed ? ` · ${t("queueClosed")}` : ""}
      </h3>
      {moveError ? (
        <p class="error" role="alert">
          {moveError}
        </p>
      ) : null}
      <ol class="plain-list" data-testid="queue">
        {q.map((r, i) => (
          <li
            key={num(r.id)}
            class="queue-row"
            draggable
            tabIndex={0}
            aria-label={`${i + 1}. ${nameOf(s, r.participantId)} ${te("kind", r.kind)}`}
            onDragStart={() => setDragged(num(r.id))}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged !== null && dragged !== num(r.id)) move(dragged, i);
              setDragged(null);
            }}
            onKeyDown={(e) => {
              if (!e.altKey) return;
              if (e.key === "ArrowUp" && i > 0) move(num(r.id), i - 1);
              else if (e.key === "ArrowDown" && i < q.length - 1) move(num(r.id), i + 1);
              else return;
              e.preventDefault();
            }}
          >
            <span class="who">
              {i + 1}. <strong>{nameOf(s, r.participantId)}</strong> <span class="tag">{te("kind", r.kind)}</span>
            </span>
            <Act label={t("grant")} kind="plain" run={() => session.command({ case: "grantFloor", value: { requestId: r.id } })} />
            <button type="button" class="btn plain" disabled={i === 0} onClick={() => move(num(r.id), i - 1)} aria-label={`${t("up")}: ${nameOf(s, r.participantId)}`}>
              ↑
            </button>
            <button type="button" class="btn plain" disabled={i === q.length - 1} onClick={() => move(num(r.id), i + 1)} aria-label={`${t("down")}: ${nameOf(s, r.participantId)}`}>
              ↓
            </button>
            <Act label={t("remove")} kind="plain" run={() => session.command({ case: "removeRequest", value: { requestId: r.id } })} />
          </li>
        ))}
      </ol>
      {s.phase === MeetingPhase.MEETING_IN_SESSION && s.currentItemId ? (
        <details>
          <summary>{t("requestFor")}</summary>
          <div class="grid2">
            <label class="field">
              <span>{t("onBehalfOf")}</span>
              <select value={forWho} onChange={(e) => setForWho((e.target as HTMLSelectElement).value)} data-testid="request-for">
                <option value="">{t("nobody")}</option>
                <PersonOptions people={s.roster.filter((p) => p.present)} />
              </select>
            </label>
            <label class="field">
              <span>{t("kindLabel")}</span>
              <select value={String(kind)} onChange={(e) => setKind(Number((e.target as HTMLSelectElement).value))}>
                {kinds.map((k) => (
                  <option key={k} value={String(k)}>
                    {te("kind", k)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="row">
            <Act label={t("askToSpeak")} disabled={!forWho} run={() => session.command({ case: "requestFloor", value: { kind, participantId: forWho } })} />
            <Act label={t("grant")} kind="plain" disabled={!forWho} run={() => session.command({ case: "grantFloor", value: { participantId: forWho } })} />
          </div>
        </details>
      ) : null}
      <p class="shortcuts" aria-label={t("shortcuts")}>
        {t("shortcuts")}:{" "}
        {shortcutKeys.map(([k, label]) => (
          <span key={k}>
            <span class="kbd">{k}</span> {t(label as "next")}{"  "}
          </span>
        ))}
        <span class="kbd">Alt</span>+<span class="kbd">↑</span>/<span class="kbd">↓</span> {t("up")}/{t("down")}
      </p>
    </Card>
  );
}
