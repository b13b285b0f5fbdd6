#include "service/governance.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "service/mutation.h"
#include "service/record_reads.h"

namespace aims::service {

namespace {

using domain::DisplayId;
using domain::EntityKind;

}  // namespace

base::Result<domain::Policy> ApprovePolicy(Mutation& m, domain::Id id, int64_t expected_version, const Approver& who,
                                           base::Date today) {
  AIMS_TRY(CheckApprover(who, "approve a policy"));
  AIMS_ASSIGN_OR_RETURN(auto policy, GetAtVersion<domain::Policy>(m, id, expected_version));
  if (policy.meta.retired()) return base::Status::FailedPrecondition("it is retired", DisplayId(EntityKind::kPolicy, id));
  if (policy.owner && policy.owner == who.person) {
    return base::Status::PermissionDenied("you own this policy: another approver must approve it", "approved_by");
  }
  const bool review = policy.status == domain::PolicyStatus::kApproved;
  policy.status = domain::PolicyStatus::kApproved;
  policy.approved_by = who.person;
  policy.approved_on = today;
  policy.next_review = domain::AddMonths(today, policy.review_months);
  AIMS_TRY(m.Update(policy, expected_version, review ? "review" : "approve"));
  return policy;
}

base::Result<domain::RaciMatrix> BuildRaciMatrix(store::Tx& tx) {
  domain::RaciMatrix m;
  AIMS_ASSIGN_OR_RETURN(m.rows, AllRecords<domain::Responsibility>(tx, false));
  // The AIMS's activities in the standard's order, then each system's in lifecycle order.
  auto rank = [](const domain::Responsibility& r) -> size_t {
    auto list = r.system ? domain::LifecycleActivities() : domain::AimsActivities();
    for (size_t i = 0; i < list.size(); ++i) {
      if (domain::SameActivity(list[i].name, r.activity)) return i;
    }
    return list.size();
  };
  std::stable_sort(m.rows.begin(), m.rows.end(), [&](const auto& a, const auto& b) {
    auto key = [&](const domain::Responsibility& r) {
      return std::make_tuple(r.system.value_or(0), rank(r), r.activity);
    };
    return key(a) < key(b);
  });
  std::set<domain::Id> named;
  for (const auto& r : m.rows) {
    if (r.accountable) named.insert(*r.accountable);
    for (const auto* list : {&r.responsible, &r.consulted, &r.informed}) named.insert(list->begin(), list->end());
  }
  for (domain::Id id : named) {
    AIMS_ASSIGN_OR_RETURN(domain::Person p, tx.records<domain::Person>().Get(id));
    m.people.push_back(std::move(p));
  }
  std::stable_sort(m.people.begin(), m.people.end(), [](const domain::Person& a, const domain::Person& b) {
    return std::make_tuple(a.meta.retired(), a.business_unit, a.name) <
           std::make_tuple(b.meta.retired(), b.business_unit, b.name);
  });
  return m;
}

base::Result<std::vector<domain::RaciGap>> FindRaciGaps(store::Tx& tx) {
  std::vector<domain::RaciGap> gaps;
  AIMS_ASSIGN_OR_RETURN(auto rows, AllRecords<domain::Responsibility>(tx, false));
  auto covered = [&](std::string_view activity, std::optional<domain::Id> system) {
    return std::any_of(rows.begin(), rows.end(), [&](const domain::Responsibility& r) {
      return r.system == system && domain::SameActivity(r.activity, activity);
    });
  };
  for (const auto& a : domain::AimsActivities()) {
    if (covered(a.name, std::nullopt)) continue;
    domain::RaciGap g;
    g.activity = std::string(a.name);
    g.source = std::string(a.source);
    g.text = "no one is accountable for \"" + g.activity + "\" (" + g.source + ")";
    gaps.push_back(std::move(g));
  }
  AIMS_ASSIGN_OR_RETURN(auto systems, AllRecords<domain::AiSystem>(tx, false));
  for (const auto& s : systems) {
    for (const auto& a : domain::ActivitiesDueAt(s.lifecycle_stage)) {
      if (covered(a.name, s.meta.id)) continue;
      domain::RaciGap g;
      g.activity = std::string(a.name);
      g.source = std::string(a.source);
      g.system = s.meta.id;
      g.text = "no one is accountable for \"" + g.activity + "\" of " + DisplayId(EntityKind::kAiSystem, s.meta.id) +
               " " + s.name + " (" + g.source + ")";
      gaps.push_back(std::move(g));
    }
  }
  // People who left: who they were, and what still names them.
  AIMS_ASSIGN_OR_RETURN(auto people, AllRecords<domain::Person>(tx, true));
  std::map<domain::Id, std::string> left;
  for (const auto& p : people) {
    if (p.meta.retired()) left[p.meta.id] = DisplayId(EntityKind::kPerson, p.meta.id) + " " + p.name;
  }
  if (left.empty()) return gaps;
  for (const auto& r : rows) {
    std::string where = DisplayId(EntityKind::kResponsibility, r.meta.id) + " \"" + r.activity + "\"" +
                        (r.system ? " of " + DisplayId(EntityKind::kAiSystem, *r.system) : std::string());
    if (r.accountable && left.count(*r.accountable)) {
      domain::RaciGap g{domain::RaciGapKind::kAccountableLeft, r.activity, "", r.system, r.meta.id, r.accountable};
      g.text = left[*r.accountable] + " has left but is accountable for " + where;
      gaps.push_back(std::move(g));
    }
    for (domain::Id id : r.responsible) {
      if (!left.count(id)) continue;
      domain::RaciGap g{domain::RaciGapKind::kResponsibleLeft, r.activity, "", r.system, r.meta.id, id};
      g.text = left[id] + " has left but is responsible for " + where;
      gaps.push_back(std::move(g));
    }
  }
  // Every live record whose owner has left (systems, risks, controls, policies, incidents...).
  base::Status status;
  domain::ForEachRecordType([&]<class T>() {
    if (!status.ok()) return;
    bool has_owner = false;
    for (const auto& f : domain::FieldsOf<T>()) {
      has_owner = has_owner || (f.name == "owner" && f.kind == domain::FieldKind::kRef && f.ref == EntityKind::kPerson);
    }
    if (!has_owner) return;
    for (const auto& [person, who] : left) {
      store::RecordQuery q;
      q.equals = {{"owner", std::to_string(person)}};
      q.limit = std::numeric_limits<int64_t>::max();
      std::vector<T> owned;
      std::optional<store::PageKey> next;
      status = tx.records<T>().Query(q, &owned, &next);
      if (!status.ok()) return;
      for (const auto& r : owned) {
        domain::RaciGap g;
        g.kind = domain::RaciGapKind::kOwnerLeft;
        g.person = person;
        g.record_kind = T::kKind;
        g.record = r.meta.id;
        g.text = who + " has left but still owns " + DisplayId(T::kKind, r.meta.id);
        gaps.push_back(std::move(g));
      }
    }
  });
  AIMS_TRY(status);
  return gaps;
}

}  // namespace aims::service
