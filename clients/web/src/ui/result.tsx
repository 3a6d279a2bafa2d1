// A closed vote's result as the server counted it: outcome, counts, turnout.
import type { Vote } from "../gen/gavel/v1/meeting_pb";
import { optionText, t, te } from "../i18n/i18n";

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
        {t("eligible")} {r.eligible} · {t("cast")} {r.cast} · {t("recusedCount")} {r.recused} · {t("needed")} {r.needed} · {te("threshold", v.spec.threshold)}
      </p>
    </div>
  );
}

