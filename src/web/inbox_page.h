// The /inbox page (issue 5, notifications): what waits for the signed-in user, most urgent first,
// grouped by kind (service/inbox.h); and the count shown on the dashboard.
#pragma once

#include "api/router.h"

namespace aims::web {

void AddInboxPage(api::Router& router);

}  // namespace aims::web
