// The loading state of events in flight: the element that sent the event, and every element of the view
// whose `rl-loading-for` names the handler, carry the `rl-loading` attribute and class until the answer
// with the event's ref arrives (or the connection drops). A button in flight is disabled, and an element
// with `rl-disable-with` shows that text meanwhile.

import { ATTR, LOADING_CLASS } from "./constants.js";
import { clearClientAttrs, setClientAttr } from "./attrs.js";
import { dropClass, setClass } from "./clientstate.js";

/**
 * @typedef {object} Loading
 * @property {(ref: number, els: Element[], handler: string) => void} start marks els, and the targets of handler, for ref
 * @property {(ref: number) => void} settle the answer to ref arrived
 * @property {() => void} settleAll no answer will come
 */

/** @param {Element} el */
function isButton(el) {
  return el.tagName === "BUTTON" || (el.tagName === "INPUT" && /^(submit|button|image)$/.test(/** @type {HTMLInputElement} */ (el).type));
}

/**
 * @param {Element} root the view root
 * @returns {Loading}
 */
export function loadingStates(root) {
  /** @type {Map<number, Element[]>} */
  const inFlight = new Map();
  /** @type {Map<Element, number>} how many refs an element is in flight for */
  const count = new Map();
  /** @type {Map<Element, { shown: Text, nodes: Node[] }>} the children of elements showing their rl-disable-with text */
  const swapped = new Map();

  /** @param {Element} el */
  const mark = (el) => {
    setClientAttr(el, ATTR.LOADING);
    setClass(el, LOADING_CLASS, true);
    if (isButton(el)) setClientAttr(el, "disabled");
    const text = el.getAttribute(ATTR.DISABLE_WITH);
    if (text !== null && el.tagName !== "INPUT") {
      const shown = el.ownerDocument.createTextNode(text);
      swapped.set(el, { shown, nodes: Array.from(el.childNodes) });
      el.replaceChildren(shown);
    } else if (text !== null) {
      swapped.set(el, { shown: el.ownerDocument.createTextNode(/** @type {HTMLInputElement} */ (el).value), nodes: [] });
      /** @type {HTMLInputElement} */ (el).value = text;
    }
  };

  /** @param {Element} el */
  const unmark = (el) => {
    clearClientAttrs(el);
    dropClass(el, LOADING_CLASS);
    const saved = swapped.get(el);
    swapped.delete(el);
    if (!saved) return;
    if (el.tagName === "INPUT") /** @type {HTMLInputElement} */ (el).value = saved.shown.data;
    else if (el.childNodes.length === 1 && el.firstChild === saved.shown) el.replaceChildren(...saved.nodes);
  };

  /** @type {Loading["start"]} */
  const start = (ref, els, handler) => {
    const targets = Array.from(root.querySelectorAll(`[${ATTR.LOADING_FOR}]`)).filter((t) =>
      (t.getAttribute(ATTR.LOADING_FOR) ?? "").split(/\s+/).includes(handler),
    );
    const all = Array.from(new Set([...els, ...targets])).filter((el) => el.isConnected);
    inFlight.set(ref, all);
    for (const el of all) {
      const n = count.get(el) ?? 0;
      count.set(el, n + 1);
      if (n === 0) mark(el);
    }
  };

  /** @type {Loading["settle"]} */
  const settle = (ref) => {
    const els = inFlight.get(ref);
    if (!els) return;
    inFlight.delete(ref);
    for (const el of els) {
      const n = (count.get(el) ?? 1) - 1;
      if (n > 0) {
        count.set(el, n);
        continue;
      }
      count.delete(el);
      unmark(el);
    }
  };

  return {
    start,
    settle,
    settleAll: () => {
      for (const ref of Array.from(inFlight.keys())) settle(ref);
    },
  };
}
