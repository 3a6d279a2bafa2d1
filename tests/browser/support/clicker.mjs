// A Wi-Fi clicker for the browser tests, written from docs/clickers.md the
// way a hardware maker would: the few protobuf messages a device sends,
// encoded by hand (varints and length-delimited fields), and sent over a
// WebSocket opened inside a browser page. Answers are counted, not decoded:
// the test looks at what the chair's console shows.
function varint(value) {
  let n = BigInt.asUintN(64, BigInt(value));
  const out = [];
  do {
    let byte = Number(n & 0x7fn);
    n >>= 7n;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}
const tag = (field, wire) => varint((field << 3) | wire);
const number = (field, value) => [...tag(field, 0), ...varint(value)];
const bytes = (field, payload) => [...tag(field, 2), ...varint(payload.length), ...payload];
const text = (field, value) => bytes(field, [...Buffer.from(value, "utf8")]);

/** ClientMessage { request_id, hello { protocol_version: 1, token, client_name, health } } */
export function helloFrame(requestId, token, battery, signal) {
  const health = [...number(1, battery), ...number(2, signal)];
  const hello = [...number(1, 1), ...text(2, token), ...text(4, "gavel test clicker"), ...bytes(80, health)];
  return [...number(1, requestId), ...bytes(2, hello)];
}

/** ClientMessage { request_id, press { device_id, boot_id, press_seq, key } } */
export function pressFrame(requestId, deviceId, bootId, pressSeq, key) {
  const press = [...text(1, deviceId), ...number(2, bootId), ...number(3, pressSeq), ...number(4, key)];
  return [...number(1, requestId), ...bytes(5, press)];
}

/** A page on gaveld's origin to hold the devices' WebSockets (not a web page
 *  of Gavel: its missing favicon is nobody's concern). */
export async function devicePage(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}healthz`);
  return { context, page };
}

/** A device's connection, held by a blank page of the browser on gaveld's origin. */
export class TestClicker {
  constructor(page, deviceId, token) {
    this.page = page;
    this.deviceId = deviceId;
    this.token = token;
    this.requests = 0;
    this.presses = 0;
  }

  async connect(battery, signal) {
    const frame = helloFrame(++this.requests, this.token, battery, signal);
    await this.page.evaluate(
      ({ id, frame }) =>
        new Promise((resolve, reject) => {
          const ws = new WebSocket(`ws://${location.host}/ws`);
          ws.binaryType = "arraybuffer";
          window.clickers = window.clickers || {};
          window.clickers[id] = { ws, answers: 0 };
          ws.onmessage = () => {
            window.clickers[id].answers++;
            resolve();
          };
          ws.onerror = () => reject(new Error(`clicker ${id}: the WebSocket failed`));
          ws.onopen = () => ws.send(new Uint8Array(frame));
        }),
      { id: this.deviceId, frame },
    );
  }

  /** Presses `key` and waits for the server's acknowledgement. */
  async press(key) {
    const frame = pressFrame(++this.requests, this.deviceId, 7, ++this.presses, key);
    await this.page.evaluate(
      ({ id, frame }) =>
        new Promise((resolve) => {
          const c = window.clickers[id];
          const before = c.answers;
          c.ws.onmessage = () => {
            c.answers++;
            if (c.answers > before) resolve();
          };
          c.ws.send(new Uint8Array(frame));
        }),
      { id: this.deviceId, frame },
    );
  }
}
