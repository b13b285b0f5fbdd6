#include "api/write_batcher.h"

#include <vector>

namespace aims::api {

WriteBatcher::~WriteBatcher() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

base::Status WriteBatcher::Mutate(std::string actor, std::function<base::Status(service::Mutation&)> body) {
  std::call_once(started_, [this] { thread_ = std::thread([this] { Loop(); }); });
  Pending pending{{std::move(actor), std::move(body)}, {}};
  std::future<base::Status> done = pending.done.get_future();
  {
    std::lock_guard lock(mu_);
    if (stop_) return base::Status::FailedPrecondition("the server is stopping");
    queue_.push_back(&pending);
  }
  wake_.notify_one();
  return done.get();
}

void WriteBatcher::Loop() {
  std::unique_ptr<service::Workspace> ws;
  while (true) {
    std::vector<Pending*> group;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      while (!queue_.empty() && group.size() < max_group_) {
        group.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    std::vector<base::Status> results;
    if (!ws) {
      auto opened = service::Workspace::Open(options_);
      if (opened.ok()) ws = std::move(*opened);
      else results.assign(group.size(), opened.status());
    }
    if (ws) {
      std::vector<service::Workspace::Change> changes;
      changes.reserve(group.size());
      for (Pending* p : group) changes.push_back(std::move(p->change));
      results = ws->MutateGroup(changes);
    }
    for (size_t i = 0; i < group.size(); ++i) group[i]->done.set_value(results[i]);
  }
}

}  // namespace aims::api
