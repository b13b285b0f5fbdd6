// The register-aware rules of Mutation::CheckWorkflow (service/mutation.h): what a record of
// these kinds may become depends on other records (the methodology's scales, the assessment an
// impact belongs to) or on the action (only the service creates classifications).
#include "service/mutation.h"
#include "service/record_reads.h"

#include "domain/gate_policy_text.h"
#include "domain/raci.h"
#include "domain/risk_scoring.h"

namespace aims::service {

namespace {

using domain::DisplayId;

base::Status OnlyService(domain::EntityKind kind, std::string_view action, std::initializer_list<std::string_view> allowed,
                         std::string_view instead = "classify the system to make a new one") {
  for (auto a : allowed) {
    if (a == action) return base::Status::OK();
  }
  return base::Status::FailedPrecondition(std::string(domain::Info(kind).plural) + " are written by aims itself (" +
                                          std::string(action) + " refused): " + std::string(instead));
}

}  // namespace

base::Result<domain::RiskMethodology> Mutation::Methodology() { return CurrentMethodology(tx_); }

base::Result<domain::RiskMethodology> CurrentMethodology(store::Tx& tx) {
  AIMS_ASSIGN_OR_RETURN(auto live, FirstLive<domain::RiskMethodology>(tx));
  return live ? *live : domain::DefaultMethodology();
}

base::Result<const domain::RiskScale*> Mutation::Scale() {
  if (!scale_) {
    AIMS_ASSIGN_OR_RETURN(domain::RiskMethodology m, Methodology());
    AIMS_ASSIGN_OR_RETURN(domain::RiskScale scale, domain::RiskScale::Compile(m));
    scale_ = std::move(scale);
  }
  return &*scale_;
}

base::Status Mutation::CheckWorkflow(domain::Risk& risk, std::string_view action) {
  AIMS_ASSIGN_OR_RETURN(const domain::RiskScale* scale, Scale());
  auto on_scale = [](std::string_view field, int64_t value, int max, bool zero_ok) -> base::Status {
    if ((zero_ok && value == 0) || (value >= 1 && value <= max)) return base::Status::OK();
    return base::Status::InvalidArgument("must be between 1 and " + std::to_string(max) +
                                             " (the risk methodology's scale), got " + std::to_string(value),
                                         std::string(field));
  };
  AIMS_TRY(on_scale("likelihood", risk.likelihood, scale->likelihoods(), false));
  AIMS_TRY(on_scale("impact", risk.impact, scale->impacts(), false));
  AIMS_TRY(on_scale("residual_likelihood", risk.residual_likelihood, scale->likelihoods(), true));
  AIMS_TRY(on_scale("residual_impact", risk.residual_impact, scale->impacts(), true));
  // The methodology's review cadence: a live risk without a review date is due for review the
  // cadence of its level from now.
  if (!risk.review_date && risk.status != domain::RiskStatus::kClosed && !risk.meta.retired()) {
    int rank = domain::EffectiveRank(*scale, risk);
    if (rank >= 0) risk.review_date = now_.date().AddDays(scale->ReviewDays(rank));
  }

  if (action == "accept") return base::Status::OK();  // the service checked the approver
  std::optional<domain::Risk> stored;
  if (action != "create") {
    AIMS_ASSIGN_OR_RETURN(domain::Risk s, tx_.records<domain::Risk>().Get(risk.meta.id));
    stored = std::move(s);
  }
  // An approver's acceptance holds for the scores it was given on, while the risk stays accepted.
  if (stored && stored->accepted_by) {
    bool rescored = risk.likelihood != stored->likelihood || risk.impact != stored->impact ||
                    risk.residual_likelihood != stored->residual_likelihood ||
                    risk.residual_impact != stored->residual_impact;
    if (risk.status == domain::RiskStatus::kAccepted && rescored) {
      return base::Status::FailedPrecondition(
          "its acceptance by an approver holds for the scores it was given on: set the status back to "
          "open or treating before changing them",
          "status");
    }
    if (risk.status != domain::RiskStatus::kAccepted) {
      risk.accepted_by.reset();
      risk.accepted_on.reset();
      risk.acceptance_note.clear();
    }
  }
  if (risk.status == domain::RiskStatus::kAccepted && !risk.accepted_by) {
    int rank = domain::EffectiveRank(*scale, risk);
    if (scale->AboveAppetite(rank)) {
      return base::Status::FailedPrecondition(
          "its " + std::string(risk.residual_likelihood ? "residual" : "inherent") + " level (" +
              scale->LevelName(rank) + ") is above the risk appetite (" +
              scale->LevelName(scale->appetite()) +
              "): only an approver who is not its owner can accept it (aims risk accept, or "
              "POST /api/v1/risks/{id}/accept)",
          "status");
    }
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::RiskMethodology&, std::string_view action) {
  if (action == "create") {
    AIMS_ASSIGN_OR_RETURN(int64_t live, tx_.records<domain::RiskMethodology>().Count(false));
    if (live > 0) {
      return base::Status::AlreadyExists(
          "the register has its risk methodology already: change it (aims methodology set) instead");
    }
    return base::Status::OK();
  }
  if (action == "change") return base::Status::OK();
  return base::Status::FailedPrecondition(
      "the risk methodology changes only as a whole, re-scoring every risk: use aims methodology set "
      "or PUT /api/v1/risk-methodology");
}

base::Status Mutation::CheckWorkflow(domain::ImpactAssessment& a, std::string_view action) {
  if (action == "create" || action == "revise") {
    if (a.status != domain::AssessmentStatus::kDraft || a.approved_by || a.approved_on) {
      return base::Status::InvalidArgument("a new impact assessment starts as a draft", "status");
    }
    if (a.version == 0) {
      // The next version number of the system's assessments.
      AIMS_ASSIGN_OR_RETURN(auto last, LatestVersion<domain::ImpactAssessment>(tx_, *a.system, true));
      a.version = last ? last->version + 1 : 1;
    }
    return base::Status::OK();
  }
  if (action == "supersede") return base::Status::OK();
  AIMS_ASSIGN_OR_RETURN(domain::ImpactAssessment stored, tx_.records<domain::ImpactAssessment>().Get(a.meta.id));
  if (stored.status != domain::AssessmentStatus::kDraft) {
    return base::Status::FailedPrecondition(
        DisplayId(a.kKind, a.meta.id) + " (version " + std::to_string(stored.version) + ") is " +
            std::string(domain::EnumName(stored.status)) +
            " and frozen: revise it to start a new version",
        "status");
  }
  if (action != "approve" && (a.status != stored.status || a.version != stored.version ||
                              a.system != stored.system)) {
    return base::Status::InvalidArgument("only approval changes a version's status, number or system",
                                         a.system != stored.system ? "system" : "status");
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::ImpactItem& item, std::string_view action) {
  auto draft = [&](domain::Id id, std::string_view field) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::ImpactAssessment a, tx_.records<domain::ImpactAssessment>().Get(id));
    if (a.status != domain::AssessmentStatus::kDraft) {
      return base::Status::FailedPrecondition(
          DisplayId(domain::EntityKind::kImpactAssessment, id) + " (version " + std::to_string(a.version) +
              ") is " + std::string(domain::EnumName(a.status)) +
              " and frozen: revise it to change its impacts",
          std::string(field));
    }
    return base::Status::OK();
  };
  if (!item.assessment) return base::Status::OK();  // Validate reports the missing field
  AIMS_TRY(draft(*item.assessment, "assessment"));
  if (action != "create") {
    AIMS_ASSIGN_OR_RETURN(domain::ImpactItem stored, tx_.records<domain::ImpactItem>().Get(item.meta.id));
    if (stored.assessment && stored.assessment != item.assessment) AIMS_TRY(draft(*stored.assessment, "assessment"));
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::AiActAssessment&, std::string_view action) {
  return OnlyService(domain::EntityKind::kAiActAssessment, action, {"classify", "retire"});
}

base::Status Mutation::CheckWorkflow(domain::Obligation&, std::string_view action) {
  if (action == "create") return OnlyService(domain::EntityKind::kObligation, action, {});
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::AiSystem& system, std::string_view action) {
  if (action != "update") return base::Status::OK();  // create sets the stage it starts at; "advance" is the gate's
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem stored, tx_.records<domain::AiSystem>().Get(system.meta.id));
  if (stored.lifecycle_stage == system.lifecycle_stage) return base::Status::OK();
  return base::Status::FailedPrecondition(
      "the lifecycle stage changes through its gate: aims system advance " + DisplayId(system.kKind, system.meta.id) +
          " --to " + std::string(domain::EnumName(system.lifecycle_stage)) + " (POST /api/v1/systems/" +
          std::to_string(system.meta.id) + "/advance)",
      "lifecycle_stage");
}

base::Status Mutation::CheckWorkflow(domain::GateRequest&, std::string_view action) {
  return OnlyService(domain::EntityKind::kGateRequest, action, {"request", "approve", "refuse", "override"},
                     "ask for a move with aims system advance (POST /api/v1/systems/{id}/advance)");
}

base::Status Mutation::CheckWorkflow(domain::Incident& incident, std::string_view) {
  // Times of what already happened cannot lie ahead (a few minutes of clock skew allowed): a
  // reporting clock started in the future would hide a late report.
  const base::Timestamp latest(now_.micros() + int64_t{5} * 60 * 1000 * 1000);
  for (auto [field, at] : {std::pair{"occurred_at", incident.occurred_at}, std::pair{"aware_at", incident.aware_at},
                           std::pair{"reported_at", incident.reported_at}}) {
    if (at && *at > latest) return base::Status::InvalidArgument("lies in the future", field);
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::Policy& policy, std::string_view action) {
  if (action == "create") {
    if (policy.status != domain::PolicyStatus::kDraft || policy.approved_by || policy.approved_on || policy.next_review) {
      return base::Status::InvalidArgument("a new policy starts as a draft: an approver approves it", "status");
    }
    return base::Status::OK();
  }
  if (action != "update") return base::Status::OK();  // approve, retire: the service's own steps
  AIMS_ASSIGN_OR_RETURN(domain::Policy stored, tx_.records<domain::Policy>().Get(policy.meta.id));
  const bool content_changed = policy.title != stored.title || policy.kind != stored.kind ||
                               policy.version != stored.version || policy.summary != stored.summary ||
                               policy.document != stored.document || policy.requirements != stored.requirements;
  if (stored.status == domain::PolicyStatus::kApproved && content_changed) {
    // The approved text stays in the ledger; what changed is a new version, not yet in force.
    if (policy.version == stored.version) {
      return base::Status::FailedPrecondition(
          "version " + stored.version + " is approved: a changed policy is a new version (give its number)", "version");
    }
    policy.status = domain::PolicyStatus::kDraft;
    policy.approved_by.reset();
    policy.approved_on.reset();
    policy.next_review.reset();
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::Responsibility& entry, std::string_view action) {
  if (action == "retire") return base::Status::OK();
  // No one who has left takes on an activity.
  auto present = [&](std::optional<domain::Id> person, std::string_view field) -> base::Status {
    if (!person) return base::Status::OK();
    auto p = tx_.records<domain::Person>().Get(*person);
    if (p.ok() && p->meta.retired()) {
      return base::Status::FailedPrecondition(
          DisplayId(domain::EntityKind::kPerson, *person) + " (" + p->name + ") has left: choose someone else", field);
    }
    return base::Status::OK();
  };
  AIMS_TRY(present(entry.accountable, "accountable"));
  for (domain::Id r : entry.responsible) AIMS_TRY(present(r, "responsible"));
  // One row per activity and system: its accountable person is never in doubt.
  store::RecordQuery q;
  if (entry.system) q.equals = {{"system", std::to_string(*entry.system)}};
  q.limit = std::numeric_limits<int64_t>::max();
  std::vector<domain::Responsibility> same_scope;
  std::optional<store::PageKey> next;
  AIMS_TRY(tx_.records<domain::Responsibility>().Query(q, &same_scope, &next));
  for (const auto& other : same_scope) {
    if (other.meta.id == entry.meta.id || other.system != entry.system) continue;
    if (domain::SameActivity(other.activity, entry.activity)) {
      return base::Status::AlreadyExists(
          "\"" + other.activity + "\" already has its accountable person in " +
              DisplayId(domain::EntityKind::kResponsibility, other.meta.id) +
              (entry.system ? " for " + DisplayId(domain::EntityKind::kAiSystem, *entry.system) : std::string()) +
              ": change that row instead",
          "activity");
    }
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::Training& training, std::string_view action) {
  if (action == "retire") return base::Status::OK();
  if (training.completed_on && *training.completed_on > now_.date().AddDays(1)) {
    return base::Status::InvalidArgument("a course cannot be completed in the future", "completed_on");
  }
  if (training.course) {
    auto c = tx_.records<domain::Course>().Get(*training.course);
    if (c.ok() && c->meta.retired()) {
      return base::Status::FailedPrecondition("it is retired: completions go to live courses", "course");
    }
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::OversightArrangement& arrangement, std::string_view action) {
  if (action == "retire") return base::Status::OK();
  // The people named must be there to act: no one who has left.
  for (const auto& [list, field] : {std::pair{&arrangement.can_stop, "can_stop"},
                                    std::pair{&arrangement.can_override, "can_override"},
                                    std::pair{&arrangement.escalate_to, "escalate_to"}}) {
    for (domain::Id person : *list) {
      auto p = tx_.records<domain::Person>().Get(person);
      if (p.ok() && p->meta.retired()) {
        return base::Status::FailedPrecondition(
            DisplayId(domain::EntityKind::kPerson, person) + " (" + p->name + ") has left: choose someone else", field);
      }
    }
  }
  for (domain::Id course : arrangement.required_courses) {
    auto c = tx_.records<domain::Course>().Get(course);
    if (c.ok() && c->meta.retired()) {
      return base::Status::FailedPrecondition(DisplayId(domain::EntityKind::kCourse, course) + " (" + c->title +
                                                  ") is retired",
                                              "required_courses");
    }
  }
  // One arrangement per system: who may stop it has one answer.
  if (arrangement.system) {
    AIMS_ASSIGN_OR_RETURN(auto same, LiveReferring<domain::OversightArrangement>(tx_, "system", *arrangement.system));
    for (const auto& other : same) {
      if (other.meta.id == arrangement.meta.id) continue;
      return base::Status::AlreadyExists(DisplayId(domain::EntityKind::kAiSystem, *arrangement.system) +
                                             " has its oversight arrangement already, " +
                                             DisplayId(domain::EntityKind::kOversightArrangement, other.meta.id) +
                                             ": change that one instead",
                                         "system");
    }
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::Measurement& measurement, std::string_view action) {
  if (action == "retire") return base::Status::OK();
  // A day ahead of UTC is still today somewhere the organisation may be.
  if (measurement.measured_on && *measurement.measured_on > now_.date().AddDays(1)) {
    return base::Status::InvalidArgument("a measurement cannot lie in the future", "measured_on");
  }
  if (measurement.objective) {
    // A missing objective is reported by the reference check, naming the field.
    auto o = tx_.records<domain::Objective>().Get(*measurement.objective);
    if (o.ok() && o->meta.retired()) {
      return base::Status::FailedPrecondition("it is retired: measurements go to live objectives", "objective");
    }
  }
  return base::Status::OK();
}

base::Status Mutation::CheckWorkflow(domain::GatePolicyRecord& policy, std::string_view action) {
  auto parsed = domain::ParseGatePolicy(policy.rules);
  if (!parsed.ok()) return parsed.status().WithContext("rules");
  if (action == "create") {
    AIMS_ASSIGN_OR_RETURN(int64_t live, tx_.records<domain::GatePolicyRecord>().Count(false));
    if (live > 0) {
      return base::Status::AlreadyExists("the register has its gate policy already: change its rules instead");
    }
  }
  return base::Status::OK();
}

base::Status Mutation::CheckCatalogRefs(const catalog::CatalogSet& catalogs, const domain::Risk& risk) {
  for (const auto& ref : risk.objectives) {
    auto item = catalogs.ResolveRequirement(ref);
    if (!item.ok()) return item.status().WithContext("objectives");
  }
  return base::Status::OK();
}

}  // namespace aims::service
