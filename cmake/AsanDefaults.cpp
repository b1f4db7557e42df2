//===- AsanDefaults.cpp - AddressSanitizer defaults for ABV binaries ------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Linked into every executable of a sanitizer build. Debian's LLVMSupport
/// is not instrumented: its BumpPtrAllocator unpoisons memory that our
/// instrumented copy of the allocator's inline code poisoned, which ASan
/// reports as a use-after-poison that is not one. Turning off user
/// poisoning keeps every real check.
///
//===----------------------------------------------------------------------===//

extern "C" const char *__asan_default_options() {
  return "allow_user_poisoning=0";
}
