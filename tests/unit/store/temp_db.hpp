// A database file in a fresh temporary folder, removed afterwards.
#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace gavel::test {

class TempDb {
 public:
  TempDb() {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() / ("gavel-store-" + std::to_string(random()));
    std::filesystem::create_directories(dir_);
  }
  ~TempDb() { std::filesystem::remove_all(dir_); }
  std::filesystem::path file() const { return dir_ / "gavel.db"; }

 private:
  std::filesystem::path dir_;
};

}  // namespace gavel::test
