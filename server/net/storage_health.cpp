#include "storage_health.hpp"

namespace gavel::net {

bool StorageHealth::refused(const core::Error& cause, core::Millis now) {
  if (outage_) return false;
  outage_ = Outage{now, cause};
  return true;
}

store::Commit StorageHealth::trial(core::Millis now, core::Seq seq) const {
  store::Commit commit;
  if (!outage_) return commit;
  commit.audit.push_back({outage_->since, "server", "", "", "storage_refused", outage_->cause.message_en, seq});
  commit.audit.push_back({now, "server", "", "", "storage_restored", "ok", seq});
  return commit;
}

core::Error StorageHealth::refusal() {
  return core::make_error(core::ErrorCode::storage_unavailable,
                          "服务器暂时无法写入记录（磁盘已满或只读），此操作未被受理。会议状态和计时照常显示，"
                          "磁盘恢复后会自动继续，请稍后再试",
                          "the server cannot write its record just now (the disk is full or read-only), so this "
                          "was not accepted. The meeting's state and timers are still shown; it resumes by itself "
                          "once the disk can be written again: try again shortly");
}

}  // namespace gavel::net
