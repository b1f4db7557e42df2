//===- AutoBeHistory.cpp - AutoBe's histories.json ------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Frontend/AutoBe/AutoBeHistory.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/JSON.h"
#include "abv/Basic/SourceManager.h"
#include "abv/Basic/Unicode.h"
#include "abv/IR/Project.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <functional>
#include <memory>
#include <optional>

using namespace abv;
using namespace llvm;

namespace {

/// One code string found in an event, before it gets a buffer.
struct FoundCode {
  HistoryCode entry;
  const json::Value *content = nullptr;
};

class HistoryReader {
public:
  HistoryReader(Project &project, unsigned bufferID, DiagnosticEngine &diags,
                const HistoryLoadOptions &options)
      : project(project), sm(project.getSourceManager()), bufferID(bufferID),
        diags(diags), options(options) {}

  bool read(SmallVectorImpl<unsigned> &codeBuffers);

private:
  void collect(const json::Value &node, const std::string &path,
               StringRef event, std::vector<FoundCode> &found);
  void addCode(const json::Value &object, const std::string &path,
               StringRef event, std::vector<FoundCode> &found);
  bool shouldLoad(StringRef location) const;
  std::string bufferName(StringRef location) const;
  void reportCompilerResults(const json::Value &event, StringRef kind);

  Project &project;
  SourceManager &sm;
  unsigned bufferID;
  DiagnosticEngine &diags;
  const HistoryLoadOptions &options;
  std::unique_ptr<json::Document> doc;
  /// Buffers by name, for code already read from disk.
  StringMap<unsigned> buffersByName;
};

} // namespace

/// "[11].functions[0].content" -> "functions[0].content" of the event.
static std::string child(const std::string &path, StringRef key) {
  return path.empty() ? key.str() : path + "." + key.str();
}

static std::string element(const std::string &path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

/// The string member \p key of \p object, or "".
static StringRef getString(const json::Value *object, StringRef key) {
  if (!object || !object->isObject())
    return {};
  const json::Value *value = object->get(key);
  return value ? value->getString() : StringRef();
}

void HistoryReader::addCode(const json::Value &object, const std::string &path,
                            StringRef event, std::vector<FoundCode> &found) {
  const json::Value *location = object.get("location");
  const json::Value *content = object.get("content");
  if (!location || !content)
    return;
  if (!location->isString()) {
    diags.report(DiagID::JSONWrongType, location->getRange())
        << child(path, "location") << "a string"
        << json::getKindName(location->getKind());
    return;
  }
  if (!location->getString().ends_with(".ts"))
    return;
  if (!content->isString()) {
    diags.report(DiagID::JSONWrongType, content->getRange())
        << child(path, "content") << "a string"
        << json::getKindName(content->getKind());
    return;
  }
  FoundCode code;
  code.content = content;
  HistoryCode &entry = code.entry;
  entry.location = location->getString().str();
  entry.event = event.str();
  entry.content = content->getRange();
  entry.kind = getString(&object, "type").str();
  // A test's scenario names its endpoint; a provider names its own.
  const json::Value *scenario = object.get("scenario");
  const json::Value *endpoint =
      scenario && scenario->isObject() ? scenario->get("endpoint") : nullptr;
  if (!endpoint)
    endpoint = object.get("endpoint");
  if (endpoint && endpoint->isObject()) {
    entry.method = getString(endpoint, "method").lower();
    entry.path = getString(endpoint, "path").str();
    entry.endpoint = endpoint->getRange();
  }
  entry.name = getString(scenario, "functionName").str();
  if (entry.name.empty())
    entry.name = getString(&object, "name").str();
  entry.intent = getString(scenario, "draft").str();
  found.push_back(std::move(code));
}

void HistoryReader::collect(const json::Value &node, const std::string &path,
                            StringRef event, std::vector<FoundCode> &found) {
  if (node.isArray()) {
    for (auto [index, item] : llvm::enumerate(node.getElements()))
      collect(item, element(path, index), event, found);
    return;
  }
  if (!node.isObject())
    return;
  addCode(node, path, event, found);
  for (const json::Member &member : node.getMembers()) {
    StringRef key = member.getKey();
    const json::Value &value = member.getValue();
    // The compiler's results, the API document and the code itself hold no
    // further code.
    if (key == "compiled" || key == "document" || key == "content" ||
        key == "scenario" || key == "endpoint")
      continue;
    // 2025's realize events map controller paths to their code.
    if (key == "controllers" && value.isObject()) {
      for (const json::Member &controller : value.getMembers()) {
        if (!controller.getKey().ends_with(".ts"))
          continue;
        std::string at = child(child(path, key), controller.getKey());
        if (!controller.getValue().isString()) {
          diags.report(DiagID::JSONWrongType, controller.getValue().getRange())
              << at << "a string"
              << json::getKindName(controller.getValue().getKind());
          continue;
        }
        FoundCode code;
        code.content = &controller.getValue();
        code.entry.location = controller.getKey().str();
        code.entry.event = event.str();
        code.entry.content = controller.getValue().getRange();
        code.entry.kind = "controller";
        found.push_back(std::move(code));
      }
      continue;
    }
    collect(value, child(path, key), event, found);
  }
}

bool HistoryReader::shouldLoad(StringRef location) const {
  if (options.loadAll)
    return true;
  StringRef top = location.split('/').first;
  return llvm::is_contained(options.loadFolders, top);
}

std::string HistoryReader::bufferName(StringRef location) const {
  if (options.root.empty())
    return location.str();
  SmallString<256> name(options.root);
  sys::path::append(name, location);
  return std::string(name);
}

/// TypeScript's messageText: a string, or a chain `{messageText, next[]}`.
static std::string flattenMessage(const json::Value *text) {
  std::string result;
  auto append = [&](StringRef part) {
    // Lines of a message are one sentence each; indentation is nesting.
    SmallVector<StringRef, 4> lines;
    part.split(lines, '\n', -1, /*KeepEmpty=*/false);
    for (StringRef line : lines) {
      line = line.trim();
      if (line.empty())
        continue;
      if (!result.empty())
        result += ' ';
      result += line.str();
    }
  };
  std::function<void(const json::Value *, unsigned)> walk =
      [&](const json::Value *node, unsigned depth) {
        if (!node || depth > 16)
          return;
        if (node->isString()) {
          append(node->getString());
          return;
        }
        if (!node->isObject())
          return;
        walk(node->get("messageText"), depth + 1);
        if (const json::Value *next = node->get("next");
            next && next->isArray())
          for (const json::Value &item : next->getElements())
            walk(&item, depth + 1);
      };
  walk(text, 0);
  return result;
}

void HistoryReader::reportCompilerResults(const json::Value &event,
                                          StringRef kind) {
  const json::Value *compiled = event.get("compiled");
  if (!compiled || !compiled->isObject() ||
      getString(compiled, "type") != "failure")
    return;
  const json::Value *list = compiled->get("diagnostics");
  if (!list)
    return;
  if (!list->isArray()) {
    diags.report(DiagID::JSONWrongType, list->getRange())
        << "compiled.diagnostics"
        << "an array" << json::getKindName(list->getKind());
    return;
  }
  for (const json::Value &record : list->getElements()) {
    if (!record.isObject()) {
      diags.report(DiagID::JSONWrongType, record.getRange())
          << "compiled.diagnostics[]"
          << "an object" << json::getKindName(record.getKind());
      continue;
    }
    const json::Value *codeValue = record.get("code");
    // TypeScript's code with its prefix: 2349 and "2349" read as TS2349.
    std::string code = "TS";
    if (codeValue && codeValue->isNumber())
      code += codeValue->getNumberText().str();
    else if (codeValue && codeValue->isString())
      code += codeValue->getString().drop_while(
          [](char c) { return c == 'T' || c == 'S'; });
    else
      code += "?";
    std::string message = flattenMessage(record.get("messageText"));
    if (message.empty())
      message = "(no message recorded)";
    // TypeScript's DiagnosticCategory: "error", or 1 as a number.
    const json::Value *category = record.get("category");
    bool isError = category &&
                   (category->getString() == "error" ||
                    (category->isNumber() && category->getNumberText() == "1"));
    DiagID id = isError ? DiagID::TSCompilerError : DiagID::TSCompilerWarning;

    // Where it is: the code's buffer, when the recorded text is the text
    // read (the offsets are into the recorded text).
    SMRange range;
    StringRef file = getString(&record, "file");
    const HistoryCode *entry = nullptr;
    for (const HistoryCode &candidate : project.history->code)
      if (candidate.location == file &&
          (!entry || (candidate.event == kind && entry->event != kind)))
        entry = &candidate;
    const json::Value *start = record.get("start");
    int64_t offset = -1;
    if (start)
      if (std::optional<int64_t> value = start->getAsInteger())
        offset = *value;
    if (entry && entry->bufferID != 0 && offset >= 0) {
      StringRef text = sm.getBufferText(entry->bufferID);
      size_t begin = advanceColumns(text, unsigned(offset), ColumnUnit::UTF16);
      size_t end = begin;
      if (const json::Value *length = record.get("length"))
        if (std::optional<int64_t> units = length->getAsInteger();
            units && *units > 0)
          end = begin + advanceColumns(text.drop_front(begin), unsigned(*units),
                                       ColumnUnit::UTF16);
      range = SMRange(SMLoc::getFromPointer(text.begin() + begin),
                      SMLoc::getFromPointer(text.begin() + end));
    }
    if (range.isValid()) {
      (diags.report(id, range) << code << message)
          .note(record.getRange(), NoteID::RecordedInHistory);
    } else {
      diags.report(id, record.getRange()) << code << message;
    }
  }
}

bool HistoryReader::read(SmallVectorImpl<unsigned> &codeBuffers) {
  doc = json::parse(sm, bufferID, diags);
  if (!doc)
    return true; // Reported (JSON syntax): not silently skipped.
  const json::Value &root = doc->getRoot();
  if (!root.isArray())
    return false;
  // The last event of each kind: the attempt AutoBe kept.
  const json::Value *lastTest = nullptr, *lastRealize = nullptr;
  size_t testIndex = 0, realizeIndex = 0;
  for (auto [index, event] : llvm::enumerate(root.getElements())) {
    StringRef type = getString(&event, "type");
    if (type == "test")
      lastTest = &event, testIndex = index;
    else if (type == "realize")
      lastRealize = &event, realizeIndex = index;
  }
  if (!lastTest && !lastRealize)
    return false;

  project.history = std::make_unique<LogicHistory>();
  project.history->file = sm.getBufferName(bufferID).str();
  for (unsigned i = 1, e = sm.getNumBuffers(); i <= e; ++i)
    buffersByName.try_emplace(sm.getBufferName(i), i);

  std::vector<FoundCode> found;
  if (lastTest)
    collect(*lastTest, "[" + std::to_string(testIndex) + "]", "test", found);
  if (lastRealize)
    collect(*lastRealize, "[" + std::to_string(realizeIndex) + "]", "realize",
            found);

  StringMap<unsigned> loaded;
  for (FoundCode &code : found) {
    HistoryCode &entry = code.entry;
    std::string name = bufferName(entry.location);
    if (shouldLoad(entry.location)) {
      // A path listed twice (a function and a controller) is read once.
      if (auto it = loaded.find(entry.location); it != loaded.end()) {
        entry.bufferID = it->second;
        entry.fromHistory = true;
      } else {
        StringRef text = code.content->getString();
        entry.bufferID =
            sm.addBuffer(MemoryBuffer::getMemBufferCopy(text, name));
        entry.fromHistory = true;
        codeBuffers.push_back(entry.bufferID);
        loaded[entry.location] = entry.bufferID;
        project.embeddedSources.add(
            sm.getBufferText(entry.bufferID), code.content->getSourceText(),
            sys::path::filename(project.history->file).str() + " (" +
                entry.event + " event, '" + entry.location + "')");
      }
    } else if (auto it = buffersByName.find(name); it != buffersByName.end()) {
      // Read from disk: the record's offsets hold only for the same text.
      if (sm.getBufferText(it->second) == code.content->getString())
        entry.bufferID = it->second;
    }
    project.history->code.push_back(std::move(entry));
  }

  if (lastTest)
    reportCompilerResults(*lastTest, "test");
  if (lastRealize)
    reportCompilerResults(*lastRealize, "realize");
  return true;
}

bool abv::readAutoBeHistory(Project &project, unsigned bufferID,
                            DiagnosticEngine &diags,
                            const HistoryLoadOptions &options,
                            SmallVectorImpl<unsigned> &codeBuffers) {
  HistoryReader reader(project, bufferID, diags, options);
  return reader.read(codeBuffers);
}
