// motion and vote: Robert's Rules, from a motion to its ballots.
#include "parse_groups.hpp"

namespace gavel::cli {

namespace {

Checked<std::uint64_t> motion_id(const Args& a, std::size_t index) {
  return a.number(a.positional()[index], "动议编号 MID", "the motion id MID");
}

GroupParsed open_vote(const Args& a) {
  if (auto e = a.expect(0, 0, "", "")) return *e;
  if (!a.has("--motion")) return a.error("需要 --motion MID", "--motion MID is required");
  auto motion = a.number(a.value("--motion"), "--motion", "--motion");
  if (!motion) return motion.error();
  auto form = a.word_flag("--form", kBallotForms, v1::BALLOT_YES_NO_ABSTAIN);
  if (!form) return form.error();
  auto threshold = a.word_flag("--threshold", kThresholds, v1::THRESHOLD_SIMPLE_MAJORITY);
  if (!threshold) return threshold.error();
  auto max = a.number_flag("--max", 0, UINT32_MAX);
  if (!max) return max.error();

  const std::vector<std::string> options = a.values("--option");
  const bool fixed = form.value() == v1::BALLOT_YES_NO_ABSTAIN || form.value() == v1::BALLOT_CONSENSUS;
  if (fixed && !options.empty()) {
    const std::string given = to_word(kBallotForms, form.value());
    return a.error("--option 只用于 --form one-of 或 k-of；" + given + " 已有固定选项",
                   "--option is for --form one-of or k-of; " + given + " has its options already");
  }
  // None: the server takes the item's options from the meeting file.
  if (!fixed && options.size() == 1) {
    const std::string given = to_word(kBallotForms, form.value());
    return a.error("--form " + given + " 需要两个或更多 --option，或一个都不给，以使用会议文件中该议程项的选项",
                   "--form " + given +
                       " needs two or more --option, or none to use the item's options from the meeting file");
  }
  if (form.value() == v1::BALLOT_K_OF_N) {
    if (max.value() == 0) {
      return a.error("--form k-of 需要 --max N，即每张选票最多可选几项",
                     "--form k-of needs --max N, how many options a ballot may choose");
    }
  } else if (a.has("--max")) {
    return a.error("--max 只用于 --form k-of", "--max is for --form k-of");
  }

  v1::Command c;
  v1::VoteSpec* spec = c.mutable_open_vote()->mutable_spec();
  spec->set_motion_id(motion.value());
  spec->set_question(a.value("--question"));
  spec->set_form(form.value());
  // "方案A=与商场错峰共享": a label and its short description.
  bool described = false;
  for (const std::string& option : options) {
    const auto eq = option.find('=');
    spec->add_options(option.substr(0, eq));
    described = described || eq != std::string::npos;
  }
  if (described)
    for (const std::string& option : options) {
      const auto eq = option.find('=');
      spec->add_option_descriptions(eq == std::string::npos ? std::string() : option.substr(eq + 1));
    }
  spec->set_max_choices(static_cast<std::uint32_t>(max.value()));
  spec->set_secret(a.has("--secret"));
  spec->set_threshold(threshold.value());
  spec->set_abstentions_count(a.has("--abstentions-count"));
  spec->set_weighted(a.has("--weighted"));
  spec->set_veto_group(a.value("--veto-group"));
  spec->set_live_tally(a.has("--live-tally"));
  return send(std::move(c));
}

GroupParsed propose_motion(const Args& a) {
  if (auto e = a.expect(1, SIZE_MAX, "文本 TEXT", "TEXT")) return *e;
  auto amends = a.number_flag("--amends", 0);
  if (!amends) return amends.error();
  v1::Command c;
  auto* m = c.mutable_propose_motion();
  m->set_text(a.text_from(0));
  m->set_amends(amends.value());
  m->set_mover_id(a.value("--mover"));
  return send(std::move(c));
}

GroupParsed cast_vote(const Args& a) {
  if (auto e = a.expect(1, SIZE_MAX, "至少一个选项 CHOICE", "one CHOICE or more")) return *e;
  auto vote = a.number_flag("--vote", 0);
  if (!vote) return vote.error();
  CastVote cast;
  cast.choices = a.positional();
  cast.vote_id = vote.value();
  cast.reason = a.value("--reason");
  cast.receipt = a.value("--receipt");
  cast.press_id = a.value("--press-id");
  return Action{std::move(cast)};
}

}  // namespace

GroupParsed parse_motion(Words words) {
  return dispatch("motion", words, {
      {"propose", [](Words rest) {
         return with_args(rest, {{"--amends"}, {"--mover"}}, "motion propose", propose_motion);
       }},
      {"second", [](Words rest) {
         return with_args(rest, {{"--seconder"}}, "motion second", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "动议编号 MID", "MID")) return *e;
           auto id = motion_id(a, 0);
           if (!id) return id.error();
           v1::Command c;
           c.mutable_second_motion()->set_motion_id(id.value());
           c.mutable_second_motion()->set_seconder_id(a.value("--seconder"));
           return send(std::move(c));
         });
       }},
      {"withdraw", [](Words rest) {
         return with_args(rest, {}, "motion withdraw", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "动议编号 MID", "MID")) return *e;
           auto id = motion_id(a, 0);
           if (!id) return id.error();
           v1::Command c;
           c.mutable_withdraw_motion()->set_motion_id(id.value());
           return send(std::move(c));
         });
       }},
  });
}

GroupParsed parse_vote(Words words) {
  return dispatch("vote", words, {
      {"open", [](Words rest) {
         return with_args(rest,
                          {{"--motion"}, {"--question"}, {"--form"}, {"--option"}, {"--max"},
                           {"--secret", false}, {"--threshold"}, {"--abstentions-count", false},
                           {"--weighted", false}, {"--veto-group"}, {"--live-tally", false}},
                          "vote open", open_vote);
       }},
      {"close", [](Words rest) {
         return no_args(rest, "vote close", [](v1::Command& c) { c.mutable_close_vote(); });
       }},
      {"cast", [](Words rest) {
         return with_args(rest, {{"--reason"}, {"--receipt"}, {"--press-id"}, {"--vote"}}, "vote cast",
                          cast_vote);
       }},
  });
}

}  // namespace gavel::cli
