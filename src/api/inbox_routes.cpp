#include "api/inbox_routes.h"

#include "api/record_responses.h"
#include "base/canonical_json.h"
#include "base/clock.h"

namespace aims::api {

namespace {

base::Result<Response> Inbox(RequestContext& ctx) {
  std::vector<service::InboxItem> items;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(items, service::InboxFor(tx, ctx.principal->person, ctx.principal->permissions, base::Now()));
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, InboxJson(items) + "\n");
}

}  // namespace

std::string InboxJson(const std::vector<service::InboxItem>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\n  " : "\n  ") + service::InboxItemJson(items[i]);
  return out + (items.empty() ? "]" : "\n]");
}

void AddInboxRoutes(Router& router) {
  router.Add({http::verb::get, "/api/v1/inbox", Access::Needs(domain::Permission::kRegisterRead),
              {"What waits for the caller, most urgent first: approvals, reviews due, evidence expiring, incident "
               "reporting clocks, courses to take",
               "inbox", "", "inbox", false, false, 200, {}},
              Inbox});
}

}  // namespace aims::api
