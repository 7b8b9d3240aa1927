import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { page, FakeClock } from "./helpers.js";
import { bindEvents, valueParams } from "../src/events.js";
import { applyPatches } from "../src/patch.js";

/**
 * Binds the events of a page whose root holds html, to a host that records what it is asked to send.
 * @param {string} html
 * @param {{ live?: boolean }} [options]
 */
function setup(html, options = {}) {
  const { win, doc } = page(`<div rl-root id="root">${html}</div><div id="outside"><button rl-click="nope">x</button></div>`);
  const root = /** @type {HTMLElement} */ (doc.getElementById("root"));
  const clock = new FakeClock();
  /** @type {any[]} */
  const frames = [];
  /** @type {string[]} */
  const navigations = [];
  /** @type {string[][]} */
  const urlChanges = [];
  let ref = 0;
  const bindings = bindEvents(
    {
      root,
      request: (frame) => {
        if (options.live === false) return null;
        frames.push({ ...frame, ref: ++ref });
        return ref;
      },
      navigate: (url) => navigations.push(url),
      changeUrl: (url, history) => urlChanges.push([url, history]),
    },
    { timers: clock },
  );
  /** @param {string} selector */
  const $ = (selector) => /** @type {any} */ (doc.querySelector(selector));
  return { win, doc, root, clock, frames, navigations, urlChanges, bindings, $ };
}

/**
 * @param {any} win
 * @param {any} field
 * @param {string} value
 */
function type(win, field, value) {
  field.value = value;
  field.dispatchEvent(new win.Event("input", { bubbles: true }));
}

describe("rl-click", () => {
  test("rl-value-user-id becomes the camel-case param userId", () => {
    const { frames, $ } = setup('<button rl-click="pick" rl-value-user-id="7">pick</button>');
    $("button").click();
    assert.deepEqual(frames[0].params, { userId: "7" });
  });

  test("sends an event frame with the rl-value-* params", () => {
    const { frames, $ } = setup('<button rl-click="increment" rl-value-amount="5" rl-value-unit="kg"><span>+</span></button>');
    $("span").click();
    assert.deepEqual(frames, [{ type: "event", handler: "increment", params: { amount: "5", unit: "kg" }, ref: 1 }]);
  });

  test("an element inside [rl-child] sends child: its id", () => {
    const { frames, $ } = setup('<div rl-child="sidebar" rl-view="x.Sidebar"><a href="#" rl-click="select" rl-value-tab="b">B</a></div>');
    $("a").click();
    assert.deepEqual(frames, [{ type: "event", handler: "select", params: { tab: "b" }, child: "sidebar", ref: 1 }]);
  });

  test("ignores elements outside the view root", () => {
    const { frames, $ } = setup("<p>x</p>");
    $("#outside button").click();
    assert.equal(frames.length, 0);
  });

  test("works for elements patched in after binding (delegation)", () => {
    const { frames, root, $ } = setup("<p>x</p>");
    root.insertAdjacentHTML("beforeend", '<button rl-click="later">later</button>');
    $("button").click();
    assert.equal(frames[0].handler, "later");
  });

  test("rl-loading and disabled while in flight, cleared by the answer with the same ref", () => {
    const { frames, bindings, $ } = setup('<button id="b" rl-click="save">Save</button><div id="d" rl-click="open">open</div>');
    const button = $("#b");
    const div = $("#d");
    button.click();
    div.click();
    assert.equal(button.hasAttribute("rl-loading"), true);
    assert.equal(button.disabled, true);
    assert.equal(div.hasAttribute("rl-loading"), true);
    assert.equal(div.hasAttribute("disabled"), false, "only buttons are disabled");
    bindings.settle(frames[1].ref);
    assert.equal(div.hasAttribute("rl-loading"), false);
    assert.equal(button.hasAttribute("rl-loading"), true, "another ref's answer does not clear it");
    bindings.settle(frames[0].ref);
    assert.equal(button.hasAttribute("rl-loading"), false);
    assert.equal(button.disabled, false);
  });

  test("settleAll clears every loading state (connection lost)", () => {
    const { bindings, $ } = setup('<div id="a" rl-click="a">a</div><div id="b" rl-click="b">b</div>');
    $("#a").click();
    $("#b").click();
    bindings.settleAll();
    assert.equal($("#a").hasAttribute("rl-loading") || $("#b").hasAttribute("rl-loading"), false);
  });

  test("nothing is marked loading when the view is not live", () => {
    const { $ } = setup('<button rl-click="save">Save</button>', { live: false });
    $("button").click();
    assert.equal($("button").hasAttribute("rl-loading"), false);
  });
});

describe("rl-input, rl-change, rl-model", () => {
  test("rl-input without rl-debounce sends each input with params.value", () => {
    const { win, frames, $ } = setup('<input rl-input="search" rl-value-scope="all">');
    type(win, $("input"), "a");
    type(win, $("input"), "ab");
    assert.deepEqual(
      frames.map((f) => f.params),
      [
        { scope: "all", value: "a" },
        { scope: "all", value: "ab" },
      ],
    );
  });

  test("rl-debounce sends once, the last value, after the quiet period", () => {
    const { win, clock, frames, $ } = setup('<input rl-input="search" rl-debounce="300">');
    const input = $("input");
    type(win, input, "a");
    clock.tick(200);
    type(win, input, "ab");
    clock.tick(200);
    type(win, input, "abc");
    clock.tick(299);
    assert.equal(frames.length, 0);
    clock.tick(1);
    assert.deepEqual(frames, [{ type: "event", handler: "search", params: { value: "abc" }, ref: 1 }]);
  });

  test("a pending debounced input is sent at once when the field loses focus", () => {
    const { win, doc, frames, $ } = setup('<input rl-input="search" rl-debounce="1000"><button>b</button>');
    const input = $("input");
    input.focus();
    type(win, input, "now");
    $("button").focus();
    assert.equal(frames.length, 1);
    assert.equal(frames[0].params.value, "now");
    assert.equal(doc.activeElement, $("button"));
  });

  test("rl-change sends the value; a checkbox sends checked", () => {
    const { win, frames, $ } = setup('<select rl-change="pick"><option>a</option><option>b</option></select><input type="checkbox" rl-change="toggle">');
    $("select").value = "b";
    $("select").dispatchEvent(new win.Event("change", { bubbles: true }));
    $("input").click();
    assert.deepEqual(
      frames.map((f) => [f.handler, f.params]),
      [
        ["pick", { value: "b" }],
        ["toggle", { value: true }],
      ],
    );
  });

  test("rl-change on a form sends the form's fields", () => {
    const { win, frames, $ } = setup('<form rl-change="validate"><input name="email" value="a@b"><input name="age" value="3"></form>');
    $("input[name=age]").value = "4";
    $("input[name=age]").dispatchEvent(new win.Event("change", { bubbles: true }));
    assert.deepEqual(frames[0].params, { email: "a@b", age: "4" });
  });

  test("rl-model sends model frames (debounced with rl-debounce), with child", () => {
    const { win, clock, frames, $ } = setup(
      '<input id="n" rl-model="name"><div rl-child="prefs"><input id="c" type="checkbox" rl-model="dark"><input id="q" rl-model="query" rl-debounce="100"></div>',
    );
    type(win, $("#n"), "Ada");
    $("#c").click();
    type(win, $("#q"), "x");
    type(win, $("#q"), "xy");
    clock.tick(100);
    assert.deepEqual(frames, [
      { type: "model", field: "name", value: "Ada", ref: 1 },
      { type: "model", field: "dark", value: true, child: "prefs", ref: 2 },
      { type: "model", field: "query", value: "xy", child: "prefs", ref: 3 },
    ]);
  });
});

describe("rl-submit", () => {
  const form = `
    <form rl-submit="save" rl-value-draft="no">
      <input name="title" value="Hello">
      <input type="checkbox" name="tags" value="a" checked>
      <input type="checkbox" name="tags" value="b" checked>
      <input type="checkbox" name="tags" value="c">
      <input type="radio" name="size" value="s"><input type="radio" name="size" value="m" checked>
      <select name="langs" multiple><option selected>java</option><option>js</option><option selected>go</option></select>
      <select name="one"><option>x</option><option selected>y</option></select>
      <textarea name="body">Text</textarea>
      <input name="off" value="no" disabled>
      <fieldset disabled><input name="inside" value="no"></fieldset>
      <input name="nameless-is-fine" value="yes">
      <input value="no name">
      <input type="file" name="upload">
      <button name="action" value="publish">Publish</button>
      <button name="action2" value="other">Other</button>
    </form>`;

  test("serializes the fields, repeated names as arrays, with the submitter; prevents the page load", () => {
    const { win, frames, $ } = setup(form);
    let defaultPrevented = null;
    $("form").addEventListener("submit", (/** @type {Event} */ ev) => queueMicrotask(() => (defaultPrevented = ev.defaultPrevented)));
    $("button[name=action]").click();
    assert.equal(frames.length, 1);
    assert.equal(frames[0].type, "event");
    assert.equal(frames[0].handler, "save");
    assert.deepEqual(frames[0].params, {
      draft: "no",
      title: "Hello",
      tags: ["a", "b"],
      size: "m",
      langs: ["java", "go"],
      one: "y",
      body: "Text",
      "nameless-is-fine": "yes",
      action: "publish",
    });
    return new Promise((resolve) => setTimeout(resolve, 0)).then(() => assert.equal(defaultPrevented, true));
  });

  test("marks the form and its submitter loading until the answer", () => {
    const { frames, bindings, $ } = setup(form);
    $("button[name=action]").click();
    assert.equal($("form").hasAttribute("rl-loading"), true);
    assert.equal($("button[name=action]").disabled, true);
    assert.equal($("button[name=action2]").disabled, false);
    bindings.settle(frames[0].ref);
    assert.equal($("form").hasAttribute("rl-loading"), false);
    assert.equal($("button[name=action]").disabled, false);
  });

  test("sends pending debounced model frames of the form before the submit", () => {
    const { win, frames, $ } = setup('<form rl-submit="go"><input name="q" rl-model="q" rl-debounce="500"></form>');
    type(win, $("input"), "late");
    $("form").requestSubmit();
    assert.deepEqual(
      frames.map((f) => f.type),
      ["model", "event"],
    );
  });
});

describe("keys, focus, blur", () => {
  test("rl-keydown with rl-key-filter sends only for that key, with params.key", () => {
    const { win, frames, $ } = setup('<input rl-keydown="add" rl-key-filter="Enter" rl-value-list="todo">');
    const input = $("input");
    for (const key of ["a", "Shift", "Enter"]) input.dispatchEvent(new win.KeyboardEvent("keydown", { key, bubbles: true }));
    assert.deepEqual(frames, [{ type: "event", handler: "add", params: { list: "todo", key: "Enter" }, ref: 1 }]);
  });

  test("rl-keyup without rl-key-filter sends every key; IME composition is skipped", () => {
    const { win, frames, $ } = setup('<div rl-keyup="key"><input></div>');
    const input = $("input");
    input.dispatchEvent(new win.KeyboardEvent("keyup", { key: "x", bubbles: true }));
    input.dispatchEvent(new win.KeyboardEvent("keyup", { key: "y", bubbles: true, isComposing: true }));
    input.dispatchEvent(new win.KeyboardEvent("keydown", { key: "z", bubbles: true }));
    assert.deepEqual(
      frames.map((f) => f.params),
      [{ key: "x" }],
    );
  });

  test("rl-focus and rl-blur send with the field's value", () => {
    const { frames, $ } = setup('<input id="a" rl-focus="focused" rl-blur="left" value="v"><input id="b">');
    $("#a").focus();
    $("#b").focus();
    assert.deepEqual(
      frames.map((f) => [f.handler, f.params]),
      [
        ["focused", { value: "v" }],
        ["left", { value: "v" }],
      ],
    );
  });

  test("rl-blur on a container fires when focus leaves it, not when it moves inside", () => {
    const { frames, $ } = setup('<div rl-blur="closed"><input id="a"><input id="b"></div><input id="c">');
    $("#a").focus();
    $("#b").focus();
    assert.equal(frames.length, 0);
    $("#c").focus();
    assert.deepEqual(frames.map((f) => f.handler), ["closed"]);
  });
});

test("giving focus back after a patch moved the focused field sends no rl-focus/rl-blur", () => {
  const { doc, frames, $ } = setup('<div><input id="a" rl-focus="f" rl-blur="b"><p>x</p></div>');
  $("#a").focus();
  assert.equal(frames.length, 1);
  applyPatches($("#root"), [{ op: "move", path: [0], from: 0, to: 1 }]);
  assert.equal(doc.activeElement, $("#a"));
  assert.deepEqual(frames.map((f) => f.handler), ["f"]);
});

describe("rl-nav", () => {
  test("a click pushes the URL and navigates live; popstate asks the server for the URL shown", () => {
    const { win, navigations, urlChanges, frames, $ } = setup('<a id="t" rl-nav href="/tabs?x=1">Tabs</a><a id="ext" rl-nav href="https://example.org/">ext</a>');
    $("#t").click();
    assert.deepEqual(navigations, ["/tabs?x=1"]);
    assert.equal(win.location.pathname + win.location.search, "/tabs?x=1");
    assert.equal(frames.length, 0);
    win.history.pushState(null, "", "/counter"); // as if the user went forward elsewhere…
    win.dispatchEvent(new win.PopStateEvent("popstate"));
    assert.deepEqual(urlChanges, [["/counter", "none"]]);
    win.history.pushState(null, "", "/counter#top"); // only the hash moves: no navigation
    win.dispatchEvent(new win.PopStateEvent("popstate"));
    assert.equal(urlChanges.length, 1);
    assert.equal(navigations.length, 1);
  });

  test("modified clicks and other origins are left to the browser", () => {
    const { win, navigations, $ } = setup('<a id="t" rl-nav href="/tabs">Tabs</a><a id="ext" rl-nav href="https://example.org/">ext</a>');
    $("#t").dispatchEvent(new win.MouseEvent("click", { bubbles: true, cancelable: true, ctrlKey: true }));
    const ext = new win.MouseEvent("click", { bubbles: true, cancelable: true });
    $("#ext").dispatchEvent(ext);
    assert.equal(ext.defaultPrevented, false);
    assert.deepEqual(navigations, []);
  });
});

test("valueParams reads rl-value-* attributes (names lower-cased by the HTML parser)", () => {
  const { $ } = setup('<b id="x" rl-value-userId="7" rl-value-a="1" rl-value-="ignored" rl-click="c"></b>');
  assert.deepEqual(valueParams($("#x")), { userid: "7", a: "1" });
});

test("unbind removes the listeners", () => {
  const { frames, bindings, $ } = setup('<button rl-click="a">a</button>');
  bindings.unbind();
  $("button").click();
  assert.equal(frames.length, 0);
});

describe("rl-patch (Issue 15)", () => {
  test("a click asks for the URL change within the view and leaves history to the answer", () => {
    const { win, urlChanges, navigations, frames, $ } = setup('<a id="open" rl-patch href="/counter?filter=open#list">open</a>');
    const ev = new win.MouseEvent("click", { bubbles: true, cancelable: true, button: 0 });
    $("#open").dispatchEvent(ev);
    assert.equal(ev.defaultPrevented, true);
    assert.deepEqual(urlChanges, [["/counter?filter=open#list", "push"]]);
    assert.equal(win.location.search, "", "history waits for the server");
    assert.equal(navigations.length + frames.length, 0);
  });

  test("modified clicks and other origins are left to the browser", () => {
    const { win, urlChanges, $ } = setup('<a id="t" rl-patch href="/counter?x=1">x</a><a id="ext" rl-patch href="https://example.org/?x=1">ext</a>');
    const modified = new win.MouseEvent("click", { bubbles: true, cancelable: true, metaKey: true });
    $("#t").dispatchEvent(modified);
    const ext = new win.MouseEvent("click", { bubbles: true, cancelable: true });
    $("#ext").dispatchEvent(ext);
    assert.equal(modified.defaultPrevented, false);
    assert.equal(ext.defaultPrevented, false);
    assert.equal(urlChanges.length, 0);
  });

  test("after an accepted change a history move back to the old page is seen as a page change", () => {
    const { win, urlChanges, bindings } = setup("");
    win.history.pushState(null, "", "/counter?filter=open");
    bindings.pageChanged();
    win.history.replaceState(null, "", "/counter");
    win.dispatchEvent(new win.PopStateEvent("popstate"));
    assert.deepEqual(urlChanges, [["/counter", "none"]]);
  });
});
