// Folding events into the state. Every change to MeetingState happens here,
// so that replaying the log rebuilds exactly what the live engine had.
#include <algorithm>

#include "attendance.hpp"
#include "meeting.hpp"
#include "speaker_queue.hpp"
#include "speech_timer.hpp"
#include "tally.hpp"

namespace gavel::core {

namespace {

struct Folder {
  MeetingState& s;
  const Event& e;

  void erase_request(Id id) {
    std::erase_if(s.queue, [&](const SpeakRequest& r) { return r.id == id; });
  }

  void operator()(const ev::MeetingStarted&) {
    s.phase = Phase::in_session;
    s.started = e.at;
  }
  void operator()(const ev::MeetingEnded& x) {
    for (const std::string& id : x.not_reached) s.item(id)->state = ItemState::not_reached;
    s.phase = Phase::ended;
    s.ended = e.at;
    s.minutes = MinutesState::draft;
    s.minutes_due = e.at + kMinutesDue;
  }
  void operator()(const ev::ItemOpened& x) {
    s.current_item = s.agenda_index.at(x.item_id);
    s.agenda[*s.current_item].state = ItemState::open;
    s.queue.clear();
    s.list_closed = false;
  }
  void operator()(const ev::ItemClosed& x) {
    s.item(x.item_id)->state = ItemState::closed;
    s.current_item.reset();
    s.queue.clear();
    s.list_closed = false;
  }
  void operator()(const ev::OpinionAttached& x) {
    s.item(x.item_id)->opinions.push_back({x.author, x.text, e.at});
  }
  void operator()(const ev::CheckedIn& x) {
    Member* m = s.member(x.participant_id);
    m->present = true;
    m->attended = true;
  }
  void operator()(const ev::CheckedOut& x) {
    s.member(x.participant_id)->present = false;
    std::erase_if(s.queue, [&](const SpeakRequest& r) { return r.participant_id == x.participant_id; });
  }
  void operator()(const ev::InterestDeclared& x) { s.item(x.item_id)->recused.insert(x.participant_id); }
  void operator()(const ev::FloorRequested& x) {
    SpeakRequest request{x.request_id, x.participant_id, x.kind, e.at};
    auto pos = insert_position(s, request);
    s.queue.insert(s.queue.begin() + static_cast<std::ptrdiff_t>(pos), request);
    s.next_request = x.request_id + 1;
  }
  void operator()(const ev::RequestWithdrawn& x) { erase_request(x.request_id); }
  void operator()(const ev::RequestRemoved& x) { erase_request(x.request_id); }
  void operator()(const ev::RequestMoved& x) {
    auto it = std::find_if(s.queue.begin(), s.queue.end(),
                           [&](const SpeakRequest& r) { return r.id == x.request_id; });
    SpeakRequest moved = *it;
    s.queue.erase(it);
    auto pos = std::min<std::size_t>(x.position, s.queue.size());
    s.queue.insert(s.queue.begin() + static_cast<std::ptrdiff_t>(pos), moved);
  }
  void operator()(const ev::ListClosed&) { s.list_closed = true; }
  void operator()(const ev::ListReopened&) { s.list_closed = false; }
  void operator()(const ev::SpeechStarted& x) {
    if (x.request_id) erase_request(x.request_id);
    Speech speech;
    speech.id = x.speech_id;
    speech.request_id = x.request_id;
    speech.participant_id = x.participant_id;
    speech.item_id = s.open_item() ? s.open_item()->info.id : std::string();
    speech.kind = x.kind;
    speech.started = e.at;
    speech.limit_s = x.limit_s;
    s.speech = speech;
    s.next_speech = x.speech_id + 1;
  }
  void operator()(const ev::SpeechPaused&) { s.speech->paused_at = e.at; }
  void operator()(const ev::SpeechResumed&) {
    s.speech->paused_total += e.at - s.speech->paused_at;
    s.speech->paused_at = 0;
  }
  void operator()(const ev::SpeechExtended& x) { s.speech->extended_s += x.seconds; }
  void operator()(const ev::SpeechEnded&) {
    Speech& sp = *s.speech;
    if (sp.paused_at) {
      sp.paused_total += e.at - sp.paused_at;
      sp.paused_at = 0;
    }
    sp.ended = e.at;
    Millis took = spoken(sp, e.at);
    auto& person = s.totals_by_person[sp.participant_id];
    person.spoken += took;
    ++person.speeches;
    const Member* m = s.member(sp.participant_id);
    auto& group = s.totals_by_group[m ? m->info.group : std::string()];
    group.spoken += took;
    ++group.speeches;
    s.speeches.push_back(sp);
    s.speech.reset();
  }
  void operator()(const ev::DissentRecorded& x) {
    s.dissent.push_back({x.dissent_id, x.item_id, x.kind, x.participant_id, x.text, {}, e.at, x.motion_id});
    s.next_dissent = x.dissent_id + 1;
  }
  void operator()(const ev::DissentReplied& x) { s.dissent[x.dissent_id - 1].reply = x.reply; }
  void operator()(const ev::MotionProposed& x) {
    s.motions.push_back({x.motion_id, x.item_id, x.amends, x.mover_id, {}, x.text,
                         MotionState::proposed, e.at});
    s.next_motion = x.motion_id + 1;
  }
  void operator()(const ev::MotionSeconded& x) {
    Motion* m = s.motion(x.motion_id);
    m->seconder_id = x.seconder_id;
    m->state = MotionState::debate;
  }
  void operator()(const ev::MotionWithdrawn& x) { s.motion(x.motion_id)->state = MotionState::withdrawn; }
  void operator()(const ev::VoteOpened& x) {
    Vote vote;
    vote.id = x.vote_id;
    vote.item_id = s.open_item() ? s.open_item()->info.id : std::string();
    vote.spec = x.spec;
    vote.eligible = x.eligible;
    const Item* item = s.item(vote.item_id);
    vote.recused = item ? static_cast<std::uint32_t>(item->recused.size()) : 0;
    vote.quorate_at_open = x.quorate;
    vote.opened = e.at;
    s.votes.push_back(std::move(vote));
    s.next_vote = x.vote_id + 1;
    if (Motion* m = s.motion(x.spec.motion_id)) m->state = MotionState::voting;
  }
  void operator()(const ev::BallotRecorded& x) {
    Vote& vote = *s.open_vote();
    vote.voters.insert(x.participant_id);
    if (!vote.spec.secret) vote.named[x.participant_id] = x.choices;
    if (!x.press_id.empty()) vote.press_ids.insert(x.participant_id + ":" + x.press_id);
    if (x.changed) ++vote.changes_since_live;
  }
  void operator()(const ev::LiveTally& x) {
    Vote& vote = *s.open_vote();
    vote.live_counts = x.counts;
    vote.live_cast = x.cast;
    vote.live_at = e.at;
    vote.changes_since_live = 0;
  }
  void operator()(const ev::VoteClosed& x) {
    Vote& vote = *s.open_vote();
    vote.open = false;
    vote.closed = e.at;
    vote.result = x.result;
    vote.result->rule = decision_rule(vote.spec);
    Motion* m = s.motion(vote.spec.motion_id);
    if (!m) return;
    switch (x.result.outcome) {
      case Outcome::carried:
      case Outcome::chosen: m->state = MotionState::carried; break;
      case Outcome::vetoed: m->state = MotionState::vetoed; break;
      default: m->state = MotionState::defeated; break;
    }
  }
  void operator()(const ev::ResolutionRecorded& x) {
    s.resolutions.push_back({x.resolution_id, x.item_id, x.motion_id, x.vote_id, x.text,
                             x.responsible, x.deadline, e.at});
    s.next_resolution = x.resolution_id + 1;
  }
  void operator()(const ev::ItemDeferred& x) { s.item(x.item_id)->state = ItemState::deferred; }
  void operator()(const ev::ItemReopened& x) {
    operator()(ev::ItemOpened{x.item_id});
    ++s.item(x.item_id)->reopened;
  }
  void operator()(const ev::ResolutionUpdated& x) {
    for (Resolution& r : s.resolutions)
      if (r.id == x.resolution_id) {
        r.status = x.status;
        r.status_note = x.note;
        r.status_changed = e.at;
      }
  }
  void operator()(const ev::MinutesSigned& x) {
    s.minutes = MinutesState::signed_off;
    s.minutes_signed_by = x.signed_by;
    s.minutes_signed = e.at;
    auto version = x.version ? x.version : static_cast<std::uint32_t>(s.minutes_versions.size() + 1);
    s.minutes_versions.push_back(MinutesVersion{version, x.signed_by, e.at, x.content_sha256, x.head_seq,
                                                x.head_sha256, x.signature, x.key_fingerprint});
  }
  void operator()(const ev::MinutesEdited& x) {
    auto version = static_cast<std::uint32_t>(s.minutes_versions.size() + 1);
    s.minutes_edits.push_back(MinutesEdit{x.kind, x.target, x.text, version, e.at});
    if (s.phase == Phase::ended) s.minutes = MinutesState::draft;
  }
};

}  // namespace

void Meeting::apply(const Event& event) {
  std::visit(Folder{state_, event}, event.body);
  state_.seq = event.seq;
}

void Meeting::fold(const SecretBallot& ballot) {
  for (Vote& vote : state_.votes)
    if (vote.id == ballot.vote_id) vote.secret[ballot.receipt] = ballot;
}

void Meeting::apply(const SecretBallot& ballot) {
  fold(ballot);
  for (Vote& vote : state_.votes)
    if (vote.id == ballot.vote_id) vote.restored.insert(ballot.receipt);
}

void Meeting::apply(const VetoStanding& veto) {
  for (Vote& vote : state_.votes)
    if (vote.id == veto.vote_id) vote.veto_restored = veto.standing;
}

}  // namespace gavel::core
