#include "access_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace gavel::client {

namespace {

Error bad(const std::string& source, const std::string& why_zh, const std::string& why_en) {
  return local_error(ErrorKind::bad_file, source + "：" + why_zh, source + ": " + why_en);
}

}  // namespace

Result<std::string> AccessFile::token_for(v1::Role role) const {
  const std::string* token = nullptr;
  const char* field = "";
  switch (role) {
    case v1::ROLE_CHAIR:
      token = &chair_token;
      field = "chair_token";
      break;
    case v1::ROLE_SECRETARY:
      token = &secretary_token;
      field = "secretary_token";
      break;
    case v1::ROLE_DISPLAY:
      token = &display_token;
      field = "display_token";
      break;
    case v1::ROLE_CLICKER:
      token = &clicker_token;
      field = "clicker_token";
      break;
    default:
      return local_error(ErrorKind::bad_file,
                         "访问文件中只有主持人、记录员、投影和表决器的令牌（参会人的令牌在 participants.csv 中）",
                         "the access file holds only the chair, secretary, display and clicker tokens "
                         "(participants' tokens are in participants.csv)");
  }
  if (token->empty()) return local_error(ErrorKind::bad_file, std::string("访问文件中没有 ") + field,
                                         std::string("the access file has no ") + field);
  return *token;
}

Result<AccessFile> parse_access_file(std::string_view json_text, const std::string& source) {
  // nlohmann reports where the text is broken only through its exception.
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    return bad(source, std::string("不是有效的 JSON（") + e.what() + "）", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) return bad(source, "应为一个 JSON 对象", "expected a JSON object");

  AccessFile file;
  const std::pair<const char*, std::string*> fields[] = {
      {"url", &file.url},
      {"ws_url", &file.ws_url},
      {"join_url", &file.join_url},
      {"chair_token", &file.chair_token},
      {"secretary_token", &file.secretary_token},
      {"display_token", &file.display_token},
      {"clicker_token", &file.clicker_token},
      {"wifi", &file.wifi},
  };
  for (const auto& [name, out] : fields) {
    const auto it = doc.find(name);
    if (it == doc.end() || it->is_null()) continue;
    if (!it->is_string()) return bad(source, std::string("“") + name + "”应为字符串", std::string("\"") + name + "\" must be a string");
    *out = it->get<std::string>();
  }
  if (file.url.empty() && file.ws_url.empty()) return bad(source, "既没有 “url” 也没有 “ws_url”", "neither \"url\" nor \"ws_url\" is set");
  return file;
}

Result<AccessFile> load_access_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad(path.string(), std::string("无法打开（") + std::strerror(errno) + "）",
                     std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return bad(path.string(), "无法读取", "cannot read the file");
  return parse_access_file(text.str(), path.string());
}

}  // namespace gavel::client
