// Reading the JSON object body of a use-case route (not a record: those go through the field
// lists): the Content-Type, the syntax, and only the fields the route knows.
#pragma once

#include <initializer_list>
#include <string_view>

#include <boost/json.hpp>

#include "api/router.h"
#include "base/result.h"

namespace aims::api {

// The body as an object whose every field is one of `allowed`. InvalidArgument naming an unknown
// field as a JSON pointer ("/colour") with the fields expected; "not valid JSON" for bad syntax.
base::Result<boost::json::object> JsonObjectBody(const RequestContext& ctx, std::initializer_list<std::string_view> allowed);

// The string field `key` of `body`: "" when absent or null (InvalidArgument if `required`), and
// InvalidArgument for a value of another type.
base::Result<std::string> StringField(const boost::json::object& body, std::string_view key, bool required);

}  // namespace aims::api
