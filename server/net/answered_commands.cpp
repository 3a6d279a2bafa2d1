#include "answered_commands.hpp"

#include <algorithm>

#include "gavel/v1/envelope.pb.h"

namespace gavel::net {

// Stands in for the sender while its command is decided: the first frame it
// is given is the answer (the hall answers a command exactly once), which it
// hands to the memory and to the sender if still connected. Anything else
// (the hall sends nothing else to a command's peer) goes straight through.
class AnsweredCommands::StandIn : public Peer {
 public:
  StandIn(AnsweredCommands& memory, std::string entry_key, const std::shared_ptr<Peer>& peer)
      : memory_(memory), entry_key_(std::move(entry_key)), peer_(peer), describe_(peer->describe()),
        address_(peer->remote_address()) {}

  void deliver(Frame frame, bool droppable) override {
    if (answered_) {
      if (auto p = peer_.lock()) p->deliver(std::move(frame), droppable);
      return;
    }
    answered_ = true;
    if (auto p = peer_.lock()) p->deliver(frame, false);
    memory_.answered(entry_key_, frame);  // may end this stand-in's life: last
  }
  bool lagging() const override {
    auto p = peer_.lock();
    return p && p->lagging();
  }
  void deliver_snapshot(Frame frame) override {
    if (auto p = peer_.lock()) p->deliver_snapshot(std::move(frame));
  }
  void refuse(Frame last) override {
    if (auto p = peer_.lock()) p->refuse(std::move(last));
  }
  std::string describe() const override { return describe_; }
  std::string remote_address() const override { return address_; }

 private:
  AnsweredCommands& memory_;
  std::string entry_key_;
  std::weak_ptr<Peer> peer_;
  std::string describe_, address_;
  bool answered_ = false;
};

std::shared_ptr<Peer> AnsweredCommands::admit(const std::shared_ptr<Peer>& peer, const std::string& sender,
                                              std::uint64_t request_id, const std::string& key) {
  if (key.empty() || key.size() > kMaxKey) return peer;
  std::string entry_key = sender + '\n' + key;
  auto found = entries_.find(entry_key);
  if (found != entries_.end()) {
    Waiter waiter{peer, request_id};
    if (found->second.answer) deliver_as(waiter, found->second.answer);
    else found->second.waiters.push_back(std::move(waiter));
    return nullptr;
  }
  std::deque<std::string>& keys = order_[sender];
  if (keys.size() >= kPerSender) {
    // The oldest is forgotten; one still waiting for its answer is kept
    // until then (its stand-in must outlive the decision).
    auto oldest = entries_.find(keys.front());
    if (oldest != entries_.end() && oldest->second.answer) entries_.erase(oldest);
    keys.pop_front();
  }
  keys.push_back(entry_key);
  auto stand_in = std::make_shared<StandIn>(*this, entry_key, peer);
  entries_[entry_key].stand_in = stand_in;
  return stand_in;
}

void AnsweredCommands::answered(const std::string& entry_key, const Frame& frame) {
  auto found = entries_.find(entry_key);
  if (found == entries_.end()) return;
  Entry& entry = found->second;
  entry.answer = frame;
  entry.stand_in.reset();  // the hall still holds it while it delivers
  for (const Waiter& waiter : entry.waiters) deliver_as(waiter, frame);
  entry.waiters.clear();
  // A refusal changed nothing (and may pass, as a full disk does): the key
  // is forgotten, so that the same command sent again is tried again.
  v1::ServerMessage message;
  bool refused = message.ParseFromString(frame.bytes()) && message.has_error();
  auto& keys = order_[entry_key.substr(0, entry_key.find('\n'))];
  auto kept = std::find(keys.begin(), keys.end(), entry_key);
  if (refused && kept != keys.end()) keys.erase(kept);
  // A key forgotten while its command was under way goes now that it is answered.
  if (refused || kept == keys.end()) entries_.erase(found);
}

void AnsweredCommands::deliver_as(const Waiter& waiter, const Frame& answer) {
  auto peer = waiter.peer.lock();
  if (!peer) return;
  // The first answer, under the repeat's own request id.
  v1::ServerMessage message;
  if (!message.ParseFromString(answer.bytes())) return;
  message.set_request_id(waiter.request_id);
  peer->deliver(frame_of(message.SerializeAsString()));
}

}  // namespace gavel::net
