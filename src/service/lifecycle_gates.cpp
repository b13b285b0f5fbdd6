#include "service/lifecycle_gates.h"

#include <algorithm>
#include <set>

#include "domain/risk_scoring.h"
#include "service/mutation.h"

namespace aims::service {

namespace {

constexpr int64_t kAll = 1'000'000'000;

template <class T>
base::Result<std::vector<T>> OfSystem(store::Tx& tx, std::string_view field, domain::Id system) {
  store::RecordQuery q;
  q.equals.emplace_back(std::string(field), std::to_string(system));
  q.limit = kAll;
  std::vector<T> out;
  std::optional<store::PageKey> next;
  AIMS_TRY(tx.records<T>().Query(q, &out, &next));
  return out;
}

bool Implements(const domain::Control& c, std::string_view requirement) {
  return std::find(c.requirements.begin(), c.requirements.end(), requirement) != c.requirements.end();
}

}  // namespace

base::Result<domain::GateFacts> GateFactsFor(store::Tx& tx, domain::Id system_id, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, tx.records<domain::AiSystem>().Get(system_id));
  domain::GateFacts f;
  f.has_owner = system.owner.has_value();
  f.has_intended_use = !system.intended_use.empty();
  f.human_oversight_defined = system.human_oversight != domain::HumanOversight::kUnspecified &&
                              system.human_oversight != domain::HumanOversight::kNone;

  AIMS_ASSIGN_OR_RETURN(domain::RiskMethodology methodology, CurrentMethodology(tx));
  AIMS_ASSIGN_OR_RETURN(domain::RiskScale scale, domain::RiskScale::Compile(methodology));
  AIMS_ASSIGN_OR_RETURN(auto risks, OfSystem<domain::Risk>(tx, "systems", system_id));
  std::set<domain::Id> treating_controls;
  for (const domain::Risk& r : risks) {
    if (r.status == domain::RiskStatus::kClosed) continue;
    f.risks_assessed = true;
    treating_controls.insert(r.controls.begin(), r.controls.end());
    bool pending = r.status == domain::RiskStatus::kOpen || r.status == domain::RiskStatus::kTreating;
    int rank = domain::EffectiveRank(scale, r);
    if (pending && rank >= 0 && scale.AboveAppetite(rank)) f.untreated_risk_above_appetite = true;
  }

  AIMS_ASSIGN_OR_RETURN(auto assessments, OfSystem<domain::ImpactAssessment>(tx, "system", system_id));
  f.impact_assessment_approved = std::any_of(assessments.begin(), assessments.end(), [](const auto& a) {
    return a.status == domain::AssessmentStatus::kApproved;
  });

  // Evidence that counts today for the controls treating the system's risks.
  for (domain::Id control_id : treating_controls) {
    auto control = tx.records<domain::Control>().Get(control_id);
    if (!control.ok() || control->meta.retired_at) continue;
    AIMS_ASSIGN_OR_RETURN(auto evidence, OfSystem<domain::Evidence>(tx, "controls", control_id));
    bool current = std::any_of(evidence.begin(), evidence.end(), [&](const domain::Evidence& e) {
      return !e.expires_on || !(*e.expires_on < today);
    });
    if (!current) continue;
    f.verification_evidence = f.verification_evidence || Implements(*control, "iso42001:A.6.2.4");
    f.technical_documentation = f.technical_documentation || Implements(*control, "iso42001:A.6.2.7");
    f.event_logging = f.event_logging || Implements(*control, "iso42001:A.6.2.8");
  }

  AIMS_ASSIGN_OR_RETURN(auto obligations, OfSystem<domain::Obligation>(tx, "system", system_id));
  f.conformity_assessment_planned = std::any_of(obligations.begin(), obligations.end(), [](const domain::Obligation& o) {
    bool planned = o.status == domain::ObligationStatus::kInProgress || o.status == domain::ObligationStatus::kMet;
    return planned && o.article.rfind("Art. 43", 0) == 0;
  });
  return f;
}

base::Result<domain::GateOutcome> EvaluateSystemGate(store::Tx& tx, const domain::GatePolicy& policy, domain::Id system,
                                                     domain::LifecycleStage to, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem s, tx.records<domain::AiSystem>().Get(system));
  AIMS_ASSIGN_OR_RETURN(domain::GateFacts facts, GateFactsFor(tx, system, today));
  return domain::EvaluateGate(policy, s.ai_act_tier, s.lifecycle_stage, to, facts);
}

}  // namespace aims::service
