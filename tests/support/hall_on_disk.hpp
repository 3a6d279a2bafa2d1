// gaveld's durable path without its sockets, for storage tests: the real
// Hall, LogWriter and MeetingStore on a data folder, the meeting opened and
// rebuilt by gaveld's own open_meeting() and read_back(), and clients as
// Peers that keep every frame they get. The hall's strand is this thread:
// work the writer posts runs inside settle().
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gavel/v1/envelope.pb.h"
#include "net/hall.hpp"

namespace gavel::test {

class KeepingPeer : public net::Peer {
 public:
  void deliver(net::Frame frame, bool droppable) override;
  bool lagging() const override { return false; }
  void deliver_snapshot(net::Frame frame) override { deliver(std::move(frame), false); }
  void refuse(net::Frame last) override { deliver(std::move(last), false); }
  std::string describe() const override { return "test peer"; }

  std::vector<v1::ServerMessage> received;
  // The answer to a request, if it came.
  const v1::ServerMessage* answer(std::uint64_t request_id) const;
  bool welcomed() const;
};

class HallOnDisk {
 public:
  // Opens (or resumes) the fixture meeting in `data`, with whatever SQLite VFS is the default.
  explicit HallOnDisk(std::filesystem::path data);
  ~HallOnDisk();

  // chair, secretary, display, or a participant id; false if no welcome came.
  std::shared_ptr<KeepingPeer> join(const std::string& who);
  // Sends a command; returns its request id (answered later, see settle()).
  std::uint64_t send(const std::shared_ptr<KeepingPeer>& peer, const v1::Command& command);
  // Runs what the writer and the timers hand the hall until `done` holds,
  // or `limit` passes; `stop` (if given) drops every later piece of work.
  bool settle(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::seconds(10),
              const std::function<bool()>& stop = {});
  // A command, and its answer (ack or error) once settled.
  v1::ServerMessage call(const std::shared_ptr<KeepingPeer>& peer, const v1::Command& command);
  // Stops the writer (after what it holds is written or refused); the peers stay.
  void close();

  net::Hall& hall() { return *hall_; }
  const std::filesystem::path& database() const { return database_; }

 private:
  void post(std::function<void()> work);

  std::filesystem::path database_;
  std::map<std::string, std::string> tokens_;  // by role or participant id
  std::shared_ptr<net::Hall> hall_;
  std::uint64_t next_request_ = 1;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> posted_;
  std::vector<std::pair<std::chrono::steady_clock::time_point, std::function<void()>>> timers_;
};

}  // namespace gavel::test
