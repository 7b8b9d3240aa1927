import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { rootWith, typeInto } from "./helpers.js";
import { applyPatches } from "../src/patch.js";
import { morph } from "../src/morph.js";
import { isRestoringFocus, keepFocus, moveNode, restoreTypedFields, saveTypedFields } from "../src/fieldstate.js";

describe("what the user has survives patches", () => {
  const form = '<p>Hi <b>you</b></p><label>Name <input id="name" name="name" value="hello"></label><p id="msg">-</p>';

  test("focus, value, caret and selection of the field being typed in", () => {
    const { win, doc, root } = rootWith(form);
    const input = /** @type {HTMLInputElement} */ (doc.getElementById("name"));
    input.focus();
    typeInto(win, input, "hello world");
    input.setSelectionRange(2, 7, "backward");

    // Patches elsewhere, including a sibling inserted before the field's label.
    applyPatches(root, [
      { op: "text", path: [2, 0], text: "typing…" },
      { op: "insert", path: [], index: 1, html: "<hr>" },
      { op: "attr", path: [2], name: "class", value: "busy" },
    ]);
    // The server echoes a value the user had typed (late): the attribute follows, the property does not.
    applyPatches(root, [{ op: "attr", path: [2, 1], name: "value", value: "hello world" }]);

    assert.equal(doc.activeElement, input);
    assert.equal(input.value, "hello world");
    assert.equal(input.getAttribute("value"), "hello world");
    assert.deepEqual([input.selectionStart, input.selectionEnd, input.selectionDirection], [2, 7, "backward"]);
  });

  test("a late echo while the user kept typing does not clobber the newer text", () => {
    const { win, doc, root } = rootWith(form);
    const input = /** @type {HTMLInputElement} */ (doc.getElementById("name"));
    input.focus();
    typeInto(win, input, "A");
    typeInto(win, input, "Ad");
    typeInto(win, input, "Ada");
    input.setSelectionRange(3, 3);
    applyPatches(root, [{ op: "attr", path: [1, 1], name: "value", value: "A" }]);
    applyPatches(root, [{ op: "attr", path: [1, 1], name: "value", value: "Ad" }]);
    assert.equal(input.value, "Ada");
    assert.equal(input.selectionStart, 3);
  });

  test("a server value the user did not type replaces the text and keeps the caret (clamped)", () => {
    const { win, doc, root } = rootWith(form);
    const input = /** @type {HTMLInputElement} */ (doc.getElementById("name"));
    input.focus();
    typeInto(win, input, "hello world");
    input.setSelectionRange(4, 9);
    applyPatches(root, [{ op: "attr", path: [1, 1], name: "value", value: "HELLO" }]);
    assert.equal(input.value, "HELLO");
    assert.equal(doc.activeElement, input);
    assert.deepEqual([input.selectionStart, input.selectionEnd], [4, 5]);
  });

  test("a field that is not focused follows the server's value", () => {
    const { win, doc, root } = rootWith(form);
    const input = /** @type {HTMLInputElement} */ (doc.getElementById("name"));
    typeInto(win, input, "typed");
    applyPatches(root, [{ op: "attr", path: [1, 1], name: "value", value: "reset" }]);
    assert.equal(input.value, "reset");
    applyPatches(root, [{ op: "rmattr", path: [1, 1], name: "value" }]);
    assert.equal(input.value, "");
  });

  test("a focused field moved by the server keeps focus and selection", () => {
    const { win, doc, root } = rootWith('<div><input id="a" value="abc"><span>x</span><span>y</span></div>');
    const input = /** @type {HTMLInputElement} */ (doc.getElementById("a"));
    input.focus();
    typeInto(win, input, "abcdef");
    input.setSelectionRange(1, 4);
    applyPatches(root, [{ op: "move", path: [0], from: 0, to: 2 }]);
    assert.equal(root.querySelector("div")?.lastElementChild, input);
    assert.equal(doc.activeElement, input);
    assert.deepEqual([input.selectionStart, input.selectionEnd], [1, 4]);
    assert.equal(input.value, "abcdef");
  });

  test("the text of a textarea patched by the server becomes its value", () => {
    const { win, doc, root } = rootWith("<textarea id=t>old</textarea>");
    const area = /** @type {HTMLTextAreaElement} */ (doc.getElementById("t"));
    typeInto(win, area, "user text");
    applyPatches(root, [{ op: "text", path: [0, 0], text: "server text" }]);
    assert.equal(area.value, "server text");
  });

  test("scroll offsets of containers survive patches and a full render", () => {
    const html = '<div id="list" style="overflow:auto;height:50px"><p>1</p><p>2</p></div><aside id="side"><p>x</p></aside>';
    const { doc, root } = rootWith(html);
    const list = /** @type {HTMLElement} */ (doc.getElementById("list"));
    list.scrollTop = 120;
    list.scrollLeft = 7;
    applyPatches(root, [
      { op: "insert", path: [0], index: 2, html: "<p>3</p>" },
      { op: "text", path: [0, 0, 0], text: "one" },
      { op: "move", path: [], from: 1, to: 0 },
    ]);
    assert.equal(doc.getElementById("list"), list);
    assert.equal(list.scrollTop, 120);
    morph(root, '<h2>new</h2><div id="list" style="overflow:auto;height:50px"><p>one</p><p>2</p><p>3</p><p>4</p></div>');
    assert.equal(doc.getElementById("list"), list, "morph reuses the container");
    assert.equal(list.scrollTop, 120);
    assert.equal(list.scrollLeft, 7);
    assert.equal(list.children.length, 4);
  });
});

describe("field state", () => {
  test("keepFocus gives focus and selection back to a field moved out of the document and in again", () => {
    const { doc, root } = rootWith('<div id="a"><input id="f" value="hello"></div><div id="b"></div>');
    const input = /** @type {HTMLInputElement} */ (doc.getElementById("f"));
    input.focus();
    input.setSelectionRange(1, 3);
    /** @type {boolean[]} */
    const restoring = [];
    input.addEventListener("focus", () => restoring.push(isRestoringFocus()));
    keepFocus(doc, () => {
      input.remove();
      root.querySelector("#b")?.appendChild(input);
    });
    assert.equal(doc.activeElement, input);
    assert.deepEqual([input.selectionStart, input.selectionEnd], [1, 3]);
    assert.deepEqual(restoring, [true]);
    assert.equal(isRestoringFocus(), false);
  });

  test("moveNode puts a node into another parent and keeps its scroll offsets", () => {
    const { doc, root } = rootWith('<div id="box" style="overflow:auto;height:20px"><p>1</p></div><section></section>');
    const box = /** @type {HTMLElement} */ (doc.getElementById("box"));
    box.scrollTop = 40;
    const section = /** @type {Element} */ (root.querySelector("section"));
    moveNode(section, box, null);
    assert.equal(box.parentNode, section);
    assert.equal(box.scrollTop, 40);
  });

  test("typed values are saved and put back by id, else by name and position", () => {
    const { win, root } = rootWith('<input id="a"><input name="n"><input name="n"><input type="checkbox" name="c" value="1">');
    const [a, , n2, c] = /** @type {HTMLInputElement[]} */ (Array.from(root.querySelectorAll("input")));
    typeInto(win, a, "first");
    typeInto(win, n2, "second");
    c.checked = true;
    typeInto(win, c, "1");
    const saved = saveTypedFields(root);
    root.innerHTML = '<input id="a"><input name="n"><input name="n"><input type="checkbox" name="c" value="1">';
    const restored = restoreTypedFields(root, saved);
    const inputs = /** @type {HTMLInputElement[]} */ (Array.from(root.querySelectorAll("input")));
    assert.deepEqual([inputs[0].value, inputs[1].value, inputs[2].value, inputs[3].checked], ["first", "", "second", true]);
    assert.deepEqual(restored, [inputs[0], inputs[2], inputs[3]]);
  });
});
