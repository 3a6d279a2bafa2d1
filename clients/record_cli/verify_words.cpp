#include "verify_words.hpp"

#include <cctype>

#include "record/signer.hpp"

namespace gavel::record_cli {

namespace {
using record::Damage;

std::string n(std::uint64_t value) { return std::to_string(value); }

std::string damage_text(const record::ChainFinding& chain, Say say) {
  const std::string seq = n(chain.seq);
  switch (chain.damage) {
    case Damage::none: return "";
    case Damage::setup_changed:
      return say("会议设置（名单、议程）被改动：哈希链的起点不符。",
                 "the meeting's setup (roster, agenda) was changed: the chain's root does not match.");
    case Damage::changed:
      return say("第 " + seq + " 号事件被改动。", "event " + seq + " was changed.");
    case Damage::removed:
      return say("第 " + seq + " 号事件被删除。", "event " + seq + " was removed.");
    case Damage::inserted:
      return say("第 " + seq + " 号事件是插入的，原记录中没有。", "event " + seq + " was inserted: it was not in the record.");
    case Damage::decoded_differs:
      return say("导出文件中第 " + seq + " 号事件的可读内容与其原始字节不符（可读部分被改动）。",
                 "the export's readable form of event " + seq + " differs from its stored bytes (it was edited).");
  }
  return "";
}

// Lowercase hex digits only, so "3F2A 9C10" and "3f2a:9c10" compare equal.
std::string digits_of(const std::string& text) {
  std::string out;
  for (char c : text)
    if (std::isxdigit(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A verifier key given instead of a fingerprint: the fingerprint of its key.
std::string expected_fingerprint(const std::string& key) {
  auto plus = key.rfind('+');
  if (plus == std::string::npos) return digits_of(key);
  std::string typed;
  if (!record::unbase64(key.substr(plus + 1), typed) || typed.size() != 33) return digits_of(key);
  return record::hex(record::sha256(typed.substr(1)));
}

void checkpoint_line(const record::CheckpointFinding& c, const std::string& expected, Say say, std::ostream& out,
                     bool& all_ok) {
  out << "  " << say("签名检查点（至第 " + n(c.size) + " 号事件）：", "signed checkpoint (up to event " + n(c.size) + "): ");
  if (!c.well_formed) {
    all_ok = false;
    out << say(c.problem_zh, c.problem_en) << "\n";
    return;
  }
  if (!c.ok()) all_ok = false;
  out << (c.signature_valid ? say("签名有效", "signature valid") : say("签名无效", "signature INVALID"));
  if (c.beyond_break)
    out << say("；哈希链在其之前已断开，无法核对头哈希", "; the chain breaks before it, so its head cannot be checked");
  else if (c.events_missing)
    out << say("；签名覆盖 " + n(c.size) + " 个事件，记录中缺少其后部分", "; it covers " + n(c.size) +
                                                                        " events, and the record lacks some of them");
  else
    out << (c.head_matches ? say("，头哈希一致", ", head hash matches")
                           : say("；头哈希不一致：签名之后记录被改写", "; head hash DIFFERS: the record was rewritten after signing"));
  out << say("；密钥指纹 ", "; key fingerprint ") << grouped(c.fingerprint);
  if (!expected.empty() && c.fingerprint != expected) {
    all_ok = false;
    out << say("（不是给定的密钥！）", " (NOT the key given!)");
  }
  if (!c.events_missing && !c.beyond_break && c.events_after > 0)
    out << say("；其后另有 " + n(c.events_after) + " 个事件，不在此签名内",
               "; " + n(c.events_after) + " later events are not covered by this signature");
  out << say("。", ".") << "\n";
  for (const std::string& line : c.extensions) out << "    " << line << "\n";
}

void ballots_line(const record::MeetingFinding& m, Say say, std::ostream& out, bool& all_ok) {
  if (!m.ballots_checked) return;
  for (const record::BallotFinding& b : m.ballots) {
    out << "  " << say("无记名表决 " + n(b.vote_id) + " 的票箱：", "secret vote " + n(b.vote_id) + "'s ballot box: ");
    if (b.ok()) {
      out << say(n(b.stored) + " 张选票与闭票时公布的回执一致。",
                 n(b.stored) + " ballots match the receipts published at the close.")
          << "\n";
      continue;
    }
    all_ok = false;
    std::string zh, en;
    auto count = [&](std::size_t how_many, const char* zh_words, const char* en_words) {
      if (how_many == 0) return;
      zh += n(how_many) + zh_words;
      en += n(how_many) + en_words;
    };
    count(b.changed, " 张选票被改动；", " changed, ");
    count(b.missing, " 张已公布的选票不在票箱中；", " published but missing, ");
    count(b.added, " 张选票未曾公布（被加入）；", " never published (added), ");
    out << say("与闭票时公布的回执不符：" + zh + "第一个不符的回执 " + b.first_receipt + "。",
               "does NOT match the receipts published at the close: " + en + "first receipt concerned " +
                   b.first_receipt + ".")
        << "\n";
  }
  if (m.open_ballots > 0)
    out << "  " << say(n(m.open_ballots) + " 张选票属于尚未闭票的表决，闭票公布回执后才能核对。",
                       n(m.open_ballots) + " ballots belong to a vote not closed yet: they can be checked once its receipts are published.")
        << "\n";
}
}  // namespace

std::string grouped(const std::string& fingerprint) {
  std::string out;
  for (std::size_t i = 0; i < fingerprint.size(); i += 4) {
    if (i) out += ' ';
    out += fingerprint.substr(i, 4);
  }
  return out;
}

bool describe(const record::VerifyReport& report, const std::string& source, const std::string& expected_key,
              Say say, std::ostream& out) {
  const std::string expected = expected_key.empty() ? "" : expected_fingerprint(expected_key);
  bool all_ok = true;
  std::size_t signed_count = 0;
  out << say("记录：", "record: ") << source << say("（" + n(report.meetings.size()) + " 场会议）",
                                                  " (" + n(report.meetings.size()) + " meetings)")
      << "\n";
  for (const record::MeetingFinding& m : report.meetings) {
    out << say("会议 " + n(static_cast<std::uint64_t>(m.id)) + "「" + m.title + "」：",
               "meeting " + n(static_cast<std::uint64_t>(m.id)) + " \"" + m.title + "\": ");
    if (m.chain.damage == Damage::none) {
      out << say("哈希链完整，共 " + n(m.events) + " 个事件。", "the hash chain is whole, " + n(m.events) + " events.")
          << "\n";
    } else {
      all_ok = false;
      out << say("哈希链不完整：", "the hash chain is BROKEN: ") << damage_text(m.chain, say) << "\n";
    }
    if (m.checkpoints.empty()) out << "  " << say("没有签名检查点（纪要尚未签署）。", "no signed checkpoint (minutes not signed yet).") << "\n";
    for (const record::CheckpointFinding& c : m.checkpoints) {
      checkpoint_line(c, expected, say, out, all_ok);
      ++signed_count;
    }
    ballots_line(m, say, out, all_ok);
  }
  if (!expected.empty() && signed_count == 0) all_ok = false;
  out << (all_ok ? say("结论：记录完整，签名一致。", "verdict: the record is whole and its signatures match.")
                 : say("结论：记录已被改动或签名不符，见上。", "verdict: the record was altered or a signature does not match; see above."))
      << "\n";
  return all_ok;
}

}  // namespace gavel::record_cli
