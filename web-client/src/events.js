// The `rl-` attribute bindings. One listener per event type on the document (delegation), so
// elements patched in later work without rebinding. Each binding turns a DOM event into an `event`
// (or `model`, or `navigate`) frame, paced by rate.js and marked in flight by loading.js until the
// server answers that frame's ref. A binding may hold a list of client commands instead of a handler
// name (commands.js), and `rl-js` runs commands on click before the element's `rl-click`.

import { ATTR, CLIENT_FRAME } from "./constants.js";
import { parseCommands, runCommands } from "./commands.js";
import { isRestoringFocus, noteUserInput } from "./fieldstate.js";
import { fieldValue, isField, serializeForm } from "./forms.js";
import { loadingStates } from "./loading.js";
import { rateGate } from "./rate.js";
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
 * @property {import("./socket.js").Timers} [timers] for rl-debounce and rl-throttle (default: the global timers)
 */

/**
 * @typedef {object} EventBindings
 * @property {(ref: number) => void} settle the answer to ref arrived: clear its loading state
 * @property {(ref: number) => boolean} answersTyping whether ref was sent as the user typed (an `input` or key event
 *   of a field), asked once per ref when its answer arrives
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
export function childOf(root, el) {
  const child = el.closest(`[${ATTR.CHILD}]`);
  return child && child !== root && root.contains(child) ? child.getAttribute(ATTR.CHILD) ?? undefined : undefined;
}

/**
 * The `event` frame that calls handler of the view el belongs to (the root view or a child view).
 * @param {Element} root the view root
 * @param {Element} el
 * @param {string} handler
 * @param {Record<string, unknown>} params
 * @returns {import("./socket.js").OutFrame}
 */
export function eventFrame(root, el, handler, params) {
  /** @type {import("./socket.js").OutFrame} */
  const frame = { type: CLIENT_FRAME.EVENT, handler, params };
  const child = childOf(root, el);
  if (child !== undefined) frame.child = child;
  return frame;
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

  const loading = loadingStates(host.root);
  const gate = rateGate(timers);
  /** The path+query the view shows, to tell a history move between pages from a hash change. */
  let currentPage = win.location.pathname + win.location.search;

  /**
   * @param {Element | null} el
   * @returns {el is Element}
   */
  const inRoot = (el) => el !== null && host.root.contains(el);

  /** refs of the frames sent while the user typed, until their answers arrive */
  const typingRefs = new Set();
  let typing = false;
  /**
   * @param {import("./socket.js").OutFrame} frame
   * @returns {number | null} its ref
   */
  const send = (frame) => {
    const ref = host.request(frame);
    if (typing && ref !== null) typingRefs.add(ref);
    return ref;
  };
  /**
   * fn, run as a send the user's typing made (whenever the pacing lets it run).
   * @param {() => void} fn
   * @returns {() => void}
   */
  const asTyping = (fn) => () => {
    typing = true;
    try {
      fn();
    } finally {
      typing = false;
    }
  };

  /**
   * Sends event handler for el, marking marked in flight.
   * @param {Element} el
   * @param {string} handler
   * @param {Record<string, unknown>} params
   * @param {Element[]} marked
   */
  const sendEvent = (el, handler, params, marked) => {
    const ref = send(eventFrame(host.root, el, handler, params));
    if (ref !== null) loading.start(ref, marked, handler);
  };

  /**
   * Sends the event named by el's attribute attr, or runs the commands it holds instead.
   * @param {Element} el
   * @param {string} attr
   * @param {Record<string, unknown>} params
   * @param {Element[]} [marked] elements to mark in flight (default: el)
   */
  const pushEvent = (el, attr, params, marked = [el]) => {
    const value = el.getAttribute(attr);
    const commands = parseCommands(value);
    if (commands) runCommands(commands, el, (handler, extra) => sendEvent(el, handler, { ...params, ...extra }, marked));
    else if (value) sendEvent(el, value, params, marked);
  };

  /**
   * pushEvent, paced by el's rl-debounce / rl-throttle.
   * @param {Element} el
   * @param {string} attr
   * @param {Record<string, unknown>} params
   * @param {Element[]} [marked]
   */
  const paced = (el, attr, params, marked) => gate.run(el, attr, () => pushEvent(el, attr, params, marked));

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
    const js = target.closest(`[${ATTR.JS}]`);
    if (inRoot(js)) {
      runCommands(parseCommands(js.getAttribute(ATTR.JS)) ?? [], js, (handler, params) => sendEvent(js, handler, { ...valueParams(js), ...params }, [js]));
    }
    const el = target.closest(`[${ATTR.CLICK}]`);
    if (!inRoot(el)) return;
    if (el.tagName === "A") ev.preventDefault();
    paced(el, ATTR.CLICK, valueParams(el));
  };

  /** @param {Event} ev */
  const onInput = (ev) => {
    const field = elementOf(ev);
    if (!inRoot(field) || !isField(field)) return;
    noteUserInput(field);
    const modelField = field.getAttribute(ATTR.MODEL);
    if (modelField && !(field.type === "radio" && !(/** @type {HTMLInputElement} */ (field).checked))) {
      gate.run(field, ATTR.MODEL, asTyping(() => send(modelFrame(host.root, field, modelField))));
    }
    const el = field.closest(`[${ATTR.INPUT}]`);
    if (inRoot(el)) gate.run(el, ATTR.INPUT, asTyping(() => pushEvent(el, ATTR.INPUT, fieldParams(el, field))));
  };

  /** @param {Event} ev */
  const onChange = (ev) => {
    const field = elementOf(ev);
    if (!inRoot(field)) return;
    if (isField(field)) noteUserInput(field);
    const el = field.closest(`[${ATTR.CHANGE}]`);
    if (inRoot(el)) paced(el, ATTR.CHANGE, fieldParams(el, field));
  };

  /** @param {Event} ev */
  const onSubmit = (ev) => {
    const form = elementOf(ev);
    if (!inRoot(form) || form.tagName !== "FORM" || !form.hasAttribute(ATTR.SUBMIT)) return;
    ev.preventDefault();
    gate.flush(form);
    const submitter = /** @type {SubmitEvent} */ (ev).submitter ?? null;
    const params = { ...valueParams(form), ...serializeForm(/** @type {HTMLFormElement} */ (form), submitter) };
    paced(form, ATTR.SUBMIT, params, submitter ? [form, submitter] : [form]);
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
    const params = { ...valueParams(el), key: key.key };
    gate.run(el, attr, asTyping(() => pushEvent(el, attr, params)));
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
    if (attr === ATTR.BLUR) gate.flush(target);
    const el = target.closest(`[${attr}]`);
    if (!inRoot(el)) return;
    const related = /** @type {Node | null} */ (/** @type {FocusEvent} */ (ev).relatedTarget);
    if (related && el.contains(related)) return;
    paced(el, attr, isField(el) ? { ...valueParams(el), value: fieldValue(el) } : valueParams(el));
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
    settle: loading.settle,
    answersTyping: (ref) => typingRefs.delete(ref),
    settleAll: () => {
      typingRefs.clear();
      loading.settleAll();
    },
    navigate,
    pageChanged: () => {
      currentPage = win.location.pathname + win.location.search;
    },
    flush: () => gate.flush(),
    unbind() {
      for (const [type, fn] of listeners) doc.removeEventListener(type, fn);
      win.removeEventListener("popstate", onPopState);
      gate.cancel();
    },
  };
}
