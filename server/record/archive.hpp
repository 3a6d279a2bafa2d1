// The meeting archive (议事档案库): every meeting the data folder holds,
// finished or not, its resolutions and their follow-up, and full-text
// search over meetings, items, opinions, dissent, motions and resolutions.
// The search index is SQLite FTS5 with the trigram tokenizer, built in
// memory from the record at each search, so it never disagrees with the
// record and nothing of it is stored; it holds texts only, never a ballot.
// Caller's thread.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "gavel/v1/record.pb.h"

namespace gavel::record {

struct ArchivedMeeting {
  std::int64_t id = 0;
  std::string title, date, place;
  bool finished = false;   // a meeting_ended event is in its record
  bool archived = false;   // a newer meeting has replaced it in gaveld
  bool signed_off = false; // the minutes were signed
  std::size_t events = 0, items = 0, resolutions = 0;
};
std::vector<ArchivedMeeting> list_meetings(const v1::RecordExport& record);

// 决议执行: a resolution and where it stands, from its meeting's events.
struct Action {
  std::int64_t meeting_id = 0;
  std::string meeting_title;
  std::uint64_t resolution_id = 0;
  std::string item_id, text, responsible, deadline;  // deadline: ISO date
  v1::ResolutionStatus status = v1::RESOLUTION_OPEN;
  std::string status_note;
  std::int64_t status_ms = 0;
  // Past its deadline and neither done nor dropped; `today` an ISO date.
  bool overdue(const std::string& today) const;
};
std::vector<Action> list_actions(const v1::RecordExport& record);

enum class HitKind { meeting, item, opinion, dissent, motion, resolution };

struct Hit {
  std::int64_t meeting_id = 0;
  std::string meeting_title;
  HitKind kind = HitKind::meeting;
  std::string ref;      // the item id, or the dissent / motion / resolution number
  std::string excerpt;  // the matching text, shortened around the match
};

// Every word of `query` must occur (case-insensitive for Latin letters).
// Words of three characters or more go to FTS5 as quoted phrases; with a
// shorter word, all words are matched by LIKE instead (the trigram index
// cannot see fewer than three characters). Query text is always bound,
// never spliced into SQL, and FTS5 syntax in it has no effect.
core::Result<std::vector<Hit>> search(const v1::RecordExport& record, const std::string& query);

}  // namespace gavel::record
