// Files in the data folder that hold credentials (access.json, clickers.json,
// participants.csv): readable by the owner only, and replaced whole so that
// neither a crash nor a power cut leaves half a file or an empty one. The
// caller's thread; blocking (two fsyncs).
#pragma once

#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace gavel::gaveld {

// Writes `content` to FILE.tmp (mode 0600 from its creation), fsyncs it,
// renames it over `file` and fsyncs the folder, so the new name is durable
// too. On failure `file` is as it was and the temporary file is gone.
core::Status write_private_file(const std::filesystem::path& file, const std::string& content);

}  // namespace gavel::gaveld
