import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { rootWith } from "./helpers.js";
import { applyPatches } from "../src/patch.js";
import { morph } from "../src/morph.js";
import { clearClientAttrs, setClientAttr, setServerAttr } from "../src/attrs.js";

describe("server attributes and the properties they stand for", () => {

  test("a <details> the user opened stays open; one the server toggles follows the server", () => {
    const { doc, root } = rootWith('<details id="d"><summary>More</summary>text</details><p>1</p>');
    const details = /** @type {HTMLDetailsElement} */ (doc.getElementById("d"));
    details.open = true; // the user opens it
    applyPatches(root, [{ op: "text", path: [1, 0], text: "2" }]);
    assert.equal(details.open, true);
    morph(root, '<details id="d"><summary>More</summary>text</details><p>3</p>');
    assert.equal(details.open, true, "a render that did not change `open` keeps the user's");
    applyPatches(root, [{ op: "attr", path: [0], name: "open", value: "" }]);
    details.open = false; // user closes it again
    morph(root, '<details id="d" open><summary>More</summary>text</details><p>3</p>');
    assert.equal(details.open, false, "the server's HTML still says open, as before: the user's close stays");
    morph(root, '<details id="d"><summary>More</summary>text</details><p>3</p>');
    morph(root, '<details id="d" open><summary>More</summary>text</details><p>3</p>');
    assert.equal(details.open, true, "the server changed `open`: it applies");
    applyPatches(root, [{ op: "rmattr", path: [0], name: "open" }]);
    assert.equal(details.open, false);
  });

  test("a <dialog> the user closed stays closed across renders that keep it open", () => {
    const { doc, root } = rootWith('<dialog id="dlg" open><p>Hello</p></dialog><p>0</p>');
    const dialog = /** @type {HTMLDialogElement} */ (doc.getElementById("dlg"));
    dialog.removeAttribute("open"); // closed by the user (dialog.close())
    morph(root, '<dialog id="dlg" open><p>Hello!</p></dialog><p>1</p>');
    assert.equal(dialog.hasAttribute("open"), false);
    assert.equal(dialog.textContent, "Hello!");
    applyPatches(root, [{ op: "text", path: [1, 0], text: "2" }]);
    assert.equal(dialog.hasAttribute("open"), false);
  });

  test("checked and selected patched by the server are set as properties", () => {
    const html =
      '<input id="c" type="checkbox" checked><select id="s"><option value="a" selected>a</option><option value="b">b</option></select>' +
      '<input type="radio" name="r" value="1" checked><input type="radio" name="r" value="2">';
    const { doc, root } = rootWith(html);
    const box = /** @type {HTMLInputElement} */ (doc.getElementById("c"));
    const select = /** @type {HTMLSelectElement} */ (doc.getElementById("s"));
    const radios = /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll("input[type=radio]"));
    box.checked = false; // user unchecks: the attribute still says checked
    select.value = "b"; // user picks b
    applyPatches(root, [{ op: "attr", path: [0], name: "checked", value: "" }]);
    assert.equal(box.checked, true, "the server re-checked it");
    applyPatches(root, [{ op: "rmattr", path: [0], name: "checked" }]);
    assert.equal(box.checked, false);
    applyPatches(root, [{ op: "attr", path: [1, 0], name: "selected", value: "" }]);
    assert.equal(select.value, "a");
    applyPatches(root, [{ op: "rmattr", path: [1, 0], name: "selected" }, { op: "attr", path: [1, 1], name: "selected", value: "" }]);
    assert.equal(select.value, "b");
    applyPatches(root, [{ op: "attr", path: [3], name: "checked", value: "" }]);
    assert.deepEqual([radios[0].checked, radios[1].checked], [false, true]);
  });

  test("a render that does not change checked/selected/value keeps what the user set", () => {
    const html = '<input id="c" type="checkbox"><select id="s"><option value="a">a</option><option value="b">b</option></select><input id="t" value="x">';
    const { doc, root } = rootWith(html);
    const box = /** @type {HTMLInputElement} */ (doc.getElementById("c"));
    const select = /** @type {HTMLSelectElement} */ (doc.getElementById("s"));
    const text = /** @type {HTMLInputElement} */ (doc.getElementById("t"));
    box.checked = true;
    select.value = "b";
    text.value = "typed";
    morph(root, html + "<p>more</p>");
    assert.deepEqual([box.checked, select.value, text.value], [true, "b", "typed"]);
    morph(root, html.replace('value="x"', 'value="y"').replace('type="checkbox"', 'type="checkbox" checked'));
    assert.equal(text.value, "y", "the server changed the value: it applies");
    assert.equal(box.checked, true);
  });

  test("setServerAttr with null removes the attribute; a checkbox's value attribute is not its state", () => {
    const { doc } = rootWith('<input id="c" type="checkbox" value="on" checked><input id="t" value="a">');
    const box = /** @type {HTMLInputElement} */ (doc.getElementById("c"));
    const text = /** @type {HTMLInputElement} */ (doc.getElementById("t"));
    setServerAttr(box, "value", "yes");
    assert.equal(box.checked, true);
    setServerAttr(text, "value", null);
    assert.equal(text.hasAttribute("value"), false);
    assert.equal(text.value, "");
  });
});

describe("client attributes", () => {

  test("keeps the attributes the client set (rl-loading, disabled) until the client clears them", () => {
    const { doc, root } = rootWith('<button id="b" rl-click="save">Save</button><button id="c" disabled>x</button>');
    const button = /** @type {HTMLButtonElement} */ (doc.getElementById("b"));
    const other = /** @type {HTMLButtonElement} */ (doc.getElementById("c"));
    assert.equal(setClientAttr(button, "rl-loading"), true);
    assert.equal(setClientAttr(button, "disabled"), true);
    assert.equal(setClientAttr(other, "disabled"), false, "the server's disabled is not the client's");
    morph(root, '<button id="b" rl-click="save">Saving</button><button id="c" disabled>x</button>');
    assert.equal(button.hasAttribute("rl-loading"), true);
    assert.equal(button.disabled, true);
    clearClientAttrs(button);
    clearClientAttrs(other);
    assert.equal(button.hasAttribute("rl-loading"), false);
    assert.equal(button.disabled, false);
    assert.equal(other.disabled, true);
  });

  test("an attribute the server takes over stays when the client clears its own", () => {
    const { doc, root } = rootWith('<button id="b">Save</button>');
    const button = /** @type {HTMLButtonElement} */ (doc.getElementById("b"));
    setClientAttr(button, "disabled");
    applyPatches(root, [{ op: "attr", path: [0], name: "disabled", value: "" }]);
    clearClientAttrs(button);
    assert.equal(button.disabled, true);
  });
});
