// Morphs the view root's DOM to a whole new HTML (`mounted` and `render` frames), reusing every node
// it can so that what belongs to the user (fieldstate.js, attrs.js) survives.
//
// An id on both the old and the new HTML, once on each, is a kept id: the element carrying it keeps
// its node wherever the new HTML puts it (in a new wrapper, out of one, past its siblings). Child
// list by child list, each new child takes, from the old children not yet used:
// 1. one of the same tag with its rl-key; else with its kept id; else sharing kept ids with it; else
//    one without key or kept id of its own, rather one without kept ids inside (a text node: only
//    the next old child);
// 2. else the element with its kept id from anywhere in the view.
// A child without a match is inserted; one holding kept ids is built around them. Old children no
// new one needs are removed, those holding kept ids only at the end. The server's differ follows
// these rules when an edit moves elements with kept ids (docs/protocol.md), and also moves in the
// closest old container around kept ids. A stream container (stream.js) that the new HTML leaves
// empty keeps its items.

import { ATTR } from "./constants.js";
import { morphAttributes, rememberServerState } from "./attrs.js";
import { keepFocus, moveNode, syncTextarea } from "./fieldstate.js";
import { parseInto } from "./html.js";
import { isStream } from "./stream.js";
import { ownsChildren } from "./ignore.js";

/**
 * Morphs the children of the view root to the inner HTML `html`.
 * @param {Element} root the view root element
 * @param {string} html its new inner HTML
 */
export function morph(root, html) {
  const source = /** @type {Element} */ (parseInto(root, html));
  /** @type {Map<string, Element>} the old element of each kept id */
  const byId = new Map();
  /** @type {Set<Node>} old nodes given their place in the new DOM */
  const placed = new Set([root]);
  /** @type {Node[]} old nodes to remove at the end, unless placed by then */
  const leftovers = [];

  /** @param {Element} scope */
  const once = (scope) => {
    /** @type {Map<string, Element | null>} each id, with its element when it is there once */
    const found = new Map();
    for (const el of Array.from(scope.querySelectorAll("[id]"))) if (!el.parentElement?.closest(`[${ATTR.IGNORE}], [${ATTR.UPLOAD_LIST}]`)) found.set(el.id, found.has(el.id) ? null : el);
    return found;
  };
  const after = once(source);
  for (const [id, el] of once(root)) if (id && el && after.get(id)) byId.set(id, el);

  /** @param {Element} el */
  const keptId = (el) => (byId.has(el.id) ? el.id : null);
  /**
   * @param {Node} node
   * @returns {string[]} the kept ids in node and below it
   */
  const idsOf = (node) =>
    node.nodeType === 1 ? [/** @type {Element} */ (node), ...Array.from(/** @type {Element} */ (node).querySelectorAll("[id]"))].map((el) => el.id).filter((id) => byId.has(id)) : [];
  /** @param {Element | undefined} el */
  const free = (el) => !!el && !placed.has(el) && root.contains(el);

  /**
   * @param {ChildNode | null} cursor the first old child not placed yet
   * @param {Node} next
   * @returns {Node | null} the old node to morph into next: a sibling from the cursor on, or the
   *   element with next's kept id from elsewhere
   */
  const matchOf = (cursor, next) => {
    if (next.nodeType !== 1) return cursor?.nodeType === next.nodeType ? cursor : null;
    const el = /** @type {Element} */ (next);
    const key = el.getAttribute(ATTR.KEY);
    const id = keptId(el);
    const ids = idsOf(el);
    let best = null;
    for (let node = cursor; node; node = node.nextSibling) {
      if (node.nodeName !== el.nodeName) continue;
      const old = /** @type {Element} */ (node);
      const oldKey = old.getAttribute(ATTR.KEY);
      const oldId = keptId(old);
      if (key !== null) {
        if (oldKey === key) return node;
      } else if (id) {
        if (oldId === id) return node;
      } else if (!oldId && oldKey === null) {
        const oldIds = idsOf(old);
        if (ids.some((x) => oldIds.includes(x))) return node;
        if (!best || (idsOf(best).length && !oldIds.length)) best = node;
      }
    }
    const old = byId.get(/** @type {string} */ (id));
    return best ?? (key === null && free(old) && old?.nodeName === el.nodeName ? /** @type {Element} */ (old) : null);
  };

  /**
   * @param {Node} target
   * @param {Node} source
   */
  const morphChildren = (target, source) => {
    const wanted = Array.from(source.childNodes);
    let cursor = target.firstChild;
    for (const next of wanted) {
      const match = matchOf(cursor, next);
      /** @type {Node} */
      let done = next;
      if (match) {
        if (match !== cursor) moveNode(target, match, cursor);
        placed.add(match);
        morphNode(match, next);
        done = match;
      } else if (idsOf(next).length) {
        done = target.insertBefore(next.cloneNode(false), cursor);
        rememberServerState(done);
        morphChildren(done, next);
      } else {
        target.insertBefore(next, cursor);
        rememberServerState(next);
      }
      cursor = done.nextSibling;
    }
    while (cursor) {
      const left = cursor;
      cursor = cursor.nextSibling;
      if (idsOf(left).length) leftovers.push(left);
      else target.removeChild(left);
    }
  };

  /**
   * @param {Node} node an existing node
   * @param {Node} next the server's version of it (same node name)
   */
  const morphNode = (node, next) => {
    const el = /** @type {Element} */ (node);
    const src = /** @type {Element} */ (next);
    if (node.nodeType !== 1) {
      const data = /** @type {CharacterData} */ (next).data;
      if (/** @type {CharacterData} */ (node).data !== data) /** @type {CharacterData} */ (node).data = data;
      return;
    }
    morphAttributes(el, src);
    if (el.tagName === "TEMPLATE") {
      if (el.innerHTML !== src.innerHTML) el.innerHTML = src.innerHTML;
    } else if (ownsChildren(el)) {
      // the client's subtree (rl-ignore): only the element's attributes follow the server
    } else if (isStream(el) && !src.firstChild) {
      // the server forgot this stream's items: the browser's stay
    } else if (el.tagName !== "TEXTAREA") {
      morphChildren(el, src);
    } else if (el.textContent !== src.textContent) {
      morphChildren(el, src);
      syncTextarea(el);
    }
  };

  keepFocus(root.ownerDocument, () => {
    morphChildren(root, source);
    for (const node of leftovers) if (free(/** @type {Element} */ (node))) node.parentNode?.removeChild(node);
  });
}
