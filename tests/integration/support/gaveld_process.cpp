#include "gaveld_process.hpp"

#include <algorithm>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "client_lib/access_file.hpp"

namespace gavel::test {

bool wait_until(const std::function<bool()>& ready, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return ready();
}

GaveldProcess::GaveldProcess(Options options) : options_(options) {
  std::random_device random;
  data_ = std::filesystem::temp_directory_path() / ("gavel-it-" + std::to_string(random()));
  std::filesystem::create_directories(data_);
  if (options_.tls) {
    std::string make_cert = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                            "-addext subjectAltName=IP:127.0.0.1 -keyout " + (data_ / "tls.key").string() +
                            " -out " + (data_ / "tls.crt").string() + " 2>/dev/null";
    if (std::system(make_cert.c_str()) != 0) throw std::runtime_error("openssl could not make a certificate");
  }
  start();
}

GaveldProcess::~GaveldProcess() {
  if (pid_ > 0) stop();
  std::filesystem::remove_all(data_);
}

void GaveldProcess::start() {
  std::filesystem::remove(data_ / "access.json");
  std::string log = (data_ / "gaveld.log").string();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    FILE* out = std::fopen(log.c_str(), "a");
    if (out) {
      dup2(fileno(out), 1);
      dup2(fileno(out), 2);
    }
    std::string meeting = options_.meeting.empty() ? std::string(GAVEL_FIXTURES) + "/meeting.toml"
                                                   : options_.meeting.string();
    std::string cert = (data_ / "tls.crt").string(), key = (data_ / "tls.key").string();
    std::vector<std::string> args = {"gaveld", "--data", data_.string(), "--port", "0", "--bind", "127.0.0.1",
                                     "--meeting", meeting};
    if (options_.tls) args.insert(args.end(), {"--tls-cert", cert, "--tls-key", key});
    // Without a web folder, none at all: not the pages built beside gaveld.
    if (options_.web.empty()) args.push_back("--no-web");
    else args.insert(args.end(), {"--web", options_.web.string()});
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(GAVELD_PATH, argv.data());
    _exit(127);
  }
  if (!wait_until([&] { return std::filesystem::exists(data_ / "access.json"); }))
    throw std::runtime_error("gaveld did not start:\n" + this->log());
  read_access();
}

void GaveldProcess::read_access() {
  auto access = client::load_access_file(data_ / "access.json");
  if (!access) throw std::runtime_error("access.json: " + client::describe(access.error()));
  auto endpoint = client::parse_endpoint(access.value().ws_url);
  if (!endpoint) throw std::runtime_error("ws_url: " + client::describe(endpoint.error()));
  endpoint_ = endpoint.value();
  tokens_ = {{"chair", access.value().chair_token},
             {"secretary", access.value().secretary_token},
             {"display", access.value().display_token}};
  std::ifstream csv(data_ / "participants.csv");
  auto split = [](const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream parts(line);
    for (std::string field; std::getline(parts, field, ',');) fields.push_back(field);
    return fields;
  };
  std::string line;
  std::getline(csv, line);
  auto header = split(line);
  auto column = [&](const char* name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::size_t token = column("token"), code = column("code");
  while (std::getline(csv, line)) {
    auto fields = split(line);
    if (fields.size() > token) tokens_["participant:" + fields[0]] = fields[token];
    if (fields.size() > code) tokens_["code:" + fields[0]] = fields[code];
  }
}

std::string GaveldProcess::clicker_token(const std::string& id) const {
  // Read afresh: enrolling clickers rewrites the file.
  std::ifstream in(data_ / "clickers.json");
  auto fleet = nlohmann::json::parse(in, nullptr, false);
  if (fleet.is_discarded()) return "";
  for (const char* list : {"devices", "bases"})
    for (const auto& entry : fleet.value(list, nlohmann::json::array()))
      if (entry.value("id", "") == id) return entry.value("token", "");
  return "";
}

void GaveldProcess::kill_hard() {
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = 0;
}

void GaveldProcess::stop() {
  ::kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = 0;
}

std::string GaveldProcess::log() const {
  std::ifstream in(data_ / "gaveld.log");
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::string GaveldProcess::token(const std::string& role) const { return tokens_.at(role); }
std::string GaveldProcess::participant_token(const std::string& id) const { return tokens_.at("participant:" + id); }
std::string GaveldProcess::participant_code(const std::string& id) const { return tokens_.at("code:" + id); }

std::unique_ptr<client::Connection> GaveldProcess::connect(const std::string& token, std::uint64_t resume) const {
  client::TlsOptions tls;
  if (options_.tls) tls.ca_file = (data_ / "tls.crt").string();
  auto connection = client::Connection::open(endpoint_, token, resume, "integration-test", tls);
  if (!connection)
    throw std::runtime_error("connect: " + client::describe(connection.error()) + exit_report());
  return std::move(connection.value());
}

// When gaveld is gone, how it ended and the end of its log: a test that
// cannot connect should say whether the server crashed.
std::string GaveldProcess::exit_report() const {
  if (pid_ <= 0) return "";
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return "";
  pid_ = 0;  // reaped: nothing left to stop
  std::string how = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                        : "exited with status " + std::to_string(WEXITSTATUS(status));
  std::string text = log();
  constexpr std::size_t kTail = 4000;
  if (text.size() > kTail) text = "…" + text.substr(text.size() - kTail);
  return "\ngaveld " + how + "; the end of its log:\n" + text;
}

long GaveldProcess::resident_kib() const {
  if (pid_ <= 0) return 0;
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  return 0;
}

}  // namespace gavel::test
