//===- OutputFile.cpp - Where an ABV tool writes its output ---------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Tool/OutputFile.h"

#include "llvm/Support/WithColor.h"

using namespace abv;
using namespace llvm;

OutputFile::~OutputFile() {
  stream.reset();
  if (temp)
    consumeError(temp->discard());
}

bool OutputFile::fail(const Twine &what) {
  WithColor::error(errs(), toolName)
      << "cannot write "
      << (path == "-" ? "the standard output" : "'" + path + "'") << ": "
      << what << '\n';
  return false;
}

bool OutputFile::open() {
  if (path == "-")
    return true;
  sys::fs::file_status status;
  bool exists = !sys::fs::status(path, status);
  if (exists && status.type() != sys::fs::file_type::regular_file) {
    std::error_code ec;
    stream = std::make_unique<raw_fd_ostream>(path, ec, sys::fs::OF_None);
    if (ec)
      return fail(ec.message());
    return true;
  }
  Expected<sys::fs::TempFile> created =
      sys::fs::TempFile::create(path + "-%%%%%%%%.tmp");
  if (!created)
    return fail(toString(created.takeError()));
  temp.emplace(std::move(*created));
  stream = std::make_unique<raw_fd_ostream>(temp->FD, /*shouldClose=*/false);
  return true;
}

bool OutputFile::commit() {
  raw_fd_ostream &out = stream ? *stream : outs();
  out.flush();
  if (std::error_code ec = out.error()) {
    out.clear_error();
    return fail(ec.message());
  }
  if (!temp)
    return true;
  stream.reset();
  Error kept = temp->keep(path);
  temp.reset();
  if (kept)
    return fail(toString(std::move(kept)));
  return true;
}

bool OutputFile::write(StringRef path, StringRef toolName,
                       function_ref<void(raw_ostream &)> write) {
  OutputFile out(path, toolName);
  if (!out.open())
    return false;
  write(out.os());
  return out.commit();
}
