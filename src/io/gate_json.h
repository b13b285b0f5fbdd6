// A lifecycle gate's checklist as JSON, the same for `aims system gate --json` and
// GET /api/v1/systems/{id}/gate:
//   {"system": 3, "from": "verification_validation", "to": "deployment", "forward": true,
//    "met": false, "approvers_needed": 2,
//    "checklist": [{"check": "event_logging", "label": "event logging in place", "met": false}, ...]}
// and, when `pending` is given, "pending": the request waiting for approval, or null.
#pragma once

#include <optional>
#include <string>

#include "domain/gate_request.h"
#include "domain/lifecycle_gate.h"

namespace aims::io {

std::string GateChecklistJson(domain::Id system, domain::LifecycleStage from, domain::LifecycleStage to,
                              const domain::GateOutcome& outcome,
                              const std::optional<std::optional<domain::GateRequest>>& pending = std::nullopt);

}  // namespace aims::io
