#!/usr/bin/env node
// referee.mjs - Prisma's own schema engine as the referee of ABV's DB checks.
//
// For every schema given (a .prisma file, or a folder = one multi-file
// schema), runs Prisma's engine compiled to WASM (@prisma/prisma-schema-wasm)
// and `abv-verify --format=json` on the same files, and compares:
//
//   (a) Prisma rejects the schema: ABV must report at least one error on the
//       same line as each error Prisma reports; otherwise it is a MISS.
//   (b) Prisma accepts the schema: every ABV error is listed and classified,
//       either as a check beyond Prisma (by design) or as a probable false
//       positive.
//
// Prints a markdown table and summary, optionally a JSON summary (--json).
// Exit status: 0 when every Prisma rejection is matched by ABV (and every
// `// REFEREE:` expectation holds), 1 otherwise, 2 on usage errors or when a
// tool cannot run.
//
// Prisma's engine is a peer tool for scripts and tests, never for the build:
//   npm install --prefix utils/prisma-referee
// installs the Prisma 6.19 engine (default) and the Prisma 7 line (--prisma=7)
// side by side.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const require = createRequire(import.meta.url);

const ENGINES = {
  "6": { pkg: "@prisma/prisma-schema-wasm", label: "Prisma 6.19 engine" },
  "7": { pkg: "prisma-schema-wasm-7", label: "Prisma 7 engine" },
};

// ABV checks that go beyond what Prisma's engine validates, by design: when
// Prisma accepts a schema and ABV reports one of these, it is not a false
// positive but a finding Prisma cannot make.
const BEYOND_PRISMA = {
  DB006: "identifier longer than the database allows (Prisma checks only some providers)",
  DB040: "cycle of required foreign keys: no row can be inserted first",
  DB044: "SetNull on a required foreign key (Prisma only warns when the database enforces foreign keys)",
  DB054: "GIN trigram index on a non-String column",
  DB061: "plaintext secret column",
  DB070: "DB AST vs schema text", DB071: "DB AST vs schema text", DB072: "DB AST vs schema text",
  DB073: "DB AST vs schema text", DB074: "DB AST vs schema text",
  AB001: "AutoBe AST shape", AB002: "AutoBe AST shape", AB004: "AutoBe AST shape",
};

function usage(msg) {
  if (msg) console.error(`referee: ${msg}`);
  console.error(`usage: referee.mjs [options] <schema file or folder>...

  A folder is one multi-file schema (every .prisma file under it), unless
  --each is given: then every .prisma file under it is a schema of its own,
  classed by the folder it is in.

options:
  --abv=PATH          abv-verify binary (default: build/bin/abv-verify in the
                      repository, else abv-verify on PATH)
  --abv-arg=ARG       extra argument for abv-verify (repeatable)
  --prisma=6|7|auto   engine line: 6 = the engine Prisma 6.19 bundles (default),
                      7 = the Prisma 7 line (no 'url' in datasources),
                      auto = 7 when no datasource has a 'url', else 6
  --each              every .prisma file under a folder is its own schema
  --json=FILE         write the machine summary as JSON to FILE ('-' = stdout,
                      and then no markdown)
  --no-abv            run Prisma's engine only (verdicts and error lines)
  --quiet             print only the summary lines, not the table
  --report-only       exit 0 even when ABV misses a rejection (a measurement
                      run: the figures are the result)
  -h, --help          this help

A schema file may state what Prisma must say about it with a comment line
'// REFEREE: prisma-rejects' or '// REFEREE: prisma-accepts'; a wrong
expectation fails the run (exit 1).`);
  process.exit(2);
}

//===----------------------------------------------------------------------===//
// Options
//===----------------------------------------------------------------------===//
const opts = { abv: null, abvArgs: [], prisma: "6", each: false, json: null, noAbv: false, quiet: false, reportOnly: false };
const inputs = [];
for (const arg of process.argv.slice(2)) {
  const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
  if (arg === "-h" || arg === "--help") usage();
  else if (!m) inputs.push(arg);
  else if (m[1] === "abv" && m[2] !== undefined) opts.abv = m[2];
  else if (m[1] === "abv-arg" && m[2] !== undefined) opts.abvArgs.push(m[2]);
  else if (m[1] === "prisma" && ["6", "7", "auto"].includes(m[2])) opts.prisma = m[2];
  else if (m[1] === "each" && m[2] === undefined) opts.each = true;
  else if (m[1] === "json" && m[2]) opts.json = m[2];
  else if (m[1] === "no-abv" && m[2] === undefined) opts.noAbv = true;
  else if (m[1] === "quiet" && m[2] === undefined) opts.quiet = true;
  else if (m[1] === "report-only" && m[2] === undefined) opts.reportOnly = true;
  else usage(`unknown or malformed option '${arg}'`);
}
if (inputs.length === 0) usage("no schema given");

if (!opts.abv) {
  const built = join(repoRoot, "build", "bin", "abv-verify");
  opts.abv = existsSync(built) ? built : "abv-verify";
}

//===----------------------------------------------------------------------===//
// Collecting schemas
//===----------------------------------------------------------------------===//
// An `Inputs` folder below the folder given holds other suites' inputs (lit
// skips it too): it is walked only when given itself.
function prismaFilesUnder(path) {
  const out = [];
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === "node_modules" || name === "Inputs" || name.startsWith(".")) continue;
        walk(join(p, name));
      }
    } else if (p.endsWith(".prisma")) {
      out.push(p);
    }
  };
  walk(path);
  return out;
}

const schemas = []; // {name, klass, files: [path]}
for (const input of inputs) {
  if (!existsSync(input)) usage(`cannot read '${input}'`);
  if (statSync(input).isDirectory()) {
    const files = prismaFilesUnder(input);
    if (files.length === 0) usage(`no .prisma file under '${input}'`);
    if (opts.each) {
      for (const f of files) {
        const rel = relative(input, f);
        const klass = dirname(rel) === "." ? basename(resolve(input)) : dirname(rel).split(sep).join("/");
        schemas.push({ name: f, klass, files: [f] });
      }
    } else {
      schemas.push({ name: input, klass: "", files });
    }
  } else {
    schemas.push({ name: input, klass: basename(dirname(resolve(input))), files: [input] });
  }
}

//===----------------------------------------------------------------------===//
// Prisma's engine
//===----------------------------------------------------------------------===//
let lastPanic = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) { lastPanic = String(m); } };
const engineCache = {};
function engine(line) {
  if (!engineCache[line]) {
    try {
      engineCache[line] = require(ENGINES[line].pkg);
    } catch (e) {
      console.error(`referee: cannot load ${ENGINES[line].pkg} (${ENGINES[line].label}); ` +
                    `run: npm install --prefix ${relative(process.cwd(), here) || "."}`);
      process.exit(2);
    }
  }
  return engineCache[line];
}

// Byte offset -> 1-based line and code-point column (ABV's convention).
function lineCol(text, byteOffset) {
  const buf = Buffer.from(text, "utf8");
  const before = buf.subarray(0, Math.min(byteOffset, buf.length)).toString("utf8");
  const lines = before.split("\n");
  return { line: lines.length, column: [...lines[lines.length - 1]].length + 1 };
}

function hasUrl(sources) {
  return sources.some(([, text]) => /datasource\s+\w+\s*\{[^}]*\burl\s*=/.test(text));
}

function runPrisma(schema) {
  const sources = schema.files.map((f) => [f, readFileSync(f, "utf8")]);
  const line = opts.prisma === "auto" ? (hasUrl(sources) ? "6" : "7") : opts.prisma;
  const wasm = engine(line);
  const textOf = Object.fromEntries(sources);
  let valid = true;
  let message = "";
  lastPanic = null;
  try {
    wasm.validate(JSON.stringify({ prismaSchema: sources, noColor: true }));
  } catch (e) {
    valid = false;
    try {
      message = JSON.parse(e.message).message;
    } catch {
      message = lastPanic ? `engine panic: ${lastPanic}` : String(e.message || e);
    }
  }
  let lints = [];
  try {
    lints = JSON.parse(wasm.lint(JSON.stringify(sources)));
  } catch (e) {
    lints = [];
  }
  const errors = [];
  for (const l of lints) {
    if (l.is_warning) continue;
    const text = textOf[l.file_name] ?? "";
    const at = lineCol(text, l.start);
    const end = lineCol(text, l.end);
    errors.push({ file: l.file_name, line: at.line, column: at.column, endLine: end.line, message: l.text });
  }
  // validate() prints '-->  file:line' per error: use it when lint() has
  // nothing (it should not happen, but the verdict comes from validate()).
  if (!valid && errors.length === 0) {
    const re = /^error: (.*)\n\s*-->\s+(.*):(\d+)$/gm;
    let m;
    while ((m = re.exec(message))) errors.push({ file: m[2], line: Number(m[3]), column: null, message: m[1] });
  }
  // The lines validate() names, to cross-check lint()'s offsets.
  const validateLines = [];
  const re2 = /^\s*-->\s+(.*):(\d+)$/gm;
  let m2;
  while ((m2 = re2.exec(message))) validateLines.push(`${m2[1]}:${m2[2]}`);
  const warnings = lints.filter((l) => l.is_warning).map((l) => {
    const at = lineCol(textOf[l.file_name] ?? "", l.start);
    return { file: l.file_name, line: at.line, column: at.column, message: l.text };
  });
  return { engine: line, valid, message, errors, warnings, validateLines };
}

//===----------------------------------------------------------------------===//
// ABV
//===----------------------------------------------------------------------===//
function runAbv(schema) {
  const args = ["--format=json", "--color=never", ...opts.abvArgs, ...schema.files];
  const r = spawnSync(opts.abv, args, { encoding: "utf8", maxBuffer: 256 << 20 });
  if (r.error) return { ok: false, problem: `cannot run ${opts.abv}: ${r.error.message}`, diags: [] };
  let doc;
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    return { ok: false, problem: `abv-verify exited ${r.status} without JSON: ${(r.stderr || r.stdout).trim().split("\n")[0] ?? ""}`, diags: [] };
  }
  const diags = (doc.diagnostics ?? []).map((d) => ({
    id: d.id, name: d.name, severity: d.severity, message: d.message,
    file: d.location?.file ?? null, line: d.location?.line ?? null, column: d.location?.column ?? null,
    notes: (d.notes ?? []).filter((n) => n.location).map((n) => ({ file: n.location.file, line: n.location.line, column: n.location.column })),
  }));
  return { ok: true, status: r.status, diags };
}

//===----------------------------------------------------------------------===//
// Comparison
//===----------------------------------------------------------------------===//
const same = (a, b) => a !== null && b !== null && resolve(a) === resolve(b);

function expectationOf(schema) {
  for (const f of schema.files) {
    const m = /^\s*\/\/\s*REFEREE:\s*prisma-(rejects|accepts)\b/m.exec(readFileSync(f, "utf8"));
    if (m) return m[1] === "rejects" ? "invalid" : "valid";
  }
  return null;
}

const results = [];
for (const schema of schemas) {
  const prisma = runPrisma(schema);
  const abv = opts.noAbv ? { ok: true, diags: [], skipped: true } : runAbv(schema);
  const abvErrors = abv.diags.filter((d) => d.severity === "error");
  const r = {
    schema: schema.name, class: schema.klass, files: schema.files,
    prisma: { engine: prisma.engine, verdict: prisma.valid ? "valid" : "invalid", errors: prisma.errors, warnings: prisma.warnings },
    abv: abv.skipped ? null : { ok: abv.ok, problem: abv.problem ?? null, errors: abvErrors, warnings: abv.diags.filter((d) => d.severity === "warning").length },
    expectation: expectationOf(schema),
    expectationHolds: true,
    matched: [], missed: [], extra: [], abvOnly: [],
    agreement: "",
  };
  if (r.expectation && r.expectation !== r.prisma.verdict) r.expectationHolds = false;
  if (!abv.skipped) {
    if (!prisma.valid) {
      for (const pe of prisma.errors) {
        const hit = abvErrors.filter((d) => same(d.file, pe.file) && d.line === pe.line);
        // An error whose note points at the line (clang's "previous
        // definition is here") also answers a Prisma error there: Prisma
        // reports both places of a duplicate as errors.
        const viaNote = abvErrors.filter((d) => d.notes.some((n) => same(n.file, pe.file) && n.line === pe.line));
        if (hit.length) r.matched.push({ prisma: pe, abv: hit, viaNote: false });
        else if (viaNote.length) r.matched.push({ prisma: pe, abv: viaNote, viaNote: true });
        else r.missed.push({ prisma: pe,
          // ABV errors inside the span Prisma marks (a model-level error
          // spans the whole block): a location disagreement, not a blind spot.
          abvInSpan: abvErrors.filter((d) => same(d.file, pe.file) && d.line > pe.line && d.line <= (pe.endLine ?? pe.line)),
          abvNearby: abvErrors.filter((d) => same(d.file, pe.file) && Math.abs(d.line - pe.line) <= 3) });
      }
      r.extra = abvErrors.filter((d) => !prisma.errors.some((pe) => same(d.file, pe.file) && d.line === pe.line))
        .map((d) => ({ ...d, classification: BEYOND_PRISMA[d.id] ? "beyond-prisma" : "extra" }));
      if (!abv.ok) r.agreement = "abv-failed";
      else if (r.missed.length === 0) r.agreement = "agree";
      else if (r.matched.length > 0) r.agreement = "partial";
      else if (r.missed.every((m) => m.abvInSpan.length)) r.agreement = "miss (line only: ABV error inside Prisma's span)";
      else r.agreement = abvErrors.length ? "miss (wrong line)" : "miss";
    } else {
      // Beyond Prisma: a check ABV makes by design that Prisma's engine does
      // not, or a defect Prisma itself warns about on the same line.
      const warned = (d) => prisma.warnings.some((w) => same(w.file, d.file) && w.line === d.line);
      r.abvOnly = abvErrors.map((d) => ({ ...d,
        classification: BEYOND_PRISMA[d.id] || warned(d) ? "beyond-prisma" : "false-positive?",
        prismaWarning: prisma.warnings.find((w) => same(w.file, d.file) && w.line === d.line)?.message ?? null }));
      if (!abv.ok) r.agreement = "abv-failed";
      else if (abvErrors.length === 0) r.agreement = "agree";
      else if (r.abvOnly.every((d) => d.classification === "beyond-prisma")) r.agreement = "abv-only (beyond Prisma)";
      else r.agreement = "abv-only (false positive?)";
    }
  }
  results.push(r);
}

//===----------------------------------------------------------------------===//
// Reporting
//===----------------------------------------------------------------------===//
const cwd = process.cwd();
const show = (p) => (p ? relative(cwd, resolve(p)) || p : "?");
const loc = (e) => `${e.line}:${e.column ?? "?"}`;
const abvLoc = (d) => `${d.id}@${d.line ?? "?"}:${d.column ?? "?"}`;
const esc = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
const multi = (r) => r.files.length > 1;
const withFile = (r, e, s) => (multi(r) ? `${basename(e.file ?? "?")}:${s}` : s);

function summarize(list) {
  const s = { schemas: list.length, prismaInvalid: 0, prismaValid: 0, prismaErrors: 0, matchedErrors: 0, matchedViaNote: 0,
              agree: 0, partial: 0, miss: 0, missLineOnly: 0, abvFailed: 0, abvOnlyBeyond: 0, abvOnlyFalsePositive: 0,
              abvErrorsOnValid: 0, expectationFailures: 0 };
  for (const r of list) {
    if (!r.expectationHolds) s.expectationFailures++;
    if (r.prisma.verdict === "invalid") {
      s.prismaInvalid++;
      s.prismaErrors += r.prisma.errors.length;
      s.matchedErrors += r.matched.length;
      s.matchedViaNote += r.matched.filter((m) => m.viaNote).length;
    } else s.prismaValid++;
    if (r.agreement === "agree") s.agree++;
    else if (r.agreement === "partial") s.partial++;
    else if (r.agreement.startsWith("miss")) {
      s.miss++;
      if (r.agreement.startsWith("miss (line only")) s.missLineOnly++;
    }
    else if (r.agreement === "abv-failed") s.abvFailed++;
    else if (r.agreement === "abv-only (beyond Prisma)") s.abvOnlyBeyond++;
    else if (r.agreement === "abv-only (false positive?)") s.abvOnlyFalsePositive++;
    s.abvErrorsOnValid += r.abvOnly.length;
  }
  return s;
}

const total = summarize(results);
const classes = [...new Set(results.map((r) => r.class))];
const perClass = Object.fromEntries(classes.map((c) => [c, summarize(results.filter((r) => r.class === c))]));
const failed = !opts.noAbv && results.some((r) => r.prisma.verdict === "invalid" && r.agreement !== "agree");
const expectFailed = results.some((r) => !r.expectationHolds);

const out = [];
if (opts.json !== "-" && !opts.quiet) {
  out.push(`| schema | class | Prisma (${[...new Set(results.map((r) => r.prisma.engine))].map((l) => ENGINES[l].label).join(", ")}) | Prisma errors (line:col) | ABV errors (ID@line:col) | agreement |`);
  out.push("|---|---|---|---|---|---|");
  for (const r of results) {
    const pe = r.prisma.errors.map((e) => withFile(r, e, loc(e))).join(", ") || "–";
    let ae;
    if (!r.abv) ae = "(not run)";
    else if (!r.abv.ok) ae = `(${esc(r.abv.problem)})`;
    else ae = r.abv.errors.map((d) => withFile(r, d, abvLoc(d))).join(", ") || "–";
    let verdict = r.prisma.verdict;
    if (!r.expectationHolds) verdict += ` (EXPECTED ${r.expectation})`;
    out.push(`| ${esc(show(r.schema))} | ${esc(r.class || "–")} | ${verdict} | ${pe} | ${ae} | ${r.agreement || "–"} |`);
  }
  const missed = results.filter((r) => r.missed.length);
  if (missed.length) {
    out.push("", "### Prisma rejections ABV misses", "");
    for (const r of missed) {
      for (const m of r.missed) {
        const near = (m.abvInSpan.length ? m.abvInSpan : m.abvNearby).map((d) => `${abvLoc(d)} ${d.message}`).join("; ");
        out.push(`- ${show(m.prisma.file)}:${loc(m.prisma)}: Prisma: ${esc(m.prisma.message)}` +
                 (r.abv?.ok === false ? ` — ABV: ${esc(r.abv.problem)}` :
                  ` — ABV: ${near ? `${m.abvInSpan.length ? `inside Prisma's span (to line ${m.prisma.endLine})` : "nearby"}: ${esc(near)}` : r.abv.errors.length ? "errors elsewhere only" : "no error"}`));
      }
    }
  }
  const only = results.filter((r) => r.abvOnly.length);
  if (only.length) {
    out.push("", "### ABV errors on schemas Prisma accepts", "");
    for (const r of only)
      for (const d of r.abvOnly)
        out.push(`- ${show(d.file)}:${d.line}:${d.column}: [${d.id}:${d.name}] ${esc(d.message)} — ${d.classification}` +
                 (d.prismaWarning ? ` (Prisma warns: ${esc(d.prismaWarning)})` : ""));
  }
  const extra = results.filter((r) => r.extra.length);
  if (extra.length) {
    out.push("", "### ABV errors on other lines of schemas Prisma rejects", "");
    for (const r of extra)
      for (const d of r.extra)
        out.push(`- ${show(d.file)}:${d.line}:${d.column}: [${d.id}:${d.name}] ${esc(d.message)} — ${d.classification}`);
  }
  if (classes.length > 1) {
    out.push("", "### Per class", "", "| class | schemas | Prisma rejects | Prisma errors matched | agree | partial | miss | Prisma accepts | ABV errors there (beyond Prisma / false positive?) |", "|---|---|---|---|---|---|---|---|---|");
    for (const c of classes) {
      const s = perClass[c];
      const list = results.filter((r) => r.class === c).flatMap((r) => r.abvOnly);
      const beyond = list.filter((d) => d.classification === "beyond-prisma").length;
      const agreeInvalid = results.filter((r) => r.class === c && r.prisma.verdict === "invalid" && r.agreement === "agree").length;
      out.push(`| ${c || "–"} | ${s.schemas} | ${s.prismaInvalid} | ${s.matchedErrors}/${s.prismaErrors} | ${agreeInvalid} | ${s.partial} | ${s.miss} | ${s.prismaValid} | ${beyond} / ${list.length - beyond} |`);
    }
  }
  out.push("");
}
if (opts.json !== "-") {
  out.push(`referee: ${total.schemas} schema(s); Prisma rejects ${total.prismaInvalid}, accepts ${total.prismaValid}` +
           (opts.noAbv ? "" :
            `; Prisma errors matched by ABV on the same line: ${total.matchedErrors}/${total.prismaErrors}` +
            (total.matchedViaNote ? ` (${total.matchedViaNote} by a note)` : "") +
            `; rejected schemas fully agreed: ${results.filter((r) => r.prisma.verdict === "invalid" && r.agreement === "agree").length}/${total.prismaInvalid}` +
            (total.miss ? `; missed: ${total.miss}${total.missLineOnly ? ` (${total.missLineOnly} on the line only)` : ""}` : "") +
            (total.partial ? `; partly matched: ${total.partial}` : "") +
            `; accepted schemas with ABV errors: ${total.abvOnlyBeyond + total.abvOnlyFalsePositive} (${total.abvOnlyFalsePositive} possible false positive(s))` +
            (total.abvFailed ? `; abv-verify failed on ${total.abvFailed}` : "")));
  if (expectFailed) out.push(`referee: ${total.expectationFailures} schema(s) contradict their '// REFEREE:' expectation`);
  out.push(`REFEREE-SUMMARY ${JSON.stringify(total)}`);
  console.log(out.join("\n"));
}
if (opts.json) {
  const doc = JSON.stringify({ tool: "abv-prisma-referee", abv: opts.noAbv ? null : opts.abv, summary: total, perClass, results }, null, 2);
  if (opts.json === "-") console.log(doc);
  else writeFileSync(opts.json, doc + "\n");
}
process.exit(!opts.reportOnly && (expectFailed || failed) ? 1 : 0);
