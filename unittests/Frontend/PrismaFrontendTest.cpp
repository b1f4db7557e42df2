//===- PrismaFrontendTest.cpp - Tests of the Prisma frontend --------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Frontend/Prisma/PrismaFrontend.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceFiles.h"

// Internal: the tokenizer is checked against the generated lexer.
#include "PrismaTokenizer.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <map>
#include <random>
#include <string>

using namespace abv;
using namespace abv::db;
using namespace llvm;

namespace {

/// Parses one or more in-memory `.prisma` files as one schema.
struct Parsed {
  SourceManager sourceMgr;
  DiagnosticEngine diags{sourceMgr};
  std::vector<unsigned> ids;
  std::unique_ptr<Schema> schema;

  explicit Parsed(StringRef text, StringRef name = "schema.prisma") {
    add(text, name);
    parse();
  }
  Parsed() = default;

  void add(StringRef text, StringRef name) {
    ids.push_back(
        sourceMgr.addBuffer(MemoryBuffer::getMemBufferCopy(text, name)));
  }
  void parse() { schema = parsePrismaSchema(sourceMgr, ids, diags); }

  const char *text(unsigned file = 0) const {
    return sourceMgr.getBuffer(ids[file])->getBufferStart();
  }
  /// The range of the \p nth occurrence of \p needle in file \p file.
  SMRange find(StringRef needle, unsigned nth = 0, unsigned file = 0) const {
    StringRef all(text(file));
    size_t at = all.find(needle);
    for (unsigned i = 0; i < nth && at != StringRef::npos; ++i)
      at = all.find(needle, at + 1);
    EXPECT_NE(at, StringRef::npos) << needle.str();
    if (at == StringRef::npos)
      return SMRange();
    const char *start = text(file) + at;
    return SMRange(SMLoc::getFromPointer(start),
                   SMLoc::getFromPointer(start + needle.size()));
  }
  /// The messages of all diagnostics, in order.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diags.getDiagnostics())
      out.push_back(d.message);
    return out;
  }
  LineColumn at(SMLoc loc) const { return sourceMgr.getLineColumn(loc); }

  const Model &model(StringRef name) const {
    const Model *m = schema->findModel(name);
    EXPECT_TRUE(m) << name.str();
    return *m;
  }
  const Field &field(StringRef modelName, StringRef fieldName) const {
    const Field *f = model(modelName).findField(fieldName);
    EXPECT_TRUE(f) << fieldName.str();
    return *f;
  }
};

/// The text a range covers.
std::string spelled(SMRange range) {
  if (!range.Start.isValid())
    return "<invalid>";
  return std::string(range.Start.getPointer(),
                     range.End.getPointer() - range.Start.getPointer());
}

const char *const BlogSchema = R"(datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// A person who writes.
/// Second line.
model users {
  /// Primary key.
  id    String  @id @default(uuid()) @db.Uuid
  email String  @unique @map("email_address") /// Trailing doc.
  posts posts[]

  @@map("app_users")
}

model posts {
  id        Int      @id @default(autoincrement())
  author_id String   @db.Uuid
  author    users    @relation("Authored", fields: [author_id], references: [id], onDelete: Cascade)
  title     String   @db.VarChar(80)
  score     Float    @default(-1.5)

  @@unique([author_id, title(sort: Desc)], name: "by_author", map: "posts_author_title")
  @@index([title(ops: raw("gin_trgm_ops"))], type: Gin)
  @@fulltext([title])
}

enum Role {
  ADMIN  @map("admin")
  MEMBER
  @@map("roles")
}
)";

//===----------------------------------------------------------------------===//
// Lowering
//===----------------------------------------------------------------------===//

TEST(PrismaFrontend, LowersDeclarations) {
  Parsed p(BlogSchema);
  EXPECT_TRUE(p.diags.getDiagnostics().empty()) << p.messages().front();
  const Schema &s = *p.schema;
  EXPECT_EQ(s.origin, SchemaOrigin::PrismaText);
  ASSERT_EQ(s.datasources.size(), 1u);
  EXPECT_EQ(s.getProvider(), Provider::PostgreSQL);
  const ConfigProperty *url = s.datasources[0].getProperty("url");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->value.kind, Expr::Kind::Call);
  EXPECT_EQ(url->value.text, "env");
  ASSERT_EQ(url->value.elements.size(), 1u);
  EXPECT_EQ(url->value.elements[0].text, "DATABASE_URL");

  ASSERT_EQ(s.models.size(), 2u);
  EXPECT_EQ(s.models[0].getTableName(), "app_users");
  EXPECT_EQ(s.models[0].fileName, "schema.prisma");
  ASSERT_EQ(s.enums.size(), 1u);
  EXPECT_EQ(s.enums[0].mappedName.name, "roles");
  ASSERT_EQ(s.enums[0].values.size(), 2u);
  EXPECT_EQ(s.enums[0].values[0].mappedName.name, "admin");
  EXPECT_EQ(s.enums[0].values[1].name.name, "MEMBER");

  const Field &id = p.field("users", "id");
  EXPECT_EQ(id.type, TypeKind::String);
  EXPECT_TRUE(id.isId);
  ASSERT_TRUE(id.nativeType);
  EXPECT_EQ(id.nativeType->prefix, "db");
  EXPECT_EQ(id.nativeType->name.name, "Uuid");
  ASSERT_TRUE(id.getDefaultValue());
  EXPECT_EQ(id.getDefaultValue()->kind, Expr::Kind::Call);
  EXPECT_EQ(id.getDefaultValue()->text, "uuid");

  const Field &email = p.field("users", "email");
  EXPECT_TRUE(email.isUnique);
  EXPECT_EQ(email.getColumnName(), "email_address");

  const Field &posts = p.field("users", "posts");
  EXPECT_TRUE(posts.isList);
  EXPECT_EQ(posts.type, TypeKind::Model);
  ASSERT_TRUE(posts.relation);
  EXPECT_FALSE(posts.relation->hasFieldsArg);

  const Field &score = p.field("posts", "score");
  EXPECT_EQ(score.type, TypeKind::Float);
  ASSERT_TRUE(score.getDefaultValue());
  EXPECT_EQ(score.getDefaultValue()->kind, Expr::Kind::Number);
  EXPECT_EQ(score.getDefaultValue()->text, "-1.5");

  const Field &title = p.field("posts", "title");
  ASSERT_TRUE(title.nativeType);
  ASSERT_EQ(title.nativeType->args.size(), 1u);
  EXPECT_EQ(title.nativeType->args[0].text, "80");
}

TEST(PrismaFrontend, ExactRanges) {
  Parsed p(BlogSchema);
  const Model &users = p.model("users");
  EXPECT_EQ(users.name.range.Start, p.find("users {").Start);
  EXPECT_EQ(spelled(users.name.range), "users");
  // A block spans keyword to closing brace.
  EXPECT_TRUE(StringRef(spelled(users.range)).starts_with("model users {"));
  EXPECT_TRUE(
      StringRef(spelled(users.range)).ends_with("@@map(\"app_users\")\n}"));

  const Field &id = p.field("users", "id");
  EXPECT_EQ(spelled(id.name.range), "id");
  EXPECT_EQ(spelled(id.typeName.range), "String");
  // A field spans its name to its last attribute, without the line break
  // or a trailing comment.
  EXPECT_EQ(spelled(id.range), "id    String  @id @default(uuid()) @db.Uuid");
  ASSERT_EQ(id.attributes.size(), 3u);
  EXPECT_EQ(id.attributes[0].name.name, "id");
  EXPECT_EQ(spelled(id.attributes[0].range), "@id");
  EXPECT_EQ(spelled(id.attributes[1].range), "@default(uuid())");
  EXPECT_EQ(spelled(id.attributes[1].args[0].value.range), "uuid()");
  EXPECT_EQ(id.attributes[2].name.name, "db.Uuid");
  EXPECT_EQ(spelled(id.attributes[2].name.range), "db.Uuid");
  EXPECT_EQ(spelled(id.nativeType->name.range), "Uuid");
  EXPECT_EQ(spelled(id.nativeType->range), "@db.Uuid");

  const Field &email = p.field("users", "email");
  EXPECT_EQ(spelled(email.range),
            "email String  @unique @map(\"email_address\")");
  EXPECT_EQ(spelled(email.mappedName.range), "\"email_address\"");

  const Field &author = p.field("posts", "author");
  const Attribute *relation = author.getAttribute("relation");
  ASSERT_TRUE(relation);
  ASSERT_EQ(relation->args.size(), 4u);
  EXPECT_EQ(spelled(relation->args[1].range), "fields: [author_id]");
  EXPECT_EQ(spelled(relation->args[1].name.range), "fields");
  EXPECT_EQ(spelled(relation->args[1].value.range), "[author_id]");
  EXPECT_EQ(spelled(relation->args[1].value.elements[0].range), "author_id");

  // Line and column of a name on line 18.
  LineColumn lc = p.at(p.field("posts", "id").name.range.Start);
  EXPECT_EQ(lc.line, 18u);
  EXPECT_EQ(lc.column, 3u);
}

TEST(PrismaFrontend, RelationInfo) {
  Parsed p(BlogSchema);
  const Field &author = p.field("posts", "author");
  ASSERT_TRUE(author.relation);
  const RelationInfo &r = *author.relation;
  EXPECT_EQ(r.name.name, "Authored");
  EXPECT_EQ(spelled(r.name.range), "\"Authored\"");
  EXPECT_TRUE(r.hasFieldsArg);
  EXPECT_TRUE(r.hasReferencesArg);
  ASSERT_EQ(r.fields.size(), 1u);
  EXPECT_EQ(r.fields[0].name, "author_id");
  EXPECT_EQ(spelled(r.fields[0].range), "author_id");
  ASSERT_EQ(r.references.size(), 1u);
  EXPECT_EQ(r.references[0].name, "id");
  EXPECT_EQ(r.onDelete.name, "Cascade");
  EXPECT_TRUE(r.onUpdate.empty());
  EXPECT_TRUE(
      StringRef(spelled(r.attrRange)).starts_with("@relation(\"Authored\""));

  // `name:` spelled out, empty lists, and @relation on a non-model type
  // (kept as an attribute only).
  Parsed q(R"(model a {
  id Int @id
  b  b?  @relation(name: "AB", fields: [], references: [], onUpdate: SetNull)
  c  Int @relation("odd")
}
model b {
  id Int @id
  a  a[] @relation("AB")
}
)");
  EXPECT_TRUE(q.diags.getDiagnostics().empty());
  const Field &b = q.field("a", "b");
  ASSERT_TRUE(b.relation);
  EXPECT_EQ(b.relation->name.name, "AB");
  EXPECT_TRUE(b.relation->hasFieldsArg);
  EXPECT_TRUE(b.relation->fields.empty());
  EXPECT_EQ(b.relation->onUpdate.name, "SetNull");
  EXPECT_TRUE(b.isOptional);
  const Field &c = q.field("a", "c");
  EXPECT_FALSE(c.relation);
  EXPECT_TRUE(c.getAttribute("relation"));
  EXPECT_EQ(q.field("b", "a").relation->name.name, "AB");
}

TEST(PrismaFrontend, Indexes) {
  Parsed p(BlogSchema);
  const Model &posts = p.model("posts");
  const Index *unique = nullptr, *gin = nullptr, *fulltext = nullptr;
  for (const Index &index : posts.indexes) {
    if (index.isFieldLevel)
      continue;
    if (index.kind == Index::Kind::Unique)
      unique = &index;
    else if (index.kind == Index::Kind::Plain)
      gin = &index;
    else if (index.kind == Index::Kind::Fulltext)
      fulltext = &index;
  }
  ASSERT_TRUE(unique && gin && fulltext);
  ASSERT_EQ(unique->fields.size(), 2u);
  EXPECT_EQ(unique->fields[0].name.name, "author_id");
  EXPECT_EQ(unique->fields[1].name.name, "title");
  EXPECT_EQ(spelled(unique->fields[1].name.range), "title");
  EXPECT_EQ(unique->fields[1].sort, "Desc");
  EXPECT_EQ(unique->name.name, "by_author");
  EXPECT_EQ(unique->map.name, "posts_author_title");
  EXPECT_TRUE(StringRef(spelled(unique->range)).starts_with("@@unique(["));

  EXPECT_EQ(gin->method, Index::Method::Gin);
  ASSERT_EQ(gin->fields.size(), 1u);
  EXPECT_EQ(gin->fields[0].ops, "gin_trgm_ops");
  ASSERT_EQ(fulltext->fields.size(), 1u);

  // @@id with `fields:` spelled out, and the field-level mirror.
  Parsed q(R"(model m {
  a Int
  b Int @unique
  @@id(fields: [a, b], name: "pk")
  @@index([a], type: BTree, map: "m_a")
}
)");
  EXPECT_TRUE(q.diags.getDiagnostics().empty());
  const Index *pk = q.model("m").getPrimaryKey();
  ASSERT_TRUE(pk);
  EXPECT_FALSE(pk->isFieldLevel);
  ASSERT_EQ(pk->fields.size(), 2u);
  EXPECT_EQ(pk->name.name, "pk");
  bool sawMirror = false, sawBTree = false;
  for (const Index &index : q.model("m").indexes) {
    sawMirror |= index.isFieldLevel && index.kind == Index::Kind::Unique;
    sawBTree |= index.method == Index::Method::BTree && index.map.name == "m_a";
  }
  EXPECT_TRUE(sawMirror);
  EXPECT_TRUE(sawBTree);
}

//===----------------------------------------------------------------------===//
// Documentation comments
//===----------------------------------------------------------------------===//

TEST(PrismaFrontend, DocComments) {
  Parsed p(BlogSchema);
  EXPECT_EQ(p.model("users").doc, "A person who writes.\nSecond line.");
  EXPECT_EQ(p.field("users", "id").doc, "Primary key.");
  // A trailing `///` joins the field's documentation.
  EXPECT_EQ(p.field("users", "email").doc, "Trailing doc.");
  EXPECT_EQ(p.field("users", "posts").doc, "");
  EXPECT_EQ(p.model("posts").doc, "");

  Parsed q(R"(/// Detached: a blank line follows.

/// Attached.
//  (a plain comment in the block is skipped)
model m {
  /// Above a blank line: Prisma still attaches it.

  a Int /// and a trailing one
  // only plain comments: no documentation
  b Int
  ///   indented
  ///
  /// three lines, one space stripped
  c Int
  /// before a block attribute: goes to the next field, as in Prisma
  @@index([a])
  d Int
  /* a block comment
     documents too */
  e Int
}

/// Enum doc.
enum E {
  /// Value doc.
  X
  Y /// y
}
)");
  EXPECT_TRUE(q.diags.getDiagnostics().empty());
  EXPECT_EQ(q.model("m").doc, "Attached.");
  EXPECT_EQ(q.field("m", "a").doc,
            "Above a blank line: Prisma still attaches it.\nand a trailing "
            "one");
  EXPECT_EQ(q.field("m", "b").doc, "");
  EXPECT_EQ(q.field("m", "c").doc,
            "  indented\n\nthree lines, one space stripped");
  EXPECT_EQ(q.field("m", "d").doc,
            "before a block attribute: goes to the next field, as in Prisma");
  EXPECT_EQ(q.field("m", "e").doc, "a block comment\n     documents too");
  ASSERT_EQ(q.schema->enums.size(), 1u);
  EXPECT_EQ(q.schema->enums[0].doc, "Enum doc.");
  EXPECT_EQ(q.schema->enums[0].values[0].doc, "Value doc.");
  EXPECT_EQ(q.schema->enums[0].values[1].doc, "y");
}

//===----------------------------------------------------------------------===//
// Files, encodings, strings
//===----------------------------------------------------------------------===//

TEST(PrismaFrontend, MultiFileSchema) {
  Parsed p;
  p.add("datasource db {\n  provider = \"postgresql\"\n  url = \"x\"\n}\n"
        "model a {\n  id Int @id\n  b b @relation(fields: [b_id], "
        "references: [id])\n  b_id Int\n}\n",
        "dir/a.prisma");
  p.add("model b {\n  id Int @id\n  a a[]\n}\nenum Kind {\n  K\n}\n",
        "dir/b.prisma");
  p.parse();
  EXPECT_TRUE(p.diags.getDiagnostics().empty());
  ASSERT_EQ(p.schema->bufferIDs.size(), 2u);
  EXPECT_EQ(p.schema->bufferIDs[0], p.ids[0]);
  EXPECT_EQ(p.schema->bufferIDs[1], p.ids[1]);
  EXPECT_EQ(p.model("a").fileName, "dir/a.prisma");
  EXPECT_EQ(p.model("b").fileName, "dir/b.prisma");
  // Types resolve across files.
  EXPECT_EQ(p.field("a", "b").type, TypeKind::Model);
  EXPECT_EQ(p.field("b", "a").type, TypeKind::Model);
  EXPECT_EQ(p.sourceMgr.getBufferName(p.model("b").name.range.Start),
            "dir/b.prisma");
  EXPECT_EQ(p.model("b").name.range.Start, p.find("b {", 0, 1).Start);
}

TEST(PrismaFrontend, ByteOrderMarkAndNonASCII) {
  Parsed p(
      "\xEF\xBB\xBFmodel caf\xC3\xA9\xF0\x9F\x98\x80s {\n"
      "  // \xE2\x80\x94 \xE3\x83\xA6\xE3\x83\xBC\xE3\x82\xB6\xE3\x83\xBC\n"
      "  name String @default(\"h\xC3\xA9l\xC3\xA8ne \\u00e9 \\ud83d\\ude00\") "
      "@map(\"n\")\n"
      "}\n");
  // The model name has a letter outside ASCII (fine, as in Prisma) and an
  // emoji (not a letter): one error, at the emoji.
  ASSERT_EQ(p.diags.getDiagnostics().size(), 1u);
  const Diagnostic &d = p.diags.getDiagnostics()[0];
  EXPECT_EQ(d.id, DiagID::PrismaInvalidCharacter);
  EXPECT_EQ(spelled(d.range), "\xF0\x9F\x98\x80");

  Parsed q("\xEF\xBB\xBFmodel m {\n"
           "  /// Caf\xC3\xA9 \xE2\x80\x94 doc\n"
           "  name String @default(\"h\xC3\xA9l\xC3\xA8ne \\u00e9 "
           "\\ud83d\\ude00\\n\") @map(\"n\")\n"
           "}\n");
  EXPECT_TRUE(q.diags.getDiagnostics().empty());
  const Field &name = q.field("m", "name");
  EXPECT_EQ(name.doc, "Caf\xC3\xA9 \xE2\x80\x94 doc");
  // Ranges after multi-byte characters still point at the right bytes.
  EXPECT_EQ(spelled(name.mappedName.range), "\"n\"");
  ASSERT_TRUE(name.getDefaultValue());
  EXPECT_EQ(name.getDefaultValue()->text,
            "h\xC3\xA9l\xC3\xA8ne \xC3\xA9 \xF0\x9F\x98\x80\n");
  EXPECT_EQ(spelled(q.model("m").name.range), "m");
  EXPECT_EQ(q.at(name.mappedName.range.Start).column, 61u);
}

TEST(PrismaFrontend, StringEscapes) {
  Parsed p(R"(model m {
  a String @default("q\"uote \\ \/ \b\f\n\r\t")
  b String @default("bad \x")
  c String @default("\ud800")
}
)");
  const Field &a = p.field("m", "a");
  EXPECT_EQ(a.getDefaultValue()->text, "q\"uote \\ / \b\f\n\r\t");
  auto messages = p.messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_TRUE(StringRef(messages[0]).starts_with("unknown escape sequence"));
  EXPECT_TRUE(StringRef(messages[1]).starts_with("invalid unicode escape"));
  EXPECT_EQ(spelled(p.diags.getDiagnostics()[0].range), "\\x");
}

//===----------------------------------------------------------------------===//
// Native types
//===----------------------------------------------------------------------===//

TEST(PrismaFrontend, NativeTypePrefixIsTheDatasourceName) {
  Parsed p(R"(datasource pg {
  provider = "postgresql"
  url      = "x"
}
model m {
  a String @pg.VarChar(10)
  b String @db.VarChar(10)
}
)");
  EXPECT_TRUE(p.diags.getDiagnostics().empty());
  ASSERT_TRUE(p.field("m", "a").nativeType);
  EXPECT_EQ(p.field("m", "a").nativeType->prefix, "pg");
  EXPECT_FALSE(p.field("m", "b").nativeType);
  // Without a datasource, `db` is the prefix.
  Parsed q("model m {\n  a String @db.Text\n}\n");
  ASSERT_TRUE(q.field("m", "a").nativeType);
  EXPECT_EQ(q.field("m", "a").nativeType->name.name, "Text");
}

//===----------------------------------------------------------------------===//
// Errors and recovery
//===----------------------------------------------------------------------===//

TEST(PrismaFrontend, RecoversAndReportsEveryLine) {
  Parsed p(R"(model a {
  id Int @id
  title
  tags String?[]
  name String @db.VarChar(80
  ok Int
}
modle b {
}
model c {
  id Int @id
}
)");
  auto messages = p.messages();
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[0], "expected a field type after 'title'");
  EXPECT_EQ(p.at(p.diags.getDiagnostics()[0].range.Start).line, 3u);
  EXPECT_EQ(p.at(p.diags.getDiagnostics()[0].range.Start).column, 8u);
  // What parsed is lowered: `ok` after the broken lines, and model c.
  EXPECT_TRUE(p.model("a").findField("ok"));
  EXPECT_TRUE(p.model("a").findField("tags"));
  EXPECT_TRUE(p.schema->findModel("c"));
  EXPECT_FALSE(p.schema->findModel("b"));
  // Each error has the ID of its kind: a missing type, an unterminated
  // string or bracket, an unknown block keyword.
  for (const Diagnostic &d : p.diags.getDiagnostics())
    EXPECT_NE(d.id, DiagID::PrismaSyntax);
  EXPECT_EQ(p.diags.getDiagnostics()[0].id, DiagID::PrismaMissingType);
}

TEST(PrismaFrontend, DeepNestingIsRejectedBeforeParsing) {
  std::string text = "model a {\n  id Int @id\n  @@index(" +
                     std::string(100000, '[') + "id" +
                     std::string(100000, ']') + ")\n}\n";
  Parsed p(text);
  ASSERT_EQ(p.diags.getDiagnostics().size(), 1u);
  const Diagnostic &d = p.diags.getDiagnostics()[0];
  EXPECT_EQ(d.id, DiagID::InputTooDeep);
  LineColumn lc = p.at(d.range.Start);
  EXPECT_EQ(lc.line, 3u);
  EXPECT_EQ(lc.column, 11u + 255u); // The 257th opening bracket.

  // 256 levels in all (the parenthesis and 255 brackets) are fine.
  std::string ok = "model a {\n  id Int @id\n  @@index(" +
                   std::string(255, '[') + "id" + std::string(255, ']') +
                   ")\n}\n";
  Parsed q(ok);
  EXPECT_TRUE(q.diags.getDiagnostics().empty());
}

TEST(PrismaFrontend, LargeSchemasAreChunked) {
  // Well over one chunk (256 KiB): chunking must not change the result,
  // and errors in later chunks are located exactly.
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += "/// Model " + std::to_string(i) + "\nmodel m" + std::to_string(i) +
            " {\n  id Int @id\n  name String @default(\"{ not a brace }\")\n"
            "  next m" +
            std::to_string((i + 1) % 3000) + "? @relation(\"r" +
            std::to_string(i) +
            "\", fields: [nid], "
            "references: [id])\n  nid Int? @unique\n  prev m" +
            std::to_string((i + 2999) % 3000) + "? @relation(\"r" +
            std::to_string((i + 2999) % 3000) + "\")\n}\n";
  text += "model broken {\n  x\n}\n";
  ASSERT_GT(text.size(), 600000u);
  Parsed p(text);
  ASSERT_EQ(p.diags.getDiagnostics().size(), 1u) << p.messages().front();
  EXPECT_EQ(p.at(p.diags.getDiagnostics()[0].range.Start).line, 3000u * 8 + 2);
  EXPECT_EQ(p.schema->models.size(), 3001u);
  EXPECT_EQ(p.model("m2999").doc, "Model 2999");
  EXPECT_EQ(p.field("m1500", "next").type, TypeKind::Model);
  EXPECT_EQ(p.field("m1500", "name").getDefaultValue()->text,
            "{ not a brace }");
}

//===----------------------------------------------------------------------===//
// The tokenizer's fast paths match the generated lexer
//===----------------------------------------------------------------------===//

/// Lexes \p text with the generated lexer or with PrismaTokenizer and
/// renders every token (type, channel, position, line, column).
std::string lexAll(const std::u32string &text, bool fast) {
  prisma::CodePointStream input(text, "t");
  std::unique_ptr<prisma::PrismaLexer> lexer;
  if (fast)
    lexer = std::make_unique<prisma::PrismaTokenizer>(&input);
  else
    lexer = std::make_unique<prisma::PrismaLexer>(&input);
  lexer->removeErrorListeners();
  std::string out;
  for (;;) {
    std::unique_ptr<antlr4::Token> token = lexer->nextToken();
    out += std::to_string(token->getType()) + "/" +
           std::to_string(token->getChannel()) + "/" +
           std::to_string(token->getStartIndex()) + "-" +
           std::to_string(token->getStopIndex()) + "@" +
           std::to_string(token->getLine()) + ":" +
           std::to_string(token->getCharPositionInLine()) + " ";
    if (token->getType() == antlr4::Token::EOF)
      break;
  }
  return out;
}

std::u32string toCodePoints(StringRef utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    unsigned len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (unsigned k = 1; k < len && i + k < utf8.size(); ++k)
      cp = cp << 6 | (utf8[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

TEST(PrismaTokenizer, MatchesTheGeneratedLexer) {
  std::vector<std::string> samples = {
      BlogSchema,
      "",
      "model",
      "models model_ view-x Unsupported Unsupported2 123 12a -4.5 - 1.",
      "a\r\nb\rc\n \t \n\t\nd   \n",
      "/// doc\n//// four\n// c\n/* block */ /** x **/ /* open",
      "\"s\" \"esc \\\" \\\\ \\u1234\" \"open\n\"tab\tx\" \"end\\",
      "'single' 'open\n# hash\n$ ; \xC3\xA9 \xE3\x83\xA6",
      "@@index([a, b(sort: Desc)]) @id @db.VarChar(1) [] [ ] ? ! : = . , { }",
      "\xC2\xA0nbsp\xE3\x80\x80ideographic space",
  };
  // Random mixes of the interesting fragments.
  std::mt19937 random(42);
  std::vector<std::string> fragments = {
      " ",  "\t", "\n",    "\r\n", "\r",       "//",   "///",     "/*",
      "*/", "\"", "\\",    "a",    "Z",        "0",    "9",       "-",
      "_",  "@",  "@@",    "[",    "]",        "[]",   "(",       ")",
      "{",  "}",  ",",     ":",    "=",        "?",    "!",       ".",
      "'",  "#",  "model", "type", "\xC3\xA9", "\x01", "\xC2\xA0"};
  for (int i = 0; i < 500; ++i) {
    std::string s;
    int n = random() % 40;
    for (int k = 0; k < n; ++k)
      s += fragments[random() % fragments.size()];
    samples.push_back(s);
  }
  for (const std::string &sample : samples) {
    std::u32string text = toCodePoints(sample);
    EXPECT_EQ(lexAll(text, /*fast=*/true), lexAll(text, /*fast=*/false))
        << "input: " << sample;
  }
}

//===----------------------------------------------------------------------===//
// The corpus
//===----------------------------------------------------------------------===//

TEST(PrismaFrontend, CorpusParsesWithoutErrors) {
  const char *corpus = ABV_CORPUS_DIR;
  if (!sys::fs::is_directory(corpus))
    GTEST_SKIP() << "corpus not found at " << corpus;
  // Group the files by folder: each folder is one schema.
  std::map<std::string, std::vector<std::string>> folders;
  std::error_code ec;
  for (sys::fs::recursive_directory_iterator it(corpus, ec), end;
       it != end && !ec; it.increment(ec))
    if (sys::path::extension(it->path()) == ".prisma")
      folders[sys::path::parent_path(it->path()).str()].push_back(it->path());
  unsigned files = 0;
  for (auto &[folder, paths] : folders) {
    SourceManager sourceMgr;
    DiagnosticEngine diags(sourceMgr);
    std::vector<unsigned> ids;
    for (const std::string &path : paths)
      if (std::optional<unsigned> id = addSourceFile(sourceMgr, diags, path))
        ids.push_back(*id);
    files += ids.size();
    std::unique_ptr<Schema> schema = parsePrismaSchema(sourceMgr, ids, diags);
    EXPECT_EQ(diags.getCount(Severity::Error), 0u) << folder;
    EXPECT_FALSE(schema->models.empty()) << folder;
  }
  EXPECT_GT(files, 0u);
}

} // namespace
