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
  /** An element whose children are a stream's items: the server renders them once and forgets them. */
  STREAM: "rl-stream",
  /** Takes the focus when it appears or its value changes (the first invalid field of a form). */
  AUTOFOCUS: "rl-autofocus",
  /** Binds an element to the client hook of that name (hooks.js). */
  HOOK: "rl-hook",
  /** The element's children belong to the client: server patches leave them alone. */
  IGNORE: "rl-ignore",
  /** Client commands (a JSON list) run on click, before the element's rl-click is sent. */
  JS: "rl-js",
  /** On any binding: at most one event per that many ms (the last one of a burst is sent at the end). */
  THROTTLE: "rl-throttle",
  /** Space-separated handler names: the element shows the loading state while one of them is in flight. */
  LOADING_FOR: "rl-loading-for",
  /** Text the element shows while its event is in flight. */
  DISABLE_WITH: "rl-disable-with",
  /** Keeps keyboard focus inside the element while it is in the page and visible. */
  FOCUS_TRAP: "rl-focus-trap",
  /** On a file input: the upload name its files go to (the view's @UploadHandler). */
  UPLOAD: "rl-upload",
  /** On any element: files dropped on it go to that upload name. */
  DROP: "rl-drop",
  /** Where the client lists the files of that upload name, with progress, errors and cancel (the client's children). */
  UPLOAD_LIST: "rl-upload-list",
});

/** Class the client puts on elements whose event is in flight (beside the rl-loading attribute). */
export const LOADING_CLASS = "rl-loading";

/** Classes on `<html>` for the state of the connection. */
export const CONNECTION_CLASS = Object.freeze({
  CONNECTED: "rl-connected",
  DISCONNECTED: "rl-disconnected",
  ERROR: "rl-error",
});

/** `<meta name="relive-banner" content="off">` turns off the default connection banner. */
export const BANNER_META = "relive-banner";

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
  /** An event the view pushes to the page's hooks. */
  PUSH: "push",
  /** Focus an element of the view (after the patches sent before it). */
  FOCUS: "focus",
});

/** Frames of uploads (docs/protocol.md, "Uploads"), both directions; uploads.js uses them. */
export const UPLOAD_FRAME = Object.freeze({
  UPLOAD: "upload",
  CHUNK: "chunk",
  CANCEL: "cancel",
  PROGRESS: "progress",
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
  STREAM: "stream",
});

/** `<meta name="relive-dev" content="true">` turns on the dev client (hvr.js). */
export const DEV_META = "relive-dev";

/** DOM event dispatched on `document` after an HVR swap is live. */
export const HVR_APPLIED_EVENT = "relive:hvr-applied";

/** Close code a server uses for `protocol_mismatch`; the client does not reconnect after it. */
export const CLOSE_PROTOCOL_ERROR = 1002;

/** Close code of a frame larger than the server's `max_pending_bytes`: the client reconnects and mounts again. */
export const CLOSE_TOO_BIG = 1009;
