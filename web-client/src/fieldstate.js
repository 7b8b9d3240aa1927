// What belongs to the user in the fields and containers the server's HTML describes: the values
// typed since the server last set them, the caret and selection, focus and scroll offsets.
//
// - The client remembers, per document, the fields the user changed since the server last set them
//   and the values the user produced in each. A value the server sends to the focused field that
//   equals one the user typed there is an echo of the user's own input (possibly late, while the
//   user kept typing): the property, caret and selection are left alone. Any other server value is
//   applied, and the caret is kept (clamped).
// - Focus and selection of the active element survive moves, and a moved node keeps its scroll
//   offsets (Element.moveBefore keeps all of it where the browser has it).
// - Typed values are saved before a re-mount and put back after it.

import { fieldValue, isCheckable, isField, selectedValues } from "./forms.js";

/** @typedef {import("./forms.js").Field} Field */

/**
 * A field the user changed, saved before a re-mount and restored after it.
 * @typedef {object} SavedField
 * @property {string} [id] the field's id, when it has one
 * @property {string} [name] its name, when it has no id
 * @property {string} [option] for a checkbox/radio found by name: its `value` attribute
 * @property {number} index its position among the fields matching name (and option)
 * @property {string | boolean | string[]} value the value, `checked`, or the selected values
 */

/** @typedef {{ start: number, end: number, direction: "forward" | "backward" | "none" }} Selection */

/** Most values remembered per field for echo detection. */
const HISTORY = 32;

/** @type {WeakMap<Document, Set<Field>>} fields the user changed since the server last set them */
const typedFields = new WeakMap();
/** @type {WeakMap<Element, string[]>} values the user produced in a field since the server last set it */
const typedValues = new WeakMap();

/**
 * Records that the user changed `el` (called on its `input` and `change` events).
 * @param {Field} el
 */
export function noteUserInput(el) {
  const doc = el.ownerDocument;
  let set = typedFields.get(doc);
  if (!set) typedFields.set(doc, (set = new Set()));
  set.add(el);
  const history = typedValues.get(el) ?? [];
  const value = String(fieldValue(el));
  if (history[history.length - 1] !== value) history.push(value);
  if (history.length > HISTORY) history.shift();
  typedValues.set(el, history);
}

/**
 * Records that the server set the value of `el`: it is no longer a field the user typed into.
 * @param {Element} el
 */
function noteServerValue(el) {
  typedValues.delete(el);
  typedFields.get(el.ownerDocument)?.delete(/** @type {Field} */ (el));
}

/**
 * Sets a form control's value to one the server sent (see the rules at the top of this file).
 * @param {Element} el
 * @param {string} value
 */
export function setControlValue(el, value) {
  if (!isField(el)) return;
  if (el.value === value) {
    noteServerValue(el);
    return;
  }
  const focused = el.ownerDocument.activeElement === el;
  if (focused && typedValues.get(el)?.includes(value)) return;
  const sel = focused ? readSelection(el) : null;
  el.value = value;
  noteServerValue(el);
  if (sel) writeSelection(el, sel);
}

/**
 * After the server changed the text inside a `<textarea>`, its value follows (its text is its
 * default value, which a browser stops showing once the user typed).
 * @param {Node | null} parent
 */
export function syncTextarea(parent) {
  if (parent && /** @type {Element} */ (parent).tagName === "TEXTAREA") {
    const area = /** @type {HTMLTextAreaElement} */ (parent);
    setControlValue(area, area.defaultValue);
  }
}

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
export function keepFocus(doc, fn) {
  const active = doc.activeElement;
  if (!active || active === doc.body || active === doc.documentElement) {
    fn();
    return;
  }
  const sel = readSelection(active);
  // moving the focused field (into a new wrapper) can make the browser scroll the page: the scroll stays put
  const win = doc.defaultView;
  const scrollX = win?.scrollX ?? 0;
  const scrollY = win?.scrollY ?? 0;
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
    if (win && (win.scrollX !== scrollX || win.scrollY !== scrollY)) win.scrollTo(scrollX, scrollY);
  }
}

/**
 * Moves node before ref within parent (which may be another parent than its own), keeping its
 * state: Element.moveBefore where the browser has it (focus, scroll, media keep playing), else a
 * plain insertBefore that restores the node's scroll.
 * @param {Node} parent
 * @param {Node} node
 * @param {Node | null} ref
 */
export function moveNode(parent, node, ref) {
  const p = /** @type {Node & { moveBefore?: (node: Node, ref: Node | null) => void }} */ (parent);
  if (p.moveBefore) {
    try {
      p.moveBefore(node, ref);
      return;
    } catch {
      // disconnected or cross-document: fall back
    }
  }
  const el = /** @type {Element} */ (node);
  const top = el.scrollTop;
  const left = el.scrollLeft;
  parent.insertBefore(node, ref);
  if (top || left) {
    el.scrollTop = top;
    el.scrollLeft = left;
  }
}

/**
 * @param {Element} root
 * @param {SavedField | Field} key a saved field, or a field to find the peers of
 * @returns {Field[]} the fields under root that share key's name (and option for checkables)
 */
function peers(root, key) {
  const name = "name" in key ? key.name : undefined;
  const option = isField(key) ? (isCheckable(key) ? key.value : undefined) : key.option;
  /** @type {Field[]} */
  const out = [];
  for (const el of Array.from(root.querySelectorAll("input, textarea, select"))) {
    if (!isField(el) || el.getAttribute("name") !== name) continue;
    if (option !== undefined ? isCheckable(el) && el.value === option : !isCheckable(el)) out.push(el);
  }
  return out;
}

/**
 * Saves the values of the fields under root the user changed since the server last set them.
 * Fields are remembered by id, else by name (plus `value` for checkboxes and radios) and position.
 * @param {Element} root
 * @param {boolean} [toStore] the values are to be written to the browser's storage: passwords are left out
 * @returns {SavedField[]}
 */
export function saveTypedFields(root, toStore = false) {
  /** @type {SavedField[]} */
  const saved = [];
  const typed = typedFields.get(root.ownerDocument);
  for (const el of Array.from(typed ?? [])) {
    if (!el.isConnected) typed?.delete(el);
    if (!root.contains(el)) continue;
    if (toStore && el.tagName === "INPUT" && /** @type {HTMLInputElement} */ (el).type === "password") continue;
    const entry = savedField(root, el);
    if (entry) saved.push(entry);
  }
  return saved;
}

/**
 * Saves the values of the fields under root that tell the server their value (`rl-model`, or inside an element with
 * `rl-input` or `rl-change`) and that {@link saveTypedFields} leaves out: values the server accepted, which a view
 * mounted afresh (the server restarted) would not have.
 * @param {Element} root
 * @param {string[]} attributes the attributes that send a field's value
 * @param {boolean} [toStore] the values are to be written to the browser's storage: passwords are left out
 * @returns {SavedField[]}
 */
export function saveBoundFields(root, attributes, toStore = false) {
  const typed = typedFields.get(root.ownerDocument);
  const selector = attributes.map((a) => `[${a}]`).join(",");
  /** @type {SavedField[]} */
  const saved = [];
  for (const el of Array.from(root.querySelectorAll("input, textarea, select"))) {
    if (!isField(el) || typed?.has(el)) continue;
    const sender = el.closest(selector);
    if (!sender || !root.contains(sender)) continue;
    if (toStore && el.tagName === "INPUT" && /** @type {HTMLInputElement} */ (el).type === "password") continue;
    const entry = savedField(root, el);
    if (entry) saved.push(entry);
  }
  return saved;
}

/**
 * @param {Element} root
 * @param {Field} el
 * @returns {SavedField | null}
 */
function savedField(root, el) {
  if (el.tagName === "INPUT" && /** @type {HTMLInputElement} */ (el).type === "file") return null;
  /** @type {string | boolean | string[]} */
  let value = fieldValue(el);
  if (isCheckable(el)) value = /** @type {HTMLInputElement} */ (el).checked;
  else if (el.tagName === "SELECT") value = selectedValues(/** @type {HTMLSelectElement} */ (el));
  if (el.id) return { id: el.id, index: 0, value };
  const name = el.getAttribute("name");
  if (!name) return null;
  const index = peers(root, el).indexOf(el);
  /** @type {SavedField} */
  const entry = { name, index, value };
  if (isCheckable(el)) entry.option = el.value;
  return entry;
}

/**
 * Puts saved values back into the matching fields under root, which stay marked as typed.
 * @param {Element} root
 * @param {SavedField[]} saved
 * @returns {Field[]} the fields whose value was put back
 */
export function restoreTypedFields(root, saved) {
  return restoreFields(root, saved, false);
}

/**
 * Puts saved values back into the matching fields under root whose value differs from the saved one, which are then
 * marked as typed; a field already holding the saved value is left alone.
 * @param {Element} root
 * @param {SavedField[]} saved
 * @returns {Field[]} the fields whose value was put back
 */
export function restoreChangedFields(root, saved) {
  return restoreFields(root, saved, true);
}

/**
 * @param {Element} root
 * @param {SavedField[]} saved
 * @param {boolean} onlyChanged
 * @returns {Field[]}
 */
function restoreFields(root, saved, onlyChanged) {
  /** @type {Field[]} */
  const restored = [];
  for (const entry of saved) {
    /** @type {Element | null | undefined} */
    let el;
    if (entry.id !== undefined) {
      el = root.ownerDocument.getElementById(entry.id);
      if (el && !root.contains(el)) el = null;
    } else {
      el = peers(root, entry)[entry.index];
    }
    if (!isField(el)) continue;
    if (onlyChanged && holds(el, entry.value)) continue;
    if (el.tagName === "SELECT" && Array.isArray(entry.value)) {
      const wanted = entry.value;
      for (const option of Array.from(/** @type {HTMLSelectElement} */ (el).options)) option.selected = wanted.includes(option.value);
    } else if (isCheckable(el)) {
      /** @type {HTMLInputElement} */ (el).checked = entry.value === true;
    } else if (el.value !== entry.value) {
      el.value = String(entry.value);
    }
    noteUserInput(el);
    restored.push(el);
  }
  return restored;
}

/**
 * Whether the field's value (its `checked`, its selected values) is `value`.
 * @param {Field} el
 * @param {string | boolean | string[]} value
 */
function holds(el, value) {
  if (isCheckable(el)) return /** @type {HTMLInputElement} */ (el).checked === (value === true);
  if (el.tagName === "SELECT" && Array.isArray(value)) {
    const now = selectedValues(/** @type {HTMLSelectElement} */ (el));
    return now.length === value.length && now.every((v, i) => v === value[i]);
  }
  return fieldValue(el) === value;
}
