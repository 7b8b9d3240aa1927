// A live view on a fake socket, for the tests of the client's behaviours on top of the server's DOM.

import { page, FakeClock, fakeWebSocketClass } from "./helpers.js";
import { View } from "../src/view.js";

export const VIEW = "a.ChartView";

/**
 * A live view on a fake socket, mounted with inner.
 * @param {string} inner
 * @param {{ head?: string }} [options]
 */
export function live(inner, options = {}) {
  const { doc, win } = page(`<div rl-root rl-view="${VIEW}" rl-token="t">${inner}</div>`, options);
  const root = /** @type {HTMLElement} */ (doc.querySelector("[rl-root]"));
  const WS = fakeWebSocketClass();
  const clock = new FakeClock();
  const view = new View(root, { socketUrl: "ws://x/relive/socket", WebSocket: /** @type {any} */ (WS), timers: clock, random: () => 0.5, heartbeatMs: 0, browser: { reload() {}, assign() {} } });
  view.start();
  const ws = () => WS.instances[WS.instances.length - 1];
  const mount = (html = inner) => {
    ws().open();
    ws().receive({ type: "mounted", protocol: 1, session: "S", view: VIEW, url: "/chart", seq: 0, html, title: "t" });
  };
  mount();
  /** @param {string} selector */
  const $ = (selector) => /** @type {any} */ (doc.querySelector(selector));
  return { doc, win, root, view, ws, mount, clock, $, WS };
}

