import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { live } from "./live.js";

describe("loading states", () => {
  test("the sender and the elements naming its handler carry rl-loading (attribute and class) until the reply", () => {
    const { ws, $ } = live('<button id="s" rl-click="save" class="btn">Save</button><p id="t" rl-loading-for="save other">spinner</p><p id="u" rl-loading-for="load">x</p>');
    $("#s").click();
    for (const id of ["#s", "#t"]) {
      assert.equal($(id).hasAttribute("rl-loading"), true, id);
      assert.equal($(id).classList.contains("rl-loading"), true, id);
    }
    assert.equal($("#u").hasAttribute("rl-loading"), false);
    assert.equal($("#s").disabled, true);
    ws().receive({ type: "patch", seq: 1, ref: ws().last().ref, patches: [{ op: "attr", path: [0], name: "class", value: "btn saved" }] });
    for (const id of ["#s", "#t"]) {
      assert.equal($(id).hasAttribute("rl-loading"), false, id);
      assert.equal($(id).classList.contains("rl-loading"), false, id);
    }
    assert.equal($("#s").className, "btn saved");
    assert.equal($("#s").disabled, false);
  });

  test("the loading class survives a render that arrives meanwhile", () => {
    const { ws, $ } = live('<button id="s" rl-click="save">Save</button>');
    $("#s").click();
    ws().receive({ type: "render", seq: 1, html: '<button id="s" rl-click="save" class="x">Save</button>' });
    assert.equal($("#s").className, "x rl-loading");
    ws().receive({ type: "ack", ref: ws().last().ref, seq: 1 });
    assert.equal($("#s").className, "x");
  });

  test("rl-disable-with shows its text in flight; the reply's patches apply to the real content", () => {
    const { ws, $ } = live('<button id="s" rl-click="save" rl-disable-with="Saving…">Save <b>now</b></button>');
    $("#s").click();
    assert.equal($("#s").textContent, "Saving…");
    ws().receive({ type: "patch", seq: 1, ref: ws().last().ref, patches: [{ op: "text", path: [0, 1, 0], text: "again" }] });
    assert.equal($("#s").innerHTML, "Save <b>again</b>");
  });

  test("a dropped connection clears the loading states", () => {
    const { ws, $ } = live('<button id="s" rl-click="save" rl-disable-with="…">Save</button>');
    $("#s").click();
    ws().drop();
    assert.equal($("#s").hasAttribute("rl-loading"), false);
    assert.equal($("#s").textContent, "Save");
  });
});
