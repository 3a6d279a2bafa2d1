// The secretary's desk: fast dissent entry during the debate (attributed or
// anonymous, on the current item), replies and compromises, check-in at the
// door, the resolutions, and the minutes: status, 24-hour due time, the
// draft on screen, the signature and the files to download.
import { DissentKind, MotionState, type MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { t, te } from "../i18n/i18n";
import type { Session } from "../meeting/session";
import { OfficerPage } from "../chair/app";
import { ResolutionCard } from "../chair/decisions";
import { PeopleCard } from "../chair/people";
import { MinutesCard } from "./minutes";
import { Act, Card, clearDraft, localTime, nameOf, useDraft, useSession } from "../ui/common";
import { PersonOptions } from "../ui/roster";
import { num, u64 } from "../wire/int64";

const dissentKinds = [DissentKind.DISSENT_DISAGREEMENT, DissentKind.DISSENT_MINORITY, DissentKind.DISSENT_OBJECTION, DissentKind.DISSENT_BLOCK];

function DissentEntry({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [kind, setKind] = useDraft<number>("gavel.desk.kind", DissentKind.DISSENT_DISAGREEMENT);
  const [who, setWho] = useDraft("gavel.desk.who", "");
  const [text, setText] = useDraft(`gavel.desk.text.${s.currentItemId}`, "");
  // "latest": the motion now before the meeting, whichever it is when saved.
  const [about, setAbout] = useDraft(`gavel.desk.motion.${s.currentItemId}`, "latest");
  const item = s.agenda.find((i) => i.id === s.currentItemId);
  const motions = s.motions.filter((m) => m.itemId === s.currentItemId && m.state !== MotionState.MOTION_WITHDRAWN);
  const latest = motions[motions.length - 1];
  const chosen = about === "latest" ? latest : motions.find((m) => String(num(m.id)) === about);
  const speaker = s.currentSpeech && num(s.currentSpeech.id) !== 0 ? s.currentSpeech.participantId : "";
  const send = () =>
    session.command({
      case: "recordDissent",
      value: { itemId: s.currentItemId, kind, participantId: who, anonymous: !who, text: text.trim(), motionId: chosen ? chosen.id : u64(0) },
    });
  return (
    <Card title={t("quickDissent")} id="quick-dissent" class="vote">
      <p class="muted">{t("linkedTo", item ? item.title : t("noItem"))}</p>
      <label class="field">
        <span>{t("aboutMotion")}</span>
        <select value={about} onChange={(e) => setAbout((e.target as HTMLSelectElement).value)} data-testid="dissent-motion">
          <option value="latest">{latest ? `${t("latestMotion")}: #${num(latest.id)} ${latest.text.slice(0, 30)}` : t("itemOnly")}</option>
          {motions.map((m) => (
            <option key={num(m.id)} value={String(num(m.id))}>
              #{num(m.id)} {m.text.slice(0, 40)}
            </option>
          ))}
          {latest ? <option value="none">{t("itemOnly")}</option> : null}
        </select>
      </label>
      <fieldset class="kinds">
        <legend>{t("dissentKind")}</legend>
        {dissentKinds.map((k) => (
          <label key={k} class={`choice small ${kind === k ? "on" : ""}`}>
            <input type="radio" name="desk-kind" checked={kind === k} onChange={() => setKind(k)} />
            <span>{te("dissentKind", k)}</span>
          </label>
        ))}
      </fieldset>
      <div class="grid2">
        <label class="field">
          <span>{t("who")}</span>
          <select value={who} onChange={(e) => setWho((e.target as HTMLSelectElement).value)} data-testid="dissent-who">
            <option value="">{t("anonymousEntry")}</option>
            <PersonOptions people={s.roster} />
          </select>
        </label>
        {speaker ? (
          <button type="button" class="btn plain" onClick={() => setWho(speaker)}>
            {t("speaking")}: {nameOf(s, speaker)}
          </button>
        ) : null}
      </div>
      <label class="field">
        <span>{t("deskText")}</span>
        <textarea
          rows={3}
          value={text}
          data-testid="desk-dissent-text"
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            // Ctrl+Enter saves without leaving the keyboard.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && text.trim()) {
              e.preventDefault();
              (document.querySelector("[data-testid=desk-dissent-save]") as HTMLButtonElement | null)?.click();
            }
          }}
        />
      </label>
      <Act
        label={`${t("submitDissent")} (Ctrl+Enter)`}
        testid="desk-dissent-save"
        disabled={!text.trim() || !s.currentItemId}
        run={send}
        done={() => {
          setText("");
          clearDraft(`gavel.desk.text.${s.currentItemId}`);
        }}
      />
    </Card>
  );
}

function ReplyBox({ session, id }: { session: Session; id: number }) {
  const [reply, setReply] = useDraft(`gavel.desk.reply.${id}`, "");
  return (
    <div>
      <label class="field">
        <span>{t("reply")}</span>
        <textarea rows={2} value={reply} onInput={(e) => setReply((e.target as HTMLTextAreaElement).value)} />
      </label>
      <Act
        label={t("sendReply")}
        kind="plain"
        disabled={!reply.trim()}
        run={() => session.command({ case: "replyDissent", value: { dissentId: u64(id), reply: reply.trim() } })}
        done={() => clearDraft(`gavel.desk.reply.${id}`)}
      />
    </div>
  );
}

function DissentRecords({ session, s }: { session: Session; s: MeetingSnapshot }) {
  return (
    <Card title={t("dissentRecords")} id="desk-dissent">
      <ul class="dissent-list" data-testid="dissent-records">
        {s.dissent
          .slice()
          .reverse()
          .map((d) => {
            const item = s.agenda.find((i) => i.id === d.itemId);
            return (
              <li key={num(d.id)}>
                <p>
                  <span class="tag">{te("dissentKind", d.kind)}</span> <strong>{d.participantId ? nameOf(s, d.participantId) : t("anonymousEntry")}</strong>: {d.text}
                </p>
                <p class="muted">
                  {item ? item.title : d.itemId}
                  {num(d.motionId) ? ` · ${t("onMotion", num(d.motionId))}` : ""} · {localTime(num(d.recordedMs))}
                </p>
                {d.reply ? <p class="reply">↳ {d.reply}</p> : <ReplyBox session={session} id={num(d.id)} />}
              </li>
            );
          })}
      </ul>
    </Card>
  );
}

export function SecretaryApp(props: { session: Session }) {
  const { session } = props;
  useSession(session);
  return (
    <OfficerPage
      session={session}
      title={() => t("secretaryTitle")}
      cards={(s) => (
        <>
          <DissentEntry key={s.currentItemId} session={session} s={s} />
          <DissentRecords session={session} s={s} />
          <PeopleCard session={session} s={s} title={t("doorCheckIn")} />
          <ResolutionCard session={session} s={s} />
          <MinutesCard session={session} s={s} signing />
        </>
      )}
    />
  );
}
