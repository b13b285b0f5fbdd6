#include "service/lifecycle_gates.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "domain/gate_policy_text.h"
#include "domain/risk_scoring.h"
#include "service/mutation.h"
#include "service/oversight.h"
#include "service/record_reads.h"
#include "service/system_assurance.h"

namespace aims::service {

namespace {

bool Implements(const domain::Control& c, std::string_view requirement) {
  return std::find(c.requirements.begin(), c.requirements.end(), requirement) != c.requirements.end();
}

using domain::DisplayId;
using domain::EntityKind;
using domain::GateStatus;

std::string Stage(domain::LifecycleStage s) { return std::string(domain::EnumName(s)); }

std::string Who(std::optional<domain::Id> person) {
  return person ? DisplayId(EntityKind::kPerson, *person) : std::string("nobody");
}

// "2026-11-29T12:00:05Z": events are read by people; seconds are enough.
std::string When(base::Timestamp t) {
  std::string s = t.ToString();
  return s.size() > 19 ? s.substr(0, 19) + "Z" : s;
}

std::vector<std::string> ChecklistLines(const domain::GateOutcome& outcome) {
  std::vector<std::string> out;
  for (const auto& item : outcome.checklist) {
    out.push_back(domain::ChecklistLine(item));
  }
  return out;
}

std::string ChecklistSummary(const domain::GateOutcome& outcome) {
  size_t met = outcome.checklist.size() - outcome.Unmet().size();
  return std::to_string(met) + " of " + std::to_string(outcome.checklist.size()) + " checks met";
}

base::Status Refused(const domain::GateOutcome& outcome, domain::Id system, domain::LifecycleStage to) {
  return base::Status::FailedPrecondition(
      DisplayId(EntityKind::kAiSystem, system) + " cannot move to " + Stage(to) + ": " + UnmetText(outcome),
      "checklist");
}

// The pending gate an approver decides on (approve or refuse): they may approve, it is still at
// `expected_version` and pending, and they did not request it (separation of duties).
base::Result<domain::GateRequest> LoadForDecision(Mutation& m, domain::Id gate, int64_t expected_version,
                                                  const Approver& who, std::string_view what) {
  AIMS_TRY(CheckApprover(who, what));
  AIMS_ASSIGN_OR_RETURN(auto g, GetAtVersion<domain::GateRequest>(m, gate, expected_version));
  if (g.status != GateStatus::kPending) {
    return base::Status::FailedPrecondition(
        DisplayId(EntityKind::kGateRequest, gate) + " is " + std::string(domain::EnumName(g.status)) +
            ", no longer waiting for approval",
        "status");
  }
  if (g.requested_by == who.person) {
    return base::Status::PermissionDenied(
        "you requested this gate: approvers must be other people (separation of duties)", "requested_by");
  }
  return g;
}

// The checklist of moving `system` to `to` today, under the policy in force.
base::Result<domain::GateOutcome> GateToday(Mutation& m, domain::Id system, domain::LifecycleStage to) {
  AIMS_ASSIGN_OR_RETURN(domain::GatePolicy policy, CurrentGatePolicy(m.tx()));
  return EvaluateSystemGate(m.tx(), policy, system, to, m.now().date());
}

// Moves the system to the gate's target stage: the system's own "advance" ledger entry.
base::Status MoveSystem(Mutation& m, domain::AiSystem& system, domain::LifecycleStage to) {
  system.lifecycle_stage = to;
  return m.Update(system, system.meta.version, "advance");
}

}  // namespace

base::Result<domain::GateFacts> GateFactsFor(store::Tx& tx, domain::Id system_id, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, tx.records<domain::AiSystem>().Get(system_id));
  domain::GateFacts f;
  f.has_owner = system.owner.has_value();
  f.has_intended_use = !system.intended_use.empty();
  f.human_oversight_defined = system.human_oversight != domain::HumanOversight::kUnspecified &&
                              system.human_oversight != domain::HumanOversight::kNone;
  {
    AIMS_ASSIGN_OR_RETURN(domain::CompetenceData people, LoadCompetenceData(tx));
    domain::OversightView oversight = domain::ViewOversight(system, people, today);
    f.overseers_trained = oversight.arrangement.has_value() && oversight.review.trained();
  }

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

  // Planned: the Art. 43 obligation is in hand; or the system is classified and the result puts
  // no Art. 43 duty on the organisation (a deployer's: conformity assessment is its provider's).
  AIMS_ASSIGN_OR_RETURN(auto obligations, LiveReferring<domain::Obligation>(tx, "system", system_id));
  bool art43 = false, planned = false;
  for (const domain::Obligation& o : obligations) {
    if (o.article.rfind("Art. 43", 0) != 0 || o.status == domain::ObligationStatus::kSuperseded) continue;
    art43 = true;
    planned = planned || o.status == domain::ObligationStatus::kInProgress || o.status == domain::ObligationStatus::kMet;
  }
  AIMS_ASSIGN_OR_RETURN(auto classification, LatestVersion<domain::AiActAssessment>(tx, system_id, false));
  f.conformity_assessment_planned = planned || (!art43 && classification.has_value());
  return f;
}

base::Result<domain::GateOutcome> EvaluateSystemGate(store::Tx& tx, const domain::GatePolicy& policy, domain::Id system,
                                                     domain::LifecycleStage to, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem s, tx.records<domain::AiSystem>().Get(system));
  AIMS_ASSIGN_OR_RETURN(domain::GateFacts facts, GateFactsFor(tx, system, today));
  return domain::EvaluateGate(policy, s.ai_act_tier, s.lifecycle_stage, to, facts);
}

std::string UnmetText(const domain::GateOutcome& outcome) {
  auto unmet = outcome.Unmet();
  std::string out = std::to_string(unmet.size()) + " of " + std::to_string(outcome.checklist.size()) +
                    " checks unmet: ";
  for (size_t i = 0; i < unmet.size(); ++i) {
    if (i) out += "; ";
    out += std::string(domain::GateCheckLabel(unmet[i])) + " (" + std::string(domain::EnumName(unmet[i])) + ")";
  }
  return out;
}

base::Result<std::optional<domain::GatePolicyRecord>> StoredGatePolicy(store::Tx& tx) {
  return FirstLive<domain::GatePolicyRecord>(tx);
}

base::Result<domain::GatePolicy> CurrentGatePolicy(store::Tx& tx) {
  AIMS_ASSIGN_OR_RETURN(auto stored, StoredGatePolicy(tx));
  if (!stored) return domain::DefaultGatePolicy();
  auto policy = domain::ParseGatePolicy(stored->rules);
  if (!policy.ok()) return policy.status().WithContext(DisplayId(EntityKind::kGatePolicy, stored->meta.id) + " rules");
  return policy;
}

base::Result<domain::GatePolicyRecord> SetGatePolicyRules(Mutation& m, const std::string& rules,
                                                           std::optional<int64_t> expected_version) {
  AIMS_ASSIGN_OR_RETURN(auto stored, StoredGatePolicy(m.tx()));
  if (!stored) {
    domain::GatePolicyRecord record;
    record.name = "Lifecycle gate policy";
    record.rules = rules;
    AIMS_TRY(m.Create(record).status());
    return record;
  }
  if (!expected_version) {
    return base::Status::FailedPrecondition("name the version of the gate policy you are changing", "version");
  }
  stored->rules = rules;
  AIMS_TRY(m.Update(*stored, *expected_version));
  return *stored;
}

base::Result<std::optional<domain::GateRequest>> PendingGate(store::Tx& tx, domain::Id system) {
  store::RecordQuery q;
  q.equals = {{"system", std::to_string(system)}, {"status", "pending"}};
  q.limit = 1;
  std::vector<domain::GateRequest> found;
  std::optional<store::PageKey> next;
  AIMS_TRY(tx.records<domain::GateRequest>().Query(q, &found, &next));
  if (found.empty()) return std::optional<domain::GateRequest>();
  return std::optional<domain::GateRequest>(std::move(found.front()));
}

base::Result<domain::GateRequest> RequestAdvance(Mutation& m, const AdvanceRequest& request, const Requester& who) {
  // An override is an admin's act, and an admin account may stand for no person: the ledger's
  // actor then says who it was. Every other request is signed by a person.
  if (!who.person && !(request.override && who.may_override)) {
    return base::Status::PermissionDenied("a gate request is signed by a person: your account is linked to no person",
                                          "requested_by");
  }
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, m.Get<domain::AiSystem>(request.system));
  std::string sys = DisplayId(EntityKind::kAiSystem, system.meta.id);
  if (system.meta.retired()) return base::Status::FailedPrecondition(sys + " is retired from the register", "system");
  std::string reason = request.reason;
  while (!reason.empty() && std::isspace(static_cast<unsigned char>(reason.back()))) reason.pop_back();
  if (request.override) {
    if (!who.may_override) {
      return base::Status::PermissionDenied("only an admin can override a lifecycle gate", "override");
    }
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      return base::Status::InvalidArgument("an emergency override needs a reason: say why the gate is overridden",
                                           "reason");
    }
  }
  AIMS_ASSIGN_OR_RETURN(domain::GateOutcome outcome, GateToday(m, system.meta.id, request.to));

  AIMS_ASSIGN_OR_RETURN(auto pending, PendingGate(m.tx(), system.meta.id));
  domain::GateRequest gate;
  bool overriding_pending = false;
  if (pending) {
    std::string id = DisplayId(EntityKind::kGateRequest, pending->meta.id);
    if (!request.override) {
      return base::Status::AlreadyExists(id + " (to " + Stage(pending->to_stage) +
                                         ") is already waiting for approval: approve or refuse it first");
    }
    if (pending->to_stage != request.to) {
      return base::Status::FailedPrecondition(id + " is waiting to move " + sys + " to " + Stage(pending->to_stage) +
                                                  ": refuse it before overriding to " + Stage(request.to),
                                              "to");
    }
    gate = *pending;
    overriding_pending = true;
  } else {
    gate.system = system.meta.id;
    gate.from_stage = system.lifecycle_stage;
    gate.to_stage = request.to;
    gate.requested_by = who.person;
    gate.reason = reason;
  }
  gate.checklist = ChecklistLines(outcome);
  gate.approvers_needed = outcome.forward ? outcome.approvers_needed : 0;
  std::string at = When(m.now()) + " ";
  std::string signer = who.person ? Who(who.person) : m.actor();

  if (request.override) {
    gate.status = GateStatus::kOverridden;
    gate.decided_by = who.person;
    gate.decision_note = reason;
    gate.decided_on = m.now().date();
    if (!overriding_pending) {
      gate.events.push_back(at + "requested by " + signer + ": " + Stage(gate.from_stage) + " to " +
                            Stage(gate.to_stage));
    }
    gate.events.push_back(at + "EMERGENCY OVERRIDE by " + signer + " with " + ChecklistSummary(outcome) +
                          " and " + std::to_string(gate.approved_by.size()) + " of " +
                          std::to_string(gate.approvers_needed) + " approvals: " + reason);
    if (overriding_pending) {
      AIMS_TRY(m.Update(gate, gate.meta.version, "override"));
    } else {
      AIMS_TRY(m.Create(gate, "override").status());
    }
    AIMS_TRY(MoveSystem(m, system, request.to));
    return gate;
  }

  if (!outcome.forward) {
    // Back for re-work, or retirement: no checklist, no approval.
    gate.status = GateStatus::kOpened;
    gate.decided_by = who.person;
    gate.decided_on = m.now().date();
    gate.events.push_back(at + (request.to == domain::LifecycleStage::kRetirement ? "retired by " : "moved back by ") +
                          Who(who.person) + ": " + Stage(gate.from_stage) + " to " + Stage(gate.to_stage));
    AIMS_TRY(m.Create(gate, "request").status());
    AIMS_TRY(MoveSystem(m, system, request.to));
    return gate;
  }
  if (!outcome.Met()) return Refused(outcome, system.meta.id, request.to);
  gate.status = GateStatus::kPending;
  gate.events.push_back(at + "requested by " + Who(who.person) + ": " + Stage(gate.from_stage) + " to " +
                        Stage(gate.to_stage) + ", " + ChecklistSummary(outcome) + ", " +
                        std::to_string(gate.approvers_needed) + " approver" + (gate.approvers_needed == 1 ? "" : "s") +
                        " needed");
  AIMS_TRY(m.Create(gate, "request").status());
  return gate;
}

base::Result<domain::GateRequest> ApproveGate(Mutation& m, domain::Id gate_id, int64_t expected_version,
                                              const Approver& who, const std::string& note) {
  AIMS_ASSIGN_OR_RETURN(domain::GateRequest gate,
                        LoadForDecision(m, gate_id, expected_version, who, "approve a lifecycle gate"));
  if (std::find(gate.approved_by.begin(), gate.approved_by.end(), *who.person) != gate.approved_by.end()) {
    return base::Status::AlreadyExists("you have approved " + DisplayId(EntityKind::kGateRequest, gate_id) +
                                       " already: another approver must");
  }
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, m.Get<domain::AiSystem>(*gate.system));
  if (system.lifecycle_stage != gate.from_stage) {
    return base::Status::FailedPrecondition(DisplayId(EntityKind::kAiSystem, system.meta.id) + " is at " +
                                                Stage(system.lifecycle_stage) + " now, not " + Stage(gate.from_stage) +
                                                ": refuse this request and ask again",
                                            "from_stage");
  }
  // What the approver signs is today's checklist, not the one at the request.
  AIMS_ASSIGN_OR_RETURN(domain::GateOutcome outcome, GateToday(m, system.meta.id, gate.to_stage));
  if (!outcome.Met()) return Refused(outcome, system.meta.id, gate.to_stage);
  gate.checklist = ChecklistLines(outcome);
  gate.approvers_needed = outcome.approvers_needed;
  gate.approved_by.push_back(*who.person);
  std::string line = When(m.now()) + " approved by " + Who(who.person) + " (" +
                     std::to_string(gate.approved_by.size()) + " of " + std::to_string(gate.approvers_needed) + "), " +
                     ChecklistSummary(outcome);
  if (!note.empty()) line += ": " + note;
  gate.events.push_back(line);
  bool opens = static_cast<int64_t>(gate.approved_by.size()) >= gate.approvers_needed;
  if (opens) {
    gate.status = GateStatus::kOpened;
    gate.decided_on = m.now().date();
    gate.events.push_back(When(m.now()) + " gate opened: " + DisplayId(EntityKind::kAiSystem, system.meta.id) +
                          " moves to " + Stage(gate.to_stage));
  }
  AIMS_TRY(m.Update(gate, expected_version, "approve"));
  if (opens) AIMS_TRY(MoveSystem(m, system, gate.to_stage));
  return gate;
}

base::Result<domain::GateRequest> RefuseGate(Mutation& m, domain::Id gate_id, int64_t expected_version,
                                             const Approver& who, const std::string& note) {
  AIMS_ASSIGN_OR_RETURN(domain::GateRequest gate,
                        LoadForDecision(m, gate_id, expected_version, who, "refuse a lifecycle gate"));
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) {
    return base::Status::InvalidArgument("say why the gate is refused", "note");
  }
  auto outcome = GateToday(m, *gate.system, gate.to_stage);  // the checklist refused, for the record
  if (outcome.ok()) gate.checklist = ChecklistLines(*outcome);
  gate.status = GateStatus::kRefused;
  gate.decided_by = who.person;
  gate.decision_note = note;
  gate.decided_on = m.now().date();
  gate.events.push_back(When(m.now()) + " refused by " + Who(who.person) + ": " + note);
  AIMS_TRY(m.Update(gate, expected_version, "refuse"));
  return gate;
}

}  // namespace aims::service
