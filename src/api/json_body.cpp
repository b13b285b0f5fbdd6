#include "api/json_body.h"

#include <algorithm>
#include <string>

#include "api/record_responses.h"

namespace aims::api {

base::Result<boost::json::object> JsonObjectBody(const RequestContext& ctx, std::initializer_list<std::string_view> allowed) {
  AIMS_TRY(BodyIsJson(ctx));
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(ctx.request.body(), ec);
  if (ec || !v.is_object()) return base::Status::InvalidArgument("not valid JSON: expected an object");
  std::string names;
  for (auto a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
  for (const auto& [key, value] : v.as_object()) {
    if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end()) {
      return base::Status::InvalidArgument("unknown field (expected " + names + ")", "/" + std::string(key));
    }
  }
  return std::move(v.as_object());
}

base::Result<std::string> StringField(const boost::json::object& body, std::string_view key, bool required) {
  const boost::json::value* v = body.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return base::Status::InvalidArgument("required", "/" + std::string(key));
    return std::string();
  }
  if (!v->is_string()) return base::Status::InvalidArgument("must be a string", "/" + std::string(key));
  return std::string(v->as_string());
}

}  // namespace aims::api
