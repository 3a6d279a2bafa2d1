// The meeting's setup both ways. It is written by the server itself (from
// the meeting file), so nothing here is a client's input to distrust.
#include <unordered_map>

#include "codec/codec.hpp"
#include "parts.hpp"

namespace gavel::codec {

void to_wire(const core::MeetingSetup& setup, v1::MeetingSetup* out) {
  out->Clear();
  to_wire(setup.info, out->mutable_info());
  for (const core::Participant& p : setup.roster) to_wire(p, out->add_roster());
  std::unordered_map<std::string, v1::AgendaItem*> items;
  for (const core::AgendaItem& a : setup.agenda) {
    v1::AgendaItem* item = out->add_agenda();
    to_wire(a, item);
    items.emplace(a.id, item);
  }
  for (const auto& [item_id, opinion] : setup.opinions)
    if (auto it = items.find(item_id); it != items.end())
      to_wire(opinion, it->second->add_opinions());
}

core::Result<core::MeetingSetup> from_wire(const v1::MeetingSetup& wire) {
  core::MeetingSetup setup;
  setup.info = from_wire(wire.info());
  for (const v1::Participant& p : wire.roster()) setup.roster.push_back(from_wire(p));
  for (const v1::AgendaItem& a : wire.agenda()) {
    setup.agenda.push_back(from_wire(a));
    for (const v1::AbsentOpinion& o : a.opinions()) setup.opinions.emplace_back(a.id(), from_wire(o));
  }
  return setup;
}

}  // namespace gavel::codec
