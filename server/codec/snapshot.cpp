// The whole meeting as clients see it. Timers leave as deadlines on the
// server's clock, so clients never count ticks.
#include <unordered_set>

#include "core/attendance.hpp"
#include "core/speech_timer.hpp"
#include "codec/codec.hpp"
#include "codec/views.hpp"
#include "enums.hpp"
#include "parts.hpp"
#include "snapshot_votes.hpp"

namespace gavel::codec {

namespace {

// 五步议事法: items are published 3 days before the meeting. Unknown times
// (0) are not judged.
bool published_late(const core::AgendaItem& item, core::Millis scheduled_start) {
  return item.published != 0 && scheduled_start != 0 &&
         item.published > scheduled_start - core::kPublicationLead;
}

void add_agenda(const core::MeetingState& state, v1::MeetingSnapshot* out) {
  for (const core::Item& item : state.agenda) {
    v1::AgendaItem* w = out->add_agenda();
    to_wire(item.info, w);
    bool late = published_late(item.info, state.info.scheduled_start);
    w->set_published_late(late);
    w->set_state(to_wire(item.state));
    for (const core::AbsentOpinion& o : item.opinions) to_wire(o, w->add_opinions());
    w->mutable_recused()->Add(item.recused.begin(), item.recused.end());
    w->set_times_reopened(item.reopened);
    if (late) to_wire(core::late_notice(item.info), out->add_notices());
  }
  if (const core::Item* open = state.open_item()) out->set_current_item_id(open->info.id);
}

}  // namespace

void attendance(const core::MeetingState& state, v1::Attendance* out) {
  out->Clear();
  core::AttendanceView view = core::attendance(state);
  out->set_present(view.present);
  out->set_fixed_members(view.fixed_members);
  out->set_quorum_needed(view.quorum_needed);
  out->set_quorate(view.quorate);
  out->set_present_members(view.present_members);
  out->set_present_invited(view.present_invited);
  out->set_invited_members(view.invited_members);
  for (const core::GroupPresence& g : view.by_group) {
    v1::GroupCount* w = out->add_by_group();
    w->set_group(g.group);
    w->set_present(g.present);
    w->set_total(g.total);
  }
}

namespace {

// Running: the deadline. Paused: the time left, which does not move.
void add_speech(const core::Speech& speech, core::Millis now, v1::Speech* out) {
  bool paused = speech.paused_at != 0;
  out->set_id(speech.id);
  out->set_participant_id(speech.participant_id);
  out->set_item_id(speech.item_id);
  out->set_kind(to_wire(speech.kind));
  out->set_started_ms(speech.started);
  out->set_limit_s(speech.limit_s);
  out->set_extended_s(speech.extended_s);
  out->set_paused(paused);
  if (speech.ended == 0) {
    if (paused)
      out->set_remaining_ms(core::remaining(speech, now));
    else
      out->set_deadline_ms(core::deadline(speech, now));
  }
  out->set_ended_ms(speech.ended);
  out->set_spoken_ms(core::spoken(speech, now));
  out->set_overtime_ms(core::overtime(speech, now));
}

void add_floor(const core::MeetingState& state, core::Millis now, v1::MeetingSnapshot* out) {
  v1::SpeakerQueue* queue = out->mutable_queue();
  for (const core::SpeakRequest& r : state.queue) {
    v1::SpeakRequest* w = queue->add_requests();
    w->set_id(r.id);
    w->set_participant_id(r.participant_id);
    w->set_kind(to_wire(r.kind));
    w->set_requested_ms(r.requested);
  }
  queue->set_closed(state.list_closed);
  if (state.speech) add_speech(*state.speech, now, out->mutable_current_speech());
  for (const core::Speech& s : state.speeches) add_speech(s, now, out->add_speeches());
}

void add_totals(const std::map<std::string, core::SpeakingTotal>& totals,
                google::protobuf::RepeatedPtrField<v1::SpeakingTotal>* out) {
  for (const auto& [key, total] : totals) {
    v1::SpeakingTotal* w = out->Add();
    w->set_key(key);
    w->set_spoken_ms(total.spoken);
    w->set_speeches(total.speeches);
  }
}

void add_dissent(const core::Dissent& d, v1::DissentRecord* out) {
  out->set_id(d.id);
  out->set_item_id(d.item_id);
  out->set_kind(to_wire(d.kind));
  out->set_participant_id(d.participant_id);
  out->set_text(d.text);
  out->set_reply(d.reply);
  out->set_recorded_ms(d.recorded);
  out->set_motion_id(d.motion_id);
}

void add_minutes(const core::MeetingState& state, v1::MinutesStatus* out) {
  out->set_state(to_wire(state.minutes));
  out->set_due_ms(state.minutes_due);
  out->set_signed_by(state.minutes_signed_by);
  out->set_signed_ms(state.minutes_signed);
  out->set_signed_version(static_cast<std::uint32_t>(state.minutes_versions.size()));
  out->set_edits(static_cast<std::uint32_t>(state.minutes_edits.size()));
}

void fill(const core::MeetingState& state, core::Millis now, const std::unordered_set<std::string>* keep,
          v1::MeetingSnapshot* out) {
  out->Clear();
  out->set_seq(state.seq);
  to_wire(state.info, out->mutable_info());
  // Everyone receives snapshots; the Wi-Fi password goes to the operator's access file only.
  out->mutable_info()->clear_wifi_ssid();
  out->mutable_info()->clear_wifi_password();
  out->mutable_info()->clear_wifi_security();
  out->set_phase(to_wire(state.phase));
  out->set_started_ms(state.started);
  out->set_ended_ms(state.ended);
  for (const core::Member& m : state.roster) {
    if (keep && !keep->count(m.info.id)) continue;
    roster_entry(m, out->add_roster());
  }
  out->set_roster_partial(keep != nullptr);
  add_agenda(state, out);
  attendance(state, out->mutable_attendance());
  add_floor(state, now, out);
  for (const core::Dissent& d : state.dissent) add_dissent(d, out->add_dissent());
  add_decisions(state, out);
  add_minutes(state, out->mutable_minutes());
  add_totals(state.totals_by_person, out->mutable_totals_by_person());
  add_totals(state.totals_by_group, out->mutable_totals_by_group());
}

}  // namespace

std::unordered_set<std::string> people_named(const core::MeetingState& state) {
  std::unordered_set<std::string> named;
  for (const core::SpeakRequest& r : state.queue) named.insert(r.participant_id);
  if (state.speech) named.insert(state.speech->participant_id);
  for (const core::Speech& s : state.speeches) named.insert(s.participant_id);
  for (const core::Dissent& d : state.dissent) named.insert(d.participant_id);
  for (const core::Motion& m : state.motions) {
    named.insert(m.mover_id);
    named.insert(m.seconder_id);
  }
  named.erase("");
  return named;
}

void roster_entry(const core::Member& member, v1::Participant* out) {
  to_wire(member.info, out);
  out->set_present(member.present);
}

void snapshot(const core::MeetingState& state, core::Millis now, v1::MeetingSnapshot* out) {
  fill(state, now, nullptr, out);
}

std::unordered_set<std::string> public_snapshot(const core::MeetingState& state, core::Millis now,
                                                v1::MeetingSnapshot* out) {
  auto named = people_named(state);
  fill(state, now, &named, out);
  for (v1::Vote& vote : *out->mutable_votes())
    if (vote.has_result()) trim_receipts(vote.mutable_result());
  if (out->has_current_vote() && out->current_vote().has_result()) trim_receipts(out->mutable_current_vote()->mutable_result());
  return named;
}

}  // namespace gavel::codec
