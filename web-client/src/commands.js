// Client commands: small DOM changes that run in the page without a round trip, written as a JSON list
// in `rl-js`, or in place of a handler name in any event binding (`rl-click='[["toggle","#menu"]]'`).
// Each command is an array: its name, then its arguments; a target is a CSS selector (all matches), or
// null or "" for the element the binding is on. What the commands change is kept across server patches
// (clientstate.js).
//
//   ["show", target]             ["hide", target]             ["toggle", target]   (the `hidden` attribute)
//   ["add_class", target, "a b"] ["remove_class", target, "a"] ["toggle_class", target, "a"]
//   ["set_attr", target, name, value]   ["remove_attr", target, name]
//   ["focus", target]            ["dispatch", target, eventName, detail?]
//   ["push", handler, params?]   sends the event `handler` to the view (with the binding's params)

import { setAttr, setClass } from "./clientstate.js";

/** Attributes whose value is a URL: a command may set them only to a relative or http(s) URL. */
const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "data"]);

/**
 * The command list of an attribute value, or null when it is not one (a handler name).
 * @param {string | null} text
 * @returns {unknown[][] | null}
 */
export function parseCommands(text) {
  if (!text || text.trimStart()[0] !== "[") return null;
  try {
    const list = JSON.parse(text);
    if (Array.isArray(list) && list.every(Array.isArray)) return list;
  } catch {
    // reported below
  }
  console.warn(`Relive: not a command list: ${text.slice(0, 80)}`);
  return [];
}

/**
 * Whether a command may set attribute name to value: no event handler attributes, no `srcdoc`, and URL
 * attributes only to relative or http(s) URLs.
 * @param {Element} el
 * @param {string} name
 * @param {string} value
 * @returns {boolean}
 */
export function mayCommandSet(el, name, value) {
  const lower = name.toLowerCase();
  if (lower.startsWith("on") || lower === "srcdoc") return false;
  if (!URL_ATTRS.has(lower)) return true;
  try {
    return /^https?:$/.test(new URL(value, el.ownerDocument.baseURI).protocol);
  } catch {
    return false;
  }
}

/**
 * @param {Element} el the element the binding is on
 * @param {unknown} target
 * @returns {Element[]}
 */
function targets(el, target) {
  if (target === null || target === undefined || target === "") return [el];
  try {
    return Array.from(el.ownerDocument.querySelectorAll(String(target)));
  } catch {
    console.warn(`Relive: bad selector in a command: ${String(target).slice(0, 80)}`);
    return [];
  }
}

/**
 * Runs a command list for the element el.
 * @param {unknown[][]} list
 * @param {Element} el
 * @param {(handler: string, params: Record<string, unknown>) => void} push sends an event to the view
 */
export function runCommands(list, el, push) {
  for (const [name, target, a, b] of list) {
    if (name === "push") {
      if (typeof target === "string" && target) push(target, a && typeof a === "object" ? /** @type {any} */ (a) : {});
      continue;
    }
    const words = String(a ?? "").split(/\s+/).filter(Boolean);
    for (const t of targets(el, target)) {
      switch (name) {
        case "show":
        case "hide":
        case "toggle":
          setAttr(t, "hidden", (name === "toggle" ? !t.hasAttribute("hidden") : name === "hide") ? "" : null);
          break;
        case "add_class":
        case "remove_class":
        case "toggle_class":
          for (const c of words) setClass(t, c, name === "add_class" || (name === "toggle_class" && !t.classList.contains(c)));
          break;
        case "set_attr":
          if (typeof a === "string" && mayCommandSet(t, a, String(b ?? ""))) setAttr(t, a, String(b ?? ""));
          else console.warn(`Relive: a command may not set ${String(a)}`);
          break;
        case "remove_attr":
          if (typeof a === "string") setAttr(t, a, null);
          break;
        case "focus":
          /** @type {HTMLElement} */ (t).focus?.();
          break;
        case "dispatch":
          if (typeof a === "string") t.dispatchEvent(new (/** @type {any} */ (el.ownerDocument.defaultView).CustomEvent)(a, { bubbles: true, detail: b ?? null }));
          break;
        default:
          console.warn(`Relive: unknown command ${String(name)}`);
      }
    }
  }
}
