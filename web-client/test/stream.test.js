import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { rootWith, typeInto } from "./helpers.js";
import { applyPatches, PatchError } from "../src/patch.js";
import { morph } from "../src/morph.js";

const TABLE = '<h1>People</h1><table><tbody rl-stream="rows"></tbody></table>';
const row = (/** @type {string} */ key, /** @type {string} */ text) => `<tr rl-key="${key}"><td>${text}</td></tr>`;
const keys = (/** @type {Element} */ root) =>
  Array.from(root.querySelectorAll("tbody > tr")).map((tr) => tr.getAttribute("rl-key") + ":" + tr.textContent);
const stream = (/** @type {object[]} */ changes) => [{ op: "stream", path: [1, 0], changes }];

describe("stream patches", () => {
  test("append, prepend and insert put items where `at` says", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }, { at: -1, html: row("b", "B") }]));
    applyPatches(root, stream([{ at: 0, html: row("c", "C") }, { at: 2, html: row("d", "D") }, { at: 99, html: row("e", "E") }]));
    assert.deepEqual(keys(root), ["c:C", "a:A", "d:D", "b:B", "e:E"]);
  });

  test("an item with a key already shown is replaced where it is", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }, { at: -1, html: row("b", "B") }]));
    applyPatches(root, stream([{ at: -1, html: row("a", "A2") }]));
    assert.deepEqual(keys(root), ["a:A2", "b:B"]);
  });

  test("delete removes the item with the key; reset removes all, in the order of the changes", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }, { at: -1, html: row("b", "B") }, { delete: "a" }, { delete: "zz" }]));
    assert.deepEqual(keys(root), ["b:B"]);
    applyPatches(root, stream([{ reset: true }, { at: -1, html: row("c", "C") }]));
    assert.deepEqual(keys(root), ["c:C"]);
  });

  test("other patches of the frame leave the items alone", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }]));
    applyPatches(root, [{ op: "text", path: [0, 0], text: "Everyone" }, ...stream([{ at: -1, html: row("b", "B") }])]);
    assert.equal(root.querySelector("h1")?.textContent, "Everyone");
    assert.deepEqual(keys(root), ["a:A", "b:B"]);
  });

  test("refuses a patch on an element that is not a stream, and changes that are not one element", () => {
    const { root } = rootWith(TABLE);
    assert.throws(() => applyPatches(root, [{ op: "stream", path: [0], changes: [] }]), PatchError);
    assert.throws(() => applyPatches(root, stream([{ at: -1, html: "<tr></tr><tr></tr>" }])), PatchError);
    assert.throws(() => applyPatches(root, stream([{ what: 1 }])), PatchError);
  });

  test("a full render without items keeps the stream's items and what is typed in them; one with items replaces them", () => {
    const { win, root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: '<tr rl-key="a"><td><input id="note"></td></tr>' }]));
    const input = /** @type {HTMLInputElement} */ (root.querySelector("#note"));
    typeInto(win, input, "kept");
    morph(root, '<h1>All people</h1><table><tbody rl-stream="rows"></tbody></table>');
    assert.equal(root.querySelector("#note"), input);
    assert.equal(input.value, "kept");
    assert.equal(root.querySelector("h1")?.textContent, "All people");
    morph(root, `<h1>People</h1><table><tbody rl-stream="rows">${row("x", "X")}</tbody></table>`);
    assert.deepEqual(keys(root), ["x:X"]);
  });
});

describe("stream reset", () => {
  test("items re-sent after a reset keep their nodes, in the new order; changed ones are morphed", () => {
    const { win, root } = rootWith(TABLE);
    applyPatches(root, stream(["a", "b", "c"].map((k) => ({ at: -1, html: `<tr rl-key="${k}"><td>${k}</td><td><input id="in-${k}"></td></tr>` }))));
    const b = /** @type {HTMLInputElement} */ (root.querySelector("#in-b"));
    typeInto(win, b, "typed");
    const rowA = root.querySelector('[rl-key="a"]');
    applyPatches(root, stream([{ reset: true },
      { at: -1, html: '<tr rl-key="c"><td>c</td><td><input id="in-c"></td></tr>' },
      { at: -1, html: '<tr rl-key="b" class="on"><td>B</td><td><input id="in-b"></td></tr>' },
      { at: -1, html: '<tr rl-key="a"><td>a</td><td><input id="in-a"></td></tr>' }]));
    assert.deepEqual(keys(root), ["c:c", "b:B", "a:a"]);
    assert.equal(root.querySelector('[rl-key="a"]'), rowA);
    assert.equal(root.querySelector("#in-b"), b);
    assert.equal(b.value, "typed");
    assert.equal(root.querySelector('[rl-key="b"]')?.getAttribute("class"), "on");
  });

  test("an item re-sent with the HTML the server last sent for it is moved as it is; a changed one is morphed", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }, { at: -1, html: row("b", "B") }, { at: -1, html: row("c", "C") }]));
    const [a, b, c] = ["a", "b", "c"].map((k) => /** @type {Element} */ (root.querySelector(`[rl-key="${k}"]`)));
    a.setAttribute("data-seen", "yes"); // by the page's own script: the server's HTML for the row did not change
    c.setAttribute("data-seen", "yes");
    applyPatches(root, stream([{ reset: true }, { at: -1, html: row("c", "C2") }, { at: -1, html: row("b", "B") },
      { at: -1, html: row("a", "A") }]));
    assert.deepEqual(keys(root), ["c:C2", "b:B", "a:A"]);
    assert.equal(root.querySelector('[rl-key="a"]'), a);
    assert.equal(root.querySelector('[rl-key="b"]'), b);
    assert.equal(root.querySelector('[rl-key="c"]'), c);
    assert.equal(a.getAttribute("data-seen"), "yes", "an unchanged item is not morphed");
    assert.equal(c.hasAttribute("data-seen"), false, "a changed item is morphed to the server's HTML");
    // the morphed item's new HTML is what the server last sent for it from now on
    c.setAttribute("data-seen", "again");
    applyPatches(root, stream([{ reset: true }, { at: -1, html: row("a", "A") }, { at: -1, html: row("c", "C2") }]));
    assert.deepEqual(keys(root), ["a:A", "c:C2"]);
    assert.equal(root.querySelector('[rl-key="c"]'), c);
    assert.equal(c.getAttribute("data-seen"), "again");
  });

  test("an item deleted after a reset and sent again is a new node; so is one sent twice in one patch", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }, { at: -1, html: row("b", "B") }]));
    const a = root.querySelector('[rl-key="a"]');
    const b = root.querySelector('[rl-key="b"]');
    applyPatches(root, stream([{ reset: true }, { delete: "a" }, { at: -1, html: row("a", "A") },
      { at: -1, html: row("b", "B") }, { at: 0, html: row("b", "B") }]));
    assert.deepEqual(keys(root), ["a:A", "b:B"]);
    assert.notEqual(root.querySelector('[rl-key="a"]'), a);
    assert.notEqual(root.querySelector('[rl-key="b"]'), b, "the second b replaces the first where it is");
    assert.equal(root.querySelectorAll("tbody > tr").length, 2);
  });

  test("keys after a reset move the browser's own items as they are, in the new order, with what is typed in them", () => {
    const { win, root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: '<tr rl-key="a"><td>A</td><td><input id="in-a"></td></tr>' },
      { at: -1, html: row("b", "B") }, { at: -1, html: row("c", "C") }]));
    const [a, b, c] = ["a", "b", "c"].map((k) => /** @type {Element} */ (root.querySelector(`[rl-key="${k}"]`)));
    const input = /** @type {HTMLInputElement} */ (root.querySelector("#in-a"));
    typeInto(win, input, "typed");
    a.setAttribute("data-seen", "yes");
    applyPatches(root, stream([{ reset: true }, { at: -1, keys: ["c", "a"] }, { at: -1, html: row("b", "B2") }]));
    assert.deepEqual(keys(root).map((k) => k.split(":")[0]), ["c", "a", "b"]);
    assert.equal(root.querySelector('[rl-key="a"]'), a);
    assert.equal(root.querySelector('[rl-key="b"]'), b, "a changed item still takes its node");
    assert.equal(root.querySelector('[rl-key="c"]'), c);
    assert.equal(a.getAttribute("data-seen"), "yes", "an item moved by key is not morphed");
    assert.equal(/** @type {HTMLInputElement} */ (root.querySelector("#in-a")).value, "typed");
    assert.equal(root.querySelector('[rl-key="b"]')?.textContent, "B2");
  });

  test("keys at an index put the i-th item at index + i; a key shown stays where it is", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }, { at: -1, html: row("b", "B") },
      { at: -1, html: row("c", "C") }, { at: -1, html: row("d", "D") }]));
    applyPatches(root, stream([{ reset: true }, { at: -1, html: row("x", "X") }, { at: 0, keys: ["d", "c"] },
      { at: -1, keys: ["b"] }, { at: 0, keys: ["b"] }]));
    assert.deepEqual(keys(root), ["d:D", "c:C", "x:X", "b:B"]);
  });

  test("a key the browser does not have is refused: the page asks for a full render", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }]));
    assert.throws(() => applyPatches(root, stream([{ reset: true }, { at: -1, keys: ["a", "zz"] }])),
      (/** @type {unknown} */ e) => e instanceof PatchError && /no item with key zz/.test(e.message));
    assert.throws(() => applyPatches(root, stream([{ at: -1, keys: [7] }])), PatchError);
  });

  test("items a reset removed and nobody re-sent are gone", () => {
    const { root } = rootWith(TABLE);
    applyPatches(root, stream([{ at: -1, html: row("a", "A") }, { at: -1, html: row("b", "B") }]));
    applyPatches(root, stream([{ reset: true }, { at: -1, html: row("b", "B") }]));
    assert.deepEqual(keys(root), ["b:B"]);
  });
});
