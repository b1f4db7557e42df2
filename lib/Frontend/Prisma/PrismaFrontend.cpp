//===- PrismaFrontend.cpp - Prisma schema language frontend ---------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Drives the ANTLR parser over the `.prisma` files of one schema and lowers
/// the result into a db::Schema.
///
/// Per buffer: skip a UTF-8 byte-order mark; pre-scan the bytes to guard
/// nesting depth (IN007, before any recursive descent) and to cut the text
/// into chunks of whole top-level declarations (bounded memory on huge
/// schemas). Per chunk: decode, lex (PrismaTokenizer), collect lexical
/// errors, parse with SLL prediction and a bail-out strategy and, only when
/// that fails, again with full LL prediction and the reporting, recovering
/// strategy; then report the chunk's syntax errors and lower it. On large
/// inputs a worker thread parses the next chunks while the lowering runs.
/// The ANTLR work of a chunk happens inside one try/catch: nothing escapes.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/Prisma/PrismaFrontend.h"

#include "PrismaLowering.h"
#include "PrismaSourceChunk.h"
#include "PrismaSyntaxErrors.h"
#include "PrismaTokenizer.h"

#include "abv/Basic/DiagnosticEngine.h"

#include "PrismaLexer.h"
#include "PrismaParser.h"

#include "abv/Basic/SourceManager.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace abv;
using namespace abv::prisma;
using antlr4::Token;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

/// The size a chunk grows to before it is cut at the next top-level `}`.
static constexpr size_t ChunkTargetBytes = size_t(256) << 10;

/// "U+00E9" for the first code point of \p text.
static std::string describeCodePoint(StringRef text) {
  std::u32string codePoints = SourceChunk(text).takeCodePoints();
  unsigned cp = codePoints.empty() ? 0 : unsigned(codePoints.front());
  std::string name;
  llvm::raw_string_ostream os(name);
  os << "U+" << llvm::format_hex_no_prefix(cp, 4, /*Upper=*/true);
  return name;
}

/// Whether the one character \p text is a letter that names may contain,
/// as the lexer's IDENT rule decides (Unicode letters). Asked only on the
/// error path, so lexing it alone costs nothing worth caching.
static bool isNameLetter(StringRef text) {
  CodePointStream input(SourceChunk(text).takeCodePoints(), "");
  PrismaLexer lexer(&input);
  lexer.removeErrorListeners();
  std::unique_ptr<Token> token = lexer.nextToken();
  return token && token->getType() == PrismaLexer::IDENT &&
         token->getStopIndex() + 1 == input.size();
}

/// The message for a run of stray characters.
static std::string describeStray(StringRef text) {
  bool printable = llvm::all_of(text, [](char c) {
    return static_cast<unsigned char>(c) >= 0x21 &&
           static_cast<unsigned char>(c) < 0x7F;
  });
  std::string message;
  if (printable)
    message = (text.size() == 1 ? "unexpected character '"
                                : "unexpected characters '") +
              text.str() + "'";
  else
    message = "unexpected character " + describeCodePoint(text);
  if (text.starts_with("'"))
    message += "; strings are written in double quotes";
  return message;
}

/// Whether the block comment at \p index stands where Prisma accepts one:
/// at the start of a line (after other block comments at most) or at its
/// end.
static bool isBlockCommentPlaced(antlr4::BufferedTokenStream &tokens,
                                 size_t index) {
  if (index + 1 >= tokens.size())
    return true;
  size_t next = tokens.get(index + 1)->getType();
  if (next == PrismaLexer::NEWLINE || next == Token::EOF)
    return true;
  size_t i = index;
  while (i > 0 && tokens.get(i - 1)->getType() == PrismaLexer::BLOCK_COMMENT)
    --i;
  return i == 0 || tokens.get(i - 1)->getType() == PrismaLexer::NEWLINE;
}

/// Records what the lexer found wrong: runs of stray characters (on the
/// ERRORS channel, invisible to the parser), `#` lines, unclosed or
/// misplaced block comments, and unterminated or single-quoted strings
/// (which the parser takes as strings).
static void findLexicalErrors(antlr4::BufferedTokenStream &tokens,
                              const SourceChunk &chunk,
                              std::vector<SyntaxError> &errors) {
  auto report = [&](SMRange range, std::string message, DiagID kind) {
    SyntaxError &error = errors.emplace_back();
    error.range = range;
    error.message = std::move(message);
    error.kind = kind;
  };
  size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    Token *token = tokens.get(i);
    switch (token->getType()) {
    case PrismaLexer::UNTERMINATED_STRING:
      report(chunk.getRange(token),
             "unterminated string; expected a closing '\"' before the end of "
             "the line",
             DiagID::PrismaUnterminatedString);
      continue;
    case PrismaLexer::SINGLE_QUOTED_STRING:
      report(chunk.getRange(token),
             "strings are written in double quotes, not single quotes",
             DiagID::PrismaInvalidString);
      continue;
    case PrismaLexer::HASH_LINE: {
      SMRange range = chunk.getRange(token);
      range.End = SMLoc::getFromPointer(range.Start.getPointer() + 1);
      report(range, "'#' does not start a comment; comments start with '//'",
             DiagID::PrismaInvalidComment);
      continue;
    }
    case PrismaLexer::UNTERMINATED_BLOCK_COMMENT: {
      SMRange range = chunk.getRange(token);
      range.End = SMLoc::getFromPointer(range.Start.getPointer() + 2);
      report(range, "unterminated '/*' comment; expected '*/'",
             DiagID::PrismaInvalidComment);
      continue;
    }
    case PrismaLexer::BLOCK_COMMENT:
      if (!isBlockCommentPlaced(tokens, i))
        report(chunk.getRange(token),
               "a '/* ... */' comment must stand on its own line or end the "
               "line",
               DiagID::PrismaInvalidComment);
      continue;
    case PrismaLexer::INVALID_NAME: {
      SMRange range = chunk.getRange(token);
      StringRef text = SourceChunk::getText(range);
      size_t at = 0;
      while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80)
        ++at;
      if (at == text.size()) {
        // `_users`, `-x`: ASCII, but not starting with a letter or digit.
        report(range,
               "'" + text.str() +
                   "' is not a valid name; names start with a letter or digit",
               DiagID::PrismaInvalidCharacter);
      } else {
        // Point at the first character that is not a letter (the name is
        // an IDENT up to there).
        StringRef bad;
        for (size_t end; at < text.size(); at = end) {
          end = at + 1;
          while (end < text.size() &&
                 (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            ++end;
          if (static_cast<unsigned char>(text[at]) >= 0x80 &&
              !isNameLetter(text.slice(at, end))) {
            bad = text.slice(at, end);
            break;
          }
        }
        if (bad.empty()) // Not reached: the lexer found one.
          bad = text.take_front(1);
        report(SMRange(SMLoc::getFromPointer(bad.begin()),
                       SMLoc::getFromPointer(bad.end())),
               "unexpected character " + describeCodePoint(bad) +
                   " in a name; names use letters, digits, '_' and '-' only",
               DiagID::PrismaInvalidCharacter);
      }
      // The parser takes it as the name it was meant to be.
      if (auto *common = dynamic_cast<antlr4::CommonToken *>(token))
        common->setType(PrismaLexer::IDENT);
      continue;
    }
    case PrismaLexer::STRAY:
      break;
    default:
      continue;
    }
    // Merge adjacent stray characters into one report.
    size_t last = i;
    while (last + 1 < n &&
           tokens.get(last + 1)->getType() == PrismaLexer::STRAY &&
           tokens.get(last + 1)->getStartIndex() ==
               tokens.get(last)->getStopIndex() + 1)
      ++last;
    SMRange range = chunk.getRange(token, tokens.get(last));
    report(range, describeStray(SourceChunk::getText(range)),
           DiagID::PrismaInvalidCharacter);
    i = last;
  }
}

namespace {

/// Everything the parse of one chunk produced. The lowering reads the rule
/// contexts and tokens, so the parser and what it parsed live as long as
/// this (members are destroyed bottom-up: the parser first).
struct ParsedChunk {
  ParsedChunk(StringRef text, StringRef fileName)
      : chunk(text), fileName(fileName) {}

  SourceChunk chunk;
  StringRef fileName;
  std::vector<SyntaxError> errors;
  std::unique_ptr<CodePointStream> input;
  std::unique_ptr<PrismaTokenizer> lexer;
  std::unique_ptr<antlr4::CommonTokenStream> tokens;
  std::unique_ptr<SyntaxErrorListener> listener;
  std::unique_ptr<PrismaParser> parser;
  PrismaParser::SchemaContext *tree = nullptr;
};

/// A byte range of a buffer to parse as one chunk.
struct ChunkJob {
  StringRef text;
  StringRef fileName;
};

} // namespace

/// Lexes and parses one chunk. Records errors instead of throwing: this is
/// the ANTLR boundary.
static void parseChunk(ParsedChunk &parsed) {
  SourceChunk &chunk = parsed.chunk;
  try {
    parsed.input = std::make_unique<CodePointStream>(chunk.takeCodePoints(),
                                                     parsed.fileName);
    parsed.listener =
        std::make_unique<SyntaxErrorListener>(parsed.errors, chunk);
    parsed.lexer = std::make_unique<PrismaTokenizer>(parsed.input.get());
    parsed.lexer->removeErrorListeners();
    parsed.lexer->addErrorListener(parsed.listener.get());
    parsed.tokens =
        std::make_unique<antlr4::CommonTokenStream>(parsed.lexer.get());
    parsed.tokens->fill();
    findLexicalErrors(*parsed.tokens, chunk, parsed.errors);

    parsed.parser = std::make_unique<PrismaParser>(parsed.tokens.get());
    PrismaParser &parser = *parsed.parser;
    parser.removeErrorListeners();
    // The lowering reads rule contexts through their labels only: no
    // children lists and terminal nodes to allocate and free.
    parser.setBuildParseTree(false);
    auto *interpreter =
        parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    // Stage one: fast SLL prediction, giving up at the first error.
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      parsed.tree = parser.schema();
    } catch (antlr4::ParseCancellationException &) {
      // Stage two: full LL prediction, reporting and recovering.
      parsed.tree = nullptr;
      parser.reset();
      interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
      parser.setErrorHandler(
          std::make_shared<SyntaxErrorStrategy>(chunk, *parsed.listener));
      parser.addErrorListener(parsed.listener.get());
      parsed.tree = parser.schema();
    }
  } catch (std::exception &e) {
    parsed.tree = nullptr;
    parsed.errors.push_back({SMRange(chunk.getLoc(0), chunk.getLoc(0)),
                             std::string("internal parser error: ") + e.what(),
                             DiagID::PrismaSyntax, std::nullopt});
  } catch (...) {
    parsed.tree = nullptr;
    parsed.errors.push_back({SMRange(chunk.getLoc(0), chunk.getLoc(0)),
                             "internal parser error", DiagID::PrismaSyntax,
                             std::nullopt});
  }
}

/// Reports a parsed chunk's syntax errors and lowers it.
static void lowerChunk(ParsedChunk &parsed, db::Schema &schema,
                       DiagnosticEngine &diags) {
  for (SyntaxError &error : parsed.errors) {
    auto diag = diags.report(error.kind, error.range);
    diag << error.message;
    if (error.note) {
      InFlightNote note = diag.note(error.note->range, error.note->id);
      for (const std::string &arg : error.note->args)
        note << arg;
    }
  }
  if (!parsed.tree)
    return;
  try {
    lowerPrismaChunk(parsed.tree, parsed.chunk, *parsed.tokens, parsed.fileName,
                     schema, diags);
  } catch (...) {
    // Only reachable through the ANTLR objects the lowering reads.
    diags.report(DiagID::PrismaSyntax, parsed.chunk.getLoc(0))
        << "internal error while reading the parse";
  }
}

/// Parses and lowers \p jobs in order. With more than one chunk, a worker
/// thread lexes and parses ahead while this thread lowers (roughly 60% and
/// 40% of the work). One parser runs at a time, so ANTLR's shared caches are
/// never used concurrently; the output does not depend on the timing.
static void parseAndLower(llvm::ArrayRef<ChunkJob> jobs, db::Schema &schema,
                          DiagnosticEngine &diags) {
  auto sequential = [&](size_t from) {
    for (size_t i = from; i < jobs.size(); ++i) {
      ParsedChunk parsed(jobs[i].text, jobs[i].fileName);
      parseChunk(parsed);
      lowerChunk(parsed, schema, diags);
    }
  };
  if (jobs.size() < 2)
    return sequential(0);

  // The worker also destroys the chunks the lowering is done with, so that
  // ANTLR's many small objects are freed by the thread that allocated them
  // (freeing them here costs more than the parse).
  constexpr size_t maxReady = 2;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::unique_ptr<ParsedChunk>> ready, done;
  bool finished = false; // Set by this thread when it needs no more chunks.
  auto destroyDone = [&] {
    std::deque<std::unique_ptr<ParsedChunk>> lowered;
    {
      std::lock_guard<std::mutex> lock(mutex);
      lowered.swap(done);
    }
    lowered.clear(); // Outside the lock.
  };
  auto worker = [&] {
    for (const ChunkJob &job : jobs) {
      destroyDone();
      std::unique_ptr<ParsedChunk> parsed;
      try {
        parsed = std::make_unique<ParsedChunk>(job.text, job.fileName);
        parseChunk(*parsed);
      } catch (...) {
        parsed.reset(); // Out of memory: the consumer parses it itself.
      }
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return ready.size() < maxReady || finished; });
      if (finished)
        break;
      ready.push_back(std::move(parsed));
      changed.notify_all();
    }
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return finished; });
    }
    destroyDone();
  };
  std::thread thread;
  try {
    thread = std::thread(worker);
  } catch (...) {
    return sequential(0); // No thread to be had: parse here.
  }
  // However this thread leaves, release the worker and wait for it.
  auto join = llvm::make_scope_exit([&] {
    {
      std::lock_guard<std::mutex> lock(mutex);
      finished = true;
    }
    changed.notify_all();
    thread.join();
  });

  for (const auto &job : jobs) {
    std::unique_ptr<ParsedChunk> parsed;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return !ready.empty(); });
      parsed = std::move(ready.front());
      ready.pop_front();
    }
    changed.notify_all();
    if (!parsed) {
      parsed = std::make_unique<ParsedChunk>(job.text, job.fileName);
      parseChunk(*parsed);
    }
    lowerChunk(*parsed, schema, diags);
    std::lock_guard<std::mutex> lock(mutex);
    done.push_back(std::move(parsed));
  }
}

std::unique_ptr<db::Schema>
abv::parsePrismaSchema(SourceManager &sourceMgr,
                       llvm::ArrayRef<unsigned> bufferIDs,
                       DiagnosticEngine &diags) {
  auto schema = std::make_unique<db::Schema>(db::SchemaOrigin::PrismaText);

  // Pre-scan every file first: depth guard, chunks, and how many blocks to
  // reserve room for (a Model is large; growing the vector copies them).
  std::vector<BufferSplit> splits;
  splits.reserve(bufferIDs.size());
  size_t numBlocks = 0;
  for (unsigned bufferID : bufferIDs) {
    StringRef text = sourceMgr.getBuffer(bufferID)->getBuffer();
    size_t begin = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    splits.push_back(splitPrismaBuffer(text, begin, ChunkTargetBytes));
    numBlocks += splits.back().numBlocks;
  }
  schema->models.reserve(numBlocks);

  std::vector<ChunkJob> jobs;
  for (size_t b = 0, e = bufferIDs.size(); b != e; ++b) {
    unsigned bufferID = bufferIDs[b];
    const BufferSplit &split = splits[b];
    schema->bufferIDs.push_back(bufferID);
    const llvm::MemoryBuffer *buffer = sourceMgr.getBuffer(bufferID);
    StringRef text = buffer->getBuffer();
    StringRef fileName = buffer->getBufferIdentifier();
    if (split.tooDeepAt) {
      SMLoc loc = SMLoc::getFromPointer(text.data() + *split.tooDeepAt);
      diags.report(DiagID::InputTooDeep, SMRange(loc, loc)) << MaxNestingDepth;
      continue;
    }
    for (size_t i = 0, n = split.chunkStarts.size(); i != n; ++i) {
      size_t start = split.chunkStarts[i];
      size_t end = i + 1 < n ? split.chunkStarts[i + 1] : text.size();
      jobs.push_back({text.slice(start, end), fileName});
    }
  }
  parseAndLower(jobs, *schema, diags);

  attachNativeTypes(*schema);
  schema->finalize();
  // @relation on a field whose type turned out not to be a model (an enum,
  // a composite type, an unknown name) stays in its attribute list only:
  // relation info means "model-typed".
  for (db::Model &model : schema->models)
    for (db::Field &field : model.fields)
      if (field.relation && !field.isRelation())
        field.relation.reset();
  return schema;
}
