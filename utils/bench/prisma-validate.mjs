// Validates a Prisma schema (a file, or a folder of .prisma files forming one
// schema) with Prisma's own engine compiled to WASM, the way `prisma
// validate` does. Prints "valid" or "invalid" and exits 0 either way; exits
// 2 on usage errors. Used by bench.py as the peer of abv-verify.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) { globalThis.lastPanic = m; } };
const wasm = require("@prisma/prisma-schema-wasm");

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (path.endsWith(".prisma")) {
    out.push([path, readFileSync(path, "utf8")]);
  }
}

const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error("usage: prisma-validate.mjs <schema file or folder>...");
  process.exit(2);
}
const files = [];
for (const input of inputs) collect(input, files);
try {
  wasm.validate(JSON.stringify({ prismaSchema: files, noColor: true }));
  console.log("valid");
} catch (e) {
  console.log("invalid");
}
