// Concerns over HTTP (issue 5, A.3.3). Public, no account, the client's address kept out of the
// log: filing a report (POST /api/v1/concerns), reading it and adding to it with the receipt code
// (POST /api/v1/concerns/receipt, /receipt/messages; the code travels in the body, never in a
// URL), rate-limited with the web pages' limits. Handlers (concern.handle): the reports they may
// see, one report, and their answer and triage (If-Match).
#pragma once

#include "api/router.h"

namespace aims::api {

void AddConcernRoutes(Router& router);

}  // namespace aims::api
