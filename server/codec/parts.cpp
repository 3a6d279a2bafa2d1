#include "parts.hpp"

#include "codec/codec.hpp"
#include "enums.hpp"

namespace gavel::codec {

namespace {
std::vector<core::VoteOption> options_from_wire(const google::protobuf::RepeatedPtrField<v1::VoteOption>& wire) {
  std::vector<core::VoteOption> options;
  for (const v1::VoteOption& o : wire) options.push_back({o.label(), o.description()});
  return options;
}
}  // namespace

void to_wire(const core::VoteSpec& spec, v1::VoteSpec* out) {
  out->set_motion_id(spec.motion_id);
  out->set_question(spec.question);
  out->set_form(to_wire(spec.form));
  out->mutable_options()->Add(spec.options.begin(), spec.options.end());
  out->mutable_option_descriptions()->Add(spec.option_descriptions.begin(), spec.option_descriptions.end());
  out->set_max_choices(spec.max_choices);
  out->set_secret(spec.secret);
  out->set_threshold(to_wire(spec.threshold));
  out->set_abstentions_count(spec.abstentions_count);
  out->set_weighted(spec.weighted);
  out->set_veto_group(spec.veto_group);
  out->set_live_tally(spec.live_tally);
}

core::Result<core::VoteSpec> from_wire(const v1::VoteSpec& wire) {
  auto form = enum_from_wire<core::BallotForm>(wire.form());
  if (!form) return form.error();
  auto threshold = enum_from_wire<core::Threshold>(wire.threshold());
  if (!threshold) return threshold.error();
  return core::VoteSpec{
      .motion_id = wire.motion_id(),
      .question = wire.question(),
      .form = form.value(),
      .options = from_wire(wire.options()),
      .option_descriptions = from_wire(wire.option_descriptions()),
      .max_choices = wire.max_choices(),
      .secret = wire.secret(),
      .threshold = threshold.value(),
      .abstentions_count = wire.abstentions_count(),
      .weighted = wire.weighted(),
      .veto_group = wire.veto_group(),
      .live_tally = wire.live_tally(),
  };
}

void to_wire(const std::vector<core::ChoiceCount>& counts,
             google::protobuf::RepeatedPtrField<v1::ChoiceCount>* out) {
  for (const core::ChoiceCount& c : counts) {
    v1::ChoiceCount* w = out->Add();
    w->set_option(c.option);
    w->set_count(c.count);
    w->set_weight(c.weight);
  }
}

std::vector<core::ChoiceCount> from_wire(const google::protobuf::RepeatedPtrField<v1::ChoiceCount>& wire) {
  std::vector<core::ChoiceCount> counts;
  counts.reserve(static_cast<std::size_t>(wire.size()));
  for (const v1::ChoiceCount& w : wire) counts.push_back({w.option(), w.count(), w.weight()});
  return counts;
}

void to_wire(const core::VoteResult& result, v1::VoteResult* out) {
  out->set_eligible(result.eligible);
  out->set_cast(result.cast);
  out->set_recused(result.recused);
  to_wire(result.counts, out->mutable_counts());
  out->set_rule(to_wire(result.rule));
  to_wire(core::rule_words(result.rule), out->mutable_rule_words());
  out->set_needed(result.needed);
  out->set_outcome(to_wire(result.outcome));
  out->set_quorate_at_open(result.quorate_at_open);
  out->set_quorate_at_close(result.quorate_at_close);
  out->set_vetoed(result.vetoed);
  out->set_chosen_option(result.chosen_option);
  out->mutable_receipts_published()->Reserve(static_cast<int>(result.receipts_published.size()));
  for (std::string_view line : result.receipts_published) out->add_receipts_published(line.data(), line.size());
}

core::Result<core::VoteResult> from_wire(const v1::VoteResult& wire) {
  auto outcome = enum_from_wire<core::Outcome>(wire.outcome());
  if (!outcome) return outcome.error();
  // Logs written before the rule was sent have none: the fold derives it
  // from the vote's spec either way.
  const auto rule = wire.rule() >= v1::RULE_MORE_YES_THAN_NO && wire.rule() <= v1::RULE_NO_BLOCK
                        ? static_cast<core::DecisionRule>(wire.rule())
                        : core::DecisionRule::more_yes_than_no;
  return core::VoteResult{
      .eligible = wire.eligible(),
      .cast = wire.cast(),
      .recused = wire.recused(),
      .counts = from_wire(wire.counts()),
      .rule = rule,
      .needed = wire.needed(),
      .outcome = outcome.value(),
      .quorate_at_open = wire.quorate_at_open(),
      .quorate_at_close = wire.quorate_at_close(),
      .vetoed = wire.vetoed(),
      .chosen_option = wire.chosen_option(),
      .receipts_published = {wire.receipts_published().begin(), wire.receipts_published().end()},
  };
}

void to_wire(const core::MeetingInfo& info, v1::MeetingInfo* out) {
  out->set_title(info.title);
  out->set_date(info.date);
  out->set_place(info.place);
  out->set_chair_name(info.chair_name);
  out->set_secretary_name(info.secretary_name);
  out->set_scheduled_start_ms(info.scheduled_start);
  out->mutable_quorum()->set_min_present(info.quorum.min_present);
  out->mutable_quorum()->set_min_fraction(info.quorum.min_fraction);
  out->mutable_queue_rules()->set_first_time_speakers_first(info.queue_rules.first_time_speakers_first);
  out->mutable_queue_rules()->set_alternate_groups(info.queue_rules.alternate_groups);
  out->set_live_tally_allowed(info.live_tally_allowed);
  if (info.minutes_style != core::MinutesStyle::full) out->set_minutes_style(to_wire(info.minutes_style));
  out->set_wifi_ssid(info.wifi.ssid);
  out->set_wifi_password(info.wifi.password);
  out->set_wifi_security(info.wifi.security);
}

core::MeetingInfo from_wire(const v1::MeetingInfo& wire) {
  return core::MeetingInfo{
      .title = wire.title(),
      .date = wire.date(),
      .place = wire.place(),
      .chair_name = wire.chair_name(),
      .secretary_name = wire.secretary_name(),
      .scheduled_start = wire.scheduled_start_ms(),
      .quorum = {wire.quorum().min_present(), wire.quorum().min_fraction()},
      .queue_rules = {wire.queue_rules().first_time_speakers_first(),
                      wire.queue_rules().alternate_groups()},
      .live_tally_allowed = wire.live_tally_allowed(),
      .minutes_style = wire.minutes_style() == v1::MINUTES_STYLE_DECISIONS ? core::MinutesStyle::decisions
                                                                            : core::MinutesStyle::full,
      .wifi = {wire.wifi_ssid(), wire.wifi_password(), wire.wifi_security()},
  };
}

void to_wire(const core::Participant& participant, v1::Participant* out) {
  out->set_id(participant.id);
  out->set_name(participant.name);
  out->set_group(participant.group);
  out->set_weight(participant.weight);
  out->set_seat(participant.seat);
  out->set_clicker_id(participant.clicker_id);
  out->set_invited(participant.invited);
  out->mutable_invited_items()->Add(participant.invited_items.begin(),
                                    participant.invited_items.end());
}

core::Participant from_wire(const v1::Participant& wire) {
  return core::Participant{
      .id = wire.id(),
      .name = wire.name(),
      .group = wire.group(),
      .weight = wire.weight(),
      .seat = wire.seat(),
      .clicker_id = wire.clicker_id(),
      .invited = wire.invited(),
      .invited_items = from_wire(wire.invited_items()),
  };
}

void to_wire(const core::AgendaItem& item, v1::AgendaItem* out) {
  out->set_id(item.id);
  out->set_title(item.title);
  out->set_background(item.background);
  out->set_proposal(item.proposal);
  out->set_published_ms(item.published);
  out->set_speech_limit_s(item.speech_limit_s);
  out->set_max_speeches_per_person(item.max_speeches_per_person);
  out->set_veto_group(item.veto_group);
  for (const core::VoteOption& o : item.options) {
    v1::VoteOption* w = out->add_options();
    w->set_label(o.label);
    w->set_description(o.description);
  }
}

core::AgendaItem from_wire(const v1::AgendaItem& wire) {
  return core::AgendaItem{
      .id = wire.id(),
      .title = wire.title(),
      .background = wire.background(),
      .proposal = wire.proposal(),
      .published = wire.published_ms(),
      .speech_limit_s = wire.speech_limit_s(),
      .max_speeches_per_person = wire.max_speeches_per_person(),
      .veto_group = wire.veto_group(),
      .options = options_from_wire(wire.options()),
  };
}

void to_wire(const core::Words& words, v1::Wording* out) {
  out->set_zh(words.zh);
  out->set_en(words.en);
}

void to_wire(const core::Notice& notice, v1::Notice* out) {
  out->set_kind(static_cast<v1::NoticeKind>(notice.kind));
  to_wire(notice.words, out->mutable_words());
  out->set_subject(notice.subject);
}

void to_wire(const core::AbsentOpinion& opinion, v1::AbsentOpinion* out) {
  out->set_author(opinion.author);
  out->set_text(opinion.text);
  out->set_received_ms(opinion.received);
}

core::AbsentOpinion from_wire(const v1::AbsentOpinion& wire) {
  return {wire.author(), wire.text(), wire.received_ms()};
}

}  // namespace gavel::codec
