#include "chair.hpp"

namespace gavel::sim {

namespace {
constexpr std::chrono::milliseconds kRetry{200};
bool lost(const client::Error& e) { return e.kind != client::ErrorKind::server; }
}  // namespace

Chair::Chair(client::AccessFile access, client::Endpoint endpoint, Meanwhile meanwhile)
    : access_(std::move(access)), endpoint_(std::move(endpoint)), meanwhile_(std::move(meanwhile)) {}

client::Result<client::Connection*> Chair::connection(std::chrono::steady_clock::time_point deadline) {
  while (!connection_ || !connection_->is_open()) {
    auto opened = client::Connection::open(endpoint_, access_.chair_token, 0, "gavel-clicker-sim chair", {},
                                           std::chrono::seconds(2));
    if (opened) {
      connection_ = std::move(opened.value());
      break;
    }
    if (!lost(opened.error()) || std::chrono::steady_clock::now() > deadline) return opened.error();
    meanwhile_(kRetry);
  }
  // Unread pushes would pile up: the chair only wants answers.
  while (connection_->next(std::chrono::milliseconds(0))) {
  }
  return connection_.get();
}

client::Result<v1::Ack> Chair::call(const v1::Command& command, v1::ErrorCode settled,
                                    std::chrono::milliseconds patience) {
  auto deadline = std::chrono::steady_clock::now() + patience;
  for (;;) {
    auto c = connection(deadline);
    if (!c) return c.error();
    auto ack = c.value()->call(command, std::chrono::seconds(5));
    if (ack) return ack;
    // Sent again after a crash, the command may have been applied before it.
    if (ack.error().kind == client::ErrorKind::server && ack.error().server.code() == settled) return v1::Ack{};
    if (!lost(ack.error()) || std::chrono::steady_clock::now() > deadline) return ack.error();
    connection_.reset();
    meanwhile_(kRetry);
  }
}

client::Result<v1::ClickerFleet> Chair::admin(const v1::ClickerAdmin& admin) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  auto c = connection(deadline);
  if (!c) return c.error();
  return c.value()->clicker_admin(admin, std::chrono::seconds(30));
}

client::Result<v1::MeetingSnapshot> Chair::snapshot(std::chrono::milliseconds patience) {
  auto deadline = std::chrono::steady_clock::now() + patience;
  for (;;) {
    auto opened = client::Connection::open(endpoint_, access_.chair_token, 0, "gavel-clicker-sim result", {},
                                           std::chrono::seconds(10));
    if (opened) return opened.value()->welcome().snapshot();
    if (!lost(opened.error()) || std::chrono::steady_clock::now() > deadline) return opened.error();
    meanwhile_(kRetry);
  }
}

}  // namespace gavel::sim
