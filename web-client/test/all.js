// Runs every test file in one Node process: each file loads jsdom, and a process per file (node --test's default)
// spends most of the run loading it again. `node --test test/<name>.test.js` still runs one file alone.
import { readdirSync } from "node:fs";

const here = new URL("./", import.meta.url);
for (const file of readdirSync(here).filter((name) => name.endsWith(".test.js")).sort()) {
  await import(new URL(file, here).href);
}
