// gavel-clicker-sim: a whole fleet of clickers against a real gaveld.
//
//   gavel-clicker-sim --write-meeting DIR --scenario hall-2000
//   gaveld --data DATA --meeting DIR/meeting.toml --bind 127.0.0.1
//   gavel-clicker-sim --access DATA/access.json --scenario hall-2000 --seed 7
//
// It chairs the meeting itself (presence, a debate, one named vote), drives
// the devices and people of the scenario, prints what happened and checks
// its ledger against the server's result: exit 0 when it matches, 1 when
// not, 2 for wrong arguments. One thread, one io_context.
#include <sys/resource.h>

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "chair.hpp"
#include "fleet.hpp"
#include "knobs.hpp"
#include "report.hpp"

namespace {
using namespace gavel;
using namespace gavel::sim;

constexpr const char* kUsage = R"(usage: gavel-clicker-sim --access DIR/access.json --scenario NAME [--seed N]
                         [--clickers N] [--mode wifi|base] [--reconnect backoff|naive]
                         [--loss P] [--brownouts SHARE] [--change SHARE] [--outage-at MS]
                         [--time-scale X] [--progress] [--lang zh|en]
       gavel-clicker-sim --write-meeting DIR --scenario NAME [--clickers N]

Scenarios: board-30, council-150, hall-2000, storm-10000 (docs/clickers.md).
--loss: radio frames lost; --brownouts: devices that reset during the vote;
--change: voters who change their answer; --outage-at: every link drops this
long after the vote opens (a reconnect storm); --time-scale: the people's
times multiplied by X; --progress: a line every 250 ms while the vote is open.
--write-meeting writes DIR/meeting.toml and DIR/roster.csv with a clicker for
each participant, for gaveld --meeting. --lang: the language of connection and
server errors (default en, as the report; zh: 中文).
)";

struct Options {
  std::string access, write_meeting;
  Knobs knobs;
  std::uint64_t seed = 1;
  bool progress = false;
  client::Language lang = client::Language::en;  // of errors: they come in both
};

int usage(const std::string& why) {
  std::cerr << "gavel-clicker-sim: " << why << "\n" << kUsage;
  return 2;
}

std::optional<std::string> parse(int argc, char** argv, Options& o) {
  std::map<std::string, std::string> given;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "--progress") {
      o.progress = true;
      continue;
    }
    if (word == "-h" || word == "--help") return "";
    if (i + 1 >= argc) return word + " needs a value";
    given[word] = argv[++i];
  }
  if (!given.count("--scenario")) return std::string("give --scenario (") + scenario_names() + ")";
  auto k = scenario(given["--scenario"]);
  if (!k) return "unknown scenario " + given["--scenario"] + " (" + scenario_names() + ")";
  o.knobs = *k;
  try {
    for (const auto& [flag, value] : given) {
      if (flag == "--scenario") continue;
      else if (flag == "--access") o.access = value;
      else if (flag == "--write-meeting") o.write_meeting = value;
      else if (flag == "--seed") o.seed = std::stoull(value);
      else if (flag == "--clickers") o.knobs.clickers = static_cast<std::uint32_t>(std::stoul(value));
      else if (flag == "--loss") o.knobs.radio_loss = std::stod(value);
      else if (flag == "--time-scale") o.knobs.time_scale = std::stod(value);
      else if (flag == "--brownouts") o.knobs.brownout_share = std::stod(value);
      else if (flag == "--outage-at") o.knobs.outage_at_ms = std::stod(value);
      else if (flag == "--change") o.knobs.change_share = std::stod(value);
      else if (flag == "--mode" && (value == "wifi" || value == "base"))
        o.knobs.mode = value == "wifi" ? Mode::wifi : Mode::base;
      else if (flag == "--lang" && (value == "zh" || value == "en"))
        o.lang = value == "zh" ? client::Language::zh : client::Language::en;
      else if (flag == "--reconnect" && (value == "backoff" || value == "naive"))
        o.knobs.reconnect = value == "naive" ? Reconnect::naive : Reconnect::backoff;
      else return "unknown option or value: " + flag + " " + value;
    }
  } catch (const std::exception&) {
    return "not a number in the options";
  }
  if (o.knobs.clickers < 1 || o.knobs.clickers > 10000) return "--clickers must be 1 to 10000";
  if (o.knobs.radio_loss < 0 || o.knobs.radio_loss > 0.9) return "--loss must be from 0 to 0.9";
  for (double share : {o.knobs.brownout_share, o.knobs.change_share})
    if (share < 0 || share > 1) return "--brownouts and --change are shares from 0 to 1";
  if (o.knobs.time_scale <= 0 || o.knobs.time_scale > 10) return "--time-scale must be above 0, at most 10";
  if (o.access.empty() && o.write_meeting.empty()) return "give --access DIR/access.json";
  return std::nullopt;
}

std::string id_of(const char* prefix, std::uint32_t i) {
  char text[16];
  std::snprintf(text, sizeof text, "%s%05u", prefix, i);
  return text;
}

int write_meeting(const Options& o) {
  std::filesystem::path dir = o.write_meeting;
  std::filesystem::create_directories(dir);
  std::ofstream toml(dir / "meeting.toml");
  toml << "# Written by gavel-clicker-sim for scenario " << o.knobs.scenario << ".\n"
       << "[meeting]\ntitle = \"表决器演练 " << o.knobs.scenario << "\"\ndate = 2026-12-01\n"
       << "start = 2026-12-01T09:00:00+08:00\nplace = \"模拟会场\"\nchair = \"模拟主持人\"\n"
       << "secretary = \"模拟记录员\"\nroster = \"roster.csv\"\n\n[quorum]\nmin_present = 1\nmin_fraction = 0.0\n\n"
       << "[[item]]\nid = \"drill\"\ntitle = \"表决器演练\"\npublished = 2026-11-20T09:00:00+08:00\n"
       << "background = \"模拟表决。\"\nproposal = \"通过演练议案。\"\n";
  std::ofstream roster(dir / "roster.csv");
  roster << "id,name,group,weight,seat,clicker_id,invited_items\n";
  for (std::uint32_t i = 1; i <= o.knobs.clickers; ++i)
    roster << id_of("P", i) << ",参会者" << i << "," << (i % 3 == 0 ? "青年居民" : "老年居民") << ",1,,"
           << id_of("CK-", i) << ",\n";
  if (!toml || !roster) return usage("cannot write " + dir.string());
  std::cout << "wrote " << (dir / "meeting.toml").string() << " and roster.csv with " << o.knobs.clickers
            << " participants\n";
  return 0;
}

nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in, nullptr, false);
}

v1::Command command_with(void (*fill)(v1::Command&)) {
  v1::Command c;
  fill(c);
  return c;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int simulate(const Options& o) {
  auto access = client::load_access_file(o.access);
  if (!access) return usage(client::describe(access.error(), o.lang));
  auto endpoint = client::parse_endpoint(access.value().server_url());
  if (!endpoint || endpoint.value().tls) return usage("the simulator speaks plain ws:// to a gaveld on this machine");
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(endpoint.value().host, ec);
  if (ec || !address.is_loopback()) return usage("the simulator connects to loopback addresses only, not " + endpoint.value().host);
  boost::asio::ip::tcp::endpoint server(address, static_cast<unsigned short>(std::stoi(endpoint.value().port)));

  boost::asio::io_context io(1);
  std::unique_ptr<Fleet> fleet;
  auto run_for = [&](std::chrono::milliseconds d) {
    io.restart();
    io.run_for(d);
  };
  auto run_until = [&](const std::function<bool()>& done, std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < end) run_for(std::chrono::milliseconds(50));
    return done();
  };
  Chair chair(access.value(), endpoint.value(), run_for);
  auto fail = [&o](const std::string& what, const client::Error& e) {
    std::cerr << "gavel-clicker-sim: " << what << ": " << client::describe(e, o.lang) << "\n";
    return 1;
  };

  // The meeting: started, its first item open.
  auto state = chair.snapshot();
  if (!state) return fail("reading the meeting", state.error());
  if (state.value().phase() == v1::MEETING_SCHEDULED)
    if (auto ok = chair.call(command_with([](v1::Command& c) { c.mutable_start_meeting(); }), v1::ERROR_INVALID_STATE); !ok)
      return fail("starting the meeting", ok.error());
  if (state.value().agenda_size() == 0) return usage("the meeting has no agenda item to vote on");
  if (state.value().current_item_id().empty()) {
    v1::Command open;
    open.mutable_open_item()->set_item_id(state.value().agenda(0).id());
    if (auto ok = chair.call(open, v1::ERROR_INVALID_STATE); !ok) return fail("opening the item", ok.error());
  }

  // The fleet: the first N paired clickers, Wi-Fi or behind base stations of 250.
  std::filesystem::path fleet_file = std::filesystem::path(o.access).parent_path() / "clickers.json";
  std::vector<Unit> units;
  std::set<std::string> on_roster;
  for (const auto& p : state.value().roster()) on_roster.insert(p.id());
  for (const auto& d : read_json(fleet_file).value("devices", nlohmann::json::array())) {
    if (d.value("revoked", false) || !on_roster.count(d.value("holder", ""))) continue;
    units.push_back({d.value("id", ""), d.value("holder", "")});
  }
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.device_id < b.device_id; });
  if (units.size() > o.knobs.clickers) units.resize(o.knobs.clickers);
  if (units.empty()) return usage("no paired clickers in " + fleet_file.string() + " (gavel-clicker-sim --write-meeting)");
  bool base_mode = o.knobs.mode == Mode::base;
  std::vector<Station> stations;
  std::uint32_t per_base = std::min<std::uint32_t>(o.knobs.per_base, 250);
  for (std::size_t i = 0; i < units.size(); ++i) {
    bool fresh = base_mode ? i % per_base == 0 : true;
    if (fresh) stations.push_back({base_mode ? id_of("BS-", static_cast<std::uint32_t>(stations.size() + 1)) : units[i].device_id, "", {}});
    stations.back().devices.push_back(i);
  }
  // Wi-Fi clickers seeded from the roster have their credentials already.
  std::set<std::string> with_token;
  for (const auto& d : read_json(fleet_file).value("devices", nlohmann::json::array()))
    if (!d.value("token", "").empty() && d.value("base", "").empty()) with_token.insert(d.value("id", ""));
  for (const Station& s : stations) {
    if (!base_mode && with_token.count(s.id)) continue;
    v1::ClickerAdmin enroll;
    for (std::size_t i : s.devices) enroll.mutable_enroll()->add_device_ids(units[i].device_id);
    enroll.mutable_enroll()->set_base_id(base_mode ? s.id : "");
    if (auto ok = chair.admin(enroll); !ok) return fail("enrolling " + s.id, ok.error());
  }
  nlohmann::json written = read_json(fleet_file);
  std::map<std::string, std::string> tokens;
  for (const char* list : {"devices", "bases"})
    for (const auto& e : written.value(list, nlohmann::json::array())) tokens[e.value("id", "")] = e.value("token", "");
  for (Station& s : stations) {
    s.token = tokens[s.id];
    if (s.token.empty()) return usage("no credential for " + s.id + " in " + fleet_file.string());
  }

  double cpu_before = cpu_seconds();
  auto started = std::chrono::steady_clock::now();
  fleet = std::make_unique<Fleet>(io, server, o.knobs, o.seed, units, stations, base_mode);
  std::cout << "gavel-clicker-sim: " << o.knobs.scenario << ", " << units.size() << " clickers over "
            << stations.size() << (base_mode ? " base stations" : " Wi-Fi links") << ", seed " << o.seed << "\n"
            << std::flush;
  fleet->power_on();
  if (!run_until([&] { return fleet->links_up() == stations.size(); },
                 std::chrono::milliseconds(static_cast<int>(o.knobs.power_on_ms) + 30000)))
    std::cout << "warning: only " << fleet->links_up() << " of " << stations.size() << " links came up\n";

  // Presence, then the desk checks in whoever's press did not get through.
  fleet->arrive();
  run_until([&] { return false; }, std::chrono::milliseconds(static_cast<int>(o.knobs.arrival_ms * o.knobs.time_scale) + 500));
  run_until([&] { return fleet->settled(); }, std::chrono::seconds(10));
  auto present = chair.snapshot();
  if (!present) return fail("reading attendance", present.error());
  std::set<std::string> absent;
  for (const auto& p : present.value().roster())
    if (!p.present()) absent.insert(p.id());
  std::uint32_t desk = 0;
  for (const Unit& u : units)
    if (absent.count(u.holder)) {
      v1::Command c;
      c.mutable_check_in()->set_participant_id(u.holder);
      if (chair.call(c, v1::ERROR_DUPLICATE)) ++desk;
    }

  // The debate: a seconded motion, hands raised.
  v1::Command propose;
  propose.mutable_propose_motion()->set_text("通过演练议案");
  propose.mutable_propose_motion()->set_mover_id(units.front().holder);
  auto motion = chair.call(propose);
  if (!motion) return fail("proposing the motion", motion.error());
  v1::Command second;
  second.mutable_second_motion()->set_motion_id(motion.value().created_id());
  second.mutable_second_motion()->set_seconder_id(units.back().holder);
  if (auto ok = chair.call(second); !ok) return fail("seconding the motion", ok.error());
  fleet->debate();
  run_until([&] { return false; }, std::chrono::milliseconds(static_cast<int>(o.knobs.debate_ms * o.knobs.time_scale)));

  // The vote.
  v1::Command open;
  auto* spec = open.mutable_open_vote()->mutable_spec();
  spec->set_motion_id(motion.value().created_id());
  spec->set_form(v1::BALLOT_YES_NO_ABSTAIN);
  spec->set_threshold(v1::THRESHOLD_SIMPLE_MAJORITY);
  auto opened = chair.call(open);
  if (!opened) return fail("opening the vote", opened.error());
  std::cout << "vote open\n" << std::flush;
  fleet->vote_opened(3);
  auto window_end = std::chrono::steady_clock::now() +
                    std::chrono::milliseconds(static_cast<int>(o.knobs.vote_window_ms * o.knobs.time_scale));
  while (std::chrono::steady_clock::now() < window_end) {
    run_for(std::chrono::milliseconds(250));
    if (o.progress)
      std::cout << "progress acknowledged=" << fleet->stats().acknowledged << " links_up=" << fleet->links_up() << "\n"
                << std::flush;
  }
  if (auto ok = chair.call(command_with([](v1::Command& c) { c.mutable_close_vote(); }), v1::ERROR_INVALID_STATE); !ok)
    return fail("closing the vote", ok.error());
  std::cout << "vote closed\n" << std::flush;
  fleet->vote_closed();
  run_until([&] { return false; }, std::chrono::milliseconds(static_cast<int>(2000 * o.knobs.time_scale) + 200));
  run_until([&] { return fleet->settled(); }, std::chrono::milliseconds(static_cast<int>(o.knobs.give_up_ms) + 2000));
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  double cpu = cpu_seconds() - cpu_before;

  auto final_state = chair.snapshot();
  if (!final_state) return fail("reading the result", final_state.error());
  const v1::Vote* vote = nullptr;
  for (const auto& v : final_state.value().votes())
    if (v.id() == opened.value().created_id()) vote = &v;
  if (!vote) return usage("the vote is not in the meeting");
  Ledger::Check check = fleet->ledger().check(vote->result());
  print_report(std::cout, o.knobs, fleet->stats(), check, desk, elapsed, cpu);
  return check.passed ? 0 : 1;
}
}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (auto error = parse(argc, argv, options)) {
    if (error->empty()) {
      std::cout << kUsage;
      return 0;
    }
    return usage(*error);
  }
  try {
    return options.write_meeting.empty() ? simulate(options) : write_meeting(options);
  } catch (const std::exception& e) {
    std::cerr << "gavel-clicker-sim: " << e.what() << "\n";
    return 1;
  }
}
