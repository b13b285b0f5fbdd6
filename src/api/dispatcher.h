// Turns one HTTP request into one response: finds the route, authenticates the caller (API token
// or session cookie, with a CSRF check for cookie-authenticated writes), checks the route's
// access rule, runs the handler on this thread's workspace, maps errors to problem+json, and
// records the request in the metrics and the log. Knows nothing of sockets (api/server.h).
// Thread safety: Handle may run on many threads at once; each thread opens its own workspace.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "api/log.h"
#include "api/metrics.h"
#include "api/router.h"
#include "api/server_config.h"
#include "store/store.h"

namespace aims::api {

inline constexpr std::string_view kSessionCookie = "aims_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Renders an error of a page route (Route::page) as HTML; set by the web layer.
using PageErrorRenderer = std::function<Response(const base::Status&, RequestContext&)>;

class Dispatcher {
 public:
  Dispatcher(const Router& router, const ServerConfig& config, Metrics& metrics, Logger& log);
  ~Dispatcher();

  Response Handle(Request&& request, const std::string& client);
  // The largest body the request's route accepts (uploads get more than JSON bodies).
  size_t BodyLimitFor(http::verb method, std::string_view target) const;
  // A response for a request the server could not read (too large, malformed, timed out).
  Response Refuse(http::status status, std::string_view detail, std::string_view target);

  bool stopping() const { return stopping_; }
  void set_stopping() { stopping_ = true; }
  Metrics& metrics() { return metrics_; }
  void set_page_error_renderer(PageErrorRenderer renderer) { page_error_ = std::move(renderer); }
  const ServerConfig& config() const { return config_; }

 private:
  base::Result<service::Workspace*> WorkspaceForThisThread();
  // `snapshot`: for a safe method whose bearer token this thread has already checked, the read
  // transaction of the check, left open for the handler (null: never left open).
  base::Status Authenticate(RequestContext& ctx, std::optional<store::Store::Snapshot>* snapshot);
  base::Result<Response> Run(RequestContext& ctx);

  const Router& router_;
  const ServerConfig& config_;
  Metrics& metrics_;
  Logger& log_;
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> next_request_{1};
  std::string instance_tag_;  // distinguishes request ids of two server processes
  WriteBatcher writes_;
  PageErrorRenderer page_error_;
};

// The Set-Cookie value of a session (HttpOnly, SameSite=Strict; Secure behind TLS). An empty
// value with max_age 0 clears it.
std::string SessionCookie(std::string_view value, int64_t max_age, bool secure);

// "name=value" of the request's Cookie headers.
std::optional<std::string> CookieValue(const Request& request, std::string_view name);

}  // namespace aims::api
