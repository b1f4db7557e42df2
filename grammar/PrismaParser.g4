//===- PrismaParser.g4 - Syntax of the Prisma schema language ------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
//
// The syntax of the Prisma schema language, with the structure of Prisma's
// own PEG grammar (prisma-engines: psl/schema-ast/src/parser/
// datamodel.pest), rewritten for ANTLR's LL(*) and kept LL(1) where the
// language allows (a few decisions look two or three tokens ahead).
//
// It is deliberately a little more permissive than Prisma in places where
// a precise message helps more than a generic one: the frontend reports
// these forms as errors after parsing (PS001):
//   - type suffixes in any order and number (`Type?[]`, `Type[]?`, `Type!`),
//     and the legacy list form `[Type]`;
//   - a legacy `:` between a field name and its type;
//   - an argument with a name but no value (`fields: `);
//   - a block with an unknown keyword (`modle User { ... }`);
//   - a type alias (`type Id = String`);
//   - unterminated and single-quoted strings.
//
// Line breaks are tokens (NEWLINE); comments are on a hidden channel.
//
// Names. A name is an IDENT or a keyword: keywords are names where a name
// is expected (`type String` is a field named `type`). The token set
//   (IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
//    | UNSUPPORTED)
// is spelled out at each use rather than made an `identifier` rule: a rule
// costs a context object per name, and names are most of a schema.
// Likewise strings and type suffixes are token labels, not rules.
//
// The frontend reads the parse through the labels below (it builds no
// parse tree children), so every part it needs is labelled.
//
//===----------------------------------------------------------------------===//

parser grammar PrismaParser;

options { tokenVocab = PrismaLexer; }

/// A whole file: top-level declarations separated by line breaks.
schema
  : (declarations+=declaration | NEWLINE)* EOF
  ;

declaration
  : modelDecl=modelDeclaration
  | enumDecl=enumDeclaration
  | configDecl=configBlock
  | aliasDecl=typeAlias
  | unknownDecl=unknownBlock
  ;

//===-- Models, views and composite types --------------------------------===//

/// `model`, `view` and composite `type` blocks share one syntax.
modelDeclaration
  : keyword=(MODEL | VIEW | TYPE)
    name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)
    LBRACE NEWLINE
    members+=modelMember*
    RBRACE
  ;

modelMember
  : field=fieldDeclaration
  | attribute=blockAttribute NEWLINE
  | NEWLINE
  ;

/// `name Type @attr(...)`, ending at the end of the line.
fieldDeclaration
  : name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)
    legacyColon=COLON? typeRef=fieldType attributes+=fieldAttribute*
    end=NEWLINE
  ;

/// `Type`, `Type?`, `Type[]` (and, to report them well, any other
/// sequence of suffixes, and the legacy `[Type]`).
fieldType
  : base=baseType suffixes+=(QUESTION | LIST | BANG)*
  | legacyOpen=LBRACKET base=baseType RBRACKET
  ;

/// A type name, or `Unsupported("database type")`.
baseType
  : unsupported=UNSUPPORTED LPAREN
    databaseType=(STRING | UNTERMINATED_STRING | SINGLE_QUOTED_STRING)
    RPAREN
  | name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)
  ;

/// `type Name = Type @attrs`: not supported by Prisma; parsed to say so.
typeAlias
  : TYPE
    name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)
    EQUALS baseType fieldAttribute*
  ;

//===-- Enums ------------------------------------------------------------===//

enumDeclaration
  : ENUM
    name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)
    LBRACE NEWLINE
    members+=enumMember*
    RBRACE
  ;

enumMember
  : value=enumValueDeclaration
  | attribute=blockAttribute NEWLINE
  | NEWLINE
  ;

enumValueDeclaration
  : name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)
    attributes+=fieldAttribute* end=NEWLINE
  ;

//===-- Datasources and generators ---------------------------------------===//

configBlock
  : keyword=(DATASOURCE | GENERATOR)
    name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)
    LBRACE NEWLINE
    members+=configMember*
    RBRACE
  ;

configMember
  : entry=keyValue
  | NEWLINE
  ;

/// `key = value`, ending at the end of the line.
keyValue
  : key=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
         | UNSUPPORTED)
    EQUALS value=expression end=NEWLINE
  ;

/// `name { ... }` or `modle Name { ... }` without a known keyword:
/// reported by the frontend.
unknownBlock
  : word=IDENT
    name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)?
    LBRACE (~RBRACE)* RBRACE
  ;

//===-- Attributes -------------------------------------------------------===//

/// `@id`, `@default(now())`, `@db.VarChar(80)`.
fieldAttribute
  : AT name=path args=argumentList?
  ;

/// `@@index([a, b(sort: Desc)], type: Gin)`.
blockAttribute
  : AT_AT name=path args=argumentList?
  ;

argumentList
  : LPAREN (args+=argument (COMMA args+=argument)*)? trailingComma=COMMA?
    RPAREN
  ;

/// A named (`sort: Desc`) or positional argument.
argument
  : name=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
          | UNSUPPORTED)
    colon=COLON value=expression?
  | value=expression
  ;

//===-- Expressions ------------------------------------------------------===//

/// A call (`now()`, `env("URL")`, `b(sort: Desc)`) when an argument list
/// follows the path, else a constant (`Cascade`, `true`, `a.b`); an array;
/// a number; a string; an object literal (`{ active: true }`, the
/// condition of a Prisma 7 partial index).
expression
  : name=path args=argumentList?
  | array=arrayExpression
  | number=NUMBER
  | str=(STRING | UNTERMINATED_STRING | SINGLE_QUOTED_STRING)
  | object=objectExpression
  ;

/// `{ key: value, ... }`, on one line.
objectExpression
  : LBRACE (entries+=objectEntry (COMMA entries+=objectEntry)*)? RBRACE
  ;

objectEntry
  : key=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
         | UNSUPPORTED)
    COLON value=expression
  ;

arrayExpression
  : LBRACKET (elements+=expression (COMMA elements+=expression)*)? RBRACKET
  | LIST
  ;

/// A dotted name: `db.VarChar`, `address.street`.
path
  : parts+=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
            | UNSUPPORTED)
    (DOT parts+=(IDENT | MODEL | VIEW | ENUM | TYPE | DATASOURCE | GENERATOR
                 | UNSUPPORTED))*
  ;
