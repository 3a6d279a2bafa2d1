#include "meeting_file.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <system_error>

#include "diagnostic.hpp"
#include "meeting_toml.hpp"
#include "roster_csv.hpp"

namespace gavel::meeting_file {

namespace {

constexpr std::uintmax_t kMaxFileBytes = 8u << 20;

core::Result<std::string> read_file(const std::filesystem::path& path) {
  const std::string shown = path.string();
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec)
    return core::make_error(core::ErrorCode::not_found, shown + ": 无法读取文件：" + ec.message(),
                            shown + ": cannot read the file: " + ec.message());
  if (size > kMaxFileBytes)
    return core::make_error(core::ErrorCode::too_large, shown + ": 文件超过 8 MiB",
                            shown + ": the file is larger than 8 MiB");
  std::ifstream in(path, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof())
    return core::make_error(core::ErrorCode::not_found, shown + ": 无法读取文件",
                            shown + ": cannot read the file");
  return text;
}

// What the TOML file says about the roster can only be checked against it.
std::optional<core::Error> check_against_roster(const MeetingToml& meeting,
                                                const std::vector<core::Participant>& roster,
                                                std::string_view toml_name,
                                                std::string_view csv_name) {
  std::set<std::string> groups;
  for (const core::Participant& p : roster) groups.insert(p.group);
  std::string groups_zh;
  std::string groups_en;
  for (const std::string& group : groups) {
    groups_zh += (groups_zh.empty() ? "" : "、") + group;
    groups_en += (groups_en.empty() ? "" : ", ") + group;
  }

  const auto& agenda = meeting.setup.agenda;
  for (std::size_t i = 0; i < agenda.size(); ++i) {
    const std::string& veto = agenda[i].veto_group;
    if (veto.empty() || groups.count(veto) != 0) continue;
    return invalid_at(
        {toml_name, meeting.veto_group_lines[i], "item[" + std::to_string(i + 1) + "].veto_group"},
        std::string(csv_name) + " 中没有分组 " + in_quotes(veto) + "；已有分组：" + groups_zh,
        "no group " + in_quotes(veto) + " in " + std::string(csv_name) +
            "; its groups are: " + groups_en);
  }
  const std::uint32_t min_present = meeting.setup.info.quorum.min_present;
  if (min_present > roster.size())
    return invalid_at(
        {toml_name, meeting.min_present_line, "quorum.min_present"},
        "大于名单总人数 " + std::to_string(roster.size()) + "，会议永远达不到法定人数",
        "exceeds the " + std::to_string(roster.size()) +
            " people on the roster, so the meeting could never be quorate");
  return std::nullopt;
}

core::Result<core::MeetingSetup> finish(MeetingToml meeting, std::string_view csv_text,
                                        std::string_view toml_name, std::string_view csv_name) {
  auto roster = read_roster_csv(csv_text, csv_name, meeting.setup.agenda);
  if (!roster) return roster.error();
  if (auto problem = check_against_roster(meeting, roster.value(), toml_name, csv_name))
    return *std::move(problem);
  meeting.setup.roster = std::move(roster).value();
  return std::move(meeting.setup);
}

// Memory exhaustion is the one exception the readers can still meet.
core::Error internal_error(const std::exception& e) {
  return core::make_error(core::ErrorCode::internal, std::string("读取会议文件时出错：") + e.what(),
                          std::string("failed to read the meeting file: ") + e.what());
}

}  // namespace

core::Result<core::MeetingSetup> load(const std::filesystem::path& toml,
                                      const std::filesystem::path& roster_csv) {
  try {
    auto toml_text = read_file(toml);
    if (!toml_text) return toml_text.error();
    const std::string toml_name = toml.string();
    auto meeting = read_meeting_toml(toml_text.value(), toml_name);
    if (!meeting) return meeting.error();

    std::filesystem::path csv = roster_csv;
    if (csv.empty()) {
      if (meeting.value().roster.empty())
        return invalid_at({toml_name, meeting.value().meeting_line, "meeting.roster"},
                          "缺少名单文件：请在此写明，例如 roster = \"roster.csv\"",
                          "no roster file given: name it here, e.g. roster = \"roster.csv\"");
      csv = toml.parent_path() / meeting.value().roster;
    }
    auto csv_text = read_file(csv);
    if (!csv_text) return csv_text.error();
    return finish(std::move(meeting).value(), csv_text.value(), toml_name, csv.string());
  } catch (const std::exception& e) {
    return internal_error(e);
  }
}

core::Result<core::MeetingSetup> parse(std::string_view toml_text, std::string_view csv_text,
                                       std::string_view toml_name, std::string_view csv_name) {
  try {
    auto meeting = read_meeting_toml(toml_text, toml_name);
    if (!meeting) return meeting.error();
    return finish(std::move(meeting).value(), csv_text, toml_name, csv_name);
  } catch (const std::exception& e) {
    return internal_error(e);
  }
}

}  // namespace gavel::meeting_file
