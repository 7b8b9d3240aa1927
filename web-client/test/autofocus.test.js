// autofocus.js: the server's focus request is honoured once per change, never on every patch.

import { test } from "node:test";
import assert from "node:assert/strict";
import { page } from "./helpers.js";
import { applyAutofocus } from "../src/autofocus.js";

test("the element asking for focus gets it when the request appears, moves or changes", () => {
  const { doc } = page(`<div rl-root><input id="a"><input id="b" rl-autofocus="b"><input id="c"></div>`);
  const root = /** @type {Element} */ (doc.querySelector("[rl-root]"));
  assert.equal(applyAutofocus(root)?.id, "b");
  assert.equal(doc.activeElement?.id, "b");

  // the user moves on; a patch that leaves the request as it was does not pull the focus back
  /** @type {HTMLElement} */ (doc.getElementById("c")).focus();
  assert.equal(applyAutofocus(root), null);
  assert.equal(doc.activeElement?.id, "c");

  // the request moves to another field
  doc.getElementById("b")?.removeAttribute("rl-autofocus");
  doc.getElementById("a")?.setAttribute("rl-autofocus", "a");
  assert.equal(applyAutofocus(root)?.id, "a");
  assert.equal(doc.activeElement?.id, "a");
});

test("a request that goes and comes back is honoured again", () => {
  const { doc } = page(`<div rl-root><input id="a" rl-autofocus="a"><input id="c"></div>`);
  const root = /** @type {Element} */ (doc.querySelector("[rl-root]"));
  applyAutofocus(root);
  /** @type {HTMLElement} */ (doc.getElementById("c")).focus();
  doc.getElementById("a")?.removeAttribute("rl-autofocus");
  assert.equal(applyAutofocus(root), null);
  doc.getElementById("a")?.setAttribute("rl-autofocus", "a");
  assert.equal(applyAutofocus(root)?.id, "a");
  assert.equal(doc.activeElement?.id, "a");
});

test("typing into one field while validation moves the first error to another keeps the focus where the user types", async () => {
  const { live } = await import("./live.js");
  const form = (focusOn) =>
    `<form rl-submit="save"><input id="name" rl-model="name" rl-input="validate" ${focusOn === "name" ? 'rl-autofocus="name"' : ""}>` +
    `<input id="email" rl-model="email" rl-input="validate" ${focusOn === "email" ? 'rl-autofocus="email"' : ""}><button id="go">Save</button></form>`;
  const { ws, $, win, doc, root } = live(form("name"));
  assert.equal(doc.activeElement, $("#name"), "the mount's request");
  // the user types "A" into name: its model frame and its validate event are answered by a render in which the
  // first invalid field is now email
  $("#name").value = "A";
  $("#name").dispatchEvent(new win.Event("input", { bubbles: true }));
  const sent = ws().sent.filter((/** @type {any} */ f) => f.type === "model" || f.type === "event");
  assert.ok(sent.length >= 1, "the keystroke was sent");
  const ref = sent[sent.length - 1].ref;
  const emailInput = root.querySelector("#email");
  const patch = [{ op: "rmattr", path: [0, 0], name: "rl-autofocus" }, { op: "attr", path: [0, 1], name: "rl-autofocus", value: "email" }];
  ws().receive({ type: "patch", ref, seq: 1, patches: patch });
  assert.equal(emailInput?.getAttribute("rl-autofocus"), "email", "the patch applied");
  assert.equal(doc.activeElement, $("#name"), "the focus stays in the field being typed into");
  // a click on Save: its answer leaves the request as it is, which now takes the focus
  $("#go").click();
  const submit = ws().sent.filter((/** @type {any} */ f) => f.type === "event" && f.handler === "save").pop();
  assert.ok(submit, "the submit was sent");
  ws().receive({ type: "patch", ref: submit.ref, seq: 2, patches: [] });
  assert.equal(doc.activeElement, $("#email"), "after the submit, the first invalid field has the focus");
});
