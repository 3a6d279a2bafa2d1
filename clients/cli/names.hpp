// Names for the ids in events, learnt from snapshots and from the events
// themselves: "P07" prints as "P07 张秀英", option 0 of vote 3 as "赞成".
// Not thread-safe; owned by the printing loop.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "gavel/v1/envelope.pb.h"

namespace gavel::cli {

class Names {
 public:
  void learn(const v1::MeetingSnapshot& snapshot);
  void learn(const v1::Event& event);

  // "P07 张秀英"; an id nobody knows, or "chair", as it is; "" as "anonymous".
  std::string person(const std::string& id) const;
  // "A1 楼道加装电梯", or the id alone.
  std::string item(const std::string& id) const;
  // "赞成", or "option 4" when the vote's options are unknown.
  std::string choice(std::uint64_t vote_id, std::uint32_t index) const;

 private:
  void learn(const v1::Vote& vote);

  std::map<std::string, std::string> people_;
  std::map<std::string, std::string> items_;
  std::map<std::uint64_t, std::vector<std::string>> options_;
};

}  // namespace gavel::cli
