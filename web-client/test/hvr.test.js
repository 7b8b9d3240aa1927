import { test, describe, afterEach } from "node:test";
import assert from "node:assert/strict";
import { page, fakeWebSocketClass, captureConsole, FakeClock } from "./helpers.js";
import { View } from "../src/view.js";
import { installHvr, reloadReasonText, DEV_BACKOFF_MAX_MS, OVERLAY_ID, RELOADED_ATTR, RELOADED_KEY, RELOADED_MS, TOAST_ATTR, TOAST_MS } from "../src/hvr.js";

const VIEW = "dev.relive.examples.counter.CounterView";
const FILE = "/home/ada/app/bundles/dev.relive.examples.counter/src/main/java/dev/relive/examples/counter/CounterView.java";
const APPLIED = { type: "hvr-applied", view: VIEW, version: 3, file: FILE, ms: 84, bundle: "dev.relive.examples.counter" };
const BUILD_ERROR = { type: "hvr-error", bundle: "dev.relive.examples.counter", file: FILE, line: 21, column: 9, message: "';' expected" };

/**
 * A mounted view with hvr.js installed (default timers, so node's mock timers drive the toast).
 * @param {{ storage?: Record<string, string>, timers?: FakeClock, inner?: string }} [options] what the tab's sessionStorage holds
 *   before the page starts; the timers of hvr.js
 */
function setup(options = {}) {
  const inner = options.inner ?? '<p>Count: <b id="n">5</b></p>';
  const { win, doc } = page(`<div rl-root rl-view="${VIEW}" rl-token="t">${inner}</div>`, {
    head: '<meta name="relive-dev" content="true">',
  });
  for (const [key, value] of Object.entries(options.storage ?? {})) win.sessionStorage.setItem(key, value);
  const root = /** @type {HTMLElement} */ (doc.querySelector("[rl-root]"));
  const WS = fakeWebSocketClass();
  const browser = { reloads: 0, reload() { this.reloads++; }, assign() {} };
  const view = new View(root, {
    socketUrl: "ws://x/relive/socket",
    WebSocket: /** @type {any} */ (WS),
    heartbeatMs: 0,
    browser,
    ...(options.timers ? { timers: options.timers, random: () => 0.5 } : {}),
  });
  view.start();
  const hvr = installHvr(view, options.timers ? { timers: options.timers } : {});
  const ws = WS.instances[0];
  ws.open();
  ws.receive({ type: "mounted", protocol: 1, session: "S", view: VIEW, url: "/counter", seq: 0, html: root.innerHTML, title: "Counter" });
  /** @param {string} selector */
  const $ = (selector) => /** @type {any} */ (doc.querySelector(selector));
  return { win, doc, view, ws, hvr, browser, $, WS };
}

afterEach(() => {
  delete (/** @type {any} */ (globalThis)).reliveDebug;
});

describe("hvr-applied", () => {
  test("dispatches relive:hvr-applied with the frame as detail, after the swap's patches are applied", () => {
    const { doc, ws, $ } = setup();
    /** @type {{ detail: any, count: string }[]} */
    const events = [];
    doc.addEventListener("relive:hvr-applied", (/** @type {any} */ ev) => events.push({ detail: ev.detail, count: $("#n").textContent }));
    ws.receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [0, 1, 0], text: "five" }] });
    ws.receive(APPLIED);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0].detail, APPLIED);
    assert.equal(events[0].count, "five");
  });

  test("shows no toast unless globalThis.reliveDebug === true", () => {
    const { doc, ws } = setup();
    ws.receive(APPLIED);
    (/** @type {any} */ (globalThis)).reliveDebug = "yes";
    ws.receive(APPLIED);
    assert.equal(doc.querySelector(`[${TOAST_ATTR}]`), null);
    assert.equal(doc.querySelector('[role="status"]'), null);
  });

  test("with reliveDebug, a green status toast bottom-right, removed after 3 s", (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    (/** @type {any} */ (globalThis)).reliveDebug = true;
    const { doc, ws } = setup();
    ws.receive(APPLIED);
    const toast = /** @type {HTMLElement} */ (doc.querySelector(`[${TOAST_ATTR}]`));
    assert.ok(toast);
    assert.equal(toast.getAttribute("role"), "status");
    assert.equal(toast.textContent, "HVR applied: CounterView v3 (84 ms)");
    assert.equal(toast.style.position, "fixed");
    assert.equal(toast.style.bottom, "16px");
    assert.equal(toast.style.right, "16px");
    assert.match(toast.style.background, /rgb\(21, 128, 61\)|#15803d/);
    t.mock.timers.tick(TOAST_MS - 1);
    assert.ok(toast.isConnected);
    t.mock.timers.tick(1);
    assert.equal(toast.isConnected, false);
    assert.equal(doc.querySelector(`[${TOAST_ATTR}]`), null);
  });

  test("with reliveDebug, the toast names the fields whose values were not carried", () => {
    (/** @type {any} */ (globalThis)).reliveDebug = true;
    const { doc, ws } = setup();
    ws.receive({ ...APPLIED, dropped: ["error", "listener"] });
    const toast = /** @type {HTMLElement} */ (doc.querySelector(`[${TOAST_ATTR}]`));
    assert.equal(toast.textContent, "HVR applied: CounterView v3 (84 ms); not carried: error, listener");
    ws.receive({ ...APPLIED, version: 4, dropped: [] });
    assert.equal(doc.querySelector(`[${TOAST_ATTR}]`)?.textContent, "HVR applied: CounterView v4 (84 ms)");
  });

  test("a new toast replaces the previous one and gets its own 3 s", (t) => {
    t.mock.timers.enable({ apis: ["setTimeout"] });
    (/** @type {any} */ (globalThis)).reliveDebug = true;
    const { doc, ws } = setup();
    ws.receive(APPLIED);
    t.mock.timers.tick(2000);
    ws.receive({ ...APPLIED, version: 4, ms: 12 });
    const toasts = doc.querySelectorAll(`[${TOAST_ATTR}]`);
    assert.equal(toasts.length, 1);
    assert.equal(toasts[0].textContent, "HVR applied: CounterView v4 (12 ms)");
    t.mock.timers.tick(2000);
    assert.equal(toasts[0].isConnected, true);
    t.mock.timers.tick(1000);
    assert.equal(toasts[0].isConnected, false);
  });
});

describe("hvr-error", () => {
  test("shows an overlay with file, line:column and message, cleared by the next hvr-applied", () => {
    const { doc, ws } = setup();
    ws.receive(BUILD_ERROR);
    const overlay = /** @type {HTMLElement} */ (doc.getElementById(OVERLAY_ID));
    assert.ok(overlay);
    assert.equal(overlay.getAttribute("role"), "alert");
    assert.equal(overlay.style.position, "fixed");
    assert.equal(overlay.style.width, "100%");
    assert.ok(overlay.textContent?.includes(`${FILE}:21:9`));
    assert.ok(overlay.textContent?.includes("';' expected"));
    ws.receive({ ...BUILD_ERROR, line: 30, message: "cannot find symbol" });
    assert.equal(doc.querySelectorAll(`#${OVERLAY_ID}`).length, 1, "a newer error replaces the overlay");
    assert.ok(doc.getElementById(OVERLAY_ID)?.textContent?.includes(`${FILE}:30:9`));
    ws.receive(APPLIED);
    assert.equal(doc.getElementById(OVERLAY_ID), null);
  });

  test("a template that does not parse is called that, not a failed build", () => {
    const { doc, ws } = setup();
    const template = "/ws/app/src/main/resources/a/View.peb";
    ws.receive({ type: "hvr-error", bundle: "app", file: template, line: 3, column: 0, message: "Unexpected \"}\"" });
    const overlay = /** @type {HTMLElement} */ (doc.getElementById(OVERLAY_ID));
    assert.match(String(overlay.querySelector("strong")?.textContent), /^Template does not parse in app: the last one that parsed stays live/);
    assert.ok(overlay.textContent?.includes(`${template}:3`));
  });

  test("values not carried are named in the console, toast or not", async () => {
    const { ws } = setup();
    const logs = await captureConsole(() => ws.receive({ ...APPLIED, dropped: ["items: Item.name", "caption"] }));
    assert.ok(logs.some((l) => l.level === "warn" && l.args[0] === "Relive: CounterView v3: values not carried by the new code: items: Item.name, caption"));
    const quiet = await captureConsole(() => ws.receive(APPLIED));
    assert.equal(quiet.length, 0, "nothing when every value was carried");
  });

  test("a render failure's overlay goes when the page is mounted afresh and renders", () => {
    const { doc, ws } = setup();
    ws.receive({ type: "error", code: "render_failed", message: "child id 'badge' is embedded twice" });
    assert.ok(doc.getElementById(OVERLAY_ID));
    ws.receive({ type: "mounted", protocol: 1, session: "S2", view: VIEW, url: "/counter", seq: 0, html: "<p>ok</p>", title: "Counter" });
    assert.equal(doc.getElementById(OVERLAY_ID), null);
    ws.receive(BUILD_ERROR);
    ws.receive({ type: "mounted", protocol: 1, session: "S3", view: VIEW, url: "/counter", seq: 0, html: "<p>ok</p>", title: "Counter" });
    assert.ok(doc.getElementById(OVERLAY_ID), "a build failure is not the mount's to clear");
  });

  test("a template re-rendered while the Java code does not build leaves that overlay; a template fixed clears its own", () => {
    const { doc, ws } = setup();
    const template = "/ws/app/src/main/resources/a/CounterView.peb";
    ws.receive(BUILD_ERROR);
    ws.receive({ ...APPLIED, file: template });
    assert.ok(doc.getElementById(OVERLAY_ID), "the Java code in use is still the old one");
    ws.receive(APPLIED);
    assert.equal(doc.getElementById(OVERLAY_ID), null, "a build that works clears it");
    ws.receive({ type: "hvr-error", bundle: "app", file: template, line: 3, column: 0, message: "Unexpected \"}\"" });
    ws.receive({ ...APPLIED, file: template });
    assert.equal(doc.getElementById(OVERLAY_ID), null, "a template that parses again clears its own overlay");
  });

  test("issue 13: another bundle's build that works leaves the overlay of a bundle whose build still fails", () => {
    const { doc, ws } = setup();
    ws.receive({ type: "hvr-error", bundle: "com.example.store", file: "/ws/store/src/main/java/s/NoteStore.java", line: 15, column: 3, message: "';' expected" });
    ws.receive(APPLIED);
    assert.ok(doc.getElementById(OVERLAY_ID), "the store's code in use is still the old one");
    ws.receive({ ...APPLIED, bundle: "com.example.store", file: "/ws/store/src/main/java/s/NoteStore.java" });
    assert.equal(doc.getElementById(OVERLAY_ID), null, "the store's build that works clears it");
  });

  test("a render failure after a save says the page keeps what it showed, and names the template's line", () => {
    const { doc, ws } = setup();
    const template = "/ws/app/src/main/resources/a/View.peb";
    ws.receive({ type: "hvr-error", stage: "render", bundle: "app", file: template, line: 2, column: 0, message: "View template, line 2: Unexpected end of template" });
    const overlay = /** @type {HTMLElement} */ (doc.getElementById(OVERLAY_ID));
    assert.match(String(overlay.querySelector("strong")?.textContent), /^Render failed in app: the page keeps what it showed/);
    assert.ok(overlay.textContent?.includes(`${template}:2`));
    assert.ok(!overlay.textContent?.includes(`${template}:2:0`), "a column the server does not know is left out");
    ws.receive(BUILD_ERROR);
    assert.match(String(doc.getElementById(OVERLAY_ID)?.querySelector("strong")?.textContent), /^Build failed in dev.relive.examples.counter: the previous code stays live/);
    ws.receive(APPLIED);
    assert.equal(doc.getElementById(OVERLAY_ID), null);
  });

  test("a render failure's overlay goes with the next patch; a build failure's stays until hvr-applied", () => {
    const { doc, ws } = setup();
    const template = "/ws/app/src/main/resources/a/View.peb";
    ws.receive({ type: "hvr-error", stage: "render", bundle: "app", file: template, line: 0, column: 0, message: "View template: no template a/part.peb" });
    assert.equal(doc.getElementById(OVERLAY_ID)?.querySelector("[data-relive-location]")?.textContent, template);
    ws.receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [0, 1, 0], text: "6" }] });
    assert.equal(doc.getElementById(OVERLAY_ID), null, "a render that worked ends the render failure");
    ws.receive(BUILD_ERROR);
    ws.receive({ type: "patch", seq: 2, patches: [{ op: "text", path: [0, 1, 0], text: "7" }] });
    assert.ok(doc.getElementById(OVERLAY_ID), "the previous code rendering does not end a build failure");
  });

  test("a handler that threw shows where, until a render works; a build failure on show stays", () => {
    const { doc, ws } = setup();
    const detail = [
      "java.lang.IllegalStateException: boom",
      "\tat dev.relive.examples.counter.Helper.check(Helper.java:9)",
      "\tat dev.relive.examples.counter.CounterView.increment(CounterView.java:23)",
      "\tat dev.relive.runtime.internal.invoke.HandlerInvoker.invoke(HandlerInvoker.java:60)",
    ].join("\n");
    ws.receive({ type: "error", ref: 3, code: "handler_failed", message: "CounterView.increment threw java.lang.IllegalStateException: boom", detail });
    const overlay = /** @type {HTMLElement} */ (doc.getElementById(OVERLAY_ID));
    assert.match(String(overlay.querySelector("strong")?.textContent), /^Handler failed in CounterView: the view keeps its last good state/);
    assert.equal(overlay.querySelector("[data-relive-location]")?.textContent, "dev.relive.examples.counter.Helper.check(Helper.java:9)");
    assert.ok(overlay.textContent?.includes("boom"));
    ws.receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [0, 1, 0], text: "6" }] });
    assert.equal(doc.getElementById(OVERLAY_ID), null);

    ws.receive({ type: "error", ref: 4, code: "unknown_field", message: "CounterView has no @Bind field named 'name'" });
    assert.match(String(doc.getElementById(OVERLAY_ID)?.querySelector("strong")?.textContent), /^Event refused by CounterView/);
    assert.ok(doc.getElementById(OVERLAY_ID)?.textContent?.includes("no @Bind field named 'name'"));

    ws.receive(BUILD_ERROR);
    ws.receive({ type: "error", ref: 4, code: "handler_failed", message: "boom", detail });
    assert.match(String(doc.getElementById(OVERLAY_ID)?.querySelector("strong")?.textContent), /^Build failed/);
    ws.receive({ type: "error", ref: 5, code: "bad_params", message: "by: not a number" });
    assert.match(String(doc.getElementById(OVERLAY_ID)?.querySelector("strong")?.textContent), /^Build failed/);
  });

  test("the overlay can be dismissed, and treats the message as text", () => {
    const { doc, ws } = setup();
    ws.receive({ ...BUILD_ERROR, message: "<img src=x onerror=alert(1)>" });
    const overlay = /** @type {HTMLElement} */ (doc.getElementById(OVERLAY_ID));
    assert.equal(overlay.querySelector("img"), null);
    /** @type {HTMLButtonElement} */ (overlay.querySelector("button")).click();
    assert.equal(doc.getElementById(OVERLAY_ID), null);
  });
});

describe("reload", () => {
  test("the page loaded after an HVR reload says why, once", async () => {
    const first = setup();
    await captureConsole(() => first.ws.receive({ type: "reload", reason: "handler_removed:increment" }));
    assert.equal(first.browser.reloads, 1);
    // the reloaded page: a new document of the same tab (jsdom gives each window its own storage: carry it over)
    const stored = first.win.sessionStorage.getItem(RELOADED_KEY);
    assert.ok(stored);
    const clock = new FakeClock();
    const second = setup({ storage: { [RELOADED_KEY]: stored }, timers: clock });
    const notice = /** @type {HTMLElement} */ (second.doc.querySelector(`[${RELOADED_ATTR}]`));
    assert.ok(notice, "a notice says why");
    assert.equal(
      notice.textContent,
      "Reloaded: the new code of CounterView could not take over the page's state: the handler increment the page calls is gone (handler_removed:increment).",
    );
    assert.equal(second.win.sessionStorage.getItem(RELOADED_KEY), null, "said once");
    clock.tick(RELOADED_MS - 1);
    assert.ok(second.doc.querySelector(`[${RELOADED_ATTR}]`), "long enough to read");
    notice.click();
    assert.equal(second.doc.querySelector(`[${RELOADED_ATTR}]`), null);
    const third = setup();
    assert.equal(third.doc.querySelector(`[${RELOADED_ATTR}]`), null, "a page not reloaded by HVR says nothing");
  });

  test("what the user typed goes back into the reloaded page's fields, and the bound ones' values to the server", async () => {
    const inner = '<form><input id="title" rl-model="title" value=""><input name="tag" value=""></form>';
    const first = setup({ inner });
    const title = /** @type {HTMLInputElement} */ (first.doc.getElementById("title"));
    title.value = "Half a sentence";
    title.dispatchEvent(new first.win.Event("input", { bubbles: true }));
    const tag = /** @type {HTMLInputElement} */ (first.doc.querySelector("input[name=tag]"));
    tag.value = "draft";
    tag.dispatchEvent(new first.win.Event("input", { bubbles: true }));
    await captureConsole(() => first.ws.receive({ type: "reload", reason: "handler_removed:save" }));
    const stored = first.win.sessionStorage.getItem(RELOADED_KEY);
    assert.ok(stored);
    // the reloaded page: fresh from the server, empty fields
    const second = setup({ inner, storage: { [RELOADED_KEY]: stored }, timers: new FakeClock() });
    assert.equal(/** @type {HTMLInputElement} */ (second.doc.getElementById("title")).value, "Half a sentence");
    assert.equal(/** @type {HTMLInputElement} */ (second.doc.querySelector("input[name=tag]")).value, "draft");
    assert.ok(
      second.ws.sent.some((/** @type {any} */ f) => f.type === "model" && f.field === "title" && f.value === "Half a sentence"),
      "the bound field's value is sent to the fresh view",
    );
    const notice = second.doc.querySelector(`[${RELOADED_ATTR}]`);
    assert.match(String(notice?.textContent), /What you had typed was put back\.$/);
  });

  test("a value the server had accepted (the field being typed into, echoed) goes through the reload too", async () => {
    const inner = '<form><input id="name" rl-model="name" value="Ida"><input id="city" rl-input="cityTyped" value="Graz"></form>';
    const first = setup({ inner });
    await captureConsole(() => first.ws.receive({ type: "reload", reason: "handler_removed:cityTyped" }));
    const stored = String(first.win.sessionStorage.getItem(RELOADED_KEY));
    const fresh = inner.replace('value="Ida"', 'value=""').replace('value="Graz"', 'value=""');
    const second = setup({ inner: fresh, storage: { [RELOADED_KEY]: stored }, timers: new FakeClock() });
    assert.equal(/** @type {HTMLInputElement} */ (second.doc.getElementById("name")).value, "Ida");
    assert.equal(/** @type {HTMLInputElement} */ (second.doc.getElementById("city")).value, "Graz");
    assert.ok(second.ws.sent.some((/** @type {any} */ f) => f.type === "model" && f.field === "name" && f.value === "Ida"));
    assert.ok(second.ws.sent.some((/** @type {any} */ f) => f.type === "event" && f.handler === "cityTyped"));
    assert.match(String(second.doc.querySelector(`[${RELOADED_ATTR}]`)?.textContent), /What you had typed was put back\.$/);
  });

  test("a password typed before an HVR reload is not written to the tab's storage", async () => {
    const inner = '<form><input id="user" value=""><input id="secret" type="password" value=""></form>';
    const first = setup({ inner });
    for (const [id, value] of [["user", "ada"], ["secret", "hunter2"]]) {
      const field = /** @type {HTMLInputElement} */ (first.doc.getElementById(id));
      field.value = value;
      field.dispatchEvent(new first.win.Event("input", { bubbles: true }));
    }
    await captureConsole(() => first.ws.receive({ type: "reload", reason: "handler_removed:login" }));
    const stored = String(first.win.sessionStorage.getItem(RELOADED_KEY));
    assert.match(stored, /ada/);
    assert.doesNotMatch(stored, /hunter2/);
  });

  test("a runtime restarted without the page's view refuses the re-mount: what was typed goes through the reload", async () => {
    const inner = '<form><input id="title" rl-model="title" value=""></form>';
    const clock = new FakeClock();
    const first = setup({ inner, timers: clock });
    const title = /** @type {HTMLInputElement} */ (first.doc.getElementById("title"));
    title.value = "typed before the restart";
    title.dispatchEvent(new first.win.Event("input", { bubbles: true }));
    first.ws.drop();
    await captureConsole(() => clock.tick(3000));
    const again = first.WS.instances[first.WS.instances.length - 1];
    assert.notEqual(again, first.ws, "a reconnection");
    again.open();
    await captureConsole(() => again.receive({ type: "error", code: "bad_token", message: "no view app.FormView at /form" }));
    assert.equal(first.browser.reloads, 1);
    const stored = first.win.sessionStorage.getItem(RELOADED_KEY);
    assert.ok(stored, "kept for the reloaded page");

    const second = setup({ inner, storage: { [RELOADED_KEY]: String(stored) }, timers: new FakeClock() });
    assert.equal(/** @type {HTMLInputElement} */ (second.doc.getElementById("title")).value, "typed before the restart");
    const notice = second.doc.querySelector(`[${RELOADED_ATTR}]`);
    assert.equal(
      String(notice?.textContent),
      "Reloaded: the runtime that answered the reconnect did not know this page (no view app.FormView at /form). What you had typed was put back.",
    );
  });

  test("a reload about a child view names the child, not the page's view", async () => {
    const first = setup();
    await captureConsole(() => first.ws.receive({ type: "reload", reason: "handler_removed:dismiss", view: "app.BadgeView" }));
    const stored = first.win.sessionStorage.getItem(RELOADED_KEY);
    assert.ok(stored);
    const second = setup({ storage: { [RELOADED_KEY]: stored }, timers: new FakeClock() });
    const notice = /** @type {HTMLElement} */ (second.doc.querySelector(`[${RELOADED_ATTR}]`));
    assert.match(String(notice?.textContent), /^Reloaded: the new code of BadgeView could not take over/);
  });

  test("a reason's code is said in words, an unknown one as it is", () => {
    assert.equal(reloadReasonText("field_type_changed:tab"), "the value of tab does not fit its new type (field_type_changed:tab)");
    assert.equal(reloadReasonText("class_removed"), "the view's class is gone (class_removed)");
    assert.equal(reloadReasonText("something_new"), "something_new");
  });

  test("logs the reason and reloads through the view's indirection", async () => {
    const { ws, browser } = setup();
    const logs = await captureConsole(() => ws.receive({ type: "reload", reason: "handler_removed:increment" }));
    assert.equal(browser.reloads, 1);
    assert.ok(logs.some((l) => l.level === "info" && l.args[0] === "Relive: reloading: handler_removed:increment"));
    const warn = logs.find((l) => l.level === "warn");
    assert.match(String(warn?.args[0]), /^Relive: reloading: handler_removed:increment — .*CounterView/);
  });
});

test("a dev page tries to reconnect at least every 2 s, so a restarted runtime is found soon", () => {
  const { view } = setup();
  assert.equal(view.socket.backoff.max, DEV_BACKOFF_MAX_MS);
  assert.equal(DEV_BACKOFF_MAX_MS, 2000);
});

test("uninstall stops the feedback", () => {
  const { doc, ws, hvr } = setup();
  hvr.uninstall();
  let events = 0;
  doc.addEventListener("relive:hvr-applied", () => events++);
  ws.receive(BUILD_ERROR);
  ws.receive(APPLIED);
  assert.equal(events, 0);
  assert.equal(doc.getElementById(OVERLAY_ID), null);
});
