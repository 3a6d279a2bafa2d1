// The engine's enums against the proto's, value by value, so a renumbering
// on either side fails the build instead of changing what a number means.
#include "enums.hpp"

#include <initializer_list>
#include <string>
#include <utility>

#include "codec/codec.hpp"
#include "core/notice.hpp"

namespace gavel::codec {

namespace {

template <class Core, class Wire>
constexpr bool same(std::initializer_list<std::pair<Core, Wire>> pairs, Wire wire_max) {
  int last = 0;
  for (auto [core_value, wire_value] : pairs) {
    if (static_cast<int>(core_value) != static_cast<int>(wire_value)) return false;
    last = static_cast<int>(wire_value);
  }
  return last == static_cast<int>(wire_max);  // and the wire has no value the engine lacks
}

using core::Role, core::RequestKind, core::ItemState, core::DissentKind, core::MotionState,
    core::BallotForm, core::Threshold, core::Outcome, core::Phase, core::MinutesState, core::MinutesEditKind,
    core::MinutesStyle, core::ErrorCode, core::DecisionRule, core::NoticeKind;

static_assert(same<Role, v1::Role>({{Role::chair, v1::ROLE_CHAIR},
                                    {Role::secretary, v1::ROLE_SECRETARY},
                                    {Role::participant, v1::ROLE_PARTICIPANT},
                                    {Role::display, v1::ROLE_DISPLAY},
                                    {Role::clicker, v1::ROLE_CLICKER}},
                                   v1::Role_MAX));
static_assert(same<RequestKind, v1::RequestKind>(
    {{RequestKind::contribution, v1::REQUEST_CONTRIBUTION},
     {RequestKind::pro, v1::REQUEST_PRO},
     {RequestKind::contra, v1::REQUEST_CONTRA},
     {RequestKind::reply, v1::REQUEST_REPLY},
     {RequestKind::point_of_order, v1::REQUEST_POINT_OF_ORDER}},
    v1::RequestKind_MAX));
static_assert(same<ItemState, v1::ItemState>({{ItemState::pending, v1::ITEM_PENDING},
                                              {ItemState::open, v1::ITEM_OPEN},
                                              {ItemState::closed, v1::ITEM_CLOSED},
                                              {ItemState::not_reached, v1::ITEM_NOT_REACHED},
                                              {ItemState::deferred, v1::ITEM_DEFERRED}},
                                             v1::ItemState_MAX));
static_assert(same<DissentKind, v1::DissentKind>(
    {{DissentKind::disagreement, v1::DISSENT_DISAGREEMENT},
     {DissentKind::minority, v1::DISSENT_MINORITY},
     {DissentKind::objection, v1::DISSENT_OBJECTION},
     {DissentKind::block, v1::DISSENT_BLOCK}},
    v1::DissentKind_MAX));
static_assert(same<MotionState, v1::MotionState>({{MotionState::proposed, v1::MOTION_PROPOSED},
                                                  {MotionState::debate, v1::MOTION_DEBATE},
                                                  {MotionState::voting, v1::MOTION_VOTING},
                                                  {MotionState::carried, v1::MOTION_CARRIED},
                                                  {MotionState::defeated, v1::MOTION_DEFEATED},
                                                  {MotionState::vetoed, v1::MOTION_VETOED},
                                                  {MotionState::withdrawn, v1::MOTION_WITHDRAWN}},
                                                 v1::MotionState_MAX));
static_assert(same<BallotForm, v1::BallotForm>(
    {{BallotForm::yes_no_abstain, v1::BALLOT_YES_NO_ABSTAIN},
     {BallotForm::one_of_n, v1::BALLOT_ONE_OF_N},
     {BallotForm::k_of_n, v1::BALLOT_K_OF_N},
     {BallotForm::consensus, v1::BALLOT_CONSENSUS}},
    v1::BallotForm_MAX));
static_assert(same<Threshold, v1::Threshold>(
    {{Threshold::simple_majority, v1::THRESHOLD_SIMPLE_MAJORITY},
     {Threshold::absolute_majority, v1::THRESHOLD_ABSOLUTE_MAJORITY},
     {Threshold::two_thirds, v1::THRESHOLD_TWO_THIRDS},
     {Threshold::unanimity, v1::THRESHOLD_UNANIMITY}},
    v1::Threshold_MAX));
static_assert(same<Outcome, v1::Outcome>({{Outcome::carried, v1::OUTCOME_CARRIED},
                                          {Outcome::defeated, v1::OUTCOME_DEFEATED},
                                          {Outcome::vetoed, v1::OUTCOME_VETOED},
                                          {Outcome::no_quorum, v1::OUTCOME_NO_QUORUM},
                                          {Outcome::blocked, v1::OUTCOME_BLOCKED},
                                          {Outcome::chosen, v1::OUTCOME_CHOSEN}},
                                         v1::Outcome_MAX));
static_assert(same<DecisionRule, v1::DecisionRule>(
    {{DecisionRule::more_yes_than_no, v1::RULE_MORE_YES_THAN_NO},
     {DecisionRule::half_of_cast, v1::RULE_HALF_OF_CAST},
     {DecisionRule::half_of_eligible, v1::RULE_HALF_OF_ELIGIBLE},
     {DecisionRule::two_thirds_of_yes_no, v1::RULE_TWO_THIRDS_OF_YES_NO},
     {DecisionRule::two_thirds_of_cast, v1::RULE_TWO_THIRDS_OF_CAST},
     {DecisionRule::unanimity, v1::RULE_UNANIMITY},
     {DecisionRule::most_votes, v1::RULE_MOST_VOTES},
     {DecisionRule::option_half_of_eligible, v1::RULE_OPTION_HALF_OF_ELIGIBLE},
     {DecisionRule::option_two_thirds, v1::RULE_OPTION_TWO_THIRDS},
     {DecisionRule::option_unanimity, v1::RULE_OPTION_UNANIMITY},
     {DecisionRule::no_block, v1::RULE_NO_BLOCK}},
    v1::DecisionRule_MAX));
static_assert(same<NoticeKind, v1::NoticeKind>(
    {{NoticeKind::item_opened_without_quorum, v1::NOTICE_ITEM_OPENED_WITHOUT_QUORUM},
     {NoticeKind::vote_opened_without_quorum, v1::NOTICE_VOTE_OPENED_WITHOUT_QUORUM},
     {NoticeKind::veto_group_applies, v1::NOTICE_VETO_GROUP_APPLIES},
     {NoticeKind::item_published_late, v1::NOTICE_ITEM_PUBLISHED_LATE}},
    v1::NoticeKind_MAX));
static_assert(same<Phase, v1::MeetingPhase>({{Phase::scheduled, v1::MEETING_SCHEDULED},
                                             {Phase::in_session, v1::MEETING_IN_SESSION},
                                             {Phase::ended, v1::MEETING_ENDED}},
                                            v1::MeetingPhase_MAX));
static_assert(same<MinutesState, v1::MinutesState>(
    {{MinutesState::not_started, v1::MINUTES_NOT_STARTED},
     {MinutesState::draft, v1::MINUTES_DRAFT},
     {MinutesState::signed_off, v1::MINUTES_SIGNED}},
    v1::MinutesState_MAX));
static_assert(same<core::ResolutionStatus, v1::ResolutionStatus>(
    {{core::ResolutionStatus::open, v1::RESOLUTION_OPEN},
     {core::ResolutionStatus::in_progress, v1::RESOLUTION_IN_PROGRESS},
     {core::ResolutionStatus::done, v1::RESOLUTION_DONE},
     {core::ResolutionStatus::dropped, v1::RESOLUTION_DROPPED}},
    v1::ResolutionStatus_MAX));
static_assert(same<MinutesEditKind, v1::MinutesEditKind>(
    {{MinutesEditKind::note, v1::MINUTES_EDIT_NOTE}, {MinutesEditKind::wording, v1::MINUTES_EDIT_WORDING}},
    v1::MinutesEditKind_MAX));
static_assert(same<MinutesStyle, v1::MinutesStyle>(
    {{MinutesStyle::full, v1::MINUTES_STYLE_FULL}, {MinutesStyle::decisions, v1::MINUTES_STYLE_DECISIONS}},
    v1::MinutesStyle_MAX));
static_assert(same<ErrorCode, v1::ErrorCode>(
    {{ErrorCode::bad_message, v1::ERROR_BAD_MESSAGE},
     {ErrorCode::unsupported_version, v1::ERROR_UNSUPPORTED_VERSION},
     {ErrorCode::unauthenticated, v1::ERROR_UNAUTHENTICATED},
     {ErrorCode::not_allowed, v1::ERROR_NOT_ALLOWED},
     {ErrorCode::not_found, v1::ERROR_NOT_FOUND},
     {ErrorCode::invalid_state, v1::ERROR_INVALID_STATE},
     {ErrorCode::invalid_argument, v1::ERROR_INVALID_ARGUMENT},
     {ErrorCode::not_present, v1::ERROR_NOT_PRESENT},
     {ErrorCode::duplicate, v1::ERROR_DUPLICATE},
     {ErrorCode::limit_reached, v1::ERROR_LIMIT_REACHED},
     {ErrorCode::rate_limited, v1::ERROR_RATE_LIMITED},
     {ErrorCode::too_large, v1::ERROR_TOO_LARGE},
     {ErrorCode::not_eligible, v1::ERROR_NOT_ELIGIBLE},
     {ErrorCode::internal, v1::ERROR_INTERNAL},
     {ErrorCode::storage_unavailable, v1::ERROR_STORAGE_UNAVAILABLE}},
    v1::ErrorCode_MAX));

}  // namespace

core::Error unknown_enum(const char* zh, const char* en, int value) {
  return core::make_error(core::ErrorCode::invalid_argument,
                          std::string("无效的") + zh + "：" + std::to_string(value),
                          std::string("unknown ") + en + " " + std::to_string(value));
}

void to_wire(const core::Error& error, v1::Error* out) {
  out->Clear();
  out->set_code(static_cast<v1::ErrorCode>(error.code));
  out->set_message_zh(error.message_zh);
  out->set_message_en(error.message_en);
}

v1::Role to_wire(core::Role role) { return static_cast<v1::Role>(role); }

}  // namespace gavel::codec
