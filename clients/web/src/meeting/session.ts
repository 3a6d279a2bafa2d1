// The page's hold on the meeting: credentials from the link's fragment (or a
// typed personal code) kept in localStorage, the Link, and the state folded
// from welcome, events and snapshots. Views subscribe and re-render.
import { create } from "@bufbuild/protobuf";
import type { MessageInitShape } from "@bufbuild/protobuf";
import { AckSchema, ErrorCode, type ClientMessageSchema, type Error as ServerError, type ServerMessage, type VoterStanding, type Welcome } from "../gen/gavel/v1/envelope_pb";
import { Role, type MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { Link, type Answer, type CommandBody, type Credentials, type LinkStatus } from "../wire/connection";
import { num } from "../wire/int64";
import { fold, foldBatch } from "./fold";

export type Page = "participant" | "chair" | "secretary";
export type AskBody = MessageInitShape<typeof ClientMessageSchema>["body"];

const storageKey = (page: Page) => `gavel.${page}.credentials`;

function readStored(page: Page): Credentials | null {
  try {
    const raw = localStorage.getItem(storageKey(page));
    const parsed = raw ? (JSON.parse(raw) as Credentials) : null;
    if (parsed && ("token" in parsed || "joinCode" in parsed)) return parsed;
  } catch {
    /* storage blocked or corrupt: ask again */
  }
  return null;
}

function store(page: Page, credentials: Credentials | null): void {
  try {
    if (credentials) localStorage.setItem(storageKey(page), JSON.stringify(credentials));
    else localStorage.removeItem(storageKey(page));
  } catch {
    /* private mode: the page still works until it is closed */
  }
}

/** The token from `#token=…`, taken out of the address bar at once. */
function tokenFromFragment(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return null;
  history.replaceState(null, "", location.pathname);
  return decodeURIComponent(match[1]);
}

export class Session {
  state: MeetingSnapshot | null = null;
  role: Role = Role.UNSPECIFIED;
  me = "";
  status: LinkStatus = "connecting";
  refusal: ServerError | null = null;
  refusals = 0; // how many times the server said no, so a repeat of the same words is seen as new
  standing: VoterStanding | undefined; // a participant's place in the open vote at the last welcome
  credentials: Credentials | null;
  link: Link | null = null;
  version = 0; // counts changes, so a view subscribing late sees it missed one
  private listeners: (() => void)[] = [];
  private receiptBuckets = new Map<string, string[] | null>(); // null: asked, no answer yet

  constructor(readonly page: Page) {
    const fresh = tokenFromFragment();
    if (fresh) store(page, { token: fresh });
    this.credentials = fresh ? { token: fresh } : readStored(page);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private changed(): void {
    this.version++;
    this.listeners.forEach((l) => l());
  }

  start(): void {
    if (!this.credentials) {
      this.status = "refused";
      return this.changed();
    }
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
    this.link = new Link(url, this.credentials, `web ${this.page}`, {
      welcome: (w) => this.welcomed(w),
      events: (batch) => {
        const s = this.state;
        if (!s) return;
        foldBatch(s, batch, this.me);
        if (this.link) this.link.lastSeq = num(s.seq);
        this.changed();
      },
      snapshot: (s) => {
        if (this.state && num(s.seq) < num(this.state.seq)) return;
        this.state = s;
        if (this.link) this.link.lastSeq = num(s.seq);
        this.changed();
      },
      status: (status, refusal) => {
        this.status = status;
        this.refusal = refusal || null;
        if (refusal) this.refusals++;
        if (status === "refused") {
          store(this.page, null);
          this.credentials = null;
        }
        this.changed();
      },
    });
    this.link.start();
  }

  /** A personal code typed after scanning the room's QR code. */
  join(code: string): void {
    this.credentials = { joinCode: code.replace(/\s+/g, "") };
    this.refusal = null;
    this.status = "connecting";
    this.changed();
    if (this.link) this.link.restart(this.credentials);
    else this.start();
  }

  private welcomed(w: Welcome): void {
    if (this.credentials) store(this.page, this.credentials);
    this.role = w.role;
    this.me = w.participantId;
    this.standing = w.standing;
    const s = w.snapshot || null;
    if (s && w.resumed && this.state) {
      // The snapshot is the whole truth; the missed events only fill gaps.
      for (const e of w.missed) if (num(e.seq) > num(s.seq)) fold(s, e);
    }
    this.state = s;
    if (this.link && s) this.link.lastSeq = num(s.seq);
    this.changed();
  }

  command(body: CommandBody, options: { queue?: boolean } = {}): Promise<Answer> {
    if (!this.link) return Promise.resolve({ ok: false, lost: true });
    return this.link.command(body, options);
  }

  /** A command whose repeat the server refuses as a duplicate (check in, ask
   *  to speak, declare an interest): safe to send again after a reconnect,
   *  and "already done" is what the person wanted. */
  settle(body: CommandBody): Promise<Answer> {
    return this.command(body, { queue: true }).then((answer): Answer => {
      if (!answer.ok && "error" in answer && answer.error.code === ErrorCode.ERROR_DUPLICATE) return { ok: true, ack: create(AckSchema) };
      return answer;
    });
  }

  /** The published receipts of a closed vote that begin with `prefix`, for a
   *  result sent without its list (a large vote): undefined until the server
   *  answers; asked once, again only after a failed try. */
  receiptsBeginning(voteId: number, prefix: string): string[] | undefined {
    const key = `${voteId}/${prefix}`;
    const known = this.receiptBuckets.get(key);
    if (known) return known;
    if (known === null) return undefined;
    this.receiptBuckets.set(key, null);
    this.ask({ case: "receiptsRequest", value: { voteId: BigInt(voteId), prefix } }).then((reply) => {
      if (reply && reply.body.case === "receipts") {
        this.receiptBuckets.set(key, reply.body.value.lines);
        return this.changed();
      }
      // Not now (no connection, or refused): try again in a while.
      setTimeout(() => {
        this.receiptBuckets.delete(key);
        this.changed();
      }, 3000);
    });
    return undefined;
  }

  /** A request that is not a command (minutes file, clicker fleet). */
  ask(body: AskBody): Promise<ServerMessage | null> {
    return this.link ? this.link.ask(body) : Promise.resolve(null);
  }

  serverNow(): number {
    return this.link ? this.link.clock.now() : Date.now();
  }
}
