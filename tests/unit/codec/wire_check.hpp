// Helpers that look at protobuf messages in tests: which fields are left at
// their defaults, and deterministic bytes for the golden fixtures.
#pragma once

#include <string>
#include <vector>

#include <google/protobuf/message.h>

namespace gavel::test {

// Paths ("spec.options") of the fields left unset or at the default, looking
// into nested messages and only at the oneof member that is set.
std::vector<std::string> unset_fields(const google::protobuf::Message& message);

// Deterministic serialization, as the golden fixtures are written.
std::string serialize(const google::protobuf::Message& message);

}  // namespace gavel::test
