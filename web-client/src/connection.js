// The state of the connection, for the page to style: `rl-connected`, `rl-disconnected` and `rl-error`
// (the connection failed or was refused, not just closed) as classes on `<html>`, and a small default
// banner while the view is not live. The banner is `[rl-banner]` at the end of `<body>`, styled with
// zero specificity so that any rule of the app's restyles it; `<meta name="relive-banner" content="off">`
// turns it off.

import { BANNER_META, CONNECTION_CLASS } from "./constants.js";

/** Milliseconds a disconnection lasts before the banner shows (a quick reconnect shows nothing). */
export const BANNER_DELAY_MS = 1500;

const BANNER_STYLE =
  ":where([rl-banner]){position:fixed;left:50%;bottom:1rem;transform:translateX(-50%);z-index:2147483000;" +
  "padding:.4rem .9rem;border-radius:.4rem;background:#333;color:#fff;font:14px/1.4 system-ui,sans-serif;opacity:.92}" +
  ":where([rl-banner][hidden]){display:none}";

/**
 * @typedef {object} ConnectionState
 * @property {() => void} connected the view is live
 * @property {(error: boolean) => void} disconnected the socket closed (error: it failed or was refused)
 * @property {() => void} notSent the user did something that could not be sent while disconnected: the banner shows
 *   at once, saying so, instead of after {@link BANNER_DELAY_MS}
 * @property {() => void} stop
 */

/**
 * @param {Document} doc
 * @param {import("./socket.js").Timers} timers
 * @returns {ConnectionState}
 */
export function connectionState(doc, timers) {
  const html = doc.documentElement;
  const off = doc.querySelector(`meta[name="${BANNER_META}"]`)?.getAttribute("content") === "off";
  /** @type {HTMLElement | null} */
  let banner = null;
  /** @type {any} */
  let timer = null;

  const showBanner = (/** @type {boolean} */ error) => {
    timer = null;
    if (off || !doc.body) return;
    if (!banner) {
      const style = doc.createElement("style");
      style.textContent = BANNER_STYLE;
      doc.head?.append(style);
      banner = doc.createElement("div");
      banner.setAttribute("rl-banner", "");
      banner.setAttribute("role", "status");
      banner.setAttribute("aria-live", "polite");
      doc.body.append(banner);
    }
    banner.textContent = notSent
      ? "Not connected: that was not sent. Reconnecting…"
      : error
        ? "Cannot reach the server. Retrying…"
        : "Connection lost. Reconnecting…";
    banner.hidden = false;
  };
  /** Whether the user did something that could not be sent since the connection was lost. */
  let notSent = false;

  /**
   * @param {string[]} on classes to set; the other connection classes are removed
   */
  const classes = (...on) => {
    for (const c of Object.values(CONNECTION_CLASS)) html.classList.toggle(c, on.includes(c));
  };

  const clearTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  return {
    connected() {
      clearTimer();
      notSent = false;
      classes(CONNECTION_CLASS.CONNECTED);
      if (banner) banner.hidden = true;
    },
    disconnected(error) {
      classes(CONNECTION_CLASS.DISCONNECTED, ...(error ? [CONNECTION_CLASS.ERROR] : []));
      if (banner && !banner.hidden) showBanner(error);
      else if (timer === null) timer = timers.setTimeout(() => showBanner(html.classList.contains(CONNECTION_CLASS.ERROR)), BANNER_DELAY_MS);
    },
    notSent() {
      if (!html.classList.contains(CONNECTION_CLASS.DISCONNECTED)) return;
      notSent = true;
      clearTimer();
      showBanner(html.classList.contains(CONNECTION_CLASS.ERROR));
    },
    stop() {
      clearTimer();
      classes();
      banner?.remove();
    },
  };
}
