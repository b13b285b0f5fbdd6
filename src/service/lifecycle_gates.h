// Lifecycle gates against the register (issue 5): the facts domain::EvaluateGate checks, and the
// use cases of moving an AI system between lifecycle stages.
//
// Where each fact comes from:
//   owner, intended use, human oversight (in, on or over the loop): the system's own fields;
//   risks assessed: a live risk names the system;
//   impact assessment approved: a live approved impact assessment of the system;
//   untreated risk above appetite: a live, open or treating risk of the system whose effective
//     level (residual once assessed) is above the methodology's appetite and that no approver has
//     accepted;
//   verification, technical documentation, event logging: unexpired evidence for a control that
//     treats one of the system's risks and implements ISO/IEC 42001 A.6.2.4, A.6.2.7 or A.6.2.8;
//   conformity assessment planned: the system's Art. 43 obligation is in progress or met, or it
//     is classified and has no Art. 43 obligation (a deployer's system: the provider's duty);
//   overseers trained: a live oversight arrangement names someone who may stop the system, and
//     everyone it names is present and holds every course required of them (service/oversight.h).
//
// The use cases: a person asks to move a system (RequestAdvance). A forward move is refused,
// nothing written, while its checklist is unmet; once met it waits for its quorum of approvers
// who are not the requester (ApproveGate; RefuseGate ends it), and the last approval moves the
// system. A move back or into retirement needs no gate and happens at once. An admin may
// override an unmet checklist and the approvals, giving a reason; the override stays on the
// record and is shown wherever gates are reported. Each step is one GateRequest update (its
// checklist as evaluated then) plus, when the system moves, the system's "advance" entry.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "base/time.h"
#include "domain/gate_request.h"
#include "domain/lifecycle_gate.h"
#include "service/assessments.h"
#include "store/store.h"

namespace aims::service {

class Mutation;

base::Result<domain::GateFacts> GateFactsFor(store::Tx& tx, domain::Id system, base::Date today);

// The gate for moving `system` to stage `to` under `policy`, on the register's facts today.
base::Result<domain::GateOutcome> EvaluateSystemGate(store::Tx& tx, const domain::GatePolicy& policy, domain::Id system,
                                                     domain::LifecycleStage to, base::Date today);

// The live gate policy record, if the AIMS manager has written one.
base::Result<std::optional<domain::GatePolicyRecord>> StoredGatePolicy(store::Tx& tx);
// The policy in force: the stored record's rules, else domain::DefaultGatePolicy().
base::Result<domain::GatePolicy> CurrentGatePolicy(store::Tx& tx);

// Stores `rules` as the gate policy: the first time as a new record, then as a change of the
// stored one, which must still be at `expected_version` (Conflict otherwise; FailedPrecondition
// without one). Rules are checked line by line (domain/gate_policy_text.h).
base::Result<domain::GatePolicyRecord> SetGatePolicyRules(Mutation& m, const std::string& rules,
                                                           std::optional<int64_t> expected_version);

// The system's gate request waiting for approval, if any (there is at most one).
base::Result<std::optional<domain::GateRequest>> PendingGate(store::Tx& tx, domain::Id system);

// Who asks for a move: the person they act as, and whether they may override a gate (admin).
struct Requester {
  std::optional<domain::Id> person;
  bool may_override = false;
};

struct AdvanceRequest {
  domain::Id system = 0;
  domain::LifecycleStage to = domain::LifecycleStage::kInception;
  std::string reason;
  bool override = false;  // emergency override: admin only, reason required
};

// Starts a move. Refuses, writing nothing: a skip, a retired system, a request already pending
// (unless overriding it), an unmet checklist (FailedPrecondition listing each unmet check by
// name, where "checklist"), an override by a non-admin or without a reason.
base::Result<domain::GateRequest> RequestAdvance(Mutation& m, const AdvanceRequest& request, const Requester& who);

// An approver who is not the requester, and has not approved it yet, approves a pending gate.
// The checklist is evaluated again and must still be met; the approval that completes the
// quorum opens the gate and moves the system.
base::Result<domain::GateRequest> ApproveGate(Mutation& m, domain::Id gate, int64_t expected_version,
                                              const Approver& who, const std::string& note);

// An approver who is not the requester refuses a pending gate, saying why.
base::Result<domain::GateRequest> RefuseGate(Mutation& m, domain::Id gate, int64_t expected_version,
                                             const Approver& who, const std::string& note);

// "deployment: 2 of 9 checks unmet: an approved AI system impact assessment
// (impact_assessment_approved); ..." — the refusal message of an unmet checklist.
std::string UnmetText(const domain::GateOutcome& outcome);

}  // namespace aims::service
