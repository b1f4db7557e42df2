//===- PrismaLexer.g4 - Tokens of the Prisma schema language -------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
//
// The lexical structure of the Prisma schema language, after Prisma's own
// PEG grammar (prisma-engines: psl/schema-ast/src/parser/datamodel.pest).
//
// - Line breaks are tokens: Prisma is line oriented (a field, a key/value
//   pair or a block attribute ends at the end of its line, and a line break
//   inside an argument list is an error). Spaces and tabs are skipped.
// - `//`, `///` and `/* */` comments go to the COMMENTS channel, so that
//   the frontend can attach documentation to the declaration that follows
//   without the parser seeing them.
// - A character that starts no token becomes a STRAY token on the ERRORS
//   channel: the frontend reports it once (merging runs of them) and the
//   parser never sees it.
// - A string literal missing its closing quote (UNTERMINATED_STRING) or
//   written in single quotes (SINGLE_QUOTED_STRING) is a token the parser
//   accepts wherever a string may stand; the frontend reports it.
//
//===----------------------------------------------------------------------===//

lexer grammar PrismaLexer;

channels { COMMENTS, ERRORS }

// Comments. `///` wins over `//` on equal length because it comes first.
// Prisma also accepts `/* ... */` on a line of its own or at the end of a
// line (the frontend checks where); like `///`, it documents what follows.
DOC_COMMENT   : '///' ~[\r\n]* -> channel(COMMENTS);
COMMENT       : '//' ~[\r\n]* -> channel(COMMENTS);
BLOCK_COMMENT : '/*' BlockCommentBody '*'+ '/' -> channel(COMMENTS);

// Errors the frontend reports, with a precise message, once each: a block
// comment never closed, and a `#` line (not a comment in Prisma).
UNTERMINATED_BLOCK_COMMENT : '/*' BlockCommentBody '*'* -> channel(ERRORS);
HASH_LINE                  : '#' ~[\r\n]* -> channel(ERRORS);

// One or more line breaks, with any blank (whitespace-only) lines between.
NEWLINE : LineBreak ([ \t]* LineBreak)*;

// Spaces: Unicode space separators (category Zs) and tabs, as in Prisma.
WS : [ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+ -> skip;

// Keywords. Each is also accepted as an identifier by the parser, so that
// `type String` is a field named `type`.
MODEL       : 'model';
VIEW        : 'view';
ENUM        : 'enum';
TYPE        : 'type';
DATASOURCE  : 'datasource';
GENERATOR   : 'generator';
UNSUPPORTED : 'Unsupported';

// Punctuation.
AT_AT    : '@@';
AT       : '@';
LIST     : '[]'; // The list type suffix, or an empty array.
LBRACKET : '[';
RBRACKET : ']';
LPAREN   : '(';
RPAREN   : ')';
LBRACE   : '{';
RBRACE   : '}';
COMMA    : ',';
COLON    : ':';
EQUALS   : '=';
QUESTION : '?';
BANG     : '!';
DOT      : '.';

// Literals. NUMBER comes before IDENT so that `42` is a number; `42abc` is
// the longer IDENT match.
NUMBER : '-'? Digit+ ('.' Digit+)?;
// Names start with a letter or digit and go on with letters, digits, '_' and
// '-'. A letter is any Unicode letter (`Lööp`, `名前`), as in Prisma; digits
// are ASCII.
IDENT  : NameStart NameChar*;

// Strings follow JSON: no raw control characters, backslash escapes. The
// escapes are checked and decoded by the frontend. An unterminated string
// and a single-quoted one are errors the frontend reports; the parser
// takes them as strings so that one mistake is one error.
STRING               : '"' StringChar* '"';
UNTERMINATED_STRING  : '"' StringChar*;
SINGLE_QUOTED_STRING : '\'' ~['\r\n]* '\'';

// A name Prisma does not accept: with a character that is neither a letter
// nor an ASCII digit, '_' or '-' (`user😀`, a combining mark), or not
// starting with a letter or digit (`_users`). An error the frontend reports
// once; the parser then takes it as an IDENT. A lone non-ASCII symbol (`—`)
// that joins no name is a STRAY character. (A name that is all letters is
// as long an IDENT match, and IDENT comes first.)
INVALID_NAME
  : NameChar+ NonAscii (NameChar | NonAscii)*
  | [_\-] (NameChar | NonAscii)*
  ;

// Anything else: reported by the frontend, invisible to the parser.
STRAY : . -> channel(ERRORS);

fragment LineBreak  : '\r'? '\n' | '\r';
fragment Digit      : [0-9];
fragment StringChar : '\\' . | ~["\\\u0000-\u001F];
fragment BlockCommentBody : (~'*' | '*'+ ~[*/])*;
fragment NameStart  : [0-9] | [\p{L}]; // \p{L} holds a-z and A-Z.
fragment NameChar   : [0-9_\-] | [\p{L}];
// Non-ASCII, except the space separators WS skips.
fragment NonAscii
  : [\u0080-\u009F\u00A1-\u167F\u1681-\u1FFF\u200B-\u202E\u2030-\u205E]
  | [\u2060-\u2FFF\u3001-\u{10FFFF}]
  ;
