#include "service/inbox.h"

#include <algorithm>

#include "base/canonical_json.h"
#include "domain/entities.h"
#include "service/incidents.h"
#include "service/oversight.h"
#include "service/record_reads.h"

namespace aims::service {

namespace {

using domain::DisplayId;
using domain::EntityKind;
using domain::Permission;

bool Holds(const std::vector<domain::Id>& list, domain::Id id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// Who the items are for: one person with their permissions, or the organisation as a whole.
struct Scope {
  std::optional<domain::Id> person;
  domain::PermissionSet permissions;
  bool everyone = false;
};

base::Result<std::vector<InboxItem>> Collect(store::Tx& tx, const Scope& scope, base::Timestamp now) {
  const std::optional<domain::Id>& person = scope.person;
  const domain::PermissionSet& permissions = scope.permissions;
  const bool everyone = scope.everyone;
  AIMS_ASSIGN_OR_RETURN(base::TimeZone zone, OrganisationZone(tx));
  const base::Date today = zone.LocalDate(now);
  const base::Date horizon = today.AddDays(kInboxHorizonDays);
  std::vector<InboxItem> items;
  auto add = [&](std::string kind, std::string text, EntityKind k, domain::Id id, std::optional<base::Date> due,
                 std::string revision = "") {
    bool overdue = due && *due < today;
    std::string key = kind + ":" + DisplayId(k, id) + ":" + (due ? due->ToString() : revision) + (overdue ? ":overdue" : "");
    items.push_back(InboxItem{std::move(key), std::move(kind), std::move(text), k, id, due, overdue});
  };

  AIMS_ASSIGN_OR_RETURN(auto policies, AllRecords<domain::Policy>(tx));  // approvals and reviews

  // Approvals: only a person with the approve permission approves, never their own request.
  if (everyone || (person && permissions.Has(Permission::kApprove))) {
    AIMS_ASSIGN_OR_RETURN(auto gates, AllRecords<domain::GateRequest>(tx));
    for (const auto& g : gates) {
      if (g.status != domain::GateStatus::kPending) continue;
      if (!everyone && (g.requested_by == person || Holds(g.approved_by, *person))) continue;
      add("approval",
          DisplayId(EntityKind::kGateRequest, g.meta.id) + ": " +
              (g.system ? DisplayId(EntityKind::kAiSystem, *g.system) : std::string("a system")) + " to " +
              std::string(domain::EnumName(g.to_stage)) + " waits for approval (" +
              std::to_string(g.approved_by.size()) + " of " + std::to_string(g.approvers_needed) + ")",
          EntityKind::kGateRequest, g.meta.id, std::nullopt, std::to_string(g.approved_by.size()));
    }
    for (const auto& p : policies) {
      if (p.status != domain::PolicyStatus::kDraft || (!everyone && p.owner == person)) continue;
      add("approval", DisplayId(EntityKind::kPolicy, p.meta.id) + " \"" + p.title + "\" version " + p.version +
                          " is a draft waiting for approval",
          EntityKind::kPolicy, p.meta.id, std::nullopt, p.version);
    }
  }

  if (person || everyone) {
    for (const auto& p : policies) {
      if ((!everyone && p.owner != person) || p.status != domain::PolicyStatus::kApproved || !p.next_review ||
          horizon < *p.next_review) {
        continue;
      }
      add("review", DisplayId(EntityKind::kPolicy, p.meta.id) + " \"" + p.title + "\" is due for review on " +
                        p.next_review->ToString(),
          EntityKind::kPolicy, p.meta.id, p.next_review);
    }
    AIMS_ASSIGN_OR_RETURN(auto risks, AllRecords<domain::Risk>(tx));
    for (const auto& r : risks) {
      if ((!everyone && r.owner != person) || r.status == domain::RiskStatus::kClosed || !r.review_date || horizon < *r.review_date) {
        continue;
      }
      add("review", DisplayId(EntityKind::kRisk, r.meta.id) + " \"" + r.title + "\" is due for review on " +
                        r.review_date->ToString(),
          EntityKind::kRisk, r.meta.id, r.review_date);
    }
  }

  if (everyone || permissions.Has(Permission::kEvidenceWrite)) {
    AIMS_ASSIGN_OR_RETURN(auto evidence, AllRecords<domain::Evidence>(tx));
    for (const auto& e : evidence) {
      if (!e.expires_on || horizon < *e.expires_on) continue;
      add("evidence",
          DisplayId(EntityKind::kEvidence, e.meta.id) + " \"" + e.title + "\" " +
              (*e.expires_on < today ? "expired on " : "expires on ") + e.expires_on->ToString(),
          EntityKind::kEvidence, e.meta.id, e.expires_on);
    }
  }

  const bool all_systems = everyone || permissions.Has(Permission::kSystemWrite);
  if (person || all_systems) {
    AIMS_ASSIGN_OR_RETURN(auto clocks, IncidentClocks(tx, now, true));
    for (const auto& c : clocks) {
      if (!all_systems && c.incident.owner != person) continue;
      const bool late = c.clock.state.overdue;
      InboxItem item{"incident:" + DisplayId(EntityKind::kIncident, c.incident.meta.id) + ":" +
                         c.clock.clock.last_day.ToString() + (late ? ":overdue" : ""),
                     "incident",
                     DisplayId(EntityKind::kIncident, c.incident.meta.id) + " \"" + c.incident.title +
                         "\": EU serious-incident report " + (c.clock.state.overdue ? "OVERDUE, " : "due, ") +
                         c.clock.state.text,
                     EntityKind::kIncident, c.incident.meta.id, c.clock.clock.last_day,
                     c.clock.state.overdue};
      items.push_back(std::move(item));
    }
  }

  if (person && !everyone) {
    AIMS_ASSIGN_OR_RETURN(auto people, CompetenceRegisterOf(tx, today));
    for (const auto& p : people) {
      if (p.person.meta.id != *person) continue;
      for (const auto& c : p.courses) {
        if (c.check.state == domain::CompetenceState::kValid) continue;
        add("training", "course " + DisplayId(EntityKind::kCourse, c.course.meta.id) + " \"" + c.course.title + "\" " +
                            domain::DescribeCompetence(c.check),
            EntityKind::kCourse, c.course.meta.id,
            c.check.state == domain::CompetenceState::kMissing ? std::optional<base::Date>(today) : c.check.expires_on);
        if (c.check.state == domain::CompetenceState::kMissing) items.back().overdue = true;
      }
    }
  }

  std::stable_sort(items.begin(), items.end(), [](const InboxItem& a, const InboxItem& b) {
    if (a.overdue != b.overdue) return a.overdue;
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    return a.due && b.due && *a.due < *b.due;
  });
  return items;
}

}  // namespace

base::Result<std::vector<InboxItem>> InboxFor(store::Tx& tx, std::optional<domain::Id> person,
                                              const domain::PermissionSet& permissions, base::Timestamp now) {
  return Collect(tx, Scope{person, permissions, false}, now);
}

base::Result<std::vector<InboxItem>> OrganisationNotices(store::Tx& tx, base::Timestamp now) {
  return Collect(tx, Scope{std::nullopt, {}, true}, now);
}

std::string InboxItemJson(const InboxItem& it) {
  std::string out = "{\"kind\": ";
  base::AppendJsonString(&out, it.kind);
  out += ", \"text\": ";
  base::AppendJsonString(&out, it.text);
  out += ", \"record\": ";
  base::AppendJsonString(&out, DisplayId(it.record_kind, it.record));
  out += ", \"href\": ";
  base::AppendJsonString(&out, "/" + std::string(domain::Info(it.record_kind).plural) + "/" + std::to_string(it.record));
  out += ", \"due\": " + (it.due ? "\"" + it.due->ToString() + "\"" : std::string("null"));
  return out + std::string(", \"overdue\": ") + (it.overdue ? "true" : "false") + "}";
}

}  // namespace aims::service
