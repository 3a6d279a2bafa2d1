// Where gaveld finds the web pages when --web is not given: the pages built
// beside it (build/<preset>/web, made by clients/web) or installed with it
// (<prefix>/share/gavel/web). Never a source folder, never a guess upwards.
#pragma once

#include <filesystem>
#include <optional>

namespace gavel::gaveld {

std::optional<std::filesystem::path> installed_pages();

}  // namespace gavel::gaveld
