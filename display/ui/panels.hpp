// The projector's panels, one file each: the header and the connection
// banner on top, and below them the view the meeting's state calls for.
// Each draws one thing from one frame's immutable state. Render thread only.
#pragma once

#include <cstdint>
#include <optional>

#include "gavel/v1/meeting.pb.h"
#include "model/feed.hpp"
#include "model/qr.hpp"
#include "model/strings.hpp"
#include "ui/canvas.hpp"

namespace gavel::display {

// What one frame shows.
struct Frame {
  const FeedState& feed;
  const v1::MeetingSnapshot& snapshot;
  Lang lang;
  std::int64_t server_now_ms;    // from the clock-offset estimate
  const std::optional<QrCode>& qr;  // of feed.phone_url
};

struct Box {
  ImVec2 min, max;
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
};

void draw_header(Canvas& canvas, const Frame& frame, Box box);
void draw_banner(Canvas& canvas, const Frame& frame, Box box);      // the link is down
void draw_connecting(Canvas& canvas, const Frame& frame, Box box);  // nothing received yet
void draw_join(Canvas& canvas, const Frame& frame, Box box);        // before the meeting
void draw_agenda(Canvas& canvas, const Frame& frame, Box box);      // in session, no item open
void draw_summary(Canvas& canvas, const Frame& frame, Box box);     // after the end: what was decided
void draw_debate(Canvas& canvas, const Frame& frame, Box box);
void draw_vote(Canvas& canvas, const Frame& frame, Box box);
void draw_result(Canvas& canvas, const Frame& frame, Box box);

// Shared by the vote and result panels: one bar per option with its count.
struct ChoiceBars {
  const v1::VoteSpec& spec;
  const google::protobuf::RepeatedPtrField<v1::ChoiceCount>& counts;
  double needed = 0;  // the threshold to mark across the bars; 0 for none
};
float draw_choice_bars(Canvas& canvas, const Frame& frame, const ChoiceBars& bars, Box box);

// The room's QR code and URL in `box` (or the loopback sentence instead).
void draw_join_code(Canvas& canvas, const Frame& frame, Box box, float url_px);
// Attendance with its bottom at `bottom`: present fixed members large, then
// quorum and invited members.
void draw_attendance(Canvas& canvas, const Frame& frame, float left, float bottom, float width, float big_px);

}  // namespace gavel::display
