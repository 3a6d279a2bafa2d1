#include "roster_csv.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "csv_reader.hpp"
#include "diagnostic.hpp"
#include "text.hpp"

namespace gavel::meeting_file {

namespace {

enum Column : std::size_t {
  kId,
  kName,
  kGroup,
  kWeight,
  kSeat,
  kClickerId,
  kInvitedItems,
  kColumns
};

constexpr std::array<std::string_view, kColumns> kColumnNames = {
    "id", "name", "group", "weight", "seat", "clicker_id", "invited_items"};
constexpr std::array<Column, 3> kRequired = {kId, kName, kGroup};

std::string known_columns() {
  std::string out;
  for (std::string_view column : kColumnNames)
    out += (out.empty() ? "" : ", ") + std::string(column);
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// Where each known column sits in a row, if the header has it.
using Layout = std::array<std::optional<std::size_t>, kColumns>;

core::Result<Layout> read_header(const CsvRecord& header, std::string_view file) {
  Layout layout;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string title = ascii_lower(trim(header.fields[i]));
    const auto known = std::find(kColumnNames.begin(), kColumnNames.end(), title);
    const std::string position = std::to_string(i + 1);
    if (title.empty())
      return invalid_at({file, header.line, "header"}, "第 " + position + " 列没有列名",
                        "column " + position + " has no name");
    if (known == kColumnNames.end())
      return invalid_at(
          {file, header.line, "header"},
          "未知的列 " + in_quotes(title) + "；可用的列：" + known_columns(),
          "unknown column " + in_quotes(title) + "; known columns: " + known_columns());
    auto& slot = layout[static_cast<std::size_t>(known - kColumnNames.begin())];
    if (slot)
      return invalid_at({file, header.line, "header"}, "列 " + in_quotes(title) + " 出现了两次",
                        "column " + in_quotes(title) + " appears twice");
    slot = i;
  }
  for (Column column : kRequired)
    if (!layout[column])
      return invalid_at({file, header.line, "header"},
                        "缺少必填的列 " + in_quotes(kColumnNames[column]),
                        "the required column " + in_quotes(kColumnNames[column]) + " is missing");
  return layout;
}

bool is_blank(const CsvRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(),
                     [](const std::string& field) { return trim(field).empty(); });
}

class RowReader {
 public:
  RowReader(std::string_view file, const Layout& layout,
            const std::vector<core::AgendaItem>& agenda)
      : file_(file), layout_(layout), agenda_(agenda) {}

  core::Result<core::Participant> read(const CsvRecord& row) {
    line_ = row.line;
    row_ = &row;
    core::Participant p;
    p.id = cell(kId);
    p.name = cell(kName);
    p.group = cell(kGroup);
    p.seat = cell(kSeat);
    p.clicker_id = cell(kClickerId);
    if (p.id.empty()) return fail(kId, "不能为空", "must not be empty");
    if (!is_valid_id(p.id))
      return fail(kId, "不能包含空格、逗号或分号", "may not contain spaces, commas or semicolons");
    if (const auto [first, fresh] = id_lines_.emplace(p.id, line_); !fresh)
      return fail(
          kId,
          "编号 " + in_quotes(p.id) + " 重复（第 " + std::to_string(first->second) + " 行已使用）",
          "duplicate participant id " + in_quotes(p.id) + " (first used on line " +
              std::to_string(first->second) + ")");
    if (p.name.empty()) return fail(kName, "姓名不能为空", "must not be empty");
    if (p.group.empty()) return fail(kGroup, "分组不能为空", "must not be empty");
    const auto parsed_weight = read_weight();
    if (!parsed_weight) return parsed_weight.error();
    p.weight = parsed_weight.value();
    if (!p.clicker_id.empty()) {
      if (!is_valid_id(p.clicker_id))
        return fail(kClickerId, "不能包含空格、逗号或分号",
                    "may not contain spaces, commas or semicolons");
      if (const auto [first, fresh] = clicker_lines_.emplace(p.clicker_id, line_); !fresh)
        return fail(kClickerId,
                    "表决器 " + in_quotes(p.clicker_id) + " 已分配给第 " +
                        std::to_string(first->second) + " 行的参与者",
                    "clicker " + in_quotes(p.clicker_id) + " is already given to line " +
                        std::to_string(first->second));
    }
    p.invited_items = split_list(cell(kInvitedItems));
    for (const std::string& item : p.invited_items) {
      if (!on_agenda(item))
        return fail(kInvitedItems, "议程中没有编号为 " + in_quotes(item) + " 的议题",
                    "no agenda item has the id " + in_quotes(item));
      if (std::count(p.invited_items.begin(), p.invited_items.end(), item) > 1)
        return fail(kInvitedItems, "议题 " + in_quotes(item) + " 列了两次",
                    "item " + in_quotes(item) + " is listed twice");
    }
    p.invited = !p.invited_items.empty();
    return p;
  }

 private:
  std::string cell(Column column) const {
    const auto index = layout_[column];
    return index ? std::string(trim(row_->fields[*index])) : std::string();
  }

  core::Error fail(Column column, const std::string& zh, const std::string& en) const {
    return invalid_at({file_, line_, std::string(kColumnNames[column])}, zh, en);
  }

  core::Result<double> read_weight() const {
    const std::string text = cell(kWeight);
    if (text.empty()) return 1.0;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
      return fail(kWeight, "不是数字：" + in_quotes(text), "not a number: " + in_quotes(text));
    if (value <= 0.0) return fail(kWeight, "必须大于 0", "must be greater than 0");
    return value;
  }

  bool on_agenda(const std::string& item) const {
    return std::any_of(agenda_.begin(), agenda_.end(),
                       [&](const core::AgendaItem& a) { return a.id == item; });
  }

  std::string_view file_;
  const Layout& layout_;
  const std::vector<core::AgendaItem>& agenda_;
  std::map<std::string, std::size_t> id_lines_;
  std::map<std::string, std::size_t> clicker_lines_;
  std::size_t line_ = 0;
  const CsvRecord* row_ = nullptr;
};

}  // namespace

core::Result<std::vector<core::Participant>> read_roster_csv(
    std::string_view text, std::string_view name, const std::vector<core::AgendaItem>& agenda) {
  auto records = read_csv(text, name);
  if (!records) return records.error();
  const std::vector<CsvRecord>& rows = records.value();
  const auto header = std::find_if_not(rows.begin(), rows.end(), is_blank);
  if (header == rows.end())
    return invalid_at({name, 0, {}}, "文件为空：第一行应为列名，例如 id,name,group",
                      "the file is empty: the first row names the columns, e.g. id,name,group");
  auto layout = read_header(*header, name);
  if (!layout) return layout.error();

  RowReader reader(name, layout.value(), agenda);
  std::vector<core::Participant> roster;
  for (auto row = header + 1; row != rows.end(); ++row) {
    if (is_blank(*row)) continue;  // spreadsheets export formatted empty rows
    if (row->fields.size() != header->fields.size())
      return invalid_at({name, row->line, {}},
                        "有 " + std::to_string(row->fields.size()) + " 个字段，但列名行有 " +
                            std::to_string(header->fields.size()) + " 个",
                        "has " + std::to_string(row->fields.size()) +
                            " fields but the header has " + std::to_string(header->fields.size()));
    auto participant = reader.read(*row);
    if (!participant) return participant.error();
    roster.push_back(std::move(participant).value());
  }
  if (roster.empty())
    return invalid_at({name, 0, {}}, "名单中没有参与者", "the roster has no participants");
  return roster;
}

}  // namespace gavel::meeting_file
