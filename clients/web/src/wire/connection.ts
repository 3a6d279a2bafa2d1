// One WebSocket to gaveld that stays up by itself: hello with the last seq
// seen, reconnect with backoff and jitter after Wi-Fi drops or the phone
// sleeps, and an answer (ack, error or "lost") for every command sent.
// Every command carries a fresh idempotency key (command_key); one still
// unanswered when the connection drops is sent again, with the same key,
// right after the next welcome, and the server answers a repeat with the
// first answer instead of running it twice.
import { create, fromBinary, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import {
  ClientMessageSchema,
  ErrorCode,
  ProtocolVersion,
  ServerMessageSchema,
  type Ack,
  type Error as ServerError,
  type EventBatch,
  type JoinLink,
  type ServerMessage,
  type Welcome,
} from "../gen/gavel/v1/envelope_pb";
import type { CommandSchema } from "../gen/gavel/v1/commands_pb";
import type { MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { reconnectDelay } from "./backoff";
import { randomKey } from "./key";
import { ServerClock } from "./clock";
import { i64, num, u64 } from "./int64";

export type Credentials = { token: string } | { joinCode: string };
export type LinkStatus = "connecting" | "online" | "offline" | "refused";
export type CommandBody = MessageInitShape<typeof CommandSchema>["body"];

/** What became of a command: acknowledged, refused (nothing changed), or
 *  lost with the connection (it may or may not have been recorded). */
export type Answer = { ok: true; ack: Ack } | { ok: false; error: ServerError } | { ok: false; lost: true };

export interface LinkHandlers {
  welcome(welcome: Welcome): void;
  /** A batch of events: a phone's also brings attendance, turnout and names (foldBatch). */
  events(batch: EventBatch): void;
  snapshot(snapshot: MeetingSnapshot): void;
  status(status: LinkStatus, refusal?: ServerError): void;
}

interface Pending {
  frame: Uint8Array;
  queue: boolean; // waits for the next connection (a command: its key makes a repeat harmless)
  settle(message: ServerMessage | null): void;
}

const kPingEvery = 10000;
const kSilenceLimit = 25000;

export class Link {
  readonly clock = new ServerClock();
  status: LinkStatus = "connecting";
  lastSeq = 0;
  private socket: WebSocket | null = null;
  private nextId = 1;
  private helloId = 0;
  private welcomed = false;
  private attempt = 0;
  private retryTimer: number | undefined;
  private pingTimer: number | undefined;
  private lastHeard = 0;
  private pending = new Map<number, Pending>();
  private stopped = false;

  constructor(
    private readonly url: string,
    private credentials: Credentials,
    private readonly clientName: string,
    private readonly on: LinkHandlers,
  ) {
    const wake = () => {
      if (this.status === "offline" && !this.socket) this.connectNow();
    };
    window.addEventListener("online", wake);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") {
        if (this.socket && this.welcomed && Date.now() - this.lastHeard > kSilenceLimit) this.socket.close();
        wake();
      }
    });
  }

  start(): void {
    this.stopped = false;
    this.connectNow();
  }

  /** `queue`: when offline, wait for the connection instead of giving up
   *  (what a person asked for on a phone: a ballot, check-in, the floor). */
  command(body: CommandBody, options: { queue?: boolean } = {}): Promise<Answer> {
    const id = this.nextId++;
    const frame = toBinary(
      ClientMessageSchema,
      create(ClientMessageSchema, { requestId: u64(id), commandKey: randomKey(), body: { case: "command", value: { body } } }),
    );
    return this.request(id, frame, !!options.queue).then((reply): Answer => {
      if (!reply) return { ok: false, lost: true };
      if (reply.body.case === "ack") return { ok: true, ack: reply.body.value };
      if (reply.body.case === "error") return { ok: false, error: reply.body.value };
      return { ok: false, lost: true };
    });
  }

  joinLink(participantId: string): Promise<JoinLink | ServerError | null> {
    return this.ask({ case: "joinLinkRequest", value: { participantId } }).then((reply) => {
      if (reply && (reply.body.case === "joinLink" || reply.body.case === "error")) return reply.body.value;
      return null;
    });
  }

  /** A request that is not a command (a minutes file, the clicker fleet):
   *  the server's answer, or null when there is no connection for it. */
  ask(body: MessageInitShape<typeof ClientMessageSchema>["body"]): Promise<ServerMessage | null> {
    const id = this.nextId++;
    const frame = toBinary(ClientMessageSchema, create(ClientMessageSchema, { requestId: u64(id), body }));
    return this.request(id, frame, false, false);
  }

  /** `queue`: may wait if there is no connection now; `keyed`: a command
   *  with its key, which waits across a reconnect once sent. */
  private request(id: number, frame: Uint8Array, queue: boolean, keyed = true): Promise<ServerMessage | null> {
    return new Promise((settle) => {
      const online = this.welcomed && !!this.socket;
      if (!online && !queue) return settle(null);
      this.pending.set(id, { frame, queue: queue || keyed, settle });
      if (online) this.socket!.send(frame);
    });
  }

  private setStatus(status: LinkStatus, refusal?: ServerError): void {
    this.status = status;
    this.on.status(status, refusal);
  }

  private connectNow(): void {
    window.clearTimeout(this.retryTimer);
    if (this.stopped || this.socket) return;
    this.setStatus(this.attempt === 0 && this.lastSeq === 0 ? "connecting" : "offline");
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      return this.scheduleRetry();
    }
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    this.welcomed = false;
    socket.onopen = () => {
      // A server that accepts but never answers is as good as gone.
      window.setTimeout(() => {
        if (this.socket === socket && !this.welcomed) socket.close();
      }, kSilenceLimit);
      this.helloId = this.nextId++;
      const hello =
        "token" in this.credentials
          ? { token: this.credentials.token }
          : { joinCode: this.credentials.joinCode };
      socket.send(
        toBinary(
          ClientMessageSchema,
          create(ClientMessageSchema, {
            requestId: u64(this.helloId),
            body: {
              case: "hello",
              value: { protocolVersion: ProtocolVersion.CURRENT, resumeAfterSeq: u64(this.lastSeq), clientName: this.clientName, ...hello },
            },
          }),
        ),
      );
    };
    socket.onmessage = (message) => {
      if (!(message.data instanceof ArrayBuffer)) return;
      let reply: ServerMessage;
      try {
        reply = fromBinary(ServerMessageSchema, new Uint8Array(message.data));
      } catch {
        return;
      }
      this.heard(socket, reply);
    };
    socket.onclose = () => this.closed(socket);
    socket.onerror = () => socket.close();
  }

  private heard(socket: WebSocket, reply: ServerMessage): void {
    this.lastHeard = Date.now();
    this.clock.heard(num(reply.serverTimeMs));
    const id = num(reply.requestId);
    const body = reply.body;
    if (id !== 0 && id === this.helloId) {
      if (body.case === "welcome") {
        this.welcomed = true;
        this.attempt = 0;
        this.on.welcome(body.value);
        this.setStatus("online");
        this.startPinging(socket);
        // What was in flight (or waiting) goes again with the same key: the
        // server runs it once and answers a repeat with the first answer.
        this.pending.forEach((p) => socket.send(p.frame));
      } else if (body.case === "error") {
        this.refused(body.value);
      }
      return;
    }
    if (body.case === "pong") {
      this.clock.pong(num(body.value.clientTimeMs), num(reply.serverTimeMs));
      return;
    }
    if (id !== 0) {
      const waiting = this.pending.get(id);
      if (waiting) {
        this.pending.delete(id);
        waiting.settle(reply);
      }
      return;
    }
    if (body.case === "events") this.on.events(body.value);
    else if (body.case === "snapshot") this.on.snapshot(body.value);
  }

  private refused(error: ServerError): void {
    const permanent = error.code === ErrorCode.ERROR_UNAUTHENTICATED || error.code === ErrorCode.ERROR_UNSUPPORTED_VERSION || error.code === ErrorCode.ERROR_RATE_LIMITED;
    if (!permanent) return;
    this.stopped = true;
    this.pending.forEach((p) => p.settle(null));
    this.pending.clear();
    this.setStatus("refused", error);
  }

  private startPinging(socket: WebSocket): void {
    window.clearInterval(this.pingTimer);
    const ping = () => {
      if (this.socket !== socket) return window.clearInterval(this.pingTimer);
      if (Date.now() - this.lastHeard > kSilenceLimit) return socket.close();
      const id = this.nextId++;
      socket.send(toBinary(ClientMessageSchema, create(ClientMessageSchema, { requestId: u64(id), body: { case: "ping", value: { clientTimeMs: i64(Date.now()) } } })));
    };
    ping();
    this.pingTimer = window.setInterval(ping, kPingEvery);
  }

  private closed(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.welcomed = false;
    window.clearInterval(this.pingTimer);
    // Commands wait for the next connection (their keys make a repeat
    // harmless); other requests are simply asked again by the person.
    this.pending.forEach((p, id) => {
      if (!p.queue) {
        this.pending.delete(id);
        p.settle(null);
      }
    });
    if (this.stopped) return;
    this.setStatus("offline");
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.socket = null;
    const delay = reconnectDelay(this.attempt++);
    this.retryTimer = window.setTimeout(() => this.connectNow(), delay);
  }

  /** After the person typed a new code (or a link was opened). */
  restart(credentials: Credentials): void {
    this.credentials = credentials;
    this.attempt = 0;
    this.lastSeq = 0;
    this.stopped = false;
    if (this.socket) this.socket.close();
    else this.connectNow();
  }
}
