import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { live } from "./live.js";
import { insideIgnored } from "../src/ignore.js";
import { rootWith } from "./helpers.js";

describe("rl-ignore", () => {
  test("patches inside the element are skipped; patches of its attributes and of siblings apply", () => {
    const { ws, $ } = live('<div id="chart" rl-ignore class="a"><span>server</span></div><p id="p">0</p>');
    $("#chart").innerHTML = "<canvas></canvas><i>drawn</i>";
    ws().receive({
      type: "patch",
      seq: 1,
      patches: [
        { op: "attr", path: [0], name: "class", value: "b" },
        { op: "text", path: [0, 0, 0], text: "changed" },
        { op: "insert", path: [0], index: 0, html: "<b>new</b>" },
        { op: "remove", path: [0, 1] },
        { op: "text", path: [1, 0], text: "1" },
      ],
    });
    assert.equal($("#chart").innerHTML, "<canvas></canvas><i>drawn</i>");
    assert.equal($("#chart").className, "b");
    assert.equal($("#p").textContent, "1");
  });

  test("a full render keeps the element's children and follows its attributes", () => {
    const { ws, $ } = live('<div id="chart" rl-ignore data-n="1"><span>server</span></div>');
    const canvas = $("#chart").appendChild($("#chart").ownerDocument.createElement("canvas"));
    canvas.id = "c";
    ws().receive({ type: "render", seq: 1, html: '<div id="chart" rl-ignore data-n="2"><span>other</span></div><p>new</p>' });
    assert.equal($("#chart").getAttribute("data-n"), "2");
    assert.equal($("#chart").innerHTML, '<span>server</span><canvas id="c"></canvas>');
    assert.equal($("p").textContent, "new");
  });

  test("the ignored element itself can be removed or replaced by the server", () => {
    const { root } = rootWith('<div rl-ignore><i></i></div>');
    assert.equal(insideIgnored(root, { op: "remove", path: [0] }), false);
    assert.equal(insideIgnored(root, { op: "replace", path: [0] }), false);
    assert.equal(insideIgnored(root, { op: "remove", path: [0, 0] }), true);
    assert.equal(insideIgnored(root, { op: "move", path: [0], from: 0, to: 0 }), true);
    assert.equal(insideIgnored(root, { op: "reparent", path: [], index: 0, from: [0, 0] }), true);
  });
});
