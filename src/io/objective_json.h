// Where an AI objective stands, as JSON, the same for `aims objective status --json` and
// GET /api/v1/objectives/{id}/progress:
//   {"objective": 2, "id": "OBJ-2", "title": "...", "metric": "...", "unit": "ratio",
//    "direction": "at_least", "target": "0.8", "due": "2027-03-31"|null, "latest": 0.83|null,
//    "met": true, "overdue": false, "trend": 1, "points": [{"on": "2026-01-31", "value": 0.74}, ...]}
#pragma once

#include <string>

#include "domain/objective.h"

namespace aims::io {

std::string ObjectiveProgressJson(const domain::Objective& objective, const domain::ObjectiveProgress& progress);

}  // namespace aims::io
