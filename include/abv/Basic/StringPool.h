//===- StringPool.h - Unique strings owned by an IR ------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A StringPool keeps one copy of each distinct string an IR needs to own
/// (decoded names, lower-cased methods, derived relation names) for as long
/// as the pool lives. It does what llvm::UniqueStringSaver does, but every
/// line of it is in this header: LLVM's saver is compiled into the prebuilt
/// LLVMSupport library, without sanitizers, and when it carves strings out
/// of a BumpPtrAllocator slab that ABV's instrumented code started (and so
/// poisoned), AddressSanitizer reports a use-after-poison that is not
/// there. Compiled with its users, the pool is instrumented like them.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_STRINGPOOL_H
#define ABV_BASIC_STRINGPOOL_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Allocator.h"

#include <cstring>

namespace abv {

class StringPool {
public:
  /// The pool's copy of \p text (null-terminated), made on first use.
  llvm::StringRef save(llvm::StringRef text) {
    auto it = strings.find(text);
    if (it != strings.end())
      return *it;
    char *copy = allocator.Allocate<char>(text.size() + 1);
    if (!text.empty())
      std::memcpy(copy, text.data(), text.size());
    copy[text.size()] = '\0';
    llvm::StringRef saved(copy, text.size());
    strings.insert(saved);
    return saved;
  }
  llvm::StringRef save(const llvm::Twine &text) {
    llvm::SmallString<128> storage;
    return save(text.toStringRef(storage));
  }

private:
  llvm::BumpPtrAllocator allocator;
  llvm::DenseSet<llvm::StringRef> strings;
};

} // namespace abv

#endif // ABV_BASIC_STRINGPOOL_H
