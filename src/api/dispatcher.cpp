#include "api/dispatcher.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <unordered_map>

#include "api/problem.h"
#include "base/hmac.h"

namespace aims::api {

namespace {

constexpr auto kTokenCacheAge = std::chrono::seconds(5);

bool SafeMethod(http::verb v) { return v == http::verb::get || v == http::verb::head || v == http::verb::options; }

bool UsableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

std::string JoinMethods(const std::vector<http::verb>& methods) {
  std::string out;
  for (auto m : methods) {
    if (!out.empty()) out += ", ";
    out += std::string(http::to_string(m));
  }
  return out;
}

// The `_csrf` field of an HTML form post (application/x-www-form-urlencoded), which cannot
// send headers when scripts are off.
std::string FormCsrfToken(const Request& request) {
  std::string_view type = request[http::field::content_type];
  if (!type.starts_with("application/x-www-form-urlencoded")) return {};
  auto form = ParseQuery(request.body());
  auto it = form.find("_csrf");
  return it == form.end() ? std::string() : it->second;
}

}  // namespace

std::string SessionCookie(std::string_view value, int64_t max_age, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                  std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

std::optional<std::string> CookieValue(const Request& request, std::string_view name) {
  for (const auto& field : request) {
    if (field.name() != http::field::cookie) continue;
    std::string_view all = field.value();
    while (!all.empty()) {
      size_t semi = all.find(';');
      std::string_view pair = all.substr(0, semi);
      all = semi == std::string_view::npos ? std::string_view() : all.substr(semi + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

Dispatcher::Dispatcher(const Router& router, const ServerConfig& config, Metrics& metrics, Logger& log)
    : router_(router), config_(config), metrics_(metrics), log_(log), writes_(config.workspace) {
  std::random_device rd;
  char tag[9];
  std::snprintf(tag, sizeof tag, "%08x", rd());
  instance_tag_ = tag;
}

Dispatcher::~Dispatcher() = default;

size_t Dispatcher::BodyLimitFor(http::verb method, std::string_view target) const {
  auto match = router_.Find(method, target.substr(0, target.find('?')));
  if (match.route && match.route->doc.request_schema == "binary") return config_.upload_limit;
  return config_.body_limit;
}

Response Dispatcher::Refuse(http::status status, std::string_view detail, std::string_view target) {
  std::string id = instance_tag_ + "-" + std::to_string(next_request_++);
  Response res = ProblemResponse(status, detail, target.substr(0, target.find('?')), id);
  res.set("X-Request-Id", id);
  metrics_.Observe("unreadable", static_cast<unsigned>(status), 0);
  log_.Warn("request refused", {{"request_id", id}, {"status", "#" + std::to_string(static_cast<unsigned>(status))},
                                {"detail", std::string(detail)}});
  return res;
}

base::Result<service::Workspace*> Dispatcher::WorkspaceForThisThread() {
  // A Workspace is one connection to the database and is used by one thread at a time.
  thread_local std::map<const Dispatcher*, std::unique_ptr<service::Workspace>> open;
  auto& ws = open[this];
  if (!ws) {
    AIMS_ASSIGN_OR_RETURN(ws, service::Workspace::Open(config_.workspace));
  }
  return ws.get();
}

base::Status Dispatcher::Authenticate(RequestContext& ctx, std::optional<store::Store::Snapshot>* snapshot) {
  std::string_view authorization = ctx.request[http::field::authorization];
  if (!authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.size() <= kBearer.size() || !std::equal(kBearer.begin(), kBearer.end(), authorization.begin(),
                                                             [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      return base::Status::Unauthenticated("the Authorization header must be \"Bearer <token>\"", "Authorization");
    }
    std::string_view token = authorization.substr(kBearer.size());
    // A token checked on this thread is trusted again while nobody has committed anything to
    // the database since (SQLite's data_version: a revocation, a disabled user or a role change
    // by any process bumps it), and for at most kTokenCacheAge, which also bounds expiry.
    struct Cached {
      service::Principal principal;
      int64_t data_version;
      std::chrono::steady_clock::time_point checked;
    };
    // A read's handler then runs in the same read transaction as that check: one snapshot, and
    // one transaction instead of two per request (starting one was 8 % of a GET's time).
    thread_local std::unordered_map<std::string, Cached> cache;
    auto now = std::chrono::steady_clock::now();
    if (snapshot && SafeMethod(ctx.request.method())) ctx.ws->store().HoldSnapshot(snapshot);
    auto version = ctx.ws->store().connection().DataVersion();
    if (version.ok()) {
      auto it = cache.find(std::string(token));
      if (it != cache.end() && it->second.data_version == *version && now - it->second.checked < kTokenCacheAge) {
        ctx.principal = it->second.principal;
        return base::Status::OK();
      }
    }
    if (snapshot) snapshot->reset();  // the full check below may write (a token's last use)
    AIMS_ASSIGN_OR_RETURN(service::Principal p, service::Accounts::AuthenticateToken(*ctx.ws, token));
    if (version.ok()) {
      if (cache.size() >= 1024) cache.clear();
      cache[std::string(token)] = Cached{p, *version, now};
    }
    ctx.principal = std::move(p);
    return base::Status::OK();
  }
  if (auto cookie = CookieValue(ctx.request, kSessionCookie)) {
    AIMS_ASSIGN_OR_RETURN(service::SessionInfo session, service::Accounts::ResolveSession(*ctx.ws, *cookie));
    ctx.principal = std::move(session.principal);
    ctx.csrf_token = std::move(session.csrf_token);
    if (!SafeMethod(ctx.request.method())) {
      std::string sent(ctx.request[kCsrfHeader]);
      if (sent.empty()) sent = FormCsrfToken(ctx.request);
      if (sent.empty() || !base::ConstantTimeEqual(sent, ctx.csrf_token)) {
        return base::Status::PermissionDenied("missing or wrong CSRF token (send the " + std::string(kCsrfHeader) +
                                                  " header given at sign-in)",
                                              std::string(kCsrfHeader));
      }
    }
    return base::Status::OK();
  }
  return base::Status::Unauthenticated("sign in, or send an API token as \"Authorization: Bearer <token>\"");
}

base::Result<Response> Dispatcher::Run(RequestContext& ctx) {
  if (ctx.query.count("\x01invalid")) {
    return base::Status::InvalidArgument("malformed percent-encoding in the query string", "query");
  }
  AIMS_ASSIGN_OR_RETURN(ctx.ws, WorkspaceForThisThread());
  const Access& access = ctx.route.access;
  std::optional<store::Store::Snapshot> snapshot;  // ended after the handler, on every path
  if (access.kind != Access::Kind::kPublic) {
    AIMS_TRY(Authenticate(ctx, &snapshot));
    if (access.kind == Access::Kind::kPermission) {
      bool allowed = ctx.principal->permissions.Has(access.permission) ||
                     (access.own_permission && ctx.principal->permissions.Has(*access.own_permission));
      if (!allowed) {
        return base::Status::PermissionDenied("your role (" + ctx.principal->role + ") may not do this: it needs " +
                                              std::string(domain::PermissionName(access.permission)));
      }
    }
  }
  ctx.ws->set_actor(ctx.principal ? ctx.principal->actor() : "anonymous");
  try {
    return ctx.route.handler(ctx);
  } catch (const std::exception& e) {
    return base::Status::Internal(std::string("unexpected exception: ") + e.what());
  }
}

Response Dispatcher::Handle(Request&& request, const std::string& client) {
  auto start = std::chrono::steady_clock::now();
  std::string request_id(request["X-Request-Id"]);
  if (!UsableRequestId(request_id)) request_id = instance_tag_ + "-" + std::to_string(next_request_++);
  std::string target(request.target());
  size_t q = target.find('?');
  std::string path = target.substr(0, q);

  std::string route_name = "unmatched";
  std::string user;
  bool conceal_client = false;
  Response response;
  auto match = router_.Find(request.method(), path);
  if (!match.route) {
    if (!match.allowed.empty()) {
      response = ProblemResponse(http::status::method_not_allowed,
                                 "this resource answers " + JoinMethods(match.allowed), path, request_id);
      response.set(http::field::allow, JoinMethods(match.allowed));
    } else {
      response = ProblemResponse(http::status::not_found, "no such resource", path, request_id);
    }
  } else {
    route_name = match.name;
    conceal_client = match.route->conceal_client;
    RequestContext ctx{request, *match.route, path, std::move(match.params),
                       ParseQuery(q == std::string::npos ? std::string_view() : std::string_view(target).substr(q + 1)),
                       request_id, client, std::nullopt, {}, nullptr, &writes_};
    base::Result<Response> result = Run(ctx);
    if (ctx.principal) user = ctx.principal->email;
    if (result.ok()) {
      response = std::move(*result);
    } else if (match.route->page && result.status().code() == base::StatusCode::kUnauthenticated &&
               SafeMethod(request.method())) {
      // A browser that is not signed in goes to the sign-in page, and comes back afterwards.
      response = MakeResponse(http::status::see_other, "", "text/plain");
      response.set(http::field::location, "/login?next=" + PercentEncode(std::string_view(target)));
    } else if (match.route->page && page_error_) {
      response = page_error_(result.status(), ctx);
      if (result.status().code() == base::StatusCode::kInternal) {
        log_.Error("request failed", {{"request_id", request_id}, {"route", route_name}, {"error", result.status().ToString()}});
      }
    } else {
      const base::Status& s = result.status();
      response = ProblemResponse(s, path, request_id);
      if (response.result() == http::status::unauthorized) {
        response.set(http::field::www_authenticate, "Bearer realm=\"aims\"");
      }
      if (response.result() == http::status::internal_server_error) {
        log_.Error("request failed", {{"request_id", request_id}, {"route", route_name}, {"error", s.ToString()}});
      }
    }
  }
  response.set("X-Request-Id", request_id);
  if (response[http::field::cache_control].empty()) response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "same-origin");
  if (request.method() == http::verb::head) response.body().clear();

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  unsigned status = static_cast<unsigned>(response.result_int());
  metrics_.Observe(route_name, status, seconds);
  if (!config_.quiet) {
    char ms[32];
    std::snprintf(ms, sizeof ms, "#%.3f", seconds * 1000);
    log_.Info("request", {{"request_id", request_id},
                          {"method", std::string(request.method_string())},
                          {"path", path},
                          {"route", route_name},
                          {"status", "#" + std::to_string(status)},
                          {"duration_ms", ms},
                          {"user", user},
                          {"client", conceal_client ? std::string("-") : client}});
  }
  return response;
}

}  // namespace aims::api
