#include "speaker_queue.hpp"

#include <tuple>

namespace gavel::core {

namespace {
int precedence(RequestKind kind) {
  if (kind == RequestKind::point_of_order) return 0;
  if (kind == RequestKind::reply) return 1;
  return 2;
}

const std::string& group_of(const MeetingState& s, const std::string& participant_id) {
  static const std::string kNone;
  const Member* m = s.member(participant_id);
  return m ? m->info.group : kNone;
}

// Ordering key of an ordinary request: (has already spoken, round of its
// group). Equal keys keep arrival order.
using Key = std::tuple<bool, std::size_t>;

Key key_of(const MeetingState& s, const std::string& participant_id, std::size_t round) {
  const std::string item_id = s.open_item() ? s.open_item()->info.id : std::string();
  bool spoken = s.info.queue_rules.first_time_speakers_first &&
                speeches_on_item(s, participant_id, item_id) > 0;
  return {spoken, s.info.queue_rules.alternate_groups ? round : 0};
}
}  // namespace

std::uint32_t speeches_on_item(const MeetingState& s, const std::string& participant_id,
                               const std::string& item_id) {
  std::uint32_t n = 0;
  for (const Speech& sp : s.speeches)
    if (sp.participant_id == participant_id && sp.item_id == item_id &&
        sp.kind != RequestKind::point_of_order)
      ++n;
  if (s.speech && s.speech->participant_id == participant_id && s.speech->item_id == item_id &&
      s.speech->kind != RequestKind::point_of_order)
    ++n;
  return n;
}

std::size_t insert_position(const MeetingState& s, const SpeakRequest& request) {
  const auto& q = s.queue;
  int cls = precedence(request.kind);
  std::size_t first_ordinary = 0;
  while (first_ordinary < q.size() && precedence(q[first_ordinary].kind) < 2) ++first_ordinary;
  if (cls < 2) {
    std::size_t pos = 0;
    while (pos < q.size() && precedence(q[pos].kind) <= cls) ++pos;
    return pos;
  }

  const std::string& group = group_of(s, request.participant_id);
  std::map<std::string, std::size_t> rounds;  // requests seen so far per group
  std::size_t own_round = 0;
  for (std::size_t i = first_ordinary; i < q.size(); ++i)
    if (group_of(s, q[i].participant_id) == group) ++own_round;
  Key mine = key_of(s, request.participant_id, own_round);

  std::size_t pos = first_ordinary;
  for (std::size_t i = first_ordinary; i < q.size(); ++i) {
    std::size_t round = rounds[group_of(s, q[i].participant_id)]++;
    if (key_of(s, q[i].participant_id, round) <= mine) pos = i + 1;
  }
  return pos;
}

}  // namespace gavel::core
