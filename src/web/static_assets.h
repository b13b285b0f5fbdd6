// The web application's static files (stylesheet, scripts, htmx), compiled into the binary and
// served under /static/ with long-lived caching: pages link them with ?v=<AssetVersion()>, so a
// new build is fetched at once.
#pragma once

#include <string_view>

#include "api/router.h"

namespace aims::web {

// A short hash of every static file: changes whenever any of them does.
std::string_view AssetVersion();

void AddStaticRoutes(api::Router& router);

}  // namespace aims::web
