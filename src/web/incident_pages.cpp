#include "web/incident_pages.h"

#include "api/record_writes.h"
#include "base/clock.h"
#include "service/incidents.h"
#include "web/record_view.h"
#include "web/session_pages.h"
#include "web/view.h"

namespace aims::web {

namespace {

using domain::DisplayId;
using domain::EntityKind;

// "at" from a form: the organisation's local time, now when empty.
base::Result<base::Timestamp> FormTime(store::Tx& tx, const Form& form, base::Timestamp now) {
  std::string text = FormValue(form, "at");
  if (text.empty()) return now;
  AIMS_ASSIGN_OR_RETURN(base::TimeZone zone, service::OrganisationZone(tx));
  auto at = zone.ParseTime(text);
  if (!at.ok()) return at.status().WithContext("at");
  return *at;
}

// One of the panel's forms: the change runs on the incident at the form's version, by someone
// who may change it; errors are shown as a page naming the field.
template <class Fn>
base::Result<api::Response> IncidentSubmit(api::RequestContext& ctx, Fn change) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  base::Status s = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Incident incident, m.Get<domain::Incident>(id));
    AIMS_TRY(api::CheckOwnership(ctx, incident, &m.tx()));
    return change(m, id, version, form);
  });
  if (!s.ok()) return ErrorPage(s, ctx);
  return Redirect(RecordPath(EntityKind::kIncident, id));
}

base::Result<api::Response> TimelineSubmit(api::RequestContext& ctx) {
  return IncidentSubmit(ctx, [](service::Mutation& m, domain::Id id, int64_t version, const Form& form) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(base::Timestamp at, FormTime(m.tx(), form, m.now()));
    return service::AddTimelineEntry(m, id, version, at, FormValue(form, "what")).status();
  });
}

base::Result<api::Response> CommunicationSubmit(api::RequestContext& ctx) {
  return IncidentSubmit(ctx, [](service::Mutation& m, domain::Id id, int64_t version, const Form& form) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(base::Timestamp at, FormTime(m.tx(), form, m.now()));
    service::Communication c{at, FormValue(form, "to"), FormValue(form, "channel"), FormValue(form, "what")};
    return service::AddCommunication(m, id, version, c).status();
  });
}

base::Result<api::Response> FeedRiskSubmit(api::RequestContext& ctx) {
  return IncidentSubmit(ctx, [&ctx](service::Mutation& m, domain::Id id, int64_t version, const Form& form) -> base::Status {
    service::RiskFromIncident request;
    auto score = [&](const char* name) -> base::Result<int64_t> {
      std::string text = FormValue(form, name);
      if (text.size() != 1 || text[0] < '1' || text[0] > '5') {
        return base::Status::InvalidArgument("choose 1 to 5", name);
      }
      return int64_t{text[0] - '0'};
    };
    AIMS_ASSIGN_OR_RETURN(request.likelihood, score("likelihood"));
    AIMS_ASSIGN_OR_RETURN(request.impact, score("impact"));
    request.title = FormValue(form, "title");
    std::string risk = FormValue(form, "risk");
    if (!risk.empty()) {
      auto rid = domain::ParseDisplayId(EntityKind::kRisk, risk);
      if (!rid) return base::Status::InvalidArgument("not a risk id (RISK-n)", "risk");
      request.risk = *rid;
      AIMS_ASSIGN_OR_RETURN(domain::Risk existing, m.Get<domain::Risk>(*rid));
      AIMS_TRY(api::CheckOwnership(ctx, existing, &m.tx()));
    } else if (!domain::MayCreate(ctx.principal->permissions, EntityKind::kRisk)) {
      return base::Status::PermissionDenied("your role may not create risks", "risk");
    }
    return service::FeedRiskRegister(m, id, version, request).status();
  });
}

}  // namespace

std::string IncidentPanel(api::RequestContext& ctx, const domain::Incident& incident) {
  Data d;
  d.set("href", RecordPath(EntityKind::kIncident, incident.meta.id));
  d.set("csrf", ctx.csrf_token);
  d.set("version", std::to_string(incident.meta.version));
  base::TimeZone zone = base::TimeZone::Utc();
  (void)ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(zone, service::OrganisationZone(tx));
    return base::Status::OK();
  });
  d.set("zone", zone.name());
  if (auto clock = domain::ReportingClockOf(incident, zone, base::Now())) {
    d.set("serious", true);
    d.set("kind", EnumLabel(domain::EnumName(clock->clock.kind)));
    d.set("days", std::to_string(clock->clock.days));
    d.set("article", clock->clock.article);
    d.set("aware", zone.Format(*incident.aware_at));
    d.set("deadline", zone.Format(clock->clock.deadline));
    d.set("state", clock->state.text);
    d.set("overdue", clock->state.overdue);
    d.set("reported", clock->state.reported);
    if (incident.reported_at) d.set("reported_at", zone.Format(*incident.reported_at));
    d.set("reported_to", incident.reported_to);
  }
  bool may_change = !incident.meta.retired() && MayWriteKind<domain::Incident>(ctx) &&
                    api::CheckOwnership(ctx, incident).ok();
  d.set("may_change", may_change);
  d.set("may_feed_risk", may_change && (domain::MayCreate(ctx.principal->permissions, EntityKind::kRisk)));
  DataList scores;
  for (int i = 1; i <= 5; ++i) {
    Data s;
    s.set("value", std::to_string(i));
    scores.push_back(std::move(s));
  }
  d.set("scores", scores);
  return Render("incident_panel", d);
}

void AddIncidentPages(api::Router& router) {
  auto page = [&router](api::http::verb method, std::string pattern, api::Access access, api::Handler handler) {
    AddPage(router, method, std::move(pattern), access, std::move(handler));
  };
  domain::WriteAccess iw = domain::WriteAccessFor(EntityKind::kIncident);
  page(api::http::verb::post, "/incidents/{id}/timeline", api::Access::Needs(iw.any, iw.own), TimelineSubmit);
  page(api::http::verb::post, "/incidents/{id}/communications", api::Access::Needs(iw.any, iw.own), CommunicationSubmit);
  page(api::http::verb::post, "/incidents/{id}/feed-risk", api::Access::Needs(iw.any, iw.own), FeedRiskSubmit);
}

}  // namespace aims::web
