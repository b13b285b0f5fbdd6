#include "api/incident_routes.h"

#include <map>

#include "api/json_body.h"
#include "api/record_responses.h"
#include "api/record_writes.h"
#include "base/clock.h"
#include "io/incident_json.h"
#include "service/incidents.h"

namespace aims::api {

namespace {

namespace json = boost::json;
using domain::EntityKind;
using domain::Permission;

// The body's fields, each one of `allowed` with a value of the expected JSON type: strings
// except the names in `integers` (and "risk", an id or null).
base::Result<std::map<std::string, json::value>> ReadBody(const RequestContext& ctx,
                                                          std::initializer_list<std::string_view> allowed,
                                                          std::initializer_list<std::string_view> integers = {}) {
  AIMS_ASSIGN_OR_RETURN(json::object object, JsonObjectBody(ctx, allowed));
  std::map<std::string, json::value> out;
  for (const auto& [key, value] : object) {
    std::string where = "/" + std::string(key);
    bool integer = std::find(integers.begin(), integers.end(), std::string_view(key)) != integers.end();
    if (integer && !value.is_int64() && !(key == "risk" && value.is_null())) {
      return base::Status::InvalidArgument("must be a whole number", where);
    }
    if (!integer && !value.is_string()) return base::Status::InvalidArgument("must be a string", where);
    out.emplace(std::string(key), value);
  }
  return out;
}

std::string Text(const std::map<std::string, json::value>& body, const std::string& key) {
  auto it = body.find(key);
  return it == body.end() ? std::string() : std::string(it->second.as_string());
}

// "at" in the body, read in the organisation's zone; now when absent.
base::Result<base::Timestamp> AtOf(store::Tx& tx, const std::map<std::string, json::value>& body, base::Timestamp now) {
  std::string text = Text(body, "at");
  if (text.empty()) return now;
  AIMS_ASSIGN_OR_RETURN(base::TimeZone zone, service::OrganisationZone(tx));
  auto at = zone.ParseTime(text);
  if (!at.ok()) return at.status().WithContext("/at");
  return *at;
}

// GET /api/v1/incident-clocks[?all=true]: the running clocks, soonest deadline first.
base::Result<Response> ListClocks(RequestContext& ctx) {
  bool all = false;
  if (auto q = ctx.Query("all")) {
    if (*q != "true" && *q != "false") return base::Status::InvalidArgument("must be true or false", "all");
    all = *q == "true";
  }
  std::string body = "[";
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(base::TimeZone zone, service::OrganisationZone(tx));
    AIMS_ASSIGN_OR_RETURN(auto clocks, service::IncidentClocks(tx, base::Now(), !all));
    for (size_t i = 0; i < clocks.size(); ++i) {
      body += i ? ",\n " : "\n ";
      body += io::IncidentClockJson(clocks[i].incident, clocks[i].clock, zone);
    }
    return base::Status::OK();
  }));
  body += body.size() > 1 ? "\n]\n" : "]\n";
  return JsonResponse(http::status::ok, std::move(body));
}

// GET /api/v1/incidents/{id}/clock: {"clock": {...}} or {"clock": null} for an incident that is
// not a serious one.
base::Result<Response> GetClock(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  std::string body = "{\"clock\": ";
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Incident incident, tx.records<domain::Incident>().Get(id));
    AIMS_ASSIGN_OR_RETURN(base::TimeZone zone, service::OrganisationZone(tx));
    auto clock = domain::ReportingClockOf(incident, zone, base::Now());
    body += clock ? io::IncidentClockJson(incident, *clock, zone) : std::string("null");
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, body + "}\n");
}

// POST /api/v1/incidents/{id}/timeline and /communications (If-Match).
base::Result<Response> AddToStory(RequestContext& ctx, bool communication) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  auto body = communication ? ReadBody(ctx, {"at", "to", "channel", "what"}) : ReadBody(ctx, {"at", "what"});
  if (!body.ok()) return BodyProblem(body.status(), ctx);
  domain::Incident incident;
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Incident current, m.Get<domain::Incident>(id));
    AIMS_TRY(CheckOwnership(ctx, current, &m.tx()));
    AIMS_ASSIGN_OR_RETURN(base::Timestamp at, AtOf(m.tx(), *body, m.now()));
    int64_t expected = std::get<int64_t>(version);
    if (communication) {
      service::Communication c{at, Text(*body, "to"), Text(*body, "channel"), Text(*body, "what")};
      AIMS_ASSIGN_OR_RETURN(incident, service::AddCommunication(m, id, expected, c));
    } else {
      AIMS_ASSIGN_OR_RETURN(incident, service::AddTimelineEntry(m, id, expected, at, Text(*body, "what")));
    }
    return base::Status::OK();
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  return RecordResponse(http::status::ok, incident);
}

// POST /api/v1/incidents/{id}/feed-risk (If-Match): 201 with a new risk, 200 with a re-scored one;
// the body of the answer holds both records.
base::Result<Response> FeedRisk(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  auto body = ReadBody(ctx, {"risk", "likelihood", "impact", "title"}, {"risk", "likelihood", "impact"});
  if (!body.ok()) return BodyProblem(body.status(), ctx);
  service::RiskFromIncident request;
  request.title = Text(*body, "title");
  auto number = [&](const char* key) -> int64_t {
    auto it = body->find(key);
    return it == body->end() || it->second.is_null() ? 0 : it->second.as_int64();
  };
  request.likelihood = number("likelihood");
  request.impact = number("impact");
  if (int64_t risk = number("risk"); risk > 0) request.risk = risk;
  if (!body->count("likelihood") || !body->count("impact")) {
    return BodyProblem(base::Status::InvalidArgument("give the likelihood and impact the incident shows",
                                                     body->count("likelihood") ? "/impact" : "/likelihood"),
                       ctx);
  }
  service::RiskFromIncidentResult result;
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Incident current, m.Get<domain::Incident>(id));
    AIMS_TRY(CheckOwnership(ctx, current, &m.tx()));
    if (request.risk) {
      AIMS_ASSIGN_OR_RETURN(domain::Risk risk, m.Get<domain::Risk>(*request.risk));
      AIMS_TRY(CheckOwnership(ctx, risk, &m.tx()));
    } else if (!domain::MayCreate(ctx.principal->permissions, EntityKind::kRisk)) {
      return base::Status::PermissionDenied("your role may not create risks", "risk");
    }
    AIMS_ASSIGN_OR_RETURN(result, service::FeedRiskRegister(m, id, std::get<int64_t>(version), request));
    return base::Status::OK();
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  std::string out = std::string("{\"created\": ") + (result.created ? "true" : "false") + ", \"risk\": ";
  io::RecordJsonWriter::Append(result.risk, &out);
  out += ", \"incident\": ";
  io::RecordJsonWriter::Append(result.incident, &out);
  out += "}\n";
  Response res = JsonResponse(result.created ? http::status::created : http::status::ok, std::move(out));
  res.set(http::field::etag, Etag(result.incident.meta.version));
  if (result.created) res.set(http::field::location, "/api/v1/risks/" + std::to_string(result.risk.meta.id));
  return res;
}

}  // namespace

void AddIncidentRoutes(Router& router) {
  Access read = Access::Needs(Permission::kRegisterRead);
  domain::WriteAccess iw = domain::WriteAccessFor(EntityKind::kIncident);
  router.Add({http::verb::get, "/api/v1/incident-clocks", read,
              {"Serious incidents whose EU AI Act reporting clock (Art. 73) runs, soonest deadline first; ?all=true "
               "adds those already reported",
               "incidents", "", "incident_clocks", false, false, 200, {"all"}},
              ListClocks});
  router.Add({http::verb::get, "/api/v1/incidents/{id}/clock", read,
              {"The incident's EU reporting clock now: deadline, time left or overdue; null unless it is serious",
               "incidents", "", "incident_clock_view", false, false, 200, {}},
              GetClock});
  router.Add({http::verb::post, "/api/v1/incidents/{id}/timeline", Access::Needs(iw.any, iw.own),
              {"Add what happened, and when (at: default now), to the incident's timeline", "incidents",
               "incident_timeline_entry", "incident", false, true, 200, {}},
              [](RequestContext& ctx) { return AddToStory(ctx, false); }});
  router.Add({http::verb::post, "/api/v1/incidents/{id}/communications", Access::Needs(iw.any, iw.own),
              {"Record a message to an interested party about the incident", "incidents", "incident_communication",
               "incident", false, true, 200, {}},
              [](RequestContext& ctx) { return AddToStory(ctx, true); }});
  router.Add({http::verb::post, "/api/v1/incidents/{id}/feed-risk", Access::Needs(iw.any, iw.own),
              {"Feed the incident into the risk register: a new risk (201) or, with risk, a re-score that reopens a "
               "closed or accepted one (200)",
               "incidents", "incident_feed_risk", "incident_feed_risk_result", false, true, 201, {}},
              FeedRisk});
}

}  // namespace aims::api
