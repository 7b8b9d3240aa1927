import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { page } from "./helpers.js";
import { watchChanges, startIfAsked, CHANGES_PATH, DEV_RELOAD_META } from "../src/devreload.js";

/** A server whose answers the test sets, and a manual scheduler. */
function harness(answers) {
  const requests = [];
  /** @type {(() => void)[]} */
  const pending = [];
  let reloads = 0;
  const fetch = async (/** @type {string} */ url) => {
    requests.push(url);
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next instanceof Error) {
      throw next;
    }
    return { status: next.status ?? 200, ok: (next.status ?? 200) === 200, text: async () => JSON.stringify(next.body) };
  };
  const schedule = (/** @type {() => void} */ fn) => pending.push(fn);
  /** Runs the scheduled polls until none is left or `max` ran; lets each request settle first. */
  async function run(max = 10) {
    for (let i = 0; i < max; i++) {
      await new Promise((r) => setTimeout(r, 0));
      const fn = pending.shift();
      if (!fn) {
        return;
      }
      fn();
    }
    await new Promise((r) => setTimeout(r, 0));
  }
  return { fetch, schedule, requests, pending, run, reloads: () => reloads, reload: () => reloads++ };
}

const RUN = { run: "r1", changes: 0, last: 0 };

describe("watchChanges", () => {
  test("reloads once the count moves after the page was rendered", async () => {
    const h = harness([{ body: RUN }, { body: RUN }, { body: { run: "r1", changes: 1, last: 2000 } }]);
    watchChanges({ url: "/relive/hvr/changes", renderedAt: 1000, reload: h.reload, fetch: /** @type {any} */ (h.fetch), schedule: h.schedule });
    await h.run();
    assert.equal(h.reloads(), 1);
    assert.equal(h.requests.length, 3);
    assert.equal(h.pending.length, 0, "no poll after the reload");
  });

  test("a change made between the render and the first answer reloads at once", async () => {
    const h = harness([{ body: { run: "r1", changes: 4, last: 1500 } }]);
    watchChanges({ url: "/x", renderedAt: 1000, reload: h.reload, fetch: /** @type {any} */ (h.fetch), schedule: h.schedule });
    await h.run();
    assert.equal(h.reloads(), 1);
    assert.equal(h.requests.length, 1);
  });

  test("changes made before the render do not reload", async () => {
    const h = harness([{ body: { run: "r1", changes: 4, last: 900 } }]);
    watchChanges({ url: "/x", renderedAt: 1000, reload: h.reload, fetch: /** @type {any} */ (h.fetch), schedule: h.schedule });
    await h.run(5);
    assert.equal(h.reloads(), 0);
    assert.ok(h.pending.length > 0, "still watching");
  });

  test("no HVR (404) ends the watch without a reload", async () => {
    const h = harness([{ status: 404 }]);
    watchChanges({ url: "/x", renderedAt: 1000, reload: h.reload, fetch: /** @type {any} */ (h.fetch), schedule: h.schedule });
    await h.run();
    assert.equal(h.reloads(), 0);
    assert.equal(h.pending.length, 0);
  });

  test("a runtime restarting is waited for, and its new run reloads", async () => {
    const h = harness([{ body: RUN }, new TypeError("Failed to fetch"), { status: 503 }, { body: "not json" },
      { body: { run: "r2", changes: 0, last: 0 } }]);
    watchChanges({ url: "/x", renderedAt: 1000, reload: h.reload, fetch: /** @type {any} */ (h.fetch), schedule: h.schedule });
    await h.run();
    assert.equal(h.reloads(), 1);
    assert.equal(h.requests.length, 5);
  });

  test("stop ends the watch", async () => {
    const h = harness([{ body: RUN }, { body: { run: "r1", changes: 1, last: 2000 } }]);
    const stop = watchChanges({ url: "/x", renderedAt: 1000, reload: h.reload, fetch: /** @type {any} */ (h.fetch), schedule: h.schedule });
    await new Promise((r) => setTimeout(r, 0));
    stop();
    await h.run();
    assert.equal(h.reloads(), 0);
  });
});

describe("startIfAsked", () => {
  test("watches a page that carries the meta element, at HVR's path beside the client's folder", () => {
    const { doc } = page("<h1>Error</h1>", { head: `<meta name="${DEV_RELOAD_META}" content="1000">` });
    const seen = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = /** @type {any} */ (async (/** @type {string} */ url) => {
      seen.push(url);
      return { status: 404, ok: false, text: async () => "" };
    });
    try {
      const stop = startIfAsked(doc, "http://localhost:8080/relive/client/devreload.js", () => {});
      assert.ok(stop);
      stop();
      assert.deepEqual(seen, [new URL(CHANGES_PATH, "http://localhost:8080/relive/client/devreload.js").href]);
      assert.equal(seen[0], "http://localhost:8080/relive/hvr/changes");
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  test("leaves other pages alone", () => {
    const { doc } = page("<h1>Error</h1>");
    assert.equal(startIfAsked(doc, "http://localhost:8080/relive/client/devreload.js", () => {}), null);
  });
});
