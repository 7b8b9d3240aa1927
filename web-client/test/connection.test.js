import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { live } from "./live.js";
import { captureConsole } from "./helpers.js";
import { BANNER_DELAY_MS } from "../src/connection.js";

describe("connection state", () => {
  test("classes on <html> follow the connection; the banner shows after a delay and hides on reconnect", () => {
    const { ws, doc, clock, mount } = live("<p>x</p>");
    const html = doc.documentElement;
    assert.equal(html.className, "rl-connected");
    ws().drop(1006);
    assert.deepEqual([...html.classList].sort(), ["rl-disconnected", "rl-error"]);
    assert.equal(doc.querySelector("[rl-banner]"), null, "no banner during a short drop");
    clock.tick(BANNER_DELAY_MS);
    const banner = doc.querySelector("[rl-banner]");
    assert.ok(banner && !banner.hidden);
    assert.equal(banner.getAttribute("role"), "status");
    mount();
    assert.equal(html.className, "rl-connected");
    assert.equal(banner.hidden, true);
  });

  test("a clean close is not an error; a quick reconnect shows no banner", () => {
    const { ws, doc, clock, mount } = live("<p>x</p>");
    ws().drop(1012);
    assert.equal(doc.documentElement.className, "rl-disconnected");
    clock.tick(BANNER_DELAY_MS / 2);
    mount();
    clock.tick(BANNER_DELAY_MS * 2);
    assert.equal(doc.querySelector("[rl-banner]"), null);
  });

  test("a click while disconnected is not sent, the banner says so at once, and the reconnect is tried now", async () => {
    const { ws, doc, clock, WS, $, win } = live('<button id="inc" rl-click="increment">+</button>');
    ws().drop(1006);
    clock.tick(1); // the first retry is due after 250-500 ms; the click comes before it
    const sockets = WS.instances.length;
    const logs = await captureConsole(() => $("#inc").dispatchEvent(new win.MouseEvent("click", { bubbles: true })));
    const banner = doc.querySelector("[rl-banner]");
    assert.ok(banner && !banner.hidden, "the banner shows without waiting");
    assert.equal(banner.textContent, "Not connected: that was not sent. Reconnecting…");
    assert.ok(logs.some((l) => l.level === "warn" && /the event increment was not sent/.test(String(l.args[0]))));
    assert.equal(WS.instances.length, sockets + 1, "a reconnection starts at once");
    assert.deepEqual(ws().sentOf("event"), [], "nothing is queued for later");
  });

  test("typing while disconnected says each thing not sent once, and tries to reconnect at most once a second", async () => {
    const { ws, WS, $, win } = live('<input id="q" rl-model="q" rl-input="search">');
    ws().drop(1006);
    const sockets = WS.instances.length;
    const logs = await captureConsole(() => {
      for (const text of ["a", "ab", "abc", "abcd"]) {
        $("#q").value = text;
        $("#q").dispatchEvent(new win.Event("input", { bubbles: true }));
      }
    });
    const warnings = logs.filter((l) => l.level === "warn").map((l) => String(l.args[0]));
    assert.deepEqual(warnings, ["Relive: not connected: the model q was not sent", "Relive: not connected: the event search was not sent"]);
    assert.equal(WS.instances.length, sockets + 1, "one reconnection for the burst of keystrokes");
  });

  test("<meta name=relive-banner content=off> turns the banner off", () => {
    const { ws, doc, clock } = live("<p>x</p>", { head: '<meta name="relive-banner" content="off">' });
    ws().drop();
    clock.tick(BANNER_DELAY_MS * 2);
    assert.equal(doc.querySelector("[rl-banner]"), null);
    assert.equal(doc.documentElement.classList.contains("rl-disconnected"), true);
  });
});
