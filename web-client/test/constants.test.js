// constants.js, checked against the tables of docs/protocol.md.

import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED_FIXTURES } from "./helpers.js";
import { ATTR, CLIENT_FRAME, SERVER_FRAME, OP, PROTOCOL } from "../src/constants.js";

const protocol = readFileSync(join(SHARED_FIXTURES, "..", "protocol.md"), "utf8");

/**
 * First-column values of the markdown table that follows a heading (or a line) in protocol.md.
 * @param {string} after text just before the table
 * @returns {string[]}
 */
function tableColumn(after) {
  const start = protocol.indexOf(after);
  assert.notEqual(start, -1, `protocol.md has "${after}"`);
  const lines = protocol.slice(start).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.split("|")[1].trim());
  }
  return rows;
}

/** @param {string} cell e.g. "`rl-click=\"h\"`, `rl-change=\"h\"`" */
function attributeNames(cell) {
  return [...cell.matchAll(/`(rl-[a-zA-Z-]+?)(?:NAME)?[=`]/g)].map((m) => m[1].replace(/-$/, ""));
}

describe("constants match docs/protocol.md", () => {
  test("client frame types", () => {
    const types = tableColumn("## Client to server").map((c) => c.replaceAll("`", ""));
    assert.deepEqual([...Object.values(CLIENT_FRAME)].sort(), types.sort());
  });

  test("server frame types", () => {
    const types = tableColumn("## Server to client").map((c) => c.replaceAll("`", ""));
    assert.deepEqual([...Object.values(SERVER_FRAME)].sort(), types.sort());
  });

  test("patch ops", () => {
    const ops = tableColumn("## Patch operations").map((c) => c.replaceAll("`", ""));
    assert.deepEqual([...Object.values(OP)].sort(), ops.sort());
  });

  test("client attributes, and the page's", () => {
    const documented = new Set(tableColumn("## Client attributes").flatMap(attributeNames));
    for (const name of ["rl-root", "rl-view", "rl-token", "rl-child"]) assert.ok(protocol.includes(name), name);
    for (const name of ["rl-root", "rl-view", "rl-token", "rl-child"]) documented.add(name);
    const mine = new Set(Object.values(ATTR).map((a) => (a.endsWith("-") ? a.slice(0, -1) : a)));
    assert.deepEqual([...mine].sort(), [...documented].sort());
  });

  test("protocol version", () => {
    assert.match(protocol, new RegExp(`\`protocol\` is \`${PROTOCOL}\``));
  });
});

