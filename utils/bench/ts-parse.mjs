// Parses TypeScript files with TypeScript's own parser (ts.createSourceFile,
// the parser tsc runs before binding and checking), the peer of ABV's
// TypeScript frontend in bench.py. Arguments are .ts files, folders (every
// .ts file below them, node_modules left out) or @FILE, a file naming one
// input per line. Every tree is kept until the end, as a program (and ABV's
// Project) keeps them for the checks that follow. Prints "<files> files, <bytes> bytes, <n> syntax errors in
// <m> files" and exits 0; exits 2 on usage errors.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ts = require("typescript");

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name !== "node_modules") collect(join(path, name), out);
    }
  } else if (path.endsWith(".ts")) {
    out.push(path);
  }
}

const files = [];
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith("@")) {
    for (const line of readFileSync(arg.slice(1), "utf8").split("\n")) {
      if (line) files.push(line);
    }
  } else {
    collect(arg, files);
  }
}
if (files.length === 0) {
  console.error("usage: ts-parse.mjs <.ts file, folder or @list>...");
  process.exit(2);
}
const sources = [];
let bytes = 0;
let errors = 0;
let withErrors = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  bytes += Buffer.byteLength(text);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest,
                                     /*setParentNodes=*/ false, ts.ScriptKind.TS);
  sources.push(source);
  const n = source.parseDiagnostics.length;
  errors += n;
  if (n) withErrors++;
}
console.log(`${sources.length} files, ${bytes} bytes, ${errors} syntax errors in ${withErrors} files`);
