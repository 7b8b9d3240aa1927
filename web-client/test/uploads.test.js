import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { live } from "./live.js";
import { SHARED_FIXTURES } from "./helpers.js";
import { base64, CHUNK_BYTES, uploadsOf, UPLOAD_EVENT } from "../src/uploads.js";

const PAGE = '<input id="f" type="file" rl-upload="avatar" multiple><ul id="list" rl-upload-list="avatar"></ul><p id="n">0</p>';

/**
 * Lets the chunk reads and the module load (promises) run until `done` holds, for 30 s at most: a loaded machine may
 * take long, and a fixed pause would then be too short.
 * @param {() => boolean} done
 */
async function until(done) {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${done}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * @param {any} win
 * @param {string} name
 * @param {number} size
 * @param {string} type
 */
function file(win, name, size, type) {
  return new win.File([new Uint8Array(size).fill(65)], name, { type });
}

describe("uploads", () => {
  test("offers the files, sends accepted ones in chunks with progress, and shows refusals per file", async () => {
    const { ws, $, win, view } = live(PAGE);
    /** @type {string[]} */
    const states = [];
    $("#f").addEventListener(UPLOAD_EVENT, (/** @type {any} */ ev) => states.push(`${ev.detail.file}:${ev.detail.state}`));
    const uploads = uploadsOf(view);
    uploads.offer($("#f"), [file(win, "big.png", CHUNK_BYTES + 10, "image/png"), file(win, "huge.bin", 5, "application/zip")]);
    const offer = ws().last();
    assert.equal(offer.type, "upload");
    assert.deepEqual(offer.files.map((/** @type {any} */ f) => [f.name, f.size, f.type]), [["big.png", CHUNK_BYTES + 10, "image/png"], ["huge.bin", 5, "application/zip"]]);
    assert.equal($("#list").children.length, 2);
    ws().receive({ type: "upload", ref: offer.ref, name: "avatar", files: [{ id: offer.files[0].id }, { id: offer.files[1].id, error: "files of this type are not accepted (image/*)" }] });
    await until(() => ws().last()?.type === "chunk");
    const first = ws().last();
    assert.equal(first.type, "chunk");
    assert.equal(first.offset, 0);
    assert.equal(first.data, base64(new Uint8Array(CHUNK_BYTES).fill(65)));
    const rows = $("#list").children;
    assert.equal(rows[1].getAttribute("rl-upload-state"), "error");
    assert.equal(rows[1].querySelector(".rl-upload-error").textContent, "files of this type are not accepted (image/*)");
    ws().receive({ type: "progress", ref: first.ref, id: first.id, received: CHUNK_BYTES, done: false });
    await until(() => ws().last() !== first);
    assert.equal(rows[0].querySelector("progress").value, CHUNK_BYTES);
    const second = ws().last();
    assert.equal(second.offset, CHUNK_BYTES);
    assert.equal(second.data, base64(new Uint8Array(10).fill(65)));
    ws().receive({ type: "progress", ref: second.ref, id: second.id, received: CHUNK_BYTES + 10, done: true });
    assert.equal(rows[0].getAttribute("rl-upload-state"), "done");
    assert.equal(rows[0].querySelector(".rl-upload-cancel").hidden, true);
    assert.deepEqual(states.filter((s) => !s.endsWith("sending")), ["big.png:offered", "huge.bin:offered", "huge.bin:error", "big.png:done"]);
  });

  test("the list keeps its rows when the server patches or renders around it", async () => {
    const { ws, $, win, view } = live(PAGE);
    uploadsOf(view).offer($("#f"), [file(win, "a.txt", 3, "text/plain")]);
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [2, 0], text: "1" }, { op: "insert", path: [1], index: 0, html: "<li>server</li>" }] });
    ws().receive({ type: "render", seq: 2, html: PAGE.replace(">0<", ">2<") });
    assert.equal($("#list").children.length, 1);
    assert.equal($("#list").children[0].querySelector(".rl-upload-name").textContent, "a.txt");
  });

  test("cancel sends a cancel frame and stops the chunks; a dropped connection fails what is in flight", async () => {
    const { ws, $, win, view } = live(PAGE);
    const uploads = uploadsOf(view);
    uploads.offer($("#f"), [file(win, "a.bin", CHUNK_BYTES * 3, ""), file(win, "b.bin", CHUNK_BYTES * 3, "")]);
    const offer = ws().last();
    ws().receive({ type: "upload", ref: offer.ref, name: "avatar", files: offer.files.map((/** @type {any} */ f) => ({ id: f.id })) });
    await until(() => ws().sentOf("chunk").length === 2);
    $("#list").children[0].querySelector(".rl-upload-cancel").click();
    assert.deepEqual({ type: ws().last().type, id: ws().last().id }, { type: "cancel", id: offer.files[0].id });
    const chunkA = ws().sentOf("chunk").find((/** @type {any} */ c) => c.id === offer.files[0].id);
    ws().receive({ type: "progress", ref: chunkA.ref, id: chunkA.id, received: CHUNK_BYTES, done: false });
    // b's next chunk, asked for after a's, is read after a's would have been: once it is sent, a's would be too
    const chunkB = ws().sentOf("chunk").find((/** @type {any} */ c) => c.id === offer.files[1].id);
    ws().receive({ type: "progress", ref: chunkB.ref, id: chunkB.id, received: CHUNK_BYTES, done: false });
    await until(() => ws().sentOf("chunk").filter((/** @type {any} */ c) => c.id === offer.files[1].id).length === 2);
    assert.equal(ws().sentOf("chunk").filter((/** @type {any} */ c) => c.id === offer.files[0].id).length, 1, "no chunk after cancel");
    assert.equal($("#list").children[0].getAttribute("rl-upload-state"), "cancelled");
    ws().drop();
    assert.equal($("#list").children[1].getAttribute("rl-upload-state"), "error");
    assert.equal($("#list").children[1].querySelector(".rl-upload-error").textContent, "connection lost");
  });

  test("choosing files in an rl-upload input loads the module and offers them", async () => {
    const { ws, $, win } = live(PAGE);
    Object.defineProperty($("#f"), "files", { value: [file(win, "me.png", 4, "image/png")] });
    $("#f").dispatchEvent(new win.Event("change", { bubbles: true }));
    await until(() => ws().last()?.type === "upload");
    assert.equal(ws().last().type, "upload");
    assert.equal(ws().last().name, "avatar");
    assert.deepEqual(ws().last().files.map((/** @type {any} */ f) => f.name), ["me.png"]);
  });

  test("the frames have the fields of the examples of docs/protocol.md", async () => {
    const doc = readFileSync(join(SHARED_FIXTURES, "..", "protocol.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Uploads"));
    const examples = /** @type {any[]} */ ((/```json\n([\s\S]*?)```/.exec(section) ?? ["", ""])[1].trim().split("\n").map((l) => JSON.parse(l)));
    const { ws, $, win, view } = live(PAGE);
    const uploads = uploadsOf(view);
    uploads.offer($("#f"), [file(win, "me.png", 4, "image/png")]);
    const offer = ws().last();
    ws().receive({ ...examples[3], ref: offer.ref, files: [{ id: offer.files[0].id }] });
    await until(() => ws().last()?.type === "chunk");
    const chunk = ws().last();
    uploads.cancel(chunk.id);
    const cancel = ws().last();
    const keys = (/** @type {any} */ f) => Object.keys(f).sort();
    assert.deepEqual(keys(offer), keys(examples[0]));
    assert.deepEqual(keys(offer.files[0]), keys(examples[0].files[0]));
    assert.deepEqual(keys(chunk), keys(examples[1]));
    assert.deepEqual(keys(cancel), keys(examples[2]));
    for (const f of examples.slice(3)) assert.doesNotThrow(() => ws().receive(f));
  });

  test("files dropped on an rl-drop zone are offered to its upload name; the zone is marked while dragged over", async () => {
    const { ws, $, win } = live('<div id="zone" rl-drop="gallery"><p id="inside">drop here</p></div><ul rl-upload-list="gallery"></ul>');
    /** @param {string} type */
    const drag = (type) => {
      const ev = new win.Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(ev, "dataTransfer", { value: { files: [file(win, "a.txt", 2, "text/plain"), file(win, "b.txt", 2, "text/plain")] } });
      $("#inside").dispatchEvent(ev);
      return ev;
    };
    assert.equal(drag("dragover").defaultPrevented, true, "the zone accepts the drop");
    assert.equal($("#zone").classList.contains("rl-drop-over"), true);
    drag("drop");
    assert.equal($("#zone").classList.contains("rl-drop-over"), false);
    await until(() => ws().last()?.type === "upload");
    assert.equal(ws().last().type, "upload");
    assert.equal(ws().last().name, "gallery");
    assert.deepEqual(ws().last().files.map((/** @type {any} */ f) => f.name), ["a.txt", "b.txt"]);
  });
});
