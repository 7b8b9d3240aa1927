// Every name the client shares with the server: wire protocol version, frame types, patch ops,
// and the `rl-` attributes. The contract is docs/protocol.md; nothing else spells these strings.

/** Wire protocol version this client speaks (sent in `mount`). */
export const PROTOCOL = 1;

/** Version of this client, exposed as `window.Relive.version`. */
export const CLIENT_VERSION = "0.1.0";

/** Path of the WebSocket endpoint, relative to the `relive/` folder the client is served from. */
export const SOCKET_PATH = "../socket";

/** The `rl-` attributes (docs/protocol.md, "Client attributes" and "The page"). */
export const ATTR = Object.freeze({
  ROOT: "rl-root",
  VIEW: "rl-view",
  TOKEN: "rl-token",
  CHILD: "rl-child",
  CLICK: "rl-click",
  CHANGE: "rl-change",
  SUBMIT: "rl-submit",
  BLUR: "rl-blur",
  FOCUS: "rl-focus",
  INPUT: "rl-input",
  DEBOUNCE: "rl-debounce",
  KEYDOWN: "rl-keydown",
  KEYUP: "rl-keyup",
  /** Identity of an element among its siblings, for keyed diffing. */
  KEY: "rl-key",
  /** On an element with `rl-keydown`/`rl-keyup`: the only key that sends the event. */
  KEY_FILTER: "rl-key-filter",
  VALUE_PREFIX: "rl-value-",
  MODEL: "rl-model",
  NAV: "rl-nav",
  /** On `<a href>`: change the URL within the view (no remount) instead of a page load. */
  PATCH: "rl-patch",
  LOADING: "rl-loading",
});

/** Frames the client sends. */
export const CLIENT_FRAME = Object.freeze({
  MOUNT: "mount",
  EVENT: "event",
  MODEL: "model",
  RENDER: "render",
  NAVIGATE: "navigate",
  URL: "url",
  PING: "ping",
});

/** Frames the server sends. */
export const SERVER_FRAME = Object.freeze({
  MOUNTED: "mounted",
  PATCH: "patch",
  ACK: "ack",
  RENDER: "render",
  PONG: "pong",
  ERROR: "error",
  REDIRECT: "redirect",
  NAVIGATE: "navigate",
  PUSH_URL: "push-url",
  RELOAD: "reload",
  HVR_APPLIED: "hvr-applied",
  HVR_ERROR: "hvr-error",
});

/** Patch operations (docs/protocol.md, "Patch operations"). */
export const OP = Object.freeze({
  TEXT: "text",
  ATTR: "attr",
  RMATTR: "rmattr",
  INSERT: "insert",
  REMOVE: "remove",
  REPLACE: "replace",
  MOVE: "move",
  REPARENT: "reparent",
});

/** `<meta name="relive-dev" content="true">` turns on the dev client (hvr.js). */
export const DEV_META = "relive-dev";

/** DOM event dispatched on `document` after an HVR swap is live. */
export const HVR_APPLIED_EVENT = "relive:hvr-applied";

/** Close code a server uses for `protocol_mismatch`; the client does not reconnect after it. */
export const CLOSE_PROTOCOL_ERROR = 1002;
