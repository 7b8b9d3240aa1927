// Form fields: what counts as one, their values as event params, and form serialisation.

/** @typedef {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} Field */

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
 * @returns {string[]} the values of its selected options
 */
export function selectedValues(select) {
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
    if (isCheckable(el) && !(/** @type {HTMLInputElement} */ (el).checked)) continue;
    add(name, /** @type {HTMLInputElement | HTMLTextAreaElement} */ (el).value);
  }
  return params;
}
