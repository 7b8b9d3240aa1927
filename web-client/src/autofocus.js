// Focus the server asks for: an element with `rl-autofocus="v"` takes the focus when the attribute
// appears, moves to another element or changes its value (a form's first invalid field after a
// submit), and not on every patch that leaves it as it was, so the user can move on.

import { ATTR } from "./constants.js";

/** @type {WeakMap<Element, { el: Element, value: string | null }>} the last request seen, by view root */
const seen = new WeakMap();

/**
 * Focuses the element of `root` that asks for it, when its request is new.
 * @param {Element} root the view root element
 * @returns {Element | null} the element focused now, if any
 */
export function applyAutofocus(root) {
  const el = root.querySelector(`[${ATTR.AUTOFOCUS}]`);
  if (!el) {
    seen.delete(root);
    return null;
  }
  const value = el.getAttribute(ATTR.AUTOFOCUS);
  const last = seen.get(root);
  if (last && last.el === el && last.value === value) return null;
  seen.set(root, { el, value });
  if (el.ownerDocument.activeElement !== el && typeof (/** @type {HTMLElement} */ (el).focus) === "function") {
    /** @type {HTMLElement} */ (el).focus();
  }
  return el;
}
