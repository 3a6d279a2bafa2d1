// A real net::Hall on the caller's own thread, for unit tests and fuzzing
// through the Peer seam: the hall's strand is a queue that settle() runs
// until nothing is left, its log writer a real one on an in-memory SQLite
// database, its clock a number the caller moves. Clients are RecordingPeers
// that keep every message the hall sent them.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"
#include "net/hall.hpp"

namespace gavel::test {

class RecordingPeer : public net::Peer {
 public:
  explicit RecordingPeer(int number) : number_(number) {}
  void deliver(net::Frame frame, bool droppable) override;
  bool lagging() const override { return false; }
  void deliver_snapshot(net::Frame frame) override;
  void refuse(net::Frame last) override;
  std::string describe() const override { return "peer-" + std::to_string(number_); }
  std::string remote_address() const override { return "127.0.0.1"; }

  // Every message in arrival order; frames that did not parse count in `garbled`.
  std::vector<v1::ServerMessage> received;
  int garbled = 0;
  bool refused = false;

  // The last answer (ack, error, welcome, clicker ack...) to `request_id`.
  std::optional<v1::ServerMessage> answer(std::uint64_t request_id) const;

 private:
  void keep(const net::Frame& frame);
  int number_;
};

class HallOnOneThread {
 public:
  // Tokens: "chair-token", "secretary-token", "display-token", and
  // "<participant id>-token" for everyone on the roster. `fleet_json`, if
  // given, equips the hall with clickers (clicker::Fleet::from_json).
  explicit HallOnOneThread(const core::MeetingSetup& setup, const std::string& fleet_json = "");
  ~HallOnOneThread();
  HallOnOneThread(const HallOnOneThread&) = delete;
  HallOnOneThread& operator=(const HallOnOneThread&) = delete;

  std::shared_ptr<RecordingPeer> connect();
  // Connects and says hello with `token`; the peer's welcome (or refusal) is in `received`.
  std::shared_ptr<RecordingPeer> welcomed(const std::string& token);
  void send(const std::shared_ptr<RecordingPeer>& peer, const v1::ClientMessage& message);
  void leave(const std::shared_ptr<RecordingPeer>& peer);
  // A command as one client message, sent and settled; its answer.
  std::optional<v1::ServerMessage> call(const std::shared_ptr<RecordingPeer>& peer, const v1::Command& command);

  // Runs the strand's queue, and everything the log writer acknowledges,
  // until nothing more is due.
  void settle();
  // Moves the clock on and runs the timers that came due.
  void advance(core::Millis by);
  core::Millis now() const { return now_; }

  const core::MeetingState& state() const { return hall_->state(); }
  net::Hall& hall() { return *hall_; }

 private:
  struct Timer {
    core::Millis due;
    std::function<void()> work;
  };
  void post(std::function<void()> work);
  // True when the writer had work in flight: waits until it is all acknowledged.
  void wait_for_writer();

  std::mutex mutex_;
  std::condition_variable woken_;
  std::deque<std::function<void()>> queue_;
  std::vector<Timer> timers_;
  core::Millis now_;
  store::LogWriter* writer_ = nullptr;  // owned by the hall
  std::shared_ptr<net::Hall> hall_;
  int peers_ = 0;
  std::uint64_t next_request_ = 1000;
};

}  // namespace gavel::test
