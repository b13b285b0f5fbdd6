#include "service/lifecycle_gates.h"

#include <algorithm>
#include <set>

#include "domain/risk_scoring.h"
#include "service/mutation.h"
#include "service/system_assurance.h"

namespace aims::service {

namespace {

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
  AIMS_ASSIGN_OR_RETURN(SystemAssurance assurance, AssuranceOf(tx, system_id));
  std::set<domain::Id> treating_controls;  // of the risks still in play
  for (const domain::Risk& r : assurance.risks) {
    if (r.status == domain::RiskStatus::kClosed) continue;
    f.risks_assessed = true;
    treating_controls.insert(r.controls.begin(), r.controls.end());
    bool pending = r.status == domain::RiskStatus::kOpen || r.status == domain::RiskStatus::kTreating;
    int rank = domain::EffectiveRank(scale, r);
    if (pending && rank >= 0 && scale.AboveAppetite(rank)) f.untreated_risk_above_appetite = true;
  }

  AIMS_ASSIGN_OR_RETURN(auto assessments, LiveReferring<domain::ImpactAssessment>(tx, "system", system_id));
  f.impact_assessment_approved = std::any_of(assessments.begin(), assessments.end(), [](const auto& a) {
    return a.status == domain::AssessmentStatus::kApproved;
  });

  // Evidence that counts today for the live controls treating those risks.
  for (const domain::Control& c : assurance.controls) {
    if (c.meta.retired_at || !treating_controls.count(c.meta.id)) continue;
    bool current = std::any_of(assurance.evidence.begin(), assurance.evidence.end(), [&](const domain::Evidence& e) {
      bool supports = std::find(e.controls.begin(), e.controls.end(), c.meta.id) != e.controls.end();
      return supports && (!e.expires_on || !(*e.expires_on < today));
    });
    if (!current) continue;
    f.verification_evidence = f.verification_evidence || Implements(c, "iso42001:A.6.2.4");
    f.technical_documentation = f.technical_documentation || Implements(c, "iso42001:A.6.2.7");
    f.event_logging = f.event_logging || Implements(c, "iso42001:A.6.2.8");
  }

  AIMS_ASSIGN_OR_RETURN(auto obligations, LiveReferring<domain::Obligation>(tx, "system", system_id));
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
