// Client-owned subtrees: the children of an element with `rl-ignore` belong to the client (a chart, a
// map, an editor), and so do those of an `rl-upload-list` (uploads.js fills it). Server patches addressed inside it are skipped, and a full render leaves its children
// as they are; the element's own attributes still follow the server.

import { ATTR } from "./constants.js";

/**
 * Whether a patch addresses a node inside an ignored element (or inserts/moves children of one).
 * @param {Element} root the view root
 * @param {{ op?: unknown, path?: unknown, from?: unknown }} patch
 * @returns {boolean}
 */
export function insideIgnored(root, patch) {
  const structural = patch.op === "insert" || patch.op === "move" || patch.op === "reparent";
  return crossesIgnored(root, patch.path, structural) || (patch.op === "reparent" && crossesIgnored(root, patch.from, false));
}

/**
 * @param {Element} root
 * @param {unknown} path
 * @param {boolean} intoLast whether the last node counts too (the patch changes its children)
 */
function crossesIgnored(root, path, intoLast) {
  if (!Array.isArray(path)) return false;
  /** @type {Node | undefined} */
  let node = root;
  for (let i = 0; i < path.length + (intoLast ? 1 : 0); i++) {
    if (!node || (node.nodeType === 1 && node !== root && ownsChildren(/** @type {Element} */ (node)))) return !!node;
    node = node.childNodes[path[i]];
  }
  return false;
}

/**
 * @param {Element} el
 * @returns {boolean} whether el's children belong to the client (for a full render)
 */
export function ownsChildren(el) {
  return el.hasAttribute(ATTR.IGNORE) || el.hasAttribute(ATTR.UPLOAD_LIST);
}
