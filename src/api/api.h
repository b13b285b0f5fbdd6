// The API layer's entry point: the route table of `aims serve`, built once at start-up.
#pragma once

#include "api/dispatcher.h"
#include "api/router.h"

namespace aims::api {

// Every route the server answers: records, evidence files, ledger, session, operations.
void AddAllRoutes(Router& router, Dispatcher& dispatcher);

// The route table of a server with default settings, for what needs the routes but no server:
// `aims openapi`, and tests that go over every route.
class RouteTable {
 public:
  RouteTable();
  const Router& router() const { return router_; }

 private:
  ServerConfig config_;
  Logger log_;
  Metrics metrics_;
  Router router_;
  Dispatcher dispatcher_;
};

}  // namespace aims::api
