// The simulator's chair: runs the meeting around the fleet through the
// client library (start, open the item, check in those whose presence press
// failed, a seconded motion, open and close the vote, enrol base stations)
// and reads the result. Its calls block; while it waits for gaveld to come
// back (after a kill -9), `meanwhile` keeps the fleet running.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "client_lib/access_file.hpp"
#include "client_lib/connection.hpp"

namespace gavel::sim {

class Chair {
 public:
  using Meanwhile = std::function<void(std::chrono::milliseconds)>;
  Chair(client::AccessFile access, client::Endpoint endpoint, Meanwhile meanwhile);

  // Retries through a lost connection for up to `patience`; an error from the
  // server is an answer. `settled`: a refusal that means it is done already.
  client::Result<v1::Ack> call(const v1::Command& command, v1::ErrorCode settled = v1::ERROR_CODE_UNSPECIFIED,
                               std::chrono::milliseconds patience = std::chrono::seconds(30));
  client::Result<v1::ClickerFleet> admin(const v1::ClickerAdmin& admin);
  // The whole state, from a fresh connection on the chair's token (a
  // projector's welcome names only the people on screen).
  client::Result<v1::MeetingSnapshot> snapshot(std::chrono::milliseconds patience = std::chrono::seconds(30));

 private:
  client::Result<client::Connection*> connection(std::chrono::steady_clock::time_point deadline);

  client::AccessFile access_;
  client::Endpoint endpoint_;
  Meanwhile meanwhile_;
  std::unique_ptr<client::Connection> connection_;
};

}  // namespace gavel::sim
