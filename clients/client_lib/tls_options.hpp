// How a client trusts a wss:// server. Plain data, any thread.
#pragma once

#include <string>

namespace gavel::client {

// Default: verify the server's certificate and host name against the system's
// trusted CAs. With `ca_file`: against that PEM file instead (the usual case
// for a room server whose certificate was made for the meeting). `insecure`
// accepts any certificate, including a self-signed one: traffic is still
// encrypted, but anyone on the Wi-Fi could pretend to be the server.
struct TlsOptions {
  std::string ca_file;
  bool insecure = false;
};

}  // namespace gavel::client
