//===- SourceManager.cpp - The source buffers of a workspace --------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/SourceManager.h"

using namespace abv;
using namespace llvm;

unsigned SourceManager::addBuffer(std::unique_ptr<MemoryBuffer> buffer) {
  const char *start = buffer->getBufferStart();
  buffers.push_back({std::move(buffer), {}});
  unsigned id = buffers.size();
  // Empty buffers may share an address with another allocation; the later
  // buffer wins the lookup, which only matters for a location at the very
  // end of an earlier buffer that ends where an empty one starts.
  byAddress[start] = id;
  return id;
}

unsigned SourceManager::findBuffer(SMLoc loc) const {
  const char *ptr = loc.getPointer();
  if (!ptr || byAddress.empty())
    return 0;
  auto it = byAddress.upper_bound(ptr);
  while (it != byAddress.begin()) {
    --it;
    const MemoryBuffer *buffer = getBuffer(it->second);
    // `<=` so that a pointer to the null at the end belongs to the buffer.
    if (ptr <= buffer->getBufferEnd())
      return it->second;
    // An empty buffer at a lower address than ptr cannot contain it, but a
    // larger one before it may still (buffers never overlap otherwise).
    if (buffer->getBufferSize() != 0)
      return 0;
  }
  return 0;
}

StringRef SourceManager::getBufferName(SMLoc loc) const {
  unsigned id = findBuffer(loc);
  return id ? getBufferName(id) : StringRef();
}

/// Whether the byte at \p p ends a line: a '\n', or a '\r' not followed by
/// a '\n' (in "\r\n" the '\n' ends the line and the '\r' is its last
/// column).
static bool endsLine(const char *p, const char *bufferEnd) {
  return *p == '\n' || (*p == '\r' && (p + 1 == bufferEnd || p[1] != '\n'));
}

/// Counts lines and columns over the bytes [from, to) of a buffer.
static void advance(const char *from, const char *to, const char *bufferStart,
                    const char *bufferEnd, uint64_t &lineStart, uint32_t &line,
                    uint32_t &codePoints, uint32_t &utf16Units) {
  for (const char *p = from; p != to; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if ((c == '\n' || c == '\r') && endsLine(p, bufferEnd)) {
      lineStart = p + 1 - bufferStart;
      ++line;
      codePoints = utf16Units = 0;
      continue;
    }
    if ((c & 0xC0) == 0x80)
      continue;
    ++codePoints;
    utf16Units += c >= 0xF0 ? 2 : 1;
  }
}

const std::vector<SourceManager::Checkpoint> &
SourceManager::getCheckpoints(unsigned id) const {
  std::vector<Checkpoint> &points = buffers[id - 1].checkpoints;
  if (!points.empty())
    return points;
  StringRef text = getBufferText(id);
  const char *start = text.data(), *end = text.end();
  points.reserve(text.size() / Stride + 1);
  uint64_t lineStart = 0;
  uint32_t line = 1, codePoints = 0, utf16Units = 0;
  for (size_t offset = 0; offset <= text.size(); offset += Stride) {
    points.push_back({lineStart, line, codePoints, utf16Units});
    size_t next = std::min(offset + Stride, text.size());
    advance(start + offset, start + next, start, end, lineStart, line,
            codePoints, utf16Units);
  }
  return points;
}

SourceManager::Position SourceManager::locate(unsigned id,
                                              const char *ptr) const {
  StringRef text = getBufferText(id);
  const char *start = text.data();
  size_t offset = ptr - start;
  const Checkpoint &point = getCheckpoints(id)[offset / Stride];
  uint64_t lineStart = point.lineStart;
  uint32_t line = point.line, codePoints = point.codePoints,
           utf16Units = point.utf16Units;
  advance(start + offset / Stride * Stride, ptr, start, text.end(), lineStart,
          line, codePoints, utf16Units);
  return {start + lineStart, line, codePoints, utf16Units};
}

LineColumn SourceManager::getLineColumn(SMLoc loc, ColumnUnit unit) const {
  unsigned id = findBuffer(loc);
  if (!id)
    return {};
  Position pos = locate(id, loc.getPointer());
  return {pos.line,
          (unit == ColumnUnit::UTF16 ? pos.utf16Units : pos.codePoints) + 1};
}

const char *SourceManager::getLineStart(SMLoc loc) const {
  unsigned id = findBuffer(loc);
  if (!id)
    return loc.getPointer();
  return locate(id, loc.getPointer()).lineStart;
}

SMLoc SourceManager::getLocation(unsigned id, unsigned line, unsigned column,
                                 ColumnUnit unit) const {
  StringRef text = getBufferText(id);
  const std::vector<Checkpoint> &points = getCheckpoints(id);
  // Start from the last checkpoint whose line is before \p line.
  auto it = std::partition_point(
      points.begin(), points.end(),
      [&](const Checkpoint &point) { return point.line < line; });
  size_t index = it == points.begin() ? 0 : it - points.begin() - 1;
  uint64_t lineStart = points[index].lineStart;
  uint32_t current = points[index].line;
  const char *p = text.data() + index * Stride;
  if (current == line)
    p = text.data() + lineStart;
  for (; current < line && p != text.end(); ++p)
    if ((*p == '\n' || *p == '\r') && endsLine(p, text.end()))
      ++current;
  const char *end = p;
  while (end != text.end() &&
         !((*end == '\n' || *end == '\r') && endsLine(end, text.end())))
    ++end;
  StringRef lineText(p, end - p);
  size_t at = advanceColumns(lineText, column ? column - 1 : 0, unit);
  return SMLoc::getFromPointer(p + at);
}
