#include "api/app_routes.h"

#include <boost/json.hpp>

#include "api/openapi.h"
#include "api/problem.h"
#include "base/canonical_json.h"
#include "base/clock.h"
#include "base/sha256.h"
#include "service/ledger_proofs.h"
#include "service/ledger_verifier.h"

namespace aims::api {

namespace {

namespace json = boost::json;
using domain::Permission;

std::string PrincipalJson(const service::Principal& p) {
  std::string out = "{\"email\": ";
  base::AppendJsonString(&out, p.email);
  out += ", \"role\": ";
  base::AppendJsonString(&out, p.role);
  out += ", \"person\": " + (p.person ? std::to_string(*p.person) : std::string("null"));
  out += ", \"permissions\": [";
  bool first = true;
  for (Permission perm : domain::AllPermissions()) {
    if (!p.permissions.Has(perm)) continue;
    out += first ? "" : ", ";
    base::AppendJsonString(&out, domain::PermissionName(perm));
    first = false;
  }
  return out + "]}";
}

base::Result<Response> Login(RequestContext& ctx, const ServerConfig& config) {
  std::string_view type = ctx.request[http::field::content_type];
  std::string email, password;
  if (type.starts_with("application/json")) {
    boost::system::error_code ec;
    json::value v = json::parse(ctx.request.body(), ec);
    if (ec || !v.is_object()) {
      return ProblemResponse(http::status::bad_request, "send {\"email\": ..., \"password\": ...}", ctx.path, ctx.request_id);
    }
    const auto& o = v.get_object();
    for (const auto& kv : o) {
      if (kv.key() != "email" && kv.key() != "password") {
        return base::Status::InvalidArgument("unknown field", "/" + std::string(kv.key()));
      }
      if (!kv.value().is_string()) return base::Status::InvalidArgument("must be a string", "/" + std::string(kv.key()));
    }
    if (auto* e = o.if_contains("email")) email = std::string(e->get_string());
    if (auto* p = o.if_contains("password")) password = std::string(p->get_string());
  } else {
    return ProblemResponse(http::status::unsupported_media_type, "send the credentials as application/json", ctx.path,
                           ctx.request_id, "Content-Type");
  }
  if (email.empty()) return base::Status::InvalidArgument("required", "/email");
  if (password.empty()) return base::Status::InvalidArgument("required", "/password");
  AIMS_ASSIGN_OR_RETURN(service::Session session, service::Accounts::Login(*ctx.ws, email, password, ctx.client));
  std::string body = "{\"user\": " + PrincipalJson(session.principal) + ", \"csrf_token\": ";
  base::AppendJsonString(&body, session.csrf_token);
  body += ", \"expires_at\": ";
  base::AppendJsonString(&body, session.expires_at.ToString());
  body += "}\n";
  Response res = JsonResponse(http::status::ok, std::move(body));
  int64_t max_age = (session.expires_at.micros() - base::Now().micros()) / 1000000;
  res.set(http::field::set_cookie, SessionCookie(session.id, std::max<int64_t>(max_age, 0), config.secure_cookies));
  return res;
}

base::Result<Response> Logout(RequestContext& ctx, const ServerConfig& config) {
  if (auto cookie = CookieValue(ctx.request, kSessionCookie)) AIMS_TRY(service::Accounts::Logout(*ctx.ws, *cookie));
  Response res{http::status::no_content, 11};
  res.set(http::field::set_cookie, SessionCookie("", 0, config.secure_cookies));
  return res;
}

std::string HeadJson(const ledger::TreeHead& h) {
  return "{\"size\": " + std::to_string(h.size) + ", \"time\": \"" + h.time.ToString() + "\", \"root\": \"" +
         base::ToHex(h.root) + "\", \"signature\": \"" + base::ToHex(h.signature) + "\"";
}

base::Result<Response> LedgerHead(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(auto head, service::LatestHead(*ctx.ws));
  if (!head) return base::Status::NotFound("the ledger is empty");
  AIMS_ASSIGN_OR_RETURN(ledger::PublicKey key, ctx.ws->PublicKey());
  std::string body = HeadJson(*head) + ", \"public_key\": \"" + base::ToHex(key) + "\", \"signature_valid\": " +
                     (ledger::VerifyTreeHead(key, *head) ? "true" : "false") + "}\n";
  return JsonResponse(http::status::ok, std::move(body));
}

base::Result<Response> LedgerProof(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id seq, ctx.IdParam("seq"));
  uint64_t size = 0;
  if (auto s = ctx.Query("size")) {
    try {
      size = std::stoull(*s);
    } catch (...) {
      return base::Status::InvalidArgument("must be a whole number", "size");
    }
  }
  AIMS_ASSIGN_OR_RETURN(service::InclusionProofReport r, service::ProveInclusion(*ctx.ws, seq, size));
  std::string body = "{\"seq\": " + std::to_string(seq) + ", \"leaf_index\": " + std::to_string(r.leaf_index) +
                     ", \"tree_size\": " + std::to_string(r.tree_size) + ", \"leaf_hash\": \"" + base::ToHex(r.leaf_hash) +
                     "\", \"root\": \"" + base::ToHex(r.root) + "\", \"path\": [";
  for (size_t i = 0; i < r.path.size(); ++i) body += (i ? ", \"" : "\"") + base::ToHex(r.path[i]) + "\"";
  body += "], \"verified\": " + std::string(r.verified ? "true" : "false") +
          ", \"matches_signed_head\": " + (r.matches_signed_head ? "true" : "false") + ", \"entry\": {\"time\": ";
  base::AppendJsonString(&body, r.entry.time.ToString());
  body += ", \"actor\": ";
  base::AppendJsonString(&body, r.entry.actor);
  body += ", \"action\": ";
  base::AppendJsonString(&body, r.entry.action);
  body += ", \"entity_type\": ";
  base::AppendJsonString(&body, r.entry.entity_type);
  body += ", \"entity_id\": " + std::to_string(r.entry.entity_id) + "}}\n";
  return JsonResponse(http::status::ok, std::move(body));
}

base::Result<Response> LedgerVerify(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(service::VerifyReport r, service::VerifyLedger(*ctx.ws, {.check_blobs = true, .threads = 1}));
  std::string body = "{\"ok\": " + std::string(r.problems.empty() ? "true" : "false") +
                     ", \"entries\": " + std::to_string(r.entries) + ", \"problems\": [";
  for (size_t i = 0; i < r.problems.size(); ++i) {
    body += i ? ", {\"where\": " : "{\"where\": ";
    base::AppendJsonString(&body, r.problems[i].where);
    body += ", \"what\": ";
    base::AppendJsonString(&body, r.problems[i].what);
    body += "}";
  }
  body += "]}\n";
  return JsonResponse(http::status::ok, std::move(body));
}

}  // namespace

void AddAppRoutes(Router& router, Dispatcher& dispatcher) {
  const ServerConfig& config = dispatcher.config();
  router.Add({http::verb::get, "/healthz", Access::Public(), {"The process is up", "operations", "", "text", false, false, 200, {}},
              [](RequestContext&) -> base::Result<Response> {
                return MakeResponse(http::status::ok, "ok\n", "text/plain; charset=utf-8");
              }});
  router.Add({http::verb::get, "/readyz", Access::Public(),
              {"The server can answer requests (database open, schema current, not stopping)", "operations", "", "text",
               false, false, 200, {}},
              [&dispatcher](RequestContext& ctx) -> base::Result<Response> {
                if (dispatcher.stopping()) {
                  return MakeResponse(http::status::service_unavailable, "stopping\n", "text/plain; charset=utf-8");
                }
                AIMS_TRY(ctx.ws->Read([](store::Tx& tx) { return tx.ledger().LastSeq().status(); }));
                return MakeResponse(http::status::ok, "ready\n", "text/plain; charset=utf-8");
              }});
  router.Add({http::verb::get, "/metrics", Access::Public(),
              {"Request counts and latencies (Prometheus text format)", "operations", "", "text", false, false, 200, {}},
              [&dispatcher](RequestContext&) -> base::Result<Response> {
                return MakeResponse(http::status::ok, dispatcher.metrics().Render(), "text/plain; version=0.0.4");
              }});
  router.Add({http::verb::get, "/api/openapi.json", Access::Public(),
              {"This API's OpenAPI 3.1 description", "operations", "", "openapi", false, false, 200, {}},
              [&router](RequestContext&) -> base::Result<Response> {
                return JsonResponse(http::status::ok, OpenApiDocument(router));
              }});
  router.Add({http::verb::post, "/api/v1/session", Access::Public(),
              {"Sign in: sets the session cookie and returns the CSRF token for later writes", "session", "login", "session",
               false, false, 200, {}},
              [&config](RequestContext& ctx) { return Login(ctx, config); }});
  router.Add({http::verb::delete_, "/api/v1/session", Access::Public(),
              {"Sign out: ends the session and clears its cookie", "session", "", "", false, false, 204, {}},
              [&config](RequestContext& ctx) { return Logout(ctx, config); }});
  router.Add({http::verb::get, "/api/v1/me", Access::SignedIn(),
              {"The signed-in user, role and permissions", "session", "", "principal", false, false, 200, {}},
              [](RequestContext& ctx) -> base::Result<Response> {
                return JsonResponse(http::status::ok, PrincipalJson(*ctx.principal) + "\n");
              }});
  router.Add({http::verb::get, "/api/v1/ledger/head", Access::Needs(Permission::kLedgerRead),
              {"The latest signed tree head and the public key to check it", "ledger", "", "tree_head", false, false, 200, {}},
              LedgerHead});
  router.Add({http::verb::get, "/api/v1/ledger/proofs/{seq}", Access::Needs(Permission::kLedgerRead),
              {"Inclusion proof (RFC 9162) of a ledger entry", "ledger", "", "inclusion_proof", false, false, 200, {"size"}},
              LedgerProof});
  router.Add({http::verb::get, "/api/v1/ledger/verify", Access::Needs(Permission::kLedgerRead),
              {"Check the whole ledger and every record against it", "ledger", "", "verify_report", false, false, 200, {}},
              LedgerVerify});
}

}  // namespace aims::api
