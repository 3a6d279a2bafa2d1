// What gavelctl prints: acks, events, the status summary, the queue and the
// roster, as text for people (UTF-8) or as JSON for scripts. Pure apart from
// the local time zone (client::local_time); any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gavel/v1/envelope.pb.h"
#include "invocation.hpp"
#include "lang.hpp"
#include "names.hpp"

namespace gavel::cli {

// "已记录 seq=14 id=3" / "ok seq=14 id=3", plus "receipt=…" for a secret
// ballot, and one line per notice the server sent with it.
std::string format_ack(const v1::Ack& ack, Lang lang = Lang::en);
// "#12 09:14:03 P07 张秀英 开始发言，限时 300 秒"; `clock` is the event's
// local time, e.g. client::local_time(at_ms, "%H:%M:%S").
std::string format_event(const v1::Event& event, const Names& names, std::string_view clock,
                         Lang lang = Lang::en);
// "3:12"; "-0:15" in overtime.
std::string minutes_seconds(std::int64_t ms);

// Several lines; `now_ms` is the server's clock, for the time left.
std::string format_status(const v1::MeetingSnapshot& snapshot, std::int64_t now_ms, const Names& names,
                          Lang lang = Lang::en);
std::string format_queue(const v1::MeetingSnapshot& snapshot, const Names& names, Lang lang = Lang::en);
std::string format_roster(const v1::MeetingSnapshot& snapshot, Lang lang = Lang::en);
// One of the lists, with the ids the commands take.
std::string format_list(ListKind kind, const v1::MeetingSnapshot& snapshot, const Names& names,
                        Lang lang = Lang::en);

// One line of JSON with the proto's field names (64-bit numbers as strings,
// as the protobuf JSON mapping has them).
std::string to_json(const google::protobuf::Message& message);

}  // namespace gavel::cli
