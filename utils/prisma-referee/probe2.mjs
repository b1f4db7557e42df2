import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) {} };
const engines = { "6": require("@prisma/prisma-schema-wasm"), "7": require("prisma-schema-wasm-7") };
const feats = ["aggregateApi","atomicNumberOperations","clientExtensions","cockroachdb","connectOrCreate","createMany","dataProxy","deno","distinct","driverAdapters","esm","extendedIndexes","extendedWhereUnique","fieldReference","filteredRelationCount","filterJson","fullTextIndex","fullTextSearch","fullTextSearchPostgres","groupBy","improvedQueryRaw","interactiveTransactions","jsonProtocol","metrics","microsoftSqlServer","middlewares","mongoDb","multiSchema","namedConstraints","nApi","nativeDistinct","nativeTypes","orderByAggregateGroup","orderByNulls","orderByRelation","postgresqlExtensions","referentialActions","referentialIntegrity","selectRelationCount","tracing","transactionApi","uncheckedScalarInputs","views","relationJoins","reactNative","prismaSchemaFolder","omitApi","typedSql","strictUndefinedChecks","shardKeys","schemaEngineDriverAdapters","partialIndexes","nodeDrivers","postgresExtensions","nativeFullTextSearchPostgres","queryCompiler","driverAdaptersQueryCompiler","relationLoadStrategy","improvedFilters","fullTextSearchMysql","VIEWS","Views"];
const out = {};
for (const line of ["6","7"]) for (const prov of ["postgresql","mysql","sqlite","sqlserver","mongodb","cockroachdb"]) {
  for (const f of feats) {
    const text = `generator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["${f}"]\n}\ndatasource db {\n  provider = "${prov}"\n${line==="6"?'  url = "x"\n':''}}\n`;
    const lints = JSON.parse(engines[line].lint(JSON.stringify([["s.prisma", text]])));
    const e = lints.filter(l=>!l.is_warning).map(l=>l.text.slice(0,60));
    const w = lints.filter(l=>l.is_warning).map(l=>l.text.slice(0,60));
    const k = e.length ? "E" : w.length ? "W" : "ok";
    (out[f] ??= {})[line+":"+prov] = k;
  }
}
for (const f of feats) console.log(f.padEnd(30), Object.entries(out[f]).map(([k,v])=>v).join(" "));
console.log("cols:", Object.keys(out[feats[0]]).join(" "));
