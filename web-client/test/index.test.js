// index.js (the entry point) and constants.js (checked against the tables of docs/protocol.md).

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { page, fakeWebSocketClass, SHARED_FIXTURES } from "./helpers.js";
import { start, socketUrl, isDevPage, version } from "../src/index.js";
import { ATTR, CLIENT_FRAME, SERVER_FRAME, OP, PROTOCOL, CLIENT_VERSION, HVR_APPLIED_EVENT } from "../src/constants.js";

const protocol = readFileSync(join(SHARED_FIXTURES, "..", "protocol.md"), "utf8");

/**
 * First-column values of the markdown table that follows a heading (or a line) in protocol.md.
 * @param {string} after text just before the table
 * @returns {string[]}
 */
function tableColumn(after) {
  const start = protocol.indexOf(after);
  assert.notEqual(start, -1, `protocol.md has "${after}"`);
  const lines = protocol.slice(start).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.split("|")[1].trim());
  }
  return rows;
}

/** @param {string} cell e.g. "`rl-click=\"h\"`, `rl-change=\"h\"`" */
function attributeNames(cell) {
  return [...cell.matchAll(/`(rl-[a-zA-Z-]+?)(?:NAME)?[=`]/g)].map((m) => m[1].replace(/-$/, ""));
}

describe("constants match docs/protocol.md", () => {
  test("client frame types", () => {
    const types = tableColumn("## Client to server").map((c) => c.replaceAll("`", ""));
    assert.deepEqual([...Object.values(CLIENT_FRAME)].sort(), types.sort());
  });

  test("server frame types", () => {
    const types = tableColumn("## Server to client").map((c) => c.replaceAll("`", ""));
    assert.deepEqual([...Object.values(SERVER_FRAME)].sort(), types.sort());
  });

  test("patch ops", () => {
    const ops = tableColumn("## Patch operations").map((c) => c.replaceAll("`", ""));
    assert.deepEqual([...Object.values(OP)].sort(), ops.sort());
  });

  test("client attributes, and the page's", () => {
    const documented = new Set(tableColumn("## Client attributes").flatMap(attributeNames));
    for (const name of ["rl-root", "rl-view", "rl-token", "rl-child"]) assert.ok(protocol.includes(name), name);
    for (const name of ["rl-root", "rl-view", "rl-token", "rl-child"]) documented.add(name);
    const mine = new Set(Object.values(ATTR).map((a) => (a.endsWith("-") ? a.slice(0, -1) : a)));
    assert.deepEqual([...mine].sort(), [...documented].sort());
  });

  test("protocol version", () => {
    assert.match(protocol, new RegExp(`\`protocol\` is \`${PROTOCOL}\``));
  });
});

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
    for (let i = 0; i < 200 && !devView.listeners.get("hvr-applied")?.size; i++) await sleep(5);
    let dispatched = 0;
    dev.doc.addEventListener(HVR_APPLIED_EVENT, () => dispatched++);
    devView.handleFrame({ type: "hvr-applied", view: "a.B", version: 1, file: "B.java", ms: 1, bundle: "b" });
    assert.equal(dispatched, 1);
    assert.equal(prodView.listeners.get("hvr-applied")?.size ?? 0, 0);
  });
});
