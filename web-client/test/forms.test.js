import { test } from "node:test";
import assert from "node:assert/strict";
import { page } from "./helpers.js";
import { fieldValue, isCheckable, isField, selectedValues, serializeForm } from "../src/forms.js";

test("fields are inputs, textareas and selects; checkables are checkboxes and radios", () => {
  const { doc } = page('<input id="t"><input id="c" type="checkbox"><input id="r" type="radio"><textarea id="a"></textarea><select id="s"></select><div id="d"></div>');
  const $ = (/** @type {string} */ id) => /** @type {Element} */ (doc.getElementById(id));
  assert.deepEqual(["t", "c", "r", "a", "s", "d"].map((id) => isField($(id))), [true, true, true, true, true, false]);
  assert.deepEqual(["t", "c", "r", "a", "s", "d"].map((id) => isCheckable($(id))), [false, true, true, false, false, false]);
  assert.equal(isField(null), false);
});

test("a field's value: checked for a checkbox, the selected values of a multiple select, else value", () => {
  const { doc } = page(
    '<input id="c" type="checkbox" checked><select id="m" multiple><option selected>a</option><option>b</option><option selected>c</option></select><input id="t" value="x">',
  );
  const $ = (/** @type {string} */ id) => /** @type {any} */ (doc.getElementById(id));
  assert.equal(fieldValue($("c")), true);
  assert.deepEqual(fieldValue($("m")), ["a", "c"]);
  assert.deepEqual(selectedValues($("m")), ["a", "c"]);
  assert.equal(fieldValue($("t")), "x");
});

test("a form serialises as a browser submits it: checked checkables, enabled named fields, no files", () => {
  const { doc } = page(
    '<form><input name="a" value="1"><input name="a" value="2"><input type="checkbox" name="c" value="on">' +
      '<input type="radio" name="r" value="x" checked><input name="off" value="z" disabled><input type="file" name="f">' +
      '<select name="s" multiple><option selected>p</option><option selected>q</option></select><button name="go" value="1">Go</button></form>',
  );
  const form = /** @type {HTMLFormElement} */ (doc.querySelector("form"));
  assert.deepEqual(serializeForm(form), { a: ["1", "2"], r: "x", s: ["p", "q"] });
  assert.deepEqual(serializeForm(form, form.querySelector("button")), { a: ["1", "2"], r: "x", s: ["p", "q"], go: "1" });
});
