// Concerns in the web application (issue 5): the public pages, which need no account (filing a
// report, reading it and adding to it with the receipt code), rate-limited per client without
// storing the client's address; and the handlers' list and report pages.
#pragma once

#include "api/router.h"

namespace aims::web {

void AddConcernPages(api::Router& router);

}  // namespace aims::web
