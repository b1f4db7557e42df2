//===- Timing.h - Where a tool run spends its time --------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The timers behind `--time-passes`: one row per frontend phase, analysis,
/// pass and output step, printed as LLVM prints its pass timings (user,
/// system, user+system and wall seconds, largest first).
///
/// Times are exclusive: a region entered while another runs pauses the outer
/// one, so an analysis computed on behalf of a pass is charged to the
/// analysis and the rows add up to the total. Regions are entered on the
/// thread that owns the Timing; work a region hands to worker threads is
/// still inside it (user and system times count every thread of the
/// process, so they can exceed the wall time).
///
//===----------------------------------------------------------------------===//

#ifndef ABV_BASIC_TIMING_H
#define ABV_BASIC_TIMING_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Timer.h"

#include <memory>
#include <vector>

namespace abv {

/// What a timed region belongs to; the row's label starts with its name.
enum class TimingKind { Frontend, Analysis, Pass, Output };

/// The timers of one tool run.
class Timing {
public:
  Timing();
  ~Timing();
  Timing(const Timing &) = delete;
  Timing &operator=(const Timing &) = delete;

  /// Prints every timer that ran, largest wall time first, and resets them.
  void print(llvm::raw_ostream &os);
  /// The timer of \p kind named \p name, or null when no region of it was
  /// entered.
  const llvm::Timer *lookup(TimingKind kind, llvm::StringRef name) const;

private:
  friend class TimingRegion;
  /// The timer of \p kind named \p name, made on first use.
  llvm::Timer &getTimer(TimingKind kind, llvm::StringRef name);
  /// Pauses the running region and starts \p timer; false (and nothing
  /// done) when \p timer is already running: a region nested in itself is
  /// timed once, by the outer one.
  bool enter(llvm::Timer &timer);
  /// Stops the innermost region and resumes the one it paused.
  void leave();

  llvm::TimerGroup group;
  llvm::StringMap<std::unique_ptr<llvm::Timer>> timers;
  std::vector<llvm::Timer *> running;
};

/// Times a region of a Timing for as long as it lives; does nothing when
/// the Timing is null (timing not asked for).
class TimingRegion {
public:
  TimingRegion(Timing *timing, TimingKind kind, llvm::StringRef name);
  ~TimingRegion();
  TimingRegion(const TimingRegion &) = delete;
  TimingRegion &operator=(const TimingRegion &) = delete;

private:
  Timing *timing = nullptr;
};

} // namespace abv

#endif // ABV_BASIC_TIMING_H
