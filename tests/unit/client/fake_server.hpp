// A scripted stand-in for gaveld: accepts one WebSocket connection (plain or
// TLS with a throwaway self-signed certificate) on 127.0.0.1 and answers each
// ClientMessage with what the script returns. Runs on its own thread, with
// blocking Beast calls; the test thread only reads what it recorded.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gavel/v1/envelope.pb.h"

namespace gavel::testing {

struct Reply {
  std::vector<v1::ServerMessage> messages;
  bool close = false;  // then close the WebSocket (code below)
  std::uint16_t close_code = 1000;
};

class FakeServer {
 public:
  using Script = std::function<Reply(const v1::ClientMessage&)>;

  explicit FakeServer(Script script, bool tls = false);
  ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  std::string url() const;             // ws://127.0.0.1:PORT/ws or wss://
  const std::string& ca_file() const;  // PEM of the self-signed certificate (TLS)
  std::vector<v1::ClientMessage> received() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// A welcome answering `hello` (request id echoed), at snapshot seq `seq`.
v1::ServerMessage welcome_for(const v1::ClientMessage& hello, std::uint64_t seq = 5);
v1::ServerMessage ack_for(const v1::ClientMessage& request, std::uint64_t seq, std::uint64_t created_id = 0);
v1::ServerMessage error_for(const v1::ClientMessage& request, v1::ErrorCode code);
std::int64_t unix_now_ms();

}  // namespace gavel::testing
