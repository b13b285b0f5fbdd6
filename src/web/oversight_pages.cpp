#include "web/oversight_pages.h"

#include "base/clock.h"
#include "service/oversight.h"
#include "web/record_view.h"
#include "web/session_pages.h"
#include "web/view.h"

namespace aims::web {

namespace {

using domain::DisplayId;
using domain::EntityKind;
using domain::Permission;

std::string BadgeClass(domain::CompetenceState s) {
  return s == domain::CompetenceState::kValid ? "ok" : s == domain::CompetenceState::kExpiring ? "" : "warn";
}

Data CheckData(const domain::CompetenceCheck& c, const std::string& course_title) {
  Data d;
  d.set("course", course_title);
  d.set("course_href", RecordPath(EntityKind::kCourse, c.course));
  d.set("state", std::string(domain::EnumName(c.state)));
  d.set("badge", BadgeClass(c.state));
  d.set("text", domain::DescribeCompetence(c));
  if (c.training) d.set("training_href", RecordPath(EntityKind::kTraining, *c.training));
  return d;
}

// The overseers and gaps of one system, shared by the page and the panels.
Data ViewData(const domain::OversightView& v, NameCache& names) {
  Data d;
  d.set("system", v.system.name);
  d.set("system_href", RecordPath(EntityKind::kAiSystem, v.system.meta.id));
  d.set("system_id", DisplayId(EntityKind::kAiSystem, v.system.meta.id));
  d.set("mode", EnumLabel(domain::EnumName(v.system.human_oversight)));
  d.set("ready", v.gaps.empty());
  if (v.arrangement) {
    d.set("arrangement_href", RecordPath(EntityKind::kOversightArrangement, v.arrangement->meta.id));
    d.set("arrangement_id", DisplayId(EntityKind::kOversightArrangement, v.arrangement->meta.id));
  }
  DataList overseers;
  for (const auto& o : v.review.overseers) {
    Data row;
    row.set("name", o.name.empty() ? DisplayId(EntityKind::kPerson, o.person) : o.name);
    row.set("href", RecordPath(EntityKind::kPerson, o.person));
    std::string powers;
    for (auto p : o.powers) powers += (powers.empty() ? "" : ", ") + std::string(p);
    row.set("powers", powers);
    row.set("left", o.left);
    DataList courses;
    for (const auto& c : o.courses) courses.push_back(CheckData(c, names.Name(EntityKind::kCourse, c.course)));
    row.set("courses", courses);
    overseers.push_back(std::move(row));
  }
  d.set("has_overseers", !overseers.empty());
  d.set("overseers", overseers);
  DataList gaps, warnings;
  for (const auto& g : v.gaps) {
    Data item;
    item.set("text", g);
    gaps.push_back(std::move(item));
  }
  for (const auto& w : v.review.warnings) {
    Data item;
    item.set("text", w);
    warnings.push_back(std::move(item));
  }
  d.set("gaps", gaps);
  d.set("warnings", warnings);
  return d;
}

base::Result<api::Response> CompetencePage(api::RequestContext& ctx) {
  std::vector<domain::OversightView> views;
  std::vector<domain::PersonCompetence> people;
  const base::Date today = base::Now().date();
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(views, service::OversightViews(tx, today));
    AIMS_ASSIGN_OR_RETURN(people, service::CompetenceRegisterOf(tx, today));
    return base::Status::OK();
  }));
  NameCache names(*ctx.ws);
  Data d;
  DataList systems;
  size_t ready = 0;
  for (const auto& v : views) {
    ready += v.gaps.empty() ? 1 : 0;
    systems.push_back(ViewData(v, names));
  }
  d.set("systems", systems);
  d.set("ready_count", std::to_string(ready) + " of " + std::to_string(views.size()));
  DataList rows;
  size_t competent = 0;
  for (const auto& p : people) {
    competent += p.competent() ? 1 : 0;
    for (size_t i = 0; i < p.courses.size(); ++i) {
      const auto& c = p.courses[i];
      Data row = CheckData(c.check, c.course.title);
      row.set("first", i == 0);
      row.set("span", std::to_string(p.courses.size()));
      row.set("person", p.person.name);
      row.set("person_href", RecordPath(EntityKind::kPerson, p.person.meta.id));
      std::string because;
      for (const auto& b : c.because) because += (because.empty() ? "" : "; ") + b;
      row.set("because", because);
      row.set("expires", c.check.expires_on ? c.check.expires_on->ToString() : std::string());
      rows.push_back(std::move(row));
    }
  }
  d.set("rows", rows);
  d.set("competent_count", std::to_string(competent) + " of " + std::to_string(people.size()));
  d.set("can_edit_courses", MayWriteKind<domain::Course>(ctx));
  d.set("can_record", MayWriteKind<domain::Training>(ctx));
  d.set("can_arrange", MayWriteKind<domain::OversightArrangement>(ctx));
  return Page(ctx, {"Human oversight and competence", "Governance"}, Render("competence", d));
}

std::string Panel(api::RequestContext& ctx, domain::Id system) {
  domain::OversightView v;
  base::Status read = ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(v, service::OversightOf(tx, system, base::Now().date()));
    return base::Status::OK();
  });
  if (!read.ok()) return "";
  NameCache names(*ctx.ws);
  Data d = ViewData(v, names);
  d.set("can_arrange", !v.arrangement && MayWriteKind<domain::OversightArrangement>(ctx));
  return Render("oversight_panel", d);
}

}  // namespace

std::string OversightPanel(api::RequestContext& ctx, const domain::AiSystem& system) {
  return Panel(ctx, system.meta.id);
}

std::string OversightPanel(api::RequestContext& ctx, const domain::OversightArrangement& arrangement) {
  if (!arrangement.system || arrangement.meta.retired()) return "";
  return Panel(ctx, *arrangement.system);
}

void AddOversightPages(api::Router& router) {
  AddPage(router, api::http::verb::get, "/competence", api::Access::Needs(Permission::kRegisterRead), CompetencePage);
}

}  // namespace aims::web
