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
