// The record commands' shared parts: flags, errors, and the commands that
// live in their own files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "words.hpp"

namespace gavel::record_cli {

inline constexpr int kOk = 0, kFailed = 1, kUsage = 2;

struct Flags {
  Say say;
  std::vector<std::string> words;
  std::string key, data = "data", output, today, note;
  std::optional<std::int64_t> meeting;
  bool help = false;
};

// Flags anywhere after `from`; the rest, in order, into flags.words. A
// usage error comes back as text.
std::optional<std::string> parse(const std::vector<std::string>& args, std::size_t from, Flags& flags);
int usage(std::ostream& err, const std::string& message, const std::string& topic);
int fail(std::ostream& err, const core::Error& error, Say say);
std::filesystem::path database_of(const Flags& flags);

int list_actions(const Flags& flags, std::ostream& out, std::ostream& err);
int archive(const Flags& flags, std::ostream& out, std::ostream& err);
int follow_up(const Flags& flags, std::ostream& out, std::ostream& err);

}  // namespace gavel::record_cli
