#include "names.hpp"

namespace gavel::cli {

void Names::learn(const v1::MeetingSnapshot& snapshot) {
  for (const v1::Participant& p : snapshot.roster()) people_[p.id()] = p.name();
  for (const v1::AgendaItem& item : snapshot.agenda()) items_[item.id()] = item.title();
  if (snapshot.current_vote().id() != 0) learn(snapshot.current_vote());
  for (const v1::Vote& vote : snapshot.votes()) learn(vote);
}

void Names::learn(const v1::Vote& vote) {
  options_[vote.id()].assign(vote.spec().options().begin(), vote.spec().options().end());
}

void Names::learn(const v1::Event& event) {
  if (event.has_vote_opened()) {
    const auto& spec = event.vote_opened().spec();
    options_[event.vote_opened().vote_id()].assign(spec.options().begin(), spec.options().end());
  }
}

std::string Names::person(const std::string& id) const {
  if (id.empty()) return "anonymous";
  const auto it = people_.find(id);
  return it == people_.end() || it->second.empty() ? id : id + " " + it->second;
}

std::string Names::item(const std::string& id) const {
  const auto it = items_.find(id);
  return it == items_.end() || it->second.empty() ? id : id + " " + it->second;
}

std::string Names::choice(std::uint64_t vote_id, std::uint32_t index) const {
  const auto it = options_.find(vote_id);
  if (it == options_.end() || index >= it->second.size()) return "option " + std::to_string(index + 1);
  return it->second[index];
}

}  // namespace gavel::cli
