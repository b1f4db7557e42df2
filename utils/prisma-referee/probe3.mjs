import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) {} };
const engines = { "6": require("@prisma/prisma-schema-wasm"), "7": require("prisma-schema-wasm-7") };
const src = readFileSync(process.argv[2], "utf8");
const only = process.argv[3];
for (const part of src.split(/^=== /m).slice(1)) {
  const nl = part.indexOf("\n");
  const name = part.slice(0, nl).trim();
  let body = part.slice(nl + 1);
  for (const line of ["6", "7"]) {
    if (only && only !== line) continue;
    let text = body;
    if (line === "6" && !/\burl\s*=/.test(text)) text = text.replace(/(datasource\s+\w+\s*\{\n)/, '$1  url = "x"\n');
    if (line === "7") text = text.replace(/^\s*url\s*=.*\n/m, "");
    const lints = JSON.parse(engines[line].lint(JSON.stringify([["s.prisma", text]])));
    const lc = (off) => { const b = Buffer.from(text).subarray(0, off).toString(); const ls = b.split("\n"); return `${ls.length}:${[...ls[ls.length-1]].length+1}`; };
    const out = lints.map(l => `${l.is_warning ? "W" : "E"} ${lc(l.start)} ${l.text.replace(/\n/g," ").slice(0,150)}`);
    console.log(`[${line}] ${name}: ${out.length ? "" : "OK"}`);
    for (const o of out) console.log("    " + o);
  }
}
