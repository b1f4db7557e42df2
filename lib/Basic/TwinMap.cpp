//===- TwinMap.cpp - Where a declaration's twin artifact is ---------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/TwinMap.h"

#include <algorithm>

using namespace abv;
using namespace llvm;

void TwinMap::add(SMRange canonical, SMRange twin) {
  if (!canonical.isValid() || !twin.isValid())
    return;
  entries.push_back(
      {canonical.Start.getPointer(), canonical.End.getPointer(), twin, -1});
  built = false;
}

void TwinMap::build() const {
  if (built)
    return;
  // By start, the enclosing node first; then each entry's parent is the
  // nearest entry on the stack that still contains it.
  std::stable_sort(
      entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
      });
  std::vector<int> stack;
  for (int i = 0, e = entries.size(); i != e; ++i) {
    while (!stack.empty() && entries[stack.back()].end < entries[i].end)
      stack.pop_back();
    entries[i].parent = stack.empty() ? -1 : stack.back();
    stack.push_back(i);
  }
  built = true;
}

SMRange TwinMap::lookup(SMLoc loc) const {
  const char *ptr = loc.getPointer();
  if (!ptr || entries.empty())
    return {};
  build();
  // The last entry starting at or before ptr; then up its ancestors to the
  // first that contains ptr (nodes nest, so an entry that starts before ptr
  // and contains it encloses every entry between).
  auto it = std::upper_bound(
      entries.begin(), entries.end(), ptr,
      [](const char *p, const Entry &entry) { return p < entry.start; });
  if (it == entries.begin())
    return {};
  int index = int(it - entries.begin()) - 1;
  while (index != -1) {
    const Entry &entry = entries[index];
    if (ptr < entry.end || (ptr == entry.start && entry.start == entry.end))
      return entry.twin;
    index = entry.parent;
  }
  return {};
}
