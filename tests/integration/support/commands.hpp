// Short builders for the protobuf commands the tests send.
#pragma once

#include <string>
#include <vector>

#include "gavel/v1/envelope.pb.h"

namespace gavel::test::cmd {

inline v1::Command start_meeting() { v1::Command c; c.mutable_start_meeting(); return c; }
inline v1::Command end_meeting() { v1::Command c; c.mutable_end_meeting(); return c; }
inline v1::Command open_item(const std::string& id) { v1::Command c; c.mutable_open_item()->set_item_id(id); return c; }
inline v1::Command next_item() { v1::Command c; c.mutable_next_item(); return c; }
inline v1::Command close_item() { v1::Command c; c.mutable_close_item(); return c; }
inline v1::Command check_in(const std::string& who = "") { v1::Command c; c.mutable_check_in()->set_participant_id(who); return c; }
inline v1::Command check_out(const std::string& who = "") { v1::Command c; c.mutable_check_out()->set_participant_id(who); return c; }
inline v1::Command request_floor(v1::RequestKind kind = v1::REQUEST_CONTRIBUTION) {
  v1::Command c; c.mutable_request_floor()->set_kind(kind); return c;
}
inline v1::Command withdraw_request() { v1::Command c; c.mutable_withdraw_request(); return c; }
inline v1::Command next_speaker() { v1::Command c; c.mutable_next_speaker(); return c; }
inline v1::Command pause_timer() { v1::Command c; c.mutable_pause_timer(); return c; }
inline v1::Command resume_timer() { v1::Command c; c.mutable_resume_timer(); return c; }
inline v1::Command extend_timer(unsigned s) { v1::Command c; c.mutable_extend_timer()->set_seconds(s); return c; }
inline v1::Command end_speech() { v1::Command c; c.mutable_end_speech(); return c; }
inline v1::Command record_dissent(const std::string& text, v1::DissentKind kind = v1::DISSENT_DISAGREEMENT,
                                  const std::string& who = "") {
  v1::Command c;
  auto* d = c.mutable_record_dissent();
  d->set_text(text);
  d->set_kind(kind);
  d->set_participant_id(who);
  return c;
}
inline v1::Command propose(const std::string& text) { v1::Command c; c.mutable_propose_motion()->set_text(text); return c; }
inline v1::Command second(std::uint64_t motion) { v1::Command c; c.mutable_second_motion()->set_motion_id(motion); return c; }
inline v1::Command open_vote(std::uint64_t motion, bool secret = false) {
  v1::Command c;
  auto* spec = c.mutable_open_vote()->mutable_spec();
  spec->set_motion_id(motion);
  spec->set_form(v1::BALLOT_YES_NO_ABSTAIN);
  spec->set_threshold(v1::THRESHOLD_SIMPLE_MAJORITY);
  spec->set_secret(secret);
  return c;
}
inline v1::Command close_vote() { v1::Command c; c.mutable_close_vote(); return c; }
inline v1::Command cast(std::uint32_t choice, const std::string& press_id = "", const std::string& receipt = "") {
  v1::Command c;
  auto* b = c.mutable_cast_ballot();
  b->add_choices(choice);
  b->set_press_id(press_id);
  b->set_receipt(receipt);
  return c;
}
inline v1::Command resolution(std::uint64_t motion, const std::string& who, const std::string& deadline) {
  v1::Command c;
  auto* r = c.mutable_record_resolution();
  r->set_motion_id(motion);
  r->set_responsible(who);
  r->set_deadline(deadline);
  return c;
}

}  // namespace gavel::test::cmd
