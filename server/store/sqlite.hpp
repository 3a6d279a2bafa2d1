// A thin RAII layer over SQLite: one connection, prepared statements, and
// errors as values. Not thread-safe: each connection belongs to one thread.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace gavel::store {

core::Error db_error(sqlite3* db, std::string_view what);

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt, &sqlite3_finalize) {}

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, std::string_view bytes);

  // Steps once: true while a row is available.
  core::Result<bool> step();
  // Steps to completion and resets for reuse.
  core::Status run();
  void reset();

  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::string blob(int column) const;

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt_{nullptr, &sqlite3_finalize};
};

class Database {
 public:
  static core::Result<Database> open(const std::string& path);
  // For readers that must not change the file (gavelctl verify, archive).
  static core::Result<Database> open_read_only(const std::string& path);

  core::Status exec(const char* sql);
  core::Result<Statement> prepare(std::string_view sql);
  sqlite3* handle() const { return db_.get(); }

 private:
  explicit Database(sqlite3* db) : db_(db, &sqlite3_close_v2) {}
  static core::Result<Database> open_with(const std::string& path, int flags);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db_;
};

// Every row of a prepared (and bound) query, each read by `read` from the statement.
template <class T, class Read>
core::Result<std::vector<T>> all_rows(core::Result<Statement>& query, Read read) {
  if (!query) return query.error();
  std::vector<T> out;
  for (;;) {
    auto row = query.value().step();
    if (!row) return row.error();
    if (!row.value()) return out;
    out.push_back(read(query.value()));
  }
}

}  // namespace gavel::store
