// Parsing the server's HTML where it will live: as the content of a given parent element.

const ELEMENT = 1;
const SVG_NS = "http://www.w3.org/2000/svg";
const MATHML_NS = "http://www.w3.org/1998/Math/MathML";

/**
 * Parses html as the content of parent: a `<template>` accepts any content (even `<tr>`), and
 * SVG/MathML children are parsed inside an `<svg>`/`<math>` so they get their namespace.
 * @param {Node} parent
 * @param {string} html
 * @returns {Node} the container whose childNodes are the parsed nodes
 */
export function parseInto(parent, html) {
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
