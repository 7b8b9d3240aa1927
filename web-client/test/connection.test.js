import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { live } from "./live.js";
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

  test("<meta name=relive-banner content=off> turns the banner off", () => {
    const { ws, doc, clock } = live("<p>x</p>", { head: '<meta name="relive-banner" content="off">' });
    ws().drop();
    clock.tick(BANNER_DELAY_MS * 2);
    assert.equal(doc.querySelector("[rl-banner]"), null);
    assert.equal(doc.documentElement.classList.contains("rl-disconnected"), true);
  });
});
