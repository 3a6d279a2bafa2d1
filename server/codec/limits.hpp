// Size limits on what a client may send, checked on the message before any
// of it is converted: one rule for every field, so a new field is covered
// without anyone remembering to add a check.
#pragma once

#include <cstddef>
#include <optional>

#include <google/protobuf/message.h>

#include "core/result.hpp"

namespace gavel::codec {

constexpr std::size_t kMaxIdBytes = 200;     // ids, names, dates: fields listed in limits.cpp
constexpr std::size_t kMaxTextBytes = 8000;  // free text: speeches' points, proposals, reasons
constexpr int kMaxRepeated = 64;             // choices, options

// The first field over its limit, as an invalid_argument error.
std::optional<core::Error> check_limits(const google::protobuf::Message& message);

}  // namespace gavel::codec
