#include "minutes_printer.hpp"

#include <exception>

namespace gavel::net {

MinutesPrinter::MinutesPrinter(Post post) : post_(std::move(post)), worker_([this] { work(); }) {}

MinutesPrinter::~MinutesPrinter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    orders_.clear();
  }
  wake_.notify_one();
  worker_.join();
}

void MinutesPrinter::print(Job job, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (orders_.size() < kMaxWaiting) {
      orders_.push_back({std::move(job), std::move(done)});
      wake_.notify_one();
      return;
    }
  }
  done(core::make_error(core::ErrorCode::rate_limited, "正在生成其他纪要文件，请稍后再试",
                        "other minutes files are being made: try again shortly"));
}

void MinutesPrinter::work() {
  for (;;) {
    Order order;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !orders_.empty(); });
      if (orders_.empty()) return;
      order = std::move(orders_.front());
      orders_.pop_front();
    }
    // Nothing may escape onto this thread: a failure is an answer too.
    core::Result<minutes::MinutesFile> file = core::make_error(core::ErrorCode::internal, "", "");
    try {
      file = order.job();
    } catch (const std::exception& e) {
      file = core::make_error(core::ErrorCode::internal, std::string("生成纪要文件失败：") + e.what(),
                              std::string("making the minutes file failed: ") + e.what());
    }
    post_([done = std::move(order.done), file = std::move(file)]() mutable { done(std::move(file)); });
  }
}

}  // namespace gavel::net
