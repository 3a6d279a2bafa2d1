#include "server.hpp"

#include <thread>

#include "net/beast.hpp"
#include "net/log.hpp"
#include "net/wall_clock.hpp"

namespace gavel::net {

namespace {
constexpr int kSendBuffer = 64 * 1024;

// Runs `work` on `strand` once `delay` has passed (not if the io_context stops first).
template <class Strand, class Duration>
void run_after(const Strand& strand, Duration delay, std::function<void()> work) {
  auto timer = std::make_shared<asio::steady_timer>(strand, delay);
  timer->async_wait([timer, work = std::move(work)](beast::error_code ec) {
    if (!ec) work();
  });
}
}  // namespace

struct Server::Impl {
  ServerOptions options;
  asio::io_context io{static_cast<int>(options.threads)};
  std::optional<ssl::context> tls;
  tcp::acceptor acceptor{io};
  std::shared_ptr<HallHandle> hall;
  std::shared_ptr<const WebRoot> web;

  explicit Impl(ServerOptions o) : options(std::move(o)), web(std::make_shared<const WebRoot>(options.web)) {}

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (ec) {
        // A transient failure (e.g. out of file descriptors) must not end the accept loop.
        log_line("accept failed: " + ec.message());
      } else {
        socket.set_option(tcp::no_delay(true), ec);
        // A fixed kernel send buffer: auto-tuning could give each of
        // thousands of phones megabytes, and would hide a stalled reader
        // from the session's own bounded queue.
        socket.set_option(asio::socket_base::send_buffer_size(kSendBuffer), ec);
        start(std::move(socket));
      }
      if (acceptor.is_open()) accept();
    });
  }

  void start(tcp::socket socket) {
    if (!tls) return serve_http(PlainStream(std::move(socket)), hall, web);
    auto stream = std::make_shared<TlsStream>(std::move(socket), *tls);
    beast::get_lowest_layer(*stream).expires_after(std::chrono::seconds(10));
    stream->async_handshake(ssl::stream_base::server, [this, stream](beast::error_code ec) {
      if (ec) return;
      serve_http(std::move(*stream), hall, web);
    });
  }
};

Server::Server(ServerOptions options, core::Meeting meeting, Doorkeeper doorkeeper,
               std::unique_ptr<store::LogWriter> writer, std::vector<store::StoredEvent> tail)
    : impl_(std::make_unique<Impl>(std::move(options))) {
  auto strand = asio::make_strand(impl_->io);
  auto post = [strand](std::function<void()> work) { asio::post(strand, std::move(work)); };
  auto post_after = [strand](core::Millis delay, std::function<void()> work) {
    run_after(strand, std::chrono::milliseconds(delay), std::move(work));
  };
  // The phones' batches are handed out on a strand of their own, so the
  // other I/O thread can take them while the hall goes on deciding.
  auto fan_out = [phones = asio::make_strand(impl_->io)](Handout::Pause pause, std::function<void()> work) {
    if (pause == Handout::Pause::zero()) return asio::post(phones, std::move(work));
    run_after(phones, pause, std::move(work));
  };
  auto hall = std::make_shared<Hall>(std::move(meeting), std::move(doorkeeper), std::move(writer), post,
                                     post_after, wall_ms, Pace{}, fan_out);
  hall->remember(tail);
  impl_->hall = std::make_shared<HallHandle>(HallHandle{std::move(hall), strand});
}

Server::~Server() = default;

void Server::equip_clickers(clicker::Fleet fleet, std::function<core::Status(const std::string&)> save) {
  impl_->hall->hall->equip_clickers(std::move(fleet), std::move(save));
}

core::Result<std::uint16_t> Server::listen() {
  auto fail = [](const std::string& what, const beast::error_code& ec) {
    return core::make_error(core::ErrorCode::internal, "无法监听：" + what + "：" + ec.message(),
                            "cannot listen: " + what + ": " + ec.message());
  };
  beast::error_code ec;
  if (impl_->options.tls_cert) {
    impl_->tls.emplace(ssl::context::tls_server);
    impl_->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                            ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    impl_->tls->use_certificate_chain_file(impl_->options.tls_cert->string(), ec);
    if (ec) return fail("TLS certificate " + impl_->options.tls_cert->string(), ec);
    impl_->tls->use_private_key_file(impl_->options.tls_key ? impl_->options.tls_key->string() : "",
                                     ssl::context::pem, ec);
    if (ec) return fail("TLS key", ec);
  }
  auto address = asio::ip::make_address(impl_->options.bind, ec);
  if (ec) return fail("address " + impl_->options.bind, ec);
  tcp::endpoint endpoint{address, impl_->options.port};
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return fail(impl_->options.bind + ":" + std::to_string(impl_->options.port), ec);
  return acceptor.local_endpoint().port();
}

void Server::read_record_with(std::function<core::Result<std::string>()> reader) {
  impl_->hall->hall->read_record_with(std::move(reader));
}

void Server::seal_minutes_with(std::function<void(core::cmd::SignMinutes&)> sealer) {
  impl_->hall->hall->seal_minutes_with(std::move(sealer));
}

void Server::reload_from(std::function<core::Result<core::Meeting>()> reload) {
  impl_->hall->hall->reload_from(std::move(reload));
}

void Server::set_join_base(std::string base) { impl_->hall->hall->set_join_base(std::move(base)); }

void Server::run() {
  asio::signal_set signals(impl_->io, SIGINT, SIGTERM);
  signals.async_wait([this](beast::error_code, int) {
    log_line("stopping");
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->io.stop();
  });
  impl_->accept();
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < impl_->options.threads; ++i) threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : threads) t.join();
  impl_->hall->hall->close();
}

}  // namespace gavel::net
