// Prints the minified + gzipped size of the client: the core (index.js and everything it imports
// statically, bundled; hvr.js and uploads.js excluded), the dev-only hvr.js on its own, and uploads.js. The browser gets the
// unminified modules as they are; these figures measure what the code would weigh minified.
// Exits with 1 when a part is over its budget.

import { build, transform } from "esbuild";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const src = join(dirname(fileURLToPath(import.meta.url)), "..", "src");
const BUDGET = 15 * 1024;

/** @param {string} code */
function gzipped(code) {
  return gzipSync(Buffer.from(code, "utf8"), { level: 9 }).length;
}

const core = await build({
  entryPoints: [join(src, "index.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  external: ["./hvr.js", "./uploads.js"],
  write: false,
  logLevel: "silent",
});
const coreCode = core.outputFiles[0].text;

const hvr = await transform(await readFile(join(src, "hvr.js"), "utf8"), {
  minify: true,
  format: "esm",
  target: "es2022",
  loader: "js",
});

const uploads = await build({
  entryPoints: [join(src, "uploads.js")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  write: false,
  logLevel: "silent",
});

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(2)} KB`;
let over = false;
for (const [name, code] of [
  ["core (index.js and every module it imports, bundled)", coreCode],
  ["hvr.js (dev only)", hvr.code],
  ["uploads.js (loaded on first use, with what it imports)", uploads.outputFiles[0].text],
]) {
  const size = gzipped(code);
  const ok = size < BUDGET;
  over ||= !ok;
  console.log(`${name}: ${kb(Buffer.byteLength(code))} minified, ${kb(size)} min+gzip (${size} B) — ${ok ? "under" : "OVER"} 15 KB`);
}
process.exitCode = over ? 1 : 0;
