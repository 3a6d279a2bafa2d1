// gaveld's network side: one port for HTTP and WebSocket (optionally TLS),
// a pool of I/O threads, and the hall on its own strand. Beast stays behind
// this interface (pimpl) so that callers compile without it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clicker/fleet.hpp"
#include "core/meeting.hpp"
#include "core/result.hpp"
#include "net/doorkeeper.hpp"
#include "net/web_root.hpp"
#include "store/log_writer.hpp"

namespace gavel::net {

struct ServerOptions {
  std::string bind = "0.0.0.0";
  std::uint16_t port = 8080;  // 0: any free port
  WebRoot web;  // serves nothing unless opened
  std::optional<std::filesystem::path> tls_cert, tls_key;
  unsigned threads = 2;
};

class Server {
 public:
  Server(ServerOptions options, core::Meeting meeting, Doorkeeper doorkeeper,
         std::unique_ptr<store::LogWriter> writer, std::vector<store::StoredEvent> tail);
  ~Server();

  // The clicker fleet and how to write it (before run()).
  void equip_clickers(clicker::Fleet fleet, std::function<core::Status(const std::string&)> save);
  // Binds and listens; returns the port actually bound.
  core::Result<std::uint16_t> listen();
  // Seals each version of the minutes before the secretary's signature is
  // recorded (record::seal_minutes). Before run().
  void seal_minutes_with(std::function<void(core::cmd::SignMinutes&)> sealer);
  // How to read the meeting back from the record when the disk refuses a
  // write (Hall::reload_from). Before run().
  void reload_from(std::function<core::Result<core::Meeting>()> reload);
  // How to read the whole record as JSON, for the secretary desk's download.
  void export_record_with(std::function<core::Result<std::string>()> exporter);
  // Where personal join links point (http://host:port/j/). Before run().
  void set_join_base(std::string base);
  // Serves until SIGINT or SIGTERM.
  void run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gavel::net
