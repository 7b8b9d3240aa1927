// Focus the server asks for: an element with `rl-autofocus="v"` takes the focus when the attribute
// appears, moves to another element or changes its value (a form's first invalid field after a
// submit), and not on every patch that leaves it as it was, so the user can move on. The answer to
// the user's typing (an input or key event of a field) moves no focus away from the field being typed
// into: validating on each keystroke must not send the next keystroke to another field. Such a request
// waits for the next patch that does not answer typing (a submit's, a click's).

import { ATTR } from "./constants.js";

/** @type {WeakMap<Element, { el: Element, value: string | null }>} the last request seen, by view root */
const seen = new WeakMap();

/**
 * Focuses the element of `root` that asks for it, when its request is new.
 * @param {Element} root the view root element
 * @param {boolean} [answersTyping] the patches just applied answer the user's typing
 * @returns {Element | null} the element focused now, if any
 */
export function applyAutofocus(root, answersTyping = false) {
  const el = root.querySelector(`[${ATTR.AUTOFOCUS}]`);
  if (!el) {
    seen.delete(root);
    return null;
  }
  const value = el.getAttribute(ATTR.AUTOFOCUS);
  const last = seen.get(root);
  if (last && last.el === el && last.value === value) return null;
  const active = el.ownerDocument.activeElement;
  if (answersTyping && active !== el && active !== null && root.contains(active) && isTypedInto(active)) return null;
  seen.set(root, { el, value });
  if (el.ownerDocument.activeElement !== el && typeof (/** @type {HTMLElement} */ (el).focus) === "function") {
    /** @type {HTMLElement} */ (el).focus();
  }
  return el;
}

/**
 * @param {Element} el
 * @returns {boolean} whether el takes typing: a text field, a text area, a select or an editable element
 */
function isTypedInto(el) {
  if (el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
  if (el.tagName === "INPUT") {
    const type = (el.getAttribute("type") ?? "text").toLowerCase();
    return !["button", "submit", "reset", "checkbox", "radio", "file", "image", "range", "color"].includes(type);
  }
  return /** @type {HTMLElement} */ (el).isContentEditable === true;
}
