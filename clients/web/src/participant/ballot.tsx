// The ballot: big choices, a confirmation step, the receipt afterwards, and a
// change with the same receipt while the vote is open. The half-filled
// ballot lives in a draft keyed by the vote, so tallies, timer and queue
// updates, a reconnect or a reload leave it as it was.
import { useState } from "preact/hooks";
import { BallotForm, type Vote } from "../gen/gavel/v1/meeting_pb";
import { optionText, t } from "../i18n/i18n";
import type { Session } from "../meeting/session";
import { answerText, clearDraft, useDraft } from "../ui/common";
import { num, u64 } from "../wire/int64";
import { randomKey } from "../wire/key";
import { grouped, keepBallot, myBallot } from "./receipts";

const kBlock = 2;

interface Draft {
  choices: number[];
  reason: string;
  press: string; // the idempotency key of the submission under way
}

export function Ballot(props: { session: Session; vote: Vote; meetingKey: string; canChange: boolean }) {
  const { session, vote, meetingKey, canChange } = props;
  const spec = vote.spec!;
  const voteId = num(vote.id);
  const draftKey = `gavel.ballot.${meetingKey}.${voteId}`;
  const [draft, setDraft] = useDraft<Draft>(draftKey, { choices: [], reason: "", press: "" });
  const mine = myBallot(meetingKey, voteId);
  const [step, setStep] = useState<"choose" | "confirm" | "sending" | "done">(mine ? "done" : "choose");
  const [error, setError] = useState<string | null>(null);
  // 投票已提交 right after sending; 已投票 on a page opened or reloaded later.
  const [justSent, setJustSent] = useState(false);
  const multi = spec.form === BallotForm.BALLOT_K_OF_N;
  const max = multi ? Math.max(1, spec.maxChoices) : 1;
  const block = spec.form === BallotForm.BALLOT_CONSENSUS && draft.choices[0] === kBlock;
  const ready = draft.choices.length > 0 && (!block || draft.reason.trim().length > 0);

  const toggle = (i: number) => {
    let choices: number[];
    if (!multi) choices = [i];
    else if (draft.choices.indexOf(i) >= 0) choices = draft.choices.filter((c) => c !== i);
    else if (draft.choices.length < max) choices = draft.choices.concat([i]).sort((a, b) => a - b);
    else return;
    setDraft({ ...draft, choices });
  };

  const submit = () => {
    const press = draft.press || randomKey();
    setDraft({ ...draft, press });
    setStep("sending");
    setError(null);
    session
      .command(
        {
          case: "castBallot",
          value: { voteId: u64(voteId), choices: draft.choices, reason: block ? draft.reason.trim() : "", receipt: mine ? mine.receipt : "", pressId: press },
        },
        { queue: true },
      )
      .then((answer) => {
        if (answer.ok) {
          keepBallot(meetingKey, voteId, { receipt: answer.ack.receipt, choices: draft.choices });
          clearDraft(draftKey);
          setDraft({ choices: draft.choices, reason: draft.reason, press: "" });
          setJustSent(true);
          setStep("done");
        } else {
          setError(answerText(answer));
          setDraft({ ...draft, press: "" });
          setStep("choose");
        }
      });
  };

  if (step === "done" && mine) {
    return (
      <div class="ballot-done" data-testid="ballot-done">
        <p class="big-state ok" data-testid="voted">
          ✓ {justSent ? t("voteSubmitted") : t("alreadyVoted")}
        </p>
        {/* The choices are known only on the phone that cast them. */}
        {mine.choices.length ? <p class="chosen">{mine.choices.map((c) => optionText(spec, c)).join("、")}</p> : <p class="hint">{t("ballotOnRecord")}</p>}
        {mine.receipt ? (
          <p class="receipt">
            {t("receipt")}:{" "}
            <strong data-testid="receipt" data-receipt={mine.receipt}>
              {grouped(mine.receipt)}
            </strong>
            <br />
            <small>{t("receiptKeep")}</small>
          </p>
        ) : null}
        {canChange ? (
          <div>
            <button
              type="button"
              class="btn plain"
              data-testid="change-vote"
              onClick={() => {
                setDraft({ choices: mine.choices.slice(), reason: "", press: "" });
                setStep("choose");
              }}
            >
              {t("changeVote")}
            </button>
            <p class="hint">{vote.spec && vote.spec.secret ? t("changeHelp") : t("changeHelpNamed")}</p>
          </div>
        ) : (
          <p class="note" data-testid="no-change">
            {t("noChangeAfterRestart")}
          </p>
        )}
      </div>
    );
  }

  if (step === "confirm" || step === "sending") {
    return (
      <div class="ballot-confirm" role="group" aria-labelledby="confirm-h">
        <p id="confirm-h" class="confirm-q">
          {t("confirmVote")}
        </p>
        <p class="chosen big" data-testid="confirm-choice">
          {draft.choices.map((c) => optionText(spec, c)).join("、")}
        </p>
        {block ? <p class="reason-echo">{draft.reason}</p> : null}
        <div class="row">
          <button type="button" class="btn primary huge" data-testid="confirm-vote" disabled={step === "sending"} aria-busy={step === "sending"} onClick={submit}>
            {t("confirmSubmit")}
          </button>
          <button type="button" class="btn plain huge" disabled={step === "sending"} onClick={() => setStep("choose")}>
            {t("back")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      class="ballot"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) setStep("confirm");
      }}
    >
      <fieldset>
        <legend>{multi ? t("chooseUpTo", max) : t("chooseOne")}</legend>
        <div class="choices">
          {spec.options.map((_, i) => {
            const on = draft.choices.indexOf(i) >= 0;
            // With K already ticked, the others wait until one is unticked.
            const full = multi && !on && draft.choices.length >= max;
            return (
              <label class={`choice ${on ? "on" : ""} ${full ? "full" : ""}`} key={i}>
                <input
                  type={multi ? "checkbox" : "radio"}
                  name={`vote-${voteId}`}
                  checked={on}
                  disabled={full}
                  onChange={() => toggle(i)}
                  data-testid={`choice-${i}`}
                />
                <span>{optionText(spec, i)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {spec.form === BallotForm.BALLOT_CONSENSUS && block ? (
        <label class="field">
          <span>{t("blockReason")}</span>
          <textarea rows={3} value={draft.reason} onInput={(e) => setDraft({ ...draft, reason: (e.target as HTMLTextAreaElement).value })} data-testid="block-reason" />
        </label>
      ) : null}
      <div class="act">
        <button type="submit" class="btn primary huge" disabled={!ready} data-testid="submit-vote">
          {t("submitVote")}
        </button>
        {mine ? (
          <button type="button" class="btn plain" onClick={() => setStep("done")}>
            {t("cancel")}
          </button>
        ) : null}
        {error ? (
          <span class="error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
