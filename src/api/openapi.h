// The OpenAPI 3.1 description of the API (GET /api/openapi.json), generated from the route
// table and the record types' field lists, so that it describes exactly the routes the server
// answers and the fields it accepts.
#pragma once

#include <string>

#include "api/router.h"

namespace aims::api {

std::string OpenApiDocument(const Router& router);

}  // namespace aims::api
