// The live view of a page: mounts the view named by the root's rl-token over the socket, keeps the
// DOM in step with the server's patch/render/mounted frames (in seq order), and answers the server's
// redirect/navigate/reload/error frames. Other modules (hvr.js) observe frames through onFrame().

import { applyAutofocus } from "./autofocus.js";
import { ATTR, CLIENT_FRAME, CLOSE_PROTOCOL_ERROR, CLOSE_TOO_BIG, PROTOCOL, SERVER_FRAME } from "./constants.js";
import { bindEvents, modelFrame } from "./events.js";
import { rememberServerState } from "./attrs.js";
import { Behaviours } from "./behaviours.js";
import { restoreChangedFields, restoreTypedFields, saveBoundFields, saveTypedFields } from "./fieldstate.js";
import { morph } from "./morph.js";
import { applyPatches } from "./patch.js";
import { GLOBAL_TIMERS, ReliveSocket } from "./socket.js";
import { UrlChanges, applyToHistory, carryFlash, isSameOrigin, takeCarriedFlash } from "./urlchange.js";

/** The least time between two reconnections at once that frames not sent ask for, in ms. */
const NOT_SENT_RETRY_MS = 1000;

/**
 * Whether `url`, resolved against `base`, is an http(s) page: `javascript:`, `data:` and other schemes are not.
 * The URL parser drops tabs, newlines and leading spaces the way the browser does before reading the scheme.
 * @param {string} url
 * @param {string} base
 * @returns {boolean}
 */
export function isPageUrl(url, base) {
  try {
    const { protocol } = new URL(url, base);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** @typedef {import("./socket.js").Frame} Frame */

/**
 * Page-level actions, an indirection so that tests (and embedders) can replace them.
 * @typedef {object} Browser
 * @property {() => void} reload reloads the page
 * @property {(url: string) => void} assign loads url as a full page
 */

/**
 * @typedef {object} ViewOptions
 * @property {string} socketUrl `ws:`/`wss:` URL of the endpoint
 * @property {import("./socket.js").WebSocketClass} [WebSocket]
 * @property {import("./socket.js").Timers} [timers]
 * @property {() => number} [random]
 * @property {Partial<import("./socket.js").Backoff>} [backoff]
 * @property {number} [heartbeatMs]
 * @property {Browser} [browser]
 */

/** @typedef {(frame: Frame, view: View) => void} FrameListener */

/** Frames the client answers by morphing/patching the DOM, numbered by `seq`. */
/** @type {Set<string>} */
const SEQ_FRAMES = new Set([SERVER_FRAME.PATCH]);

/** The error code of a URL no view serves (or whose view found nothing there). */
const UNKNOWN_ROUTE = "unknown_route";

export class View {
  /**
   * @param {Element} root the `[rl-root]` element
   * @param {ViewOptions} options
   */
  constructor(root, options) {
    this.root = root;
    this.doc = /** @type {Document} */ (root.ownerDocument);
    this.win = /** @type {Window} */ (this.doc.defaultView);
    const win = this.win;
    /** @type {Browser} */
    this.browser = options.browser ?? {
      reload: () => win.location.reload(),
      assign: (url) => win.location.assign(url),
    };
    /** The signed token `mount` sends (from rl-token; a `mounted` frame may bring a newer one). */
    this.token = root.getAttribute(ATTR.TOKEN) ?? "";
    /** True after a live navigation whose `mounted` brought no token for the new view. */
    this.tokenStale = false;
    /** Last seq applied. */
    this.seq = -1;
    /** @type {Map<number, Frame>} patch frames held until the frames before them are applied */
    this.held = new Map();
    /** Ref of the `render` asked for, 0 when none is awaited. */
    this.renderRef = 0;
    this.mounted = false;
    this.everMounted = false;
    /** @type {string | null} */
    this.viewName = root.getAttribute(ATTR.VIEW);
    /** @type {string | null} */
    this.session = null;
    /**
     * The key a `mounted` frame gave to resume this tab's state after a reconnect (a cluster keeps it), sent back
     * in the next `mount`; null when the server keeps no state for it.
     * @type {string | null}
     */
    this.resumeKey = null;
    /** @type {Frame[]} frames whose listeners wait until the DOM is in step again */
    this.deferred = [];
    /** @type {Set<string>} what the console said was not sent while disconnected (cleared by a mount) */
    this.notSentSaid = new Set();
    /** when an unsent frame last made the socket try to reconnect at once, in ms */
    this.notSentRetryAt = -Infinity;
    /** @type {import("./fieldstate.js").SavedField[]} what the user had typed into the page before it reloaded */
    this.carried = [];
    /** @type {import("./fieldstate.js").SavedField[]} the values its sending fields had, put back where they differ */
    this.carriedBound = [];
    /** @type {Set<number>} refs of patch frames that answer the user's typing, until they are applied */
    this.typingAnswers = new Set();
    /** @type {Map<string, Set<FrameListener>>} */
    this.listeners = new Map();
    /** URL changes awaiting the server's answer */
    this.urlChanges = new UrlChanges();

    this.socket = new ReliveSocket(options.socketUrl, {
      WebSocket: options.WebSocket,
      timers: options.timers,
      random: options.random,
      backoff: options.backoff,
      heartbeatMs: options.heartbeatMs,
      onOpen: () => this._onOpen(),
      onFrame: (frame) => this.handleFrame(frame),
      onClose: (info) => this._onClose(info),
    });
    this.events = bindEvents(
      {
        root,
        request: (frame) => (this.mounted ? this.socket.request(frame) : this._notSent(frame)),
        navigate: (url) => this._navigate(url),
        changeUrl: (url, history) => this._changeUrl(url, history),
      },
      { timers: options.timers },
    );
    this._online = () => this.socket.reconnectNow();
    this.behaviours = new Behaviours(this, options.timers ?? GLOBAL_TIMERS);
  }

  /** @returns {import("./socket.js").SocketState} */
  get state() {
    return this.socket.state;
  }

  /** Connects and mounts. */
  start() {
    rememberServerState(this.root);
    this.win.addEventListener("online", this._online);
    this.behaviours.started();
    this.socket.connect();
  }

  /** Disconnects for good and unbinds the attributes. */
  stop() {
    this.win.removeEventListener("online", this._online);
    this.events.unbind();
    this.behaviours.stop();
    this.socket.close();
  }

  /**
   * Subscribes to the frames of a type ("*": all), called after the view handled each frame
   * (for a `patch`, after its patches are in the DOM). Frames the view does not know, such as
   * `hvr-applied`, reach only listeners.
   * @param {string} type
   * @param {FrameListener} listener
   * @returns {() => void} unsubscribes
   */
  onFrame(type, listener) {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Handles one frame from the server.
   * @param {Frame} frame
   */
  handleFrame(frame) {
    // Loading states go before the answer's patches apply, so they patch the element as the server knows it.
    if (typeof frame.ref === "number") {
      this.events.settle(frame.ref);
      if (this.events.answersTyping(frame.ref) && frame.type === SERVER_FRAME.PATCH) this.typingAnswers.add(frame.ref);
    }
    switch (frame.type) {
      case SERVER_FRAME.MOUNTED:
        this._mounted(frame);
        break;
      case SERVER_FRAME.PATCH:
        this._patch(frame);
        break;
      case SERVER_FRAME.RENDER:
        this._render(frame);
        break;
      case SERVER_FRAME.ACK:
        if (this.mounted && typeof frame.seq === "number" && frame.seq > this.seq && this.held.size === 0) {
          this._requestRender(); // the server is ahead of what we show: a frame went missing
        }
        break;
      case SERVER_FRAME.ERROR:
        this._error(frame);
        break;
      case SERVER_FRAME.REDIRECT: {
        const url = this._pageUrl(frame);
        if (url !== null) {
          carryFlash(this.win, frame.flash);
          this.browser.assign(url);
        }
        break;
      }
      case SERVER_FRAME.NAVIGATE: {
        const url = this._pageUrl(frame);
        if (url !== null) this.events.navigate(url, true);
        break;
      }
      case SERVER_FRAME.PUSH_URL: {
        const url = this._pageUrl(frame);
        if (url !== null && isSameOrigin(url, this.win.location.href)) this._changeUrl(url, frame.replace === true ? "replace" : "push");
        break;
      }
      case SERVER_FRAME.RELOAD:
        this._notify(frame);
        console.info(`Relive: reloading: ${String(frame.reason ?? "")}`);
        this.browser.reload();
        return;
      default:
        break; // pong, and frames only listeners know (hvr-applied, hvr-error)
    }
    if (typeof frame.ref === "number") {
      this._settleUrlChange(frame);
      if (frame.ref === this.renderRef && frame.type !== SERVER_FRAME.RENDER) {
        // The render we asked for was refused (render_failed): keep what the page shows.
        this.renderRef = 0;
        this.held.clear();
      }
    }
    if (SEQ_FRAMES.has(frame.type)) return; // notified when applied
    if (this._inStep()) {
      this._flushDeferred();
      this._notify(frame);
    } else {
      this.deferred.push(frame);
    }
  }

  _inStep() {
    return this.renderRef === 0 && this.held.size === 0;
  }

  /** @param {Frame} frame */
  _notify(frame) {
    for (const type of [frame.type, "*"]) {
      for (const listener of Array.from(this.listeners.get(type) ?? [])) {
        try {
          listener(frame, this);
        } catch (err) {
          console.error("Relive: frame listener failed", err);
        }
      }
    }
  }

  _flushDeferred() {
    while (this._inStep() && this.deferred.length) this._notify(/** @type {Frame} */ (this.deferred.shift()));
  }

  _onOpen() {
    if (this.tokenStale) {
      // The token names the view we navigated away from: a full load gets one for this URL.
      this.browser.assign(this.win.location.href);
      return;
    }
    /** @type {import("./socket.js").OutFrame} */
    const mount = { type: CLIENT_FRAME.MOUNT, protocol: PROTOCOL, token: this.token, url: this.win.location.href };
    const flash = takeCarriedFlash(this.win);
    if (flash) mount.flash = flash;
    if (this.resumeKey) mount.resume = this.resumeKey;
    this.socket.send(mount);
  }

  /**
   * A user's event or field change while the view is not live (the connection dropped, a reconnect is under way):
   * the server would not know what it applies to, so it is not sent, and not kept for later either; the banner
   * says so at once and the reconnection is tried now rather than after its backoff.
   * @param {import("./socket.js").OutFrame} frame
   * @returns {null}
   */
  _notSent(frame) {
    if (!this.everMounted) return null; // the page has not gone live yet
    const what = /** @type {any} */ (frame).handler ?? /** @type {any} */ (frame).field ?? "";
    const said = `${String(frame.type)}${what ? ` ${String(what)}` : ""}`;
    // once per thing while disconnected: typing into a bound field would say it at every keystroke
    if (!this.notSentSaid.has(said)) {
      this.notSentSaid.add(said);
      console.warn(`Relive: not connected: the ${said} was not sent`);
    }
    this.behaviours.notSent();
    // a try at once, then at most one a second: each keystroke would start one
    const now = Date.now();
    if (now - this.notSentRetryAt >= NOT_SENT_RETRY_MS) {
      this.notSentRetryAt = now;
      this.socket.reconnectNow();
    }
    return null;
  }

  /** @param {import("./socket.js").CloseInfo} info */
  _onClose(info) {
    this.behaviours.closed(info, this.mounted);
    this.mounted = false;
    this.renderRef = 0;
    this.held.clear();
    this.urlChanges.clear();
    this.events.settleAll();
    if (info.code === CLOSE_PROTOCOL_ERROR) {
      console.warn("Relive: the server does not speak this client's protocol; reload the page");
    } else if (info.code === CLOSE_TOO_BIG) {
      console.error(`Relive: the server closed the connection (${info.reason || "message too big"}): an update was `
        + "larger than its max_pending_bytes; the page mounts again, as the view renders first");
    }
    this._flushDeferred();
  }

  /** @param {Frame} frame */
  _mounted(frame) {
    if (typeof frame.html !== "string") return;
    if (typeof frame.max_frame_bytes === "number" && frame.max_frame_bytes > 0) this.socket.maxFrameBytes = frame.max_frame_bytes;
    const sameView = this.viewName === null || frame.view === undefined || frame.view === this.viewName;
    // the answer to a live navigation (it has a ref) shows another page, even of the same view class
    const sameValues = sameView && typeof frame.ref !== "number";
    // What the user typed while disconnected (or before the first mount) survives the re-mount.
    const typed = sameValues ? saveTypedFields(this.root) : [];
    typed.push(...this.carried.splice(0));
    // a re-mount may be a fresh view (the server restarted): the bound values it had accepted are offered again
    const bound = sameValues && this.everMounted ? saveBoundFields(this.root, [ATTR.MODEL, ATTR.INPUT, ATTR.CHANGE]) : [];
    bound.push(...this.carriedBound.splice(0));
    morph(this.root, frame.html);
    const restored = restoreTypedFields(this.root, typed);
    const recovered = restoreChangedFields(this.root, bound);
    this.seq = typeof frame.seq === "number" ? frame.seq : 0;
    this.held.clear();
    this.renderRef = 0;
    if (typeof frame.view === "string") {
      this.viewName = frame.view;
      this.root.setAttribute(ATTR.VIEW, frame.view);
    }
    if (typeof frame.session === "string") this.session = frame.session;
    this.resumeKey = typeof frame.resume === "string" ? frame.resume : null;
    if (typeof frame.token === "string") {
      this.token = frame.token;
      this.tokenStale = false;
    }
    this._title(frame);
    applyAutofocus(this.root);
    this.mounted = true;
    this.notSentSaid.clear();
    // hooks mount once the view is live, so that a hook's pushEvent in mounted() is sent
    this.behaviours.changed(null);
    this.behaviours.mounted(this.everMounted);
    this.everMounted = true;
    this._resend([...restored, ...recovered]);
    this._flushDeferred();
  }

  /**
   * Tells the server the values of `fields` put back after a mount: a bound field's model frame; for another field
   * under `rl-input` or `rl-change`, that event, as the user's own change would send it.
   * @param {import("./fieldstate.js").Field[]} fields
   */
  _resend(fields) {
    const win = /** @type {any} */ (this.root.ownerDocument.defaultView);
    this._sendModels(fields);
    for (const field of fields) {
      if (field.hasAttribute(ATTR.MODEL)) continue;
      if (field.closest(`[${ATTR.INPUT}]`)) field.dispatchEvent(new win.Event("input", { bubbles: true }));
      else if (field.closest(`[${ATTR.CHANGE}]`)) field.dispatchEvent(new win.Event("change", { bubbles: true }));
    }
  }

  /**
   * Puts what the user had typed into the page before it reloaded (fields matched by id, else by name and position)
   * back into its fields, and sends their values to the server (see _resend): at once when the view is live, else with
   * its first mount. `bound`: the values of the fields that had sent them (the server had accepted them), put back
   * only where the fresh page differs.
   * @param {import("./fieldstate.js").SavedField[]} saved
   * @param {import("./fieldstate.js").SavedField[]} [bound]
   */
  carryTyped(saved, bound = []) {
    if (!this.mounted) {
      this.carried.push(...saved);
      this.carriedBound.push(...bound);
      return;
    }
    this._resend([...restoreTypedFields(this.root, saved), ...restoreChangedFields(this.root, bound)]);
  }

  /**
   * Sends the values of the bound fields among `fields` (typed in before a mount): the fresh server state learns them.
   * @param {import("./fieldstate.js").Field[]} fields
   */
  _sendModels(fields) {
    for (const field of fields) {
      const name = field.getAttribute(ATTR.MODEL);
      if (name) this.socket.request(modelFrame(this.root, field, name));
    }
  }

  /** @param {Frame} frame */
  _patch(frame) {
    const seq = frame.seq;
    if (!this.mounted || typeof seq !== "number" || seq <= this.seq) return; // stale or duplicate
    if (seq > this.seq + 1 || this.renderRef !== 0) {
      this.held.set(seq, frame);
      this._requestRender();
      return;
    }
    this._applyPatchFrame(frame);
    this._drain();
  }

  /** @param {Frame} frame */
  _applyPatchFrame(frame) {
    this.seq = /** @type {number} */ (frame.seq);
    this.behaviours.beforePatches();
    try {
      applyPatches(this.root, /** @type {any} */ (frame.patches));
    } catch (err) {
      console.warn("Relive: a patch did not apply, asking for a full render:", err instanceof Error ? err.message : err);
      this._requestRender();
    }
    // a field the user is typing into keeps the focus: the answer to a keystroke moves no focus
    applyAutofocus(this.root, typeof frame.ref === "number" && this.typingAnswers.delete(frame.ref));
    this.behaviours.changed(Array.isArray(frame.patches) ? frame.patches : []);
    this._title(frame);
    this._notify(frame);
  }

  /** Applies the held patch frames that are next in seq order. */
  _drain() {
    for (const seq of Array.from(this.held.keys())) if (seq <= this.seq) this.held.delete(seq);
    while (this.renderRef === 0 && this.held.has(this.seq + 1)) {
      const next = /** @type {Frame} */ (this.held.get(this.seq + 1));
      this.held.delete(this.seq + 1);
      this._applyPatchFrame(next);
    }
    if (this.held.size > 0 && this.renderRef === 0) this._requestRender();
    this._flushDeferred();
  }

  /** @param {Frame} frame */
  _render(frame) {
    if (typeof frame.html !== "string") return;
    morph(this.root, frame.html);
    applyAutofocus(this.root);
    this.behaviours.changed(null);
    if (typeof frame.seq === "number") this.seq = frame.seq;
    this.renderRef = 0;
    this._title(frame);
    this._drain();
  }

  _requestRender() {
    if (this.renderRef !== 0 || !this.mounted) return;
    this.renderRef = this.socket.request({ type: CLIENT_FRAME.RENDER }) ?? 0;
  }

  /** @param {Frame} frame */
  _error(frame) {
    const where = frame.ref !== undefined ? ` (ref ${String(frame.ref)})` : "";
    console.warn(`Relive: ${String(frame.code)}${where}: ${String(frame.message ?? "")}`, ...(frame.detail ? [frame.detail] : []));
    if (frame.code === "bad_token" && !this.mounted && this.everMounted) {
      // The token expired while we were away: a fresh page brings a fresh one.
      this.browser.reload();
    }
    if (!this.mounted && (frame.code === "bad_token" || frame.code === "protocol_mismatch")) this.behaviours.refused();
  }

  /** @param {Frame} frame */
  _title(frame) {
    if (typeof frame.title === "string") this.doc.title = frame.title;
  }

  /**
   * The redirect/navigate frame's url when it may be followed: relative or http(s) (the server checks too).
   * @param {Frame} frame
   * @returns {string | null}
   */
  _pageUrl(frame) {
    const url = frame.url;
    if (typeof url !== "string") return null;
    if (isPageUrl(url, this.win.location.href)) return url;
    console.error(`Relive: refused ${String(frame.type)} to a URL that is neither relative nor http(s): ${url.slice(0, 80)}`);
    return null;
  }

  /**
   * Live navigation requested by a link or a history move (history already shows url).
   * @param {string} url
   */
  _navigate(url) {
    const ref = this.mounted ? this.socket.request({ type: CLIENT_FRAME.NAVIGATE, url }) : null;
    if (ref === null) {
      this.browser.assign(url); // not live: a full page load does the same
      return;
    }
    this.tokenStale = true; // until a `mounted` brings a token for the new view
    this.urlChanges.add(ref, url, "navigated");
  }

  /**
   * Asks the server to change the URL within the view (rl-patch, back/forward, push-url). History changes only
   * when the server agrees ("push", "replace"); "none": the browser already shows url.
   * @param {string} url
   * @param {"push" | "replace" | "none"} history
   */
  _changeUrl(url, history) {
    const ref = this.mounted ? this.socket.request({ type: CLIENT_FRAME.URL, url, history }) : null;
    if (ref === null) {
      this.browser.assign(history === "none" ? this.win.location.href : url); // not live: load the page
      return;
    }
    this.urlChanges.add(ref, url, history);
  }

  /**
   * The answer to a URL change: a patch, ack or mounted means the server took it, an error that it did not.
   * @param {Frame} frame
   */
  _settleUrlChange(frame) {
    const change = this.urlChanges.take(/** @type {number} */ (frame.ref));
    if (!change) return;
    if (frame.type === SERVER_FRAME.ERROR) {
      // No view of this page has the URL: the page load shows the server's 404.
      if (frame.code === UNKNOWN_ROUTE) this.browser.assign(change.history === "none" ? this.win.location.href : change.url);
      return;
    }
    applyToHistory(this.win, change);
    this.events.pageChanged();
  }
}

