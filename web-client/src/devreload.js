// Dev only: loaded by a page the server could not show (its built-in or the application's error page, in dev mode).
// Such a page has no live view and so no socket that HVR could send its changes to; instead it asks HVR how many
// changes it has applied (GET /relive/hvr/changes) every half second and reloads once that moves: the save that
// fixes a view, creates its missing template or adds its route then shows without a reload by hand. The page's
// <meta name="relive-dev-reload" content="MS"> says when the server rendered it (ms since the epoch), so a change
// made between that render and the first answer reloads it too. An answer of 404 (no HVR) ends the watch; a failed
// request (the runtime restarting) is tried again, and a restarted runtime answers with another run, which reloads.

/** The meta element of a page to watch. */
export const DEV_RELOAD_META = "relive-dev-reload";
/** HVR's count of changes, relative to the client's folder (`<ctx>/relive/client/`). */
export const CHANGES_PATH = "../hvr/changes";
/** How often the count is asked for. */
export const POLL_MS = 500;

/**
 * @typedef {object} Changes
 * @property {string} run the runtime's run: another after a restart
 * @property {number} changes changes applied in this run
 * @property {number} last when the last one was applied, ms since the epoch (0: none yet)
 */

/**
 * Watches HVR's changes for a page rendered at `renderedAt` and calls `reload` once one is applied after it.
 * @param {{ url: string, renderedAt: number, reload: () => void, fetch?: typeof globalThis.fetch,
 *   schedule?: (fn: () => void, ms: number) => unknown, pollMs?: number }} options
 * @returns {() => void} stops watching
 */
export function watchChanges(options) {
  const request = options.fetch ?? globalThis.fetch;
  const schedule = options.schedule ?? setTimeout;
  const pollMs = options.pollMs ?? POLL_MS;
  /** @type {Changes | null} */
  let seen = null;
  let stopped = false;

  async function poll() {
    if (stopped) {
      return;
    }
    /** @type {Changes | null} */
    let now = null;
    try {
      const response = await request(options.url, { cache: "no-store", credentials: "same-origin" });
      if (response.status === 404) {
        return; // no HVR here: nothing will change
      }
      if (response.ok) {
        now = parse(await response.text());
      }
    } catch {
      // the runtime is stopping or starting: ask again
    }
    if (stopped) {
      return;
    }
    if (now !== null) {
      const moved = seen === null ? now.last > options.renderedAt
        : now.run !== seen.run || now.changes !== seen.changes;
      if (moved) {
        stopped = true;
        options.reload();
        return;
      }
      seen = now;
    }
    schedule(poll, pollMs);
  }

  poll();
  return () => {
    stopped = true;
  };
}

/**
 * @param {string} text
 * @returns {Changes | null} the answer, or null when it is not one
 */
function parse(text) {
  try {
    const value = JSON.parse(text);
    if (value && typeof value.run === "string" && typeof value.changes === "number" && typeof value.last === "number") {
      return value;
    }
  } catch {
    // not an answer of HVR's
  }
  return null;
}

/**
 * Starts watching when `doc` is a page to watch (it carries the meta element).
 * @param {Document} doc
 * @param {string} base URL of this module
 * @param {() => void} reload
 * @returns {(() => void) | null}
 */
export function startIfAsked(doc, base, reload) {
  const meta = doc.querySelector(`meta[name="${DEV_RELOAD_META}"]`);
  const renderedAt = Number(meta?.getAttribute("content"));
  if (!meta || !Number.isFinite(renderedAt)) {
    return null;
  }
  return watchChanges({ url: new URL(CHANGES_PATH, base).href, renderedAt, reload });
}

if (typeof document !== "undefined" && typeof location !== "undefined") {
  startIfAsked(document, import.meta.url, () => location.reload());
}
