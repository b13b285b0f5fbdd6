// The HTTP vocabulary of the API layer: Beast's request and response types, and the few helpers
// every route uses to answer. HTTP stays in this layer; services below it know nothing of it.
#pragma once

#include <boost/beast/http.hpp>

#include <string>
#include <string_view>

namespace aims::api {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// A response with `body` and its content type; keep-alive and version are set by the server.
Response MakeResponse(http::status status, std::string body, std::string_view content_type);
inline Response JsonResponse(http::status status, std::string body) {
  return MakeResponse(status, std::move(body), "application/json");
}

}  // namespace aims::api
