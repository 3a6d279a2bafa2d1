#include "access_file.hpp"

#include "private_file.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

namespace gavel::gaveld {

namespace {
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

std::string reachable_host(const std::string& bind) {
  if (bind != "0.0.0.0" && bind != "::") return bind;
  ifaddrs* list = nullptr;
  std::string found = "127.0.0.1";
  if (getifaddrs(&list) != 0) return found;
  for (ifaddrs* i = list; i; i = i->ifa_next) {
    if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN];
    auto* address = reinterpret_cast<sockaddr_in*>(i->ifa_addr);
    if (!inet_ntop(AF_INET, &address->sin_addr, text, sizeof text)) continue;
    if (std::string(text).starts_with("127.")) continue;
    found = text;
    break;
  }
  freeifaddrs(list);
  return found;
}

Urls urls_for(const std::string& host, std::uint16_t port, bool tls) {
  std::string authority = host + ":" + std::to_string(port);
  std::string base = std::string(tls ? "https://" : "http://") + authority + "/";
  return {base, std::string(tls ? "wss://" : "ws://") + authority + "/ws", base + "j/"};
}

void print_page_links(std::ostream& out, const Urls& urls, const std::vector<store::AccessToken>& tokens) {
  auto token_of = [&](const char* role) {
    for (const store::AccessToken& t : tokens)
      if (t.role == role) return t.token;
    return std::string();
  };
  out << "  phones (参会者):    " << urls.base << "  (personal links: participants.csv)\n"
      << "  chair (主持人):     " << urls.base << "chair#token=" << token_of("chair") << "\n"
      << "  secretary (记录员): " << urls.base << "secretary#token=" << token_of("secretary") << "\n";
}

// The de facto standard that phone cameras read (ZXing's "WIFI:" format):
// \ ; , : and " inside a value are escaped with a backslash.
std::string wifi_qr_text(const core::MeetingInfo& info) {
  auto escaped = [](const std::string& value) {
    std::string out;
    for (char c : value) {
      if (c == '\\' || c == ';' || c == ',' || c == ':' || c == '"') out += '\\';
      out += c;
    }
    return out;
  };
  std::string text = "WIFI:T:" + (info.wifi.security.empty() ? std::string("WPA") : info.wifi.security) +
                     ";S:" + escaped(info.wifi.ssid) + ";";
  if (info.wifi.security != "nopass") text += "P:" + escaped(info.wifi.password) + ";";
  return text + ";";
}

core::Status write_access_files(const std::filesystem::path& dir, const Urls& urls,
                                const std::vector<store::AccessToken>& tokens, const core::MeetingState& state) {
  nlohmann::json access = {{"url", urls.base}, {"ws_url", urls.ws}, {"join_url", urls.join}};
  if (!state.info.wifi.ssid.empty()) access["wifi"] = wifi_qr_text(state.info);
  std::string participants = "id,name,group,code,token,join_url\n";
  std::map<std::string, std::string> code_of;
  for (const store::AccessToken& token : tokens)
    if (token.role == store::kJoinCodeRole) code_of[token.participant_id] = token.token;
  for (const store::AccessToken& token : tokens) {
    if (token.role == store::kJoinCodeRole) continue;
    if (token.role == "clicker") continue;  // the old shared clicker token admits nobody now
    if (token.role != "participant") {
      access[token.role + "_token"] = token.token;
      if (token.role == "chair" || token.role == "secretary")
        access[token.role + "_url"] = urls.base + token.role + "#token=" + token.token;
      continue;
    }
    const core::Member* m = state.member(token.participant_id);
    participants += csv_field(token.participant_id) + "," + csv_field(m ? m->info.name : "") + "," +
                    csv_field(m ? m->info.group : "") + "," + code_of[token.participant_id] + "," + token.token + "," +
                    urls.join + token.token + "\n";
  }
  // access.json last: scripts and the projector take its arrival to mean
  // every file gaveld hands out is in place.
  if (auto ok = write_private_file(dir / "participants.csv", participants); !ok) return ok;
  return write_private_file(dir / "access.json", access.dump(2) + "\n");
}

}  // namespace gavel::gaveld
