//===- Timing.cpp - Where a tool run spends its time ----------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Basic/Timing.h"

#include "llvm/ADT/Twine.h"

using namespace abv;
using namespace llvm;

static StringRef getKindName(TimingKind kind) {
  switch (kind) {
  case TimingKind::Frontend:
    return "frontend";
  case TimingKind::Analysis:
    return "analysis";
  case TimingKind::Pass:
    return "pass";
  case TimingKind::Output:
    return "output";
  }
  llvm_unreachable("unknown timing kind");
}

Timing::Timing() : group("abv", "ABV execution timing report") {}

Timing::~Timing() {
  // A region left open by an early return is closed so that no timer is
  // destroyed while running; nothing is printed unless asked for.
  while (!running.empty())
    leave();
  group.clear();
}

static std::string getLabel(TimingKind kind, StringRef name) {
  return (getKindName(kind) + ": " + name).str();
}

const Timer *Timing::lookup(TimingKind kind, StringRef name) const {
  auto it = timers.find(getLabel(kind, name));
  return it == timers.end() ? nullptr : it->second.get();
}

Timer &Timing::getTimer(TimingKind kind, StringRef name) {
  std::string label = getLabel(kind, name);
  std::unique_ptr<Timer> &slot = timers[label];
  if (!slot)
    slot = std::make_unique<Timer>(label, label, group);
  return *slot;
}

bool Timing::enter(Timer &timer) {
  if (timer.isRunning())
    return false;
  if (!running.empty())
    running.back()->stopTimer();
  timer.startTimer();
  running.push_back(&timer);
  return true;
}

void Timing::leave() {
  running.back()->stopTimer();
  running.pop_back();
  if (!running.empty())
    running.back()->startTimer();
}

void Timing::print(raw_ostream &os) {
  group.print(os, /*ResetAfterPrint=*/true);
}

TimingRegion::TimingRegion(Timing *timing, TimingKind kind, StringRef name) {
  if (timing && timing->enter(timing->getTimer(kind, name)))
    this->timing = timing;
}

TimingRegion::~TimingRegion() {
  if (timing)
    timing->leave();
}
