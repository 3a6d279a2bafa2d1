#include "open_meeting.hpp"

#include <set>

#include "codec/codec.hpp"
#include "codec/views.hpp"
#include "meeting_file/meeting_file.hpp"
#include "net/doorkeeper.hpp"
#include "net/join_codes.hpp"

namespace gavel::gaveld {

namespace {
constexpr std::size_t kTail = 20000;

core::Error corrupt(const std::string& what) {
  return core::make_error(core::ErrorCode::internal, "数据库内容损坏：" + what, "the database is damaged: " + what);
}

std::vector<store::AccessToken> fresh_tokens(const core::MeetingSetup& setup) {
  std::vector<store::AccessToken> tokens;
  // Clickers and base stations each have their own credential (DIR/clickers.json).
  for (const char* role : {"chair", "secretary", "display"})
    tokens.push_back({net::random_token(), role, ""});
  for (const core::Participant& p : setup.roster) tokens.push_back({net::random_token(), "participant", p.id});
  return tokens;
}

// A personal code for every participant who has none yet (a meeting made
// before codes existed gets them on its next start), unique in the meeting.
core::Result<std::vector<store::AccessToken>> missing_codes(const std::vector<store::AccessToken>& tokens) {
  std::set<std::string> taken, coded;
  for (const store::AccessToken& t : tokens)
    if (t.role == store::kJoinCodeRole) {
      taken.insert(t.token);
      coded.insert(t.participant_id);
    }
  std::vector<store::AccessToken> codes;
  for (const store::AccessToken& t : tokens) {
    if (t.role != "participant" || coded.count(t.participant_id)) continue;
    std::optional<std::string> code;
    do code = net::random_join_code();
    while (code && taken.count(*code));
    if (!code) return core::make_error(core::ErrorCode::internal, "无法生成个人码", "no randomness for personal codes");
    taken.insert(*code);
    codes.push_back({*code, store::kJoinCodeRole, t.participant_id});
  }
  return codes;
}

core::Result<OpenedMeeting> create(store::MeetingStore& store, const Options& options, core::Millis now) {
  auto setup = meeting_file::load(*options.meeting, options.roster.value_or(std::filesystem::path()));
  if (!setup) return setup.error();
  v1::MeetingSetup wire;
  codec::to_wire(setup.value(), &wire);
  auto tokens = fresh_tokens(setup.value());
  auto codes = missing_codes(tokens);
  if (!codes) return codes.error();
  tokens.insert(tokens.end(), codes.value().begin(), codes.value().end());
  auto id = store.create_meeting(setup.value().info.title, wire.SerializeAsString(), tokens, now);
  if (!id) return id.error();
  OpenedMeeting opened{id.value(), core::Meeting(setup.value()), std::move(tokens), {}, 0, true, {}};
  return opened;
}
}  // namespace

core::Result<core::Meeting> fold(store::MeetingStore& store, store::MeetingId id, const std::string& setup,
                                 std::vector<store::StoredEvent>* tail, std::size_t* replayed) {
  v1::MeetingSetup wire_setup;
  if (!wire_setup.ParseFromString(setup)) return corrupt("meeting setup");
  auto decoded = codec::from_wire(wire_setup);
  if (!decoded) return decoded.error();
  core::Meeting meeting(decoded.value());
  std::size_t count = 0;
  auto ok = store.for_each_event(id, 0, [&](store::StoredEvent&& stored) -> core::Status {
    auto event = codec::replayed_event(stored.body);
    if (!event) return corrupt("event " + std::to_string(stored.seq));
    if (event.value().seq != meeting.state().seq + 1) return corrupt("gap before event " + std::to_string(stored.seq));
    meeting.apply(event.value());
    ++count;
    if (tail) {
      tail->push_back(std::move(stored));
      if (tail->size() > 2 * kTail) tail->erase(tail->begin(), tail->end() - static_cast<std::ptrdiff_t>(kTail));
    }
    return core::Ok{};
  });
  if (!ok) return ok.error();
  auto ballots = store.ballots(id);
  if (!ballots) return ballots.error();
  for (const core::SecretBallot& ballot : ballots.value()) meeting.apply(ballot);
  auto vetoes = store.veto_standings(id);
  if (!vetoes) return vetoes.error();
  for (const core::VetoStanding& veto : vetoes.value()) meeting.apply(veto);
  if (replayed) *replayed = count;
  return meeting;
}

core::Result<core::Meeting> replay(store::MeetingStore& store, store::MeetingId id, const std::string& setup,
                                   std::vector<store::StoredEvent>* tail, std::size_t* replayed) {
  auto meeting = fold(store, id, setup, tail, replayed);
  if (!meeting) return meeting;
  // Whatever the last run left in the WAL, the file keeps no commit order.
  if (auto folded = store.checkpoint(); !folded) return folded.error();
  return meeting;
}

core::Result<OpenedMeeting> open_meeting(store::MeetingStore& store, const Options& options, core::Millis now) {
  auto active = store.active_meeting();
  if (!active) return active.error();
  if (active.value()) {
    const store::MeetingRecord& record = *active.value();
    std::vector<store::StoredEvent> tail;
    std::size_t replayed = 0;
    auto meeting = replay(store, record.id, record.setup, &tail, &replayed);
    if (!meeting) return meeting.error();
    bool ended = meeting.value().state().phase == core::Phase::ended;
    if (options.meeting && ended) {
      if (auto ok = store.archive(record.id); !ok) return ok.error();
      auto created = create(store, options, now);
      if (created) created.value().notes.push_back("archived the finished meeting \"" + record.title + "\"");
      return created;
    }
    auto tokens = store.tokens(record.id);
    if (!tokens) return tokens.error();
    auto codes = missing_codes(tokens.value());
    if (!codes) return codes.error();
    if (!codes.value().empty()) {
      if (auto ok = store.add_tokens(record.id, codes.value()); !ok) return ok.error();
      tokens.value().insert(tokens.value().end(), codes.value().begin(), codes.value().end());
    }
    OpenedMeeting opened{record.id, std::move(meeting.value()), std::move(tokens.value()), std::move(tail),
                         replayed, false, {}};
    if (options.meeting)
      opened.notes.push_back("meeting \"" + record.title + "\" has not ended: resuming it and ignoring --meeting");
    return opened;
  }
  if (!options.meeting)
    return core::make_error(core::ErrorCode::invalid_argument, "没有进行中的会议：请用 --meeting 指定会议文件",
                            "no meeting in " + options.data.string() + ": give --meeting FILE.toml");
  return create(store, options, now);
}

}  // namespace gavel::gaveld
