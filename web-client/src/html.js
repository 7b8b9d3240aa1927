// Parsing the server's HTML where it will live: as the content of a given parent element.

/** The element that gives parsed HTML the namespace of an SVG or MathML parent. */
const NAMESPACE_ROOTS = /** @type {Record<string, string>} */ ({
  "http://www.w3.org/2000/svg": "svg",
  "http://www.w3.org/1998/Math/MathML": "math",
});

/**
 * Parses html as the content of parent: a `<template>` accepts any content (even `<tr>`), and
 * SVG/MathML children are parsed inside an `<svg>`/`<math>` so they get their namespace.
 * @param {Node} parent
 * @param {string} html
 * @returns {Node} the container whose childNodes are the parsed nodes
 */
export function parseInto(parent, html) {
  const template = /** @type {Document} */ (parent.ownerDocument).createElement("template");
  const el = /** @type {Element} */ (parent);
  const wrapper = el.localName !== "foreignObject" && NAMESPACE_ROOTS[/** @type {string} */ (el.namespaceURI)];
  template.innerHTML = wrapper ? `<${wrapper}>${html}</${wrapper}>` : html;
  return wrapper ? /** @type {Node} */ (template.content.firstChild) : template.content;
}
