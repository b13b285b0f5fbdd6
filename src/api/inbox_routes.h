// GET /api/v1/inbox: what is waiting for the caller (service/inbox.h), most urgent first:
//   [{"kind": "approval", "text": "...", "record": "GATE-3", "href": "/gate_requests/3",
//     "due": "2026-12-01"|null, "overdue": false}, ...]
#pragma once

#include <string>
#include <vector>

#include "api/router.h"
#include "service/inbox.h"

namespace aims::api {

std::string InboxJson(const std::vector<service::InboxItem>& items);
void AddInboxRoutes(Router& router);

}  // namespace aims::api
