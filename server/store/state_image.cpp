#include "state_image.hpp"

#include <bit>
#include <concepts>
#include <cstring>
#include <map>
#include <set>
#include <type_traits>

namespace gavel::store {

namespace {
using namespace core;

// Raise it whenever the layout below changes: an image of another format is
// ignored (the whole log is folded instead), never misread.
constexpr std::uint64_t kFormat = 2;

// A new field in one of these structs must be added to its fields() below,
// or a restart from an image would silently lose it. (Sizes as on 64-bit
// libstdc++, which both of Gavel's compilers use here.)
#if defined(__GLIBCXX__) && __SIZEOF_POINTER__ == 8
static_assert(sizeof(Participant) == 200, "a field was added to Participant: add it to fields() below");
static_assert(sizeof(Member) == 208, "a field was added to Member: add it to fields() below");
static_assert(sizeof(AgendaItem) == 200, "a field was added to AgendaItem: add it to fields() below");
static_assert(sizeof(Item) == 288, "a field was added to Item: add it to fields() below");
static_assert(sizeof(MeetingInfo) == 288, "a field was added to MeetingInfo: add it to fields() below");
static_assert(sizeof(Speech) == 128, "a field was added to Speech: add it to fields() below");
static_assert(sizeof(Dissent) == 160, "a field was added to Dissent: add it to fields() below");
static_assert(sizeof(Motion) == 160, "a field was added to Motion: add it to fields() below");
static_assert(sizeof(VoteSpec) == 152, "a field was added to VoteSpec: add it to fields() below");
static_assert(sizeof(VoteResult) == 128, "a field was added to VoteResult: add it to fields() below");
static_assert(sizeof(Vote) == 784, "a field was added to Vote: add it to fields() below");
static_assert(sizeof(Resolution) == 208, "a field was added to Resolution: add it to fields() below");
static_assert(sizeof(MinutesEdit) == 88, "a field was added to MinutesEdit: add it to fields() below");
static_assert(sizeof(MinutesVersion) == 184, "a field was added to MinutesVersion: add it to fields() below");
static_assert(sizeof(MeetingState) == 1080, "a field was added to MeetingState: add it to fields() below");
static_assert(sizeof(SpeakRequest) == 56, "a field was added to SpeakRequest: add it to fields() below");
static_assert(sizeof(SpeakingTotal) == 16, "a field was added to SpeakingTotal: add it to fields() below");
static_assert(sizeof(AbsentOpinion) == 72, "a field was added to AbsentOpinion: add it to fields() below");
static_assert(sizeof(VoteOption) == 64, "a field was added to VoteOption: add it to fields() below");
static_assert(sizeof(ChoiceCount) == 48, "a field was added to ChoiceCount: add it to fields() below");
static_assert(sizeof(Quorum) == 16, "a field was added to Quorum: add it to fields() below");
static_assert(sizeof(QueueRules) == 2, "a field was added to QueueRules: add it to fields() below");
static_assert(sizeof(RoomWifi) == 96, "a field was added to RoomWifi: add it to fields() below");
#endif

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

// Each struct's fields, once, for writing (const) and reading alike.
template <class Io, Is<Quorum> T> void fields(Io& io, T& x) { io(x.min_present, x.min_fraction); }
template <class Io, Is<QueueRules> T> void fields(Io& io, T& x) { io(x.first_time_speakers_first, x.alternate_groups); }
template <class Io, Is<RoomWifi> T> void fields(Io& io, T& x) { io(x.ssid, x.password, x.security); }
template <class Io, Is<MeetingInfo> T> void fields(Io& io, T& x) {
  io(x.title, x.date, x.place, x.chair_name, x.secretary_name, x.scheduled_start, x.quorum, x.queue_rules,
     x.live_tally_allowed, x.minutes_style, x.wifi);
}
template <class Io, Is<Participant> T> void fields(Io& io, T& x) {
  io(x.id, x.name, x.group, x.weight, x.seat, x.clicker_id, x.invited, x.invited_items);
}
template <class Io, Is<Member> T> void fields(Io& io, T& x) { io(x.info, x.present, x.attended); }
template <class Io, Is<VoteOption> T> void fields(Io& io, T& x) { io(x.label, x.description); }
template <class Io, Is<AgendaItem> T> void fields(Io& io, T& x) {
  io(x.id, x.title, x.background, x.proposal, x.published, x.speech_limit_s, x.max_speeches_per_person, x.veto_group,
     x.options);
}
template <class Io, Is<AbsentOpinion> T> void fields(Io& io, T& x) { io(x.author, x.text, x.received); }
template <class Io, Is<Item> T> void fields(Io& io, T& x) { io(x.info, x.state, x.opinions, x.recused, x.reopened); }
template <class Io, Is<SpeakRequest> T> void fields(Io& io, T& x) { io(x.id, x.participant_id, x.kind, x.requested); }
template <class Io, Is<Speech> T> void fields(Io& io, T& x) {
  io(x.id, x.request_id, x.participant_id, x.item_id, x.kind, x.started, x.limit_s, x.extended_s, x.paused_at,
     x.paused_total, x.ended);
}
template <class Io, Is<Dissent> T> void fields(Io& io, T& x) {
  io(x.id, x.item_id, x.kind, x.participant_id, x.text, x.reply, x.recorded, x.motion_id);
}
template <class Io, Is<Motion> T> void fields(Io& io, T& x) {
  io(x.id, x.item_id, x.amends, x.mover_id, x.seconder_id, x.text, x.state, x.moved);
}
template <class Io, Is<VoteSpec> T> void fields(Io& io, T& x) {
  io(x.motion_id, x.question, x.form, x.options, x.option_descriptions, x.max_choices, x.secret, x.threshold,
     x.abstentions_count, x.weighted, x.veto_group, x.live_tally);
}
template <class Io, Is<ChoiceCount> T> void fields(Io& io, T& x) { io(x.option, x.count, x.weight); }
template <class Io, Is<VoteResult> T> void fields(Io& io, T& x) {
  io(x.eligible, x.cast, x.recused, x.counts, x.rule, x.needed, x.outcome, x.quorate_at_open, x.quorate_at_close,
     x.vetoed, x.chosen_option, x.receipts_published);
}
// Not the ballot box (secret, restored), not who said a veto "no" (veto_no)
// and not the veto bit: none of them is a fold of the events.
template <class Io, Is<Vote> T> void fields(Io& io, T& x) {
  io(x.id, x.item_id, x.spec, x.eligible, x.recused, x.quorate_at_open, x.opened, x.closed, x.open, x.voters, x.named,
     x.press_ids, x.live_counts, x.live_cast, x.live_at, x.changes_since_live, x.result);
}
template <class Io, Is<Resolution> T> void fields(Io& io, T& x) {
  io(x.id, x.item_id, x.motion_id, x.vote_id, x.text, x.responsible, x.deadline, x.recorded, x.status, x.status_note,
     x.status_changed);
}
template <class Io, Is<SpeakingTotal> T> void fields(Io& io, T& x) { io(x.spoken, x.speeches); }
template <class Io, Is<MinutesEdit> T> void fields(Io& io, T& x) { io(x.kind, x.target, x.text, x.version, x.at); }
template <class Io, Is<MinutesVersion> T> void fields(Io& io, T& x) {
  io(x.version, x.signed_by, x.signed_at, x.content_sha256, x.head_seq, x.head_sha256, x.signature, x.key_fingerprint);
}
// The votes are written apart (closed ones by id); the indexes are rebuilt.
template <class Io, Is<MeetingState> T> void fields(Io& io, T& x) {
  io(x.info, x.roster, x.agenda, x.seq, x.phase, x.started, x.ended, x.current_item, x.queue, x.list_closed, x.hand_presses, x.speech,
     x.speeches, x.dissent, x.motions, x.resolutions, x.minutes, x.minutes_due, x.minutes_signed_by, x.minutes_signed,
     x.minutes_edits, x.minutes_versions, x.totals_by_person, x.totals_by_group, x.next_request, x.next_speech,
     x.next_dissent, x.next_motion, x.next_vote, x.next_resolution);
}

template <class T> struct IsVector : std::false_type {};
template <class T> struct IsVector<std::vector<T>> : std::true_type {};
template <class T> struct IsSet : std::false_type {};
template <class T> struct IsSet<std::set<T>> : std::true_type {};
template <class T> struct IsMap : std::false_type {};
template <class K, class V> struct IsMap<std::map<K, V>> : std::true_type {};
template <class T> struct IsOptional : std::false_type {};
template <class T> struct IsOptional<std::optional<T>> : std::true_type {};

// Varints for integers (zigzag for signed ones), 8 raw bytes for doubles,
// a length before strings and containers.
class Writer {
 public:
  template <class... T> void operator()(const T&... xs) { (item(xs), ...); }
  std::string take() { return std::move(out_); }

  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }

  template <class T> void item(const T& x) {
    if constexpr (std::is_same_v<T, bool>) {
      varint(x ? 1 : 0);
    } else if constexpr (std::is_enum_v<T>) {
      item(static_cast<std::int64_t>(x));
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      auto v = static_cast<std::int64_t>(x);
      varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
    } else if constexpr (std::is_integral_v<T>) {
      varint(static_cast<std::uint64_t>(x));
    } else if constexpr (std::is_same_v<T, double>) {
      varint(std::bit_cast<std::uint64_t>(x));
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
      varint(x.size());
      out_ += x;
    } else if constexpr (IsVector<T>::value || IsSet<T>::value || std::is_same_v<T, ReceiptLines>) {
      varint(x.size());
      for (const auto& e : x) item(e);
    } else if constexpr (IsMap<T>::value) {
      varint(x.size());
      for (const auto& [k, v] : x) {
        item(k);
        item(v);
      }
    } else if constexpr (IsOptional<T>::value) {
      item(x.has_value());
      if (x) item(*x);
    } else {
      fields(*this, x);
    }
  }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class... T> void operator()(T&... xs) { (item(xs), ...); }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && at_ == in_.size(); }

  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) break;
      auto byte = static_cast<std::uint8_t>(in_[at_++]);
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  // A count of things still to read: never more than the bytes left.
  std::size_t count() {
    std::uint64_t n = varint();
    if (n > in_.size() - at_) ok_ = false;
    return ok_ ? static_cast<std::size_t>(n) : 0;
  }

  template <class T> void item(T& x) {
    if (!ok_) return;
    if constexpr (std::is_same_v<T, bool>) {
      x = varint() != 0;
    } else if constexpr (std::is_enum_v<T>) {
      std::int64_t v = 0;
      item(v);
      x = static_cast<T>(v);
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      std::uint64_t v = varint();
      x = static_cast<T>(static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1));
    } else if constexpr (std::is_integral_v<T>) {
      x = static_cast<T>(varint());
    } else if constexpr (std::is_same_v<T, double>) {
      x = std::bit_cast<double>(varint());
    } else if constexpr (std::is_same_v<T, std::string>) {
      std::size_t n = count();
      x.assign(in_.substr(at_, n));
      at_ += n;
    } else if constexpr (IsVector<T>::value) {
      x.resize(count());
      for (auto& e : x) item(e);
    } else if constexpr (std::is_same_v<T, ReceiptLines>) {
      // The same bytes as a vector of strings.
      x.clear();
      for (std::size_t n = count(); n > 0 && ok_; --n) {
        std::size_t length = count();
        x.push_back(in_.substr(at_, length));
        at_ += length;
      }
      x.shrink_to_fit();
    } else if constexpr (IsSet<T>::value) {
      x.clear();
      for (std::size_t n = count(); n > 0 && ok_; --n) {
        typename T::value_type v;
        item(v);
        x.insert(x.end(), std::move(v));
      }
    } else if constexpr (IsMap<T>::value) {
      x.clear();
      for (std::size_t n = count(); n > 0 && ok_; --n) {
        typename T::key_type k;
        typename T::mapped_type v;
        item(k);
        item(v);
        x.emplace_hint(x.end(), std::move(k), std::move(v));
      }
    } else if constexpr (IsOptional<T>::value) {
      bool has = false;
      item(has);
      if (has) item(x.emplace());
      else x.reset();
    } else {
      fields(*this, x);
    }
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

core::Error not_an_image(const std::string& why) {
  return core::make_error(core::ErrorCode::internal, "状态检查点不可用：" + why, "the state checkpoint is unusable: " + why);
}
}  // namespace

StateImage image_of(const MeetingState& state, Id closed_from) {
  StateImage image;
  image.seq = state.seq;
  Writer w;
  w.varint(kFormat);
  w(state);
  w.varint(state.votes.size());
  for (const Vote& vote : state.votes) {
    w(vote.open);
    if (vote.open) w(vote);
    else w(vote.id);
    if (!vote.open && vote.id >= closed_from) {
      Writer record;
      record.varint(kFormat);
      record(vote);
      image.closed_votes.emplace_back(vote.id, record.take());
    }
  }
  image.state = w.take();
  return image;
}

Result<MeetingState> state_from(std::string_view image, const VoteRecords& records) {
  Reader r(image);
  if (r.varint() != kFormat) return not_an_image("another format");
  MeetingState state;
  r(state);
  state.votes.resize(r.count());
  for (Vote& vote : state.votes) {
    bool open = false;
    r(open);
    if (open) {
      r(vote);
    } else {
      Id id = 0;
      r(id);
      if (!r.ok()) break;
      auto record = records(id);
      if (!record) return not_an_image("vote " + std::to_string(id) + " has no stored record");
      Reader v(*record);
      if (v.varint() != kFormat) return not_an_image("vote " + std::to_string(id) + " is in another format");
      v(vote);
      if (!v.done() || vote.id != id || vote.open) return not_an_image("vote " + std::to_string(id) + " is damaged");
    }
    vote.eligible_ids.insert(vote.eligible.begin(), vote.eligible.end());
  }
  if (!r.done()) return not_an_image("damaged bytes");
  for (std::size_t i = 0; i < state.roster.size(); ++i) state.roster_index[state.roster[i].info.id] = i;
  for (std::size_t i = 0; i < state.agenda.size(); ++i) state.agenda_index[state.agenda[i].info.id] = i;
  return state;
}

}  // namespace gavel::store
