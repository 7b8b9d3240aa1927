import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { page } from "./helpers.js";
import { UrlChanges, applyToHistory, carryFlash, isSameOrigin, takeCarriedFlash, FLASH_KEY } from "../src/urlchange.js";

describe("urlchange.js", () => {
  test("a pending change is taken once by its ref", () => {
    const changes = new UrlChanges();
    changes.add(3, "/tasks?filter=open", "push");
    assert.deepEqual(changes.take(3), { url: "/tasks?filter=open", history: "push" });
    assert.equal(changes.take(3), undefined);
    changes.add(4, "/a", "none");
    changes.clear();
    assert.equal(changes.take(4), undefined);
  });

  test("push adds a history entry, replace and none do not", () => {
    const { win } = page("", { url: "http://localhost:8080/tasks" });
    const length = win.history.length;
    applyToHistory(win, { url: "/tasks?filter=open", history: "push" });
    assert.equal(win.history.length, length + 1);
    applyToHistory(win, { url: "/tasks?filter=done", history: "replace" });
    assert.equal(win.location.search, "?filter=done");
    applyToHistory(win, { url: "/elsewhere", history: "none" });
    assert.equal(win.location.pathname, "/tasks");
    assert.equal(win.history.length, length + 1);
  });

  test("only URLs on the page's origin are the same page", () => {
    const base = "http://localhost:8080/tasks";
    assert.equal(isSameOrigin("/tasks?x=1", base), true);
    assert.equal(isSameOrigin("http://localhost:8080/a", base), true);
    for (const url of ["//evil.example/", "https://localhost:8080/", "javascript:alert(1)", "http://[bad"]) assert.equal(isSameOrigin(url, base), false, url);
  });

  test("a redirect's flash is kept for one mount; empty or malformed ones are not", () => {
    const { win } = page("");
    carryFlash(win, {});
    carryFlash(win, null);
    assert.equal(win.sessionStorage.getItem(FLASH_KEY), null);
    carryFlash(win, { info: "Task saved" });
    assert.deepEqual(takeCarriedFlash(win), { info: "Task saved" });
    assert.equal(takeCarriedFlash(win), null);
    win.sessionStorage.setItem(FLASH_KEY, "{not json");
    assert.equal(takeCarriedFlash(win), null);
  });
});
