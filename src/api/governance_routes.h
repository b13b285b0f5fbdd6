// Governance over HTTP (issue 5): approving (and reviewing) a policy, the RACI matrix and its
// gaps. Policies and RACI rows themselves go through the generic record routes
// (/api/v1/policies, /api/v1/responsibilities).
#pragma once

#include "api/router.h"

namespace aims::api {

void AddGovernanceRoutes(Router& router);

}  // namespace aims::api
