// The log's account of ballots: one line a second while they arrive, not one
// per ballot. A hall of 10,000 voting in half a second wrote 10,000 lines to
// stderr (a write each, 3% of gaveld's CPU in the closed-loop benchmark, and
// a terminal scrolls slower still), none of which a person could read. Who
// voted is in the record; the line says how many ballots and at which seqs.
// Runs on the hall's strand.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/state.hpp"

namespace gavel::net {

class BallotLog {
 public:
  using Line = std::function<void(const std::string&)>;
  using PostAfter = std::function<void(core::Millis delay, std::function<void()>)>;

  BallotLog(Line line, PostAfter post_after, core::Millis every = 1000)
      : line_(std::move(line)), post_after_(std::move(post_after)), every_(every) {}
  ~BallotLog() { flush(); }
  BallotLog(const BallotLog&) = delete;
  BallotLog& operator=(const BallotLog&) = delete;

  // A ballot (cast or changed) decided at `seq`: told within `every`.
  void recorded(core::Seq seq);
  // Tells what is still untold, so the line comes before the next one logged.
  void flush();

 private:
  Line line_;
  PostAfter post_after_;
  core::Millis every_;
  std::size_t count_ = 0;
  core::Seq first_ = 0, last_ = 0;
  bool scheduled_ = false;
  std::shared_ptr<char> life_ = std::make_shared<char>();
};

}  // namespace gavel::net
