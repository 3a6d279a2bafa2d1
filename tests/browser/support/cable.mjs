// A TCP pass-through on loopback between one browser context and gaveld,
// which a test can cut (every connection dropped, new ones refused) and
// mend: the network loss a phone has on crowded Wi-Fi. `deafen` first lets
// the page's bytes through but drops the server's: a command arrives and is
// carried out, its answer is lost on the way back.
import net from "node:net";

export class Cable {
  constructor(targetPort) {
    this.targetPort = targetPort;
    this.cut = false;
    this.deaf = false;
    this.sockets = new Set();
    this.server = net.createServer((client) => {
      if (this.cut) return client.destroy();
      const upstream = net.connect(this.targetPort, "127.0.0.1");
      const pair = [client, upstream];
      for (const s of pair) {
        this.sockets.add(s);
        s.on("error", () => pair.forEach((x) => x.destroy()));
        s.on("close", () => {
          this.sockets.delete(s);
          pair.forEach((x) => x.destroy());
        });
      }
      client.on("data", (d) => upstream.write(d));
      upstream.on("data", (d) => {
        if (!this.deaf) client.write(d);
      });
    });
  }

  listen() {
    return new Promise((resolve) => this.server.listen(0, "127.0.0.1", () => resolve(this.server.address().port)));
  }

  sever() {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  /** The server's bytes are dropped from now on, until the cable is cut and mended. */
  deafen() {
    this.deaf = true;
  }

  mend() {
    this.cut = false;
    this.deaf = false;
  }

  close() {
    this.sever();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
