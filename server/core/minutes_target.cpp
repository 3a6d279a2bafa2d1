#include "minutes_target.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace gavel::core {

namespace {
constexpr std::array<const char*, 4> kItemFields{"title", "background", "proposal", "summary"};

Error bad_target(const std::string& target) {
  return make_error(ErrorCode::invalid_argument, "纪要位置“" + target + "”无法识别（例如 item/parking、vote/2）",
                    "unknown place in the minutes \"" + target + "\" (e.g. item/parking, vote/2)");
}

std::optional<Id> number(std::string_view text) {
  Id n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n == 0) return std::nullopt;
  return n;
}

template <class Records>
bool has_id(const Records& records, Id id) {
  return std::any_of(records.begin(), records.end(), [&](const auto& r) { return r.id == id; });
}
}  // namespace

Result<MinutesTarget> parse_minutes_target(const MeetingState& s, const std::string& target) {
  if (target == "header") return MinutesTarget{MinutesPart::header, {}, {}, 0};
  if (target == "attendance") return MinutesTarget{MinutesPart::attendance, {}, {}, 0};
  if (target == "actions") return MinutesTarget{MinutesPart::actions, {}, {}, 0};
  auto slash = target.find('/');
  if (slash == std::string::npos) return bad_target(target);
  std::string head = target.substr(0, slash), rest = target.substr(slash + 1);
  if (head == "item") {
    auto field_at = rest.find('/');
    std::string item_id = rest.substr(0, field_at);
    if (!s.item(item_id))
      return make_error(ErrorCode::not_found, "没有议题“" + item_id + "”", "no agenda item \"" + item_id + "\"");
    if (field_at == std::string::npos) return MinutesTarget{MinutesPart::item, item_id, {}, 0};
    std::string field = rest.substr(field_at + 1);
    if (std::find(kItemFields.begin(), kItemFields.end(), field) == kItemFields.end()) return bad_target(target);
    return MinutesTarget{MinutesPart::item_field, item_id, field, 0};
  }
  auto id = number(rest);
  if (!id) return bad_target(target);
  auto found = [&](MinutesPart part, bool exists, const char* zh, const char* en) -> Result<MinutesTarget> {
    if (!exists)
      return make_error(ErrorCode::not_found, std::string("没有") + zh + " " + rest, std::string("no ") + en + " " + rest);
    return MinutesTarget{part, {}, {}, *id};
  };
  if (head == "speech") {
    bool exists = has_id(s.speeches, *id) || (s.speech && s.speech->id == *id);
    return found(MinutesPart::speech, exists, "发言", "speech");
  }
  if (head == "dissent") return found(MinutesPart::dissent, has_id(s.dissent, *id), "意见记录", "dissent record");
  if (head == "motion") return found(MinutesPart::motion, has_id(s.motions, *id), "动议", "motion");
  if (head == "vote") return found(MinutesPart::vote, has_id(s.votes, *id), "表决", "vote");
  if (head == "resolution") return found(MinutesPart::resolution, has_id(s.resolutions, *id), "决议", "resolution");
  return bad_target(target);
}

bool rewordable(const MinutesTarget& target) { return target.part == MinutesPart::item_field; }

}  // namespace gavel::core
