//===- TSTokenizerTest.cpp - Tests of the TypeScript tokenizer ------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The tokenizer's context-sensitive decisions, each against the reading
/// TypeScript's own scanner and parser give: regular expression or
/// division, template literals, `>` never joined, numeric literals,
/// Unicode names, comments, bracket repair, the classification of `(`,
/// `<`, names and `{`, and automatic semicolon insertion.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/TypeScript/TSTokenizer.h"

#include "llvm/ADT/StringExtras.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace abv;
using namespace abv::ts;
using llvm::StringRef;

namespace {

/// A short name per kind for compact expectations: the spelling of
/// punctuation and keywords, "id" for names, "num", "str", "re", "tpl".
std::string shortName(const Token &token) {
  switch (token.kind) {
  case tok::Identifier:
    return "id";
  case tok::ArrowParameter:
    return "param";
  case tok::PrivateName:
    return "#id";
  case tok::NumericLiteral:
    return "num";
  case tok::BigIntLiteral:
    return "bigint";
  case tok::StringLiteral:
    return "str";
  case tok::RegexLiteral:
    return "re";
  case tok::NoSubstitutionTemplate:
    return "tpl";
  case tok::TemplateHead:
    return "tpl{";
  case tok::TemplateMiddle:
    return "}tpl{";
  case tok::TemplateTail:
    return "}tpl";
  case tok::ArrowParen:
    return "arrow(";
  case tok::LessTypeArgs:
    return "<targs";
  case tok::LessGeneric:
    return "<generic";
  case tok::GreaterJoined:
    return ">j";
  case tok::BlockBrace:
    return "block{";
  case tok::DeclFunction:
    return "decl-function";
  case tok::DeclClass:
    return "decl-class";
  case tok::EndOfFile:
    return "eof";
  default:
    return getTokenSpelling(token.kind).str();
  }
}

/// The tokens of \p text as short names separated by spaces, with `;*` for
/// each automatic semicolon and `$` for each virtual closer.
std::string kinds(StringRef text, bool full = true) {
  TokenizedText tokenized = full ? tokenize(text) : scanTokens(text);
  std::vector<std::string> names;
  for (const Token &token : tokenized.tokens) {
    if (token.hasSemicolonBefore())
      names.push_back(";*");
    if (token.kind == tok::EndOfFile)
      break;
    names.push_back(shortName(token) + (token.isVirtual() ? "$" : ""));
  }
  return llvm::join(names, " ");
}

/// The text of each token.
std::vector<std::string> texts(StringRef text) {
  std::vector<std::string> result;
  for (const Token &token : tokenize(text).tokens)
    if (token.kind != tok::EndOfFile)
      result.push_back(text.slice(token.begin, token.end).str());
  return result;
}

/// The IDs of the problems of \p text, in order.
std::vector<std::string> problems(StringRef text) {
  std::vector<std::string> ids;
  for (const SyntaxProblem &problem : tokenize(text).problems)
    ids.push_back(getDiagInfo(problem.id).code.str());
  return ids;
}

/// The byte offset of the first problem of \p text.
size_t problemOffset(StringRef text) {
  TokenizedText tokenized = tokenize(text);
  EXPECT_FALSE(tokenized.problems.empty());
  if (tokenized.problems.empty())
    return StringRef::npos;
  return tokenized.problems.front().range.Start.getPointer() - text.data();
}

} // namespace

TEST(TSTokenizerTest, RegexOrDivision) {
  // After an operand, '/' divides; where an operand starts, it opens a
  // regular expression.
  EXPECT_EQ(kinds("a / b / c", false), "id / id / id");
  EXPECT_EQ(kinds("x = /ab+c/gi.test(s)", false), "id = re . id ( id )");
  EXPECT_EQ(kinds("f(/[/]x/)", false), "id ( re )");
  EXPECT_EQ(kinds("(a) / 2", false), "( id ) / num");
  EXPECT_EQ(kinds("arr[0] / 2", false), "id [ num ] / num");
  EXPECT_EQ(kinds("return /x/", false), "return re");
  EXPECT_EQ(kinds("typeof /x/", false), "typeof re");
  EXPECT_EQ(kinds("await /x/", false), "await re");
  EXPECT_EQ(kinds("a /= 2", false), "id /= num");
  // The regex's class may hold a '/'; its text ends at the unescaped '/'.
  EXPECT_EQ(texts("s.match(/^[a-z/]+\\/x$/u)")[4], "/^[a-z/]+\\/x$/u");
}

TEST(TSTokenizerTest, Templates) {
  EXPECT_EQ(kinds("`plain`", false), "tpl");
  EXPECT_EQ(kinds("`a${x}b${y}c`", false), "tpl{ id }tpl{ id }tpl");
  // Braces inside a substitution are the code's; the template resumes at
  // the '}' that closes the substitution.
  EXPECT_EQ(kinds("`${ {a: 1}.a }`", false), "tpl{ { id : num } . id }tpl");
  // Nested templates.
  EXPECT_EQ(kinds("`x${`y${z}`}w`", false), "tpl{ tpl{ id }tpl }tpl");
  // Escapes do not end the text.
  EXPECT_EQ(texts("`a\\`b\\${c}`")[0], "`a\\`b\\${c}`");
  // A tagged template.
  EXPECT_EQ(kinds("sql`select ${x}`", false), "id tpl{ id }tpl");
}

TEST(TSTokenizerTest, GreaterNeverJoined) {
  // Every '>' is its own token; one directly followed by '>' or '=' is a
  // GreaterJoined, so the grammar builds '>>', '>=' and '>>>='.
  EXPECT_EQ(kinds("Array<Array<T>>", false), "id < id < id >j >");
  EXPECT_EQ(kinds("a >> b", false), "id >j > id");
  EXPECT_EQ(kinds("a >= b", false), "id >j = id");
  EXPECT_EQ(kinds("a >>>= b", false), "id >j >j >j = id");
  EXPECT_EQ(kinds("a > b", false), "id > id");
  // '=>' after '>' is an arrow.
  EXPECT_EQ(kinds("(): Promise<T>=> x", false), "( ) : id < id >j => id");
}

TEST(TSTokenizerTest, Numbers) {
  EXPECT_EQ(kinds("0 42 3.14 .5 1e10 2.5E-3 0x1F 0o17 0b101 1_000_000", false),
            "num num num num num num num num num num");
  EXPECT_EQ(kinds("10n 0xFFn", false), "bigint bigint");
  EXPECT_TRUE(problems("1_000 0x1F 9007199254740993n").empty());
  EXPECT_EQ(problems("0x"), std::vector<std::string>{"TSP010"});
  EXPECT_EQ(problems("1__0"), std::vector<std::string>{"TSP010"});
  EXPECT_EQ(problems("1_"), std::vector<std::string>{"TSP010"});
  EXPECT_EQ(problems("1e"), std::vector<std::string>{"TSP010"});
  EXPECT_EQ(problems("1.5n"), std::vector<std::string>{"TSP010"});
  // A name glued to a number is one token and one error.
  EXPECT_EQ(kinds("10px", false), "num");
  EXPECT_EQ(problems("10px"), std::vector<std::string>{"TSP010"});
  // '?.' followed by a digit is a conditional and a number.
  EXPECT_EQ(kinds("a?.5:1", false), "id ? num : num");
  EXPECT_EQ(kinds("a?.b", false), "id ?. id");
}

TEST(TSTokenizerTest, UnicodeNames) {
  // Names in any script; code-point columns are the SourceManager's job,
  // the tokens cover whole UTF-8 sequences.
  EXPECT_EQ(kinds("const café = naïve + 名前 + Ωμέγα", false),
            "const id = id + id + id");
  EXPECT_EQ(texts("x = 名前;")[2], "名前");
  EXPECT_EQ(kinds("\\u0061bc", false), "id");
  // A non-breaking space separates tokens.
  EXPECT_EQ(kinds("a\xC2\xA0"
                  "b",
                  false),
            "id id");
  // Characters from prose are invalid, once per run.
  EXPECT_EQ(problems("const q = \xE2\x80\x9Chi\xE2\x80\x9D;"),
            (std::vector<std::string>{"TSP006", "TSP006"}));
  EXPECT_EQ(problemOffset("a \xE2\x80\x94 b"), 2u);
  EXPECT_EQ(problems("x = 1 # 2"), std::vector<std::string>{"TSP006"});
  EXPECT_EQ(kinds("this.#secret", false), "this . #id");
}

TEST(TSTokenizerTest, Keywords) {
  // After '.' every word is a property name.
  EXPECT_EQ(kinds("x.default.delete.new.catch", false),
            "id . id . id . id . id");
  EXPECT_EQ(kinds("return typeof x", false), "return typeof id");
}

TEST(TSTokenizerTest, StringsAndEscapes) {
  EXPECT_EQ(kinds("'a' \"b\\\"c\" 'd\\\ne'", false), "str str str");
  EXPECT_EQ(problems("const s = \"abc;\nfoo();"),
            std::vector<std::string>{"TSP002"});
  EXPECT_EQ(problemOffset("const s = \"abc;\n"), 10u);
  EXPECT_EQ(problems("'\\x4'"), std::vector<std::string>{"TSP012"});
  EXPECT_EQ(problems("'\\u{110000}'"), std::vector<std::string>{"TSP012"});
  EXPECT_TRUE(problems("'\\u{1F600} \\u00e9 \\x41 \\n \\0'").empty());
}

TEST(TSTokenizerTest, Comments) {
  TokenizedText tokenized =
      tokenize("// line\nconst a = 1; /* block */ /** doc */\n/* a\nb */ x");
  ASSERT_EQ(tokenized.comments.size(), 4u);
  EXPECT_EQ(tokenized.comments[0].kind, Comment::Line);
  EXPECT_EQ(tokenized.comments[0].begin, 0u);
  EXPECT_EQ(tokenized.comments[0].end, 7u);
  EXPECT_EQ(tokenized.comments[1].kind, Comment::Block);
  EXPECT_EQ(tokenized.comments[2].kind, Comment::Doc);
  // A line break inside a block comment is a line break for ASI.
  EXPECT_TRUE(tokenized.tokens[5].hasNewlineBefore());
  EXPECT_EQ(problems("a; /* open"), std::vector<std::string>{"TSP004"});
  EXPECT_EQ(problemOffset("a; /* open"), 3u);
}

TEST(TSTokenizerTest, UnterminatedLiterals) {
  EXPECT_EQ(problems("x = `abc ${y}"), std::vector<std::string>{"TSP003"});
  EXPECT_EQ(problemOffset("x = `abc ${y}"), 4u);
  EXPECT_EQ(problems("x = /abc\n"), std::vector<std::string>{"TSP005"});
  // After an unterminated template or comment the file is swallowed: the
  // brackets left open then are not reported again.
  EXPECT_EQ(problems("f(a, { b: `oops"), std::vector<std::string>{"TSP003"});
  // After an unterminated string, what its line opened is closed quietly.
  EXPECT_EQ(problems("foo(\"abc);\nbar();"),
            std::vector<std::string>{"TSP002"});
}

TEST(TSTokenizerTest, BracketRepair) {
  // An unmatched closer is reported and dropped.
  EXPECT_EQ(kinds("f(a));"), "id ( id ) ;");
  EXPECT_EQ(problems("f(a));"), std::vector<std::string>{"TSP008"});
  // An opener left open is closed by a virtual token at the end.
  EXPECT_EQ(kinds("f(a"), "id ( id )$ ;*");
  EXPECT_EQ(problems("f(a"), std::vector<std::string>{"TSP007"});
  // A '}' closes the '(' and '[' left open inside its block.
  EXPECT_EQ(kinds("if (x) { f(a, [1 }"),
            "if ( id ) block{ id ( id , [ num ]$ )$ ;* } ;*");
  EXPECT_EQ(problems("if (x) { f(a, [1 }"),
            (std::vector<std::string>{"TSP007", "TSP007"}));
  // Nesting past the limit is reported at the first opener too deep.
  std::string deep(MaxNestingDepth + 10, '[');
  TokenizedText tokenized = tokenize(deep);
  ASSERT_EQ(tokenized.tooDeep.size(), 1u);
  EXPECT_EQ(tokenized.tokens[tokenized.tooDeep[0]].begin, MaxNestingDepth);
}

TEST(TSTokenizerTest, Classification) {
  // Arrow parameters, with or without a return type; calls are not.
  EXPECT_EQ(kinds("(a, b) => a"), "arrow( id , id ) => id ;*");
  EXPECT_EQ(kinds("(x): Promise<void> => x"),
            "arrow( id ) : id <targs void > => id ;*");
  EXPECT_EQ(kinds("f(a)"), "id ( id ) ;*");
  EXPECT_EQ(kinds("async (x) => x"), "async arrow( id ) => id ;*");
  EXPECT_EQ(kinds("async <T,>(x: T) => x"),
            "async <generic id , > arrow( id : id ) => id ;*");
  EXPECT_EQ(kinds("if (a) b"), "if ( id ) id ;*");
  // A name that is the whole parameter list; not a return type name.
  EXPECT_EQ(kinds("xs.map(x => x)"), "id . id ( param => id ) ;*");
  EXPECT_EQ(kinds("(a): Foo => a"), "arrow( id ) : id => id ;*");
  // Type arguments of a call; a comparison; the type arguments of a type.
  EXPECT_EQ(kinds("typia.assert<T>(x)"), "id . id <targs id > ( id ) ;*");
  EXPECT_EQ(kinds("a < b && c > d"), "id < id && id > id ;*");
  EXPECT_EQ(kinds("let x: Map<K, V> = m"),
            "let id : id <targs id , id > = id ;*");
  // A generic arrow; an old-style assertion.
  EXPECT_EQ(kinds("f = <T,>(x: T) => x"),
            "id = <generic id , > arrow( id : id ) => id ;*");
  EXPECT_EQ(kinds("y = <any>x"), "id = < id > id ;*");
  // Contextual keywords are names unless the next token makes them
  // keywords.
  EXPECT_EQ(kinds("type X = 1"), "type id = num ;*");
  EXPECT_EQ(kinds("if (type === 1) x"), "if ( id === num ) id ;*");
  EXPECT_EQ(kinds("let x = async(1)"), "let id = id ( num ) ;*");
  EXPECT_EQ(kinds("Readonly<T>"), "id <targs id > ;*");
  // Blocks and declarations at statement starts.
  EXPECT_EQ(kinds("x => {}"), "param => block{ } ;*");
  EXPECT_EQ(kinds("x => ({})"), "param => ( { } ) ;*");
  EXPECT_EQ(kinds("function f() {}"), "decl-function id ( ) block{ } ;*");
  EXPECT_EQ(kinds("g(function () {})"), "id ( function ( ) block{ } ) ;*");
  EXPECT_EQ(kinds("export default class {}"),
            "export default decl-class block{ } ;*");
  EXPECT_EQ(kinds("const A = class {}"), "const id = class block{ } ;*");
  EXPECT_EQ(kinds("try { f() } catch { g() }"),
            "try block{ id ( ) ;* } catch block{ id ( ) ;* } ;*");
}

TEST(TSTokenizerTest, AutomaticSemicolons) {
  // A line break ends a statement before a token that cannot continue it.
  EXPECT_EQ(kinds("a = 1\nb = 2"), "id = num ;* id = num ;*");
  // Not before one that can: a member access, a call, an operator.
  EXPECT_EQ(kinds("a\n.b()\n+ c"), "id . id ( ) + id ;*");
  // Before '}' and the end of the file.
  EXPECT_EQ(kinds("{ f() }"), "block{ id ( ) ;* } ;*");
  // Restricted productions: a line break after 'return' ends it.
  EXPECT_EQ(kinds("return\nx"), "return ;* id ;*");
  EXPECT_EQ(kinds("a\n++b"), "id ;* ++ id ;*");
  // Not inside brackets, object literals or type literals.
  EXPECT_EQ(kinds("f(a\n, b)"), "id ( id , id ) ;*");
  EXPECT_EQ(kinds("x = {\na: 1\n}"), "id = { id : num } ;*");
  EXPECT_EQ(kinds("interface I {\na: T\nb: U\n}"),
            "interface id { id : id id : id } ;*");
  // Not between an 'if' head or a decorator and what they apply to, nor
  // before 'else' or a 'do' loop's 'while'.
  EXPECT_EQ(kinds("if (x)\nf()\nelse\ng()"),
            "if ( id ) id ( ) ;* else id ( ) ;*");
  EXPECT_EQ(kinds("@Dec()\nclass A {}"), "@ id ( ) decl-class id block{ } ;*");
  EXPECT_EQ(kinds("do {\n} while (x)"), "do block{ } while ( id ) ;*");
  EXPECT_EQ(kinds("while (x)\nf()"), "while ( id ) id ( ) ;*");
  // Class members are statements of their body.
  EXPECT_EQ(kinds("class A {\nx = 1\ny = 2\n}"),
            "decl-class id block{ id = num ;* id = num ;* } ;*");
  // A '[' on a new line continues the line before (an element access),
  // at the top level too, where no bracket is open (found by fuzzing: the
  // class-body test read the innermost open bracket of an empty stack).
  EXPECT_EQ(kinds("a = b\n[0]"), "id = id [ num ] ;*");
}

TEST(TSTokenizerTest, AutomaticSemicolonsAfterTypesAndBlocks) {
  // A function body after a return type is a statement list.
  EXPECT_EQ(kinds("function f(): Promise<T> {\na()\nb()\n}"),
            "decl-function id ( ) : id < id > block{ id ( ) ;* id ( ) ;* } "
            ";*");
  EXPECT_EQ(kinds("function f(): { a: T } {\nb()\n}"),
            "decl-function id ( ) : { id : id } block{ id ( ) ;* } ;*");
  EXPECT_EQ(kinds("function f(): () => void {\nb()\n}"),
            "decl-function id ( ) : arrow( ) => void block{ id ( ) ;* } ;*");
  // But not an arrow's body after its return type, nor an object type.
  EXPECT_EQ(kinds("const g = (x): T => ({ a: 1 })"),
            "const id = arrow( id ) : id => ( { id : num } ) ;*");
  // `as const`, `x!` and a `void` type end a statement.
  EXPECT_EQ(kinds("a = b as const\nc()"), "id = id as const ;* id ( ) ;*");
  EXPECT_EQ(kinds("a = b!\nc()"), "id = id ! ;* id ( ) ;*");
  EXPECT_EQ(kinds("let v: void\nc()"), "let id : void ;* id ( ) ;*");
  // A block on a line of its own starts a statement; an interface body
  // does not.
  EXPECT_EQ(kinds("a = []\n{\nb()\n}"), "id = [ ] ;* block{ id ( ) ;* } ;*");
  EXPECT_EQ(kinds("interface I extends J\n{\na: T\n}"),
            "interface id extends id { id : id } ;*");
  // `else` after an object literal needs the `;`, after a block not.
  EXPECT_EQ(kinds("if (a) x = { b: 1 }\nelse y()"),
            "if ( id ) id = { id : num } ;* else id ( ) ;*");
  EXPECT_EQ(kinds("if (a) { b() }\nelse y()"),
            "if ( id ) block{ id ( ) ;* } else id ( ) ;*");
  // A braceless do-while ends at its `while (...)`.
  EXPECT_EQ(kinds("do x++\nwhile (c)\ny()"),
            "do id ++ ;* while ( id ) ;* id ( ) ;*");
  // `catch` and `finally` continue a `try` only after its block.
  EXPECT_EQ(kinds("class A {\ncatch?: T\nfinally?: U\n}"),
            "decl-class id block{ catch ? : id ;* finally ? : id ;* } ;*");
  // A computed member on a new line starts a member, unless the line
  // before is an initializer it can index.
  EXPECT_EQ(kinds("class A {\nx: T\n[k]() {}\n}"),
            "decl-class id block{ id : id ;* [ id ] ( ) block{ } ;* } ;*");
  EXPECT_EQ(kinds("class A {\nx = a\n[0]\n}"),
            "decl-class id block{ id = id [ num ] ;* } ;*");
}
