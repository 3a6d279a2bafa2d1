// Where to connect and with which token, from the options, the access file
// and (for --as) participants.csv beside it. Reads those files; otherwise
// pure. Any thread.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "client_lib/endpoint.hpp"
#include "client_lib/result.hpp"
#include "invocation.hpp"

namespace gavel::cli {

// When neither --server nor an access file says where gaveld is.
inline constexpr std::string_view kDefaultServer = "http://127.0.0.1:8080/";

struct Target {
  client::Endpoint endpoint;
  std::string token;
};

client::Result<Target> resolve_target(const GlobalOptions& options);

// The token of participant `id` in gaveld's participants.csv (columns
// id,name,group,token,join_url; fields may be quoted).
client::Result<std::string> participant_token(const std::string& csv_text, const std::string& id,
                                              const std::string& source);

// gaveld's participants.csv as rows of column -> value (the header names
// the columns: id, name, group, token, join_url and, when present, code).
using CsvRow = std::map<std::string, std::string>;
client::Result<std::vector<CsvRow>> participants_csv(const GlobalOptions& options);

}  // namespace gavel::cli
