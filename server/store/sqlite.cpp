#include "sqlite.hpp"

namespace gavel::store {

core::Error db_error(sqlite3* db, std::string_view what) {
  std::string detail = db ? sqlite3_errmsg(db) : "out of memory";
  return core::make_error(core::ErrorCode::internal, "数据库错误：" + std::string(what) + "：" + detail,
                          "database error: " + std::string(what) + ": " + detail);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

core::Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  auto error = db_error(db_, "step");
  sqlite3_reset(stmt_.get());
  return error;
}

core::Status Statement::run() {
  auto stepped = step();
  reset();
  if (!stepped) return stepped.error();
  return core::Ok{};
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_.get(), column); }
std::string Statement::text(int column) const {
  auto* p = sqlite3_column_text(stmt_.get(), column);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)))
           : std::string();
}
std::string Statement::blob(int column) const {
  const void* p = sqlite3_column_blob(stmt_.get(), column);
  return p ? std::string(static_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)))
           : std::string();
}

core::Result<Database> Database::open(const std::string& path) {
  return open_with(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
}

core::Result<Database> Database::open_read_only(const std::string& path) {
  return open_with(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
}

core::Result<Database> Database::open_with(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    auto error = db_error(db, "open " + path);
    sqlite3_close_v2(db);
    return error;
  }
  sqlite3_busy_timeout(db, 5000);
  return Database(db);
}

core::Status Database::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string detail = message ? message : "?";
    sqlite3_free(message);
    return core::make_error(core::ErrorCode::internal, "数据库错误：" + detail, "database error: " + detail);
  }
  return core::Ok{};
}

core::Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
    return db_error(db_.get(), "prepare");
  return Statement(db_.get(), stmt);
}

}  // namespace gavel::store
