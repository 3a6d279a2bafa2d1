#include "model/target.hpp"

#include "client_lib/access_file.hpp"

namespace gavel::display {

std::string phone_url(const client::Endpoint& endpoint) {
  const bool v6 = endpoint.host.find(':') != std::string::npos;
  const bool default_port = endpoint.port == (endpoint.tls ? "443" : "80");
  std::string base = endpoint.path.substr(0, endpoint.path.find('?'));
  if (base.ends_with("/ws")) base.resize(base.size() - 2);
  if (base.empty() || base.back() != '/') base += '/';
  return std::string(endpoint.tls ? "https://" : "http://") + (v6 ? "[" + endpoint.host + "]" : endpoint.host) +
         (default_port ? "" : ":" + endpoint.port) + base;
}

bool reachable_from_phones(const std::string& url) {
  auto endpoint = client::parse_endpoint(url);
  if (!endpoint) return false;
  std::string host = endpoint.value().host;
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  return !(host.starts_with("127.") || host == "::1" || host == "localhost" || host == "0.0.0.0");
}

client::Result<Target> resolve_target(const Options& options) {
  Target target;
  std::string url = options.server;
  target.token = options.token;
  if (!options.access_path.empty()) {
    auto access = client::load_access_file(options.access_path);
    if (!access) return access.error();
    if (url.empty()) {
      url = access.value().server_url();
      target.phone_url = access.value().url;
    }
    if (target.token.empty()) {
      auto token = access.value().token_for(v1::ROLE_DISPLAY);
      if (!token) return token.error();
      target.token = std::move(token).value();
    }
  }
  auto endpoint = client::parse_endpoint(url);
  if (!endpoint) return endpoint.error();
  target.endpoint = std::move(endpoint).value();
  if (target.phone_url.empty()) target.phone_url = phone_url(target.endpoint);
  return target;
}

}  // namespace gavel::display
