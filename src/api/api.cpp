#include "api/api.h"

#include "api/app_routes.h"
#include "api/assessment_routes.h"
#include "api/concern_routes.h"
#include "api/gate_routes.h"
#include "api/governance_routes.h"
#include "api/inbox_routes.h"
#include "api/webhook_routes.h"
#include "api/incident_routes.h"
#include "api/record_routes.h"

namespace aims::api {

void AddAllRoutes(Router& router, Dispatcher& dispatcher) {
  AddAppRoutes(router, dispatcher);
  AddRecordRoutes(router);
  AddAssessmentRoutes(router);
  AddGateRoutes(router);
  AddIncidentRoutes(router);
  AddGovernanceRoutes(router);
  AddInboxRoutes(router);
  AddWebhookRoutes(router);
  AddConcernRoutes(router);
}

RouteTable::RouteTable() : dispatcher_(router_, config_, metrics_, log_) { AddAllRoutes(router_, dispatcher_); }

}  // namespace aims::api
