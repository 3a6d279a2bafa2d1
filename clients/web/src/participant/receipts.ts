// A voter's own receipts, kept on the phone: the server gives a secret
// ballot's receipt to the voter only, and it is needed to change the vote and
// to find the ballot in the list published at the close.
export interface MyBallot {
  receipt: string;
  choices: number[];
}

const key = "gavel.ballots";

function all(): Record<string, MyBallot> {
  try {
    return JSON.parse(localStorage.getItem(key) || "{}") as Record<string, MyBallot>;
  } catch {
    return {};
  }
}

export function myBallot(meetingKey: string, voteId: number): MyBallot | undefined {
  return all()[`${meetingKey}/${voteId}`];
}

export function keepBallot(meetingKey: string, voteId: number, ballot: MyBallot): void {
  const kept = all();
  kept[`${meetingKey}/${voteId}`] = ballot;
  try {
    localStorage.setItem(key, JSON.stringify(kept));
  } catch {
    /* shown on screen only */
  }
}

/** The published line for a receipt ("receipt=choice"), if any. */
export function findReceipt(lines: string[], receipt: string): string | undefined {
  for (const line of lines) {
    const eq = line.indexOf("=");
    if ((eq >= 0 ? line.slice(0, eq) : line) === receipt) return eq >= 0 ? line.slice(eq + 1) : "";
  }
  return undefined;
}

/** A receipt in groups of four, easier to read out and to copy by hand. */
export function grouped(receipt: string): string {
  return receipt.replace(/(.{4})(?=.)/g, "$1 ");
}
