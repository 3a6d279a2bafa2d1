#include "tally.hpp"

#include <algorithm>

namespace gavel::core {

std::vector<std::string> default_options(BallotForm form) {
  switch (form) {
    case BallotForm::yes_no_abstain: return {"赞成", "反对", "弃权"};
    case BallotForm::consensus: return {"同意", "可以接受", "阻止"};
    default: return {};
  }
}

DecisionRule decision_rule(const VoteSpec& spec) {
  const bool with_abstentions = spec.abstentions_count;
  switch (spec.form) {
    case BallotForm::consensus: return DecisionRule::no_block;
    case BallotForm::one_of_n:
    case BallotForm::k_of_n:
      switch (spec.threshold) {
        case Threshold::simple_majority: return DecisionRule::most_votes;
        case Threshold::absolute_majority: return DecisionRule::option_half_of_eligible;
        case Threshold::two_thirds: return DecisionRule::option_two_thirds;
        case Threshold::unanimity: return DecisionRule::option_unanimity;
      }
      return DecisionRule::most_votes;
    case BallotForm::yes_no_abstain: break;
  }
  switch (spec.threshold) {
    case Threshold::simple_majority:
      return with_abstentions ? DecisionRule::half_of_cast : DecisionRule::more_yes_than_no;
    case Threshold::absolute_majority: return DecisionRule::half_of_eligible;
    case Threshold::two_thirds:
      return with_abstentions ? DecisionRule::two_thirds_of_cast : DecisionRule::two_thirds_of_yes_no;
    case Threshold::unanimity: return DecisionRule::unanimity;
  }
  return DecisionRule::more_yes_than_no;
}

std::string veto_group(const VoteSpec& spec, const Item* item) {
  if (spec.form != BallotForm::yes_no_abstain) return {};
  if (!spec.veto_group.empty()) return spec.veto_group;
  return item ? item->info.veto_group : std::string();
}

std::string veto_group(const MeetingState& s, const Vote& vote) {
  return veto_group(vote.spec, s.item(vote.item_id));
}

std::vector<ChoiceCount> count_ballots(const MeetingState& s, const Vote& vote) {
  std::vector<ChoiceCount> counts;
  for (const auto& option : vote.spec.options) counts.push_back({option, 0, 0.0});
  auto add = [&](const std::vector<std::uint32_t>& choices, double weight) {
    for (auto c : choices)
      if (c < counts.size()) {
        ++counts[c].count;
        counts[c].weight += weight;
      }
  };
  for (const auto& [participant, choices] : vote.named) {
    const Member* m = s.member(participant);
    add(choices, m ? m->info.weight : 1.0);
  }
  for (const auto& [receipt, ballot] : vote.secret) add(ballot.choices, ballot.weight);
  return counts;
}

namespace {
bool is_veto(const MeetingState& s, const Vote& vote, const std::string& group) {
  if (group.empty()) return false;
  if (vote.veto_restored || !vote.veto_no.empty()) return true;
  for (const auto& [participant, choices] : vote.named) {
    const Member* m = s.member(participant);
    if (m && m->info.group == group &&
        std::find(choices.begin(), choices.end(), kNo) != choices.end())
      return true;
  }
  return false;
}

double eligible_measure(const MeetingState& s, const Vote& vote) {
  if (!vote.spec.weighted) return static_cast<double>(vote.eligible.size());
  double total = 0;
  for (const auto& id : vote.eligible)
    if (const Member* m = s.member(id)) total += m->info.weight;
  return total;
}

// Ballots cast, or their total weight in a weighted vote.
double cast_measure(const MeetingState& s, const Vote& vote) {
  if (!vote.spec.weighted) return static_cast<double>(vote.voters.size());
  double total = 0;
  for (const auto& [receipt, b] : vote.secret) total += b.weight;
  for (const auto& [participant, c] : vote.named)
    if (const Member* m = s.member(participant)) total += m->info.weight;
  return total;
}

// The measure a threshold needs for "yes" (or the leading option) out of `base`.
bool meets(Threshold t, double votes, double base, double against) {
  switch (t) {
    case Threshold::simple_majority: return votes > base / 2.0 && votes > against;
    case Threshold::absolute_majority: return votes > base / 2.0;
    case Threshold::two_thirds: return base > 0 && votes * 3.0 >= base * 2.0;
    case Threshold::unanimity: return base > 0 && votes >= base;
  }
  return false;
}

double needed_for(Threshold t, double base) {
  switch (t) {
    case Threshold::simple_majority:
    case Threshold::absolute_majority: return base / 2.0;
    case Threshold::two_thirds: return base * 2.0 / 3.0;
    case Threshold::unanimity: return base;
  }
  return base;
}
}  // namespace

VoteResult tally(const MeetingState& s, const Vote& vote, bool quorate_at_close) {
  VoteResult r;
  r.eligible = static_cast<std::uint32_t>(vote.eligible.size());
  r.cast = static_cast<std::uint32_t>(vote.voters.size());
  r.recused = vote.recused;
  r.counts = count_ballots(s, vote);
  r.quorate_at_open = vote.quorate_at_open;
  r.quorate_at_close = quorate_at_close;
  r.rule = decision_rule(vote.spec);
  auto measure = [&](std::size_t i) {
    return vote.spec.weighted ? r.counts[i].weight : static_cast<double>(r.counts[i].count);
  };

  const std::string vetoing = veto_group(s, vote);

  bool carried = false;
  switch (vote.spec.form) {
    case BallotForm::yes_no_abstain: {
      double yes = measure(kYes), no = measure(kNo), abstain = measure(kAbstain);
      double base = yes + no + (vote.spec.abstentions_count ? abstain : 0.0);
      if (vote.spec.threshold == Threshold::absolute_majority) base = eligible_measure(s, vote);
      r.needed = needed_for(vote.spec.threshold, base);
      carried = meets(vote.spec.threshold, yes, base, no);
      r.vetoed = is_veto(s, vote, vetoing);
      break;
    }
    case BallotForm::consensus: {
      bool blocked = r.counts[kBlock].count > 0;
      r.needed = 0;
      carried = !blocked && r.cast > 0;
      // Nobody taking part is no consensus.
      r.outcome = blocked ? Outcome::blocked : carried ? Outcome::carried : Outcome::defeated;
      break;
    }
    case BallotForm::one_of_n:
    case BallotForm::k_of_n: {
      double base = vote.spec.threshold == Threshold::absolute_majority ? eligible_measure(s, vote)
                                                                        : cast_measure(s, vote);
      std::size_t best = 0;
      bool tie = false;
      for (std::size_t i = 1; i < r.counts.size(); ++i) {
        if (measure(i) > measure(best)) { best = i; tie = false; }
        else if (measure(i) == measure(best)) tie = true;
      }
      double runner_up = 0;
      for (std::size_t i = 0; i < r.counts.size(); ++i)
        if (i != best) runner_up = std::max(runner_up, measure(i));
      bool plurality = vote.spec.threshold == Threshold::simple_majority;
      r.needed = plurality ? runner_up : needed_for(vote.spec.threshold, base);
      carried = !r.counts.empty() && !tie && measure(best) > 0 &&
                (plurality || meets(vote.spec.threshold, measure(best), base, runner_up));
      r.chosen_option = carried ? static_cast<std::int32_t>(best) : -1;
      break;
    }
  }
  if (vote.spec.form != BallotForm::consensus) {
    if (r.vetoed) r.outcome = Outcome::vetoed;
    else if (!carried) r.outcome = Outcome::defeated;
    else r.outcome = (vote.spec.form == BallotForm::yes_no_abstain) ? Outcome::carried : Outcome::chosen;
  }
  if (!r.quorate_at_open || !quorate_at_close) r.outcome = Outcome::no_quorum;
  if (vote.spec.secret)
    for (const auto& [receipt, ballot] : vote.secret) {
      std::string line = receipt + "=";
      for (std::size_t i = 0; i < ballot.choices.size(); ++i) {
        if (i) line += ",";
        auto c = ballot.choices[i];
        line += c < vote.spec.options.size() ? vote.spec.options[c] : "?";
      }
      r.receipts_published.push_back(line);
    }
  r.receipts_published.shrink_to_fit();
  return r;
}

}  // namespace gavel::core
