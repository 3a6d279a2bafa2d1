#include "support/hall_on_disk.hpp"

#include <stdexcept>

#include "gaveld/open_meeting.hpp"
#include "gaveld/read_back.hpp"
#include "net/doorkeeper.hpp"
#include "net/wall_clock.hpp"

namespace gavel::test {

void KeepingPeer::deliver(net::Frame frame, bool) {
  v1::ServerMessage message;
  if (message.ParseFromString(frame.bytes())) received.push_back(std::move(message));
}

const v1::ServerMessage* KeepingPeer::answer(std::uint64_t request_id) const {
  for (const v1::ServerMessage& m : received)
    if (m.request_id() == request_id && (m.has_ack() || m.has_error() || m.has_welcome() || m.has_clicker_ack()))
      return &m;
  return nullptr;
}

bool KeepingPeer::welcomed() const {
  for (const v1::ServerMessage& m : received)
    if (m.has_welcome()) return true;
  return false;
}

HallOnDisk::HallOnDisk(std::filesystem::path data) : database_(data / "gavel.db") {
  auto store = store::MeetingStore::open(database_);
  if (!store) throw std::runtime_error("open: " + store.error().message_en);
  gaveld::Options options;
  options.data = data;
  options.meeting = std::filesystem::path(GAVEL_FIXTURES) / "meeting.toml";
  auto opened = gaveld::open_meeting(store.value(), options, net::wall_ms());
  if (!opened) throw std::runtime_error("open_meeting: " + opened.error().message_en);
  net::Doorkeeper doorkeeper;
  for (const store::AccessToken& token : opened.value().tokens) {
    auto role = net::role_from_name(token.role);
    if (!role || *role == core::Role::clicker) continue;
    doorkeeper.add(token.token, {*role, token.participant_id, ""});
    tokens_[token.participant_id.empty() ? token.role : token.participant_id] = token.token;
  }
  auto writer = std::make_unique<store::LogWriter>(std::move(store.value()), opened.value().id);
  hall_ = std::make_shared<net::Hall>(
      std::move(opened.value().meeting), std::move(doorkeeper), std::move(writer),
      [this](std::function<void()> work) { post(std::move(work)); },
      [this](core::Millis delay, std::function<void()> work) {
        std::lock_guard lock(mutex_);
        timers_.emplace_back(std::chrono::steady_clock::now() + std::chrono::milliseconds(delay), std::move(work));
      },
      net::wall_ms);
  hall_->remember(opened.value().tail);
  hall_->reload_from([database = database_] { return gaveld::read_back(database); });
}

HallOnDisk::~HallOnDisk() { close(); }

void HallOnDisk::close() {
  if (hall_) hall_->close();
}

void HallOnDisk::post(std::function<void()> work) {
  {
    std::lock_guard lock(mutex_);
    posted_.push_back(std::move(work));
  }
  wake_.notify_one();
}

std::shared_ptr<KeepingPeer> HallOnDisk::join(const std::string& who) {
  auto peer = std::make_shared<KeepingPeer>();
  v1::ClientMessage hello;
  std::uint64_t id = next_request_++;
  hello.set_request_id(id);
  hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  hello.mutable_hello()->set_token(tokens_.at(who));
  hello.mutable_hello()->set_client_name(who);
  hall_->receive(peer, hello);
  settle([&] { return peer->answer(id) != nullptr; });
  return peer;
}

std::uint64_t HallOnDisk::send(const std::shared_ptr<KeepingPeer>& peer, const v1::Command& command) {
  v1::ClientMessage message;
  std::uint64_t id = next_request_++;
  message.set_request_id(id);
  *message.mutable_command() = command;
  hall_->receive(peer, message);
  return id;
}

v1::ServerMessage HallOnDisk::call(const std::shared_ptr<KeepingPeer>& peer, const v1::Command& command) {
  std::uint64_t id = send(peer, command);
  settle([&] { return peer->answer(id) != nullptr; });
  const v1::ServerMessage* answer = peer->answer(id);
  return answer ? *answer : v1::ServerMessage();
}

bool HallOnDisk::settle(const std::function<bool()>& done, std::chrono::milliseconds limit,
                        const std::function<bool()>& stop) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    if (done()) return true;
    std::function<void()> work;
    {
      std::unique_lock lock(mutex_);
      auto now = std::chrono::steady_clock::now();
      for (auto it = timers_.begin(); it != timers_.end(); ++it)
        if (it->first <= now) {
          posted_.push_back(std::move(it->second));
          timers_.erase(it);
          break;
        }
      if (posted_.empty()) {
        if (now >= deadline) return done();
        wake_.wait_for(lock, std::chrono::milliseconds(5));
        continue;
      }
      work = std::move(posted_.front());
      posted_.pop_front();
    }
    if (stop && stop()) {
      std::lock_guard lock(mutex_);
      posted_.clear();
      timers_.clear();
      return done();
    }
    work();
  }
}

}  // namespace gavel::test
