// Dev-only Hot View Replacement feedback, loaded by index.js when the page has
// <meta name="relive-dev" content="true">. It observes the view's frames:
// - `hvr-applied` (sent after the patches of the swap): dispatches `relive:hvr-applied` on the
//   document with the frame as detail, clears the build error overlay, and when
//   `globalThis.reliveDebug === true` shows a toast for 3 s, naming the fields whose values were
//   not carried to the new code (`dropped`).
// - `hvr-error`: shows an overlay with the file, line:column and compiler message; with `stage: "render"`,
//   the save is in place but the page does not render (a missing include, new code that throws); a template
//   that does not parse comes as a build error, the last one that parsed still live.
// - `error` of code `handler_failed` or `render_failed` (dev sends the message and stack trace), `unknown_handler`
//   or `unknown_field` (a template naming a handler or field renamed away): the same overlay, naming where the
//   handler threw, until a render works, unless a build failure is on show.
// - `reload`: explains in the console why the state could not be kept (view.js reloads the page).

import { saveBoundFields, saveTypedFields } from "./fieldstate.js";
import { ATTR, HVR_APPLIED_EVENT, SERVER_FRAME } from "./constants.js";
import { GLOBAL_TIMERS } from "./socket.js";

/**
 * Whether `file` is a template (a `.peb` file).
 * @param {unknown} file
 */
const isTemplate = (file) => String(file ?? "").endsWith(".peb");

/** Where the reason of an HVR reload waits for the page that loads after it (sessionStorage). */
export const RELOADED_KEY = "relive:hvr-reloaded";
/** The reason kept for a page reloaded because the runtime that answered its reconnect refused its token. */
const REFUSED_AFTER_RECONNECT = "refused_after_reconnect";
/** How long what a reload keeps waits for the reloaded page, in ms. */
const RELOAD_KEPT_MS = 15000;
/** The same after a refused reconnect: the restarted runtime shows the page once its first build is in. */
const REFUSED_KEPT_MS = 120000;
/** Attribute marking the notice that says why the page was reloaded. */
export const RELOADED_ATTR = "data-relive-reloaded";
/** How long that notice stays, in ms (a click removes it sooner). */
export const RELOADED_MS = 8000;

/** @type {Record<string, (name: string) => string>} what each reload reason means, by its code */
const RELOAD_REASONS = {
  handler_removed: (name) => `the handler ${name} the page calls is gone`,
  handler_params_changed: (name) => `the parameters of the handler ${name} changed`,
  field_type_changed: (name) => `the value of ${name} does not fit its new type`,
  field_not_carried: (name) => `the value of ${name} could not be carried`,
  superclass_changed: () => "the view's superclass changed",
  class_removed: () => "the view's class is gone",
  hvr_disabled: () => "Hot View Replacement is off",
  view_stopped: () => "the view's bundle stopped",
};

/**
 * @param {unknown} reason a `reload` frame's reason, `code` or `code:name`
 * @returns {string} it in words, e.g. "the handler increment the page calls is gone (handler_removed:increment)"
 */
export function reloadReasonText(reason) {
  const text = String(reason ?? "");
  const colon = text.indexOf(":");
  const code = colon < 0 ? text : text.slice(0, colon);
  const words = RELOAD_REASONS[code];
  return words ? `${words(colon < 0 ? "" : text.slice(colon + 1))} (${text})` : text;
}

/**
 * The longest wait between two reconnection attempts of a dev page, in ms: a developer restarts the runtime often,
 * and on loopback nobody else's tabs crowd it (production's backoff goes up to 30 s).
 */
export const DEV_BACKOFF_MAX_MS = 2000;

/** id of the build error overlay. */
export const OVERLAY_ID = "relive-hvr-overlay";
/** Attribute marking the toast. */
export const TOAST_ATTR = "data-relive-toast";
/** How long a toast stays, in ms. */
export const TOAST_MS = 3000;

/**
 * @typedef {object} HvrOptions
 * @property {import("./socket.js").Timers} [timers] removes the toast (default: the global timers)
 * @property {() => boolean} [debug] whether to show toasts (default: `globalThis.reliveDebug === true`)
 */

/**
 * @param {unknown} name a fully qualified class name
 * @returns {string} its simple name
 */
function simpleName(name) {
  const text = String(name ?? "");
  return text.slice(text.lastIndexOf(".") + 1);
}

/**
 * @param {import("./socket.js").Frame} frame an `hvr-applied` frame
 * @returns {string} the toast's text
 */
function appliedText(frame) {
  const text = `HVR applied: ${simpleName(frame.view)} v${String(frame.version ?? "?")} (${String(frame.ms ?? "?")} ms)`;
  const dropped = Array.isArray(frame.dropped) ? frame.dropped.map(String) : [];
  return dropped.length > 0 ? `${text}; not carried: ${dropped.join(", ")}` : text;
}

/**
 * @param {import("./socket.js").Frame} frame an `hvr-error` frame
 * @returns {string} `file:line:column`, leaving out a line or column the server does not know (0 or none)
 */
function location(frame) {
  const line = Number(frame.line);
  const column = Number(frame.column);
  const file = String(frame.file ?? "?");
  if (!(line > 0)) return file;
  return column > 0 ? `${file}:${line}:${column}` : `${file}:${line}`;
}

/**
 * @param {unknown} detail a Java stack trace
 * @param {unknown} viewName the view's class name
 * @returns {string} the stack frame in the view's package where it threw (else the top frame), e.g.
 *   `com.example.CounterView.increment(CounterView.java:23)`; empty when there is no stack trace
 */
function thrownAt(detail, viewName) {
  const frames = String(detail ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at "))
    .map((line) => line.slice(3));
  const name = String(viewName ?? "");
  const pkg = name.includes(".") ? name.slice(0, name.lastIndexOf(".") + 1) : name;
  return (pkg && frames.find((f) => f.startsWith(pkg))) || frames[0] || "";
}

/**
 * @param {HTMLElement} el
 * @param {Record<string, string>} style
 */
function css(el, style) {
  Object.assign(el.style, style);
}

/**
 * Subscribes the HVR feedback to a view's frames.
 * @param {import("./view.js").View} view
 * @param {HvrOptions} [options]
 * @returns {{ uninstall: () => void }}
 */
export function installHvr(view, options = {}) {
  const timers = options.timers ?? GLOBAL_TIMERS;
  const debug = options.debug ?? (() => /** @type {any} */ (globalThis).reliveDebug === true);
  const doc = view.doc;
  const win = /** @type {Window & typeof globalThis} */ (view.win);
  /** @type {HTMLElement | null} */
  let toast = null;
  /** @type {any} */
  let toastTimer = null;

  const removeToast = () => {
    if (toastTimer !== null) timers.clearTimeout(toastTimer);
    toastTimer = null;
    toast?.remove();
    toast = null;
  };

  /** @param {string} text */
  const showToast = (text) => {
    removeToast();
    const el = doc.createElement("div");
    el.setAttribute(TOAST_ATTR, "");
    el.setAttribute("role", "status");
    el.textContent = text;
    css(el, {
      position: "fixed",
      right: "16px",
      bottom: "16px",
      zIndex: "2147483647",
      padding: "8px 12px",
      borderRadius: "6px",
      background: "#15803d",
      color: "#fff",
      font: "13px/1.4 system-ui, sans-serif",
      boxShadow: "0 2px 8px rgba(0,0,0,.25)",
      pointerEvents: "none",
    });
    doc.body.appendChild(el);
    toast = el;
    toastTimer = timers.setTimeout(removeToast, TOAST_MS);
  };

  /**
   * The page loaded after an HVR reload says why, since the state the user had is gone: a notice at the top, for
   * {@link RELOADED_MS} or until clicked. The reason waits in sessionStorage (this tab only) for 15 s at most.
   */
  /**
   * What the page's fields hold for the reloaded page, to be kept in the tab's storage (no passwords): the values the
   * user typed since the server last set them, and those of the fields that had sent their values (a fresh view
   * lacks them too).
   */
  const fieldsToKeep = () => ({
    typed: saveTypedFields(view.root, true),
    bound: saveBoundFields(view.root, [ATTR.MODEL, ATTR.INPUT, ATTR.CHANGE], true),
  });

  const showWhyReloaded = () => {
    /** @type {{ reason?: unknown, view?: unknown, at?: unknown, page?: unknown, typed?: unknown, bound?: unknown, message?: unknown } | null} */
    let stored = null;
    try {
      const raw = win.sessionStorage?.getItem(RELOADED_KEY);
      if (raw) {
        win.sessionStorage.removeItem(RELOADED_KEY);
        stored = JSON.parse(raw);
      }
    } catch {
      stored = null; // storage refused (privacy settings) or not ours: nothing to say
    }
    // a runtime restarting may show the page only once its first build is in: that path waits longer
    const keptMs = stored?.reason === REFUSED_AFTER_RECONNECT ? REFUSED_KEPT_MS : RELOAD_KEPT_MS;
    if (!stored || typeof stored.at !== "number" || Date.now() - stored.at > keptMs) return;
    const typed = Array.isArray(stored.typed) ? /** @type {import("./fieldstate.js").SavedField[]} */ (stored.typed) : [];
    const bound = Array.isArray(stored.bound) ? /** @type {import("./fieldstate.js").SavedField[]} */ (stored.bound) : [];
    if (typed.length + bound.length > 0 && stored.page === win.location.pathname + win.location.search) {
      view.carryTyped(typed, bound);
    }
    const el = doc.createElement("div");
    el.setAttribute(RELOADED_ATTR, "");
    el.setAttribute("role", "status");
    const carried = typed.length + bound.length > 0 ? " What you had typed was put back." : "";
    el.textContent =
      stored.reason === REFUSED_AFTER_RECONNECT
        ? `Reloaded: the runtime that answered the reconnect did not know this page (${String(stored.message ?? "")}).${carried}`
        : `Reloaded: the new code of ${simpleName(stored.view)} could not take over the page's state: ${reloadReasonText(stored.reason)}.${carried}`;
    css(el, {
      position: "fixed",
      left: "50%",
      top: "12px",
      transform: "translateX(-50%)",
      maxWidth: "90vw",
      zIndex: "2147483647",
      padding: "8px 14px",
      borderRadius: "6px",
      background: "#92400e",
      color: "#fff",
      font: "13px/1.4 system-ui, sans-serif",
      boxShadow: "0 2px 8px rgba(0,0,0,.25)",
      cursor: "pointer",
    });
    el.addEventListener("click", () => el.remove());
    doc.body.appendChild(el);
    timers.setTimeout(() => el.remove(), RELOADED_MS);
  };
  showWhyReloaded();
  view.socket.backoff = { ...view.socket.backoff, max: Math.min(view.socket.backoff.max, DEV_BACKOFF_MAX_MS) };

  /** @type {"build" | "render" | null} the stage of the overlay shown */
  let overlayStage = null;
  /** Whether the overlay shown is of Java code that does not build (not of a template that does not parse). */
  let javaBuildFailing = false;
  /** The bundle whose build or template the overlay shown is about. */
  let overlayBundle = "";
  const removeOverlay = () => {
    overlayStage = null;
    javaBuildFailing = false;
    overlayBundle = "";
    doc.getElementById(OVERLAY_ID)?.remove();
  };

  /** @param {import("./socket.js").Frame} frame */
  const showOverlay = (frame) => {
    removeOverlay();
    const panel = doc.createElement("div");
    panel.id = OVERLAY_ID;
    panel.setAttribute("role", "alert");
    css(panel, {
      position: "fixed",
      top: "0",
      left: "0",
      right: "0",
      width: "100%",
      boxSizing: "border-box",
      maxHeight: "50vh",
      overflow: "auto",
      zIndex: "2147483647",
      padding: "12px 16px",
      background: "#7f1d1d",
      color: "#fff",
      font: "13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace",
      boxShadow: "0 2px 12px rgba(0,0,0,.4)",
    });
    const title = doc.createElement("strong");
    const inBundle = frame.bundle ? ` in ${String(frame.bundle)}` : "";
    title.textContent =
      frame.stage === "handler"
        ? `Handler failed in ${simpleName(view.viewName)}: the view keeps its last good state`
        : frame.stage === "binding"
          ? `Event refused by ${simpleName(view.viewName)}: the page names a handler or field the view does not have`
          : frame.stage === "render"
            ? `Render failed${inBundle}: the page keeps what it showed until a save renders`
            : String(frame.file ?? "").endsWith(".peb")
              ? `Template does not parse${inBundle}: the last one that parsed stays live`
              : `Build failed${inBundle}: the previous code stays live`;
    const where = doc.createElement("div");
    where.setAttribute("data-relive-location", "");
    where.textContent =
      frame.stage === "handler" ? thrownAt(frame.detail, view.viewName) : frame.stage === "binding" ? "" : location(frame);
    const message = doc.createElement("pre");
    message.textContent = String(frame.message ?? "");
    css(message, { margin: "6px 0 0", whiteSpace: "pre-wrap" });
    const close = doc.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Dismiss");
    css(close, { position: "absolute", top: "6px", right: "10px", background: "none", border: "0", color: "#fff", font: "20px/1 sans-serif", cursor: "pointer" });
    close.addEventListener("click", removeOverlay);
    panel.append(title, where, message, close);
    doc.body.appendChild(panel);
    overlayStage = frame.stage === undefined || frame.stage === "build" ? "build" : "render";
    javaBuildFailing = overlayStage === "build" && !isTemplate(frame.file);
    overlayBundle = typeof frame.bundle === "string" ? frame.bundle : "";
  };

  const unsubscribe = [
    view.onFrame(SERVER_FRAME.HVR_APPLIED, (frame) => {
      // a template re-rendered says nothing of Java code that does not build, nor does another bundle's build: that
      // overlay stays until a build of its bundle works
      const otherBundle = overlayBundle !== "" && typeof frame.bundle === "string" && frame.bundle !== overlayBundle;
      if (!(javaBuildFailing && (isTemplate(frame.file) || otherBundle))) removeOverlay();
      const dropped = Array.isArray(frame.dropped) ? frame.dropped.map(String) : [];
      if (dropped.length > 0) {
        // values the user had are gone: said in the console even without the debug toast
        console.warn(`Relive: ${simpleName(frame.view)} v${String(frame.version ?? "?")}: values not carried by the new code: ${dropped.join(", ")}`);
      }
      doc.dispatchEvent(new win.CustomEvent(HVR_APPLIED_EVENT, { detail: frame }));
      if (debug()) showToast(appliedText(frame));
    }),
    view.onFrame(SERVER_FRAME.HVR_ERROR, showOverlay),
    // a handler or a render that threw (dev sends its message and stack trace): shown until the next render that
    // works, unless a build failure is on show, which matters more
    view.onFrame(SERVER_FRAME.ERROR, (frame) => {
      if (overlayStage === "build") return;
      if (frame.code === "handler_failed") showOverlay({ ...frame, stage: "handler" });
      else if (frame.code === "unknown_handler" || frame.code === "unknown_field") showOverlay({ ...frame, stage: "binding" });
      else if (frame.code === "render_failed") showOverlay({ ...frame, stage: "render", file: view.viewName });
    }),
    // patches come from a render that worked: a render failure shown is over (a template it lacked was created,
    // the state that made it throw changed); a build failure is not, the previous code still runs
    view.onFrame(SERVER_FRAME.PATCH, () => {
      if (overlayStage === "render") removeOverlay();
    }),
    // a page mounted afresh (a reconnect, a restarted runtime) rendered: a render failure shown before is over; a
    // build failure still on is shown again by the server after the mount
    view.onFrame(SERVER_FRAME.MOUNTED, () => {
      if (overlayStage === "render") removeOverlay();
    }),
    view.onFrame(SERVER_FRAME.ERROR, (frame) => {
      // a restarted runtime that does not have the page's view yet (a view made by HVR, installed again a moment
      // after the start) refuses the re-mount, and the page reloads: what the user typed goes with it
      if (frame.code !== "bad_token" || view.mounted || !view.everMounted) return;
      try {
        const { typed, bound } = fieldsToKeep();
        const page = win.location.pathname + win.location.search;
        win.sessionStorage?.setItem(
          RELOADED_KEY,
          JSON.stringify({ reason: REFUSED_AFTER_RECONNECT, message: frame.message, view: view.viewName, at: Date.now(), page, typed, bound }),
        );
      } catch {
        // storage refused: the reload loses what was typed, as without HVR
      }
    }),
    view.onFrame(SERVER_FRAME.RELOAD, (frame) => {
      // the view the reason is about: a child's, when the frame names it, else the page's
      const about = typeof frame.view === "string" && frame.view !== "" ? frame.view : view.viewName;
      try {
        // what the user typed goes back into the fields of the reloaded page, whose fresh state learns it
        const { typed, bound } = fieldsToKeep();
        const page = win.location.pathname + win.location.search;
        win.sessionStorage?.setItem(RELOADED_KEY, JSON.stringify({ reason: frame.reason, view: about, at: Date.now(), page, typed, bound }));
      } catch {
        // storage refused: the console line below still says why
      }
      console.warn(
        `Relive: reloading: ${String(frame.reason ?? "")} — the new code of ${simpleName(about)} cannot take over the live state, so the page reloads.`,
      );
    }),
  ];

  return {
    uninstall() {
      for (const off of unsubscribe) off();
      removeToast();
      removeOverlay();
    },
  };
}
