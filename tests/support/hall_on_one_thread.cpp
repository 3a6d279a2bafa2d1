#include "support/hall_on_one_thread.hpp"

#include <algorithm>
#include <cstdlib>

#include "clicker/fleet.hpp"
#include "codec/codec.hpp"
#include "store/log_writer.hpp"

namespace gavel::test {

void RecordingPeer::keep(const net::Frame& frame) {
  v1::ServerMessage message;
  if (!frame || !message.ParseFromString(frame.bytes())) {
    ++garbled;
    return;
  }
  received.push_back(std::move(message));
}

void RecordingPeer::deliver(net::Frame frame, bool) { keep(frame); }
void RecordingPeer::deliver_snapshot(net::Frame frame) { keep(frame); }
void RecordingPeer::refuse(net::Frame last) {
  keep(last);
  refused = true;
}

std::optional<v1::ServerMessage> RecordingPeer::answer(std::uint64_t request_id) const {
  for (auto it = received.rbegin(); it != received.rend(); ++it)
    if (it->request_id() == request_id && !it->has_events() && !it->has_snapshot()) return *it;
  return std::nullopt;
}

HallOnOneThread::HallOnOneThread(const core::MeetingSetup& setup, const std::string& fleet_json)
    : now_(setup.info.scheduled_start > 0 ? setup.info.scheduled_start : 1'800'000'000'000) {
  auto store = store::MeetingStore::open(":memory:");
  if (!store) std::abort();  // nothing to test without a store
  v1::MeetingSetup wire;
  codec::to_wire(setup, &wire);
  auto id = store.value().create_meeting(setup.info.title, wire.SerializeAsString(), {}, now_);
  if (!id) std::abort();
  auto writer = std::make_unique<store::LogWriter>(std::move(store.value()), id.value());
  writer_ = writer.get();
  net::Doorkeeper doorkeeper;
  doorkeeper.add("chair-token", {core::Role::chair, "", ""});
  doorkeeper.add("secretary-token", {core::Role::secretary, "", ""});
  doorkeeper.add("display-token", {core::Role::display, "", ""});
  for (const core::Participant& p : setup.roster) doorkeeper.add(p.id + "-token", {core::Role::participant, p.id, ""});
  hall_ = std::make_shared<net::Hall>(
      core::Meeting(setup), std::move(doorkeeper), std::move(writer),
      [this](std::function<void()> work) { post(std::move(work)); },
      [this](core::Millis delay, std::function<void()> work) {
        timers_.push_back({now_ + delay, std::move(work)});  // asked on the strand: this thread
      },
      [this] { return now_; });
  if (!fleet_json.empty()) {
    auto fleet = clicker::Fleet::from_json(fleet_json);
    if (!fleet) std::abort();
    hall_->equip_clickers(std::move(fleet.value()), [](const std::string&) -> core::Status { return core::Ok{}; });
  }
}

HallOnOneThread::~HallOnOneThread() {
  settle();
  timers_.clear();  // they hold the hall
  hall_->close();
}

void HallOnOneThread::post(std::function<void()> work) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(work));
  }
  woken_.notify_all();
}

void HallOnOneThread::wait_for_writer() {
  // Acknowledgements come in submission order: once this empty commit's
  // has come, so have those of everything submitted before it.
  bool done = false;
  writer_->submit({}, [this, &done](const core::Status&) {
    {
      std::lock_guard lock(mutex_);
      done = true;
    }
    woken_.notify_all();
  });
  std::unique_lock lock(mutex_);
  woken_.wait(lock, [&] { return done; });
}

void HallOnOneThread::settle() {
  for (;;) {
    wait_for_writer();
    std::deque<std::function<void()>> due;
    {
      std::lock_guard lock(mutex_);
      due.swap(queue_);
    }
    if (due.empty()) return;
    for (auto& work : due) work();
  }
}

void HallOnOneThread::advance(core::Millis by) {
  now_ += by;
  std::vector<Timer> due;
  auto split = std::partition(timers_.begin(), timers_.end(), [&](const Timer& t) { return t.due > now_; });
  std::move(split, timers_.end(), std::back_inserter(due));
  timers_.erase(split, timers_.end());
  for (Timer& timer : due) timer.work();
  settle();
}

std::shared_ptr<RecordingPeer> HallOnOneThread::connect() { return std::make_shared<RecordingPeer>(++peers_); }

std::shared_ptr<RecordingPeer> HallOnOneThread::welcomed(const std::string& token) {
  auto peer = connect();
  v1::ClientMessage hello;
  hello.set_request_id(1);
  hello.mutable_hello()->set_token(token);
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  send(peer, hello);
  return peer;
}

void HallOnOneThread::send(const std::shared_ptr<RecordingPeer>& peer, const v1::ClientMessage& message) {
  hall_->receive(peer, message);
  settle();
}

void HallOnOneThread::leave(const std::shared_ptr<RecordingPeer>& peer) {
  hall_->leave(peer.get());
  settle();
}

std::optional<v1::ServerMessage> HallOnOneThread::call(const std::shared_ptr<RecordingPeer>& peer,
                                                       const v1::Command& command) {
  v1::ClientMessage message;
  message.set_request_id(++next_request_);
  *message.mutable_command() = command;
  send(peer, message);
  return peer->answer(message.request_id());
}

}  // namespace gavel::test
