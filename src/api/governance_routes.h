// Governance over HTTP (issue 5): approving (and reviewing) a policy, the RACI matrix and its
// gaps. Policies and RACI rows themselves go through the generic record routes
// (/api/v1/policies, /api/v1/responsibilities).
#pragma once

#include "api/router.h"
#include "domain/objective.h"
#include "report/trend_chart.h"

namespace aims::api {

void AddGovernanceRoutes(Router& router);

// The trend chart of an objective (the API's chart.svg and the web page draw the same one).
report::TrendChart TrendChartOf(const domain::Objective& objective, const domain::ObjectiveProgress& progress);

}  // namespace aims::api
