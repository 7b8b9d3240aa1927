// URL changes within a view (rl-patch links, back/forward, the server's push-url): the ones awaiting the
// server's answer, by ref, and what the browser's history does once the server agreed. A redirect's flash
// messages wait here in sessionStorage for the next page's mount.

/**
 * What happens to history when the server takes a change: "push" or "replace" an entry, "none" (the browser
 * already shows the URL: back/forward), "navigated" (a live navigation already pushed it).
 * @typedef {"push" | "replace" | "none" | "navigated"} HistoryMove
 */

/** @typedef {{ url: string, history: HistoryMove }} UrlChange */

export class UrlChanges {
  constructor() {
    /** @type {Map<number, UrlChange>} */
    this.pending = new Map();
  }

  /**
   * @param {number} ref the ref of the frame that asked for the change
   * @param {string} url
   * @param {HistoryMove} history
   */
  add(ref, url, history) {
    this.pending.set(ref, { url, history });
  }

  /**
   * The change the frame with this ref asked for, if any; it is no longer pending.
   * @param {number} ref
   * @returns {UrlChange | undefined}
   */
  take(ref) {
    const change = this.pending.get(ref);
    this.pending.delete(ref);
    return change;
  }

  /** No answer will come (the connection ended). */
  clear() {
    this.pending.clear();
  }
}

/**
 * Changes history as the accepted change says.
 * @param {Window} win
 * @param {UrlChange} change
 */
export function applyToHistory(win, change) {
  if (change.history === "push") win.history.pushState({ relive: true }, "", change.url);
  else if (change.history === "replace") win.history.replaceState({ relive: true }, "", change.url);
}

/**
 * Whether url, resolved against base, is on base's origin.
 * @param {string} url
 * @param {string} base
 * @returns {boolean}
 */
export function isSameOrigin(url, base) {
  try {
    return new URL(url, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

/** Where a redirect's flash messages wait for the next page's mount. */
export const FLASH_KEY = "relive:flash";

/**
 * Keeps a redirect's flash messages (kind to text) for the page it loads.
 * @param {Window} win
 * @param {unknown} flash
 */
export function carryFlash(win, flash) {
  if (!flash || typeof flash !== "object" || Object.keys(flash).length === 0) return;
  try {
    win.sessionStorage.setItem(FLASH_KEY, JSON.stringify(flash));
  } catch {
    // storage unavailable: the messages are lost, the redirect still happens
  }
}

/**
 * The flash messages a redirect left for this page, once.
 * @param {Window} win
 * @returns {Record<string, string> | null}
 */
export function takeCarriedFlash(win) {
  try {
    const text = win.sessionStorage.getItem(FLASH_KEY);
    if (text === null) return null;
    win.sessionStorage.removeItem(FLASH_KEY);
    const flash = JSON.parse(text);
    return flash && typeof flash === "object" ? flash : null;
  } catch {
    return null;
  }
}
