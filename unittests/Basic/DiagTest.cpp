//===- DiagTest.cpp - Tests of the diagnostic table and engine ------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/Render.h"
#include "abv/Basic/SourceFiles.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <nlohmann/json.hpp>

using namespace abv;
using namespace llvm;

namespace {

TEST(DiagTable, IDsAndNamesAreUniqueAndWellFormed) {
  StringSet<> codes, names;
  for (const DiagInfo &info : getAllDiagInfos()) {
    EXPECT_TRUE(codes.insert(info.code).second) << info.code.str();
    EXPECT_TRUE(names.insert(info.name).second) << info.name.str();
    // A family prefix of two or three capitals, then three digits.
    size_t letters = info.code.find_first_of("0123456789");
    ASSERT_NE(letters, StringRef::npos) << info.code.str();
    EXPECT_GE(letters, 2u);
    EXPECT_LE(letters, 3u);
    EXPECT_EQ(info.code.size(), letters + 3) << info.code.str();
    // Names are lower-case, dash separated.
    for (char c : info.name)
      EXPECT_TRUE(isLower(c) || isDigit(c) || c == '-') << info.name.str();
    EXPECT_EQ(&getDiagInfo(info.id), &info);
    EXPECT_EQ(lookupDiag(info.code), &info);
    EXPECT_EQ(lookupDiag(info.name), &info);
  }
  EXPECT_EQ(lookupDiag("no-such-diagnostic"), nullptr);
}

TEST(DiagTable, NotesGroupsAndAliasesShareOneNamespace) {
  // Every spelling a user can write (-W options, directives) names exactly
  // one thing: a diagnostic, a merged-away row, a note or a group.
  StringSet<> spellings;
  auto add = [&](StringRef spelling) {
    EXPECT_TRUE(spellings.insert(spelling).second) << spelling.str();
  };
  for (const DiagInfo &info : getAllDiagInfos()) {
    add(info.code);
    add(info.name);
  }
  for (const AliasInfo &alias : getAllAliases()) {
    if (!alias.code.empty())
      add(alias.code);
    add(alias.name);
    // An alias selects its row.
    EXPECT_EQ(lookupDiag(alias.name), &getDiagInfo(alias.target));
    if (!alias.code.empty()) {
      EXPECT_EQ(lookupDiag(alias.code), &getDiagInfo(alias.target));
    }
  }
  for (const NoteInfo &info : getAllNoteInfos()) {
    add(info.code);
    add(info.name);
    EXPECT_TRUE(info.code.starts_with("NT")) << info.code.str();
    EXPECT_EQ(info.code.size(), 5u) << info.code.str();
    EXPECT_EQ(&getNoteInfo(info.id), &info);
    EXPECT_EQ(lookupNote(info.code), &info);
    EXPECT_EQ(lookupNote(info.name), &info);
    EXPECT_FALSE(info.format.empty());
  }
  for (const GroupInfo &info : getAllGroupInfos()) {
    add(info.name);
    EXPECT_EQ(lookupGroup(info.name), &info);
    EXPECT_FALSE(info.description.empty()) << info.name.str();
    // Every group selects something.
    EXPECT_FALSE(getGroupMembers(info.id).empty()) << info.name.str();
  }
  EXPECT_EQ(lookupNote("no-such-note"), nullptr);
  EXPECT_EQ(lookupGroup("no-such-group"), nullptr);
}

TEST(DiagTable, GroupsFormNoCycle) {
  // Depth-first from every group: a group never reaches itself.
  for (const GroupInfo &info : getAllGroupInfos()) {
    SmallVector<GroupID, 8> work(getSubgroups(info.id).begin(),
                                 getSubgroups(info.id).end());
    unsigned steps = 0;
    while (!work.empty()) {
      GroupID group = work.pop_back_val();
      ASSERT_NE(group, info.id) << info.name.str() << " contains itself";
      ASSERT_LT(++steps, 10000u);
      for (GroupID sub : getSubgroups(group))
        work.push_back(sub);
    }
  }
}

TEST(DiagTable, GroupsContainTheirSubgroupsMembers) {
  ArrayRef<DiagID> db = getGroupMembers(lookupGroup("db")->id);
  ArrayRef<DiagID> design = getGroupMembers(lookupGroup("db-design")->id);
  EXPECT_TRUE(llvm::is_contained(design, DiagID::DBIsolatedTable));
  for (DiagID id : design)
    EXPECT_TRUE(llvm::is_contained(db, id));
  EXPECT_FALSE(llvm::is_contained(db, DiagID::APIUnusedType));
  // A group with two parents: the shared document shape rows.
  EXPECT_TRUE(llvm::is_contained(getGroupMembers(lookupGroup("openapi")->id),
                                 DiagID::JSONWrongType));
  EXPECT_TRUE(llvm::is_contained(
      getGroupMembers(lookupGroup("autobe-shape")->id), DiagID::JSONWrongType));
  SmallVector<GroupID, 4> enclosing = getEnclosingGroups(DiagID::JSONWrongType);
  ASSERT_FALSE(enclosing.empty());
  EXPECT_EQ(getGroupInfo(enclosing.front()).name, "document-shape");
  // document-shape, autobe-shape, openapi, autobe.
  EXPECT_EQ(enclosing.size(), 4u);
  SmallVector<DiagID, 8> ids;
  EXPECT_TRUE(resolveDiagnostics("YM003", ids));
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0], DiagID::JSONDuplicateKey);
  ids.clear();
  EXPECT_TRUE(resolveDiagnostics("db-sync", ids));
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_FALSE(resolveDiagnostics("NT001", ids)); // a note is no -W operand
}

TEST(DiagOptions, GroupFlags) {
  DiagnosticOptions opts;
  ASSERT_FALSE(bool(opts.apply("no-db")));
  EXPECT_EQ(opts.getSeverity(DiagID::DBIsolatedTable), Severity::Ignored);
  EXPECT_EQ(opts.getSeverity(DiagID::DBUnknownType), Severity::Ignored);
  EXPECT_EQ(opts.getSeverity(DiagID::APIUnusedType), Severity::Warning);
  // Later options win: the design checks come back at their defaults.
  ASSERT_FALSE(bool(opts.apply("db-design")));
  EXPECT_EQ(opts.getSeverity(DiagID::DBIsolatedTable), Severity::Remark);
  EXPECT_EQ(opts.getSeverity(DiagID::DBPlaintextSecret), Severity::Warning);
  EXPECT_EQ(opts.getSeverity(DiagID::DBUnknownType), Severity::Ignored);
  ASSERT_FALSE(bool(opts.apply("error=db-design")));
  EXPECT_EQ(opts.getSeverity(DiagID::DBIsolatedTable), Severity::Error);
  ASSERT_FALSE(bool(opts.apply("remark=api-design")));
  EXPECT_EQ(opts.getSeverity(DiagID::APISingularCollection), Severity::Remark);
  ASSERT_FALSE(bool(opts.apply("warning=link")));
  EXPECT_EQ(opts.getSeverity(DiagID::LinkTableUntouched), Severity::Warning);
  ASSERT_FALSE(bool(opts.apply("error")));
  ASSERT_FALSE(bool(opts.apply("no-error=link")));
  EXPECT_EQ(opts.getSeverity(DiagID::LinkTableUntouched), Severity::Warning);
  EXPECT_EQ(opts.getSeverity(DiagID::APIUnusedType), Severity::Error);
  // A merged-away ID selects the row it went into.
  ASSERT_FALSE(bool(opts.apply("no-YM003")));
  EXPECT_EQ(opts.getSeverity(DiagID::JSONDuplicateKey), Severity::Ignored);
  Error err = opts.apply("no-db-desing");
  ASSERT_TRUE(bool(err));
  EXPECT_EQ(
      toString(std::move(err)),
      "unknown diagnostic or group 'db-desing' (see docs/Diagnostics.md); "
      "did you mean 'db-design'?");
  err = opts.apply("error=nothing-like-it");
  ASSERT_TRUE(bool(err));
  EXPECT_EQ(toString(std::move(err)),
            "unknown diagnostic or group 'nothing-like-it' (see "
            "docs/Diagnostics.md)");
}

TEST(DiagTable, FormatSubstitutesArguments) {
  EXPECT_EQ(formatDiagMessage("a '%0' b '%1' %%", {"x", "y"}), "a 'x' b 'y' %");
  EXPECT_EQ(formatDiagMessage("%1%0", {"a", "b"}), "ba");
  EXPECT_EQ(formatDiagMessage("missing %2", {"a"}), "missing <?>");
  EXPECT_EQ(formatDiagMessage("100%", {}), "100%");
}

TEST(DiagOptions, WarningFlags) {
  DiagnosticOptions opts;
  DiagID warning = DiagID::DBTableNaming;
  DiagID error = DiagID::DBModelNoUnique;
  EXPECT_EQ(opts.getSeverity(warning), Severity::Warning);
  ASSERT_FALSE(bool(opts.apply("no-db-table-naming")));
  EXPECT_EQ(opts.getSeverity(warning), Severity::Ignored);
  ASSERT_FALSE(bool(opts.apply("DB007")));
  EXPECT_EQ(opts.getSeverity(warning), Severity::Warning);
  ASSERT_FALSE(bool(opts.apply("error")));
  EXPECT_EQ(opts.getSeverity(warning), Severity::Error);
  ASSERT_FALSE(bool(opts.apply("no-error=DB007")));
  EXPECT_EQ(opts.getSeverity(warning), Severity::Warning);
  ASSERT_FALSE(bool(opts.apply("remark=DB020")));
  EXPECT_EQ(opts.getSeverity(error), Severity::Remark);
  Error err = opts.apply("no-bogus");
  EXPECT_TRUE(bool(err));
  consumeError(std::move(err));
}

struct EngineFixture : ::testing::Test {
  SourceManager sm;
  DiagnosticEngine engine{sm};
  const char *text = nullptr;

  void SetUp() override {
    auto buffer = MemoryBuffer::getMemBufferCopy(
        "model a {\n  id Int @id\n  \xC3\xA9t\xC3\xA9 Strin\n}\n", "s.prisma");
    std::optional<unsigned> id = addSourceBuffer(sm, engine, std::move(buffer));
    ASSERT_TRUE(id);
    text = sm.getBuffer(*id)->getBufferStart();
  }
  SMRange rangeOf(StringRef needle) {
    size_t at = StringRef(text).find(needle);
    return SMRange(SMLoc::getFromPointer(text + at),
                   SMLoc::getFromPointer(text + at + needle.size()));
  }
};

TEST_F(EngineFixture, ColumnsCountCodePoints) {
  SMRange range = rangeOf("Strin");
  LineColumn lc = sm.getLineColumn(range.Start);
  EXPECT_EQ(lc.line, 3u);
  // "  été " is 6 code points (8 bytes), so Strin starts at column 7.
  EXPECT_EQ(lc.column, 7u);
}

TEST_F(EngineFixture, TextRenderingIsClangStyle) {
  engine.report(DiagID::DBUnknownType, rangeOf("Strin")) << "Strin";
  ASSERT_EQ(engine.getDiagnostics().size(), 1u);
  std::string out;
  raw_string_ostream os(out);
  renderText(os, sm, engine.getDiagnostics(), {});
  EXPECT_EQ(os.str(), "s.prisma:3:7: error: unknown type 'Strin' "
                      "[DB010:db-unknown-type]\n"
                      "  \xC3\xA9t\xC3\xA9 Strin\n"
                      "      ^~~~~\n"
                      "1 error generated.\n");
}

TEST_F(EngineFixture, IgnoredDiagnosticsAreDropped) {
  ASSERT_FALSE(bool(engine.getOptions().apply("no-db-unknown-type")));
  engine.report(DiagID::DBUnknownType, rangeOf("Strin")) << "Strin";
  EXPECT_TRUE(engine.getDiagnostics().empty());
}

TEST_F(EngineFixture, AbandonedDiagnosticsAreDropped) {
  InFlightDiagnostic diag = engine.report(DiagID::DBUnknownType, rangeOf("a"));
  diag.abandon();
  EXPECT_TRUE(engine.getDiagnostics().empty());
}

TEST_F(EngineFixture, JSONAndSARIFAreProjectionsOfTheSameRecord) {
  engine.report(DiagID::DBUnknownType, rangeOf("Strin")) << "Strin";
  (engine.report(DiagID::DBDuplicateName, rangeOf("a {")) << "model"
                                                          << "a")
          .note(rangeOf("id"), NoteID::PreviousDefinitionKind)
      << "a model";
  std::string jsonText, sarifText;
  raw_string_ostream jsonOS(jsonText), sarifOS(sarifText);
  renderJSON(jsonOS, sm, engine.getDiagnostics(), {});
  renderSARIF(sarifOS, sm, engine.getDiagnostics(), {});
  auto j = nlohmann::json::parse(jsonOS.str());
  auto s = nlohmann::json::parse(sarifOS.str());
  ASSERT_EQ(j["diagnostics"].size(), 2u);
  EXPECT_EQ(j["diagnostics"][0]["id"], "DB010");
  EXPECT_EQ(j["diagnostics"][0]["location"]["line"], 3);
  EXPECT_EQ(j["diagnostics"][0]["location"]["column"], 7);
  EXPECT_EQ(j["diagnostics"][0]["location"]["endColumn"], 12);
  EXPECT_EQ(j["summary"]["error"], 2);
  EXPECT_EQ(s["version"], "2.1.0");
  auto &run = s["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), getAllDiagInfos().size());
  auto &result = run["results"][0];
  EXPECT_EQ(result["ruleId"], "DB010");
  EXPECT_EQ(
      run["tool"]["driver"]["rules"][result["ruleIndex"].get<unsigned>()]["id"],
      "DB010");
  auto &region = result["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 3);
  EXPECT_EQ(region["startColumn"], 7);
  EXPECT_EQ(region["endColumn"], 12);
  EXPECT_EQ(run["results"][1]["relatedLocations"][0]["message"]["text"],
            "previous definition is a model here");
  EXPECT_EQ(j["diagnostics"][1]["notes"][0]["message"],
            "previous definition is a model here");
  EXPECT_EQ(j["diagnostics"][1]["notes"][0]["id"], "NT005");
  EXPECT_EQ(run["results"][1]["relatedLocations"][0]["properties"]["id"],
            "NT005");
}

TEST(SourceFiles, FindInvalidUTF8) {
  EXPECT_FALSE(findInvalidUTF8("plain ascii text, long enough to vectorize"));
  EXPECT_FALSE(findInvalidUTF8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
  EXPECT_EQ(findInvalidUTF8("abc\xFF"), std::optional<size_t>(3));
  EXPECT_EQ(findInvalidUTF8("ab\xC3"), std::optional<size_t>(2));   // truncated
  EXPECT_EQ(findInvalidUTF8("\xC0\x80"), std::optional<size_t>(0)); // overlong
  EXPECT_EQ(findInvalidUTF8("\xED\xA0\x80"),
            std::optional<size_t>(0)); // surrogate
  EXPECT_EQ(findInvalidUTF8("12345678\xF4\x90\x80\x80"),
            std::optional<size_t>(8)); // > U+10FFFF
}

TEST(SourceFiles, BinaryAndNonUTF8AreRejectedWithLocations) {
  SourceManager sm;
  DiagnosticEngine engine(sm);
  EXPECT_FALSE(addSourceBuffer(
      sm, engine,
      MemoryBuffer::getMemBufferCopy(StringRef("ab\0c", 4), "bin")));
  EXPECT_FALSE(addSourceBuffer(
      sm, engine, MemoryBuffer::getMemBufferCopy("ok\nx\xFFy", "latin1")));
  ASSERT_EQ(engine.getDiagnostics().size(), 2u);
  EXPECT_EQ(engine.getDiagnostics()[0].id, DiagID::InputBinary);
  EXPECT_EQ(sm.getLineColumn(engine.getDiagnostics()[0].range.Start).column,
            3u);
  EXPECT_EQ(engine.getDiagnostics()[1].id, DiagID::InputNotUTF8);
  LineColumn lc = sm.getLineColumn(engine.getDiagnostics()[1].range.Start);
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 2u);
}

} // namespace

namespace {
TEST_F(EngineFixture, FixHintsWithoutARangeArePrintedAtTheDiagnostic) {
  (engine.report(DiagID::DBUnknownType, rangeOf("Strin")) << "Strin")
          .fix(NoteID::FixAddIndex)
      << "a, b"
      << "m";
  std::string out;
  raw_string_ostream os(out);
  RenderOptions opts;
  opts.summary = false;
  renderText(os, sm, engine.getDiagnostics(), opts);
  EXPECT_EQ(os.str(), "s.prisma:3:7: error: unknown type 'Strin' "
                      "[DB010:db-unknown-type]\n"
                      "  \xC3\xA9t\xC3\xA9 Strin\n"
                      "      ^~~~~\n"
                      "s.prisma:3:7: note: fix: add @@index([a, b]) to model "
                      "'m'\n");
}
} // namespace

namespace {
TEST_F(EngineFixture, IdenticalRecordsAreKeptOnce) {
  for (int i = 0; i != 3; ++i)
    engine.report(DiagID::DBUnknownType, rangeOf("Strin")) << "Strin";
  // Same place, another message: a different finding.
  engine.report(DiagID::DBUnknownType, rangeOf("Strin")) << "Other";
  // Same message, another place: a different finding.
  engine.report(DiagID::DBUnknownType, rangeOf("Int")) << "Strin";
  EXPECT_EQ(engine.getDiagnostics().size(), 3u);
  EXPECT_EQ(engine.getDuplicateCount(), 2u);
}

TEST_F(EngineFixture, FindingsInPairedNodesGetANoteAtTheTwin) {
  // The "twin" is another buffer, as prisma.json is for the .prisma text.
  auto twinBuffer = MemoryBuffer::getMemBufferCopy(
      "{\"name\": \"a\", \"fields\": [{\"name\": \"x\"}]}", "prisma.json");
  unsigned twinID = sm.addBuffer(std::move(twinBuffer));
  StringRef twinText = sm.getBufferText(twinID);
  auto twinRange = [&](StringRef needle) {
    size_t at = twinText.find(needle);
    return SMRange(SMLoc::getFromPointer(twinText.data() + at),
                   SMLoc::getFromPointer(twinText.data() + at + needle.size()));
  };
  TwinMap twins("the AST");
  // The model (whole block) and, nested in it, one field.
  twins.add(rangeOf("model a {\n  id Int @id\n  \xC3\xA9t\xC3\xA9 Strin\n}"),
            twinRange("\"a\""));
  twins.add(rangeOf("\xC3\xA9t\xC3\xA9 Strin"), twinRange("\"x\""));
  engine.addTwinMap(&twins);

  engine.report(DiagID::DBUnknownType, rangeOf("Strin")) << "Strin";
  engine.report(DiagID::DBModelNoUnique, rangeOf("id Int")) << "a";
  engine.report(DiagID::DBUnknownType, twinRange("fields")) << "x";
  ASSERT_EQ(engine.getDiagnostics().size(), 3u);
  // In the field: the innermost pair wins, and the note comes first.
  const Diagnostic &inField = engine.getDiagnostics()[0];
  ASSERT_EQ(inField.notes.size(), 1u);
  EXPECT_EQ(inField.notes[0].range.Start, twinRange("\"x\"").Start);
  EXPECT_EQ(inField.notes[0].message, "the same declaration in the AST");
  // Elsewhere in the model: the model's twin.
  const Diagnostic &inModel = engine.getDiagnostics()[1];
  ASSERT_EQ(inModel.notes.size(), 1u);
  EXPECT_EQ(inModel.notes[0].range.Start, twinRange("\"a\"").Start);
  // Outside every paired node (in the twin itself): no note.
  EXPECT_TRUE(engine.getDiagnostics()[2].notes.empty());
}

TEST(TwinMapTest, InnermostContainingPairAmongSiblings) {
  // Nodes as offsets into one buffer: [0, 100) holds [10, 20), [30, 60)
  // which holds [40, 50), and [70, 80).
  static const char text[101] = {};
  auto at = [](size_t begin, size_t end) {
    return SMRange(SMLoc::getFromPointer(text + begin),
                   SMLoc::getFromPointer(text + end));
  };
  TwinMap twins("t");
  // Added out of order, as passes over different node kinds would.
  twins.add(at(40, 50), at(4, 5));
  twins.add(at(0, 100), at(0, 1));
  twins.add(at(70, 80), at(7, 8));
  twins.add(at(10, 20), at(1, 2));
  twins.add(at(30, 60), at(3, 4));
  auto lookup = [&](size_t offset) {
    SMRange twin = twins.lookup(SMLoc::getFromPointer(text + offset));
    return twin.isValid() ? int(twin.Start.getPointer() - text) : -1;
  };
  EXPECT_EQ(lookup(5), 0);
  EXPECT_EQ(lookup(15), 1);
  EXPECT_EQ(lookup(20), 0); // End is exclusive.
  EXPECT_EQ(lookup(35), 3);
  EXPECT_EQ(lookup(45), 4);
  EXPECT_EQ(lookup(55), 3); // After a nested sibling: back to its parent.
  EXPECT_EQ(lookup(65), 0);
  EXPECT_EQ(lookup(75), 7);
  EXPECT_EQ(lookup(100), -1);
}
} // namespace
