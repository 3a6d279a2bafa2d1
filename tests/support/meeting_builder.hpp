// A small builder for MeetingSetup: participants by group, invited members,
// agenda items and the meeting's rules, with defaults a test can ignore.
//
//   auto setup = SetupBuilder()
//                    .members("elderly", 3)          // elderly1, elderly2, elderly3
//                    .members("youth", 2)            // youth1, youth2
//                    .invited("expert1", "expert", {"lift"})
//                    .item("parking")
//                    .item("lift").speech_limit(120).max_speeches(2)
//                    .build();
#pragma once

#include <string>
#include <vector>

#include "core/types.hpp"
#include "support/fake_clock.hpp"

namespace gavel::test {

class SetupBuilder {
 public:
  SetupBuilder();

  // Meeting
  SetupBuilder& title(std::string title);
  SetupBuilder& scheduled_start(core::Millis at);
  SetupBuilder& quorum(std::uint32_t min_present, double min_fraction);
  SetupBuilder& first_time_speakers_first(bool on = true);
  SetupBuilder& alternate_groups(bool on = true);
  SetupBuilder& live_tally_allowed(bool on = true);

  // Roster: `n` fixed members with ids group1..groupN (numbering continues
  // when the same group is added again).
  SetupBuilder& members(const std::string& group, int n, double weight = 1.0);
  SetupBuilder& member(std::string id, std::string group, double weight = 1.0);
  SetupBuilder& invited(std::string id, std::string group, std::vector<std::string> items);

  // Agenda: item() adds an item published 7 days before the start; the
  // modifiers after it change that last item.
  SetupBuilder& item(std::string id);
  SetupBuilder& published(core::Millis at);
  SetupBuilder& speech_limit(std::uint32_t seconds);
  SetupBuilder& max_speeches(std::uint32_t cap);
  SetupBuilder& veto_group(std::string group);
  SetupBuilder& opinion(std::string item_id, std::string author, std::string text,
                        core::Millis received = 0);

  core::MeetingSetup build() const { return setup_; }

 private:
  core::AgendaItem& last_item();
  core::MeetingSetup setup_;
};

// A VoteSpec in one expression (GCC warns on designated initializers that
// leave fields out):  vote_on(1).secret().threshold(Threshold::two_thirds)
class SpecBuilder {
 public:
  explicit SpecBuilder(core::Id motion) { spec_.motion_id = motion; }
  SpecBuilder& question(std::string q) {
    spec_.question = std::move(q);
    return *this;
  }
  SpecBuilder& form(core::BallotForm f) {
    spec_.form = f;
    return *this;
  }
  SpecBuilder& options(std::vector<std::string> o) {
    spec_.options = std::move(o);
    return *this;
  }
  SpecBuilder& max_choices(std::uint32_t n) {
    spec_.max_choices = n;
    return *this;
  }
  SpecBuilder& secret(bool on = true) {
    spec_.secret = on;
    return *this;
  }
  SpecBuilder& threshold(core::Threshold t) {
    spec_.threshold = t;
    return *this;
  }
  SpecBuilder& abstentions_count(bool on = true) {
    spec_.abstentions_count = on;
    return *this;
  }
  SpecBuilder& weighted(bool on = true) {
    spec_.weighted = on;
    return *this;
  }
  SpecBuilder& veto_group(std::string g) {
    spec_.veto_group = std::move(g);
    return *this;
  }
  SpecBuilder& live_tally(bool on = true) {
    spec_.live_tally = on;
    return *this;
  }
  operator core::VoteSpec() const { return spec_; }  // NOLINT: implicit on purpose

 private:
  core::VoteSpec spec_;
};
inline SpecBuilder vote_on(core::Id motion) { return SpecBuilder(motion); }

// The sample meeting most suites use: a residents' council with 4 elderly,
// 2 youth, 2 tenants and 1 merchant as fixed members, an invited expert for
// "lift", and three items (parking, lift, greening).
core::MeetingSetup sample_setup();

}  // namespace gavel::test
