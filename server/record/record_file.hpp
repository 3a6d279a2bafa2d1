// The whole record of a data folder as one message (gavel.v1.RecordExport):
// read from the database, written as JSON in protobuf's JSON mapping, and
// read back from either. The secret ballot box is left out: a closed secret
// vote's ballots are in its close event (receipt = choice, in receipt
// order), and an open one's must not leave the machine. Runs on the caller's
// thread with its own read-only connection.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "gavel/v1/record.pb.h"
#include "store/meeting_store.hpp"

namespace gavel::record {

inline constexpr const char* kFormat = "gavel-record-1";

// Every meeting in the store, or only `only`, with the decoded forms filled.
core::Result<v1::RecordExport> read_record(store::MeetingStore& store,
                                           std::optional<store::MeetingId> only = std::nullopt);

std::string to_json(const v1::RecordExport& record);
core::Result<v1::RecordExport> from_json(std::string_view json);

// A database file (opened read-only) or a JSON export, told apart by the
// SQLite header.
core::Result<v1::RecordExport> load_record(const std::filesystem::path& file);
// Whether `file` starts with the SQLite header (else it is taken as JSON).
bool is_database(const std::filesystem::path& file);

}  // namespace gavel::record
