//===- TSFrontend.cpp - TypeScript frontend -------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Drives the tokenizer, the generated parser and the builder over `.ts`
/// buffers (see TSFrontend.h).
///
/// Per buffer: tokenize; cut the tokens into chunks of whole top-level
/// statements (a statement ends at a `;`, written or automatic, outside any
/// bracket); a statement that nests too deeply (TSP009, found by the
/// tokenizer) is skipped. Per chunk: parse with SLL prediction and a
/// bail-out strategy and, only when that fails, again with full LL
/// prediction and the reporting, recovering strategy; build the chunk's
/// statements; free the chunk's parse (its rule contexts live in an arena).
/// A chunk whose rule invocations nest too deeply is parsed again statement
/// by statement, and the statement that is too deep is skipped (TSP009).
/// The ANTLR work of a chunk happens inside one try/catch: nothing escapes.
///
//===----------------------------------------------------------------------===//

#include "abv/Frontend/TypeScript/TSFrontend.h"
#include "abv/Frontend/TypeScript/TSTokenizer.h"

#include "TSBuilder.h"
#include "TSParserBase.h"
#include "TSSyntaxErrors.h"

#include "abv/Basic/DiagnosticEngine.h"
#include "abv/Basic/SourceManager.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/thread.h"

#include <atomic>

using namespace abv;
using namespace abv::ts;
using llvm::ArrayRef;
using llvm::SMLoc;
using llvm::SMRange;
using llvm::StringRef;

// The tokenizer's kinds are the parser's token types.
#define TS_TOKEN(Name, Spelling)                                               \
  static_assert(                                                               \
      size_t(tok::Name) == size_t(TypeScriptParser::Name),                     \
      "TSTokenKinds.def and TypeScriptParser.g4 disagree on " #Name);
#include "abv/Frontend/TypeScript/TSTokenKinds.def"

namespace {

/// Token indexes [begin, end) of whole top-level statements.
struct Chunk {
  size_t begin = 0;
  size_t end = 0;
  /// The statements' starts (for parsing them one by one).
  std::vector<size_t> statementStarts;
  /// Too deep to parse (reported by the tokenizer).
  bool skip = false;
};

/// One buffer's tree and findings, until they are reported.
struct ParsedFile {
  std::unique_ptr<SourceFile> file;
  std::vector<SyntaxProblem> problems;
};

bool opens(tok::TokenKind kind) {
  return kind == tok::OpenBrace || kind == tok::BlockBrace ||
         kind == tok::OpenParen || kind == tok::ArrowParen ||
         kind == tok::OpenBracket || kind == tok::TemplateHead;
}

bool closes(tok::TokenKind kind) {
  return kind == tok::CloseBrace || kind == tok::CloseParen ||
         kind == tok::CloseBracket || kind == tok::TemplateTail;
}

/// More syntax problems than this in one file are not reported, and the
/// chunks after the one that passed it are not parsed.
constexpr size_t MaxProblemsPerFile = 100;

/// Cuts the tokens into chunks of about \p target tokens.
std::vector<Chunk> splitIntoChunks(const TokenizedText &tokenized,
                                   size_t target) {
  const std::vector<Token> &tokens = tokenized.tokens;
  size_t count = tokens.size() - 1; // Without the EndOfFile token.
  std::vector<Chunk> chunks;
  size_t nextDeep = 0;
  Chunk current;
  auto flush = [&](size_t end) {
    if (end > current.begin) {
      current.end = end;
      chunks.push_back(std::move(current));
    }
    current = Chunk();
    current.begin = end;
  };
  int depth = 0;
  // Top-level `do` statements whose `while` is still to come.
  unsigned pendingDo = 0;
  size_t statementStart = 0;
  for (size_t i = 0; i < count; ++i) {
    tok::TokenKind kind = tokens[i].kind;
    if (opens(kind))
      ++depth;
    else if (closes(kind))
      --depth;
    else if (depth <= 0 && kind == tok::Do)
      ++pendingDo;
    else if (depth <= 0 && kind == tok::While && pendingDo)
      --pendingDo;
    // `if (a) b; else c;` and `do a; while (b);` are one statement each.
    bool ends = depth <= 0 && !pendingDo &&
                (kind == tok::Semicolon || tokens[i + 1].hasSemicolonBefore() ||
                 i + 1 == count) &&
                tokens[i + 1].kind != tok::Else;
    if (!ends)
      continue;
    // The statement [statementStart, i + 1).
    bool deep = false;
    while (nextDeep < tokenized.tooDeep.size() &&
           tokenized.tooDeep[nextDeep] <= i) {
      deep = deep || tokenized.tooDeep[nextDeep] >= statementStart;
      ++nextDeep;
    }
    if (deep) {
      flush(statementStart);
      current.statementStarts.push_back(statementStart);
      current.skip = true;
      flush(i + 1);
    } else {
      current.statementStarts.push_back(statementStart);
      if (i + 1 - current.begin >= target)
        flush(i + 1);
    }
    statementStart = i + 1;
  }
  flush(count);
  return chunks;
}

class FileParser {
public:
  FileParser(StringRef text, ParsedFile &parsed, const TSParseOptions &options)
      : text(text), parsed(parsed), options(options) {}

  void run();

private:
  /// Parses tokens [begin, end) and appends their statements; false when
  /// rule invocations nest too deeply (nothing appended then).
  bool parseRange(size_t begin, size_t end, uint32_t &tooDeepAt);
  void parseChunk(const Chunk &chunk);
  SMLoc loc(uint32_t offset) const {
    return SMLoc::getFromPointer(text.data() + offset);
  }
  void reportTooDeep(SMLoc at, StringRef what, unsigned limit) {
    SyntaxProblem &problem = parsed.problems.emplace_back();
    problem.id = DiagID::TSNestingTooDeep;
    problem.range = SMRange(at, at);
    problem.args.push_back(what.str());
    problem.args.push_back(std::to_string(limit));
  }

  StringRef text;
  ParsedFile &parsed;
  const TSParseOptions &options;
  TokenizedText tokenized;
  std::vector<Stmt *> statements;
};

} // namespace

bool FileParser::parseRange(size_t begin, size_t end, uint32_t &tooDeepAt) {
  const std::vector<Token> &tokens = tokenized.tokens;
  SourceFile &file = *parsed.file;
  // The parser and its contexts go before the arena they live in.
  ContextArena arena;
  ParserTokenStream stream(ArrayRef<Token>(tokens).slice(begin, end - begin),
                           text.data(), tokens[end].begin,
                           tokens[end].hasSemicolonBefore());
  std::vector<SyntaxProblem> problems;
  SyntaxErrorListener listener(text, problems);
  TypeScriptParser parser(&stream);
  parser.removeErrorListeners();
  parser.setBuildParseTree(false);
  auto *interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  TypeScriptParser::SourceFileContext *tree = nullptr;
  size_t firstNew = statements.size();
  try {
    // Stage one: fast SLL prediction, giving up at the first error.
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      tree = parser.sourceFile();
    } catch (antlr4::ParseCancellationException &) {
      // Stage two: full LL prediction, reporting and recovering.
      tree = nullptr;
      stream.seek(0);
      parser.reset();
      interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
      parser.setErrorHandler(
          std::make_shared<SyntaxErrorStrategy>(text, stream));
      parser.addErrorListener(&listener);
      tree = parser.sourceFile();
    }
    buildStatements(tree, text, stream, file, statements, problems);
  } catch (NestingTooDeep &e) {
    statements.resize(firstNew);
    tooDeepAt = e.at ? e.at->begin : tokens[begin].begin;
    return false;
  } catch (std::exception &e) {
    statements.resize(firstNew);
    SyntaxProblem &problem = problems.emplace_back();
    problem.id = DiagID::TSUnexpectedToken;
    problem.range = SMRange(loc(tokens[begin].begin), loc(tokens[begin].begin));
    problem.args.push_back(std::string("internal parser error: ") + e.what());
  }
  llvm::append_range(parsed.problems, problems);
  return true;
}

void FileParser::parseChunk(const Chunk &chunk) {
  if (chunk.skip)
    return; // Reported by the tokenizer.
  uint32_t tooDeepAt = 0;
  if (parseRange(chunk.begin, chunk.end, tooDeepAt))
    return;
  // Too deep somewhere: parse the statements one by one, skipping those
  // that are too deep.
  for (size_t i = 0, n = chunk.statementStarts.size(); i < n; ++i) {
    size_t begin = chunk.statementStarts[i];
    size_t end = i + 1 < n ? chunk.statementStarts[i + 1] : chunk.end;
    if (!parseRange(begin, end, tooDeepAt))
      reportTooDeep(loc(tooDeepAt), "expressions and statements",
                    TSParserBase::MaxRuleDepth);
  }
}

void FileParser::run() {
  tokenized = tokenize(text);
  parsed.problems = tokenized.problems;
  size_t numLexical = parsed.problems.size();

  std::vector<CommentRange> comments;
  comments.reserve(tokenized.comments.size());
  for (const Comment &comment : tokenized.comments)
    comments.push_back({SMRange(loc(comment.begin), loc(comment.end)),
                        static_cast<CommentRange::Kind>(comment.kind)});
  parsed.file->setComments(std::move(comments));

  for (const Chunk &chunk :
       splitIntoChunks(tokenized, std::max<size_t>(options.chunkTokens, 1))) {
    // A file this broken is not worth reading further.
    if (parsed.problems.size() > MaxProblemsPerFile)
      break;
    parseChunk(chunk);
  }
  parsed.file->setStatements(parsed.file->copy(ArrayRef<Stmt *>(statements)));

  // A parse error where the tokenizer already reported one (after an
  // unterminated string, at an invalid character) only repeats it. The
  // tokenizer's problems are in source order: the spans they cover, with
  // the furthest end so far, are searched by binary search.
  if (numLexical) {
    std::vector<std::pair<const char *, const char *>> spans;
    for (size_t i = 0; i < numLexical; ++i) {
      const SyntaxProblem &lexical = parsed.problems[i];
      if (lexical.id == DiagID::TSMarkdownFence)
        continue;
      const char *begin = lexical.range.Start.getPointer();
      const char *end = lexical.range.End.getPointer();
      // What is left of a line with an invalid character (the words of a
      // string in typographic quotes) does not parse either.
      if (lexical.id == DiagID::TSInvalidCharacter)
        end = text.data() +
              std::min(text.size(),
                       text.find_first_of("\n\r", end - text.data()));
      spans.emplace_back(begin, end);
    }
    llvm::sort(spans);
    for (size_t i = 1; i < spans.size(); ++i)
      spans[i].second = std::max(spans[i].second, spans[i - 1].second);
    std::vector<SyntaxProblem> kept(
        std::make_move_iterator(parsed.problems.begin()),
        std::make_move_iterator(parsed.problems.begin() + numLexical));
    for (size_t i = numLexical; i < parsed.problems.size(); ++i) {
      const char *at = parsed.problems[i].range.Start.getPointer();
      auto after =
          llvm::upper_bound(spans, at, [](const char *at, const auto &span) {
            return at < span.first;
          });
      bool repeats = after != spans.begin() && at <= std::prev(after)->second;
      if (!repeats)
        kept.push_back(std::move(parsed.problems[i]));
    }
    parsed.problems = std::move(kept);
  }
  // One error per place: a check after parsing repeats a parse error at the
  // same token.
  {
    llvm::DenseSet<const char *> seen;
    std::vector<SyntaxProblem> unique;
    for (SyntaxProblem &problem : parsed.problems)
      if (seen.insert(problem.range.Start.getPointer()).second)
        unique.push_back(std::move(problem));
    parsed.problems = std::move(unique);
  }
  // At most MaxProblemsPerFile, the first ones in the file.
  if (parsed.problems.size() > MaxProblemsPerFile) {
    llvm::stable_sort(
        parsed.problems, [](const SyntaxProblem &a, const SyntaxProblem &b) {
          return a.range.Start.getPointer() < b.range.Start.getPointer();
        });
    SMRange next = parsed.problems[MaxProblemsPerFile].range;
    parsed.problems.resize(MaxProblemsPerFile);
    SyntaxProblem &last = parsed.problems.back();
    if (!last.note) {
      last.note = NoteID::TSTooManyErrors;
      last.noteRange = next;
      last.noteArgs.push_back(std::to_string(MaxProblemsPerFile));
    }
  }
  unsigned errors = 0;
  for (const SyntaxProblem &problem : parsed.problems)
    if (getDiagInfo(problem.id).defaultSeverity == Severity::Error)
      ++errors;
  parsed.file->setNumSyntaxErrors(errors);
}

static ParsedFile parseBuffer(const SourceManager &sourceMgr, unsigned bufferID,
                              const TSParseOptions &options) {
  const llvm::MemoryBuffer *buffer = sourceMgr.getBuffer(bufferID);
  StringRef text = buffer->getBuffer();
  ParsedFile parsed;
  parsed.file =
      std::make_unique<SourceFile>(bufferID, buffer->getBufferIdentifier(),
                                   SMRange(SMLoc::getFromPointer(text.begin()),
                                           SMLoc::getFromPointer(text.end())));
  FileParser(text, parsed, options).run();
  return parsed;
}

static void report(ParsedFile &parsed, DiagnosticEngine &diags) {
  for (SyntaxProblem &problem : parsed.problems) {
    auto diag = diags.report(problem.id, problem.range);
    for (const std::string &arg : problem.args)
      diag << arg;
    if (problem.note) {
      auto note = diag.note(problem.noteRange, *problem.note);
      for (const std::string &arg : problem.noteArgs)
        note << arg;
    }
  }
}

std::unique_ptr<SourceFile>
abv::parseTypeScript(SourceManager &sourceMgr, unsigned bufferID,
                     DiagnosticEngine &diags, const TSParseOptions &options) {
  ParsedFile parsed = parseBuffer(sourceMgr, bufferID, options);
  report(parsed, diags);
  return std::move(parsed.file);
}

/// Stack for the parser threads: the rule depth limit is sized for 8 MiB.
static constexpr unsigned WorkerStackSize = 16u << 20;

std::vector<std::unique_ptr<SourceFile>>
abv::parseTypeScriptFiles(SourceManager &sourceMgr,
                          ArrayRef<unsigned> bufferIDs, DiagnosticEngine &diags,
                          const TSParseOptions &options) {
  std::vector<ParsedFile> parsed(bufferIDs.size());
  unsigned threads = options.threads
                         ? options.threads
                         : llvm::hardware_concurrency().compute_thread_count();
  threads = std::min<size_t>(threads, bufferIDs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < bufferIDs.size(); i = next++)
      parsed[i] = parseBuffer(sourceMgr, bufferIDs[i], options);
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<llvm::thread> workers;
    workers.reserve(threads);
    for (unsigned t = 0; t < threads; ++t)
      workers.emplace_back(std::optional<unsigned>(WorkerStackSize), work);
    for (llvm::thread &worker : workers)
      worker.join();
  }
  std::vector<std::unique_ptr<SourceFile>> files;
  files.reserve(parsed.size());
  for (ParsedFile &file : parsed) {
    report(file, diags);
    files.push_back(std::move(file.file));
  }
  return files;
}
