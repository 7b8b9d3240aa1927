import { test } from "node:test";
import assert from "node:assert/strict";
import { page, rootWith } from "./helpers.js";
import { applyPatches } from "../src/patch.js";
import { parseInto } from "../src/html.js";

test("parses insert html as content of its parent: <tr> in <tbody>, SVG in <svg>", () => {
  const { root } = rootWith('<table><tbody></tbody></table><svg></svg>');
  applyPatches(root, [
    { op: "insert", path: [0, 0], index: 0, html: "<tr><td>1</td></tr>" },
    { op: "insert", path: [1], index: 0, html: '<circle r="2"></circle>' },
  ]);
  assert.equal(root.querySelector("tbody")?.firstElementChild?.tagName, "TR");
  assert.equal(root.querySelector("circle")?.namespaceURI, "http://www.w3.org/2000/svg");
});

test("parses MathML children in the MathML namespace, and HTML inside foreignObject as HTML", () => {
  const { doc } = page('<math id="m"></math><svg><foreignObject id="fo"></foreignObject></svg>');
  const mi = parseInto(/** @type {Element} */ (doc.getElementById("m")), "<mi>x</mi>").firstChild;
  assert.equal(/** @type {Element} */ (mi).namespaceURI, "http://www.w3.org/1998/Math/MathML");
  const div = parseInto(/** @type {Element} */ (doc.getElementById("fo")), "<div>y</div>").firstChild;
  assert.equal(/** @type {Element} */ (div).namespaceURI, "http://www.w3.org/1999/xhtml");
});
