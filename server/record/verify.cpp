#include "verify.hpp"

#include <google/protobuf/util/message_differencer.h>

#include <algorithm>
#include <map>

#include "record/checkpoint.hpp"
#include "store/chain.hpp"

namespace gavel::record {

namespace {
using store::ChainHash;

ChainHash hash_of(const std::string& bytes) {
  ChainHash out{};
  if (!store::from_bytes(bytes, out)) out.fill(0xff);  // never a real hash of anything checked here
  return out;
}

// The oneof case's field name: the log's `kind` column.
std::string kind_of(const v1::Event& event) {
  const auto* oneof = event.GetDescriptor()->FindOneofByName("body");
  const auto* field = event.GetReflection()->GetOneofFieldDescriptor(event, oneof);
  return field ? field->name() : "";
}

bool columns_agree(const v1::ChainedEvent& row, const v1::Event& event) {
  return event.seq() == row.seq() && event.at_ms() == row.at_ms() && event.actor_id() == row.actor() &&
         kind_of(event) == row.kind();
}

// Walks the chain in stored order and stops at the first damage. `hashes`
// gets the chain's hash after each intact event, by seq.
ChainFinding walk(const v1::MeetingRecord& meeting, std::map<std::uint64_t, ChainHash>& hashes) {
  const ChainHash root = store::chain_root(meeting.setup());
  std::vector<ChainHash> accepted;  // the hashes of the intact prefix, in order
  ChainHash previous = root;
  std::uint64_t expected = 1;
  const auto& events = meeting.events();
  for (int i = 0; i < events.size(); ++i) {
    const v1::ChainedEvent& row = events[i];
    const ChainHash claimed_prev = hash_of(row.prev_hash());
    const ChainHash own = store::chain_link(claimed_prev, row.body());
    const bool self_ok = own == hash_of(row.hash());
    const bool link_ok = claimed_prev == previous;
    v1::Event event;
    const bool columns_ok = event.ParseFromString(row.body()) && columns_agree(row, event);
    if (self_ok && link_ok && columns_ok && row.seq() == expected) {
      if (row.has_event() && !google::protobuf::util::MessageDifferencer::Equals(event, row.event()))
        return {Damage::decoded_differs, row.seq()};
      previous = own;
      accepted.push_back(own);
      hashes[row.seq()] = own;
      ++expected;
      continue;
    }
    // Something is wrong here. The root link says whether the setup moved.
    if (i == 0 && claimed_prev != root && self_ok) return {Damage::setup_changed, 0};
    // If the next event links straight to the last intact one, this one is extra.
    if (i + 1 < events.size() && hash_of(events[i + 1].prev_hash()) == previous) return {Damage::inserted, row.seq()};
    if (!self_ok) return {Damage::changed, row.seq()};
    if (!link_ok) {
      // It links to an earlier event: the ones after that were inserted.
      if (claimed_prev == root) return {Damage::inserted, events[0].seq()};
      auto earlier = std::find(accepted.begin(), accepted.end(), claimed_prev);
      if (earlier != accepted.end()) return {Damage::inserted, events[static_cast<int>(earlier - accepted.begin()) + 1].seq()};
      // Its predecessor is nowhere: missing if the numbering skips, else
      // the event before it was changed and given a fresh hash.
      if (row.seq() > expected) return {Damage::removed, expected};
      return {Damage::changed, i > 0 ? events[i - 1].seq() : row.seq()};
    }
    if (!columns_ok) return {Damage::changed, row.seq()};
    return {row.seq() > expected ? Damage::removed : Damage::inserted, expected};
  }
  return {};
}

CheckpointFinding check(const v1::SignedCheckpoint& stored, const std::map<std::uint64_t, ChainHash>& hashes,
                        std::uint64_t chain_length, const ChainHash& root) {
  CheckpointFinding finding;
  finding.size = stored.size();
  auto opened = open_note(stored.note(), stored.verifier_key());
  if (!opened) {
    finding.problem_zh = opened.error().message_zh;
    finding.problem_en = opened.error().message_en;
    return finding;
  }
  const OpenedNote& note = opened.value();
  finding.well_formed = note.checkpoint.head.seq == stored.size();
  if (!finding.well_formed) {
    finding.problem_zh = "检查点的大小与记录的不同";
    finding.problem_en = "the checkpoint's size differs from the one stored with it";
  }
  finding.signature_valid = note.signature_valid;
  finding.fingerprint = note.fingerprint;
  finding.extensions = note.checkpoint.extensions;
  const std::uint64_t size = note.checkpoint.head.seq;
  if (size > chain_length) {
    finding.events_missing = true;
  } else {
    const ChainHash& at = size == 0 ? root : hashes.at(size);
    finding.head_matches = at == note.checkpoint.head.hash;
    finding.events_after = chain_length - size;
  }
  return finding;
}
}  // namespace

bool MeetingFinding::ok() const {
  return chain.damage == Damage::none &&
         std::all_of(checkpoints.begin(), checkpoints.end(), [](const CheckpointFinding& c) { return c.ok(); }) &&
         std::all_of(ballots.begin(), ballots.end(), [](const BallotFinding& b) { return b.ok(); });
}

void check_ballots(const v1::MeetingRecord& meeting, const std::vector<core::SecretBallot>& box,
                   MeetingFinding& finding) {
  finding.ballots_checked = true;
  std::map<std::uint64_t, std::vector<std::string>> options;  // by vote
  std::map<std::uint64_t, std::map<std::string, std::string>> published;
  for (const v1::ChainedEvent& row : meeting.events()) {
    v1::Event event;
    if (!event.ParseFromString(row.body())) continue;  // the chain check names it
    if (event.has_vote_opened()) {
      const auto& spec = event.vote_opened().spec();
      options[event.vote_opened().vote_id()].assign(spec.options().begin(), spec.options().end());
    } else if (event.has_vote_closed() && event.vote_closed().result().receipts_published_size() > 0) {
      auto& lines = published[event.vote_closed().vote_id()];
      for (const std::string& line : event.vote_closed().result().receipts_published()) {
        auto equals = line.find('=');
        lines[line.substr(0, equals)] = equals == std::string::npos ? "" : line.substr(equals + 1);
      }
    }
  }
  // The box's choices in the close event's words ("receipt=赞成").
  std::map<std::uint64_t, std::map<std::string, std::string>> stored;
  for (const core::SecretBallot& ballot : box) {
    const auto& names = options[ballot.vote_id];
    std::string words;
    for (std::size_t i = 0; i < ballot.choices.size(); ++i) {
      if (i) words += ",";
      words += ballot.choices[i] < names.size() ? names[ballot.choices[i]] : "?";
    }
    stored[ballot.vote_id][ballot.receipt] = words;
  }
  for (const auto& [vote, lines] : stored)
    if (!published.count(vote)) finding.open_ballots += lines.size();
  for (const auto& [vote, lines] : published) {
    BallotFinding b;
    b.vote_id = vote;
    b.published = lines.size();
    const auto& box_lines = stored[vote];
    b.stored = box_lines.size();
    for (const auto& [receipt, choice] : lines) {
      auto it = box_lines.find(receipt);
      if (it == box_lines.end()) ++b.missing;
      else if (it->second != choice) ++b.changed;
      else continue;
      if (b.first_receipt.empty()) b.first_receipt = receipt;
    }
    for (const auto& [receipt, choice] : box_lines)
      if (!lines.count(receipt)) {
        ++b.added;
        if (b.first_receipt.empty()) b.first_receipt = receipt;
      }
    finding.ballots.push_back(std::move(b));
  }
}

bool VerifyReport::ok() const {
  return std::all_of(meetings.begin(), meetings.end(), [](const MeetingFinding& m) { return m.ok(); });
}

VerifyReport verify(const v1::RecordExport& record) {
  VerifyReport report;
  for (const v1::MeetingRecord& meeting : record.meetings()) {
    MeetingFinding finding;
    finding.id = meeting.id();
    finding.title = meeting.title();
    std::map<std::uint64_t, ChainHash> hashes;
    finding.chain = walk(meeting, hashes);
    finding.events = hashes.size();
    const ChainHash root = store::chain_root(meeting.setup());
    for (const v1::SignedCheckpoint& checkpoint : meeting.checkpoints()) {
      CheckpointFinding checked = check(checkpoint, hashes, finding.events, root);
      // A checkpoint beyond the intact prefix: if the chain was cut short
      // with nothing else wrong, the signed size tells what went missing.
      if (checked.events_missing && finding.chain.damage == Damage::none)
        finding.chain = {Damage::removed, finding.events + 1};
      else if (checked.events_missing) {
        checked.events_missing = false;
        checked.beyond_break = true;
      }
      finding.checkpoints.push_back(std::move(checked));
    }
    report.meetings.push_back(std::move(finding));
  }
  return report;
}

}  // namespace gavel::record
