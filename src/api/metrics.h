// Request counts and latency histograms by route and status, in the Prometheus text format
// (GET /metrics). Routes are the route table's names ("GET /api/v1/systems/{id}"), never raw
// paths, so the number of series stays bounded whatever clients send.
// Thread safety: Observe and Render may be called from any thread.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace aims::api {

class Metrics {
 public:
  void Observe(const std::string& route, unsigned status, double seconds);
  void ConnectionOpened() { std::lock_guard lock(mu_); ++open_connections_; }
  void ConnectionClosed() { std::lock_guard lock(mu_); --open_connections_; }
  std::string Render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};
  struct Series {
    uint64_t count = 0;
    double sum = 0;
    std::array<uint64_t, kBuckets.size()> buckets{};  // cumulative on output only
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, unsigned>, Series> series_;
  int64_t open_connections_ = 0;
};

}  // namespace aims::api
