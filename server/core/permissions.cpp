#include "permissions.hpp"

#include <array>
#include <cstring>

namespace gavel::core {

namespace {
// Least privilege: the display reads only; a clicker can do what its
// holder's buttons can (check in, ask to speak, vote).
//                                     chair  secr.  part.  disp.  clicker
constexpr std::array<Permission, std::variant_size_v<Command>> kTable{{
    {"start_meeting",      true,  false, false, false, false},
    {"end_meeting",        true,  false, false, false, false},
    {"open_item",          true,  false, false, false, false},
    {"close_item",         true,  false, false, false, false},
    {"next_item",          true,  false, false, false, false},
    {"attach_opinion",     true,  true,  false, false, false},
    {"check_in",           true,  true,  true,  false, true},
    {"check_out",          true,  true,  true,  false, false},
    {"declare_interest",   true,  true,  true,  false, false},
    {"request_floor",      true,  false, true,  false, true},
    {"withdraw_request",   true,  false, true,  false, true},
    {"grant_floor",        true,  false, false, false, false},
    {"next_speaker",       true,  false, false, false, false},
    {"move_request",       true,  false, false, false, false},
    {"remove_request",     true,  false, false, false, false},
    {"close_list",         true,  false, false, false, false},
    {"reopen_list",        true,  false, false, false, false},
    {"pause_timer",        true,  false, false, false, false},
    {"resume_timer",       true,  false, false, false, false},
    {"extend_timer",       true,  false, false, false, false},
    {"end_speech",         true,  false, false, false, false},
    {"record_dissent",     true,  true,  true,  false, false},
    {"reply_dissent",      true,  true,  false, false, false},
    {"propose_motion",     true,  false, true,  false, false},
    {"second_motion",      true,  false, true,  false, false},
    {"withdraw_motion",    true,  false, true,  false, false},
    {"open_vote",          true,  false, false, false, false},
    {"close_vote",         true,  false, false, false, false},
    {"cast_ballot",        false, false, true,  false, true},
    {"record_resolution",  true,  true,  false, false, false},
    {"sign_minutes",       false, true,  false, false, false},
    {"defer_item",         true,  false, false, false, false},
    {"reopen_item",        true,  false, false, false, false},
    {"update_resolution",  true,  true,  false, false, false},
    {"edit_minutes",       true,  true,  false, false, false},
}};
}  // namespace

std::span<const Permission> permission_table() { return kTable; }

bool allowed(Role role, const Command& command) {
  const Permission& p = kTable[command.index()];
  switch (role) {
    case Role::chair: return p.chair;
    case Role::secretary: return p.secretary;
    case Role::participant: return p.participant;
    case Role::display: return p.display;
    case Role::clicker: return p.clicker;
  }
  return false;
}

}  // namespace gavel::core
