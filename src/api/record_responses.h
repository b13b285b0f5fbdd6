// The pieces every record route answers with: the record as JSON with its version as ETag, the
// If-Match a write must carry, and problem answers for a bad body. Shared by the generic record
// routes and the assessment routes.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "api/problem.h"
#include "api/router.h"
#include "io/register_json_writer.h"

namespace aims::api {

std::string Etag(int64_t version);
// The version named by If-Match ("3" or W/"3"). Absent: FailedPrecondition (428).
base::Result<int64_t> IfMatchVersion(const RequestContext& ctx);
// The version a write is based on, or the answer refusing it: 428 without If-Match, 422 when
// the header is not an ETag of ours.
std::variant<int64_t, Response> RequiredVersion(const RequestContext& ctx);
base::Status BodyIsJson(const RequestContext& ctx);
// Body errors: a syntax error is the client's malformed request (400); a bad value is 422.
Response BodyProblem(const base::Status& s, const RequestContext& ctx);

template <class T>
Response RecordResponse(http::status status, const T& record) {
  std::string body;
  io::RecordJsonWriter::Append(record, &body);
  body += "\n";
  Response res = JsonResponse(status, std::move(body));
  res.set(http::field::etag, Etag(record.meta.version));
  return res;
}

}  // namespace aims::api
