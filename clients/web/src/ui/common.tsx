// Pieces the three pages share: the top bar (status, language, text size),
// a button that sends one command and shows the server's answer beside
// itself, the countdown, and drafts that outlive re-renders and reloads.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { MeetingSnapshot, Speech } from "../gen/gavel/v1/meeting_pb";
import { currentLang, serverMessage, setLang, t, words } from "../i18n/i18n";
import type { Session } from "../meeting/session";
import type { Answer } from "../wire/connection";
import { num } from "../wire/int64";

export function useSession(session: Session): void {
  const [, setVersion] = useState(0);
  const rendered = session.version;
  useEffect(() => {
    const stop = session.subscribe(() => setVersion((v) => v + 1));
    // Effects run after the first paint: a welcome that came before it was
    // heard by no one, and a page would show 正在连接 until the next event.
    if (session.version !== rendered) setVersion((v) => v + 1);
    return stop;
  }, [session]);
}

/** A value kept in sessionStorage under `key`, so a re-render, a reconnect or a reload keeps it. */
export function useDraft<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(key);
      if (raw) return JSON.parse(raw) as T;
    } catch {
      /* nothing kept */
    }
    return initial;
  });
  const set = (v: T) => {
    setValue(v);
    try {
      sessionStorage.setItem(key, JSON.stringify(v));
    } catch {
      /* kept in memory only */
    }
  };
  return [value, set];
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* nothing kept */
  }
}

function useBigText(): [boolean, () => void] {
  const [big, setBig] = useState(() => {
    try {
      return localStorage.getItem("gavel.big") === "1";
    } catch {
      return false;
    }
  });
  useEffect(() => {
    document.documentElement.classList.toggle("big", big);
  }, [big]);
  return [
    big,
    () => {
      try {
        localStorage.setItem("gavel.big", big ? "0" : "1");
      } catch {
        /* not remembered */
      }
      setBig(!big);
    },
  ];
}

export function TopBar(props: { session: Session; title: string; subtitle?: string; onLang: () => void }) {
  const [big, toggleBig] = useBigText();
  const { status } = props.session;
  return (
    <header class="topbar">
      <div class="titles">
        <h1>{props.title}</h1>
        {props.subtitle ? <p class="subtitle">{props.subtitle}</p> : null}
      </div>
      <div class="tools">
        <span class={`status status-${status}`} role="status" data-testid="link-status">
          {status === "online" ? t("online") : status === "offline" ? t("offline") : status === "connecting" ? t("connecting") : ""}
        </span>
        <button type="button" class="tool" onClick={toggleBig} aria-pressed={big}>
          {big ? t("normalText") : t("largerText")}
        </button>
        <button
          type="button"
          class="tool"
          lang={currentLang() === "zh" ? "en" : "zh-CN"}
          onClick={() => {
            setLang(currentLang() === "zh" ? "en" : "zh");
            props.onLang();
          }}
        >
          {t("switchLang")}
        </button>
      </div>
    </header>
  );
}

export function OfflineBanner(props: { session: Session }) {
  if (props.session.status !== "offline") return null;
  return (
    <div class="banner" role="alert">
      <strong>{t("offline")}</strong> {t("offlineKeep")}
    </div>
  );
}

export function answerText(answer: Answer): string | null {
  if (answer.ok) return null;
  if ("error" in answer) return serverMessage(answer.error);
  return t("lost");
}

/** A button that sends one command; the server's refusal appears right next to it. */
export function Act(props: {
  label: string;
  run: () => Promise<Answer>;
  done?: (answer: Answer) => void;
  kind?: "primary" | "danger" | "plain";
  disabled?: boolean;
  confirm?: string;
  testid?: string;
  title?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const go = () => {
    setAsking(false);
    setBusy(true);
    setError(null);
    props.run().then((answer) => {
      setBusy(false);
      setError(answerText(answer));
      // Accepted, but worth knowing (e.g. opened without quorum): said beside the button.
      setNotes(answer.ok ? answer.ack.notices.map((n) => words(n.words)) : []);
      if (answer.ok && props.done) props.done(answer);
    });
  };
  return (
    <span class="act">
      {asking ? (
        <span class="confirm-inline" role="group">
          <span>{props.confirm}</span>
          <button type="button" class="btn danger" onClick={go}>
            {t("confirm")}
          </button>
          <button type="button" class="btn plain" onClick={() => setAsking(false)}>
            {t("cancel")}
          </button>
        </span>
      ) : (
        <button
          type="button"
          class={`btn ${props.kind || "primary"}`}
          disabled={props.disabled || busy}
          aria-busy={busy}
          data-testid={props.testid}
          title={props.title}
          onClick={() => (props.confirm ? setAsking(true) : go())}
        >
          {props.label}
        </button>
      )}
      {error ? (
        <span class="error" role="alert">
          {error}
        </span>
      ) : null}
      {notes.map((n) => (
        <span class="note" role="status" key={n}>
          {n}
        </span>
      ))}
    </span>
  );
}

export function Card(props: { title: string; children: ComponentChildren; id?: string; class?: string }) {
  return (
    <section class={`card ${props.class || ""}`} aria-labelledby={props.id ? `${props.id}-h` : undefined} id={props.id}>
      <h2 id={props.id ? `${props.id}-h` : undefined}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function nameOf(s: MeetingSnapshot | null, id: string): string {
  if (!s || !id) return "";
  const p = s.roster.find((m) => m.id === id);
  return p ? p.name : id;
}

export function clockText(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  const total = Math.floor(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return `${sign}${m}:${sec < 10 ? "0" : ""}${sec}`;
}

export function localTime(ms: number): string {
  if (!ms) return "";
  const d = new Date(ms);
  const two = (n: number) => (n < 10 ? "0" : "") + n;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function timeLeft(speech: Speech, serverNow: number): number {
  return speech.paused ? num(speech.remainingMs) : num(speech.deadlineMs) - serverNow;
}

/** The time left, from the server's deadline and clock offset; redrawn, never counted down. */
export function Countdown(props: { speech: Speech; session: Session; big?: boolean; alarm?: boolean }) {
  const [, redraw] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => redraw((n) => n + 1), 250);
    return () => window.clearInterval(timer);
  }, []);
  const left = timeLeft(props.speech, props.session.serverNow());
  const over = left < 0;
  const text = over ? t("overtime", clockText(-left)) : t("timeLeft", clockText(left));
  return (
    <span class={`countdown ${over ? "over" : left <= 30000 ? "warn" : ""} ${props.big ? "big" : ""}`} data-testid="countdown" data-left-ms={String(left)}>
      {text}
      {props.speech.paused ? <span class="paused"> ({t("paused")})</span> : null}
      {props.alarm && over ? (
        <span class="warn-line alarm" role="alert" data-testid="overtime-warning">
          {t("overtimeWarning")}
        </span>
      ) : null}
    </span>
  );
}
