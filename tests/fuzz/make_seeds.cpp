// Writes the fuzz targets' seed corpus (tests/fuzz/corpus/<target>/) from
// the codec's samples of every command and event, the golden fixtures, the
// example meeting and a scripted meeting that uses its real ids. Run after a
// wire change: make_seeds tests/fuzz/corpus
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "codec/codec.hpp"
#include "commands.hpp"
#include "fuzz_input.hpp"
#include "meeting_file/meeting_file.hpp"
#include "samples.hpp"

namespace gavel::fuzz {
namespace {

namespace fs = std::filesystem;
namespace cmd = test::cmd;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A golden fixture's bytes: its hex without '#' lines and whitespace.
std::string golden(const std::string& name) {
  std::istringstream in(read(fs::path(GAVEL_SOURCE_DIR) / "tests/unit/codec/golden" / (name + ".hex")));
  std::string line, hex, bytes;
  while (std::getline(in, line))
    if (!line.starts_with("#"))
      for (char c : line)
        if (!std::isspace(static_cast<unsigned char>(c))) hex += c;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return bytes;
}

class Corpus {
 public:
  explicit Corpus(fs::path root) : root_(std::move(root)) {}
  void write(const std::string& target, const std::string& name, const std::string& bytes) {
    fs::create_directories(root_ / target);
    std::ofstream(root_ / target / name, std::ios::binary) << bytes;
    ++written_;
  }
  int written() const { return written_; }

 private:
  fs::path root_;
  int written_ = 0;
};

std::string client_message(std::uint64_t id, const v1::Command& command) {
  v1::ClientMessage m;
  m.set_request_id(id);
  *m.mutable_command() = command;
  return m.SerializeAsString();
}

// A whole meeting over the example's ids, as (role, command) pairs.
// Roles as the minutes target reads them: 0 chair, 1 secretary, 3 + 4k participant k.
std::vector<std::pair<std::uint8_t, v1::Command>> scripted_meeting() {
  auto participant = [](int k) { return static_cast<std::uint8_t>(3 + 4 * k); };  // p01 is k = 0
  std::vector<std::pair<std::uint8_t, v1::Command>> out = {
      {0, cmd::start_meeting()},          {0, cmd::open_item("parking")},
      {1, cmd::check_in("p01")},          {1, cmd::check_in("p02")},
      {1, cmd::check_in("p04")},          {participant(3), cmd::request_floor(v1::REQUEST_PRO)},
      {0, cmd::next_speaker()},           {0, cmd::extend_timer(60)},
      {1, cmd::record_dissent("车位不够，老人停电动车难", v1::DISSENT_DISAGREEMENT, "p04")},
      {0, cmd::end_speech()},             {participant(0), cmd::propose("在东侧增设非机动车棚")},
      {participant(1), cmd::second(1)},   {0, cmd::open_vote(1, true)},
      {participant(0), cmd::cast(0, "press-1")}, {participant(1), cmd::cast(1, "press-2")},
      {0, cmd::close_vote()},             {1, cmd::resolution(1, "物业公司", "2026-04-30")},
      {0, cmd::close_item()},             {0, cmd::end_meeting()},
  };
  v1::Command sign;
  sign.mutable_sign_minutes()->set_signed_by("林晓雯");
  out.push_back({1, sign});
  return out;
}

void client_message_seeds(Corpus& corpus) {
  // Every command, as the chair in a meeting under way, and as a participant in an open secret vote.
  for (const core::Command& command : test::every_command()) {
    v1::Command wire;
    codec::to_wire(command, &wire);
    std::string name = core::command_name(command);
    std::string message = FuzzInput::framed(client_message(10, wire));
    corpus.write("client_message", "chair-" + name, std::string("\x00\x01\x00", 3) + message);
    corpus.write("client_message", "participant-" + name, std::string("\x02\x02\x00", 3) + message);
  }
  // The scripted meeting, by the chair from the start.
  std::string script("\x00\x00", 2);
  std::uint64_t id = 2;
  for (const auto& [role, command] : scripted_meeting())
    if (role == 0) script += '\x01' + FuzzInput::framed(client_message(id++, command));
  corpus.write("client_message", "chair-script", script);
  // The golden hello (a stranger) and ballot (a participant in an open vote).
  corpus.write("client_message", "golden-hello", std::string("\x06\x00\x00", 3) + FuzzInput::framed(golden("hello")));
  corpus.write("client_message", "golden-cast-ballot",
               std::string("\x02\x02\x00", 3) + FuzzInput::framed(golden("cast_ballot")));
  // What is not a command: a clicker's press and heartbeat, the minutes, a join link, the fleet.
  v1::ClientMessage press;
  press.set_request_id(5);
  press.mutable_press()->set_device_id("CK-0104");
  press.mutable_press()->set_boot_id(1);
  press.mutable_press()->set_press_seq(1);
  press.mutable_press()->set_key(1);
  corpus.write("client_message", "clicker-press", std::string("\x05\x02\x00", 3) + FuzzInput::framed(press.SerializeAsString()));
  v1::ClientMessage minutes;
  minutes.set_request_id(6);
  minutes.mutable_minutes_request()->set_format(v1::MINUTES_FORMAT_MARKDOWN);
  minutes.mutable_minutes_request()->set_draft(true);
  corpus.write("client_message", "secretary-minutes", std::string("\x01\x01\x00", 3) + FuzzInput::framed(minutes.SerializeAsString()));
  v1::ClientMessage link;
  link.set_request_id(7);
  link.mutable_join_link_request()->set_participant_id("p04");
  corpus.write("client_message", "chair-join-link", std::string("\x00\x01\x00", 3) + FuzzInput::framed(link.SerializeAsString()));
  v1::ClientMessage enroll;
  enroll.set_request_id(8);
  enroll.mutable_clicker_admin()->mutable_enroll()->add_device_ids("CK-0199");
  enroll.mutable_clicker_admin()->mutable_enroll()->set_base_id("B2");
  corpus.write("client_message", "chair-enroll", std::string("\x00\x00\x00", 3) + FuzzInput::framed(enroll.SerializeAsString()));
  v1::ClientMessage code;
  code.set_request_id(1);
  code.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  code.mutable_hello()->set_join_code("ABCD-2345");
  corpus.write("client_message", "stranger-join-code", std::string("\x06\x00\x00", 3) + FuzzInput::framed(code.SerializeAsString()));
}

void event_seeds(Corpus& corpus) {
  for (const core::Event& event : test::every_event()) {
    v1::Event wire;
    codec::to_wire(event, &wire);
    corpus.write("event_decode", std::string("event-") + core::event_name(event.body), '\x00' + wire.SerializeAsString());
  }
  for (const char* name : {"speech_started", "vote_closed"})
    corpus.write("event_decode", std::string("golden-") + name, '\x00' + golden(name));
}

void meeting_file_seeds(Corpus& corpus, const std::vector<std::pair<fs::path, fs::path>>& meetings) {
  int n = 0;
  for (const auto& [toml, csv] : meetings) {
    std::string toml_text = read(toml), csv_text = read(csv);
    std::string name = std::to_string(++n) + "-" + toml.parent_path().filename().string();
    corpus.write("meeting_file", name, FuzzInput::framed(toml_text) + csv_text);
    corpus.write("roster", name, csv_text);
    // The setup as gaveld stores it, for replay's decode.
    v1::MeetingSetup wire;
    if (auto setup = meeting_file::parse(toml_text, csv_text, "meeting.toml", "roster.csv")) {
      codec::to_wire(setup.value(), &wire);
      corpus.write("event_decode", "setup-" + name, '\x01' + wire.SerializeAsString());
    }
  }
}

void http_seeds(Corpus& corpus) {
  const std::pair<const char*, const char*> requests[] = {
      {"index", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"},
      {"chair", "GET /chair HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"},
      {"asset", "GET /assets/app-1f2e.js?v=1 HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"head", "HEAD /secretary HTTP/1.0\r\n\r\n"},
      {"health", "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"},
      {"join", "GET /j/0123456789abcdef0123456789abcdef HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"post", "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"},
      {"chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"},
      {"upgrade", "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"},
      {"encoded", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"symlink", "GET /link.txt HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"pipelined", "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /assets/data/access.json HTTP/1.1\r\nHost: x\r\n\r\n"
                    "GET /.env HTTP/1.1\r\nHost: x\r\n\r\n"},
  };
  for (const auto& [name, text] : requests) corpus.write("http_request", name, text);
}

void minutes_seeds(Corpus& corpus) {
  std::string seed(1, '\x00'), with_pdf(1, 'P');
  for (const auto& [role, command] : scripted_meeting()) {
    std::string step = std::string(1, static_cast<char>(role)) + '\x3c' + FuzzInput::framed(command.SerializeAsString());
    seed += step;
    with_pdf += step;
  }
  corpus.write("minutes", "scripted-meeting", seed);
  corpus.write("minutes", "scripted-meeting-pdf", with_pdf);
}

}  // namespace
}  // namespace gavel::fuzz

int main(int argc, char** argv) {
  using namespace gavel::fuzz;
  if (argc != 2) {
    std::cerr << "usage: make_seeds CORPUS_DIR\n";
    return 2;
  }
  Corpus corpus(argv[1]);
  fs::path source = GAVEL_SOURCE_DIR;
  client_message_seeds(corpus);
  event_seeds(corpus);
  meeting_file_seeds(corpus, {{source / "examples/residents-council/meeting.toml", source / "examples/residents-council/roster.csv"},
                              {source / "tests/integration/fixtures/meeting.toml", source / "tests/integration/fixtures/roster.csv"},
                              {source / "tests/integration/fixtures/assembly/meeting.toml",
                               source / "tests/integration/fixtures/assembly/roster.csv"}});
  http_seeds(corpus);
  minutes_seeds(corpus);
  std::cout << "wrote " << corpus.written() << " seeds to " << argv[1] << "\n";
  return 0;
}
