// The database schema and its migrations, keyed on PRAGMA user_version.
#pragma once

#include "store/sqlite.hpp"

namespace gavel::store {

constexpr int kSchemaVersion = 6;

// Brings the file up to kSchemaVersion; refuses a file from a newer Gavel.
core::Status migrate(Database& db);

}  // namespace gavel::store
