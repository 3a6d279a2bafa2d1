// A Peer that keeps what the hall's units send it, parsed, for tests through
// the Peer seam: frames in order, the latest coalesced snapshot, a refusal.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "gavel/v1/envelope.pb.h"
#include "net/peer.hpp"

namespace gavel::test {

// The bytes a WebSocket message would carry: the shared part, then the own part.
inline v1::ServerMessage parse_frame(const net::Frame& frame) {
  v1::ServerMessage message;
  EXPECT_TRUE(message.ParseFromString(frame.bytes())) << "a frame that is not a ServerMessage";
  return message;
}

class RecordingPeer : public net::Peer {
 public:
  void deliver(net::Frame frame, bool droppable) override {
    frames.push_back(parse_frame(frame));
    droppables.push_back(droppable);
    raw.push_back(std::move(frame));
  }
  bool lagging() const override { return behind; }
  void deliver_snapshot(net::Frame frame) override {
    snapshot = parse_frame(frame);
    ++snapshots;
  }
  void refuse(net::Frame last) override { refused = parse_frame(last); }
  std::string describe() const override { return "test peer"; }

  std::vector<v1::ServerMessage> frames;
  std::vector<bool> droppables;
  std::vector<net::Frame> raw;
  std::optional<v1::ServerMessage> snapshot;
  int snapshots = 0;
  std::optional<v1::ServerMessage> refused;
  bool behind = false;
};

}  // namespace gavel::test
