import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { normalize, patchFixtures, rootWith, typeInto } from "./helpers.js";
import { applyPatches, PatchError } from "../src/patch.js";

/** Fixtures whose patches move an element with an id kept across the pages. */
const KEEPS_INPUT = ["insert-before-form", "wrap-form-container", "unwrap-form-container", "reorder-around-inputs"];

describe("patch fixtures", () => {
  const fixtures = patchFixtures();

  test("there are fixtures to run", () => {
    assert.ok(fixtures.length >= 5, `found ${fixtures.length}`);
  });

  for (const { file, data } of fixtures) {
    test(`applying the patches of ${data.name} gives 'to' (${file.split("/").slice(-2).join("/")})`, () => {
      const { doc, root } = rootWith(data.from);
      applyPatches(root, data.patches);
      assert.equal(root.innerHTML, normalize(doc, data.to));
    });
  }

  for (const name of KEEPS_INPUT) {
    test(`the patches of ${name} keep the input's node, value, focus and caret`, () => {
      const fixture = fixtures.find((f) => f.data.name === name);
      assert.ok(fixture, `fixture ${name}`);
      const { win, doc, root } = rootWith(fixture.data.from);
      const inputs = Array.from(root.querySelectorAll("input[id]"));
      const input = /** @type {HTMLInputElement} */ (inputs[0]);
      input.focus();
      typeInto(win, input, "Ada Lovelace");
      input.setSelectionRange(2, 5);
      applyPatches(root, fixture.data.patches);
      assert.equal(root.innerHTML.replace(/ value="[^"]*"/g, ""), normalize(doc, fixture.data.to));
      for (const before of inputs) assert.equal(doc.getElementById(before.id), before, `#${before.id} is the same node`);
      assert.equal(doc.activeElement, input);
      assert.equal(input.value, "Ada Lovelace");
      assert.deepEqual([input.selectionStart, input.selectionEnd], [2, 5]);
    });
  }
});

describe("applyPatches", () => {

  test("refuses patches that do not fit the DOM", () => {
    const { root } = rootWith("<p>a</p>");
    const bad = [
      [{ op: "text", path: [5], text: "x" }],
      [{ op: "text", path: [0], text: "x" }], // an element, not a text node
      [{ op: "attr", path: [0, 0], name: "class", value: "x" }], // a text node, not an element
      [{ op: "insert", path: [0], index: 3, html: "<b>x</b>" }],
      [{ op: "insert", path: [0], index: 0, html: "<b>x</b><i>y</i>" }],
      [{ op: "insert", path: [0], index: 0, html: "" }],
      [{ op: "remove", path: [] }],
      [{ op: "replace", path: [], html: "<div></div>" }],
      [{ op: "move", path: [0], from: 0, to: 1 }],
      [{ op: "explode", path: [0] }],
      [{ op: "text", path: "0", text: "x" }],
    ];
    for (const patches of bad) {
      assert.throws(() => applyPatches(root, /** @type {any} */ (patches)), PatchError, JSON.stringify(patches));
    }
    assert.equal(root.innerHTML, "<p>a</p>");
  });

  test("each path is resolved against the DOM left by the patches before it", () => {
    const { root } = rootWith("<ul><li>a</li><li>b</li></ul>");
    applyPatches(root, [
      { op: "insert", path: [0], index: 0, html: "<li>z</li>" },
      { op: "text", path: [0, 1, 0], text: "A" },
      { op: "move", path: [0], from: 0, to: 2 },
    ]);
    assert.equal(root.innerHTML, "<ul><li>A</li><li>b</li><li>z</li></ul>");
  });

  test("a text node's html is its escaped text", () => {
    const { root } = rootWith("<p></p>");
    applyPatches(root, [{ op: "insert", path: [0], index: 0, html: "1 &lt; 2 &amp; 3" }]);
    assert.equal(root.firstChild?.firstChild?.nodeType, 3);
    assert.equal(root.textContent, "1 < 2 & 3");
  });

  test("reuses nodes: untouched siblings keep their identity", () => {
    const { root } = rootWith('<p id="a">a</p><p id="b">b</p>');
    const a = root.querySelector("#a");
    const b = root.querySelector("#b");
    applyPatches(root, [{ op: "text", path: [1, 0], text: "B" }, { op: "insert", path: [], index: 0, html: "<h1>t</h1>" }]);
    assert.equal(root.querySelector("#a"), a);
    assert.equal(root.querySelector("#b"), b);
  });

  test("reparent moves a node into another parent, both paths resolved before the move", () => {
    const { doc, root } = rootWith('<form><div class="f"><input id="a"></div><p>x</p></form>');
    const div = root.querySelector(".f");
    applyPatches(root, [
      { op: "insert", path: [0], index: 0, html: '<section class="card"></section>' },
      { op: "reparent", path: [0, 0], index: 0, from: [0, 1] },
    ]);
    assert.equal(root.innerHTML, normalize(doc, '<form><section class="card"><div class="f"><input id="a"></div></section><p>x</p></form>'));
    assert.equal(root.querySelector(".f"), div);
    applyPatches(root, [{ op: "reparent", path: [0], index: 2, from: [0, 0, 0] }]);
    assert.equal(root.innerHTML, normalize(doc, '<form><section class="card"></section><p>x</p><div class="f"><input id="a"></div></form>'));
  });

  test("reparent refuses to move a node into itself or the root, and an index out of range", () => {
    const { root } = rootWith("<div><p>a</p></div><span></span>");
    const bad = [
      [{ op: "reparent", path: [0, 0], index: 0, from: [0] }],
      [{ op: "reparent", path: [0], index: 0, from: [0] }],
      [{ op: "reparent", path: [1], index: 0, from: [] }],
      [{ op: "reparent", path: [1], index: 1, from: [0, 0] }],
      [{ op: "reparent", path: [1], index: 0, from: [7] }],
    ];
    for (const patches of bad) {
      assert.throws(() => applyPatches(root, /** @type {any} */ (patches)), PatchError, JSON.stringify(patches));
    }
    assert.equal(root.innerHTML, "<div><p>a</p></div><span></span>");
  });
});
