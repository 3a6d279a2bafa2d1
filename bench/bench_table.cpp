// The benchmark's table: reads the JSON lines the benchmarks print (one per
// figure, round and system; see hall_bench.cpp) and prints, for every
// figure, gaveld's median over the rounds and its range, the baseline's,
// the ratio of the medians, the goal and the verdict, with the load average
// seen while it was taken.
//
//   bench_table [--markdown] [--expect NAME,NAME...] FILE...
//
// A figure named in --expect that no line gave is shown as "not measured".
// A verdict is "met" only when the median meets the goal, the ratio (where
// there is one) meets its goal, and every round got all its answers in time.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Series {
  std::vector<double> values, loads;
  bool complete = true;
};

struct Row {
  std::string figure, scene, unit;
  std::optional<double> goal, goal_ratio;
  bool higher_is_better = false;
  Series gaveld, baseline;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string number(double value) {
  char text[64];
  double a = value < 0 ? -value : value;
  std::snprintf(text, sizeof text, a >= 1000 ? "%.0f" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f",
                value);
  std::string digits = text;
  // Thousands separators for the integer part.
  auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot), rest = dot == std::string::npos ? "" : digits.substr(dot);
  std::string grouped;
  bool negative = !whole.empty() && whole[0] == '-';
  if (negative) whole.erase(0, 1);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return (negative ? "-" : "") + grouped + rest;
}

std::string show(const Series& s, const std::string& unit) {
  if (s.values.empty()) return "";
  auto [low, high] = std::minmax_element(s.values.begin(), s.values.end());
  std::string out = (s.complete ? "" : ">= ") + number(median(s.values)) + " " + unit;
  if (s.values.size() > 1) out += " (" + number(*low) + "-" + number(*high) + ")";
  return out;
}

std::string loads(const Row& row) {
  std::vector<double> all = row.gaveld.loads;
  all.insert(all.end(), row.baseline.loads.begin(), row.baseline.loads.end());
  if (all.empty()) return "";
  auto [low, high] = std::minmax_element(all.begin(), all.end());
  char text[32];
  std::snprintf(text, sizeof text, "%.1f-%.1f", *low, *high);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  bool markdown = false;
  std::vector<std::string> expected, files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--markdown") markdown = true;
    else if (arg == "--expect" && i + 1 < argc) {
      std::stringstream names(argv[++i]);
      for (std::string name; std::getline(names, name, ',');) expected.push_back(name);
    } else files.push_back(arg);
  }
  std::vector<Row> rows;
  std::map<std::string, std::vector<double>> shares;  // generator CPU share by system
  std::vector<std::string> failures;
  auto row_for = [&](const std::string& figure, const std::string& scene) -> Row& {
    for (auto& row : rows)
      if (row.figure == figure && row.scene == scene) return row;
    rows.push_back(Row{figure, scene, "", std::nullopt, std::nullopt, false, {}, {}});
    return rows.back();
  };
  for (const auto& file : files) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] != '{') continue;
      auto json = nlohmann::json::parse(line, nullptr, false);
      if (json.is_discarded()) continue;
      if (json.contains("failed")) {
        failures.push_back(json.value("system", std::string("?")) + ", round " + std::to_string(json.value("round", 0)) +
                           ": " + json.value("failed", std::string()));
        continue;
      }
      if (!json.contains("figure") || !json.contains("value") || !json["value"].is_number()) continue;
      std::string figure = json["figure"], system = json.value("system", std::string("gaveld"));
      double value = json["value"];
      if (figure == "generator_cpu_share_pct") {
        shares[system].push_back(value);
        continue;
      }
      Row& row = row_for(figure, json.value("scene", std::string()));
      row.unit = json.value("unit", std::string());
      if (json.contains("goal") && json["goal"].is_number()) row.goal = json["goal"].get<double>();
      if (json.contains("goal_ratio") && json["goal_ratio"].is_number()) row.goal_ratio = json["goal_ratio"].get<double>();
      row.higher_is_better = json.value("better", std::string("lower")) == "higher";
      Series& series = system == "baseline" ? row.baseline : row.gaveld;
      series.values.push_back(value);
      if (json.contains("load1") && json["load1"].is_number()) series.loads.push_back(json["load1"].get<double>());
      if (!json.value("complete", true)) series.complete = false;
    }
  }
  for (const auto& name : expected)
    if (std::none_of(rows.begin(), rows.end(), [&](const Row& row) { return row.figure == name; }))
      rows.push_back(Row{name, "", "", std::nullopt, std::nullopt, false, {}, {}});

  std::vector<std::vector<std::string>> table = {
      {"figure", "gaveld (median, range)", "baseline", "ratio", "goal", "verdict", "load avg"}};
  for (const auto& row : rows) {
    std::string name = row.figure + (row.scene.empty() ? "" : " [" + row.scene + "]");
    if (row.gaveld.values.empty()) {
      table.push_back({name, "not measured", "", "", "", "not measured", ""});
      continue;
    }
    double ours = median(row.gaveld.values);
    std::string ratio, goal;
    bool met = row.gaveld.complete;
    if (row.goal) {
      goal = (row.higher_is_better ? ">= " : "<= ") + number(*row.goal) + " " + row.unit;
      met = met && (row.higher_is_better ? ours >= *row.goal : ours <= *row.goal);
    }
    if (!row.baseline.values.empty()) {
      double theirs = median(row.baseline.values);
      if (theirs > 0) {
        double r = ours / theirs;
        ratio = number(r) + "x";
        if (row.goal_ratio) {
          goal += (goal.empty() ? "" : ", ") + std::string(row.higher_is_better ? ">= " : "<= ") + number(*row.goal_ratio) +
                  "x";
          met = met && (row.higher_is_better ? r >= *row.goal_ratio : r <= *row.goal_ratio);
        }
      }
    }
    std::string verdict = !row.goal ? "-" : met ? "met" : row.gaveld.complete ? "NOT met" : "NOT met (incomplete)";
    table.push_back({name, show(row.gaveld, row.unit), show(row.baseline, row.unit), ratio, goal, verdict, loads(row)});
  }

  std::vector<std::size_t> widths(table[0].size(), 0);
  auto width = [](const std::string& s) {  // columns by code point, not byte
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  for (const auto& line : table)
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], width(line[i]));
  for (std::size_t r = 0; r < table.size(); ++r) {
    std::string out = markdown ? "| " : "";
    for (std::size_t i = 0; i < table[r].size(); ++i) {
      out += table[r][i];
      out += std::string(widths[i] - width(table[r][i]), ' ');
      if (i + 1 < table[r].size()) out += markdown ? " | " : "  ";
    }
    std::printf("%s%s\n", out.c_str(), markdown ? " |" : "");
    if (r == 0) {
      std::string rule = markdown ? "|" : "";
      for (std::size_t i = 0; i < widths.size(); ++i)
        rule += markdown ? std::string(widths[i] + 2, '-') + "|" : std::string(widths[i], '-') + (i + 1 < widths.size() ? "  " : "");
      std::printf("%s\n", rule.c_str());
    }
  }
  for (const auto& [system, values] : shares) {
    auto [low, high] = std::minmax_element(values.begin(), values.end());
    std::printf("\nload generator's share of the CPU it and %s used, per measured phase: %s-%s%% (median %s%%)",
                system.c_str(), number(*low).c_str(), number(*high).c_str(), number(median(values)).c_str());
  }
  if (!shares.empty()) std::printf("\n");
  for (const auto& failure : failures) std::printf("failed: %s\n", failure.c_str());
  return 0;
}
