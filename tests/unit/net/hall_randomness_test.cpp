// The hall draws receipts and clicker tokens from OpenSSL's CSPRNG on its
// strand. When that has nothing to give, the client gets a typed error in
// Chinese and English and nothing changes; no exception reaches the strand.
#define OPENSSL_SUPPRESS_DEPRECATED  // RAND_set_rand_method: the one way to make RAND_bytes fail
#include <gtest/gtest.h>
#include <openssl/rand.h>

#include "commands.hpp"
#include "net/doorkeeper.hpp"
#include "support/hall_on_one_thread.hpp"
#include "support/meeting_builder.hpp"

namespace gavel::test {
namespace {

// While alive, every RAND_bytes in the process fails, and the tokens this
// thread drew before it (random_token's pool) are used up.
class NoRandomness {
 public:
  NoRandomness() : saved_(RAND_get_rand_method()) {
    RAND_set_rand_method(&kFailing);
    while (net::random_token()) {
    }
  }
  ~NoRandomness() { RAND_set_rand_method(saved_); }
  NoRandomness(const NoRandomness&) = delete;
  NoRandomness& operator=(const NoRandomness&) = delete;

 private:
  static int fail(unsigned char*, int) { return 0; }
  static int status() { return 0; }
  static constexpr RAND_METHOD kFailing{nullptr, fail, nullptr, nullptr, fail, status};
  const RAND_METHOD* saved_;
};

class HallWithoutRandomness : public ::testing::Test {
 protected:
  HallWithoutRandomness()
      : hall_(SetupBuilder().members("resident", 3).item("parking").build(),
              R"({"devices":[],"bases":[{"id":"B1","token":"base-token"}]})") {}

  // A secret vote open on a seconded motion, everyone checked in.
  void open_secret_vote() {
    ASSERT_TRUE(hall_.call(chair_, cmd::start_meeting())->has_ack());
    ASSERT_TRUE(hall_.call(chair_, cmd::open_item("parking"))->has_ack());
    for (const char* who : {"resident1", "resident2", "resident3"})
      ASSERT_TRUE(hall_.call(chair_, cmd::check_in(who))->has_ack()) << who;
    auto moved = hall_.call(voter_, cmd::propose("more bicycle racks"));
    ASSERT_TRUE(moved && moved->has_ack());
    motion_ = moved->ack().created_id();
    auto seconder = hall_.welcomed("resident2-token");
    ASSERT_TRUE(hall_.call(seconder, cmd::second(motion_))->has_ack());
    auto opened = hall_.call(chair_, cmd::open_vote(motion_, true));
    ASSERT_TRUE(opened && opened->has_ack()) << (opened ? opened->DebugString() : "no answer");
  }

  static void expect_typed_internal(const std::optional<v1::ServerMessage>& answer) {
    ASSERT_TRUE(answer && answer->has_error()) << (answer ? answer->DebugString() : "no answer");
    EXPECT_EQ(answer->error().code(), v1::ERROR_INTERNAL);
    EXPECT_FALSE(answer->error().message_zh().empty());
    EXPECT_FALSE(answer->error().message_en().empty());
  }

  HallOnOneThread hall_;
  std::shared_ptr<RecordingPeer> chair_ = hall_.welcomed("chair-token");
  std::shared_ptr<RecordingPeer> voter_ = hall_.welcomed("resident1-token");
  std::uint64_t motion_ = 0;
};

TEST_F(HallWithoutRandomness, ABallotIsRefusedWithATypedErrorAndNotCounted) {
  open_secret_vote();
  core::Seq before = hall_.state().seq;
  {
    NoRandomness none;
    expect_typed_internal(hall_.call(voter_, cmd::cast(0, "press-1")));
  }
  EXPECT_EQ(hall_.state().seq, before) << "a refused ballot changes nothing";
  ASSERT_NE(hall_.state().open_vote(), nullptr);
  EXPECT_EQ(hall_.state().open_vote()->voters.size(), 0u);
  auto again = hall_.call(voter_, cmd::cast(0, "press-1"));
  ASSERT_TRUE(again && again->has_ack()) << "the same press counts once randomness is back";
  EXPECT_EQ(hall_.state().open_vote()->voters.size(), 1u);
}

TEST_F(HallWithoutRandomness, AClickerEnrolmentIsRefusedAndTheFleetIsUnchanged) {
  v1::ClientMessage enroll;
  enroll.set_request_id(77);
  enroll.mutable_clicker_admin()->mutable_enroll()->add_device_ids("CK-9");
  {
    NoRandomness none;
    hall_.send(chair_, enroll);
  }
  expect_typed_internal(chair_->answer(77));
  v1::ClientMessage list;
  list.set_request_id(78);
  list.mutable_clicker_admin()->mutable_list();
  hall_.send(chair_, list);
  auto fleet = chair_->answer(78);
  ASSERT_TRUE(fleet && fleet->has_clicker_fleet());
  EXPECT_EQ(fleet->clicker_fleet().devices_size(), 0) << "no clicker without a token";
}

}  // namespace
}  // namespace gavel::test
