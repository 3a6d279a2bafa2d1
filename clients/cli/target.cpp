#include "target.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "client_lib/access_file.hpp"

namespace gavel::cli {

namespace {

client::Error bad_file(const std::string& source, const std::string& why_zh, const std::string& why_en) {
  return client::local_error(client::ErrorKind::bad_file, source + "：" + why_zh, source + ": " + why_en);
}

// One CSV record per line: gaveld quotes fields with commas or quotes in
// them, and never writes a line break inside one.
std::vector<std::string> csv_fields(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

client::Result<std::string> token_as(const GlobalOptions& options) {
  const auto csv = std::filesystem::path(options.access_path).parent_path() / "participants.csv";
  std::ifstream in(csv, std::ios::binary);
  if (!in) return bad_file(csv.string(), "无法打开（gaveld 把它写在 access.json 旁边）", "cannot open it (gaveld writes it beside access.json)");
  std::ostringstream text;
  text << in.rdbuf();
  return participant_token(text.str(), options.as_participant, csv.string());
}

}  // namespace

client::Result<std::string> participant_token(const std::string& csv_text, const std::string& id,
                                              const std::string& source) {
  std::istringstream lines(csv_text);
  std::string line;
  if (!std::getline(lines, line)) return bad_file(source, "文件为空", "empty file");
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a UTF-8 byte order mark
  const std::vector<std::string> header = csv_fields(line);
  const auto column = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t id_column = column("id");
  const std::size_t token_column = column("token");
  if (id_column == header.size() || token_column == header.size()) {
    return bad_file(source, "应有 id 和 token 两列", "expected the columns id and token");
  }
  while (std::getline(lines, line)) {
    const std::vector<std::string> fields = csv_fields(line);
    if (fields.size() > std::max(id_column, token_column) && fields[id_column] == id)
      return fields[token_column];
  }
  return bad_file(source, "没有编号为 '" + id + "' 的参会人（编号见 gavelctl roster）",
                  "no participant '" + id + "' (ids are in `gavelctl roster`)");
}

client::Result<std::vector<CsvRow>> participants_csv(const GlobalOptions& options) {
  if (options.access_path.empty())
    return bad_file("participants.csv", "请给出 --access DIR/access.json：文件就在它旁边", "give --access DIR/access.json: the file is beside it");
  const auto csv = std::filesystem::path(options.access_path).parent_path() / "participants.csv";
  std::ifstream in(csv, std::ios::binary);
  if (!in) return bad_file(csv.string(), "无法打开（gaveld 把它写在 access.json 旁边）", "cannot open it (gaveld writes it beside access.json)");
  std::string line;
  if (!std::getline(in, line)) return bad_file(csv.string(), "文件为空", "empty file");
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  const std::vector<std::string> header = csv_fields(line);
  std::vector<CsvRow> rows;
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    const std::vector<std::string> fields = csv_fields(line);
    CsvRow row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

client::Result<Target> resolve_target(const GlobalOptions& options) {
  std::optional<client::AccessFile> access;
  if (!options.access_path.empty()) {
    auto loaded = client::load_access_file(options.access_path);
    if (!loaded) return loaded.error();
    access = std::move(loaded).value();
  }

  Target target;
  if (!options.as_participant.empty()) {
    auto token = token_as(options);
    if (!token) return token.error();
    target.token = std::move(token).value();
  } else {
    target.token = options.token;
  }
  if (target.token.empty() && access) {
    auto token = access->token_for(options.role);
    if (!token) return token.error();
    target.token = std::move(token).value();
  }
  if (target.token.empty()) {
    return client::local_error(client::ErrorKind::bad_file,
                               "没有令牌：请给出 --token T 或 --access DIR/access.json",
                               "no token: give --token T or --access DIR/access.json");
  }

  std::string url = options.server;
  if (url.empty()) url = access ? access->server_url() : std::string(kDefaultServer);
  auto endpoint = client::parse_endpoint(url);
  if (!endpoint) return endpoint.error();
  target.endpoint = std::move(endpoint).value();
  return target;
}

}  // namespace gavel::cli
