//===- TypeScriptParser.g4 - Syntax of TypeScript --------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
//
// The syntax of TypeScript as generated backends write it (NestJS
// providers, controllers, DTO namespaces, E2E tests), after TypeScript's own
// parser (src/compiler/parser.ts) and the ECMAScript grammar, rewritten for
// ANTLR and shaped for SLL prediction:
//
// - The tokens come from a hand-written tokenizer (lib/Frontend/TypeScript/
//   TSTokenizer.cpp; the kinds are include/abv/Frontend/TypeScript/
//   TSTokenKinds.def, in the order of the `tokens` block below). It makes
//   the context-sensitive decisions TypeScript's parser makes by trial
//   parses: regular expression or division, `(` of arrow parameters
//   (ArrowParen), a name that is an arrow's only parameter
//   (ArrowParameter), `<` of call type arguments (LessTypeArgs) or of a
//   generic arrow (LessGeneric); `async` that is not a modifier and
//   `readonly` before `<` are plain identifiers. So the first token decides
//   every primary expression and every primary type.
// - `>` is never joined: `>=` is GreaterJoined Assign, `>>` is
//   GreaterJoined Greater, and so on (GreaterJoined is a `>` directly
//   followed by `>` or `=`), so `Array<Array<T>>` closes two lists.
// - Expressions and types are left-recursive rules (ANTLR turns them into
//   precedence climbing: one rule invocation per operand, not one per
//   precedence level); alternatives come in precedence order, highest
//   first.
// - Brackets are balanced by the tokenizer (virtual closers), so an error
//   never runs past the bracket it is in.
// - Automatic semicolon insertion is done by the tokenizer: every
//   statement ends in a `;`, written or virtual (an empty one where
//   ECMAScript's rules insert one). An empty "end of statement" alternative
//   would let SLL prediction, which ignores predicates past the decision
//   point, take any line break for the end of a statement, and look ahead
//   through whole statements. Postfix `++`, `--` and `!` check that no line
//   break comes before them.
// - Where TypeScript's grammar is strict about things that are easier to
//   check afterwards (where `...` may appear, separators between type
//   members), this grammar accepts more and the frontend reports the error
//   with a precise message.
//
// Names: `identifier` is a name that may be bound (Identifier and the
// contextual keywords but `async`, `await`, `yield`); property names accept
// every word, reserved or not. After `.` the tokenizer always produces an
// Identifier. Hot paths spell token sets inline rather than call a rule: a
// rule costs a context object per use.
//
// The frontend reads the parse through the labels below (it builds no parse
// tree children), so every part it needs is labelled.
//
//===----------------------------------------------------------------------===//

parser grammar TypeScriptParser;

options {
  superClass = TSParserBase;
  contextSuperClass = TSRuleContext;
}

@parser::postinclude {
#include "TSParserBase.h"
}

tokens {
  Identifier, ArrowParameter, PrivateName, NumericLiteral, BigIntLiteral,
  StringLiteral, RegexLiteral, NoSubstitutionTemplate, TemplateHead,
  TemplateMiddle, TemplateTail,
  OpenBrace, BlockBrace, CloseBrace, OpenParen, ArrowParen, CloseParen, OpenBracket,
  CloseBracket, Dot, Ellipsis, Semicolon, Comma, Question, QuestionDot, Colon,
  Arrow, At, Less, LessTypeArgs, LessGeneric, LessEqual, Greater,
  GreaterJoined, EqualEqual, NotEqual, EqualEqualEqual, NotEqualEqual, Plus,
  Minus, Star, StarStar, Slash, Percent, PlusPlus, MinusMinus, LessLess, Amp,
  Pipe, Caret, Bang, Tilde, AmpAmp, PipePipe, QuestionQuestion, Assign,
  PlusAssign, MinusAssign, StarAssign, StarStarAssign, SlashAssign,
  PercentAssign, LessLessAssign, AmpAssign, PipeAssign, CaretAssign,
  AmpAmpAssign, PipePipeAssign, QuestionQuestionAssign,
  Break, Case, Catch, Class, DeclClass, Const, Continue, Debugger, Default,
  Delete, Do, Else, Enum, Export, Extends, False, Finally, For, Function,
  DeclFunction, If, Import, In,
  Instanceof, New, Null, Return, Super, Switch, This, Throw, True, Try,
  Typeof, Var, Void, While, With,
  Abstract, Accessor, As, Asserts, Async, Await, Declare, From, Get, Global,
  Implements, Infer, Interface, Is, Keyof, Let, Module, Namespace, Of,
  Override, Package, Private, Protected, Public, Readonly, Satisfies, Set,
  Static, Type, Unique, Yield
}

//===-- Files and statements ---------------------------------------------===//

/// A whole file (or a chunk of whole top-level statements of one).
sourceFile
  : statements+=statement* EOF
  ;

statement
  : blockStmt=block
  | emptyStmt=Semicolon
  | importDecl=importDeclaration
  | exportStmt=exportStatement
  | declStmt=declarationStatement
  | ifStmt=ifStatement
  | forStmt=forStatement
  | whileStmt=whileStatement
  | doStmt=doStatement
  | tryStmt=tryStatement
  | switchStmt=switchStatement
  | returnStmt=returnStatement
  | throwStmt=throwStatement
  | breakStmt=breakOrContinue
  | labeledStmt=labeledStatement
  | debuggerStmt=Debugger Semicolon
  | withStmt=withStatement
  | exprStmt=expressionStatement
  ;

block
  : (OpenBrace | BlockBrace) body+=statement* CloseBrace
  ;

expressionStatement
  : expr=expressionSequence Semicolon
  ;

ifStatement
  : If OpenParen cond=expressionSequence CloseParen thenStmt=statement
    (Else elseStmt=statement)?
  ;

forStatement
  : For OpenParen
    (initVars=variableDeclarationList | initExpr=expressionSequence)?
    Semicolon cond=expressionSequence? Semicolon step=expressionSequence?
    CloseParen body=statement
  | For awaitKw=Await? OpenParen
    (kind=(Var | Let | Const) binding=bindingName | target=expression)
    op=(In | Of) source=expression CloseParen body=statement
  ;

whileStatement
  : While OpenParen cond=expressionSequence CloseParen body=statement
  ;

doStatement
  : Do body=statement While OpenParen cond=expressionSequence CloseParen Semicolon
  ;

tryStatement
  : Try body=block
    (Catch (OpenParen param=bindingName (Colon paramType=type)? CloseParen)?
     handler=block)?
    (Finally finalizer=block)?
  ;

switchStatement
  : Switch OpenParen disc=expressionSequence CloseParen
    (OpenBrace | BlockBrace) clauses+=caseClause* CloseBrace
  ;

caseClause
  : (Case test=expressionSequence | dflt=Default) Colon body+=statement*
  ;

/// The tokenizer puts a virtual `;` after a `return` followed by a line
/// break, `}` or the end of the file (a restricted production), so the
/// first token after `return` decides.
returnStatement
  : Return (Semicolon | value=expressionSequence Semicolon)
  ;

throwStatement
  : Throw value=expressionSequence Semicolon
  ;

/// As for `return`, a line break after `break` or `continue` is a `;`.
breakOrContinue
  : kw=(Break | Continue) (Semicolon | label=identifier Semicolon)
  ;

labeledStatement
  : label=identifier Colon body=statement
  ;

withStatement
  : With OpenParen object=expressionSequence CloseParen body=statement
  ;

//===-- Declarations ------------------------------------------------------===//

/// A declaration with its decorators and `export` / `declare` modifiers.
declarationStatement
  : decorators+=decorator*
    (exportKw=Export dflt=Default?)? declareKw=Declare? decl=declaration
  ;

declaration
  : func=functionDeclaration
  | cls=classDeclaration
  | iface=interfaceDeclaration
  | alias=typeAliasDeclaration
  | enm=enumDeclaration
  | ns=namespaceDeclaration
  | vars=variableStatement
  | importEq=importEqualsDeclaration
  ;

variableStatement
  : list=variableDeclarationList Semicolon
  ;

variableDeclarationList
  : kind=(Var | Let | Const) decls+=variableDeclaration
    (Comma decls+=variableDeclaration)*
  ;

variableDeclaration
  : name=bindingName definite=Bang? (Colon ty=type)? (Assign init=expression)?
  ;

functionDeclaration
  : asyncKw=Async? DeclFunction star=Star? name=identifier?
    typeParams=typeParameters? params=parameterList
    (Colon returnType=returnTypeAnnotation)? (body=block | Semicolon)
  ;

classDeclaration
  : abstractKw=Abstract? DeclClass name=identifier? typeParams=typeParameters?
    (Extends base=heritageType)?
    (Implements impls+=heritageType (Comma impls+=heritageType)*)?
    body=classBody
  ;

classBody
  : (OpenBrace | BlockBrace) members+=classMember* CloseBrace
  ;

classMember
  : Semicolon
  | Static staticBlock=block
  | decorators+=decorator* mods+=classModifier* element=classElement
  ;

classModifier
  : Public | Private | Protected | Static | Readonly | Abstract | Override
  | Declare | Accessor
  ;

classElement
  : accessor=(Get | Set) name=propertyName typeParams=typeParameters?
    params=parameterList (Colon returnType=returnTypeAnnotation)?
    (body=block | Semicolon)
  | asyncKw=Async? star=Star? name=propertyName optional=Question?
    typeParams=typeParameters? params=parameterList
    (Colon returnType=returnTypeAnnotation)? (body=block | Semicolon)
  | name=propertyName (optional=Question | definite=Bang)? (Colon ty=type)?
    (Assign init=expression)? Semicolon
  | index=indexSignature Semicolon
  ;

/// `[key: string]: T`
indexSignature
  : readonlyKw=Readonly? OpenBracket key=identifier Colon keyType=type
    CloseBracket Colon ty=type
  ;

interfaceDeclaration
  : Interface name=identifier typeParams=typeParameters?
    (Extends bases+=heritageType (Comma bases+=heritageType)*)?
    body=objectType
  ;

typeAliasDeclaration
  : Type name=identifier typeParams=typeParameters? Assign ty=type Semicolon
  ;

enumDeclaration
  : constKw=Const? Enum name=identifier
    (OpenBrace | BlockBrace)
    (members+=enumMember (Comma members+=enumMember)* Comma?)?
    CloseBrace
  ;

enumMember
  : name=propertyName (Assign init=expression)?
  ;

namespaceDeclaration
  : kw=(Namespace | Module) head=identifier (Dot names+=Identifier)*
    body=namespaceBody
  | Module moduleName=StringLiteral (body=namespaceBody | Semicolon)
  | globalKw=Global body=namespaceBody
  ;

namespaceBody
  : (OpenBrace | BlockBrace) statements+=statement* CloseBrace
  ;

/// `import x = require("m");`, `import A = B.C;`
importEqualsDeclaration
  : Import typeOnly=Type? name=identifier Assign
    (requireKw=identifier OpenParen module=StringLiteral CloseParen
     | ref=entityName) Semicolon
  ;

/// `extends Base<T>`, `implements I`: a possibly dotted name with type
/// arguments.
heritageType
  : name=entityName typeArgs=typeArguments?
  ;

decorator
  : At ( head=identifier (Dot names+=Identifier)* args=arguments?
       | OpenParen expr=expressionSequence CloseParen
       )
  ;

//===-- Imports and exports -----------------------------------------------===//

importDeclaration
  : Import typeOnly=Type? clause=importClause From module=StringLiteral
    attributes=importAttributes? Semicolon
  | Import module=StringLiteral attributes=importAttributes? Semicolon
  ;

importClause
  : defaultName=identifier (Comma (nsImport=namespaceImport | named=namedImports))?
  | nsImport=namespaceImport
  | named=namedImports
  ;

namespaceImport
  : Star As name=identifier
  ;

namedImports
  : OpenBrace (specs+=importSpecifier (Comma specs+=importSpecifier)* Comma?)?
    CloseBrace
  ;

importSpecifier
  : typeOnly=Type? imported=moduleExportName (As local=identifier)?
  ;

/// `with { type: "json" }` (or the older `assert { ... }`).
importAttributes
  : (With | Identifier) attrs=objectLiteral
  ;

/// An import or export name: any word, or a string.
moduleExportName
  : word=(Identifier | Break | Case | Catch | Class | Const | Continue
          | Debugger | Default | Delete | Do | Else | Enum | Export | Extends
          | False | Finally | For | Function | If | Import | In | Instanceof
          | New | Null | Return | Super | Switch | This | Throw | True | Try
          | Typeof | Var | Void | While | With | Abstract | Accessor | As
          | Asserts | Async | Await | Declare | From | Get | Global
          | Implements | Infer | Interface | Is | Keyof | Let | Module
          | Namespace | Of | Override | Package | Private | Protected
          | Public | Readonly | Satisfies | Set | Static | Type | Unique
          | Yield)
  | str=StringLiteral
  ;

exportStatement
  : Export typeOnly=Type?
    OpenBrace (specs+=exportSpecifier (Comma specs+=exportSpecifier)* Comma?)?
    CloseBrace (From module=StringLiteral)? Semicolon
  | Export typeOnly=Type? star=Star (As nsName=moduleExportName)?
    From module=StringLiteral Semicolon
  | Export dflt=Default value=expression Semicolon
  | Export assign=Assign value=expression Semicolon
  | Export As Namespace nsName=moduleExportName Semicolon
  ;

exportSpecifier
  : typeOnly=Type? local=moduleExportName (As exported=moduleExportName)?
  ;

//===-- Parameters and bindings -------------------------------------------===//

parameterList
  : (OpenParen | ArrowParen)
    (params+=parameter (Comma params+=parameter)* Comma?)? CloseParen
  ;

/// The parameters of an arrow function or a function type: the tokenizer
/// made their `(` an ArrowParen.
arrowParameters
  : ArrowParen (params+=parameter (Comma params+=parameter)* Comma?)? CloseParen
  ;

/// The type parameters of a generic arrow function (`<T>(x: T) => x`).
genericParameters
  : LessGeneric params+=typeParameter (Comma params+=typeParameter)* Comma?
    (Greater | GreaterJoined)
  ;

parameter
  : decorators+=decorator*
    mods+=(Public | Private | Protected | Readonly | Override)*
    rest=Ellipsis? name=bindingName optional=Question? (Colon ty=type)?
    (Assign init=expression)?
  ;

bindingName
  : id=identifier
  | thisKw=This
  | obj=objectBindingPattern
  | arr=arrayBindingPattern
  ;

objectBindingPattern
  : OpenBrace
    (elements+=bindingProperty (Comma elements+=bindingProperty)* Comma?)?
    CloseBrace
  ;

bindingProperty
  : rest=Ellipsis name=identifier
  | key=propertyName Colon value=bindingName (Assign init=expression)?
  | name=identifier (Assign init=expression)?
  ;

/// Holes are the commas between elements (the frontend counts them).
arrayBindingPattern
  : OpenBracket Comma*
    (elements+=arrayBindingElement (Comma+ elements+=arrayBindingElement)*)?
    Comma* CloseBracket
  ;

arrayBindingElement
  : rest=Ellipsis? name=bindingName (Assign init=expression)?
  ;

//===-- Expressions -------------------------------------------------------===//

/// Comma-separated expressions (the comma operator).
expressionSequence
  : exprs+=expression (Comma exprs+=expression)*
  ;

expression
  : operand=expression {noNewlineBefore()}? op=(PlusPlus | MinusMinus)
                                                               # PostfixExpr
  | op=(PlusPlus | MinusMinus | Plus | Minus | Tilde | Bang | Typeof | Void
        | Delete) operand=expression                           # PrefixExpr
  | Await operand=expression                                   # AwaitExpr
  | Less ty=type (Greater | GreaterJoined) operand=expression   # TypeAssertionExpr
  | <assoc=right> left=expression op=StarStar right=expression  # BinaryExpr
  | left=expression op=(Star | Slash | Percent) right=expression # BinaryExpr
  | left=expression op=(Plus | Minus) right=expression          # BinaryExpr
  | left=expression op=LessLess right=expression                # BinaryExpr
  | left=expression op=GreaterJoined Greater right=expression   # BinaryExpr
  | left=expression op=GreaterJoined GreaterJoined Greater
    right=expression                                           # BinaryExpr
  | left=expression op=(Less | LessEqual | Greater | Instanceof | In)
    right=expression                                           # BinaryExpr
  | left=expression op=GreaterJoined Assign right=expression    # BinaryExpr
  | operand=expression op=(As | Satisfies) (ty=type | constKw=Const)
                                                               # AsExpr
  | left=expression op=(EqualEqual | NotEqual | EqualEqualEqual | NotEqualEqual)
    right=expression                                           # BinaryExpr
  | left=expression op=Amp right=expression                     # BinaryExpr
  | left=expression op=Caret right=expression                   # BinaryExpr
  | left=expression op=Pipe right=expression                    # BinaryExpr
  | left=expression op=AmpAmp right=expression                 # BinaryExpr
  | left=expression op=PipePipe right=expression                # BinaryExpr
  | left=expression op=QuestionQuestion right=expression        # BinaryExpr
  | <assoc=right> cond=expression Question thenExpr=expression Colon
    elseExpr=expression                                        # ConditionalExpr
  | <assoc=right> left=expression
    op=(Assign | PlusAssign | MinusAssign | StarAssign | StarStarAssign
        | SlashAssign | PercentAssign | LessLessAssign | AmpAssign
        | PipeAssign | CaretAssign | AmpAmpAssign | PipePipeAssign
        | QuestionQuestionAssign)
    right=expression                                           # BinaryExpr
  | <assoc=right> left=expression op=GreaterJoined GreaterJoined
    GreaterJoined? Assign right=expression                     # BinaryExpr
  | Yield star=Star? operand=expression                         # YieldExpr
  | Ellipsis operand=expression                                 # SpreadExpr
  | func=functionLike                                          # ArrowExpr
  | lhs=leftHandSide                                           # LeftHandSideExpr
  ;

/// Member access, calls, element access and the primary expressions: the
/// operands of the operators above. A rule of its own (as in the
/// ECMAScript grammar), so that no `.`, `(`, `[` or template can follow an
/// operator expression: SLL prediction, which does not see precedence,
/// would otherwise read `x as A.B` as possibly `(x as A).B` and look far
/// ahead at every dotted type name.
leftHandSide
  : object=leftHandSide Dot (name=Identifier | priv=PrivateName) # MemberExpr
  | object=leftHandSide QuestionDot (name=Identifier | priv=PrivateName)
                                                               # MemberExpr
  | object=leftHandSide optional=QuestionDot? OpenBracket
    index=expressionSequence CloseBracket                      # ElementExpr
  | callee=leftHandSide optional=QuestionDot?
    typeArgs=callTypeArguments? args=arguments                  # CallExpr
  | tag=leftHandSide typeArgs=callTypeArguments? quasi=templateLiteral
                                                               # TaggedTemplateExpr
  | operand=leftHandSide {noNewlineBefore()}? Bang              # NonNullExpr
  // Primary expressions: the first token decides.
  | name=(Identifier | Accessor | As | Asserts | From | Get | Implements
          | Infer | Is | Keyof | Of | Override | Package | Private
          | Protected | Public | Readonly | Satisfies | Set | Static
          | Unique)                                            # IdentifierExpr
  | literal=(Null | True | False | NumericLiteral | BigIntLiteral
             | StringLiteral | RegexLiteral | This | Super)    # LiteralExpr
  | quasi=templateLiteral                                      # TemplateExpr
  | array=arrayLiteral                                         # ArrayExpr
  | object=objectLiteral                                       # ObjectExpr
  | OpenParen inner=expressionSequence CloseParen               # ParenExpr
  | func=functionExpression                                    # FunctionExpr
  | cls=classExpression                                        # ClassExpr
  | New (Dot meta=Identifier
         | callee=newTarget typeArgs=callTypeArguments? args=arguments?)
                                                               # NewExpr
  | Import (Dot meta=Identifier | args=arguments)               # ImportExpr
  ;

/// What `new` constructs: a name, possibly dotted or indexed, or a
/// parenthesized expression (`new Foo.Bar<T>(x)`).
newTarget
  : (name=identifier | thisKw=This | OpenParen inner=expressionSequence CloseParen)
    (Dot names+=Identifier | OpenBracket index+=expressionSequence CloseBracket)*
  ;

arguments
  : OpenParen (args+=expression (Comma args+=expression)* Comma?)? CloseParen
  ;

/// Type arguments of a call, `new` or a tagged template.
callTypeArguments
  : LessTypeArgs types+=type (Comma types+=type)* (Greater | GreaterJoined)
  ;

/// Arrow functions, and `async function` expressions: operands of
/// operators, but (unlike `function` expressions) never of a member access
/// or call without parentheses.
functionLike
  : asyncKw=Async? genericParams=genericParameters?
    arrowParams=arrowParameters (Colon returnType=returnTypeAnnotation)?
    Arrow arrowBody=conciseBody
  | asyncKw=Async? param=ArrowParameter Arrow arrowBody=conciseBody
  | asyncKw=Async Function star=Star? name=identifier?
    typeParams=typeParameters? params=parameterList
    (Colon returnType=returnTypeAnnotation)? body=block
  ;

functionExpression
  : Function star=Star? name=identifier? typeParams=typeParameters?
    params=parameterList (Colon returnType=returnTypeAnnotation)? body=block
  ;

/// An arrow function's body: a block, or an expression (`=> ({ ... })`).
conciseBody
  : blockBody=block
  | expr=expression
  ;

classExpression
  : Class name=identifier? typeParams=typeParameters?
    (Extends base=heritageType)?
    (Implements impls+=heritageType (Comma impls+=heritageType)*)?
    body=classBody
  ;

templateLiteral
  : noSubst=NoSubstitutionTemplate
  | head=TemplateHead exprs+=expressionSequence
    (middles+=TemplateMiddle exprs+=expressionSequence)* tail=TemplateTail
  ;

/// Holes are the commas between elements (the frontend counts them).
arrayLiteral
  : OpenBracket Comma*
    (elements+=expression (Comma+ elements+=expression)*)? Comma* CloseBracket
  ;

objectLiteral
  : OpenBrace (members+=objectMember (Comma members+=objectMember)* Comma?)?
    CloseBrace
  ;

objectMember
  : key=propertyName Colon value=expression                    # PropertyAssignment
  | name=identifier (Assign init=expression)?                  # ShorthandProperty
  | Ellipsis expr=expression                                   # SpreadProperty
  | accessor=(Get | Set) key=propertyName typeParams=typeParameters?
    params=parameterList (Colon returnType=returnTypeAnnotation)? body=block
                                                               # MethodProperty
  | asyncKw=Async? star=Star? key=propertyName optional=Question?
    typeParams=typeParameters? params=parameterList
    (Colon returnType=returnTypeAnnotation)? body=block        # MethodProperty
  ;

/// A property name in an object literal, a class, an interface or an enum:
/// any word, a string, a number, `[expression]` or `#name`.
propertyName
  : word=(Identifier | Break | Case | Catch | Class | DeclClass | Const
          | Continue | Debugger | Default | Delete | Do | Else | Enum | Export
          | Extends | False | Finally | For | Function | DeclFunction | If
          | Import | In | Instanceof
          | New | Null | Return | Super | Switch | This | Throw | True | Try
          | Typeof | Var | Void | While | With | Abstract | Accessor | As
          | Asserts | Async | Await | Declare | From | Get | Global
          | Implements | Infer | Interface | Is | Keyof | Let | Module
          | Namespace | Of | Override | Package | Private | Protected
          | Public | Readonly | Satisfies | Set | Static | Type | Unique
          | Yield)
  | str=StringLiteral
  | num=(NumericLiteral | BigIntLiteral)
  | OpenBracket computed=expression CloseBracket
  | priv=PrivateName
  ;

/// A name that may be bound: not a reserved word, not `async`, `await` or
/// `yield`, and not a word that starts a declaration (`let`, `type`,
/// `interface`, `namespace`, `module`, `declare`, `abstract`, `global`):
/// the tokenizer makes those identifiers wherever the next token does not
/// make them keywords.
identifier
  : word=(Identifier | Accessor | As | Asserts | From | Get | Implements
          | Infer | Is | Keyof | Of | Override | Package | Private
          | Protected | Public | Readonly | Satisfies | Set | Static
          | Unique)
  ;

//===-- Types -------------------------------------------------------------===//

type
  : element=type {noNewlineBefore()}? OpenBracket CloseBracket  # ArrayType
  | object=type {noNewlineBefore()}? OpenBracket index=type CloseBracket
                                                               # IndexedAccessType
  | op=(Keyof | Unique | Readonly) operand=type                 # TypeOperator
  | Infer name=identifier (Extends constraint=type)?           # InferType
  | left=type op=Amp right=type                                # IntersectionType
  | op=Amp operand=type                                        # LeadingOperatorType
  | left=type op=Pipe right=type                               # UnionType
  | op=Pipe operand=type                                       # LeadingOperatorType
  | <assoc=right> check=type Extends extendsType=type Question
    trueType=type Colon falseType=type                         # ConditionalType
  | typeParams=typeParameters? params=arrowParameters Arrow
    returnType=returnTypeAnnotation                            # FunctionType
  | abstractKw=Abstract? New typeParams=typeParameters?
    params=arrowParameters Arrow returnType=returnTypeAnnotation # ConstructorType
  // Primary types: the first token decides.
  // Type arguments start on the name's line (a `<` on the next line starts
  // a generic call signature in a type literal).
  | name=typeReferenceName ({noNewlineBefore()}? typeArgs=typeArguments)?
                                                               # TypeReference
  | OpenParen inner=type CloseParen                            # ParenType
  | Typeof (query=entityName | importType=importTypeQuery)
    typeArgs=typeArguments?                                    # TypeQuery
  | members=objectType                                         # ObjectTypeLiteral
  | OpenBracket (elements+=tupleElement (Comma elements+=tupleElement)* Comma?)?
    CloseBracket                                               # TupleType
  | literal=(StringLiteral | NumericLiteral | BigIntLiteral | True | False
             | Null | NoSubstitutionTemplate)                  # LiteralType
  | minus=Minus literal=(NumericLiteral | BigIntLiteral)        # LiteralType
  | head=TemplateHead types+=type (middles+=TemplateMiddle types+=type)*
    tail=TemplateTail                                          # TemplateLiteralType
  | keyword=(Void | This)                                      # KeywordType
  | importType=importTypeQuery typeArgs=typeArguments?          # ImportType
  ;

/// A possibly dotted name: `string`, `tags.Format`, `Prisma.todosWhereInput`.
entityName
  : head=identifier (Dot names+=Identifier)*
  ;

/// The name of a type reference: an entityName whose first word is not a
/// type operator (`keyof`, `unique`, `readonly`, `infer`), so that the first
/// token decides every primary type (`Readonly<T>` is an Identifier).
typeReferenceName
  : head=(Identifier | Accessor | As | Asserts | From | Get | Implements
          | Is | Of | Override | Package | Private | Protected | Public
          | Satisfies | Set | Static)
    (Dot names+=Identifier)*
  ;

/// `import("module").Name`
importTypeQuery
  : Import OpenParen module=StringLiteral CloseParen (Dot names+=Identifier)*
  ;

/// A return type, a type predicate (`x is T`) or an assertion signature
/// (`asserts x is T`, `asserts x`).
returnTypeAnnotation
  : assertsKw=Asserts (param=identifier | thisKw=This) (Is ty=type)?
  | (param=identifier | thisKw=This) Is ty=type
  | ty=type
  ;

/// `{ a: string; b?: number; m(): void; [key: string]: T }` or a mapped
/// type `{ [K in keyof T]?: T[K] }`.
objectType
  : (OpenBrace | BlockBrace)
    ( mapped=mappedType (Semicolon | Comma)?
    | (members+=typeMember separators+=(Semicolon | Comma)?)*
    )
    CloseBrace
  ;

// Members may follow each other without a separator (a line break
// separates them; the frontend reports a missing one on the same line), so
// `b(): void` could also read as a property `b` and a call signature, and
// `readonly [k: K]: T` as a property `readonly` and an index signature, and
// `new (x: X): T` as a method named `new`: construct signatures, methods
// and index signatures come first, and ANTLR resolves an ambiguity to the
// first.
typeMember
  : newKw=New typeParams=typeParameters? params=parameterList
    (Colon returnType=returnTypeAnnotation)?                   # CallSignature
  | name=propertyName optional=Question? typeParams=typeParameters?
    params=parameterList (Colon returnType=returnTypeAnnotation)?
                                                               # MethodSignature
  | accessor=(Get | Set) name=propertyName params=parameterList
    (Colon returnType=returnTypeAnnotation)?                   # MethodSignature
  | index=indexSignature                                       # IndexSignatureMember
  | readonlyKw=Readonly? name=propertyName optional=Question?
    (Colon ty=type)?                                           # PropertySignature
  | typeParams=typeParameters? params=parameterList
    (Colon returnType=returnTypeAnnotation)?                   # CallSignature
  ;

mappedType
  : (readonlyMod=(Plus | Minus)? readonlyKw=Readonly)?
    OpenBracket param=identifier In constraint=type (As nameType=type)?
    CloseBracket (optionalMod=(Plus | Minus)? optional=Question)?
    (Colon ty=type)?
  ;

tupleElement
  : rest=Ellipsis? (name=identifier optional=Question? Colon)? ty=type
    trailingOptional=Question?
  ;

typeArguments
  : (Less | LessTypeArgs | LessGeneric) types+=type (Comma types+=type)* Comma?
    (Greater | GreaterJoined)
  ;

typeParameters
  : (Less | LessTypeArgs | LessGeneric)
    params+=typeParameter (Comma params+=typeParameter)* Comma?
    (Greater | GreaterJoined)
  ;

typeParameter
  : mods+=(Const | In)* name=identifier
    (Extends constraint=type)? (Assign dflt=type)?
  ;
