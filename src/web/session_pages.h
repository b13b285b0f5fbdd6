// Signing in and out of the web application, and the HTML page for errors of page routes.
#pragma once

#include "api/dispatcher.h"

namespace aims::web {

void AddSessionPages(api::Router& router, api::Dispatcher& dispatcher);

// The page answering a failed page request: the status the JSON API would give, the message,
// and the field or id it names.
api::Response ErrorPage(const base::Status& status, api::RequestContext& ctx);

}  // namespace aims::web
