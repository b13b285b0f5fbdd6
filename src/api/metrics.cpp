#include "api/metrics.h"

#include <fmt/format.h>

namespace aims::api {

void Metrics::Observe(const std::string& route, unsigned status, double seconds) {
  std::lock_guard lock(mu_);
  Series& s = series_[{route, status}];
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
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP aims_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE aims_http_requests_total counter\n";
  for (const auto& [key, s] : series_) {
    out += fmt::format("aims_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", Label(key.first),
                       key.second, s.count);
  }
  out += "# HELP aims_http_request_duration_seconds Time from a request's last byte read to its response.\n";
  out += "# TYPE aims_http_request_duration_seconds histogram\n";
  for (const auto& [key, s] : series_) {
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
  out += fmt::format("aims_http_open_connections {}\n", open_connections_);
  return out;
}

}  // namespace aims::api
