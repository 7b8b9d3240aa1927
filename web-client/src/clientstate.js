// State the client applies on top of the server's HTML: classes added or removed and attributes set or
// removed by client commands (commands.js) and loading states (loading.js). The server's patches and
// full renders know nothing of it, so it is applied again after each of them. A server patch of one of
// these attributes (`class` aside) hands that attribute back to the server: the client forgets it.

/**
 * @typedef {object} Overlay
 * @property {string} id the element's id when it had one, to find it again if a render replaced its node
 * @property {Set<string>} add classes the client added
 * @property {Set<string>} remove classes the client removed
 * @property {Map<string, string | null>} attrs attributes the client set (a string) or removed (null)
 */

/** @type {Map<Element, Overlay>} */
const overlays = new Map();

/** @param {Element} el */
function overlayOf(el) {
  let o = overlays.get(el);
  if (!o) overlays.set(el, (o = { id: el.id, add: new Set(), remove: new Set(), attrs: new Map() }));
  return o;
}

/**
 * @param {Element} el
 * @param {Overlay} o
 */
function apply(el, o) {
  for (const c of o.add) el.classList.add(c);
  for (const c of o.remove) el.classList.remove(c);
  for (const [name, value] of o.attrs) {
    if (value === null) el.removeAttribute(name);
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
}

/**
 * Adds (on) or removes (off) a class and keeps it so across patches.
 * @param {Element} el
 * @param {string} name
 * @param {boolean} on
 */
export function setClass(el, name, on) {
  const o = overlayOf(el);
  (on ? o.add : o.remove).add(name);
  (on ? o.remove : o.add).delete(name);
  apply(el, o);
}

/**
 * Takes back a class the client added (the server's own class of that name stays if its HTML has it:
 * the next render puts it back).
 * @param {Element} el
 * @param {string} name
 */
export function dropClass(el, name) {
  const o = overlays.get(el);
  if (!o?.add.delete(name)) return;
  el.classList.remove(name);
  if (!o.add.size && !o.remove.size && !o.attrs.size) overlays.delete(el);
}

/**
 * Sets (a string) or removes (null) an attribute and keeps it so across patches, until the server
 * patches that attribute.
 * @param {Element} el
 * @param {string} name
 * @param {string | null} value
 */
export function setAttr(el, name, value) {
  const o = overlayOf(el);
  o.attrs.set(name, value);
  apply(el, o);
}

/**
 * The server patched attribute `name` of el: it is the server's again.
 * @param {Element} el
 * @param {string} name
 */
export function serverPatched(el, name) {
  if (name !== "class") overlays.get(el)?.attrs.delete(name);
}

/**
 * Applies the client's state again after patches or a render; forgets elements gone from the page
 * (an element whose node a render replaced is found again by its id).
 * @param {Document} doc
 */
export function reapply(doc) {
  for (const [el, o] of Array.from(overlays)) {
    if (el.ownerDocument !== doc) continue;
    let target = el;
    if (!el.isConnected) {
      overlays.delete(el);
      const found = o.id ? doc.getElementById(o.id) : null;
      if (!found || overlays.has(found)) continue;
      overlays.set(found, o);
      target = found;
    }
    apply(target, o);
  }
}
