// A lifecycle gate's checklist as JSON, the same for `aims system gate --json` and
// GET /api/v1/systems/{id}/gate:
//   {"system": 3, "from": "verification_validation", "to": "deployment", "forward": true,
//    "met": false, "approvers_needed": 2,
//    "checklist": [{"check": "event_logging", "label": "event logging in place", "met": false}, ...]}
#pragma once

#include <string>

#include "domain/lifecycle_gate.h"

namespace aims::io {

std::string GateChecklistJson(domain::Id system, domain::LifecycleStage from, domain::LifecycleStage to,
                              const domain::GateOutcome& outcome);

}  // namespace aims::io
