// One WebSocket to gaveld as a device holds it (a Wi-Fi clicker's own, or a
// base station's): connect, send Hello, hand every ServerMessage on, keep one
// write in flight, and tell the owner when it went down (the owner decides
// when to reconnect). Single-threaded: everything runs on the simulator's one
// io_context. The only header that shows Asio, and it shows no Beast.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <memory>
#include <string>

#include "gavel/v1/envelope.pb.h"

namespace gavel::sim {

class Link {
 public:
  using OnMessage = std::function<void(const v1::ServerMessage&)>;
  using OnChange = std::function<void(bool up)>;  // up: welcomed; false: gone

  Link(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint server, OnMessage on_message, OnChange on_change);
  ~Link();
  Link(const Link&) = delete;
  Link& operator=(const Link&) = delete;

  // Connects and says hello; on_change(true) once welcomed, on_change(false)
  // if that fails or the link later ends. Ignored while open or opening.
  void open(v1::Hello hello);
  // False when the link is not up: the message is lost, as on a real device.
  bool send(const v1::ClientMessage& message);
  // Ends the link now, as a power loss or an outage would (no closing handshake).
  void drop();
  bool up() const;
  bool idle() const;  // neither up nor opening

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace gavel::sim
