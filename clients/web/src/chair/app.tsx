// The chair's console on the laptop: the whole meeting without gavelctl.
// Single-key shortcuts for the floor and the timer work whenever the focus
// is not in a text field, and are shown on screen.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { MeetingPhase, type MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { serverMessage, t, te } from "../i18n/i18n";
import type { Session } from "../meeting/session";
import { Card, OfflineBanner, TopBar, answerText, nameOf, useSession } from "../ui/common";
import { num } from "../wire/int64";
import { MinutesCard } from "../secretary/minutes";
import { AgendaCard } from "./agenda";
import { ClickersCard } from "./clickers";
import { MotionsCard, ResolutionCard, VoteCard } from "./decisions";
import { FloorCard } from "./floor";
import { PeopleCard } from "./people";

export function OfficerGate(props: { session: Session }) {
  const { session } = props;
  return (
    <main>
      <section class="card">
        <h2>{t("refusedTitle")}</h2>
        {session.refusal ? (
          <p class="error" role="alert">
            {serverMessage(session.refusal)}
          </p>
        ) : null}
        <p>{t("joinNoToken")}</p>
      </section>
    </main>
  );
}

function useShortcuts(session: Session, s: MeetingSnapshot | null, show: (text: string | null) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || !s) return;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) return;
      const sp = s.currentSpeech && num(s.currentSpeech.id) !== 0 ? s.currentSpeech : null;
      const key = e.key.toLowerCase();
      let run: Promise<import("../wire/connection").Answer> | null = null;
      if (key === "n") run = session.command({ case: "nextSpeaker", value: {} });
      else if (key === "p" && sp && !sp.paused) run = session.command({ case: "pauseTimer", value: {} });
      else if (key === "r" && sp && sp.paused) run = session.command({ case: "resumeTimer", value: {} });
      else if ((key === "+" || key === "=") && sp) run = session.command({ case: "extendTimer", value: { seconds: 60 } });
      else if (key === "e" && sp) run = session.command({ case: "endSpeech", value: {} });
      if (!run) return;
      e.preventDefault();
      run.then((a) => show(answerText(a)));
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [session, s]);
}

export function DissentList({ s }: { s: MeetingSnapshot }) {
  const items = s.dissent.filter((d) => d.itemId === s.currentItemId);
  return (
    <Card title={t("dissentRecords")} id="dissent-list">
      <ul class="dissent-list">
        {items.map((d) => (
          <li key={num(d.id)}>
            <span class="tag">{te("dissentKind", d.kind)}</span> <strong>{d.participantId ? nameOf(s, d.participantId) : t("anonymousEntry")}</strong>
            {num(d.motionId) ? <span class="muted"> ({t("onMotion", num(d.motionId))})</span> : null}: {d.text}
            {d.reply ? <p class="reply">↳ {d.reply}</p> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

// The chair's console and the secretary's desk alike: the top bar, then the
// sign-in gate, "connecting", or the page's cards over the offline banner.
export function OfficerPage(props: {
  session: Session;
  title: () => string;
  cards: (s: MeetingSnapshot) => ComponentChildren;
}) {
  const { session } = props;
  const [, relang] = useState(0);
  const s = session.state;
  const bar = (
    <TopBar session={session} title={`${props.title()}${s && s.info ? ` · ${s.info.title}` : ""}`} subtitle={s ? te("phase", s.phase) : undefined} onLang={() => relang((n) => n + 1)} />
  );
  let body: ComponentChildren;
  if (!session.credentials || session.status === "refused") body = <OfficerGate session={session} />;
  else if (!s)
    body = (
      <main>
        <p class="loading">{t("connecting")}</p>
      </main>
    );
  else
    body = (
      <>
        <OfflineBanner session={session} />
        <main>{props.cards(s)}</main>
      </>
    );
  return (
    <div class="page console">
      {bar}
      {body}
    </div>
  );
}

export function ChairApp(props: { session: Session }) {
  const { session } = props;
  useSession(session);
  const [notice, setNotice] = useState<string | null>(null);
  useShortcuts(session, session.state, setNotice);
  return (
    <OfficerPage
      session={session}
      title={() => t("chairTitle")}
      cards={(s) => (
        <>
          <FloorCard session={session} s={s} notice={notice} />
          <VoteCard session={session} s={s} />
          <AgendaCard session={session} s={s} />
          <MotionsCard key={s.currentItemId} session={session} s={s} />
          <PeopleCard session={session} s={s} title={t("attendance")} withQr />
          <ClickersCard session={session} s={s} />
          <DissentList s={s} />
          <ResolutionCard session={session} s={s} />
          {s.phase === MeetingPhase.MEETING_ENDED ? <MinutesCard session={session} s={s} signing={false} /> : null}
        </>
      )}
    />
  );
}
