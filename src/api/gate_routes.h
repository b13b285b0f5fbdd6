// Lifecycle gates over HTTP (issue 5): the checklist of a move, asking for one (with the admin's
// emergency override), approving and refusing a pending one, and the gate policy in force. The
// gate requests and the stored policy are read (and the policy edited) through the generic
// record routes.
#pragma once

#include "api/router.h"

namespace aims::api {

void AddGateRoutes(Router& router);

}  // namespace aims::api
