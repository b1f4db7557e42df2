# Rewrites the generated TypeScript parser's label assignments
#   dynamic_cast<FooContext *>(_localctx)->label = ...
# (and the casts in its predicate dispatch) into static_casts. The generated
# code never checks these casts for null: the context was created with that
# very type a few lines before. With the 4.9 runtime a dynamic_cast across
# the deep context hierarchy costs string comparisons of type names, about a
# fifth of the parse. The interpreter is fetched through TSParserBase's
# simulator(), not getInterpreter<>(), a dynamic_cast per prediction.
# Run as: cmake -DFILE=<TypeScriptParser.cpp> -P <this>.
file(READ ${FILE} ABV_PARSER_SOURCE)
string(REGEX REPLACE "dynamic_cast<([A-Za-z_:]+Context \\*)>\\((_localctx|context)\\)"
       "static_cast<\\1>(\\2)" ABV_PARSER_SOURCE "${ABV_PARSER_SOURCE}")
string(REPLACE "getInterpreter<atn::ParserATNSimulator>()" "simulator()"
       ABV_PARSER_SOURCE "${ABV_PARSER_SOURCE}")
file(WRITE ${FILE} "${ABV_PARSER_SOURCE}")
