// Message parts shared by commands, events, the setup and snapshots: vote
// rules and results, meeting info, roster entries, agenda items, opinions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/notice.hpp"
#include "core/result.hpp"
#include "core/types.hpp"
#include "gavel/v1/meeting.pb.h"

namespace gavel::codec {

using WireStrings = google::protobuf::RepeatedPtrField<std::string>;

inline std::vector<std::string> from_wire(const WireStrings& wire) {
  return {wire.begin(), wire.end()};
}
inline std::vector<std::uint32_t> from_wire(const google::protobuf::RepeatedField<std::uint32_t>& wire) {
  return {wire.begin(), wire.end()};
}

void to_wire(const core::VoteSpec& spec, v1::VoteSpec* out);
core::Result<core::VoteSpec> from_wire(const v1::VoteSpec& wire);

void to_wire(const std::vector<core::ChoiceCount>& counts,
             google::protobuf::RepeatedPtrField<v1::ChoiceCount>* out);
std::vector<core::ChoiceCount> from_wire(const google::protobuf::RepeatedPtrField<v1::ChoiceCount>& wire);

void to_wire(const core::VoteResult& result, v1::VoteResult* out);
core::Result<core::VoteResult> from_wire(const v1::VoteResult& wire);

void to_wire(const core::MeetingInfo& info, v1::MeetingInfo* out);
core::MeetingInfo from_wire(const v1::MeetingInfo& wire);

// The roster entry as the meeting file gives it; `present` is the snapshot's.
void to_wire(const core::Participant& participant, v1::Participant* out);
core::Participant from_wire(const v1::Participant& wire);

// The item as the meeting file gives it; state, opinions, recusals and the
// late-publication flag are filled by the snapshot.
void to_wire(const core::AgendaItem& item, v1::AgendaItem* out);
core::AgendaItem from_wire(const v1::AgendaItem& wire);

void to_wire(const core::Words& words, v1::Wording* out);

void to_wire(const core::AbsentOpinion& opinion, v1::AbsentOpinion* out);
core::AbsentOpinion from_wire(const v1::AbsentOpinion& wire);

}  // namespace gavel::codec
