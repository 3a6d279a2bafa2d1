// gaveld: opens the data folder, rebuilds the meeting from its log, and
// serves it until Ctrl-C. Exceptions end here, at start-up, as one line.
#include <sys/stat.h>

#include <csignal>

#include <chrono>
#include <fstream>
#include <iostream>

#include "gaveld/access_file.hpp"
#include "gaveld/open_meeting.hpp"
#include "gaveld/options.hpp"
#include "gaveld/read_back.hpp"
#include "gaveld/web_pages.hpp"
#include "net/doorkeeper.hpp"
#include "net/server.hpp"
#include "net/wall_clock.hpp"
#include "record/minutes_seal.hpp"
#include "record/record_file.hpp"

namespace {
using namespace gavel;

int fail(const std::string& message) {
  std::cerr << "gaveld: " << message << "\n";
  return 1;
}

// The fleet from DIR/clickers.json, with a Wi-Fi clicker for every roster
// clicker_id it does not know yet; written back at once and on every change.
core::Status equip_clickers(net::Server& server, const std::filesystem::path& dir, const core::MeetingState& state) {
  std::filesystem::path file = dir / "clickers.json";
  std::string text;
  if (std::ifstream in(file); in) text.assign(std::istreambuf_iterator<char>(in), {});
  auto fleet = clicker::Fleet::from_json(text);
  if (!fleet) return fleet.error();
  fleet.value().seed(state.roster, [] { return net::random_token(); });
  auto save = [file](const std::string& json) { return gaveld::write_private_file(file, json); };
  if (auto ok = save(fleet.value().to_json()); !ok) return ok;
  server.equip_clickers(std::move(fleet.value()), save);
  return core::Ok{};
}

int serve(const gaveld::Options& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.data, ec);
  if (ec) return fail("cannot create " + options.data.string() + ": " + ec.message());
  ::chmod(options.data.c_str(), 0700);
  // Before anything else: a web folder that holds the data folder would serve its tokens.
  net::WebRoot web;
  if (options.web) {
    auto opened_web = net::WebRoot::open(*options.web, options.data);
    if (!opened_web) return fail(opened_web.error().message_zh + "\n        " + opened_web.error().message_en);
    web = std::move(opened_web.value());
  }

  auto started = std::chrono::steady_clock::now();
  auto store = store::MeetingStore::open(options.data / "gavel.db");
  if (!store) return fail(store.error().message_en);
  auto signer = record::Signer::open(options.data);
  if (!signer) return fail(signer.error().message_en);
  auto opened = gaveld::open_meeting(store.value(), options, net::wall_ms());
  if (!opened) return fail(opened.error().message_en);
  gaveld::OpenedMeeting& meeting = opened.value();
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  for (const std::string& note : meeting.notes) std::cout << "gaveld: " << note << "\n";
  std::cout << "gaveld: " << (meeting.created ? "created" : "resumed") << " \""
            << meeting.meeting.state().info.title << "\": " << meeting.replayed << " events replayed in "
            << took.count() << " ms\n";

  net::Doorkeeper doorkeeper;
  for (const store::AccessToken& token : meeting.tokens)
    if (token.role == store::kJoinCodeRole) doorkeeper.add_code(token.token, token.participant_id);
    else if (auto role = net::role_from_name(token.role); role && *role != core::Role::clicker)
      doorkeeper.add(token.token, {*role, token.participant_id, ""});

  net::ServerOptions server_options = options.server;
  server_options.web = std::move(web);
  const std::string fingerprint = signer.value().fingerprint();
  auto shared_signer = std::make_shared<const record::Signer>(std::move(signer.value()));
  auto sealer = record::sign_on(shared_signer, meeting.id);
  auto writer = std::make_unique<store::LogWriter>(std::move(store.value()), meeting.id, std::move(sealer));
  const store::LogWriter* log = writer.get();  // owned by the server until it stops
  core::MeetingState snapshot_of_state = meeting.meeting.state();
  net::Server server(server_options, std::move(meeting.meeting), std::move(doorkeeper), std::move(writer),
                     std::move(meeting.tail));
  if (auto ok = equip_clickers(server, options.data, snapshot_of_state); !ok) return fail(ok.error().message_en);
  // A refused write rebuilds the hall's state from the record (net/storage_health.hpp).
  server.reload_from([database = options.data / "gavel.db"] { return gaveld::read_back(database); });
  server.seal_minutes_with([shared_signer, log](core::cmd::SignMinutes& sign) {
    record::seal_minutes(*shared_signer, log->head(), sign);
  });
  server.export_record_with([db = options.data / "gavel.db", id = meeting.id]() -> core::Result<std::string> {
    auto reader = store::MeetingStore::open_read_only(db);
    if (!reader) return reader.error();
    auto record = record::read_record(reader.value(), id);
    if (!record) return record.error();
    return record::to_json(record.value());
  });
  auto port = server.listen();
  if (!port) return fail(port.error().message_en);

  bool tls = server_options.tls_cert.has_value();
  auto urls = gaveld::urls_for(gaveld::reachable_host(server_options.bind), port.value(), tls);
  server.set_join_base(urls.join);
  if (auto ok = gaveld::write_access_files(options.data, urls, meeting.tokens, snapshot_of_state); !ok)
    return fail(ok.error().message_en);
  std::cout << "gaveld: listening on " << server_options.bind << ":" << port.value() << "\n";
  if (server_options.web.serves() && std::filesystem::exists(server_options.web.path() / "index.html"))
    gaveld::print_page_links(std::cout, urls, meeting.tokens);
  else
    std::cout << "  web pages:        none installed (--web DIR); use gavelctl and clickers\n";
  std::cout << "  projector:        gavel-display --access " << (options.data / "access.json").string() << "\n"
            << "  tokens:           " << (options.data / "access.json").string() << ", "
            << (options.data / "participants.csv").string() << ", "
            << (options.data / "clickers.json").string() << "\n"
            << "  record key:       " << fingerprint << " (" << (options.data / record::kKeyFile).string() << ")\n"
            << std::flush;
  server.run();
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  auto parsed = gaveld::parse_options(argc, argv);
  if (std::holds_alternative<gaveld::ShowHelp>(parsed)) {
    std::cout << gaveld::kUsage;
    return 0;
  }
  if (auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << "gaveld: " << *error << "\n" << gaveld::kUsage;
    return 2;
  }
  auto options = std::get<gaveld::Options>(parsed);
  // A file size limit (ulimit -f) must reach the store as a refused write, not end the process.
  std::signal(SIGXFSZ, SIG_IGN);
  if (!options.web && !options.no_web) options.web = gaveld::installed_pages();
  try {
    return serve(options);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}
