// index.js, the entry point.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { page, fakeWebSocketClass } from "./helpers.js";
import { start, socketUrl, isDevPage, version } from "../src/index.js";
import { CLIENT_VERSION, HVR_APPLIED_EVENT } from "../src/constants.js";

describe("index.js", () => {
  test("socketUrl: <ctx>/relive/client/index.js connects to <ctx>/relive/socket", () => {
    assert.equal(socketUrl("http://localhost:8080/relive/client/index.js"), "ws://localhost:8080/relive/socket");
    assert.equal(socketUrl("https://example.org/app/relive/client/index.js?v=2"), "wss://example.org/app/relive/socket");
  });

  test("start mounts the page's view and exposes window.Relive", () => {
    const { win, doc } = page('<div rl-root rl-view="a.B" rl-token="tok"><p>x</p></div>');
    const WS = fakeWebSocketClass();
    const view = start(doc, { WebSocket: /** @type {any} */ (WS), socketUrl: "ws://localhost:8080/relive/socket", heartbeatMs: 0 });
    assert.ok(view);
    const relive = /** @type {any} */ (win).Relive;
    assert.equal(relive.version, CLIENT_VERSION);
    assert.equal(version, CLIENT_VERSION);
    assert.equal(relive.state, "connecting");
    WS.instances[0].open();
    assert.equal(relive.state, "open");
    assert.deepEqual(WS.instances[0].sent[0], { type: "mount", protocol: 1, token: "tok", url: "http://localhost:8080/counter" });
    assert.equal(start(doc), view, "a second start returns the running view");
    assert.equal(WS.instances.length, 1);
  });

  test("a page without [rl-root] starts nothing", () => {
    const { win, doc } = page("<p>static</p>");
    assert.equal(start(doc), null);
    assert.equal(/** @type {any} */ (win).Relive, undefined);
  });

  test("loads hvr.js only on dev pages", async () => {
    const dev = page('<div rl-root rl-token="t"></div>', { head: '<meta name="relive-dev" content="true">' });
    const prod = page('<div rl-root rl-token="t"></div>', { head: '<meta name="relive-dev" content="false">' });
    assert.equal(isDevPage(dev.doc), true);
    assert.equal(isDevPage(prod.doc), false);
    const options = { WebSocket: /** @type {any} */ (fakeWebSocketClass()), socketUrl: "ws://x/relive/socket", heartbeatMs: 0 };
    const devView = /** @type {import("../src/view.js").View} */ (start(dev.doc, options));
    const prodView = /** @type {import("../src/view.js").View} */ (start(prod.doc, options));
    // hvr.js loads by a dynamic import: wait for its listener however long a loaded machine takes to load it
    const deadline = Date.now() + 30_000;
    while (!devView.listeners.get("hvr-applied")?.size && Date.now() < deadline) await sleep(5);
    let dispatched = 0;
    dev.doc.addEventListener(HVR_APPLIED_EVENT, () => dispatched++);
    devView.handleFrame({ type: "hvr-applied", view: "a.B", version: 1, file: "B.java", ms: 1, bundle: "b" });
    assert.equal(dispatched, 1);
    assert.equal(prodView.listeners.get("hvr-applied")?.size ?? 0, 0);
  });
});
