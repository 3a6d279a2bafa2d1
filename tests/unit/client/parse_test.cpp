// argv -> v1::Command or a usage error, with no server and no files.
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "invocation.hpp"

namespace gavel::cli {
namespace {

using Argv = std::vector<std::string>;

// Every command needs a token source; tests give one so that parsing is all
// that is checked.
Parsed parse(Argv args) {
  args.insert(args.begin(), {"--token", "t0"});
  return parse_command_line(args);
}

std::string describe(const Parsed& p) {
  if (const auto* e = std::get_if<UsageError>(&p)) return "usage error: " + e->message_en;
  if (std::holds_alternative<Help>(p)) return "help";
  return "invocation";
}

struct CommandCase {
  Argv argv;
  std::string expected;  // v1::Command in text format
};

class ParsesToCommand : public testing::TestWithParam<CommandCase> {};

TEST_P(ParsesToCommand, Exactly) {
  const CommandCase& c = GetParam();
  const Parsed parsed = parse(c.argv);
  const auto* invocation = std::get_if<Invocation>(&parsed);
  ASSERT_NE(invocation, nullptr) << describe(parsed);
  const auto* send = std::get_if<SendCommand>(&invocation->action);
  ASSERT_NE(send, nullptr);
  v1::Command expected;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(c.expected, &expected)) << c.expected;
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(send->command, expected))
      << "got: " << send->command.ShortDebugString() << "\nwant: " << expected.ShortDebugString();
}

INSTANTIATE_TEST_SUITE_P(
    Gavelctl, ParsesToCommand,
    testing::Values(
        CommandCase{{"meeting", "start"}, "start_meeting {}"},
        CommandCase{{"meeting", "end"}, "end_meeting {}"},
        CommandCase{{"meeting", "end", "--force"}, "end_meeting { force: true }"},
        CommandCase{{"item", "defer", "corridor"}, R"(defer_item { item_id: "corridor" })"},
        CommandCase{{"item", "reopen", "lift"}, R"(reopen_item { item_id: "lift" })"},
        CommandCase{
            {"vote", "open", "--motion", "2", "--form", "one-of", "--option", "方案A=错峰共享", "--option", "方案B"},
            R"(open_vote { spec { motion_id: 2 form: BALLOT_ONE_OF_N options: "方案A" options: "方案B"
                        option_descriptions: "错峰共享" option_descriptions: ""
                        threshold: THRESHOLD_SIMPLE_MAJORITY } })"},
        CommandCase{{"vote", "open", "--motion", "2", "--form", "one-of"},
                    "open_vote { spec { motion_id: 2 form: BALLOT_ONE_OF_N threshold: THRESHOLD_SIMPLE_MAJORITY } }"},
        CommandCase{{"item", "open", "A2"}, R"(open_item { item_id: "A2" })"},
        CommandCase{{"item", "close"}, "close_item {}"}, CommandCase{{"item", "next"}, "next_item {}"},
        CommandCase{{"opinion", "add", "A1", "--author", "王阿姨", "同意", "加装"},
                    R"(attach_opinion { item_id: "A1" author: "王阿姨" text: "同意 加装" })"},
        CommandCase{{"checkin", "P07"}, R"(check_in { participant_id: "P07" })"},
        CommandCase{{"checkin"}, "check_in {}"},
        CommandCase{{"checkout", "P07"}, R"(check_out { participant_id: "P07" })"},
        CommandCase{{"interest", "declare", "A2", "--participant", "P11"},
                    R"(declare_interest { item_id: "A2" participant_id: "P11" })"},
        CommandCase{{"interest", "declare"}, "declare_interest {}"},
        CommandCase{{"speakers", "request"}, "request_floor { kind: REQUEST_CONTRIBUTION }"},
        CommandCase{{"speakers", "request", "--kind", "point-of-order", "--for", "P03"},
                    R"(request_floor { kind: REQUEST_POINT_OF_ORDER participant_id: "P03" })"},
        CommandCase{{"speak", "request", "--kind=contra"}, "request_floor { kind: REQUEST_CONTRA }"},
        CommandCase{{"speakers", "withdraw"}, "withdraw_request {}"},
        CommandCase{{"speakers", "withdraw", "12"}, "withdraw_request { request_id: 12 }"},
        CommandCase{{"speakers", "grant", "12"}, "grant_floor { request_id: 12 }"},
        CommandCase{{"speakers", "grant", "--participant", "P07"},
                    R"(grant_floor { participant_id: "P07" })"},
        CommandCase{{"speakers", "next"}, "next_speaker {}"},
        CommandCase{{"speakers", "move", "12", "0"}, "move_request { request_id: 12 position: 0 }"},
        CommandCase{{"speakers", "remove", "12"}, "remove_request { request_id: 12 }"},
        CommandCase{{"speakers", "close"}, "close_list {}"},
        CommandCase{{"speakers", "reopen"}, "reopen_list {}"},
        CommandCase{{"timer", "pause"}, "pause_timer {}"},
        CommandCase{{"timer", "resume"}, "resume_timer {}"},
        CommandCase{{"timer", "extend", "60"}, "extend_timer { seconds: 60 }"},
        CommandCase{{"timer", "end"}, "end_speech {}"},
        CommandCase{{"dissent", "add", "电梯噪音"},
                    R"(record_dissent { kind: DISSENT_DISAGREEMENT text: "电梯噪音" })"},
        CommandCase{
            {"dissent", "add", "--item", "A2", "--kind", "objection", "--who", "P03", "噪音", "太大"},
            R"(record_dissent { item_id: "A2" kind: DISSENT_OBJECTION participant_id: "P03" text: "噪音 太大" })"},
        CommandCase{{"dissent", "add", "--kind", "minority", "--anonymous", "不同意"},
                    R"(record_dissent { kind: DISSENT_MINORITY anonymous: true text: "不同意" })"},
        CommandCase{{"dissent", "reply", "3", "加装隔音层"},
                    R"(reply_dissent { dissent_id: 3 reply: "加装隔音层" })"},
        CommandCase{{"motion", "propose", "同意加装电梯"}, R"(propose_motion { text: "同意加装电梯" })"},
        CommandCase{{"motion", "propose", "--amends", "1", "--mover", "P03", "费用", "分摊"},
                    R"(propose_motion { text: "费用 分摊" amends: 1 mover_id: "P03" })"},
        CommandCase{{"motion", "second", "1"}, "second_motion { motion_id: 1 }"},
        CommandCase{{"motion", "second", "1", "--seconder", "P05"},
                    R"(second_motion { motion_id: 1 seconder_id: "P05" })"},
        CommandCase{{"motion", "withdraw", "2"}, "withdraw_motion { motion_id: 2 }"},
        CommandCase{{"vote", "open", "--motion", "1"},
                    "open_vote { spec { motion_id: 1 form: BALLOT_YES_NO_ABSTAIN threshold: "
                    "THRESHOLD_SIMPLE_MAJORITY } }"},
        CommandCase{
            {"vote", "open", "--motion", "1", "--secret", "--threshold", "two-thirds", "--abstentions-count",
             "--weighted", "--veto-group", "老年居民", "--live-tally", "--question", "加装电梯?"},
            R"(open_vote { spec { motion_id: 1 question: "加装电梯?" form: BALLOT_YES_NO_ABSTAIN secret: true
                        threshold: THRESHOLD_TWO_THIRDS abstentions_count: true weighted: true veto_group: "老年居民"
                        live_tally: true } })"},
        CommandCase{
            {"vote", "open", "--motion", "2", "--form", "one-of", "--option", "方案甲", "--option", "方案乙"},
            R"(open_vote { spec { motion_id: 2 form: BALLOT_ONE_OF_N options: "方案甲" options: "方案乙"
                        threshold: THRESHOLD_SIMPLE_MAJORITY } })"},
        CommandCase{
            {"vote", "open", "--motion", "2", "--form", "k-of", "--option", "a", "--option", "b", "--option",
             "c", "--max", "2"},
            R"(open_vote { spec { motion_id: 2 form: BALLOT_K_OF_N options: "a" options: "b" options: "c"
                        max_choices: 2 threshold: THRESHOLD_SIMPLE_MAJORITY } })"},
        CommandCase{
            {"vote", "open", "--motion", "3", "--form", "consensus", "--threshold", "unanimous"},
            "open_vote { spec { motion_id: 3 form: BALLOT_CONSENSUS threshold: THRESHOLD_UNANIMITY } }"},
        CommandCase{{"vote", "close"}, "close_vote {}"},
        CommandCase{
            {"resolution", "add", "--motion", "1", "--responsible", "物业公司", "--deadline", "2027-03-31"},
            R"(record_resolution { motion_id: 1 responsible: "物业公司" deadline: "2027-03-31" })"},
        CommandCase{
            {"resolution", "add", "--motion", "1", "--responsible", "物业", "--deadline", "2027-03-31",
             "三月底前完工"},
            R"(record_resolution { motion_id: 1 responsible: "物业" deadline: "2027-03-31" text: "三月底前完工" })"},
        CommandCase{{"minutes", "sign", "王芳"}, R"(sign_minutes { signed_by: "王芳" })"},
        // A lone "--" lets text start with a dash.
        CommandCase{{"dissent", "add", "--", "--不同意--"},
                    R"(record_dissent { kind: DISSENT_DISAGREEMENT text: "--不同意--" })"}));

struct UsageCase {
  Argv argv;
  std::string message;  // a part of the message
};

class RefusedAsUsage : public testing::TestWithParam<UsageCase> {};

TEST_P(RefusedAsUsage, WithAClearMessage) {
  const UsageCase& c = GetParam();
  const Parsed parsed = parse(c.argv);
  const auto* error = std::get_if<UsageError>(&parsed);
  ASSERT_NE(error, nullptr) << describe(parsed);
  EXPECT_NE(error->message_en.find(c.message), std::string::npos) << error->message_en;
}

INSTANTIATE_TEST_SUITE_P(
    Gavelctl, RefusedAsUsage,
    testing::Values(
        UsageCase{{}, "no command given"}, UsageCase{{"frobnicate"}, "unknown command 'frobnicate'"},
        UsageCase{{"item"}, "item: expected open|close|next"},
        UsageCase{{"item", "shut"}, "unknown subcommand 'shut'"},
        UsageCase{{"item", "open"}, "item open: expected ITEM"},
        UsageCase{{"item", "open", "A1", "A2"}, "too many arguments"},
        UsageCase{{"item", "close", "A1"}, "unexpected argument 'A1'"},
        UsageCase{{"meeting", "start", "--now"}, "unknown option --now"},
        UsageCase{{"opinion", "add", "A1", "text"}, "--author NAME is required"},
        UsageCase{{"speakers", "request", "--kind", "loud"},
                  "--kind must be one of contribution|pro|contra|reply|point-of-order"},
        UsageCase{{"speakers", "request", "--kind"}, "--kind needs a value"},
        UsageCase{{"speakers", "grant"}, "expected RID, or --participant PID"},
        UsageCase{{"speakers", "grant", "x"}, "the request id RID must be a whole number"},
        UsageCase{{"speakers", "move", "1"}, "expected RID and POS"},
        UsageCase{{"speakers", "move", "1", "-1"}, "unknown option -1"},
        UsageCase{{"timer", "extend", "5000000000"}, "SECONDS must be a whole number up to 4294967295"},
        UsageCase{{"timer", "extend", "1.5"}, "SECONDS must be a whole number"},
        UsageCase{{"dissent", "add"}, "expected TEXT"},
        UsageCase{{"dissent", "add", "--who", "P1", "--anonymous", "x"},
                  "--who and --anonymous exclude each other"},
        UsageCase{{"dissent", "add", "--anonymous=yes", "x"}, "--anonymous takes no value"},
        UsageCase{{"motion", "second"}, "expected MID"},
        UsageCase{{"vote", "open"}, "--motion MID is required"},
        UsageCase{{"vote", "open", "--motion", "1", "--form", "ranked"},
                  "--form must be one of yes-no|one-of|k-of|consensus"},
        UsageCase{{"vote", "open", "--motion", "1", "--option", "a", "--option", "b"},
                  "--option is for --form one-of or k-of"},
        UsageCase{{"vote", "open", "--motion", "1", "--form", "one-of", "--option", "a"},
                  "needs two or more --option"},
        UsageCase{{"vote", "open", "--motion", "1", "--form", "k-of", "--option", "a", "--option", "b"},
                  "needs --max N"},
        UsageCase{{"vote", "open", "--motion", "1", "--max", "2"}, "--max is for --form k-of"},
        UsageCase{{"vote", "cast"}, "expected one CHOICE or more"},
        UsageCase{{"resolution", "add", "--responsible", "x", "--deadline", "2027-01-01"},
                  "--motion MID is required"},
        UsageCase{{"resolution", "add", "--motion", "1", "--deadline", "2027-01-01"},
                  "--responsible WHO is required"},
        UsageCase{{"resolution", "add", "--motion", "1", "--responsible", "x", "--deadline", "next week"},
                  "--deadline must be a date like 2027-03-31"},
        UsageCase{{"minutes", "sign"}, "expected NAME"},
        UsageCase{{"watch", "--resume", "abc"}, "--resume must be a whole number"},
        UsageCase{{"watch", "--resume", "0"}, "--resume SEQ must be 1 or more"},
        UsageCase{{"--role", "participant", "status"}, "--role must be chair, secretary or display"},
        UsageCase{{"--timeout", "0", "status"}, "--timeout must be a number of seconds"},
        UsageCase{{"--insecure", "--ca", "ca.pem", "status"}, "--insecure and --ca exclude each other"},
        UsageCase{{"status", "--server"}, "--server needs a value"},
        UsageCase{{"--as", "p07", "checkin"}, "--as PID reads participants.csv beside the access file"}));

TEST(Gavelctl, NeedsATokenSource) {
  const Parsed parsed = parse_command_line({"status"});
  const auto* error = std::get_if<UsageError>(&parsed);
  ASSERT_NE(error, nullptr);
  EXPECT_NE(error->message_en.find("no token"), std::string::npos);
  EXPECT_TRUE(
      std::holds_alternative<Invocation>(parse_command_line({"status"}, {"", "", "data/access.json", "", ""})));
  EXPECT_TRUE(std::holds_alternative<Invocation>(parse_command_line({"status"}, {"", "tok", "", "", ""})));
}

TEST(Gavelctl, GlobalOptionsAnywhere) {
  const Parsed parsed = parse_command_line({"item", "open", "--json", "A1", "--server", "wss://room:8443/",
                                            "--access=data/access.json", "--role", "secretary", "--ca",
                                            "ca.pem", "--timeout", "9"});
  const auto* invocation = std::get_if<Invocation>(&parsed);
  ASSERT_NE(invocation, nullptr) << describe(parsed);
  const GlobalOptions& o = invocation->options;
  EXPECT_TRUE(o.json);
  EXPECT_EQ(o.server, "wss://room:8443/");
  EXPECT_EQ(o.access_path, "data/access.json");
  EXPECT_EQ(o.role, v1::ROLE_SECRETARY);
  EXPECT_EQ(o.tls.ca_file, "ca.pem");
  EXPECT_FALSE(o.tls.insecure);
  EXPECT_EQ(o.timeout, std::chrono::seconds(9));
  EXPECT_EQ(std::get<SendCommand>(invocation->action).command.open_item().item_id(), "A1");
}

TEST(Gavelctl, ActAsAParticipant) {
  const Parsed parsed =
      parse_command_line({"--access", "data/access.json", "--as", "p07", "vote", "cast", "yes"});
  const auto* invocation = std::get_if<Invocation>(&parsed);
  ASSERT_NE(invocation, nullptr) << describe(parsed);
  EXPECT_EQ(invocation->options.as_participant, "p07");
}

TEST(Gavelctl, SpeaksChineseByDefaultAndEnglishOnRequest) {
  auto lang_of = [](Argv argv, Environment env) {
    const Parsed parsed = parse_command_line(argv, env);
    return std::get<Invocation>(parsed).options.lang;
  };
  EXPECT_EQ(lang_of({"--token", "t", "status"}, {}), Lang::zh);
  EXPECT_EQ(lang_of({"--token", "t", "status"}, {"", "", "", "", "C.UTF-8"}), Lang::zh);
  EXPECT_EQ(lang_of({"--token", "t", "status"}, {"", "", "", "", "en_GB.UTF-8"}), Lang::en);
  EXPECT_EQ(lang_of({"--token", "t", "status"}, {"", "", "", "zh_CN.UTF-8", "en_US.UTF-8"}), Lang::zh)
      << "LC_ALL wins over LANG";
  EXPECT_EQ(lang_of({"--lang", "en", "--token", "t", "status"}, {}), Lang::en);
  EXPECT_EQ(lang_of({"--token", "t", "status", "--lang=zh"}, {"", "", "", "", "en_US"}), Lang::zh);
  const Parsed bad = parse_command_line({"--lang", "fr", "status"});
  ASSERT_TRUE(std::holds_alternative<UsageError>(bad));
  EXPECT_NE(std::get<UsageError>(bad).message_en.find("--lang must be zh or en"), std::string::npos);
}

TEST(Gavelctl, HelpIsInChineseByDefault) {
  const Parsed overview = parse_command_line({"--help"});
  ASSERT_TRUE(std::holds_alternative<Help>(overview));
  EXPECT_NE(std::get<Help>(overview).text.find("用法：gavelctl"), std::string::npos);
  const Parsed vote = parse_command_line({"vote", "--help"});
  ASSERT_TRUE(std::holds_alternative<Help>(vote));
  EXPECT_NE(std::get<Help>(vote).text.find("开始表决"), std::string::npos);
  const Parsed english = parse_command_line({"--lang", "en", "vote", "--help"});
  EXPECT_NE(std::get<Help>(english).text.find("opens a vote"), std::string::npos);
}

TEST(Gavelctl, ListsAndTheYesSwitch) {
  auto action_of = [](Argv argv) { return std::get<Invocation>(parse_command_line(argv)).action; };
  EXPECT_EQ(std::get<ShowList>(action_of({"--token", "t", "items", "list"})).kind, ListKind::items);
  EXPECT_EQ(std::get<ShowList>(action_of({"--token", "t", "item", "list"})).kind, ListKind::items);
  EXPECT_EQ(std::get<ShowList>(action_of({"--token", "t", "dissent", "list"})).kind, ListKind::dissent);
  EXPECT_EQ(std::get<ShowList>(action_of({"--token", "t", "resolutions", "list"})).kind, ListKind::resolutions);
  EXPECT_EQ(std::get<ShowList>(action_of({"--token", "t", "opinions", "list"})).kind, ListKind::opinions);
  EXPECT_TRUE(std::holds_alternative<UsageError>(parse_command_line({"--token", "t", "opinions", "show"})));
  const Parsed yes = parse_command_line({"--token", "t", "--yes", "meeting", "end"});
  EXPECT_TRUE(std::get<Invocation>(yes).options.yes);
}

TEST(Gavelctl, OptionsBeatTheEnvironment) {
  const Parsed parsed = parse_command_line({"--server", "http://b/", "status"}, {"http://a/", "ta", "", "", ""});
  const auto& o = std::get<Invocation>(parsed).options;
  EXPECT_EQ(o.server, "http://b/");
  EXPECT_EQ(o.token, "ta");
}

TEST(Gavelctl, ReadOnlyCommands) {
  EXPECT_TRUE(std::holds_alternative<ShowStatus>(std::get<Invocation>(parse({"status"})).action));
  EXPECT_TRUE(std::holds_alternative<ShowRoster>(std::get<Invocation>(parse({"roster"})).action));
  EXPECT_TRUE(std::holds_alternative<ListSpeakers>(std::get<Invocation>(parse({"speakers", "list"})).action));
  const auto watch = std::get<Watch>(std::get<Invocation>(parse({"watch"})).action);
  EXPECT_FALSE(watch.resume_after);
  const auto resumed = std::get<Watch>(std::get<Invocation>(parse({"watch", "--resume", "41"})).action);
  EXPECT_EQ(resumed.resume_after, 41u);
}

TEST(Gavelctl, ClickerRequestsBecomeFleetRequests) {
  auto admin = [](Argv args) { return std::get<ManageClickers>(std::get<Invocation>(parse(args)).action).admin; };
  auto pair = admin({"clicker", "pair", "CK-07", "P07"});
  ASSERT_TRUE(pair.has_pair());
  EXPECT_EQ(pair.pair().device_id(), "CK-07");
  EXPECT_EQ(pair.pair().participant_id(), "P07");
  EXPECT_EQ(admin({"clicker", "revoke", "BS-2"}).revoke(), "BS-2");
  EXPECT_TRUE(admin({"clicker", "list"}).has_list());
  auto add = admin({"clicker", "add", "R-1", "R-2", "--base", "BS-1"});
  EXPECT_EQ(add.enroll().device_ids_size(), 2);
  EXPECT_EQ(add.enroll().base_id(), "BS-1");
  EXPECT_TRUE(admin({"clicker", "add", "S-1", "--pool"}).enroll().pool());
  EXPECT_TRUE(admin({"clicker", "lend", "S-1", "P03"}).has_lend());
  EXPECT_TRUE(std::holds_alternative<UsageError>(parse({"clicker", "pair", "CK-07"})));
  EXPECT_TRUE(std::holds_alternative<UsageError>(parse({"clicker", "add"})));
}

TEST(Gavelctl, VoteCastKeepsChoicesForTheSnapshot) {
  const Parsed parsed = parse(
      {"vote", "cast", "1", "方案乙", "--reason", "r", "--receipt", "R1", "--press-id", "p9", "--vote", "4"});
  const CastVote& cast = std::get<CastVote>(std::get<Invocation>(parsed).action);
  EXPECT_EQ(cast.choices, (std::vector<std::string>{"1", "方案乙"}));
  EXPECT_EQ(cast.reason, "r");
  EXPECT_EQ(cast.receipt, "R1");
  EXPECT_EQ(cast.press_id, "p9");
  EXPECT_EQ(cast.vote_id, 4u);
}

TEST(Gavelctl, HelpEverywhere) {
  for (const Argv& argv : {Argv{"--help"}, Argv{"-h"}, Argv{"help"}, Argv{"help", "vote"},
                           Argv{"vote", "--help"}, Argv{"vote", "open", "--help"}, Argv{"--help", "vote"},
                           Argv{"speakers", "grant", "-h"}, Argv{"checkout", "--help"},
                           Argv{"timer", "pause", "--help"}, Argv{"status", "--help"}, Argv{"watch", "-h"}}) {
    const Parsed parsed = parse_command_line(argv);
    const auto* help = std::get_if<Help>(&parsed);
    ASSERT_NE(help, nullptr) << argv.front() << ": " << describe(parsed);
    EXPECT_FALSE(help->text.empty());
  }
  const auto vote_help = std::get<Help>(parse_command_line({"vote", "cast", "--help"})).text;
  EXPECT_NE(vote_help.find("gavelctl vote open"), std::string::npos);
  const auto overview = std::get<Help>(parse_command_line({"--help"})).text;
  for (const char* command :
       {"meeting", "item", "opinion", "checkin", "interest", "speakers", "timer", "dissent", "motion", "vote",
        "resolution", "minutes", "status", "roster", "watch"}) {
    EXPECT_NE(overview.find(std::string("  ") + command), std::string::npos) << command;
    EXPECT_TRUE(std::holds_alternative<Help>(parse_command_line({"help", command}))) << command;
  }
}

TEST(Gavelctl, UsageErrorsNameTheirTopic) {
  EXPECT_EQ(std::get<UsageError>(parse({"vote", "open"})).topic, "vote");
  EXPECT_EQ(std::get<UsageError>(parse({"speakers", "grant"})).topic, "speakers");
  EXPECT_EQ(std::get<UsageError>(parse({"nope"})).topic, "");
}

// Each usage error carries both texts; the reader's language picks one.
TEST(Gavelctl, UsageErrorsAreInChineseByDefault) {
  const auto usage = [](Argv argv, const Environment& env = {}) {
    argv.insert(argv.begin(), {"--token", "t0"});
    return std::get<UsageError>(parse_command_line(argv, env));
  };
  const UsageError command = usage({"frobnicate"});
  EXPECT_EQ(command.lang, Lang::zh);
  EXPECT_EQ(command.message(command.lang), "未知命令 'frobnicate'");
  EXPECT_EQ(command.message(Lang::en), "unknown command 'frobnicate'");

  const UsageError option = usage({"vote", "open", "--deadline", "x"});
  EXPECT_EQ(option.message(Lang::zh), "vote open：未知选项 --deadline");
  EXPECT_EQ(option.message(Lang::en), "vote open: unknown option --deadline");

  const UsageError deadline =
      usage({"resolution", "add", "--motion", "1", "--responsible", "x", "--deadline", "next week"});
  EXPECT_EQ(deadline.message(Lang::zh),
            "resolution add：--deadline 应为 2027-03-31 这样的日期，而不是 'next week'");
  EXPECT_EQ(deadline.message(Lang::en),
            "resolution add: --deadline must be a date like 2027-03-31, not 'next week'");

  EXPECT_EQ(usage({"--lang", "en", "frobnicate"}).lang, Lang::en);
  EXPECT_EQ(usage({"frobnicate"}, {"", "", "", "", "en_GB.UTF-8"}).lang, Lang::en);
}

}  // namespace
}  // namespace gavel::cli
