#include "fake_server.hpp"

#include <sys/socket.h>

#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

namespace gavel::testing {

namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace websocket = boost::beast::websocket;
using tcp = net::ip::tcp;

struct Pem {
  std::string certificate;
  std::string key;
};

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(n));
}

// A one-hour certificate for 127.0.0.1 that is its own CA.
Pem self_signed() {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  const std::string cn = "gavel test";
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.c_str()),
                             -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  for (const auto& [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1"},
                                   std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
  }
  X509_sign(cert, key, EVP_sha256());

  Pem pem;
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  pem.certificate = bio_text(bio);
  BIO_free(bio);
  bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  pem.key = bio_text(bio);
  BIO_free(bio);
  X509_free(cert);
  EVP_PKEY_free(key);
  return pem;
}

}  // namespace

class FakeServer::Impl {
 public:
  Impl(Script script, bool tls)
      : script_(std::move(script)),
        tls_(tls),
        acceptor_(ioc_, {net::ip::make_address("127.0.0.1"), 0}),
        port_(acceptor_.local_endpoint().port()) {
    if (tls_) {
      const Pem pem = self_signed();
      ssl_.use_certificate_chain(net::buffer(pem.certificate));
      ssl_.use_private_key(net::buffer(pem.key), ssl::context::pem);
      ca_file_ =
          (std::filesystem::temp_directory_path() / ("gavel_test_ca_" + std::to_string(port_) + ".pem"))
              .string();
      std::ofstream(ca_file_) << pem.certificate;
    }
    thread_ = std::thread([this] { serve(); });
  }

  ~Impl() {
    // Wakes the thread from a blocking accept or read.
    ::shutdown(acceptor_.native_handle(), SHUT_RDWR);
    {
      std::lock_guard lock(mutex_);
      if (socket_fd_ >= 0) ::shutdown(socket_fd_, SHUT_RDWR);
    }
    thread_.join();
    if (!ca_file_.empty()) std::filesystem::remove(ca_file_);
  }

  std::string url() const {
    return std::string(tls_ ? "wss" : "ws") + "://127.0.0.1:" + std::to_string(port_) + "/ws";
  }
  const std::string& ca_file() const { return ca_file_; }
  std::vector<v1::ClientMessage> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void serve() {
    beast::error_code ec;
    tcp::socket socket(ioc_);
    acceptor_.accept(socket, ec);
    if (ec) return;
    if (tls_) {
      websocket::stream<beast::ssl_stream<tcp::socket>> ws(std::move(socket), ssl_);
      const FdGuard guard(*this, beast::get_lowest_layer(ws).native_handle());
      ws.next_layer().handshake(ssl::stream_base::server, ec);
      if (!ec) converse(ws);
    } else {
      websocket::stream<tcp::socket> ws(std::move(socket));
      const FdGuard guard(*this, beast::get_lowest_layer(ws).native_handle());
      converse(ws);
    }
  }

  // Publishes the socket for the destructor to shut down, and withdraws it
  // before the socket closes, so a reused descriptor is never touched.
  struct FdGuard {
    FdGuard(Impl& impl, int fd) : impl_(impl) {
      std::lock_guard lock(impl_.mutex_);
      impl_.socket_fd_ = fd;
    }
    ~FdGuard() {
      std::lock_guard lock(impl_.mutex_);
      impl_.socket_fd_ = -1;
    }
    Impl& impl_;
  };

  template <class Ws>
  void converse(Ws& ws) {
    beast::error_code ec;
    ws.accept(ec);
    if (ec) return;
    ws.binary(true);
    for (;;) {
      beast::flat_buffer buffer;
      ws.read(buffer, ec);
      if (ec) return;
      v1::ClientMessage message;
      if (!message.ParseFromString(beast::buffers_to_string(buffer.data()))) return;
      {
        std::lock_guard lock(mutex_);
        received_.push_back(message);
      }
      const Reply reply = script_(message);
      for (v1::ServerMessage out : reply.messages) {
        if (out.server_time_ms() == 0) out.set_server_time_ms(unix_now_ms());
        ws.write(net::buffer(out.SerializeAsString()), ec);
        if (ec) return;
      }
      if (reply.close) {
        ws.close(
            websocket::close_reason(static_cast<websocket::close_code>(reply.close_code), "scripted close"),
            ec);
        // Let the client's close answer arrive before the socket goes.
        while (!ec) ws.read(buffer, ec);
        return;
      }
    }
  }

  Script script_;
  bool tls_;
  net::io_context ioc_;
  ssl::context ssl_{ssl::context::tls_server};
  tcp::acceptor acceptor_;
  unsigned short port_;
  int socket_fd_ = -1;  // guarded by mutex_
  std::string ca_file_;
  mutable std::mutex mutex_;
  std::vector<v1::ClientMessage> received_;
  std::thread thread_;
};

FakeServer::FakeServer(Script script, bool tls) : impl_(std::make_unique<Impl>(std::move(script), tls)) {}
FakeServer::~FakeServer() = default;
std::string FakeServer::url() const { return impl_->url(); }
const std::string& FakeServer::ca_file() const { return impl_->ca_file(); }
std::vector<v1::ClientMessage> FakeServer::received() const { return impl_->received(); }

std::int64_t unix_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

v1::ServerMessage welcome_for(const v1::ClientMessage& hello, std::uint64_t seq) {
  v1::ServerMessage m;
  m.set_request_id(hello.request_id());
  v1::Welcome* w = m.mutable_welcome();
  w->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  w->set_role(v1::ROLE_CHAIR);
  w->mutable_snapshot()->set_seq(seq);
  w->mutable_snapshot()->mutable_info()->set_title("测试会议");
  return m;
}

v1::ServerMessage ack_for(const v1::ClientMessage& request, std::uint64_t seq, std::uint64_t created_id) {
  v1::ServerMessage m;
  m.set_request_id(request.request_id());
  m.mutable_ack()->set_seq(seq);
  m.mutable_ack()->set_created_id(created_id);
  return m;
}

v1::ServerMessage error_for(const v1::ClientMessage& request, v1::ErrorCode code) {
  v1::ServerMessage m;
  m.set_request_id(request.request_id());
  m.mutable_error()->set_code(code);
  m.mutable_error()->set_message_zh("不行");
  m.mutable_error()->set_message_en("no");
  return m;
}

}  // namespace gavel::testing
