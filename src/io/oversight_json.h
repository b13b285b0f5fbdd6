// Human oversight and competence as JSON, the same for the CLI's --json and the API:
//   OversightJson: {"system": 3, "id": "SYS-3", "name": "...", "mode": "human_in_the_loop",
//     "arrangement": "OVS-1"|null, "ok": false, "gaps": ["..."], "warnings": ["..."],
//     "overseers": [{"person": 5, "id": "PER-5", "name": "...", "left": false,
//       "powers": ["stop", "override"], "courses": [<competence>, ...]}]}
//   CompetenceJson: [{"person": 5, "id": "PER-5", "name": "...", "competent": true,
//     "courses": [{"course": 2, "id": "CRS-2", "title": "...", "because": ["everyone"],
//       "state": "valid", "completed_on": "2026-02-01"|null, "expires_on": "2027-01-31"|null,
//       "training": "TRN-4"|null}]}]
#pragma once

#include <string>
#include <vector>

#include "domain/oversight.h"

namespace aims::io {

std::string OversightJson(const domain::OversightView& view);
std::string OversightListJson(const std::vector<domain::OversightView>& views);
std::string CompetenceJson(const std::vector<domain::PersonCompetence>& people);

}  // namespace aims::io
