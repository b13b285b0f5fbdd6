#include "api/concern_routes.h"

#include "api/json_body.h"
#include "api/public_limits.h"
#include "api/record_responses.h"
#include "io/concern_json.h"
#include "service/concerns.h"

namespace aims::api {

namespace {

namespace json = boost::json;
using domain::Permission;

// A refusal of a public route; over a rate limit, 429 with the wait.
Response Refused(const base::Status& s, const RequestContext& ctx) {
  Response res = BodyProblem(s, ctx);
  if (s.code() == base::StatusCode::kResourceExhausted) res.set(http::field::retry_after, "600");
  return res;
}

// POST /api/v1/concerns: 201 {"receipt_code": "..."}; the code is shown once, aims keeps its hash.
base::Result<Response> File(RequestContext& ctx) {
  auto body = JsonObjectBody(ctx, {"category", "system_named", "body"});
  if (!body.ok()) return Refused(body.status(), ctx);
  domain::ConcernCategory category = domain::ConcernCategory::kOther;
  auto category_text = StringField(*body, "category", false);
  auto system = StringField(*body, "system_named", false);
  auto text = StringField(*body, "body", true);
  for (const auto* r : {&category_text, &system, &text}) {
    if (!r->ok()) return Refused(r->status(), ctx);
  }
  if (!category_text->empty()) {
    auto parsed = domain::ParseEnumOr<domain::ConcernCategory>(*category_text, "category", "/category");
    if (!parsed.ok()) return Refused(parsed.status(), ctx);
    category = *parsed;
  }
  // Checked before the rate limit so a typo does not use up an attempt.
  base::Status check = domain::CheckConcernText(*text, "/body");
  if (check.ok() && !system->empty()) check = domain::CheckConcernText(*system, "/system_named", domain::kMaxSystemNamedChars);
  if (!check.ok()) return Refused(check, ctx);
  if (base::Status allowed = PublicLimits::Get().AllowReport(ctx.client); !allowed.ok()) return Refused(allowed, ctx);
  service::FiledConcern filed;
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(filed, service::FileConcern(m, category, *system, *text));
    return base::Status::OK();
  });
  if (!done.ok()) return Refused(done, ctx);
  std::string out = "{\"receipt_code\": ";
  base::AppendJsonString(&out, filed.receipt_code);
  return JsonResponse(http::status::created, out + "}\n");
}

// POST /api/v1/concerns/receipt {"receipt_code"}: the reporter's view of the report.
base::Result<Response> OpenReceipt(RequestContext& ctx) {
  auto body = JsonObjectBody(ctx, {"receipt_code"});
  if (!body.ok()) return Refused(body.status(), ctx);
  auto code = StringField(*body, "receipt_code", true);
  if (!code.ok()) return Refused(code.status(), ctx);
  if (base::Status allowed = PublicLimits::Get().AllowLookup(ctx.client); !allowed.ok()) return Refused(allowed, ctx);
  std::string out;
  base::Status read = ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(service::ConcernThread t, service::ConcernByReceipt(tx, *code));
    out = io::ConcernReporterJson(t.concern, t.messages) + "\n";
    return base::Status::OK();
  });
  if (!read.ok()) return Refused(read, ctx);
  return JsonResponse(http::status::ok, std::move(out));
}

// POST /api/v1/concerns/receipt/messages {"receipt_code", "body"}: the reporter adds information.
base::Result<Response> AddMessage(RequestContext& ctx) {
  auto body = JsonObjectBody(ctx, {"receipt_code", "body"});
  if (!body.ok()) return Refused(body.status(), ctx);
  auto code = StringField(*body, "receipt_code", true);
  auto text = StringField(*body, "body", true);
  for (const auto* r : {&code, &text}) {
    if (!r->ok()) return Refused(r->status(), ctx);
  }
  if (base::Status allowed = PublicLimits::Get().AllowLookup(ctx.client); !allowed.ok()) return Refused(allowed, ctx);
  base::Status done = ctx.Mutate([&](service::Mutation& m) { return service::AddReporterMessage(m, *code, *text); });
  if (!done.ok()) return Refused(done, ctx);
  std::string out;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(service::ConcernThread t, service::ConcernByReceipt(tx, *code));
    out = io::ConcernReporterJson(t.concern, t.messages) + "\n";
    return base::Status::OK();
  }));
  return JsonResponse(http::status::created, std::move(out));
}

service::ConcernHandler HandlerOf(const RequestContext& ctx) { return {ctx.principal->permissions, ctx.principal->person}; }

base::Result<Response> List(RequestContext& ctx) {
  std::string out = "[";
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto threads, service::ConcernsFor(tx, HandlerOf(ctx), 500));
    for (size_t i = 0; i < threads.size(); ++i) {
      out += i ? ",\n " : "\n ";
      out += io::ConcernHandlerJson(threads[i].concern, threads[i].messages);
    }
    return base::Status::OK();
  }));
  out += out.size() > 1 ? "\n]\n" : "]\n";
  return JsonResponse(http::status::ok, std::move(out));
}

base::Result<Response> Show(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  service::ConcernThread t;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(t, service::ConcernFor(tx, id, HandlerOf(ctx)));
    return base::Status::OK();
  }));
  Response res = JsonResponse(http::status::ok, io::ConcernHandlerJson(t.concern, t.messages) + "\n");
  res.set(http::field::etag, Etag(t.concern.version));
  return res;
}

// POST /api/v1/concerns/{id}/handle (If-Match) {"reply", "status", "system", "hide_from_owner"}.
base::Result<Response> Handle(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  auto body = JsonObjectBody(ctx, {"reply", "status", "system", "hide_from_owner"});
  if (!body.ok()) return BodyProblem(body.status(), ctx);
  service::ConcernDecision decision;
  auto reply = StringField(*body, "reply", false);
  auto status = StringField(*body, "status", true);
  for (const auto* r : {&reply, &status}) {
    if (!r->ok()) return BodyProblem(r->status(), ctx);
  }
  decision.reply = *reply;
  auto parsed = domain::ParseEnumOr<domain::ConcernStatus>(*status, "status", "/status");
  if (!parsed.ok()) return BodyProblem(parsed.status(), ctx);
  decision.status = *parsed;
  if (const json::value* s = body->if_contains("system"); s && !s->is_null()) {
    if (!s->is_int64() || s->as_int64() <= 0) {
      return BodyProblem(base::Status::InvalidArgument("must be the id of an AI system or null", "/system"), ctx);
    }
    decision.system = s->as_int64();
  }
  if (const json::value* h = body->if_contains("hide_from_owner")) {
    if (!h->is_bool()) return BodyProblem(base::Status::InvalidArgument("must be true or false", "/hide_from_owner"), ctx);
    decision.hide_from_owner = h->as_bool();
  }
  base::Status done = ctx.Mutate([&](service::Mutation& m) {
    return service::HandleConcern(m, id, std::get<int64_t>(version), HandlerOf(ctx), decision);
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  return Show(ctx);
}

}  // namespace

void AddConcernRoutes(Router& router) {
  auto add = [&router](http::verb method, std::string pattern, Access access, RouteDoc doc, Handler handler,
                       bool conceal) {
    Route route{method, std::move(pattern), access, std::move(doc), std::move(handler)};
    route.conceal_client = conceal;
    router.Add(std::move(route));
  };
  add(http::verb::post, "/api/v1/concerns", Access::Public(),
      {"Raise a concern without an account: the answer holds the receipt code, shown once (rate-limited)", "concerns",
       "concern_report", "concern_receipt", false, false, 201, {}},
      File, true);
  add(http::verb::post, "/api/v1/concerns/receipt", Access::Public(),
      {"Read a concern with its receipt code: its status and messages (the code in the body, never the URL)",
       "concerns", "concern_code", "concern_reporter_view", false, false, 200, {}},
      OpenReceipt, true);
  add(http::verb::post, "/api/v1/concerns/receipt/messages", Access::Public(),
      {"Add information to a concern with its receipt code", "concerns", "concern_message", "concern_reporter_view",
       false, false, 201, {}},
      AddMessage, true);
  Access handle = Access::Needs(Permission::kConcernHandle);
  add(http::verb::get, "/api/v1/concerns", handle,
      {"The concerns the caller may handle, newest first (not those hidden from them as a system's owner)",
       "concerns", "", "concern_list", false, false, 200, {}},
      List, false);
  add(http::verb::get, "/api/v1/concerns/{id}", handle,
      {"One concern with its messages", "concerns", "", "concern_view", false, true, 200, {}}, Show, false);
  add(http::verb::post, "/api/v1/concerns/{id}/handle", handle,
      {"Answer and triage a concern: reply, status, the register's system, hide from that system's owner",
       "concerns", "concern_decision", "concern_view", false, true, 200, {}},
      Handle, false);
}

}  // namespace aims::api
