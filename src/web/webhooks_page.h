// The /webhooks page (issue 5, notifications), for user administrators: the endpoints with a stop
// button, a form to add one (its secret is shown on the answer, once), and the delivery log.
#pragma once

#include "api/router.h"

namespace aims::web {

void AddWebhooksPage(api::Router& router);

}  // namespace aims::web
