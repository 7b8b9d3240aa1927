// Stream containers (`rl-stream`): elements whose children the server renders once and forgets. The
// `stream` patch changes their items by key; a full render (`mounted`, `render`) replaces them only when
// it carries items, since the server's HTML of a stream holds none after its first render.

import { ATTR } from "./constants.js";
import { morphAttributes, rememberServerState } from "./attrs.js";
import { morph } from "./morph.js";
import { parseInto } from "./html.js";

/**
 * @typedef {{ reset?: boolean, delete?: string, at?: number, html?: string, keys?: string[] }} StreamChange
 */

/**
 * @param {Element} el
 * @returns {boolean} whether el is a stream container
 */
export function isStream(el) {
  return el.hasAttribute(ATTR.STREAM);
}

/**
 * The HTML the server last sent for each keyed item, so that an item re-sent unchanged (a stream re-sent
 * in a new order) is moved as it is, without parsing its HTML again.
 * @type {WeakMap<Element, string>}
 */
const sentHtml = new WeakMap();

/**
 * @param {Element} container
 * @returns {Map<string, Element>} the container's items by rl-key
 */
function itemsByKey(container) {
  /** @type {Map<string, Element>} */
  const items = new Map();
  for (const child of Array.from(container.children)) {
    const key = child.getAttribute(ATTR.KEY);
    if (key !== null) items.set(key, child);
  }
  return items;
}

/**
 * Applies the changes of a `stream` patch, in order. Returns an error message for a change that does not
 * fit, or null. The items a `reset` removes stay at hand until the end of the patch: an item inserted
 * after it with the key of one of them takes that node, morphed to the new HTML, so that a stream
 * re-sent in a new order moves the browser's items (with what the user typed in them) instead of
 * re-creating them; one whose HTML is the same as the server last sent for it is moved without being
 * parsed or morphed.
 * @param {Element} container
 * @param {unknown} changes
 * @returns {string | null}
 */
export function applyStream(container, changes) {
  if (!isStream(container)) return "not a stream container";
  if (!Array.isArray(changes)) return "changes is not an array";
  /** @type {Map<string, Element>} items taken out by a reset, by key */
  const removed = new Map();
  /** @type {Map<string, Element>} of the items taken out by a reset, those whose sent HTML is known, by it */
  const removedByHtml = new Map();
  /** @type {Map<string, Element> | null} the items shown, by key (built on first use) */
  let shown = null;
  for (const change of /** @type {StreamChange[]} */ (changes)) {
    if (!change || typeof change !== "object") return "change is not an object";
    if (change.reset === true) {
      for (const [key, item] of shown ?? itemsByKey(container)) {
        removed.set(key, item);
        const html = sentHtml.get(item);
        if (html !== undefined) removedByHtml.set(html, item);
      }
      container.replaceChildren();
      shown = new Map();
    } else if (typeof change.html === "string" && Number.isInteger(change.at)
        && sameAsRemoved(removedByHtml, removed, change.html)) {
      shown ??= itemsByKey(container);
      const item = /** @type {Element} */ (removedByHtml.get(change.html));
      const key = /** @type {string} */ (item.getAttribute(ATTR.KEY));
      removedByHtml.delete(change.html);
      removed.delete(key);
      place(container, shown.get(key), item, /** @type {number} */ (change.at));
      shown.set(key, item);
    } else if (typeof change.delete === "string") {
      shown ??= itemsByKey(container);
      shown.get(change.delete)?.remove();
      shown.delete(change.delete);
      removed.delete(change.delete);
    } else if (typeof change.html === "string" && Number.isInteger(change.at)) {
      const nodes = /** @type {Element} */ (parseInto(container, change.html)).children;
      if (nodes.length !== 1) return "html is not one element";
      let item = nodes[0];
      item.remove();
      rememberServerState(item);
      shown ??= itemsByKey(container);
      const key = item.getAttribute(ATTR.KEY);
      const old = key === null ? undefined : shown.get(key);
      const kept = key === null ? undefined : removed.get(key);
      if (kept && kept.tagName === item.tagName) {
        removed.delete(/** @type {string} */ (key));
        if (kept.outerHTML !== item.outerHTML) {
          morphAttributes(kept, item);
          morph(kept, item.innerHTML);
        }
        item = kept;
      }
      place(container, old, item, /** @type {number} */ (change.at));
      if (key !== null) {
        shown.set(key, item);
        sentHtml.set(item, change.html);
      }
    } else if (Array.isArray(change.keys) && Number.isInteger(change.at)) {
      // the browser's own items, unchanged since the server sent them: moved as they are
      shown ??= itemsByKey(container);
      const at = /** @type {number} */ (change.at);
      for (let i = 0; i < change.keys.length; i++) {
        const key = change.keys[i];
        if (typeof key !== "string") return "key is not a string";
        if (shown.has(key)) continue; // shown: it stays where it is, as an item re-sent with its key does
        const item = removed.get(key);
        if (item === undefined) return `no item with key ${key}`;
        removed.delete(key);
        const html = sentHtml.get(item);
        if (html !== undefined && removedByHtml.get(html) === item) removedByHtml.delete(html);
        place(container, undefined, item, at < 0 ? -1 : at + i);
        shown.set(key, item);
      }
    } else {
      return "unknown change";
    }
  }
  return null;
}

/**
 * @param {Map<string, Element>} removedByHtml
 * @param {Map<string, Element>} removed
 * @param {string} html
 * @returns {boolean} whether html is what the server last sent for an item a reset took out, still at hand
 */
function sameAsRemoved(removedByHtml, removed, html) {
  const item = removedByHtml.get(html);
  if (item === undefined) return false;
  const key = item.getAttribute(ATTR.KEY);
  return key !== null && removed.get(key) === item;
}

/**
 * Puts item in the place of old (an item shown with the same key), else at index at (-1: last).
 * @param {Element} container
 * @param {Element | undefined} old
 * @param {Element} item
 * @param {number} at
 */
function place(container, old, item, at) {
  if (old) {
    old.replaceWith(item);
  } else {
    container.insertBefore(item, at < 0 ? null : container.children[at] ?? null);
  }
}
