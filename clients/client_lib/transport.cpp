#include "transport.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/version.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <type_traits>

namespace gavel::client::detail {

namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace websocket = boost::beast::websocket;
using tcp = net::ip::tcp;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// Without traffic for this long the WebSocket sends a ping; with no answer
// for as long again the server is taken for gone (a laptop asleep, Wi-Fi lost).
constexpr std::chrono::seconds kIdleTimeout{20};

bool is_ip_address(const std::string& host) {
  boost::system::error_code ec;
  net::ip::make_address(host, ec);
  return !ec;
}

// Declared first among the bases: the io_context and the TLS context must
// outlive the sockets built on them.
struct Contexts {
  net::io_context ioc{1};
  ssl::context tls{ssl::context::tls_client};
};

template <class Next>
class WsTransport final : private Contexts, public Transport {
 public:
  static constexpr bool kTls = std::is_same_v<Next, TlsStream>;

  explicit WsTransport(const TlsOptions& options) : options_(options), resolver_(ioc), ws_(make_stream()) {}

  // The stream copies the verify mode when it is made, but reads the trusted
  // certificates from here at the handshake: the factory loads them here.
  ssl::context& tls_context() { return tls; }

  void async_open(const Endpoint& endpoint, Done done) override {
    endpoint_ = endpoint;
    resolver_.async_resolve(
        endpoint_.host, endpoint_.port,
        [this, done = std::move(done)](beast::error_code ec, tcp::resolver::results_type results) {
          if (ec)
            return done(
                local_error(ErrorKind::connect, "无法解析主机名 " + endpoint_.host + "（" + ec.message() + "）",
                            "cannot resolve " + endpoint_.host + ": " + ec.message()));
          connect(results, done);
        });
  }

  void async_read(Received received) override {
    ws_.async_read(buffer_, [this, received = std::move(received)](beast::error_code ec, std::size_t) {
      if (ec) return received(lost(ec), {});
      std::string frame = beast::buffers_to_string(buffer_.data());
      buffer_.consume(buffer_.size());
      received(std::nullopt, std::move(frame));
    });
  }

  void async_write(std::shared_ptr<const std::string> frame, Done done) override {
    ws_.async_write(net::buffer(*frame),
                    [this, frame, done = std::move(done)](beast::error_code ec, std::size_t) {
                      done(ec ? std::optional<Error>(lost(ec)) : std::nullopt);
                    });
  }

  void async_close(Done done) override {
    ws_.async_close(websocket::close_code::normal, [this, done = std::move(done)](beast::error_code ec) {
      done(ec ? std::optional<Error>(lost(ec)) : std::nullopt);
    });
  }

  void abort() override {
    resolver_.cancel();
    beast::get_lowest_layer(ws_).close();
  }

  Ran run_one_until(std::chrono::steady_clock::time_point deadline) override {
    if (ioc.stopped()) ioc.restart();
    if (ioc.run_one_until(deadline) > 0) return Ran::one;
    return ioc.stopped() ? Ran::idle : Ran::timed_out;
  }

  Ran poll_one() override {
    if (ioc.stopped()) ioc.restart();
    if (ioc.poll_one() > 0) return Ran::one;
    return ioc.stopped() ? Ran::idle : Ran::timed_out;
  }

 private:
  websocket::stream<Next> make_stream() {
    if constexpr (kTls) {
      return websocket::stream<Next>(ioc, tls);
    } else {
      return websocket::stream<Next>(ioc);
    }
  }

  std::string where() const { return endpoint_.host + ":" + endpoint_.port; }

  void connect(const tcp::resolver::results_type& results, const Done& done) {
    beast::get_lowest_layer(ws_).async_connect(results, [this, done](beast::error_code ec,
                                                                     const tcp::endpoint&) {
      if (ec)
        return done(local_error(ErrorKind::connect, "无法连接到 " + where() + "（" + ec.message() + "）：gaveld 是否在运行、地址和端口是否正确？",
                                "cannot connect to " + where() + ": " + ec.message()));
      if constexpr (kTls) {
        tls_handshake(done);
      } else {
        ws_handshake(done);
      }
    });
  }

  void tls_handshake(const Done& done) {
    auto& stream = ws_.next_layer();
    if (!is_ip_address(endpoint_.host)) {
      // SNI: a server with several names picks its certificate by it. The
      // SSL_set_tlsext_host_name macro hides a C cast, so call what it wraps.
      SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
               const_cast<char*>(endpoint_.host.c_str()));
    }
    stream.set_verify_mode(options_.insecure ? ssl::verify_none : ssl::verify_peer);
    if (!options_.insecure) stream.set_verify_callback(ssl::host_name_verification(endpoint_.host));
    stream.async_handshake(ssl::stream_base::client, [this, done](beast::error_code ec) {
      if (ec) {
        std::string zh = "与 " + where() + " 的 TLS 握手失败（" + ec.message() + "）";
        std::string en = "TLS handshake with " + where() + " failed: " + ec.message();
        if (ec.category() == net::error::get_ssl_category() &&
            ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == SSL_R_CERTIFICATE_VERIFY_FAILED) {
          zh += "：服务器的证书不受信任";
          en += " (the server's certificate is not trusted)";
        } else if (ec.category() == net::error::get_ssl_category()) {
          zh += "：服务器在这个端口上使用 TLS 吗？";
          en += " (is the server using TLS on this port?)";
        }
        return done(local_error(ErrorKind::tls, std::move(zh), std::move(en)));
      }
      ws_handshake(done);
    });
  }

  void ws_handshake(const Done& done) {
    auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::client);
    timeouts.idle_timeout = kIdleTimeout;
    timeouts.keep_alive_pings = true;
    ws_.set_option(timeouts);
    ws_.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
      req.set(beast::http::field::user_agent, "gavel-client " BOOST_BEAST_VERSION_STRING);
    }));
    ws_.binary(true);
    ws_.read_message_max(kMaxIncomingFrame);
    const bool v6 = endpoint_.host.find(':') != std::string::npos;
    const std::string host = (v6 ? "[" + endpoint_.host + "]" : endpoint_.host) + ":" + endpoint_.port;
    ws_.async_handshake(response_, host, endpoint_.path, [this, done](beast::error_code ec) {
      if (ec) {
        std::string why = ec == websocket::error::upgrade_declined
                              ? "HTTP " + std::to_string(response_.result_int()) + " " + std::string(response_.reason())
                              : ec.message();
        std::string zh = "在 " + endpoint_.url() + " 的 WebSocket 握手失败（" + why + "）";
        std::string en = "WebSocket handshake at " + endpoint_.url() + " failed: " + why;
        if (ec != websocket::error::upgrade_declined && !kTls) {
          zh += "：如果服务器使用 TLS，请用 wss:// 或 https:// 地址";
          en += " (if the server uses TLS, use a wss:// or https:// URL)";
        }
        return done(local_error(ErrorKind::connect, std::move(zh), std::move(en)));
      }
      done(std::nullopt);
    });
  }

  Error lost(const beast::error_code& ec) const {
    if (ec == websocket::error::closed) {
      const websocket::close_reason& why = ws_.reason();
      std::string zh = "服务器关闭了连接", en = "the server closed the connection";
      if (why.code != websocket::close_code::none) {
        std::string code = "code " + std::to_string(why.code);
        if (!why.reason.empty()) code += ": " + std::string(why.reason.data(), why.reason.size());
        zh += "（" + code + "）";
        en += " (" + code + ")";
      }
      return local_error(ErrorKind::closed, std::move(zh), std::move(en));
    }
    if (ec == beast::error::timeout) {
      return local_error(ErrorKind::closed, where() + " 的服务器不再回应", "the server at " + where() + " stopped answering");
    }
    if (ec == websocket::error::message_too_big) {
      return local_error(ErrorKind::protocol, "服务器发来的消息超过 " + std::to_string(kMaxIncomingFrame) + " 字节",
                         "the server sent a message larger than " + std::to_string(kMaxIncomingFrame) + " bytes");
    }
    return local_error(ErrorKind::closed, "与 " + where() + " 的连接中断（" + ec.message() + "）",
                       "the connection to " + where() + " was lost: " + ec.message());
  }

  TlsOptions options_;
  Endpoint endpoint_;
  tcp::resolver resolver_;
  websocket::stream<Next> ws_;
  beast::flat_buffer buffer_;
  websocket::response_type response_;
};

}  // namespace

Result<std::unique_ptr<Transport>> make_transport(bool tls, const TlsOptions& options) {
  if (!tls) return std::unique_ptr<Transport>(std::make_unique<WsTransport<PlainStream>>(options));

  auto transport = std::make_unique<WsTransport<TlsStream>>(options);
  ssl::context& ctx = transport->tls_context();
  boost::system::error_code ec;
  if (options.insecure) return std::unique_ptr<Transport>(std::move(transport));
  if (!options.ca_file.empty()) {
    // OpenSSL says only "asio.ssl error" for a missing file: look first.
    if (!std::ifstream(options.ca_file)) {
      return local_error(ErrorKind::tls, "无法打开 CA 文件 " + options.ca_file + "（" + std::strerror(errno) + "）",
                         "cannot open the CA file " + options.ca_file + ": " + std::strerror(errno));
    }
    ctx.load_verify_file(options.ca_file, ec);
    if (ec)
      return local_error(ErrorKind::tls, "CA 文件 " + options.ca_file + " 中没有 PEM 证书",
                         "the CA file " + options.ca_file + " holds no PEM certificate");
  } else {
    ctx.set_default_verify_paths(ec);
    if (ec)
      return local_error(ErrorKind::tls, "无法载入系统信任的证书（" + ec.message() + "）",
                         "cannot load the system's trusted certificates: " + ec.message());
  }
  return std::unique_ptr<Transport>(std::move(transport));
}

}  // namespace gavel::client::detail
