import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { live } from "./live.js";
import { captureConsole } from "./helpers.js";
import { mayCommandSet } from "../src/commands.js";

const MENU = `<button id="open" rl-js='[["toggle","#menu"],["add_class","#menu","open"]]'>menu</button><ul id="menu" hidden class="m"><li>a</li></ul><p id="n">0</p>`;

describe("client commands", () => {
  test("rl-js runs without a round trip", () => {
    const { ws, $ } = live(MENU);
    const sent = ws().sent.length;
    $("#open").click();
    assert.equal($("#menu").hidden, false);
    assert.equal($("#menu").className, "m open");
    assert.equal(ws().sent.length, sent, "nothing sent");
    $("#open").click();
    assert.equal($("#menu").hidden, true);
  });

  test("what they changed stays across patches and full renders of the element", () => {
    const { ws, $ } = live(MENU);
    $("#open").click();
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "attr", path: [1], name: "class", value: "m dark" }, { op: "text", path: [2, 0], text: "1" }] });
    assert.equal($("#menu").hidden, false, "a patch of the class keeps the menu open");
    assert.deepEqual([...$("#menu").classList].sort(), ["dark", "m", "open"]);
    ws().receive({ type: "render", seq: 2, html: MENU.replace(">0<", ">2<") });
    assert.equal($("#menu").hidden, false, "a full render keeps the menu open");
    assert.equal($("#menu").classList.contains("open"), true);
    assert.equal($("#n").textContent, "2");
  });

  test("a server patch of the attribute a command set gives it back to the server", () => {
    const { ws, $ } = live(MENU);
    $("#open").click();
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "attr", path: [1], name: "hidden", value: "" }] });
    assert.equal($("#menu").hidden, true);
    ws().receive({ type: "render", seq: 2, html: MENU });
    assert.equal($("#menu").hidden, true);
  });

  test("a binding may hold commands that run before the event they push", () => {
    const { ws, $ } = live(`<button id="b" rl-value-id="7" rl-click='[["add_class",null,"busy"],["push","save",{"x":1}]]'>s</button>`);
    $("#b").click();
    assert.equal($("#b").classList.contains("busy"), true);
    assert.deepEqual(ws().last(), { type: "event", handler: "save", params: { id: "7", x: 1 }, ref: ws().last().ref });
  });

  test("set_attr, remove_attr, focus and dispatch", () => {
    const { $, doc } = live(`<a id="go" rl-js='[["set_attr","#f","placeholder","hi"],["remove_attr","#f","disabled"],["focus","#f"],["dispatch","#f","picked",{"n":1}]]'>go</a><input id="f" disabled>`);
    /** @type {any} */
    let detail = null;
    $("#f").addEventListener("picked", (/** @type {any} */ ev) => (detail = ev.detail));
    $("#go").click();
    assert.equal($("#f").placeholder, "hi");
    assert.equal($("#f").disabled, false);
    assert.equal(doc.activeElement, $("#f"));
    assert.deepEqual(detail, { n: 1 });
  });

  test("refuse event handler attributes and script URLs", async () => {
    const { $ } = live(`<a id="x" rl-js='[["set_attr","#l","onclick","alert(1)"],["set_attr","#l","href","javascript:alert(1)"]]'>x</a><a id="l" href="/ok">l</a>`);
    const calls = await captureConsole(() => $("#x").click());
    assert.equal($("#l").hasAttribute("onclick"), false);
    assert.equal($("#l").getAttribute("href"), "/ok");
    assert.equal(calls.filter((c) => c.level === "warn").length, 2);
    assert.equal(mayCommandSet($("#l"), "href", "/next"), true);
    assert.equal(mayCommandSet($("#l"), "SRCDOC", "<p>"), false);
  });
});
