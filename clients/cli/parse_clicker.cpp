// clicker list|add|pair|unpair|revoke|lend: the chair's fleet requests.
#include "parse_groups.hpp"

namespace gavel::cli {

namespace {
GroupParsed manage(v1::ClickerAdmin admin) { return Action{ManageClickers{std::move(admin)}}; }

// DEVICE PID, into `pair` (for pair and lend alike).
std::optional<UsageError> device_and_person(const Args& a, v1::ClickerPair* pair) {
  if (auto e = a.expect(2, 2, "设备 DEVICE 和参会人 PID", "DEVICE PID")) return e;
  pair->set_device_id(a.positional()[0]);
  pair->set_participant_id(a.positional()[1]);
  return std::nullopt;
}
}  // namespace

GroupParsed parse_clicker(Words words) {
  return dispatch("clicker", words, {
      {"list", [](Words rest) {
         return with_args(rest, {}, "clicker list", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(0, 0, "", "")) return *e;
           v1::ClickerAdmin admin;
           admin.mutable_list();
           return manage(std::move(admin));
         });
       }},
      {"add", [](Words rest) {
         return with_args(rest, {{"--base"}, {"--pool", false}}, "clicker add", [](const Args& a) -> GroupParsed {
           if (a.positional().empty() && !a.has("--base")) {
             return a.error("请给出设备编号 DEVICE 或 --base BASE", "give DEVICE ids (or --base BASE)");
           }
           v1::ClickerAdmin admin;
           v1::ClickerEnroll* enroll = admin.mutable_enroll();
           for (const std::string& id : a.positional()) enroll->add_device_ids(id);
           enroll->set_base_id(a.value("--base"));
           enroll->set_pool(a.has("--pool"));
           return manage(std::move(admin));
         });
       }},
      {"pair", [](Words rest) {
         return with_args(rest, {}, "clicker pair", [](const Args& a) -> GroupParsed {
           v1::ClickerAdmin admin;
           if (auto e = device_and_person(a, admin.mutable_pair())) return *e;
           return manage(std::move(admin));
         });
       }},
      {"lend", [](Words rest) {
         return with_args(rest, {}, "clicker lend", [](const Args& a) -> GroupParsed {
           v1::ClickerAdmin admin;
           if (auto e = device_and_person(a, admin.mutable_lend())) return *e;
           return manage(std::move(admin));
         });
       }},
      {"unpair", [](Words rest) {
         return with_args(rest, {}, "clicker unpair", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "设备 DEVICE", "DEVICE")) return *e;
           v1::ClickerAdmin admin;
           admin.set_unpair(a.positional()[0]);
           return manage(std::move(admin));
         });
       }},
      {"revoke", [](Words rest) {
         return with_args(rest, {}, "clicker revoke", [](const Args& a) -> GroupParsed {
           if (auto e = a.expect(1, 1, "设备 DEVICE 或基站 BASE", "DEVICE or BASE")) return *e;
           v1::ClickerAdmin admin;
           admin.set_revoke(a.positional()[0]);
           return manage(std::move(admin));
         });
       }},
  });
}

}  // namespace gavel::cli
