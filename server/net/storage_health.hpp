// Whether gaveld can write its record right now. When the disk refuses a
// write (full, or gone read-only) the hall stops taking commands, since
// nothing unrecorded may be acknowledged, keeps serving the state it has
// rebuilt from the record, and tries the disk again now and then; this unit
// keeps that state, the refusal clients get, and what goes in the audit
// trail once writing works again.
#pragma once

#include <optional>

#include "core/result.hpp"
#include "store/meeting_store.hpp"

namespace gavel::net {

class StorageHealth {
 public:
  // How long between tries while the disk refuses writes.
  static constexpr core::Millis kRetryEvery = 500;

  bool writable() const { return !outage_; }
  // The disk refused a write. True for the first refusal of an outage: the
  // hall then rebuilds its state from the record.
  bool refused(const core::Error& cause, core::Millis now);
  // A try after an outage was written: what the outage was, for the audit trail.
  store::Commit trial(core::Millis now, core::Seq seq) const;
  void restored() { outage_.reset(); }

  // What a command gets while the disk refuses writes.
  static core::Error refusal();

 private:
  struct Outage {
    core::Millis since = 0;
    core::Error cause;
  };
  std::optional<Outage> outage_;
};

}  // namespace gavel::net
