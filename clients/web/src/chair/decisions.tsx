// Motions (on someone's behalf, second, amendments, withdraw), opening a vote
// with its ballot form and rules, closing it with the result, and recording
// a resolution with a responsible party and a deadline.
import { BallotForm, MotionState, Threshold, type MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { optionText, t, te, words } from "../i18n/i18n";
import type { Session } from "../meeting/session";
import { ResultLines, ruleText } from "../ui/result";
import { Act, Card, clearDraft, nameOf, useDraft } from "../ui/common";
import { PersonOptions } from "../ui/roster";
import { num, u64 } from "../wire/int64";

function PersonSelect(props: { s: MeetingSnapshot; value: string; onChange: (v: string) => void; label: string; testid?: string }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)} data-testid={props.testid}>
        <option value="">{t("nobody")}</option>
        <PersonOptions people={props.s.roster} />
      </select>
    </label>
  );
}

export function MotionsCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [mover, setMover] = useDraft("gavel.chair.motion.mover", "");
  const [text, setText] = useDraft(`gavel.chair.motion.text.${s.currentItemId}`, "");
  const [amends, setAmends] = useDraft("gavel.chair.motion.amends", "0");
  const [seconder, setSeconder] = useDraft("gavel.chair.motion.seconder", "");
  if (!s.currentItemId) return null;
  const motions = s.motions.filter((m) => m.itemId === s.currentItemId);
  return (
    <Card title={t("motions")} id="chair-motions">
      <ul class="motions">
        {motions.map((m) => (
          <li key={num(m.id)} data-testid={`motion-${num(m.id)}`}>
            <p>
              <strong>#{num(m.id)}</strong> {m.text}
            </p>
            <p class="muted">
              <span class="tag">{te("motionState", m.state)}</span> {t("mover")}: {nameOf(s, m.moverId) || "—"}
              {m.seconderId ? ` · ${t("seconder")}: ${nameOf(s, m.seconderId)}` : ""}
              {num(m.amends) ? ` · ${t("amends", num(m.amends))}` : ""}
            </p>
            {m.state === MotionState.MOTION_PROPOSED ? (
              <Act label={t("second")} kind="plain" disabled={!seconder} title={t("seconder")} run={() => session.command({ case: "secondMotion", value: { motionId: m.id, seconderId: seconder } })} />
            ) : null}
            {m.state === MotionState.MOTION_PROPOSED || m.state === MotionState.MOTION_DEBATE ? (
              <Act label={t("withdrawMotion")} kind="plain" run={() => session.command({ case: "withdrawMotion", value: { motionId: m.id } })} />
            ) : null}
          </li>
        ))}
      </ul>
      {motions.some((m) => m.state === MotionState.MOTION_PROPOSED) ? <PersonSelect s={s} value={seconder} onChange={setSeconder} label={t("seconder")} /> : null}
      <details>
        <summary>{t("proposeMotion")}</summary>
        <PersonSelect s={s} value={mover} onChange={setMover} label={t("mover")} testid="motion-mover" />
        <label class="field">
          <span>{t("motionText")}</span>
          <textarea rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} data-testid="motion-text" />
        </label>
        <label class="field">
          <span>{t("amends", "")}</span>
          <select value={amends} onChange={(e) => setAmends((e.target as HTMLSelectElement).value)}>
            <option value="0">{t("none")}</option>
            {motions.map((m) => (
              <option key={num(m.id)} value={String(num(m.id))}>
                #{num(m.id)} {m.text.slice(0, 30)}
              </option>
            ))}
          </select>
        </label>
        <Act
          label={t("proposeMotion")}
          testid="propose-motion"
          disabled={!text.trim()}
          run={() => session.command({ case: "proposeMotion", value: { text: text.trim(), moverId: mover, amends: u64(amends) } })}
          done={() => {
            setText("");
            clearDraft(`gavel.chair.motion.text.${s.currentItemId}`);
          }}
        />
      </details>
    </Card>
  );
}

interface VoteDraft {
  motion: string;
  question: string;
  form: number;
  options: string;
  maxChoices: number;
  threshold: number;
  abstentionsCount: boolean;
  weighted: boolean;
  vetoGroup: string;
  secret: boolean;
  liveTally: boolean;
}

const blankVote: VoteDraft = {
  motion: "0",
  question: "",
  form: BallotForm.BALLOT_YES_NO_ABSTAIN,
  options: "",
  maxChoices: 2,
  threshold: Threshold.SIMPLE_MAJORITY,
  abstentionsCount: false,
  weighted: false,
  vetoGroup: "",
  secret: true,
  liveTally: false,
};

export function VoteCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [d, setD] = useDraft<VoteDraft>("gavel.chair.vote", blankVote);
  const v = s.currentVote && num(s.currentVote.id) !== 0 && s.currentVote.open ? s.currentVote : null;
  const groups = Array.from(new Set(s.roster.map((p) => p.group).filter((g) => g)));
  // Only a seconded motion under debate can be put to the vote: the latest one unless another is chosen.
  const motions = s.motions.filter((m) => m.itemId === s.currentItemId && m.state === MotionState.MOTION_DEBATE);
  const chosen = motions.find((m) => String(num(m.id)) === d.motion) || motions[motions.length - 1];
  const needsOptions = d.form === BallotForm.BALLOT_ONE_OF_N || d.form === BallotForm.BALLOT_K_OF_N;
  const last = s.votes.length ? s.votes[s.votes.length - 1] : null;
  if (v && v.spec) {
    return (
      <Card title={t("vote")} id="chair-vote" class="vote">
        <p class="question">{v.spec.question}</p>
        <p class="muted">
          {v.spec.secret ? t("secretVote") : t("openVote")} · {te("form", v.spec.form)} · {t("rule")}: {ruleText(v)}
          {words(v.vetoWords) ? ` · ${words(v.vetoWords)}` : ""}
        </p>
        <p class="big-state" data-testid="turnout">
          {t("turnout", v.cast, v.eligible)}
        </p>
        {v.counts.length ? (
          <table class="counts">
            <tbody>
              {v.counts.map((c, i) => (
                <tr key={i}>
                  <th scope="row">{optionText(v.spec, i)}</th>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Act label={t("closeVoteButton")} kind="danger" confirm={t("closeVoteConfirm")} testid="close-vote" run={() => session.command({ case: "closeVote", value: {} })} />
      </Card>
    );
  }
  if (!s.currentItemId) return null;
  const set = (patch: Partial<VoteDraft>) => setD({ ...d, ...patch });
  return (
    <Card title={t("openVoteTitle")} id="chair-vote">
      {last && last.result && last.itemId === s.currentItemId ? (
        <div data-testid="last-result">
          <h3>
            {t("results")}: {last.spec ? last.spec.question : ""}
          </h3>
          <ResultLines v={last} />
        </div>
      ) : null}
      <div class="grid2">
        <label class="field">
          <span>{t("motionForVote")}</span>
          <select value={chosen ? String(num(chosen.id)) : "0"} data-testid="vote-motion" onChange={(e) => set({ motion: (e.target as HTMLSelectElement).value })}>
            {chosen ? null : <option value="0">{t("noMotionToVote")}</option>}
            {motions.map((m) => (
              <option key={num(m.id)} value={String(num(m.id))}>
                #{num(m.id)} {m.text.slice(0, 40)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t("form")}</span>
          <select value={String(d.form)} onChange={(e) => set({ form: Number((e.target as HTMLSelectElement).value) })} data-testid="vote-form">
            {[1, 2, 3, 4].map((f) => (
              <option key={f} value={String(f)}>
                {te("form", f)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t("threshold")}</span>
          <select value={String(d.threshold)} onChange={(e) => set({ threshold: Number((e.target as HTMLSelectElement).value) })} data-testid="vote-threshold">
            {[1, 2, 3, 4].map((f) => (
              <option key={f} value={String(f)}>
                {te("threshold", f)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t("vetoGroup")}</span>
          <select value={d.vetoGroup} onChange={(e) => set({ vetoGroup: (e.target as HTMLSelectElement).value })}>
            <option value="">{t("none")}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="field">
        <span>
          {t("question")} <small class="muted">({t("questionHint")})</small>
        </span>
        <textarea rows={2} value={d.question} onInput={(e) => set({ question: (e.target as HTMLTextAreaElement).value })} data-testid="vote-question-input" />
      </label>
      {needsOptions ? (
        <label class="field">
          <span>{t("options")}</span>
          <textarea rows={4} value={d.options} onInput={(e) => set({ options: (e.target as HTMLTextAreaElement).value })} data-testid="vote-options" />
        </label>
      ) : null}
      {d.form === BallotForm.BALLOT_K_OF_N ? (
        <label class="field">
          <span>{t("maxChoices")}</span>
          <input type="number" min={1} value={d.maxChoices} onInput={(e) => set({ maxChoices: Number((e.target as HTMLInputElement).value) })} />
        </label>
      ) : null}
      <div class="grid2">
        {(
          [
            ["secret", "secret"],
            ["abstentionsCount", "abstentionsCount"],
            ["weighted", "weighted"],
            ["liveTally", "liveTally"],
          ] as const
        ).map(([field, label]) => (
          <label class="check" key={field}>
            <input type="checkbox" checked={d[field]} onChange={(e) => set({ [field]: (e.target as HTMLInputElement).checked } as Partial<VoteDraft>)} data-testid={`vote-${field}`} />
            <span>{t(label)}</span>
          </label>
        ))}
      </div>
      {s.attendance ? (
        <p class={s.attendance.quorate ? "muted" : "warn-line"} data-testid="vote-quorum">
          {t("present", s.attendance.present, s.attendance.fixedMembers)} · {t("quorumNeeded", s.attendance.quorumNeeded)} · {s.attendance.quorate ? t("quorate") : t("notQuorate")}
        </p>
      ) : null}
      <Act
        label={t("openVoteButton")}
        testid="open-vote"
        disabled={!chosen}
        run={() =>
          session.command({
            case: "openVote",
            value: {
              spec: {
                motionId: chosen ? chosen.id : u64(0),
                question: d.question.trim() || (chosen ? chosen.text : ""),
                form: d.form,
                options: needsOptions ? d.options.split("\n").map((o) => o.trim()).filter((o) => o) : [],
                maxChoices: d.form === BallotForm.BALLOT_K_OF_N ? d.maxChoices : 0,
                secret: d.secret,
                threshold: d.threshold,
                abstentionsCount: d.abstentionsCount,
                weighted: d.weighted,
                vetoGroup: d.vetoGroup,
                liveTally: d.liveTally,
              },
            },
          })
        }
        done={() => setD({ ...blankVote, secret: d.secret, threshold: d.threshold })}
      />
    </Card>
  );
}

export function ResolutionCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [motion, setMotion] = useDraft("gavel.res.motion", "0");
  const [text, setText] = useDraft("gavel.res.text", "");
  const [responsible, setResponsible] = useDraft("gavel.res.who", "");
  const [deadline, setDeadline] = useDraft("gavel.res.deadline", "");
  const carried = s.motions.filter((m) => m.state === MotionState.MOTION_CARRIED);
  // A resolution comes from a carried motion: the latest one unless another is chosen.
  const chosen = carried.some((m) => String(num(m.id)) === motion) ? motion : carried.length ? String(num(carried[carried.length - 1].id)) : "0";
  return (
    <Card title={t("resolutions")} id="resolutions">
      <ul class="plain-list" data-testid="resolutions">
        {s.resolutions.map((r) => (
          <li key={num(r.id)}>
            <p>
              <strong>#{num(r.id)}</strong> {r.text}
            </p>
            <p class="muted">
              {t("responsible")}: {r.responsible || "—"} · {t("deadline")}: {r.deadline || "—"}
            </p>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("recordResolution")}</summary>
        <label class="field">
          <span>{t("motionForVote")}</span>
          <select value={chosen} data-testid="resolution-motion" onChange={(e) => setMotion((e.target as HTMLSelectElement).value)}>
            {carried.length ? null : <option value="0">{t("noMotion")}</option>}
            {carried.map((m) => (
              <option key={num(m.id)} value={String(num(m.id))}>
                #{num(m.id)} {m.text.slice(0, 40)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>
            {t("resolutionText")} <small class="muted">({t("resolutionTextHint")})</small>
          </span>
          <textarea rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} data-testid="resolution-text" />
        </label>
        <div class="grid2">
          <label class="field">
            <span>{t("responsible")}</span>
            <input type="text" value={responsible} onInput={(e) => setResponsible((e.target as HTMLInputElement).value)} data-testid="resolution-who" />
          </label>
          <label class="field">
            <span>{t("deadline")}</span>
            <input type="date" value={deadline} onInput={(e) => setDeadline((e.target as HTMLInputElement).value)} data-testid="resolution-deadline" />
          </label>
        </div>
        <Act
          label={t("recordResolution")}
          testid="record-resolution"
          disabled={chosen === "0" || !responsible.trim() || !deadline}
          run={() => session.command({ case: "recordResolution", value: { motionId: u64(chosen), text: text.trim(), responsible: responsible.trim(), deadline } })}
          done={() => {
            setText("");
            setResponsible("");
            setDeadline("");
            setMotion("0");
          }}
        />
      </details>
    </Card>
  );
}
