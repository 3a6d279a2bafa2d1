// checkin, checkout, interest.
#include "parse_groups.hpp"

namespace gavel::cli {

GroupParsed parse_checkin(Words words) {
  return with_args(words, {}, "checkin", [](const Args& a) -> GroupParsed {
    if (auto e = a.expect(0, 1, "至多一个参会人 PID", "at most one PID")) return *e;
    v1::Command c;
    c.mutable_check_in()->set_participant_id(a.text_from(0));
    return send(std::move(c));
  });
}

GroupParsed parse_checkout(Words words) {
  return with_args(words, {}, "checkout", [](const Args& a) -> GroupParsed {
    if (auto e = a.expect(0, 1, "至多一个参会人 PID", "at most one PID")) return *e;
    v1::Command c;
    c.mutable_check_out()->set_participant_id(a.text_from(0));
    return send(std::move(c));
  });
}

GroupParsed parse_interest(Words words) {
  return dispatch("interest", words, {
      {"declare", [](Words rest) {
         return with_args(rest, {{"--participant"}}, "interest declare", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(0, 1, "至多一个议程项 ITEM", "at most one ITEM")) return *e;
           v1::Command c;
           auto* d = c.mutable_declare_interest();
           d->set_item_id(a.text_from(0));
           d->set_participant_id(a.value("--participant"));
           return send(std::move(c));
         });
       }},
  });
}

}  // namespace gavel::cli
