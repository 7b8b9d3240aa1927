// File uploads, loaded on first use: the files of an `<input type="file" rl-upload="NAME">` or dropped on an
// `rl-drop="NAME"` element are offered to the view (`upload` frame); the server checks them against the
// view's @UploadHandler limits before any byte is sent, then each accepted file goes in chunks over the
// socket, one chunk in flight per file (`chunk`, answered by `progress`). An `rl-upload-list="NAME"`
// element shows each file: a preview for images, its progress, a Cancel button and its error; every
// change is also a `relive:upload` DOM event on the input or drop zone (`detail`: name, id, file, state,
// received, size, error).

import { ATTR, UPLOAD_FRAME } from "./constants.js";
import { childOf } from "./events.js";

/** Bytes per chunk: base64 of it stays under the server's default frame limit (64 KiB). */
export const CHUNK_BYTES = 40 * 1024;

/** DOM event dispatched on the input or drop zone at every change of a file's state. */
export const UPLOAD_EVENT = "relive:upload";

/**
 * @typedef {object} Entry
 * @property {string} id
 * @property {File} file
 * @property {string} name the upload name
 * @property {Element} source the input or drop zone
 * @property {HTMLElement | null} item its row in the upload list
 * @property {"offered" | "sending" | "done" | "error" | "cancelled"} state
 * @property {number} received
 */

/**
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function base64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** @type {WeakMap<object, Uploads>} */
const installed = new WeakMap();

/**
 * The uploads of a view, created on first use.
 * @param {import("./view.js").View} view
 * @returns {Uploads}
 */
export function uploadsOf(view) {
  let uploads = installed.get(view);
  if (!uploads) installed.set(view, (uploads = new Uploads(view)));
  return uploads;
}

export class Uploads {
  /** @param {import("./view.js").View} view */
  constructor(view) {
    this.view = view;
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
    /** @type {Map<number, Entry>} the entry each chunk or cancel in flight is for */
    this.byRef = new Map();
    this.nextId = 1;
    view.onFrame(UPLOAD_FRAME.UPLOAD, (frame) => this._offered(frame));
    view.onFrame(UPLOAD_FRAME.PROGRESS, (frame) => this._progress(frame));
    view.onFrame("error", (frame) => {
      for (const entry of this.entries.values()) if (entry.state === "offered" && frame.ref === /** @type {any} */ (entry).offerRef) this._set(entry, "error", String(frame.message ?? "refused"));
    });
    view.behaviours.onClose(() => {
      for (const entry of this.entries.values()) if (entry.state === "offered" || entry.state === "sending") this._set(entry, "error", "connection lost");
    });
    view.doc.addEventListener("click", (ev) => {
      const button = /** @type {Element | null} */ (ev.target)?.closest?.(".rl-upload-cancel");
      const id = button?.closest("[rl-upload-entry]")?.getAttribute("rl-upload-entry");
      if (id) this.cancel(id);
    });
  }

  /**
   * Offers files to the upload name of source (an input with rl-upload or a drop zone with rl-drop).
   * @param {Element} source
   * @param {ArrayLike<File>} files
   */
  offer(source, files) {
    const name = source.getAttribute(ATTR.UPLOAD) ?? source.getAttribute(ATTR.DROP);
    if (!name || !files.length) return;
    const entries = Array.from(files, (file) => {
      /** @type {Entry} */
      const entry = { id: `u${this.nextId++}-${Date.now().toString(36)}`, file, name, source, item: null, state: "offered", received: 0 };
      this.entries.set(entry.id, entry);
      entry.item = this._item(entry);
      return entry;
    });
    /** @type {import("./socket.js").OutFrame} */
    const frame = { type: UPLOAD_FRAME.UPLOAD, name, files: entries.map((e) => ({ id: e.id, name: e.file.name, size: e.file.size, type: e.file.type })) };
    const child = childOf(this.view.root, source);
    if (child !== undefined) frame.child = child;
    const ref = this.view.mounted ? this.view.socket.request(frame) : null;
    for (const e of entries) {
      /** @type {any} */ (e).offerRef = ref;
      if (ref === null) this._set(e, "error", "not connected");
      else this._set(e, "offered");
    }
  }

  /** @param {string} id */
  cancel(id) {
    const entry = this.entries.get(id);
    if (!entry || (entry.state !== "offered" && entry.state !== "sending")) return;
    this._set(entry, "cancelled");
    const ref = this.view.mounted ? this.view.socket.request({ type: UPLOAD_FRAME.CANCEL, id }) : null;
    if (ref !== null) this.byRef.set(ref, entry);
  }

  /** @param {import("./socket.js").Frame} frame */
  _offered(frame) {
    for (const file of /** @type {any[]} */ (Array.isArray(frame.files) ? frame.files : [])) {
      const entry = this.entries.get(file.id);
      if (!entry || entry.state !== "offered") continue;
      if (file.error) this._set(entry, "error", String(file.error));
      else this._send(entry);
    }
  }

  /** @param {import("./socket.js").Frame} frame */
  _progress(frame) {
    const entry = typeof frame.ref === "number" ? this.byRef.get(frame.ref) : undefined;
    if (typeof frame.ref === "number") this.byRef.delete(frame.ref);
    if (!entry || entry.state !== "sending") return;
    entry.received = Number(frame.received) || 0;
    if (frame.error) this._set(entry, "error", String(frame.error));
    else if (frame.done) this._set(entry, "done");
    else this._send(entry);
  }

  /** Sends the entry's next chunk. @param {Entry} entry */
  async _send(entry) {
    this._set(entry, "sending");
    const end = Math.min(entry.file.size, entry.received + CHUNK_BYTES);
    const bytes = new Uint8Array(await entry.file.slice(entry.received, end).arrayBuffer());
    if (entry.state !== "sending") return; // cancelled meanwhile
    const ref = this.view.mounted ? this.view.socket.request({ type: UPLOAD_FRAME.CHUNK, id: entry.id, offset: entry.received, data: base64(bytes) }) : null;
    if (ref === null) this._set(entry, "error", "connection lost");
    else this.byRef.set(ref, entry);
  }

  /**
   * @param {Entry} entry
   * @param {Entry["state"]} state
   * @param {string} [error]
   */
  _set(entry, state, error = "") {
    entry.state = state;
    const item = entry.item;
    if (item) {
      item.setAttribute("rl-upload-state", state);
      const progress = /** @type {HTMLProgressElement | null} */ (item.querySelector("progress"));
      if (progress) progress.value = state === "done" ? entry.file.size : entry.received;
      const message = item.querySelector(".rl-upload-error");
      if (message) message.textContent = error;
      const cancel = /** @type {HTMLButtonElement | null} */ (item.querySelector(".rl-upload-cancel"));
      if (cancel) cancel.hidden = state !== "offered" && state !== "sending";
    }
    const Custom = /** @type {any} */ (this.view.win).CustomEvent;
    entry.source.dispatchEvent(
      new Custom(UPLOAD_EVENT, { bubbles: true, detail: { name: entry.name, id: entry.id, file: entry.file.name, state, received: entry.received, size: entry.file.size, error } }),
    );
  }

  /**
   * The entry's row in the upload list of its name, when the page has one.
   * @param {Entry} entry
   * @returns {HTMLElement | null}
   */
  _item(entry) {
    const doc = this.view.doc;
    const list = doc.querySelector(`[${ATTR.UPLOAD_LIST}="${entry.name.replace(/["\\]/g, "\\$&")}"]`);
    if (!list) return null;
    const item = doc.createElement(list.tagName === "UL" || list.tagName === "OL" ? "li" : "div");
    item.setAttribute("rl-upload-entry", entry.id);
    item.className = "rl-upload-entry";
    const url = /** @type {any} */ (this.view.win).URL;
    if (entry.file.type.startsWith("image/") && typeof url.createObjectURL === "function") {
      const img = doc.createElement("img");
      img.src = url.createObjectURL(entry.file);
      img.alt = "";
      img.className = "rl-upload-preview";
      item.append(img);
    }
    const name = doc.createElement("span");
    name.className = "rl-upload-name";
    name.textContent = entry.file.name;
    const progress = doc.createElement("progress");
    progress.max = entry.file.size || 1;
    progress.value = 0;
    const cancel = doc.createElement("button");
    cancel.type = "button";
    cancel.className = "rl-upload-cancel";
    cancel.textContent = "Cancel";
    const error = doc.createElement("span");
    error.className = "rl-upload-error";
    error.setAttribute("role", "alert");
    item.append(name, progress, cancel, error);
    list.append(item);
    return item;
  }
}
