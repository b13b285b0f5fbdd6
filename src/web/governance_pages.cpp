#include "web/governance_pages.h"

#include <limits>

#include "api/governance_routes.h"
#include "base/clock.h"
#include "report/trend_chart.h"
#include "service/governance.h"
#include "service/objectives.h"
#include "web/record_view.h"
#include "web/session_pages.h"
#include "web/view.h"

namespace aims::web {

namespace {

using domain::DisplayId;
using domain::EntityKind;
using domain::Permission;

base::Result<api::Response> ApproveSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  service::Approver who{ctx.principal->person, ctx.principal->permissions.Has(Permission::kApprove)};
  base::Status s = ctx.Mutate([&](service::Mutation& m) {
    return service::ApprovePolicy(m, id, version, who, base::Now().date()).status();
  });
  if (!s.ok()) return ErrorPage(s, ctx);
  return Redirect(RecordPath(EntityKind::kPolicy, id));
}

base::Result<api::Response> RecordSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  auto on = base::Date::Parse(FormValue(form, "measured_on"));
  if (!on.ok()) return ErrorPage(base::Status::InvalidArgument("choose the day it was measured", "measured_on"), ctx);
  base::Status s = ctx.Mutate([&](service::Mutation& m) {
    return service::RecordMeasurement(m, id, *on, FormValue(form, "value"), FormValue(form, "note")).status();
  });
  if (!s.ok()) return ErrorPage(s, ctx);
  return Redirect(RecordPath(EntityKind::kObjective, id));
}

std::string TargetText(const domain::Objective& o) {
  return std::string(o.direction == domain::TargetDirection::kAtLeast ? "at least " : "at most ") + o.target +
         (o.unit.empty() ? "" : " " + o.unit);
}

base::Result<api::Response> GovernancePage(api::RequestContext& ctx) {
  std::vector<domain::Policy> policies;
  std::vector<service::ObjectiveView> objectives;
  domain::RaciMatrix matrix;
  std::vector<domain::RaciGap> gaps;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    store::RecordQuery q;
    q.limit = std::numeric_limits<int64_t>::max();
    std::optional<store::PageKey> next;
    AIMS_TRY(tx.records<domain::Policy>().Query(q, &policies, &next));
    AIMS_ASSIGN_OR_RETURN(objectives, service::ObjectiveViews(tx, base::Now().date()));
    AIMS_ASSIGN_OR_RETURN(matrix, service::BuildRaciMatrix(tx));
    AIMS_ASSIGN_OR_RETURN(gaps, service::FindRaciGaps(tx));
    return base::Status::OK();
  }));
  NameCache names(*ctx.ws);
  const base::Date today = names.Zone().LocalDate(base::Now());
  Data d;
  DataList p;
  for (const auto& policy : policies) {
    Data row;
    row.set("href", RecordPath(EntityKind::kPolicy, policy.meta.id));
    row.set("id", DisplayId(EntityKind::kPolicy, policy.meta.id));
    row.set("title", policy.title);
    row.set("version", policy.version);
    row.set("kind", EnumLabel(domain::EnumName(policy.kind)));
    row.set("owner", policy.owner ? names.Name(EntityKind::kPerson, *policy.owner) : std::string());
    row.set("approved", policy.status == domain::PolicyStatus::kApproved);
    row.set("next_review", policy.next_review ? policy.next_review->ToString() : std::string());
    row.set("overdue", domain::PolicyReviewOverdue(policy, today));
    p.push_back(std::move(row));
  }
  d.set("policies", p);
  DataList obj;
  for (const auto& v : objectives) {
    Data row;
    row.set("href", RecordPath(EntityKind::kObjective, v.objective.meta.id));
    row.set("id", DisplayId(EntityKind::kObjective, v.objective.meta.id));
    row.set("title", v.objective.title);
    row.set("target", TargetText(v.objective));
    row.set("latest", v.progress.latest ? report::FormatValue(*v.progress.latest) : std::string("none yet"));
    row.set("measured", v.progress.latest.has_value());
    row.set("met", v.progress.met);
    row.set("overdue", v.progress.overdue);
    row.set("due", v.objective.due ? v.objective.due->ToString() : std::string());
    obj.push_back(std::move(row));
  }
  d.set("objectives", obj);
  // Columns: people by business unit, with a header row of units spanning their people.
  DataList units, people;
  for (size_t i = 0; i < matrix.people.size();) {
    const std::string& unit = matrix.people[i].business_unit;
    const bool left = matrix.people[i].meta.retired();
    size_t j = i;
    while (j < matrix.people.size() && matrix.people[j].business_unit == unit &&
           matrix.people[j].meta.retired() == left) {
      Data person;
      person.set("name", matrix.people[j].name);
      person.set("href", RecordPath(EntityKind::kPerson, matrix.people[j].meta.id));
      person.set("left", left);
      people.push_back(std::move(person));
      ++j;
    }
    Data u;
    u.set("name", left ? std::string("Left the organisation") : unit.empty() ? std::string("No unit") : unit);
    u.set("span", std::to_string(j - i));
    units.push_back(std::move(u));
    i = j;
  }
  d.set("units", units);
  d.set("people", people);
  DataList rows;
  for (const auto& r : matrix.rows) {
    Data row;
    row.set("href", RecordPath(EntityKind::kResponsibility, r.meta.id));
    row.set("activity", r.activity);
    row.set("scope", r.system ? names.Name(EntityKind::kAiSystem, *r.system) : std::string("AIMS"));
    if (r.system) row.set("scope_href", RecordPath(EntityKind::kAiSystem, *r.system));
    DataList cells;
    for (const auto& person : matrix.people) {
      Data c;
      std::string letters = domain::RaciLetters(r, person.meta.id);
      c.set("letters", letters);
      c.set("accountable", letters.find('A') != std::string::npos);
      c.set("left", person.meta.retired() && !letters.empty());
      cells.push_back(std::move(c));
    }
    row.set("cells", cells);
    rows.push_back(std::move(row));
  }
  d.set("rows", rows);
  d.set("column_count", std::to_string(matrix.people.size() + 2));
  DataList g;
  for (const auto& gap : gaps) {
    Data item;
    item.set("kind", std::string(domain::EnumName(gap.kind)));
    item.set("text", gap.text);
    if (gap.entry) item.set("href", RecordPath(EntityKind::kResponsibility, *gap.entry));
    else if (gap.record) item.set("href", RecordPath(gap.record_kind, *gap.record));
    else if (gap.system) item.set("href", RecordPath(EntityKind::kAiSystem, *gap.system));
    g.push_back(std::move(item));
  }
  d.set("gaps", g);
  d.set("gap_count", std::to_string(gaps.size()));
  d.set("has_gaps", !gaps.empty());
  d.set("can_edit", MayWriteKind<domain::Responsibility>(ctx));
  return Page(ctx, {"Governance: policies and accountability", "Governance"}, Render("governance", d));
}

}  // namespace

std::string PolicyPanel(api::RequestContext& ctx, const domain::Policy& policy) {
  Data d;
  d.set("href", RecordPath(EntityKind::kPolicy, policy.meta.id));
  d.set("csrf", ctx.csrf_token);
  d.set("version", std::to_string(policy.meta.version));
  d.set("doc_version", policy.version);
  NameCache names(*ctx.ws);
  const bool approved = policy.status == domain::PolicyStatus::kApproved;
  d.set("approved", approved);
  if (approved) {
    d.set("approved_by", policy.approved_by ? names.Name(EntityKind::kPerson, *policy.approved_by) : std::string());
    d.set("approved_on", policy.approved_on ? policy.approved_on->ToString() : std::string());
    d.set("next_review", policy.next_review ? policy.next_review->ToString() : std::string());
    d.set("overdue", domain::PolicyReviewOverdue(policy, names.Zone().LocalDate(base::Now())));
  }
  const bool approver = ctx.principal->permissions.Has(Permission::kApprove) && ctx.principal->person.has_value();
  const bool owner = policy.owner && policy.owner == ctx.principal->person;
  d.set("may_approve", approver && !owner && !policy.meta.retired());
  d.set("owner_note", approver && owner);
  return Render("policy_panel", d);
}

std::string ObjectivePanel(api::RequestContext& ctx, const domain::Objective& objective) {
  service::ObjectiveView v;
  (void)ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(v, service::ViewOf(tx, objective.meta.id, base::Now().date()));
    return base::Status::OK();
  });
  Data d;
  d.set("href", RecordPath(EntityKind::kObjective, objective.meta.id));
  d.set("csrf", ctx.csrf_token);
  d.set("target", TargetText(objective));
  d.set("measured", v.progress.latest.has_value());
  if (v.progress.latest) d.set("latest", report::FormatValue(*v.progress.latest));
  d.set("met", v.progress.met);
  d.set("overdue", v.progress.overdue);
  d.set("trend", std::string(v.progress.trend > 0 ? "moving towards the target"
                             : v.progress.trend < 0 ? "moving away from the target" : ""));
  d.set("chart", report::TrendChartSvg(api::TrendChartOf(objective, v.progress)));
  d.set("chart_href", "/api/v1/objectives/" + std::to_string(objective.meta.id) + "/chart.svg");
  d.set("today", base::Now().date().ToString());
  d.set("may_record", !objective.meta.retired() && MayWriteKind<domain::Measurement>(ctx));
  DataList rows;
  for (auto it = v.progress.points.rbegin(); it != v.progress.points.rend(); ++it) {
    Data r;
    r.set("on", it->on.ToString());
    r.set("value", report::FormatValue(it->value));
    rows.push_back(std::move(r));
  }
  d.set("points", rows);
  return Render("objective_panel", d);
}

void AddGovernancePages(api::Router& router) {
  auto page = [&router](api::http::verb method, std::string pattern, api::Access access, api::Handler handler) {
    AddPage(router, method, std::move(pattern), access, std::move(handler));
  };
  page(api::http::verb::get, "/governance", api::Access::Needs(Permission::kRegisterRead), GovernancePage);
  page(api::http::verb::post, "/policies/{id}/approve", api::Access::Needs(Permission::kApprove), ApproveSubmit);
  page(api::http::verb::post, "/objectives/{id}/record",
       api::Access::Needs(domain::WriteAccessFor(EntityKind::kMeasurement).any), RecordSubmit);
}

}  // namespace aims::web
