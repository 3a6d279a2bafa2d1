// The minutes at the desk: their state and 24-hour due time, the working
// draft to read on screen, the signature, and the files to take away (the
// signed version as PDF, Markdown, HTML and the action list, the whole
// record as JSON). gaveld renders every file (server/minutes/); the page
// only asks for it and hands it to the browser as a download.
import { useState } from "preact/hooks";
import { MinutesFormat, type MinutesFile } from "../gen/gavel/v1/envelope_pb";
import { MeetingPhase, MinutesState, type MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { serverMessage, t, te } from "../i18n/i18n";
import type { AskBody, Session } from "../meeting/session";
import { Act, Card, localTime } from "../ui/common";
import { num } from "../wire/int64";

const kinds: { format: MinutesFormat; label: "filePdf" | "fileMarkdown" | "fileHtml" | "fileActions"; mime: string }[] = [
  { format: MinutesFormat.PDF, label: "filePdf", mime: "application/pdf" },
  { format: MinutesFormat.MARKDOWN, label: "fileMarkdown", mime: "text/markdown;charset=utf-8" },
  { format: MinutesFormat.HTML, label: "fileHtml", mime: "text/html;charset=utf-8" },
  { format: MinutesFormat.CSV, label: "fileActions", mime: "text/csv;charset=utf-8" },
];

type Fetched = { ok: true; file: MinutesFile } | { ok: false; text: string };

function fetchFile(session: Session, body: AskBody): Promise<Fetched> {
  return session.ask(body).then((reply): Fetched => {
    if (reply && reply.body.case === "minutesFile") return { ok: true, file: reply.body.value };
    if (reply && reply.body.case === "error") return { ok: false, text: serverMessage(reply.body.value) };
    return { ok: false, text: t("lost") };
  });
}

function download(file: MinutesFile, mime: string): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(file.content)], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.fileName || "minutes";
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** One button per file; the server's refusal (e.g. nothing signed yet) beside it. */
function FileButton(props: { session: Session; label: string; testid: string; body: AskBody; mime: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span class="act">
      <button
        type="button"
        class="btn plain"
        disabled={busy}
        aria-busy={busy}
        data-testid={props.testid}
        onClick={() => {
          setBusy(true);
          setError(null);
          fetchFile(props.session, props.body).then((got) => {
            setBusy(false);
            if (got.ok) download(got.file, props.mime);
            else setError(got.text);
          });
        }}
      >
        {props.label}
      </button>
      {error ? (
        <span class="error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/** The working draft, as gaveld renders it, in a frame that runs nothing. */
function DraftView({ session }: { session: Session }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => {
    setBusy(true);
    setError(null);
    fetchFile(session, { case: "minutesRequest", value: { format: MinutesFormat.HTML, draft: true } }).then((got) => {
      setBusy(false);
      if (got.ok) setHtml(new TextDecoder().decode(got.file.content));
      else setError(got.text);
    });
  };
  return (
    <div class="draft">
      <div class="row">
        <button type="button" class="btn plain" onClick={load} disabled={busy} aria-busy={busy} data-testid="show-draft">
          {html === null ? t("showDraft") : t("refreshDraft")}
        </button>
        {html !== null ? (
          <button type="button" class="btn plain" onClick={() => setHtml(null)}>
            {t("hideDraft")}
          </button>
        ) : null}
        {error ? (
          <span class="error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
      {html !== null ? <iframe class="draft-frame" title={t("draftFrame")} sandbox="" srcdoc={html} data-testid="draft-frame" /> : null}
    </div>
  );
}

/** The files: the signed version once there is one, otherwise the draft, marked 草稿. */
export function MinutesFiles({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const signed = s.minutes ? s.minutes.signedVersion : 0;
  return (
    <div class="files">
      <p class="hint">{signed ? t("filesSigned", signed) : t("filesDraft")}</p>
      <div class="row wrap">
        {kinds.map((k) => (
          <FileButton
            key={k.format}
            session={session}
            label={signed ? t(k.label) : `${t(k.label)} (${t("draftMark")})`}
            testid={`download-${MinutesFormat[k.format].toLowerCase()}`}
            body={{ case: "minutesRequest", value: { format: k.format, draft: !signed } }}
            mime={k.mime}
          />
        ))}
        <FileButton
          session={session}
          label={t("fileRecord")}
          testid="download-record"
          body={{ case: "minutesRequest", value: { format: MinutesFormat.RECORD_JSON } }}
          mime="application/json"
        />
      </div>
    </div>
  );
}

export function MinutesCard({ session, s, signing }: { session: Session; s: MeetingSnapshot; signing: boolean }) {
  const [signer, setSigner] = useState(s.info ? s.info.secretaryName : "");
  const m = s.minutes;
  const state = m ? m.state : MinutesState.MINUTES_NOT_STARTED;
  const left = m && num(m.dueMs) ? num(m.dueMs) - session.serverNow() : 0;
  const overdue = m && num(m.dueMs) && state !== MinutesState.MINUTES_SIGNED && left < 0;
  return (
    <Card title={t("minutes")} id="minutes" class="wide">
      <p class="big-state" data-testid="minutes-state">
        {state === MinutesState.MINUTES_SIGNED && m ? t("minutesSigned", m.signedBy) : te("minutes", state)}
      </p>
      {m && num(m.dueMs) ? (
        <p class={state === MinutesState.MINUTES_SIGNED ? "muted" : "warn-line"}>
          {overdue ? t("minutesOverdue", localTime(num(m.dueMs))) : t("minutesDue", localTime(num(m.dueMs)))}
          {!overdue && state !== MinutesState.MINUTES_SIGNED ? ` · ${t("minutesLeft", Math.floor(left / 3600000), Math.floor((left % 3600000) / 60000))}` : ""}
        </p>
      ) : null}
      {s.phase !== MeetingPhase.MEETING_SCHEDULED ? (
        <>
          <DraftView session={session} />
          <MinutesFiles session={session} s={s} />
        </>
      ) : null}
      {signing && s.phase === MeetingPhase.MEETING_ENDED && state !== MinutesState.MINUTES_SIGNED ? (
        <div>
          <label class="field">
            <span>{t("signedBy")}</span>
            <input type="text" value={signer} onInput={(e) => setSigner((e.target as HTMLInputElement).value)} data-testid="signer" />
          </label>
          <Act label={t("signMinutes")} testid="sign-minutes" disabled={!signer.trim()} run={() => session.command({ case: "signMinutes", value: { signedBy: signer.trim() } })} />
        </div>
      ) : null}
    </Card>
  );
}
