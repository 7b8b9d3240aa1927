// Applies the server's patch operations (docs/protocol.md, "Patch operations") to the DOM. Nodes are
// only touched where a patch says so; attributes follow attrs.js, and fieldstate.js keeps focus,
// caret and selection across the patches of a frame.

import { OP } from "./constants.js";
import { rememberServerState, setServerAttr } from "./attrs.js";
import { serverPatched } from "./clientstate.js";
import { insideIgnored } from "./ignore.js";
import { keepFocus, moveNode, syncTextarea } from "./fieldstate.js";
import { parseInto } from "./html.js";
import { applyStream } from "./stream.js";

/**
 * @typedef {{ op: "text", path: number[], text: string }
 *   | { op: "attr", path: number[], name: string, value: string }
 *   | { op: "rmattr", path: number[], name: string }
 *   | { op: "insert", path: number[], index: number, html: string }
 *   | { op: "remove", path: number[] }
 *   | { op: "replace", path: number[], html: string }
 *   | { op: "move", path: number[], from: number, to: number }
 *   | { op: "reparent", path: number[], index: number, from: number[] }
 *   | { op: "stream", path: number[], changes: import("./stream.js").StreamChange[] }} Patch
 */

/** Thrown when a patch does not fit the DOM; the view then asks the server for a full render. */
export class PatchError extends Error {
  /**
   * @param {string} message
   * @param {unknown} [patch]
   */
  constructor(message, patch) {
    super(message);
    this.name = "PatchError";
    this.patch = patch;
  }
}

/**
 * @param {Node} parent
 * @param {string} html
 * @param {unknown} patch
 * @returns {Node} the one node html parses to
 */
function parseOne(parent, html, patch) {
  const nodes = parseInto(parent, str(html, patch)).childNodes;
  if (nodes.length !== 1) throw new PatchError("html is not one node", patch);
  const node = nodes[0];
  node.parentNode?.removeChild(node);
  rememberServerState(node);
  return node;
}

/**
 * @param {Element} root
 * @param {unknown} path
 * @param {unknown} patch
 * @returns {Node}
 */
function resolve(root, path, patch) {
  if (!Array.isArray(path)) throw new PatchError("path is not an array", patch);
  /** @type {Node} */
  let node = root;
  for (const index of path) {
    const child = Number.isInteger(index) && index >= 0 ? node.childNodes[index] : undefined;
    if (!child) throw new PatchError("no node at path", patch);
    node = child;
  }
  return node;
}

/**
 * @param {Node} node
 * @param {unknown} patch
 * @returns {Element}
 */
function asElement(node, patch) {
  if (node.nodeType !== 1) throw new PatchError("not an element", patch);
  return /** @type {Element} */ (node);
}

/**
 * @param {unknown} value
 * @param {unknown} patch
 * @returns {string}
 */
function str(value, patch) {
  if (typeof value !== "string") throw new PatchError("not a string", patch);
  return value;
}

/**
 * @param {unknown} value
 * @param {number} max
 * @param {unknown} patch
 * @returns {number} value, an index in 0..max
 */
function index(value, max, patch) {
  const n = /** @type {number} */ (value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new PatchError("index out of range", patch);
  return n;
}

/**
 * @param {Element} root
 * @param {Node} node
 * @param {unknown} patch
 * @returns {Node} the parent of node, which must not be the view root
 */
function parentOf(root, node, patch) {
  const parent = node.parentNode;
  if (node === root || !parent) throw new PatchError("cannot take out the view root", patch);
  return parent;
}

/**
 * Applies one patch.
 * @param {Element} root the view root (path [])
 * @param {Patch} patch
 */
function applyPatch(root, patch) {
  if (!patch || typeof patch !== "object") throw new PatchError("patch is not an object", patch);
  if (insideIgnored(root, patch)) return;
  const node = resolve(root, patch.path, patch);
  switch (patch.op) {
    case OP.TEXT: {
      if (node.nodeType !== 3) throw new PatchError("not a text node", patch);
      const text = /** @type {Text} */ (node);
      const data = str(patch.text, patch);
      if (text.data !== data) {
        text.data = data;
        syncTextarea(text.parentNode);
      }
      return;
    }
    case OP.ATTR:
    case OP.RMATTR: {
      const el = asElement(node, patch);
      const name = str(patch.name, patch);
      setServerAttr(el, name, patch.op === OP.ATTR ? str(patch.value, patch) : null);
      serverPatched(el, name);
      return;
    }
    case OP.INSERT: {
      const parent = asElement(node, patch);
      const at = index(patch.index, parent.childNodes.length, patch);
      parent.insertBefore(parseOne(parent, patch.html, patch), parent.childNodes[at] ?? null);
      syncTextarea(parent);
      return;
    }
    case OP.REMOVE: {
      const parent = parentOf(root, node, patch);
      parent.removeChild(node);
      syncTextarea(parent);
      return;
    }
    case OP.REPLACE: {
      const parent = parentOf(root, node, patch);
      parent.replaceChild(parseOne(parent, patch.html, patch), node);
      syncTextarea(parent);
      return;
    }
    case OP.MOVE: {
      const parent = asElement(node, patch);
      const count = parent.childNodes.length;
      const from = index(patch.from, count - 1, patch);
      const to = index(patch.to, count - 1, patch);
      if (from === to) return;
      // After taking the child out, the node now at `to` is the one it must precede.
      moveNode(parent, parent.childNodes[from], parent.childNodes[to < from ? to : to + 1] ?? null);
      return;
    }
    case OP.REPARENT: {
      const parent = asElement(node, patch);
      const child = resolve(root, patch.from, patch);
      if (child.contains(parent)) throw new PatchError("cannot move a node into itself", patch);
      const others = Array.from(parent.childNodes).filter((n) => n !== child);
      moveNode(parent, child, others[index(patch.index, others.length, patch)] ?? null);
      return;
    }
    case OP.STREAM: {
      const problem = applyStream(asElement(node, patch), patch.changes);
      if (problem) throw new PatchError(problem, patch);
      return;
    }
    default:
      throw new PatchError("unknown op", patch);
  }
}

/**
 * Applies the patches of a `patch` frame, in order, to the view root. Throws PatchError at the first
 * patch that does not fit (the DOM may then be partly patched: the caller morphs to a full render).
 * @param {Element} root the view root element (path [])
 * @param {readonly Patch[]} patches
 */
export function applyPatches(root, patches) {
  if (!Array.isArray(patches)) throw new PatchError("patches is not an array", patches);
  keepFocus(root.ownerDocument, () => {
    for (const patch of patches) applyPatch(root, patch);
  });
}
