// gavelctl's commands on the record itself, which read the data folder's
// database or an export directly and need no running server:
//   gavelctl verify FILE        is the chain whole, do the signatures match
//   gavelctl record export      the whole record as JSON
// Chinese by default, English with --lang en. Main thread.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace gavel::record_cli {

// nullopt when args (without the program name) is not one of these
// commands; otherwise the exit status: 0 all well, 1 damaged or failed,
// 2 usage error.
std::optional<int> run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace gavel::record_cli
