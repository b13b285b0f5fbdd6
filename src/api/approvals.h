// What an approval over HTTP is made of: the approver (the caller's person, and whether their
// role grants the approve permission) and the optional {"note": "..."} body.
#pragma once

#include <string>

#include "api/router.h"
#include "base/result.h"
#include "service/assessments.h"

namespace aims::api {

service::Approver ApproverOf(const RequestContext& ctx);

// The body's note: "" for no body; InvalidArgument for any other field or a non-string.
base::Result<std::string> NoteOf(const RequestContext& ctx);

}  // namespace aims::api
