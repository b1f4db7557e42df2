//===- PrismaLowering.cpp - Prisma parse trees to the DB IR ---------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Walks the parse tree of one chunk and builds DB IR nodes. Every node gets
/// the exact range it was spelled at; strings are unescaped (JSON rules, as
/// in Prisma); `///` comments become documentation.
///
//===----------------------------------------------------------------------===//

#include "PrismaLowering.h"

#include "abv/Basic/DiagnosticEngine.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"

using namespace abv;
using namespace abv::prisma;
using antlr4::ParserRuleContext;
using antlr4::Token;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

using P = PrismaParser;

namespace {

/// The argument named \p name, else the first positional argument (as in
/// `@map("x")` / `@map(name: "x")`).
const db::AttributeArg *findArgOrFirst(const db::Attribute &attr,
                                       StringRef name) {
  if (const db::AttributeArg *arg = attr.getArg(name))
    return arg;
  return attr.getArg("");
}

class Lowering {
public:
  Lowering(const SourceChunk &chunk, antlr4::BufferedTokenStream &tokens,
           StringRef fileName, db::Schema &schema, DiagnosticEngine &diags)
      : chunk(chunk), tokens(tokens), fileName(fileName), schema(schema),
        diags(diags) {}

  void lower(P::SchemaContext *tree);

private:
  // Declarations.
  void lowerModel(P::ModelDeclarationContext *ctx);
  void lowerEnum(P::EnumDeclarationContext *ctx);
  void lowerConfig(P::ConfigBlockContext *ctx);
  void lowerTypeAlias(P::TypeAliasContext *ctx);
  void lowerUnknownBlock(P::UnknownBlockContext *ctx);

  // Members. \p pendingDoc is the documentation of a comment block seen
  // since the previous field or value and not taken by one (Prisma keeps it
  // across blank lines and block attributes).

  /// Lowers into \p field (in place: a Field is large); false if the
  /// declaration is too broken to keep.
  bool lowerField(P::FieldDeclarationContext *ctx, db::Field &field,
                  std::optional<StringRef> &pendingDoc);
  bool lowerFieldType(P::FieldTypeContext *ctx, db::Field &field);
  std::optional<db::EnumValue>
  lowerEnumValue(P::EnumValueDeclarationContext *ctx,
                 std::optional<StringRef> &pendingDoc);
  /// The documentation a member gets: its own comment block, else the
  /// pending one; either way nothing is pending afterwards.
  StringRef takeDoc(ParserRuleContext *member,
                    std::optional<StringRef> &pendingDoc);

  // Attributes and expressions.
  void lowerAttribute(ParserRuleContext *ctx, P::PathContext *path,
                      P::ArgumentListContext *args, bool isBlock,
                      db::Attribute &attr);
  void lowerArguments(P::ArgumentListContext *ctx,
                      std::vector<db::AttributeArg> &args);
  db::Expr lowerExpr(P::ExpressionContext *ctx);
  db::Expr lowerString(Token *token);
  StringRef unescape(StringRef content);

  // Names and ranges.
  db::Ident getIdent(Token *token) const;
  db::Ident getPath(P::PathContext *ctx);
  SMRange getRange(ParserRuleContext *ctx) const { return chunk.getRange(ctx); }
  /// The range of \p ctx without its trailing line break.
  SMRange getLineRange(ParserRuleContext *ctx) const;

  // Documentation.
  /// The documentation of the comment block above the token at
  /// \p tokenIndex (blank lines between allowed or not), or std::nullopt if
  /// there is no comment block (a block of `//` lines documents nothing).
  std::optional<StringRef> getDocAbove(size_t tokenIndex, bool allowBlankLines);
  /// The documentation comment ending the line of \p ctx, if any.
  StringRef getTrailingDoc(ParserRuleContext *ctx);
  StringRef joinDoc(llvm::ArrayRef<Token *> comments);

  // Attribute semantics.
  void interpretFieldAttributes(db::Field &field);
  void interpretModelAttributes(db::Model &model);
  db::RelationInfo lowerRelation(const db::Attribute &attr);
  std::optional<db::Index> lowerIndex(const db::Attribute &attr);

  /// Reports a syntax error of kind \p kind (a PS diagnostic ID).
  void error(DiagID kind, SMRange range, const llvm::Twine &message) {
    diags.report(kind, range) << message.str();
  }

  const SourceChunk &chunk;
  antlr4::BufferedTokenStream &tokens;
  StringRef fileName;
  db::Schema &schema;
  DiagnosticEngine &diags;
};

} // namespace

//===----------------------------------------------------------------------===//
// Names, ranges, documentation
//===----------------------------------------------------------------------===//

db::Ident Lowering::getIdent(Token *token) const {
  // No name, or one conjured by error recovery (it has an empty range).
  if (!token)
    return {};
  SMRange range = chunk.getRange(token);
  return {SourceChunk::getText(range), range};
}

db::Ident Lowering::getPath(P::PathContext *ctx) {
  if (!ctx || !ctx->start)
    return {};
  SMRange range = getRange(ctx);
  StringRef text = SourceChunk::getText(range);
  // Prisma spells dotted names without spaces (`db.VarChar`).
  if (ctx->parts.size() > 1 && text.find_first_of(" \t") != StringRef::npos)
    error(DiagID::PrismaInvalidAttribute, range,
          "a dotted name cannot contain spaces");
  return {text, range};
}

SMRange Lowering::getLineRange(ParserRuleContext *ctx) const {
  Token *start = ctx->start;
  Token *stop = ctx->stop;
  if (!start || !stop || start->getTokenIndex() == INVALID_INDEX ||
      stop->getTokenIndex() == INVALID_INDEX ||
      stop->getTokenIndex() < start->getTokenIndex())
    return getRange(ctx);
  // Back from the line break to the last token of the line.
  size_t i = stop->getTokenIndex();
  for (; i > start->getTokenIndex(); --i) {
    Token *token = tokens.get(i);
    if (token->getChannel() == Token::DEFAULT_CHANNEL &&
        token->getType() != P::NEWLINE && token->getType() != Token::EOF)
      break;
  }
  return chunk.getRange(start, tokens.get(i));
}

static bool isComment(const Token *token) {
  return token->getType() == P::DOC_COMMENT || token->getType() == P::COMMENT ||
         token->getType() == P::BLOCK_COMMENT;
}

/// Whether a NEWLINE token is exactly one line break (no blank line).
static bool isSingleLineBreak(const SourceChunk &chunk, const Token *token) {
  StringRef text = chunk.getText(token);
  return text == "\n" || text == "\r\n" || text == "\r";
}

std::optional<StringRef> Lowering::getDocAbove(size_t tokenIndex,
                                               bool allowBlankLines) {
  // Walk back from the declaration over the comment block above it: comment
  // lines, each following the previous one without a blank line. Block
  // comments may also precede the declaration on its own line.
  llvm::SmallVector<Token *, 8> block;
  for (ssize_t i = ssize_t(tokenIndex) - 1; i >= 0; --i) {
    Token *token = tokens.get(i);
    if (token->getType() == P::NEWLINE) {
      bool single = isSingleLineBreak(chunk, token);
      if (!block.empty()) {
        if (!single)
          break; // A blank line ends the block.
        continue;
      }
      // Between the block and the declaration.
      if (!allowBlankLines && !single)
        return std::nullopt;
      continue;
    }
    if (!isComment(token))
      break;
    // A comment that ends a line of code is that line's, not ours.
    if (i > 0) {
      Token *before = tokens.get(i - 1);
      if (before->getType() != P::NEWLINE && !isComment(before))
        break;
    }
    block.push_back(token);
  }
  if (block.empty())
    return std::nullopt;
  std::reverse(block.begin(), block.end());
  return joinDoc(block);
}

StringRef Lowering::getTrailingDoc(ParserRuleContext *ctx) {
  // The comment between the last token of the line and its line break.
  Token *stop = ctx->stop;
  if (!stop || stop->getType() != P::NEWLINE ||
      stop->getTokenIndex() == INVALID_INDEX)
    return {};
  size_t index = stop->getTokenIndex();
  if (index == 0)
    return {};
  Token *prev = tokens.get(index - 1);
  if (prev->getType() != P::DOC_COMMENT && prev->getType() != P::BLOCK_COMMENT)
    return {};
  return joinDoc({prev});
}

StringRef Lowering::joinDoc(llvm::ArrayRef<Token *> comments) {
  // `///` lines lose the slashes and one space; `/* */` comments lose the
  // delimiters and surrounding space (as in Prisma); `//` lines are not
  // documentation.
  llvm::SmallVector<StringRef, 8> lines;
  for (Token *token : comments) {
    StringRef text = chunk.getText(token);
    if (token->getType() == P::DOC_COMMENT) {
      text.consume_front("///");
      text.consume_front(" ");
      lines.push_back(text);
    } else if (token->getType() == P::BLOCK_COMMENT) {
      text.consume_front("/*");
      text.consume_back("*/");
      lines.push_back(text.trim());
    }
  }
  if (lines.empty())
    return {};
  if (lines.size() == 1)
    return lines.front();
  return schema.save(llvm::join(lines, "\n"));
}

static StringRef joinDocs(db::Schema &schema, StringRef above,
                          StringRef trailing) {
  if (above.empty())
    return trailing;
  if (trailing.empty())
    return above;
  return schema.save((above + "\n" + trailing).str());
}

//===----------------------------------------------------------------------===//
// Strings and expressions
//===----------------------------------------------------------------------===//

StringRef Lowering::unescape(StringRef content) {
  if (content.find('\\') == StringRef::npos)
    return content;
  std::string out;
  out.reserve(content.size());
  auto hex4 = [&](size_t at) -> std::optional<unsigned> {
    if (at + 4 > content.size())
      return std::nullopt;
    unsigned value = 0;
    for (size_t k = at; k < at + 4; ++k) {
      unsigned digit = llvm::hexDigitValue(content[k]);
      if (digit == ~0U)
        return std::nullopt;
      value = value * 16 + digit;
    }
    return value;
  };
  auto locAt = [&](size_t offset) {
    return SMLoc::getFromPointer(content.data() + offset);
  };
  for (size_t i = 0; i < content.size(); ++i) {
    char c = content[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i + 1 >= content.size())
      break; // Only in an unterminated string, already reported.
    char e = content[++i];
    switch (e) {
    case '"':
    case '\\':
    case '/':
      out += e;
      continue;
    case 'b':
      out += '\b';
      continue;
    case 'f':
      out += '\f';
      continue;
    case 'n':
      out += '\n';
      continue;
    case 'r':
      out += '\r';
      continue;
    case 't':
      out += '\t';
      continue;
    case 'u': {
      size_t start = i - 1;
      std::optional<unsigned> unit = hex4(i + 1);
      unsigned codePoint = 0;
      size_t end = i + 5;
      if (unit && *unit >= 0xD800 && *unit <= 0xDBFF) {
        // A UTF-16 surrogate pair: \uD83D\uDE00.
        std::optional<unsigned> low;
        if (end + 1 < content.size() && content[end] == '\\' &&
            content[end + 1] == 'u')
          low = hex4(end + 2);
        if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
          codePoint = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
          end += 6;
        } else {
          unit.reset();
        }
      } else if (unit && *unit >= 0xDC00 && *unit <= 0xDFFF) {
        unit.reset();
      } else if (unit) {
        codePoint = *unit;
      }
      if (!unit) {
        size_t stop = std::min(end, content.size());
        error(DiagID::PrismaInvalidString, SMRange(locAt(start), locAt(stop)),
              "invalid unicode escape sequence; expected '\\u' and four hex "
              "digits (a surrogate pair for characters above U+FFFF)");
        i = stop - 1;
        continue;
      }
      char buffer[8];
      char *ptr = buffer;
      llvm::ConvertCodePointToUTF8(codePoint, ptr);
      out.append(buffer, ptr);
      i = end - 1;
      continue;
    }
    default: {
      // Cover the whole UTF-8 sequence of the escaped character.
      size_t stop = i + 1;
      while (stop < content.size() &&
             (static_cast<unsigned char>(content[stop]) & 0xC0) == 0x80)
        ++stop;
      error(DiagID::PrismaInvalidString, SMRange(locAt(i - 1), locAt(stop)),
            "unknown escape sequence; a backslash in a string must be "
            "written as '\\\\'");
      i = stop - 1;
      continue;
    }
    }
  }
  return schema.save(out);
}

db::Expr Lowering::lowerString(Token *token) {
  db::Expr expr;
  expr.kind = db::Expr::Kind::String;
  expr.range = chunk.getRange(token);
  StringRef text = SourceChunk::getText(expr.range);
  switch (token->getType()) {
  case P::STRING:
    text = text.drop_front().drop_back();
    break;
  case P::UNTERMINATED_STRING:
    text = text.drop_front();
    break;
  case P::SINGLE_QUOTED_STRING:
    text = text.drop_front().drop_back();
    break;
  default:
    break;
  }
  expr.text = unescape(text);
  return expr;
}

db::Expr Lowering::lowerExpr(P::ExpressionContext *ctx) {
  db::Expr expr;
  if (!ctx)
    return expr;
  expr.range = getRange(ctx);
  if (ctx->name) {
    expr.text = getPath(ctx->name).name;
    if (ctx->args) {
      expr.kind = db::Expr::Kind::Call;
      std::vector<db::AttributeArg> callArgs;
      lowerArguments(ctx->args, callArgs);
      expr.elements.reserve(callArgs.size());
      expr.elementNames.reserve(callArgs.size());
      for (db::AttributeArg &arg : callArgs) {
        expr.elements.push_back(std::move(arg.value));
        expr.elementNames.push_back(arg.name);
      }
    } else {
      expr.kind = db::Expr::Kind::Constant;
    }
  } else if (ctx->array) {
    expr.kind = db::Expr::Kind::Array;
    expr.elements.reserve(ctx->array->elements.size());
    for (P::ExpressionContext *element : ctx->array->elements)
      expr.elements.push_back(lowerExpr(element));
  } else if (ctx->number) {
    expr.kind = db::Expr::Kind::Number;
    expr.text = SourceChunk::getText(expr.range);
  } else if (ctx->str) {
    return lowerString(ctx->str);
  } else if (ctx->object) {
    expr.kind = db::Expr::Kind::Object;
    for (P::ObjectEntryContext *entry : ctx->object->entries) {
      db::Ident key = getIdent(entry->key);
      if (key.empty() || !entry->value)
        continue;
      expr.elementNames.push_back(key);
      expr.elements.push_back(lowerExpr(entry->value));
    }
  }
  return expr;
}

void Lowering::lowerArguments(P::ArgumentListContext *ctx,
                              std::vector<db::AttributeArg> &args) {
  if (!ctx)
    return;
  args.reserve(args.size() + ctx->args.size());
  for (P::ArgumentContext *argCtx : ctx->args) {
    db::AttributeArg arg;
    arg.range = getRange(argCtx);
    if (argCtx->colon) {
      arg.name = getIdent(argCtx->name);
      if (!argCtx->value) {
        // `fields:` without a value; only report it if the name parsed
        // (else a syntax error is already out).
        if (!arg.name.empty())
          error(DiagID::PrismaMissingValue, arg.range,
                "missing value for argument '" + arg.name.name + "'");
        continue;
      }
    } else if (!argCtx->value) {
      continue;
    }
    arg.value = lowerExpr(argCtx->value);
    args.push_back(std::move(arg));
  }
}

void Lowering::lowerAttribute(ParserRuleContext *ctx, P::PathContext *path,
                              P::ArgumentListContext *args, bool isBlock,
                              db::Attribute &attr) {
  attr.isBlock = isBlock;
  attr.name = getPath(path);
  attr.range = getRange(ctx);
  lowerArguments(args, attr.args);
}

//===----------------------------------------------------------------------===//
// Fields
//===----------------------------------------------------------------------===//

bool Lowering::lowerFieldType(P::FieldTypeContext *ctx, db::Field &field) {
  if (!ctx || !ctx->base)
    return false;
  P::BaseTypeContext *base = ctx->base;
  StringRef typeText = chunk.getText(base);
  if (ctx->legacyOpen) {
    field.isList = true;
    error(DiagID::PrismaInvalidType, getRange(ctx),
          "'[" + typeText +
              "]' is not valid; a list type is "
              "written '" +
              typeText + "[]'");
  } else if (!ctx->suffixes.empty()) {
    std::string spelling;
    unsigned optional = 0, list = 0, bang = 0;
    for (Token *suffix : ctx->suffixes) {
      spelling += chunk.getText(suffix).str();
      size_t kind = suffix->getType();
      if (kind == P::QUESTION)
        ++optional;
      else if (kind == P::LIST)
        ++list;
      else if (kind == P::BANG)
        ++bang;
    }
    field.isOptional = optional != 0;
    field.isList = list != 0;
    if (ctx->suffixes.size() > 1 || bang) {
      SMRange range =
          chunk.getRange(ctx->suffixes.front(), ctx->suffixes.back());
      std::string full = typeText.str() + spelling;
      if (bang && ctx->suffixes.size() == 1)
        error(DiagID::PrismaInvalidType, range,
              "'!' is not needed: fields are required unless their "
              "type is marked optional with '?'");
      else if (optional && list)
        error(DiagID::PrismaInvalidType, range,
              "'" + full +
                  "' is not a valid field type: a list "
                  "cannot be optional; write '" +
                  typeText + "[]'");
      else
        error(DiagID::PrismaInvalidType, range,
              "'" + full + "' is not a valid field type; write '" + typeText +
                  "', '" + typeText + "?' or '" + typeText + "[]'");
    }
  }

  if (base->unsupported) {
    field.type = db::TypeKind::Unsupported;
    field.typeName = {typeText, getRange(base)};
    return !base->exception;
  }
  field.typeName = getIdent(base->name);
  if (field.typeName.empty())
    return false;
  field.type = db::getScalarTypeKind(field.typeName.name);
  return true;
}

StringRef Lowering::takeDoc(ParserRuleContext *member,
                            std::optional<StringRef> &pendingDoc) {
  std::optional<StringRef> doc =
      getDocAbove(member->start->getTokenIndex(), /*allowBlankLines=*/true);
  if (!doc)
    doc = pendingDoc;
  pendingDoc.reset();
  return joinDocs(schema, doc.value_or(StringRef()), getTrailingDoc(member));
}

bool Lowering::lowerField(P::FieldDeclarationContext *ctx, db::Field &field,
                          std::optional<StringRef> &pendingDoc) {
  field.name = getIdent(ctx->name);
  if (field.name.empty()) {
    pendingDoc.reset();
    return false;
  }
  if (ctx->legacyColon)
    error(DiagID::PrismaInvalidType, chunk.getRange(ctx->legacyColon),
          "a field declaration has no ':' between its name and type");
  if (!lowerFieldType(ctx->typeRef, field)) {
    pendingDoc.reset();
    return false;
  }
  field.range = getLineRange(ctx);
  field.attributes.reserve(ctx->attributes.size());
  for (P::FieldAttributeContext *attrCtx : ctx->attributes)
    lowerAttribute(attrCtx, attrCtx->name, attrCtx->args, /*isBlock=*/false,
                   field.attributes.emplace_back());
  field.doc = takeDoc(ctx, pendingDoc);
  interpretFieldAttributes(field);
  return true;
}

db::RelationInfo Lowering::lowerRelation(const db::Attribute &attr) {
  db::RelationInfo relation;
  relation.attrRange = attr.range;
  auto collectNames = [](const db::Expr &value, std::vector<db::Ident> &names) {
    auto addOne = [&](const db::Expr &element) {
      if (element.kind == db::Expr::Kind::Constant)
        names.push_back({element.text, element.range});
      else if (element.kind == db::Expr::Kind::Call)
        names.push_back(
            {element.text,
             SMRange(element.range.Start,
                     SMLoc::getFromPointer(element.range.Start.getPointer() +
                                           element.text.size()))});
    };
    if (value.isArray())
      for (const db::Expr &element : value.elements)
        addOne(element);
    else
      addOne(value);
  };
  bool sawPositional = false;
  for (const db::AttributeArg &arg : attr.args) {
    StringRef key = arg.name.name;
    if (key.empty()) {
      if (!sawPositional && arg.value.isString())
        relation.name = {arg.value.text, arg.value.range};
      sawPositional = true;
    } else if (key == "name") {
      if (arg.value.isString())
        relation.name = {arg.value.text, arg.value.range};
    } else if (key == "fields") {
      relation.hasFieldsArg = true;
      collectNames(arg.value, relation.fields);
    } else if (key == "references") {
      relation.hasReferencesArg = true;
      collectNames(arg.value, relation.references);
    } else if (key == "onDelete") {
      if (arg.value.isConstant())
        relation.onDelete = {arg.value.text, arg.value.range};
    } else if (key == "onUpdate") {
      if (arg.value.isConstant())
        relation.onUpdate = {arg.value.text, arg.value.range};
    }
  }
  return relation;
}

void Lowering::interpretFieldAttributes(db::Field &field) {
  for (const db::Attribute &attr : field.attributes) {
    StringRef name = attr.name.name;
    if (name == "id") {
      field.isId = true;
    } else if (name == "unique") {
      field.isUnique = true;
    } else if (name == "updatedAt") {
      field.isUpdatedAt = true;
    } else if (name == "map") {
      if (const db::AttributeArg *arg = findArgOrFirst(attr, "name"))
        if (arg->value.isString())
          field.mappedName = {arg->value.text, arg->value.range};
    } else if (name == "relation") {
      // Only a field whose type may name a model carries relation info;
      // @relation on a scalar stays visible in the attribute list.
      if (field.type == db::TypeKind::Unknown && !field.relation)
        field.relation = lowerRelation(attr);
    }
  }
}

//===----------------------------------------------------------------------===//
// Model attributes: indexes and @@map
//===----------------------------------------------------------------------===//

static db::Index::Method parseIndexMethod(StringRef name) {
  return llvm::StringSwitch<db::Index::Method>(name)
      .Case("BTree", db::Index::Method::BTree)
      .Case("Hash", db::Index::Method::Hash)
      .Case("Gin", db::Index::Method::Gin)
      .Case("Gist", db::Index::Method::Gist)
      .Case("SpGist", db::Index::Method::SpGist)
      .Case("Brin", db::Index::Method::Brin)
      .Default(db::Index::Method::Default);
}

std::optional<db::Index> Lowering::lowerIndex(const db::Attribute &attr) {
  db::Index index;
  StringRef name = attr.name.name;
  if (name == "id")
    index.kind = db::Index::Kind::Primary;
  else if (name == "unique")
    index.kind = db::Index::Kind::Unique;
  else if (name == "index")
    index.kind = db::Index::Kind::Plain;
  else if (name == "fulltext")
    index.kind = db::Index::Kind::Fulltext;
  else
    return std::nullopt;
  index.range = attr.range;

  if (const db::AttributeArg *fields = findArgOrFirst(attr, "fields")) {
    auto addField = [&](const db::Expr &element) {
      db::IndexField indexField;
      if (element.kind == db::Expr::Kind::Constant) {
        indexField.name = {element.text, element.range};
      } else if (element.kind == db::Expr::Kind::Call) {
        indexField.name = {
            element.text,
            SMRange(element.range.Start,
                    SMLoc::getFromPointer(element.range.Start.getPointer() +
                                          element.text.size()))};
        for (size_t i = 0; i < element.elements.size(); ++i) {
          if (i >= element.elementNames.size())
            break;
          StringRef argName = element.elementNames[i].name;
          const db::Expr &value = element.elements[i];
          if (argName == "sort" && value.isConstant()) {
            indexField.sort = value.text;
          } else if (argName == "ops") {
            if (value.isCall() && !value.elements.empty() &&
                value.elements.front().isString())
              indexField.ops = value.elements.front().text; // raw("...")
            else
              indexField.ops = value.text;
          }
        }
      } else {
        return;
      }
      if (!indexField.name.empty())
        index.fields.push_back(indexField);
    };
    if (fields->value.isArray())
      for (const db::Expr &element : fields->value.elements)
        addField(element);
    else
      addField(fields->value);
  }
  if (const db::AttributeArg *arg = attr.getArg("name"))
    if (arg->value.isString())
      index.name = {arg->value.text, arg->value.range};
  if (const db::AttributeArg *arg = attr.getArg("map"))
    if (arg->value.isString())
      index.map = {arg->value.text, arg->value.range};
  if (const db::AttributeArg *arg = attr.getArg("type"))
    if (arg->value.isConstant())
      index.method = parseIndexMethod(arg->value.text);
  return index;
}

void Lowering::interpretModelAttributes(db::Model &model) {
  for (const db::Attribute &attr : model.blockAttributes) {
    if (attr.name.name == "map") {
      if (const db::AttributeArg *arg = findArgOrFirst(attr, "name"))
        if (arg->value.isString())
          model.mappedName = {arg->value.text, arg->value.range};
      continue;
    }
    if (std::optional<db::Index> index = lowerIndex(attr))
      model.indexes.push_back(std::move(*index));
  }
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

void Lowering::lowerModel(P::ModelDeclarationContext *ctx) {
  db::Ident name = getIdent(ctx->name);
  if (name.empty() || !ctx->keyword)
    return;
  bool isComposite = ctx->keyword->getType() == P::TYPE;

  // Build in place: a Model and its Fields are large, moves are not free.
  db::Model *model = nullptr;
  db::CompositeType *composite = nullptr;
  std::vector<db::Field> *fields;
  std::vector<db::Attribute> *blockAttributes;
  if (isComposite) {
    composite = &schema.compositeTypes.emplace_back();
    composite->name = name;
    composite->range = getRange(ctx);
    fields = &composite->fields;
    blockAttributes = &composite->blockAttributes;
  } else {
    model = &schema.models.emplace_back();
    model->name = name;
    model->isView = ctx->keyword->getType() == P::VIEW;
    model->range = getRange(ctx);
    model->doc = getDocAbove(ctx->start->getTokenIndex(),
                             /*allowBlankLines=*/false)
                     .value_or(StringRef());
    model->fileName = fileName;
    fields = &model->fields;
    blockAttributes = &model->blockAttributes;
  }

  size_t numFields = 0;
  for (P::ModelMemberContext *member : ctx->members)
    if (member->field)
      ++numFields;
  fields->reserve(numFields);
  std::optional<StringRef> pendingDoc;
  for (P::ModelMemberContext *member : ctx->members) {
    if (P::FieldDeclarationContext *fieldCtx = member->field) {
      if (!lowerField(fieldCtx, fields->emplace_back(), pendingDoc))
        fields->pop_back();
    } else if (P::BlockAttributeContext *attrCtx = member->attribute) {
      if (std::optional<StringRef> doc = getDocAbove(
              attrCtx->start->getTokenIndex(), /*allowBlankLines=*/true))
        pendingDoc = doc;
      lowerAttribute(attrCtx, attrCtx->name, attrCtx->args, /*isBlock=*/true,
                     blockAttributes->emplace_back());
    }
  }

  if (composite) {
    // Composite types have no relations.
    for (db::Field &field : *fields)
      field.relation.reset();
    return;
  }
  interpretModelAttributes(*model);
}

std::optional<db::EnumValue>
Lowering::lowerEnumValue(P::EnumValueDeclarationContext *ctx,
                         std::optional<StringRef> &pendingDoc) {
  db::EnumValue value;
  value.name = getIdent(ctx->name);
  if (value.name.empty()) {
    pendingDoc.reset();
    return std::nullopt;
  }
  value.range = getLineRange(ctx);
  value.doc = takeDoc(ctx, pendingDoc);
  for (P::FieldAttributeContext *attrCtx : ctx->attributes) {
    db::Attribute attr;
    lowerAttribute(attrCtx, attrCtx->name, attrCtx->args, /*isBlock=*/false,
                   attr);
    if (attr.name.name == "map")
      if (const db::AttributeArg *arg = findArgOrFirst(attr, "name"))
        if (arg->value.isString())
          value.mappedName = {arg->value.text, arg->value.range};
  }
  return value;
}

void Lowering::lowerEnum(P::EnumDeclarationContext *ctx) {
  db::Enum enumDecl;
  enumDecl.name = getIdent(ctx->name);
  if (enumDecl.name.empty())
    return;
  enumDecl.range = getRange(ctx);
  enumDecl.doc = getDocAbove(ctx->start->getTokenIndex(),
                             /*allowBlankLines=*/false)
                     .value_or(StringRef());
  std::optional<StringRef> pendingDoc;
  for (P::EnumMemberContext *member : ctx->members) {
    if (P::EnumValueDeclarationContext *valueCtx = member->value) {
      if (std::optional<db::EnumValue> value =
              lowerEnumValue(valueCtx, pendingDoc))
        enumDecl.values.push_back(*value);
    } else if (P::BlockAttributeContext *attrCtx = member->attribute) {
      if (std::optional<StringRef> doc = getDocAbove(
              attrCtx->start->getTokenIndex(), /*allowBlankLines=*/true))
        pendingDoc = doc;
      db::Attribute &attr = enumDecl.blockAttributes.emplace_back();
      lowerAttribute(attrCtx, attrCtx->name, attrCtx->args, /*isBlock=*/true,
                     attr);
      if (attr.name.name == "map")
        if (const db::AttributeArg *arg = findArgOrFirst(attr, "name"))
          if (arg->value.isString())
            enumDecl.mappedName = {arg->value.text, arg->value.range};
    }
  }
  schema.enums.push_back(std::move(enumDecl));
}

void Lowering::lowerConfig(P::ConfigBlockContext *ctx) {
  db::ConfigBlock block;
  block.name = getIdent(ctx->name);
  if (block.name.empty() || !ctx->keyword)
    return;
  block.range = getRange(ctx);
  for (P::ConfigMemberContext *member : ctx->members) {
    P::KeyValueContext *keyValue = member->entry;
    if (!keyValue || !keyValue->value)
      continue;
    db::ConfigProperty property;
    property.key = getIdent(keyValue->key);
    if (property.key.empty())
      continue;
    property.value = lowerExpr(keyValue->value);
    block.properties.push_back(std::move(property));
  }
  if (ctx->keyword->getType() == P::DATASOURCE)
    schema.datasources.push_back(std::move(block));
  else
    schema.generators.push_back(std::move(block));
}

void Lowering::lowerTypeAlias(P::TypeAliasContext *ctx) {
  error(DiagID::PrismaUnknownBlock, getLineRange(ctx),
        "type aliases ('type " + getIdent(ctx->name).name +
            " = ...') are not supported; a composite type is declared as "
            "'type " +
            getIdent(ctx->name).name + " { ... }'");
}

void Lowering::lowerUnknownBlock(P::UnknownBlockContext *ctx) {
  // A line that only started like a block was reported by the parser.
  if (!ctx->word || ctx->exception)
    return;
  SMRange range = chunk.getRange(ctx->word);
  StringRef word = chunk.getText(ctx->word);
  auto diag = diags.report(DiagID::PrismaUnknownBlock, range);
  diag << ("unknown block type '" + word +
           "'; expected 'model', 'view', 'enum', 'type', 'datasource' or "
           "'generator'")
              .str();
  for (StringRef keyword :
       {"model", "view", "enum", "type", "datasource", "generator"})
    if (word.size() >= 3 && word.edit_distance(keyword) <= 2) {
      diag.fix(NoteID::DidYouMean, range, keyword) << keyword;
      break;
    }
}

void Lowering::lower(P::SchemaContext *tree) {
  if (!tree)
    return;
  for (P::DeclarationContext *decl : tree->declarations) {
    if (decl->modelDecl)
      lowerModel(decl->modelDecl);
    else if (decl->enumDecl)
      lowerEnum(decl->enumDecl);
    else if (decl->configDecl)
      lowerConfig(decl->configDecl);
    else if (decl->aliasDecl)
      lowerTypeAlias(decl->aliasDecl);
    else if (decl->unknownDecl)
      lowerUnknownBlock(decl->unknownDecl);
  }
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void abv::prisma::lowerPrismaChunk(P::SchemaContext *tree,
                                   const SourceChunk &chunk,
                                   antlr4::BufferedTokenStream &tokens,
                                   StringRef fileName, db::Schema &schema,
                                   DiagnosticEngine &diags) {
  Lowering(chunk, tokens, fileName, schema, diags).lower(tree);
}

void abv::prisma::attachNativeTypes(db::Schema &schema) {
  llvm::StringSet<> prefixes;
  for (const db::ConfigBlock &datasource : schema.datasources)
    prefixes.insert(datasource.name.name);
  if (prefixes.empty())
    prefixes.insert("db");

  auto attach = [&](db::Field &field) {
    if (field.nativeType)
      return;
    for (const db::Attribute &attr : field.attributes) {
      auto [prefix, rest] = attr.name.name.split('.');
      if (rest.empty() || !prefixes.contains(prefix))
        continue;
      db::NativeType native;
      native.prefix = prefix;
      const char *nameStart =
          attr.name.range.Start.getPointer() + prefix.size() + 1;
      native.name = {
          rest, SMRange(SMLoc::getFromPointer(nameStart), attr.name.range.End)};
      for (const db::AttributeArg &arg : attr.args)
        native.args.push_back(arg.value);
      native.range = attr.range;
      field.nativeType = std::move(native);
      return;
    }
  };
  for (db::Model &model : schema.models)
    for (db::Field &field : model.fields)
      attach(field);
  for (db::CompositeType &type : schema.compositeTypes)
    for (db::Field &field : type.fields)
      attach(field);
}
