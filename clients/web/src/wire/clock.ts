// The server's clock as seen from here: every ServerMessage carries
// server_time_ms; a ping's round trip bounds the error. Timers are computed
// from the server's deadlines and this offset, never ticked.
export class ServerClock {
  private offset = 0;
  private bestRtt = Infinity;
  private known = false;

  /** Any message: a rough estimate until a ping gives a better one. */
  heard(serverMs: number): void {
    if (!this.known) {
      this.offset = serverMs - Date.now();
      this.known = true;
    }
  }

  /** A pong for a ping sent at `sentMs` (client clock). */
  pong(sentMs: number, serverMs: number): void {
    const now = Date.now();
    const rtt = Math.max(0, now - sentMs);
    // Old samples age so that a clock step on either side is followed.
    this.bestRtt = Math.min(this.bestRtt * 1.2 + 10, Infinity);
    if (rtt <= this.bestRtt) {
      this.bestRtt = rtt;
      this.offset = serverMs - (sentMs + rtt / 2);
      this.known = true;
    }
  }

  now(): number {
    return Date.now() + this.offset;
  }
}
