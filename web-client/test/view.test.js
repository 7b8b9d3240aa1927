import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { page, FakeClock, fakeWebSocketClass, captureConsole, readJsonDir, SHARED_FIXTURES, normalize } from "./helpers.js";
import { View, isPageUrl } from "../src/view.js";
import { CLIENT_FRAME, SERVER_FRAME, UPLOAD_FRAME } from "../src/constants.js";

const TOKEN = "eyJ2IjoiL2NvdW50ZXIifQ.sig";
const VIEW = "dev.relive.examples.counter.CounterView";
const COUNTER = '<h1>Counter</h1><p>Count: <b id="n">5</b></p><button id="inc" rl-click="increment" rl-value-amount="1">+</button>';

/**
 * A page with a view root, a View started on it, and its fake socket.
 * @param {{ body?: string, inner?: string }} [options]
 */
function setup(options = {}) {
  const inner = options.inner ?? COUNTER;
  const { win, doc } = page(options.body ?? `<div rl-root rl-view="${VIEW}" rl-token="${TOKEN}">${inner}</div>`);
  const root = /** @type {HTMLElement} */ (doc.querySelector("[rl-root]"));
  const clock = new FakeClock();
  const WS = fakeWebSocketClass();
  const browser = { reloads: 0, /** @type {string[]} */ assigned: [], reload() { this.reloads++; }, assign(/** @type {string} */ url) { this.assigned.push(url); } };
  const view = new View(root, {
    socketUrl: "ws://localhost:8080/relive/socket",
    WebSocket: /** @type {any} */ (WS),
    timers: clock,
    random: () => 0.5,
    heartbeatMs: 0,
    browser,
  });
  view.start();
  const ws = () => WS.instances[WS.instances.length - 1];
  /** Opens the current socket and answers its mount. @param {object} [extra] */
  const mount = (extra = {}) => {
    ws().open();
    ws().receive({ type: "mounted", protocol: 1, session: "S1", view: VIEW, url: "/counter", seq: 0, html: inner, title: "Counter", ...extra });
  };
  /** @param {string} selector */
  const $ = (selector) => /** @type {any} */ (doc.querySelector(selector));
  return { win, doc, root, clock, WS, ws, view, browser, mount, $ };
}

describe("mount", () => {
  test("opens the socket and sends mount with the page's token and URL", () => {
    const { ws } = setup();
    assert.equal(ws().url, "ws://localhost:8080/relive/socket");
    ws().open();
    assert.deepEqual(ws().sent, [{ type: "mount", protocol: 1, token: TOKEN, url: "http://localhost:8080/counter" }]);
  });

  test("mounted morphs the root to its html, sets the title, and makes the view live", () => {
    const { ws, root, doc, view, $ } = setup();
    const button = $("#inc");
    $("#inc").click();
    assert.equal(ws().sent.length, 0, "no events before the view is live");
    ws().open();
    ws().receive({ type: "mounted", protocol: 1, session: "S1", view: VIEW, url: "/counter", seq: 3, html: COUNTER.replace(">5<", ">7<"), title: "Counter (7)" });
    assert.equal(root.querySelector("#n")?.textContent, "7");
    assert.equal($("#inc"), button, "the morph reused the button");
    assert.equal(doc.title, "Counter (7)");
    assert.equal(view.seq, 3);
    assert.equal(view.session, "S1");
    assert.equal(view.state, "open");
    $("#inc").click();
    assert.deepEqual(ws().last(), { type: "event", handler: "increment", params: { amount: "1" }, ref: 1 });
  });
});

describe("patch frames", () => {
  test("are applied in seq order, update the title, and clear the loading state of their ref", () => {
    const { ws, mount, doc, $ } = setup();
    mount();
    $("#inc").click();
    assert.equal($("#inc").hasAttribute("rl-loading"), true);
    ws().receive({ type: "patch", seq: 1, ref: 1, title: "Counter (6)", patches: [{ op: "text", path: [1, 1, 0], text: "6" }] });
    assert.equal($("#n").textContent, "6");
    assert.equal(doc.title, "Counter (6)");
    assert.equal($("#inc").hasAttribute("rl-loading"), false);
    assert.equal($("#inc").disabled, false);
  });

  test("a duplicate or stale seq is ignored", () => {
    const { ws, mount, $ } = setup();
    mount();
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [1, 1, 0], text: "6" }] });
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [1, 1, 0], text: "X" }] });
    assert.equal($("#n").textContent, "6");
  });

  test("a frame ahead of its turn is held, a render is asked for, and held frames follow it in order", () => {
    const { ws, mount, view, $ } = setup();
    mount();
    ws().receive({ type: "patch", seq: 3, patches: [{ op: "text", path: [1, 1, 0], text: "8" }] });
    assert.equal($("#n").textContent, "5", "seq 3 waits for seq 1 and 2");
    assert.deepEqual(ws().last(), { type: "render", ref: 1 });
    ws().receive({ type: "patch", seq: 4, patches: [{ op: "attr", path: [1, 1], name: "class", value: "big" }] });
    ws().receive({ type: "render", ref: 1, seq: 2, html: COUNTER.replace(">5<", ">7<") });
    assert.equal($("#n").textContent, "8");
    assert.equal($("#n").className, "big");
    assert.equal(view.seq, 4);
    assert.equal(ws().sentOf("render").length, 1);
  });

  test("a patch that does not apply asks for a render, and the render is morphed in", async () => {
    const { ws, mount, root, doc, view } = setup();
    mount();
    const logs = await captureConsole(() => ws().receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [9, 9], text: "?" }] }));
    assert.match(String(logs[0].args[0]), /patch did not apply/);
    assert.deepEqual(ws().last(), { type: "render", ref: 1 });
    ws().receive({ type: "patch", seq: 2, patches: [{ op: "text", path: [1, 1, 0], text: "stale" }] });
    ws().receive({ type: "render", ref: 1, seq: 2, html: "<h1>Counter</h1><p>Count: <b id=\"n\">9</b></p>" });
    assert.equal(root.innerHTML, normalize(doc, '<h1>Counter</h1><p>Count: <b id="n">9</b></p>'));
    assert.equal(view.seq, 2);
    ws().receive({ type: "patch", seq: 3, patches: [{ op: "text", path: [1, 1, 0], text: "10" }] });
    assert.equal(root.querySelector("#n")?.textContent, "10");
  });

  test("an ack whose seq is ahead of the page asks for a render", () => {
    const { ws, mount } = setup();
    mount();
    ws().receive({ type: "ack", ref: 1, seq: 0 });
    assert.equal(ws().sentOf("render").length, 0);
    ws().receive({ type: "ack", ref: 2, seq: 1 });
    assert.equal(ws().sentOf("render").length, 1);
  });
});

describe("server frames", () => {
  test("error logs a warning and ends the loading state of its ref", async () => {
    const { ws, mount, $ } = setup();
    mount();
    $("#inc").click();
    const logs = await captureConsole(() =>
      ws().receive({ type: "error", ref: 1, code: "unknown_handler", message: "CounterView has no @EventHandler named 'increment'" }),
    );
    assert.equal(logs.length, 1);
    assert.equal(logs[0].level, "warn");
    assert.match(String(logs[0].args[0]), /unknown_handler.*ref 1.*no @EventHandler named 'increment'/);
    assert.equal($("#inc").hasAttribute("rl-loading"), false);
  });

  test("redirect loads the URL as a page", () => {
    const { ws, mount, browser } = setup();
    mount();
    ws().receive({ type: "redirect", url: "/login" });
    assert.deepEqual(browser.assigned, ["/login"]);
  });

  test("redirect and navigate to javascript:, data: and other schemes are refused", async () => {
    const { ws, mount, browser, win } = setup();
    mount();
    const logged = await captureConsole(() => {
      for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd"]) {
        ws().receive({ type: "redirect", url });
        ws().receive({ type: "navigate", url });
      }
    });
    assert.deepEqual(browser.assigned, []);
    assert.equal(win.location.pathname, "/counter");
    assert.equal(ws().sent.filter((f) => f.type === "navigate").length, 0);
    assert.equal(logged.filter((c) => c.level === "error").length, 12);
    assert.match(String(logged[0].args[0]), /refused redirect to a URL that is neither relative nor http\(s\)/);
    ws().receive({ type: "redirect", url: "https://example.com/next" });
    assert.deepEqual(browser.assigned, ["https://example.com/next"]);
  });

  test("isPageUrl accepts relative and http(s) URLs only", () => {
    const base = "http://localhost:8080/counter";
    for (const url of ["/login", "next?x=1", "#top", "//example.com/", "http://a.example/", "HTTPS://a.example/"]) assert.equal(isPageUrl(url, base), true, url);
    for (const url of ["javascript:alert(1)", "\u0000javascript:x", "data:,x", "blob:http://a/1", "mailto:a@b"]) assert.equal(isPageUrl(url, base), false, url);
  });

  test("navigate pushes the URL and asks the server to mount its view; mounted swaps the view in", () => {
    const { ws, mount, win, root, doc, view } = setup();
    mount();
    ws().receive({ type: "navigate", url: "/tabs" });
    assert.equal(win.location.pathname, "/tabs");
    assert.deepEqual(ws().last(), { type: "navigate", url: "/tabs", ref: 1 });
    ws().receive({ type: "mounted", ref: 1, protocol: 1, session: "S1", view: "dev.relive.examples.tabs.TabsView", url: "/tabs", seq: 0, html: "<h1>Tabs</h1>", title: "Tabs", token: "T2" });
    assert.equal(root.innerHTML, "<h1>Tabs</h1>");
    assert.equal(root.getAttribute("rl-view"), "dev.relive.examples.tabs.TabsView");
    assert.equal(doc.title, "Tabs");
    assert.equal(view.token, "T2");
  });

  test("rl-nav links navigate live; without a live socket they load the page", () => {
    const { ws, mount, browser, $, root } = setup();
    root.insertAdjacentHTML("beforeend", '<a id="go" rl-nav href="/tabs">tabs</a>');
    $("#go").click();
    assert.deepEqual(browser.assigned, ["/tabs"], "not mounted yet: a page load");
    mount();
    root.insertAdjacentHTML("beforeend", '<a id="go2" rl-nav href="/tabs">tabs</a>');
    $("#go2").click();
    assert.deepEqual(ws().last(), { type: "navigate", url: "/tabs", ref: 1 });
  });

  test("reload logs the reason and reloads the page, without hvr.js too", async () => {
    const { ws, mount, browser } = setup();
    mount();
    const logs = await captureConsole(() => ws().receive({ type: "reload", reason: "handler_removed:increment" }));
    assert.equal(browser.reloads, 1);
    assert.ok(logs.some((l) => l.args[0] === "Relive: reloading: handler_removed:increment"));
  });

  test("hvr frames are ignored silently when hvr.js is not loaded", async () => {
    const { ws, mount, root, doc, browser } = setup();
    mount();
    const before = root.innerHTML;
    const logs = await captureConsole(() => {
      ws().receive({ type: "hvr-applied", view: VIEW, version: 3, file: "/x/CounterView.java", ms: 84, bundle: "b" });
      ws().receive({ type: "hvr-error", bundle: "b", file: "/x/CounterView.java", line: 21, column: 9, message: "';' expected" });
    });
    assert.deepEqual(logs, []);
    assert.equal(root.innerHTML, before);
    assert.equal(doc.getElementById("relive-hvr-overlay"), null);
    assert.equal(browser.reloads, 0);
  });

  test("onFrame listeners run after the frame is applied; '*' sees every frame; unsubscribe works", () => {
    const { ws, mount, view, $ } = setup();
    /** @type {string[]} */
    const seen = [];
    view.onFrame("patch", (frame) => seen.push(`patch ${frame.seq} shows ${$("#n").textContent}`));
    const off = view.onFrame("*", (frame) => seen.push(`* ${frame.type}`));
    mount();
    ws().receive({ type: "patch", seq: 1, patches: [{ op: "text", path: [1, 1, 0], text: "6" }] });
    off();
    ws().receive({ type: "pong", ref: 5 });
    assert.deepEqual(seen, ["* mounted", "patch 1 shows 6", "* patch"]);
  });

  test("frames that follow a held patch reach listeners only once the patch is applied", () => {
    const { ws, mount, view, $ } = setup();
    /** @type {string[]} */
    const seen = [];
    view.onFrame("hvr-applied", () => seen.push($("#n").textContent));
    mount();
    ws().receive({ type: "patch", seq: 2, patches: [{ op: "text", path: [1, 1, 0], text: "7" }] });
    ws().receive({ type: "hvr-applied", view: VIEW, version: 2, file: "f", ms: 1, bundle: "b" });
    assert.deepEqual(seen, []);
    ws().receive({ type: "render", ref: 1, seq: 1, html: COUNTER.replace(">5<", ">6<") });
    assert.deepEqual(seen, ["7"]);
  });
});

describe("reconnection", () => {
  test("a close for a frame over the server's max_pending_bytes says why in the console, and the view mounts again", async () => {
    const { WS, ws, mount, clock, view } = setup();
    mount();
    const logs = await captureConsole(() => ws().drop(1009, "frame larger than max_pending_bytes"));
    assert.deepEqual(logs.map((l) => l.level), ["error"]);
    assert.match(String(logs[0].args[0]), /\(frame larger than max_pending_bytes\): an update was larger than its max_pending_bytes/);
    assert.equal(view.state, "reconnecting");
    clock.tick(500);
    assert.equal(WS.instances.length, 2);
    ws().open();
    assert.deepEqual(ws().sentOf("mount").length, 1);
  });

  const FORM =
    '<form><input id="title" value=""><input name="tag" value="a"><input name="tag" value="b">' +
    '<input type="checkbox" name="done"><input name="city" rl-model="city" value="Paris"><textarea name="notes"></textarea></form>';

  test("after a drop: backoff, a new mount with the same token, typed fields restored", () => {
    const { WS, ws, mount, clock, view, $, win } = setup({ inner: FORM });
    mount();
    $("#title").focus();
    /** @param {string} selector @param {string} value */
    const type = (selector, value) => {
      const field = $(selector);
      field.value = value;
      field.dispatchEvent(new win.Event("input", { bubbles: true }));
    };
    type("#title", "My title");
    type('input[name=tag]:nth-of-type(3)', "b2");
    $("input[name=done]").click();
    type("input[name=city]", "Lyon");
    type("textarea", "some notes");
    const first = ws();
    first.drop();
    assert.equal(view.state, "reconnecting");
    assert.equal(WS.instances.length, 1);
    clock.tick(374); // 500 ms base, jittered into [250, 500] (random 0.5)
    assert.equal(WS.instances.length, 1);
    clock.tick(1);
    assert.equal(WS.instances.length, 2);
    assert.notEqual(ws(), first);
    ws().open();
    assert.deepEqual(ws().sent, [{ type: "mount", protocol: 1, token: TOKEN, url: "http://localhost:8080/counter" }]);
    // The server lost its state: the new render has the original values.
    const fresh = FORM.replace('value="Paris"', 'value="Rome"')
      .replace('id="title" value=""', 'id="title" value="T0"')
      .replace('value="a"', 'value="a0"')
      .replace('value="b"', 'value="b0"');
    ws().receive({ type: "mounted", protocol: 1, session: "S2", view: VIEW, url: "/counter", seq: 0, html: fresh, title: "Form" });
    assert.equal($("#title").value, "My title");
    assert.deepEqual(
      Array.from(/** @type {NodeListOf<HTMLInputElement>} */ (view.root.querySelectorAll("input[name=tag]"))).map((i) => i.value),
      ["a0", "b2"],
    );
    assert.equal($("input[name=done]").checked, true);
    assert.equal($("input[name=city]").value, "Lyon");
    assert.equal($("textarea").value, "some notes");
    assert.deepEqual(ws().sentOf("model"), [{ type: "model", field: "city", value: "Lyon", ref: 1 }], "the bound field is sent again");
    assert.equal(view.session, "S2");
  });

  test("issue 13: a bound value the server had accepted is offered again to a view mounted afresh", () => {
    const accepted = FORM.replace('value="Paris"', 'value="Lyon"').replace('id="title" value=""', 'id="title" rl-model="title" value="Kept"');
    const { ws, mount, clock, $ } = setup({ inner: accepted });
    mount();
    ws().drop();
    clock.tick(1000);
    ws().open();
    // the server restarted: the view is mounted afresh, with its initial values
    const fresh = accepted.replace('value="Lyon"', 'value="Paris"');
    ws().receive({ type: "mounted", protocol: 1, session: "S2", view: VIEW, url: "/counter", seq: 0, html: fresh, title: "Form" });
    assert.equal($("input[name=city]").value, "Lyon");
    assert.equal($("#title").value, "Kept");
    assert.deepEqual(ws().sentOf("model"), [{ type: "model", field: "city", value: "Lyon", ref: 1 }],
      "only the value the fresh view lacks is sent");
  });

  test("issue 13: a field under rl-input or rl-change is sent as its event again to a view mounted afresh", () => {
    const page = '<form rl-change="pick"><select name="size"><option value="s">S</option><option value="m" selected>M</option></select></form>' +
      '<input id="who" name="who" rl-input="check" value="Ada"><input id="plain" name="plain" value="same">';
    const { ws, mount, clock, $ } = setup({ inner: page });
    mount();
    ws().drop();
    clock.tick(1000);
    ws().open();
    const fresh = page.replace('value="Ada"', 'value=""').replace(' selected', "");
    ws().receive({ type: "mounted", protocol: 1, session: "S2", view: VIEW, url: "/counter", seq: 0, html: fresh, title: "Form" });
    clock.tick(0);
    assert.equal($("#who").value, "Ada");
    const events = ws().sentOf("event").map((e) => /** @type {any} */ (e).handler);
    assert.deepEqual(events.sort(), ["check", "pick"]);
  });

  test("issue 13: a live navigation to another page of the same view carries no values into it", () => {
    const form = FORM.replace('value="Paris"', 'value="Lyon"');
    const { ws, mount, $ } = setup({ inner: form });
    mount();
    ws().receive({ type: "navigate", url: "/counter?page=2" });
    const ref = /** @type {any} */ (ws().sentOf("navigate")[0]).ref;
    ws().receive({ type: "mounted", ref, protocol: 1, session: "S1", view: VIEW, url: "/counter?page=2", seq: 0,
      html: FORM, title: "Form" });
    assert.equal($("input[name=city]").value, "Paris", "page 2's own value");
    assert.deepEqual(ws().sentOf("model"), []);
  });

  test("a bound field's value over the server's frame limit is kept here, not sent again after each reconnect", async () => {
    const { ws, mount, clock, view, $, win } = setup({ inner: FORM });
    mount({ max_frame_bytes: 200 });
    const city = $("input[name=city]");
    city.value = "x".repeat(500);
    const logs = await captureConsole(() => {
      city.dispatchEvent(new win.Event("input", { bubbles: true }));
      clock.tick(0);
    });
    assert.deepEqual(ws().sentOf("model"), [], "the paste is not sent");
    assert.ok(logs.some((l) => l.level === "warn" && /too_large/.test(String(l.args[0]))), "the console says why");
    ws().drop();
    clock.tick(500);
    ws().open();
    ws().receive({ type: "mounted", protocol: 1, session: "S2", view: VIEW, url: "/counter", seq: 0, html: FORM, title: "Form", max_frame_bytes: 200 });
    await captureConsole(() => clock.tick(0));
    assert.deepEqual(ws().sentOf("model"), [], "nor after the reconnect, where the server would have closed the socket on it");
    assert.equal(city.value, "x".repeat(500), "what the user pasted stays in the field");
    assert.equal(view.state, "open");
  });

  test("in-flight events are settled when the connection drops", () => {
    const { ws, mount, $ } = setup();
    mount();
    $("#inc").click();
    ws().drop();
    assert.equal($("#inc").hasAttribute("rl-loading"), false);
    $("#inc").click();
    assert.equal($("#inc").hasAttribute("rl-loading"), false, "nothing is sent while down");
  });

  test("after a live navigation without a new token, a reconnection loads the page", () => {
    const { ws, mount, clock, browser } = setup();
    mount();
    ws().receive({ type: "navigate", url: "/tabs" });
    ws().receive({ type: "mounted", ref: 1, protocol: 1, session: "S1", view: "x.TabsView", url: "/tabs", seq: 0, html: "<p>tabs</p>" });
    ws().drop();
    clock.tick(1000);
    ws().open();
    assert.deepEqual(ws().sent, []);
    assert.deepEqual(browser.assigned, ["http://localhost:8080/tabs"]);
  });

  test("an expired token after a reconnection reloads the page", async () => {
    const { ws, mount, clock, browser } = setup();
    mount();
    ws().drop();
    clock.tick(1000);
    ws().open();
    await captureConsole(() => ws().receive({ type: "error", code: "bad_token", message: "expired" }));
    assert.equal(browser.reloads, 1);
  });
});

/**
 * The one-line JSON examples of docs/protocol.md, as fixtures.
 * @returns {{ file: string, data: any }[]}
 */
function protocolExamples() {
  const text = readFileSync(join(SHARED_FIXTURES, "..", "protocol.md"), "utf8");
  const out = [];
  for (const block of text.matchAll(/```json\n([\s\S]*?)```/g)) {
    for (const line of block[1].split("\n")) {
      if (!line.trim()) continue;
      const data = JSON.parse(line);
      // upload frames (both directions, one name for two of them) are checked by uploads.test.js
      if (!Object.values(UPLOAD_FRAME).includes(data.type)) out.push({ file: `protocol.md: ${line.slice(0, 40)}`, data });
    }
  }
  return out;
}

describe("frame fixtures (docs/fixtures/frames and the examples of docs/protocol.md)", () => {
  const fixtures = [...readJsonDir(join(SHARED_FIXTURES, "frames")), ...protocolExamples()];
  const SERVER_ONLY = new Set(Object.values(SERVER_FRAME).filter((t) => t !== "render" && t !== "navigate"));
  /** @param {any} f */
  const isServerFrame = (f) => SERVER_ONLY.has(f.type) || (f.type === "render" && "html" in f) || (f.type === "navigate" && !("ref" in f));

  test("every server frame is handled without throwing", async () => {
    const serverFrames = fixtures.filter((f) => isServerFrame(f.data));
    assert.ok(serverFrames.length >= 7, `found ${serverFrames.length}`);
    for (const { file, data } of serverFrames) {
      const { ws, mount } = setup();
      mount();
      await captureConsole(() => assert.doesNotThrow(() => ws().receive(data), file));
    }
  });

  test("the client's frames have the fields of the fixture of their type", () => {
    const clientFixtures = fixtures.filter((f) => !isServerFrame(f.data));
    assert.ok(clientFixtures.length >= 6, `found ${clientFixtures.length}`);
    const { ws, mount, win, $ } = setup({
      inner: COUNTER + '<div rl-child="side"><button id="sel" rl-click="select" rl-value-tab="b">b</button></div><input id="m" rl-model="name"><a id="nav" rl-nav href="/tabs">t</a><a id="patch" rl-patch href="/counter?x=1">p</a>',
    });
    mount();
    /** @type {Map<string, any>} */
    const produced = new Map();
    const record = () => {
      for (const f of ws().sent) if (!produced.has(f.type === "event" && f.child ? "event+child" : f.type)) produced.set(f.type === "event" && f.child ? "event+child" : f.type, f);
    };
    record();
    $("#inc").click();
    $("#sel").click();
    $("#m").value = "Ada";
    $("#m").dispatchEvent(new win.Event("input", { bubbles: true }));
    ws().receive({ type: "patch", seq: 5, patches: [] }); // out of step: asks for a render
    $("#patch").click();
    $("#nav").click();
    record();
    for (const { file, data } of clientFixtures) {
      const kind = data.type === "event" && "child" in data ? "event+child" : data.type;
      if (data.type === "ping") continue; // sent by the heartbeat timer, covered in socket.test.js
      const mine = produced.get(kind) ?? produced.get(data.type);
      assert.ok(mine, `the client produced no ${kind} frame (${file})`);
      assert.deepEqual(Object.keys(mine).sort(), Object.keys(data).sort(), file);
      for (const key of Object.keys(data)) assert.equal(typeof mine[key], typeof data[key], `${file}: ${key}`);
    }
    const covered = new Set(clientFixtures.map((f) => f.data.type));
    for (const type of Object.values(CLIENT_FRAME)) assert.ok(covered.has(type), `no fixture for client frame ${type}`);
  });
});

describe("URL changes within the view (Issue 15)", () => {
  test("an rl-patch link sends url; history is pushed when the server answers with a patch", () => {
    const { ws, mount, win, root, $ } = setup();
    mount();
    const before = win.history.length;
    root.insertAdjacentHTML("beforeend", '<a id="open" rl-patch href="/counter?filter=open">open</a>');
    $("#open").click();
    assert.deepEqual(ws().last(), { type: "url", url: "/counter?filter=open", history: "push", ref: 1 });
    assert.equal(win.location.search, "");
    ws().receive({ type: "patch", seq: 1, ref: 1, patches: [{ op: "text", path: [1, 1, 0], text: "6" }] });
    assert.equal(win.location.pathname + win.location.search, "/counter?filter=open");
    assert.equal(win.history.length, before + 1);
    assert.equal($("#n").textContent, "6");
  });

  test("a refused change leaves the URL as it was", async () => {
    const { ws, mount, win, root, $ } = setup();
    mount();
    root.insertAdjacentHTML("beforeend", '<a id="bad" rl-patch href="/counter?filter=someday">x</a>');
    $("#bad").click();
    await captureConsole(() => ws().receive({ type: "error", ref: 1, code: "bad_params", message: "filter: 'someday' is not a Filter" }));
    assert.equal(win.location.search, "");
  });

  test("back and forward send url with history none; an ack changes nothing more", () => {
    const { ws, mount, win } = setup();
    mount();
    win.history.pushState(null, "", "/counter?filter=done");
    const length = win.history.length;
    win.dispatchEvent(new win.PopStateEvent("popstate"));
    assert.deepEqual(ws().last(), { type: "url", url: "/counter?filter=done", history: "none", ref: 1 });
    ws().receive({ type: "ack", ref: 1, seq: 0 });
    assert.equal(win.history.length, length);
    assert.equal(win.location.search, "?filter=done");
  });

  test("push-url from the server becomes a url frame; replace replaces the entry once answered", () => {
    const { ws, mount, win } = setup();
    mount();
    const length = win.history.length;
    ws().receive({ type: "push-url", url: "/counter?page=2", replace: true });
    assert.deepEqual(ws().last(), { type: "url", url: "/counter?page=2", history: "replace", ref: 1 });
    ws().receive({ type: "ack", ref: 1, seq: 0 });
    assert.equal(win.location.search, "?page=2");
    assert.equal(win.history.length, length);
  });

  test("push-url to another origin or scheme is refused", async () => {
    const { ws, mount } = setup();
    mount();
    await captureConsole(() => {
      ws().receive({ type: "push-url", url: "https://evil.example/x", replace: false });
      ws().receive({ type: "push-url", url: "javascript:alert(1)", replace: false });
    });
    assert.equal(ws().sent.filter((f) => f.type === "url").length, 0);
  });

  test("a URL no view serves, by navigation, link or history move, loads the page (the server's 404)", async () => {
    const { ws, mount, browser, win, root, $ } = setup();
    mount();
    root.insertAdjacentHTML("beforeend", '<a id="nav" rl-nav href="/tasks/999">t</a><a id="p" rl-patch href="/counter/x">p</a>');
    $("#nav").click();
    $("#p").click();
    win.history.pushState(null, "", "/gone");
    win.dispatchEvent(new win.PopStateEvent("popstate"));
    await captureConsole(() => {
      for (const ref of [1, 2, 3]) ws().receive({ type: "error", ref, code: "unknown_route", message: "not found" });
    });
    assert.deepEqual(browser.assigned, ["/tasks/999", "/counter/x", "http://localhost:8080/gone"]);
  });

  test("without a live socket an rl-patch link loads the page", () => {
    const { browser, root, $ } = setup();
    root.insertAdjacentHTML("beforeend", '<a id="open" rl-patch href="/counter?filter=open">open</a>');
    $("#open").click();
    assert.deepEqual(browser.assigned, ["/counter?filter=open"]);
  });
});

describe("flash across a redirect (Issue 15)", () => {
  test("a redirect's flash is kept for the next page's mount, once", () => {
    const first = setup();
    first.mount();
    first.ws().receive({ type: "redirect", url: "/tabs", flash: { info: "Saved" } });
    assert.deepEqual(first.browser.assigned, ["/tabs"]);
    const storage = first.win.sessionStorage;
    assert.equal(storage.getItem("relive:flash"), JSON.stringify({ info: "Saved" }));
    // the page loaded next in the same tab: a new view on the same window (jsdom keeps its sessionStorage)
    first.view.stop();
    const WS = fakeWebSocketClass();
    const next = new View(first.root, { socketUrl: "ws://localhost:8080/relive/socket", WebSocket: /** @type {any} */ (WS), timers: first.clock, random: () => 0.5, heartbeatMs: 0, browser: first.browser });
    next.start();
    WS.instances[0].open();
    assert.deepEqual(WS.instances[0].sent[0].flash, { info: "Saved" });
    assert.equal(storage.getItem("relive:flash"), null);
    next.stop();
  });
});

describe("resume after a reconnect (issue 18)", () => {
  test("the next mount carries the resume key of the last mounted, and morphs to the resumed state", () => {
    const { ws, mount, view, clock, root } = setup();
    mount({ resume: "K".repeat(32) });
    assert.equal(view.resumeKey, "K".repeat(32));
    ws().drop();
    clock.tick(500);
    ws().open();
    assert.deepEqual(ws().sent, [{ type: "mount", protocol: 1, token: TOKEN, url: "http://localhost:8080/counter", resume: "K".repeat(32) }]);
    ws().receive({ type: "mounted", protocol: 1, session: "S1", view: VIEW, url: "/counter", seq: 0, html: COUNTER.replace(">5<", ">9<"), title: "Counter", resume: "K".repeat(32) });
    assert.equal(root.querySelector("#n")?.textContent, "9");
    assert.equal(view.session, "S1");
  });

  test("a mount without a key sends none, and a mounted without one forgets the old key", () => {
    const { ws, mount, view, clock } = setup();
    mount({ resume: "K".repeat(32) });
    ws().drop();
    clock.tick(500);
    ws().open();
    ws().receive({ type: "mounted", protocol: 1, session: "S2", view: VIEW, url: "/counter", seq: 0, html: "<p>fresh</p>", title: "Counter" });
    assert.equal(view.resumeKey, null);
    ws().drop();
    clock.tick(1000);
    ws().open();
    assert.equal("resume" in /** @type {any} */ (ws().sent[0]), false);
  });
});
