//===- LogicReport.cpp - One row per operation of the logic layer ---------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Analysis/LogicReport.h"

#include "abv/Analysis/Binding.h"
#include "abv/Basic/SourceManager.h"
#include "abv/IR/Logic.h"
#include "abv/IR/Project.h"
#include "abv/Pass/Pass.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace abv;
using namespace llvm;

namespace {

/// One row of the report.
struct Row {
  const api::Operation *op = nullptr;
  const logic::Function *provider = nullptr;
  std::string providerFile;
  unsigned providerLine = 0;
  SmallVector<StringRef, 4> tests;
  SmallSetVector<StringRef, 4> reads, writes;
  /// Whether the provider compares the actor with an owner; unset when the
  /// operation has no actor or no provider.
  std::optional<bool> actorCheck;
  bool placeholder = false;
  unsigned findings = 0;
};

/// Whether \p fn gives up: returns mock data, throws a plain Error, or has
/// an empty body.
bool isPlaceholder(const logic::Function &fn) {
  if (fn.emptyBody)
    return true;
  for (const logic::Return &ret : fn.returns)
    if (ret.kind == logic::Return::Kind::TypiaRandom)
      return true;
  for (const logic::Throw &thrown : fn.throws)
    if (thrown.kind == logic::Throw::Kind::Error)
      return true;
  return false;
}

bool contains(SMRange range, SMLoc loc) {
  return range.isValid() && loc.isValid() &&
         range.Start.getPointer() <= loc.getPointer() &&
         loc.getPointer() < range.End.getPointer();
}

std::vector<Row> buildRows(const Project &project, AnalysisManager &analyses,
                           ArrayRef<Diagnostic> diagnostics) {
  std::vector<Row> rows;
  const api::Document *doc = project.getAPIDocument();
  if (!doc)
    return rows;
  const Binding &binding = analyses.getAnalysis<Binding>();
  const logic::Module *module = project.logic.get();
  const SourceManager &sm = project.getSourceManager();
  DenseMap<const api::Operation *, size_t> index;
  for (const api::Operation &op : doc->operations) {
    index[&op] = rows.size();
    Row &row = rows.emplace_back();
    row.op = &op;
  }
  // Which SDK calls name each operation, from tests and their helpers.
  DenseMap<const api::Operation *, SmallVector<SMRange, 4>> callSites;
  if (module) {
    for (const std::unique_ptr<logic::Function> &fn : module->functions) {
      if (fn->kind != logic::FunctionKind::Test &&
          fn->kind != logic::FunctionKind::TestHelper)
        continue;
      for (const logic::SDKCall &call : fn->sdkCalls) {
        const api::Operation *op = binding.getOperation(call);
        if (!op)
          continue;
        callSites[op].push_back(call.range);
        Row &row = rows[index[op]];
        if (fn->kind == logic::FunctionKind::Test &&
            !llvm::is_contained(row.tests, fn->name.text))
          row.tests.push_back(fn->name.text);
      }
    }
  }
  for (Row &row : rows) {
    const api::Operation &op = *row.op;
    if (module)
      row.provider = binding.getProvider(op);
    if (const logic::Function *fn = row.provider) {
      row.providerFile = sys::path::filename(fn->fileName).str();
      if (fn->name.range.Start.isValid())
        row.providerLine = sm.getLineColumn(fn->name.range.Start).line;
      // The provider and the functions it calls (one level: collectors,
      // transformers, helpers) touch the tables.
      SmallVector<const logic::Function *, 4> bodies{fn};
      for (const logic::Name &call : fn->calls)
        if (const logic::Function *callee = module->findFunction(call.text))
          if (callee != fn && !llvm::is_contained(bodies, callee))
            bodies.push_back(callee);
      for (const logic::Function *body : bodies)
        for (const logic::PrismaCall &call : body->prismaCalls) {
          if (logic::isPrismaWrite(call.kind))
            row.writes.insert(call.table.text);
          else if (logic::isPrismaRead(call.kind))
            row.reads.insert(call.table.text);
        }
      if (!op.actor.empty())
        row.actorCheck = !fn->ownerChecks.empty();
      row.placeholder = isPlaceholder(*fn);
    }
    for (const Diagnostic &diag : diagnostics) {
      SMLoc at = diag.range.Start;
      if (contains(op.range, at) ||
          (row.provider && contains(row.provider->range, at)) ||
          llvm::any_of(callSites.lookup(&op),
                       [&](SMRange site) { return contains(site, at); }))
        ++row.findings;
    }
  }
  return rows;
}

std::string joined(ArrayRef<StringRef> names) {
  if (names.empty())
    return "-";
  std::string text;
  for (StringRef name : names) {
    if (!text.empty())
      text += ',';
    text += name.str();
  }
  return text;
}

} // namespace

void abv::printLogicReport(const Project &project, AnalysisManager &analyses,
                           ArrayRef<Diagnostic> diagnostics, raw_ostream &os,
                           bool json) {
  std::vector<Row> rows = buildRows(project, analyses, diagnostics);
  unsigned withProvider = 0, tested = 0, placeholders = 0, unchecked = 0;
  for (const Row &row : rows) {
    withProvider += row.provider != nullptr;
    tested += !row.tests.empty();
    placeholders += row.placeholder;
    unchecked += row.actorCheck == false;
  }
  if (json) {
    json::OStream out(os, 2);
    out.object([&] {
      out.attributeArray("operations", [&] {
        for (const Row &row : rows)
          out.object([&] {
            out.attribute("method", row.op->method.name);
            out.attribute("path", row.op->path.name);
            if (row.provider)
              out.attributeObject("provider", [&] {
                out.attribute("name", row.provider->name.text);
                out.attribute("file", row.provider->fileName);
                out.attribute("line", int64_t(row.providerLine));
              });
            else
              out.attribute("provider", nullptr);
            out.attributeArray("tests", [&] {
              for (StringRef test : row.tests)
                out.value(test);
            });
            out.attributeArray("reads", [&] {
              for (StringRef table : row.reads)
                out.value(table);
            });
            out.attributeArray("writes", [&] {
              for (StringRef table : row.writes)
                out.value(table);
            });
            if (row.actorCheck)
              out.attribute("actorCheck", *row.actorCheck);
            else
              out.attribute("actorCheck", nullptr);
            out.attribute("placeholder", row.placeholder);
            out.attribute("findings", int64_t(row.findings));
          });
      });
      out.attributeObject("totals", [&] {
        out.attribute("operations", int64_t(rows.size()));
        out.attribute("withProvider", int64_t(withProvider));
        out.attribute("tested", int64_t(tested));
        out.attribute("placeholders", int64_t(placeholders));
        out.attribute("actorUnchecked", int64_t(unchecked));
      });
    });
    os << '\n';
    return;
  }
  os << "Logic of " << rows.size() << " operations: with a provider "
     << withProvider << ", called by a test " << tested << ", placeholders "
     << placeholders << ", actor and no owner check " << unchecked << '\n';
  if (rows.empty())
    return;
  // Columns: operation, provider, tests, reads, writes, actor, placeholder,
  // findings; widths from the content.
  struct Cells {
    std::string op, provider, tests, reads, writes, actor, placeholder,
        findings;
  };
  std::vector<Cells> table;
  table.push_back({"operation", "provider", "tests", "reads", "writes",
                   "actor-check", "placeholder", "findings"});
  for (const Row &row : rows) {
    Cells cells;
    cells.op =
        StringRef(row.op->method.name).upper() + " " + row.op->path.name.str();
    cells.provider =
        row.provider ? row.providerFile + ":" + std::to_string(row.providerLine)
                     : "-";
    cells.tests = std::to_string(row.tests.size());
    cells.reads = joined(row.reads.getArrayRef());
    cells.writes = joined(row.writes.getArrayRef());
    cells.actor = !row.actorCheck ? "-" : *row.actorCheck ? "yes" : "no";
    cells.placeholder = row.provider ? (row.placeholder ? "yes" : "no") : "-";
    cells.findings = std::to_string(row.findings);
    table.push_back(std::move(cells));
  }
  size_t widths[7] = {};
  for (const Cells &cells : table) {
    const std::string *columns[7] = {
        &cells.op,     &cells.provider, &cells.tests,      &cells.reads,
        &cells.writes, &cells.actor,    &cells.placeholder};
    for (size_t i = 0; i < 7; ++i)
      widths[i] = std::max(widths[i], columns[i]->size());
  }
  for (const Cells &cells : table) {
    const std::string *columns[7] = {
        &cells.op,     &cells.provider, &cells.tests,      &cells.reads,
        &cells.writes, &cells.actor,    &cells.placeholder};
    os << ' ';
    for (size_t i = 0; i < 7; ++i) {
      os << ' ' << *columns[i];
      os.indent(widths[i] - columns[i]->size());
    }
    os << ' ' << cells.findings << '\n';
  }
}
