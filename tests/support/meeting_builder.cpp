#include "support/meeting_builder.hpp"

#include <map>
#include <stdexcept>

namespace gavel::test {

SetupBuilder::SetupBuilder() {
  setup_.info.title = "测试议事会";
  setup_.info.date = "2026-01-10";
  setup_.info.place = "社区活动室";
  setup_.info.chair_name = "主持人";
  setup_.info.secretary_name = "记录员";
  setup_.info.scheduled_start = kMeetingDay;
}

SetupBuilder& SetupBuilder::title(std::string title) {
  setup_.info.title = std::move(title);
  return *this;
}
SetupBuilder& SetupBuilder::scheduled_start(core::Millis at) {
  setup_.info.scheduled_start = at;
  return *this;
}
SetupBuilder& SetupBuilder::quorum(std::uint32_t min_present, double min_fraction) {
  setup_.info.quorum = {min_present, min_fraction};
  return *this;
}
SetupBuilder& SetupBuilder::first_time_speakers_first(bool on) {
  setup_.info.queue_rules.first_time_speakers_first = on;
  return *this;
}
SetupBuilder& SetupBuilder::alternate_groups(bool on) {
  setup_.info.queue_rules.alternate_groups = on;
  return *this;
}
SetupBuilder& SetupBuilder::live_tally_allowed(bool on) {
  setup_.info.live_tally_allowed = on;
  return *this;
}

SetupBuilder& SetupBuilder::members(const std::string& group, int n, double weight) {
  int already = 0;
  for (const core::Participant& p : setup_.roster)
    if (p.group == group && !p.invited) ++already;
  for (int i = 1; i <= n; ++i) member(group + std::to_string(already + i), group, weight);
  return *this;
}
SetupBuilder& SetupBuilder::member(std::string id, std::string group, double weight) {
  core::Participant p;
  p.name = "成员" + id;
  p.id = std::move(id);
  p.group = std::move(group);
  p.weight = weight;
  p.seat = "S" + std::to_string(setup_.roster.size() + 1);
  p.clicker_id = "C" + std::to_string(setup_.roster.size() + 1);
  setup_.roster.push_back(std::move(p));
  return *this;
}
SetupBuilder& SetupBuilder::invited(std::string id, std::string group,
                                    std::vector<std::string> items) {
  member(std::move(id), std::move(group));
  setup_.roster.back().invited = true;
  setup_.roster.back().invited_items = std::move(items);
  return *this;
}

SetupBuilder& SetupBuilder::item(std::string id) {
  core::AgendaItem a;
  a.title = "议题 " + id;
  a.background = "背景：" + id;
  a.proposal = "草案：" + id;
  a.id = std::move(id);
  a.published = setup_.info.scheduled_start - 7 * core::kDay;
  setup_.agenda.push_back(std::move(a));
  return *this;
}
core::AgendaItem& SetupBuilder::last_item() {
  if (setup_.agenda.empty()) throw std::logic_error("SetupBuilder: add an item() first");
  return setup_.agenda.back();
}
SetupBuilder& SetupBuilder::published(core::Millis at) {
  last_item().published = at;
  return *this;
}
SetupBuilder& SetupBuilder::speech_limit(std::uint32_t seconds) {
  last_item().speech_limit_s = seconds;
  return *this;
}
SetupBuilder& SetupBuilder::max_speeches(std::uint32_t cap) {
  last_item().max_speeches_per_person = cap;
  return *this;
}
SetupBuilder& SetupBuilder::veto_group(std::string group) {
  last_item().veto_group = std::move(group);
  return *this;
}
SetupBuilder& SetupBuilder::opinion(std::string item_id, std::string author, std::string text,
                                    core::Millis received) {
  setup_.opinions.push_back({std::move(item_id), {std::move(author), std::move(text), received}});
  return *this;
}

core::MeetingSetup sample_setup() {
  return SetupBuilder()
      .quorum(3, 0.5)
      .members("elderly", 4)
      .members("youth", 2)
      .members("tenant", 2)
      .members("merchant", 1, 2.0)
      .invited("expert1", "expert", {"lift"})
      .item("parking")
      .item("lift")
      .speech_limit(120)
      .max_speeches(2)
      .veto_group("elderly")
      .item("greening")
      .opinion("parking", "缺席业主", "希望保留自行车棚", kMeetingDay - core::kDay)
      .build();
}

}  // namespace gavel::test
