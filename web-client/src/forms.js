// Form fields: their values as event params, form serialisation, and what the user typed.
//
// The client remembers, per document, the fields the user changed since the server last set them
// ("typed" fields) and the values the user produced in each. The patch applier asks it whether a
// value the server sends to a focused field is only an echo of the user's own typing, and the view
// uses it to put typed values back after a reconnection re-mounted the view.

/** @typedef {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} Field */

/**
 * A field the user changed, saved before a re-mount and restored after it.
 * @typedef {object} SavedField
 * @property {string} [id] the field's id, when it has one
 * @property {string} [name] its name, when it has no id
 * @property {string} [option] for a checkbox/radio found by name: its `value` attribute
 * @property {number} index its position among the fields matching name (and option)
 * @property {string | boolean | string[]} value the value, `checked`, or the selected values
 */

/** Most values remembered per field for echo detection. */
const HISTORY = 32;

/** @type {WeakMap<Document, Set<Field>>} fields the user changed since the server last set them */
const typedFields = new WeakMap();
/** @type {WeakMap<Element, string[]>} values the user produced in a field since the server last set it */
const typedValues = new WeakMap();

/**
 * @param {unknown} node
 * @returns {node is Field}
 */
export function isField(node) {
  if (!node || typeof node !== "object" || /** @type {Node} */ (node).nodeType !== 1) return false;
  const tag = /** @type {Element} */ (node).tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * @param {Element} el
 * @returns {boolean} true for checkboxes and radio buttons
 */
export function isCheckable(el) {
  if (el.tagName !== "INPUT") return false;
  const type = /** @type {HTMLInputElement} */ (el).type;
  return type === "checkbox" || type === "radio";
}

/**
 * The value an `input`/`change` event sends as `params.value`, and a `model` frame as `value`:
 * `checked` for a checkbox, the selected values for a `<select multiple>`, else the `value`.
 * @param {Field} el
 * @returns {string | boolean | string[]}
 */
export function fieldValue(el) {
  if (el.tagName === "INPUT" && /** @type {HTMLInputElement} */ (el).type === "checkbox") {
    return /** @type {HTMLInputElement} */ (el).checked;
  }
  if (el.tagName === "SELECT" && /** @type {HTMLSelectElement} */ (el).multiple) {
    return selectedValues(/** @type {HTMLSelectElement} */ (el));
  }
  return el.value;
}

/**
 * @param {HTMLSelectElement} select
 * @returns {string[]}
 */
function selectedValues(select) {
  return Array.from(select.options).filter((o) => o.selected).map((o) => o.value);
}

/**
 * The fields of a form as `submit` params: the successful controls as a browser would submit them
 * (named, enabled, checked when checkable, the submitter among the buttons, no files); a name that
 * occurs more than once becomes an array of its values, in document order.
 * @param {HTMLFormElement} form
 * @param {Element | null} [submitter] the button that submitted the form
 * @returns {Record<string, string | string[]>}
 */
export function serializeForm(form, submitter = null) {
  /** @type {Record<string, string | string[]>} */
  const params = {};
  /**
   * @param {string} name
   * @param {string} value
   */
  const add = (name, value) => {
    const prev = params[name];
    if (prev === undefined) params[name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else params[name] = [prev, value];
  };
  for (const el of Array.from(form.elements)) {
    const name = el.getAttribute("name");
    if (!name || el.matches(":disabled")) continue;
    const tag = el.tagName;
    const type = tag === "INPUT" ? /** @type {HTMLInputElement} */ (el).type : "";
    if (tag === "BUTTON" || type === "submit" || type === "image" || type === "button" || type === "reset") {
      if (el === submitter) add(name, /** @type {HTMLButtonElement | HTMLInputElement} */ (el).value);
      continue;
    }
    if (tag === "FIELDSET" || tag === "OUTPUT" || tag === "OBJECT" || type === "file") continue;
    if (tag === "SELECT") {
      for (const value of selectedValues(/** @type {HTMLSelectElement} */ (el))) add(name, value);
      continue;
    }
    if ((type === "checkbox" || type === "radio") && !(/** @type {HTMLInputElement} */ (el).checked)) continue;
    add(name, /** @type {HTMLInputElement | HTMLTextAreaElement} */ (el).value);
  }
  return params;
}

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
 * Whether `value` is one the user typed into `el` since the server last set it, i.e. the server is
 * only echoing (maybe late) what the user sent.
 * @param {Element} el
 * @param {string} value
 * @returns {boolean}
 */
export function isUserEcho(el, value) {
  return typedValues.get(el)?.includes(value) ?? false;
}

/**
 * Records that the server set the value of `el`: it is no longer a field the user typed into.
 * @param {Element} el
 */
export function noteServerValue(el) {
  typedValues.delete(el);
  typedFields.get(el.ownerDocument)?.delete(/** @type {Field} */ (el));
}

/**
 * @param {Element} root
 * @returns {Field[]} the fields under root the user changed since the server last set them
 */
export function typedFieldsIn(root) {
  const set = typedFields.get(root.ownerDocument);
  if (!set) return [];
  const out = [];
  for (const el of set) {
    if (!el.isConnected) set.delete(el);
    else if (root.contains(el)) out.push(el);
  }
  return out;
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
 * @returns {SavedField[]}
 */
export function saveTypedFields(root) {
  /** @type {SavedField[]} */
  const saved = [];
  for (const el of typedFieldsIn(root)) {
    if (el.tagName === "INPUT" && /** @type {HTMLInputElement} */ (el).type === "file") continue;
    /** @type {string | boolean | string[]} */
    let value = fieldValue(el);
    if (isCheckable(el)) value = /** @type {HTMLInputElement} */ (el).checked;
    else if (el.tagName === "SELECT") value = selectedValues(/** @type {HTMLSelectElement} */ (el));
    if (el.id) {
      saved.push({ id: el.id, index: 0, value });
      continue;
    }
    const name = el.getAttribute("name");
    if (!name) continue;
    const index = peers(root, el).indexOf(el);
    /** @type {SavedField} */
    const entry = { name, index, value };
    if (isCheckable(el)) entry.option = el.value;
    saved.push(entry);
  }
  return saved;
}

/**
 * Puts saved values back into the matching fields under root, which stay marked as typed.
 * @param {Element} root
 * @param {SavedField[]} saved
 * @returns {Field[]} the fields whose value was put back
 */
export function restoreTypedFields(root, saved) {
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
