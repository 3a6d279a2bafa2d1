// The checkable record through the real gaveld: a meeting with a secret
// vote, ended and signed; then `gavelctl verify` on the database and on a
// JSON export, and on copies tampered with in each way. And the secret
// ballot's promise: nothing chained, signed or exported reveals the order
// or time of the ballots.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <atomic>
#include <cmath>
#include <thread>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "commands.hpp"
#include "gavel/v1/events.pb.h"
#include "gaveld_process.hpp"
#include "store/chain.hpp"

namespace gavel::test {
namespace {

constexpr int kVoters = 30;

std::string voter(int i) {
  char id[8];
  std::snprintf(id, sizeof id, "V%02d", i);
  return id;
}

struct Run {
  int status = -1;
  std::string out;
};

// Runs gavelctl with `args`, stdout and stderr together.
Run gavelctl(const std::string& args) {
  Run run;
  FILE* pipe = ::popen((std::string(GAVELCTL_PATH) + " " + args + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.out.append(buffer, n);
  int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// A small handle on a database file for tampering, with plain SQL.
class Sql {
 public:
  explicit Sql(const std::filesystem::path& file) { sqlite3_open(file.c_str(), &db_); }
  ~Sql() { sqlite3_close(db_); }
  bool exec(const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }
  std::string blob(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
      out.assign(static_cast<const char*>(sqlite3_column_blob(stmt, 0)),
                 static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0)));
    sqlite3_finalize(stmt);
    return out;
  }
  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
        row.emplace_back(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return out;
  }
  bool set_blob(const std::string& sql, const std::string& bytes) {
    sqlite3_stmt* stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
              sqlite3_bind_blob(stmt, 1, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT) == SQLITE_OK &&
              sqlite3_step(stmt) == SQLITE_DONE;
    sqlite3_finalize(stmt);
    return ok;
  }

 private:
  sqlite3* db_ = nullptr;
};

double rank_correlation(const std::vector<int>& ranks) {
  double n = static_cast<double>(ranks.size()), sum = 0;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    double d = static_cast<double>(ranks[i]) - static_cast<double>(i);
    sum += d * d;
  }
  return 1.0 - 6.0 * sum / (n * (n * n - 1.0));
}

// One finished, signed meeting with a secret vote, shared by the tests
// (gaveld is stopped afterwards, so the files are still). Made once, by the
// first test; each test fails with the reason if it could not be made.
class SignedMeeting : public ::testing::Test {
 protected:
  void SetUp() override {
    static const std::string problem = make();
    ASSERT_EQ(problem, "") << "the signed meeting could not be made";
  }
  static std::string make() {
    server_ = std::make_unique<GaveldProcess>(GaveldProcess::Options{.tls = false, .meeting = std::string(GAVEL_FIXTURES) + "/assembly/meeting.toml", .web = {}});
    auto chair = server_->connect_as("chair");
    auto must = [](const client::Result<v1::Ack>& ack, const std::string& what) {
      return ack ? std::string() : what + ": " + client::describe(ack.error());
    };
    std::string problem = must(chair->call(cmd::start_meeting()), "start");
    for (int i = 1; i <= kVoters && problem.empty(); ++i) problem = must(chair->call(cmd::check_in(voter(i))), "check in");
    if (problem.empty()) problem = must(chair->call(cmd::open_item("lift")), "open item");
    auto motion = server_->connect_participant("V01")->call(cmd::propose("3号楼加装电梯"));
    if (!motion) return "propose: " + client::describe(motion.error());
    const auto id = motion.value().created_id();
    if (problem.empty()) problem = must(server_->connect_participant("V02")->call(cmd::second(id)), "second");
    if (problem.empty()) problem = must(chair->call(cmd::open_vote(id, true)), "open vote");
    // Most vote yes, so the motion carries and takes a resolution.
    std::mt19937 random(20261201);
    for (int i = 1; i <= kVoters && problem.empty(); ++i) {
      auto choice = static_cast<std::uint32_t>(random() % 4 == 0 ? 1 + random() % 2 : 0);
      auto ack = server_->connect_participant(voter(i))->call(cmd::cast(choice));
      problem = must(ack, "cast");
      if (ack) order_of_receipt_[ack.value().receipt()] = i - 1;
    }
    if (problem.empty()) problem = must(chair->call(cmd::close_vote()), "close vote");
    if (problem.empty()) problem = must(chair->call(cmd::resolution(id, "物业公司", "2027-03-31")), "resolution");
    if (problem.empty()) problem = must(chair->call(cmd::close_item()), "close item");
    if (problem.empty()) problem = must(chair->call(cmd::end_meeting()), "end");
    v1::Command sign;
    sign.mutable_sign_minutes()->set_signed_by("林记录");
    if (problem.empty()) problem = must(server_->connect_as("secretary")->call(sign), "sign");
    // Follow-up after the signing, through gavelctl and the real server.
    if (problem.empty()) {
      auto follow_up = gavelctl("--access " + (server_->data() / "access.json").string() +
                                " resolution status 1 in-progress --note 已联系电梯公司勘察");
      if (follow_up.status != 0) problem = "resolution status: " + follow_up.out;
    }
    // The record as the secretary downloads it with the minutes.
    if (problem.empty()) {
      auto json = gavelctl("--access " + (server_->data() / "access.json").string() +
                           " --role secretary minutes export --format json -o " +
                           (server_->data() / "minutes-record.json").string());
      if (json.status != 0) problem = "minutes export --format json: " + json.out;
    }
    // Started again with a meeting file, gaveld archives the finished
    // meeting and creates the next one: the archive holds both.
    server_->stop();
    server_->start();
    server_->stop();
    return problem;
  }

  static std::filesystem::path db() { return server_->data() / "gavel.db"; }
  // A copy of the database (with its WAL, if any) to tamper with.
  std::filesystem::path copy(const std::string& name) const {
    auto dir = server_->data() / ("copy-" + name);
    std::filesystem::create_directories(dir);
    for (const char* suffix : {"", "-wal", "-shm"})
      if (std::filesystem::exists(db().string() + suffix))
        std::filesystem::copy_file(db().string() + suffix, (dir / "gavel.db").string() + suffix,
                                   std::filesystem::copy_options::overwrite_existing);
    return dir / "gavel.db";
  }
  static std::uint64_t last_seq() {
    Sql sql(db());
    return std::stoull(sql.rows("SELECT max(seq) FROM events")[0][0]);
  }
  std::filesystem::path exported(const std::string& name) const {
    auto file = server_->data() / (name + ".json");
    auto run = gavelctl("record export --data " + server_->data().string() + " -o " + file.string());
    EXPECT_EQ(run.status, 0) << run.out;
    return file;
  }

  // Lives until the process ends, like the files the tests read.
  static inline std::unique_ptr<GaveldProcess> server_;
  static inline std::map<std::string, int> order_of_receipt_;
};

TEST_F(SignedMeeting, VerifySaysTheRecordIsWholeAndTheSignatureMatches) {
  auto zh = gavelctl("verify " + db().string());
  EXPECT_EQ(zh.status, 0) << zh.out;
  EXPECT_NE(zh.out.find("哈希链完整，共 " + std::to_string(last_seq()) + " 个事件"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("签名有效，头哈希一致"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("结论：记录完整，签名一致"), std::string::npos) << zh.out;
  auto en = gavelctl("verify --lang en " + db().string());
  EXPECT_EQ(en.status, 0);
  EXPECT_NE(en.out.find("the hash chain is whole"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("signature valid, head hash matches"), std::string::npos) << en.out;
}

TEST_F(SignedMeeting, TheCheckpointIsTheSigningEventAndTheKeyIsTheOneGaveldPrinted) {
  Sql sql(db());
  auto rows = sql.rows("SELECT size FROM checkpoints");
  ASSERT_EQ(rows.size(), 1u) << "signing the minutes signs the record once";
  EXPECT_EQ(sql.rows("SELECT kind FROM events WHERE meeting_id = 1 AND seq = " + rows[0][0])[0][0], "minutes_signed")
      << "the checkpoint's head is the minutes_signed event";
  EXPECT_EQ(std::stoull(rows[0][0]) + 1, last_seq()) << "the follow-up came after the signing";
  auto run = gavelctl("verify " + db().string());
  EXPECT_NE(run.out.find("其后另有 1 个事件，不在此签名内"), std::string::npos) << run.out;
  std::string log = server_->log();
  auto at = log.find("record key:");
  ASSERT_NE(at, std::string::npos) << log;
  std::string fingerprint = log.substr(log.find_first_not_of(' ', at + 11), 64);
  EXPECT_EQ(gavelctl("verify --key " + fingerprint + " " + db().string()).status, 0);
  auto other = gavelctl("verify --key " + std::string(64, 'a') + " " + db().string());
  EXPECT_EQ(other.status, 1);
  EXPECT_NE(other.out.find("不是给定的密钥"), std::string::npos) << other.out;
}

TEST_F(SignedMeeting, AChangedEventInTheDatabaseIsNamed) {
  auto file = copy("changed");
  {
    Sql sql(file);
    v1::Event event;
    ASSERT_TRUE(event.ParseFromString(sql.blob("SELECT body FROM events WHERE seq = 5")));
    ASSERT_TRUE(event.has_checked_in());
    event.mutable_checked_in()->set_participant_id("V60");
    ASSERT_TRUE(sql.set_blob("UPDATE events SET body = ? WHERE seq = 5", event.SerializeAsString()));
  }
  auto run = gavelctl("verify " + file.string());
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("第 5 号事件被改动"), std::string::npos) << run.out;
}

TEST_F(SignedMeeting, ARemovedEventInTheDatabaseIsNamed) {
  auto file = copy("removed");
  ASSERT_TRUE(Sql(file).exec("DELETE FROM events WHERE seq = 7"));
  auto run = gavelctl("verify --lang en " + file.string());
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("event 7 was removed"), std::string::npos) << run.out;
}

TEST_F(SignedMeeting, AnInsertedEventInTheDatabaseIsNamedEvenWithFittingHashes) {
  auto file = copy("inserted");
  {
    Sql sql(file);
    // Make room at seq 6, then forge a check-in there, chained onto event 5.
    ASSERT_TRUE(sql.exec("UPDATE events SET seq = seq + 1000000 WHERE seq >= 6"));
    ASSERT_TRUE(sql.exec("UPDATE events SET seq = seq - 999999 WHERE seq >= 1000000"));
    v1::Event forged;
    ASSERT_TRUE(forged.ParseFromString(sql.blob("SELECT body FROM events WHERE seq = 5")));
    forged.set_seq(6);
    forged.mutable_checked_in()->set_participant_id("V60");
    store::ChainHash previous{};
    ASSERT_TRUE(store::from_bytes(sql.blob("SELECT hash FROM events WHERE seq = 5"), previous));
    std::string body = forged.SerializeAsString();
    ASSERT_TRUE(sql.exec("INSERT INTO events(meeting_id, seq, at_ms, kind, actor, body) SELECT meeting_id, 6, " +
                         std::to_string(forged.at_ms()) + ", kind, actor, x'' FROM events WHERE seq = 5"));
    ASSERT_TRUE(sql.set_blob("UPDATE events SET body = ? WHERE seq = 6", body));
    ASSERT_TRUE(sql.set_blob("UPDATE events SET prev_hash = ? WHERE seq = 6", store::to_bytes(previous)));
    ASSERT_TRUE(sql.set_blob("UPDATE events SET hash = ? WHERE seq = 6", store::to_bytes(store::chain_link(previous, body))));
  }
  auto run = gavelctl("verify " + file.string());
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("第 6 号事件是插入的"), std::string::npos) << run.out;
}

TEST_F(SignedMeeting, ARecordCutShortIsCaughtByTheSignedCheckpoint) {
  auto file = copy("cut");
  const std::uint64_t keep = last_seq() - 3;  // before the signing event
  ASSERT_TRUE(Sql(file).exec("DELETE FROM events WHERE seq > " + std::to_string(keep)));
  auto run = gavelctl("verify " + file.string());
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("第 " + std::to_string(keep + 1) + " 号事件被删除"), std::string::npos) << run.out;
}

TEST_F(SignedMeeting, AChangedRosterIsCaught) {
  auto file = copy("setup");
  {
    Sql sql(file);
    std::string setup = sql.blob("SELECT setup FROM meetings WHERE id = 1");
    auto at = setup.find("V05");
    ASSERT_NE(at, std::string::npos);
    setup.replace(at, 3, "V55");
    ASSERT_TRUE(sql.set_blob("UPDATE meetings SET setup = ? WHERE id = 1", setup));
  }
  auto run = gavelctl("verify " + file.string());
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("会议设置（名单、议程）被改动"), std::string::npos) << run.out;
}

TEST_F(SignedMeeting, TheJsonExportRoundTripsThroughVerifyAndIsTheSameEachTime) {
  auto first = exported("record");
  auto run = gavelctl("verify " + first.string());
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("签名有效，头哈希一致"), std::string::npos) << run.out;
  auto second = exported("record-again");
  std::ifstream a(first), b(second);
  std::string one((std::istreambuf_iterator<char>(a)), {}), two((std::istreambuf_iterator<char>(b)), {});
  EXPECT_EQ(one, two) << "exporting the same record twice gives the same bytes";
  auto json = nlohmann::json::parse(one);
  EXPECT_EQ(json["format"], "gavel-record-1");
  EXPECT_EQ(json["meetings"][0]["events"].size(), last_seq());
  EXPECT_TRUE(json["meetings"][0]["events"][0].contains("hash"));
  EXPECT_TRUE(json["meetings"][0]["events"][0].contains("prevHash"));
}

TEST_F(SignedMeeting, TamperedExportsAreNamedAndACorruptOneIsAClearError) {
  auto file = exported("tamper");
  std::ifstream in(file);
  const auto json = nlohmann::json::parse(in);
  auto write = [&](const nlohmann::json& j, const std::string& name) {
    auto out = server_->data() / name;
    std::ofstream(out) << j.dump(1);
    return out.string();
  };
  auto edited = json;
  edited["meetings"][0]["events"][4]["event"]["checkedIn"]["participantId"] = "V60";
  auto run = gavelctl("verify " + write(edited, "edited.json"));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("第 5 号事件的可读内容与其原始字节不符"), std::string::npos) << run.out;

  auto removed = json;
  removed["meetings"][0]["events"].erase(6);
  run = gavelctl("verify " + write(removed, "removed.json"));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("第 7 号事件被删除"), std::string::npos) << run.out;

  auto inserted = json;
  auto extra = inserted["meetings"][0]["events"][3];
  extra["actor"] = "V60";
  inserted["meetings"][0]["events"].insert(inserted["meetings"][0]["events"].begin() + 3, extra);
  run = gavelctl("verify " + write(inserted, "inserted.json"));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("第 4 号事件是插入的"), std::string::npos) << run.out;

  std::string text = json.dump(1);
  auto broken = server_->data() / "broken.json";
  std::ofstream(broken) << text.substr(0, text.size() / 2);
  run = gavelctl("verify " + broken.string());
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("导出文件已损坏"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("结论"), std::string::npos) << "no verdict on a file that cannot be read";
}

TEST_F(SignedMeeting, NothingChainedSignedOrExportedRevealsTheOrderOfSecretBallots) {
  Sql sql(db());
  // The chain columns are a function of the events' stored bytes alone, and
  // those hold no choice (secret_ballot_test): recomputing them from the
  // bytes gives exactly what is stored, so they carry nothing else.
  store::ChainHash previous = store::chain_root(sql.blob("SELECT setup FROM meetings WHERE id = 1"));
  for (const auto& row : sql.rows("SELECT body, prev_hash, hash FROM events ORDER BY seq")) {
    ASSERT_EQ(row[1], store::to_bytes(previous));
    previous = store::chain_link(previous, row[0]);
    ASSERT_EQ(row[2], store::to_bytes(previous));
  }
  // A checkpoint says origin, size and head hash; nothing about ballots.
  for (const auto& row : sql.rows("SELECT note FROM checkpoints")) {
    const std::string& note = row[0];
    EXPECT_EQ(std::count(note.begin(), note.end(), '\n'), 5) << note;  // 3 body lines, blank, signature
    for (const auto& [receipt, order] : order_of_receipt_) EXPECT_EQ(note.find(receipt), std::string::npos);
  }
  // The export: no ballot box; each receipt once, in the close event's
  // list, which is in receipt order, not voting order.
  auto file = exported("secrecy");
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text.find("\"ballots\""), std::string::npos);
  std::vector<std::pair<std::size_t, int>> places;
  for (const auto& [receipt, order] : order_of_receipt_) {
    auto at = text.find(receipt);
    ASSERT_NE(at, std::string::npos) << "every receipt is published at the close";
    EXPECT_EQ(text.find(receipt, at + 1), std::string::npos) << "a receipt appears twice in the export";
    places.emplace_back(at, order);
  }
  std::sort(places.begin(), places.end());
  std::vector<int> ranks;
  for (const auto& [at, order] : places) ranks.push_back(order);
  EXPECT_LT(std::fabs(rank_correlation(ranks)), 0.6) << "the receipts' places in the export follow the voting order";
  auto json = nlohmann::json::parse(text);
  for (const auto& event : json["meetings"][0]["events"]) {
    if (event["event"].contains("ballotRecorded")) {
      EXPECT_FALSE(event["event"]["ballotRecorded"].contains("choices")) << "a secret choice in the export";
    }
  }
}

TEST_F(SignedMeeting, ActionsListResolutionsWithTheirStatusAndMarkTheOverdue) {
  const std::string data = " --data " + server_->data().string();
  auto late = gavelctl("actions" + data + " --today 2027-04-01");
  EXPECT_EQ(late.status, 0) << late.out;
  EXPECT_NE(late.out.find("1 项决议，1 项逾期"), std::string::npos) << late.out;
  EXPECT_NE(late.out.find("责任人：物业公司  时限：2027-03-31  状态：进行中（已联系电梯公司勘察）  【逾期】"),
            std::string::npos)
      << late.out;
  auto in_time = gavelctl("actions" + data + " --today 2027-03-31 --lang en");
  EXPECT_NE(in_time.out.find("1, 0 overdue"), std::string::npos) << in_time.out;
  EXPECT_EQ(in_time.out.find("OVERDUE"), std::string::npos) << in_time.out;
}

TEST_F(SignedMeeting, TheArchiveKeepsEveryMeetingAndFindsTextsInChinese) {
  const std::string data = " --data " + server_->data().string();
  auto list = gavelctl("archive list" + data);
  EXPECT_EQ(list.status, 0) << list.out;
  EXPECT_NE(list.out.find("2 场会议"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("1  2026-11-28  楼栋代表大会  已结束 · 纪要已签署"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("2  2026-11-28  楼栋代表大会  未结束"), std::string::npos) << list.out;

  auto phrase = gavelctl("archive search 加装电梯" + data);  // four characters: the trigram index
  EXPECT_EQ(phrase.status, 0) << phrase.out;
  EXPECT_NE(phrase.out.find("会议 1「楼栋代表大会」 · 议题 lift：加装电梯"), std::string::npos) << phrase.out;
  auto shorter = gavelctl("archive search 电梯" + data);  // two characters: LIKE
  EXPECT_NE(shorter.out.find("动议 1：3号楼加装电梯"), std::string::npos) << shorter.out;
  EXPECT_NE(shorter.out.find("决议 1：3号楼加装电梯"), std::string::npos) << shorter.out;
  auto both = gavelctl("archive search 物业公司 电梯" + data);
  EXPECT_NE(both.out.find("1 处"), std::string::npos) << "every word must occur: " << both.out;
  auto none = gavelctl("archive search 停车场" + data);
  EXPECT_NE(none.out.find("0 处"), std::string::npos) << none.out;
}

TEST_F(SignedMeeting, SearchTreatsFtsAndLikeSyntaxAsPlainText) {
  const std::string data = " --data " + server_->data().string();
  for (const char* query : {"'\"电梯 OR 楼栋\"'", "'NEAR(加装 电梯)'", "'电梯*'", "'%'", "'_'", "'a\"b'",
                                   "\"'; DROP TABLE events; --\""}) {
    auto run = gavelctl(std::string("archive search ") + query + data);
    EXPECT_EQ(run.status, 0) << query << ": " << run.out;
    EXPECT_NE(run.out.find("0 处"), std::string::npos) << query << " matched something: " << run.out;
  }
  EXPECT_EQ(gavelctl("verify " + db().string()).status, 0) << "the database is untouched";
}

TEST_F(SignedMeeting, MinutesExportAsJsonIsTheRecordAndVerifies) {
  const auto file = server_->data() / "minutes-record.json";
  auto check = gavelctl("verify " + file.string());
  EXPECT_EQ(check.status, 0) << check.out;
  EXPECT_NE(check.out.find("（1 场会议）"), std::string::npos) << "the meeting gaveld ran, only: " << check.out;
  EXPECT_NE(check.out.find("签名有效，头哈希一致"), std::string::npos) << check.out;
  std::ifstream in(file);
  auto json = nlohmann::json::parse(in);
  EXPECT_EQ(json["format"], "gavel-record-1");
  EXPECT_EQ(json["meetings"][0]["events"].size(), last_seq()) << "every event, with its hashes";
  EXPECT_TRUE(json["meetings"][0]["events"][0].contains("hash"));
}

TEST_F(SignedMeeting, VerifyChecksTheBallotBoxAgainstThePublishedReceipts) {
  auto whole = gavelctl("verify " + db().string());
  EXPECT_EQ(whole.status, 0) << whole.out;
  EXPECT_NE(whole.out.find(std::to_string(kVoters) + " 张选票与闭票时公布的回执一致"), std::string::npos) << whole.out;

  auto changed = copy("ballot-changed");
  {
    Sql sql(changed);
    ASSERT_TRUE(sql.exec("UPDATE ballots SET choices = CASE choices WHEN '0' THEN '1' ELSE '0' END "
                         "WHERE receipt = (SELECT min(receipt) FROM ballots)"));
  }
  auto run = gavelctl("verify " + changed.string());
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_NE(run.out.find("1 张选票被改动"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("哈希链完整"), std::string::npos) << "the chain does not cover the box: " << run.out;

  auto removed = copy("ballot-removed");
  { ASSERT_TRUE(Sql(removed).exec("DELETE FROM ballots WHERE receipt = (SELECT max(receipt) FROM ballots)")); }
  run = gavelctl("verify --lang en " + removed.string());
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_NE(run.out.find("1 published but missing"), std::string::npos) << run.out;

  auto added = copy("ballot-added");
  {
    ASSERT_TRUE(Sql(added).exec("INSERT INTO ballots SELECT 'forged-receipt', meeting_id, vote_id, choices, weight, "
                                "reason FROM ballots LIMIT 1"));
  }
  run = gavelctl("verify " + added.string());
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_NE(run.out.find("1 张选票未曾公布（被加入）"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("forged-receipt"), std::string::npos) << "the receipt concerned is named: " << run.out;
}

TEST_F(SignedMeeting, AnArchivedMeetingsResolutionIsFollowedUpWithoutGaveld) {
  // On a copy: the other tests read the shared record as it was signed.
  const auto data = copy("follow-up").parent_path();
  const std::string flags = " --meeting 1 --data " + data.string();
  auto done = gavelctl("resolution status 1 done --note 电梯已安装" + flags);
  EXPECT_EQ(done.status, 0) << done.out;
  EXPECT_NE(done.out.find("已记录：会议 1「楼栋代表大会」决议 #1 的状态为已完成"), std::string::npos) << done.out;
  auto actions = gavelctl("actions --today 2027-04-01 --data " + data.string());
  EXPECT_NE(actions.out.find("状态：已完成（电梯已安装）"), std::string::npos) << actions.out;
  EXPECT_EQ(actions.out.find("【逾期】"), std::string::npos) << "done is not overdue: " << actions.out;
  auto check = gavelctl("verify " + (data / "gavel.db").string());
  EXPECT_EQ(check.status, 0) << "the follow-up extends the chain: " << check.out;
  EXPECT_NE(check.out.find("其后另有 2 个事件"), std::string::npos) << check.out;
  Sql sql(data / "gavel.db");
  EXPECT_EQ(sql.rows("SELECT action, client FROM audit WHERE action = 'update_resolution' ORDER BY rowid DESC LIMIT 1")[0][1],
            "gavelctl (data folder)");

  // Refused, nothing recorded: the same status again, dropped without a
  // reason, an unknown resolution, the meeting gaveld runs, no such meeting.
  const auto before = sql.rows("SELECT count(*) FROM events")[0][0];
  for (const auto& [args, words] : std::vector<std::pair<std::string, std::string>>{
           {"resolution status 1 done --note 电梯已安装" + flags, "决议已是这个状态"},
           {"resolution status 1 dropped" + flags, "须说明原因"},
           {"resolution status 7 done" + flags, "7"},
           {"resolution status 1 done --meeting 2 --data " + data.string(), "gaveld 正在进行的会议"},
           {"resolution status 1 done --meeting 9 --data " + data.string(), "档案库中没有会议 9"}}) {
    auto refused = gavelctl(args);
    EXPECT_EQ(refused.status, 1) << args << ": " << refused.out;
    EXPECT_NE(refused.out.find(words), std::string::npos) << args << ": " << refused.out;
  }
  EXPECT_EQ(sql.rows("SELECT count(*) FROM events")[0][0], before) << "a refused follow-up recorded something";
}

TEST_F(SignedMeeting, ArchiveExportWritesARecordThatVerifies) {
  auto dir = server_->data() / "meeting-1";
  auto run = gavelctl("archive export 1 -o " + dir.string() + " --data " + server_->data().string());
  EXPECT_EQ(run.status, 0) << run.out;
  // The minutes in every format, as signed (v1), and their PDF's text.
  for (const char* name : {"minutes-2026-11-28-v1.md", "minutes-2026-11-28-v1.html", "minutes-2026-11-28-v1.pdf",
                           "minutes-2026-11-28-v1-actions.csv"})
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << name << " missing: " << run.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "minutes-2026-11-28-v1-draft.md")) << "the minutes are signed";
  auto rendered = std::system(("pdftotext " + (dir / "minutes-2026-11-28-v1.pdf").string() + " " +
                               (dir / "minutes.txt").string()).c_str());
  ASSERT_EQ(rendered, 0);
  std::ifstream pdf_text(dir / "minutes.txt");
  std::string words((std::istreambuf_iterator<char>(pdf_text)), {});
  EXPECT_NE(words.find("楼栋代表大会"), std::string::npos) << words.substr(0, 400);
  EXPECT_NE(words.find("物业公司"), std::string::npos) << "the responsible party";
  auto check = gavelctl("verify " + (dir / "record.json").string());
  EXPECT_EQ(check.status, 0) << check.out;
  EXPECT_NE(check.out.find("（1 场会议）"), std::string::npos) << check.out;
  std::ifstream notes(dir / "checkpoints.txt");
  std::string text((std::istreambuf_iterator<char>(notes)), {});
  EXPECT_NE(text.find("\xe2\x80\x94 gavel-"), std::string::npos) << "the signed note travels with the record";
  auto missing = gavelctl("archive export 9 -o " + dir.string() + " --data " + server_->data().string());
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.out.find("没有编号为 9 的会议"), std::string::npos) << missing.out;
}

// A PDF takes a few hundred milliseconds to render. It is made off the
// hall's strand, so the room's pings and acks go on meanwhile: pings sent
// after the request are answered before the PDF arrives.
TEST(MinutesExport, RenderingAPdfDoesNotHoldUpTheRoom) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  auto secretary = server.connect_as("secretary");
  v1::MinutesRequest request;
  request.set_format(v1::MINUTES_FORMAT_PDF);
  request.set_draft(true);
  using Clock = std::chrono::steady_clock;
  std::atomic<bool> done{false};
  Clock::time_point asked, answered;
  bool made = false;
  std::thread exporter([&] {
    asked = Clock::now();
    auto file = secretary->minutes(request, std::chrono::seconds(30));
    answered = Clock::now();
    made = file.ok() && file.value().content().starts_with("%PDF");
    done = true;
  });
  ASSERT_TRUE(wait_until([&] { return asked != Clock::time_point{}; }));
  std::vector<std::pair<Clock::time_point, Clock::time_point>> pings;
  while (!done) {
    auto sent = Clock::now();
    if (chair->ping(std::chrono::seconds(10))) pings.emplace_back(sent, Clock::now());
  }
  exporter.join();
  ASSERT_TRUE(made) << "no PDF came back";
  std::size_t meanwhile = 0;
  for (const auto& [sent, back] : pings) meanwhile += sent > asked && back < answered ? 1u : 0u;
  const auto render_ms = std::chrono::duration_cast<std::chrono::milliseconds>(answered - asked).count();
  EXPECT_GE(meanwhile, 3u) << "pings answered while the PDF was made (" << render_ms << " ms): " << meanwhile
                           << " of " << pings.size() << "; the strand was held";
}

// The secretary has 24 hours after the end. Starting the next meeting must
// not take them away: gaveld refuses to archive minutes never signed.
TEST(MinutesDue, TheNextMeetingDoesNotArchiveAnEndedMeetingWhoseMinutesAreUnsigned) {
  GaveldProcess server;
  auto chair = server.connect_as("chair");
  ASSERT_TRUE(chair->call(cmd::start_meeting()));
  ASSERT_TRUE(chair->call(cmd::end_meeting()));
  chair.reset();
  server.stop();
  const std::string gaveld = std::string(GAVELD_BINARY) + " --data " + server.data().string() +
                             " --port 0 --bind 127.0.0.1 --no-web --meeting " + GAVEL_FIXTURES + "/meeting.toml";
  test::Run refused;
  FILE* pipe = ::popen((gaveld + " 2>&1").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) refused.out.append(buffer, n);
  const int status = ::pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << refused.out;
  EXPECT_NE(refused.out.find("纪要尚未签署"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("minutes sign"), std::string::npos) << "it says how to sign: " << refused.out;
  EXPECT_NE(refused.out.find("--archive-unsigned"), std::string::npos) << refused.out;
  auto list = gavelctl("archive list --data " + server.data().string());
  EXPECT_NE(list.out.find("1 场会议"), std::string::npos) << "nothing archived, nothing created: " << list.out;
  EXPECT_NE(list.out.find("已结束 · 纪要未签署"), std::string::npos) << list.out;
}

TEST_F(SignedMeeting, TheArchiveIndexHoldsNoBallot) {
  const std::string data = " --data " + server_->data().string();
  // A receipt stands in the vote_closed event next to its choice; the
  // archive does not index votes, so neither a receipt nor "receipt=choice"
  // can be found.
  for (const auto& [receipt, order] : order_of_receipt_) {
    auto run = gavelctl("archive search " + receipt + data);
    ASSERT_NE(run.out.find("0 处"), std::string::npos) << run.out;
  }
  for (const char* choice : {"赞成", "反对", "弃权"}) {
    auto run = gavelctl(std::string("archive search =") + choice + data);
    EXPECT_NE(run.out.find("0 处"), std::string::npos) << run.out;
  }
}

}  // namespace
}  // namespace gavel::test
