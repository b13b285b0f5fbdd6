#include "api/metrics.h"

#include <fmt/format.h>

#include <unordered_map>

namespace aims::api {

namespace {
std::atomic<uint64_t> next_metrics_id{1};
}  // namespace

Metrics::Metrics() : id_(next_metrics_id.fetch_add(1)) {}
Metrics::~Metrics() = default;

Metrics::Shard& Metrics::ShardOfThisThread() {
  thread_local std::unordered_map<uint64_t, Shard*> mine;
  Shard*& shard = mine[id_];
  if (!shard) {
    std::lock_guard lock(shards_mu_);
    shards_.push_back(std::make_unique<Shard>());
    shard = shards_.back().get();
  }
  return *shard;
}

void Metrics::Observe(const std::string& route, unsigned status, double seconds) {
  Shard& shard = ShardOfThisThread();
  std::lock_guard lock(shard.mu);
  Series& s = shard.series[{route, status}];
  ++s.count;
  s.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++s.buckets[i];
      break;
    }
  }
}

namespace {

// Label values are route names from our own table, but escape as the format requires anyway.
std::string Label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string Metrics::Render() const {
  SeriesMap merged;  // the shards summed
  {
    std::lock_guard lock(shards_mu_);
    for (const auto& shard : shards_) {
      std::lock_guard shard_lock(shard->mu);
      for (const auto& [key, s] : shard->series) {
        Series& sum = merged[key];
        sum.count += s.count;
        sum.sum += s.sum;
        for (size_t i = 0; i < kBuckets.size(); ++i) sum.buckets[i] += s.buckets[i];
      }
    }
  }
  std::string out;
  out += "# HELP aims_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE aims_http_requests_total counter\n";
  for (const auto& [key, s] : merged) {
    out += fmt::format("aims_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", Label(key.first),
                       key.second, s.count);
  }
  out += "# HELP aims_http_request_duration_seconds Time from a request's last byte read to its response.\n";
  out += "# TYPE aims_http_request_duration_seconds histogram\n";
  for (const auto& [key, s] : merged) {
    std::string labels = fmt::format("route=\"{}\",status=\"{}\"", Label(key.first), key.second);
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += s.buckets[i];
      out += fmt::format("aims_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, kBuckets[i],
                         cumulative);
    }
    out += fmt::format("aims_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, s.count);
    out += fmt::format("aims_http_request_duration_seconds_sum{{{}}} {}\n", labels, s.sum);
    out += fmt::format("aims_http_request_duration_seconds_count{{{}}} {}\n", labels, s.count);
  }
  out += "# HELP aims_http_open_connections Connections open now.\n";
  out += "# TYPE aims_http_open_connections gauge\n";
  out += fmt::format("aims_http_open_connections {}\n", open_connections_.load());
  return out;
}

}  // namespace aims::api
