#include "open_meeting.hpp"

#include <set>

#include "codec/codec.hpp"
#include "codec/views.hpp"
#include "meeting_file/meeting_file.hpp"
#include "net/doorkeeper.hpp"
#include "net/join_codes.hpp"
#include "store/log_writer.hpp"

namespace gavel::gaveld {

namespace {
constexpr std::size_t kTail = 20000;

core::Error corrupt(const std::string& what) {
  return core::make_error(core::ErrorCode::internal, "数据库内容损坏：" + what, "the database is damaged: " + what);
}

core::Result<std::vector<store::AccessToken>> fresh_tokens(const core::MeetingSetup& setup) {
  std::vector<store::AccessToken> tokens;
  auto add = [&](const std::string& role, const std::string& participant_id) {
    auto token = net::random_token();
    if (token) tokens.push_back({std::move(*token), role, participant_id});
    return token.has_value();
  };
  // Clickers and base stations each have their own credential (DIR/clickers.json).
  for (const char* role : {"chair", "secretary", "display"})
    if (!add(role, "")) return net::no_randomness();
  for (const core::Participant& p : setup.roster)
    if (!add("participant", p.id)) return net::no_randomness();
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
  auto fresh = fresh_tokens(setup.value());
  if (!fresh) return fresh.error();
  auto& tokens = fresh.value();
  auto codes = missing_codes(tokens);
  if (!codes) return codes.error();
  tokens.insert(tokens.end(), codes.value().begin(), codes.value().end());
  auto id = store.create_meeting(setup.value().info.title, wire.SerializeAsString(), tokens, now);
  if (!id) return id.error();
  OpenedMeeting opened{id.value(), core::Meeting(setup.value()), std::move(tokens), {}, 0, true, {}};
  return opened;
}
}  // namespace

namespace {
// The meeting as the latest state checkpoint left it, if it is usable (the
// store checked its chain hash); nullopt folds the whole log instead.
std::optional<core::Meeting> from_image(store::MeetingStore& store, store::MeetingId id) {
  auto image = store.state_image(id);
  if (!image || !image.value()) return std::nullopt;
  auto state = store::state_from(image.value()->state, [&](core::Id vote) -> std::optional<std::string> {
    auto record = store.vote_record(id, vote);
    return record ? record.value() : std::nullopt;
  });
  if (!state) return std::nullopt;
  return core::Meeting(std::move(state.value()));
}
}  // namespace

core::Result<core::Meeting> fold(store::MeetingStore& store, store::MeetingId id, const std::string& setup,
                                 std::vector<store::StoredEvent>* tail, std::size_t* replayed) {
  v1::MeetingSetup wire_setup;
  if (!wire_setup.ParseFromString(setup)) return corrupt("meeting setup");
  auto decoded = codec::from_wire(wire_setup);
  if (!decoded) return decoded.error();
  std::optional<core::Meeting> imaged = from_image(store, id);
  const core::Seq folded = imaged ? imaged->state().seq : 0;
  core::Meeting meeting = imaged ? std::move(*imaged) : core::Meeting(decoded.value());
  auto head = store.chain_head(id);
  if (!head) return head.error();
  // Resuming clients need the last events, folded or not.
  const core::Seq first_kept = head.value().seq > kTail ? head.value().seq - kTail : 0;
  std::size_t count = 0;
  auto ok = store.for_each_event(id, std::min(folded, first_kept), [&](store::StoredEvent&& stored) -> core::Status {
    if (stored.seq > folded) {
      auto event = codec::replayed_event(stored.body);
      if (!event) return corrupt("event " + std::to_string(stored.seq));
      if (event.value().seq != meeting.state().seq + 1) return corrupt("gap before event " + std::to_string(stored.seq));
      meeting.apply(event.value());
      ++count;
    }
    if (tail && stored.seq > first_kept) tail->push_back(std::move(stored));
    return core::Ok{};
  });
  if (!ok) return ok.error();
  // Only the open vote's ballots count (a closed vote keeps its result).
  if (const core::Vote* open = meeting.state().open_vote(); open && open->spec.secret) {
    auto ballots = store.ballots_of_vote(id, open->id);
    if (!ballots) return ballots.error();
    for (const core::SecretBallot& ballot : ballots.value()) meeting.apply(ballot);
    auto vetoes = store.veto_standings(id);
    if (!vetoes) return vetoes.error();
    for (const core::VetoStanding& veto : vetoes.value()) meeting.apply(veto);
  }
  if (replayed) *replayed = count;
  return meeting;
}

core::Result<core::Meeting> replay(store::MeetingStore& store, store::MeetingId id, const std::string& setup,
                                   std::vector<store::StoredEvent>* tail, std::size_t* replayed) {
  // A kill -9 may have left a ballot box ahead of the log, or one sealed
  // but not yet wiped.
  if (auto ok = store.recover_ballot_boxes(id); !ok) return ok.error();
  auto checkpoint = store.state_image(id);
  if (!checkpoint) return checkpoint.error();
  std::size_t count = 0;
  auto meeting = fold(store, id, setup, tail, &count);
  if (!meeting) return meeting;
  if (replayed) *replayed = count;
  // A long fold is kept as a checkpoint, so the next start is short. Without
  // one before, every closed vote's record goes with it; with one, the hall
  // wrote each close's record already.
  const bool had_checkpoint = checkpoint.value().has_value();
  if (count >= store::LogWriter::kImageEvery || (!had_checkpoint && count > 0)) {
    const core::Id closed_from = had_checkpoint ? meeting.value().state().next_vote : 1;
    if (auto saved = store.save_image(id, store::image_of(meeting.value().state(), closed_from)); !saved)
      return saved.error();
  }
  // Whatever the last run left in the WAL, the file keeps no commit order.
  if (auto truncated = store.checkpoint(); !truncated) return truncated.error();
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
    const core::MeetingState& state = meeting.value().state();
    bool ended = state.phase == core::Phase::ended;
    // Archived minutes can no longer be signed: the secretary's 24 hours must
    // not end because the next meeting was started first.
    bool never_signed = state.minutes_versions.empty();
    if (options.meeting && ended && never_signed && !options.archive_unsigned)
      return core::make_error(
          core::ErrorCode::invalid_state,
          "会议「" + record.title + "」已结束，但纪要尚未签署：开始新会议后就不能再签署。请先不带 --meeting 启动 gaveld，"
          "由记录员签署（gavelctl --role secretary minutes sign 姓名）；确要放弃签署，加 --archive-unsigned",
          "the meeting \"" + record.title + "\" has ended but its minutes are not signed, and they cannot be signed "
          "once a new meeting starts: start gaveld without --meeting and have the secretary sign "
          "(gavelctl --role secretary minutes sign NAME), or add --archive-unsigned to archive it unsigned");
    if (options.meeting && ended) {
      bool unsigned_changes = !never_signed && state.minutes != core::MinutesState::signed_off;
      if (auto ok = store.archive(record.id); !ok) return ok.error();
      auto created = create(store, options, now);
      if (created) {
        created.value().notes.push_back("archived the finished meeting \"" + record.title + "\"" +
                                        (never_signed ? " with its minutes unsigned (--archive-unsigned)" : ""));
        if (unsigned_changes)
          created.value().notes.push_back("its minutes' corrections after the last signed version were not signed");
      }
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
