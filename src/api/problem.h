// Errors as RFC 9457 problem details (application/problem+json): the status, a stable type URI
// per error code, a title, the detail (what failed) and, when known, the field or id it is
// about ("field": a JSON pointer into the request body or the name of a query parameter).
#pragma once

#include "api/http.h"
#include "base/status.h"

namespace aims::api {

http::status HttpStatusFor(const base::Status& status);

// `instance` is the request path; `request_id` lets a user quote the log line.
Response ProblemResponse(const base::Status& status, std::string_view instance, std::string_view request_id);
Response ProblemResponse(http::status code, std::string_view detail, std::string_view instance,
                         std::string_view request_id, std::string_view field = {});

}  // namespace aims::api
