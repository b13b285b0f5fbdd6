// HandoffQueue<Item>: a bounded queue that hands batches of work from one producer thread to
// one consumer thread, so that two halves of a long job (e.g. reading records and formatting
// them, or converting records and storing them) run on both cores. The producer runs at most
// `capacity` items ahead. Close() ends the stream with a status; Cancel() lets the consumer stop
// early, after which Push() drops items and returns false so the producer can finish.
// Thread safety: all methods may be called from either thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "base/status.h"

namespace aims::base {

template <class Item>
class HandoffQueue {
 public:
  explicit HandoffQueue(size_t capacity = 8) : capacity_(capacity) {}

  // Waits for room. false if the consumer has cancelled (the item is dropped).
  bool Push(Item item) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return items_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    ready_.notify_one();
    return true;
  }

  // The next item, or nullopt once the producer has closed the stream and all items are taken;
  // status() then tells how the stream ended.
  std::optional<Item> Pop() {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }

  // Ends the stream; never waits, so a producer can always close.
  void Close(Status status) {
    std::lock_guard lock(mu_);
    closed_ = true;
    status_ = std::move(status);
    ready_.notify_all();
  }

  void Cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    items_.clear();
    room_.notify_all();
  }

  bool cancelled() const {
    std::lock_guard lock(mu_);
    return cancelled_;
  }

  // How the producer ended the stream (valid after Pop() returned nullopt).
  Status status() const {
    std::lock_guard lock(mu_);
    return status_;
  }

 private:
  const size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<Item> items_;
  bool closed_ = false;
  bool cancelled_ = false;
  Status status_;
};

}  // namespace aims::base
