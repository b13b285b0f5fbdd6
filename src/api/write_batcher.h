// Group commit for the server. Request threads hand their change to one writer thread, which
// commits everything that queued up meanwhile in one transaction (Workspace::MutateGroup): one
// signed tree head and one sync for the group instead of one per request, each change still in
// its own savepoint, failing alone. While a group commits the next one queues, so the group grows
// with the load and a lone request waits for nothing but its own commit.
// Thread safety: Mutate may be called from any number of threads.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>

#include "service/workspace.h"

namespace aims::api {

class WriteBatcher {
 public:
  explicit WriteBatcher(service::WorkspaceOptions options, size_t max_group = 256)
      : options_(std::move(options)), max_group_(max_group) {}
  ~WriteBatcher();  // commits what is queued, then stops
  WriteBatcher(const WriteBatcher&) = delete;
  WriteBatcher& operator=(const WriteBatcher&) = delete;

  // Runs `body` as `actor` in the next group and returns its status once the group is durable.
  base::Status Mutate(std::string actor, std::function<base::Status(service::Mutation&)> body);

 private:
  struct Pending {
    service::Workspace::Change change;
    std::promise<base::Status> done;
  };
  void Loop();

  service::WorkspaceOptions options_;
  size_t max_group_;
  std::once_flag started_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Pending*> queue_;
  bool stop_ = false;
};

}  // namespace aims::api
