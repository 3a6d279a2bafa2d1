// Names of commands and events, in the order of their variants.
#include <array>

#include "commands.hpp"
#include "events.hpp"

namespace gavel::core {

namespace {
constexpr std::array kCommandNames = {
    "start_meeting", "end_meeting",   "open_item",        "close_item",     "next_item",
    "attach_opinion", "check_in",     "check_out",        "declare_interest", "request_floor",
    "withdraw_request", "grant_floor", "next_speaker",    "move_request",   "remove_request",
    "close_list",    "reopen_list",   "pause_timer",      "resume_timer",   "extend_timer",
    "end_speech",    "record_dissent", "reply_dissent",   "propose_motion", "second_motion",
    "withdraw_motion", "open_vote",   "close_vote",       "cast_ballot",    "record_resolution",
    "sign_minutes",  "defer_item",    "reopen_item",   "update_resolution", "edit_minutes"};
static_assert(kCommandNames.size() == std::variant_size_v<Command>);

constexpr std::array kEventNames = {
    "meeting_started", "meeting_ended", "item_opened", "item_closed", "opinion_attached",
    "checked_in", "checked_out", "interest_declared", "floor_requested", "request_withdrawn",
    "request_removed", "request_moved", "list_closed", "list_reopened", "speech_started",
    "speech_paused", "speech_resumed", "speech_extended", "speech_ended", "dissent_recorded",
    "dissent_replied", "motion_proposed", "motion_seconded", "motion_withdrawn", "vote_opened",
    "ballot_recorded", "vote_closed", "live_tally", "resolution_recorded", "minutes_signed",
    "item_deferred", "item_reopened", "resolution_updated", "minutes_edited"};
static_assert(kEventNames.size() == std::variant_size_v<EventBody>);
}  // namespace

const char* command_name(const Command& command) { return kCommandNames[command.index()]; }
const char* event_name(const EventBody& body) { return kEventNames[body.index()]; }

}  // namespace gavel::core
