#include "api/problem.h"

#include "base/canonical_json.h"

namespace aims::api {

Response MakeResponse(http::status status, std::string body, std::string_view content_type) {
  Response res{status, 11};
  res.set(http::field::content_type, content_type);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

http::status HttpStatusFor(const base::Status& status) {
  switch (status.code()) {
    case base::StatusCode::kOk: return http::status::ok;
    case base::StatusCode::kInvalidArgument: return http::status::unprocessable_entity;
    case base::StatusCode::kNotFound: return http::status::not_found;
    case base::StatusCode::kAlreadyExists: return http::status::conflict;
    case base::StatusCode::kConflict: return http::status::precondition_failed;
    case base::StatusCode::kFailedPrecondition: return http::status::conflict;
    case base::StatusCode::kPermissionDenied: return http::status::forbidden;
    case base::StatusCode::kUnauthenticated: return http::status::unauthorized;
    case base::StatusCode::kResourceExhausted: return http::status::too_many_requests;
    default: return http::status::internal_server_error;
  }
}

namespace {

std::string_view TypeSlug(http::status code) {
  switch (code) {
    case http::status::bad_request: return "bad-request";
    case http::status::unauthorized: return "unauthenticated";
    case http::status::forbidden: return "forbidden";
    case http::status::not_found: return "not-found";
    case http::status::method_not_allowed: return "method-not-allowed";
    case http::status::conflict: return "conflict";
    case http::status::precondition_failed: return "stale-version";
    case http::status::payload_too_large: return "too-large";
    case http::status::unsupported_media_type: return "unsupported-media-type";
    case http::status::unprocessable_entity: return "invalid";
    case http::status::precondition_required: return "version-required";
    case http::status::too_many_requests: return "too-many-requests";
    case http::status::service_unavailable: return "unavailable";
    default: return "internal";
  }
}

}  // namespace

Response ProblemResponse(http::status code, std::string_view detail, std::string_view instance,
                         std::string_view request_id, std::string_view field) {
  std::string body = "{\"type\": ";
  base::AppendJsonString(&body, "https://aims.invalid/problems/" + std::string(TypeSlug(code)));
  body += ", \"title\": ";
  base::AppendJsonString(&body, http::obsolete_reason(code));
  body += ", \"status\": " + std::to_string(static_cast<unsigned>(code)) + ", \"detail\": ";
  base::AppendJsonString(&body, detail);
  if (!field.empty()) {
    body += ", \"field\": ";
    base::AppendJsonString(&body, field);
  }
  body += ", \"instance\": ";
  base::AppendJsonString(&body, instance);
  body += ", \"request_id\": ";
  base::AppendJsonString(&body, request_id);
  body += "}\n";
  return MakeResponse(code, std::move(body), "application/problem+json");
}

Response ProblemResponse(const base::Status& status, std::string_view instance, std::string_view request_id) {
  http::status code = HttpStatusFor(status);
  // An internal error's text is for the log, not for the client.
  std::string detail = code == http::status::internal_server_error ? "internal error; see the server log"
                                                                   : std::string(status.message());
  return ProblemResponse(code, detail, instance, request_id, status.where());
}

}  // namespace aims::api
