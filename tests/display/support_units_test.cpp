// The small units of the model: backoff, QR codes, PNG files, metrics and
// the --status lines.
#include <gtest/gtest.h>

#include <filesystem>

#include "model/backoff.hpp"
#include "model/metrics.hpp"
#include "model/png_file.hpp"
#include "model/qr.hpp"
#include "model/status.hpp"

namespace gavel::display {
namespace {

TEST(Backoff, DoublesWithJitterUpToTheCapAndResets) {
  Backoff backoff(7);
  std::int64_t previous = 0;
  for (int i = 0; i < 12; ++i) {
    const std::int64_t wait = backoff.next().count();
    const std::int64_t base = std::min<std::int64_t>(Backoff::kFirst.count() << i, Backoff::kMax.count());
    EXPECT_GE(wait, base * 4 / 5) << i;
    EXPECT_LE(wait, base * 6 / 5) << i;
    if (base < Backoff::kMax.count()) {
      EXPECT_GT(wait, previous);
    }
    previous = wait;
  }
  backoff.reset();
  EXPECT_LE(backoff.next(), Backoff::kFirst * 6 / 5);
}

TEST(Qr, EncodesAUrlWithFinderPatterns) {
  auto qr = make_qr("http://192.168.1.5:8080/");
  ASSERT_TRUE(qr);
  EXPECT_GE(qr->size, 21);
  EXPECT_EQ((qr->size - 17) % 4, 0) << "QR sizes are 17 + 4 * version";
  // The top-left finder pattern: a dark 7x7 ring around a light ring and a dark 3x3 core.
  for (int i = 0; i < 7; ++i) {
    EXPECT_TRUE(qr->at(i, 0));
    EXPECT_TRUE(qr->at(0, i));
    EXPECT_TRUE(qr->at(6, i));
  }
  EXPECT_FALSE(qr->at(1, 1));
  EXPECT_TRUE(qr->at(3, 3));
}

TEST(Png, RoundTrip) {
  Image image;
  image.width = 3;
  image.height = 2;
  image.rgb = {255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  const auto path = (std::filesystem::temp_directory_path() / "gavel-display-png-test.png").string();
  auto written = write_png(path, image);
  ASSERT_TRUE(written) << written.error();
  auto read = read_png(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(read) << read.error();
  EXPECT_EQ(read.value().width, 3);
  EXPECT_EQ(read.value().rgb, image.rgb);
  EXPECT_EQ(read.value().at(2, 0), (Rgb{0, 0, 255}));
  EXPECT_FALSE(read_png("/nonexistent.png"));
}

TEST(Metrics, ScaleWithTheWindow) {
  const Metrics hd = metrics_for(1920, 1080), small = metrics_for(1280, 720), uhd = metrics_for(3840, 2160);
  EXPECT_FLOAT_EQ(hd.unit, 1);
  EXPECT_FLOAT_EQ(uhd.heading_px, 2 * hd.heading_px);
  EXPECT_NEAR(small.text_px, hd.text_px * 2 / 3, 1);
  // A 4:3 projector: the narrower side decides, so nothing runs off the edge.
  EXPECT_FLOAT_EQ(metrics_for(1024, 768).unit, 1024.0f / 1920.0f);
  // Readable from the back: the smallest text is at least 4% of the height.
  for (const Metrics& m : {hd, small, uhd}) EXPECT_GE(m.text_px / m.height, 0.04f);
}

TEST(Status, LinkAndStateChanges) {
  FeedState before;
  FeedState now = before;
  now.link = Link::live;
  auto snapshot = std::make_shared<v1::MeetingSnapshot>();
  snapshot->set_seq(7);
  snapshot->set_phase(v1::MEETING_IN_SESSION);
  snapshot->set_current_item_id("lift");
  now.snapshot = snapshot;
  EXPECT_EQ(status_changes(now, before), (std::vector<std::string>{"link live", "state seq=7 view=debate"}));

  FeedState lost = now;
  lost.link = Link::reconnecting;
  lost.problem = "the connection closed";
  EXPECT_EQ(status_changes(lost, now), (std::vector<std::string>{"link reconnecting: the connection closed"}));
  EXPECT_TRUE(status_changes(lost, lost).empty());
}

}  // namespace
}  // namespace gavel::display
