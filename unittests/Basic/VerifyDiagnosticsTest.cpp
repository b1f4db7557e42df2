//===- VerifyDiagnosticsTest.cpp - Tests of --verify-diagnostics ----------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/VerifyDiagnostics.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceManager.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace abv;
using namespace llvm;

namespace {

TEST(CommentSyntax, ByFileName) {
  EXPECT_EQ(getCommentSyntax("a/schema.prisma").marker, "//");
  EXPECT_EQ(getCommentSyntax("src/providers/x.ts").marker, "//");
  EXPECT_EQ(getCommentSyntax("test/y.mjs").marker, "//");
  EXPECT_EQ(getCommentSyntax("openapi.YAML").marker, "#");
  EXPECT_TRUE(getCommentSyntax("openapi.yml").yamlRules);
  EXPECT_TRUE(getCommentSyntax("swagger.json").marker.empty());
  EXPECT_TRUE(getCommentSyntax("README").marker.empty());
}

struct VerifierFixture : ::testing::Test {
  SourceManager sm;
  DiagnosticEngine engine{sm};

  unsigned add(StringRef name, StringRef text) {
    return sm.addBuffer(MemoryBuffer::getMemBufferCopy(text, name));
  }
  /// The range of the first \p needle in buffer \p id.
  SMRange at(unsigned id, StringRef needle) {
    StringRef text = sm.getBufferText(id);
    size_t pos = text.find(needle);
    EXPECT_NE(pos, StringRef::npos) << needle.str();
    return SMRange(SMLoc::getFromPointer(text.data() + pos),
                   SMLoc::getFromPointer(text.data() + pos + needle.size()));
  }
  /// Runs the verifier; returns its output, and whether it passed in \p ok.
  std::string verify(bool &ok, StringRef expectations = "") {
    DiagnosticVerifier verifier(sm);
    verifier.scanSources();
    if (!expectations.empty())
      verifier.addExpectationsFile("t.expected", expectations);
    std::string out;
    raw_string_ostream os(out);
    ok = verifier.verify(engine.getDiagnostics(), os, "tool");
    return out;
  }
};

// `//` inside strings (any of TypeScript's three quotes, template literals
// across lines) is no comment; directives in real comments are read.
TEST_F(VerifierFixture, TypeScriptCommentsAndStrings) {
  unsigned id = add("src/a.ts", "const a = \"// expected-error {{no}}\";\n"
                                "const b = '// expected-error {{no}}';\n"
                                "const c = `\n"
                                "// expected-error {{no}}\n"
                                "`;\n"
                                "let d = c; // expected-warning {{unused}}\n");
  engine.report(DiagID::APIUnusedType, at(id, "d = c")) << "unused";
  bool ok = false;
  std::string out = verify(ok);
  EXPECT_TRUE(ok) << out;
  EXPECT_EQ(out, "");
}

// YAML: `#` after a space, outside quoted scalars; a quote inside a plain
// scalar opens nothing.
TEST_F(VerifierFixture, YAMLComments) {
  unsigned id = add("o.yaml", "a: it's # expected-warning {{unused}}\n"
                              "b: \"x # expected-error {{no}}\"\n"
                              "c: 'it''s # expected-error {{no}}'\n"
                              "d: x#expected-error {{no}}\n");
  engine.report(DiagID::APIUnusedType, at(id, "it's")) << "unused";
  bool ok = false;
  std::string out = verify(ok);
  EXPECT_TRUE(ok) << out;
}

TEST_F(VerifierFixture, LocationsIDsAndNotes) {
  unsigned id = add("s.prisma", "model a {\n"
                                "  // expected-error@+1:5 [DB010] {{Strin}}\n"
                                "  x Strin\n"
                                "  // expected-note@-1 [NT060] {{declared}}\n"
                                "}\n"
                                "// expected-error@3 [db-unknown-type]\n");
  (engine.report(DiagID::DBUnknownType, at(id, "Strin\n")) << "Strin")
          .note(at(id, "x Strin"), NoteID::ModelDeclaredHere)
      << "a";
  engine.report(DiagID::DBUnknownType, at(id, "x Strin")) << "x";
  bool ok = false;
  std::string out = verify(ok);
  EXPECT_TRUE(ok) << out;
}

TEST_F(VerifierFixture, FixHints) {
  unsigned id =
      add("s.prisma", "model a {\n"
                      "  x Strin // expected-error {{Strin}}\n"
                      "  // expected-fix@-1:5 {{did you mean 'String'? "
                      "(replace with 'String')}}\n"
                      "  y Strin // expected-error {{Strin}}\n"
                      "}\n");
  (engine.report(DiagID::DBUnknownType, at(id, "Strin //")) << "Strin")
          .fix(NoteID::DidYouMean, at(id, "Strin //"), "String")
      << "String";
  // A fix hint no directive names is no error.
  SMRange second = at(id, "y Strin");
  second.Start = SMLoc::getFromPointer(second.Start.getPointer() + 2);
  (engine.report(DiagID::DBUnknownType, second) << "Strin")
          .fix(NoteID::DidYouMean, second, "String")
      << "String";
  bool ok = false;
  std::string out = verify(ok);
  EXPECT_TRUE(ok) << out;
  // An expected fix hint that is not there is.
  add("t.prisma", "// expected-fix@s.prisma:1 [NT002]\n");
  out = verify(ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(out, "tool: error: 'expected-fix' diagnostics expected but not "
                 "seen:\n"
                 "  File s.prisma Line 1 (directive at t.prisma:1): [NT002]\n");
}

TEST_F(VerifierFixture, DifferencesAreListedClangStyle) {
  unsigned id = add("s.prisma", "model a {\n"
                                "  x Strin // expected-error {{Strin}}\n"
                                "  y Int // expected-warning {{never}}\n"
                                "}\n");
  engine.report(DiagID::DBUnknownType, at(id, "Strin")) << "Strin";
  engine.report(DiagID::DBColumnNaming, at(id, "y Int")) << "y";
  engine.report(DiagID::InputUnreadable, SMRange()) << "gone"
                                                    << "no file";
  bool ok = true;
  std::string out = verify(ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(out, "tool: error: 'error' diagnostics seen but not expected:\n"
                 "  (no location): cannot read 'gone': no file [IN001]\n"
                 "tool: error: 'expected-warning' diagnostics expected but not "
                 "seen:\n"
                 "  File s.prisma Line 3: never\n"
                 "tool: error: 'warning' diagnostics seen but not expected:\n"
                 "  File s.prisma Line 3 Column 3: column name 'y' should be "
                 "snake_case [DB008]\n");
}

TEST_F(VerifierFixture, ExpectationsFiles) {
  unsigned id = add("dir/swagger.json", "{\"a\": 1, \"a\": 2}");
  engine.report(DiagID::JSONDuplicateKey, at(id, "\"a\": 2")) << "a";
  engine.report(DiagID::InputUnreadable, SMRange()) << "gone"
                                                    << "no file";
  bool ok = false;
  // A merged-away ID names the row it went into.
  std::string out = verify(ok, "JSON has no comments.\n"
                               "expected-warning@swagger.json:1:10 [YM003]\n"
                               "expected-error@* {{cannot read 'gone'}}\n");
  EXPECT_TRUE(ok) << out;
  out = verify(ok, "expected-warning@+1 {{x}}\n"
                   "expected-warning@other.json:1 {{x}}\n"
                   "expected-warning@wagger.json:1 {{x}}\n");
  EXPECT_FALSE(ok);
  EXPECT_NE(out.find("t.expected:1:1: error: a directive in an expectations "
                     "file names its file"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("t.expected:2:1: error: no input named 'other.json'"),
            std::string::npos)
      << out;
  // A file name matches whole path components only.
  EXPECT_NE(out.find("t.expected:3:1: error: no input named 'wagger.json'"),
            std::string::npos)
      << out;
}

TEST_F(VerifierFixture, NoDirectivesIsAnError) {
  add("s.prisma", "model a {}\n");
  bool ok = true;
  std::string out = verify(ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(out, "tool: error: no expected directives found: use "
                 "expected-no-diagnostics to indicate that no diagnostics "
                 "are expected\n");
  add("t.prisma", "// expected-no-diagnostics\n");
  out = verify(ok);
  EXPECT_TRUE(ok) << out;
}

TEST_F(VerifierFixture, MalformedDirectives) {
  add("s.prisma", "// expected-error\n"
                  "// expected-error@ {{x}}\n"
                  "// expected-error@+0x {{x}}\n"
                  "// expected-error [DB999] {{x}}\n"
                  "// expected-note [db-unknown-type] {{x}}\n"
                  "// expected-warning {{open\n"
                  "// expected-error@+4294967295 {{x}} "
                  "expected-error@-99999999999 {{x}}\n"
                  "// expected-errors are not a kind; expected-output neither\n"
                  "// not-expected-error {{part of a word}}\n");
  bool ok = true;
  std::string out = verify(ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(out,
            "s.prisma:1:4: error: expected '[<ID>]' or '{{<text>}}' after "
            "'expected-error'\n"
            "s.prisma:2:4: error: expected a location after '@'\n"
            "s.prisma:3:4: error: invalid location '@+0x' (expected @+N, "
            "@-N, @N or @<file>:N, each optionally followed by :<column>, "
            "or @*)\n"
            "s.prisma:4:4: error: unknown diagnostic 'DB999'\n"
            "s.prisma:5:4: error: unknown note 'db-unknown-type'\n"
            "s.prisma:6:4: error: cannot find end ('}}') of expected string\n"
            "s.prisma:7:37: error: invalid location '@-99999999999' (expected "
            "@+N, @-N, @N or @<file>:N, each optionally followed by "
            ":<column>, or @*)\n"
            "tool: error: 'expected-error' diagnostics expected but not "
            "seen:\n"
            "  File s.prisma Line 4294967295 (directive at s.prisma:7): x\n");
}

} // namespace
