// The verifier on records built here: a whole chain passes, and each kind of
// tampering is named at the first event it touches.
#include "record/verify.hpp"

#include <gtest/gtest.h>

#include <random>

#include "record/checkpoint.hpp"
#include "record/record_file.hpp"
#include "store/chain.hpp"

namespace gavel::record {
namespace {

class TempFolder {
 public:
  TempFolder() : dir_(std::filesystem::temp_directory_path() / ("gavel-verify-" + std::to_string(std::random_device()()))) {
    std::filesystem::create_directories(dir_);
  }
  ~TempFolder() { std::filesystem::remove_all(dir_); }
  const std::filesystem::path& path() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

v1::Event event_of(std::uint64_t seq, const std::string& who) {
  v1::Event e;
  e.set_seq(seq);
  e.set_at_ms(static_cast<std::int64_t>(1000 * seq));
  e.set_actor_id("chair");
  e.mutable_checked_in()->set_participant_id(who);
  return e;
}

// Sets the row's columns and decoded form from its event, and chains it.
void fill(v1::ChainedEvent& row, const v1::Event& event, store::ChainHash& previous) {
  row.set_seq(event.seq());
  row.set_at_ms(event.at_ms());
  row.set_actor(event.actor_id());
  row.set_kind("checked_in");
  row.set_body(event.SerializeAsString());
  *row.mutable_event() = event;
  row.set_prev_hash(store::to_bytes(previous));
  previous = store::chain_link(previous, row.body());
  row.set_hash(store::to_bytes(previous));
}

// A meeting of `n` check-ins, signed at `signed_at` (0: unsigned).
v1::RecordExport meeting_of(std::uint64_t n, const Signer* signer = nullptr, std::uint64_t signed_at = 0) {
  v1::RecordExport record;
  record.set_format(kFormat);
  v1::MeetingRecord* m = record.add_meetings();
  m->set_id(1);
  m->set_title("议事会");
  m->set_setup("setup");
  store::ChainHash previous = store::chain_root("setup");
  for (std::uint64_t seq = 1; seq <= n; ++seq) {
    fill(*m->add_events(), event_of(seq, "P" + std::to_string(seq)), previous);
    if (signer && seq == signed_at) {
      store::ChainHead head{seq, previous};
      auto stored = seal(*signer, Checkpoint{origin_of(*signer, 1), head, {}}).stored();
      v1::SignedCheckpoint* c = m->add_checkpoints();
      c->set_size(stored.size);
      c->set_note(stored.note);
      c->set_verifier_key(stored.verifier_key);
    }
  }
  return record;
}

// Rechains every row from `from` (a 0-based index) on, as a careful forger would.
void rechain(v1::MeetingRecord& m, int from) {
  store::ChainHash previous = from == 0 ? store::chain_root(m.setup()) : [&] {
    store::ChainHash h{};
    store::from_bytes(m.events(from - 1).hash(), h);
    return h;
  }();
  for (int i = from; i < m.events_size(); ++i) {
    v1::ChainedEvent& row = *m.mutable_events(i);
    row.set_prev_hash(store::to_bytes(previous));
    previous = store::chain_link(previous, row.body());
    row.set_hash(store::to_bytes(previous));
  }
}

ChainFinding chain_of(const v1::RecordExport& record) { return verify(record).meetings.at(0).chain; }

TEST(Verify, AWholeChainPasses) {
  auto report = verify(meeting_of(10));
  ASSERT_EQ(report.meetings.size(), 1u);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.meetings[0].events, 10u);
}

TEST(Verify, AChangedEventIsNamed) {
  auto record = meeting_of(10);
  v1::ChainedEvent& row = *record.mutable_meetings(0)->mutable_events(4);
  v1::Event forged = event_of(5, "P99");
  row.set_body(forged.SerializeAsString());
  *row.mutable_event() = forged;
  EXPECT_EQ(chain_of(record).damage, Damage::changed);
  EXPECT_EQ(chain_of(record).seq, 5u);
}

TEST(Verify, AChangedAndRehashedEventIsNamedByTheBrokenLinkAfterIt) {
  auto record = meeting_of(10);
  v1::MeetingRecord& m = *record.mutable_meetings(0);
  v1::Event forged = event_of(5, "P99");
  m.mutable_events(4)->set_body(forged.SerializeAsString());
  *m.mutable_events(4)->mutable_event() = forged;
  store::ChainHash previous{};
  store::from_bytes(m.events(3).hash(), previous);
  m.mutable_events(4)->set_hash(store::to_bytes(store::chain_link(previous, m.events(4).body())));
  EXPECT_EQ(chain_of(record).damage, Damage::changed);
  EXPECT_EQ(chain_of(record).seq, 5u);
}

TEST(Verify, ARemovedEventIsNamed) {
  auto record = meeting_of(10);
  auto* events = record.mutable_meetings(0)->mutable_events();
  events->erase(events->begin() + 6);
  EXPECT_EQ(chain_of(record).damage, Damage::removed);
  EXPECT_EQ(chain_of(record).seq, 7u);
}

TEST(Verify, AnInsertedEventIsNamedEvenWithHashesThatFit) {
  auto record = meeting_of(10);
  v1::MeetingRecord& m = *record.mutable_meetings(0);
  store::ChainHash previous{};
  store::from_bytes(m.events(2).hash(), previous);
  v1::ChainedEvent extra;
  fill(extra, event_of(4, "P99"), previous);
  auto* events = m.mutable_events();
  events->Add(std::move(extra));
  std::rotate(events->begin() + 3, events->end() - 1, events->end());
  EXPECT_EQ(chain_of(record).damage, Damage::inserted);
  EXPECT_EQ(chain_of(record).seq, 4u);
}

TEST(Verify, AnInsertedEventWithJunkHashesIsNamedAsInserted) {
  auto record = meeting_of(10);
  auto* events = record.mutable_meetings(0)->mutable_events();
  v1::ChainedEvent extra = events->Get(3);
  extra.set_body(event_of(4, "P99").SerializeAsString());
  events->Add(std::move(extra));
  std::rotate(events->begin() + 3, events->end() - 1, events->end());
  EXPECT_EQ(chain_of(record).damage, Damage::inserted);
  EXPECT_EQ(chain_of(record).seq, 4u);
}

TEST(Verify, AChangedSetupBreaksTheRoot) {
  auto record = meeting_of(3);
  record.mutable_meetings(0)->set_setup("another roster");
  EXPECT_EQ(chain_of(record).damage, Damage::setup_changed);
}

TEST(Verify, AChangedColumnBesideTheBytesIsAChange) {
  auto record = meeting_of(3);
  record.mutable_meetings(0)->mutable_events(1)->set_actor("secretary");
  EXPECT_EQ(chain_of(record).damage, Damage::changed);
  EXPECT_EQ(chain_of(record).seq, 2u);
}

TEST(Verify, AnEditedReadableFormIsCaught) {
  auto record = meeting_of(3);
  record.mutable_meetings(0)->mutable_events(2)->mutable_event()->mutable_checked_in()->set_participant_id("P99");
  EXPECT_EQ(chain_of(record).damage, Damage::decoded_differs);
  EXPECT_EQ(chain_of(record).seq, 3u);
}

TEST(Verify, ASignedCheckpointMatchesAndCountsLaterEvents) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  auto report = verify(meeting_of(10, &signer, 8));
  ASSERT_EQ(report.meetings[0].checkpoints.size(), 1u);
  const CheckpointFinding& c = report.meetings[0].checkpoints[0];
  EXPECT_TRUE(c.ok());
  EXPECT_EQ(c.events_after, 2u);
  EXPECT_EQ(c.fingerprint, signer.fingerprint());
  EXPECT_TRUE(report.ok());
}

TEST(Verify, ARecordCutShortBeforeTheCheckpointIsNamed) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  auto record = meeting_of(10, &signer, 10);
  auto* events = record.mutable_meetings(0)->mutable_events();
  events->erase(events->begin() + 7, events->end());
  auto report = verify(record);
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.meetings[0].chain.damage, Damage::removed);
  EXPECT_EQ(report.meetings[0].chain.seq, 8u);
  EXPECT_TRUE(report.meetings[0].checkpoints[0].events_missing);
}

TEST(Verify, ACheckpointBeyondABreakIsNotCheckedButNotCalledMissing) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  auto record = meeting_of(10, &signer, 10);
  record.mutable_meetings(0)->mutable_events(3)->set_body("junk");
  auto report = verify(record);
  EXPECT_EQ(report.meetings[0].chain.damage, Damage::changed);
  EXPECT_EQ(report.meetings[0].chain.seq, 4u);
  EXPECT_TRUE(report.meetings[0].checkpoints[0].beyond_break);
  EXPECT_FALSE(report.meetings[0].checkpoints[0].events_missing);
}

TEST(Verify, ARewrittenAndRechainedRecordFailsTheSignedHead) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  auto record = meeting_of(10, &signer, 10);
  v1::MeetingRecord& m = *record.mutable_meetings(0);
  v1::Event forged = event_of(3, "P99");
  m.mutable_events(2)->set_body(forged.SerializeAsString());
  *m.mutable_events(2)->mutable_event() = forged;
  rechain(m, 2);
  auto report = verify(record);
  EXPECT_EQ(report.meetings[0].chain.damage, Damage::none) << "a careful forger keeps the chain whole";
  EXPECT_FALSE(report.meetings[0].checkpoints[0].head_matches);
  EXPECT_TRUE(report.meetings[0].checkpoints[0].signature_valid);
  EXPECT_FALSE(report.ok());
}

TEST(Verify, AForgedCheckpointFailsItsSignature) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  auto record = meeting_of(10, &signer, 10);
  auto* c = record.mutable_meetings(0)->mutable_checkpoints(0);
  std::string note = c->note();
  note.replace(note.find("\n10\n"), 4, "\n11\n");
  c->set_note(note);
  c->set_size(11);
  auto report = verify(record);
  EXPECT_FALSE(report.meetings[0].checkpoints[0].signature_valid);
  EXPECT_FALSE(report.ok());
}

TEST(RecordFile, JsonRoundTripsByteForByte) {
  TempFolder data;
  auto signer = Signer::open(data.path()).value();
  auto record = meeting_of(5, &signer, 5);
  std::string json = to_json(record);
  auto back = from_json(json);
  ASSERT_TRUE(back.ok()) << back.error().message_en;
  EXPECT_EQ(back.value().SerializeAsString(), record.SerializeAsString());
  EXPECT_EQ(to_json(back.value()), json) << "the same record gives the same bytes";
  EXPECT_TRUE(verify(back.value()).ok());
}

TEST(RecordFile, ACorruptedExportIsAClearError) {
  auto record = meeting_of(3);
  std::string json = to_json(record);
  for (const std::string& bad : {json.substr(0, json.size() / 2), std::string("not json"),
                                 std::string("{\"format\": \"something-else\"}"),
                                 std::string("{\"format\": \"gavel-record-1\", \"surprise\": 1}")}) {
    auto parsed = from_json(bad);
    ASSERT_FALSE(parsed.ok()) << bad.substr(0, 40);
    EXPECT_FALSE(parsed.error().message_zh.empty());
  }
}

}  // namespace
}  // namespace gavel::record
