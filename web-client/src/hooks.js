// Client hooks: `rl-hook="Name"` binds an element to the hook registered under that name, with
// `Relive.hooks.register(name, hook)` or as `globalThis.ReliveHooks[name]` (a script may set it before
// the client starts). A hook is an object whose methods the client calls with `this` an instance of it:
// `mounted()` when the element appears, `updated()` after patches touched it (and after every full
// render and HVR swap), `destroyed()` when it is gone, `disconnected()` / `reconnected()` with the
// socket. The instance has `el`, `pushEvent(handler, params)` (an event to the view's handlers) and
// `handleEvent(name, fn)` (events the view pushes with `ViewSession.pushEvent`). The element is the same
// node for the hook's whole life, across patches, reconnects and HVR swaps.

import { ATTR } from "./constants.js";

/**
 * @typedef {object} HookInstance
 * @property {Element} el
 * @property {(handler: string, params?: Record<string, unknown>) => number | null} pushEvent
 * @property {(name: string, fn: (payload: unknown) => void) => void} handleEvent
 */

/** @type {Map<string, object>} */
const registered = new Map();

/**
 * Registers a hook under name (replacing one of that name).
 * @param {string} name
 * @param {object} hook
 */
export function registerHook(name, hook) {
  registered.set(name, hook);
}

/**
 * @param {string} name
 * @returns {object | undefined}
 */
function lookup(name) {
  const global = /** @type {any} */ (globalThis).ReliveHooks;
  return registered.get(name) ?? (global && Object.hasOwn(global, name) ? global[name] : undefined);
}

/**
 * @param {Element} root
 * @param {Node} node
 * @returns {number[]} node's path from root
 */
function pathOf(root, node) {
  const path = [];
  for (let n = node; n !== root && n.parentNode; n = n.parentNode) path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
  return path;
}

export class Hooks {
  /**
   * @param {Element} root the view root
   * @param {(el: Element, handler: string, params: Record<string, unknown>) => number | null} send sends an event to the view
   */
  constructor(root, send) {
    this.root = root;
    this.send = send;
    /** @type {Map<Element, { name: string, hook: any, handlers: Map<string, Set<(payload: unknown) => void>> }>} */
    this.live = new Map();
    /** @type {Set<string>} hook names already reported missing */
    this.missing = new Set();
  }

  /**
   * Calls a hook's method, reporting what it throws.
   * @param {{ name: string, hook: any }} entry
   * @param {string} method
   * @param {unknown[]} [args]
   */
  _call(entry, method, args = []) {
    if (typeof entry.hook[method] !== "function") return;
    try {
      entry.hook[method](...args);
    } catch (err) {
      console.error(`Relive: hook ${entry.name}.${method} failed`, err);
    }
  }

  /** @returns {Map<Element, number[]>} the path of every live hook's element, before patches move them */
  paths() {
    const paths = new Map();
    for (const el of this.live.keys()) paths.set(el, pathOf(this.root, el));
    return paths;
  }

  /**
   * Brings the hooks in step with the DOM after it changed: mounts new ones, destroys those gone, and
   * runs `updated` on those the change touched.
   * @param {((el: Element) => boolean) | null} touched which kept elements the change touched (null: all)
   */
  scan(touched) {
    const els = Array.from(this.root.querySelectorAll(`[${ATTR.HOOK}]`));
    const seen = new Set(els);
    for (const [el, entry] of Array.from(this.live)) {
      if (!seen.has(el) || el.getAttribute(ATTR.HOOK) !== entry.name) {
        this.live.delete(el);
        this._call(entry, "destroyed");
      }
    }
    for (const el of els) {
      const entry = this.live.get(el);
      if (entry) {
        if (!touched || touched(el)) this._call(entry, "updated");
      } else {
        this._mount(el);
      }
    }
  }

  /**
   * `updated` for the hooks whose element (or something inside it) a patch addressed.
   * @param {readonly { path?: unknown }[]} patches
   * @param {Map<Element, number[]>} before the elements' paths before the patches (paths())
   */
  patched(patches, before) {
    const paths = patches.map((p) => (Array.isArray(p.path) ? p.path : []));
    this.scan((el) => {
      const at = before.get(el) ?? pathOf(this.root, el);
      return paths.some((p) => at.every((index, i) => p[i] === index));
    });
  }

  /** @param {Element} el */
  _mount(el) {
    const name = /** @type {string} */ (el.getAttribute(ATTR.HOOK));
    const def = lookup(name);
    if (!def) {
      if (!this.missing.has(name)) console.warn(`Relive: no hook registered as ${name}`);
      this.missing.add(name);
      return;
    }
    /** @type {Map<string, Set<(payload: unknown) => void>>} */
    const handlers = new Map();
    const hook = Object.create(def);
    Object.assign(hook, {
      el,
      pushEvent: (/** @type {string} */ handler, params = {}) => this.send(el, handler, params),
      handleEvent: (/** @type {string} */ event, /** @type {(payload: unknown) => void} */ fn) => {
        let set = handlers.get(event);
        if (!set) handlers.set(event, (set = new Set()));
        set.add(fn);
      },
    });
    const entry = { name, hook, handlers };
    this.live.set(el, entry);
    this._call(entry, "mounted");
  }

  /**
   * An event the view pushed (a `push` frame): every hook handling that event gets the payload.
   * @param {string} event
   * @param {unknown} payload
   */
  receive(event, payload) {
    for (const entry of Array.from(this.live.values())) {
      for (const fn of Array.from(entry.handlers.get(event) ?? [])) {
        try {
          fn.call(entry.hook, payload);
        } catch (err) {
          console.error(`Relive: hook ${entry.name} failed on ${event}`, err);
        }
      }
    }
  }

  /**
   * The socket dropped (`disconnected`) or the view is live again (`reconnected`).
   * @param {"disconnected" | "reconnected"} method
   */
  each(method) {
    for (const entry of Array.from(this.live.values())) this._call(entry, method);
  }

  /** Known hook names have been registered since: mounts the elements waiting for them. */
  retry() {
    for (const name of Array.from(this.missing)) if (lookup(name)) this.missing.delete(name);
    this.scan(() => false);
  }
}
