// meeting, item, opinion.
#include "parse_groups.hpp"

namespace gavel::cli {

GroupParsed parse_meeting(Words words) {
  return dispatch("meeting", words, {
      {"start", [](Words rest) {
         return no_args(rest, "meeting start", [](v1::Command& c) { c.mutable_start_meeting(); });
       }},
      {"end", [](Words rest) {
         return with_args(rest, {{"--force", false}}, "meeting end", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(0, 0, "", "")) return *e;
           v1::Command c;
           c.mutable_end_meeting()->set_force(a.has("--force"));
           return send(std::move(c));
         });
       }},
  });
}

GroupParsed parse_item(Words words) {
  return dispatch("item", words, {
      {"open", [](Words rest) {
         return with_args(rest, {}, "item open", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "议程项 ITEM", "ITEM")) return *e;
           v1::Command c;
           c.mutable_open_item()->set_item_id(a.positional()[0]);
           return send(std::move(c));
         });
       }},
      {"close", [](Words rest) {
         return no_args(rest, "item close", [](v1::Command& c) { c.mutable_close_item(); });
       }},
      {"next", [](Words rest) {
         return no_args(rest, "item next", [](v1::Command& c) { c.mutable_next_item(); });
       }},
      {"defer", [](Words rest) {
         return with_args(rest, {}, "item defer", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "议程项 ITEM", "ITEM")) return *e;
           v1::Command c;
           c.mutable_defer_item()->set_item_id(a.positional()[0]);
           return send(std::move(c));
         });
       }},
      {"reopen", [](Words rest) {
         return with_args(rest, {}, "item reopen", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "议程项 ITEM", "ITEM")) return *e;
           v1::Command c;
           c.mutable_reopen_item()->set_item_id(a.positional()[0]);
           return send(std::move(c));
         });
       }},
      {"list", [](Words rest) {
         return with_args(rest, {}, "item list", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(0, 0, "", "")) return *e;
           return Action{ShowList{ListKind::items}};
         });
       }},
  });
}

GroupParsed parse_opinion(Words words) {
  return dispatch("opinion", words, {
      {"add", [](Words rest) {
         return with_args(rest, {{"--author"}}, "opinion add", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(2, SIZE_MAX, "议程项 ITEM 和文本 TEXT", "ITEM and TEXT")) return *e;
           if (a.value("--author").empty()) return a.error("需要 --author NAME", "--author NAME is required");
           v1::Command c;
           auto* o = c.mutable_attach_opinion();
           o->set_item_id(a.positional()[0]);
           o->set_author(a.value("--author"));
           o->set_text(a.text_from(1));
           return send(std::move(c));
         });
       }},
  });
}

}  // namespace gavel::cli
