// The meeting and its agenda: start and end, the current and next item,
// items published late, and opinions of absent parties.
import { ItemState, MeetingPhase, type MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { t, te, words } from "../i18n/i18n";
import type { Session } from "../meeting/session";
import { Act, Card, clearDraft, useDraft } from "../ui/common";

export function AgendaCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [author, setAuthor] = useDraft("gavel.chair.opinion.author", "");
  const [text, setText] = useDraft("gavel.chair.opinion.text", "");
  const inSession = s.phase === MeetingPhase.MEETING_IN_SESSION;
  const next = s.agenda.find((i) => i.state === ItemState.ITEM_PENDING);
  return (
    <Card title={t("agenda")} id="agenda">
      <div class="row">
        {s.phase === MeetingPhase.MEETING_SCHEDULED ? <Act label={t("start")} testid="start-meeting" run={() => session.command({ case: "startMeeting", value: {} })} /> : null}
        {inSession ? <Act label={t("end")} kind="danger" confirm={t("endConfirm")} testid="end-meeting" run={() => session.command({ case: "endMeeting", value: {} })} /> : null}
        {inSession && s.currentItemId ? <Act label={t("closeItem")} kind="plain" testid="close-item" run={() => session.command({ case: "closeItem", value: {} })} /> : null}
        {inSession && next ? <Act label={`${t("nextItem")}: ${next.title}`} kind="plain" testid="next-item" run={() => session.command({ case: "nextItem", value: {} })} /> : null}
      </div>
      {s.notices.length ? (
        <ul class="plain-list" data-testid="notices">
          {s.notices.map((n, i) => (
            <li class="warn-line" key={i}>
              {words(n.words)}
            </li>
          ))}
        </ul>
      ) : null}
      <ol class="plain-list">
        {s.agenda.map((item) => (
          <li key={item.id} aria-current={item.id === s.currentItemId ? "true" : undefined} class={item.id === s.currentItemId ? "current" : ""}>
            <p>
              <strong>{item.title}</strong> <span class="tag">{te("itemState", item.state)}</span>
              {item.publishedLate ? <span class="warn-line"> ⚠ {t("lateWarning")}</span> : null}
            </p>
            {item.opinions.length ? (
              <details>
                <summary>
                  {t("opinions")} ({item.opinions.length})
                </summary>
                {item.opinions.map((o, i) => (
                  <p class="prose" key={i}>
                    <strong>{o.author}</strong>: {o.text}
                  </p>
                ))}
              </details>
            ) : null}
            {inSession && item.state === ItemState.ITEM_PENDING ? (
              <Act label={t("open")} kind="plain" testid={`open-${item.id}`} run={() => session.command({ case: "openItem", value: { itemId: item.id } })} />
            ) : null}
          </li>
        ))}
      </ol>
      {s.currentItemId ? (
        <details>
          <summary>{t("attachOpinion")}</summary>
          <label class="field">
            <span>{t("opinionAuthor")}</span>
            <input type="text" value={author} onInput={(e) => setAuthor((e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>{t("opinionText")}</span>
            <textarea rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          </label>
          <Act
            label={t("attachOpinion")}
            disabled={!author.trim() || !text.trim()}
            run={() => session.command({ case: "attachOpinion", value: { itemId: s.currentItemId, author: author.trim(), text: text.trim() } })}
            done={() => {
              setText("");
              clearDraft("gavel.chair.opinion.text");
            }}
          />
        </details>
      ) : null}
    </Card>
  );
}
