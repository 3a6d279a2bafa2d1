// The last events, kept in memory so that a client coming back after a short
// break gets what it missed instead of only a fresh snapshot. Runs on the
// hall's strand.
#pragma once

#include <deque>
#include <optional>
#include <vector>

#include "core/types.hpp"
#include "gavel/v1/events.pb.h"

namespace gavel::net {

class ResumeWindow {
 public:
  static constexpr std::size_t kEvents = 20000;  // events kept
  static constexpr core::Seq kMaxMissed = 2000;  // more than this: a fresh snapshot is smaller

  explicit ResumeWindow(std::size_t capacity = kEvents, core::Seq max_missed = kMaxMissed)
      : capacity_(capacity), max_missed_(max_missed) {}

  // In seq order, each once.
  void remember(v1::Event event);
  // The events after `after` up to `upto` (a welcome's snapshot seq), when
  // the window holds every one of them and they are few enough; nullopt when
  // the client should rely on the snapshot alone.
  std::optional<std::vector<const v1::Event*>> missed(core::Seq after, core::Seq upto) const;
  std::size_t size() const { return events_.size(); }

 private:
  std::size_t capacity_;
  core::Seq max_missed_;
  std::deque<v1::Event> events_;
};

}  // namespace gavel::net
