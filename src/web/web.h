// The web application of `aims serve`: server-rendered pages over the same route table, access
// rules and use cases as the JSON API (web/ may use api/ and everything below it).
#pragma once

#include "api/dispatcher.h"

namespace aims::web {

// Every page: sign-in, dashboard, registers, SoA, ledger, accounts, CSV import, static files.
void AddWebRoutes(api::Router& router, api::Dispatcher& dispatcher);

}  // namespace aims::web
