// Test doubles shared by the test files: a jsdom page, a manual clock, a fake WebSocket, and the
// fixture loaders.

import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import { rememberServerState } from "../src/attrs.js";
import { noteUserInput } from "../src/fieldstate.js";

const here = dirname(fileURLToPath(import.meta.url));
/** docs/fixtures of the repository. */
export const SHARED_FIXTURES = join(here, "..", "..", "docs", "fixtures");
/** Patch fixtures of the client, used until (and beside) the shared ones. */
export const LOCAL_PATCH_FIXTURES = join(here, "fixtures-local");

/**
 * A jsdom page.
 * @param {string} body inner HTML of <body>
 * @param {{ url?: string, head?: string }} [options]
 */
export function page(body, options = {}) {
  const dom = new JSDOM(`<!doctype html><html><head>${options.head ?? ""}</head><body>${body}</body></html>`, {
    url: options.url ?? "http://localhost:8080/counter",
    pretendToBeVisual: true,
  });
  return { dom, win: dom.window, doc: dom.window.document };
}

/**
 * The inner HTML a browser gives for html: parsed into a div and serialised again.
 * @param {Document} doc
 * @param {string} html
 */
export function normalize(doc, html) {
  const div = doc.createElement("div");
  div.innerHTML = html;
  return div.innerHTML;
}

/**
 * Reads every *.json of a folder (none when it does not exist).
 * @param {string} dir
 * @returns {{ file: string, data: any }[]}
 */
export function readJsonDir(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: join(dir, f), data: JSON.parse(readFileSync(join(dir, f), "utf8")) }));
}

/** All patch fixtures: docs/fixtures/patches (maybe empty) and test/fixtures-local. */
export function patchFixtures() {
  return [...readJsonDir(join(SHARED_FIXTURES, "patches")), ...readJsonDir(LOCAL_PATCH_FIXTURES)];
}

/** A clock whose timers run only when the test advances it. */
export class FakeClock {
  constructor() {
    this.now = 0;
    this.nextId = 1;
    /** @type {Map<number, { at: number, fn: () => void, ms: number }>} */
    this.timers = new Map();
    this.setTimeout = (/** @type {() => void} */ fn, /** @type {number} */ ms) => {
      const id = this.nextId++;
      this.timers.set(id, { at: this.now + ms, fn, ms });
      return id;
    };
    this.clearTimeout = (/** @type {number} */ id) => {
      this.timers.delete(id);
    };
  }

  /** Delays of the pending timers, soonest first. */
  pending() {
    return [...this.timers.values()].sort((a, b) => a.at - b.at).map((t) => t.at - this.now);
  }

  /**
   * Advances time by ms, running the timers due, in order.
   * @param {number} ms
   */
  tick(ms) {
    const end = this.now + ms;
    for (;;) {
      let due = null;
      for (const [id, t] of this.timers) if (t.at <= end && (!due || t.at < due[1].at)) due = [id, t];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = end;
  }
}

/** Builds a fake WebSocket class that records its instances. */
export function fakeWebSocketClass() {
  class FakeWebSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSED = 3;
    /** @type {FakeWebSocket[]} */
    static instances = [];

    /** @param {string} url */
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      /** @type {any[]} */
      this.sent = [];
      /** @type {{ code?: number, reason?: string } | null} */
      this.closedByClient = null;
      this.onopen = null;
      this.onmessage = null;
      this.onclose = null;
      this.onerror = null;
      FakeWebSocket.instances.push(this);
    }

    /** @param {string} data */
    send(data) {
      if (this.readyState !== 1) throw new Error("send on a socket that is not open");
      this.sent.push(JSON.parse(data));
    }

    /**
     * @param {number} [code]
     * @param {string} [reason]
     */
    close(code, reason) {
      this.closedByClient = { code, reason };
      this.readyState = 3;
    }

    /** The server accepts the connection. */
    open() {
      this.readyState = 1;
      this.onopen?.({});
    }

    /** @param {object} frame a frame from the server */
    receive(frame) {
      this.onmessage?.({ data: JSON.stringify(frame) });
    }

    /**
     * The connection drops (or the server closes it).
     * @param {number} [code]
     * @param {string} [reason]
     */
    drop(code = 1006, reason = "") {
      this.readyState = 3;
      this.onclose?.({ code, reason });
    }

    /** Frames sent, of one type. @param {string} type */
    sentOf(type) {
      return this.sent.filter((f) => f.type === type);
    }

    /** The last frame sent. */
    last() {
      return this.sent[this.sent.length - 1];
    }
  }
  return FakeWebSocket;
}

/**
 * Captures console.warn/info/error calls while fn runs (fn may be async).
 * @template T
 * @param {() => T} fn
 */
export async function captureConsole(fn) {
  /** @type {{ level: string, args: unknown[] }[]} */
  const calls = [];
  const saved = { warn: console.warn, info: console.info, error: console.error };
  for (const level of /** @type {const} */ (["warn", "info", "error"])) {
    console[level] = (...args) => calls.push({ level, args });
  }
  try {
    await fn();
  } finally {
    Object.assign(console, saved);
  }
  return calls;
}

/**
 * A page whose view root holds html, its server state (open details/dialogs) remembered.
 * @param {string} html
 */
export function rootWith(html) {
  const { win, doc } = page(`<div rl-root id="root"></div><div id="outside"></div>`);
  const root = /** @type {HTMLElement} */ (doc.getElementById("root"));
  root.innerHTML = html;
  rememberServerState(root);
  return { win, doc, root };
}

/**
 * The user types: sets the value, fires input (as a browser would) and notes the input.
 * @param {any} win
 * @param {HTMLInputElement | HTMLTextAreaElement} field
 * @param {string} value
 */
export function typeInto(win, field, value) {
  field.value = value;
  field.dispatchEvent(new win.Event("input", { bubbles: true }));
  noteUserInput(field);
}
