import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { normalize, patchFixtures, rootWith, typeInto } from "./helpers.js";
import { morph } from "../src/morph.js";

describe("morphing the patch fixtures", () => {
  for (const { data } of patchFixtures()) {
    test(`morphing ${data.name} from 'from' to 'to' gives 'to'`, () => {
      const { doc, root } = rootWith(data.from);
      morph(root, data.to);
      assert.equal(root.innerHTML, normalize(doc, data.to));
    });
  }
});

describe("morph", () => {

  test("reuses nodes matched by rl-key, then by tag, and keeps focus and caret", () => {
    const { win, doc, root } = rootWith(
      '<h1>T</h1><ul><li rl-key="1">one</li><li rl-key="2"><input id="in" value="v"></li><li rl-key="3">three</li></ul><p>end</p>',
    );
    const items = Array.from(root.querySelectorAll("li"));
    const h1 = root.querySelector("h1");
    const input = /** @type {HTMLInputElement} */ (doc.getElementById("in"));
    input.focus();
    typeInto(win, input, "value typed");
    input.setSelectionRange(3, 5);
    morph(
      root,
      '<h1 class="x">Title</h1><ul><li rl-key="3">three</li><li rl-key="0">zero</li><li rl-key="2"><input id="in" value="v"></li><li rl-key="1">one!</li></ul><p>end</p>',
    );
    const after = Array.from(root.querySelectorAll("li"));
    assert.equal(root.querySelector("h1"), h1);
    assert.equal(h1?.textContent, "Title");
    assert.deepEqual([after[0], after[2], after[3]], [items[2], items[1], items[0]]);
    assert.equal(after[1].textContent, "zero");
    assert.equal(doc.getElementById("in"), input);
    assert.equal(doc.activeElement, input);
    assert.equal(input.value, "value typed");
    assert.deepEqual([input.selectionStart, input.selectionEnd], [3, 5]);
  });

  test("drops old nodes, inserts new ones, and replaces a node whose tag changed", () => {
    const { doc, root } = rootWith("<h1>a</h1><p>b</p><span>c</span>");
    morph(root, "<p>B</p><em>c</em>text<!---->");
    assert.equal(root.innerHTML, normalize(doc, "<p>B</p><em>c</em>text<!---->"));
  });
});

describe("morph keeps elements with an id found once on each side", () => {
  const field = '<div class="field"><label for="name">Name</label><input id="name" name="name"></div>';
  const form = (/** @type {string} */ inner) => `<h1>Sign up</h1><form rl-submit="save">${inner}<button>Save</button></form>`;
  const cases = [
    ["insert before the form", form(field), '<p class="notice">Almost done</p>' + form(field)],
    ["wrap the container", form(field), form(`<section class="card">${field}</section>`)],
    ["unwrap the container", form(`<section class="card">${field}</section>`), form(field)],
    ["reorder around the input", form(`<p>hint</p><label>Email</label><input id="email">${field}`), form(`${field}<input id="email"><label>Email</label><p>hint</p>`)],
    ["move the input into a later sibling", form(`${field}<div class="later"></div>`), form('<div class="field"><label>Name</label></div><div class="later"><input id="name" name="name"></div>')],
    ["move the container into a new parent deep inside", form(field), form(`<div class="a"><div class="b">${field}</div></div>`)],
  ];
  for (const [name, from, to] of cases) {
    test(`${name}: the input keeps its node, value, focus and caret`, () => {
      const { win, doc, root } = rootWith(from);
      const input = /** @type {HTMLInputElement} */ (doc.getElementById("name"));
      input.focus();
      typeInto(win, input, "Ada");
      input.setSelectionRange(1, 2);
      morph(root, to);
      assert.equal(root.innerHTML.replace(/ value="[^"]*"/g, ""), normalize(doc, to));
      assert.equal(doc.getElementById("name"), input);
      assert.equal(doc.activeElement, input);
      assert.equal(input.value, "Ada");
      assert.deepEqual([input.selectionStart, input.selectionEnd], [1, 2]);
    });
  }

  test("an id found twice is not kept: those elements are matched by tag", () => {
    const { doc, root } = rootWith('<input id="x" class="a"><input id="x" class="b">');
    const [a, b] = Array.from(root.querySelectorAll("input"));
    morph(root, '<p>new</p><input id="x" class="b"><input id="x" class="a">');
    assert.equal(root.innerHTML, normalize(doc, '<p>new</p><input id="x" class="b"><input id="x" class="a">'));
    assert.deepEqual(Array.from(root.querySelectorAll("input")), [a, b]);
  });
});
