#include "web/web.h"

#include "web/accounts_page.h"
#include "web/assess_pages.h"
#include "web/concern_pages.h"
#include "web/dashboard_page.h"
#include "web/gate_pages.h"
#include "web/governance_pages.h"
#include "web/oversight_pages.h"
#include "web/inbox_page.h"
#include "web/webhooks_page.h"
#include "web/incident_pages.h"
#include "web/import_page.h"
#include "web/ledger_page.h"
#include "web/record_pages.h"
#include "web/session_pages.h"
#include "web/soa_page.h"
#include "web/static_assets.h"

namespace aims::web {

void AddWebRoutes(api::Router& router, api::Dispatcher& dispatcher) {
  AddStaticRoutes(router);
  AddSessionPages(router, dispatcher);
  AddDashboardPage(router);
  AddSoaPage(router);
  AddLedgerPage(router);
  AddAccountsPage(router);
  AddImportPage(router);
  AddRecordPages(router);
  AddAssessPages(router);
  AddGatePages(router);
  AddIncidentPages(router);
  AddGovernancePages(router);
  AddOversightPages(router);
  AddInboxPage(router);
  AddWebhooksPage(router);
  AddConcernPages(router);
}

}  // namespace aims::web
