// One WebSocket to the server: JSON frames in and out, `ref` numbering per connection, keep-alive
// pings, and reconnection with exponential backoff and jitter.

import { CLIENT_FRAME, CLOSE_PROTOCOL_ERROR } from "./constants.js";

/**
 * A frame as it travels on the wire: a JSON object whose `type` names it.
 * @typedef {{ type: string, ref?: number, [field: string]: unknown }} Frame
 */

/**
 * A frame to send with request(), which numbers it.
 * @typedef {{ type: string, [field: string]: unknown }} OutFrame
 */

/**
 * The part of the browser's WebSocket this module uses (a fake one can be injected in tests).
 * @typedef {object} WebSocketLike
 * @property {number} readyState
 * @property {(data: string) => void} send
 * @property {(code?: number, reason?: string) => void} close
 * @property {((ev: any) => void) | null} onopen
 * @property {((ev: any) => void) | null} onmessage
 * @property {((ev: any) => void) | null} onclose
 * @property {((ev: any) => void) | null} onerror
 */

/** @typedef {new (url: string) => WebSocketLike} WebSocketClass */

/**
 * Timer functions, injectable so tests control time.
 * @typedef {object} Timers
 * @property {(fn: () => void, ms: number) => any} setTimeout
 * @property {(id: any) => void} clearTimeout
 */

/**
 * Reconnection delays: `base * factor^attempt`, capped at `max`, then jittered into `[d/2, d)`.
 * @typedef {object} Backoff
 * @property {number} base first delay in ms
 * @property {number} max largest delay in ms
 * @property {number} factor growth per attempt
 */

/**
 * @typedef {"idle" | "connecting" | "open" | "reconnecting" | "closed"} SocketState
 */

/**
 * @typedef {object} CloseInfo
 * @property {number} code close code of the WebSocket (1006 when it could not be created)
 * @property {string} reason
 * @property {number | null} retryIn ms until the next attempt, or null when the socket stays closed
 */

/**
 * @typedef {object} SocketOptions
 * @property {WebSocketClass} [WebSocket] the WebSocket class (default: the global one)
 * @property {Partial<Backoff>} [backoff]
 * @property {() => number} [random] source of jitter in [0, 1) (default Math.random)
 * @property {Timers} [timers]
 * @property {number} [heartbeatMs] ms between keep-alive pings; 0 turns them off (default 30000)
 * @property {() => void} [onOpen] called when a connection opened (first or after a reconnect)
 * @property {(frame: Frame) => void} [onFrame] called for each frame received
 * @property {(info: CloseInfo) => void} [onClose] called when a connection closed or failed
 */

/** @type {Backoff} */
/**
 * The length of `text` in UTF-8 bytes.
 * @param {string} text
 * @returns {number}
 */
export function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export const DEFAULT_BACKOFF = Object.freeze({ base: 500, max: 30000, factor: 2 });

/** @type {Timers} the global setTimeout/clearTimeout */
export const GLOBAL_TIMERS = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
};

const OPEN = 1;

/**
 * Delay before reconnection attempt number `attempt` (0 for the first retry).
 * The exponential delay `d = min(max, base * factor^attempt)` is spread over `[d/2, d)` ("equal jitter")
 * so that many tabs dropped at once do not all come back at the same instant.
 * @param {number} attempt
 * @param {Backoff} backoff
 * @param {() => number} random returns a number in [0, 1)
 * @returns {number} ms
 */
export function backoffDelay(attempt, backoff, random) {
  const full = Math.min(backoff.max, backoff.base * Math.pow(backoff.factor, attempt));
  return Math.round(full / 2 + random() * (full / 2));
}

/**
 * A self-reconnecting WebSocket speaking JSON frames. It never queues: a frame sent while the
 * connection is down is refused (`null`/`false`), because the server forgets a session's in-flight
 * work when its socket closes.
 */
export class ReliveSocket {
  /**
   * @param {string} url `ws:` or `wss:` URL of the endpoint
   * @param {SocketOptions} [options]
   */
  constructor(url, options = {}) {
    this.url = url;
    /** @type {WebSocketClass} */
    this.WebSocket = options.WebSocket ?? /** @type {WebSocketClass} */ (/** @type {unknown} */ (globalThis.WebSocket));
    /** @type {Backoff} */
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? GLOBAL_TIMERS;
    this.heartbeatMs = options.heartbeatMs ?? 30000;
    this.options = options;
    /** @type {SocketState} */
    this._state = "idle";
    /** @type {WebSocketLike | null} */
    this.ws = null;
    /** Last ref handed out on this connection. */
    this.ref = 0;
    /** Failed attempts since a connection last worked; drives the backoff. */
    this.attempt = 0;
    /** Number of connections that opened so far. */
    this.connections = 0;
    /** @type {any} */
    this.retryTimer = null;
    /** @type {any} */
    this.heartbeatTimer = null;
    /** Ref of a ping not answered yet (0: none). */
    this.pendingPing = 0;
    this.stopped = false;
    /** The largest frame the server reads, in UTF-8 bytes (0: not told yet); see {@link ReliveSocket#request}. */
    this.maxFrameBytes = 0;
  }

  /** @returns {SocketState} */
  get state() {
    return this._state;
  }

  /** Opens the connection (no-op when already connecting or open). */
  connect() {
    this.stopped = false;
    if (this._state === "connecting" || this._state === "open") return;
    this._clearRetry();
    this._state = "connecting";
    let ws;
    try {
      ws = new this.WebSocket(this.url);
    } catch (err) {
      this._closed(1006, String(err));
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this._state = "open";
      this.ref = 0;
      this.pendingPing = 0;
      this.connections++;
      this._scheduleHeartbeat();
      this.options.onOpen?.();
    };
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      this._receive(ev.data);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this._closed(ev?.code ?? 1006, ev?.reason ?? "");
    };
    ws.onerror = () => {
      // A `close` event always follows; reconnection is handled there.
    };
  }

  /**
   * Skips the wait of a pending reconnection (e.g. when the browser comes back online).
   */
  reconnectNow() {
    if (this._state === "reconnecting") {
      this._clearRetry();
      this._state = "idle";
      this.connect();
    }
  }

  /**
   * Closes the connection for good (no reconnection).
   * @param {number} [code]
   * @param {string} [reason]
   */
  close(code = 1000, reason = "") {
    this.stopped = true;
    this._clearRetry();
    this._clearHeartbeat();
    const ws = this.ws;
    this.ws = null;
    this._state = "closed";
    if (ws) ws.close(code, reason);
  }

  /**
   * Sends a frame as is (used for `mount`, which has no `ref`).
   * @param {Frame} frame
   * @returns {boolean} false when the connection is not open
   */
  send(frame) {
    const ws = this.ws;
    if (this._state !== "open" || !ws || ws.readyState !== OPEN) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }

  /**
   * Sends a frame that expects an answer, numbering it with the next `ref` of this connection.
   * @param {OutFrame} frame
   * @returns {number | null} the ref, or null when the connection is not open
   */
  request(frame) {
    if (this._state !== "open") return null;
    const ref = this.ref + 1;
    const text = JSON.stringify({ ...frame, ref });
    const bytes = this.maxFrameBytes > 0 && text.length * 3 > this.maxFrameBytes ? utf8Length(text) : 0;
    if (bytes > this.maxFrameBytes) {
      // The server would refuse it, or (far over) its WebSocket layer would close the socket, and a bound field's
      // value sent again after each reconnect would close it again: it is answered here as the server would.
      this.ref = ref;
      const message = `the frame of ${bytes} bytes is over the server's limit of ${this.maxFrameBytes} bytes; it was not sent`;
      this.timers.setTimeout(() => this.options.onFrame?.({ type: "error", ref, code: "too_large", message }), 0);
      return ref;
    }
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return null;
    ws.send(text);
    this.ref = ref;
    return ref;
  }

  /** @param {unknown} data */
  _receive(data) {
    /** @type {unknown} */
    let frame = null;
    try {
      frame = JSON.parse(String(data));
    } catch {
      // not JSON: no frame
    }
    if (!frame || typeof frame !== "object" || Array.isArray(frame) || typeof (/** @type {any} */ (frame).type) !== "string") {
      console.warn("Relive: ignoring a message that is not a JSON frame");
      return;
    }
    // The connection works: the next drop starts the backoff from the beginning, and it is alive.
    this.attempt = 0;
    this.pendingPing = 0;
    this.options.onFrame?.(/** @type {Frame} */ (frame));
  }

  /**
   * @param {number} code
   * @param {string} reason
   */
  _closed(code, reason) {
    this._clearHeartbeat();
    if (this.stopped || code === CLOSE_PROTOCOL_ERROR) {
      // Closed by us, or the server does not speak our protocol: retrying cannot help.
      this._state = "closed";
      this.options.onClose?.({ code, reason, retryIn: null });
      return;
    }
    const delay = backoffDelay(this.attempt, this.backoff, this.random);
    this.attempt++;
    this._state = "reconnecting";
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this._state = "idle";
      this.connect();
    }, delay);
    this.options.onClose?.({ code, reason, retryIn: delay });
  }

  _scheduleHeartbeat() {
    this._clearHeartbeat();
    if (this.heartbeatMs <= 0) return;
    this.heartbeatTimer = this.timers.setTimeout(() => {
      this.heartbeatTimer = null;
      if (this._state !== "open") return;
      if (this.pendingPing) {
        // No frame at all since the last ping: the connection is dead without knowing it. Drop it
        // now rather than wait for the browser's close handshake to time out.
        const ws = this.ws;
        this.ws = null;
        if (ws) ws.close(4000, "heartbeat timeout");
        this._closed(4000, "heartbeat timeout");
        return;
      }
      this.pendingPing = this.request({ type: CLIENT_FRAME.PING }) ?? 0;
      this._scheduleHeartbeat();
    }, this.heartbeatMs);
  }

  _clearHeartbeat() {
    if (this.heartbeatTimer !== null) this.timers.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  _clearRetry() {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
