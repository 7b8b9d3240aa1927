import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { FakeClock, fakeWebSocketClass, captureConsole } from "./helpers.js";
import { ReliveSocket, backoffDelay, utf8Length, DEFAULT_BACKOFF } from "../src/socket.js";

/**
 * @param {Partial<import("../src/socket.js").SocketOptions>} [options]
 */
function setup(options = {}) {
  const clock = new FakeClock();
  const WS = fakeWebSocketClass();
  /** @type {any[]} */
  const frames = [];
  /** @type {any[]} */
  const closes = [];
  let opens = 0;
  const socket = new ReliveSocket("ws://localhost:8080/relive/socket", {
    WebSocket: /** @type {any} */ (WS),
    timers: clock,
    random: () => 0.5,
    heartbeatMs: 0,
    onOpen: () => opens++,
    onFrame: (f) => frames.push(f),
    onClose: (info) => closes.push(info),
    ...options,
  });
  return { clock, WS, socket, frames, closes, opens: () => opens };
}

describe("backoffDelay", () => {
  test("grows exponentially, is capped, and is jittered into [d/2, d]", () => {
    const b = { base: 500, max: 8000, factor: 2 };
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, b, () => 0)),
      [250, 500, 1000, 2000, 4000, 4000, 4000],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, b, () => 0.999999)),
      [500, 1000, 2000, 4000, 8000, 8000],
    );
    assert.equal(backoffDelay(2, DEFAULT_BACKOFF, () => 0.5), 1500);
  });
});

describe("ReliveSocket", () => {
  test("connects, sends JSON frames, numbers requests with increasing refs", () => {
    const { WS, socket, opens } = setup();
    socket.connect();
    assert.equal(socket.state, "connecting");
    const ws = WS.instances[0];
    assert.equal(ws.url, "ws://localhost:8080/relive/socket");
    assert.equal(socket.request({ type: "ping" }), null, "nothing is sent before the socket opens");
    ws.open();
    assert.equal(socket.state, "open");
    assert.equal(opens(), 1);
    assert.equal(socket.send({ type: "mount", protocol: 1, token: "t", url: "u" }), true);
    assert.equal(socket.request({ type: "event", handler: "a", params: {} }), 1);
    assert.equal(socket.request({ type: "ping" }), 2);
    assert.deepEqual(ws.sent, [
      { type: "mount", protocol: 1, token: "t", url: "u" },
      { type: "event", handler: "a", params: {}, ref: 1 },
      { type: "ping", ref: 2 },
    ]);
  });

  test("a frame over the server's limit is answered here with too_large, not sent, and the socket stays open", () => {
    const { WS, socket, frames, clock, closes } = setup();
    socket.connect();
    const ws = WS.instances[0];
    ws.open();
    socket.maxFrameBytes = 100;
    const ref = socket.request({ type: "model", field: "name", value: "é".repeat(60) });
    assert.equal(ref, 1, "it has a ref, as any request, so that its loading state settles");
    assert.deepEqual(ws.sent, [], "nothing is sent");
    clock.tick(0);
    assert.equal(frames.length, 1);
    assert.equal(frames[0].type, "error");
    assert.equal(frames[0].ref, 1);
    assert.equal(frames[0].code, "too_large");
    assert.match(frames[0].message, /over the server's limit of 100 bytes/);
    assert.equal(socket.request({ type: "model", field: "name", value: "é".repeat(10) }), 2, "a small one goes");
    assert.deepEqual(ws.sent, [{ type: "model", field: "name", value: "é".repeat(10), ref: 2 }]);
    assert.equal(socket.state, "open");
    assert.deepEqual(closes, []);
  });

  test("utf8Length counts the bytes of UTF-8", () => {
    assert.equal(utf8Length("abc"), 3);
    assert.equal(utf8Length("é"), 2);
    assert.equal(utf8Length("€"), 3);
    assert.equal(utf8Length("😀"), 4);
    assert.equal(utf8Length("\ud800x"), 4, "a lone surrogate is sent as U+FFFD, 3 bytes");
  });

  test("delivers frames, ignores messages that are not frames", async () => {
    const { WS, socket, frames } = setup();
    socket.connect();
    const ws = WS.instances[0];
    ws.open();
    const logs = await captureConsole(() => {
      ws.receive({ type: "pong", ref: 1 });
      ws.onmessage?.({ data: "not json" });
      ws.onmessage?.({ data: "[1,2]" });
      ws.onmessage?.({ data: '{"no":"type"}' });
    });
    assert.deepEqual(frames, [{ type: "pong", ref: 1 }]);
    assert.equal(logs.filter((l) => l.level === "warn").length, 3);
  });

  test("reconnects with exponential backoff after drops, resetting after a working connection", () => {
    const { WS, socket, clock, closes } = setup({ backoff: { base: 1000, max: 10000, factor: 2 } });
    socket.connect();
    WS.instances[0].open();
    WS.instances[0].drop();
    assert.equal(socket.state, "reconnecting");
    assert.deepEqual(closes.map((c) => c.retryIn), [750]); // 1000 jittered with random 0.5
    clock.tick(749);
    assert.equal(WS.instances.length, 1);
    clock.tick(1);
    assert.equal(WS.instances.length, 2);
    assert.equal(socket.state, "connecting");
    WS.instances[1].drop(); // fails again before opening
    clock.tick(1500);
    assert.equal(WS.instances.length, 3);
    WS.instances[2].drop();
    assert.deepEqual(closes.map((c) => c.retryIn), [750, 1500, 3000]);
    clock.tick(3000);
    const ws = WS.instances[3];
    ws.open();
    ws.receive({ type: "mounted" }); // the connection works: the backoff starts over
    ws.drop();
    assert.equal(closes[closes.length - 1].retryIn, 750);
  });

  test("refs start over on each connection", () => {
    const { WS, socket, clock } = setup();
    socket.connect();
    WS.instances[0].open();
    socket.request({ type: "ping" });
    socket.request({ type: "ping" });
    WS.instances[0].drop();
    assert.equal(socket.request({ type: "ping" }), null, "refused while down");
    clock.tick(60000);
    WS.instances[1].open();
    assert.equal(socket.request({ type: "ping" }), 1);
  });

  test("a socket that cannot be created counts as a failed attempt", () => {
    let calls = 0;
    class Throwing {
      constructor() {
        calls++;
        throw new Error("blocked");
      }
    }
    const { socket, clock, closes } = setup({ WebSocket: /** @type {any} */ (Throwing) });
    socket.connect();
    assert.equal(socket.state, "reconnecting");
    clock.tick(closes[0].retryIn);
    assert.equal(calls, 2);
  });

  test("close() stops for good; a protocol error (1002) is not retried", () => {
    const first = setup();
    first.socket.connect();
    first.WS.instances[0].open();
    first.socket.close();
    assert.equal(first.socket.state, "closed");
    assert.deepEqual(first.WS.instances[0].closedByClient, { code: 1000, reason: "" });
    first.clock.tick(120000);
    assert.equal(first.WS.instances.length, 1);

    const second = setup();
    second.socket.connect();
    second.WS.instances[0].open();
    second.WS.instances[0].drop(1002);
    assert.equal(second.socket.state, "closed");
    assert.equal(second.closes[0].retryIn, null);
    second.clock.tick(120000);
    assert.equal(second.WS.instances.length, 1);
  });

  test("reconnectNow skips the wait", () => {
    const { WS, socket } = setup();
    socket.connect();
    WS.instances[0].drop();
    socket.reconnectNow();
    assert.equal(WS.instances.length, 2);
  });

  test("pings to keep alive, and drops a connection that stays silent", () => {
    const { WS, socket, clock, closes } = setup({ heartbeatMs: 30000 });
    socket.connect();
    const ws = WS.instances[0];
    ws.open();
    clock.tick(30000);
    assert.deepEqual(ws.last(), { type: "ping", ref: 1 });
    ws.receive({ type: "pong", ref: 1 });
    clock.tick(30000);
    assert.deepEqual(ws.last(), { type: "ping", ref: 2 });
    clock.tick(30000); // no answer to ping 2
    assert.deepEqual(ws.closedByClient, { code: 4000, reason: "heartbeat timeout" });
    assert.equal(socket.state, "reconnecting");
    assert.equal(closes.length, 1);
    ws.drop(); // the late close event of the dead socket changes nothing
    assert.equal(closes.length, 1);
  });
});
