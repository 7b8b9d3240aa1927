import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { live } from "./live.js";

/**
 * @param {any} win
 * @param {Document} doc
 * @param {boolean} [shift]
 */
function tab(win, doc, shift = false) {
  const ev = new win.KeyboardEvent("keydown", { key: "Tab", shiftKey: shift, bubbles: true, cancelable: true });
  (doc.activeElement ?? doc.body).dispatchEvent(ev);
}

describe("focus from the server", () => {
  test("a focus frame focuses the element after the patch before it", () => {
    const { ws, $, doc } = live('<form><input id="name"><p id="err"></p></form>');
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "insert", path: [0], index: 2, html: '<input id="email" aria-invalid="true">' }] });
    ws().receive({ type: "focus", selector: "#email" });
    assert.equal(doc.activeElement, $("#email"));
  });

  test("a bad selector is reported, not thrown", () => {
    const { ws, doc } = live("<input>");
    ws().receive({ type: "focus", selector: "##" });
    assert.equal(doc.activeElement, doc.body);
  });
});

describe("rl-focus-trap", () => {
  const PAGE = '<button id="opener">open</button><div id="modal" rl-focus-trap hidden><button id="a">a</button><input id="b"><button id="c" disabled>c</button></div>';

  test("takes focus when it appears, keeps Tab inside, and gives focus back when it goes", () => {
    const { ws, $, doc, win } = live(PAGE);
    $("#opener").focus();
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "rmattr", path: [1], name: "hidden" }] });
    assert.equal(doc.activeElement, $("#a"));
    tab(win, doc);
    assert.equal(doc.activeElement, $("#b"));
    tab(win, doc);
    assert.equal(doc.activeElement, $("#a"), "wraps past the disabled button");
    tab(win, doc, true);
    assert.equal(doc.activeElement, $("#b"), "Shift+Tab wraps backwards");
    $("#opener").focus();
    assert.equal(doc.activeElement, $("#a"), "focus cannot leave the trap");
    ws().receive({ type: "patch", seq: 2, patches: [{ op: "attr", path: [1], name: "hidden", value: "" }] });
    assert.equal(doc.activeElement, $("#opener"));
  });
});
