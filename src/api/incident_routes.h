// Incidents over HTTP (issue 5): the EU reporting clocks, adding to an incident's timeline and
// communications log, and feeding the risk register. Incidents themselves are read and edited
// through the generic record routes (/api/v1/incidents).
#pragma once

#include "api/router.h"

namespace aims::api {

void AddIncidentRoutes(Router& router);

}  // namespace aims::api
