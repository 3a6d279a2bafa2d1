// A verification report in words, one line per finding.
#pragma once

#include <ostream>
#include <string>

#include "record/verify.hpp"
#include "words.hpp"

namespace gavel::record_cli {

// `expected_key`: a fingerprint (hex, any grouping) or verifier key the
// signatures must come from; empty: any key, whose fingerprint is printed.
// Returns whether everything checked out.
bool describe(const record::VerifyReport& report, const std::string& source, const std::string& expected_key,
              Say say, std::ostream& out);

// "3f2a 9c10 …": the fingerprint in groups of four, as the minutes print it.
std::string grouped(const std::string& fingerprint);

}  // namespace gavel::record_cli
