// Renders the minutes' files away from the hall's strand. A PDF takes a few
// hundred milliseconds and the record's JSON reads the database; on the
// strand, every acknowledgement in the room would wait for them. One worker
// thread takes the jobs in order and posts each result back through `post`
// (the hall's strand), where the reply is sent. print() is called on the
// strand; the jobs run on the worker and must not touch the hall.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "core/result.hpp"
#include "minutes/desk.hpp"

namespace gavel::net {

class MinutesPrinter {
 public:
  using Post = std::function<void(std::function<void()>)>;
  using Job = std::function<core::Result<minutes::MinutesFile>()>;
  using Done = std::function<void(core::Result<minutes::MinutesFile>)>;
  // Jobs waiting beyond this are refused: exports are rare, a queue this
  // long means someone is hammering the button.
  static constexpr std::size_t kMaxWaiting = 8;

  explicit MinutesPrinter(Post post);
  // Finishes the job in hand (its result is still posted), drops the ones
  // waiting, and joins the worker.
  ~MinutesPrinter();
  MinutesPrinter(const MinutesPrinter&) = delete;
  MinutesPrinter& operator=(const MinutesPrinter&) = delete;

  // Queues `job`; `done` gets its result through `post`. A full queue is
  // refused at once (`done` is then called directly, on the caller's thread).
  void print(Job job, Done done);

 private:
  struct Order {
    Job job;
    Done done;
  };
  void work();

  Post post_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Order> orders_;
  bool stopping_ = false;
  std::thread worker_;  // last: started once the rest is ready
};

}  // namespace gavel::net
