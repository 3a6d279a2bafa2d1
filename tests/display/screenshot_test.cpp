// gavel-display under Xvfb against the real gaveld: each view from a known
// meeting state, read back as PNG and checked for what the room must see.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>

#include "commands.hpp"
#include "display_process.hpp"
#include "gaveld_process.hpp"
#include "image_checks.hpp"
#include "model/metrics.hpp"
#include "model/palette.hpp"
#include "observer.hpp"
#include "xvfb.hpp"

namespace gavel::display {
namespace {

using namespace std::chrono_literals;
using test::DisplayProcess;
using test::Region;
using test::bar_fill;
using test::count_colour;
using test::text_match;
namespace cmd = gavel::test::cmd;

constexpr int kWidth = 1920, kHeight = 1080;
// Enough pixels of one colour to be a large element, not an anti-aliased edge.
constexpr std::size_t kLarge = 3000;
constexpr std::size_t kNone = 50;
// A reference rendering matches text that is there well above this, and
// other text well below it.
constexpr double kSameText = 0.85;

v1::Command close_item() {
  v1::Command c;
  c.mutable_close_item();
  return c;
}

class XvfbEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    try {
      xvfb_ = std::make_unique<test::Xvfb>(kWidth, kHeight);
    } catch (const std::exception& e) {
      error_ = e.what();
    }
  }
  void TearDown() override { xvfb_.reset(); }
  static std::string error_;

 private:
  std::unique_ptr<test::Xvfb> xvfb_;
};
std::string XvfbEnvironment::error_;
[[maybe_unused]] const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new XvfbEnvironment);

gavel::test::GaveldProcess::Options fixture() {
  gavel::test::GaveldProcess::Options options;
  options.meeting = GAVEL_DISPLAY_FIXTURES "/meeting.toml";
  return options;
}

const FontFile& bold_font() {
  static const FontFile font = [] {
    auto loaded = load_font_file("NotoSansCJK-Bold.ttc");
    return loaded ? std::move(loaded).value() : FontFile{};
  }();
  return font;
}

class Projector : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(XvfbEnvironment::error_.empty()) << XvfbEnvironment::error_;
    ASSERT_FALSE(bold_font().data.empty()) << "Noto Sans CJK Bold is missing (Debian: fonts-noto-cjk)";
  }

  // Sends a command as the chair, or as participant `who`; returns the seq
  // the display must reach to show it.
  std::uint64_t call(const v1::Command& command, const std::string& who = "") {
    client::Connection& connection = who.empty() ? *chair_ : participant(who);
    auto ack = connection.call(command);
    EXPECT_TRUE(ack) << (who.empty() ? "chair" : who) << ": " << (ack ? "" : client::describe(ack.error()));
    if (!ack) return last_seq_;
    last_seq_ = std::max(last_seq_, ack.value().seq());
    created_ = ack.value().created_id();
    return last_seq_;
  }

  client::Connection& participant(const std::string& id) {
    auto& connection = participants_[id];
    if (!connection) connection = server_.connect_participant(id);
    return *connection;
  }

  void start_with_present(int people) {
    call(cmd::start_meeting());
    for (int i = 1; i <= people; ++i) call(cmd::check_in("P0" + std::to_string(i)));
  }

  // Opens a yes/no vote on a fresh motion on the open item.
  void open_vote(bool secret) {
    call(cmd::propose("与商场签订错峰共享协议"), "P01");
    const std::uint64_t motion = created_;
    call(cmd::second(motion), "P02");
    call(cmd::open_vote(motion, secret));
  }

  // gaveld listens on loopback here; in a room it writes its LAN address.
  // This copy of access.json says what it would, for the join code.
  std::string lan_access() {
    std::ifstream in(server_.data() / "access.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // {"url": "http://127.0.0.1:PORT/"}: the value after the key's colon.
    const auto key = text.find("\"url\"");
    const auto open = key == std::string::npos ? key : text.find('"', text.find(':', key));
    EXPECT_NE(open, std::string::npos) << text;
    if (open != std::string::npos) {
      const auto close = text.find('"', open + 1);
      text.replace(open + 1, close - open - 1, "http://192.168.1.20:8080/");
    }
    const auto path = server_.data() / "lan-access.json";
    std::ofstream(path) << text;
    return path.string();
  }

  std::unique_ptr<DisplayProcess> display(std::vector<std::string> extra = {}, bool loopback = false) {
    std::vector<std::string> args = {"--access", loopback ? (server_.data() / "access.json").string() : lan_access(),
                                     "--size", std::to_string(kWidth) + "x" + std::to_string(kHeight)};
    args.insert(args.end(), extra.begin(), extra.end());
    return std::make_unique<DisplayProcess>(args);
  }

  // A screenshot now; an empty image (width 0) and a failure if there is none.
  static Image shot(DisplayProcess& display) {
    auto image = display.screenshot();
    if (!image) {
      ADD_FAILURE() << image.error();
      return {};
    }
    EXPECT_EQ(image.value().width, kWidth);
    EXPECT_EQ(image.value().height, kHeight);
    return std::move(image).value();
  }

  // Waits until the display shows `view` at the latest seq, then takes a screenshot.
  Image shot_of(DisplayProcess& display, const std::string& view) {
    if (!display.wait_for_state(view, last_seq_)) {
      ADD_FAILURE() << "the display never showed the " << view << " view at seq " << last_seq_ << "; it said:\n"
                    << display.output();
      return {};
    }
    return shot(display);
  }

  gavel::test::GaveldProcess server_{fixture()};
  std::unique_ptr<client::Connection> chair_ = server_.connect_as("chair");
  std::map<std::string, std::unique_ptr<client::Connection>> participants_;
  std::uint64_t last_seq_ = 0;
  std::uint64_t created_ = 0;
  const Metrics metrics_ = metrics_for(kWidth, kHeight);
};

TEST_F(Projector, JoinViewShowsTheTitleALargeQrCodeAndAttendance) {
  call(cmd::check_in("P01"));
  call(cmd::check_in("P02"));
  auto projector = display();
  const Image image = shot_of(*projector, "join");
  ASSERT_GT(image.width, 0);

  const Region right{kWidth / 2, 0, kWidth, kHeight}, left{0, 0, kWidth / 2 + 100, kHeight};
  const std::size_t half = static_cast<std::size_t>(kWidth / 2 * kHeight);
  EXPECT_GT(count_colour(image, palette::kQrDark, right), half / 10) << "no QR code's dark modules on the right";
  EXPECT_GT(count_colour(image, palette::kQrLight, right), half / 10) << "no QR code's light modules on the right";

  const double title = text_match(image, bold_font(), "显示测试议事会", metrics_.heading_px, left);
  const double missing = text_match(image, bold_font(), "???????", metrics_.heading_px, left);
  EXPECT_GT(title, kSameText) << "the Chinese title is not drawn as Noto Sans CJK draws it";
  EXPECT_LT(missing, title - 0.2) << "the check cannot tell the title from missing glyphs";
  EXPECT_GT(text_match(image, bold_font(), "出席 2 / 应到 6 人", metrics_.heading_px * 1.2f, left), kSameText)
      << "the attendance of fixed members is not shown large";
}

TEST_F(Projector, OnLoopbackOnlyTheJoinViewSaysSoInsteadOfAUselessCode) {
  auto projector = display({}, /*loopback=*/true);
  const Image image = shot_of(*projector, "join");
  ASSERT_GT(image.width, 0);
  const Region right{kWidth / 2, 0, kWidth, kHeight};
  EXPECT_LT(count_colour(image, palette::kQrDark, right), kNone) << "a QR code of a loopback address";
  EXPECT_GT(count_colour(image, palette::kBad, right), kNone) << "no warning in words where the code would be";
}

TEST_F(Projector, TheVoteViewShowsTheRuleTheVetoHowToVoteAndNoQuorum) {
  call(cmd::start_meeting());
  call(cmd::check_in("P01"));
  call(cmd::check_in("P02"));  // quorum is 3: the vote opens without it
  call(cmd::open_item("lift"));  // veto group 老年居民
  open_vote(true);
  auto projector = display();
  const Image image = shot_of(*projector, "vote");
  ASSERT_GT(image.width, 0);
  EXPECT_GT(count_colour(image, palette::kThresholdLine), kNone) << "no rule line";
  EXPECT_GT(count_colour(image, palette::kBad), kLarge / 2) << "no veto rule or no-quorum badge";
  EXPECT_GT(text_match(image, bold_font(), "未达法定人数", metrics_.text_px * 0.9f, {0, 0, kWidth, kHeight / 4}),
            0.6)
      << "the no-quorum warning is not written on the vote view";
  const Region right{kWidth * 6 / 10, kHeight / 4, kWidth, kHeight};
  EXPECT_GT(count_colour(image, palette::kQrDark, right), 2000u) << "no join code on the vote view";
  EXPECT_GT(text_match(image, bold_font(), "如何投票", metrics_.text_px, right), kSameText);
}

TEST_F(Projector, WithNoItemOpenTheAgendaShowsEachItemsState) {
  start_with_present(4);
  call(cmd::open_item("budget"));
  call(close_item());
  auto projector = display();
  const Image image = shot_of(*projector, "agenda");
  ASSERT_GT(image.width, 0);
  EXPECT_GT(text_match(image, bold_font(), "议程", metrics_.heading_px, {0, 0, kWidth * 2 / 3, kHeight / 3}), kSameText);
  EXPECT_GT(count_colour(image, palette::kGood), kNone) << "the closed item's badge";
}

TEST_F(Projector, AfterTheEndASummaryOfWhatWasDecided) {
  start_with_present(4);
  call(cmd::open_item("budget"));
  open_vote(false);
  for (const char* who : {"P01", "P02", "P03"}) call(cmd::cast(0), who);
  call(cmd::close_vote());
  call(cmd::resolution(1, "物业公司", "2026-12-31"));
  call(close_item());
  call(cmd::end_meeting());
  auto projector = display();
  const Image image = shot_of(*projector, "ended");
  ASSERT_GT(image.width, 0);
  EXPECT_GT(text_match(image, bold_font(), "会议已结束", metrics_.heading_px, {0, 0, kWidth, kHeight / 5}), kSameText);
  EXPECT_GT(count_colour(image, palette::kGood), kNone) << "no carried outcome";
}

TEST_F(Projector, CountdownIsAmberInTheLastMinuteRedInOvertimeAndGreenBefore) {
  start_with_present(3);
  call(cmd::open_item("parking"));  // 10 s a speech: in the warning minute from the start
  call(cmd::request_floor(), "P01");
  call(cmd::next_speaker());
  auto projector = display();

  const Image warning = shot_of(*projector, "debate");
  ASSERT_GT(warning.width, 0);
  EXPECT_GT(count_colour(warning, palette::kTimerWarning), kLarge) << "no amber countdown with 10 s left";
  EXPECT_LT(count_colour(warning, palette::kTimerOvertime), kNone);
  EXPECT_LT(count_colour(warning, palette::kTimerNormal), kNone);
  const Region card{0, 0, kWidth * 2 / 3, kHeight};
  EXPECT_GT(text_match(warning, bold_font(), "停车方案", metrics_.heading_px, card), kSameText)
      << "the item's title is not drawn";
  EXPECT_GT(text_match(warning, bold_font(), "欧阳龘", metrics_.heading_px * 1.15f, card), kSameText)
      << "the speaker's name, with a character outside the common ranges, is not drawn";

  // A projector's connection: it is sent the snapshot it draws from.
  auto screen = server_.connect_as("display");
  gavel::test::Observer room(*screen);
  ASSERT_TRUE(room.wait_for([](const v1::MeetingSnapshot& s) { return s.current_speech().deadline_ms() > 0; }));
  const std::int64_t deadline = room.snapshot().current_speech().deadline_ms();
  ASSERT_TRUE(gavel::test::wait_until([&] { return chair_->server_now_ms() > deadline + 300; }, 15s));
  const Image overtime = shot(*projector);
  ASSERT_GT(overtime.width, 0);
  EXPECT_GT(count_colour(overtime, palette::kTimerOvertime), kLarge) << "no red countdown after the deadline";
  EXPECT_LT(count_colour(overtime, palette::kTimerWarning), kNone);

  call(cmd::end_speech());
  call(close_item());
  call(cmd::open_item("budget"));  // 300 s
  call(cmd::request_floor(), "P02");
  call(cmd::next_speaker());
  const Image normal = shot_of(*projector, "debate");
  EXPECT_GT(count_colour(normal, palette::kTimerNormal), kLarge) << "no green countdown with 5 minutes left";
  EXPECT_LT(count_colour(normal, palette::kTimerWarning), kNone);
  EXPECT_LT(count_colour(normal, palette::kTimerOvertime), kNone);
}

TEST_F(Projector, AnOpenBallotShowsTurnoutAndABarPerChoiceInEnglish) {
  start_with_present(4);
  call(cmd::open_item("budget"));
  open_vote(false);
  call(cmd::cast(0), "P01");
  call(cmd::cast(0), "P02");
  call(cmd::cast(1), "P03");
  auto projector = display({"--lang", "en"});
  const Image image = shot_of(*projector, "vote");
  ASSERT_GT(image.width, 0);

  EXPECT_NEAR(bar_fill(image, palette::kTurnout, palette::kTrack), 0.75, 0.02) << "turnout 3 of 4";
  const auto yes = static_cast<double>(count_colour(image, palette::kChoices[0]));
  const auto no = static_cast<double>(count_colour(image, palette::kChoices[1]));
  ASSERT_GT(no, kLarge) << "no bar for the 'no' votes";
  EXPECT_NEAR(yes / no, 2.0, 0.1) << "2 yes against 1 no";
  EXPECT_LT(count_colour(image, palette::kChoices[2]), kNone) << "nobody abstained";
  EXPECT_GT(text_match(image, bold_font(), "Vote open", metrics_.text_px, {0, 0, kWidth, kHeight / 3}), kSameText)
      << "the English label is missing";
}

TEST_F(Projector, ASecretBallotShowsTurnoutOnly) {
  start_with_present(4);
  call(cmd::open_item("budget"));
  open_vote(true);
  call(cmd::cast(0), "P01");
  call(cmd::cast(1), "P02");
  auto projector = display();
  const Image image = shot_of(*projector, "vote");
  ASSERT_GT(image.width, 0);

  EXPECT_NEAR(bar_fill(image, palette::kTurnout, palette::kTrack), 0.5, 0.02) << "turnout 2 of 4";
  for (int choice = 0; choice < 3; ++choice)
    EXPECT_LT(count_colour(image, palette::kChoices[choice]), kNone) << "a secret ballot showed counts for choice "
                                                                     << choice;
}

TEST_F(Projector, TheResultSaysCarriedInWordsWithCountsAndTheThreshold) {
  start_with_present(4);
  call(cmd::open_item("budget"));
  open_vote(false);
  for (const char* who : {"P01", "P02", "P03"}) call(cmd::cast(0), who);
  call(cmd::cast(1), "P04");
  call(cmd::close_vote());
  auto projector = display();
  const Image image = shot_of(*projector, "result");
  ASSERT_GT(image.width, 0);

  const Region top{0, 0, kWidth, kHeight / 2};
  const double carried = text_match(image, bold_font(), "通过", metrics_.heading_px * 1.7f, top);
  EXPECT_GT(carried, kSameText) << "the outcome is not written as 通过";
  EXPECT_LT(text_match(image, bold_font(), "否决", metrics_.heading_px * 1.7f, top), carried - 0.2);
  EXPECT_GT(count_colour(image, palette::kGood), kLarge) << "the outcome is not in the favourable colour";
  EXPECT_GT(count_colour(image, palette::kThresholdLine), kNone) << "no threshold line or text";
  const auto yes = static_cast<double>(count_colour(image, palette::kChoices[0]));
  const auto no = static_cast<double>(count_colour(image, palette::kChoices[1]));
  ASSERT_GT(no, kLarge);
  EXPECT_NEAR(yes / no, 3.0, 0.15) << "3 yes against 1 no";
}

TEST_F(Projector, ShowsTheReconnectingBannerOverTheLastStateAndRecoversByItself) {
  start_with_present(3);
  call(cmd::open_item("budget"));
  call(cmd::request_floor(), "P01");
  call(cmd::next_speaker());
  auto projector = display({}, /*loopback=*/true);  // the restarted server writes a new access.json
  ASSERT_TRUE(projector->wait_for_state("debate", last_seq_)) << projector->output();

  chair_.reset();
  participants_.clear();
  server_.kill_hard();
  const auto lost = projector->wait_for_line([](const std::string& l) { return l.starts_with("link reconnecting"); }, 5s);
  ASSERT_TRUE(lost) << "the display did not notice gaveld died:\n" << projector->output();
  const Image down = shot(*projector);
  ASSERT_GT(down.width, 0);
  EXPECT_GT(count_colour(down, palette::kBanner), static_cast<std::size_t>(kWidth * 60)) << "no reconnecting banner";
  EXPECT_GT(count_colour(down, palette::kTimerNormal), kLarge) << "the last state and its countdown must stay";

  server_.start();
  chair_ = server_.connect_as("chair");
  call(cmd::check_in("P04"));
  ASSERT_TRUE(projector->wait_for_line([](const std::string& l) { return l == "link live"; }, 10s, *lost))
      << "the display did not reconnect by itself:\n" << projector->output();
  const Image back = shot_of(*projector, "debate");
  EXPECT_LT(count_colour(back, palette::kBanner), kNone) << "the banner stayed after the link came back";
  EXPECT_GT(count_colour(back, palette::kTimerNormal), kLarge);
}

TEST_F(Projector, AfterMsWritesOnePngAndExits) {
  auto projector = display({"--size", "1280x720", "--after-ms", "300"});
  const auto code = projector->wait_exit(20s);
  ASSERT_TRUE(code) << "gavel-display --after-ms did not exit:\n" << projector->output();
  ASSERT_EQ(*code, 0) << projector->output();
  auto image = read_png(projector->screenshot_path().string());
  ASSERT_TRUE(image) << image.error();
  EXPECT_EQ(image.value().width, 1280);
  EXPECT_EQ(image.value().height, 720);
  EXPECT_LT(count_colour(image.value(), palette::kBackground), 1280u * 720u * 9 / 10) << "the screenshot is blank";
}

}  // namespace
}  // namespace gavel::display
