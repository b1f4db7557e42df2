import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) {} };
const engines = { "6": require("@prisma/prisma-schema-wasm"), "7": require("prisma-schema-wasm-7") };
const which = process.argv[2];
const fs = await import("node:fs");
const text = fs.readFileSync(process.argv[3], "utf8");
const w = engines[which];
try { w.validate(JSON.stringify({ prismaSchema: [["schema.prisma", text]], noColor: true })); console.log("VALID"); }
catch (e) { try { console.log(JSON.parse(e.message).message); } catch { console.log(String(e.message)); } }
const lints = JSON.parse(w.lint(JSON.stringify([["schema.prisma", text]])));
for (const l of lints) console.log(l.is_warning ? "W" : "E", l.start, l.text.slice(0, 200));
