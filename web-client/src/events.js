// The `rl-` attribute bindings. One listener per event type on the document (delegation), so
// elements patched in later work without rebinding. Each binding turns a DOM event into an `event`
// (or `model`, or `navigate`) frame; the element it came from carries `rl-loading` (and a button is
// disabled) until the server answers that frame's ref.

import { ATTR, CLIENT_FRAME } from "./constants.js";
import { clearClientAttrs, setClientAttr } from "./attrs.js";
import { isRestoringFocus, noteUserInput } from "./fieldstate.js";
import { fieldValue, isField, serializeForm } from "./forms.js";
import { GLOBAL_TIMERS } from "./socket.js";

/**
 * What the bindings need from the view.
 * @typedef {object} EventHost
 * @property {Element} root the view root; events outside it are not the view's
 * @property {(frame: import("./socket.js").OutFrame) => number | null} request
 *   sends a frame with a new ref; null when the view is not live (then nothing is sent)
 * @property {(url: string) => void} navigate sends a live navigation to url (history already updated)
 * @property {(url: string, history: "push" | "none") => void} changeUrl asks for the URL change to url within the
 *   view: "push" for an rl-patch link (history changes once the server agrees), "none" for back/forward
 */

/**
 * @typedef {object} EventOptions
 * @property {import("./socket.js").Timers} [timers] for rl-debounce (default: the global timers)
 */

/**
 * @typedef {object} EventBindings
 * @property {(ref: number) => void} settle the answer to ref arrived: clear its loading state
 * @property {() => void} settleAll no answer will come (connection lost): clear all loading states
 * @property {(url: string, push?: boolean) => void} navigate live-navigates to url, pushing it onto history unless push is false
 * @property {() => void} pageChanged history shows a new page (after an accepted URL change)
 * @property {() => void} flush sends the debounced events now
 * @property {() => void} unbind removes the listeners
 */

/**
 * @param {Event} ev
 * @returns {Element | null} the element the event happened on
 */
function elementOf(ev) {
  const target = /** @type {Node | null} */ (ev.target);
  if (!target) return null;
  if (target.nodeType === 1) return /** @type {Element} */ (target);
  return target.parentElement ?? null;
}

/**
 * `user-id` -> `userId`: HTML lower-cases attribute names, so `rl-value-user-id` names the parameter `userId`.
 * @param {string} name
 * @returns {string}
 */
export function camelCase(name) {
  return name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/**
 * The `rl-value-NAME` attributes of el as params; NAME in kebab case becomes camel case.
 * @param {Element} el
 * @returns {Record<string, unknown>}
 */
export function valueParams(el) {
  /** @type {Record<string, unknown>} */
  const params = {};
  for (const { name, value } of Array.from(el.attributes)) {
    if (name.startsWith(ATTR.VALUE_PREFIX) && name.length > ATTR.VALUE_PREFIX.length) {
      params[camelCase(name.slice(ATTR.VALUE_PREFIX.length))] = value;
    }
  }
  return params;
}

/**
 * @param {Element} root the view root
 * @param {Element} el
 * @returns {string | undefined} the id of the child view el belongs to
 */
function childOf(root, el) {
  const child = el.closest(`[${ATTR.CHILD}]`);
  return child && child !== root && root.contains(child) ? child.getAttribute(ATTR.CHILD) ?? undefined : undefined;
}

/**
 * The `model` frame that sets the `@Bind` field `name` to the value of a field bound with rl-model.
 * @param {Element} root the view root
 * @param {import("./forms.js").Field} field
 * @param {string} name
 * @returns {import("./socket.js").OutFrame}
 */
export function modelFrame(root, field, name) {
  /** @type {import("./socket.js").OutFrame} */
  const frame = { type: CLIENT_FRAME.MODEL, field: name, value: fieldValue(field) };
  const child = childOf(root, field);
  if (child !== undefined) frame.child = child;
  return frame;
}

/**
 * Binds the `rl-` attributes of the elements under host.root.
 * @param {EventHost} host
 * @param {EventOptions} [options]
 * @returns {EventBindings}
 */
export function bindEvents(host, options = {}) {
  const timers = options.timers ?? GLOBAL_TIMERS;
  const doc = /** @type {Document} */ (host.root.ownerDocument);
  const win = /** @type {Window} */ (doc.defaultView);

  /** @type {Map<number, Element[]>} elements in flight, by ref */
  const inFlight = new Map();
  /** @type {Map<Element, number>} how many refs an element is in flight for */
  const loadingCount = new Map();
  /** @type {Map<string, Map<Element, { timer: any, send: () => void }>>} pending debounced sends, by kind */
  const pending = new Map([
    ["input", new Map()],
    ["model", new Map()],
  ]);
  /** The path+query the view shows, to tell a history move between pages from a hash change. */
  let currentPage = win.location.pathname + win.location.search;

  /**
   * @param {Element | null} el
   * @returns {el is Element}
   */
  const inRoot = (el) => el !== null && host.root.contains(el);

  /**
   * @param {number} ref
   * @param {Element[]} els
   */
  const setLoading = (ref, els) => {
    inFlight.set(ref, els);
    for (const el of els) {
      const count = loadingCount.get(el) ?? 0;
      loadingCount.set(el, count + 1);
      if (count > 0) continue;
      setClientAttr(el, ATTR.LOADING);
      if (el.tagName === "BUTTON" || (el.tagName === "INPUT" && /^(submit|button|image)$/.test(/** @type {HTMLInputElement} */ (el).type))) {
        setClientAttr(el, "disabled");
      }
    }
  };

  /** @param {number} ref */
  const settle = (ref) => {
    const els = inFlight.get(ref);
    if (!els) return;
    inFlight.delete(ref);
    for (const el of els) {
      const count = (loadingCount.get(el) ?? 1) - 1;
      if (count > 0) {
        loadingCount.set(el, count);
        continue;
      }
      loadingCount.delete(el);
      clearClientAttrs(el);
    }
  };

  const settleAll = () => {
    for (const ref of Array.from(inFlight.keys())) settle(ref);
  };

  /**
   * Sends event `handler` named by el's attribute `attr`.
   * @param {Element} el
   * @param {string} attr
   * @param {Record<string, unknown>} params
   * @param {Element[]} [loading] elements to mark in flight (default: el)
   * @returns {number | null}
   */
  const pushEvent = (el, attr, params, loading = [el]) => {
    const handler = el.getAttribute(attr);
    if (!handler) return null;
    /** @type {import("./socket.js").OutFrame} */
    const frame = { type: CLIENT_FRAME.EVENT, handler, params };
    const child = childOf(host.root, el);
    if (child !== undefined) frame.child = child;
    const ref = host.request(frame);
    if (ref !== null) setLoading(ref, loading.filter((x) => x.isConnected));
    return ref;
  };

  /**
   * @param {Element} el element bearing the binding
   * @param {Element} field the field the event happened on
   * @returns {Record<string, unknown>} params of an input/change event
   */
  const fieldParams = (el, field) => {
    if (el.tagName === "FORM") return { ...valueParams(el), ...serializeForm(/** @type {HTMLFormElement} */ (el)) };
    return { ...valueParams(el), value: isField(field) ? fieldValue(field) : null };
  };

  /**
   * Runs send after el's rl-debounce ms (immediately when 0), replacing a pending one of that kind.
   * @param {"input" | "model"} kind
   * @param {Element} el
   * @param {() => void} send
   */
  const debounce = (kind, el, send) => {
    const queue = /** @type {Map<Element, { timer: any, send: () => void }>} */ (pending.get(kind));
    const old = queue.get(el);
    if (old) timers.clearTimeout(old.timer);
    queue.delete(el);
    const ms = Number.parseInt(el.getAttribute(ATTR.DEBOUNCE) ?? "0", 10);
    if (!(ms > 0)) {
      send();
      return;
    }
    const timer = timers.setTimeout(() => {
      queue.delete(el);
      send();
    }, ms);
    queue.set(el, { timer, send });
  };

  /**
   * Sends the debounced events now, all of them or those of elements inside `within`.
   * @param {Element} [within]
   */
  const flush = (within) => {
    for (const queue of pending.values()) {
      for (const [el, entry] of Array.from(queue)) {
        if (within && !within.contains(el)) continue;
        timers.clearTimeout(entry.timer);
        queue.delete(el);
        entry.send();
      }
    }
  };

  /**
   * @param {string} url
   * @param {boolean} [push]
   */
  const navigate = (url, push = true) => {
    if (push) win.history.pushState({ relive: true }, "", url);
    currentPage = win.location.pathname + win.location.search;
    host.navigate(url);
  };

  /** @param {Event} ev */
  const onClick = (ev) => {
    const target = elementOf(ev);
    if (!inRoot(target)) return;
    const mouse = /** @type {MouseEvent} */ (ev);
    const link = target.closest(`a[${ATTR.NAV}]`);
    if (link && inRoot(link) && !ev.defaultPrevented && mouse.button === 0 && !mouse.metaKey && !mouse.ctrlKey && !mouse.shiftKey && !mouse.altKey) {
      const a = /** @type {HTMLAnchorElement} */ (link);
      const url = new URL(a.getAttribute("href") ?? "", doc.baseURI);
      if (url.origin === win.location.origin && (a.target === "" || a.target === "_self") && !a.hasAttribute("download")) {
        ev.preventDefault();
        navigate(url.pathname + url.search + url.hash);
        return;
      }
    }
    const patchLink = target.closest(`a[${ATTR.PATCH}]`);
    if (patchLink && inRoot(patchLink) && !ev.defaultPrevented && mouse.button === 0 && !mouse.metaKey && !mouse.ctrlKey && !mouse.shiftKey && !mouse.altKey) {
      const url = new URL(patchLink.getAttribute("href") ?? "", doc.baseURI);
      if (url.origin === win.location.origin) {
        ev.preventDefault();
        host.changeUrl(url.pathname + url.search + url.hash, "push");
        return;
      }
    }
    const el = target.closest(`[${ATTR.CLICK}]`);
    if (!inRoot(el)) return;
    if (el.tagName === "A") ev.preventDefault();
    pushEvent(el, ATTR.CLICK, valueParams(el));
  };

  /** @param {Event} ev */
  const onInput = (ev) => {
    const field = elementOf(ev);
    if (!inRoot(field) || !isField(field)) return;
    noteUserInput(field);
    const modelField = field.getAttribute(ATTR.MODEL);
    if (modelField && !(field.type === "radio" && !(/** @type {HTMLInputElement} */ (field).checked))) {
      debounce("model", field, () => host.request(modelFrame(host.root, field, modelField)));
    }
    const el = field.closest(`[${ATTR.INPUT}]`);
    if (inRoot(el)) debounce("input", el, () => pushEvent(el, ATTR.INPUT, fieldParams(el, field)));
  };

  /** @param {Event} ev */
  const onChange = (ev) => {
    const field = elementOf(ev);
    if (!inRoot(field)) return;
    if (isField(field)) noteUserInput(field);
    const el = field.closest(`[${ATTR.CHANGE}]`);
    if (inRoot(el)) pushEvent(el, ATTR.CHANGE, fieldParams(el, field));
  };

  /** @param {Event} ev */
  const onSubmit = (ev) => {
    const form = elementOf(ev);
    if (!inRoot(form) || form.tagName !== "FORM" || !form.hasAttribute(ATTR.SUBMIT)) return;
    ev.preventDefault();
    flush(form);
    const submitter = /** @type {SubmitEvent} */ (ev).submitter ?? null;
    const params = { ...valueParams(form), ...serializeForm(/** @type {HTMLFormElement} */ (form), submitter) };
    pushEvent(form, ATTR.SUBMIT, params, submitter ? [form, submitter] : [form]);
  };

  /**
   * @param {string} attr
   * @returns {(ev: Event) => void}
   */
  const onKey = (attr) => (ev) => {
    const key = /** @type {KeyboardEvent} */ (ev);
    if (key.isComposing) return;
    const target = elementOf(ev);
    const el = target && target.closest(`[${attr}]`);
    if (!inRoot(el)) return;
    const filter = el.getAttribute(ATTR.KEY_FILTER);
    if (filter !== null && filter.toLowerCase() !== String(key.key).toLowerCase()) return;
    pushEvent(el, attr, { ...valueParams(el), key: key.key });
  };

  /**
   * Focus and blur of an element, not of moves between its descendants.
   * @param {string} attr
   * @returns {(ev: Event) => void}
   */
  const onFocusChange = (attr) => (ev) => {
    if (isRestoringFocus()) return;
    const target = elementOf(ev);
    if (!inRoot(target)) return;
    if (attr === ATTR.BLUR) flush(target);
    const el = target.closest(`[${attr}]`);
    if (!inRoot(el)) return;
    const related = /** @type {Node | null} */ (/** @type {FocusEvent} */ (ev).relatedTarget);
    if (related && el.contains(related)) return;
    pushEvent(el, attr, isField(el) ? { ...valueParams(el), value: fieldValue(el) } : valueParams(el));
  };

  const onPopState = () => {
    const page = win.location.pathname + win.location.search;
    if (page === currentPage) return; // only the hash changed
    currentPage = page;
    host.changeUrl(page + win.location.hash, "none");
  };

  /** @type {[string, (ev: Event) => void][]} */
  const listeners = [
    ["click", onClick],
    ["input", onInput],
    ["change", onChange],
    ["submit", onSubmit],
    ["keydown", onKey(ATTR.KEYDOWN)],
    ["keyup", onKey(ATTR.KEYUP)],
    ["focusin", onFocusChange(ATTR.FOCUS)],
    ["focusout", onFocusChange(ATTR.BLUR)],
  ];
  for (const [type, fn] of listeners) doc.addEventListener(type, fn);
  win.addEventListener("popstate", onPopState);

  return {
    settle,
    settleAll,
    navigate,
    pageChanged: () => {
      currentPage = win.location.pathname + win.location.search;
    },
    flush: () => flush(),
    unbind() {
      for (const [type, fn] of listeners) doc.removeEventListener(type, fn);
      win.removeEventListener("popstate", onPopState);
      for (const queue of pending.values()) {
        for (const entry of queue.values()) timers.clearTimeout(entry.timer);
        queue.clear();
      }
    },
  };
}
