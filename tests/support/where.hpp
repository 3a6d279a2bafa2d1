// The caller's file and line, for helpers whose failures should point at the
// test that called them. std::source_location would do, but clang 14 (the
// asan and fuzz builds) cannot build libstdc++'s; these builtins work in both.
#pragma once

namespace gavel::test {

class Where {
 public:
  static constexpr Where here(const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
    return Where(file, line);
  }
  constexpr const char* file_name() const { return file_; }
  constexpr int line() const { return line_; }

 private:
  constexpr Where(const char* file, int line) : file_(file), line_(line) {}
  const char* file_;
  int line_;
};

}  // namespace gavel::test
