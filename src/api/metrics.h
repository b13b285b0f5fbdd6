// Request counts and latency histograms by route and status, in the Prometheus text format
// (GET /metrics). Routes are the route table's names ("GET /api/v1/systems/{id}"), never raw
// paths, so the number of series stays bounded whatever clients send.
// Thread safety: Observe and Render may be called from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace aims::api {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  void Observe(const std::string& route, unsigned status, double seconds);
  void ConnectionOpened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }
  std::string Render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};
  struct Series {
    uint64_t count = 0;
    double sum = 0;
    std::array<uint64_t, kBuckets.size()> buckets{};  // cumulative on output only
  };
  using SeriesMap = std::map<std::pair<std::string, unsigned>, Series>;
  // One per thread that observes: its lock is taken by that thread and, rarely, by Render, so
  // request threads never wait for each other (one shared lock showed as futex wake-ups).
  struct Shard {
    std::mutex mu;
    SeriesMap series;
  };
  Shard& ShardOfThisThread();

  const uint64_t id_;  // tells instances apart in the threads' shard tables (addresses are reused)
  mutable std::mutex shards_mu_;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::atomic<int64_t> open_connections_{0};
};

}  // namespace aims::api
