// Applies the server's patches to the DOM, and morphs the DOM to a whole new HTML.
//
// Both keep what belongs to the user: they only touch what the server changed, reuse nodes, and
// never reset a property the server did not patch.
// - `value`, `checked`, `selected` patched by the server are set as properties too, so controls
//   follow the server. Exception, for the focused field only: a server `value` that equals one the
//   user typed into it since the server last set it is an echo of the user's own input (possibly
//   late, while the user kept typing): the attribute follows the server, the property, caret and
//   selection are left alone. Any other server value is applied, and the caret is kept (clamped).
//   morph() compares the new HTML with the attributes the server sent before, so a full render with
//   an unchanged `value` leaves the typed text alone.
// - `open` of `<details>`/`<dialog>` is user state: morph() changes it only when the server's HTML
//   changed it, judged against the last `open` state the server sent for that element.
// - Focus and selection of the active element survive moves; scroll offsets survive because nodes
//   are reused (a moved node gets its own offsets back).
// - Attributes the client set itself (`rl-loading`, the `disabled` of a button in flight) are not
//   removed by morph() until the client clears them.

import { ATTR, OP } from "./constants.js";
import { isField, isUserEcho, noteServerValue } from "./forms.js";

/**
 * @typedef {{ op: "text", path: number[], text: string }
 *   | { op: "attr", path: number[], name: string, value: string }
 *   | { op: "rmattr", path: number[], name: string }
 *   | { op: "insert", path: number[], index: number, html: string }
 *   | { op: "remove", path: number[] }
 *   | { op: "replace", path: number[], html: string }
 *   | { op: "move", path: number[], from: number, to: number }} Patch
 */

/** Thrown when a patch does not fit the DOM; the view then asks the server for a full render. */
export class PatchError extends Error {
  /**
   * @param {string} message
   * @param {unknown} [patch]
   */
  constructor(message, patch) {
    super(message);
    this.name = "PatchError";
    this.patch = patch;
  }
}

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;
const SVG_NS = "http://www.w3.org/2000/svg";
const MATHML_NS = "http://www.w3.org/1998/Math/MathML";

/** @type {WeakMap<Element, boolean>} the `open` state the server last sent for a details/dialog */
const serverOpen = new WeakMap();
/** @type {WeakMap<Element, Set<string>>} attributes the client set on an element, not the server */
const clientAttrs = new WeakMap();

// ---------------------------------------------------------------------------------------------
// Client-owned attributes

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
 * @param {string} name
 */
function isClientAttr(el, name) {
  return clientAttrs.get(el)?.has(name) ?? false;
}

/**
 * The server now owns the attribute: clearing the client's attributes must not remove it.
 * @param {Element} el
 * @param {string} name
 */
function releaseClientAttr(el, name) {
  clientAttrs.get(el)?.delete(name);
}

// ---------------------------------------------------------------------------------------------
// Server state of user-owned attributes

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
  if (node.nodeType !== ELEMENT) return;
  const el = /** @type {Element} */ (node);
  if (isOpenable(el)) serverOpen.set(el, el.hasAttribute("open"));
  for (const child of Array.from(el.querySelectorAll("details, dialog"))) serverOpen.set(child, child.hasAttribute("open"));
}

// ---------------------------------------------------------------------------------------------
// Focus, selection, scroll

/**
 * @typedef {{ start: number, end: number, direction: "forward" | "backward" | "none" }} Selection
 */

/**
 * @param {Element} el
 * @returns {Selection | null}
 */
function readSelection(el) {
  if (el.tagName !== "INPUT" && el.tagName !== "TEXTAREA") return null;
  try {
    const field = /** @type {HTMLInputElement} */ (el);
    if (field.selectionStart === null || field.selectionEnd === null) return null;
    return { start: field.selectionStart, end: field.selectionEnd, direction: field.selectionDirection ?? "none" };
  } catch {
    return null; // input types without a selection (number, email in some browsers)
  }
}

/**
 * @param {Element} el
 * @param {Selection} sel
 */
function writeSelection(el, sel) {
  const field = /** @type {HTMLInputElement} */ (el);
  const length = field.value.length;
  try {
    field.setSelectionRange(Math.min(sel.start, length), Math.min(sel.end, length), sel.direction);
  } catch {
    // not a text field
  }
}

/** True while keepFocus gives focus back: the focus events this fires are not the user's. */
let restoringFocus = false;

/**
 * @returns {boolean} whether the current focus/blur events come from the client giving focus back
 *   after a patch moved the focused element (rl-focus/rl-blur must ignore them)
 */
export function isRestoringFocus() {
  return restoringFocus;
}

/**
 * Runs fn, then gives focus and selection back to the element that had them if fn took them away
 * (a moved node loses focus in browsers without Element.moveBefore).
 * @param {Document} doc
 * @param {() => void} fn
 */
function keepFocus(doc, fn) {
  const active = doc.activeElement;
  if (!active || active === doc.body || active === doc.documentElement) {
    fn();
    return;
  }
  const sel = readSelection(active);
  try {
    fn();
  } finally {
    if (active.isConnected && doc.activeElement !== active) {
      restoringFocus = true;
      try {
        /** @type {HTMLElement} */ (active).focus({ preventScroll: true });
      } finally {
        restoringFocus = false;
      }
      if (sel) writeSelection(active, sel);
    }
  }
}

/**
 * Moves node before ref within parent, keeping its state: Element.moveBefore where the browser has
 * it (focus, scroll, media keep playing), else a plain insertBefore that restores the node's scroll.
 * @param {Node} parent
 * @param {Node} node
 * @param {Node | null} ref
 */
function moveNode(parent, node, ref) {
  const p = /** @type {Node & { moveBefore?: (node: Node, ref: Node | null) => void }} */ (parent);
  if (typeof p.moveBefore === "function") {
    try {
      p.moveBefore(node, ref);
      return;
    } catch {
      // disconnected or cross-document: fall back
    }
  }
  const el = node.nodeType === ELEMENT ? /** @type {Element} */ (node) : null;
  const top = el ? el.scrollTop : 0;
  const left = el ? el.scrollLeft : 0;
  parent.insertBefore(node, ref);
  if (el && (top || left)) {
    el.scrollTop = top;
    el.scrollLeft = left;
  }
}

// ---------------------------------------------------------------------------------------------
// Attributes set by the server

/**
 * Sets a form control's value to one the server sent (see the rules at the top of this file).
 * @param {Element} el
 * @param {string} value
 */
function setControlValue(el, value) {
  if (!isField(el)) return;
  if (el.value === value) {
    noteServerValue(el);
    return;
  }
  const focused = el.ownerDocument.activeElement === el;
  if (focused && isUserEcho(el, value)) return;
  const sel = focused ? readSelection(el) : null;
  el.value = value;
  noteServerValue(el);
  if (sel) writeSelection(el, sel);
}

/**
 * @param {Element} el
 * @param {string} name
 * @param {string} value
 */
function setServerAttr(el, name, value) {
  el.setAttribute(name, value);
  releaseClientAttr(el, name);
  switch (name) {
    case "value":
      if (isField(el) && !(el.tagName === "INPUT" && isCheckableInput(el))) setControlValue(el, value);
      break;
    case "checked":
      if (el.tagName === "INPUT") /** @type {HTMLInputElement} */ (el).checked = true;
      break;
    case "selected":
      if (el.tagName === "OPTION") /** @type {HTMLOptionElement} */ (el).selected = true;
      break;
    case "open":
      if (isOpenable(el)) serverOpen.set(el, true);
      break;
  }
}

/**
 * @param {Element} el
 * @param {string} name
 */
function removeServerAttr(el, name) {
  el.removeAttribute(name);
  releaseClientAttr(el, name);
  switch (name) {
    case "value":
      if (isField(el) && el.tagName === "INPUT" && !isCheckableInput(el)) setControlValue(el, "");
      break;
    case "checked":
      if (el.tagName === "INPUT") /** @type {HTMLInputElement} */ (el).checked = false;
      break;
    case "selected":
      if (el.tagName === "OPTION") /** @type {HTMLOptionElement} */ (el).selected = false;
      break;
    case "open":
      if (isOpenable(el)) serverOpen.set(el, false);
      break;
  }
}

/**
 * @param {Element} el
 */
function isCheckableInput(el) {
  const type = /** @type {HTMLInputElement} */ (el).type;
  return type === "checkbox" || type === "radio";
}

/**
 * After the server changed the text inside a `<textarea>`, its value follows (its text is its
 * default value, which a browser stops showing once the user typed).
 * @param {Node | null} parent
 */
function syncTextarea(parent) {
  if (parent && parent.nodeType === ELEMENT && /** @type {Element} */ (parent).tagName === "TEXTAREA") {
    const area = /** @type {HTMLTextAreaElement} */ (parent);
    setControlValue(area, area.defaultValue);
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * Parses html as the content of parent: a `<template>` accepts any content (even `<tr>`), and
 * SVG/MathML children are parsed inside an `<svg>`/`<math>` so they get their namespace.
 * @param {Node} parent
 * @param {string} html
 * @returns {Node} the container whose childNodes are the parsed nodes
 */
function parseInto(parent, html) {
  const doc = /** @type {Document} */ (parent.ownerDocument);
  const template = doc.createElement("template");
  const el = parent.nodeType === ELEMENT ? /** @type {Element} */ (parent) : null;
  const ns = el && el.localName !== "foreignObject" ? el.namespaceURI : null;
  if (ns === SVG_NS || ns === MATHML_NS) {
    const wrapper = ns === SVG_NS ? "svg" : "math";
    template.innerHTML = `<${wrapper}>${html}</${wrapper}>`;
    return /** @type {Node} */ (template.content.firstChild);
  }
  template.innerHTML = html;
  return template.content;
}

/**
 * @param {Node} parent
 * @param {string} html
 * @param {unknown} patch
 * @returns {Node} the one node html parses to
 */
function parseOne(parent, html, patch) {
  if (typeof html !== "string") throw new PatchError("html is not a string", patch);
  const container = parseInto(parent, html);
  if (container.childNodes.length !== 1) {
    throw new PatchError(`html parses to ${container.childNodes.length} nodes, not 1`, patch);
  }
  const node = /** @type {Node} */ (container.firstChild);
  container.removeChild(node);
  return node;
}

// ---------------------------------------------------------------------------------------------
// Patches

/**
 * @param {Element} root
 * @param {unknown} path
 * @param {unknown} patch
 * @returns {Node}
 */
function resolve(root, path, patch) {
  if (!Array.isArray(path)) throw new PatchError("path is not an array", patch);
  /** @type {Node} */
  let node = root;
  for (const index of path) {
    const child = Number.isInteger(index) && index >= 0 ? node.childNodes[index] : undefined;
    if (!child) throw new PatchError(`no node at path [${path.join(",")}]`, patch);
    node = child;
  }
  return node;
}

/**
 * @param {Node} node
 * @param {unknown} patch
 * @returns {Element}
 */
function asElement(node, patch) {
  if (node.nodeType !== ELEMENT) throw new PatchError("the path does not lead to an element", patch);
  return /** @type {Element} */ (node);
}

/**
 * @param {unknown} value
 * @param {string} field
 * @param {unknown} patch
 * @returns {string}
 */
function str(value, field, patch) {
  if (typeof value !== "string") throw new PatchError(`${field} is not a string`, patch);
  return value;
}

/**
 * @param {unknown} value
 * @param {number} max
 * @param {string} field
 * @param {unknown} patch
 * @returns {number}
 */
function index(value, max, field, patch) {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new PatchError(`${field} ${String(value)} is out of range 0..${max}`, patch);
  }
  return value;
}

/**
 * Applies one patch.
 * @param {Element} root the view root (path [])
 * @param {Patch} patch
 */
function applyPatch(root, patch) {
  if (!patch || typeof patch !== "object") throw new PatchError("patch is not an object", patch);
  const node = resolve(root, patch.path, patch);
  switch (patch.op) {
    case OP.TEXT: {
      if (node.nodeType !== TEXT) throw new PatchError("the path does not lead to a text node", patch);
      const text = /** @type {Text} */ (node);
      const data = str(patch.text, "text", patch);
      if (text.data !== data) {
        text.data = data;
        syncTextarea(text.parentNode);
      }
      return;
    }
    case OP.ATTR:
      setServerAttr(asElement(node, patch), str(patch.name, "name", patch), str(patch.value, "value", patch));
      return;
    case OP.RMATTR:
      removeServerAttr(asElement(node, patch), str(patch.name, "name", patch));
      return;
    case OP.INSERT: {
      const parent = asElement(node, patch);
      const at = index(patch.index, parent.childNodes.length, "index", patch);
      const child = parseOne(parent, patch.html, patch);
      parent.insertBefore(child, parent.childNodes[at] ?? null);
      rememberServerState(child);
      syncTextarea(parent);
      return;
    }
    case OP.REMOVE: {
      const parent = node.parentNode;
      if (node === root || !parent) throw new PatchError("cannot remove the view root", patch);
      parent.removeChild(node);
      syncTextarea(parent);
      return;
    }
    case OP.REPLACE: {
      const parent = node.parentNode;
      if (node === root || !parent) throw new PatchError("cannot replace the view root", patch);
      const child = parseOne(parent, patch.html, patch);
      parent.replaceChild(child, node);
      rememberServerState(child);
      syncTextarea(parent);
      return;
    }
    case OP.MOVE: {
      const parent = asElement(node, patch);
      const count = parent.childNodes.length;
      const from = index(patch.from, count - 1, "from", patch);
      const to = index(patch.to, count - 1, "to", patch);
      if (from === to) return;
      const child = parent.childNodes[from];
      // After taking `child` out, the node now at `to` is the one it must precede.
      const after = to < from ? parent.childNodes[to] : parent.childNodes[to + 1] ?? null;
      moveNode(parent, child, after);
      return;
    }
    default:
      throw new PatchError(`unknown op ${String(/** @type {{op?: unknown}} */ (patch).op)}`, patch);
  }
}

/**
 * Applies the patches of a `patch` frame, in order, to the view root. Throws PatchError at the first
 * patch that does not fit (the DOM may then be partly patched: the caller morphs to a full render).
 * @param {Element} root the view root element (path [])
 * @param {readonly Patch[]} patches
 */
export function applyPatches(root, patches) {
  if (!Array.isArray(patches)) throw new PatchError("patches is not an array", patches);
  keepFocus(root.ownerDocument, () => {
    for (const patch of patches) applyPatch(root, patch);
  });
}

// ---------------------------------------------------------------------------------------------
// Morph

/**
 * @param {Node} node
 * @returns {string | null} the rl-key of an element
 */
function keyOf(node) {
  return node.nodeType === ELEMENT ? /** @type {Element} */ (node).getAttribute(ATTR.KEY) : null;
}

/**
 * @param {Node} node
 * @returns {string} what must be equal for two nodes to be morphed into one another
 */
function kindOf(node) {
  return node.nodeName;
}

/**
 * Morphs the children of the view root to the inner HTML `html`, reusing the nodes it can so
 * that focus, caret, scroll offsets and user state survive. Used for `mounted` and `render` frames.
 * Matching, child list by child list: a child with `rl-key` matches the old sibling with the same key
 * and tag; another child matches the first unkeyed old sibling of the same tag (or the next text node)
 * from the current position on. Unmatched old children are removed, unmatched new ones inserted.
 * @param {Element} root the view root element
 * @param {string} html its new inner HTML
 */
export function morph(root, html) {
  const source = parseInto(root, html);
  keepFocus(root.ownerDocument, () => morphChildren(root, source));
}

/**
 * @param {Node} target
 * @param {Node} source
 */
function morphChildren(target, source) {
  const wanted = Array.from(source.childNodes);
  /** @type {Map<string, Node>} */
  const keyed = new Map();
  for (const child of Array.from(target.childNodes)) {
    const key = keyOf(child);
    if (key !== null && !keyed.has(key)) keyed.set(key, child);
  }
  // What the remaining new children still need, to drop useless old nodes at once instead of
  // moving the useful ones around them.
  /** @type {Map<string, number>} */
  const kindsLeft = new Map();
  /** @type {Map<string, number>} */
  const keysLeft = new Map();
  for (const next of wanted) {
    const key = keyOf(next);
    if (key !== null) keysLeft.set(key, (keysLeft.get(key) ?? 0) + 1);
    else kindsLeft.set(kindOf(next), (kindsLeft.get(kindOf(next)) ?? 0) + 1);
  }
  /** @param {Node} node */
  const useless = (node) => {
    const key = keyOf(node);
    return key !== null ? !keysLeft.get(key) : !kindsLeft.get(kindOf(node));
  };

  let cursor = target.firstChild;
  for (const next of wanted) {
    while (cursor && useless(cursor)) {
      const drop = cursor;
      cursor = cursor.nextSibling;
      target.removeChild(drop);
    }
    const key = keyOf(next);
    /** @type {Node | null} */
    let match = null;
    if (key !== null) {
      keysLeft.set(key, (keysLeft.get(key) ?? 1) - 1);
      const candidate = keyed.get(key);
      if (candidate && candidate.parentNode === target && kindOf(candidate) === kindOf(next)) {
        match = candidate;
        keyed.delete(key);
      }
    } else {
      kindsLeft.set(kindOf(next), (kindsLeft.get(kindOf(next)) ?? 1) - 1);
      for (let node = cursor; node; node = node.nextSibling) {
        if (keyOf(node) === null && kindOf(node) === kindOf(next)) {
          match = node;
          break;
        }
      }
    }
    if (match) {
      if (match !== cursor) moveNode(target, match, cursor);
      morphNode(match, next);
      cursor = match.nextSibling;
    } else {
      target.insertBefore(next, cursor);
      rememberServerState(next);
    }
  }
  while (cursor) {
    const drop = cursor;
    cursor = cursor.nextSibling;
    target.removeChild(drop);
  }
}

/**
 * @param {Node} node an existing node
 * @param {Node} next the server's version of it (same kind)
 */
function morphNode(node, next) {
  if (node.nodeType === TEXT || node.nodeType === COMMENT) {
    const data = /** @type {CharacterData} */ (next).data;
    if (/** @type {CharacterData} */ (node).data !== data) /** @type {CharacterData} */ (node).data = data;
    return;
  }
  if (node.nodeType !== ELEMENT) return;
  const el = /** @type {Element} */ (node);
  const src = /** @type {Element} */ (next);
  morphAttributes(el, src);
  if (el.tagName === "TEMPLATE") {
    if (el.innerHTML !== src.innerHTML) el.innerHTML = src.innerHTML;
  } else if (el.tagName === "TEXTAREA") {
    if (el.textContent !== src.textContent) {
      morphChildren(el, src);
      syncTextarea(el);
    }
  } else {
    morphChildren(el, src);
  }
}

/**
 * @param {Element} el
 * @param {Element} src
 */
function morphAttributes(el, src) {
  const openable = isOpenable(el);
  for (const { name, value } of Array.from(src.attributes)) {
    if (openable && name === "open") continue;
    if (el.getAttribute(name) !== value) setServerAttr(el, name, value);
    else releaseClientAttr(el, name);
  }
  for (const { name } of Array.from(el.attributes)) {
    if (src.hasAttribute(name) || (openable && name === "open") || isClientAttr(el, name)) continue;
    removeServerAttr(el, name);
  }
  if (openable) {
    const open = src.hasAttribute("open");
    const before = serverOpen.get(el) ?? el.hasAttribute("open");
    if (open !== before) {
      if (open) el.setAttribute("open", src.getAttribute("open") ?? "");
      else el.removeAttribute("open");
    }
    serverOpen.set(el, open);
  }
}
