#include "endpoint.hpp"

#include <algorithm>
#include <cctype>

namespace gavel::client {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool valid_port(std::string_view port) {
  if (port.empty() || port.size() > 5) return false;
  if (!std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return false;
  }
  const int value = std::stoi(std::string(port));
  return value >= 1 && value <= 65535;
}

Error bad(std::string_view url, std::string_view why_zh, std::string_view why_en) {
  return local_error(ErrorKind::bad_url, "服务器地址 '" + std::string(url) + "' 有误：" + std::string(why_zh),
                     "bad server URL '" + std::string(url) + "': " + std::string(why_en));
}

}  // namespace

std::string Endpoint::url() const {
  const bool v6 = host.find(':') != std::string::npos;
  return std::string(tls ? "wss://" : "ws://") + (v6 ? "[" + host + "]" : host) + ":" + port + path;
}

Result<Endpoint> parse_endpoint(std::string_view url) {
  std::string_view rest = url;
  std::string scheme = "http";
  if (const auto colon = rest.find("://"); colon != std::string_view::npos) {
    scheme = lower(rest.substr(0, colon));
    rest.remove_prefix(colon + 3);
  }
  const bool websocket = scheme == "ws" || scheme == "wss";
  if (!websocket && scheme != "http" && scheme != "https") {
    return bad(url, "协议须为 ws、wss、http 或 https", "the scheme must be ws, wss, http or https");
  }
  if (rest.find('#') != std::string_view::npos) return bad(url, "片段（#...）在这里没有意义", "a fragment (#...) has no meaning here");

  Endpoint ep;
  ep.tls = scheme == "wss" || scheme == "https";

  const auto path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  std::string path =
      path_start == std::string_view::npos ? std::string() : std::string(rest.substr(path_start));
  if (authority.find('@') != std::string_view::npos) return bad(url, "不支持用户信息（user@）", "user info (user@) is not supported");
  if (authority.empty()) return bad(url, "没有主机", "no host");

  std::string_view port;
  if (authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return bad(url, "IPv6 地址的 '[' 没有闭合", "unclosed '[' in an IPv6 address");
    ep.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad(url, "']' 之后有多余的文字", "unexpected text after ']'");
      port = after.substr(1);
      if (port.empty()) return bad(url, "端口为空", "empty port");
    }
  } else {
    const auto colon = authority.find(':');
    ep.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port = authority.substr(colon + 1);
      if (port.empty()) return bad(url, "端口为空", "empty port");
    }
  }
  if (ep.host.empty()) return bad(url, "没有主机", "no host");
  if (!port.empty() && !valid_port(port)) return bad(url, "端口须为 1 到 65535 之间的数字", "the port must be a number from 1 to 65535");
  ep.port = port.empty() ? (ep.tls ? "443" : "80") : std::string(port);

  if (path.empty() || path.front() == '?') path.insert(0, "/");
  if (websocket) {
    // The server has no socket at "/": a bare ws://host:port means its /ws.
    if (path == "/") path = "/ws";
  } else {
    // The base URL names a folder, with or without its trailing slash.
    const auto query = path.find('?');
    std::string base = path.substr(0, query);
    if (base.back() != '/') base += '/';
    path = base + "ws";
  }
  ep.path = std::move(path);
  return ep;
}

}  // namespace gavel::client
