#include "support/assembly.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace gavel::bench {

std::string person(int i) {
  char id[16];
  std::snprintf(id, sizeof id, "P%05d", i);
  return id;
}

std::filesystem::path write_assembly(const std::filesystem::path& dir, int people) {
  std::filesystem::create_directories(dir);
  std::ofstream roster(dir / "roster.csv");
  roster << "id,name,group\n";
  for (int i = 1; i <= people; ++i) roster << person(i) << ",居民" << i << ",第" << (i % 10 + 1) << "组\n";
  std::ofstream meeting(dir / "meeting.toml");
  meeting << R"toml([meeting]
title = "基准测试代表大会"
date = 2026-11-28
start = 2026-11-28T09:00:00+08:00
place = "社区礼堂"
chair = "周主任"
secretary = "林记录"
roster = "roster.csv"

[quorum]
min_present = 1
min_fraction = 0.0

[[item]]
id = "budget"
title = "年度预算"
published = 2026-11-20T09:00:00+08:00
speech_limit_s = 120
background = "年度维修预算。"
proposal = "批准年度维修预算。"
)toml";
  if (!roster.flush() || !meeting.flush()) throw std::runtime_error("cannot write the assembly into " + dir.string());
  return dir / "meeting.toml";
}

}  // namespace gavel::bench
