// speakers (alias speak) and timer.
#include "parse_groups.hpp"

namespace gavel::cli {

namespace {

Checked<std::uint64_t> request_id(const Args& a, std::size_t index) {
  return a.number(a.positional()[index], "发言申请编号 RID", "the request id RID");
}

}  // namespace

GroupParsed parse_speakers(Words words) {
  return dispatch("speakers", words, {
      {"list", [](Words rest) {
         return with_args(rest, {}, "speakers list", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(0, 0, "", "")) return *e;
           return Action{ListSpeakers{}};
         });
       }},
      {"request", [](Words rest) {
         return with_args(rest, {{"--kind"}, {"--for"}}, "speakers request", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(0, 0, "", "")) return *e;
           auto kind = a.word_flag("--kind", kRequestKinds, v1::REQUEST_CONTRIBUTION);
           if (!kind) return kind.error();
           v1::Command c;
           c.mutable_request_floor()->set_kind(kind.value());
           c.mutable_request_floor()->set_participant_id(a.value("--for"));
           return send(std::move(c));
         });
       }},
      {"withdraw", [](Words rest) {
         return with_args(rest, {}, "speakers withdraw", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(0, 1, "至多一个发言申请 RID", "at most one RID")) return *e;
           std::uint64_t id = 0;
           if (!a.positional().empty()) {
             auto rid = request_id(a, 0);
             if (!rid) return rid.error();
             id = rid.value();
           }
           v1::Command c;
           c.mutable_withdraw_request()->set_request_id(id);
           return send(std::move(c));
         });
       }},
      {"grant", [](Words rest) {
         return with_args(rest, {{"--participant"}}, "speakers grant", [](const Args& a) -> GroupParsed {
           const bool direct = a.has("--participant");
           const std::size_t n = direct ? 0 : 1;
           if (auto e = a.expect(n, n, "发言申请 RID，或 --participant PID", "RID, or --participant PID")) return *e;
           v1::Command c;
           auto* g = c.mutable_grant_floor();
           if (direct) {
             g->set_participant_id(a.value("--participant"));
           } else {
             auto rid = request_id(a, 0);
             if (!rid) return rid.error();
             g->set_request_id(rid.value());
           }
           return send(std::move(c));
         });
       }},
      {"next", [](Words rest) {
         return no_args(rest, "speakers next", [](v1::Command& c) { c.mutable_next_speaker(); });
       }},
      {"move", [](Words rest) {
         return with_args(rest, {}, "speakers move", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(2, 2, "发言申请 RID 和位置 POS", "RID and POS")) return *e;
           auto rid = request_id(a, 0);
           if (!rid) return rid.error();
           auto pos = a.number(a.positional()[1], "位置 POS", "the position POS", UINT32_MAX);
           if (!pos) return pos.error();
           v1::Command c;
           c.mutable_move_request()->set_request_id(rid.value());
           c.mutable_move_request()->set_position(static_cast<std::uint32_t>(pos.value()));
           return send(std::move(c));
         });
       }},
      {"remove", [](Words rest) {
         return with_args(rest, {}, "speakers remove", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "发言申请 RID", "RID")) return *e;
           auto rid = request_id(a, 0);
           if (!rid) return rid.error();
           v1::Command c;
           c.mutable_remove_request()->set_request_id(rid.value());
           return send(std::move(c));
         });
       }},
      {"close", [](Words rest) {
         return no_args(rest, "speakers close", [](v1::Command& c) { c.mutable_close_list(); });
       }},
      {"reopen", [](Words rest) {
         return no_args(rest, "speakers reopen", [](v1::Command& c) { c.mutable_reopen_list(); });
       }},
  });
}

GroupParsed parse_timer(Words words) {
  return dispatch("timer", words, {
      {"pause", [](Words rest) {
         return no_args(rest, "timer pause", [](v1::Command& c) { c.mutable_pause_timer(); });
       }},
      {"resume", [](Words rest) {
         return no_args(rest, "timer resume", [](v1::Command& c) { c.mutable_resume_timer(); });
       }},
      {"extend", [](Words rest) {
         return with_args(rest, {}, "timer extend", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "秒数 SECONDS", "SECONDS")) return *e;
           auto seconds = a.number(a.positional()[0], "秒数 SECONDS", "SECONDS", UINT32_MAX);
           if (!seconds) return seconds.error();
           v1::Command c;
           c.mutable_extend_timer()->set_seconds(static_cast<std::uint32_t>(seconds.value()));
           return send(std::move(c));
         });
       }},
      {"end", [](Words rest) {
         return no_args(rest, "timer end", [](v1::Command& c) { c.mutable_end_speech(); });
       }},
  });
}

}  // namespace gavel::cli
