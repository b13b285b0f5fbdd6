// Lifecycle gates against the register: the facts domain::EvaluateGate checks, gathered for one
// AI system in one read transaction (issue 5). Where each fact comes from:
//   owner, intended use, human oversight (in, on or over the loop): the system's own fields;
//   risks assessed: a live risk names the system;
//   impact assessment approved: a live approved impact assessment of the system;
//   untreated risk above appetite: a live, open or treating risk of the system whose effective
//     level (residual once assessed) is above the methodology's appetite and that no approver has
//     accepted;
//   verification, technical documentation, event logging: unexpired evidence for a control that
//     treats one of the system's risks and implements ISO/IEC 42001 A.6.2.4, A.6.2.7 or A.6.2.8;
//   conformity assessment planned: the system's Art. 43 obligation is in progress or met.
#pragma once

#include "base/result.h"
#include "base/time.h"
#include "domain/lifecycle_gate.h"
#include "store/store.h"

namespace aims::service {

base::Result<domain::GateFacts> GateFactsFor(store::Tx& tx, domain::Id system, base::Date today);

// The gate for moving `system` to stage `to` under `policy`, on the register's facts today.
base::Result<domain::GateOutcome> EvaluateSystemGate(store::Tx& tx, const domain::GatePolicy& policy, domain::Id system,
                                                     domain::LifecycleStage to, base::Date today);

}  // namespace aims::service
