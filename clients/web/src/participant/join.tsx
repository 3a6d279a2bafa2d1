// Joining without a link: the room's QR code opens this page, which asks for
// the short personal code printed on the join card and in participants.csv.
import { useState } from "preact/hooks";
import { serverMessage, t } from "../i18n/i18n";
import type { Session } from "../meeting/session";

export function JoinForm(props: { session: Session }) {
  const { session } = props;
  const [code, setCode] = useState("");
  const refusal = session.refusal;
  return (
    <section class="card join" aria-labelledby="join-h">
      <h2 id="join-h">{t("joinTitle")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) session.join(code);
        }}
      >
        <label class="field">
          <span>{t("joinCodeLabel")}</span>
          <input
            class="code"
            type="text"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={12}
            value={code}
            data-testid="join-code"
            onInput={(e) => setCode((e.target as HTMLInputElement).value)}
          />
        </label>
        <p class="hint">{t("joinHelp")}</p>
        <p class="hint">{t("joinOr")}</p>
        <div class="act">
          <button type="submit" class="btn primary huge" data-testid="join-button" disabled={!code.trim() || session.status === "connecting"}>
            {t("joinButton")}
          </button>
          {refusal ? (
            <span class="error" role="alert" data-testid="join-error" data-code={String(refusal.code)} data-attempt={String(session.refusals)}>
              {serverMessage(refusal)}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
