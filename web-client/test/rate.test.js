import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { live } from "./live.js";

describe("rl-throttle and rl-debounce", () => {
  test("rl-throttle sends the first click at once, then at most one per window, the last of a burst at its end", () => {
    const { ws, $, clock } = live('<button id="b" rl-click="more" rl-throttle="100">+</button>');
    const events = () => ws().sentOf("event").length;
    $("#b").click();
    assert.equal(events(), 1);
    for (let i = 0; i < 5; i++) {
      ws().receive({ type: "ack", ref: ws().last().ref, seq: 0 });
      $("#b").click();
    }
    assert.equal(events(), 1, "clicks inside the window wait");
    clock.tick(100);
    assert.equal(events(), 2, "the last one goes at the end of the window");
    clock.tick(1000);
    assert.equal(events(), 2, "and nothing more");
  });

  test("rl-debounce works on click too", () => {
    const { ws, $, clock } = live('<button id="b" rl-click="search" rl-debounce="50">go</button>');
    $("#b").click();
    clock.tick(30);
    $("#b").click();
    clock.tick(30);
    assert.equal(ws().sentOf("event").length, 0);
    clock.tick(20);
    assert.equal(ws().sentOf("event").length, 1);
  });

  test("rl-throttle on input sends while the user types, and blur sends what waits", () => {
    const { ws, $, clock, win } = live('<input id="q" rl-input="search" rl-throttle="200">');
    const q = $("#q");
    const type = (/** @type {string} */ v) => {
      q.value = v;
      q.dispatchEvent(new win.Event("input", { bubbles: true }));
    };
    type("a");
    type("ab");
    type("abc");
    assert.deepEqual(ws().sentOf("event").map((f) => f.params.value), ["a"]);
    clock.tick(200);
    type("abcd");
    assert.deepEqual(ws().sentOf("event").map((f) => f.params.value), ["a", "abc"]);
    q.dispatchEvent(new win.FocusEvent("focusout", { bubbles: true }));
    assert.deepEqual(ws().sentOf("event").map((f) => f.params.value), ["a", "abc", "abcd"]);
  });
});
