#include "support/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace gavel::bench {

Spread spread(std::vector<double> values) {
  Spread out;
  out.count = values.size();
  if (values.empty()) return out;
  std::sort(values.begin(), values.end());
  auto rank = [&](double q) {
    auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(index, 1, values.size()) - 1];
  };
  out.p50 = rank(0.50);
  out.p99 = rank(0.99);
  out.max = values.back();
  return out;
}

std::string describe(const Spread& s) {
  return "p50 " + fixed(s.p50, 2) + " ms, p99 " + fixed(s.p99, 2) + " ms, max " + fixed(s.max, 2) +
         " ms (n=" + std::to_string(s.count) + ")";
}

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string grouped(double value) {
  std::string digits = fixed(std::round(std::fabs(value)), 0), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

void summary(std::string_view what, std::string_view measured, std::string_view target, std::string_view verdict) {
  std::printf("summary|%.*s|%.*s|%.*s|%.*s\n", static_cast<int>(what.size()), what.data(),
              static_cast<int>(measured.size()), measured.data(), static_cast<int>(target.size()), target.data(),
              static_cast<int>(verdict.size()), verdict.data());
  std::fflush(stdout);
}

void figure(const char* name, double value, const char* unit, double goal) {
  std::printf("{\"figure\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"goal\":%g}\n", name, value, unit, goal);
  std::fflush(stdout);
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

}  // namespace gavel::bench
