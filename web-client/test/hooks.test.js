import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { captureConsole } from "./helpers.js";
import { live, VIEW } from "./live.js";
import { registerHook } from "../src/hooks.js";

/** A hook definition that records its calls. */
function recorder() {
  /** @type {string[]} */
  const calls = [];
  /** @type {any[]} */
  const instances = [];
  const hook = {
    mounted() {
      instances.push(this);
      calls.push(`mounted:${this.el.id}`);
      this.handleEvent("points", (/** @type {any} */ p) => calls.push(`points:${this.el.id}:${JSON.stringify(p)}`));
    },
    updated() {
      calls.push(`updated:${this.el.id}`);
    },
    destroyed() {
      calls.push(`destroyed:${this.el.id}`);
    },
    disconnected() {
      calls.push(`disconnected:${this.el.id}`);
    },
    reconnected() {
      calls.push(`reconnected:${this.el.id}`);
    },
  };
  return { calls, instances, hook };
}

describe("rl-hook", () => {
  test("mounted once for the element, updated when a patch touches it, not when one elsewhere does", () => {
    const { calls, hook } = recorder();
    registerHook("RecA", hook);
    const { ws, root } = live('<p id="c">0</p><div id="h" rl-hook="RecA"><span>a</span></div>');
    const el = root.querySelector("#h");
    assert.deepEqual(calls, ["mounted:h"]);
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [0, 0], text: "1" }] });
    assert.deepEqual(calls, ["mounted:h"], "a patch elsewhere does not call updated");
    ws().receive({ type: "patch", seq: 2, patches: [{ op: "text", path: [1, 0, 0], text: "b" }] });
    assert.deepEqual(calls, ["mounted:h", "updated:h"]);
    assert.equal(root.querySelector("#h"), el, "the element is the same node");
    ws().receive({ type: "patch", seq: 3, patches: [{ op: "remove", path: [1] }] });
    assert.deepEqual(calls, ["mounted:h", "updated:h", "destroyed:h"]);
  });

  test("receives the view's push frames by event name, and pushEvent sends an event frame", () => {
    const { calls, instances, hook } = recorder();
    registerHook("RecB", hook);
    const { ws } = live('<div id="h" rl-hook="RecB"></div>');
    ws().receive({ type: "push", event: "points", payload: { values: [1, 2] } });
    ws().receive({ type: "push", event: "other", payload: 1 });
    assert.deepEqual(calls, ["mounted:h", 'points:h:{"values":[1,2]}']);
    const ref = instances[0].pushEvent("zoom", { level: 2 });
    assert.deepEqual(ws().last(), { type: "event", handler: "zoom", params: { level: 2 }, ref });
  });

  test("a pushEvent in mounted() is sent: the view is live when its hooks mount", () => {
    /** @type {unknown[]} */
    const refs = [];
    registerHook("RecMounted", {
      mounted() {
        refs.push(this.pushEvent("chartReady", { points: 3 }));
      },
    });
    const { ws } = live('<div id="h" rl-hook="RecMounted"></div>');
    assert.equal(refs.length, 1);
    assert.equal(typeof refs[0], "number", "a ref, not null");
    assert.deepEqual(ws().last(), { type: "event", handler: "chartReady", params: { points: 3 }, ref: refs[0] });
  });

  test("push frames wait until held patches are applied", () => {
    const { calls, hook } = recorder();
    registerHook("RecC", hook);
    const { ws } = live('<div id="h" rl-hook="RecC"></div>');
    ws().receive({ type: "patch", seq: 2, patches: [] });
    ws().receive({ type: "push", event: "points", payload: 1 });
    assert.deepEqual(calls, ["mounted:h"], "held until seq 1 arrives");
    ws().receive({ type: "render", ref: 1, seq: 2, html: '<div id="h" rl-hook="RecC"></div>' });
    assert.deepEqual(calls, ["mounted:h", "updated:h", "points:h:1"]);
  });

  test("disconnected and reconnected follow the socket; the element survives the re-mount", () => {
    const { calls, hook } = recorder();
    registerHook("RecD", hook);
    const { ws, mount, clock, root } = live('<div id="h" rl-hook="RecD"></div>');
    const el = root.querySelector("#h");
    ws().drop();
    clock.tick(60_000);
    mount();
    assert.deepEqual(calls, ["mounted:h", "disconnected:h", "updated:h", "reconnected:h"]);
    assert.equal(root.querySelector("#h"), el);
  });

  test("an hvr-applied frame runs updated", () => {
    const { calls, hook } = recorder();
    registerHook("RecE", hook);
    const { ws } = live('<div id="h" rl-hook="RecE"></div>');
    ws().receive({ type: "hvr-applied", view: VIEW, version: 2, file: "F.java", ms: 1, bundle: "b", phases: {}, dropped: [] });
    assert.deepEqual(calls, ["mounted:h", "updated:h"]);
  });

  test("a missing hook warns once and the page keeps working; registering it later mounts it", async () => {
    /** @type {any} */
    let view;
    const warnings = await captureConsole(() => {
      const l = live('<div id="a" rl-hook="Later"></div><div id="b" rl-hook="Later"></div><button id="go" rl-click="go">go</button>');
      view = l.view;
      l.ws().receive({ type: "patch", seq: 1, patches: [{ op: "attr", path: [0], name: "class", value: "x" }] });
      /** @type {HTMLElement} */ (l.root.querySelector("#go")).click();
      assert.equal(l.ws().last().handler, "go");
    });
    assert.equal(warnings.filter((c) => c.level === "warn").length, 1);
    const { calls, hook } = recorder();
    registerHook("Later", hook);
    view.behaviours.hooks.retry();
    assert.deepEqual(calls, ["mounted:a", "mounted:b"]);
  });

  test("a hook that throws is reported and the others still run", async () => {
    const { calls, hook } = recorder();
    registerHook("RecF", hook);
    registerHook("Throws", { mounted() { throw new Error("boom"); } });
    const errors = await captureConsole(() => live('<div id="t" rl-hook="Throws"></div><div id="h" rl-hook="RecF"></div>'));
    assert.equal(errors.filter((c) => c.level === "error").length, 1);
    assert.deepEqual(calls, ["mounted:h"]);
  });
});
