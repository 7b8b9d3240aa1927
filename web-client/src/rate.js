// How often a binding may send: `rl-debounce="ms"` sends the last event of a burst once ms passed without
// another; `rl-throttle="ms"` sends the first at once, then at most one per ms (the last of the burst at
// the end of the window). Both work on every binding; each element and binding has its own timer.

import { ATTR } from "./constants.js";

/**
 * @typedef {object} RateGate
 * @property {(el: Element, kind: string, send: () => void) => void} run sends now, later or not, by el's attributes
 * @property {(within?: Element) => void} flush sends what waits now (all, or that of elements inside within)
 * @property {() => void} cancel drops what waits
 */

/**
 * @param {Element} el
 * @param {string} attr
 */
function ms(el, attr) {
  const n = Number.parseInt(el.getAttribute(attr) ?? "", 10);
  return n > 0 ? n : 0;
}

/**
 * @param {import("./socket.js").Timers} timers
 * @returns {RateGate}
 */
export function rateGate(timers) {
  /** @type {Map<Element, Map<string, { timer: any, send: (() => void) | null }>>} */
  const waiting = new Map();

  /**
   * @param {Element} el
   * @param {string} kind
   */
  const slot = (el, kind) => {
    let byKind = waiting.get(el);
    if (!byKind) waiting.set(el, (byKind = new Map()));
    return { byKind, entry: byKind.get(kind) };
  };

  /**
   * @param {Element} el
   * @param {string} kind
   */
  const done = (el, kind) => {
    const byKind = waiting.get(el);
    byKind?.delete(kind);
    if (byKind?.size === 0) waiting.delete(el);
  };

  /**
   * Opens a throttle window; at its end the event that came during it is sent, and a new window opens.
   * @param {Element} el
   * @param {string} kind
   * @param {number} window
   */
  const openWindow = (el, kind, window) => {
    const entry = { timer: null, send: /** @type {(() => void) | null} */ (null) };
    entry.timer = timers.setTimeout(() => {
      done(el, kind);
      const send = entry.send;
      if (send) {
        send();
        openWindow(el, kind, window);
      }
    }, window);
    slot(el, kind).byKind.set(kind, entry);
  };

  /** @type {RateGate["run"]} */
  const run = (el, kind, send) => {
    const throttle = ms(el, ATTR.THROTTLE);
    const { byKind, entry } = slot(el, kind);
    if (throttle > 0) {
      if (entry) {
        entry.send = send;
        return;
      }
      send();
      openWindow(el, kind, throttle);
      return;
    }
    if (entry) timers.clearTimeout(entry.timer);
    const debounce = ms(el, ATTR.DEBOUNCE);
    if (debounce === 0) {
      done(el, kind);
      send();
      return;
    }
    const next = { timer: null, send: /** @type {(() => void) | null} */ (send) };
    next.timer = timers.setTimeout(() => {
      done(el, kind);
      send();
    }, debounce);
    byKind.set(kind, next);
  };

  /** @type {RateGate["flush"]} */
  const flush = (within) => {
    for (const [el, byKind] of Array.from(waiting)) {
      if (within && !within.contains(el)) continue;
      for (const [kind, entry] of Array.from(byKind)) {
        timers.clearTimeout(entry.timer);
        done(el, kind);
        entry.send?.();
      }
    }
  };

  const cancel = () => {
    for (const byKind of waiting.values()) for (const entry of byKind.values()) timers.clearTimeout(entry.timer);
    waiting.clear();
  };

  return { run, flush, cancel };
}
