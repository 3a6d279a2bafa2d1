// A closed vote's result as the server counted it: outcome, counts, turnout,
// and the rule in the server's own words (VoteResult.rule_words).
import type { Vote } from "../gen/gavel/v1/meeting_pb";
import { optionText, t, te, words } from "../i18n/i18n";

/** The rule a vote is decided by, as the server words it for its ballot form. */
export function ruleText(v: Vote): string {
  return (v.result && words(v.result.ruleWords)) || words(v.ruleWords);
}

export function ResultLines({ v }: { v: Vote }) {
  const r = v.result;
  if (!r || !v.spec) return null;
  return (
    <div class="result">
      <p class={`outcome o${r.outcome}`} data-testid="outcome">
        {te("outcome", r.outcome)}
      </p>
      <table class="counts">
        <tbody>
          {r.counts.map((c, i) => (
            <tr key={i}>
              <th scope="row">{optionText(v.spec, v.spec!.options.indexOf(c.option) >= 0 ? v.spec!.options.indexOf(c.option) : i)}</th>
              <td>{c.count}</td>
              {v.spec!.weighted ? <td>{c.weight}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        {t("eligible")} {r.eligible} · {t("cast")} {r.cast} · {t("recusedCount")} {r.recused} · {t("needed")} {r.needed}
      </p>
      <p class="muted" data-testid="result-rule">
        {t("rule")}: {ruleText(v)}
        {words(v.vetoWords) ? ` · ${words(v.vetoWords)}` : ""}
        {!r.quorateAtOpen ? ` · ${t("openedWithoutQuorum")}` : ""}
      </p>
    </div>
  );
}

