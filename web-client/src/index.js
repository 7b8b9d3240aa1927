// Entry point, loaded by the page as <script type="module" src="/relive/client/index.js">.
// Starts the view of the page's [rl-root] once the document is parsed, exposes a minimal
// `window.Relive` (with `hooks.register`), and in dev pages (<meta name="relive-dev" content="true">) loads hvr.js.

import { ATTR, CLIENT_VERSION, DEV_META, SOCKET_PATH } from "./constants.js";
import { registerHook } from "./hooks.js";
import { View } from "./view.js";

export { CLIENT_VERSION as version };

/**
 * @typedef {object} ReliveGlobal
 * @property {string} version client version
 * @property {import("./socket.js").SocketState} state state of the connection
 * @property {View} view the page's view
 * @property {{ register: (name: string, hook: object) => void }} hooks registers a client hook (`rl-hook`)
 */

/**
 * The socket URL for a client served from `base`: `<ctx>/relive/client/index.js` connects to
 * `<ctx>/relive/socket`, with `ws:` for `http:` and `wss:` for `https:`.
 * @param {string} base URL of this module
 * @returns {string}
 */
export function socketUrl(base) {
  const url = new URL(SOCKET_PATH, base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.search = "";
  url.hash = "";
  return url.href;
}

/**
 * @param {Document} doc
 * @returns {boolean} whether the page asks for the dev client
 */
export function isDevPage(doc) {
  return doc.querySelector(`meta[name="${DEV_META}"]`)?.getAttribute("content") === "true";
}

/**
 * Starts the client on doc (once): mounts the view of its `[rl-root]` and sets `window.Relive`.
 * @param {Document} doc
 * @param {Partial<import("./view.js").ViewOptions>} [options] overrides, for tests and embedders
 * @returns {View | null} the view, or null when the page has no `[rl-root]`
 */
export function start(doc, options = {}) {
  const win = /** @type {any} */ (doc.defaultView);
  if (win.Relive) return win.Relive.view;
  const root = doc.querySelector(`[${ATTR.ROOT}]`);
  if (!root) return null;
  const view = new View(root, { socketUrl: socketUrl(import.meta.url), ...options });
  /** @type {ReliveGlobal} */
  const api = {
    version: CLIENT_VERSION,
    get state() {
      return view.state;
    },
    view,
    hooks: {
      register(name, hook) {
        registerHook(name, hook);
        view.behaviours.hooks.retry();
      },
    },
  };
  win.Relive = api;
  if (isDevPage(doc)) {
    // the socket opens once hvr.js listens: the frames that follow a mount (a failing build's overlay) would
    // otherwise reach a page that cannot show them yet
    import("./hvr.js")
      .then(
        (hvr) => hvr.installHvr(view),
        (err) => console.warn("Relive: could not load hvr.js", err),
      )
      .finally(() => view.start());
  } else {
    view.start();
  }
  return view;
}

if (typeof document !== "undefined" && typeof window !== "undefined" && document.defaultView === window) {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => start(document), { once: true });
  } else {
    start(document);
  }
}
