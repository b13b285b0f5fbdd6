// An incident's EU reporting clock as JSON, the same for `aims incident clocks --json`,
// GET /api/v1/incidents/{id}/clock and GET /api/v1/incident-clocks:
//   {"incident": 4, "id": "INC-4", "title": "...", "kind": "general", "days": 15,
//    "article": "Art. 73(2)", "aware_at": "...Z", "deadline": "...Z",
//    "deadline_local": "2026-12-14 00:00 CET", "time_zone": "Europe/Berlin",
//    "seconds_left": 1234, "overdue": false, "reported": false, "text": "4 days 3 hours left"}
#pragma once

#include <string>

#include "base/time_zone.h"
#include "domain/incident.h"

namespace aims::io {

std::string IncidentClockJson(const domain::Incident& incident, const domain::IncidentClock& clock,
                              const base::TimeZone& zone);

}  // namespace aims::io
