// What the client does on top of the server's DOM, kept in step with the view's frames: client state
// applied again after patches (clientstate.js), hooks (hooks.js), focus from the server and focus traps
// (focus.js), and the connection state on `<html>` (connection.js). The view calls it around every
// change of the DOM and of the connection; frames it answers (`push`, `focus`, `hvr-applied`) reach it
// through the view's frame listeners, so they run once the DOM is in step.

import { ATTR, CLOSE_PROTOCOL_ERROR, SERVER_FRAME } from "./constants.js";
import { reapply } from "./clientstate.js";
import { connectionState } from "./connection.js";
import { eventFrame } from "./events.js";
import { focusSelector, focusTraps } from "./focus.js";
import { Hooks } from "./hooks.js";

/** Close codes of a socket that ended normally (closed, going away, server restart). */
const CLEAN_CLOSE = new Set([1000, 1001, 1012]);

/** DOM event dispatched on `document` for each event the view pushes; `detail` is `{ event, payload }`. */
export const PUSH_EVENT = "relive:push";

export class Behaviours {
  /**
   * @param {import("./view.js").View} view
   * @param {import("./socket.js").Timers} timers
   */
  constructor(view, timers) {
    this.view = view;
    this.doc = view.doc;
    this.hooks = new Hooks(view.root, (el, handler, params) =>
      view.mounted ? view.socket.request(eventFrame(view.root, el, handler, params)) : null,
    );
    this.traps = focusTraps(this.doc);
    this.connection = connectionState(this.doc, timers);
    /** @type {Map<Element, number[]>} hook elements' paths before the patches of a frame */
    this.before = new Map();
    /** @type {Set<() => void>} */
    this.closeListeners = new Set();
    this._bindUploads();
    view.onFrame(SERVER_FRAME.PUSH, (frame) => {
      if (typeof frame.event !== "string") return;
      this.hooks.receive(frame.event, frame.payload);
      const Custom = /** @type {any} */ (this.doc.defaultView).CustomEvent;
      this.doc.dispatchEvent(new Custom(PUSH_EVENT, { detail: { event: frame.event, payload: frame.payload } }));
    });
    view.onFrame(SERVER_FRAME.FOCUS, (frame) => {
      focusSelector(view.root, frame.selector);
    });
    view.onFrame("*", (frame) => {
      if (frame.type === SERVER_FRAME.HVR_APPLIED) this.hooks.scan(null);
    });
  }

  /** The page's own HTML is there (before the socket opens); hooks mount with the view's first `mounted`. */
  started() {
    this.traps.scan();
  }

  /** Patches are about to be applied. */
  beforePatches() {
    this.before = this.hooks.paths();
  }

  /**
   * The DOM changed: by patches, or by a full render (patches null).
   * @param {readonly { path?: unknown }[] | null} patches
   */
  changed(patches) {
    reapply(this.doc);
    if (patches) this.hooks.patched(patches, this.before);
    else this.hooks.scan(null);
    this.before = new Map();
    this.traps.scan();
  }

  /**
   * The view is live (a `mounted` frame was applied).
   * @param {boolean} again whether it had been live before (a reconnection)
   */
  mounted(again) {
    this.connection.connected();
    if (again) this.hooks.each("reconnected");
  }

  /**
   * The socket closed.
   * @param {import("./socket.js").CloseInfo} info
   * @param {boolean} wasLive whether the view was live until then
   */
  closed(info, wasLive) {
    this.connection.disconnected(info.code === CLOSE_PROTOCOL_ERROR || !CLEAN_CLOSE.has(info.code) || !wasLive);
    if (wasLive) this.hooks.each("disconnected");
    for (const fn of Array.from(this.closeListeners)) fn();
  }

  /** @param {() => void} fn called when the socket closes */
  onClose(fn) {
    this.closeListeners.add(fn);
  }

  /** File inputs with rl-upload and drop zones with rl-drop load uploads.js on first use. */
  _bindUploads() {
    const root = this.view.root;
    /**
     * @param {Element} source
     * @param {FileList | null | undefined} files
     */
    const offer = (source, files) => {
      if (!files?.length) return;
      const list = Array.from(files);
      import("./uploads.js").then(
        (m) => m.uploadsOf(this.view).offer(source, list),
        (err) => console.warn("Relive: could not load uploads.js", err),
      );
    };
    this.doc.addEventListener("change", (ev) => {
      const input = /** @type {HTMLInputElement} */ (ev.target);
      if (input?.type !== "file" || !input.hasAttribute(ATTR.UPLOAD) || !root.contains(input)) return;
      offer(input, input.files);
      input.value = "";
    });
    /** @param {Event} ev */
    const zoneOf = (ev) => {
      const zone = /** @type {Element | null} */ (ev.target)?.closest?.(`[${ATTR.DROP}]`);
      return zone && root.contains(zone) ? zone : null;
    };
    for (const type of ["dragover", "dragleave", "drop"]) {
      this.doc.addEventListener(type, (ev) => {
        const zone = zoneOf(ev);
        if (!zone) return;
        ev.preventDefault();
        zone.classList.toggle("rl-drop-over", type === "dragover");
        if (type === "drop") offer(zone, /** @type {DragEvent} */ (ev).dataTransfer?.files);
      });
    }
  }

  /** An event or field change could not be sent: the connection is down. */
  notSent() {
    this.connection.notSent();
  }

  /** The server refused the mount: the connection is in error. */
  refused() {
    this.connection.disconnected(true);
  }

  stop() {
    this.traps.unbind();
    this.connection.stop();
  }
}
