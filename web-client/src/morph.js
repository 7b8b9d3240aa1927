// Morphs the view root's DOM to a whole new HTML (`mounted` and `render` frames), reusing every node
// it can so that what belongs to the user (fieldstate.js, attrs.js) survives.
//
// An id on both the old and the new HTML, once on each, is a kept id: the element carrying it keeps
// its node wherever the new HTML puts it (in a new wrapper, out of one, past its siblings). Child
// list by child list, each new child takes, from the old children not yet used:
// 1. one of the same tag with its rl-key; else with its kept id; else sharing kept ids with it; else
//    one without key or kept id of its own, rather with the same class and no kept ids inside (a
//    text node: only the next old child);
// 2. else the element with its kept id from anywhere in the view, or for a child holding kept ids,
//    the closest old container of its tag around one of them that holds them all.
// A child without a match is inserted; one holding kept ids is built around them. Old children no
// new one needs are removed, those holding kept ids only at the end.

import { ATTR } from "./constants.js";
import { morphAttributes, rememberServerState } from "./attrs.js";
import { keepFocus, moveNode, syncTextarea } from "./fieldstate.js";
import { parseInto } from "./html.js";

/**
 * @typedef {object} Morph
 * @property {Element} root
 * @property {Set<string>} kept the kept ids
 * @property {Map<Node, Set<string>>} ids the kept ids inside each old and new node holding some
 * @property {Map<string, Element>} byId the old element of each kept id
 * @property {Set<Node>} placed old nodes given their place in the new DOM
 * @property {Node[]} leftovers old nodes to remove at the end
 */

/** @type {Set<string>} */
const NONE = new Set();

/**
 * Morphs the children of the view root to the inner HTML `html`.
 * @param {Element} root the view root element
 * @param {string} html its new inner HTML
 */
export function morph(root, html) {
  const source = /** @type {Element} */ (parseInto(root, html));
  const m = plan(root, source);
  keepFocus(root.ownerDocument, () => {
    morphChildren(m, root, source);
    for (const node of m.leftovers) if (!m.placed.has(node) && root.contains(node)) node.parentNode?.removeChild(node);
  });
}

/**
 * @param {Element} root
 * @param {ParentNode} source
 * @returns {Morph}
 */
function plan(root, source) {
  /** @param {ParentNode} scope */
  const count = (scope) => {
    /** @type {Map<string, number>} */
    const n = new Map();
    for (const el of Array.from(scope.querySelectorAll("[id]"))) n.set(el.id, (n.get(el.id) ?? 0) + 1);
    return n;
  };
  const after = count(source);
  /** @type {Morph} */
  const m = { root, kept: new Set(), ids: new Map(), byId: new Map(), placed: new Set([root]), leftovers: [] };
  for (const [id, n] of count(root)) if (id && n === 1 && after.get(id) === 1) m.kept.add(id);
  for (const scope of [root, source]) {
    for (const el of Array.from(scope.querySelectorAll("[id]"))) {
      if (!m.kept.has(el.id)) continue;
      if (scope === root) m.byId.set(el.id, el);
      for (let n = /** @type {Node | null} */ (el); n && n !== scope; n = n.parentNode) {
        const set = m.ids.get(n) ?? new Set();
        m.ids.set(n, set.add(el.id));
      }
    }
  }
  return m;
}

/**
 * @param {Morph} m
 * @param {Node} node
 */
function idsOf(m, node) {
  return m.ids.get(node) ?? NONE;
}

/**
 * @param {Morph} m
 * @param {Element} el
 * @returns {string | null} its id when it is a kept one
 */
function keptId(m, el) {
  return m.kept.has(el.id) ? el.id : null;
}

/**
 * @param {Morph} m
 * @param {Node} target
 * @param {Node} source
 */
function morphChildren(m, target, source) {
  const wanted = Array.from(source.childNodes);
  /** @type {Map<string, number>} how many of the new children still to place have each node name */
  const needed = new Map();
  for (const next of wanted) needed.set(next.nodeName, (needed.get(next.nodeName) ?? 0) + 1);
  let cursor = target.firstChild;
  for (const next of wanted) {
    while (cursor && !idsOf(m, cursor).size && !needed.get(cursor.nodeName)) {
      const drop = cursor;
      cursor = cursor.nextSibling;
      target.removeChild(drop);
    }
    needed.set(next.nodeName, /** @type {number} */ (needed.get(next.nodeName)) - 1);
    const match = sibling(m, cursor, next) ?? elsewhere(m, next);
    if (match) {
      for (let a = match.parentNode; a && a !== m.root; a = a.parentNode) {
        for (const id of idsOf(m, match)) idsOf(m, a).delete(id);
      }
      if (match !== cursor) moveNode(target, match, cursor);
      m.placed.add(match);
      morphNode(m, match, next);
      cursor = match.nextSibling;
    } else if (idsOf(m, next).size) {
      const shell = target.insertBefore(next.cloneNode(false), cursor);
      rememberServerState(shell);
      morphChildren(m, shell, next);
      cursor = shell.nextSibling;
    } else {
      target.insertBefore(next, cursor);
      rememberServerState(next);
    }
  }
  while (cursor) {
    const left = cursor;
    cursor = cursor.nextSibling;
    if (idsOf(m, left).size) m.leftovers.push(left);
    else target.removeChild(left);
  }
}

/**
 * @param {Morph} m
 * @param {ChildNode | null} cursor the first old child not placed yet
 * @param {Node} next
 * @returns {ChildNode | null} the old sibling to morph into next
 */
function sibling(m, cursor, next) {
  if (next.nodeType !== 1) return cursor?.nodeType === next.nodeType ? cursor : null;
  const el = /** @type {Element} */ (next);
  const key = el.getAttribute(ATTR.KEY);
  const id = keptId(m, el);
  const ids = idsOf(m, el);
  let best = null;
  let score = 0;
  for (let node = cursor; node; node = node.nextSibling) {
    if (node.nodeName !== el.nodeName) continue;
    const old = /** @type {Element} */ (node);
    const oldKey = old.getAttribute(ATTR.KEY);
    const oldId = keptId(m, old);
    const inside = idsOf(m, old);
    if (key !== null) {
      if (oldKey === key) return node;
    } else if (id && oldId === id) {
      return node;
    } else if (!oldId && oldKey === null) {
      for (const x of ids) if (inside.has(x)) return node;
      const s = (old.getAttribute("class") === el.getAttribute("class") ? 2 : 0) + (inside.size ? 0 : 1);
      if (s > score) {
        best = node;
        score = s;
      }
    }
  }
  return best;
}

/**
 * @param {Morph} m
 * @param {Node} next
 * @returns {Element | null} the old element, from elsewhere in the view, to move in as next
 */
function elsewhere(m, next) {
  if (next.nodeType !== 1) return null;
  const el = /** @type {Element} */ (next);
  if (el.hasAttribute(ATTR.KEY)) return null;
  /** @param {Element | undefined} c */
  const free = (c) => !!c && !m.placed.has(c) && m.root.contains(c);
  const id = keptId(m, el);
  if (id) {
    const old = m.byId.get(id);
    return free(old) && old?.nodeName === el.nodeName ? /** @type {Element} */ (old) : null;
  }
  const ids = idsOf(m, el);
  for (const x of ids) {
    const holder = m.byId.get(x);
    if (!free(holder)) continue;
    for (let a = /** @type {Element} */ (holder).parentElement; a && !m.placed.has(a); a = a.parentElement) {
      if (a.nodeName === el.nodeName && !a.hasAttribute(ATTR.KEY) && !keptId(m, a) && [...ids].every((y) => idsOf(m, a).has(y))) {
        return a;
      }
    }
  }
  return null;
}

/**
 * @param {Morph} m
 * @param {Node} node an existing node
 * @param {Node} next the server's version of it (same node name)
 */
function morphNode(m, node, next) {
  if (node.nodeType !== 1) {
    const data = /** @type {CharacterData} */ (next).data;
    if (/** @type {CharacterData} */ (node).data !== data) /** @type {CharacterData} */ (node).data = data;
    return;
  }
  const el = /** @type {Element} */ (node);
  const src = /** @type {Element} */ (next);
  morphAttributes(el, src);
  if (el.tagName === "TEMPLATE") {
    if (el.innerHTML !== src.innerHTML) el.innerHTML = src.innerHTML;
  } else if (el.tagName !== "TEXTAREA") {
    morphChildren(m, el, src);
  } else if (el.textContent !== src.textContent) {
    morphChildren(m, el, src);
    syncTextarea(el);
  }
}
