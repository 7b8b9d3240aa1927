import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { page, normalize, patchFixtures } from "./helpers.js";
import { applyPatches, PatchError } from "../src/patch.js";
import { morph } from "../src/morph.js";
import { clearClientAttrs, rememberServerState, setClientAttr } from "../src/attrs.js";
import { noteUserInput } from "../src/fieldstate.js";

/**
 * A page whose view root holds html.
 * @param {string} html
 */
function rootWith(html) {
  const { win, doc } = page(`<div rl-root id="root"></div><div id="outside"></div>`);
  const root = /** @type {HTMLElement} */ (doc.getElementById("root"));
  root.innerHTML = html;
  rememberServerState(root);
  return { win, doc, root };
}

/**
 * The user types: sets the value, puts the caret, fires input (as a browser would).
 * @param {any} win
 * @param {HTMLInputElement | HTMLTextAreaElement} field
 * @param {string} value
 */
function typeInto(win, field, value) {
  field.value = value;
  field.dispatchEvent(new win.Event("input", { bubbles: true }));
  noteUserInput(field);
}

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

    test(`morphing ${data.name} from 'from' to 'to' gives 'to'`, () => {
      const { doc, root } = rootWith(data.from);
      morph(root, data.to);
      assert.equal(root.innerHTML, normalize(doc, data.to));
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

  test("parses insert html as content of its parent: <tr> in <tbody>, SVG in <svg>", () => {
    const { root } = rootWith('<table><tbody></tbody></table><svg></svg>');
    applyPatches(root, [
      { op: "insert", path: [0, 0], index: 0, html: "<tr><td>1</td></tr>" },
      { op: "insert", path: [1], index: 0, html: '<circle r="2"></circle>' },
    ]);
    assert.equal(root.querySelector("tbody")?.firstElementChild?.tagName, "TR");
    assert.equal(root.querySelector("circle")?.namespaceURI, "http://www.w3.org/2000/svg");
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
});

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
