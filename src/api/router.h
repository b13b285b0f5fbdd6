// The route table: every route the server answers, with the access it needs and what the OpenAPI
// document says about it. One table serves dispatch, authorisation (checked before any handler
// runs) and the API description, so none of the three can drift from the others.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "api/http.h"
#include "api/write_batcher.h"
#include "base/result.h"
#include "domain/access.h"
#include "service/accounts.h"
#include "service/workspace.h"

namespace aims::api {

// Who may call a route: anyone, any signed-in user, or a user holding `permission` (or, when
// set, `own_permission`, which the handler narrows to records the user owns).
struct Access {
  enum class Kind { kPublic, kSignedIn, kPermission };
  Kind kind = Kind::kPermission;
  domain::Permission permission{};
  std::optional<domain::Permission> own_permission;

  static Access Public() { return {Kind::kPublic, {}, std::nullopt}; }
  static Access SignedIn() { return {Kind::kSignedIn, {}, std::nullopt}; }
  static Access Needs(domain::Permission p, std::optional<domain::Permission> own = std::nullopt) {
    return {Kind::kPermission, p, own};
  }
};

// What the OpenAPI document says about a route (api/openapi.cpp).
struct RouteDoc {
  std::string summary;
  std::string tag;
  std::string request_schema;   // component name of the JSON body, or "binary"; empty: no body
  std::string response_schema;  // component name, "binary", "text"; empty: no body
  bool paginated = false;       // list with filter, sort and cursor parameters
  bool versioned = false;       // answers with an ETag; writes need If-Match
  unsigned success = 200;
  std::vector<std::string> query;  // further query parameters
};

struct Route;

struct RequestContext {
  const Request& request;
  const Route& route;
  std::string path;  // without the query string
  std::map<std::string, std::string, std::less<>> params;       // from the path pattern
  std::multimap<std::string, std::string, std::less<>> query;   // percent-decoded
  std::string request_id;
  std::string client;  // remote address
  std::optional<service::Principal> principal;
  std::string csrf_token;  // of the session, when signed in by cookie
  service::Workspace* ws = nullptr;   // this thread's, for reads
  WriteBatcher* writes = nullptr;     // the server's group commit, for changes

  // Runs a change to the register as the signed-in user, in the server's next group commit.
  base::Status Mutate(std::function<base::Status(service::Mutation&)> body);

  // The last value of a query parameter, if present.
  std::optional<std::string> Query(std::string_view name) const;
  // The path parameter `name` as a positive id; NotFound if it is not one.
  base::Result<domain::Id> IdParam(std::string_view name = "id") const;
};

using Handler = std::function<base::Result<Response>(RequestContext&)>;

struct Route {
  http::verb method;
  std::string pattern;  // "/api/v1/systems/{id}"
  Access access;
  RouteDoc doc;
  Handler handler;
  // A page of the web application (HTML), not part of the JSON API: left out of the OpenAPI
  // document; a visitor who is not signed in is sent to the sign-in page; errors are HTML.
  bool page = false;
  // The client's address is left out of the request log (an anonymous concern's reporter).
  bool conceal_client = false;
  std::string name() const { return std::string(http::to_string(method)) + " " + pattern; }
};

class Router {
 public:
  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }

  struct Match {
    const Route* route = nullptr;
    std::string_view name;  // route->name(), kept by the router
    std::map<std::string, std::string, std::less<>> params;
    std::vector<http::verb> allowed;  // methods of routes whose pattern matched, when none did
  };
  Match Find(http::verb method, std::string_view path) const;

 private:
  // A pattern split once into segments; "{name}" segments capture.
  struct Compiled {
    std::vector<std::string> segments;
    std::vector<bool> captures;
  };
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;  // parallel to routes_
  std::vector<std::string> names_;  // parallel to routes_
  // A lookup compares only the routes that could match: those whose segment count and first
  // kKeySegments literal segments equal the path's (by_prefix_), and those of that length with a
  // capture among their first segments (by_length_); each list in table order, merged on lookup.
  static constexpr size_t kKeySegments = 3;
  std::unordered_map<std::string, std::vector<size_t>> by_prefix_;
  std::vector<std::vector<size_t>> by_length_;
};

// Percent-decoding of a path segment or query component ('+' is a space only in queries).
std::optional<std::string> PercentDecode(std::string_view s, bool query);
std::multimap<std::string, std::string, std::less<>> ParseQuery(std::string_view query);
// Percent-encoding of everything but unreserved characters and '/' (a path or query value).
std::string PercentEncode(std::string_view s);

}  // namespace aims::api
