// Focus the page does not leave to chance: the server's `focus` frame (ViewSession.focus), and focus
// traps for modals. While an element with `rl-focus-trap` is in the page and visible, Tab and Shift+Tab
// cycle through its focusable elements and focus cannot leave it; when it appears, its first element
// with `autofocus` (else its first focusable one) takes focus, and when it goes, focus returns to where
// it was before. With several traps, the last one in document order holds focus.

import { ATTR } from "./constants.js";

const FOCUSABLE =
  'a[href],area[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),select:not([disabled]),' +
  'textarea:not([disabled]),iframe,summary,[contenteditable]:not([contenteditable="false"]),[tabindex]:not([tabindex="-1"])';

/**
 * @param {Element} el
 * @returns {boolean}
 */
function visible(el) {
  const check = /** @type {any} */ (el).checkVisibility;
  if (typeof check === "function") return check.call(el);
  return !el.closest("[hidden], dialog:not([open])");
}

/**
 * @param {Element} container
 * @returns {HTMLElement[]} the elements Tab reaches inside container, in order
 */
export function focusables(container) {
  return /** @type {HTMLElement[]} */ (Array.from(container.querySelectorAll(FOCUSABLE)).filter(visible));
}

/**
 * Focuses the element of the view matching selector (the `focus` frame); false when there is none.
 * @param {Element} root the view root
 * @param {unknown} selector
 * @returns {boolean}
 */
export function focusSelector(root, selector) {
  if (typeof selector !== "string") return false;
  let el = null;
  try {
    el = root.querySelector(selector);
  } catch {
    console.warn(`Relive: the server asked to focus a bad selector: ${selector.slice(0, 80)}`);
  }
  if (!el) return false;
  /** @type {HTMLElement} */ (el).focus();
  return el.ownerDocument.activeElement === el;
}

/**
 * Binds the focus traps of doc.
 * @param {Document} doc
 * @returns {{ scan: () => void, unbind: () => void }}
 */
export function focusTraps(doc) {
  /** @type {Map<Element, Element | null>} each active trap, with the element focused before it appeared */
  const active = new Map();

  const current = () => {
    const traps = Array.from(doc.querySelectorAll(`[${ATTR.FOCUS_TRAP}]`)).filter(visible);
    return traps[traps.length - 1] ?? null;
  };

  /** @param {Element} trap */
  const enter = (trap) => {
    if (trap.contains(doc.activeElement)) return;
    const first = trap.querySelector("[autofocus]") ?? focusables(trap)[0] ?? trap;
    if (first === trap && !trap.hasAttribute("tabindex")) trap.setAttribute("tabindex", "-1");
    /** @type {HTMLElement} */ (first).focus();
  };

  const scan = () => {
    const visibleTraps = new Set(Array.from(doc.querySelectorAll(`[${ATTR.FOCUS_TRAP}]`)).filter(visible));
    for (const [trap, before] of Array.from(active)) {
      if (visibleTraps.has(trap)) continue;
      active.delete(trap);
      const inTrap = !doc.activeElement || doc.activeElement === doc.body || trap.contains(doc.activeElement);
      if (inTrap && before && before.isConnected) /** @type {HTMLElement} */ (before).focus();
    }
    for (const trap of visibleTraps) {
      if (active.has(trap)) continue;
      active.set(trap, doc.activeElement);
      if (trap === current()) enter(trap);
    }
  };

  /** @param {Event} ev */
  const onKeydown = (ev) => {
    const key = /** @type {KeyboardEvent} */ (ev);
    const trap = current();
    if (key.key !== "Tab" || !trap) return;
    const items = focusables(trap);
    if (!items.length) {
      ev.preventDefault();
      return;
    }
    const at = items.indexOf(/** @type {HTMLElement} */ (doc.activeElement));
    const next = key.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 || at < 0 ? 0 : at + 1;
    ev.preventDefault();
    items[next].focus();
  };

  /** @param {Event} ev */
  const onFocusin = (ev) => {
    const trap = current();
    if (trap && !trap.contains(/** @type {Node} */ (ev.target))) enter(trap);
  };

  doc.addEventListener("keydown", onKeydown);
  doc.addEventListener("focusin", onFocusin);
  return {
    scan,
    unbind() {
      doc.removeEventListener("keydown", onKeydown);
      doc.removeEventListener("focusin", onFocusin);
    },
  };
}
