// Routes that are not records: health and readiness, metrics, the OpenAPI document, signing in
// and out, the signed-in user, and the ledger (head, inclusion proofs, verification).
#pragma once

#include "api/dispatcher.h"
#include "api/router.h"

namespace aims::api {

// `dispatcher` answers readiness (it knows when a stop has begun) and holds the metrics.
void AddAppRoutes(Router& router, Dispatcher& dispatcher);

}  // namespace aims::api
