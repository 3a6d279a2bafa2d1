// gaveld's command line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "net/server.hpp"

namespace gavel::gaveld {

struct Options {
  std::filesystem::path data;
  std::optional<std::filesystem::path> meeting, roster;
  std::optional<std::filesystem::path> web;  // --web; else the pages installed beside the program
  bool no_web = false;                        // --no-web: serve no pages at all
  // --archive-unsigned: a new --meeting may replace an ended meeting whose
  // minutes were never signed (else gaveld refuses, so they can still be signed).
  bool archive_unsigned = false;
  net::ServerOptions server;
};

struct ShowHelp {};

// Options, a request for help, or a usage error (one line).
std::variant<Options, ShowHelp, std::string> parse_options(int argc, char** argv);
extern const char* const kUsage;

}  // namespace gavel::gaveld
