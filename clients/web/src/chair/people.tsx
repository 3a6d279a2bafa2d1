// Attendance and quorum, with the composition of those present by group,
// and checking people in and out (the chair's table and the secretary's door).
import { Component } from "preact";
import { useState } from "preact/hooks";
import type { MeetingSnapshot, Participant } from "../gen/gavel/v1/meeting_pb";
import { currentLang, t } from "../i18n/i18n";
import type { Session } from "../meeting/session";
import { Act, Card, answerText } from "../ui/common";
import { PersonalQr } from "./qr";

export function AttendanceSummary({ s }: { s: MeetingSnapshot }) {
  const a = s.attendance;
  if (!a) return null;
  return (
    <div>
      <p data-testid="attendance">
        <strong>{t("present", a.present, a.fixedMembers)}</strong> · {t("quorumNeeded", a.quorumNeeded)} ·{" "}
        <span class={a.quorate ? "big-state ok" : "big-state warn"}>{a.quorate ? t("quorate") : t("notQuorate")}</span>
      </p>
      <details>
        <summary>{t("byGroup")}</summary>
        <table>
          <tbody>
            {a.byGroup.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group || "—"}</th>
                <td>
                  {g.present} / {g.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

// A hall of thousands is found by the search, not by scrolling; and a list
// that long, drawn 20 times a second, would stall the console.
const kListed = 200;

interface RowProps {
  session: Session;
  person: Participant;
  withQr: boolean;
  onQr: (id: string) => void;
}

// Drawn again only when its person changed (the fold gives a changed person
// a new object) or the language did, not at every batch.
class PersonRow extends Component<RowProps> {
  private lang = currentLang();
  shouldComponentUpdate(next: RowProps): boolean {
    return next.person !== this.props.person || next.withQr !== this.props.withQr || currentLang() !== this.lang;
  }
  render() {
    this.lang = currentLang();
    const { session, person: p, withQr, onQr } = this.props;
    return (
      <li class="queue-row" data-testid={`person-${p.id}`}>
        <span class="who">
          <strong>{p.name}</strong> <span class="muted">{p.id}</span> <span class="tag">{p.group}</span>
        </span>
        <span class={p.present ? "big-state ok" : "muted"}>{p.present ? t("checkedIn") : t("notCheckedIn")}</span>
        {p.present ? (
          <Act label={t("checkOut")} kind="plain" run={() => session.command({ case: "checkOut", value: { participantId: p.id } })} />
        ) : (
          <Act label={t("checkIn")} testid={`check-in-${p.id}`} run={() => session.settle({ case: "checkIn", value: { participantId: p.id } })} />
        )}
        {withQr ? (
          <button type="button" class="btn plain" onClick={() => onQr(p.id)} data-testid={`qr-${p.id}`}>
            {t("showQr")}
          </button>
        ) : null}
      </li>
    );
  }
}

export function PeopleCard({ session, s, title, withQr }: { session: Session; s: MeetingSnapshot; title: string; withQr?: boolean }) {
  const [query, setQuery] = useState("");
  const [qrFor, setQrFor] = useState<string | null>(null);
  const [doorError, setDoorError] = useState<string | null>(null);
  const q = query.trim().toLowerCase();
  const people = s.roster.filter((p) => !q || p.name.toLowerCase().indexOf(q) >= 0 || p.id.toLowerCase().indexOf(q) >= 0 || p.seat.toLowerCase() === q);
  const person = qrFor ? s.roster.find((p) => p.id === qrFor) : undefined;
  return (
    <Card title={title} id={`people-${withQr ? "chair" : "desk"}`}>
      <AttendanceSummary s={s} />
      <label class="field">
        <span>{t("search")}</span>
        <input
          type="text"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            // At the door: type a name or seat, Enter checks in the one person it finds.
            if (e.key !== "Enter" || people.length !== 1 || people[0].present) return;
            e.preventDefault();
            session.settle({ case: "checkIn", value: { participantId: people[0].id } }).then((a) => setDoorError(answerText(a)));
            setQuery("");
          }}
          data-testid="people-search"
        />
      </label>
      <p class="hint">{t("searchHint")}</p>
      {doorError ? (
        <p class="error" role="alert">
          {doorError}
        </p>
      ) : null}
      {person ? <PersonalQr session={session} participantId={person.id} name={person.name} onClose={() => setQrFor(null)} /> : null}
      <ul class="plain-list people">
        {people.slice(0, kListed).map((p) => (
          <PersonRow key={p.id} session={session} person={p} withQr={!!withQr} onQr={setQrFor} />
        ))}
      </ul>
      {people.length > kListed ? (
        <p class="hint" data-testid="people-more">
          {t("morePeople", people.length - kListed)}
        </p>
      ) : null}
    </Card>
  );
}
