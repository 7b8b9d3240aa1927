// Who owns each attribute. The server's attributes are set as the server says, and the properties
// they stand for follow: `value`, `checked`, `selected` (form controls follow the server; a typed
// value is kept by fieldstate.js). `open` of `<details>`/`<dialog>` is user state: a full render
// changes it only when the server's HTML changed it, judged against the last `open` state the
// server sent for that element. Attributes the client set itself (`rl-loading`, the `disabled` of
// a button in flight) stay until the client clears them.

import { isCheckable, isField } from "./forms.js";
import { setControlValue } from "./fieldstate.js";

/** @type {WeakMap<Element, boolean>} the `open` state the server last sent for a details/dialog */
const serverOpen = new WeakMap();
/** @type {WeakMap<Element, Set<string>>} attributes the client set on an element, not the server */
const clientAttrs = new WeakMap();

/**
 * Sets an attribute that belongs to the client (not to the server's HTML). Returns false and does
 * nothing when the server's HTML already carries that attribute.
 * @param {Element} el
 * @param {string} name
 * @param {string} [value]
 * @returns {boolean} whether the client now owns the attribute
 */
export function setClientAttr(el, name, value = "") {
  const owned = clientAttrs.get(el);
  if (el.hasAttribute(name) && !owned?.has(name)) return false;
  el.setAttribute(name, value);
  if (owned) owned.add(name);
  else clientAttrs.set(el, new Set([name]));
  return true;
}

/**
 * Removes the attributes the client set on el with setClientAttr (those the server took over since stay).
 * @param {Element} el
 */
export function clearClientAttrs(el) {
  const owned = clientAttrs.get(el);
  if (!owned) return;
  for (const name of owned) el.removeAttribute(name);
  clientAttrs.delete(el);
}

/**
 * @param {Element} el
 */
function isOpenable(el) {
  return el.tagName === "DETAILS" || el.tagName === "DIALOG";
}

/**
 * Records the `open` state of every `<details>`/`<dialog>` in node as the server's. Called on the
 * page's initial HTML and on every node parsed from server HTML.
 * @param {Node} node
 */
export function rememberServerState(node) {
  if (node.nodeType !== 1) return;
  const el = /** @type {Element} */ (node);
  if (isOpenable(el)) serverOpen.set(el, el.hasAttribute("open"));
  for (const child of Array.from(el.querySelectorAll("details, dialog"))) serverOpen.set(child, child.hasAttribute("open"));
}

/**
 * Sets (value a string) or removes (value null) an attribute as the server says, and the property
 * it stands for.
 * @param {Element} el
 * @param {string} name
 * @param {string | null} value
 */
export function setServerAttr(el, name, value) {
  const on = value !== null;
  if (on) el.setAttribute(name, value);
  else el.removeAttribute(name);
  clientAttrs.get(el)?.delete(name);
  switch (name) {
    case "value":
      if (isField(el) && !isCheckable(el) && (on || el.tagName === "INPUT")) setControlValue(el, value ?? "");
      break;
    case "checked":
      if (el.tagName === "INPUT") /** @type {HTMLInputElement} */ (el).checked = on;
      break;
    case "selected":
      if (el.tagName === "OPTION") /** @type {HTMLOptionElement} */ (el).selected = on;
      break;
    case "open":
      if (isOpenable(el)) serverOpen.set(el, on);
      break;
  }
}

/**
 * Makes el's attributes those of src, the server's new version of it, leaving the client's own
 * attributes and the user's `open` state alone.
 * @param {Element} el
 * @param {Element} src
 */
export function morphAttributes(el, src) {
  const openable = isOpenable(el);
  const owned = clientAttrs.get(el);
  for (const { name, value } of Array.from(src.attributes)) {
    if (openable && name === "open") continue;
    if (el.getAttribute(name) !== value) setServerAttr(el, name, value);
    else owned?.delete(name);
  }
  for (const { name } of Array.from(el.attributes)) {
    if (src.hasAttribute(name) || (openable && name === "open") || owned?.has(name)) continue;
    setServerAttr(el, name, null);
  }
  if (openable) {
    const open = src.hasAttribute("open");
    if (open !== (serverOpen.get(el) ?? el.hasAttribute("open"))) {
      if (open) el.setAttribute("open", src.getAttribute("open") ?? "");
      else el.removeAttribute("open");
    }
    serverOpen.set(el, open);
  }
}
