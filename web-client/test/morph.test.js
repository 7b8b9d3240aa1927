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

describe("morph on random pages edited around elements with ids", () => {
  /** @param {number} seed a small deterministic generator (mulberry32) */
  const random = (seed) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @typedef {{ tag: string | null, text?: string, attrs: string, kids: Node_[], parent?: Node_ }} Node_ */
  /** @param {string | null} tag @param {string} [attrs] @param {string} [text] @returns {Node_} */
  const node = (tag, attrs = "", text = "") => ({ tag, attrs, text, kids: [] });
  /** @param {Node_} parent @param {Node_} child @param {number} [at] */
  const add = (parent, child, at = parent.kids.length) => {
    child.parent = parent;
    parent.kids.splice(at, 0, child);
    return parent;
  };
  /** @param {Node_} n @returns {string} */
  const html = (n) =>
    n.tag === null ? /** @type {string} */ (n.text) : n.tag === "input" ? `<input${n.attrs}>` : `<${n.tag}${n.attrs}>${n.kids.map(html).join("")}</${n.tag}>`;
  const isContainer = (/** @type {Node_} */ n) => n.tag === "div" || n.tag === "section";

  /** @param {() => number} rnd */
  const page = (rnd) => {
    let ids = 0;
    /** @param {number} depth @returns {Node_} */
    const block = (depth) => {
      const pick = Math.floor(rnd() * (depth > 2 ? 3 : 5));
      if (pick === 0) {
        ids++;
        return add(add(node("div", ' class="field"'), add(node("label"), node(null, "", `F${ids}`))), node("input", ` id="f${ids}" name="f${ids}"`));
      }
      if (pick === 1) return add(node("p"), node(null, "", `text ${Math.floor(rnd() * 3)}`));
      if (pick === 2) return node(null, "", "\n  ");
      const c = rnd() < 0.5 ? node("div", ` class="c${Math.floor(rnd() * 3)}"`) : node("section", ` id="s${++ids}"`);
      for (let i = Math.floor(rnd() * 4); i > 0; i--) add(c, block(depth + 1));
      return c;
    };
    const root = node("div");
    for (let i = Math.floor(rnd() * 4); i >= 0; i--) add(root, block(0));
    return root;
  };

  /** @param {Node_} root @param {() => number} rnd */
  const edit = (root, rnd) => {
    /** @type {Node_[]} */
    const all = [];
    const walk = (/** @type {Node_} */ n) => n.kids.forEach((k) => (all.push(k), walk(k)));
    walk(root);
    const nodes = all.filter((n) => n.parent?.tag !== "label" && n.parent?.tag !== "p");
    if (!nodes.length) return;
    const x = nodes[Math.floor(rnd() * nodes.length)];
    const parent = /** @type {Node_} */ (x.parent);
    const at = parent.kids.indexOf(x);
    const within = (/** @type {Node_} */ c) => {
      for (let n = /** @type {Node_ | undefined} */ (c); n; n = n.parent) if (n === x) return true;
      return false;
    };
    switch (Math.floor(rnd() * 5)) {
      case 0:
        parent.kids.splice(at, 1);
        add(parent, add(node("div", ' class="wrap"'), x), at);
        break;
      case 1:
        if (isContainer(x)) {
          parent.kids.splice(at, 1);
          x.kids.forEach((k, i) => add(parent, k, at + i));
        }
        break;
      case 2: {
        const targets = [root, ...all.filter(isContainer)].filter((c) => !within(c));
        const target = targets[Math.floor(rnd() * targets.length)];
        parent.kids.splice(at, 1);
        add(target, x, Math.floor(rnd() * (target.kids.length + 1)));
        break;
      }
      case 3:
        add(parent, add(node("p", ' class="notice"'), node(null, "", "new")), at);
        break;
      default:
        parent.kids.sort(() => rnd() - 0.5);
    }
  };

  test("every element whose id is on both sides keeps its node, and the DOM ends up as the new HTML", () => {
    const { doc, root } = rootWith("");
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = random(seed);
      const tree = page(rnd);
      const from = tree.kids.map(html).join("");
      for (let i = 1 + Math.floor(rnd() * 3); i > 0; i--) edit(tree, rnd);
      const to = tree.kids.map(html).join("");
      root.innerHTML = from;
      const before = Array.from(root.querySelectorAll("[id]"));
      morph(root, to);
      assert.equal(root.innerHTML, normalize(doc, to), `seed ${seed}`);
      for (const el of before.filter((e) => to.includes(` id="${e.id}"`))) {
        assert.equal(doc.getElementById(el.id), el, `seed ${seed}: #${el.id} keeps its node`);
      }
    }
  });
});
